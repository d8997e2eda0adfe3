"""Sixth pass on events (issue 10), on invented sentences through the real model (docs/events.md, "Sixth pass"):
criticism carried by nouns whose maker or target the verbs around them name -- criticism received from someone
("drew criticism from", "came under fire from"), criticism taken up ("echoed criticism of"), remarks qualified as
disparaging, blame laid on someone, a harm someone is said to be responsible for -- endorsements received, clashes
whose violence is in another clause, and tables of sentences that report no act (sides described, acts called for
or after "as opposed to", sales, greetings) beside counter-cases that must still code."""

from __future__ import annotations

import pytest
from eventtools import asserted_pairs as asserted

# Acts whose maker and target the words around a noun (or a received act) name: class, type, maker, target, sentence.
SIDES = [
    ("received", "ACCUSE", "Trump", "Rubio",
     "Senator Marco Rubio drew criticism from Donald Trump for his immigration bill."),
    ("received", "ACCUSE", "Trump", "Cruz",
     "Senator Ted Cruz has come under fire from Donald Trump over his Canadian birth."),
    ("taken up", "ACCUSE", "Trump", "Carson",
     "Donald Trump picked up on the criticism of Ben Carson in an interview with ABC."),
    ("taken up", "ACCUSE", "Sanders", "Clinton",
     "Bernie Sanders echoed criticism of Hillary Clinton's speeches to Goldman Sachs."),
    ("remarks", "ACCUSE", "Trump", "Curiel",
     "Hillary Clinton condemned Donald Trump's racist remarks about Judge Gonzalo Curiel."),
    ("remarks", "ACCUSE", "Trump", "Kelly",
     "Donald Trump's derogatory comments about Megyn Kelly drew rebukes on Sunday."),
    ("blame", "ACCUSE", "Obama", "Republican",
     "President Barack Obama put the blame on Senate Republicans for the shutdown."),
    ("blame", "ACCUSE", "Trump", "Clinton",
     "Donald Trump cast the blame on Hillary Clinton for the attack in Benghazi."),
    ("blame", "ACCUSE", "Republican", "Clinton",
     "House Republicans pointed the finger at Hillary Clinton over Benghazi."),
    ("endorsed", "SUPPORT", "Walker", "Cruz",
     "Senator Ted Cruz won the endorsement of Governor Scott Walker last week."),
    ("endorsed", "SUPPORT", "Pence", "Cruz",
     "Senator Ted Cruz received an endorsement from Governor Mike Pence on Friday."),
    ("endorsed", "SUPPORT", "Walker", "Cruz",
     "Senator Ted Cruz picked up the backing of Governor Scott Walker in April."),
    ("endorsed", "SUPPORT", "Grijalva", "Sanders",
     "Bernie Sanders touted the endorsement of Representative Raul Grijalva of Arizona."),
]


@pytest.mark.parametrize(("kind", "etype", "maker", "target", "text"), SIDES, ids=[f"{r[0]}-{i}" for i, r in
                                                                                  enumerate(SIDES)])
def test_the_maker_and_target_of_an_act_named_around_a_noun(code_events, kind, etype, maker, target, text):
    pairs = asserted(code_events(text), etype)
    assert any(maker in actor and target in recipient for actor, recipient in pairs), (kind, text, pairs)


@pytest.mark.parametrize(
    "text",
    [
        "The convoy came under fire from insurgents near Kandahar on Tuesday.",
        "Senator Marco Rubio's comments about the economy drew applause from the crowd.",
        "Donald Trump's remarks about Hillary Clinton drew laughter in the hall.",
    ],
)
def test_gunfire_and_plain_remarks_are_no_criticism(code_events, text):
    assert not asserted(code_events(text), "ACCUSE"), text


@pytest.mark.parametrize(
    ("text", "maker", "target"),
    [
        ("Hillary Clinton said Donald Trump is responsible for the violence at his rallies.", "Clinton", "Trump"),
        ("Secretary John Kerry said the Syrian government was responsible for the chemical attack.", "Kerry", "SYR"),
    ],
)
def test_saying_someone_is_responsible_for_a_harm_blames_them(code_events, text, maker, target):
    events = [e for e in code_events(text) if e.event_type == "ACCUSE" and e.asserted]
    found = [(e.actor.name or e.actor.text, e.recipient.name or e.recipient.text, e.recipient.country) for e in events
             if e.actor and e.recipient]
    assert any(maker in actor and (target in recipient or target == country) for actor, recipient, country in found), (
        text, found)


def test_being_responsible_for_a_good_thing_is_no_blame(code_events):
    events = code_events("Governor Andrew Cuomo said Mayor Bill de Blasio was responsible for the city's recovery.")
    assert not asserted(events, "ACCUSE")


def test_pointing_a_finger_in_a_face_is_a_gesture(code_events):
    events = code_events("Hillary Clinton responded by pointing a finger in the woman's face at the town hall.")
    assert not asserted(events, "ACCUSE")


def test_violence_in_another_clause_leaves_a_clash_between_politicians_verbal(code_events):
    text = ("Mr. Donald Trump suggested boycotting Apple over the phone of one of the attackers in San Bernardino, "
            "clashed with Mark Zuckerberg over immigration and mocked him.")
    events = code_events(text)
    clash = [e for e in events if e.trigger.startswith("clashed")]
    assert clash and all(e.event_type == "ACCUSE" for e in clash), [(e.event_type, e.trigger) for e in events]


