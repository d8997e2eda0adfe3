"""Scale: worker processes on this machine (``--workers N``) or a Dask cluster (``--scheduler``).

``process_stream`` is what ``ingest`` and ``extract`` call instead of ``Pipeline.process_many``:
the same results in the same order, whatever the number of workers (see ``runner``). Workers only
parse; the calling process reads, cleans, drops duplicates and codes in input order, and the
caller is the one writer of the store (it assigns story ids, ``stories.assign_stories``).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import chain, islice
from typing import Any

from dyadwatch.pipeline import Pipeline
from dyadwatch.scale.partition import DOCS_PER_PARTITION, partitionable, plan_partitions
from dyadwatch.scale.runner import Item, Pool, Result, process_parallel
from dyadwatch.scale.worker import warm_up

CHUNK_SIZE = 8  # articles per parse job: spaCy's multi-process gain needs small batches (docs/performance.md)
JOBS_PER_WORKER = 2  # chunks in flight per worker: one parsing, one queued while the writer codes


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def local_pool(workers: int) -> Pool:
    """``workers`` spawned processes, each loading the model once when it starts."""
    context = multiprocessing.get_context("spawn")  # no fork of a process holding threads and a loaded model
    return Pool(lambda: ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=warm_up, initargs=(os.getpid(),)))


class SchedulerUnavailableError(RuntimeError):
    """The Dask scheduler named by ``--scheduler`` cannot be reached."""


def connect(scheduler: str, timeout: str = "20s") -> Any:
    """A Dask client of a running cluster (``tcp://host:8786``); an unreachable one is a clear error."""
    from distributed import Client

    try:
        return Client(scheduler, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as exc:
        raise SchedulerUnavailableError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None


def _threads(client: Any) -> int:
    return sum(client.nthreads().values()) or 1


def dask_pool(scheduler: str, timeout: str = "20s") -> tuple[Pool, int]:
    """An executor on a running Dask cluster and its number of worker threads (the client streams texts)."""
    client = connect(scheduler, timeout)
    return Pool(lambda: client.get_executor(pure=False), on_close=client.close), _threads(client)


def process_stream(
    pipeline: Pipeline,
    items: Iterable[Item],
    *,
    workers: int = 1,
    scheduler: str = "",
    default_date: str = "",
    skip_ids: set[str] | None = None,
    dedupe: bool = True,
    chunk_size: int = CHUNK_SIZE,
    inputs: list[str] | None = None,
    docs_per_partition: int = DOCS_PER_PARTITION,
) -> Iterator[Result]:
    """``Pipeline.process_many`` spread over ``workers`` processes or a Dask cluster, same results.

    With one worker, with no parsing to do (``--no-events``), or an input too short to repay
    starting the workers (each loads the model, seconds), everything runs in this process. A
    scheduler is connected to before this returns, so an unreachable one is an error up front.
    On a cluster, ``inputs`` (the command line's paths) that are all local are partitioned and
    read by the workers (``items`` is then not read); otherwise this process reads ``items`` and
    streams their texts to the workers.
    """
    options = {"default_date": default_date, "skip_ids": skip_ids, "dedupe": dedupe}
    if pipeline.nlp is None:  # --no-events: cleaning only, nothing worth a worker
        return pipeline.process_many(items, **options)
    if scheduler and inputs is not None and partitionable(inputs):
        from dyadwatch.scale.cluster import LoadModel, process_partitions  # imports distributed: cluster runs only

        client = connect(scheduler)
        client.register_plugin(LoadModel())
        partitions = plan_partitions(inputs, docs_per_partition)
        return _closing(process_partitions(pipeline, partitions, client, window=_threads(client) * JOBS_PER_WORKER,
                                           **options), client)
    if scheduler:
        if inputs is not None:
            print("dyadwatch: an input is a URL or stdin, which Dask workers cannot read: this process reads "
                  "the inputs and streams their texts to the workers", file=sys.stderr)
        pool, threads = dask_pool(scheduler)
        return process_parallel(pipeline, items, pool, chunk_size=chunk_size, window=threads * JOBS_PER_WORKER,
                                **options)
    return _local_stream(pipeline, iter(items), workers, chunk_size, options)


def _closing(results: Iterator[Result], client: Any) -> Iterator[Result]:
    try:
        yield from results
    finally:
        client.close()


def _local_stream(
    pipeline: Pipeline, items: Iterator[Item], workers: int, chunk_size: int, options: dict
) -> Iterator[Result]:
    enough = chunk_size * workers * JOBS_PER_WORKER
    head = list(islice(items, enough)) if workers > 1 else []
    if workers <= 1 or len(head) < enough:
        yield from pipeline.process_many(chain(head, items), **options)
        return
    yield from process_parallel(pipeline, chain(head, items), local_pool(workers), chunk_size=chunk_size,
                                window=workers * JOBS_PER_WORKER, **options)
