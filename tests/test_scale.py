"""Scale: worker processes and a Dask cluster give exactly the rows of one process, even when a
worker dies mid-run (its chunk is parsed again; nothing is lost or stored twice)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from dyadwatch.ingest import iter_documents
from dyadwatch.models import ArticleResult, IngestError
from dyadwatch.pipeline import Pipeline
from dyadwatch.scale import local_pool, process_stream
from dyadwatch.scale.runner import process_parallel

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TABLES = {  # columns that say when or in which run a row was written are not part of the result
    "articles": "* EXCLUDE (run_id, ingested_at)",
    "events": "*",
    "quotes": "*",
    "actors": "*",
    "aliases": "*",
    "errors": "* EXCLUDE (last_seen, run_id)",
}


def ingest(db: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dyadwatch.cli", "ingest", str(EXAMPLES), "--db", str(db), *options],
        capture_output=True, text=True, timeout=900,
    )


def rows(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        columns = {t: {c[0] for c in con.execute(f"DESCRIBE {t}").fetchall()} for t in TABLES}
        out = {}
        for table, select in TABLES.items():
            if "run_id" not in columns[table] or "ingested_at" not in columns[table] and table == "articles":
                select = "*"
            out[table] = con.execute(f"SELECT {select} FROM {table} ORDER BY ALL").fetchall()
        return out
    finally:
        con.close()


def coded(stream: Iterator[ArticleResult | IngestError], pipeline: Pipeline) -> list[str]:
    """What ingest keeps of a stream, one string per input, feeding aliases back as ingest does."""
    out = []
    for result in stream:
        if isinstance(result, IngestError):
            out.append(f"error {result.path}: {result.reason}")
            continue
        out.append(json.dumps([result.to_dict(), result.duplicate, result.signature], sort_keys=True, default=str))
        if result.aliases and not result.duplicate:
            pipeline.resolver.remember(result.aliases)
    return out


@pytest.fixture(scope="module")
def one_process() -> list[str]:
    pipeline = Pipeline()
    return coded(pipeline.process_many(iter_documents([str(EXAMPLES)])), pipeline)


@pytest.fixture(scope="module")
def store_one_worker(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("one") / "one.duckdb"
    proc = ingest(db, "--workers", "1")
    assert proc.returncode == 0, proc.stderr
    return db


def test_the_examples_are_enough_to_start_the_workers(one_process):
    """Otherwise --workers 2 would quietly run in one process and the tests below would prove nothing."""
    from dyadwatch.scale import CHUNK_SIZE, JOBS_PER_WORKER

    assert len(one_process) >= CHUNK_SIZE * 2 * JOBS_PER_WORKER
    assert sum('"events": [{' in r for r in one_process) > 20


def test_ingest_with_two_workers_stores_the_rows_of_one(store_one_worker, tmp_path):
    db = tmp_path / "two.duckdb"
    proc = ingest(db, "--workers", "2")
    assert proc.returncode == 0, proc.stderr
    expected = rows(store_one_worker)
    assert expected["events"] and expected["quotes"] and expected["aliases"]
    assert rows(db) == expected


def test_extract_with_two_workers_prints_what_one_prints(tmp_path):
    def extract(workers: str) -> str:
        proc = subprocess.run(
            [sys.executable, "-m", "dyadwatch.cli", "extract", str(EXAMPLES / "synthetic_wire.jsonl"),
             "--workers", workers], capture_output=True, text=True, timeout=900,
        )
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    one = extract("1")
    assert len(one.splitlines()) == 41
    assert extract("2") == one


def kill_after(items: Iterator, count: int, kill) -> Iterator:
    """Pass the items through; after ``count`` of them (work is in flight by then), kill a worker."""
    for number, item in enumerate(items, 1):
        yield item
        if number == count:
            kill()


def test_a_pool_worker_killed_mid_run_loses_and_duplicates_nothing(one_process):
    pipeline, pool = Pipeline(), local_pool(2)
    killed = []

    def kill() -> None:
        processes = dict(pool.executor._processes)  # noqa: SLF001 - the test reaches in to kill one
        pid = next(iter(processes))
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)

    documents = kill_after(iter_documents([str(EXAMPLES)]), 12, kill)
    stream = process_parallel(pipeline, documents, pool, chunk_size=2, window=4)
    assert coded(stream, pipeline) == one_process
    assert killed and pool.restarts >= 1


def test_a_rerun_with_everything_stored_parses_nothing_and_yields_duplicates():
    """Chunks with nothing left to parse (every article already stored) go through without a worker."""
    pipeline = Pipeline(with_events=False)
    known = {r.article.id for r in pipeline.process_many(iter_documents([str(EXAMPLES)])) if hasattr(r, "article")}
    pipeline = Pipeline()
    pool = local_pool(2)
    results = list(process_parallel(pipeline, iter_documents([str(EXAMPLES)]), pool, skip_ids=known, chunk_size=2))
    assert len(results) == 48
    assert all(isinstance(r, ArticleResult) and r.duplicate for r in results)
    assert not pool.executor._processes  # noqa: SLF001 - no worker was ever started


def test_errors_other_languages_and_copies_keep_their_place_in_the_output():
    """Synthetic mixed input: what is decided before parsing rides along with its chunk, in input order."""
    from dyadwatch.models import RawDocument

    english = [json.loads(line) for line in (EXAMPLES / "synthetic_wire.jsonl").read_text("utf-8").splitlines()[:5]]
    german = ("Die Aussenminister Deutschlands und Frankreichs trafen sich am Dienstag in Berlin. Sie sprachen "
              "ueber die Lage in der Ukraine und vereinbarten weitere Gespraeche im naechsten Monat.")

    def items():
        yield IngestError(path="broken.jsonl:3", reason="invalid JSON (synthetic)")
        for n, record in enumerate(english):
            yield RawDocument(source_path=f"mixed.jsonl:{n}", text=record["text"], fmt="jsonl", date=record["date"])
            if n == 1:
                yield RawDocument(source_path="mixed.jsonl:de", text=german, fmt="jsonl")
                yield RawDocument(source_path="mixed.jsonl:empty", text="   ", fmt="jsonl")
        yield RawDocument(source_path="mixed.jsonl:copy", text=english[0]["text"], fmt="jsonl", date="2023-01-01")

    one = Pipeline()
    expected = coded(one.process_many(items()), one)
    assert any(r.startswith("error broken.jsonl:3") for r in expected)
    assert any("is not coded" in r for r in expected) and any("mixed.jsonl:empty" in r for r in expected)
    many = Pipeline()
    assert coded(process_parallel(many, items(), local_pool(2), chunk_size=2, window=2), many) == expected


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


def test_a_dask_cluster_streaming_from_this_process_gives_the_single_process_results(cluster, one_process):
    """Without local inputs to partition (a URL, stdin), this process reads and streams texts to the workers."""
    pipeline = Pipeline()
    stream = process_stream(pipeline, iter_documents([str(EXAMPLES)]), scheduler=cluster.scheduler_address,
                            chunk_size=2)
    assert coded(stream, pipeline) == one_process


def test_a_partitioned_dask_run_gives_the_single_process_results(cluster, one_process):
    """Workers read their own partitions (``items`` is never read: a stream of nothing would give nothing)."""
    pipeline = Pipeline()
    stream = process_stream(pipeline, iter(()), scheduler=cluster.scheduler_address, inputs=[str(EXAMPLES)],
                            docs_per_partition=4)
    assert coded(stream, pipeline) == one_process


def test_ingest_on_a_dask_cluster_writes_a_parquet_dataset_of_the_stored_rows(cluster, store_one_worker, tmp_path):
    db, out = tmp_path / "dask.duckdb", tmp_path / "dataset"
    proc = ingest(db, "--scheduler", cluster.scheduler_address, "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    stored = rows(db)
    assert stored == rows(store_one_worker)
    con = duckdb.connect()
    for table, select in TABLES.items():
        if table == "errors":
            continue
        found = con.execute(f"SELECT {select} FROM read_parquet('{out}/{table}/*.parquet') ORDER BY ALL").fetchall()
        assert found == stored[table], table
    again = ingest(db, "--scheduler", cluster.scheduler_address, "--out", str(out))
    assert again.returncode == 2 and "already holds a Parquet dataset" in again.stderr


def test_a_dask_worker_killed_mid_run_loses_and_duplicates_nothing(cluster, one_process):
    from distributed import Client

    pipeline = Pipeline()
    with Client(cluster.scheduler_address) as client:
        pids = client.run(os.getpid)
    killed = []

    def kill() -> None:
        pid = next(iter(pids.values()))
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)

    stream = process_stream(pipeline, iter(()), scheduler=cluster.scheduler_address, inputs=[str(EXAMPLES)],
                            docs_per_partition=2)
    assert coded(kill_after(stream, 3, kill), pipeline) == one_process
    assert killed


def test_stdin_on_a_dask_cluster_is_read_here_and_streamed_to_the_workers(cluster, tmp_path):
    records = [json.loads(line) for line in (EXAMPLES / "synthetic_wire.jsonl").read_text("utf-8").splitlines()[:3]]
    db = tmp_path / "stdin.duckdb"
    proc = subprocess.run(
        [sys.executable, "-m", "dyadwatch.cli", "ingest", "-", "--db", str(db),
         "--scheduler", cluster.scheduler_address],
        input="".join(json.dumps(r) + "\n" for r in records), capture_output=True, text=True, timeout=900,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Dask workers cannot read" in proc.stderr
    assert len(rows(db)["articles"]) == 3


def test_a_partition_the_cluster_gave_up_on_is_read_here():
    from dyadwatch.limits import Limits
    from dyadwatch.scale.cluster import Merger, TaskOptions, _collect
    from dyadwatch.scale.partition import plan_partitions

    class GaveUp:  # what a Dask future answers after its workers kept dying
        released = False

        def result(self):
            raise RuntimeError("KilledWorker: the task's workers died 3 times (synthetic)")

        def release(self):
            self.released = True

    pipeline = Pipeline()
    partition = next(plan_partitions([str(EXAMPLES / "synthetic_wire.jsonl")], 4))
    future = GaveUp()
    prepared = _collect(partition, future, TaskOptions(limits=Limits()))
    assert future.released
    here = list(Merger(pipeline, None, True).merge(prepared))
    first = list(Pipeline().process_many(iter_documents([str(EXAMPLES / "synthetic_wire.jsonl")])))[:len(here)]
    assert len(here) == 4 and [r.to_dict() for r in here] == [r.to_dict() for r in first]
    assert any(r.events for r in here)


def test_an_unreachable_scheduler_is_a_usage_error(tmp_path):
    proc = ingest(tmp_path / "x.duckdb", "--scheduler", "tcp://127.0.0.1:9")
    assert proc.returncode == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in proc.stderr


def test_the_progress_total_counts_what_the_readers_read(tmp_path):
    from dyadwatch.scale.progress import estimate_documents

    (tmp_path / "wire.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n{"text": "c"}', encoding="utf-8")
    (tmp_path / "story.txt").write_text("One story.", encoding="utf-8")
    (tmp_path / "README.md").write_text("not news", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("skipped", encoding="utf-8")
    assert estimate_documents([str(tmp_path)]) == 4
    assert estimate_documents([str(tmp_path / "wire.jsonl"), str(tmp_path / "story.txt")]) == 4
    (tmp_path / "crawl.warc").write_bytes(b"WARC/1.0\r\n")
    assert estimate_documents([str(tmp_path)]) is None  # a WARC has no cheap count: no ETA, no wrong one


def test_partitions_read_exactly_what_the_readers_read(tmp_path):
    """Line ranges of a JSON Lines file, folders, globs and missing paths: same documents, names, errors, order."""
    from dyadwatch.scale.partition import partitionable, plan_partitions, read_partition

    lines = []
    for n in range(23):
        if n % 7 == 3:
            lines.append("")  # blank: skipped, but it still counts for the line numbers
        elif n == 11:
            lines.append('{"text": "broken')
        elif n == 16:
            lines.append(json.dumps({"text": "x" * 5000}))  # over the per-document limit below
        else:
            lines.append(json.dumps({"text": f"Synthetic wire story number {n}.", "date": "2024-05-06"}))
    (tmp_path / "wire.jsonl").write_text("\n".join(lines), encoding="utf-8")  # no newline at the end
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "b.txt").write_text("A synthetic story.", encoding="utf-8")
    (folder / "a.html").write_text("<html><body><p>A synthetic page.</p></body></html>", encoding="utf-8")
    (folder / "README.md").write_text("not news", encoding="utf-8")
    (tmp_path / "blank.jsonl").write_text("\n\n\n\n\n\n", encoding="utf-8")
    inputs = [str(tmp_path / "wire.jsonl"), str(folder), str(tmp_path / "missing.txt"), str(tmp_path / "*.none"),
              str(tmp_path / "*.jsonl")]
    expected = list(iter_documents(inputs, max_bytes=4000))
    partitions = list(plan_partitions(inputs, 4))
    assert [d for p in partitions for d in read_partition(p, 4000)] == expected
    assert len(partitions) > 10 and any(i.end > 0 for p in partitions for i in p.items if hasattr(i, "end"))
    assert any(isinstance(d, IngestError) and d.path.endswith("wire.jsonl:12") for d in expected)
    assert any(isinstance(d, IngestError) and d.path.endswith("wire.jsonl:17") for d in expected)
    assert any(isinstance(d, IngestError) and d.reason == "empty file" for d in expected)
    assert partitionable(inputs) and not partitionable(["-"]) and not partitionable(["https://example.org/a"])


def test_the_per_document_caches_give_what_spacy_gives():
    """doc_ents / span_ents / token_starts replace spaCy calls that rebuild their answer on every access."""
    from bisect import bisect_left

    from dyadwatch.nlp import doc_ents, load_nlp, span_ents, token_starts

    text = (EXAMPLES / "seed_reuters_china_russia.txt").read_text("utf-8")
    doc = load_nlp()(text)
    key = lambda spans: [(s.start, s.end, s.label_) for s in spans]  # noqa: E731
    assert len(doc.ents) > 5 and key(doc_ents(doc)) == key(doc.ents)
    spans = [*doc.sents, *(doc[i : i + n] for i in range(0, len(doc) - 30, 5) for n in (2, 9, 30))]
    assert all(key(span_ents(s)) == key(s.ents) for s in spans)
    assert any(span_ents(s) for s in spans) and any(not span_ents(s) for s in spans)
    starts = token_starts(doc)
    for char in range(0, len(text), 7):
        after = [t for t in doc if t.idx >= char]
        found = bisect_left(starts, char)
        assert (doc[found] if found < len(doc) else None) == (after[0] if after else None)
