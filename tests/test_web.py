"""The read-only web UI and its JSON API, through a real `dyadwatch serve` over a real ingested store."""

from __future__ import annotations

import shutil

import duckdb
import httpx
import pytest
from webtools import PageParts, start_server, stop_server

from dyadwatch.web.data import MAX_LIMIT

MARKUP_TEXT = '<script>alert("xss-text")</script>'
MARKUP_IMG = "<img src=x onerror=\"alert('xss-img')\">"
MARKUP_HTML = '<script>alert("xss-html")</script>'


def get(base: str, path: str, **kwargs) -> httpx.Response:
    return httpx.get(base + path, timeout=60, **kwargs)


def article_id(base: str, text: str) -> str:
    found = get(base, "/api/search", params={"q": text}).json()["articles"]["items"]
    assert found, f"no article contains {text!r}"
    return found[0]["id"]


def assert_inert(html: str) -> PageParts:
    """No script but the app's own files (or JSON data), no event-handler or javascript: attribute."""
    parts = PageParts(html)
    assert parts.handlers == []
    for attrs, body in parts.executable_scripts():
        assert attrs.get("src", "").startswith("/static/"), (attrs, body[:200])
        assert body.strip() == ""
    return parts


PAGES = ["/", "/dyad/CHN/RUS", "/dyad/USA/CHN", "/dyad/RUS/USA", "/actor/RUS", "/search?q=Putin"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_with_security_headers(web_server, path):
    response = get(web_server, path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    csp = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
    assert "http:" not in csp and "https:" not in csp  # no remote origin allowed
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "server" not in response.headers
    assert_inert(response.text)


def test_overview_lists_the_example_dyads(web_server):
    data = get(web_server, "/api/overview").json()
    pairs = {frozenset((d["a"], d["b"])) for d in data["top_dyads"]}
    assert {frozenset(("CHN", "RUS")), frozenset(("CHN", "USA")), frozenset(("RUS", "USA"))} <= pairs
    assert data["counts"]["articles"] >= 47
    html = get(web_server, "/").text
    assert 'href="/dyad/CHN/RUS"' in html
    assert 'data-figure="network-figure"' in html


def test_dyad_api_series_and_evidence(web_server):
    dyad = get(web_server, "/api/dyad/CHN/RUS", params={"by": "month"}).json()
    assert dyad["a"] == "CHN" and dyad["b"] == "RUS" and dyad["by"] == "month"
    assert sum(p["events"] for p in dyad["series"]) == dyad["totals"]["events"] > 5
    events = get(web_server, "/api/dyad/CHN/RUS/events", params={"limit": 5}).json()
    assert events["limit"] == 5 and len(events["items"]) == 5 and events["next_offset"] == 5
    for event in events["items"]:
        assert {event["actor_country"], event["recipient_country"]} == {"CHN", "RUS"}
        assert event["sentence"]
    page_two = get(web_server, "/api/dyad/CHN/RUS/events", params={"limit": 5, "offset": 5}).json()
    assert not {e["id"] for e in page_two["items"]} & {e["id"] for e in events["items"]}
    html = get(web_server, "/dyad/CHN/RUS").text
    assert events["items"][0]["sentence"].split()[0] in html
    assert 'data-figure="timeline-figure"' in html


def test_directed_dyad_keeps_one_direction(web_server):
    rows = get(web_server, "/api/dyad/USA/CHN/events", params={"directed": "true", "limit": 200}).json()["items"]
    assert rows and all(r["actor_country"] == "USA" and r["recipient_country"] == "CHN" for r in rows)


def test_quotes_between_the_sides(web_server):
    quotes = get(web_server, "/api/dyad/CHN/RUS/quotes").json()["items"]
    assert quotes and all({q["speaker_country"]} & {"CHN", "RUS"} for q in quotes)


def test_limits_are_capped_and_offsets_checked(web_server):
    capped = get(web_server, "/api/actor/USA", params={"limit": 100000}).json()
    assert capped["events"]["limit"] == MAX_LIMIT
    assert len(capped["events"]["items"]) <= MAX_LIMIT
    assert get(web_server, "/api/dyad/CHN/RUS/events", params={"offset": -1}).status_code == 422
    assert get(web_server, "/api/dyad/CHN/RUS/events", params={"limit": 0}).status_code == 422
    assert get(web_server, "/api/dyad/CHN/RUS", params={"by": "decade"}).status_code == 422
    assert get(web_server, "/api/search", params={"q": "x" * 201}).status_code == 422


@pytest.mark.parametrize(
    "path",
    ["/article/0000000000000000", "/api/article/0000000000000000", "/dyad/XXX/YYY", "/api/dyad/XXX/YYY",
     "/actor/ZZZ", "/api/actor/ZZZ", "/actor/..%2F..%2Fetc", "/static/app.py", "/static/..%2Fapp.py", "/nope"],
)  # fmt: skip
def test_unknown_ids_are_404(web_server, path):
    response = get(web_server, path)
    assert response.status_code == 404
    if path.startswith("/api/"):
        assert "not in the store" in response.json()["error"]


def test_article_page_marks_events_and_quotes(web_server):
    aid = article_id(web_server, "Putin met Chinese President Xi Jinping in Beijing")
    article = get(web_server, f"/api/article/{aid}").json()
    assert article["events"] and article["quotes"]
    html = get(web_server, f"/article/{aid}").text
    parts = assert_inert(html)
    assert parts.text.count(article["text"][:40]) == 1  # the text, whole, once
    assert html.count('class="hl-sentence') >= len({e["sentence_start"] for e in article["events"]})
    assert 'id="e0"' in html and 'id="q0"' in html and "hl-quote" in html and "hl-trigger" in html


def test_markup_in_article_text_is_shown_as_text(web_server):
    for needle, markup in (("xss-text", MARKUP_TEXT), ("xss-html", MARKUP_HTML)):
        aid = article_id(web_server, needle)
        html = get(web_server, f"/article/{aid}").text
        parts = assert_inert(html)
        assert markup in parts.text  # shown, as the characters the article has
        assert "None" not in parts.text  # an event without an actor shows a blank, not Python's None
        assert "&lt;script&gt;alert(" in html
    parts = assert_inert(get(web_server, "/article/" + article_id(web_server, "xss-img")).text)
    assert MARKUP_IMG in parts.text and "img" not in parts.tags


def test_markup_in_search_results_and_dyad_evidence_is_text(web_server):
    for path in ("/search?q=xss", "/search?q=%3Cscript%3E", "/dyad/CHN/RUS?limit=200", "/actor/CHN?limit=200"):
        parts = assert_inert(get(web_server, path).text)
        assert "alert(" in parts.text, path
        assert not {"img", "iframe", "b"} & set(parts.tags), path
    results = get(web_server, "/api/search", params={"q": "<script>"}).json()
    assert results["articles"]["items"] and results["quotes"]["items"]


def test_search_binds_its_text(web_server):
    for text in ("x' OR 1=1 --", "%", "_", "\\"):
        response = get(web_server, "/api/search", params={"q": text})
        assert response.status_code == 200
        assert response.json()["articles"]["items"] == [], text  # matched literally: no article holds these
    assert get(web_server, "/api/search", params={"q": ""}).json()["articles"]["items"] == []


def test_plotly_is_served_locally_and_pages_reference_no_remote_script(web_server):
    js = get(web_server, "/static/plotly.min.js")
    assert js.status_code == 200 and js.headers["content-type"].startswith("text/javascript")
    assert b"plotly" in js.content[:2000].lower() and len(js.content) > 1_000_000
    for path in ("/", "/dyad/CHN/RUS"):
        sources = [a.get("src") for a, _ in PageParts(get(web_server, path).text).executable_scripts()]
        assert sources == ["/static/plotly.min.js", "/static/charts.js"]


def test_openapi_and_api_index(web_server):
    schema = get(web_server, "/openapi.json").json()
    for path in ("/api/overview", "/api/dyad/{a}/{b}", "/api/dyad/{a}/{b}/events", "/api/actor/{code}",
                 "/api/article/{article_id}", "/api/search"):  # fmt: skip
        assert path in schema["paths"]
    assert set(schema["paths"]) == {p for p in schema["paths"] if p.startswith("/api/")}
    index = get(web_server, "/api").text
    assert "/api/dyad/{a}/{b}/events" in index
    assert get(web_server, "/docs").status_code == 404  # FastAPI's docs page loads a CDN: switched off


def test_read_only_surface(web_server):
    assert httpx.post(web_server + "/api/search", timeout=30).status_code == 405
    assert httpx.delete(web_server + "/api/article/x", timeout=30).status_code == 405


def test_foreign_host_header_is_refused(web_server):
    """Bound to loopback, a DNS-rebinding page (Host: evil.example) gets nothing."""
    assert get(web_server, "/api/overview", headers={"Host": "evil.example"}).status_code == 400


def take_write_lock(db, wait: float = 30.0) -> duckdb.DuckDBPyConnection:
    """Open the store for writing once the server has let go of it (it lingers briefly after a request)."""
    from dyadwatch.store import Store

    return Store(db, wait=wait).con


def test_busy_store_answers_503_with_retry_after(web_store, tmp_path):
    db = tmp_path / "busy.duckdb"
    shutil.copy(web_store, db)
    proc, base = start_server(db, tmp_path)
    try:
        assert get(base, "/api/overview").status_code == 200
        writer = take_write_lock(db)  # this process now holds the write lock, as an ingest would
        try:
            for path in ("/api/overview?limit=7", "/dyad/CHN/RUS?by=month", "/api/search?q=Xi"):  # none cached
                response = get(base, path)
                assert response.status_code == 503, path
                assert response.headers["retry-after"].isdigit()
                assert "busy" in response.text and "Traceback" not in response.text
            assert get(base, "/static/charts.js").status_code == 200  # static files need no store
        finally:
            writer.close()
        assert get(base, "/api/overview").status_code == 200  # lock released: answers again
    finally:
        stop_server(proc)
