"""Sixth pass of issue 11: participants on real news. Each test is one class of cases (docs/actors.md, "Sixth
pass"); the sentences are invented (synthetic) in the style of US and world news."""

from __future__ import annotations

import pytest
from eventtools import asserted

DATE = "2016-06-08"  # the 2016 campaign: candidates are PTY, the president GOV


@pytest.fixture()
def code(code_events):
    return lambda text: code_events(text, DATE)


def rows(events, etype):
    """(actor text, actor country, recipient name, recipient country) of the asserted events of one type."""
    return [(e.actor.text if e.actor else "", e.actor.country if e.actor else "",
             e.recipient.name if e.recipient else "", e.recipient.country if e.recipient else "")
            for e in asserted(events, etype)]


def actor_of(resolver, nlp, text, words):
    """The resolver's actor for the phrase headed by the last word of ``words`` in ``text``."""
    from dyadwatch.models import Article

    doc = nlp(text)
    found = resolver.analyze(doc, Article(id="t", text=text, date=DATE))
    start = next(i for i in range(len(doc)) if doc[i: i + len(words)].text == " ".join(words))
    return found.for_token(doc[start + len(words) - 1])


# -- partitive and quantified participants ---------------------------------------------------------------------


def test_both_of_a_candidates_rivals_act_as_that_group(code):
    events = code("Donald Trump won the Indiana primary on Tuesday. Both of Trump's remaining rivals criticized his "
                  "handling of the incident.")
    assert rows(events, "ACCUSE") == [("Both of Trump's remaining rivals", "USA", "Donald Trump", "USA")]


def test_some_of_a_presidents_allies_are_his_country(code):
    events = code("President Barack Obama met aides on Tuesday. Some of his allies criticized the Chinese government "
                  "on Monday.")
    assert [(a, c, rc) for a, c, _, rc in rows(events, "ACCUSE")] == [("his allies", "USA", "CHN")]


# -- a possessed attribute is its owner's side -----------------------------------------------------------------


def test_an_attack_on_a_judges_heritage_targets_the_judge_not_mexico(pipeline):
    # the whole pipeline: the dateline makes it a US story, so the federal judge is American
    events = pipeline.process_text("WASHINGTON - Sen. Chuck Grassley on Wednesday downplayed Donald Trump's attack "
                                   "on a federal judge's Mexican heritage.", DATE).events
    attack = [e for e in asserted(events, "ACCUSE") if e.trigger.startswith("attack")]
    assert attack and attack[0].actor.name == "Donald Trump"
    assert attack[0].recipient.country == "USA" and attack[0].recipient.sector == "JUD"


def test_a_criticised_handling_is_its_owners(code):
    events = code("Donald Trump spoke in Ohio on Monday. Hillary Clinton criticized his handling of the crisis.")
    assert rows(events, "ACCUSE") == [("Hillary Clinton", "USA", "Donald Trump", "USA")]


def test_the_owner_decides_whatever_country_it_has(code):
    events = code("Hillary Clinton criticized the Mexican government's response to the floods.")
    assert [(c, rc) for _, c, _, rc in rows(events, "ACCUSE")] == [("USA", "MEX")]


def test_a_thing_without_an_owner_is_still_no_one(code):
    events = code("Hillary Clinton criticized the Mexican heritage festival on Monday.")
    assert all(e.recipient is None or e.recipient.country != "USA" for e in asserted(events, "ACCUSE"))


# -- an event noun's maker given as a party adjective ------------------------------------------------------------


def test_an_untagged_party_adjective_makes_the_criticism(code):
    events = code("LONDON - Theresa May spoke on Monday. Labour criticism of Theresa May grew louder on Tuesday.")
    assert [(c, rc) for _, c, _, rc in rows(events, "ACCUSE")] == [("GBR", "GBR")]


def test_a_plain_adjective_makes_no_criticism(code):
    assert asserted(code("Theresa May spoke on Monday. Harsh criticism of Theresa May grew louder on Tuesday."),
                    "ACCUSE") == []


def test_republican_attacks_on_her_record_target_her(code):
    events = code("Hillary Clinton campaigned in Ohio. Republican attacks on her record continued on Monday.")
    assert rows(events, "ACCUSE") == [("Republican attacks", "USA", "Hillary Clinton", "USA")]


# -- resolver gaps ----------------------------------------------------------------------------------------------


def test_a_native_american_nation_is_american(resolver, nlp):
    actor = actor_of(resolver, nlp, "The Oneida Indian Nation criticized the team on Monday.", ["Nation"])
    assert actor is not None and actor.country == "USA"
    assert actor_of(resolver, nlp, "Indian officials met in Delhi.", ["officials"]).country == "IND"


def test_the_house_of_commons_is_britains_legislature(resolver, nlp):
    actor = actor_of(resolver, nlp, "The House of Commons in London debated the ban.", ["House"])
    assert actor is not None and (actor.country, actor.sector) == ("GBR", "LEG")


