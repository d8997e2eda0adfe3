"""The DuckDB store: idempotent upserts, filters, alias memory, errors and Parquet export.

These tests build records by hand (no NLP) so that they pin the store's own behaviour.
"""

from __future__ import annotations

import duckdb
import pytest

from dyadwatch.models import Actor, Alias, Article, ArticleResult, Event, IngestError, Quote
from dyadwatch.store import Store

RUS_GOV = Actor(
    text="Russian President Vladimir Putin", name="Vladimir Putin", country="RUS", sector="GOV", code="RUSGOV"
)
CHN_GOV = Actor(text="Wang Yi", name="Wang Yi", country="CHN", sector="GOV", code="CHNGOV")
USA_GOV = Actor(text="Antony Blinken", name="Antony Blinken", country="USA", sector="GOV", code="USAGOV")


def _event(event_type: str, cameo: str, actor: Actor, recipient: Actor, date: str, **flags) -> Event:
    quad = {"0": 1, "1": 3}[cameo[0]] if cameo[0] in "01" else 4
    return Event(
        event_type=event_type,
        cameo_code=cameo,
        quad_class=quad,
        goldstein=1.0,
        actor=actor,
        recipient=recipient,
        sentence=f"{actor.text} {event_type.lower()} {recipient.text}.",
        trigger=event_type.lower(),
        date=date,
        **flags,
    )


def _result(article_id: str, date: str, events: list[Event], quotes: list[Quote] | None = None) -> ArticleResult:
    article = Article(id=article_id, text=f"body of {article_id}", date=date, title=f"Title {article_id}")
    return ArticleResult(
        article=article,
        events=events,
        quotes=quotes or [],
        actors=[RUS_GOV, CHN_GOV],
        aliases=[Alias(alias="Putin", name="Vladimir Putin", country="RUS", sector="GOV", date=date,
                       article_id=article_id)],
    )


@pytest.fixture()
def store(tmp_path):
    with Store(tmp_path / "test.duckdb") as opened:
        yield opened


def _counts(store: Store) -> tuple[int, int, int, int]:
    one = lambda table: store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: E731
    return one("articles"), one("events"), one("quotes"), one("actors")


def test_storing_the_same_articles_twice_leaves_counts_unchanged(store):
    quote = Quote(text="We are reaching new heights", direct=True, cue="said", speaker=RUS_GOV, start=0, end=10)
    batch = [
        _result("a1", "2023-02-22", [_event("CONSULT", "040", RUS_GOV, CHN_GOV, "2023-02-22")], [quote]),
        _result("a2", "2023-02-18", [_event("THREATEN", "130", USA_GOV, CHN_GOV, "2023-02-18")]),
    ]
    store.save_results(batch, run_id="r1", aliases=[a for r in batch for a in r.aliases])
    first = _counts(store)
    store.save_results(batch, run_id="r2", aliases=[a for r in batch for a in r.aliases])
    assert _counts(store) == first == (2, 2, 1, 4)
    assert store.con.execute("SELECT count(*) FROM aliases").fetchone()[0] == 2


def test_restoring_an_article_replaces_its_events(store):
    store.save_results([_result("a1", "2023-02-22", [_event("CONSULT", "040", RUS_GOV, CHN_GOV, "2023-02-22")])], "r1")
    recoded = _result("a1", "2023-02-22", [_event("AGREE", "030", RUS_GOV, CHN_GOV, "2023-02-22")])
    store.save_results([recoded], "r2")
    assert list(store.events()["event_type"]) == ["AGREE"]


def test_event_filters(store):
    store.save_results(
        [
            _result("a1", "2023-02-22", [_event("CONSULT", "040", RUS_GOV, CHN_GOV, "2023-02-22")]),
            _result("a2", "2023-02-18", [_event("THREATEN", "130", USA_GOV, CHN_GOV, "2023-02-18")]),
            _result("a3", "2023-03-01", [_event("AID", "070", CHN_GOV, RUS_GOV, "2023-03-01", negated=True)]),
        ],
        "r1",
    )
    assert set(store.events(actor="RUS")["article_id"]) == {"a1"}
    assert set(store.events(actor="Blinken")["event_type"]) == {"THREATEN"}
    assert set(store.events(recipient="CHNGOV")["article_id"]) == {"a1", "a2"}
    assert list(store.events(type="threaten")["article_id"]) == ["a2"]
    assert list(store.events(type="04")["article_id"]) == ["a1"]
    assert list(store.events(since="2023-02-20")["article_id"]) == ["a1"]
    assert list(store.events(until="2023-02")["article_id"]) == ["a1", "a2"]
    # negated events are kept and labelled, but only listed on request
    assert "a3" not in set(store.events()["article_id"])
    everything = store.events(include_all=True)
    assert bool(everything.loc[everything["article_id"] == "a3", "negated"].iloc[0]) is True
    assert len(store.events(limit=1)) == 1


