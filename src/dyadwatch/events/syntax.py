"""Small questions about a token's clause that the coder, its checks and its derivations share."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from dyadwatch.events.wordsets import words

NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP"}  # entity labels of a name that can be a participant


def has_aux(tok: Token, forms: set[str] | frozenset[str]) -> bool:
    """An auxiliary child with one of these forms ("to", "would")."""
    return any(c.dep_ == "aux" and c.lower_ in forms for c in tok.children)


def has_will(tok: Token) -> bool:
    """ "will meet", "won't lift": a future auxiliary on the verb itself."""
    return has_aux(tok, words("FUTURE_AUX"))


def negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def governs_unless(tok: Token) -> bool:
    """ "will withdraw unless Y agrees": the act hangs on a condition the speaker sets."""
    return any(c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children) for c in tok.children)


def under_speech(tok: Token) -> bool:
    """The trigger is the complement of a speech verb ("said it welcomed"), possibly via a conjunct."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "ccomp" and tok.head.lemma_.lower() in words("SPEECH_LEMMAS")


def ruled_out(head: Token) -> bool:
    """A gerund subject of "is out of the question", "is not an option", "is unthinkable": the act is
    ruled out, not reported."""
    if head.dep_ not in {"csubj", "csubjpass"} or head.tag_ != "VBG":
        return False
    pred = head.head
    denied = negated(pred)
    for c in pred.children:
        if c.dep_ == "prep" and c.lower_ == "out":
            if any(p.lemma_.lower() == "question" for g in c.children if g.lower_ == "of" for p in g.children):
                return True
        if c.dep_ == "acomp" and c.lemma_.lower() in words("RULED_OUT_ADJECTIVES"):
            return True
        if c.dep_ == "attr" and c.lemma_.lower() == "option" and denied:
            return True
    return False


def violent(tokens: Iterable[Token]) -> bool:
    """A word of physical violence among the tokens (a sentence), not as the modifier of a policy noun
    ("the gun issue")."""
    for tok in tokens:
        if tok.lower_ in words("VIOLENCE_WORDS"):
            if tok.dep_ in {"compound", "amod", "nmod"} and tok.head.lower_ in words("POLICY_NOUNS"):
                continue
            if _a_chance(tok):
                continue
            return True
    return False


def _a_chance(tok: Token) -> bool:
    """ "has no shot at winning", "a shot at the nomination": a chance, not gunfire."""
    if tok.lower_ not in {"shot", "shots"}:
        return False
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "at" and any(g.tag_ == "VBG" or g.lemma_.lower() in
               words("CONTEST_PRIZES") for g in c.children) for c in tok.children)
