"""Overview queries: the most active dyads, and a dyad's events and quotes with their evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb

from dyadwatch.analysis.dyads import date_condition, dyad_condition
from dyadwatch.analysis.quotes import dyad_quote_rows
from dyadwatch.analysis.source import ARTICLE_COLUMNS, counted_events, events_table, quotes_relation
from dyadwatch.filters import EventFilters


@dataclass
class DyadSummary:
    """A dyad's totals; undirected dyads are named in alphabetical order (a < b)."""

    a: str
    b: str
    events: int
    goldstein_mean: float | None
    net_cooperation: int
    first_date: str
    last_date: str
    by_quad: dict[int, int] = field(default_factory=dict)


def top_dyads(
    con: duckdb.DuckDBPyConnection,
    limit: int = 20,
    since: str | None = None,
    until: str | None = None,
    directed: bool = False,
) -> list[DyadSummary]:
    """The country dyads with the most counted events (self-dyads and unknown countries left out)."""
    pair = "e.actor_country, e.recipient_country"
    if not directed:
        pair = "least(e.actor_country, e.recipient_country), greatest(e.actor_country, e.recipient_country)"
    dates, params = date_condition(since, until)
    where = " AND ".join(
        ["coalesce(e.actor_country, '') <> ''", "coalesce(e.recipient_country, '') <> ''",
         "e.actor_country <> e.recipient_country", *dates]
    )  # fmt: skip
    sql = f"""SELECT {pair}, {_TOTALS} FROM {counted_events(con, cached=True)} e WHERE {where}
              GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ?"""
    return [_summary(*row) for row in con.execute(sql, params + [int(limit)]).fetchall()]


def dyad_summary(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    directed: bool = False,
    level: str = "country",
    since: str | None = None,
    until: str | None = None,
) -> DyadSummary | None:
    """One dyad's totals (a page header), named as asked; None when it has no counted events."""
    cond, params = dyad_condition(a, b, directed, level)
    dates, date_params = date_condition(since, until)
    sql = f"""SELECT ?, ?, {_TOTALS} FROM {counted_events(con, cond, cached=True)} e
              WHERE {" AND ".join(["TRUE", *dates])}"""
    row = con.execute(sql, [a.upper(), b.upper()] + params + date_params).fetchone()
    return _summary(*row) if row and row[2] else None


_TOTALS = """count(*), avg(e.goldstein),
    count(*) FILTER (e.quad_class = 1), count(*) FILTER (e.quad_class = 2),
    count(*) FILTER (e.quad_class = 3), count(*) FILTER (e.quad_class = 4), min(e.day), max(e.day)"""


def _summary(a, b, n, mean, q1, q2, q3, q4, first, last) -> DyadSummary:
    return DyadSummary(
        a=a, b=b, events=n, goldstein_mean=None if mean is None else round(mean, 4),
        net_cooperation=q1 + q2 - q3 - q4, first_date=_iso(first), last_date=_iso(last),
        by_quad={1: q1, 2: q2, 3: q3, 4: q4},
    )  # fmt: skip


EVENT_FIELDS = (
    "id", "day", "date", "event_type", "mode", "cameo_code", "quad_class", "goldstein",
    "actor_text", "actor_name", "actor_country", "actor_code", "recipient_text", "recipient_name",
    "recipient_country", "recipient_code", "trigger", "trigger_start", "trigger_end",
    "sentence", "sentence_start", "sentence_end", "location_name", "location_country",
    "article_id", "num_articles", "num_sources",
)  # fmt: skip


def dyad_events(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    directed: bool = False,
    limit: int = 50,
    offset: int = 0,
    level: str = "country",
    since: str | None = None,
    until: str | None = None,
    **filters: Any,
) -> list[dict[str, Any]]:
    """A dyad's events with their evidence sentence and article, newest first.

    ``filters`` are those of ``dyadwatch.filters.EventFilters`` (quad, min_goldstein, max_goldstein,
    place, outlet, article, event_type).
    """
    cond, params = dyad_condition(a, b, directed, level)
    extra, extra_params = EventFilters.from_kwargs(**filters).event_clauses("e")
    dates, date_params = date_condition(since, until)
    # rank only (id, day) over the dyad's rows, then fetch the page's full rows and articles
    page = f"""SELECT e.id, e.day FROM {counted_events(con, " AND ".join([cond, *extra]), cached=True)} e
               WHERE {" AND ".join(["TRUE", *dates])} ORDER BY e.day DESC NULLS LAST, e.id LIMIT ? OFFSET ?"""
    columns = ", ".join("p.day" if c == "day" else f"e.{c}" for c in EVENT_FIELDS)
    sql = f"""SELECT {columns}, {ARTICLE_COLUMNS} FROM ({page}) p JOIN {events_table(con)} e ON e.id = p.id
              JOIN articles a ON a.id = e.article_id ORDER BY p.day DESC NULLS LAST, p.id"""
    cursor = con.execute(sql, params + extra_params + date_params + [int(limit), int(offset)])
    return [_record(cursor.description, row) for row in cursor.fetchall()]


def events_by_ids(con: duckdb.DuckDBPyConnection, ids: list[str]) -> list[dict[str, Any]]:
    """The counted events with these ids (e.g. a shift's), with evidence and article, oldest first."""
    if not ids:
        return []
    columns = ", ".join(f"e.{c}" for c in EVENT_FIELDS)
    sql = f"""SELECT {columns}, {ARTICLE_COLUMNS} FROM {counted_events(con, "e.id IN (SELECT unnest(?))")} e
              JOIN articles a ON a.id = e.article_id ORDER BY e.day, e.id"""
    cursor = con.execute(sql, [list(ids)])
    return [_record(cursor.description, row) for row in cursor.fetchall()]


QUOTE_FIELDS = (
    "id", "day", "text", "direct", "kind", "cue", "speaker_text", "speaker_name", "speaker_country",
    "speaker_code", "addressee_text", "addressee_name", "addressee_country", "addressee_code", "via_name",
    "setting", "start", "end", "sentence", "article_id",
)  # fmt: skip


def dyad_quotes(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    limit: int = 50,
    offset: int = 0,
    directed: bool = False,
    level: str = "country",
) -> list[dict[str, Any]]:
    """Quotes between the two sides, newest first: the speaker on one side and the other side its
    addressee or named inside the quoted words (see ``analysis.quotes``)."""
    relation, cond, params = dyad_quote_rows(con, a, b, directed, level)
    page = f"""SELECT q.id, q.day FROM {relation} q WHERE {cond}
               ORDER BY q.day DESC NULLS LAST, q.id LIMIT ? OFFSET ?"""
    columns = ", ".join("p.day" if c == "day" else f'q."{c}"' for c in QUOTE_FIELDS)
    sql = f"""SELECT {columns}, {ARTICLE_COLUMNS} FROM ({page}) p JOIN {quotes_relation(con)} q ON q.id = p.id
              JOIN articles a ON a.id = q.article_id ORDER BY p.day DESC NULLS LAST, p.id"""
    cursor = con.execute(sql, params + [int(limit), int(offset)])
    return [_record(cursor.description, row) for row in cursor.fetchall()]


def _record(description: Any, row: tuple) -> dict[str, Any]:
    """A row as a dict, dates as ISO strings (JSON-ready)."""
    return {d[0]: (_iso(v) if d[0] == "day" else v) for d, v in zip(description, row, strict=True)}


def _iso(value: Any) -> str:
    return value.isoformat() if value is not None else ""
