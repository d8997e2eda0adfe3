"""The per-document time budget: a document whose cleaning or coding runs too long becomes an error
record naming it, and the other documents of its batch are coded as usual.

The slow stage is injected: it spins until it is interrupted (or gives up after a long while, so a
broken budget fails the test instead of hanging it). Nothing asserts on wall-clock durations.
"""

from __future__ import annotations

import signal
import threading
import time

import pytest
from typer.testing import CliRunner

import dyadwatch.pipeline as pipeline_module
from dyadwatch.budget import DocumentTimeout, time_budget
from dyadwatch.cli import app
from dyadwatch.limits import Limits
from dyadwatch.models import ArticleResult, IngestError, RawDocument
from dyadwatch.pipeline import Pipeline

BUDGET = 0.3  # for time_budget alone
DOC_BUDGET = 5.0  # for whole documents: far above what coding a short story takes on a loaded machine
GIVE_UP = 60.0  # an injected stage that was never interrupted returns after this long


def spin(seconds: float = GIVE_UP) -> None:
    """Busy Python work (interruptible between bytecodes), as a runaway loop in a stage would be."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        sum(range(1000))


def story(n: int, marker: str = "") -> RawDocument:
    text = f"{marker}Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi in round {n}."
    return RawDocument(f"batch.jsonl:{n}", text=text, fmt="jsonl", date="2024-05-06")


@pytest.fixture
def budgeted(pipeline):
    """The session pipeline's loaded resources (warmed up: lazy tables load on first use) with a time budget."""
    list(pipeline.process_many([story(0)], dedupe=False))
    return Pipeline(resolver=pipeline.resolver, limits=Limits(doc_timeout=DOC_BUDGET))


def test_slow_coding_costs_only_its_document_in_the_batch(budgeted, monkeypatch):
    original = budgeted.code

    def code(article, doc):
        if "SLOW" in article.text:
            spin()
        return original(article, doc)

    monkeypatch.setattr(budgeted, "code", code)
    docs = [story(1), story(2, "SLOW "), story(3), story(4)]
    results = list(budgeted.process_many(docs, batch_size=16))
    slow = results[1]
    assert isinstance(slow, IngestError) and slow.path == "batch.jsonl:2" and slow.stage == "nlp"
    assert "coding took longer than the 5 s budget" in slow.reason and "--doc-timeout" in slow.reason
    for result in (results[0], results[2], results[3]):
        assert isinstance(result, ArticleResult) and [e.event_type for e in result.events] == ["CONSULT"]


def test_slow_cleaning_is_an_error_record_and_the_run_goes_on(budgeted, monkeypatch):
    original = pipeline_module.clean_document

    def clean_document(raw, default_date=""):
        if "SLOW" in raw.text:
            spin()
        return original(raw, default_date=default_date)

    monkeypatch.setattr(pipeline_module, "clean_document", clean_document)
    first, slow, last = budgeted.process_many([story(5), story(6, "SLOW "), story(7)])
    assert isinstance(slow, IngestError) and slow.path == "batch.jsonl:6" and slow.stage == "clean"
    assert "cleaning took longer" in slow.reason
    assert isinstance(first, ArticleResult) and first.events and isinstance(last, ArticleResult) and last.events


def test_a_stage_that_catches_every_exception_is_still_stopped():
    rounds: list[int] = []
    with pytest.raises(DocumentTimeout):
        with time_budget(BUDGET, "parsing a date"):
            for attempt in range(3):
                rounds.append(attempt)
                try:
                    spin()
                except Exception:  # noqa: BLE001 - what lenient library code does
                    continue
    assert rounds == [0]


def test_a_catastrophic_regular_expression_is_interrupted():
    import re

    with pytest.raises(DocumentTimeout, match="matching took longer"):
        with time_budget(BUDGET, "matching"):
            re.match(r"(a+)+$", "a" * 60 + "b")  # exponential backtracking: would run for ages


def test_the_timer_and_the_signal_handler_are_restored():
    before = signal.getsignal(signal.SIGALRM)
    with time_budget(5, "work"):
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0 and signal.getsignal(signal.SIGALRM) is before
    with pytest.raises(DocumentTimeout), time_budget(BUDGET, "work"):
        spin()
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0 and signal.getsignal(signal.SIGALRM) is before


def test_outside_the_main_thread_an_overrun_is_still_reported():
    """No timer off the main thread: the stage runs to its end, then counts as over budget."""
    outcome: list[BaseException | None] = []

    def work() -> None:
        try:
            with time_budget(BUDGET, "coding"):
                spin(BUDGET * 3)
            outcome.append(None)
        except DocumentTimeout as exc:
            outcome.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert isinstance(outcome[0], DocumentTimeout)


def test_a_zero_budget_means_none():
    with time_budget(0, "work"):
        assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_the_cli_takes_doc_timeout_and_refuses_a_negative_one(tmp_path):
    result = CliRunner().invoke(app, ["extract", "--no-events", "--doc-timeout", "-1", str(tmp_path)])
    assert result.exit_code == 2 and "--doc-timeout" in result.output
    (tmp_path / "a.txt").write_text("Chad closed its border with Sudan on Monday.", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--no-events", "--doc-timeout", "2.5", str(tmp_path / "a.txt")])
    assert result.exit_code == 0 and "Chad closed its border" in result.output
