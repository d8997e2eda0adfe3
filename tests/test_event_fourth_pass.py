"""Fourth pass on event coverage (issue 10), one test per class of cases, on invented sentences through the real
model: findings of an inquiry, criminal charges as accusations (PLOVER ACCUSE 'allege')."""

from __future__ import annotations

import pytest

from dyadwatch.models import Event


def asserted(events: list[Event], plover: str) -> list[tuple[str, str]]:
    return [
        (e.actor.name if e.actor else "", e.recipient.name if e.recipient else "")
        for e in events
        if e.event_type == plover and e.asserted
    ]


def test_what_an_inquiry_finds_against_someone_is_its_owners_accusation(code_events):
    events = code_events(
        "The Intelligence Committee's report concluded that the CIA misled Congress about the interrogation program."
    )
    pairs = asserted(events, "ACCUSE")
    assert pairs and all("Intelligence" in actor and recipient for actor, recipient in pairs), pairs


@pytest.mark.parametrize(
    "text",
    [
        "Scientists found that the new vaccine failed in early trials.",  # a finding, but not by an inquiry
        "The committee's report found no evidence that the ambassador had lied.",  # nothing found against him
    ],
)
def test_findings_that_are_not_an_inquiry_accusing_someone_code_nothing(code_events, text):
    assert not asserted(code_events(text), "ACCUSE"), text


@pytest.mark.parametrize(
    "text",
    [
        "Federal prosecutors charged the former governor of Illinois with corruption.",
        "A grand jury indicted the mayor of Baltimore on bribery charges.",
        "The Justice Department prosecuted the senator from New Jersey for bribery.",
    ],
)
def test_criminal_charges_are_accusations_not_coercion(code_events, text):
    events = code_events(text)
    assert asserted(events, "ACCUSE"), [(e.event_type, e.trigger) for e in events]
    assert not asserted(events, "COERCE"), text
