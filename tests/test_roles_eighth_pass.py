"""Eighth pass of issue 11: participants on real news. Each test is one class of cases (docs/actors.md, "Eighth
pass"); the sentences are invented (synthetic) in the style of US and world news."""

from __future__ import annotations

import pytest
from eventtools import asserted

DATE = "2016-06-08"  # the 2016 campaign: candidates are PTY, the president GOV
OPENING = "Donald Trump spoke in Ohio on Monday. "  # places the story in the United States


@pytest.fixture()
def code(code_events):
    return lambda text: code_events(text, DATE)


def found(resolver, nlp, text):
    from dyadwatch.models import Article

    doc = nlp(text)
    return doc, resolver.analyze(doc, Article(id="t", text=text, date=DATE))


def actor_of(resolver, nlp, text, words):
    """The resolver's actor for the phrase headed by the last word of ``words`` in ``text``."""
    doc, actors = found(resolver, nlp, text)
    start = next(i for i in range(len(doc)) if doc[i: i + len(words)].text == " ".join(words))
    return actors.for_token(doc[start + len(words) - 1])


def side(actor):
    return (actor.country, actor.sector) if actor is not None else None


# -- a described body is a participant ----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "trigger"), [
    ("A major climate group is demanding that the senator reject the pipeline.", "demanding"),
    ("Several Jewish groups condemned the senator on Tuesday.", "condemned"),
    ("Civil rights organizations criticized the senator on Tuesday.", "criticized"),
])
def test_a_described_body_is_an_ngo_of_the_story(code, text, trigger):
    events = [e for e in code(OPENING + text) if e.trigger == trigger and e.asserted]
    assert events and events[0].actor is not None
    assert side(events[0].actor) == ("USA", "NGO")
    assert events[0].recipient is not None and events[0].recipient.sector == "LEG"


@pytest.mark.parametrize(("text", "words"), [
    ("Other groups criticized the senator on Tuesday.", ["groups"]),  # a vague modifier names no one
    ("An age group criticized the senator on Tuesday.", ["group"]),  # a category, not a body
])
def test_a_vague_or_category_group_is_no_body(resolver, nlp, text, words):
    actor = actor_of(resolver, nlp, OPENING + text, words)
    assert actor is None or actor.sector != "NGO"


def test_the_people_of_a_group_of_are_the_participants(code):
    events = asserted(code(OPENING + "A group of protesters criticized the senator on Tuesday."), "ACCUSE")
    assert events and side(events[0].actor) == ("USA", "CVL")


def test_a_described_body_takes_the_country_its_adjective_names(resolver, nlp):
    actor = actor_of(resolver, nlp, OPENING + "A British advocacy group criticized the senator.", ["group"])
    assert actor is not None and actor.country == "GBR"


# -- a law is no participant ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("law", ["the Affordable Care Act", "Obamacare", "the ACA", "the Paris Agreement"])
def test_a_law_is_no_participant(resolver, nlp, law):
    text = f"Paul Ryan said in Wisconsin that {law} punished workers."
    doc, actors = found(resolver, nlp, text)
    assert not any(actors.for_token(t) is not None for t in doc if t.text in law.split() and t.lower_ != "the")


def test_a_named_person_called_bill_is_still_a_person(resolver, nlp):
    actor = actor_of(resolver, nlp, "Senator Bill Nelson criticized the plan in Florida.", ["Nelson"])
    assert actor is not None and actor.kind == "person"


# -- one of a people -------------------------------------------------------------------------------------------------


def test_one_american_is_a_person_not_the_country(resolver, nlp):
    actor = actor_of(resolver, nlp, "The first American to join the militia killed three soldiers in Syria.",
                     ["American"])
    assert actor is not None and actor.kind == "person" and actor.country == "USA"
    assert actor.name != "United States"


def test_americans_are_still_a_group(resolver, nlp):
    actor = actor_of(resolver, nlp, "Americans protested in Ohio on Monday.", ["Americans"])
    assert actor is not None and actor.kind != "person" and actor.country == "USA"


# -- one of the shooters ---------------------------------------------------------------------------------------------


def test_one_of_the_shooters_is_the_actor(code):
    events = asserted(code("One of the shooters pledged allegiance to the Islamic State, officials said."), "AGREE")
    assert events and events[0].actor is not None
    assert events[0].actor.text == "One of the shooters" and events[0].actor.sector == "CRM"


