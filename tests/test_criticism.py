"""Criticism in political rhetoric (events/criticism.py): reported criticism, characterisations and attack
nouns are ACCUSE (CAMEO 111) between the politicians they name; plain opinions, self-criticism, questions
and violence are not."""

from __future__ import annotations

import pytest

from dyadwatch.events import criticism
from dyadwatch.models import Event


def accusations(events: list[Event]) -> list[tuple[str, str]]:
    """(actor name, recipient name) of the asserted ACCUSE events."""
    return [
        (e.actor.name if e.actor else "", e.recipient.name if e.recipient else "")
        for e in events
        if e.event_type == "ACCUSE" and e.asserted
    ]


def _pair(events: list[Event], actor: str, recipient: str) -> list[Event]:
    return [e for e in events if e.event_type == "ACCUSE" and e.asserted and e.actor and e.recipient
            and actor in e.actor.name and recipient in e.recipient.name]


# -- reported criticism ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Senator Marco Rubio said Donald Trump is unelectable.",  # a disparaging predicate adjective
        "Senator Marco Rubio responded that Donald Trump had been ridiculing veterans for months.",  # wrongdoing
        "Senator Marco Rubio said Donald Trump would have a hard time winning over women.",  # an inability
        "Senator Marco Rubio said that Donald Trump was not qualified to be president.",  # a negated virtue
        "Senator Marco Rubio said Donald Trump has run a dishonest campaign.",  # a bad object
        "Senator Marco Rubio said Donald Trump is trying to mislead voters.",  # a wrong the subject carries on
        "Senator Marco Rubio said Donald Trump's tax plan is dangerous.",  # the owner of what is judged
    ],
)
def test_a_speaker_disparaging_another_politician_accuses_him(code_events, text):
    events = _pair(code_events(text), "Rubio", "Trump")
    assert len(events) == 1
    assert events[0].cameo_code == "111"
    assert events[0].attributed_to is not None and "Rubio" in events[0].attributed_to.text


@pytest.mark.parametrize(
    "text",
    [
        "Donald Trump said the economy is weak.",  # an opinion about a thing
        "Donald Trump said people are wrong about trade.",  # a generic subject
        "Donald Trump said any senator who backs the deal is unfit to serve.",  # a kind of person
        "Donald Trump said he was wrong about the tax plan.",  # the speaker himself
        "Donald Trump said we were wrong about the tax plan.",  # the speaker's side
        "Did Hillary Clinton say that Donald Trump lied about his taxes?",  # a question
        "Hillary Clinton did not say that Donald Trump lied about his taxes.",  # a negated speech act
        "Hillary Clinton said Donald Trump would be wrong if he cut taxes.",  # a condition
        "Hillary Clinton said Donald Trump did not lie about his taxes.",  # no wrongdoing
        "Hillary Clinton said Donald Trump refused to mislead voters.",  # a wrong undone
        "Hillary Clinton said Donald Trump could hurt the party.",  # a speculation
        "Hillary Clinton said Donald Trump's economy is weak.",  # a generic thing, whoever owns it
    ],
)
def test_opinions_self_criticism_questions_and_conditions_are_no_accusation(code_events, text):
    assert accusations(code_events(text)) == []


def test_a_relayed_speaker_is_the_accuser(code_events):
    text = "The newspaper quoted Senator Marco Rubio as saying Donald Trump is dangerous."
    assert len(_pair(code_events(text), "Rubio", "Trump")) == 1


def test_a_pair_the_coder_already_coded_is_not_counted_twice(code_events):
    events = code_events("Senator Marco Rubio criticized Donald Trump and said that Donald Trump is dangerous.")
    assert len(_pair(events, "Rubio", "Trump")) == 1


# -- characterisation -----------------------------------------------------------------------------------
def test_painting_a_rival_as_weak_is_a_criticism(code_events):
    assert len(_pair(code_events("Donald Trump painted Jeb Bush as weak."), "Trump", "Bush")) == 1


@pytest.mark.parametrize(
    "text", ["Hillary Clinton called Donald Trump dangerous.", "Hillary Clinton called Donald Trump a blowhard."]
)
def test_calling_a_rival_something_disparaging_is_a_criticism(code_events, text):
    assert len(_pair(code_events(text), "Clinton", "Trump")) == 1


# -- attack nouns -----------------------------------------------------------------------------------
def test_whoever_responds_to_an_attack_is_its_target(code_events):
    events = _pair(code_events("Donald Trump responded to Marco Rubio's biggest attack."), "Rubio", "Trump")
    assert len(events) == 1 and events[0].trigger == "attack"


def test_attacks_each_side_has_engaged_in_go_both_ways(code_events):
    text = "Donald Trump and Marco Rubio were asked about the personal attacks each has engaged in."
    events = code_events(text)
    assert _pair(events, "Trump", "Rubio") and _pair(events, "Rubio", "Trump")


def test_an_attack_launched_against_a_rival_is_a_criticism(code_events):
    text = "Senator Elizabeth Warren launched a broadside against Donald Trump on Monday."
    assert len(_pair(code_events(text), "Warren", "Trump")) == 1