def test_an_army_of_supporters_is_no_military(resolver, nlp):
    text = "Bernie Sanders spoke. An army of Sanders supporters marched. An army of 10,000 soldiers attacked the town."
    supporters = actor_of(resolver, nlp, text, ["An", "army"])
    assert supporters is not None and (supporters.country, supporters.sector) == ("USA", "CVL")
    soldiers = actor_of(resolver, nlp, text, ["An", "army", "of", "10,000"])
    assert soldiers is not None and soldiers.sector == "MIL"


@pytest.mark.parametrize("name", ["The NRA", "The ACLU"])
def test_a_us_advocacy_group_is_american(resolver, nlp, name):
    actor = actor_of(resolver, nlp, f"{name} sued the state of Texas on Monday.", name.split())
    assert actor is not None and (actor.country, actor.sector) == ("USA", "NGO")


def test_al_shabab_in_either_spelling_is_somali(resolver, nlp):
    for spelling in ("al-Shabab", "al-Shabaab"):
        actor = actor_of(resolver, nlp, f"The {spelling} group attacked a hotel.", ["group"])
        assert actor is not None and (actor.country, actor.sector) == ("SOM", "REB"), spelling


# -- found on the tune half of news_bench (seed 731942, read for classes only) -------------------------------------


def test_a_states_ambassador_to_the_un_is_the_states(resolver, nlp):
    text = "Former U.N. Ambassador John Bolton spoke in London on Monday. Bolton criticized the deal."
    assert actor_of(resolver, nlp, text, ["John", "Bolton"]).country == "USA"
    envoy = actor_of(resolver, nlp, "U.N. envoy Staffan de Mistura met Syrian officials in Geneva.", ["Mistura"])
    assert envoy is not None and envoy.country == "IGO"  # the UN's own envoy stays the UN's


def test_one_by_phrase_serves_two_conjoined_passives(code):
    events = code("The senator was criticized and mocked by Democrats on Monday.")
    assert [(e.trigger, e.actor.name if e.actor else "", e.recipient.text if e.recipient else "")
            for e in asserted(events, "ACCUSE")] == [("criticized", "Democratic Party", "The senator"),
                                                     ("mocked", "Democratic Party", "The senator")]


def test_an_agentless_passive_still_names_no_doer(code):
    events = code("The senator was criticized on Monday and later resigned.")
    assert all(e.actor is None for e in asserted(events, "ACCUSE"))


def test_followers_named_by_a_full_name_are_that_persons_country(code):
    events = code("Comedian Sarah Silverman was booed and shouted down by Bernie Sanders supporters on Monday.")
    booed = [e for e in asserted(events, "ACCUSE") if e.trigger == "booed"]
    assert booed and (booed[0].actor.country, booed[0].actor.sector) == ("USA", "CVL")


def test_an_owned_thing_as_subject_or_time_names_no_one(code):
    events = code("Governor Jane Doe spoke on Monday. Toward the end of her tenure, the company agreed to pay $5 "
                  "million.")
    assert all(e.recipient is None or e.recipient.name != "Jane Doe" for e in asserted(events, "AGREE"))


@pytest.mark.parametrize(("text", "word", "slot"), [
    ("Clinton criticized his handling of the crisis.", "handling", True),
    ("Republican attacks on her record continued.", "record", True),
    ("His comments were derided by Laschet.", "comments", True),
    ("His handling of the crisis has made him a pariah.", "handling", False),
    ("He was encouraging violence with his initial statement.", "statement", False),
    ("Toward the end of her tenure, the company agreed to pay.", "tenure", False),
])
def test_an_owned_thing_stands_for_its_owner_only_where_a_target_stands(nlp, text, word, slot):
    from dyadwatch.actors.owners import target_slot

    doc = nlp(text)
    assert target_slot(next(t for t in doc if t.text == word)) is slot


# -- found on the tune half of news_bench (seed 764203, read for classes only) -------------------------------------


def test_a_name_in_apposition_to_the_subject_takes_the_later_he(code):
    events = code("Donald Trump spoke on Monday. Last week, the bureau's director, James B. Comey, recommended that "
                  "no charges be filed against Mrs. Clinton, but he called her actions extremely careless.")
    called = [e for e in asserted(events, "ACCUSE") if e.trigger.startswith("called")]
    assert called and called[0].actor.name == "James Comey" and called[0].recipient.name == "Hillary Clinton"


def test_one_nationality_serves_two_conjoined_nouns(resolver, nlp):
    text = "Paul Manafort was valued by Ukrainian politicians and officials who worked with him."
    officials = actor_of(resolver, nlp, text, ["officials"])
    assert officials is not None and (officials.country, officials.sector) == ("UKR", "GOV")
    own = actor_of(resolver, nlp, "American troops and their allies attacked the town.", ["allies"])
    assert own is None or own.country != "USA"


def test_a_name_swallowed_by_a_time_noun_is_the_target(code):
    events = code("Scott Walker endorsed Ted Cruz on Tuesday. Donald Trump went after Walker hours after the "
                  "governor endorsed Cruz.")
    went = [e for e in asserted(events, "ACCUSE") if e.trigger.startswith("went")]
    assert went and went[0].recipient is not None and went[0].recipient.name == "Scott Walker"
    events = code("Donald Trump went after two hours of delays.")
    assert all(e.recipient is None for e in asserted(events, "ACCUSE"))
