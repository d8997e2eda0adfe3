"""Event coding: who did what to whom, with PLOVER type, CAMEO code, QuadClass and Goldstein.

Contract: ``EventCoder().code(doc, article, actors, quotes)`` returns Event records, each
carrying its evidence sentence, trigger and character offsets in ``article.text``.
The trigger lexicon is ``events/data/triggers.tsv``; see ``docs/events.md``.
"""

from __future__ import annotations

from dyadwatch.events.coder import EventCoder

__all__ = ["EventCoder"]
