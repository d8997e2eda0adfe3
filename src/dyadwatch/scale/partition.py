"""Partitions of the inputs for a Dask cluster: what each task reads on its worker.

``plan_partitions`` turns the command line's inputs into an ordered stream of partitions, each a
few files or one line range of a large JSON Lines file (a WARC is one partition per file), plus
the errors found while listing (a missing file, a pattern that matches nothing) at their place in
the input order. ``read_partition`` reads one partition on a worker and yields exactly what
``ingest.iter_documents`` yields for that part of the input, with the same names (``file:line``),
so a partitioned run gives the rows of one process.

Only local paths can be partitioned (the workers must be able to read them: a shared file system
or the same machine); ``partitionable`` says whether every input is one. URLs and stdin are read
by the client and streamed to the workers instead (``scale.process_stream``).
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dyadwatch.ingest import _read_file, is_news_file, list_folder, not_a_file
from dyadwatch.ingest.common import gzip_failure, too_large
from dyadwatch.ingest.http import is_url
from dyadwatch.ingest.jsonl import _skip_line, parse_line
from dyadwatch.models import IngestError, RawDocument

DOCS_PER_PARTITION = 16  # about one spaCy batch: a few seconds of parsing, a few MB of results per task
SPLIT_SUFFIXES = (".jsonl", ".ndjson")  # plain (not gzipped) JSON Lines can be read from any line on
ONE_DOCUMENT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml")
BLOCK = 1 << 20


@dataclass(frozen=True)
class Source:
    """A file to read whole (``end < 0``) or the bytes ``[start, end)`` of a JSON Lines file."""

    path: str
    explicit: bool = True  # named on the command line (read whatever its suffix), not found in a folder
    start: int = 0
    end: int = -1
    first_line: int = 1  # number of the line that starts at ``start`` (names records ``file:line``)


@dataclass
class Partition:
    """What one task reads, in input order: sources and errors found while listing the inputs."""

    number: int
    items: list[Source | IngestError] = field(default_factory=list)

    def describe(self) -> str:
        """The files of this partition, for an error message."""
        paths = dict.fromkeys(i.path for i in self.items if isinstance(i, Source))
        return ", ".join(paths) or f"partition {self.number}"


def partitionable(inputs: Iterable[str]) -> bool:
    """Whether every input is a local path (not stdin, not a URL) that workers could read themselves."""
    return all(not (i == "-" or is_url(i) or i.lower().startswith("file://")) for i in map(str, inputs))


def plan_partitions(inputs: Iterable[str], docs_per_partition: int = DOCS_PER_PARTITION) -> Iterator[Partition]:
    """Group the inputs' sources into partitions of about ``docs_per_partition`` documents, in input order."""
    partition, weight = Partition(0), 0
    for item in _sources(map(str, inputs), docs_per_partition):
        size = 0 if isinstance(item, IngestError) else _weight(item, docs_per_partition)
        if weight and weight + size > docs_per_partition:
            yield partition
            partition, weight = Partition(partition.number + 1), 0
        partition.items.append(item)
        weight += size
    if partition.items:
        yield partition


def read_partition(partition: Partition, max_bytes: int) -> Iterator[RawDocument | IngestError]:
    """The documents of a partition, as ``iter_documents`` would read them (runs on a worker)."""
    for item in partition.items:
        if isinstance(item, IngestError):
            yield item
            continue
        try:
            if item.end < 0:
                yield from _read_file(Path(item.path), max_bytes, explicit=item.explicit)
            else:
                yield from read_jsonl_range(item, max_bytes)
        except Exception as exc:  # noqa: BLE001 - the same last guard as iter_documents
            reason = f"unexpected reader failure: {exc!r} (a dyadwatch bug: please report it with this input)"
            yield IngestError(path=item.path, reason=reason)


