"""Small pieces of the web UI: marking article text, paging, dyad arguments, one dyad's shifts."""

from __future__ import annotations

import duckdb
import pytest
from webtools import PageParts

from dyadwatch.report.build import parse_dyads
from dyadwatch.web.data import MAX_LIMIT, Page, valid_code
from dyadwatch.web.highlight import Span, highlight, snippet
from dyadwatch.web.queries import like_pattern


def test_highlight_escapes_every_piece_and_marks_overlaps():
    text = 'Xi said "<script>alert(1)</script> & more" to Putin.'
    quote = (text.index('"'), text.rindex('"') + 1)
    html = highlight(text, [Span(0, len(text), "sentence", "e0"), Span(3, 7, "trigger"), Span(*quote, "quote", "q0")])
    parts = PageParts(str(html))
    assert parts.text == text  # every character shown, once, in order
    assert parts.executable_scripts() == [] and "script" not in parts.tags
    assert '<mark class="hl-sentence hl-trigger">said</mark>' in html
    assert 'class="hl-quote hl-sentence" id="q0"' in html and 'id="e0"' in html
    assert "&amp; more" in html


@pytest.mark.parametrize("span", [Span(-1, 4, "quote"), Span(5, 3, "quote"), Span(0, 999, "quote"),
                                  Span(None, None, "quote")])  # fmt: skip
def test_highlight_drops_offsets_outside_the_text(span):
    assert highlight("<b>bold</b> claim", [span]) == "&lt;b&gt;bold&lt;/b&gt; claim"


def test_snippet_marks_the_match_and_escapes_around_it():
    html = snippet("x" * 200 + " <img src=x onerror=alert(1)> Beijing said " + "y" * 200, "beijing")
    assert '<mark class="hl-match">Beijing</mark>' in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html and html.startswith("…") and html.endswith("…")


def test_page_caps_limit_and_offset():
    assert Page.of(10**9, 5) == Page(MAX_LIMIT, 5)
    assert Page.of(None, None) == Page(50, 0)
    assert Page.of(3, 0).wrap([1, 2, 3])["next_offset"] == 3
    assert Page.of(3, 6).wrap([1])["next_offset"] is None


def test_codes_and_like_patterns():
    assert valid_code("rusgov") == "RUSGOV" and valid_code("NATO") == "NATO"
    assert valid_code("../etc") is None and valid_code("A") is None and valid_code("CHN'--") is None
    assert like_pattern("50%_a\\b") == "%50\\%\\_a\\\\b%"


def test_parse_dyads():
    assert parse_dyads(["CHN", "usa"], ["RUS", "CHN"]) == [("CHN", "RUS"), ("USA", "CHN")]
    assert parse_dyads(["USA-RUS", "chn:ind"]) == [("USA", "RUS"), ("CHN", "IND")]
    with pytest.raises(ValueError, match="two country codes"):
        parse_dyads(["CHN"])
    with pytest.raises(ValueError, match="unexpected"):
        parse_dyads(["CHN-RUS"], ["USA"])


def test_one_dyads_shifts_match_detect_shifts(web_store):
    from dyadwatch.analysis import detect_shifts, dyad_series
    from dyadwatch.web.dyad_shifts import dyad_shifts

    with duckdb.connect(str(web_store), read_only=True) as con:
        compared = 0
        for a, b in (("CHN", "RUS"), ("USA", "CHN"), ("RUS", "UKR"), ("RUS", "USA")):
            for by in ("day", "week", "month"):
                key = lambda s: (s.a, s.b, s.period, s.score, s.value)  # noqa: E731
                expected = [key(s) for s in detect_shifts(con, by=by, dyads=[(a, b)])]
                got = [key(s) for s in dyad_shifts(dyad_series(con, a, b, by), a, b, by)]
                assert got == expected, (a, b, by)
                compared += len(got)
    assert compared > 5


def test_store_access_caches_per_store_version_and_lets_go_of_the_file(web_store, tmp_path):
    import shutil

    from dyadwatch.store import Store
    from dyadwatch.web.db import StoreAccess

    db = tmp_path / "cache.duckdb"
    shutil.copy(web_store, db)
    access = StoreAccess(db, linger_s=0)
    count = lambda con: con.execute("SELECT count(*) FROM articles").fetchone()[0]  # noqa: E731
    before = access.cached(("n",), count)
    assert not access.is_open  # linger 0: closed after the request, so a writer can open the file
    with Store(db) as store:
        store.con.execute("DELETE FROM articles WHERE id = (SELECT min(id) FROM articles)")
    assert access.cached(("n",), count) == before - 1  # the write changed the file: recomputed, not stale
    assert access.cached(("n",), lambda con: -1) == before - 1  # unchanged store: the cached result


def test_serve_without_a_store_is_a_usage_error(tmp_path):
    from webtools import run_cli

    done = run_cli("serve", "--db", str(tmp_path / "none.duckdb"), "--port", "1")
    assert done.returncode == 2 and "no store" in done.stderr


def test_a_query_past_the_time_limit_is_stopped(web_store):
    from dyadwatch.web.db import QueryTimeout, StoreAccess

    access = StoreAccess(web_store, timeout_ms=100, linger_s=0)
    with pytest.raises(QueryTimeout, match="100 ms"):
        with access.connect() as con:
            con.execute("SELECT count(*) FROM range(100000000000) a").fetchall()
    assert not access.is_open
    with access.connect() as con:  # the next request is unaffected
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] > 40


def test_warm_access_gives_the_same_pages(web_store):
    """--warm reads analysis.cache's in-memory copy; the dyad page's data must not change."""
    from dyadwatch.web import data
    from dyadwatch.web.db import StoreAccess

    plain_access = StoreAccess(web_store, linger_s=0, cache_entries=0)
    warm_access = StoreAccess(web_store, linger_s=0, cache_entries=0, warm=True)
    page = data.Page.of(200, 0)
    for a, b in (("CHN", "RUS"), ("USA", "CHN"), ("RUS", "USA")):
        for compute in (lambda con, a=a, b=b: data.dyad_summary(con, a, b, "week", False),
                        lambda con, a=a, b=b: data.dyad_events(con, a, b, False, page),
                        lambda con, a=a, b=b: data.dyad_quotes(con, a, b, page)):  # fmt: skip
            expected = plain_access.cached(("x",), compute)
            got = warm_access.cached(("x",), compute)
            assert got == expected and expected
    assert not warm_access.is_open
