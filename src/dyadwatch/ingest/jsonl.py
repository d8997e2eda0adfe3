"""JSON Lines / JSON reader: one document per record with ``text`` or ``html``.

JSON Lines is streamed line by line, so a file of any size is read in constant memory; each
line is decoded and parsed on its own, so one bad or over-long line is one error (``file:line``)
and the rest of the file still comes through.
"""

from __future__ import annotations

import io
import json
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from dyadwatch.ingest.common import MAX_BYTES, Payload, decode_text, gzip_failure, scrub_surrogates, too_large
from dyadwatch.models import IngestError, RawDocument

SKIP_CHUNK = 1 << 20
LINE_HINT = 'each line must be one JSON object like {"text": "...", "date": "2024-05-06"}'
JSON_TYPES = {dict: "object", list: "array", str: "string", int: "number", float: "number", bool: "boolean"}


def read_jsonl(payload: Payload, max_bytes: int = MAX_BYTES) -> Iterator[RawDocument | IngestError]:
    """JSON Lines already in memory (a URL response, a mislabelled ``.json``)."""
    yield from read_jsonl_stream(io.BytesIO(payload.data), payload.where, max_bytes)


def read_jsonl_stream(stream: BinaryIO, where: str, max_bytes: int = MAX_BYTES) -> Iterator[RawDocument | IngestError]:
    """Yield a RawDocument or an IngestError per non-blank line; a line over ``max_bytes`` is skipped unread."""
    number = 0
    found = False
    while True:
        try:
            line = stream.readline(max_bytes + 1)
            skipped = _skip_line(stream) if len(line) > max_bytes and not line.endswith(b"\n") else -1
        except (EOFError, OSError, zlib.error) as exc:
            yield IngestError(path=where, reason=f"cannot read line {number + 1}: {gzip_failure(exc)}")
            return
        if not line:
            break
        number += 1
        if skipped >= 0:
            found = True
            yield IngestError(path=f"{where}:{number}", reason=too_large(max_bytes, len(line) + skipped))
            continue
        if line.strip():
            found = True
            yield parse_line(line, f"{where}:{number}")
    if not found:
        yield IngestError(path=where, reason="empty file")


def parse_line(line: bytes, where: str) -> RawDocument | IngestError:
    """One JSON Lines record (bytes, invalid UTF-8 replaced) to a document or an error."""
    try:
        record = json.loads(decode_text(line.rstrip(b"\r\n")))
    except json.JSONDecodeError as exc:
        return IngestError(path=where, reason=f"invalid JSON ({exc.msg}, column {exc.colno}); {LINE_HINT}")
    except RecursionError:
        return IngestError(path=where, reason=f"invalid JSON: nested too deeply; {LINE_HINT}")
    return record_to_document(record, where)


def _skip_line(stream: BinaryIO) -> int:
    """Read past the rest of an over-long line without keeping it; how many bytes were skipped."""
    skipped = 0
    while True:
        chunk = stream.readline(SKIP_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def read_json(payload: Payload) -> Iterator[RawDocument | IngestError]:
    """A ``.json`` file: one object, a list of objects, or (often mislabelled) JSON Lines."""
    try:
        data = json.loads(decode_text(payload.data))
    except RecursionError:
        yield IngestError(path=payload.where, reason="invalid JSON: nested too deeply")
        return
    except json.JSONDecodeError:
        yield from read_jsonl(payload)
        return
    records = data if isinstance(data, list) else [data]
    if not records:
        yield IngestError(path=payload.where, reason="empty JSON list")
    for index, record in enumerate(records):
        yield record_to_document(record, f"{payload.where}:{index}" if isinstance(data, list) else payload.where)


def record_to_document(record: Any, where: str) -> RawDocument | IngestError:
    """Map a JSON object to a RawDocument; it needs a non-empty ``text`` or ``html``."""
    if not isinstance(record, dict):
        return IngestError(path=where, reason=f"record is a JSON {_json_type(record)}, not an object; {LINE_HINT}")
    text = record.get("text")
    html = record.get("html")
    text = scrub_surrogates(text) if isinstance(text, str) else ""
    html = scrub_surrogates(html) if isinstance(html, str) else ""
    if not text.strip() and not html.strip():
        return IngestError(path=where, reason="record has no 'text' or 'html' (a non-empty string holding the article)")
    return RawDocument(
        source_path=where,
        text=text,
        html="" if text.strip() else html,
        id=_str(record.get("id")),
        url=_str(record.get("url")),
        title=_str(record.get("title")),
        date=_str(record.get("date")),
        source=_str(record.get("source")),
        author=_str(record.get("author") or record.get("byline")),
        fmt="jsonl",
    )


def _json_type(value: Any) -> str:
    return "null" if value is None else JSON_TYPES.get(type(value), type(value).__name__)


def _str(value: Any) -> str:
    return "" if value is None else scrub_surrogates(str(value))
