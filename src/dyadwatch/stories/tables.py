"""Stories in the store: the ``stories`` table, the events' ``group_id`` and the ``consolidated_events`` view.

* ``stories``: one row per story (id = its first article's id), kept up to date batch by batch
  (``record_stories`` recomputes only the stories a batch touched).
* ``events.group_id``: the same event (same story, actor code and country, recipient code and
  country, type, negation/hypothetical/denial, and the event date when the sentence gave one)
  reported by several copies shares one id. An event date that only defaulted to the article's date
  is left out of the key: a copy published a day later would otherwise tell a "different" event.
* ``consolidated_events``: one row per group, the event columns of its first report (earliest
  article date, then ingest order) plus ``num_articles``, ``num_sources`` and ``member_ids`` (the ids
  of every copy's event, so all evidence stays reachable). A source is the article's ``source``,
  or the article itself when it names none.

A store written before stories existed (or with signatures of another scheme) is re-clustered
from its stored texts by ``backfill``, in ingest order.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import duckdb

from dyadwatch.models import ArticleResult
from dyadwatch.stories.index import StoredRow, StoryIndex, StoryParams, day_number
from dyadwatch.stories.signature import SIGNATURE_VERSION, signature

SCHEMA = """
CREATE TABLE IF NOT EXISTS stories (
    id VARCHAR PRIMARY KEY, first_seen VARCHAR, last_seen VARCHAR, articles INTEGER, sources INTEGER,
    title VARCHAR
);
CREATE TABLE IF NOT EXISTS story_settings (key VARCHAR PRIMARY KEY, value VARCHAR);
ALTER TABLE events ADD COLUMN IF NOT EXISTS group_id VARCHAR;
CREATE TABLE IF NOT EXISTS event_groups (
    group_id VARCHAR PRIMARY KEY, first_id VARCHAR, num_articles INTEGER, num_sources INTEGER, member_ids VARCHAR[]
);
"""

# events.group_id from an events row (table ``events``) and its article (alias ``a``)
GROUP_KEY = """md5(concat_ws('|', coalesce(a.story_id, a.id), events.event_type, coalesce(events.actor_code, ''),
    coalesce(events.actor_country, ''), coalesce(events.recipient_code, ''), coalesce(events.recipient_country, ''),
    CASE WHEN events.date_resolved THEN coalesce(events.date, '') ELSE '' END, coalesce(events.negated, false)::VARCHAR,
    coalesce(events.hypothetical, false)::VARCHAR, coalesce(events.denied, false)::VARCHAR))"""

# One row per group: its first report (earliest article date, then ingest order), counts and members. Kept by
# ``refresh_groups`` at write time for the groups a batch touched, so reading consolidated events is a join, not a
# window over the whole events table at every query (5 s on a million events).
GROUPS = """
WITH member AS (
    SELECT e.id, e.group_id, e.article_id, e.seq, coalesce(nullif(a.source, ''), a.id) AS _source,
           row_number() OVER (PARTITION BY e.group_id
                              ORDER BY nullif(a.date, '') NULLS LAST, a.ingested_at, e.article_id, e.seq) AS _rank
    FROM events e JOIN articles a ON a.id = e.article_id
    WHERE e.group_id IS NOT NULL {where}
)
SELECT group_id, any_value(id) FILTER (WHERE _rank = 1), count(DISTINCT article_id), count(DISTINCT _source),
       list(id ORDER BY article_id, seq)
FROM member GROUP BY group_id
"""

VIEW = """
CREATE OR REPLACE VIEW consolidated_events AS
SELECT e.*, g.num_articles, g.num_sources, g.member_ids
FROM events e JOIN event_groups g ON g.first_id = e.id
UNION ALL BY NAME
SELECT e.*, 1 AS num_articles, 1 AS num_sources, [e.id] AS member_ids FROM events e WHERE e.group_id IS NULL
"""

UPSERT_STORIES = """
INSERT OR REPLACE INTO stories
SELECT coalesce(story_id, id) AS sid, min(nullif(date, '')), max(nullif(date, '')), count(*),
       count(DISTINCT coalesce(nullif(source, ''), id)),
       coalesce(max(title) FILTER (WHERE id = coalesce(story_id, id)), max(title))
