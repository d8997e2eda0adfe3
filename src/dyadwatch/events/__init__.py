"""Event coding: who did what to whom, with PLOVER type, CAMEO code, QuadClass and Goldstein.

Contract: ``EventCoder().code(doc, article, actors, quotes)`` returns Event records, each
carrying its evidence sentence, trigger and character offsets in ``article.text``.
Walking skeleton: a handful of verbs; issue 5 replaces this with the lexicon-driven coder.
"""

from __future__ import annotations

from spacy.tokens import Doc

from dyadwatch.actors import DocActors
from dyadwatch.models import Article, Event, Quote

# lemma -> (PLOVER type, CAMEO code, quad class, Goldstein)
_SKELETON_TRIGGERS = {
    "meet": ("CONSULT", "036", 1, 4.0),
    "welcome": ("CONSULT", "043", 1, 2.8),
    "warn": ("THREATEN", "130", 3, -4.4),
    "accuse": ("ACCUSE", "112", 3, -2.0),
}


class EventCoder:
    def code(self, doc: Doc, article: Article, actors: DocActors, quotes: list[Quote]) -> list[Event]:
        events: list[Event] = []
        for token in doc:
            if token.pos_ != "VERB" or token.lemma_ not in _SKELETON_TRIGGERS:
                continue
            plover, cameo, quad, goldstein = _SKELETON_TRIGGERS[token.lemma_]
            subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
            obj = next((c for c in token.children if c.dep_ == "dobj"), None)
            sent = token.sent
            events.append(
                Event(
                    event_type=plover,
                    cameo_code=cameo,
                    quad_class=quad,
                    goldstein=goldstein,
                    actor=actors.for_token(subj) if subj is not None else None,
                    recipient=actors.for_token(obj) if obj is not None else None,
                    sentence=sent.text,
                    trigger=token.text,
                    negated=any(c.dep_ == "neg" for c in token.children),
                    date=article.date,
                    sentence_start=sent.start_char,
                    sentence_end=sent.end_char,
                    trigger_start=token.idx,
                    trigger_end=token.idx + len(token.text),
                    article_id=article.id,
                )
            )
        return events
