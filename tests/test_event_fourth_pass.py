"""Fourth pass on event coverage (issue 10), one test per class of cases, on invented sentences through the real
model: findings of an inquiry, criminal charges as accusations (PLOVER ACCUSE 'allege'), criticism delivered as a
noun, blame, more kinds of reported wrongdoing, reproaches, rejections of proposals, campaign stops, disapproval of
things, row checks that pick a word's sense, and a speech pronoun's gender (docs/events.md, "Fourth pass")."""

from __future__ import annotations

import pytest
from eventtools import asserted_pairs as asserted


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


@pytest.mark.parametrize(
    "text",
    [
        "Senator Elizabeth Warren delivered a scathing critique of Donald Trump's business record.",
        "Senator Elizabeth Warren offered a sharp rebuke of Donald Trump on Tuesday.",
    ],
)
def test_a_criticism_noun_a_verb_delivers_is_made_by_that_verbs_subject(code_events, text):
    pairs = asserted(code_events(text), "ACCUSE")
    assert pairs and all("Warren" in actor and "Trump" in recipient for actor, recipient in pairs), pairs


def test_a_light_verb_with_its_own_row_and_its_noun_give_one_event(code_events):
    events = code_events("Senator Elizabeth Warren issued a blistering condemnation of Donald Trump.")
    assert len(asserted(events, "ACCUSE")) == 1, [(e.trigger, e.actor, e.recipient) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Donald Trump said he holds Hillary Clinton responsible for the refugee crisis.",
        "Donald Trump held Hillary Clinton accountable for the attack in Benghazi.",
    ],
)
def test_holding_someone_responsible_is_blame(code_events, text):
    pairs = asserted(code_events(text), "ACCUSE")
    assert pairs and all("Trump" in actor and "Clinton" in recipient for actor, recipient in pairs), pairs


def test_holding_talks_or_shares_is_no_blame(code_events):
    assert not asserted(code_events("The pension fund held the shares for a year."), "ACCUSE")
    events = code_events("Barack Obama held talks with Vladimir Putin in Paris.")
    assert asserted(events, "CONSULT") and not asserted(events, "ACCUSE")


@pytest.mark.parametrize(
    "text",
    [
        # a definite "the report" refers back to the report a body released earlier in the article
        "The Senate Intelligence Committee released its report on Tuesday. The report faulted the CIA for its "
        "interrogation program.",
        "The Senate Intelligence Committee released its report on Tuesday. The report found that the CIA had "
        "misled the White House.",
        "The report by the Senate Intelligence Committee criticized the CIA.",  # the maker in a by-phrase
    ],
)
def test_an_inquirys_findings_are_made_by_the_body_behind_it(code_events, text):
    pairs = asserted(code_events(text), "ACCUSE")
    committee = ("Intelligence", "Congress")  # the resolver names a congressional committee by its chamber
    assert pairs and all(any(w in actor for w in committee) and "CIA" in recipient for actor, recipient in pairs)


def test_a_report_with_no_maker_in_the_article_gets_none(code_events):
    events = code_events("A report released on Tuesday faulted the CIA for its interrogation program.")
    assert all(not e.actor for e in events if e.event_type == "ACCUSE"), [(e.actor, e.recipient) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Trey Gowdy said James Comey had lost all credibility.",  # a standing lost
        "Trey Gowdy said James Comey had bent the rules for Hillary Clinton.",  # a rule breached
        "Trey Gowdy said James Comey had violated department policy.",
        "Trey Gowdy said James Comey had overstepped his authority.",
        "Trey Gowdy suggested that James Comey had been too lenient.",  # a quality in excess
        "Trey Gowdy said James Comey should be ashamed of himself.",
    ],
)
def test_reported_wrongdoing_of_more_kinds_is_criticism(code_events, text):
    pairs = asserted(code_events(text), "ACCUSE")
    assert pairs and all("Gowdy" in actor and "Comey" in recipient for actor, recipient in pairs), pairs


@pytest.mark.parametrize(
    "text",
    [
        "Trey Gowdy said James Comey broke the news to the director on Friday.",  # "break" without a rule
        "Trey Gowdy said the committee had lost the vote.",  # a loss, not of standing
        "Barack Obama said Vladimir Putin was too important to ignore.",  # a degree measured, no fault
        "Bernie Sanders said the campaign had violated no rules.",  # the wrongdoing denied
    ],
)
def test_the_same_words_without_a_fault_are_no_criticism(code_events, text):
    assert not asserted(code_events(text), "ACCUSE"), text


def test_refusing_to_hold_hearings_is_a_rejection_though_hold_has_a_blame_row(code_events):
    """A row's checks pick the word's sense everywhere the lexicon is asked, also when a refusal asks what the
    refused act is: "hold hearings" is no "hold responsible"."""
    events = code_events("Senator Chuck Grassley has refused to hold hearings for Merrick Garland.")
    pairs = asserted(events, "REJECT")
    assert pairs and all("Grassley" in actor and "Garland" in recipient for actor, recipient in pairs), pairs


