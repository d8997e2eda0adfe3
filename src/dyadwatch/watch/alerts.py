"""Alerts: shifts in the dyads a round touched, raised once, then printed, stored and delivered.

``analysis.shifts.detect_shifts`` decides what a shift is; the watcher only asks it about the
dyads with new events, keeps the shifts not raised before (``alerts`` table, keyed by dyad,
period and measure) and hands them on: stdout, a JSONL file, a webhook (one POST per round with
``{"alerts": [...]}``). A failed delivery is logged and recorded; the alert stays stored and is
not sent again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

import duckdb
import httpx

from dyadwatch.analysis.shifts import Shift
from dyadwatch.watch.config import Settings
from dyadwatch.watch.fetcher import user_agent

WEBHOOK_TIMEOUT_S = 10.0


@dataclass
class Alert(Shift):
    """A shift raised by the watcher: ``analysis.shifts.Shift`` plus when it was raised."""

    raised_at: str = ""

    def line(self) -> str:
        return (
            f"ALERT {self.a}-{self.b} {self.period} ({self.by}): {self.direction} shift, {self.measure} "
            f"{self.value:.2f} (baseline {self.baseline_mean:.2f} ± {self.baseline_sd:.2f}, score {self.score:.1f}, "
            f"{len(self.event_ids)} events)"
        )


def raise_alerts(
    con: duckdb.DuckDBPyConnection, dyads: Iterable[tuple[str, str]], settings: Settings, now: datetime
) -> list[Alert]:
    """Shifts of these dyads not raised before, stored in ``alerts`` as they are found."""
    from dyadwatch.analysis.shifts import detect_shifts

    shifts = detect_shifts(
        con, by=settings.by, window=settings.window, threshold=settings.threshold,
        min_events=settings.min_events, dyads=sorted(set(dyads)),
    )  # fmt: skip
    raised = []
    for shift in shifts:
        alert = _alert(shift, now)
        if _store_new(con, alert, now):
            raised.append(alert)
    return raised


def _alert(shift: object, now: datetime) -> Alert:
    values = {name: getattr(shift, name) for name in Alert.__dataclass_fields__ if hasattr(shift, name)}
    values["event_ids"] = [str(e) for e in values.get("event_ids") or []]
    values["raised_at"] = now.isoformat(timespec="seconds")
    return Alert(**values)


def _store_new(con: duckdb.DuckDBPyConnection, alert: Alert, now: datetime) -> bool:
    """Insert the alert unless one with the same dyad, period and measure is stored; True if inserted."""
    key = [alert.a, alert.b, alert.period, alert.measure]
    if con.execute("SELECT 1 FROM alerts WHERE a = ? AND b = ? AND period = ? AND measure = ?", key).fetchone():
        return False
    con.execute(
        "INSERT INTO alerts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [*key[:3], alert.by, alert.measure, alert.value, alert.baseline_mean, alert.baseline_sd, alert.score,
         alert.direction, alert.event_ids, now],
    )  # fmt: skip
    return True


def deliver_alerts(alerts: list[Alert], settings: Settings, on_failure: Callable[[str, str], None]) -> None:
    """Print each alert; append them to the JSONL file and POST them to the webhook when configured."""
    for alert in alerts:
        print(alert.line(), flush=True)
    records = [asdict(a) for a in alerts]
    if settings.alerts_jsonl:
        try:
            with Path(settings.alerts_jsonl).open("a", encoding="utf-8") as out:
                out.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        except OSError as exc:
            on_failure(settings.alerts_jsonl, f"cannot write: {exc.strerror or exc}")
    if settings.webhook:
        _post(settings.webhook, records, settings, on_failure)


def _post(url: str, records: list[dict], settings: Settings, on_failure: Callable[[str, str], None]) -> None:
    """The webhook is the user's own endpoint, named in their config: it is not subject to the URL guard."""
    try:
        headers = {"User-Agent": user_agent(settings.contact)}
        response = httpx.post(url, json={"alerts": records}, timeout=WEBHOOK_TIMEOUT_S, headers=headers)
    except httpx.HTTPError as exc:
        on_failure(url, f"{exc.__class__.__name__}: {exc}")
        return
    if response.status_code >= 400:
        on_failure(url, f"HTTP {response.status_code}")
