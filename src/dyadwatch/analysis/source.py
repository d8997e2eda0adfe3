"""The rows analytics count: one definition of "the events" and "the quotes" for every view.

Analytics count asserted events only (not negated, hypothetical or denied ones). Each row gets
a ``day`` (a DATE) so that series can bucket it: the event's own date when it names a day;
the article's date when the event has none, or only a month/year the article date falls in;
else the first day of that month/year. Rows with no usable date have ``day`` NULL.

When the store has a ``consolidated_events`` view (one row per distinct event of a story, with
``num_articles`` and ``num_sources``), it replaces the raw ``events`` table here, so every
analysis switches in this one place. ``consolidated_quotes`` likewise for quotes.

Speed: joining a million events to their articles costs more than the rest of a dyad query, so
``counted_events`` filters first and joins articles only for the few events without a full date;
``events_relation`` (every column, article title/URL/outlet joined) is for small result sets.
"""

from __future__ import annotations

import duckdb

CONSOLIDATED_EVENTS = "consolidated_events"
CONSOLIDATED_QUOTES = "consolidated_quotes"
SLIM_EVENTS = "dyadwatch_slim_events"  # the per-connection cache of analysis.cache
SLIM_QUOTES = "dyadwatch_slim_quotes"

# the article's day when the event's date is empty or a month/year holding it; else the partial's start
_FALLBACK_DAY = """CASE
    WHEN coalesce(f.date, '') = '' OR starts_with(coalesce(a.date, ''), f.date)
        THEN try_cast(nullif(a.date, '') AS DATE)
    WHEN length(f.date) = 7 THEN try_cast(f.date || '-01' AS DATE)
    WHEN length(f.date) = 4 THEN try_cast(f.date || '-01-01' AS DATE)
END"""


def has_relation(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """True when the store's catalog has a table or view of this name (one catalog query, ~5 ms)."""
    sql = """SELECT (SELECT count(*) FROM duckdb_views() WHERE view_name = ?)
                  + (SELECT count(*) FROM duckdb_tables() WHERE table_name = ?)"""
    return bool(con.execute(sql, [name, name]).fetchone()[0])


def _events_base(con: duckdb.DuckDBPyConnection) -> tuple[str, str]:
    """(table or view, extra columns) of the events analytics count."""
    if has_relation(con, CONSOLIDATED_EVENTS):
        return CONSOLIDATED_EVENTS, ""
    return "events", ", 1 AS num_articles, 1 AS num_sources"


def events_table(con: duckdb.DuckDBPyConnection) -> str:
    """The events table or view analytics read, with ``num_articles``/``num_sources`` (1 when not consolidated)."""
    base, extra = _events_base(con)
    return f"(SELECT e.*{extra} FROM {base} e)"


def has_temp_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """True when this connection has a temporary table of this name."""
    sql = "SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name = ?"
    return bool(con.execute(sql, [name]).fetchone()[0])


def is_cached(con: duckdb.DuckDBPyConnection) -> bool:
    """True when this connection holds the slim events table of ``analysis.cache.warm_cache``."""
    return has_temp_table(con, SLIM_EVENTS)


def counted_events(con: duckdb.DuckDBPyConnection, where: str = "TRUE", cached: bool = False) -> str:
    """Counted events matching ``where`` (a condition on the raw event columns, alias ``e``), with ``day``.

    A parenthesised subquery; bind the parameters of ``where`` first, before any the caller adds after it.
    With ``cached`` and a warm cache, only the columns of ``analysis.cache.SLIM_COLUMNS`` are there.
    """
    if cached and is_cached(con):
        return f"(SELECT * FROM temp.main.{SLIM_EVENTS} e WHERE {where})"
    base, extra = _events_base(con)
    return f"""(WITH f AS NOT MATERIALIZED (SELECT e.*{extra} FROM {base} e WHERE e.asserted AND ({where}))
        SELECT f.*, try_cast(f.date AS DATE) AS day FROM f WHERE length(f.date) = 10
        UNION ALL BY NAME
        SELECT f.*, {_FALLBACK_DAY} AS day FROM f LEFT JOIN articles a ON a.id = f.article_id
        WHERE coalesce(length(f.date), 0) <> 10)"""


def events_relation(con: duckdb.DuckDBPyConnection) -> str:
    """SQL for the counted events (a parenthesised subquery; the caller aliases it).

    Columns: every event column, ``day`` (DATE), ``outlet`` (the article's source), ``article_title``,
    ``article_url``, ``article_date``, and ``num_articles``/``num_sources`` (1 without consolidation).
    """
    return f"""(SELECT c.*, {ARTICLE_COLUMNS} FROM {counted_events(con)} c JOIN articles a ON a.id = c.article_id)"""


ARTICLE_COLUMNS = "a.source AS outlet, a.title AS article_title, a.url AS article_url, a.date AS article_date"


def quotes_table(con: duckdb.DuckDBPyConnection) -> str:
    """The quotes table or view analytics read (``consolidated_quotes`` when the store has it)."""
    return CONSOLIDATED_QUOTES if has_relation(con, CONSOLIDATED_QUOTES) else "quotes"


def quotes_relation(con: duckdb.DuckDBPyConnection) -> str:
    """SQL for the quotes analytics show (a parenthesised subquery), with ``day`` (the article's date)."""
    return f"(SELECT q.*, try_cast(nullif(q.date, '') AS DATE) AS day FROM {quotes_table(con)} q)"
