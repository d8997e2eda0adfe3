"""SQL conditions that select a dyad's rows: country or actor-code level, directed or both ways."""

from __future__ import annotations

import re

ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

LEVELS = {"country": ("actor_country", "recipient_country"), "code": ("actor_code", "recipient_code")}


def party_columns(level: str) -> tuple[str, str]:
    """The (actor, recipient) columns for a level: ``country`` (ISO-3/IGO) or ``code`` (CAMEO actor code)."""
    try:
        return LEVELS[level]
    except KeyError:
        raise ValueError(f"level {level!r} is not one of {', '.join(LEVELS)}") from None


def dyad_condition(a: str, b: str, directed: bool, level: str = "country", alias: str = "e") -> tuple[str, list[str]]:
    """A WHERE condition and its bound parameters: a -> b, or either direction when not directed."""
    src, dst = (f"{alias}.{c}" for c in party_columns(level))
    a, b = a.upper(), b.upper()
    if directed:
        return f"({src} = ? AND {dst} = ?)", [a, b]
    return f"(({src} = ? AND {dst} = ?) OR ({src} = ? AND {dst} = ?))", [a, b, b, a]


def date_condition(since: str | None, until: str | None, column: str = "e.day") -> tuple[list[str], list[str]]:
    """Conditions on a DATE column from ISO bounds (YYYY, YYYY-MM or YYYY-MM-DD; both inclusive)."""
    where, params = [], []
    for value in (since, until):
        if value and not ISO_DATE.fullmatch(value):
            raise ValueError(f"{value!r} is not a date like 2023, 2023-02 or 2023-02-22")
    if since:
        where.append(f"{column} >= ?::DATE")
        params.append(_start(since))
    if until:
        where.append(f"{column} < ?::DATE + {_span(until)}")
        params.append(_start(until))
    return where, params


def _start(value: str) -> str:
    """The first day an ISO date names ("2023" -> "2023-01-01")."""
    return value + {4: "-01-01", 7: "-01"}.get(len(value), "")


def _span(value: str) -> str:
    """The length of the period a partial ISO date names, as a DuckDB interval literal."""
    return {4: "INTERVAL 1 YEAR", 7: "INTERVAL 1 MONTH"}.get(len(value), "INTERVAL 1 DAY")
