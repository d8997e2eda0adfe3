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
]


@pytest.mark.parametrize(("etype", "text"), NOT_ACTS)
def test_no_act_of_the_type(code_events, etype, text):
    assert not asserted(code_events(text), etype), text


def test_an_exchange_of_fire_is_no_criticism(code_events):
    events = code_events("Rebels and government troops traded attacks in Aleppo on Sunday.")
    assert not asserted(events, "ACCUSE")
