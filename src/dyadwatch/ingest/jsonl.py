"""JSON Lines / JSON reader: one document per record with ``text`` or ``html``.

Each line is decoded and parsed on its own, so one bad line is one error (``file:line``)
and the rest of the file still comes through.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from dyadwatch.ingest.common import Payload, ReadError, decode_text
from dyadwatch.models import IngestError, RawDocument


def read_jsonl(payload: Payload) -> Iterator[RawDocument | IngestError]:
    """Yield a RawDocument or an IngestError per non-blank line."""
    lines = payload.data.split(b"\n")
    if not any(line.strip() for line in lines):
        yield IngestError(path=payload.where, reason="empty file")
        return
    for number, raw_line in enumerate(lines, start=1):
        if not raw_line.strip():
            continue
        where = f"{payload.where}:{number}"
        try:
            line = decode_text(raw_line.rstrip(b"\r"))
            record = json.loads(line)
        except ReadError as exc:
            yield IngestError(path=where, reason=str(exc))
            continue
        except json.JSONDecodeError as exc:
            yield IngestError(path=where, reason=f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        yield record_to_document(record, where)


def read_json(payload: Payload) -> Iterator[RawDocument | IngestError]:
    """A ``.json`` file: one object, a list of objects, or (often mislabelled) JSON Lines."""
    try:
        data = json.loads(decode_text(payload.data))
    except ReadError as exc:
        yield IngestError(path=payload.where, reason=str(exc))
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
        return IngestError(path=where, reason=f"record is a JSON {type(record).__name__}, not an object")
    text = record.get("text")
    html = record.get("html")
    text = text if isinstance(text, str) else ""
    html = html if isinstance(html, str) else ""
    if not text.strip() and not html.strip():
        return IngestError(path=where, reason="record has no 'text' or 'html'")
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


def _str(value: Any) -> str:
    return "" if value is None else str(value)
