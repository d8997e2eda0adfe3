"""Event places: the place attached to the trigger's clause, metonyms, the labelled dateline fallback."""

from __future__ import annotations

import pytest

from dyadwatch.events.places import dateline_location, find_location
from dyadwatch.geo.places import gazetteer, name_key
from dyadwatch.models import Location


def place(nlp, text: str, trigger: str, dateline: list[str] | None = None) -> Location | None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    return find_location(token.sent, token, None, dateline or [])


# --------------------------------------------------------------------------- the seed's facts


def test_kremlin_is_moscow_by_metonym(nlp):
    text = "Putin welcomed China's top diplomat, Wang Yi, to the Kremlin on Wednesday, telling him trade was growing."
    loc = place(nlp, text, "welcomed")
    assert (loc.name, loc.country, loc.source) == ("Moscow", "RUS", "metonym")
    assert loc.lat == pytest.approx(55.75, abs=0.1) and loc.lon == pytest.approx(37.62, abs=0.1)


def test_troops_sent_into_a_country(nlp):
    text = "When Xi met Putin before Russia sent troops into Ukraine in February 2022, they sealed a partnership."
    loc = place(nlp, text, "sent")
    assert (loc.name, loc.country, loc.source) == ("Ukraine", "UKR", "sentence")
    assert loc.lat is not None and 44 < loc.lat < 53  # a point inside Ukraine, not Kyiv by construction


def test_nominal_visit_to_a_country(nlp):
    text = "Price said Wang's visit to Russia on the eve of the anniversary is further evidence of the alliance."
    loc = place(nlp, text, "visit")
    assert (loc.name, loc.country) == ("Russia", "RUS")


# --------------------------------------------------------------------------- sentence places


@pytest.mark.parametrize(
    "text, trigger, name, country",
    [
        ("The ministers held talks in Geneva on March 3.", "talks", "Geneva", "CHE"),
        ("Xi plans to visit Moscow next week, the Kremlin said.", "visit", "Moscow", "RUS"),
        ("Russian forces shelled Kharkiv last week and attacked Kiev yesterday.", "attacked", "Kyiv", "UKR"),
        ("Russian forces shelled Kharkiv last week and attacked Kiev yesterday.", "shelled", "Kharkiv", "UKR"),
        ("Thousands of people demonstrated in the city of Tbilisi.", "demonstrated", "Tbilisi", "GEO"),
        ("Police detained dozens of activists in the capital, Minsk.", "detained", "Minsk", "BLR"),
        ("Erdogan hosted Zelenskiy in Istanbul.", "hosted", "Istanbul", "TUR"),
        ("Blinken warned Wang in Munich.", "warned", "Munich", "DEU"),
        ("Officials in Kyiv said Russia attacked Odesa overnight.", "attacked", "Odesa", "UKR"),
        ("Lavrov travelled to Turkey for talks.", "travelled", "Turkey", "TUR"),
    ],
)
def test_places_in_the_trigger_clause(nlp, text, trigger, name, country):
    loc = place(nlp, text, trigger)
    assert loc is not None and (loc.name, loc.country, loc.source) == (name, country, "sentence")


@pytest.mark.parametrize(
    "text, trigger, city, country",
    [
        ("Protesters rallied outside the White House on Sunday.", "rallied", "Washington", "USA"),
        ("Macron spoke with Scholz at the Elysee Palace.", "spoke", "Paris", "FRA"),
        ("Sunak met the Irish prime minister in Downing Street.", "met", "London", "GBR"),
        ("Yoon received the envoy at the Blue House.", "received", "Seoul", "KOR"),
    ],
)
def test_metonyms(nlp, text, trigger, city, country):
    loc = place(nlp, text, trigger)
    assert loc is not None and (loc.name, loc.country, loc.source) == (city, country, "metonym")
    assert loc.lat is not None and loc.lon is not None


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("China will provide lethal aid to Russia.", "provide"),  # recipient, not a place
        ("The European Union imposed new sanctions on Iran.", "imposed"),
        ("The United States is concerned about ties between China and Russia.", "concerned"),
        ("Officials in Kyiv said Russia attacked the convoy.", "attacked"),  # Kyiv belongs to "said"
        ("Washington accused Beijing of helping Moscow.", "accused"),  # actors, not places
    ],
)
def test_actors_and_other_clauses_are_not_places(nlp, text, trigger):
    assert place(nlp, text, trigger) is None


def test_dateline_is_a_labelled_fallback(nlp):
    loc = place(nlp, "Washington accused Beijing of helping Moscow.", "accused", ["MOSCOW/WASHINGTON"])
    assert (loc.name, loc.country, loc.source) == ("Moscow", "RUS", "dateline")
    in_sentence = place(nlp, "Blinken warned Wang in Munich.", "warned", ["WASHINGTON"])
    assert in_sentence.source == "sentence" and in_sentence.name == "Munich"


