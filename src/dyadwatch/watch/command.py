"""The body of ``dyadwatch watch``: load the sources file, run rounds until told to stop.

SIGINT and SIGTERM set a flag: the article in hand is finished and saved, the round ends, the
store is closed and the process exits 0. A second signal stops at once (an unsaved article's
transaction is rolled back by DuckDB; the next run fetches it again). Exit codes: 0 fine (or
stopped cleanly), 1 with ``--once`` when a source or a document failed, 2 a bad sources file or a
store locked by another process (with ``--once``; a long-running watcher retries next round).
"""

from __future__ import annotations

import logging
import signal
import sys
import threading
from pathlib import Path
from typing import Any

from dyadwatch.store import StoreBusyError
from dyadwatch.watch.config import ConfigError, load_config, parse_duration
from dyadwatch.watch.runner import RoundCounts, Watcher

log = logging.getLogger("dyadwatch.watch")
MIN_ROUND_INTERVAL_S = 5.0  # a long-running watcher never starts rounds back to back ("every = 0s")


def run_watch(
    sources: Path, db: Path, every: str | None = None, once: bool = False, alerts_jsonl: str | None = None,
    webhook: str | None = None, allow_private: bool = False,
) -> int:
    """Run ``watch`` and return its exit code."""
    _setup_logging()
    overrides: dict[str, Any] = {"alerts_jsonl": alerts_jsonl, "webhook": webhook}
    if allow_private:
        overrides["allow_private"] = True
    try:
        if every is not None:
            overrides["every"] = parse_duration(every, "--every")
        config = load_config(sources, overrides)
    except ConfigError as exc:
        log.error("%s", exc)
        return 2
    stop = threading.Event()
    previous = _install_handlers(stop)
    watcher = Watcher(config, db, stop=stop)
    log.info("watching %d sources from %s into %s%s", len(config.sources), sources, db,
             "" if once else f", a round every {config.settings.every:g} s")  # fmt: skip
    try:
        return _loop(watcher, once, config.settings.every, stop)
    finally:
        watcher.close()
        _restore_handlers(previous)


def _loop(watcher: Watcher, once: bool, every: float, stop: threading.Event) -> int:
    while True:
        try:
            counts = watcher.run_round()
        except StoreBusyError as exc:
            log.error("%s", exc)
            if once:
                return 2
            counts = RoundCounts()
        except Exception:  # noqa: BLE001 - a long-running watcher logs a broken round and tries the next
            log.exception("round failed")
            if once:
                return 1
            counts = RoundCounts()
        else:
            log.info("round done: %s", counts.line())
        if once or stop.is_set():
            break
        stop.wait(max(every, MIN_ROUND_INTERVAL_S))
    if stop.is_set():
        log.info("stopped cleanly")
        return 0
    return 1 if counts.failed or counts.errors or counts.page_errors else 0


def _install_handlers(stop: threading.Event) -> dict[int, Any]:
    """First SIGINT/SIGTERM: finish the current article and stop; a second one: the default (exit now)."""
    if threading.current_thread() is not threading.main_thread():
        return {}  # signals can only be handled in the main thread (e.g. under a test runner's thread)

    def handle(signum: int, _frame: Any) -> None:
        log.warning("%s received: finishing the current article, then stopping", signal.Signals(signum).name)
        stop.set()
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, signal.SIG_DFL)

    previous = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        previous[sig] = signal.getsignal(sig)
        signal.signal(sig, handle)
    return previous


def _restore_handlers(previous: dict[int, Any]) -> None:
    for sig, handler in previous.items():
        signal.signal(sig, handler)


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is at the time (a test runner swaps it between runs)."""

    @property  # type: ignore[override]
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


def _setup_logging() -> None:
    logger = logging.getLogger("dyadwatch.watch")
    if not logger.handlers:
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%Y-%m-%dT%H:%M:%S"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
