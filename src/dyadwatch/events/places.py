"""Event places: where the trigger's event happened, resolved to a name, ISO-3 country and coordinates.

A place counts only when it is attached to the event's own clause: the object of a locative preposition
("in Geneva", "at the Kremlin", "into Ukraine"), the destination of a motion verb ("travelled to Moscow"),
the direct object of a verb whose object is a place ("shelled Kharkiv"), or a city compounded onto a
nominal trigger ("the Moscow talks"). Seats of power stand for their city through
``geo/data/places_metonyms.tsv`` ("the Kremlin" -> Moscow). When the sentence has no place, the article's
dateline is used and labelled ``source="dateline"``.

Names resolve through the shared gazetteer of ``dyadwatch.geo.places`` (metonyms, countries, regions,
US states, GeoNames cities, continents), indexed once per process.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Span, Token

from dyadwatch.events.dates import clause_heads, crosses_sentence_end, object_owner
from dyadwatch.geo.places import Gazetteer, Place, gazetteer, name_key, read_table
from dyadwatch.models import Location
from dyadwatch.nlp import span_ents

__all__ = ["Gazetteer", "Place", "dateline_location", "find_location", "gazetteer", "name_key"]

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
MIN_POPULATION_UNTAGGED = 100_000


# --------------------------------------------------------------------------- attachment


@lru_cache(maxsize=1)
def verb_roles() -> dict[str, str]:
    """Trigger lemma -> "to" | "object" | "both" (see data/places_verbs.tsv)."""
    return {row["lemma"]: row["role"] for row in read_table(DATA_DIR / "places_verbs.tsv")}


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
    spans = [ent for ent in span_ents(sent) if ent.label_ in PLACE_LABELS]
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
