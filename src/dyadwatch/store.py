"""The DuckDB store: the only writer of the database.

One file holds articles, their events, quotes and actor mentions, the cross-document alias
memory, ingest errors and runs. Writes are idempotent: an article is keyed by the hash of its
body text, and (re)storing it replaces its events, quotes and actors in the same transaction,
so re-ingesting a corpus leaves every count unchanged and a copy with identical text collapses.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from dyadwatch.filters import EventFilters
from dyadwatch.models import Actor, Alias, ArticleResult, Event, IngestError, Quote, plain_dict
from dyadwatch.stories import tables as story_tables

if TYPE_CHECKING:  # query results are DataFrames; writing needs no pandas (its import costs a writer ~100 MB)
    import pandas as pd

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP, inputs VARCHAR,
    documents INTEGER, skipped INTEGER, events INTEGER, quotes INTEGER, errors INTEGER, version VARCHAR
);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, source_id VARCHAR, url VARCHAR, path VARCHAR, source VARCHAR,
    title VARCHAR, key_points VARCHAR[], dateline VARCHAR[], agency VARCHAR, byline VARCHAR[],
    editors VARCHAR[], date VARCHAR, date_source VARCHAR, language VARCHAR, text VARCHAR,
    removed JSON, flags VARCHAR[], skipped_reason VARCHAR, run_id VARCHAR, ingested_at TIMESTAMP,
    story_id VARCHAR, signature UBIGINT[]
);
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, seq INTEGER, event_type VARCHAR, mode VARCHAR,
    cameo_code VARCHAR, quad_class INTEGER, goldstein DOUBLE,
    actor_text VARCHAR, actor_name VARCHAR, actor_country VARCHAR, actor_sector VARCHAR, actor_code VARCHAR,
    actor_country_source VARCHAR,
    recipient_text VARCHAR, recipient_name VARCHAR, recipient_country VARCHAR, recipient_sector VARCHAR,
    recipient_code VARCHAR, recipient_country_source VARCHAR,
    negated BOOLEAN, hypothetical BOOLEAN, denied BOOLEAN, asserted BOOLEAN,
    attributed_to VARCHAR, attributed_country VARCHAR,
    date VARCHAR, date_granularity VARCHAR, date_resolved BOOLEAN,
    location_name VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE, location_source VARCHAR,
    sentence VARCHAR, trigger VARCHAR, sentence_start INTEGER, sentence_end INTEGER,
    trigger_start INTEGER, trigger_end INTEGER
);
CREATE TABLE IF NOT EXISTS quotes (
    id VARCHAR PRIMARY KEY, article_id VARCHAR, seq INTEGER, text VARCHAR, direct BOOLEAN, kind VARCHAR,
    cue VARCHAR,
    speaker_text VARCHAR, speaker_name VARCHAR, speaker_country VARCHAR, speaker_sector VARCHAR,
    speaker_code VARCHAR, speaker_country_source VARCHAR,
    addressee_text VARCHAR, addressee_name VARCHAR, addressee_country VARCHAR, addressee_code VARCHAR,
    via_name VARCHAR, setting VARCHAR, start INTEGER, "end" INTEGER, sentence VARCHAR, date VARCHAR
);
CREATE TABLE IF NOT EXISTS actors (
    article_id VARCHAR, seq INTEGER, text VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR,
    code VARCHAR, title VARCHAR, kind VARCHAR, start INTEGER, "end" INTEGER, country_source VARCHAR,
    PRIMARY KEY (article_id, seq)
);
CREATE TABLE IF NOT EXISTS aliases (
    alias VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR, title VARCHAR, date VARCHAR,
    article_id VARCHAR, PRIMARY KEY (alias, name, article_id)
);
CREATE TABLE IF NOT EXISTS errors (
    path VARCHAR, stage VARCHAR, reason VARCHAR, first_run VARCHAR, last_run VARCHAR, last_seen TIMESTAMP,
    PRIMARY KEY (path, stage, reason)
);
"""

# an event's modality class, shown as ``status`` (denied before negated: a denial is also negated)
STATUS = ("CASE WHEN e.denied THEN 'denied' WHEN e.negated THEN 'negated' "
          "WHEN e.hypothetical THEN 'hypothetical' ELSE 'asserted' END")  # fmt: skip

