"""One dyad's shifts, scored on the series the dyad page already has.

`analysis.shifts.detect_shifts(dyads=[...])` groups every dyad of the store before it keeps the
one asked for (2.6 s on 1,000,000 events here), too slow for a page. This applies the same
statistic (`analysis.shifts.scan_dyad`, reused, not copied) to the dyad's own undirected country
series, which holds exactly the per-period counts it needs. Event ids are not attached (the page
links to the events instead). tests/test_web_units.py checks that both give the same shifts.
"""

from __future__ import annotations

from datetime import date
from typing import Any


def dyad_shifts(points: list[Any], a: str, b: str, by: str, window: int = 8, threshold: float = 2.0,
                min_events: int = 3, min_sd: float = 1.0) -> list[Any]:  # fmt: skip
    """Shifts of the undirected dyad a–b from its series (``analysis.series.dyad_series``, undirected, country)."""
    from dyadwatch.analysis.shifts import scan_dyad

    rows = {_start(p.period): (p.events, p.net_cooperation, p.goldstein_sum) for p in points if p.events}
    if not rows:
        return []
    pair = tuple(sorted((a.upper(), b.upper())))
    found = scan_dyad(pair, rows, by, window, threshold, min_events, "net_cooperation", min_sd)
    return sorted(found, key=lambda s: (-abs(s.score), s.period))


def _start(period: str) -> date:
    return date.fromisoformat(period if len(period) == 10 else period + "-01")
