"""Table dumps: every table of the store to Parquet, and the events (with ``status``) to CSV."""

from __future__ import annotations

from pathlib import Path

import duckdb

from dyadwatch.store import STATUS


def _literal(path: Path) -> str:
    """A file path as a SQL string literal (COPY takes no bound parameter for its target)."""
    return "'" + path.as_posix().replace("'", "''") + "'"


def export_parquet(con: duckdb.DuckDBPyConnection, folder: str | Path) -> list[Path]:
    """Write every table of the store's main schema to ``folder/<table>.parquet`` (tables added later too)."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    tables = [t for (t,) in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary ORDER BY table_name"
    ).fetchall()]  # fmt: skip
    written = []
    for table in tables:
        target = out / f"{table}.parquet"
        con.execute(f'COPY "{table}" TO {_literal(target)} (FORMAT PARQUET)')
        written.append(target)
    return written


def export_csv(con: duckdb.DuckDBPyConnection, out: str | Path) -> Path:
    """Every event (all statuses, with a ``status`` column and the article title and URL) as one CSV file."""
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    sql = f"""SELECT e.*, {STATUS} AS status, a.title AS article_title, a.url AS article_url, a.source AS outlet
              FROM events e JOIN articles a ON a.id = e.article_id ORDER BY e.date, e.id"""
    con.execute(f"COPY ({sql}) TO {_literal(path)} (FORMAT CSV, HEADER true)")
    return path
