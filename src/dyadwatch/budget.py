"""A per-document time budget: cleaning or coding one document that runs too long is stopped.

``time_budget(seconds, what)`` wraps one stage of one document. On the main thread of a process
with ``SIGALRM`` (Linux, macOS) a real-time timer interrupts the stage when the budget is spent,
by raising ``DocumentTimeout`` from a signal handler; Python runs the handler between bytecodes,
and ``re`` checks for signals while it backtracks, so a runaway loop or regular expression stops.
Code inside a C extension that never returns to Python (one huge lxml parse) is only stopped when
it returns. Elsewhere (another thread, or a timer already in use) the stage cannot be
interrupted, but a stage that ran over its budget is still reported as ``DocumentTimeout`` when it
ends, so the outcome is the same record, only later.

The budget wraps one document's cleaning and one document's coding; spaCy parses a batch of
documents in one call, which is not timed (its time is linear in the text, bounded by the size
cap), so one slow document never costs the other documents of its batch.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class DocumentTimeout(BaseException):
    """A stage of one document ran over its time budget.

    A ``BaseException`` (like ``KeyboardInterrupt``) so that the ``except Exception`` guards inside
    the stages (a date parser, the HTML extractor) do not swallow it and carry on without a budget.
    """


def _can_interrupt() -> bool:
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0  # someone else's timer is running: leave it alone
    )


def _reason(what: str, seconds: float) -> str:
    return f"{what} took longer than the {seconds:g} s budget per document (raise it with --doc-timeout, 0: none)"


@contextmanager
def time_budget(seconds: float, what: str) -> Iterator[None]:
    """Raise ``DocumentTimeout`` if the block runs longer than ``seconds`` (0 or less: no budget)."""
    if seconds <= 0:
        yield
        return
    if not _can_interrupt():
        started = time.monotonic()
        yield
        if time.monotonic() - started > seconds:
            raise DocumentTimeout(_reason(what, seconds))
        return

    def expire(signum: int, frame: object) -> None:
        raise DocumentTimeout(_reason(what, seconds))

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:  # even if the timer fired just before it was cancelled
            signal.signal(signal.SIGALRM, previous)
