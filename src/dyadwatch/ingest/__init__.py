"""Readers: turn paths, globs, folders, stdin and URLs into RawDocuments.

Contract: ``iter_documents(inputs)`` yields a ``RawDocument`` per document found, or an
``IngestError`` naming the file (``file:line`` for a JSONL record, ``file@offset`` for a WARC
record, ``file#n`` for a feed entry) and the reason; it never raises for bad input.

Formats are chosen by suffix (``.gz`` stripped first); an explicitly named file with another
suffix, and stdin, are sniffed from their first bytes. Inside folders, files with non-news
suffixes (README.md, images, ...) and hidden files are skipped silently.

No input is refused for its size: JSON Lines and WARC are streamed record by record, and
``max_bytes`` caps one document (a text or HTML file, a JSONL line, a WARC record). Only
``.json`` and feed files, which are parsed whole, have a (larger) whole-file cap.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from dyadwatch.ingest.common import (
    MAX_BYTES,
    Payload,
    ReadError,
    gunzip_stream,
    gzip_failure,
    open_path,
    read_bounded,
    rejoin,
    too_large,
    too_large_whole,
)
from dyadwatch.ingest.feeds import looks_like_feed, read_feed
from dyadwatch.ingest.html import read_html
from dyadwatch.ingest.http import is_url, read_url
from dyadwatch.ingest.jsonl import read_json, read_jsonl, read_jsonl_stream
from dyadwatch.ingest.text import read_text
from dyadwatch.ingest.warc import read_warc_path
from dyadwatch.limits import MAX_WHOLE_FILE_BYTES
from dyadwatch.models import IngestError, RawDocument

__all__ = ["MAX_BYTES", "iter_documents", "read_payload"]

Reader = Callable[[Payload], Iterator[RawDocument | IngestError]]

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
    ".rss": read_feed,
    ".atom": read_feed,
    ".xml": read_feed,
}
WHOLE_FILE_READERS = (read_json, read_feed)  # parsed whole: the whole-file cap applies
SNIFF_BYTES = 4096
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
SKIPPED_NAMES = {"readme", "license", "licence", "changelog", "makefile"}


def iter_documents(
    inputs: Iterable[str], max_bytes: int = MAX_BYTES, allow_private: bool = False
) -> Iterator[RawDocument | IngestError]:
    """Yield documents from every input; every failure is an IngestError, never an exception.

    URLs on loopback, private or link-local addresses are refused unless ``allow_private``.
    """
    for item in map(str, inputs):
        try:
            if is_url(item) or item.lower().startswith("file://"):  # file:// is refused by the URL guard
                yield from read_url(item, max_bytes, allow_private=allow_private)
            else:
                yield from _iter_input(item, max_bytes)
        except Exception as exc:  # noqa: BLE001 - last guard: a reader bug must not stop the batch
            reason = f"unexpected reader failure: {exc!r} (a dyadwatch bug: please report it with this input)"
            yield IngestError(path=str(item), reason=reason)


def _iter_input(item: str, max_bytes: int) -> Iterator[RawDocument | IngestError]:
    if item == "-":
        yield from _read_stdin(max_bytes)
    elif Path(item).is_dir():
        yield from _read_folder(Path(item), max_bytes)
    elif Path(item).is_file():
        yield from _read_file(Path(item), max_bytes, explicit=True)
    elif os.path.lexists(item) and not glob.has_magic(item):
        yield IngestError(path=item, reason=not_a_file(Path(item)))
    elif glob.has_magic(item):
        matches = sorted(glob.glob(item, recursive=True))
        if not matches:
            yield IngestError(path=item, reason="no files match this pattern (check the pattern and the folder)")
        for match in matches:
            path = Path(match)
            if path.is_dir():
                yield from _read_folder(path, max_bytes)
            else:
                yield from _read_entry(path, max_bytes)
    else:
        yield IngestError(path=item, reason="no such file or folder (check the path)")


def list_folder(folder: Path) -> tuple[list[IngestError], list[Path]]:
    """The files of a folder, recursively and sorted, hidden ones skipped, with an error for each subfolder that
    cannot be listed (``rglob`` would skip it silently); links to folders are not followed, so a link back up the
    tree cannot loop. Shared by ingest and the Dask partitioner (scale/partition.py)."""
    found: list[Path] = []
    unreadable: list[IngestError] = []

    def failed(exc: OSError) -> None:
        reason = f"cannot read folder: {exc.strerror or exc} (its files were not read)"
        unreadable.append(IngestError(path=str(exc.filename or folder), reason=reason))

    for root, folders, files in os.walk(folder, onerror=failed):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found.extend(Path(root) / name for name in files if not name.startswith("."))
    return unreadable, sorted(found)


def _read_folder(folder: Path, max_bytes: int) -> Iterator[RawDocument | IngestError]:
    """Walk a folder recursively in a stable order, skipping hidden and non-news files."""
    unreadable, found = list_folder(folder)
    yield from unreadable
    for path in found:
        yield from _read_entry(path, max_bytes)


def _read_entry(path: Path, max_bytes: int) -> Iterator[RawDocument | IngestError]:
    """A file found in a folder or by a glob; a news-named entry that is no regular file is reported, not read."""
    if path.is_file():
        yield from _read_file(path, max_bytes, explicit=False)
    elif is_news_file(path):
        yield IngestError(path=str(path), reason=not_a_file(path))


def not_a_file(path: Path) -> str:
    """Why a path that exists is not read: a looping or broken link, a FIFO, a device or a socket."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop (the link points back to itself); fix or remove the link"
        if path.is_symlink():
            return f"broken symbolic link (its target {os.readlink(path)!r} does not exist)"
        return f"cannot read: {exc.strerror or exc}"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a file: not read, as it could wait forever; pipe it in with - instead"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file: not read; pipe its output in with - instead"
    return "not a regular file (a socket or other special file): not read"


