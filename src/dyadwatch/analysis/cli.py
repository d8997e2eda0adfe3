"""Bodies of the ``dyad`` and ``alerts`` commands: rich tables, a terminal sparkline, or JSON Lines."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

import duckdb
from rich.console import Console
from rich.table import Table

from dyadwatch.analysis.overview import events_by_ids
from dyadwatch.analysis.series import SeriesPoint, dyad_series
from dyadwatch.analysis.shifts import Shift, detect_shifts

BARS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[float]) -> str:
    """One block character per value, scaled from the lowest (▁) to the highest (█) value."""
    if not values:
        return ""
    low, high = min(values), max(values)
    if high == low:
        return BARS[len(BARS) // 2] * len(values)
    return "".join(BARS[round((v - low) / (high - low) * (len(BARS) - 1))] for v in values)


def show_dyad(con: duckdb.DuckDBPyConnection, a: str, b: str, console: Console, as_json: bool, **options: Any) -> int:
    """Print a dyad's series (``options`` go to ``dyad_series``); return the number of periods."""
    points = dyad_series(con, a, b, **options)
    if as_json:
        for point in points:
            print(json.dumps(asdict(point)))
        return len(points)
    arrow = "->" if options.get("directed") else "<->"
    if not points:
        console.print(f"no counted events for {a.upper()} {arrow} {b.upper()}", highlight=False)
        return 0
    console.print(_series_table(points, f"{a.upper()} {arrow} {b.upper()} by {options.get('by', 'week')}"))
    net = [p.net_cooperation for p in points]
    console.print(
        f"net cooperation {min(net):+d} {sparkline(net)} {max(net):+d}   "
        f"({len(points)} periods, {sum(p.events for p in points)} events, {sum(p.quotes for p in points)} quotes)",
        highlight=False,
    )
    return len(points)


def _series_table(points: list[SeriesPoint], title: str) -> Table:
    table = Table(title=title)
    for column in ("period", "events", "verbal coop", "material coop", "verbal conflict", "material conflict",
                   "net coop", "Goldstein sum", "Goldstein mean", "quotes", "top types"):  # fmt: skip
        table.add_column(column, justify="left" if column in ("period", "top types") else "right")
    for p in points:
        mean = "" if p.goldstein_mean is None else f"{p.goldstein_mean:.2f}"
        top = ", ".join(f"{t} {n}" for t, n in sorted(p.by_type.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
        table.add_row(p.period, str(p.events), *(str(p.by_quad[q]) for q in (1, 2, 3, 4)),
                      f"{p.net_cooperation:+d}", f"{p.goldstein_sum:.1f}", mean, str(p.quotes), top)  # fmt: skip
    return table


def show_alerts(
    con: duckdb.DuckDBPyConnection, console: Console, as_json: bool, evidence: int = 3, **options: Any
) -> list[Shift]:
    """Print shifts (``options`` go to ``detect_shifts``) with up to ``evidence`` events each."""
    shifts = detect_shifts(con, **options)
    if as_json:
        for shift in shifts:
            record = asdict(shift)
            record["evidence"] = events_by_ids(con, shift.event_ids[:evidence] if evidence else shift.event_ids)
            print(json.dumps(record, default=str, ensure_ascii=False))
        return shifts
    if not shifts:
        console.print("no shifts", highlight=False)
        return shifts
    for shift in shifts:
        console.print(
            f"[bold]{shift.a}–{shift.b}[/bold] {shift.by} {shift.period}: {shift.measure} {shift.value:+g} vs "
            f"baseline {shift.baseline_mean:+.2f} ± {shift.baseline_sd:.2f} (z = {shift.score:+.2f}, "
            f"toward {shift.direction}; {shift.events} events)",
            highlight=False,
        )
        for event in events_by_ids(con, shift.event_ids[:evidence]):
            console.print(
                f"    {event['day']} {event['event_type']} {event['actor_code']} -> {event['recipient_code']}: "
                f"{event['sentence']}  [{event['article_title']}]",
                highlight=False, markup=False, soft_wrap=True,
            )  # fmt: skip
    return shifts
