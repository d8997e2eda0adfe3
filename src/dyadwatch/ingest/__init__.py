"""Readers: turn paths, globs, folders, stdin and URLs into RawDocuments.

Contract: ``iter_documents(inputs)`` yields a ``RawDocument`` per document found, or an
``IngestError`` naming the file (or file:line) and the reason; it never raises for bad input.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from dyadwatch.models import IngestError, RawDocument


def iter_documents(inputs: Iterable[str]) -> Iterator[RawDocument | IngestError]:
    """Yield documents from every input (walking skeleton: .txt and .jsonl files, folders)."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                yield from _read_file(child)
        elif path.is_file():
            yield from _read_file(path)
        else:
            yield IngestError(path=item, reason="no such file or folder")


def _read_file(path: Path) -> Iterator[RawDocument | IngestError]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield IngestError(path=str(path), reason=f"cannot read: {exc}")
        return
    text = data.decode("utf-8", errors="replace")
    if path.suffix == ".jsonl":
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield IngestError(path=where, reason=f"invalid JSON: {exc}")
                continue
            if not isinstance(record, dict) or not str(record.get("text") or "").strip():
                yield IngestError(path=where, reason="record has no 'text'")
                continue
            yield RawDocument(
                source_path=where,
                text=str(record["text"]),
                id=str(record.get("id") or ""),
                url=str(record.get("url") or ""),
                title=str(record.get("title") or ""),
                date=str(record.get("date") or ""),
                source=str(record.get("source") or ""),
                fmt="jsonl",
            )
    elif path.suffix in {".txt", ".text", ""}:
        if not text.strip():
            yield IngestError(path=str(path), reason="empty file")
            return
        yield RawDocument(source_path=str(path), text=text, fmt="txt")
    # other suffixes (README.md, ...) are not news and are skipped silently
