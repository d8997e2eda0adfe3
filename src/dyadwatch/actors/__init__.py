"""Actor resolution: every mention of a person, organisation or country -> country + sector.

Contract used by the events and quotes stages:

    resolver = ActorResolver()                 # loads data once
    doc_actors = resolver.analyze(doc, article)
    doc_actors.mentions                        # list[Actor] found in the article, with offsets
    doc_actors.for_token(token)                # Actor for the noun phrase headed by token, or None
                                               #   (pronouns and short names resolved by coreference)
    doc_actors.for_span(span)                  # Actor for an arbitrary span, or None

Walking skeleton: named entities only, countries via pycountry; issue 4 deepens it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
from spacy.tokens import Doc, Span, Token

from dyadwatch.models import Actor, Alias, Article


def _country_code(name: str) -> str:
    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        return ""


@dataclass
class DocActors:
    """The actors of one document, indexed by token position."""

    mentions: list[Actor] = field(default_factory=list)
    by_token: dict[int, Actor] = field(default_factory=dict)
    aliases: list[Alias] = field(default_factory=list)

    def for_token(self, token: Token) -> Actor | None:
        for tok in [token, *token.subtree]:
            if tok.i in self.by_token:
                return self.by_token[tok.i]
        return None

    def for_conjuncts(self, token: Token) -> list[Actor]:
        found = [self.for_token(t) for t in [token, *token.conjuncts]]
        return [a for a in found if a is not None]

    def for_span(self, span: Span) -> Actor | None:
        for tok in span:
            if tok.i in self.by_token:
                return self.by_token[tok.i]
        return None


class ActorResolver:
    """Holds the loaded actor data; ``analyze`` is called once per document."""

    def __init__(self, user_dictionary: Path | None = None, aliases: Iterable[Alias] | None = None) -> None:
        self.user_dictionary = user_dictionary
        self.aliases = list(aliases or [])

    def analyze(self, doc: Doc, article: Article | None = None) -> DocActors:
        result = DocActors()
        for ent in doc.ents:
            if ent.label_ not in {"GPE", "NORP", "ORG", "PERSON"}:
                continue
            country = _country_code(ent.text) if ent.label_ == "GPE" else ""
            actor = Actor(
                text=ent.text,
                name=ent.text,
                country=country,
                code=country,
                start=ent.start_char,
                end=ent.end_char,
                kind="country" if country else "",
            )
            result.mentions.append(actor)
            for tok in ent:
                result.by_token[tok.i] = actor
        return result
