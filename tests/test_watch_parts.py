"""The parts of ``dyadwatch watch``: sources file, links, fetcher politeness, back-off, stopping, alerts.

HTTP is served by ``httpx.MockTransport`` (host ``news.test``, allowed as a private host so no
DNS is asked) or, for the shutdown test, by a local server on 127.0.0.1. Articles are synthetic.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import httpx
import pytest
from typer.testing import CliRunner

from dyadwatch.cli import app
from dyadwatch.watch.alerts import Alert, deliver_alerts
from dyadwatch.watch.config import ConfigError, Settings, load_config, parse_duration
from dyadwatch.watch.fetcher import Fetcher, FetchError
from dyadwatch.watch.links import LinkError, feed_items, sitemap_items
from dyadwatch.watch.runner import Watcher
from dyadwatch.watch.state import backoff_seconds

SYNTHETIC = "This article is synthetic, written for dyadwatch tests."
STORIES = {
    "/news/1": "Japan and India signed a defence agreement in Tokyo on Monday.",
    "/news/2": "Brazil hosted Argentine President Javier Milei in Brasilia for talks on trade.",
    "/news/3": "Kenya thanked Ethiopia for its help in the peace talks on Sudan.",
}


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text)
    return path


# ---- sources file -----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "seconds"), [("90", 90), ("30s", 30), ("15m", 900), ("2h", 7200), ("1d", 86400),
                                               ("0.5s", 0.5), (45, 45)])  # fmt: skip
def test_durations(text: str | int, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["soon", "15 minutes", "-5m", "1w"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(ConfigError):
        parse_duration(text)


def test_sources_file_defaults_and_overrides(tmp_path: Path) -> None:
    path = write(tmp_path, '[watch]\nevery = "30m"\n\n[[source]]\nname = "A"\nurl = "https://a.example/rss"\n'
                           '\n[[source]]\nname = "B"\nurl = "https://b.example/sitemap.xml"\nkind = "sitemap"\n'
                           'every = "2h"\nlanguage = "en"\n')  # fmt: skip
    config = load_config(path, {"webhook": "https://hooks.example/x", "alerts_jsonl": None})
    assert [s.kind for s in config.sources] == ["feed", "sitemap"]
    assert [config.every(s) for s in config.sources] == [1800, 7200]
    assert config.settings.webhook == "https://hooks.example/x" and config.settings.alerts_jsonl == ""
    assert not config.settings.allow_private


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[source]]\nname = "A"\n', "needs both name and url"),
        ('[[source]]\nname = "A"\nurl = "https://a.example"\nkind = "podcast"\n', "kind = 'podcast'"),
        ('[[source]]\nname = "A"\nurl = "https://a.example"\nevry = "5m"\n', "unknown keys ['evry']"),
        ('[[source]]\nname = "A"\nurl = "https://a.example"\n[[source]]\nname = "A"\nurl = "https://b.example"\n',
         "unique"),
        ('[watch]\nby = "fortnight"\n[[source]]\nname = "A"\nurl = "https://a.example"\n', "by = 'fortnight'"),
        ('[watch]\nwindow = 0\n[[source]]\nname = "A"\nurl = "https://a.example"\n', "window = 0"),
        ("[watch]\n", "no [[source]] tables"),
        ("[[source]\n", "not valid TOML"),
    ],
)  # fmt: skip
def test_bad_sources_files_name_the_file_and_the_fix(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    assert str(path) in str(raised.value) and message in str(raised.value)


def test_bad_sources_file_is_exit_code_2(tmp_path: Path) -> None:
    path = write(tmp_path, '[[source]]\nname = "A"\n')
    result = CliRunner().invoke(app, ["watch", str(path), "--db", str(tmp_path / "w.duckdb"), "--once"])
    assert result.exit_code == 2 and "needs both name and url" in result.output
    assert not (tmp_path / "w.duckdb").exists()


# ---- links ------------------------------------------------------------------------------------


def test_feed_links_are_absolute_and_entries_without_links_keep_their_content() -> None:
    rss = (b"<rss version='2.0'><channel><title>T</title>"
           b"<item><title>One</title><link>/news/1#top</link><pubDate>Mon, 04 Mar 2024 09:00:00 GMT</pubDate></item>"
           b"<item><title>Two</title><guid isPermaLink='false'>g2</guid><description>Oman hosted talks.</description>"
           b"</item></channel></rss>")  # fmt: skip
    linked, inline = feed_items(rss, "https://news.test/feeds/world.xml")
    assert (linked.key, linked.date, linked.html) == ("https://news.test/news/1", "2024-03-04", "")
    assert inline.key == "https://news.test/feeds/world.xml#g2" and "Oman hosted talks." in inline.html


def test_sitemap_links_with_news_dates_and_refused_index() -> None:
    sitemap = (b"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
               b"xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'><url><loc>https://news.test/a</loc>"
               b"<news:news><news:publication_date>2024-03-05T10:00:00Z</news:publication_date>"
               b"<news:title>A</news:title></news:news></url>"
               b"<url><loc>https://news.test/b</loc></url></urlset>")  # fmt: skip
    items = sitemap_items(sitemap, "https://news.test/sitemap.xml")
    assert [(i.key, i.date, i.title) for i in items] == [("https://news.test/a", "2024-03-05", "A"),
                                                          ("https://news.test/b", "", "")]  # fmt: skip
    with pytest.raises(LinkError, match="sitemap index"):
        sitemap_items(b"<sitemapindex><sitemap><loc>x</loc></sitemap></sitemapindex>", "https://news.test/s.xml")
    with pytest.raises(LinkError, match="not a sitemap"):
        sitemap_items(b"<html><body>hello</body></html>", "https://news.test/s.xml")


# ---- fetcher ----------------------------------------------------------------------------------


def fetcher(handler, **settings) -> Fetcher:
    values = {"allow_private": True, "host_delay": 0.0, **settings}
    return Fetcher(Settings(**values), transport=httpx.MockTransport(handler))


def test_conditional_get_with_last_modified_and_user_agent() -> None:
    stamp = "Tue, 05 Mar 2024 10:00:00 GMT"
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        if request.headers.get("if-modified-since") == stamp:
            return httpx.Response(304)
        return httpx.Response(200, content=b"<rss/>", headers={"Last-Modified": stamp})

    client = fetcher(handler, contact="ops@example.org")
    first = client.get("https://news.test/feed.xml")
    second = client.get("https://news.test/feed.xml", last_modified=first.last_modified)
    assert (first.status, first.last_modified, second.status, second.data) == (200, stamp, 304, b"")
    agent = seen[-1].headers["user-agent"]
    assert agent.startswith("dyadwatch/") and "ops@example.org" in agent
    assert [r.url.path for r in seen].count("/robots.txt") == 1  # cached per host


def test_robots_txt_rules_and_unreachable_robots() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "down.test" and request.url.path == "/robots.txt":
            return httpx.Response(503)
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text="User-agent: dyadwatch\nDisallow: /members/\n")
        return httpx.Response(200, text="<html>ok</html>")

    client = fetcher(handler)
    assert client.get("https://news.test/world/1").status == 200
    with pytest.raises(FetchError, match="robots.txt"):
        client.get("https://news.test/members/2")
    with pytest.raises(FetchError, match="robots.txt answered HTTP 503"):
        client.get("https://down.test/world/1")  # robots.txt unreachable (5xx): assume everything is disallowed


def test_declared_oversize_is_refused_before_reading_and_guard_applies() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, content=b"x" * 2000)

    with pytest.raises(FetchError, match="too large"):
        fetcher(handler, max_bytes=1000).get("https://news.test/big")
    with pytest.raises(FetchError, match="non-public address 127.0.0.1"):
        fetcher(handler, allow_private=False).get("http://127.0.0.1:9/feed.xml")


def test_backoff_doubles_and_is_capped() -> None:
    assert [backoff_seconds(n, every=60, base=300, cap=3600) for n in (1, 2, 3, 4, 5)] == [300, 600, 1200, 2400, 3600]
    assert backoff_seconds(1, every=7200, base=300, cap=86400) == 7200  # never sooner than the source's own interval


# ---- rounds -----------------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2024, 3, 5, 12, 0, 0)

    def __call__(self) -> datetime:
        return self.now


def site_handler(state: dict):
    """A feed of STORIES (ETag "v1"), article pages, and a source that fails while state['down'] is set."""

    def handler(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        state.setdefault("paths", []).append(path)
        if path == "/robots.txt":
            return httpx.Response(404)
        if path == "/flaky.xml":
            return httpx.Response(503) if state.get("down") else httpx.Response(200, content=feed_body(["/news/1"]))
        if path == "/feed-gone.xml":
            if request.headers.get("if-none-match") == '"g1"':
                return httpx.Response(304, headers={"ETag": '"g1"'})
            return httpx.Response(200, content=feed_body(["/news/1", "/gone", "/news/1"]), headers={"ETag": '"g1"'})
        if path == "/feed.xml":
            if request.headers.get("if-none-match") == '"v1"':
                return httpx.Response(304, headers={"ETag": '"v1"'})
            return httpx.Response(200, content=feed_body(list(STORIES)), headers={"ETag": '"v1"'})
        if path in STORIES:
            body = f"<html><body><article><p>{STORIES[path]}</p><p>{SYNTHETIC}</p></article></body></html>"
            return httpx.Response(200, text=body, headers={"Content-Type": "text/html"})
        return httpx.Response(404)

    return handler


def feed_body(paths: list[str]) -> bytes:
    items = "".join(f"<item><title>{p}</title><link>https://news.test{p}</link>"
                    f"<pubDate>Mon, 04 Mar 2024 09:00:00 GMT</pubDate></item>" for p in paths)  # fmt: skip
    return f"<rss version='2.0'><channel><title>Synthetic</title>{items}</channel></rss>".encode()


def make_watcher(tmp_path: Path, pipeline, state: dict, sources: str, clock: Clock | None = None, **kw) -> Watcher:
    text = ('[watch]\nallow_private = true\nhost_delay = "0s"\nevery = "5m"\nbackoff_base = "10m"\n'
            'backoff_max = "1h"\n' + sources)  # fmt: skip
    config = load_config(write(tmp_path, text))
    return Watcher(config, tmp_path / "w.duckdb", pipeline=pipeline, transport=httpx.MockTransport(site_handler(state)),
                   now=clock or Clock(), **kw)  # fmt: skip


def source_row(tmp_path: Path, name: str) -> tuple:
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        return con.execute("SELECT failures, next_allowed, etag FROM watch_sources WHERE name = ?", [name]).fetchone()


def test_failing_source_backs_off_exponentially_and_recovers(tmp_path: Path, pipeline) -> None:
    clock, state = Clock(), {"down": True}
    watcher = make_watcher(tmp_path, pipeline, state, '[[source]]\nname = "flaky"\nurl = "https://news.test/flaky.xml"\n',
                           clock)  # fmt: skip
    start = clock.now
    waits = []
    for _ in range(4):
        counts = watcher.run_round()
        assert counts.failed == 1
        failures, next_allowed, _ = source_row(tmp_path, "flaky")
        waits.append((failures, (next_allowed - clock.now).total_seconds()))
        clock.now += timedelta(minutes=1)
        assert watcher.run_round().waiting == 1  # not polled while backing off
        clock.now = next_allowed
    assert waits == [(1, 600), (2, 1200), (3, 2400), (4, 3600)]
    assert state["paths"].count("/flaky.xml") == 4
    state["down"] = False
    counts = watcher.run_round()
    assert (counts.failed, counts.stored) == (0, 1)
    failures, next_allowed, _ = source_row(tmp_path, "flaky")
    assert failures == 0 and next_allowed == clock.now + timedelta(minutes=5)
    assert clock.now > start
    watcher.close()


class StopAfterFirst:
    """Wraps the pipeline: sets the stop flag (as SIGTERM would) once the first article is coded."""

    def __init__(self, pipeline, stop: threading.Event) -> None:
        self.pipeline, self.stop = pipeline, stop
        self.resolver = pipeline.resolver

    def process_many(self, items, **kw):
        for result in self.pipeline.process_many(items, **kw):
            self.stop.set()  # arrives while the first article is being coded
            yield result


def test_stop_finishes_the_current_article_and_the_next_round_resumes(tmp_path: Path, pipeline) -> None:
    stop, state, clock = threading.Event(), {}, Clock()
    sources = '[[source]]\nname = "feed"\nurl = "https://news.test/feed.xml"\n'
    watcher = make_watcher(tmp_path, StopAfterFirst(pipeline, stop), state, sources, clock, stop=stop)
    counts = watcher.run_round()
    assert counts.stored == 1
    assert source_row(tmp_path, "feed")[2] == ""  # ETag not kept: the feed is asked for in full next time
    stop.clear()
    watcher._pipeline = pipeline
    counts = watcher.run_round()
    assert (counts.stored, counts.new_items, counts.not_modified) == (2, 2, 0)
    assert source_row(tmp_path, "feed")[2] == '"v1"'
    assert watcher.run_round().waiting == 1  # polled again only after its 5 minutes
    clock.now += timedelta(minutes=5)
    counts = watcher.run_round()
    assert (counts.not_modified, counts.new_items) == (1, 0)
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    pages = [p for p in state["paths"] if p.startswith("/news/")]
    assert pages.count("/news/1") == 1  # stored before the stop: never fetched again
    assert pages.count("/news/2") == pages.count("/news/3") == 2  # downloaded, not stored: fetched again
    watcher.close()


# ---- alerts -----------------------------------------------------------------------------------


def test_failed_webhook_is_reported_and_jsonl_still_written(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    alert = Alert(a="CHN", b="USA", period="2024-03-25", by="week", measure="net_cooperation", value=-5.0,
                  baseline_mean=2.0, baseline_sd=0.8, score=-7.0, direction="conflict", event_ids=["x-e0"])  # fmt: skip
    failures: list[tuple[str, str]] = []
    settings = Settings(alerts_jsonl=str(tmp_path / "alerts.jsonl"), webhook="http://127.0.0.1:9/hook")
    deliver_alerts([alert], settings, lambda target, reason: failures.append((target, reason)))
    assert "ALERT CHN-USA 2024-03-25" in capsys.readouterr().out
    assert '"direction": "conflict"' in (tmp_path / "alerts.jsonl").read_text()
    assert failures and failures[0][0] == "http://127.0.0.1:9/hook"


# ---- long-running process ---------------------------------------------------------------------


class _NotFound(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        self.send_error(404)

    def log_message(self, *args: object) -> None:
        pass


def test_sigterm_stops_the_long_running_watcher_cleanly(tmp_path: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NotFound)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    path = write(tmp_path, f'[watch]\nallow_private = true\nhost_delay = "0s"\n[[source]]\nname = "gone"\n'
                           f'url = "http://127.0.0.1:{server.server_address[1]}/feed.xml"\n')  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    command = [sys.executable, "-m", "dyadwatch.cli", "watch", str(path), "--db", str(tmp_path / "w.duckdb"),
               "--every", "1h"]  # fmt: skip
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=env)
    try:
        lines = []
        for line in process.stderr:  # wait for the first round to end; the watcher then sleeps for an hour
            lines.append(line)
            if "round done" in line:
                break
        process.send_signal(signal.SIGTERM)
        _, rest = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
        server.shutdown()
        server.server_close()
    assert process.returncode == 0, "".join(lines) + rest
    assert "SIGTERM received" in rest and "stopped cleanly" in rest
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:  # closed cleanly, state kept
        assert con.execute("SELECT failures, last_error FROM watch_sources").fetchone() == (1, "HTTP 404")


def test_a_crashing_or_non_feed_source_never_stops_the_others(
    tmp_path: Path, pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dyadwatch.watch import runner

    real = runner.feed_items

    def crash_on_flaky(data: bytes, base_url: str):
        if base_url.endswith("/flaky.xml"):
            raise RuntimeError("parser bug")
        return real(data, base_url)

    monkeypatch.setattr(runner, "feed_items", crash_on_flaky)
    sources = ('[[source]]\nname = "crashes"\nurl = "https://news.test/flaky.xml"\n'
               '[[source]]\nname = "not a feed"\nurl = "https://news.test/news/2"\n'
               '[[source]]\nname = "feed"\nurl = "https://news.test/feed.xml"\n')  # fmt: skip
    watcher = make_watcher(tmp_path, pipeline, {}, sources)
    counts = watcher.run_round()
    watcher.close()
    assert (counts.failed, counts.stored) == (2, 3)
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        reasons = dict(con.execute("SELECT source, reason FROM watch_failures").fetchall())
        errors = con.execute("SELECT count(*) FROM errors WHERE stage = 'watch'").fetchone()[0]
    assert reasons["crashes"] == "unexpected failure: RuntimeError('parser bug')"
    assert reasons["not a feed"].startswith("not a feed or no entries")
    assert errors == 2


def test_a_failed_page_is_retried_three_times_then_the_feed_is_asked_conditionally(tmp_path: Path, pipeline) -> None:
    clock, state = Clock(), {}
    sources = '[[source]]\nname = "feed"\nurl = "https://news.test/feed-gone.xml"\n'
    watcher = make_watcher(tmp_path, pipeline, state, sources, clock)
    rounds = []
    for _ in range(4):
        counts = watcher.run_round()
        rounds.append((counts.not_modified, counts.new_items, counts.page_errors, source_row(tmp_path, "feed")[2]))
        clock.now += timedelta(minutes=5)
    watcher.close()
    assert rounds == [(0, 2, 1, ""), (0, 1, 1, ""), (0, 1, 1, '"g1"'), (1, 0, 0, '"g1"')]
    assert state["paths"].count("/news/1") == 1 and state["paths"].count("/gone") == 3
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        row = con.execute("SELECT status, attempts, error FROM watch_items WHERE url LIKE '%/gone'").fetchone()
    assert row == ("failed", 3, "HTTP 404")
