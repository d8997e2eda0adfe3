"""Fifth pass on events (issues 10 and 11), on invented sentences through the real model (docs/events.md, "Fifth
pass"): coverage classes (physical assault on a person, retorts, criticism whose topic is violent, disapproval of an
investigation or a policy, inspector-general findings), participant rules (one group acting on "each other", "we"
in a quote, the country of a thing acted on), and a table of sentences that report no act (NOT_ACTS) beside a table
of counter-cases that must still code (STILL_CODED)."""

from __future__ import annotations

import pytest
from eventtools import asserted_pairs as asserted


@pytest.mark.parametrize(
    "text",
    [
        "Campaign manager Corey Lewandowski grabbed the reporter Michelle Fields by the arm.",
        "Senator Ted Cruz punched Senator Marco Rubio after the debate.",
        "Governor Chris Christie shoved the photographer Christopher Morris to the ground.",
    ],
)
def test_a_physical_assault_on_a_person_is_an_assault(code_events, text):
    pairs = asserted(code_events(text), "ASSAULT")
    assert pairs and all(actor and recipient for actor, recipient in pairs), (text, pairs)


@pytest.mark.parametrize(
    "text",
    [
        "The story about Senator Ted Cruz grabbed headlines across the country.",
        "Hillary Clinton grabbed the Democratic nomination in June.",
        "Senator Rand Paul punched a hole in the argument of Governor Chris Christie.",
    ],
)
def test_grabbing_or_punching_a_thing_is_no_assault(code_events, text):
    assert not asserted(code_events(text), "ASSAULT"), text


def test_hitting_back_at_someone_is_a_retort(code_events):
    pairs = asserted(code_events("Donald Trump hit back at Hillary Clinton on Twitter on Monday."), "ACCUSE")
    assert pairs and all("Trump" in actor and "Clinton" in recipient for actor, recipient in pairs), pairs


def test_hitting_back_with_airstrikes_is_not_a_retort(code_events):
    events = code_events("Israel hit back at Hamas with airstrikes on Gaza on Monday.")
    assert not asserted(events, "ACCUSE"), [(e.event_type, e.trigger) for e in events]


def test_a_war_named_in_the_reason_for_criticism_leaves_it_verbal(code_events):
    events = code_events("Senator Bernie Sanders hit Hillary Clinton over her vote for the Iraq war.")
    pairs = asserted(events, "ACCUSE")
    assert pairs and all("Clinton" in recipient for _, recipient in pairs), pairs
    assert not asserted(events, "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "House Democrats condemned the investigation as a political witch hunt.",
        "Senator Bernie Sanders has been highly critical of the trade deal.",
    ],
)
def test_disapproving_of_an_investigation_or_a_deal_is_criticism(code_events, text):
    pairs = asserted(code_events(text), "ACCUSE")
    assert pairs and all(actor for actor, _ in pairs), (text, pairs)


def test_being_critical_of_a_thing_is_no_accusation(code_events):
    assert not asserted(code_events("Senator Bernie Sanders has been highly critical of the weather."), "ACCUSE")


def test_an_inspector_general_finding_wrongdoing_accuses(code_events):
    events = code_events("The State Department's inspector general concluded that Hillary Clinton ignored warnings.")
    pairs = asserted(events, "ACCUSE")
    assert pairs and all("Clinton" in recipient for _, recipient in pairs), pairs


@pytest.mark.parametrize(
    "text",
    [
        "Clinton's allies worry about the big-money conservative groups opposing Hillary Clinton.",
        "One pastor supporting Senator Ted Cruz, Darran Whiting of Liberty Baptist Church, made 150 phone calls.",
    ],
)
def test_a_participle_telling_a_nouns_side_is_no_act(code_events, text):
    events = code_events(text)
    coded = [(e.event_type, e.trigger) for e in events]
    assert not asserted(events, "SUPPORT") and not asserted(events, "ACCUSE"), coded


def test_a_participle_of_stance_as_the_main_verb_still_counts(code_events):
    pairs = asserted(code_events("Conservative groups are opposing Hillary Clinton in Ohio."), "ACCUSE")
    assert pairs and all("Clinton" in recipient for _, recipient in pairs), pairs


