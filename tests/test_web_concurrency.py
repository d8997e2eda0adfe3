"""Issue 15: `serve` reading while a real `ingest` writes the same store.

DuckDB lets no process open a file while another writes it. The server holds no connection
between requests, so the ingest can take the file; while it writes, requests get a clean 503
with Retry-After; afterwards the server answers again and the store holds exactly what an
ingest without a server beside it stores.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading

import duckdb
import httpx
from webtools import REPO, cli_env, run_cli, start_server, stop_server

PAIRS = [("Japan", "South Korea"), ("France", "Germany"), ("Brazil", "Argentina"), ("Egypt", "Sudan"),
         ("Kenya", "Ethiopia"), ("Canada", "Mexico"), ("Poland", "Lithuania"), ("Vietnam", "Laos")]  # fmt: skip
PATHS = ["/api/overview", "/", "/dyad/CHN/RUS", "/api/search?q=Putin", "/api/dyad/USA/CHN/events?limit=20"]


def write_articles(folder, n: int = 24) -> None:
    """Short synthetic wire stories (invented for this test), each with distinct text."""
    folder.mkdir()
    for i in range(n):
        a, b = PAIRS[i % len(PAIRS)]
        (folder / f"synthetic_{i:02d}.txt").write_text(
            f"{a} and {b} sign accord number {i}\n\n"
            f"TOKYO (Synthetic Wire) - The foreign minister of {a} met the foreign minister of {b} on Monday "
            f"and the two governments signed agreement number {i} on trade and energy. "
            f"{a} also accused {b} of delaying talks on the border, officials said.\n\n"
            f"This story is synthetic, written for dyadwatch's tests (number {i}).\n",
            encoding="utf-8",
        )


def counts(db) -> tuple[int, int, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events", "quotes"))


def poll(base: str, stop: threading.Event, seen: list[tuple[str, int, str, str]]) -> None:
    with httpx.Client(timeout=60) as client:
        i = 0
        while not stop.is_set():
            path = PATHS[i % len(PATHS)]
            response = client.get(base + path)
            seen.append((path, response.status_code, response.headers.get("retry-after", ""), response.text[:5000]))
            i += 1


def test_ingest_while_the_server_answers(web_store, tmp_path):
    new = tmp_path / "new"
    write_articles(new)
    reference, live = tmp_path / "reference.duckdb", tmp_path / "live.duckdb"
    shutil.copy(web_store, reference)
    shutil.copy(web_store, live)
    before = counts(live)
    alone = run_cli("ingest", str(new), "--db", str(reference), "--batch-size", "4")
    assert alone.returncode == 0, alone.stderr[-2000:]

    proc, base = start_server(live, tmp_path)
    stop, seen = threading.Event(), []
    poller = threading.Thread(target=poll, args=(base, stop, seen))
    poller.start()
    try:
        ingest = subprocess.run(
            [sys.executable, "-m", "dyadwatch.cli", "ingest", str(new), "--db", str(live), "--batch-size", "4"],
            capture_output=True, text=True, env=cli_env(), cwd=REPO, timeout=600,
        )  # fmt: skip
        during = len(seen)
        while len(seen) < during + len(PATHS):  # a full round of pages after the ingest
            stop.wait(0.05)
    finally:
        stop.set()
        poller.join(timeout=120)
    try:
        assert ingest.returncode == 0, ingest.stderr[-2000:]
        statuses = {status for _, status, _, _ in seen}
        assert statuses <= {200, 503}, [s for s in seen if s[1] not in (200, 503)][:3]
        busy = [s for s in seen if s[1] == 503]
        bad = [s for s in busy if not (s[2].isdigit() and "busy" in s[3] and "Traceback" not in s[3])]
        assert bad == [], bad[:2]
        assert busy, "no request met the ingest (the test did not overlap them)"
        assert all(status == 200 for _, status, _, _ in seen[during:]), seen[during:]
        overview = httpx.get(base + "/api/overview", timeout=60).json()
        assert overview["counts"]["articles"] == before[0] + 24
    finally:
        stop_server(proc)
    assert counts(live) == counts(reference)
    assert counts(live)[0] == before[0] + 24 and counts(live)[1] > before[1]
