"""The ordered runner: read and clean here, parse in workers, code and yield in input order.

``process_parallel`` has the contract of ``Pipeline.process_many`` (one result per input, in
input order, duplicates flagged; story ids are assigned by the caller when it stores them) and gives
the same rows, because everything that depends on earlier articles — duplicate ids, the alias memory
the caller feeds back between results, story clustering in the writer — happens in one process, in
input order. Only the parse, which
depends on nothing but its text, runs in the workers.

At most ``window`` chunks are in flight, so memory stays flat however long the input is.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from spacy.tokens import Doc

from dyadwatch.models import Article, ArticleResult, IngestError, RawDocument
from dyadwatch.nlp import split_text
from dyadwatch.pipeline import CODED_LANGUAGES, Pipeline, _printable_path
from dyadwatch.scale.worker import ParsedChunk, parse_chunk

MAX_ATTEMPTS = 3  # a chunk whose worker died this many times is reported as failed, not retried forever

Item = RawDocument | IngestError
Result = ArticleResult | IngestError


@dataclass
class Entry:
    """One input document on its way through: a result already decided, or an article to parse."""

    result: Result | None = None  # an error, a duplicate, or a language that is not coded
    article: Article | None = None
    cuts: list[tuple[int, int]] = field(default_factory=list)  # sections of article.text to parse


@dataclass
class Job:
    """A chunk of entries and the parse of their sections, in flight or done."""

    entries: list[Entry]
    texts: list[str]
    future: Future | None = None
    attempts: int = 0


class Preparer:
    """Cleans and drops duplicates in input order (the writer side of the run; the caller assigns story ids when
    it stores the results, ``stories.assign_stories``)."""

    def __init__(self, pipeline: Pipeline, default_date: str, skip_ids: set[str] | None, dedupe: bool) -> None:
        self.pipeline = pipeline
        self.default_date = default_date
        self.seen = set(skip_ids or ())
        self.dedupe = dedupe

    def entry(self, item: Item) -> Entry:
        item = _printable_path(item)
        cleaned = item if isinstance(item, IngestError) else self.pipeline.clean(item, self.default_date)
        if isinstance(cleaned, IngestError):
            return Entry(result=cleaned)
        if self.dedupe and cleaned.id in self.seen:
            return Entry(result=ArticleResult(article=cleaned, duplicate=True))
        self.seen.add(cleaned.id)
        if cleaned.language not in CODED_LANGUAGES:
            reason = f"language '{cleaned.language}' is not coded"
            return Entry(result=ArticleResult(article=cleaned, skipped_reason=reason))
        return Entry(article=cleaned, cuts=split_text(cleaned.text, self.pipeline.limits.section_chars))

    def jobs(self, items: Iterable[Item], chunk_size: int) -> Iterator[Job]:
        """Entries grouped so that each job holds ``chunk_size`` articles to parse (decided ones ride along)."""
        entries: list[Entry] = []
        parsing = 0
        for item in items:
            entries.append(self.entry(item))
            parsing += entries[-1].article is not None
            if parsing >= chunk_size:
                yield _job(entries)
                entries, parsing = [], 0
        if entries:
            yield _job(entries)


def _job(entries: list[Entry]) -> Job:
    texts = [e.article.text[start:end] for e in entries if e.article is not None for start, end in e.cuts]
    return Job(entries=entries, texts=texts)


class Pool:
    """An executor that can be replaced when it breaks (a worker process died)."""

    def __init__(self, make: Callable[[], Executor], on_close: Callable[[], None] | None = None) -> None:
        self.make = make
        self.executor = make()
        self.on_close = on_close
        self.restarts = 0

    def submit(self, job: Job) -> None:
        job.attempts += 1
        if not job.texts:
            job.future = _done(ParsedChunk(b"", {}, 0))
            return
        try:
            job.future = self.executor.submit(parse_chunk, job.texts)
        except Exception as exc:  # noqa: BLE001 - the pool broke since the last job: one fresh pool, once
            if not _pool_broke(exc):
                raise
            self.restart()
            job.future = self.executor.submit(parse_chunk, job.texts)

    def restart(self) -> None:
        _shutdown(self.executor)
        self.executor = self.make()
        self.restarts += 1

    def close(self) -> None:
        """Stop the workers (any job still queued is cancelled: the run is over or was abandoned)."""
        _shutdown(self.executor)
        if self.on_close is not None:
            self.on_close()


def _shutdown(executor: Executor) -> None:
    try:
        executor.shutdown(wait=False, cancel_futures=True)
    except TypeError:  # a Dask ClientExecutor cancels on wait=False and has no cancel_futures
        executor.shutdown(wait=False)


def _done(value: ParsedChunk) -> Future:
    future: Future = Future()
    future.set_result(value)
    return future


def process_parallel(
    pipeline: Pipeline,
    items: Iterable[Item],
    pool: Pool,
    *,
    default_date: str = "",
    skip_ids: set[str] | None = None,
    dedupe: bool = True,
    chunk_size: int = 8,
    window: int = 4,
) -> Iterator[Result]:
    """Yield one result per input document, in input order; parsing runs in ``pool``."""
    preparer = Preparer(pipeline, default_date, skip_ids, dedupe)
    pending: deque[Job] = deque()
    try:
        for job in preparer.jobs(items, chunk_size):
            pool.submit(job)
            pending.append(job)
            while len(pending) > window:
                yield from _finish(pipeline, preparer, pool, pending)
        while pending:
            yield from _finish(pipeline, preparer, pool, pending)
    finally:
        pool.close()


def _finish(pipeline: Pipeline, preparer: Preparer, pool: Pool, pending: deque[Job]) -> Iterator[Result]:
    """Wait for the oldest job and code its articles one at a time, yielding each result before the next."""
    job = pending[0]
    docs = _wait(job, pool, pending)
    pending.popleft()
    assert pipeline.nlp is not None
    # the chunk's new strings are not kept for the life of the writer; the zone closes when the caller has
    # taken the last result (``yield from``), and each result is yielded before the next is coded (alias memory)
    with pipeline.nlp.memory_zone():
        parsed = iter(docs.docs(pipeline.nlp.vocab) if isinstance(docs, ParsedChunk) else [docs] * len(job.texts))
        for entry in job.entries:
            yield _code_entry(pipeline, entry, parsed)


def _code_entry(pipeline: Pipeline, entry: Entry, parsed: Iterator[Doc | Exception]) -> Result:
    if entry.result is not None:
        return entry.result
    assert entry.article is not None
    sections = [(start, next(parsed)) for start, _ in entry.cuts]
    return pipeline._code_sections(entry.article, sections)  # noqa: SLF001 - same coding as process_many


def _wait(job: Job, pool: Pool, pending: deque[Job]) -> ParsedChunk | Exception:
    """The job's parses; if its worker died, restart the pool and resubmit everything still in flight."""
    while True:
        assert job.future is not None
        try:
            return job.future.result()
        except Exception as exc:  # noqa: BLE001 - a dead worker or a lost task: retried below
            failure = exc
        if job.attempts >= MAX_ATTEMPTS:
            return RuntimeError(f"worker failed {job.attempts} times while parsing: {failure!r}")
        if _pool_broke(failure):
            pool.restart()
            for waiting in pending:
                if not _succeeded(waiting.future):
                    pool.submit(waiting)
        else:
            pool.submit(job)


def _succeeded(future: Future | None) -> bool:
    return future is not None and future.done() and not future.cancelled() and future.exception() is None


def _pool_broke(exc: Exception) -> bool:
    return isinstance(exc, BrokenProcessPool)
