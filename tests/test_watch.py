"""Acceptance test for ``dyadwatch watch`` (issue 16) against a local HTTP server on 127.0.0.1.

The server plays a small news site whose feed changes between two ``watch --once`` runs: three
cooperative US-China stories in the first run, three conflict stories (and a syndicated copy of
one) in the second. One more source answers 500, one sends 10 MB, one never answers in time.
All articles are synthetic, written for these tests.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from dyadwatch.cli import app
from dyadwatch.watch.alerts import raise_alerts
from dyadwatch.watch.config import load_config

SYNTHETIC = "This article is synthetic, written for dyadwatch tests."
COOPERATION = [
    ("a0", "2024-03-04", "US and China agree to expand climate talks",
     "The United States and China agreed on Monday to expand talks on climate change, officials said. "
     "Chinese Foreign Minister Wang Yi met U.S. Secretary of State Antony Blinken in Beijing. "
     "Blinken praised China for its cooperation on emissions."),
    ("a1", "2024-03-12", "China and the United States sign trade accord",
     "China signed a trade agreement with the United States on Tuesday in Washington. "
     "The two governments pledged to cooperate on supply chains. "
     "U.S. President Joe Biden welcomed the deal and thanked Beijing."),
    ("a2", "2024-03-19", "Washington hosts Chinese delegation",
     "The United States hosted a Chinese trade delegation in Washington on Tuesday. "
     "American officials met Chinese Vice Premier He Lifeng and discussed investment. "
     "China praised the United States for the constructive meeting."),
]  # fmt: skip
CONFLICT = [
    ("a3", "2024-03-26", "US imposes sanctions on Chinese firms",
     "The United States imposed sanctions on China on Tuesday over its support for Russia. "
     "Beijing accused Washington of bullying. "
     "Chinese officials condemned the United States and threatened retaliation."),
    ("a4", "2024-03-27", "China accuses US of provocation",
     "China accused the United States of provocation in the South China Sea on Wednesday. "
     "The Chinese navy expelled an American destroyer. "
     "Washington condemned Beijing for the dangerous maneuver."),
    ("a5", "2024-03-28", "Beijing retaliates against Washington",
     "China imposed sanctions on U.S. defense companies on Thursday. "
     "The United States criticized China for the move. "
     "Beijing rejected the American demands and warned Washington."),
]  # fmt: skip
ARTICLES = {key: (day, title, body) for key, day, title, body in COOPERATION + CONFLICT}


def page(key: str) -> bytes:
    day, title, body = ARTICLES[key]
    paragraphs = "".join(f"<p>{sentence}</p>" for sentence in body.split(". "))
    return (
        f"<html><head><title>{title}</title><meta name='date' content='{day}'></head>"
        f"<body><article><h1>{title}</h1>{paragraphs}<p>{SYNTHETIC}</p></article></body></html>"
    ).encode()


def feed(base: str, keys: list[str], extra_links: list[str]) -> bytes:
    items = []
    for key in keys:
        day, title, _ = ARTICLES[key]
        published = format_datetime(datetime.fromisoformat(day).replace(hour=9, tzinfo=UTC))
        items.append(f"<item><title>{title}</title><link>{base}/articles/{key}.html</link>"
                     f"<pubDate>{published}</pubDate><description>{title}.</description></item>")  # fmt: skip
    items += [f"<item><title>More</title><link>{base}{link}</link></item>" for link in extra_links]
    head = f"<?xml version='1.0'?><rss version='2.0'><channel><title>Synthetic World</title><link>{base}/</link>"
    return f"{head}<description>synthetic</description>{''.join(items)}</channel></rss>".encode()


class Site:
    """What the server serves in the current round, and what it saw."""

    def __init__(self) -> None:
        self.base = ""
        self.round = 1
        self.requests: list[tuple[str, str]] = []  # (path, If-None-Match)
        self.not_modified: list[str] = []
        self.hooks: list[dict] = []
        self.lock = threading.Lock()

    def body(self, path: str) -> tuple[int, bytes, str] | None:
        """(status, body, content type) for a path, or None for the special paths."""
        if path == "/robots.txt":
            return 200, b"User-agent: *\nDisallow: /private/\n", "text/plain"
        if path == "/world.xml":
            keys = [k for k, *_ in COOPERATION] + ([k for k, *_ in CONFLICT] if self.round > 1 else [])
            extra = ["/private/secret.html"] + (["/mirror/a3.html"] if self.round > 1 else [])
            return 200, feed(self.base, keys, extra), "application/rss+xml"
        if path == "/sitemap.xml":
            url = f"<url><loc>{self.base}/articles/a0.html</loc><lastmod>2024-03-04</lastmod></url>"
            sitemap = f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{url}</urlset>"
            return 200, sitemap.encode(), "application/xml"
        if path.startswith(("/articles/", "/mirror/")):
            key = path.rsplit("/", 1)[1].removesuffix(".html")
            return (200, page(key), "text/html; charset=utf-8") if key in ARTICLES else (404, b"gone", "text/plain")
        if path == "/broken.xml":
            return 500, b"internal error", "text/plain"
        return None


class Handler(BaseHTTPRequestHandler):
    site: Site

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        site = self.site
        with site.lock:
            site.requests.append((self.path, self.headers.get("If-None-Match", "")))
        if self.path == "/slow.xml":
            time.sleep(2.0)  # longer than the sources file's timeout; then hang up
            return
        if self.path == "/huge.xml":
            self._huge()
            return
        answer = site.body(self.path)
        if answer is None:
            self.send_error(404)
            return
        status, body, content_type = answer
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if status == 200 and self.headers.get("If-None-Match") == etag:
            site.not_modified.append(self.path)
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)

    def _huge(self) -> None:
        """10 MB with no Content-Length: the client must stop reading at its cap."""
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()
        chunk = b"<rss>" + b"x" * 65531
        try:
            for _ in range(160):
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length", "0"))
        self.site.hooks.append(json.loads(self.rfile.read(length)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def site() -> Iterator[Site]:
    state = Site()
    handler = type("SiteHandler", (Handler,), {"site": state})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield state
    server.shutdown()
    server.server_close()


def sources_file(tmp_path: Path, base: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(f"""
[watch]
allow_private = true   # the test site is on 127.0.0.1
every = "0s"
timeout = "0.5s"
max_bytes = 1_000_000
host_delay = "0s"
backoff_base = "10m"
by = "week"
window = 4
min_events = 3
threshold = 2.0
alerts_jsonl = "{tmp_path / 'alerts.jsonl'}"
webhook = "{base}/hook"

