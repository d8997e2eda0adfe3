"""Shift detection: a period whose net cooperation leaves its dyad's trailing baseline.

The statistic is a z-score against the previous ``window`` periods of the same dyad (zero-filled
between the dyad's first and last period): ``score = (x - mean) / max(sd, min_sd)``, where ``x`` is
the period's measure (net cooperation by default, or the Goldstein sum), ``mean`` and ``sd`` the
population mean and standard deviation of the baseline. A shift is reported when ``|score| >=
threshold``, the period has at least ``min_events`` events, and the baseline has at least
``max(2, window // 2)`` periods. ``min_sd`` (default 1, one event's worth of net cooperation)
keeps a flat baseline from turning any change into an infinite score. docs/analysis.md says why
and what this cannot see.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

import duckdb
import pandas as pd

from dyadwatch.analysis.dyads import date_condition
from dyadwatch.analysis.periods import check_period, label, next_start, period_range
from dyadwatch.analysis.source import counted_events

MEASURES = ("net_cooperation", "goldstein_sum")


@dataclass
class Shift:
    """One period of a dyad that moved away from its baseline; ``direction`` is cooperation or conflict."""

    a: str
    b: str
    period: str
    by: str
    measure: str
    value: float
    baseline_mean: float
    baseline_sd: float
    score: float
    direction: str
    event_ids: list[str] = field(default_factory=list)
    events: int = 0


def detect_shifts(
    con: duckdb.DuckDBPyConnection,
    by: str = "week",
    window: int = 8,
    threshold: float = 2.0,
    min_events: int = 3,
    dyads: list[tuple[str, str]] | None = None,
    since: str | None = None,
    measure: str = "net_cooperation",
    min_sd: float = 1.0,
) -> list[Shift]:
    """Shifts of undirected country dyads, strongest first, each with the ids of its period's events.

    ``since`` limits the periods reported; earlier periods still form the baseline.
    """
    check_period(by)
    if measure not in MEASURES:
        raise ValueError(f"measure {measure!r} is not one of {', '.join(MEASURES)}")
    if window < 1:
        raise ValueError("window must be at least 1 period")
    wanted = {tuple(sorted(p.upper() for p in d)) for d in dyads} if dyads is not None else None
    shifts = []
    for dyad, rows in _dyad_periods(con, by).items():
        if wanted is not None and dyad not in wanted:
            continue
        shifts += scan_dyad(dyad, rows, by, window, threshold, min_events, measure, min_sd)
    if since:  # keep the periods that end after ``since`` begins
        first = date.fromisoformat(date_condition(since, None)[1][0])
        shifts = [s for s in shifts if next_start(date.fromisoformat(_period_start(s.period)), by) > first]
    shifts.sort(key=lambda s: (-abs(s.score), s.period, s.a, s.b))
    _attach_events(con, shifts, by)
    return shifts


_PAIR = "least(e.actor_country, e.recipient_country), greatest(e.actor_country, e.recipient_country)"


def _dyad_periods(con, by: str) -> dict[tuple[str, str], dict[date, tuple[int, int, float]]]:
    """{(a, b): {period start: (events, net cooperation, Goldstein sum)}} for every country dyad."""
    sql = f"""SELECT {_PAIR}, date_trunc('{by}', e.day)::DATE AS p, count(*),
                     count(*) FILTER (e.quad_class IN (1, 2)) - count(*) FILTER (e.quad_class IN (3, 4)),
                     coalesce(sum(e.goldstein), 0)
              FROM {counted_events(con, cached=True)} e
              WHERE e.day IS NOT NULL AND coalesce(e.actor_country, '') <> ''
                AND coalesce(e.recipient_country, '') <> '' AND e.actor_country <> e.recipient_country
              GROUP BY ALL"""
    out: dict[tuple[str, str], dict[date, tuple[int, int, float]]] = defaultdict(dict)
    for a, b, p, n, net, gsum in con.execute(sql).fetchall():
        out[(a, b)][p] = (n, net, gsum)
    return out


def scan_dyad(dyad, rows, by, window, threshold, min_events, measure, min_sd) -> list[Shift]:
    """Score each period of one dyad against the ``window`` periods before it (``rows``: period start ->
    (events, net cooperation, Goldstein sum)); the statistic of ``detect_shifts``, open to a caller that
    already has one dyad's series (the web's dyad page)."""
    starts = period_range(min(rows), max(rows), by)
    index = 1 if measure == "net_cooperation" else 2
    values = [rows.get(s, (0, 0, 0.0))[index] for s in starts]
    min_baseline = max(2, window // 2)
    out = []
    for i, start in enumerate(starts):
        events = rows.get(start, (0, 0, 0.0))[0]
        baseline = values[max(0, i - window) : i]
        if events < min_events or len(baseline) < min_baseline:
            continue
        mean, sd = _mean_sd(baseline)
        score = (values[i] - mean) / max(sd, min_sd)
        if abs(score) >= threshold:
            out.append(Shift(
                a=dyad[0], b=dyad[1], period=label(start, by), by=by, measure=measure, value=float(values[i]),
                baseline_mean=round(mean, 4), baseline_sd=round(sd, 4), score=round(score, 4),
                direction="cooperation" if score > 0 else "conflict", events=events,
            ))  # fmt: skip
    return out


def _mean_sd(values: list[float]) -> tuple[float, float]:
    """Mean and population standard deviation (statistics.pstdev is exact but ~20x slower here)."""
    mean = sum(values) / len(values)
    return mean, math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))


def _attach_events(con, shifts: list[Shift], by: str) -> None:
    """Fill each shift's event_ids (its dyad's counted events in its period) with one query."""
    if not shifts:
        return
    wanted = pd.DataFrame({"a": [s.a for s in shifts], "b": [s.b for s in shifts],
                           "p": [_period_start(s.period) for s in shifts]})  # fmt: skip
    con.register("_dyadwatch_shifts", wanted)
    try:
        rows = con.execute(
            f"""SELECT w.a, w.b, w.p, list(e.id ORDER BY e.day, e.id)
                FROM {counted_events(con, cached=True)} e JOIN _dyadwatch_shifts w
                  ON least(e.actor_country, e.recipient_country) = w.a
                 AND greatest(e.actor_country, e.recipient_country) = w.b
                 AND date_trunc('{by}', e.day)::DATE = w.p::DATE
                GROUP BY ALL"""
        ).fetchall()
    finally:
        con.unregister("_dyadwatch_shifts")
    ids = {(a, b, p): list(v) for a, b, p, v in rows}
    for shift in shifts:
        shift.event_ids = ids.get((shift.a, shift.b, _period_start(shift.period)), [])


def _period_start(period: str) -> str:
    return period if len(period) == 10 else period + "-01"