def test_an_act_under_a_stated_position_is_not_done(code_events):
    events = code_events("Donald Trump said his position on banning Muslims has gotten bigger.")
    assert not asserted(events, "COERCE"), [(e.event_type, e.trigger) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Donald Trump visited Scotland for the opening of a golf course in June.",
        "Jimmy Ghazal, a Lebanese man visiting Nice with his family, told ABC News that he heard the blast.",
        "Clinton, who was speaking to the US Conference of Mayors, did not mention Donald Trump by name.",
    ],
)
def test_private_trips_and_speeches_to_a_conference_are_no_consultation(code_events, text):
    events = code_events(text)
    assert not asserted(events, "CONSULT"), [(e.event_type, e.trigger, e.recipient) for e in events]


def test_a_state_visit_is_still_a_visit(code_events):
    pairs = asserted(code_events("President Barack Obama visited Jerusalem in 2013."), "CONSULT")
    assert pairs and all("Obama" in actor for actor, _ in pairs), pairs


def test_an_obligation_of_things_asks_no_one(code_events):
    events = code_events("Donald Trump said things should be wrapped up by Cleveland.")
    assert not asserted(events, "REQUEST"), [(e.event_type, e.trigger, e.recipient) for e in events]


def test_organizing_rallies_against_something_is_still_a_protest(code_events):
    events = code_events("Native American activists organized rallies against the pipeline in North Dakota.")
    assert [e for e in events if e.event_type == "PROTEST" and e.asserted], [(e.event_type, e.trigger) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "Senator Barbara Boxer declined to run for reelection in California.",
        "A senior State Department official, who requested anonymity to discuss the talks, said they went well.",
    ],
)
def test_declining_to_run_and_requesting_anonymity_are_no_acts(code_events, text):
    events = [e for e in code_events(text) if e.asserted and e.event_type in {"REJECT", "REQUEST"}]
    assert not events, [(e.event_type, e.trigger) for e in events]


def test_declining_to_meet_someone_is_still_a_refusal(code_events):
    events = code_events("President Barack Obama declined to meet the Dalai Lama in Washington.")
    assert [e for e in events if e.event_type == "REJECT" and e.asserted], [(e.event_type, e.trigger) for e in events]


def test_guns_in_the_record_attacked_leave_the_attack_verbal(code_events):
    events = code_events("Later in the day, Hillary Clinton escalated her attacks on Bernie Sanders' record on guns.")
    assert [e for e in events if e.event_type == "ACCUSE" and e.asserted], [(e.event_type, e.trigger) for e in events]
    assert not [e for e in events if e.event_type == "ASSAULT" and e.asserted]


def test_a_ban_called_for_is_not_done(code_events):
    events = code_events("Donald Trump called for temporarily barring all Muslims from entering the United States.")
    coerce = [e for e in events if e.event_type == "COERCE" and e.asserted]
    assert not coerce, [(e.event_type, e.trigger) for e in events]


def test_an_attempt_inside_a_condition_is_no_attack(code_events):
    events = code_events('"I would stand with people I disagree with if someone was trying to murder them," he said.')
    attacks = [e for e in events if e.event_type == "ASSAULT" and e.asserted]
    assert not attacks, [(e.event_type, e.trigger) for e in events]


def test_a_peace_agreement_and_gunfire_still_count(code_events):
    assert [e for e in code_events("Israel signed a peace agreement with Jordan in 1994.") if e.asserted]
    assert [
        e
        for e in code_events("Taliban gunmen shot at the convoy near Kabul on Monday.")
        if e.event_type == "ASSAULT" and e.asserted
    ]


def test_ever_since_is_no_clause_of_experience(code_events):
    events = code_events("Ever since Senator Elizabeth Warren endorsed Hillary Clinton, she has been a surrogate.")
    assert [e for e in events if e.event_type == "SUPPORT" and e.asserted], [(e.event_type, e.trigger) for e in events]


def test_quelling_riots_is_still_repression_and_exchanging_shots_in_words_is_criticism(code_events):
    assert [
        e
        for e in code_events("Police quelled the riots in Ferguson on Monday night.")
        if e.event_type == "COERCE" and e.asserted
    ]
    events = code_events("Bernie Sanders and Hillary Clinton exchange shots as the crucial New York contest nears.")
    attacks = [e for e in events if e.event_type == "ASSAULT" and e.asserted]
    assert not attacks, [(e.event_type, e.trigger) for e in events]


def test_clashing_with_someone_over_an_issue_is_criticism_and_troops_clashing_is_fighting(code_events):
    pairs = asserted(code_events("Donald Trump clashed with Mark Zuckerberg over immigration."), "ACCUSE")
    assert pairs and all("Trump" in actor for actor, _ in pairs), pairs
    assert asserted(code_events("Israeli troops clashed with Palestinian protesters in Hebron."), "ASSAULT")