FROM articles WHERE coalesce(story_id, id) IN (SELECT unnest(?)) GROUP BY 1
"""


def create(con: duckdb.DuckDBPyConnection) -> None:
    """Tables, column and view (idempotent: run on every read-write open, so old files are migrated).

    A store with no articles yet is marked as clustered with the current signature scheme.
    """
    con.execute(SCHEMA)
    con.execute(VIEW)
    if not con.execute("SELECT count(*) FROM articles").fetchone()[0]:
        mark_current(con)
    elif not con.execute("SELECT count(*) FROM event_groups").fetchone()[0]:
        refresh_groups(con)  # a store written before the groups were kept: build them once


def has_view(con: duckdb.DuckDBPyConnection) -> bool:
    found = con.execute("SELECT count(*) FROM duckdb_views() WHERE view_name = 'consolidated_events'").fetchone()
    return bool(found and found[0])


def load_rows(con: duckdb.DuckDBPyConnection, first: str, last: str) -> list[StoredRow]:
    """Stored (article id, story id, date, signature) dated first..last; ("", "") gives the undated ones."""
    sql = "SELECT id, story_id, date, signature FROM articles WHERE story_id IS NOT NULL AND len(signature) > 0 AND "
    if not first and not last:
        rows = con.execute(sql + "(date IS NULL OR length(date) < 10)").fetchall()
    else:
        rows = con.execute(sql + "date >= ? AND date <= ? || '~'", [first, last]).fetchall()
    return [(a, s, d or "", list(v)) for a, s, d, v in rows]


def record_stories(con: duckdb.DuckDBPyConnection, results: Iterable[Any], earlier_groups: list[str] = ()) -> None:
    """After a batch is stored: set its events' group ids, refresh the groups they are in (and ``earlier_groups``,
    those the articles' previous events were in) and the stories the batch touched."""
    articles = [r.article for r in results if isinstance(r, ArticleResult) and not r.duplicate]
    if not articles:
        return
    ids = [a.id for a in articles]
    con.execute(
        f"UPDATE events SET group_id = {GROUP_KEY} FROM articles a "
        "WHERE a.id = events.article_id AND a.id IN (SELECT unnest(?))",
        [ids],
    )
    con.execute(UPSERT_STORIES, [sorted({a.story_id or a.id for a in articles})])
    refresh_groups(con, sorted(set(groups_of(con, ids)) | set(earlier_groups)))


def groups_of(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> list[str]:
    """The event groups the articles' stored events belong to."""
    rows = con.execute(
        "SELECT DISTINCT group_id FROM events WHERE article_id IN (SELECT unnest(?)) AND group_id IS NOT NULL",
        [article_ids],
    ).fetchall()
    return [r[0] for r in rows]


def refresh_groups(con: duckdb.DuckDBPyConnection, group_ids: list[str] | None = None) -> None:
    """Recompute ``event_groups`` rows: these groups, or all of them when ``group_ids`` is None."""
    if group_ids is None:
        con.execute("DELETE FROM event_groups")
        con.execute("INSERT INTO event_groups " + GROUPS.format(where=""))
        return
    if not group_ids:
        return
    con.execute("DELETE FROM event_groups WHERE group_id IN (SELECT unnest(?))", [group_ids])
    con.execute("INSERT INTO event_groups " + GROUPS.format(where="AND e.group_id IN (SELECT unnest(?))"), [group_ids])


def needs_backfill(con: duckdb.DuckDBPyConnection) -> bool:
    """True when articles exist but were clustered by another scheme (or before stories existed)."""
    row = con.execute("SELECT value FROM story_settings WHERE key = 'signature_version'").fetchone()
    if row and row[0] == SIGNATURE_VERSION:
        return False
    return bool(con.execute("SELECT count(*) FROM articles").fetchone()[0])


def backfill(con: duckdb.DuckDBPyConnection, params: StoryParams | None = None, batch: int = 2000) -> int:
    """Re-cluster every stored article from its text, in ingest order; rebuild stories and group ids."""
    index = StoryIndex(params)
    cursor = con.execute("SELECT id, text, date FROM articles ORDER BY ingested_at, id")
    updates: list[tuple[str, str, list[int]]] = []
    while chunk := cursor.fetchmany(batch):
        for article_id, text, date in chunk:
            sig = signature(text or "", index.params.shingle_words)
            match = index.best_match(sig, day_number(date or ""))
            story_id = match.story_id if match else article_id
            index.add(article_id, story_id, day_number(date or ""), sig)
            updates.append((article_id, story_id, sig.values()))
    _write_backfill(con, updates)
    return len(updates)


def _write_backfill(con: duckdb.DuckDBPyConnection, updates: list[tuple[str, str, list[int]]]) -> None:
    import pandas as pd

    frame = pd.DataFrame(updates, columns=["id", "story_id", "signature"])
    con.execute("BEGIN TRANSACTION")
    try:
        con.register("_stories", frame)
        con.execute(
            "UPDATE articles SET story_id = s.story_id, signature = s.signature::UBIGINT[] "
            "FROM _stories s WHERE s.id = articles.id"
        )
        con.unregister("_stories")
        con.execute("DELETE FROM stories")
        con.execute(UPSERT_STORIES.replace("WHERE coalesce(story_id, id) IN (SELECT unnest(?))", ""))
        con.execute(f"UPDATE events SET group_id = {GROUP_KEY} FROM articles a WHERE a.id = events.article_id")
        refresh_groups(con)
        con.execute("INSERT OR REPLACE INTO story_settings VALUES ('signature_version', ?)", [SIGNATURE_VERSION])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def mark_current(con: duckdb.DuckDBPyConnection) -> None:
    """Record that the store's signatures are of the current scheme (a new, empty store)."""
    con.execute("INSERT OR REPLACE INTO story_settings VALUES ('signature_version', ?)", [SIGNATURE_VERSION])
