"""A GDELT 2.0-style event file: the event table's 61 tab-separated columns, in GDELT's order.

One row per counted (asserted) event. Columns we cannot fill stay empty; docs/analysis.md lists
which are filled and how they differ from GDELT (IDs are our event ids, not integers; country
codes are ISO-3 as in the rest of dyadwatch, where GDELT's geography columns use FIPS 10-4).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import duckdb

from dyadwatch.analysis.source import counted_events

COLUMNS_FILE = Path(__file__).with_name("gdelt_columns.txt")


@lru_cache(maxsize=1)
def gdelt_columns() -> tuple[str, ...]:
    """The 61 column names, in file order, from gdelt_columns.txt."""
    lines = COLUMNS_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(ln.strip() for ln in lines if ln.strip() and not ln.startswith("#"))


def _actor(n: int, side: str) -> dict[str, str]:
    """Actor columns: a country code goes to CountryCode, an organisation (NATO, UN) to KnownGroupCode."""
    is_state = f"(length(e.{side}_country) = 3 AND e.{side}_country NOT IN ('IGO', 'NGO', 'IMG'))"
    return {
        f"Actor{n}Code": f"e.{side}_code",
        f"Actor{n}Name": f"upper(coalesce(nullif(e.{side}_name, ''), e.{side}_text))",
        f"Actor{n}CountryCode": f"CASE WHEN {is_state} THEN e.{side}_country END",
        f"Actor{n}KnownGroupCode": f"CASE WHEN NOT {is_state} THEN nullif(e.{side}_country, '') END",
        f"Actor{n}Type1Code": f"nullif(e.{side}_sector, '')",
    }


FILLED = {
    "GLOBALEVENTID": "e.id",
    "SQLDATE": "strftime(e.day, '%Y%m%d')",
    "MonthYear": "strftime(e.day, '%Y%m')",
    "Year": "year(e.day)::VARCHAR",
    "FractionDate": "printf('%.4f', year(e.day) + (dayofyear(e.day) - 1) / 365.0)",
    **_actor(1, "actor"),
    **_actor(2, "recipient"),
    "IsRootEvent": "CASE WHEN e.sentence_start = 0 THEN '1' ELSE '0' END",
    "EventCode": "e.cameo_code",
    "EventBaseCode": "left(e.cameo_code, 3)",
    "EventRootCode": "left(e.cameo_code, 2)",
    "QuadClass": "e.quad_class::VARCHAR",
    "GoldsteinScale": "printf('%.1f', e.goldstein)",
    "NumMentions": "e.num_articles::VARCHAR",
    "NumSources": "e.num_sources::VARCHAR",
    "NumArticles": "e.num_articles::VARCHAR",
    "ActionGeo_FullName": "nullif(e.location_name, '')",
    "ActionGeo_CountryCode": "nullif(e.location_country, '')",
    "ActionGeo_Lat": "CASE WHEN e.lat IS NOT NULL THEN printf('%.4f', e.lat) END",
    "ActionGeo_Long": "CASE WHEN e.lon IS NOT NULL THEN printf('%.4f', e.lon) END",
    "DATEADDED": "strftime(a.ingested_at, '%Y%m%d%H%M%S')",
    "SOURCEURL": "nullif(a.url, '')",
}


def gdelt_select(con: duckdb.DuckDBPyConnection) -> str:
    """SELECT producing the 61 GDELT columns (text, tabs and newlines blanked) for every counted event."""
    parts = []
    for name in gdelt_columns():
        expr = FILLED.get(name, "NULL")
        parts.append(f"""coalesce(regexp_replace(({expr})::VARCHAR, '[\\t\\r\\n]', ' ', 'g'), '') AS "{name}\"""")
    return (
        f"SELECT {', '.join(parts)} FROM {counted_events(con)} e JOIN articles a ON a.id = e.article_id "
        "WHERE e.day IS NOT NULL ORDER BY e.day, e.id"
    )


def export_gdelt(con: duckdb.DuckDBPyConnection, out: str | Path) -> Path:
    """Write the GDELT-style TSV (no header, as GDELT's files) and return its path."""
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    target = path.as_posix().replace("'", "''")
    con.execute(f"COPY ({gdelt_select(con)}) TO '{target}' (FORMAT CSV, DELIMITER '\\t', HEADER false, QUOTE '')")
    return path