def test_one_group_accusing_each_other_is_both_sides(code_events):
    events = code_events("The Republican candidates accused each other of lying about their records.")
    rows = [
        (e.actor.text, e.recipient.text)
        for e in events
        if e.event_type == "ACCUSE" and e.asserted and e.actor is not None and e.recipient is not None
    ]
    assert rows and all(actor == recipient for actor, recipient in rows), rows


def test_the_country_of_a_thing_criticised_does_not_place_the_critic(code_events):
    events = [e for e in code_events("The senator sharply criticized the Iran deal on Tuesday.") if e.asserted]
    assert events and all(e.actor is not None and e.actor.country != "IRN" for e in events), [
        (e.event_type, e.actor) for e in events
    ]


def test_the_nationality_of_people_acted_on_still_places_the_actor(code_events):
    events = code_events("Judge Alejandro Rivera opened fraud investigations against 28 Chilean government officials.")
    assert [e for e in events if e.actor is not None and e.actor.country == "CHL"], [
        (e.event_type, e.actor) for e in events
    ]


def test_we_attacked_in_a_quote_is_the_speakers_country(code_events):
    events = code_events('"We were attacked in downtown Manhattan," Hillary Clinton said on Sunday.')
    attacks = [e for e in events if e.event_type == "ASSAULT" and e.asserted]
    assert attacks and all(e.recipient is not None and e.recipient.country == "USA" for e in attacks), [
        (e.event_type, e.recipient) for e in events
    ]
    assert not any(e.recipient is not None and "Manhattan" in e.recipient.text for e in attacks)


def test_god_forgiving_us_in_a_quote_is_no_act_on_the_speaker(code_events):
    events = code_events('"God will forgive us and heal our land," Senator Ted Cruz said.')
    assert not [e for e in events if e.asserted and e.recipient is not None and e.recipient.text.lower() == "us"]


# Sentences of the classes above that report no act; the label names the kind of class (opinion, a scene of speech,
# a trip or a contest, a report or the press, the market or a chance, advice or a failed move, routine, a vote).
NOT_ACTS = [
    ("no-deed", "Mel Sembler, a Florida developer, has agreed to serve as a vice chairman of the finance committee."),
    ("vote-or-poll", "Hillary Clinton is backed by 520 superdelegates, compared with 39 delegates who back Sanders."),
    ("law-as-actor", "The new legislation returns more responsibility for education to the states."),
    ("vote-or-poll", "Black voters have backed Hillary Clinton in high numbers in the South."),
    ("vote-or-poll", "A strong majority of union members support Hillary Clinton."),
    ("opinion", "Donald Trump and his aides are organizing fundraisers and rallies in Virginia, Florida and Texas."),
    ("opinion", '"Thank God, I am very healthy," Donald Trump said on Monday.'),
    ("opinion", "Women back Bernie Sanders by almost 20 points in the latest poll."),
    ("opinion", '"I am always looking for a way to serve the nation," Senator Marco Rubio said.'),
    ("opinion", "Senator Ted Cruz said the states should have the ability to set their own rules."),
    ("no-deed", "Jim VandeHei stepped down last week as Politico's chief executive."),
    ("no-deed", "Republican strategists concede that a Trump loss could pull incumbents such as Kelly Ayotte down."),
    ("no-deed", "Michael Bloomberg tried to ban sales of large sodas in New York City."),
    (
        "setting",
        "Speaking to the Republican Jewish Coalition in Washington, Donald Trump wavered in answering a question.",
    ),
    ("setting", "John Smith is running to be a delegate when the Republican Party meets next Wednesday in Fargo."),
    ("setting", 'Bernie Sanders says he respects Hillary Clinton and calls her "an extremely intelligent woman."'),
    ("setting", "Tim Selaty, organizer of a group called Citizens for Trump, expects 5,000 people in Cleveland."),
    ("setting", "President Recep Tayyip Erdogan laments hosting the growing number of migrants in Turkey."),
    ("trip-or-contest", "Donald Trump visited the state on Aug. 19."),
    ("trip-or-contest", "Bernie Sanders is speaking to a rising generation who want a better capitalism."),
    ("trip-or-contest", "Donald Trump named Senator Ted Cruz when asked to pick a possible running mate."),
    (
        "trip-or-contest",
        "In the 2016 election, Donald Trump beat a large field of 16 GOP candidates to clinch the nomination.",
    ),
    ("report-or-press", "Last year, German police reported 906 attacks against asylum seeker homes."),
    (
        "report-or-press",
        "Over one 12-year stretch in the House, Bernie Sanders passed more amendments than any other member.",
    ),
    ("report-or-press", "Bernie Sanders also made a visit to the Brooklyn apartment where he grew up."),
    ("report-or-press", "The Huffington Post spoke with Zephyr Teachout on the latest episode of its podcast."),
    ("market-or-chance", "Donald Trump signed a licensing agreement with G-III Apparel Group in 2012."),
    (
        "market-or-chance",
        "John Kasich appears to have the best odds of beating Hillary Clinton, though he has no shot at winning.",
    ),
    (
        "market-or-chance",
        "He is indiscriminate in doling out interviews: Donald Trump talks to everybody all the time.",
    ),
    ("market-or-chance", "A friend called Senator John McCain the most decent man she had ever met."),
    ("advice-or-failure", "Hillary Clinton, speaking to me for the podcast, remembers being taken aback."),
    ("advice-or-failure", "In May, the Supreme Court unanimously returned a major case on access to contraception."),
    (
        "advice-or-failure",
        "Governor Mike Pence has privately worked to quell the growing concerns surrounding the Republican ticket.",
    ),
    ("advice-or-failure", "The move to ban Donald Trump from Britain was unsuccessful."),
    ("advice-or-failure", "Judge Richard Berman refused to be the government's pawn."),
    ("advice-or-failure", '"He should relax and accept it," Newt Gingrich said of Donald Trump.'),
    (
        "question-or-advice",
        "At the debate, Senator Bernie Sanders was asked to name a decision Hillary Clinton made as a senator.",
    ),
    ("question-or-advice", '"Hillary should just do whatever she wants to do," Senator Lindsey Graham said.'),
    ("routine", "Senator Ted Cruz seemed lost, applauding along with the audience."),
    (
        "routine",
        "The Ohio Republican Party is paying for a mailer sent to every voter who requests an absentee ballot.",
    ),
    ("routine", "Cleveland hosted the Republican National Convention in July."),
    ("routine", 'Donald Trump tweeted, "Thank you Indiana!"'),
]