[[source]]
name = "world"
url = "{base}/world.xml"

[[source]]
name = "site map"
url = "{base}/sitemap.xml"
kind = "sitemap"

[[source]]
name = "broken"
url = "{base}/broken.xml"

[[source]]
name = "huge"
url = "{base}/huge.xml"

[[source]]
name = "slow"
url = "{base}/slow.xml"
""")
    return path


def fetched(site: Site, path: str) -> int:
    return sum(1 for p, _ in site.requests if p == path)


def test_watch_twice_ingests_only_new_articles_and_raises_an_alert(site: Site, tmp_path: Path) -> None:
    config, db = sources_file(tmp_path, site.base), tmp_path / "watch.duckdb"
    runner = CliRunner()

    first = runner.invoke(app, ["watch", str(config), "--db", str(db), "--once"])
    assert first.exit_code == 1, first.output  # three sources failed
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 3, first.output
        failing = dict(con.execute("SELECT name, last_error FROM watch_sources WHERE failures > 0").fetchall())
        assert con.execute("SELECT count(*) FROM alerts").fetchone()[0] == 0  # cooperation only: no shift yet
    assert set(failing) == {"broken", "huge", "slow"}
    assert "HTTP 500" in failing["broken"]
    assert "too large" in failing["huge"]
    assert "timed out" in failing["slow"]
    assert fetched(site, "/private/secret.html") == 0  # robots.txt disallows it

    site.round, start = 2, len(site.requests)
    second = runner.invoke(app, ["watch", str(config), "--db", str(db), "--once"])
    assert second.exit_code == 1, second.output  # the robots-disallowed link is still refused
    assert "waiting 3" in second.output  # the failing sources are backing off

    # only new articles: every page fetched once, the syndicated copy is a duplicate, nothing stored twice
    for key in ARTICLES:
        assert fetched(site, f"/articles/{key}.html") == 1
    for path in ("/broken.xml", "/huge.xml", "/slow.xml"):
        assert fetched(site, path) == 1
    assert "/sitemap.xml" in site.not_modified
    assert all(etag for path, etag in site.requests[start:] if path == "/sitemap.xml")  # sent If-None-Match
    with duckdb.connect(str(db), read_only=True) as con:
        one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        assert one("SELECT count(*) FROM articles") == 6
        assert one("SELECT count(DISTINCT id) FROM events") == one("SELECT count(*) FROM events")
        assert one("SELECT count(*) FROM watch_items WHERE status = 'ingested'") == 7  # 6 articles + the copy
        mirror = con.execute("SELECT article_id FROM watch_items WHERE url LIKE '%/mirror/a3.html'").fetchone()[0]
        original = con.execute("SELECT article_id FROM watch_items WHERE url LIKE '%/articles/a3.html'").fetchone()
        assert mirror == original[0]
        backoff = con.execute(
            "SELECT failures, epoch(next_allowed - last_checked) FROM watch_sources WHERE name = 'broken'"
        ).fetchone()
        assert backoff == (1, 600)
        failures = {row[0] for row in con.execute("SELECT source FROM watch_failures").fetchall()}
        assert {"broken", "huge", "slow", "world"} <= failures
        alerts = con.execute("SELECT a, b, direction, len(event_ids) FROM alerts").fetchall()
    assert alerts and alerts[0][:3] == ("CHN", "USA", "conflict") and alerts[0][3] >= 3
    assert "ALERT CHN-USA 2024-03-25 (week): conflict shift" in second.output
    written = [json.loads(line) for line in (tmp_path / "alerts.jsonl").read_text().splitlines()]
    posted = site.hooks[0]["alerts"]
    assert [(a["a"], a["b"], a["period"]) for a in written] == [(a["a"], a["b"], a["period"]) for a in posted]
    assert written[0]["direction"] == "conflict"
    with duckdb.connect(str(db)) as con:  # asked again about the same dyad, the watcher raises nothing new
        assert raise_alerts(con, {("USA", "CHN")}, load_config(config).settings, datetime.now()) == []
        assert con.execute("SELECT count(*) FROM alerts").fetchone()[0] == len(alerts)