@pytest.mark.parametrize(
    "text",
    [
        "Phyllis Schlafly condemned homosexuality in her columns.",  # a thing, no one's act
        "Ben Carson blamed the national debt for keeping interest rates low.",
    ],
)
def test_disapproving_of_a_thing_is_an_opinion_not_an_accusation(code_events, text):
    assert not asserted(code_events(text), "ACCUSE"), text


@pytest.mark.parametrize(
    "text",
    [
        "Senator Bernie Sanders criticized the climate accord adopted in Paris.",  # a policy: PLOVER 'decry a policy'
        "The Japanese government condemned the attack as despicable.",  # someone's act
        "Senator Ted Cruz blamed the network for its reporting.",  # a body the resolver cannot name
        "Donald Trump has smeared women because of their looks.",  # people
        "Marco Rubio mocked his hand size.",  # someone's
    ],
)
def test_disapproving_of_an_act_a_policy_or_people_stays_an_accusation(code_events, text):
    assert asserted(code_events(text), "ACCUSE"), text


@pytest.mark.parametrize(
    "text",
    [
        "Senator Mitch McConnell opposed the nomination of Merrick Garland.",  # opposing a proposal rejects it
        "Senate Republicans blocked President Barack Obama's Supreme Court nominee.",
        "Hillary Clinton dismissed the FBI's findings.",
        "Senator Bernie Sanders voted against the Iraq war resolution.",
    ],
)
def test_opposing_blocking_or_dismissing_a_proposal_is_a_rejection(code_events, text):
    events = code_events(text)
    assert asserted(events, "REJECT"), [(e.event_type, e.trigger) for e in events]
    assert not asserted(events, "ACCUSE"), text


@pytest.mark.parametrize(
    "text",
    [
        "Hillary Clinton met voters at a diner in Des Moines.",  # a campaign stop
        "Senator Bernie Sanders met with supporters after the rally.",
        "Hillary Clinton talked to reporters aboard her campaign plane.",  # the press (one set for every row)
    ],
)
def test_meeting_the_public_or_the_press_is_no_consultation(code_events, text):
    assert not asserted(code_events(text), "CONSULT"), text


@pytest.mark.parametrize(
    "text",
    [
        "Hillary Clinton met with workers impacted by the layoffs.",  # a group the meeting is about
        "Donald Trump met with evangelical leaders in New York.",
    ],
)
def test_meeting_a_described_group_or_leaders_is_a_consultation(code_events, text):
    assert asserted(code_events(text), "CONSULT"), text


def test_should_have_done_is_a_reproach_not_a_demand(code_events):
    """A demand is of the future; "should have recommended charges" says the target failed to: ACCUSE."""
    events = code_events("Corey Lewandowski said James Comey should have recommended charges.")
    pairs = asserted(events, "ACCUSE")
    assert pairs and all("Lewandowski" in a and "Comey" in r for a, r in pairs), pairs
    assert not asserted(events, "REQUEST")
    demand = code_events("Corey Lewandowski said James Comey should recommend charges.")
    assert asserted(demand, "REQUEST") and not asserted(demand, "ACCUSE")


@pytest.mark.parametrize(
    "text",
    [
        "Republicans have long argued that Hillary Clinton put national security at risk.",
        "Corey Lewandowski said James Comey made a grave mistake.",
    ],
)
def test_an_endangering_or_an_error_imputed_is_criticism(code_events, text):
    assert asserted(code_events(text), "ACCUSE"), text


def test_she_in_a_mans_speech_is_not_the_speaker(code_events):
    """The speech pronoun rule ("Clinton said she would ...": the speaker) needs the pronoun's gender to fit."""
    events = code_events("Hillary Clinton campaigned in Ohio on Monday. Ted Cruz said she had attacked him unfairly.")
    pairs = asserted(events, "ACCUSE")
    assert any("Clinton" in actor and "Cruz" in recipient for actor, recipient in pairs), pairs
    assert not any("Cruz" in actor and "Cruz" in recipient for actor, recipient in pairs), pairs


def test_encouraging_someone_to_act_is_a_request_and_encouraging_them_is_support(code_events):
    events = code_events("Hillary Clinton has encouraged the State Department to release her email quickly.")
    assert asserted(events, "REQUEST") and not asserted(events, "SUPPORT")
    assert asserted(code_events("Barack Obama encouraged the Syrian opposition."), "SUPPORT")


def test_a_pledge_of_a_hostile_act_codes_no_threat_without_its_maker(code_events):
    """ "who has repeatedly pledged to ban all Muslims": the pledge has its own row, so no threat is derived."""
    text = "Donald Trump is a serial liar who has repeatedly pledged to ban all Muslims from entering the U.S."
    assert not asserted(code_events(text), "THREATEN")
