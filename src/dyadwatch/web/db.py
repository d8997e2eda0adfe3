"""Read-only connections that let `ingest` take the store between requests.

DuckDB lets one process write a file and no other process open it meanwhile, not even read-only.
The web app therefore holds the file only while it answers: the first request opens it
read-only, requests arriving meanwhile share it (one cursor each), and it is closed once no
request has run for ``linger_s`` (default 0.5 s; 0 closes after every request). Opening a 100 MB
store costs ~0.1 s and loses DuckDB's block cache, so a short linger keeps a busy session fast
while an `ingest` (which waits up to 30 s for the file) still gets it within a moment of quiet.
A request that meets a writer gets `StoreBusy` (answered 503 with Retry-After), never a traceback.

Results are cached per store version: only a writer changes the file or its WAL, so a result
computed while the file had the same (mtime, size, inode) for both is still exact. A repeated
page therefore costs a stat() instead of the queries; any commit by an ingest invalidates it.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from dyadwatch.store import Store, StoreBusyError

DEFAULT_TIMEOUT_MS = 5000
DEFAULT_LINGER_S = 0.5
DEFAULT_CACHE_ENTRIES = 256


class StoreBusy(RuntimeError):
    """The store is locked by a writer (an ingest) right now, or missing; try again shortly."""


class QueryTimeout(RuntimeError):
    """A query ran past the statement time limit (DuckDB's ``max_execution_time``)."""


class StoreAccess:
    """Where the store is, how long one query may run, and the shared read-only connection while in use."""

    def __init__(self, path: Path, timeout_ms: int = DEFAULT_TIMEOUT_MS, linger_s: float = DEFAULT_LINGER_S,
                 retry_after_s: int = 2, cache_entries: int = DEFAULT_CACHE_ENTRIES,
                 warm: bool = False) -> None:  # fmt: skip
        self.path, self.timeout_ms, self.linger_s, self.retry_after_s = Path(path), timeout_ms, linger_s, retry_after_s
        self.cache_entries = cache_entries
        # warm: build analysis.cache's slim tables when the file is opened. They are temporary tables of that one
        # connection (a cursor does not see them), so requests then take turns on it instead of a cursor each.
        self.warm = warm
        self._turn = threading.Lock()
        self._cache: OrderedDict[tuple, tuple[tuple, object]] = OrderedDict()
        self._lock = threading.Lock()
        self._store: Store | None = None
        self._active = 0
        self._last_used = 0.0
        self._closer: threading.Timer | None = None

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-only cursor for one request; the file is let go of when requests stop."""
        cursor = self._acquire()
        if self.warm:
            self._turn.acquire()
        try:
            cursor.execute(f"SET max_execution_time = {int(self.timeout_ms)}")  # DuckDB 2.0 stops longer queries
            yield cursor
        except duckdb.InterruptException as exc:
            raise QueryTimeout(f"a query ran longer than {self.timeout_ms} ms and was stopped") from exc
        finally:
            if self.warm:
                self._turn.release()
            else:
                cursor.close()
            self._release()

    def version(self) -> tuple:
        """What identifies the store's content: (mtime, size, inode) of the file and of its WAL."""
        marks = []
        for path in (self.path, self.path.with_name(self.path.name + ".wal")):
            try:
                st = path.stat()
                marks.append((st.st_mtime_ns, st.st_size, st.st_ino))
            except FileNotFoundError:
                marks.append(None)
        return tuple(marks)

    def cached(self, key: tuple, compute: Callable[[duckdb.DuckDBPyConnection], object]) -> object:
        """``compute(con)``, or its earlier result for ``key`` if the store has not changed since (callers must
        not mutate the result)."""
        if self.cache_entries <= 0:
            with self.connect() as con:
                return compute(con)
        version = self.version()
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None and hit[0] == version:
                self._cache.move_to_end(key)
                return hit[1]
        with self.connect() as con:
            value = compute(con)
        with self._lock:
            self._cache[key] = (version, value)
            while len(self._cache) > self.cache_entries:
                self._cache.popitem(last=False)
        return value

    def _acquire(self) -> duckdb.DuckDBPyConnection:
        with self._lock:
            if self._store is None:
                self._store = _open(self.path)
                if self.warm:
                    from dyadwatch.analysis.cache import warm_cache

                    warm_cache(self._store.con)
            self._active += 1
            try:
                return self._store.con if self.warm else self._store.con.cursor()
            except Exception:
                self._active -= 1
                raise

    def _release(self) -> None:
        with self._lock:
            self._active -= 1
            self._last_used = time.monotonic()
            if self._active == 0:
                if self.linger_s <= 0:
                    self._close_locked()
                elif self._closer is None:
                    self._closer = threading.Timer(self.linger_s, self._close_if_idle)
                    self._closer.daemon = True
                    self._closer.start()

    def _close_if_idle(self) -> None:
        with self._lock:
            self._closer = None
            idle = time.monotonic() - self._last_used
            if self._active == 0 and idle >= self.linger_s * 0.99:
                self._close_locked()
            elif self._active == 0:  # used again meanwhile: check again when that use has lingered
                self._closer = threading.Timer(self.linger_s - idle, self._close_if_idle)
                self._closer.daemon = True
                self._closer.start()

    def _close_locked(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def close(self) -> None:
        """Let go of the file now (server shutdown)."""
        with self._lock:
            if self._closer is not None:
                self._closer.cancel()
                self._closer = None
            self._close_locked()

    @property
    def is_open(self) -> bool:
        return self._store is not None


def _open(path: Path) -> Store:
    try:
        return Store(path, read_only=True)
    except StoreBusyError as exc:
        raise StoreBusy(str(exc)) from None
    except FileNotFoundError as exc:
        raise StoreBusy(f"{exc} (moved or deleted?)") from None
    except duckdb.IOException as exc:  # e.g. a lock error phrased differently: still "busy", never a traceback
        raise StoreBusy(f"the store {path} cannot be opened now: {exc}") from None
