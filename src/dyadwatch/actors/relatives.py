"""Relatives of a placed person: "his father", "Clinton's husband", "the senator's wife" belong to the owner's
country (fourth pass of issue 11, class "kin of a named person"). The relative is a person of its own: never the
owner (not "Clinton" for "Clinton's husband"), named by the words of the article, with no sector (a relative
holds no office by being one)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from dyadwatch.actors.gazetteer import DATA_DIR
from dyadwatch.models import Actor
from dyadwatch.nlp import tokens_of_pos

KIN_FILE = DATA_DIR / "kin_nouns.txt"


@lru_cache(maxsize=1)
def kin_nouns() -> frozenset[str]:
    """Lemmas of nouns for a person's relatives (data/kin_nouns.txt, one a line, # comments)."""
    lines = KIN_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def relatives(doc: Doc, by_token: dict[int, Actor]) -> dict[int, Actor]:
    """Actors for kin nouns the resolver left unplaced, keyed by token: the owner (a possessive already resolved to
    a person with a country) gives the country. ``by_token``: the resolver's actors by head token."""
    kin = kin_nouns()
    out: dict[int, Actor] = {}
    for tok in tokens_of_pos(doc[:], ("NOUN",)):
        if tok.lemma_.lower() not in kin or tok.i in by_token:
            continue
        owner = next((by_token.get(c.i) for c in tok.children if c.dep_ == "poss"), None)
        if owner is None or owner.kind != "person" or not owner.country or len(owner.country) != 3:
            continue
        start = min(tok.left_edge.i, *(c.left_edge.i for c in tok.children if c.dep_ == "poss"))
        span = doc[start: tok.i + 1]
        out[tok.i] = Actor(text=span.text, name=span.text, country=owner.country, code=owner.country,
                           start=span.start_char, end=span.end_char, kind="person")
    return out
