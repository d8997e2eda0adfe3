"""Praise in political rhetoric: derived SUPPORT events (CAMEO 051, "praise or endorse") no trigger word carries.

The mirror of ``criticism.reported_criticism``, with the same readers of speech, quotes and labels
(``criticism.Stance``): a speaker who says another political actor is good ("Trump said Carson is a good man",
"would make a great president", "has done a terrific job"), or calls or describes them so ("called Trump a strong
leader", "described Carson as a brilliant surgeon"), praises them. PLOVER SUPPORT covers praise. A plain opinion
of a thing ("the economy is strong") has no target and is no event, a negated or speculative judgement is none,
and neither is a leader's praise of his own country.

The word sets (PRAISE_ADJECTIVES, PRAISE_NOUNS, PRAISED_WORK_NOUNS) live in ``data/wordsets.tsv``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from dyadwatch.actors import DocActors
from dyadwatch.events import criticism
from dyadwatch.events.derive import Candidate, DeriveContext, derivation
from dyadwatch.events.wordsets import words
from dyadwatch.models import Article, Event, Quote

if TYPE_CHECKING:
    from dyadwatch.events.coder import EventCoder

PRAISE_CODE = "051"
PRAISING_VERBS = {"be", "make", "do", "run"}  # "is a good man", "would make a great president", "did a great job"
WORK_VERBS = {"do", "run"}  # judged by their work only: "has done a great job", "ran a terrific campaign"
THING_WORDS = {"it", "this", "that"}  # a thing praised, never someone


@derivation("reported_praise", stage="sentence")
def _reported_praise(ctx: DeriveContext, cand: Candidate | None, event: Event | None) -> list[Event]:
    """The registry's entry: runs with the other sentence rules, after the coder."""
    return derive(ctx.coder, ctx.sent, ctx.article, ctx.actors, ctx.quotes, ctx.coded)


def derive(
    coder: EventCoder, sent: Span, article: Article, actors: DocActors, quotes: list[Quote], events: list[Event]
) -> list[Event]:
    """SUPPORT events of the praise rules for one sentence (not of no one: ``_no_one_praised``)."""
    findings = criticism.reported_criticism(coder, sent, actors, quotes, stance=PRAISE)
    findings += criticism.quoted_judgements(coder, sent, actors, quotes, stance=PRAISE)
    findings += criticism.characterisations(coder, sent, actors, stance=PRAISE)
    findings = [f for f in findings if not _no_one_praised(f)]
    return criticism.new_events(coder, findings, sent, article, actors, criticism.sentence_events(sent, events))


def _no_one_praised(found: criticism.Criticism) -> bool:
    """ "Obama said America is strong": a country praised by one of its own is no act between them; "calling it an
    incredible feat" praises a thing; "the RFS is a very strong niche" qualifies a programme, no one."""
    target = found.target
    if target.kind == "country" and target.country and target.country == found.actor.country:
        return True
    unplaced_body = target.kind not in {"person", "group", "country"} and not target.sector
    return target.text.lower() in THING_WORDS or unplaced_body


def praising_predicate(clause: Token) -> tuple[Token, ...] | None:
    """The words that say something good of the clause's subject, or None: "is (a) great (man)", "would make a
    great president", "has done a terrific job", "ran a great campaign"; never a negated or comparative one ("is
    not a good man", "is better than")."""
    lemma = clause.lemma_.lower()
    if lemma not in PRAISING_VERBS or criticism._negated(clause):
        return None
    for pred in (c for c in clause.children if c.dep_ in {"acomp", "attr", "dobj", "oprd"}):
        for word in (pred, *pred.conjuncts):
            if lemma in WORK_VERBS and word.lemma_.lower() not in words("PRAISED_WORK_NOUNS"):
                continue  # "did a great thing for her" is no judgement of the doer
            if praising_word(word):
                return (clause, word)
    return None


def praising_word(word: Token) -> bool:
    """A praising adjective ("brilliant"), a noun of praise ("a hero"), or a noun a praising adjective qualifies
    ("a great president"); a comparative ("better") compares and does not judge."""
    if word.tag_ == "JJR" or any(c.dep_ == "advmod" and c.lower_ == "too" for c in word.children):
        return False
    if word.pos_ == "ADJ" and (word.lemma_.lower() in words("PRAISE_ADJECTIVES") or word.lower_ in words(
            "PRAISE_ADJECTIVES")):
        return True
    if word.pos_ not in {"NOUN", "PROPN"}:
        return False
    if word.lemma_.lower() in words("PRAISE_NOUNS"):
        return True
    return any(c.dep_ == "amod" and c.tag_ != "JJR" and c.lower_ in words("PRAISE_ADJECTIVES") for c in word.children)


PRAISE = criticism.Stance(PRAISE_CODE, praising_predicate, praising_word)
