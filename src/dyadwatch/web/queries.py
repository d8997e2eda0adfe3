"""Read queries the analysis API does not cover: one article, text search, one actor.

Every value from a request is a bound parameter; every query has a LIMIT. Dyad series, top
dyads, shifts and the network come from `dyadwatch.analysis` and are not repeated here.
"""

from __future__ import annotations

from typing import Any

import duckdb

EVENT_FIELDS = (
    "id", "article_id", "seq", "date", "event_type", "cameo_code", "quad_class", "goldstein", "mode",
    "actor_name", "actor_code", "actor_country", "recipient_name", "recipient_code", "recipient_country",
    "trigger", "sentence", "sentence_start", "sentence_end", "trigger_start", "trigger_end",
    "negated", "hypothetical", "denied", "asserted", "location_name",
)  # fmt: skip
QUOTE_FIELDS = (
    "id", "article_id", "seq", "date", "text", "direct", "kind", "cue", "speaker_name", "speaker_code",
    "speaker_country", "addressee_name", "addressee_code", "addressee_country", "via_name", "start", "end",
    "sentence",
)  # fmt: skip
ARTICLE_FIELDS = ("id", "title", "date", "url", "source", "agency", "dateline", "flags", "text", "story_id")


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _columns(fields: tuple[str, ...], table: str) -> str:
    return ", ".join(f'{table}."{f}"' for f in fields)


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """One article with all its events and quotes (an article holds tens of them, not thousands)."""
    found = _rows(con, f"SELECT {_columns(ARTICLE_FIELDS, 'a')} FROM articles a WHERE a.id = ?", [article_id])
    if not found:
        return None
    result = found[0]
    result["events"] = _rows(
        con, f"SELECT {_columns(EVENT_FIELDS, 'e')} FROM events e WHERE e.article_id = ? ORDER BY e.seq LIMIT 5000",
        [article_id],
    )
    result["quotes"] = _rows(
        con, f"SELECT {_columns(QUOTE_FIELDS, 'q')} FROM quotes q WHERE q.article_id = ? ORDER BY q.seq LIMIT 5000",
        [article_id],
    )
    return result


def like_pattern(text: str) -> str:
    """A substring pattern for ILIKE ... ESCAPE '\\': the user's % and _ match themselves."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_articles(con: duckdb.DuckDBPyConnection, text: str, limit: int, offset: int,
                    width: int = 90) -> list[dict[str, Any]]:  # fmt: skip
    """Articles whose title or body contains ``text`` (case-insensitive), newest first, with a plain-text
    ``snippet`` of the body around the first match (cut in SQL: a long article is not sent whole)."""
    pattern = like_pattern(text)
    return _rows(
        con,
        """SELECT a.id, a.title, a.date, a.source,
                  substr(a.text, greatest(1, position(lower(?) IN lower(a.text)) - ?), length(?) + 2 * ?) AS snippet
           FROM articles a
           WHERE a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\'
           ORDER BY a.date DESC, a.id LIMIT ? OFFSET ?""",
        [text, width, text, width, pattern, pattern, limit, offset],
    )


def search_quotes(con: duckdb.DuckDBPyConnection, text: str, limit: int, offset: int) -> list[dict[str, Any]]:
    """Quotes whose words or speaker contain ``text`` (case-insensitive), newest first."""
    pattern = like_pattern(text)
    return _rows(
        con,
        f"""SELECT {_columns(QUOTE_FIELDS, 'q')}, a.title AS article_title FROM quotes q
            JOIN articles a ON a.id = q.article_id
            WHERE q.text ILIKE ? ESCAPE '\\' OR q.speaker_name ILIKE ? ESCAPE '\\'
            ORDER BY q.date DESC, q.article_id, q.seq LIMIT ? OFFSET ?""",
        [pattern, pattern, limit, offset],
    )


def _party(prefix: str) -> str:
    return f"(e.{prefix}_code = ? OR e.{prefix}_country = ?)"


def actor_summary(con: duckdb.DuckDBPyConnection, code: str) -> dict[str, Any]:
    """Counts for an actor code (RUSGOV) or a country (RUS): as actor, as recipient, as speaker, names seen."""
    counts = con.execute(
        f"""SELECT count(*) FILTER (WHERE {_party('actor')}), count(*) FILTER (WHERE {_party('recipient')})
            FROM events e WHERE e.asserted""",
        [code, code, code, code],
    ).fetchone()
    quotes = con.execute(
        "SELECT count(*) FROM quotes q WHERE q.speaker_code = ? OR q.speaker_country = ?", [code, code]
    ).fetchone()[0]
    names = _rows(
        con,
        """SELECT m.name, m.code, count(*) AS mentions FROM actors m
           WHERE (m.code = ? OR m.country = ?) AND m.name <> ''
           GROUP BY m.name, m.code ORDER BY mentions DESC, m.name LIMIT 30""",
        [code, code],
    )
    country = con.execute(
        "SELECT mode(e.actor_country) FROM events e WHERE e.actor_code = ? OR e.actor_country = ?", [code, code]
    ).fetchone()[0]
    return {"code": code, "country": country or code, "as_actor": counts[0], "as_recipient": counts[1],
            "quotes": quotes, "names": names}  # fmt: skip


def actor_partners(con: duckdb.DuckDBPyConnection, code: str, limit: int = 20) -> list[dict[str, Any]]:
    """The countries an actor deals with most, in either direction (asserted events)."""
    return _rows(
        con,
        f"""SELECT CASE WHEN {_party('actor')} THEN e.recipient_country ELSE e.actor_country END AS partner,
                   count(*) AS events, round(avg(e.goldstein), 2) AS goldstein_mean
            FROM events e WHERE e.asserted AND ({_party('actor')} OR {_party('recipient')})
            GROUP BY partner HAVING partner <> '' AND partner IS NOT NULL
            ORDER BY events DESC, partner LIMIT ?""",
        [code, code, code, code, code, code, limit],
    )


def actor_events(con: duckdb.DuckDBPyConnection, code: str, limit: int, offset: int) -> list[dict[str, Any]]:
    """Asserted events with the actor on either side, newest first."""
    return _rows(
        con,
        f"""SELECT {_columns(EVENT_FIELDS, 'e')}, a.title AS article_title FROM events e
            JOIN articles a ON a.id = e.article_id
            WHERE e.asserted AND ({_party('actor')} OR {_party('recipient')})
            ORDER BY e.date DESC, e.article_id, e.seq LIMIT ? OFFSET ?""",
        [code, code, code, code, limit, offset],
    )


def actor_quotes(con: duckdb.DuckDBPyConnection, code: str, limit: int, offset: int) -> list[dict[str, Any]]:
    """Quotes spoken by the actor, newest first."""
    return _rows(
        con,
        f"""SELECT {_columns(QUOTE_FIELDS, 'q')}, a.title AS article_title FROM quotes q
            JOIN articles a ON a.id = q.article_id
            WHERE q.speaker_code = ? OR q.speaker_country = ?
            ORDER BY q.date DESC, q.article_id, q.seq LIMIT ? OFFSET ?""",
        [code, code, limit, offset],
    )


def store_counts(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Headline counts for the overview."""
    row = con.execute(
        """SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events WHERE asserted),
                  (SELECT count(*) FROM quotes), (SELECT min(date) FROM articles WHERE date <> ''),
                  (SELECT max(date) FROM articles WHERE date <> '')"""
    ).fetchone()
    return dict(zip(("articles", "events", "quotes", "first_date", "last_date"), row, strict=True))
