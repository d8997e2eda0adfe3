"""Actor resolution: every mention of a person, organisation or country -> country + sector.

Contract used by the events and quotes stages:

    resolver = ActorResolver()                 # loads data once
    doc_actors = resolver.analyze(doc, article)
    doc_actors.mentions                        # list[Actor] found in the article, with offsets
    doc_actors.for_token(token)                # Actor for the noun phrase headed by token, or None
                                               #   (pronouns and short names resolved by coreference)
    doc_actors.for_conjuncts(token)            # one Actor per conjunct ("X and Y")
    doc_actors.for_span(span)                  # Actor for an arbitrary span, or None
    doc_actors.aliases                         # Alias records learned in this document

See docs/actors.md for the coding scheme (ISO-3 + sector, IGO/NGO/IMG) and the user dictionary.
"""

from __future__ import annotations

from dyadwatch.actors.resolver import ActorResolver, DocActors

__all__ = ["ActorResolver", "DocActors"]