@pytest.mark.parametrize(("kind", "text"), NOT_ACTS, ids=[f"{k}-{i}" for i, (k, _) in enumerate(NOT_ACTS)])
def test_sentences_that_report_no_act_code_no_asserted_event(code_events, kind, text):
    events = [e for e in code_events(text) if e.asserted]
    assert not events, (kind, [(e.event_type, e.trigger) for e in events])


# Counter-cases: sentences next to each class above that must still code their act.
STILL_CODED = [
    ("Iran agreed to ship its enriched uranium to Russia.", "AGREE"),
    ("The AFL-CIO endorsed Hillary Clinton on Thursday.", "SUPPORT"),
    ("Senate Republicans support the nomination of Neil Gorsuch.", "SUPPORT"),
    ("Donald Trump spoke to Vladimir Putin by phone on Tuesday.", "CONSULT"),
    ("President Barack Obama and President Xi Jinping met in Beijing on Tuesday.", "CONSULT"),
    ("Hillary Clinton called on lawmakers to close the Charleston loophole.", "REQUEST"),
    ("Hillary Clinton attacked President Barack Obama in 2008 for being too tough on guns.", "ACCUSE"),
    ("Edward Snowden and WikiLeaks clash over the DNC emails.", "ACCUSE"),
    ("Defense Minister Gerard Longuet resigned on Tuesday after the scandal.", "CONCEDE"),
    ("French police tried to arrest the protesters in Calais.", "COERCE"),
    ("President Barack Obama visited the Kremlin in 2009.", "CONSULT"),
    ("President Barack Obama asked Congress to pass the bill.", "REQUEST"),
    ("Militants tried to kill the governor of Kandahar on Tuesday.", "ASSAULT"),
    ("Prime Minister Benjamin Netanyahu visited the White House on Monday.", "CONSULT"),
]


@pytest.mark.parametrize(("text", "etype"), STILL_CODED)
def test_counter_cases_still_code_their_act(code_events, text, etype):
    events = code_events(text)
    assert [e for e in events if e.event_type == etype and e.asserted], [(e.event_type, e.trigger) for e in events]
