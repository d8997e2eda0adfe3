"""Scaling of `dyadwatch extract` / `ingest` with worker processes, against bare spaCy in the same run.

    .venv/bin/python bench/bench_scale.py --limit 400                  # news_bench: 1 and 2 workers
    .venv/bin/python bench/bench_scale.py --limit 100 --only bare      # the parse alone: 4 ways
    .venv/bin/python bench/bench_scale.py --stream 10000 --only stream # flat memory on 10,000 records

What it prints (articles/s, peak RSS):
- bare: spaCy ``nlp.pipe`` in this process with the model as installed (batch 16: the reference for the
  ratios), dyadwatch's own parse (``load_nlp`` and ``parse_texts`` in chunks of 16, as the pipeline parses:
  its attribute ruler is cheaper, docs/performance.md), spaCy's own ``n_process=2``
  (batch 8: larger batches give no gain), and dyadwatch's pool (``scale.worker.parse_chunk`` in 2
  spawned processes, chunks of 8, parses shipped back as DocBin bytes and read here).
- extract / ingest: the real command as a process, ``--workers 1`` and ``--workers 2``; wall time
  with and without the start-up of one process (measured separately); peak RSS of the largest
  process of the tree and of the whole tree (sampled every 0.1 s with psutil); CPU seconds of the
  whole tree per article (what a machine with free cores divides among them; wall time on a shared
  machine says more about the other users than about us). For ``--workers 1`` two ratios to the bare
  parse: of wall times (start-up subtracted), and of CPU times (the start-up's CPU subtracted, the bare
  parse's CPU measured in this process): the second is the one that holds when the load changes mid-run.
- dask: ``ingest --scheduler`` on a local Dask cluster of 2 worker processes (partitioned: the
  workers read line ranges of the input themselves); wall time and the client's peak RSS.
- stream: a synthetic 10,000-record JSONL and a 10,000-page WARC through ``extract --no-events``
  (``--stream-events`` codes them too), the tree's RSS at each quarter of the run (the first quarter
  is start-up: imports and model).

Reads ../shared/eval/news_bench.jsonl (beside the repository) unless --data is given. The machine
is shared: report `uptime` with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from io import BytesIO
from multiprocessing import get_context
from pathlib import Path

import psutil
from bench_throughput import load_records  # bench/ is the script's folder, first on sys.path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "news_bench.jsonl"
CLI = [sys.executable, "-m", "dyadwatch.cli"]


def chunks(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def bare(texts: list[str]) -> None:
    """The parse alone over the same texts: the model as installed (the reference), dyadwatch's own parse,
    and two ways with 2 processes."""
    import spacy

    from dyadwatch.nlp import load_nlp, parse_texts, resolve_model_name
    from dyadwatch.scale.worker import parse_chunk, warm_up

    stock = spacy.load(resolve_model_name())
    cpu = time.process_time()
    BARE[0] = timed(lambda: list(stock.pipe(texts, batch_size=16)))
    BARE_CPU[0] = time.process_time() - cpu
    report("bare spaCy (the model as installed), 1 process, batch 16", len(texts), BARE[0],
           f"; CPU {BARE_CPU[0]:.1f} s")
    stock = None  # its memory back before the next model loads
    nlp = load_nlp()
    cpu = time.process_time()
    PARSE[0] = timed(lambda: [parse_texts(nlp, chunk) for chunk in chunks(texts, 16)])
    PARSE_CPU[0] = time.process_time() - cpu
    report("dyadwatch's parse (nlp.load_nlp, nlp.parse_texts), 1 process, chunks of 16", len(texts), PARSE[0],
           f"; {PARSE[0] / BARE[0]:.2f} x the bare time; CPU {PARSE_CPU[0]:.1f} s = "
           f"{PARSE_CPU[0] / BARE_CPU[0]:.2f} x the bare CPU")
    seconds = timed(lambda: list(nlp.pipe(texts, batch_size=8, n_process=2)))
    report("bare spaCy n_process=2, batch 8 (incl. starting 2 processes)", len(texts), seconds)
    with ProcessPoolExecutor(2, mp_context=get_context("spawn"), initializer=warm_up) as pool:
        list(pool.map(parse_chunk, [[t] for t in texts[:2]]))  # start both workers first
        seconds = timed(lambda: [p.docs(nlp.vocab) for p in pool.map(parse_chunk, chunks(texts, 8))])
    report("dyadwatch pool, 2 processes, chunks of 8 (workers already started)", len(texts), seconds)


def timed(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def report(label: str, count: int, seconds: float, extra: str = "") -> None:
    print(f"{label}: {seconds:.1f} s = {count / seconds:.2f} articles/s{extra}", flush=True)


def run_tree(command: list[str], stdout=subprocess.DEVNULL) -> tuple[float, float, float, list[tuple[float, float]]]:
    """Run a command; wall seconds, peak RSS MB of its largest process and of the whole tree, RSS samples.

    The CPU seconds of the whole tree (user + system, workers included) are left in ``LAST_CPU[0]``."""
    cpu_before = _children_cpu()
    started = time.perf_counter()
    proc = psutil.Popen(command, stdout=stdout, stderr=subprocess.PIPE)
    peak_one = peak_tree = 0.0
    samples: list[tuple[float, float]] = []
    while proc.poll() is None:
        sizes = []
        for member in [proc, *proc.children(recursive=True)]:
            try:
                sizes.append(member.memory_info().rss / 2**20)
            except psutil.Error:
                pass
        peak_one, peak_tree = max(peak_one, *sizes, 0.0), max(peak_tree, sum(sizes))
        samples.append((time.perf_counter() - started, sum(sizes)))
        time.sleep(0.1)
    seconds = time.perf_counter() - started
    LAST_CPU[0] = _children_cpu() - cpu_before
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed: {proc.stderr.read().decode()[-2000:]}")
    return seconds, peak_one, peak_tree, samples


LAST_CPU = [0.0]
BARE = [0.0]  # seconds of the bare one-process parse, for the ratio of extract --workers 1 to it
PARSE = [0.0]  # seconds of dyadwatch's own parse in one process (a cheaper attribute ruler: docs/performance.md)
# CPU seconds of the same two, and of one process's start-up: wall time on a shared machine also counts the time
# the process waited for a core (an ingest at load 5 took 53.6 s wall for 36.1 s of CPU), CPU time does not
BARE_CPU = [0.0]
PARSE_CPU = [0.0]
STARTUP_CPU = [0.0]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def startup_seconds() -> float:
    """Wall seconds of one process's start-up (its CPU seconds are left in ``STARTUP_CPU[0]``)."""
    command = [sys.executable, "-c", "from dyadwatch.pipeline import Pipeline; Pipeline()"]
    seconds = run_tree(command)[0]
    STARTUP_CPU[0] = LAST_CPU[0]
    return seconds


