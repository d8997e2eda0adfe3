"""Which quotes belong to a dyad.

A quote belongs to the dyad A–B when its speaker is on one side and the other side is either
its addressee or named inside the quoted words (an actor mention of that country or code whose
offsets lie within the quote's span in the same article). With ``directed``, the speaker must
be A. Quotes by one side in an article that merely mentions the other elsewhere do not count:
that would sweep in every statement of a long story.
"""

from __future__ import annotations

import duckdb

from dyadwatch.analysis.dyads import party_columns
from dyadwatch.analysis.source import SLIM_QUOTES, has_temp_table, quotes_relation, quotes_table

_COLUMNS = {"country": ("speaker_country", "addressee_country", "country"),
            "code": ("speaker_code", "addressee_code", "code")}


def dyad_quote_condition(
    a: str, b: str, directed: bool, level: str = "country", base: str = "quotes"
) -> tuple[str, list[str]]:
    """A WHERE condition on quotes aliased ``q`` and its parameters; ``base`` is the quotes table or view.

    The mention rule is an uncorrelated ``IN`` over one join of the two sides' quotes with the actor
    mentions, which DuckDB runs once, rather than a per-quote EXISTS.
    """
    party_columns(level)  # validates the level
    speaker, addressee, mention = _COLUMNS[level]
    a, b = a.upper(), b.upper()
    pairs = [(a, b)] if directed else [(a, b), (b, a)]
    said = " OR ".join(f"(q.{speaker} = ? AND q.{addressee} = ?)" for _ in pairs)
    named = " OR ".join(f"(s.{speaker} = ? AND m.{mention} = ?)" for _ in pairs)
    flat = [v for pair in pairs for v in pair]
    sql = (
        f"(q.{speaker} IN (?, ?) AND ({said} OR q.id IN (SELECT s.id FROM {base} s JOIN actors m "
        f'ON m.article_id = s.article_id AND m.start >= s.start AND m."end" <= s."end" '
        f"WHERE s.{speaker} IN (?, ?) AND m.{mention} IN (?, ?) AND ({named}))))"
    )
    speakers, named_sides = ([a, a], [b, b]) if directed else ([a, b], [a, b])
    return sql, [*speakers, *flat, *speakers, *named_sides, *flat]


def dyad_quote_rows(
    con: duckdb.DuckDBPyConnection, a: str, b: str, directed: bool, level: str = "country"
) -> tuple[str, str, list[str]]:
    """(relation, condition, parameters) selecting a dyad's quotes, alias ``q``, with ``id``, ``article_id``, ``day``.

    Reads the warm cache (``analysis.cache``: each quote with the countries and codes named in it)
    when this connection has one, else the store.
    """
    if not has_temp_table(con, SLIM_QUOTES):
        cond, params = dyad_quote_condition(a, b, directed, level, quotes_table(con))
        return quotes_relation(con), cond, params
    party_columns(level)
    speaker, addressee, mention = _COLUMNS[level]
    a, b = a.upper(), b.upper()
    pairs = [(a, b)] if directed else [(a, b), (b, a)]
    side = f"(q.{speaker} = ? AND (q.{addressee} = ? OR list_contains(q.named_{mention}, ?)))"
    cond = f"(q.{speaker} IN (?, ?) AND ({' OR '.join(side for _ in pairs)}))"
    params = [a, a if directed else b] + [v for x, y in pairs for v in (x, y, y)]
    return f"temp.main.{SLIM_QUOTES}", cond, params