def test_one_of_them_is_one_of_the_last_group(code):
    events = code("The police arrested the attackers on Monday. One of them shot a guard on Tuesday.")
    shot = asserted(events, "ASSAULT")
    assert shot and shot[0].actor is not None and shot[0].actor.name == "attackers"


def test_one_of_them_is_never_one_person(code):
    events = code("Democrats criticized Donald Trump on Monday. One of them called him a liar.")
    called = [e for e in asserted(events, "ACCUSE") if e.trigger.startswith("called")]
    assert called and called[0].actor is not None and called[0].actor.name == "Democratic Party"


# -- the reason's owner is the object --------------------------------------------------------------------------------


def test_the_target_of_attacked_for_his_remarks_is_the_object(code):
    events = asserted(code("Senator Ann Reyes attacked Donald Trump for his remarks about the judge."), "ACCUSE")
    assert events and events[0].recipient is not None
    assert events[0].recipient.text == "Donald Trump"


# -- a person described only by a role -------------------------------------------------------------------------------


def test_a_role_person_binds_the_pronouns_of_its_own_relative_clause(resolver, nlp):
    text = OPENING + "The former president, who spent much of his speech defending his record, criticized Congress."
    doc, actors = found(resolver, nlp, text)
    his = [actors.for_token(t) for t in doc if t.lower_ == "his"]
    assert his and all(a is not None and a.name == "former president" for a in his)


def test_a_role_person_does_not_bind_the_pronouns_of_its_main_clause(resolver, nlp):
    text = OPENING + "The senator from Vermont then attacked his record on trade."
    doc, actors = found(resolver, nlp, text)
    his = next(actors.for_token(t) for t in doc if t.lower_ == "his")
    assert his is not None and his.name == "Donald Trump"


def test_one_of_them_as_an_object_may_be_things(resolver, nlp):
    text = ("Republicans met in Ohio. Trump has held liberal positions on many issues, and while he has renounced "
            "most of them, conservative leaders have questioned his sincerity.")
    doc, actors = found(resolver, nlp, text)
    most = next(t for t in doc if t.lower_ == "most")
    actor = actors.for_token(most)
    assert actor is None or actor.name != "Democratic Party"


# -- a place taken as the victim -------------------------------------------------------------------------------------


def test_the_person_shot_is_the_victim_not_the_place(code):
    events = asserted(code(OPENING + "Police shot a black man in Baton Rouge on Tuesday."), "ASSAULT")
    assert events and events[0].recipient is not None
    assert events[0].recipient.kind != "country" and side(events[0].recipient) == ("USA", "CVL")


def test_a_place_is_never_the_victim_of_an_act_on_a_named_person(code):
    events = asserted(code(OPENING + "A gunman shot Tom Ardley in Baton Rouge on Tuesday."), "ASSAULT")
    assert not events or events[0].recipient is None or events[0].recipient.kind != "country"


def test_an_act_done_in_a_place_still_names_the_place(code):
    events = asserted(code("Government troops imposed a curfew in Montenegro on Tuesday."), "COERCE")
    assert events and events[0].recipient is not None and events[0].recipient.country == "MNE"


# -- a court's justices ----------------------------------------------------------------------------------------------


def test_a_named_court_is_not_an_earlier_lower_court(resolver, nlp):
    text = ("A federal appeals court blocked the rule in Texas. Lower court judges had sided with the states. "
            "On Monday the Supreme Court's justices split.")
    doc, actors = found(resolver, nlp, text)
    court = actors.for_token(next(t for t in doc if t.text == "Supreme"))
    assert court is not None and "Lower" not in court.name and side(court) == ("USA", "JUD")
    justices = actors.for_token(next(t for t in doc if t.text == "justices"))
    assert justices is not None and justices.sector == "JUD"


def test_a_definite_role_still_takes_the_earlier_body(resolver, nlp):
    text = "The Justice Department opened an inquiry in Texas. The department said it would report in May."
    doc, actors = found(resolver, nlp, text)
    dept = actors.for_token([t for t in doc if t.lower_ == "department"][-1])
    assert dept is not None and dept.country == "USA"



# -- adversaries with no owner ---------------------------------------------------------------------------------------


