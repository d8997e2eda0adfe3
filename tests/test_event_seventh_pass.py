"""Seventh pass on events (issue 10), on invented sentences through the real model (docs/events.md, "Seventh pass"):
attacks exchanged between two sides, attack nouns delivered with their target on the verb, the subject's own
criticism stepped up, allegations of an act of conflict, doubts cast or raised, warnings delivered, and verbs of
criticism the lexicon lacked -- beside counter-cases that must code nothing."""

from __future__ import annotations

import pytest
from eventtools import asserted_pairs as asserted

# class, type, maker, target, sentence
SIDES = [
    ("exchanged", "ACCUSE", "Cruz", "Trump", "Ted Cruz and Donald Trump traded accusations during the debate."),
    ("exchanged", "ACCUSE", "Trump", "Cruz", "Ted Cruz and Donald Trump traded accusations during the debate."),
    ("exchanged", "ACCUSE", "Clinton", "Sanders",
     "Bernie Sanders exchanged barbs with Hillary Clinton over her Wall Street speeches."),
    ("delivered to", "ACCUSE", "Pelosi", "Trump", "Nancy Pelosi delivered a sharp rebuke to Donald Trump."),
    ("delivered at", "ACCUSE", "Trump", "Bush", "Donald Trump hurled insults at Jeb Bush during the debate."),
    ("own criticism", "ACCUSE", "Republican", "Obama", "House Republicans stepped up their criticism of Barack Obama."),
    ("alleged", "ACCUSE", "Moscow", "Kyiv", "Moscow alleged that Kiev shelled the town of Debaltseve."),
    ("alleged", "ACCUSE", "Moscow", "Kyiv", "Moscow repeated its allegation that Kiev shelled the town of Debaltseve."),
    ("interference", "ACCUSE", "Putin", "Washington",
     "Vladimir Putin said Washington was meddling in Ukraine's affairs."),
    ("harm", "ACCUSE", "Cotton", "Obama", "Senator Tom Cotton said Barack Obama had weakened the military."),
    ("doubt", "ACCUSE", "Obama", "Trump", "Barack Obama cast doubt on Donald Trump's fitness for office."),
    ("doubt", "ACCUSE", "Romney", "Trump", "Mitt Romney raised questions about Donald Trump's tax returns."),
    ("warning", "THREATEN", "Putin", "West", "Vladimir Putin delivered a warning to the West over Ukraine."),
    ("warning", "THREATEN", "Beijing", "United States", "Beijing sent a warning to Washington over Taiwan."),
    ("verb", "ACCUSE", "Rubio", "Trump", "Marco Rubio knocked Donald Trump for his remarks about women."),
    ("doubt whether", "ACCUSE", "Breitbart", "Lewandowski",
     "Breitbart News raised questions about whether Corey Lewandowski had grabbed her."),
    ("verb", "ACCUSE", "Clinton", "Trump", "Hillary Clinton laid into Donald Trump over his tax returns."),
    ("verb", "ACCUSE", "Republican", "Trump", "Senate Republicans piled on Donald Trump after the debate."),
    ("verb", "ACCUSE", "Ryan", "Trump", "Paul Ryan repudiated Donald Trump's remarks about the judge."),
]


@pytest.mark.parametrize(("kind", "etype", "maker", "target", "text"), SIDES,
                         ids=[f"{r[0]}-{i}" for i, r in enumerate(SIDES)])
def test_maker_and_target_of_an_act_named_by_the_words_around_it(code_events, kind, etype, maker, target, text):
    pairs = asserted(code_events(text), etype)
    assert any(maker in actor and target in recipient for actor, recipient in pairs), (kind, text, pairs)


# sentences with no asserted act of the type
NOT_ACTS = [
    ("ACCUSE", "Analysts raised questions about the economy."),
    ("ACCUSE", "Analysts said the dollar weakened against the euro."),
    ("ACCUSE", "Moscow rejected the allegation that its jets bombed a hospital."),
    ("ACCUSE", "He knocked on doors in Iowa for Bernie Sanders."),
    ("ACCUSE", "The 2016 primaries knocked both Ted Cruz and John Kasich out of the race."),
    ("ACCUSE", "The attacks in Brussels raised new questions about security."),
    ("ACCUSE", "Conservatives and liberals alike have piled on."),
    ("ACCUSE", "Critics panned the movie."),
    ("ACCUSE", "Fans trashed the hotel lobby after the game."),
    ("ACCUSE", "The two leaders exchanged greetings at the summit."),
    ("ACCUSE", "Donald Trump took his attacks to the Senate floor."),
    ("THREATEN", "The minister repeated his warning that the economy would slow."),
    ("ACCUSE", "If she can strike the right balance between trashing Donald Trump and reassuring voters, she wins."),
    ("SUPPORT", "Clinton and Sanders would have to weigh the risks before backing the president's plan."),
    ("REJECT", "They have never worked, are not working, and will never work, even with President Obama's reforms."),
    ("ACCUSE", "Trump says he is a counterpuncher who goes after people when they go after him."),
    ("CONSULT", "But when contacted, a spokesperson for the department said the city would decide."),
    ("ACCUSE", "Seacord complained of the economic and power imbalance he sees in this country."),
    ("CONSULT", "We are meeting our benchmarks, said a spokeswoman for the committee."),
    ("CONSULT", "I just think it speaks to who you are as a candidate."),
    ("REJECT", "Jeb Bush and Hillary Clinton, among others, reject the term containment."),
    ("REJECT", "Yet he has just now hired a pollster, having rejected the need for one in the primaries."),
    ("RETREAT", "A wagon was pulled through the crowd, offering protesters free peanut butter sandwiches and water."),
]


