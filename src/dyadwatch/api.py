"""The Python API for notebook users; the CLI is a thin layer over the same calls."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dyadwatch.ingest import iter_documents
from dyadwatch.models import IngestError, RawDocument


def extract(
    text_or_path: str | Path, date: str = "", events: bool = True, actors: str | Path | None = None
) -> list[dict[str, Any]]:
    """Clean and code a path (file, folder, glob) or a literal text; return extract's records.

    A string that names an existing path is read as input; any other string is treated as
    the article text itself. ``actors`` names a user dictionary (docs/actors.md) that overrides every
    built-in actor list. Documents that fail are returned as ``{"error": ..., "path": ...}``.
    """
    from dyadwatch.actors import ActorResolver
    from dyadwatch.pipeline import Pipeline
    from dyadwatch.stories import StoryIndex, assign_stories

    resolver = ActorResolver(user_dictionary=Path(actors)) if actors is not None and events else None
    pipeline = Pipeline(with_events=events, resolver=resolver)
    value = str(text_or_path)
    is_path = isinstance(text_or_path, Path) or ("\n" not in value and len(value) < 4096 and Path(value).exists())
    # a literal text is the article body as given (like a JSONL "text"): no title is split off
    items = iter_documents([value]) if is_path else [RawDocument(source_path="<text>", text=value, fmt="jsonl")]
    out: list[dict[str, Any]] = []
    stories = StoryIndex()  # story ids within this input only
    for result in pipeline.process_many(items, default_date=date):
        assign_stories(stories, [result])
        if isinstance(result, IngestError):
            out.append({"error": result.reason, "path": result.path, "stage": result.stage})
        else:
            out.append(result.to_dict())
    return out


def Store(path: str | Path = "dyadwatch.duckdb", read_only: bool = True):  # noqa: N802 - reads as a class
    """Open a dyadwatch store (read-only by default) for querying events and quotes."""
    from dyadwatch.store import Store as _Store

    return _Store(path, read_only=read_only)
