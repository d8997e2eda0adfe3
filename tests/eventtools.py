"""Small helpers the event tests share: which events are asserted, and who did them to whom."""

from __future__ import annotations

from dyadwatch.models import Event


def asserted(events: list[Event], etype: str) -> list[Event]:
    """The asserted events of one PLOVER type."""
    return [e for e in events if e.event_type == etype and e.asserted]


def sides(events: list[Event]) -> list[tuple[str, str]]:
    """(actor name, recipient name) of each event, "" for a missing side."""
    return [(e.actor.name if e.actor else "", e.recipient.name if e.recipient else "") for e in events]


def asserted_pairs(events: list[Event], etype: str) -> list[tuple[str, str]]:
    """(actor name, recipient name) of the asserted events of one type."""
    return sides(asserted(events, etype))
