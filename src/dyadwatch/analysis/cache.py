"""An opt-in, per-connection copy of the counted events' analysis columns, sorted by dyad and day.

A long-running reader (the web UI) calls ``warm_cache(con)`` once; afterwards the dyad, overview,
network and shift queries read this temporary table instead of filtering the events and joining
their articles on every request. It lives in the connection's temporary schema (allowed on a
read-only connection) and dies with the connection. A read-only connection never sees new writes
(DuckDB lets no writer in while it is open), so the copy cannot go stale. One-off CLI calls do
not warm it: the copy costs more than one query. Quotes are copied with the countries and codes
named inside them (``named_country``, ``named_code``), so the dyad quote rule needs no join.
"""

from __future__ import annotations

import duckdb

from dyadwatch.analysis.source import SLIM_EVENTS, SLIM_QUOTES, counted_events, quotes_relation

SLIM_COLUMNS = (
    "id", "article_id", "day", "actor_country", "recipient_country", "actor_code", "recipient_code",
    "quad_class", "event_type", "cameo_code", "goldstein", "location_name", "location_country",
    "num_articles", "num_sources",
)  # fmt: skip


def warm_cache(con: duckdb.DuckDBPyConnection) -> int:
    """Build (or rebuild) this connection's slim events table; return its row count."""
    columns = ", ".join(f"e.{c}" for c in SLIM_COLUMNS)
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE {SLIM_EVENTS} AS SELECT {columns} FROM {counted_events(con, cached=False)} e
            ORDER BY least(e.actor_country, e.recipient_country), greatest(e.actor_country, e.recipient_country),
                     e.day"""
    )
    _warm_quotes(con)
    return con.execute(f"SELECT count(*) FROM {SLIM_EVENTS}").fetchone()[0]


def _warm_quotes(con: duckdb.DuckDBPyConnection) -> None:
    """Each quote with the countries and codes of the actor mentions inside its span."""
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE {SLIM_QUOTES} AS
            SELECT q.id, q.article_id, q.day, q.speaker_country, q.speaker_code, q.addressee_country,
                   q.addressee_code,
                   coalesce(list(DISTINCT m.country) FILTER (m.country <> ''), []) AS named_country,
                   coalesce(list(DISTINCT m.code) FILTER (m.code <> ''), []) AS named_code
            FROM {quotes_relation(con)} q LEFT JOIN actors m
              ON m.article_id = q.article_id AND m.start >= q.start AND m."end" <= q."end"
            WHERE coalesce(q.speaker_country, '') <> '' OR coalesce(q.speaker_code, '') <> ''
            GROUP BY ALL ORDER BY q.speaker_country, q.day"""
    )


def drop_cache(con: duckdb.DuckDBPyConnection) -> None:
    """Forget the slim tables (queries read the store again)."""
    con.execute(f"DROP TABLE IF EXISTS temp.main.{SLIM_EVENTS}")
    con.execute(f"DROP TABLE IF EXISTS temp.main.{SLIM_QUOTES}")
