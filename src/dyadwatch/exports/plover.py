"""PLOVER JSON records (one per line), with the field names of the PLOVER specification's data chapter.

One record per counted (asserted) event. ``mode`` and ``context`` are PLOVER's (from the
CAMEO→PLOVER table for the event's CAMEO code), not dyadwatch's modality. Fields beyond the
specification (``cameo_code``, ``goldstein``, ``article_id``, ``trigger``) are named extras, as the
specification allows. docs/analysis.md has the full mapping.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from dyadwatch import __version__
from dyadwatch.analysis.source import counted_events
from dyadwatch.codes import lookup


def _entity(side: str) -> str:
    """An entity object list: [] when the side is unknown."""
    e = f"e.{side}"
    return f"""CASE WHEN coalesce({e}_code, '') = '' AND coalesce({e}_text, '') = '' THEN [] ELSE [{{
        'code': {e}_country, 'sector': {e}_sector, 'actor_code': {e}_code,
        'entity_text': {e}_text, 'identifier_text': {e}_name}}] END"""


def _modes(con: duckdb.DuckDBPyConnection) -> None:
    """Register PLOVER mode and context of each CAMEO code in the store (a small lookup frame)."""
    codes = [c for (c,) in con.execute("SELECT DISTINCT cameo_code FROM events WHERE cameo_code <> ''").fetchall()]
    rows = [(c, lookup(c).plover_mode, lookup(c).plover_context) for c in codes]
    frame = pd.DataFrame(rows or [("", "", "")], columns=["cameo_code", "mode", "context"])
    con.register("_plover_modes", frame)


def plover_select(con: duckdb.DuckDBPyConnection) -> str:
    """SELECT producing one PLOVER record (a struct per column) for every counted event."""
    return f"""SELECT e.id AS id, true AS has_event, strftime(e.day, '%Y-%m-%d') AS date,
        {_entity('actor')} AS actor, {_entity('recipient')} AS recipient, [e.event_type] AS event,
        CASE WHEN coalesce(e.location_name, '') = '' THEN NULL ELSE {{
            'extracted_place': e.location_name, 'resolved_place': e.location_name,
            'lat': e.lat, 'lon': e.lon, 'country_code': e.location_country}} END AS event_loc,
        [e.sentence] AS event_text, e.quad_class AS quad_code, e.goldstein AS event_scale,
        CASE WHEN coalesce(m.mode, '') = '' THEN [] ELSE [m.mode] END AS mode,
        CASE WHEN coalesce(m.context, '') = '' THEN [] ELSE string_split(m.context, ',') END AS context,
        coalesce(a.story_id, a.id) AS link,
        {{'start': e.sentence_start, 'end': e.sentence_end}} AS text_info,
        {{'url': a.url, 'title': a.title, 'language': a.language, 'publication': a.source,
          'coder': 'dyadwatch {__version__}', 'codebook': 'CAMEO2PLOVER-2021'}} AS cite_info,
        'dyadwatch {__version__}' AS coder, strftime(a.ingested_at, '%Y-%m-%d') AS coded_date,
        e.cameo_code AS cameo_code, e.goldstein AS goldstein, e.article_id AS article_id, e.trigger AS trigger
    FROM {counted_events(con)} e JOIN articles a ON a.id = e.article_id
    LEFT JOIN _plover_modes m ON m.cameo_code = e.cameo_code
    WHERE e.day IS NOT NULL ORDER BY e.day, e.id"""


def export_plover(con: duckdb.DuckDBPyConnection, out: str | Path) -> Path:
    """Write PLOVER JSON Lines and return the path."""
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    target = path.as_posix().replace("'", "''")
    _modes(con)
    try:
        con.execute(f"COPY ({plover_select(con)}) TO '{target}' (FORMAT JSON)")
    finally:
        con.unregister("_plover_modes")
    return path