def test_violence_in_the_clash_s_own_clause_keeps_it_physical(code_events):
    events = code_events("Police clashed with protesters in Ferguson on Sunday.")
    assert asserted(events, "ASSAULT") and not asserted(events, "ACCUSE")


# Descriptions of which side someone is on, acts only called for, sales, states of controversy and cautions that
# only describe: no act reported (and counter-cases that code).
NOT_ACTS = [
    "The caucuses are run by party regulars, a group that is vigorously opposed to Donald Trump.",
    "He wanted to gather the largest number of people opposed to the current government in Kiev.",
    "Party leaders are another group that strongly opposes Donald Trump.",
    "Social media outlets were flooded with calls to boycott the films of Bradley Cooper.",
    "In 2008, Paul Manafort and the developer Arthur Cohen negotiated a deal to buy the site of the Drake Hotel.",
    "Donald Trump once again found himself embroiled in controversy over his remarks.",
    '"Your success depends on you," Michelle Stevens says, but she cautions that she sees two different sides to it.',
    "Welcome to POLITICO New York's Culture-Business Report, a weekly digest of news from the arts industries.",
]
STILL_CODED = [
    ("Senator Mitch McConnell opposed the nomination of Merrick Garland in March.", "REJECT"),
    ("Senator John McCain, who opposed the war in 2003, met with Secretary John Kerry on Tuesday.", "CONSULT"),
    ("Bernie Sanders endorsed Hillary Clinton on Tuesday in Portsmouth.", "SUPPORT"),
    ("Iran negotiated a deal with the European Union on its nuclear programme.", "CONSULT"),
    ("Secretary John Kerry cautioned Russia against any move into Ukraine.", "THREATEN"),
]


@pytest.mark.parametrize("text", NOT_ACTS)
def test_sides_described_and_acts_called_for_code_no_asserted_event(code_events, text):
    events = [e for e in code_events(text) if e.asserted]
    assert not events, [(e.event_type, e.trigger) for e in events]


@pytest.mark.parametrize(("text", "etype"), STILL_CODED)
def test_acts_next_to_those_descriptions_still_code(code_events, text, etype):
    events = code_events(text)
    assert [e for e in events if e.event_type == etype and e.asserted], [(e.event_type, e.trigger) for e in events]


def test_a_round_of_attacks_between_politicians_is_verbal(code_events):
    text = ("Hillary Clinton dove deeper into Donald Trump's record on Tuesday, launching a new round of attacks "
            "designed to paint the billionaire as a fraud.")
    events = code_events(text)
    assert asserted(events, "ACCUSE") and not asserted(events, "ASSAULT"), [(e.event_type, e.trigger) for e in events]


# An act proposed or set aside beside the same act done: type, sentence where it is not done, sentence where it is.
NOT_DONE_AND_DONE = [
    ("RETREAT",
     "Later, Wisconsin Gov. Scott Walker endorsed one of their preferred methods for stopping Donald Trump: freeing "
     "all 2,472 Republican National Convention delegates to vote their conscience.",
     "Iran freed the ten American sailors on Wednesday: releasing them after a day of talks with John Kerry."),
    ("ACCUSE",
     "Right to Rise USA spent $1.2 million on digital ads to boost Jeb Bush's campaign, as opposed to attacking his "
     "rivals.",
     "Senator Marco Rubio attacked Donald Trump, as opposed to Ted Cruz, who stayed quiet."),
]


@pytest.mark.parametrize(("etype", "not_done", "done"), NOT_DONE_AND_DONE)
def test_a_gerund_spelling_out_a_method_or_after_as_opposed_to_is_not_done(code_events, etype, not_done, done):
    assert not asserted(code_events(not_done), etype)
    assert asserted(code_events(done), etype)


def test_retaliating_with_a_quote_is_words_and_with_airstrikes_is_force(code_events):
    words_only = code_events('"France will always be France," an angry President Francois Hollande retaliated.')
    assert asserted(words_only, "ACCUSE") and not asserted(words_only, "ASSAULT")
    assert asserted(code_events("Israel retaliated with airstrikes on Gaza on Sunday."), "ASSAULT")


def test_social_media_is_where_a_tribute_was_paid_not_to_whom(code_events):
    pairs = asserted(code_events("Others paid tribute on social media to Senator John McCain."), "SUPPORT")
    assert pairs and all("McCain" in recipient for _, recipient in pairs), pairs


def test_a_debate_stage_or_a_conference_is_where_not_whom(code_events):
    pairs = asserted(code_events("Hillary Clinton and Bernie Sanders clashed on the Miami debate stage on Wednesday."),
                     "ACCUSE")
    assert pairs and all("stage" not in recipient for _, recipient in pairs), pairs
    text = "At the Republican Jewish Coalition conference, Senator Lindsey Graham called out Donald Trump."
    assert all("conference" not in recipient for _, recipient in asserted(code_events(text), "ACCUSE"))


def test_a_name_apposed_to_a_description_the_tagger_calls_an_adjective_is_the_target(code_events):
    pairs = asserted(code_events("Senator Lindsey Graham attacked his rival Donald Trump for alienating Hispanics."),
                     "ACCUSE")
    assert any("Graham" in actor and "Trump" in recipient for actor, recipient in pairs), pairs