@pytest.mark.parametrize(("etype", "text"), NOT_ACTS)
def test_no_act_of_the_type(code_events, etype, text):
    assert not asserted(code_events(text), etype), text


def test_an_exchange_of_fire_is_no_criticism(code_events):
    events = code_events("Rebels and government troops traded attacks in Aleppo on Sunday.")
    assert not asserted(events, "ACCUSE")


@pytest.mark.parametrize(("etype", "text"), [
    ("ACCUSE", "Ted Cruz, a senator who attacked his own leaders last year, won the Iowa caucuses."),
    ("ACCUSE", "Ted Cruz, a senator who attacks his own leaders, won the Iowa caucuses."),
    ("SUPPORT", "Clinton won the nomination by backing the president's plan."),
    ("COOPERATE", "The FBI works closely with the Saudi government."),
    ("CONSULT", "The senator contacted the Russian ambassador twice in 2016."),
    ("CONSULT", "Hillary Clinton spoke to Vladimir Putin by phone on Friday."),
    ("SUPPORT", "Bernie Sanders calls Hillary Clinton an extremely intelligent woman."),
    ("REJECT", "Governor Rick Perry vetoed a long list of bills in 2003."),
    ("REJECT", "Paul Ryan rejected the proposal by Senate Democrats."),
    ("RETREAT", "The rebels freed two hostages on Sunday."),
])
def test_acts_next_to_those_cases_still_code(code_events, etype, text):
    assert asserted(code_events(text), etype), text


# Praise (events/praise.py): saying, calling or describing someone as good is SUPPORT (PLOVER: "praise").
PRAISED = [
    ("Donald Trump said Ben Carson is a good man.", "Trump", "Carson"),
    ("Marco Rubio said Jeb Bush would make a great president.", "Rubio", "Bush"),
    ("Chris Christie called Donald Trump a strong leader.", "Christie", "Trump"),
    ("Ted Cruz described Ben Carson as a brilliant surgeon.", "Cruz", "Carson"),
    ("Hillary Clinton said Barack Obama has done a great job.", "Clinton", "Obama"),
    ('"Ben Carson is a wonderful man," Donald Trump said.', "Trump", "Carson"),
]


@pytest.mark.parametrize(("text", "maker", "target"), PRAISED)
def test_saying_someone_is_good_praises_them(code_events, text, maker, target):
    pairs = asserted(code_events(text), "SUPPORT")
    assert any(maker in actor and target in recipient for actor, recipient in pairs), (text, pairs)


@pytest.mark.parametrize("text", [
    "Barack Obama said America is strong.",
    "Donald Trump said the economy is strong.",
    "Donald Trump said he is a great businessman.",
    "Marco Rubio said Donald Trump is not a good man.",
    "Hillary Clinton said Donald Trump is better than Ted Cruz on trade.",
    "Donald Trump said Ben Carson could be a great vice president.",
    "Donald Trump said Jeb Bush is a low-energy guy with a great family.",
])
def test_opinions_of_things_of_oneself_negated_or_speculative_are_no_praise(code_events, text):
    assert not asserted(code_events(text), "SUPPORT"), text


def test_proud_to_endorse_endorses_and_would_be_happy_to_meet_does_not_meet(code_events):
    assert asserted(code_events("Sarah Palin said she is proud to endorse Donald Trump."), "SUPPORT")
    assert asserted(code_events("I am honored to endorse Ted Cruz for president."), "SUPPORT")
    assert not asserted(code_events("Vladimir Putin would be happy to meet Donald Trump."), "CONSULT")
    assert not asserted(code_events("She is not proud to support Donald Trump."), "SUPPORT")


@pytest.mark.parametrize(("text", "etype", "maker", "target"), [
    ("Chris Christie campaigned with Donald Trump in New Hampshire.", "SUPPORT", "Christie", "Trump"),
    ("Sarah Palin campaigned for Donald Trump in Iowa.", "SUPPORT", "Palin", "Trump"),
    ("Elizabeth Warren stumped for Hillary Clinton in Ohio.", "SUPPORT", "Warren", "Clinton"),
])
def test_campaigning_for_or_with_a_candidate_backs_them(code_events, text, etype, maker, target):
    pairs = asserted(code_events(text), etype)
    assert any(maker in actor and target in recipient for actor, recipient in pairs), (text, pairs)


@pytest.mark.parametrize("text", [
    "Ted Cruz campaigned for president in Iowa.",
    "Jeb Bush campaigned for the nomination for a year.",
    "Bernie Sanders campaigns against Hillary Clinton ahead of the caucuses.",
    "Others are wary, if not outright opposed, to campaigning with Ted Cruz.",
    "Russ Feingold looks forward to campaigning with Hillary Clinton in Wisconsin.",
    "Pat Toomey refused to entertain the possibility of campaigning alongside Ted Cruz.",
])
def test_running_for_an_office_against_a_rival_or_campaigning_not_done_is_no_act(code_events, text):
    events = code_events(text)
    assert not asserted(events, "SUPPORT") and not asserted(events, "ACCUSE"), text
