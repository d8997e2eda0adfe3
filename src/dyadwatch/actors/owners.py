"""Phrases whose possessor says whose side they are on (sixth pass of issue 11).

Three classes, each a pass over the resolver's actors after the coreference (so "his" and "her" already name
someone), like ``relatives.py`` for kin:

- *A possessed attribute is its owner's side*: "Trump's attack on a federal judge's Mexican heritage" is aimed at
  the judge (USA in a US story), not at a Mexican group; "criticized his handling of the incident", "mocked Trump's
  spray tan", "attacks on her record". The phrase stands for its owner, with the owner's country, never the
  country of an adjective on the thing (``data/owned_nouns.tsv``, kind ``thing``, and the traits of
  ``traits.tsv``). Only where a target stands (``target_slot``): as a subject or an instrument the thing is no
  one ("his handling of the police shooting has made him a pariah" names the police as the shooters).
- *A person's rivals are in the same contest*: "both of Trump's remaining rivals", "his opponents" are of the
  owner's country, and candidates (PTY) when the owner is a politician or has no sector (kind ``counterpart``).
- *A person's allies* (seventh pass): "her Democratic allies", "Trump's allies" take the owner's country and the
  owner's sector, unless a party label made them PTY ("allies" alone reads as a state's allies, GOV).
- *A person's own people*: a role phrase owned by a placed person that names no country of its own takes the
  owner's: "some of his allies", "her aides" (not for a country's allies: "Russia's allies" are other states).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from dyadwatch.actors.gazetteer import DATA_DIR, kind_word_sets
from dyadwatch.actors.traits import is_trait
from dyadwatch.models import NON_STATE_CODES, Actor
from dyadwatch.nlp import tokens_of_pos

OWNED_FILE = DATA_DIR / "owned_nouns.tsv"
# Sectors of a person whose rivals are in a political contest (candidates, PTY); "" is a person the lists know
# with no office on the date ("Trump's rivals" in a story dated 2024).
CONTEST_SECTORS = frozenset({"PTY", "GOV", "LEG", ""})
# Sectors of an owner that its allies share ("his allies": a candidate's are PTY, a president's GOV).
ALLY_SECTORS = frozenset({"PTY", "GOV", "LEG"})
# Prepositions whose object is what an act is aimed at ("attack on", "critical of", "railed against").
TARGET_PREPS = frozenset({"on", "against", "at", "about", "over", "of", "into", "upon"})


@lru_cache(maxsize=1)
def owned_nouns() -> dict[str, frozenset[str]]:
    """The word sets of ``data/owned_nouns.tsv`` by kind (thing, counterpart)."""
    return kind_word_sets(OWNED_FILE.name)


def _words(tok: Token) -> set[str]:
    return {tok.lower_, tok.lemma_.lower()}


def is_owned_thing(tok: Token) -> bool:
    """Is the common noun an attribute, record or conduct of whoever owns it ("her record", "his handling"), standing
    where a target stands (``target_slot``)?"""
    return (tok.pos_ == "NOUN" and (bool(_words(tok) & owned_nouns()["thing"]) or is_trait(tok))
            and target_slot(tok))


def target_slot(tok: Token) -> bool:
    """Is the noun (or the first of its conjuncts) where an act's target stands: the object or passive subject of a
    verb ("criticized his handling", "His comments were derided"), or the object of a hostile preposition not on a
    noun of time or part ("attacks on her record", "concerned about his stance"; not "toward the end of his tenure",
    "with his initial statement", "for his statements", nor a subject: "his handling of the shooting has made him")."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in ("dobj", "nsubjpass"):
        return True
    if tok.dep_ != "pobj" or tok.head.lower_ not in TARGET_PREPS:
        return False
    holder = tok.head.head
    return not _words(holder) & owned_nouns()["part"]


def _owner(tok: Token, by_token: dict[int, Actor]) -> Actor | None:
    """The actor of the noun's possessor ("Trump's", "his", "a federal judge's"), if resolved."""
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    return by_token.get(poss.i) if poss is not None else None


def _state_person(actor: Actor | None) -> bool:
    """A person placed in a state (not an IGO or NGO code)."""
    return (actor is not None and actor.kind == "person" and len(actor.country) == 3
            and actor.country not in NON_STATE_CODES)


def _phrase(doc: Doc, tok: Token) -> Span:
    """The noun phrase up to its head: "a federal judge's Mexican heritage" (not "of the incident")."""
    return doc[tok.left_edge.i: tok.i + 1]


def _allies(own: Actor, owner: Actor) -> Actor:
    """Seventh pass, class "a person's allies": of the owner's country (unless the phrase names its own), and of the
    owner's political sector unless a party label already made them PTY ("her Democratic allies")."""
    country = own.country if own.country and own.country_source != "story" else owner.country
    sector = own.sector if own.sector == "PTY" or owner.sector not in ALLY_SECTORS else owner.sector
    return replace(own, country=country, sector=sector, code=country + sector, country_source="")


def owned(doc: Doc, by_token: dict[int, Actor]) -> dict[int, Actor]:
    """Actors for the three classes of the module docstring, keyed by head token; ``by_token``: the resolver's
    actors by head token (read, not changed)."""
    out: dict[int, Actor] = {}
    counterparts = owned_nouns()["counterpart"]
    for tok in tokens_of_pos(doc[:], ("NOUN",)):
        if not any(c.dep_ == "poss" for c in tok.children):
            continue
        owner = _owner(tok, by_token)
        if owner is None:
            continue
        span = _phrase(doc, tok)
        text, lo, hi = span.text, span.start_char, span.end_char
        if is_owned_thing(tok):
            out[tok.i] = replace(owner, text=text, start=lo, end=hi)
        elif not _state_person(owner):
            continue
        elif _words(tok) & counterparts and (tok.i not in by_token or not by_token[tok.i].country):
            sector = "PTY" if owner.sector in CONTEST_SECTORS else by_token.get(tok.i, Actor("")).sector
            kind = "group" if tok.tag_ == "NNS" else "person"
            out[tok.i] = Actor(text=text, name=text, country=owner.country, sector=sector,
                               code=owner.country + sector, start=lo, end=hi, kind=kind)
        elif _words(tok) & owned_nouns()["ally"] and tok.i in by_token:
            out[tok.i] = _allies(by_token[tok.i], owner)
        elif tok.i in by_token and not by_token[tok.i].country and by_token[tok.i].sector:
            own = by_token[tok.i]
            out[tok.i] = replace(own, country=owner.country, code=owner.country + own.sector)
    return out
