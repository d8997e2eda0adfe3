"""A person's traits and the verbs that mock them (fifth pass of issue 11, class "the owner of a criticised
trait"): "Rubio mocked his hand size" targets the one whose hands they are, never Rubio. Read by the
coreference (his/her there is not the subject's own) and by ``events/roles.py`` (the owner is the target)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from dyadwatch.actors.gazetteer import DATA_DIR, kind_word_sets

TRAITS_FILE = DATA_DIR / "traits.tsv"


@lru_cache(maxsize=1)
def _sets() -> dict[str, frozenset[str]]:
    """The word sets of ``data/traits.tsv`` by kind (trait, mocking)."""
    return kind_word_sets(TRAITS_FILE.name)


def is_trait(noun: Token) -> bool:
    """Does the noun (or a compound before it: "his hand size") name a person's trait?"""
    traits = _sets()["trait"]
    return noun.lemma_.lower() in traits and noun.pos_ == "NOUN" and (
        noun.lemma_.lower() != "size" or any(c.dep_ == "compound" and c.lemma_.lower() in traits for c in noun.lefts))


def mocked_trait_owner(pronoun: Token) -> bool:
    """Is this possessive pronoun the owner of a trait that its verb mocks ("mocking his hand size", "ridiculed
    her appearance", "attacked his stamina")? Then it is the target, not the verb's subject."""
    noun = pronoun.head
    if pronoun.dep_ != "poss" or not is_trait(noun) or noun.dep_ not in ("dobj", "pobj"):
        return False
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _sets()["mocking"]


def mocker(pronoun: Token) -> Token | None:
    """The subject that does the mocking of ``mocked_trait_owner``: the verb's own, or one it shares up a short
    chain of gerunds, to-clauses and conjuncts ("had found a new line of attack by mocking his hand size": Rubio)."""
    noun = pronoun.head
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head
    for _ in range(4):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None or verb.head.i == verb.i:
            return subj
        verb = verb.head
    return None
