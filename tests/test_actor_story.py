"""The story's country as a labelled last resort for named participants no evidence places."""

from __future__ import annotations

from dyadwatch.actors.story import STORY, apply_story_country, main_country
from dyadwatch.models import Actor, Article


def analyze(nlp, resolver, text: str, dateline: list[str] | None = None):
    doc = nlp(text)
    article = Article(id="s", text=text, date="2016-03-24", dateline=dateline or [])
    return doc, resolver.analyze(doc, article)


def actor_of(doc, actors, word: str):
    return actors.for_token(next(t for t in doc if t.text == word))


def test_a_named_company_in_a_us_story_takes_the_story_country_labelled(nlp, resolver):
    text = ("Senator Bernie Sanders and President Barack Obama spoke in Ohio on Tuesday. "
            "Vice President Joe Biden joined them. Sanders criticized Crumblewick Inc. for moving jobs abroad.")
    doc, actors = analyze(nlp, resolver, text)
    company = actor_of(doc, actors, "Crumblewick")
    assert (company.country, company.country_source, company.code) == ("USA", STORY, "USABUS")
    sanders = actor_of(doc, actors, "Sanders")
    assert (sanders.country, sanders.country_source) == ("USA", "")  # found, not guessed


def test_the_dateline_names_the_story_country(nlp, resolver):
    doc, actors = analyze(nlp, resolver, "Tobias Wrenfield criticized the plan on Monday.", dateline=["Nairobi"])
    found = actor_of(doc, actors, "Wrenfield")
    assert (found.country, found.country_source) == ("KEN", STORY)


def test_no_story_country_without_a_clear_main_country(nlp, resolver):
    doc, actors = analyze(nlp, resolver, "Tobias Wrenfield criticized the plan on Monday.")
    assert actor_of(doc, actors, "Wrenfield").country == ""  # one sentence says nothing about its story


def test_main_country_needs_three_distinct_participants_and_half_of_them():
    us = [Actor(n, name=n, country="USA") for n in ("Ann Lee", "Bo Diaz", "Cy Kent")]
    fr = [Actor(n, name=n, country="FRA") for n in ("Jean Roux", "Luc Blanc", "Eve Dufour")]
    assert main_country([*us, fr[0]]) == "USA"
    assert main_country([*us, *fr]) == "USA"  # a tie: the first most common, still half
    assert main_country([*us, *fr, Actor("Ida Berg", name="Ida Berg", country="DEU")]) == ""  # under half
    assert main_country([us[0], us[1], us[0], us[1]]) == ""  # two people named twice are still two
    assert main_country([Actor("UN", name="UN", country="IGO"), *us]) == "USA"  # IGOs are no story country


def test_places_and_countries_never_take_the_story_country():
    city, person = Actor("Springfield", kind="city"), Actor("Ann Lee", name="Ann Lee", kind="person", sector="GOV")
    assert apply_story_country([city, person, person], "USA") == 1
    assert city.country == "" and (person.country, person.code) == ("USA", "USAGOV")


def test_a_role_participant_takes_the_story_country_but_the_public_does_not():
    media = Actor("the media", name="media", kind="group", sector="MED")
    public = Actor("the people", name="people", kind="group", sector="CVL")
    assert apply_story_country([media, public], "USA") == 1
    assert (media.country, media.country_source, media.code) == ("USA", STORY, "USAMED")
    assert public.country == ""
