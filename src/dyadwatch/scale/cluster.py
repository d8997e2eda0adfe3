"""Partitioned runs on a Dask cluster: each task reads, cleans and parses its own partition on a worker.

Tasks run in any order on any worker; the client merges their results **in input order**: it
decides duplicates across partitions, codes each article (actors, quotes, events: coding depends
on the alias memory of the articles before it in the run, docs/scale.md), and the caller stores
the results and assigns story ids, as in one process, so the rows and ids are those of one process.

At most ``window`` partitions are in flight. A task whose worker died is rescheduled by Dask; a
partition that still fails (Dask gives up after its ``allowed-failures``) is read here instead,
so nothing is lost.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from distributed import WorkerPlugin

from dyadwatch.limits import Limits
from dyadwatch.models import ArticleResult, IngestError
from dyadwatch.pipeline import Pipeline
from dyadwatch.scale.partition import Partition, read_partition
from dyadwatch.scale.runner import Entry, Preparer, Result, _job
from dyadwatch.scale.worker import ParsedChunk, parse_chunk


@dataclass(frozen=True)
class TaskOptions:
    """What a worker needs to read and clean a partition as the client would."""

    limits: Limits
    default_date: str = ""
    dedupe: bool = True


@dataclass
class Prepared:
    """A partition read, cleaned and parsed on a worker: one entry per document, in order."""

    entries: list[Entry]
    parsed: ParsedChunk


class LoadModel(WorkerPlugin):
    """Loads the spaCy model when a worker starts (or joins), so that no task pays for it."""

    name = "dyadwatch-load-model"

    def setup(self, worker: Any) -> None:  # noqa: ARG002 - the plugin interface
        from dyadwatch.nlp import load_nlp

        load_nlp()


@lru_cache(maxsize=4)
def _cleaner(limits: Limits) -> Pipeline:
    """A pipeline that only cleans (no model, no actor tables), once per worker and limits."""
    return Pipeline(with_events=False, limits=limits)


def prepare_partition(partition: Partition, options: TaskOptions, skip_ids: frozenset[str] = frozenset()) -> Prepared:
    """Read, clean and parse one partition (runs on a worker).

    Copies earlier in the same partition and articles already stored are not parsed; the client
    flags them as duplicates, as it also does for copies in earlier partitions.
    """
    preparer = Preparer(_cleaner(options.limits), options.default_date, set(skip_ids), options.dedupe)
    entries = [preparer.entry(item) for item in read_partition(partition, options.limits.max_doc_bytes)]
    job = _job(entries)
    return Prepared(entries=entries, parsed=parse_chunk(job.texts) if job.texts else ParsedChunk(b"", {}, 0))


class Merger:
    """Turns prepared partitions into results in input order, deciding duplicates across partitions."""

    def __init__(self, pipeline: Pipeline, skip_ids: set[str] | None, dedupe: bool) -> None:
        self.pipeline = pipeline
        self.seen = set(skip_ids or ())
        self.dedupe = dedupe

    def merge(self, prepared: Prepared) -> Iterator[Result]:
        assert self.pipeline.nlp is not None
        parsed = iter(prepared.parsed.docs(self.pipeline.nlp.vocab))
        for entry in prepared.entries:
            parses = [next(parsed) for _ in entry.cuts] if entry.article is not None else []
            yield self._result(entry, parses)

    def _result(self, entry: Entry, parses: list) -> Result:
        decided = entry.result
        article = entry.article or (decided.article if isinstance(decided, ArticleResult) else None)
        if article is None:
            assert isinstance(decided, IngestError)
            return decided
        if self.dedupe and article.id in self.seen:
            return decided if isinstance(decided, ArticleResult) and decided.duplicate else (
                ArticleResult(article=article, duplicate=True))
        self.seen.add(article.id)
        if entry.article is None:
            assert decided is not None
            return decided  # a language that is not coded
        sections = [(start, doc) for (start, _), doc in zip(entry.cuts, parses, strict=True)]
        return self.pipeline._code_sections(article, sections)  # noqa: SLF001 - the coding of process_many


def process_partitions(
    pipeline: Pipeline,
    partitions: Iterable[Partition],
    client: Any,
    *,
    default_date: str = "",
    skip_ids: set[str] | None = None,
    dedupe: bool = True,
    window: int = 4,
) -> Iterator[Result]:
    """Yield one result per input document, in input order; partitions are read and parsed on the cluster."""
    options = TaskOptions(limits=pipeline.limits, default_date=default_date, dedupe=dedupe)
    skip = client.scatter(frozenset(skip_ids), broadcast=True) if skip_ids else frozenset()
    merger = Merger(pipeline, skip_ids, dedupe)
    pending: deque[tuple[Partition, Any]] = deque()
    for partition in partitions:
        pending.append((partition, client.submit(prepare_partition, partition, options, skip, pure=False)))
        while len(pending) > window:
            yield from merger.merge(_collect(*pending.popleft(), options))
    while pending:
        yield from merger.merge(_collect(*pending.popleft(), options))


def _collect(partition: Partition, future: Any, options: TaskOptions) -> Prepared:
    """The task's result; if the cluster gave up on it (its workers kept dying), the partition is read here."""
    try:
        return future.result()
    except Exception:  # noqa: BLE001 - KilledWorker, a lost worker, a cancelled task: do it here
        return prepare_partition(partition, options)
    finally:
        future.release()
