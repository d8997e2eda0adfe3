"""The rows analytics count: one definition of "the events" and "the quotes" for every view.

Analytics count asserted events only (not negated, hypothetical or denied ones). Each row gets
a ``day`` (a DATE) so that series can bucket it: the event's own date when it names a day;
the article's date when the event has none, or only a month/year the article date falls in;
else the first day of that month/year. Rows with no usable date have ``day`` NULL.

When the store has a ``consolidated_events`` view (one row per distinct event of a story, with
``num_articles`` and ``num_sources``), it replaces the raw ``events`` table here, so every
analysis switches in this one place. ``consolidated_quotes`` likewise for quotes.
"""

from __future__ import annotations

import duckdb

CONSOLIDATED_EVENTS = "consolidated_events"
CONSOLIDATED_QUOTES = "consolidated_quotes"

# a full ISO day; else the article's day when it lies within the partial date; else the partial's start
_DAY = """CASE
    WHEN length({d}) = 10 THEN try_cast({d} AS DATE)
    WHEN coalesce({d}, '') = '' OR starts_with(coalesce(a.date, ''), {d}) THEN try_cast(nullif(a.date, '') AS DATE)
    WHEN length({d}) = 7 THEN try_cast({d} || '-01' AS DATE)
    WHEN length({d}) = 4 THEN try_cast({d} || '-01-01' AS DATE)
END"""


def has_relation(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """True when the store's catalog has a table or view of this name."""
    sql = "SELECT count(*) FROM duckdb_views() WHERE view_name = ? AND NOT internal"
    if con.execute(sql, [name]).fetchone()[0]:
        return True
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [name]).fetchone()[0])


def _article_columns() -> str:
    return "a.source AS outlet, a.title AS article_title, a.url AS article_url, a.date AS article_date"


def events_relation(con: duckdb.DuckDBPyConnection) -> str:
    """SQL for the counted events (a parenthesised subquery; the caller aliases it).

    Columns: every event column, ``day`` (DATE), ``outlet`` (the article's source), ``article_title``,
    ``article_url``, ``article_date``, and ``num_articles``/``num_sources`` (1 without consolidation).
    """
    if has_relation(con, CONSOLIDATED_EVENTS):
        base, extra = CONSOLIDATED_EVENTS, ""
    else:
        base, extra = "events", "1 AS num_articles, 1 AS num_sources, "
    return (
        f"(SELECT e.*, {extra}{_DAY.format(d='e.date')} AS day, {_article_columns()} "
        f"FROM {base} e JOIN articles a ON a.id = e.article_id WHERE e.asserted)"
    )


def quotes_relation(con: duckdb.DuckDBPyConnection) -> str:
    """SQL for the quotes analytics show (a parenthesised subquery), with ``day`` and article columns."""
    base = CONSOLIDATED_QUOTES if has_relation(con, CONSOLIDATED_QUOTES) else "quotes"
    return (
        f"(SELECT q.*, {_DAY.format(d='q.date')} AS day, {_article_columns()} "
        f"FROM {base} q JOIN articles a ON a.id = q.article_id)"
    )
