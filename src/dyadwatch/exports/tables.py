"""Query results as text: JSON Lines, CSV or TSV, for ``events``/``quotes --format``."""

from __future__ import annotations

import csv
import json
import sys
from typing import IO, Any

import pandas as pd

FORMATS = ("table", "jsonl", "csv", "tsv")


def jsonable(value: Any) -> Any:
    """Array cells as JSON lists, timestamps and dates as ISO strings, NaN as null."""
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _cell(value: Any) -> str:
    """One CSV/TSV cell: lists joined by '; ', nulls empty, tabs and newlines as spaces (TSV has no quoting)."""
    value = jsonable(value)
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    return " ".join(str(value).replace("\t", " ").splitlines())


def write_frame(frame: pd.DataFrame, fmt: str, out: IO[str] | None = None) -> None:
    """Write every column of ``frame`` as jsonl, csv (quoted as needed) or tsv (one line per row)."""
    out = out or sys.stdout
    if fmt == "jsonl":
        for record in frame.to_dict(orient="records"):
            out.write(json.dumps({k: jsonable(v) for k, v in record.items()}, ensure_ascii=False) + "\n")
        return
    if fmt == "tsv":  # no quoting: cells hold no tab or newline (see _cell)
        out.write("\t".join(frame.columns) + "\n")
        for row in frame.itertuples(index=False):
            out.write("\t".join(_cell(v) for v in row) + "\n")
        return
    if fmt != "csv":
        raise ValueError(f"format {fmt!r} is not one of jsonl, csv, tsv")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(list(frame.columns))
    for row in frame.itertuples(index=False):
        writer.writerow([_cell(v) for v in row])
