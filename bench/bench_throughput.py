"""Throughput of `dyadwatch extract` against a bare spaCy `nlp.pipe`, measured in the same run.

The machines we run on are shared and noisy, so the figure to compare across runs is the ratio
(extract time / bare spaCy time), not the absolute articles per second.

    .venv/bin/python bench/bench_throughput.py                # 200 articles of news_bench.jsonl
    .venv/bin/python bench/bench_throughput.py --limit 840    # all of them

Reads ../shared/eval/news_bench.jsonl (beside the repository) unless --data is given.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "news_bench.jsonl"


def load_records(path: Path, limit: int) -> list[dict]:
    records = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            records.append(json.loads(line))
            if len(records) >= limit:
                break
    return records


def time_bare_spacy(texts: list[str]) -> float:
    """Seconds for the bare pipeline (model already loaded) over the texts, as extract batches them."""
    from dyadwatch.nlp import load_nlp

    nlp = load_nlp()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - started


def time_extract(jsonl: Path) -> tuple[float, float, int]:
    """Seconds for `dyadwatch extract` (a real process, minus its start-up), peak RSS MB, records out."""
    command = [sys.executable, "-m", "dyadwatch.cli", "extract", str(jsonl), "--workers", "1"]  # one process
    startup_cmd = [sys.executable, "-c", "from dyadwatch.pipeline import Pipeline; Pipeline()"]
    started = time.perf_counter()
    subprocess.run(startup_cmd, check=True)
    startup = time.perf_counter() - started
    started = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True)
    total = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if proc.returncode not in (0, 1):
        sys.exit(f"extract failed: {proc.stderr[-2000:]}")
    return total - startup, peak_mb, len(proc.stdout.splitlines())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=200)
    args = parser.parse_args()
    if not args.data.exists():
        sys.exit(f"no benchmark data at {args.data} (pass --data PATH to a JSONL file with 'text')")
    records = load_records(args.data, args.limit)
    texts = [r["text"] for r in records]
    tokens_estimate = sum(len(t.split()) for t in texts)
    with tempfile.TemporaryDirectory() as folder:
        jsonl = Path(folder) / "bench.jsonl"
        jsonl.write_text("\n".join(json.dumps({"id": r["id"], "text": r["text"], "date": r.get("date", "")})
                                   for r in records) + "\n", encoding="utf-8")
        extract_s, peak_mb, produced = time_extract(jsonl)
    spacy_s = time_bare_spacy(texts)
    print(f"machine: {platform.processor() or platform.machine()}, python {platform.python_version()}")
    print(f"articles: {len(texts)} (~{tokens_estimate} words), extract produced {produced} records")
    print(f"bare spaCy nlp.pipe: {spacy_s:.1f} s = {len(texts) / spacy_s:.1f} articles/s")
    print(f"dyadwatch extract (excluding start-up): {extract_s:.1f} s = {len(texts) / extract_s:.1f} articles/s")
    print(f"ratio extract / bare spaCy time: {extract_s / spacy_s:.2f}")
    print(f"peak RSS of the extract process: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
