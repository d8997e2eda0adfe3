"""Analysis over hand-made stores (exact numbers) and over the ingested bundled examples."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from storebuilder import StoreBuilder

from dyadwatch.analysis import (
    country_network,
    detect_shifts,
    drop_cache,
    dyad_events,
    dyad_quotes,
    dyad_series,
    dyad_summary,
    events_by_ids,
    events_relation,
    top_dyads,
    warm_cache,
)
from dyadwatch.analysis.quotes import dyad_quote_rows
from dyadwatch.analysis.source import counted_events, is_cached
from dyadwatch.codes import lookup
from dyadwatch.store import Store

MONDAY = date(2024, 1, 1)  # a Monday


def week(n: int, day: int = 2) -> str:
    return (MONDAY + timedelta(weeks=n, days=day)).isoformat()


@pytest.fixture
def build(tmp_path):
    """A StoreBuilder; ``open()`` closes it and returns a read-only connection."""
    builder = StoreBuilder(tmp_path / "t.duckdb")
    opened = []

    def open_read_only():
        builder.close()
        store = Store(builder.path, read_only=True)
        opened.append(store)
        return store.con

    builder.open = open_read_only
    yield builder
    for store in opened:
        store.close()


def test_series_fills_empty_weeks_with_zeros_and_counts_quads(build):
    build.article("a1", week(0))
    build.event("a1", "USA", "CHN", "042")  # CONSULT, quad 1
    build.event("a1", "CHN", "USA", "112")  # ACCUSE, quad 3
    build.event("a1", "USA", "CHN", "061")  # COOPERATE, quad 2
    build.article("a4", week(3))
    build.event("a4", "CHN", "USA", "190")  # ASSAULT, quad 4
    con = build.open()
    points = dyad_series(con, "USA", "CHN", by="week")
    assert [p.period for p in points] == [week(n, 0) for n in range(4)]
    first, last = points[0], points[3]
    assert (first.events, first.by_quad, first.net_cooperation) == (3, {1: 1, 2: 1, 3: 1, 4: 0}, 1)
    assert first.by_type == {"CONSULT": 1, "ACCUSE": 1, "COOPERATE": 1}
    weights = sum(lookup(c).goldstein for c in ("042", "112", "061"))
    assert first.goldstein_sum == pytest.approx(weights)
    assert first.goldstein_mean == pytest.approx(weights / 3)
    assert [p.events for p in points[1:3]] == [0, 0] and points[1].goldstein_mean is None
    assert (last.by_quad[4], last.net_cooperation) == (1, -1)


def test_directed_series_keeps_one_direction_and_code_level_uses_actor_codes(build):
    build.article("a1", week(0))
    build.event("a1", "USA", "CHN", "042")
    build.event("a1", "CHN", "USA", "042")
    build.event("a1", "CHN", "USA", "112")
    con = build.open()
    assert [p.events for p in dyad_series(con, "usa", "chn", directed=True)] == [1]
    assert [p.events for p in dyad_series(con, "CHN", "USA", directed=True)] == [2]
    assert [p.events for p in dyad_series(con, "CHN", "USA")] == [3]
    assert [p.events for p in dyad_series(con, "CHNGOV", "USA", level="code", directed=True)] == [2]
    assert dyad_series(con, "CHN", "USA", level="code") == []  # no event has actor code CHN


def test_only_asserted_events_count_and_dates_fall_back_to_the_article(build):
    build.article("a1", "2024-03-15")
    build.event("a1", "RUS", "UKR", "190", date="")  # no date: the article's
    build.event("a1", "RUS", "UKR", "190", date="2024-03")  # a month holding the article date: the article's
    build.event("a1", "RUS", "UKR", "190", date="2023-11")  # an earlier month: its first day
    build.event("a1", "RUS", "UKR", "190", date="2024-03-15", negated=True)
    build.event("a1", "RUS", "UKR", "190", date="2024-03-15", hypothetical=True)
    con = build.open()
    points = dyad_series(con, "RUS", "UKR", by="month")
    assert [(p.period, p.events) for p in points] == [("2023-11", 1), ("2023-12", 0), ("2024-01", 0),
                                                      ("2024-02", 0), ("2024-03", 2)]  # fmt: skip
    days = [d for (d,) in con.execute(f"SELECT day FROM {events_relation(con)} e ORDER BY day").fetchall()]
    assert days == [date(2023, 11, 1), date(2024, 3, 15), date(2024, 3, 15)]


def test_month_series_crosses_the_year_and_since_until_bound_it(build):
    for day in ("2023-11-20", "2024-02-03", "2024-04-01"):
        build.article(day, day)
        build.event(day, "IND", "PAK", "042")
    con = build.open()
    assert [p.period for p in dyad_series(con, "IND", "PAK", by="month")] == [
        "2023-11", "2023-12", "2024-01", "2024-02", "2024-03", "2024-04"]  # fmt: skip
    assert [p.period for p in dyad_series(con, "IND", "PAK", by="month", since="2024-01", until="2024-02")] == [
        "2024-02"]  # fmt: skip
    days = [p.period for p in dyad_series(con, "IND", "PAK", by="day", since="2024-02-03", until="2024")]
    assert (days[0], days[-1], len(days)) == ("2024-02-03", "2024-04-01", 59)  # 2024 is a leap year
    with pytest.raises(ValueError, match="period"):
        dyad_series(con, "IND", "PAK", by="year")
    with pytest.raises(ValueError, match="not a date"):
        dyad_series(con, "IND", "PAK", since="last week")


def test_quotes_belong_to_a_dyad_by_addressee_or_a_mention_inside_the_quote(build):
    build.article("a1", week(0))
    build.event("a1", "CHN", "RUS", "042")
    build.quote("a1", "CHN", "RUS")  # addressed
    build.quote("a1", "RUS", "", start=100, end=150)  # names China inside the quote
    build.mention("a1", 0, "CHN", 110, 115)
    build.quote("a1", "RUS", "", start=200, end=220)  # China named only outside the quote
    build.mention("a1", 1, "CHN", 300, 305)
    build.quote("a1", "USA", "RUS")  # another dyad
    con = build.open()
    quotes = dyad_quotes(con, "RUS", "CHN")
    assert sorted(q["id"] for q in quotes) == ["a1-q0", "a1-q1"]
    assert [q["id"] for q in dyad_quotes(con, "CHN", "RUS", directed=True)] == ["a1-q0"]
    assert quotes[0]["article_title"] == "Article a1" and quotes[0]["outlet"] == "Test Wire"
    assert dyad_series(con, "CHN", "RUS")[0].quotes == 2


def test_dyad_events_newest_first_with_evidence_pages_and_filters(build):
    build.article("old", "2024-01-02", source="Alpha News")
    build.event("old", "USA", "CHN", "042")
    build.article("new", "2024-02-02", source="Beta Post")
    build.event("new", "CHN", "USA", "112")
    build.event("new", "CHN", "USA", "190", location_name="Taipei", location_country="TWN")
    build.event("new", "USA", "RUS", "112")
    con = build.open()
    events = dyad_events(con, "USA", "CHN")
    assert [e["id"] for e in events] == ["new-e0", "new-e1", "old-e0"]
    assert events[0]["sentence"] and events[0]["article_title"] == "Article new" and events[0]["day"] == "2024-02-02"
    assert [e["id"] for e in dyad_events(con, "USA", "CHN", limit=1, offset=2)] == ["old-e0"]
    assert [e["id"] for e in dyad_events(con, "USA", "CHN", quad=4)] == ["new-e1"]
    assert [e["id"] for e in dyad_events(con, "USA", "CHN", place="taipei")] == ["new-e1"]
    assert [e["id"] for e in dyad_events(con, "USA", "CHN", outlet="alpha")] == ["old-e0"]
    assert [e["id"] for e in dyad_events(con, "USA", "CHN", min_goldstein=0)] == ["old-e0"]
    assert [e["id"] for e in dyad_events(con, "USA", "CHN", directed=True)] == ["old-e0"]
    with pytest.raises(TypeError, match="unknown filter"):
        dyad_events(con, "USA", "CHN", colour="red")


@pytest.mark.parametrize("value", ["x' OR '1'='1", "'; DROP TABLE events; --", "%' OR 1=1 --"])
def test_injection_looking_values_are_data(build, value):
    build.article("a1", week(0))
    build.event("a1", "USA", "CHN", "042")
    con = build.open()
    assert dyad_events(con, value, "CHN") == []
    assert dyad_events(con, "USA", "CHN", outlet=value, place=value) == []
    assert dyad_series(con, value, value) == [] and dyad_quotes(con, value, "CHN") == []
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 1


def test_top_dyads_names_pairs_alphabetically_and_leaves_out_self_and_unknown(build):
    build.article("a1", week(0))
    for _ in range(3):
        build.event("a1", "USA", "CHN", "042")
    build.event("a1", "CHN", "USA", "173")
    build.event("a1", "RUS", "CHN", "042")
    build.event("a1", "RUS", "RUS", "042")
    build.event("a1", "RUS", "", "042")
    build.article("a2", week(5))
    build.event("a2", "RUS", "CHN", "061")
    con = build.open()
    top = top_dyads(con)
    assert [(d.a, d.b, d.events) for d in top] == [("CHN", "USA", 4), ("CHN", "RUS", 2)]
    assert top[0].by_quad == {1: 3, 2: 0, 3: 0, 4: 1} and top[0].net_cooperation == 2
    assert (top[1].first_date, top[1].last_date) == (week(0), week(5))
    assert [(d.a, d.b) for d in top_dyads(con, directed=True, limit=1)] == [("USA", "CHN")]
    assert [(d.a, d.b) for d in top_dyads(con, since=week(4))] == [("CHN", "RUS")]
    usa = dyad_summary(con, "usa", "chn")
    assert (usa.a, usa.b, usa.events, usa.by_quad, usa.net_cooperation) == ("USA", "CHN", 4, top[0].by_quad, 2)
    assert dyad_summary(con, "CHN", "USA", directed=True).events == 1
    assert dyad_summary(con, "USA", "FRA") is None
    assert [e["id"] for e in events_by_ids(con, ["a2-e0", "a1-e0", "nope"])] == ["a1-e0", "a2-e0"]


def test_network_edges_carry_events_goldstein_and_net_cooperation(build):
    build.article("a1", week(0))
    build.event("a1", "USA", "CHN", "042")
    build.event("a1", "USA", "CHN", "112")
    build.event("a1", "CHN", "USA", "190")
    build.event("a1", "CHN", "CHN", "042")
    con = build.open()
    graph = country_network(con)
    assert sorted(graph.edges) == [("CHN", "USA"), ("USA", "CHN")]
    edge = graph["USA"]["CHN"]
    assert (edge["events"], edge["net_cooperation"], edge["weight"]) == (2, 0, 2)
    assert edge["goldstein_sum"] == pytest.approx(lookup("042").goldstein + lookup("112").goldstein)
    both = country_network(con, directed=False)
    assert both["CHN"]["USA"]["events"] == 3 and both["USA"]["CHN"]["net_cooperation"] == -1


def _weekly(build, counts_codes: list[tuple[int, str]], pair=("CHN", "RUS")) -> None:
    for n, (count, code) in enumerate(counts_codes):
        article = build.article(f"{pair[0]}{n}", week(n))
        for _ in range(count):
            build.event(article, *pair, code)


def test_shift_fires_on_a_constructed_jump_with_its_events(build):
    _weekly(build, [(1, "042")] * 8 + [(5, "173")])  # eight quiet weeks, then five arrests
    _weekly(build, [(3, "042")] * 9, pair=("IND", "PAK"))  # flat: three visits every week
    con = build.open()
    shifts = detect_shifts(con, by="week", window=8, threshold=2.0, min_events=3)
    assert [(s.a, s.b, s.period, s.direction) for s in shifts] == [("CHN", "RUS", week(8, 0), "conflict")]
    shift = shifts[0]
    assert (shift.value, shift.baseline_mean, shift.baseline_sd) == (-5.0, 1.0, 0.0)
    assert shift.score == pytest.approx(-6.0)  # (-5 - 1) / max(0, 1)
    assert sorted(shift.event_ids) == [f"CHN8-e{i}" for i in range(5)]


def test_no_shift_on_flat_or_too_small_periods_and_since_filters(build):
    _weekly(build, [(1, "042")] + [(0, "042")] * 7 + [(2, "042")])  # a jump of two events: below min_events
    _weekly(build, [(3, "042")] * 12, pair=("IND", "PAK"))
    con = build.open()
    assert detect_shifts(con) == []
    assert len(detect_shifts(con, min_events=1, threshold=1.5)) == 1
    assert detect_shifts(con, min_events=1, threshold=1.5, since=week(9)) == []
    assert detect_shifts(con, min_events=1, threshold=1.5, dyads=[("PAK", "IND")]) == []


def test_a_consolidated_events_view_replaces_raw_events(build):
    build.article("a1", week(0))
    build.event("a1", "USA", "CHN", "042")
    build.event("a1", "USA", "CHN", "042")
    build.con.execute(
        """CREATE VIEW consolidated_events AS SELECT e.*, 2 AS num_articles, 2 AS num_sources
           FROM events e WHERE e.seq = 0"""
    )
    con = build.open()
    assert [p.events for p in dyad_series(con, "USA", "CHN")] == [1]
    assert [(e["id"], e["num_articles"]) for e in dyad_events(con, "USA", "CHN")] == [("a1-e0", 2)]


# ---- the bundled examples, ingested -----------------------------------------------------------


def test_examples_show_the_headline_dyads(examples_db):
    with Store(examples_db, read_only=True) as store:
        con = store.con
        pairs = {(d.a, d.b) for d in top_dyads(con, limit=10)}
        assert {("CHN", "RUS"), ("CHN", "USA"), ("RUS", "USA")} <= pairs
        series = dyad_series(con, "CHN", "RUS", by="month")
        assert sum(p.events for p in series) > 0 and sum(p.quotes for p in series) > 0
        assert sum(p.by_quad[1] + p.by_quad[2] for p in series) > sum(p.by_quad[3] + p.by_quad[4] for p in series)
        events = dyad_events(con, "USA", "RUS", limit=5)
        assert events and all(e["sentence"] and e["article_id"] for e in events)
        assert {"CHN", "RUS", "USA"} <= set(country_network(con).nodes)


def test_a_warm_cache_gives_the_same_answers(build):
    build.article("a1", "2024-03-15")
    build.event("a1", "USA", "CHN", "042", date="")
    build.event("a1", "CHN", "USA", "112", date="2024-03", location_name="Beijing")
    build.event("a1", "USA", "CHN", "190", negated=True)
    build.quote("a1", "CHN", "USA")
    build.quote("a1", "USA", "", start=100, end=150)
    build.mention("a1", 0, "CHN", 110, 115)
    build.quote("a1", "USA", "", start=200, end=220)
    _weekly(build, [(1, "042")] * 8 + [(5, "173")])
    con = build.open()

    def answers():
        return (dyad_series(con, "USA", "CHN", by="day"), dyad_quotes(con, "CHN", "USA"),
                dyad_quotes(con, "USA", "CHN", directed=True), dyad_quotes(con, "USAGOV", "CHN", level="code"),
                top_dyads(con), dyad_summary(con, "CHN", "RUS"),
                dyad_events(con, "USA", "CHN", place="beijing"), dyad_events(con, "CHN", "RUS", limit=3, offset=2),
                sorted(country_network(con).edges(data=True)), detect_shifts(con))  # fmt: skip

    cold = answers()
    assert [len(cold[i]) for i in (1, 2, 3)] == [2, 1, 1]
    assert warm_cache(con) == 2 + 13  # asserted events only
    assert is_cached(con) and counted_events(con, cached=True).startswith("(SELECT * FROM temp.")
    assert dyad_quote_rows(con, "CHN", "USA", False)[0].startswith("temp.")
    assert answers() == cold
    drop_cache(con)
    assert not is_cached(con)
    assert answers() == cold