def read_jsonl_range(source: Source, max_bytes: int) -> Iterator[RawDocument | IngestError]:
    """The records of one line range, named and checked as ``ingest.jsonl.read_jsonl_stream`` does."""
    number = source.first_line - 1
    try:
        handle = open(source.path, "rb")  # noqa: SIM115 - closed below; an open error is reported
    except OSError as exc:
        yield IngestError(path=source.path, reason=f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        handle.seek(source.start)
        while handle.tell() < source.end:
            try:
                line = handle.readline(max_bytes + 1)
                skipped = _skip_line(handle) if len(line) > max_bytes and not line.endswith(b"\n") else -1
            except OSError as exc:
                yield IngestError(path=source.path, reason=f"cannot read line {number + 1}: {gzip_failure(exc)}")
                return
            if not line:
                break
            number += 1
            if skipped >= 0:
                yield IngestError(path=f"{source.path}:{number}", reason=too_large(max_bytes, len(line) + skipped))
            elif line.strip():
                yield parse_line(line, f"{source.path}:{number}")


def _weight(source: Source, docs_per_partition: int) -> int:
    """Documents a source holds, as far as cheaply known (a WARC, a feed: a partition of its own)."""
    name = source.path.lower()
    if source.end >= 0:
        return docs_per_partition  # a line range is cut to the partition's size
    if name.endswith(ONE_DOCUMENT_SUFFIXES):
        return 1
    return docs_per_partition


# Listing the inputs: the order and the errors of ingest.iter_documents (_iter_input, _read_folder).


def _sources(inputs: Iterable[str], lines_per_range: int) -> Iterator[Source | IngestError]:
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from _folder(path, lines_per_range)
        elif path.is_file():
            yield from _file(path, True, lines_per_range)
        elif os.path.lexists(item) and not glob.has_magic(item):
            yield IngestError(path=item, reason=not_a_file(path))
        elif glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield IngestError(path=item, reason="no files match this pattern (check the pattern and the folder)")
            for match in map(Path, matches):
                yield from _folder(match, lines_per_range) if match.is_dir() else _entry(match, lines_per_range)
        else:
            yield IngestError(path=item, reason="no such file or folder (check the path)")


def _folder(folder: Path, lines_per_range: int) -> Iterator[Source | IngestError]:
    unreadable, found = list_folder(folder)  # the listing ingest reads, so partitions cover the same files
    yield from unreadable
    for path in found:
        yield from _entry(path, lines_per_range)


def _entry(path: Path, lines_per_range: int) -> Iterator[Source | IngestError]:
    if path.is_file():
        if is_news_file(path):
            yield from _file(path, False, lines_per_range)
    elif is_news_file(path):
        yield IngestError(path=str(path), reason=not_a_file(path))


def _file(path: Path, explicit: bool, lines_per_range: int) -> Iterator[Source]:
    """A file whole, or a large plain JSON Lines file as line ranges."""
    if path.name.lower().endswith(SPLIT_SUFFIXES):
        ranges = line_ranges(path, lines_per_range)
        if len(ranges) > 1:
            for start, end, first in ranges:
                yield Source(str(path), explicit, start, end, first)
            return
    yield Source(str(path), explicit)


def line_ranges(path: Path, lines_per_range: int) -> list[tuple[int, int, int]]:
    """(start byte, end byte, first line number) of consecutive ranges of ``lines_per_range`` lines.

    A file that cannot be read, or holds nothing but blank lines, is one range: its reader
    reports it (an unreadable file, an empty file) as it would in one process.
    """
    ranges: list[tuple[int, int, int]] = []
    start, first, lines, offset, content = 0, 1, 0, 0, False
    try:
        with path.open("rb") as handle:
            while block := handle.read(BLOCK):
                content = content or bool(block.strip())
                position = block.find(b"\n")
                while position >= 0:
                    lines += 1
                    if lines == lines_per_range:
                        end = offset + position + 1
                        ranges.append((start, end, first))
                        start, first, lines = end, first + lines, 0
                    position = block.find(b"\n", position + 1)
                offset += len(block)
    except OSError:
        return [(0, -1, 1)]
    if start < offset:
        ranges.append((start, offset, first))
    return ranges if content else [(0, -1, 1)]