def test_dateline_parsing():
    assert dateline_location(["WASHINGTON (Reuters) -"]).name == "Washington"
    assert dateline_location(["KYIV, Ukraine"]).country == "UKR"
    assert dateline_location(["NOWHERE-IN-PARTICULAR"]) is None
    assert dateline_location([]) is None


# --------------------------------------------------------------------------- the gazetteer


@pytest.mark.parametrize(
    "name, expected, country",
    [
        ("Kiev", "Kyiv", "UKR"),  # only an alternate name in GeoNames
        ("Kyiv", "Kyiv", "UKR"),
        ("Washington", "Washington", "USA"),  # the city (D.C.), not the state
        ("New York", "New York City", "USA"),
        ("Moscow", "Moscow", "RUS"),  # not Moscow, Idaho: the most populous wins
        ("Paris", "Paris", "FRA"),
        ("Odessa", "Odesa", "UKR"),  # the alternate name of the larger city wins over Odessa, Texas
        ("Mexico", "Mexico", "MEX"),  # the country wins over a same-named town
        ("U.S.", "United States", "USA"),
        ("Britain", "United Kingdom", "GBR"),
        ("the Netherlands", "Netherlands", "NLD"),
        ("Russian Federation", "Russia", "RUS"),
        ("Crimea", "Crimea", "UKR"),
        ("Texas", "Texas", "USA"),
        ("Florida", "Florida", "USA"),  # the state, not Florida, Uruguay
        ("the Élysée", "Paris", "FRA"),
        ("Europe", "Europe", ""),
    ],
)
def test_gazetteer_resolves_names(name, expected, country):
    found = gazetteer().resolve(name)
    assert found is not None and (found.name, found.country) == (expected, country)


def test_country_has_a_centroid_and_region_has_none():
    ukraine = gazetteer().resolve("Ukraine")
    kyiv = gazetteer().resolve("Kyiv")
    assert ukraine.kind == "country" and ukraine.lat is not None
    assert (ukraine.lat, ukraine.lon) != (kyiv.lat, kyiv.lon)
    crimea = gazetteer().resolve("Crimea")
    assert crimea.lat is None and crimea.lon is None


@pytest.mark.parametrize("name", ["Putin", "Wang", "Lavrov", "Blinken", "Tass", "West", ""])
def test_people_and_outlets_are_not_places(name):
    assert gazetteer().resolve(name) is None


def test_name_key_normalises_case_accents_and_articles():
    assert name_key("the Élysée Palace's") == "elysee palace"
    assert name_key("  KYIV ") == "kyiv"


def test_gazetteer_is_built_once():
    assert gazetteer() is gazetteer()


class _Actors:
    """A stand-in for DocActors: the country of the subject by its head word."""

    def __init__(self, countries: dict[str, str]) -> None:
        self.countries = countries

    def for_token(self, token):
        from dyadwatch.models import Actor

        country = self.countries.get(token.text)
        return Actor(text=token.text, country=country) if country else None


def test_dateline_prefers_the_city_in_the_subject_country(nlp):
    doc = nlp("The State Department said the United States was concerned.")
    token = next(t for t in doc if t.text == "concerned")
    loc = find_location(token.sent, token, _Actors({"States": "USA"}), ["MOSCOW/WASHINGTON"])
    assert (loc.name, loc.source) == ("Washington", "dateline")
    unknown = find_location(token.sent, token, _Actors({}), ["MOSCOW/WASHINGTON"])
    assert unknown.name == "Moscow"


def test_a_place_inside_a_prepositional_object_is_not_the_event_place(nlp):
    text = "Officials said China was considering providing weapons for Russia's war in Ukraine."
    assert place(nlp, text, "providing") is None


def test_a_month_abbreviation_is_not_a_city(nlp):
    text = "In another Jan. 17, 2013 email, Clinton asks her assistant to print out recommendations."
    assert place(nlp, text, "asks") is None


def test_gazetteer_prefers_own_names_continents_and_refuses_abbreviations():
    from dyadwatch.geo.places import gazetteer

    gaz = gazetteer()
    assert gaz.resolve("Asia").kind == "continent"  # not a town named Asia
    assert gaz.resolve("Pa.") is None  # an abbreviation of Pennsylvania, not a village
    assert gaz.resolve("Salem").name == "Salem"  # a city's own name over another city's old name
    assert gaz.resolve("Odessa").country == "UKR"  # a much larger city's alternate name still wins
