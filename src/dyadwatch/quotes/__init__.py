"""Quotes: who said what (to whom) — direct, partial and indirect quotations.

Contract: ``extract_quotes(doc, article, actors)`` returns Quote records whose
``start``/``end`` are character offsets in ``article.text``.
Walking skeleton: double-quoted spans with the subject of a speech verb in the same sentence.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from dyadwatch.actors import DocActors
from dyadwatch.models import Article, Quote

QUOTE_RE = re.compile(r"[\"“]([^\"”]{3,}?)[\"”]")
CUE_LEMMAS = {"say", "tell", "add", "warn", "note", "insist", "write", "quote"}


def extract_quotes(doc: Doc, article: Article, actors: DocActors) -> list[Quote]:
    quotes: list[Quote] = []
    for match in QUOTE_RE.finditer(article.text):
        span = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        cue = next((t for t in sent if t.lemma_ in CUE_LEMMAS and t.i not in range(span.start, span.end)), None)
        speaker = None
        if cue is not None:
            subject = next((c for c in cue.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is not None:
                speaker = actors.for_token(subject)
        quotes.append(
            Quote(
                text=match.group(1),
                direct=True,
                cue=cue.text if cue is not None else "",
                speaker=speaker,
                start=match.start(1),
                end=match.end(1),
                sentence=sent.text,
                article_id=article.id,
            )
        )
    return quotes