@pytest.mark.parametrize(
    "text, maker, target",
    [
        ("Donald Trump faced sharp criticism from Paul Ryan for his remarks.", "Ryan", "Trump"),
        ("Hillary Clinton came under attack from Bernie Sanders over her speeches.", "Sanders", "Clinton"),
    ],
)
def test_whoever_faces_or_comes_under_an_attack_is_its_target(code_events, text, maker, target):
    assert len(_pair(code_events(text, date="2016-03-01"), maker, target)) == 1


def test_criticism_drawn_from_no_one_named_is_no_accusation(code_events):
    assert accusations(code_events("Donald Trump drew criticism for his remarks.", date="2016-03-01")) == []


def test_an_attack_noun_in_a_violent_sentence_is_no_criticism(code_events):
    text = "Donald Trump responded to Marco Rubio's attack, which wounded two soldiers."
    assert _pair(code_events(text), "Rubio", "Trump") == []


# -- lexicon rows ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, actor, recipient",
    [
        ("Hillary Clinton hit Bernie Sanders for his votes on guns.", "Clinton", "Sanders"),
        ("Donald Trump took a swipe at Elizabeth Warren on Monday.", "Trump", "Warren"),
        ("The Clinton campaign, led by Hillary Clinton, hit Donald Trump over his tax returns.", "Clinton", "Trump"),
        ("Senator Ted Cruz went after Donald Trump for his remarks on immigration.", "Cruz", "Trump"),
        ("Hillary Clinton questioned Bernie Sanders's commitment to gun safety.", "Clinton", "Sanders"),
    ],
)
def test_hitting_or_taking_a_swipe_at_a_rival_is_a_criticism(code_events, text, actor, recipient):
    assert len(_pair(code_events(text), actor, recipient)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers went after the gunmen for two days and killed three of them.",
        "Rebels hit the convoy over the weekend, killing four soldiers.",
        "Hillary Clinton questioned the witnesses about the budget.",
    ],
)
def test_pursuit_and_striking_in_a_violent_sentence_or_questioning_a_witness_is_no_criticism(code_events, text):
    assert [e for e in code_events(text) if e.cameo_code == "111"] == []


def test_an_insult_the_parser_splits_into_adjective_and_noun_is_still_an_insult(code_events):
    events = code_events("Marco Rubio said Donald Trump was a con man.", date="2016-02-26")
    assert len(_pair(events, "Rubio", "Trump")) == 1


# -- data ----------------------------------------------------------------------------------------------------
def test_every_word_set_has_words_and_a_reason():
    rows = [r for r in criticism.WORDS_FILE.read_text(encoding="utf-8").splitlines() if r and not r.startswith("#")]
    for row in rows[1:]:
        name, words, why = row.split("\t")
        assert words.split() and len(why) > 20, name
    with pytest.raises(KeyError, match="criticism_words.tsv"):
        criticism.words("NO_SUCH_SET")



# -- neighbouring classes found on unannotated news (issue 10/11) ------------------------------------------
def _types(events: list[Event]) -> list[tuple[str, str, str, bool]]:
    return [(e.event_type, e.actor.name if e.actor else "", e.recipient.name if e.recipient else "", e.asserted)
            for e in events]


def test_a_telephone_call_between_leaders_is_a_consultation(code_events):
    events = code_events("Barack Obama called Vladimir Putin on Tuesday to discuss Syria.", date="2015-10-01")
    assert ("CONSULT", "Barack Obama", "Vladimir Putin", True) in _types(events)


@pytest.mark.parametrize(
    "text",
    ["Donald Trump called the meeting a disaster.", "Hillary Clinton called her fallen friend her hero."],
)
def test_calling_something_something_is_no_telephone_call(code_events, text):
    assert [e for e in code_events(text, date="2016-03-01") if e.event_type == "CONSULT"] == []


def test_reporters_contacting_a_source_is_no_consultation(code_events):
    text = "Colin Powell's office, when contacted by Reuters, declined to comment."
    assert [e for e in code_events(text, date="2016-08-19") if e.event_type == "CONSULT"] == []


def test_a_present_tense_clause_of_time_under_a_future_main_clause_has_not_happened(code_events):
    text = "Bernie Sanders said he would fight on until Hillary Clinton makes concessions."
    concessions = [e for e in code_events(text, date="2016-06-09") if e.event_type == "CONCEDE"]
    assert concessions and not any(e.asserted for e in concessions)


def test_a_politicians_supporters_act_for_the_politicians_country(code_events):
    text = "Bernie Sanders spoke in Ohio. On Wednesday, some Sanders backers urged Hillary Clinton to debate him."
    requests = [e for e in code_events(text, date="2016-06-09") if e.event_type == "REQUEST"]
    assert [(e.actor.text, e.actor.country, e.actor.sector) for e in requests if e.actor] == [
        ("some Sanders backers", "USA", "CVL")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The two candidates are also tied in Georgia, where Republicans have won the last five contests.",
        "Dr. Jane Griffith was beaten in the Republican primary in 2010 by Morris J. Brooks Jr.",
        "Hillary Clinton wants to crack down on high-speed Wall Street trading.",
    ],
)
def test_polls_primaries_and_policies_against_practices_are_no_events(code_events, text):
    assert [e for e in code_events(text, date="2016-03-01") if e.asserted] == []


def test_cracking_down_on_protesters_is_still_repression(code_events):
    events = code_events("Egyptian police cracked down on protesters in Cairo on Friday.")
    assert [e.event_type for e in events if e.asserted] == ["ASSAULT"]
