"""``dyadwatch stories``: list the largest stories, or re-cluster a store (the body of the CLI verb)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dyadwatch.stories import tables
from dyadwatch.stories.index import StoryParams


def list_stories(store: object, limit: int | None, min_articles: int = 1) -> pd.DataFrame:
    """Stories with at least ``min_articles`` articles, the most copied first (none in a store from before
    stories existed, opened read-only: the next ``ingest`` or ``stories --rebuild`` makes them)."""
    if not store._has_relation("stories"):  # type: ignore[attr-defined]
        return pd.DataFrame(columns=["id", "first_seen", "last_seen", "articles", "sources", "title"])
    sql = "SELECT * FROM stories WHERE articles >= ? ORDER BY articles DESC, sources DESC, first_seen, id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return store.con.execute(sql, [min_articles]).df()  # type: ignore[attr-defined]


def rebuild(db: Path, window_days: int) -> int:
    """Re-cluster every stored article (ingest order) with the given window; returns how many."""
    from dyadwatch.store import Store

    with Store(db) as store:
        return tables.backfill(store.con, StoryParams(window_days=window_days))