def test_quote_filters_speaker_and_addressee(store):
    told = Quote(text="Together we uphold multipolarity", direct=True, cue="told", speaker=CHN_GOV, addressee=RUS_GOV)
    said = Quote(text="We are concerned", direct=True, cue="said", speaker=USA_GOV)
    store.save_results([_result("a1", "2023-02-22", [], [told, said])], "r1")
    assert list(store.quotes(actor="CHN")["text"]) == ["Together we uphold multipolarity"]
    assert list(store.quotes(recipient="Putin")["speaker_name"]) == ["Wang Yi"]
    assert len(store.quotes()) == 2


def test_alias_memory_round_trip(store):
    store.save_results([_result("a1", "2023-02-22", [])], "r1", aliases=_result("a1", "2023-02-22", []).aliases)
    aliases = store.aliases()
    assert [(a.alias, a.name, a.country, a.sector) for a in aliases] == [("Putin", "Vladimir Putin", "RUS", "GOV")]


def test_errors_are_recorded_once_per_path_and_reason(store):
    error = IngestError(path="broken.html.gz", reason="truncated gzip stream")
    store.record_error(error, "r1")
    store.record_error(error, "r2")
    frame = store.errors()
    assert len(frame) == 1
    assert frame.iloc[0]["last_run"] == "r2"


def test_a_failing_batch_stores_nothing(store, monkeypatch):
    good = _result("a1", "2023-02-22", [_event("CONSULT", "040", RUS_GOV, CHN_GOV, "2023-02-22")])
    store.save_results([good], "r1")
    before = _counts(store)
    original = store._insert

    def failing_insert(table, rows):
        if table == "quotes":
            raise duckdb.Error("disk full")
        original(table, rows)

    monkeypatch.setattr(store, "_insert", failing_insert)
    quote = Quote(text="x", direct=True)
    with pytest.raises(duckdb.Error):
        store.save_results([_result("a1", "2023-02-22", [], [quote]), _result("a9", "2023-01-01", [], [quote])], "r2")
    # the transaction rolled back: a1 keeps its event, a9 was not half-stored
    assert _counts(store) == before


def test_summary_and_parquet_export(store, tmp_path):
    store.save_results(
        [
            _result("a1", "2023-02-22", [_event("CONSULT", "040", RUS_GOV, CHN_GOV, "2023-02-22")]),
            _result("a2", "2023-02-18", [_event("THREATEN", "130", USA_GOV, CHN_GOV, "2023-02-18")]),
        ],
        "r1",
    )
    summary = store.summary()
    assert summary["articles"] == 2 and summary["events_asserted"] == 2
    assert {(d["actor"], d["recipient"]) for d in summary["top_dyads"]} == {("RUS", "CHN"), ("USA", "CHN")}
    written = store.export_parquet(tmp_path / "export")
    events = duckdb.sql(f"SELECT count(*) FROM '{(tmp_path / 'export' / 'events.parquet').as_posix()}'").fetchall()[0]
    assert events[0] == 2 and len(written) == 9
    assert {p.stem for p in written} >= {"stories", "consolidated_events"}


def test_read_only_store_requires_an_existing_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_actor_listing_counts_pronouns_as_mentions_not_aliases(store):
    he = Actor(text="He", name="Vladimir Putin", country="RUS", sector="GOV", code="RUSGOV")
    result = _result("a1", "2023-02-22", [])
    result.actors = [RUS_GOV, he, Actor(text="Putin", name="Vladimir Putin", country="RUS", sector="GOV")]
    store.save_results([result], "r1")
    row = store.actors(name="Putin").iloc[0]
    assert row["mentions"] == 3
    assert list(row["aliases"]) == ["Putin", "Russian President Vladimir Putin"]
