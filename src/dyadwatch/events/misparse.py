"""Subjects the parser hung somewhere else (eighth pass, issue 11).

The statistical parser sometimes attaches a clause's subject to the wrong word, and the verb is then coded with no
actor at all, though the sentence names it plainly. On the news_bench tune half, asserted events with no actor were
about one in five (317 of 1,677), and reading 50 of them found the actor missing, but present in the sentence, in
about 30. Each function here repairs one class of misattachment and says which; ``roles.subject_token`` calls them
only for a verb that has no subject of its own.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from spacy.tokens import Token

from dyadwatch.events.syntax import NAME_ENTS

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl", "agent"}
ADJUNCT_DEPS = {"npadvmod", "advcl", "prep", "advmod"}


def _is_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.ent_type_ in NAME_ENTS


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def apposed_to_adjunct(verb: Token) -> Token | None:
    """Class "a subject read as an apposition of an opening adjunct": "Speaking in Harlem, Clinton, without naming
    him, accused Sanders" (Clinton as an apposition of Harlem), "Friday, Texas, leading a coalition of 13 states,
    asked a judge" (Texas apposed to Friday). For a main verb with no subject: the last name apposed to a word of an
    adjunct before the verb, set off by a comma after it."""
    if verb.dep_ != "ROOT" or verb.pos_ not in {"VERB", "AUX"} or _has_subject(verb):
        return None
    found = None
    for adjunct in verb.lefts:
        if adjunct.dep_ not in ADJUNCT_DEPS:
            continue
        for tok in adjunct.subtree:
            if tok.dep_ == "appos" and _is_name(tok) and tok.head.i < tok.i and _comma_after(tok):
                found = tok
    return found


def _comma_after(tok: Token) -> bool:
    end = tok.right_edge.i + 1
    return end < len(tok.doc) and tok.doc[end].text == ","


def described_by_appositive(verb: Token) -> Token | None:
    """Class "a verb read as a conjunct of an apposition": "Zimmerman, then a neighborhood watch volunteer, shot and
    killed Trayvon" (the parser made "shot" a conjunct of "volunteer" and Zimmerman the root). The first verb of the
    chain stands on a noun apposed to a name: that name is the subject of every verb in the chain."""
    tok = verb
    while tok.dep_ == "conj" and tok.head.pos_ in {"VERB", "AUX"}:
        tok = tok.head
    if tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.tag_ == "VBG":
        return None
    noun = tok.head
    if noun.pos_ != "NOUN" or noun.dep_ != "appos" or not _is_name(noun.head) or noun.head.i > noun.i:
        return None
    return noun.head


def predicate_in_gerund(prep: Token) -> Token | None:
    """Class "a gerund after a predicate adjective": "Trump has been the most aggressive in denouncing the media",
    "she was quick in condemning", "he was instrumental in pushing": whoever the adjective describes does the act.
    Returns the copula, whose subject is the gerund's. Only "in" (not "afraid of", "capable of", which do not
    say the act was done)."""
    holder = prep.head
    if prep.lower_ != "in" or holder.pos_ != "ADJ" or holder.dep_ not in {"acomp", "attr"}:
        return None
    return holder.head if holder.head.pos_ in {"AUX", "VERB"} else None


def message_author(noun: Token, message_nouns: AbstractSet[str]) -> Token | None:
    """Class "a message acts for its author": the subject of "Clinton's new ad attacks Trump", "A new Sanders
    campaign ad slams Clinton", "Trump tweet that blasts Clinton" is the ad's or tweet's author, named as its
    possessor or as a name compounded with it (or with its "campaign"). None when no author is named ("a campaign ad
    released Thursday accuses Trump")."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in message_nouns:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    for c in noun.children:
        if c.dep_ == "compound" and c.pos_ == "PROPN":
            return c
        if c.dep_ == "compound" and c.lemma_.lower() == "campaign" and any(
                g.dep_ == "compound" and g.pos_ == "PROPN" for g in c.children):
            return c  # "a new Sanders campaign ad": the campaign
    return None
