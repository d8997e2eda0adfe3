"""CPU time per stage of `extract` and `ingest --workers 1`, run in this process, against a bare spaCy parse.

    PYTHONPATH=src .venv/bin/python bench/probe_stages.py --limit 120 --rounds 2

Each round runs, one after the other in this process: a bare ``nlp.pipe`` (the model as installed, batch 16),
dyadwatch's own parse alone (``load_nlp``, ``parse_texts`` in chunks of 16), ``dyadwatch extract --workers 1``
(stdout to /dev/null) and ``dyadwatch ingest --workers 1`` into a fresh store, through the real command
functions. The stages are timed by wrapping the functions that do them with ``time.process_time`` (no profiler:
its overhead would swamp small functions): cleaning, parse, actors, quotes, events, alias memory, story ids, the
store's writer (and its parts: deletes, inserts, story tables), opening the store, closing it (the checkpoint).
What no wrapper covers is "rest" (reading the input, the loop, JSON rows, the progress line). Rounds interleave,
so a change of the machine's load touches all of them alike.
Reads ../shared/eval/news_bench.jsonl unless --data is given. A tool for finding where time goes; its figures
are CPU seconds of this one process (the ratio to the bare parse is what to compare between runs).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from bench_throughput import load_records  # bench/ is the script's folder, first on sys.path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "news_bench.jsonl"
SPENT: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)
_DEPTH = [0]


def wrap(owner: object, name: str, label: str) -> None:
    """Replace ``owner.name`` by a version that adds its CPU time to SPENT[label] (outermost calls only
    per label: a recursive or nested call of the same label is not counted twice)."""
    original = getattr(owner, name)
    active = {"n": 0}

    def timed(*args, **kwargs):
        if active["n"]:
            return original(*args, **kwargs)
        active["n"] += 1
        started = time.process_time()
        try:
            result = original(*args, **kwargs)
            if hasattr(result, "__next__"):  # a generator: time its iteration too
                result = list(result)
            return result
        finally:
            SPENT[label] += time.process_time() - started
            CALLS[label] += 1
            active["n"] -= 1

    setattr(owner, name, timed)


def instrument() -> None:
    import dyadwatch.actors.resolver as resolver
    import dyadwatch.cli as cli
    import dyadwatch.pipeline as pipeline
    import dyadwatch.store as store
    import dyadwatch.stories as stories
    import dyadwatch.stories.tables as tables
    from dyadwatch.events import EventCoder

    wrap(pipeline.Pipeline, "clean", "cleaning")
    wrap(pipeline, "parse_texts", "parse")
    wrap(resolver.ActorResolver, "analyze", "actors")
    wrap(pipeline, "extract_quotes", "quotes")
    wrap(EventCoder, "code", "events")
    wrap(resolver.ActorResolver, "remember", "alias memory")
    wrap(stories, "assign_stories", "story ids")
    wrap(stories.StoryIndex, "_load_around", "  story ids: loading stored windows")
    wrap(store.Store, "save_results", "writer")
    wrap(store.Store, "_delete_articles", "  writer: deletes")
    wrap(store.Store, "_insert", "  writer: inserts")
    wrap(tables, "record_stories", "  writer: story tables")
    wrap(store.Store, "__init__", "open store")
    wrap(store.Store, "close", "close store")
    wrap(store.Store, "record_error", "errors")
    wrap(cli, "_backfill_stories", "open store")


def run_cli(args: list[str]) -> None:
    from dyadwatch.cli import app

    with contextlib.redirect_stdout(io.StringIO()) as sink:
        try:
            app(args, standalone_mode=False)
        except SystemExit:
            pass
    sink.truncate(0)


def timed_round(label: str, work, totals: dict) -> None:
    SPENT.clear()
    CALLS.clear()
    started = time.process_time()
    work()
    total = time.process_time() - started
    covered = sum(v for k, v in SPENT.items() if not k.startswith("  "))
    totals[label].append((total, dict(SPENT), total - covered))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=120)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--only", default="bare,parse,extract,ingest")
    args = parser.parse_args()
    import spacy

    from dyadwatch.nlp import load_nlp, parse_texts, resolve_model_name
    from dyadwatch.pipeline import Pipeline

    records = load_records(args.data, args.limit)
    Pipeline()  # start-up (model, actor data, gazetteer) once, outside the rounds
    stock = spacy.load(resolve_model_name())
    nlp = load_nlp()
    texts = [r["text"] for r in records]
    instrument()
    totals: dict[str, list] = defaultdict(list)
    parts = args.only.split(",")
    print(f"{len(records)} articles of {args.data.name}; load average {os.getloadavg()[0]:.2f}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "in.jsonl"
        jsonl.write_text("".join(json.dumps({k: r.get(k, "") for k in ("id", "date", "text")}) + "\n"
                                 for r in records), encoding="utf-8")
        for n in range(args.rounds):
            if "bare" in parts:
                timed_round("bare", lambda: list(stock.pipe(texts, batch_size=16)), totals)
            if "parse" in parts:
                timed_round("parse", lambda: [parse_texts(nlp, texts[i : i + 16]) for i in range(0, len(texts), 16)],
                            totals)
            if "extract" in parts:
                timed_round("extract", lambda: run_cli(["extract", str(jsonl), "--workers", "1"]), totals)
            if "ingest" in parts:
                db = Path(tmp) / f"r{n}.duckdb"
                timed_round("ingest", lambda db=db: run_cli(["ingest", str(jsonl), "--workers", "1", "--db", str(db)]),
                            totals)
            print(f"round {n + 1} done; load average {os.getloadavg()[0]:.2f}", file=sys.stderr, flush=True)
    print_table(totals)


def print_table(totals: dict[str, list]) -> None:
    bare = sum(t for t, _, _ in totals.get("bare", [])) / max(len(totals.get("bare", [])), 1)
    for label, rounds in totals.items():
        total = sum(t for t, _, _ in rounds) / len(rounds)
        ratio = f" = {total / bare:.3f} x bare" if bare else ""
        print(f"\n{label}: {total:.2f} CPU s (mean of {len(rounds)}){ratio}")
        stages: dict[str, float] = defaultdict(float)
        for _, spent, rest in rounds:
            for key, value in spent.items():
                stages[key] += value / len(rounds)
            stages["rest"] += rest / len(rounds)
        for key, value in stages.items():
            print(f"  {key:40s} {value:7.2f} s" + (f"  {value / bare:6.3f} x bare" if bare else ""))


if __name__ == "__main__":
    main()
