"""``ingest --out DIR``: the rows a run stores, also written as a Parquet dataset (one file per batch).

The dataset is written **in addition to** the store, not instead of it: the store is what makes
the rows those of one process (articles already stored are skipped, story ids continue the stored
stories, aliases learned earlier are used), so each batch is copied from the store right after it
is committed. ``DIR/articles``, ``DIR/events``, ``DIR/quotes``, ``DIR/actors`` and ``DIR/aliases``
each hold ``part-NNNNN.parquet`` files; read them as one table with
``read_parquet('DIR/events/*.parquet')`` (DuckDB) or ``pyarrow.dataset.dataset('DIR/events')``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

TABLES = {"articles": "id", "events": "article_id", "quotes": "article_id", "actors": "article_id",
          "aliases": "article_id"}
ORDER = {"articles": "", "events": "seq", "quotes": "seq", "actors": "seq", "aliases": "alias, name"}


class DatasetError(RuntimeError):
    """The output folder cannot be used (it holds an earlier dataset, or cannot be created)."""


class ParquetOut:
    """Appends one Parquet file per stored batch to each table's folder under ``folder``."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        if self.folder.exists() and any(self.folder.glob("*/part-*.parquet")):
            raise DatasetError(f"{self.folder} already holds a Parquet dataset; give an empty or new folder")
        try:
            for table in TABLES:
                (self.folder / table).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatasetError(f"cannot create the output folder {self.folder}: {exc.strerror or exc}") from None
        self.parts = 0

    def write(self, con: Any, article_ids: list[str]) -> None:
        """Copy the stored rows of these articles (in the order given) to a new part of each table."""
        if not article_ids:
            return
        for table, key in TABLES.items():
            order = ", ".join(filter(None, ["list_position(?, t." + key + ")", ORDER[table]]))
            target = self.folder / table / f"part-{self.parts:05d}.parquet"
            query = f"SELECT t.* FROM {table} t WHERE t.{key} IN (SELECT unnest(?)) ORDER BY {order}"
            con.execute(f"COPY ({query}) TO '{_quoted(target)}' (FORMAT parquet)", [article_ids, article_ids])
        self.parts += 1


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")