def test_critics_with_no_owner_are_of_the_story(code):
    events = asserted(code(OPENING + "Critics accused him of racism on Tuesday."), "ACCUSE")
    assert events and events[0].actor is not None and events[0].actor.country == "USA"
    assert events[0].recipient is not None and events[0].recipient.name == "Donald Trump"


def test_critics_of_a_foreign_government_are_of_its_country(code):
    events = asserted(code("Vladimir Putin spoke in Moscow on Monday. Critics of the Kremlin accused Putin of fraud."),
                      "ACCUSE")
    assert events and events[0].actor is not None and events[0].actor.country == "RUS"


def test_an_owned_rival_is_still_placed_by_its_owner(code):
    events = asserted(code(OPENING + "He attacked his rivals on Tuesday."), "ACCUSE")
    assert events and events[0].recipient is not None and side(events[0].recipient) == ("USA", "PTY")


# -- a party's delegates, a family named by its surname --------------------------------------------------------------


def test_superdelegates_are_the_partys(code):
    text = OPENING + "Hundreds of the party's superdelegates have endorsed Hillary Clinton."
    events = asserted(code(text), "SUPPORT")
    assert events and events[0].actor is not None and side(events[0].actor) == ("USA", "PTY")


def test_a_family_named_by_its_surname_is_a_participant(resolver, nlp):
    actor = actor_of(resolver, nlp, OPENING + "Senator Harry Reid attacked the Koch brothers on Tuesday.",
                     ["Koch", "brothers"])
    assert actor is not None and actor.country == "USA" and actor.kind == "group"


def test_a_family_with_no_name_is_no_participant(resolver, nlp):
    actor = actor_of(resolver, nlp, OPENING + "Senator Harry Reid attacked the family on Tuesday.", ["family"])
    assert actor is None or actor.name != "family"


# -- doers the parse hides -------------------------------------------------------------------------------------------


def test_a_gerund_conjoined_to_an_object_has_the_main_doer(code):
    text = ("Hillary Clinton is keeping a lid on the race by touting her record upstate and pounding Bernie Sanders "
            "on the gun issue.")
    events = [e for e in asserted(code(text), "ACCUSE") if e.trigger == "pounding"]
    assert events and events[0].actor is not None and events[0].actor.name == "Hillary Clinton"


def test_an_absolute_with_clause_names_the_doer_of_later_participles(code):
    text = ("The two had played nice earlier, with Ted Cruz repeatedly calling Donald Trump his friend, meeting with "
            "him in July and inviting him on a trip.")
    events = asserted(code(text), "CONSULT")
    assert events and all(e.actor is not None and e.actor.name == "Ted Cruz" for e in events)


def test_the_adversaries_a_placed_person_acts_on_are_of_his_country(code):
    events = asserted(code(OPENING + "Vladimir Putin kills journalists and opponents, he said."), "ASSAULT")
    opponents = [e.recipient for e in events if e.recipient is not None and e.recipient.name == "opponents"]
    assert opponents and opponents[0].country == "RUS"


def test_an_unplaced_ngo_group_takes_the_story_country():
    from dyadwatch.actors.story import apply_story_country
    from dyadwatch.models import Actor

    groups = Actor(text="Jewish groups", name="Jewish groups", country="", sector="NGO", kind="org")
    stateless = Actor(text="the Association of Jurists", name="Association of Jurists", country="NGO", sector="NGO",
                      kind="org")
    assert apply_story_country([groups, stateless], "USA") == 1
    assert groups.country == "USA" and groups.country_source == "story" and stateless.country == "NGO"


def test_unplaced_critics_take_the_story_country_but_the_public_does_not():
    from dyadwatch.actors.story import apply_story_country
    from dyadwatch.models import Actor

    critics = Actor(text="critics", name="critics", country="", sector="", kind="group")
    public = Actor(text="the public", name="public", country="", sector="", kind="group")
    assert apply_story_country([critics, public], "USA") == 1
    assert critics.country == "USA" and public.country == ""


def test_adversaries_an_act_comes_from_are_its_doers(code):
    text = OPENING + ("He became the subject of derision from political opponents on the left, who accused him of "
                      "fearmongering.")
    events = asserted(code(text), "ACCUSE")
    assert events and events[0].actor is not None and events[0].actor.name == "political opponents"
    assert events[0].actor.country == "USA" and events[0].recipient.name == "Donald Trump"
