"""Timing of the analysis API on a synthetic store of N events (default 1,000,000).

Builds the store with ``bench/synthetic_store.py`` (DuckDB SQL, no NLP) unless ``--db`` names an
existing one, then times each call ``--repeat`` times on a read-only connection and prints the
best and median wall time in milliseconds, with the machine. The dyad page needs dyad_series,
dyad_events and dyad_quotes; the overview top_dyads; alerts detect_shifts. "best CPU ms" is the
process CPU time of the fastest run: on a shared, loaded machine it shows what the call costs
(with ``--threads 1`` it is close to the wall time the call takes on an idle core).

Usage: python bench/bench_analysis.py [--events N] [--db PATH] [--repeat R] [--threads T] [--warm]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_store import build_synthetic_store  # noqa: E402

from dyadwatch.analysis import (  # noqa: E402
    country_network,
    detect_shifts,
    dyad_events,
    dyad_quotes,
    dyad_series,
    top_dyads,
    warm_cache,
)
from dyadwatch.store import Store  # noqa: E402


def calls(con) -> dict:
    """The timed calls: the busiest dyad (USA–CHN) and a mid-sized one (CHN–RUS)."""
    return {
        "dyad_series USA CHN week": lambda: dyad_series(con, "USA", "CHN", by="week"),
        "dyad_series CHN RUS month": lambda: dyad_series(con, "CHN", "RUS", by="month"),
        "dyad_series USA->CHN day directed": lambda: dyad_series(con, "USA", "CHN", by="day", directed=True),
        "dyad_events USA CHN first page (50)": lambda: dyad_events(con, "USA", "CHN"),
        "dyad_events USA CHN page 20, quad 4": lambda: dyad_events(con, "USA", "CHN", offset=1000, quad=4),
        "dyad_quotes CHN RUS (50)": lambda: dyad_quotes(con, "CHN", "RUS"),
        "top_dyads 20": lambda: top_dyads(con),
        "country_network": lambda: country_network(con),
        "detect_shifts week window 8": lambda: detect_shifts(con),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None, help="Existing store (else a synthetic one is built).")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--threads", type=int, default=0, help="DuckDB threads (0: DuckDB's default).")
    parser.add_argument("--warm", action="store_true", help="Warm the per-connection cache first (analysis.cache).")
    args = parser.parse_args()
    db = args.db
    if db is None or not db.exists():
        db = db or Path(tempfile.mkdtemp()) / f"synthetic_{args.events}.duckdb"
        started = time.perf_counter()
        build_synthetic_store(db, args.events)
        print(f"built {db} with {args.events:,} events in {time.perf_counter() - started:.1f} s")
    print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; "
          f"load average {os.getloadavg()[0]:.2f}")  # fmt: skip
    with Store(db, read_only=True) as store:
        con = store.con
        if args.threads:
            con.execute(f"SET threads = {int(args.threads)}")
        print(f"events: {con.execute('SELECT count(*) FROM events').fetchone()[0]:,}; "
              f"DuckDB threads: {con.execute('SELECT current_setting(?)', ['threads']).fetchone()[0]}")  # fmt: skip
        if args.warm:
            started, started_cpu = time.perf_counter(), time.process_time()
            rows = warm_cache(con)
            print(f"warm_cache: {rows:,} rows in {(time.perf_counter() - started) * 1000:.0f} ms "
                  f"({(time.process_time() - started_cpu) * 1000:.0f} ms CPU)")  # fmt: skip
        print(f"{'call':40} {'best ms':>8} {'median ms':>10} {'best CPU ms':>12} {'rows':>6}")
        for name, call in calls(con).items():
            times, cpu, result = [], [], None
            for _ in range(args.repeat):
                started, started_cpu = time.perf_counter(), time.process_time()
                result = call()
                times.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
            rows = result.number_of_edges() if hasattr(result, "number_of_edges") else len(result)
            print(f"{name:40} {min(times):8.0f} {statistics.median(times):10.0f} {min(cpu):12.0f} {rows:6d}")


if __name__ == "__main__":
    main()
