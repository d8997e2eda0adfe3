"""Exports of the store: PLOVER JSON records, a GDELT 2.0-style event TSV, CSV of events, Parquet of every table.

Exports read the store and never change it; each writes the file(s) named by ``out``.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from dyadwatch.exports.gdelt import export_gdelt
from dyadwatch.exports.plover import export_plover
from dyadwatch.exports.tabular import export_csv, export_parquet

EXPORT_FORMATS = ("parquet", "plover", "gdelt", "csv")


def export(con: duckdb.DuckDBPyConnection, fmt: str, out: str | Path) -> list[Path]:
    """Write the store in ``fmt`` to ``out`` (a folder for parquet, a file otherwise); return the paths written."""
    if fmt == "parquet":
        return export_parquet(con, out)
    writers = {"plover": export_plover, "gdelt": export_gdelt, "csv": export_csv}
    if fmt not in writers:
        raise ValueError(f"format {fmt!r} is not one of {', '.join(EXPORT_FORMATS)}")
    return [writers[fmt](con, out)]


__all__ = ["EXPORT_FORMATS", "export", "export_csv", "export_gdelt", "export_parquet", "export_plover"]