def _suffix(name: str) -> str:
    lower = name.lower()
    if lower.endswith(WARC_SUFFIXES):
        return ".warc"
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return Path(lower).suffix


def is_news_file(path: Path) -> bool:
    """Whether a file found in a folder is one dyadwatch reads (README.md and images are not)."""
    suffix = _suffix(path.name)
    if Path(path.name.lower().removesuffix(".gz")).stem in SKIPPED_NAMES:
        return False
    return suffix in (".warc", "") or suffix in READERS


def _read_file(path: Path, max_bytes: int, explicit: bool) -> Iterator[RawDocument | IngestError]:
    if not explicit and not is_news_file(path):
        return
    if _suffix(path.name) == ".warc":
        yield from read_warc_path(path, max_bytes)
        return
    if not path.name.lower().endswith(".gz"):  # refuse a huge single-document file before opening it
        size = _size(path)
        reader = READERS.get(_suffix(path.name))
        if size is not None and size > max_bytes and reader in (read_text, read_html):
            yield IngestError(path=str(path), reason=too_large(max_bytes, size))
            return
    try:
        stream, name = open_path(path)
    except ReadError as exc:
        yield IngestError(path=str(path), reason=str(exc))
        return
    with stream:
        yield from read_stream(stream, str(path), name, max_bytes)


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def read_stream(
    stream: BinaryIO, where: str, name: str, max_bytes: int = MAX_BYTES
) -> Iterator[RawDocument | IngestError]:
    """Read one input stream: JSON Lines record by record, other formats whole under their cap."""
    try:
        head = _read_head(stream)
    except (OSError, zlib.error) as exc:
        yield IngestError(path=where, reason=gzip_failure(exc))
        return
    stream = rejoin(head, stream)
    reader = _choose_reader(name, head)
    if reader is read_jsonl:
        yield from read_jsonl_stream(stream, where, max_bytes)
        return
    whole = reader in WHOLE_FILE_READERS
    limit = max(max_bytes, MAX_WHOLE_FILE_BYTES) if whole else max_bytes
    try:
        data = read_bounded(stream, limit, too_large_whole(limit) if whole else too_large(limit))
    except ReadError as exc:
        yield IngestError(path=where, reason=str(exc))
        return
    yield from reader(Payload(where=where, name=name, data=data))


def _read_head(stream: BinaryIO) -> bytes:
    """The first bytes, to sniff the format; a truncated gzip stream keeps what came before the damage."""
    head = b""
    read = getattr(stream, "read1", stream.read)
    while len(head) < SNIFF_BYTES:
        try:
            chunk = read(SNIFF_BYTES - len(head))
        except EOFError:
            break  # reported by the reader when it reaches the damage
        if not chunk:
            break
        head += chunk
    return head


def read_payload(payload: Payload) -> Iterator[RawDocument | IngestError]:
    """Choose the reader by the payload's name, sniffing the content for unknown suffixes."""
    yield from _choose_reader(payload.name, payload.data)(payload)


def _choose_reader(name: str, head: bytes) -> Reader:
    suffix = Path(name.lower()).suffix
    reader = READERS.get(suffix) or _sniff(head)
    if reader is read_feed and suffix == ".xml" and not looks_like_feed(head):
        reader = read_html if b"<html" in head[:SNIFF_BYTES].lower() else read_feed
    return reader


def _sniff(data: bytes) -> Reader:
    """Guess the format of stdin or a file with an unknown suffix from its first bytes."""
    head = data[:SNIFF_BYTES].lstrip().lower()
    if head.startswith(b"{") and _first_line_is_record(head):
        return read_jsonl  # one object per line: streamed
    if head.startswith((b"{", b"[")):
        return read_json  # a JSON document, else JSON Lines
    if looks_like_feed(head):
        return read_feed
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return read_html
    return read_text


def _first_line_is_record(head: bytes) -> bool:
    """A first line that closes its object (or runs past the sniffed head) means JSON Lines."""
    newline = head.find(b"\n")
    return newline < 0 or head[:newline].rstrip().endswith(b"}")


def _read_stdin(max_bytes: int) -> Iterator[RawDocument | IngestError]:
    try:
        stream: BinaryIO = sys.stdin.buffer
        head = stream.read(2)
    except (OSError, ValueError, AttributeError) as exc:
        yield IngestError(path="<stdin>", reason=f"cannot read stdin: {exc}")
        return
    stream = rejoin(head, stream)
    if head == b"\x1f\x8b":
        stream = gunzip_stream(stream)
    yield from read_stream(stream, "<stdin>", "stdin", max_bytes)
