"""Periods for series: day, ISO week (starting Monday) or month, labelled and zero-filled."""

from __future__ import annotations

from datetime import date, timedelta

PERIODS = ("day", "week", "month")


def check_period(by: str) -> str:
    """Reject a period name other than day, week or month (it is also pasted as a SQL keyword)."""
    if by not in PERIODS:
        raise ValueError(f"period {by!r} is not one of {', '.join(PERIODS)}")
    return by


def label(start: date, by: str) -> str:
    """A period's label: its first day (YYYY-MM-DD) for day and week, YYYY-MM for month."""
    return start.strftime("%Y-%m") if by == "month" else start.isoformat()


def next_start(start: date, by: str) -> date:
    """The first day of the period after the one starting at ``start``."""
    if by == "day":
        return start + timedelta(days=1)
    if by == "week":
        return start + timedelta(days=7)
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


def period_range(first: date, last: date, by: str) -> list[date]:
    """Every period start from ``first`` to ``last`` inclusive (both already period starts)."""
    out, current = [], first
    while current <= last:
        out.append(current)
        current = next_start(current, by)
    return out
