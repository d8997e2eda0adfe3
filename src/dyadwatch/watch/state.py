"""The watcher's memory, in the store file so it survives restarts.

``watch_sources``: per source, the validators of its last answer (ETag, Last-Modified), when it
was checked, consecutive failures and the time before which it is not polled again.
``watch_items``: every article URL seen, whether it was ingested (and as which article) or failed.
``watch_failures``: a log of every failure, with the source, the URL and the reason.
``alerts``: the shifts raised, one row per (dyad, period, measure), so none is raised twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import duckdb

from dyadwatch.watch.config import Source

SCHEMA = """
CREATE TABLE IF NOT EXISTS watch_sources (
    name VARCHAR PRIMARY KEY, url VARCHAR, kind VARCHAR, etag VARCHAR, last_modified VARCHAR,
    last_checked TIMESTAMP, last_changed TIMESTAMP, last_status INTEGER, checks INTEGER,
    not_modified INTEGER, failures INTEGER, next_allowed TIMESTAMP, last_error VARCHAR
);
CREATE TABLE IF NOT EXISTS watch_items (
    url VARCHAR PRIMARY KEY, source VARCHAR, first_seen TIMESTAMP, last_try TIMESTAMP, status VARCHAR,
    attempts INTEGER, article_id VARCHAR, error VARCHAR
);
CREATE TABLE IF NOT EXISTS watch_failures (seen_at TIMESTAMP, source VARCHAR, url VARCHAR, reason VARCHAR);
CREATE TABLE IF NOT EXISTS alerts (
    a VARCHAR, b VARCHAR, period VARCHAR, "by" VARCHAR, measure VARCHAR, value DOUBLE, baseline_mean DOUBLE,
    baseline_sd DOUBLE, score DOUBLE, direction VARCHAR, event_ids VARCHAR[], raised_at TIMESTAMP,
    PRIMARY KEY (a, b, period, measure)
);
"""
MAX_ITEM_ATTEMPTS = 3  # an article page that failed this often is not tried again


@dataclass
class SourceState:
    etag: str = ""
    last_modified: str = ""
    failures: int = 0
    next_allowed: datetime | None = None


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(SCHEMA)


def source_state(con: duckdb.DuckDBPyConnection, source: Source) -> SourceState:
    """Saved state of a source; a source whose URL changed in the file starts afresh."""
    row = con.execute(
        "SELECT url, etag, last_modified, failures, next_allowed FROM watch_sources WHERE name = ?", [source.name]
    ).fetchone()
    if row is None or row[0] != source.url:
        return SourceState()
    return SourceState(etag=row[1] or "", last_modified=row[2] or "", failures=row[3] or 0, next_allowed=row[4])


def backoff_seconds(failures: int, every: float, base: float, cap: float) -> float:
    """Wait after ``failures`` consecutive failures: max(every, base) doubled per failure, capped."""
    return min(cap, max(every, base) * 2 ** max(failures - 1, 0))


def record_check(
    con: duckdb.DuckDBPyConnection, source: Source, now: datetime, status: int, etag: str, last_modified: str,
    next_allowed: datetime,
) -> None:
    """A successful check (200 or 304): keep the validators, clear the failure count."""
    changed = now if status == 200 else None
    con.execute(
        """INSERT INTO watch_sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 0, ?, '')
           ON CONFLICT (name) DO UPDATE SET url = excluded.url, kind = excluded.kind, etag = excluded.etag,
             last_modified = excluded.last_modified, last_checked = excluded.last_checked,
             last_changed = coalesce(excluded.last_changed, watch_sources.last_changed),
             last_status = excluded.last_status, checks = watch_sources.checks + 1,
             not_modified = watch_sources.not_modified + excluded.not_modified, failures = 0,
             next_allowed = excluded.next_allowed, last_error = ''""",
        [source.name, source.url, source.kind, etag, last_modified, now, changed, status,
         int(status == 304), next_allowed],
    )  # fmt: skip


def record_source_failure(
    con: duckdb.DuckDBPyConnection, source: Source, now: datetime, reason: str, failures: int, wait_s: float
) -> None:
    """A failed check: count it, and do not poll the source again before the back-off has passed."""
    next_allowed = now + timedelta(seconds=wait_s)
    con.execute(
        """INSERT INTO watch_sources VALUES (?, ?, ?, '', '', ?, NULL, NULL, 1, 0, ?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET url = excluded.url, kind = excluded.kind,
             last_checked = excluded.last_checked, last_status = NULL, checks = watch_sources.checks + 1,
             failures = excluded.failures, next_allowed = excluded.next_allowed, last_error = excluded.last_error""",
        [source.name, source.url, source.kind, now, failures, next_allowed, reason],
    )
    log_failure(con, now, source.name, source.url, reason)


def log_failure(con: duckdb.DuckDBPyConnection, now: datetime, source: str, url: str, reason: str) -> None:
    con.execute("INSERT INTO watch_failures VALUES (?, ?, ?, ?)", [now, source, url, reason])


def pending(con: duckdb.DuckDBPyConnection, keys: list[str]) -> set[str]:
    """Those of ``keys`` still to fetch: never seen, or failed fewer than MAX_ITEM_ATTEMPTS times."""
    if not keys:
        return set()
    done = con.execute(
        "SELECT url FROM watch_items WHERE url IN (SELECT unnest(?)) AND (status = 'ingested' OR attempts >= ?)",
        [keys, MAX_ITEM_ATTEMPTS],
    ).fetchall()
    return set(keys) - {row[0] for row in done}


def record_item(
    con: duckdb.DuckDBPyConnection, key: str, source: str, now: datetime, article_id: str = "", error: str = ""
) -> None:
    """An article URL ingested (``article_id``) or failed (``error``)."""
    status = "failed" if error else "ingested"
    con.execute(
        """INSERT INTO watch_items VALUES (?, ?, ?, ?, ?, 1, ?, ?)
           ON CONFLICT (url) DO UPDATE SET last_try = excluded.last_try, status = excluded.status,
             attempts = watch_items.attempts + 1, article_id = excluded.article_id, error = excluded.error""",
        [key, source, now, now, status, article_id, error],
    )
