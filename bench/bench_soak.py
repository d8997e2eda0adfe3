"""Soak run: ingest many synthetic documents in one `dyadwatch ingest` process, sampling its memory.

    nice .venv/bin/python bench/bench_soak.py --documents 100000            # the full soak
    nice .venv/bin/python bench/bench_soak.py --documents 2000 --interval 5 # measure the rate first
    .venv/bin/python bench/bench_soak.py --story-index 5000                 # the story index's memory alone

It writes a JSON Lines corpus (bench/soak_corpus.py: distinct news-like documents with planted
broken lines, records without text and duplicates), runs `dyadwatch ingest` on it as a real
process, samples that process's resident memory (VmRSS) and how far it has read the corpus every
``--interval`` seconds, and at the end checks the store's row counts against what was planted:
articles = distinct good documents, errors = planted faults, events = the sum over documents of
what each planted sentence yields when coded alone (measured before the run).
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from soak_corpus import POOL, Planted, header, lines, write_corpus  # noqa: E402


def events_per_sentence() -> list[int]:
    """What each pool sentence yields on its own, in a document shaped like the corpus's."""
    from dyadwatch.models import ArticleResult, RawDocument
    from dyadwatch.pipeline import Pipeline

    pipeline = Pipeline()
    rng = random.Random(0)
    docs = [RawDocument(f"pool:{i}", text=f"{header(i, rng)}\n\n{s}", fmt="jsonl", date="2024-05-06")
            for i, s in enumerate(POOL)]
    results = list(pipeline.process_many(docs, dedupe=False))
    assert all(isinstance(r, ArticleResult) for r in results), results
    return [len(r.events) for r in results]


def line_offsets(path: Path) -> list[int]:
    """Byte offset of the end of each line, to turn a read position into documents read."""
    ends, position = [], 0
    with path.open("rb") as handle:
        for line in handle:
            position += len(line)
            ends.append(position)
    return ends


def rss_mb(pid: int) -> float:
    """Resident memory (VmRSS) of one process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def workers_rss(pid: int) -> list[float]:
    """VmRSS of each child of ``pid`` (the parsing workers of ``--workers N``), in MB."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    found = []
    for child in children:
        try:
            found.append(round(rss_mb(int(child)), 1))
        except OSError:  # it exited meanwhile
            continue
    return found


def sample(pid: int, corpus: Path) -> tuple[float, int]:
    """(VmRSS in MB, byte position in the corpus) of the running ingest, from /proc."""
    rss = rss_mb(pid)
    position = 0
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            if os.readlink(fd) == str(corpus):
                info = Path(f"/proc/{pid}/fdinfo/{fd.name}").read_text()
                position = int(info.split("pos:")[1].split()[0])
        except OSError:
            continue
    return rss, position


def run_ingest(corpus: Path, db: Path, interval: float, log: Path, workers: int) -> tuple[int, float, list[dict]]:
    ends = line_offsets(corpus)
    command = [sys.executable, "-m", "dyadwatch.cli", "ingest", str(corpus), "--db", str(db)]
    command += ["--workers", str(workers)] if workers else []
    samples: list[dict] = []
    started = time.perf_counter()
    with log.open("w") as stderr:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr)
        while process.poll() is None:
            try:
                rss, position = sample(process.pid, corpus)
                workers = workers_rss(process.pid)
            except (OSError, ValueError, IndexError):
                break
            read = bisect.bisect_right(ends, position)
            samples.append({"seconds": round(time.perf_counter() - started, 1), "rss_mb": round(rss, 1),
                            "workers_rss_mb": workers, "lines_read": read, "load": round(os.getloadavg()[0], 2)})
            time.sleep(interval)
    return process.wait(), time.perf_counter() - started, samples


def store_counts(db: Path) -> dict[str, int]:
    from dyadwatch.store import Store

    with Store(db, read_only=True) as store:
        one = lambda sql: store.con.execute(sql).fetchone()[0]  # noqa: E731
        return {"articles": one("SELECT count(*) FROM articles"), "events": one("SELECT count(*) FROM events"),
                "errors": one("SELECT count(*) FROM errors")}


def prefix_counts(db: Path) -> tuple[int, dict[str, int]]:
    """For an interrupted ingest: the last corpus line whose article was stored, and the store's counts up to it.

    Articles are committed in input order, a batch at a time, so every article up to that line is stored;
    errors are recorded as they come, so those past it are left out.
    """
    from dyadwatch.store import Store

    line_of = "CAST(regexp_extract({0}, ':([0-9]+)$', 1) AS INTEGER)"
    with Store(db, read_only=True) as store:
        one = lambda sql, *args: store.con.execute(sql, list(args)).fetchone()[0]  # noqa: E731
        last = one(f"SELECT max({line_of.format('path')}) FROM articles") or 0
        return last, {"articles": one("SELECT count(*) FROM articles"), "events": one("SELECT count(*) FROM events"),
                      "errors": one(f"SELECT count(*) FROM errors WHERE {line_of.format('path')} <= ?", last)}