def commands(jsonl: Path, folder: Path, workers: int) -> dict[str, list[str]]:
    return {
        "extract": [*CLI, "extract", str(jsonl), "--workers", str(workers)],
        "ingest": [*CLI, "ingest", str(jsonl), "--workers", str(workers), "--db", str(folder / f"w{workers}.duckdb")],
    }


def whole(jsonl: Path, folder: Path, count: int, verbs: list[str]) -> None:
    if not verbs:
        return
    verbs, dask_too = [v for v in verbs if v != "dask"], "dask" in verbs
    startup = startup_seconds()
    print(f"start-up of one process (model, actor data): {startup:.1f} s", flush=True)
    for verb in verbs:
        for workers in (1, 2):
            seconds, peak_one, peak_tree, _ = run_tree(commands(jsonl, folder, workers)[verb])
            extra = (f" ({count / max(seconds - startup, 1e-9):.2f}/s without one start-up); peak RSS "
                     f"{peak_one:.0f} MB largest process, {peak_tree:.0f} MB all processes; "
                     f"CPU {LAST_CPU[0]:.1f} s = {LAST_CPU[0] / count:.3f} CPU s per article")
            report(f"{verb} --workers {workers}", count, seconds, extra)
            if workers == 1 and BARE[0]:
                print(f"  ratio {verb} --workers 1 (without start-up) / bare spaCy: "
                      f"{(seconds - startup) / BARE[0]:.2f}; / dyadwatch's parse: "
                      f"{(seconds - startup) / PARSE[0]:.2f}", flush=True)
                cpu = LAST_CPU[0] - STARTUP_CPU[0]
                print(f"  CPU ratio {verb} --workers 1 (without start-up CPU) / bare spaCy's CPU: "
                      f"{cpu / BARE_CPU[0]:.2f}; / dyadwatch's parse: {cpu / PARSE_CPU[0]:.2f}", flush=True)
    if dask_too:
        dask(jsonl, folder, count, startup)


