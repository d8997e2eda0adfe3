"""Short-lived read-only connections, so that `ingest` can take the store between requests.

DuckDB lets one process write a file and no other process open it meanwhile, not even read-only.
The web app therefore holds no connection between requests: each request opens the file
read-only, runs its bounded queries and closes it. A request that meets a writer gets
`StoreBusy` (answered 503 with Retry-After), never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from dyadwatch.store import Store, StoreBusyError

DEFAULT_TIMEOUT_MS = 5000


class StoreBusy(RuntimeError):
    """The store is locked by a writer (an ingest) right now; try again shortly."""


class QueryTimeout(RuntimeError):
    """A query ran past the statement time limit (DuckDB's ``max_execution_time``)."""


@dataclass(frozen=True)
class StoreAccess:
    """Where the store is and how long one query may run; opens a connection per request."""

    path: Path
    timeout_ms: int = DEFAULT_TIMEOUT_MS
    retry_after_s: int = 2

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-only connection for one request, closed afterwards (releasing the file for writers)."""
        try:
            store = Store(self.path, read_only=True)
        except StoreBusyError as exc:
            raise StoreBusy(str(exc)) from None
        except duckdb.IOException as exc:  # e.g. a lock error phrased differently: still "busy", never a traceback
            raise StoreBusy(f"the store {self.path} cannot be opened now: {exc}") from None
        try:
            # DuckDB 2.0 stops a query that runs longer than this (an InterruptException)
            store.con.execute(f"SET max_execution_time = {int(self.timeout_ms)}")
            yield store.con
        except duckdb.InterruptException as exc:
            raise QueryTimeout(f"a query ran longer than {self.timeout_ms} ms and was stopped") from exc
        finally:
            store.close()