def report(planted: Planted, per_sentence: list[int], counts: dict[str, int], samples: list[dict]) -> dict:
    expected = {"articles": planted.good, "events": planted.expected_events(per_sentence), "errors": planted.errors}
    step = max(1, len(samples) // 20)
    print("seconds  lines_read  rss_mb  workers_rss_mb  load")
    for row in samples[::step] + samples[-1:]:
        print(f"{row['seconds']:>7}  {row['lines_read']:>10}  {row['rss_mb']:>6}  "
              f"{'/'.join(map(str, row['workers_rss_mb'])) or '-':>14}  {row['load']}")
    for name in expected:
        verdict = "ok" if counts[name] == expected[name] else "MISMATCH"
        print(f"{name}: stored {counts[name]:,}, planted {expected[name]:,} -> {verdict}")
    slopes = second_half_slopes(samples)
    for name, slope in slopes.items():
        print(f"RSS slope over the second half ({name}): {slope:+.2f} MB per 1,000 documents")
    return {"expected": expected, "stored": counts, "slopes": slopes, "samples": samples}


def slope_per_1000(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of (documents, MB) points, in MB per 1,000 documents."""
    n = len(points)
    if n < 2:
        return 0.0
    mean_x, mean_y = sum(x for x, _ in points) / n, sum(y for _, y in points) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in points)
    return 1000 * sxy / sxx if sxx else 0.0


def second_half_slopes(samples: list[dict]) -> dict[str, float]:
    """The slope of the writer's RSS, and of writer plus workers, over samples past half the documents read."""
    last = max((row["lines_read"] for row in samples), default=0)
    half = [row for row in samples if row["lines_read"] >= last / 2]
    slopes = {"writer": slope_per_1000([(r["lines_read"], r["rss_mb"]) for r in half])}
    if any(row["workers_rss_mb"] for row in half):
        slopes["writer + workers"] = slope_per_1000(
            [(r["lines_read"], r["rss_mb"] + sum(r["workers_rss_mb"])) for r in half])
    return slopes


def story_index_growth(documents: int) -> None:
    """Resident memory the story index gains per 1,000 distinct soak documents (in this process)."""
    from soak_corpus import document

    from dyadwatch.dedup import StoryIndex

    rng, planted = random.Random(15), Planted()
    texts = [document(n, rng, planted) for n in range(documents)]
    index, before = StoryIndex(), _rss_mb()
    for n, text in enumerate(texts):
        index.assign(f"soak-{n:012d}", text)
    print(f"story index: {(_rss_mb() - before) / documents * 1000:.2f} MB per 1,000 documents ({documents:,})")


def _rss_mb() -> float:
    line = next(x for x in Path("/proc/self/status").read_text().splitlines() if x.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--interval", type=float, default=10.0, help="Seconds between memory samples.")
    parser.add_argument("--out", type=Path, default=None, help="Folder for the corpus, store and results.")
    parser.add_argument("--workers", type=int, default=0, help="ingest --workers (0: ingest's default).")
    parser.add_argument("--story-index", type=int, default=0, metavar="N",
                        help="Only measure the story index's memory over N documents, in this process.")
    args = parser.parse_args()
    if args.story_index:
        story_index_growth(args.story_index)
        return
    out = args.out or Path(tempfile.mkdtemp(prefix="dyadwatch-soak-"))
    out.mkdir(parents=True, exist_ok=True)
    corpus, db = out / "soak.jsonl", out / "soak.duckdb"
    db.unlink(missing_ok=True)
    planted = write_corpus(corpus, args.documents)
    per_sentence = events_per_sentence()
    print(f"{platform.node()} {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"corpus {corpus}: {planted.lines:,} lines, {planted.good:,} distinct documents, "
          f"{planted.duplicates:,} duplicates, {planted.errors:,} faults; {len(POOL):,} pool sentences yield "
          f"{sum(per_sentence):,} events coded alone")
    code, seconds, samples = run_ingest(corpus, db, args.interval, out / "ingest.log", args.workers)
    print(f"ingest exit code {code} after {seconds:.0f} s ({planted.lines / seconds:.1f} lines/s)")
    if code in (0, 1):
        result = report(planted, per_sentence, store_counts(db), samples)
    else:  # interrupted: check the part that was stored against what the same lines planted
        last, counts = prefix_counts(db)
        prefix = Planted()
        for _ in lines(last, prefix):
            pass
        print(f"interrupted: articles stored up to line {last:,} of {planted.lines:,}; checking that prefix")
        result = report(prefix, per_sentence, counts, samples)
    result.update(documents=args.documents, seconds=round(seconds, 1), exit_code=code, workers=args.workers)
    (out / "soak.json").write_text(json.dumps(result, indent=1))
    print(f"results: {out / 'soak.json'}")


if __name__ == "__main__":
    main()