def dask(jsonl: Path, folder: Path, count: int, startup: float) -> None:
    """``ingest --scheduler`` on a local cluster of 2 worker processes (started first, not timed); the
    input is split into line ranges that the workers read. Wall time only: the workers are not in the tree."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        command = [*CLI, "ingest", str(jsonl), "--scheduler", cluster.scheduler_address,
                   "--db", str(folder / "dask.duckdb")]
        seconds, peak_one, _, _ = run_tree(command)
        report("ingest --scheduler (local cluster, 2 workers)", count, seconds,
               f" ({count / max(seconds - startup, 1e-9):.2f}/s without one start-up); "
               f"client peak RSS {peak_one:.0f} MB")


def synthetic_records(count: int) -> list[dict]:
    """Small invented wire items (synthetic, not real reporting) for the streaming check."""
    pairs = [("France", "Germany"), ("Japan", "South Korea"), ("Kenya", "Ethiopia"), ("Brazil", "Argentina")]
    verbs = ["met", "criticised", "signed an agreement with", "accused"]
    out = []
    for n in range(count):
        a, b = pairs[n % len(pairs)]
        text = (f"Synthetic item {n}. The foreign minister of {a} {verbs[n % len(verbs)]} the foreign minister "
                f"of {b} on Tuesday, officials said.\n\nTalks number {n} were described as frank.")
        out.append({"id": f"synthetic-{n}", "date": "2024-03-05", "text": text})
    return out


def write_warc(path: Path, records: list[dict]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        for record in records:
            body = f"<html><head><title>{record['id']}</title></head><body><article><p>" + \
                record["text"].replace("\n\n", "</p><p>") + "</p></article></body></html>"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://example.org/{record['id']}", "response", payload=BytesIO(body.encode()),
                http_headers=headers))


def stream(folder: Path, count: int, events: bool) -> None:
    records = synthetic_records(count)
    jsonl, warc = folder / "stream.jsonl", folder / "stream.warc"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    write_warc(warc, records)
    for path in (jsonl, warc):
        command = [*CLI, "extract", str(path), *([] if events else ["--no-events"])]
        seconds, peak_one, _, samples = run_tree(command)
        at = [samples[min(len(samples) - 1, int(len(samples) * q))][1] for q in (0.25, 0.5, 0.75, 1.0)]
        report(f"extract {'' if events else '--no-events '}{path.name} ({count} records)", count, seconds,
               f"; RSS at 1/4, 1/2, 3/4 and the end of the run: {', '.join(f'{m:.0f}' for m in at)} MB, "
               f"peak {peak_one:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--only", default="bare,extract,ingest",
                        help="comma list of bare, extract, ingest, dask, stream")
    parser.add_argument("--stream", type=int, default=10_000, help="records in the streaming check")
    parser.add_argument("--stream-events", action="store_true", help="code the streamed records too (slow)")
    args = parser.parse_args()
    parts = args.only.split(",")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, python {platform.python_version()}; "
          f"load average {os.getloadavg()[0]:.2f}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if {"bare", "extract", "ingest", "dask"} & set(parts):
            if not args.data.exists():
                sys.exit(f"no benchmark data at {args.data} (pass --data PATH to a JSONL file with 'text')")
            records = load_records(args.data, args.limit)
            print(f"articles: {len(records)} of {args.data.name} (~{sum(len(r['text'].split()) for r in records)} "
                  "words)", flush=True)
            jsonl = folder / "bench.jsonl"
            jsonl.write_text("".join(json.dumps({k: r.get(k, "") for k in ("id", "date", "text")}) + "\n"
                                     for r in records), encoding="utf-8")
            if "bare" in parts:
                bare([r["text"] for r in records])
            whole(jsonl, folder, len(records), [p for p in parts if p in ("extract", "ingest", "dask")])
        if "stream" in parts:
            stream(folder, args.stream, args.stream_events)
    print(f"load average at the end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
