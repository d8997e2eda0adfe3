"""CPU time of the coding stages alone (actors, quotes, events and the JSON object of ``extract``) over parsed
news_bench articles, for comparing two checkouts run one after the other.

    PYTHONPATH=src .venv/bin/python bench/probe_coding.py --limit 60 --passes 3

Cleans and parses the articles first (not timed), then codes every article ``--passes`` times
(``Pipeline.code`` and ``ArticleResult.to_dict``), printing the CPU seconds of each pass. The first pass is
the one to compare: later passes find what the first one cached on each Doc. Alternate the checkouts
(A, B, A, B) on a shared machine. Reads ../shared/eval/news_bench.jsonl unless --data is given.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from bench_throughput import load_records  # bench/ is the script's folder, first on sys.path

from dyadwatch.models import RawDocument
from dyadwatch.nlp import parse_texts
from dyadwatch.pipeline import Pipeline

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "news_bench.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args()
    records = load_records(args.data, args.limit)
    pipeline = Pipeline()
    articles = [pipeline.clean(RawDocument(source_path=r["id"], text=r["text"], fmt="jsonl")) for r in records]
    articles = [a for a in articles if hasattr(a, "text")]
    docs = []
    for start in range(0, len(articles), 16):
        docs += parse_texts(pipeline.nlp, [a.text for a in articles[start : start + 16]])
    passes, events = [], 0
    for _ in range(args.passes):
        started = time.process_time()
        rows = [pipeline.code(article, doc).to_dict() for article, doc in zip(articles, docs, strict=True)]
        passes.append(time.process_time() - started)
        events = sum(len(row["events"]) for row in rows)
    print(f"{len(articles)} articles, {events} events; coding CPU s per pass: "
          f"{', '.join(f'{p:.2f}' for p in passes)}; load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