PRONOUNS = ("he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "his", "its", "their", "our")

# Columns added after 0.1.0 first shipped, so that older store files keep working.
MIGRATIONS = """
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS kind VARCHAR;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS story_id VARCHAR;
ALTER TABLE articles ADD COLUMN IF NOT EXISTS signature UBIGINT[];
ALTER TABLE events ADD COLUMN IF NOT EXISTS actor_country_source VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS recipient_country_source VARCHAR;
ALTER TABLE actors ADD COLUMN IF NOT EXISTS country_source VARCHAR;
ALTER TABLE quotes ADD COLUMN IF NOT EXISTS speaker_country_source VARCHAR;
"""

ARTICLE_COLUMNS = [
    "id", "source_id", "url", "path", "source", "title", "key_points", "dateline", "agency", "byline",
    "editors", "date", "date_source", "language", "text", "removed", "flags", "skipped_reason", "run_id",
    "ingested_at", "story_id", "signature",
]  # fmt: skip


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _actor_columns(prefix: str, actor: Actor | None, fields: tuple[str, ...]) -> dict[str, Any]:
    return {f"{prefix}_{f}": (getattr(actor, f) if actor is not None else None) for f in fields}


ACTOR_FIELDS = ("text", "name", "country", "sector", "code", "country_source")


def event_row(article_id: str, seq: int, event: Event) -> dict[str, Any]:
    """Flatten an Event into one row of the events table."""
    loc = event.location
    return {
        "id": f"{article_id}-e{seq}",
        "article_id": article_id,
        "seq": seq,
        "event_type": event.event_type,
        "mode": event.mode,
        "cameo_code": event.cameo_code,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        **_actor_columns("actor", event.actor, ACTOR_FIELDS),
        **_actor_columns("recipient", event.recipient, ACTOR_FIELDS),
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "denied": event.denied,
        "asserted": event.asserted,
        "attributed_to": event.attributed_to.name or event.attributed_to.text if event.attributed_to else None,
        "attributed_country": event.attributed_to.country if event.attributed_to else None,
        "date": event.date,
        "date_granularity": event.date_granularity,
        "date_resolved": event.date_resolved,
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "location_source": loc.source if loc else None,
        "sentence": event.sentence,
        "trigger": event.trigger,
        "sentence_start": event.sentence_start,
        "sentence_end": event.sentence_end,
        "trigger_start": event.trigger_start,
        "trigger_end": event.trigger_end,
    }


def quote_row(article_id: str, seq: int, quote: Quote, date: str) -> dict[str, Any]:
    """Flatten a Quote into one row of the quotes table."""
    return {
        "id": f"{article_id}-q{seq}",
        "article_id": article_id,
        "seq": seq,
        "text": quote.text,
        "direct": quote.direct,
        "kind": quote.kind,
        "cue": quote.cue,
        **_actor_columns("speaker", quote.speaker, ACTOR_FIELDS),
        **_actor_columns("addressee", quote.addressee, ("text", "name", "country", "code")),
        "via_name": (quote.via.name or quote.via.text) if quote.via else None,
        "setting": quote.setting,
        "start": quote.start,
        "end": quote.end,
        "sentence": quote.sentence,
        "date": date,
    }


# DuckDB's buffer pool for a writer. Its default (80 % of RAM) lets a long ingest keep every block it wrote
# cached, so the process grows with the store file (about 3.7 MB per 1,000 short articles); past this limit
# DuckDB evicts clean blocks and spills large operations to a temporary file (docs/performance.md, "Soak").
WRITER_MEMORY_LIMIT = "128MB"


class StoreBusyError(RuntimeError):
    """Another process holds the store file's lock (DuckDB allows one writer and no readers beside it)."""


def _connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    """Open the file; a lock held by another process becomes a StoreBusyError that says what to do."""
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" not in str(exc).lower():
            raise
        pid = re.search(r"PID (\d+)", str(exc))
        holder = f"process {pid.group(1)}" if pid else "another process"
        raise StoreBusyError(
            f"the store {path} is in use by {holder} (an ingest still writing?). DuckDB lets one process "
            f"write a store and none read it meanwhile: wait for that process to finish and run this again, "
            f"or ingest into another file with --db"
        ) from exc


def _connect_waiting(path: Path, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """Retry a busy file for up to ``wait`` seconds: a reader such as `serve` holds it only for one request."""
    deadline = time.monotonic() + wait
    while True:
        try:
            return _connect(path, read_only)
        except StoreBusyError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.05)


class Store:
    """A dyadwatch DuckDB file. Open read-only to query while no writer holds the file.

    ``wait``: seconds to keep trying while another process holds the file (0: fail at once).
    """

    def __init__(self, path: str | Path = "dyadwatch.duckdb", read_only: bool = False, wait: float = 0.0) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise FileNotFoundError(f"no dyadwatch store at {self.path}")
        self.con = _connect_waiting(self.path, read_only, wait)
        if not read_only:
            self.con.execute(f"SET memory_limit = '{WRITER_MEMORY_LIMIT}'")
            self.con.execute(SCHEMA)
            self.con.execute(MIGRATIONS)
            story_tables.create(self.con)  # stories table, events.group_id, consolidated_events view

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- writing -------------------------------------------------------------------------

    def start_run(self, inputs: Iterable[str], version: str) -> str:
        run_id = uuid.uuid4().hex[:12]
        self.con.execute(
            "INSERT INTO runs VALUES (?, ?, NULL, ?, 0, 0, 0, 0, 0, ?)",
            [run_id, _now(), json.dumps(list(inputs)), version],
        )
        return run_id

    def finish_run(self, run_id: str, documents: int, skipped: int, events: int, quotes: int, errors: int) -> None:
        self.con.execute(
            "UPDATE runs SET finished_at=?, documents=?, skipped=?, events=?, quotes=?, errors=? WHERE run_id=?",
            [_now(), documents, skipped, events, quotes, errors, run_id],
        )

    def story_signatures(self, first: str = "", last: str = "") -> list[tuple[str, str, str, list[int]]]:
        """(article id, story id, date, signature) of articles dated first..last (both "": the undated)."""
        return story_tables.load_rows(self.con, first, last)

    def known_article_ids(self) -> set[str]:
        return {row[0] for row in self.con.execute("SELECT id FROM articles").fetchall()}

    def save_results(self, results: list[ArticleResult], run_id: str, aliases: Iterable[Alias] = ()) -> None:
        """Store a batch of articles with their events, quotes and actors in one transaction.

        Existing rows of the same articles are replaced, so re-storing is a no-op in counts.
        """
        if not results:
            return
        ids = [r.article.id for r in results]
        article_rows, event_rows, quote_rows, actor_rows = [], [], [], []
        for result in results:
            art = result.article
            row = plain_dict(art)
            row["removed"] = json.dumps(row["removed"], ensure_ascii=False)
            row.update(
                skipped_reason=result.skipped_reason, run_id=run_id, ingested_at=_now(), signature=result.signature
            )
            article_rows.append({c: row.get(c) for c in ARTICLE_COLUMNS})
            event_rows += [event_row(art.id, i, e) for i, e in enumerate(result.events)]
            quote_rows += [quote_row(art.id, i, q, art.date) for i, q in enumerate(result.quotes)]
            actor_rows += [
                {"article_id": art.id, "seq": i, **plain_dict(a)}
                for i, a in enumerate(result.actors)
            ]
        alias_rows = [plain_dict(a) for a in aliases]
        self.con.execute("BEGIN TRANSACTION")
        try:
            earlier_groups = self._delete_articles(ids)
            self._insert("articles", article_rows)
            self._insert("events", event_rows)
            self._insert("quotes", quote_rows)
            self._insert("actors", actor_rows)
            self._insert("aliases", _unique(alias_rows, ("alias", "name", "article_id")))
            story_tables.record_stories(self.con, results, earlier_groups)  # group ids, groups and stories touched
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def _delete_articles(self, ids: list[str]) -> list[str]:
        """Remove the stored rows of those of ``ids`` already stored; returns the event groups they were in.

        New articles (all of them in a plain ingest) need no delete: the primary-key lookup is cheap,
        the deletes scan the growing events, quotes, actors and aliases tables batch after batch.
        """
        found = self.con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
        stored = [row[0] for row in found]
        if not stored:
            return []
        earlier_groups = story_tables.groups_of(self.con, stored)  # a re-stored article may leave its groups
        for table in ("events", "quotes", "actors", "aliases"):
            self.con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))", [stored])
        self.con.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?))", [stored])
        return earlier_groups

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Insert rows column by column: each column is one list parameter, unnested side by side.

        Not through a pandas DataFrame: importing pandas (and pyarrow with it) adds about 100 MB to the
        writer's resident memory (docs/performance.md, "Peak memory of one process").
        """
        if not rows:
            return
        names = list(rows[0])
        columns = ", ".join(f'"{c}"' for c in names)
        unnested = ", ".join(f"unnest(${i})" for i in range(1, len(names) + 1))
        values = [[row.get(name) for row in rows] for name in names]
        self.con.execute(f"INSERT INTO {table} ({columns}) SELECT {unnested}", values)

    def record_error(self, error: IngestError, run_id: str) -> None:
        """Remember a failed document once per (path, stage, reason); re-runs update last_run."""
        self.con.execute(
            """INSERT INTO errors VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT (path, stage, reason) DO UPDATE SET last_run = excluded.last_run,
               last_seen = excluded.last_seen""",
            [error.path, error.stage, error.reason, run_id, run_id, _now()],
        )

    # ---- reading -------------------------------------------------------------------------

    def aliases(self) -> list[Alias]:
        """The alias memory, oldest first (so a resolver that keeps the last one gets the newest)."""
        rows = self.con.execute(
            "SELECT alias, name, country, sector, title, date, article_id FROM aliases ORDER BY date, alias"
        ).fetchall()
        return [Alias(*row) for row in rows]

    def events(
        self,
        actor: str = "",
        recipient: str = "",
        type: str = "",  # noqa: A002 - mirrors the CLI's --type
        since: str = "",
        until: str = "",
        limit: int | None = 100,
        include_all: bool = False,
        filters: EventFilters | None = None,
        copies: bool = False,
    ) -> pd.DataFrame:
        """Events as a DataFrame, newest first; asserted events only unless ``include_all``.

        ``status`` names each event's modality class: asserted, negated, hypothetical or denied.
        One row per consolidated event (with ``num_articles``, ``num_sources``, ``member_ids``) unless
        ``copies``: then every copy's report of it.
        """
        where, params = (filters or EventFilters()).event_clauses("e")
        if not include_all:
            where.append("e.asserted")
        _party_filter(where, params, "actor", actor)
        _party_filter(where, params, "recipient", recipient)
        if type:
            if type.isdigit():
                where.append("e.cameo_code LIKE ?")
                params.append(type + "%")
            else:
                where.append("upper(e.event_type) = upper(?)")
                params.append(type)
        _date_filter(where, params, "e.date", since, until)
        sql = f"SELECT e.*, {STATUS} AS status, a.title AS article_title, a.url AS article_url "
        sql += f"FROM {self._events_source(copies)} e "
        sql += "JOIN articles a ON a.id = e.article_id"
        return self._query(sql, where, params, "e.date DESC, e.article_id, e.seq", limit)

    def _events_source(self, copies: bool) -> str:
        """``consolidated_events`` (each event once however many copies told it), or ``events`` (every copy).

        A store last written before the view existed, opened read-only, has only ``events``.
        """
        return "events" if copies or not story_tables.has_view(self.con) else "consolidated_events"

    def quotes(
        self,
        actor: str = "",
        recipient: str = "",
        since: str = "",
        until: str = "",
        limit: int | None = 100,
        direct: bool | None = None,
        filters: EventFilters | None = None,
    ) -> pd.DataFrame:
        """Quotes as a DataFrame: ``actor`` filters the speaker, ``recipient`` the addressee."""
        where, params = (filters or EventFilters()).quote_clauses("q")
        _party_filter(where, params, "speaker", actor, table="q")
        _party_filter(where, params, "addressee", recipient, table="q")
        if direct is not None:
            where.append("q.direct = ?")
            params.append(direct)
        _date_filter(where, params, "q.date", since, until)
        sql = "SELECT q.*, a.title AS article_title FROM quotes q JOIN articles a ON a.id = q.article_id"
        return self._query(sql, where, params, "q.date DESC, q.article_id, q.seq", limit)

    def actors(self, name: str = "", limit: int | None = 100) -> pd.DataFrame:
        """Known actors (canonical name, country, sector) with their aliases and mention counts."""
        where, params = ["m.name <> ''"], [list(PRONOUNS)]
        if name:
            where.append("(m.name ILIKE ? OR m.text ILIKE ?)")
            params += [f"%{name}%", f"%{name}%"]
        sql = """SELECT m.name, any_value(m.country) AS country, any_value(m.sector) AS sector,
                 any_value(m.code) AS code, count(*) AS mentions, count(DISTINCT m.article_id) AS articles,
                 list(DISTINCT m.text ORDER BY m.text) FILTER (
                     WHERE m.text <> lower(m.text) AND lower(m.text) NOT IN (SELECT unnest(?))
                 ) AS aliases
                 FROM actors m"""  # pronouns and "the ministry" count as mentions, not as aliases
        sql += " WHERE " + " AND ".join(where) + " GROUP BY m.name ORDER BY mentions DESC, m.name"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self.con.execute(sql, params).df()

    def errors(self) -> pd.DataFrame:
        return self.con.execute("SELECT * FROM errors ORDER BY last_seen DESC").df()

    def summary(self, copies: bool = False) -> dict[str, Any]:
        """Counts and the most active dyads, for ``dyadwatch summary`` and ``make run``.

        Events are counted once per consolidated event (a story told by several copies counts once)
        unless ``copies``; ``event_reports`` always counts every copy's report.
        """
        one = lambda sql: self.con.execute(sql).fetchone()[0]  # noqa: E731
        source = self._events_source(copies)
        dyads = self.con.execute(
            f"""SELECT actor_country, recipient_country, count(*) AS n, round(avg(goldstein), 2) AS mean_goldstein
               FROM {source}
               WHERE asserted AND actor_country <> '' AND recipient_country <> '' AND actor_country <> recipient_country
               GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT 10"""
        ).fetchall()
        types = self.con.execute(
            f"SELECT event_type, count(*) FROM {source} WHERE asserted GROUP BY 1 ORDER BY 2 DESC, 1"
        ).fetchall()
        return {
            "articles": one("SELECT count(*) FROM articles"),
            "articles_coded": one("SELECT count(*) FROM articles WHERE skipped_reason = ''"),
            "stories": one("SELECT count(DISTINCT coalesce(story_id, id)) FROM articles"),
            "events": one(f"SELECT count(*) FROM {source}"),
            "events_asserted": one(f"SELECT count(*) FROM {source} WHERE asserted"),
            "event_reports": one("SELECT count(*) FROM events"),
            "events_consolidated": source == "consolidated_events",
            "quotes": one("SELECT count(*) FROM quotes"),
            "quotes_direct": one("SELECT count(*) FROM quotes WHERE direct"),
            "actors": one("SELECT count(DISTINCT name) FROM actors WHERE name <> ''"),
            "errors": one("SELECT count(*) FROM errors"),
            "runs": one("SELECT count(*) FROM runs"),
            "first_date": one("SELECT min(date) FROM articles WHERE date <> ''"),
            "last_date": one("SELECT max(date) FROM articles WHERE date <> ''"),
            "event_types": {t: n for t, n in types},
            "top_dyads": [
                {"actor": a, "recipient": r, "events": n, "mean_goldstein": g} for a, r, n, g in dyads
            ],
        }

    def export_parquet(self, folder: str | Path) -> list[Path]:
        """Write every table to ``folder/<table>.parquet``."""
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        tables = ["articles", "events", "quotes", "actors", "aliases", "errors", "runs"]
        tables += [t for t in ("stories", "consolidated_events") if self._has_relation(t)]
        for table in tables:
            target = out / f"{table}.parquet"
            self.con.execute(f"COPY {table} TO '{target.as_posix()}' (FORMAT PARQUET)")
            written.append(target)
        return written

    def _has_relation(self, name: str) -> bool:
        found = self.con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? UNION ALL "
            "SELECT count(*) FROM duckdb_views() WHERE view_name = ?",
            [name, name],
        ).fetchall()
        return any(n for (n,) in found)

    def _query(self, sql: str, where: list[str], params: list[Any], order: str, limit: int | None) -> pd.DataFrame:
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {order}"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self.con.execute(sql, params).df()


def _party_filter(where: list[str], params: list[Any], prefix: str, value: str, table: str = "e") -> None:
    """Match an actor by country code, CAMEO code (prefix) or name (substring), case-insensitively."""
    if not value:
        return
    where.append(
        f"(upper({table}.{prefix}_country) = upper(?) OR upper({table}.{prefix}_code) LIKE upper(?) "
        f"OR {table}.{prefix}_name ILIKE ? OR {table}.{prefix}_text ILIKE ?)"
    )
    params += [value, value + "%", f"%{value}%", f"%{value}%"]


def _date_filter(where: list[str], params: list[Any], column: str, since: str, until: str) -> None:
    """Dates are ISO strings (possibly partial, 'YYYY-MM'); string order is date order."""
    if since:
        where.append(f"{column} >= ?")
        params.append(since)
    if until:
        where.append(f"{column} <= ? || '~'")  # '~' sorts after digits: includes partial dates in range
        params.append(until)


def _unique(rows: list[dict[str, Any]], key: tuple[str, ...]) -> list[dict[str, Any]]:
    seen: dict[tuple, dict[str, Any]] = {}
    for row in rows:
        seen[tuple(row[k] for k in key)] = row
    return list(seen.values())
