"""Time the dyad page's API through the real server over a synthetic store (default 1,000,000 events).

Starts `dyadwatch serve` in a subprocess, requests each endpoint ``--repeat`` times in turn and
prints p50/p95/max wall-clock milliseconds per endpoint, in three modes: the default (store kept
open for 0.5 s after a request, results cached per store version), without the result cache
(every request runs its queries), opening the store for every request, and ``--warm`` (the
analysis package's in-memory copy, built when the store is opened: the warm-up request pays it). The machine's CPU
count and load average are printed with them (a loaded machine is slower).

Usage: python bench/bench_web.py [--events 1000000] [--db /tmp/dyadwatch-bench-web.duckdb] [--repeat 10]
The store is built once (bench/synthetic_store.py) and reused while its event count matches.
"""

from __future__ import annotations

import argparse
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_store import build_synthetic_store  # noqa: E402

ENDPOINTS = [
    "/api/dyad/USA/CHN", "/api/dyad/USA/CHN/events?limit=50", "/api/dyad/USA/CHN/quotes?limit=50",
    "/api/dyad/JPN/KOR", "/api/dyad/JPN/KOR/events?limit=50", "/dyad/USA/CHN",
]  # fmt: skip


def ensure_store(path: Path, n_events: int) -> None:
    if path.exists():
        with duckdb.connect(str(path), read_only=True) as con:
            if con.execute("SELECT count(*) FROM events").fetchone()[0] == n_events:
                return
    started = time.perf_counter()
    build_synthetic_store(path, n_events)
    print(f"built {path} with {n_events:,} events in {time.perf_counter() - started:.1f} s")


def start(db: Path, extra: list[str]) -> tuple[subprocess.Popen, str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH")) if p)}
    command = [sys.executable, "-m", "dyadwatch.cli", "serve", "--db", str(db), "--port", str(port), *extra]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            httpx.get(base + "/static/charts.js", timeout=1)
            return proc, base
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(base: str, repeat: int) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {path: [] for path in ENDPOINTS}
    with httpx.Client(timeout=120) as client:
        for path in ENDPOINTS:  # one warm-up each (the OS file cache), not counted
            client.get(base + path).raise_for_status()
        for _ in range(repeat):
            for path in ENDPOINTS:
                started = time.perf_counter()
                client.get(base + path).raise_for_status()
                timings[path].append((time.perf_counter() - started) * 1000)
    return timings


MODES = {
    "default (linger 0.5 s, result cache)": [],
    "no result cache (queries every time; linger 0.5 s)": ["--cache", "0"],
    "open per request (no cache, no linger)": ["--cache", "0", "--linger", "0"],
    "--warm --linger 60, no result cache (in-memory copy)": ["--cache", "0", "--warm", "--linger", "60"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/dyadwatch-bench-web.duckdb"))
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    ensure_store(args.db, args.events)
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} (before); "
          f"store {args.events:,} events; {args.repeat} requests per endpoint after one warm-up")  # fmt: skip
    for mode, extra in MODES.items():
        proc, base = start(args.db, extra)
        try:
            timings = measure(base, args.repeat)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
        print(f"\n{mode}; load average {os.getloadavg()[0]:.1f} after")
        print(f"{'endpoint':42} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        for path, values in timings.items():
            print(f"{path:42} {statistics.median(values):8.0f} {percentile(values, 0.95):8.0f} {max(values):8.0f}")


if __name__ == "__main__":
    main()
