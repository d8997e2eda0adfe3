"""A dyad's time series: counts by quad class and PLOVER type, Goldstein, net cooperation, quotes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import duckdb

from dyadwatch.analysis.dyads import date_condition, dyad_condition
from dyadwatch.analysis.periods import check_period, label, period_range
from dyadwatch.analysis.quotes import dyad_quote_rows
from dyadwatch.analysis.source import counted_events


@dataclass
class SeriesPoint:
    """One period of a dyad: ``net_cooperation`` = events of quads 1+2 minus events of quads 3+4."""

    period: str
    events: int = 0
    by_quad: dict[int, int] = field(default_factory=lambda: {1: 0, 2: 0, 3: 0, 4: 0})
    by_type: dict[str, int] = field(default_factory=dict)
    goldstein_sum: float = 0.0
    goldstein_mean: float | None = None
    net_cooperation: int = 0
    quotes: int = 0


def dyad_series(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    by: str = "week",
    directed: bool = False,
    level: str = "country",
    since: str | None = None,
    until: str | None = None,
) -> list[SeriesPoint]:
    """The dyad a–b (a -> b when ``directed``) per period, with empty periods between the first and last as zeros.

    ``a`` and ``b`` are country codes, or CAMEO actor codes with ``level="code"``.
    """
    check_period(by)
    rows = _event_rows(con, a, b, by, directed, level, since, until)
    quotes = _quote_counts(con, a, b, by, directed, level, since, until)
    starts = sorted(set(rows) | set(quotes))
    if not starts:
        return []
    points = []
    for start in period_range(starts[0], starts[-1], by):
        point = SeriesPoint(period=label(start, by), quotes=quotes.get(start, 0))
        for quad, event_type, n, goldstein in rows.get(start, []):
            _add(point, quad, event_type, n, goldstein)
        _finish(point)
        points.append(point)
    return points


def _add(point: SeriesPoint, quad: int, event_type: str, n: int, goldstein: float) -> None:
    point.events += n
    if quad in point.by_quad:
        point.by_quad[quad] += n
    point.by_type[event_type] = point.by_type.get(event_type, 0) + n
    point.goldstein_sum += goldstein


def _finish(point: SeriesPoint) -> None:
    point.goldstein_sum = round(point.goldstein_sum, 4)
    point.goldstein_mean = round(point.goldstein_sum / point.events, 4) if point.events else None
    q = point.by_quad
    point.net_cooperation = q[1] + q[2] - q[3] - q[4]


def _event_rows(con, a, b, by, directed, level, since, until) -> dict[date, list[tuple]]:
    cond, params = dyad_condition(a, b, directed, level)
    dates, date_params = date_condition(since, until)
    where = " AND ".join(["e.day IS NOT NULL", *dates])
    sql = f"""SELECT date_trunc('{by}', e.day)::DATE AS p, e.quad_class, e.event_type, count(*),
                     coalesce(sum(e.goldstein), 0)
              FROM {counted_events(con, cond, cached=True)} e WHERE {where} GROUP BY ALL"""
    out: dict[date, list[tuple]] = defaultdict(list)
    for p, quad, event_type, n, goldstein in con.execute(sql, params + date_params).fetchall():
        out[p].append((quad, event_type, n, goldstein))
    return out


def _quote_counts(con, a, b, by, directed, level, since, until) -> dict[date, int]:
    relation, cond, params = dyad_quote_rows(con, a, b, directed, level)
    dates, date_params = date_condition(since, until, "q.day")
    where = " AND ".join(["q.day IS NOT NULL", cond, *dates])
    sql = f"""SELECT date_trunc('{by}', q.day)::DATE AS p, count(*)
              FROM {relation} q WHERE {where} GROUP BY 1"""
    return dict(con.execute(sql, params + date_params).fetchall())
