"""Which quotes belong to a dyad.

A quote belongs to the dyad A–B when its speaker is on one side and the other side is either
its addressee or named inside the quoted words (an actor mention of that country or code whose
offsets lie within the quote's span in the same article). With ``directed``, the speaker must
be A. Quotes by one side in an article that merely mentions the other elsewhere do not count:
that would sweep in every statement of a long story.
"""

from __future__ import annotations

from dyadwatch.analysis.dyads import party_columns

_COLUMNS = {"country": ("speaker_country", "addressee_country", "country"),
            "code": ("speaker_code", "addressee_code", "code")}


def _side(speaker: str, addressee: str, mention: str) -> str:
    """Speaker is the first ?, the other side (addressee or mentioned in the quote) the second ?."""
    return (
        f"(q.{speaker} = ? AND (q.{addressee} = ? OR EXISTS (SELECT 1 FROM actors m "
        f"WHERE m.article_id = q.article_id AND m.{mention} = ? AND m.start >= q.start AND m.\"end\" <= q.\"end\")))"
    )


def dyad_quote_condition(a: str, b: str, directed: bool, level: str = "country") -> tuple[str, list[str]]:
    """A WHERE condition on quotes aliased ``q`` and its parameters."""
    party_columns(level)  # validates the level
    speaker, addressee, mention = _COLUMNS[level]
    side = _side(speaker, addressee, mention)
    a, b = a.upper(), b.upper()
    if directed:
        return side, [a, b, b]
    return f"({side} OR {side})", [a, b, b, b, a, a]
