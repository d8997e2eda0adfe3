"""Crash and resume: an ingest killed with SIGKILL mid-run leaves a store that opens, holds no
partial article, and a rerun finishes to exactly the counts of an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dyadwatch.store import Store

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "synthetic_wire.jsonl"
DOCUMENTS = 16  # enough for several committed batches of 2 before the kill


def ingest(db: Path, corpus: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "dyadwatch.cli", "ingest", str(corpus), "--db", str(db), "--batch-size", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def counts(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        one = lambda sql: store.con.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "articles": one("SELECT count(*) FROM articles"),
            "events": one("SELECT count(*) FROM events"),
            "quotes": one("SELECT count(*) FROM quotes"),
            "actors": one("SELECT count(*) FROM actors"),
            "orphans": one(
                "SELECT (SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles))"
                " + (SELECT count(*) FROM quotes WHERE article_id NOT IN (SELECT id FROM articles))"
            ),
        }


def wait_for_first_commit(db: Path, process: subprocess.Popen, marker: bytes, timeout: float = 240) -> bool:
    """True once the write-ahead log holds ``marker`` (the first article's id): a batch was committed."""
    wal = Path(f"{db}.wal")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if wal.exists() and marker in wal.read_bytes():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_an_ingest_killed_mid_run_resumes_to_the_same_counts(tmp_path):
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text("".join(CORPUS.read_text(encoding="utf-8").splitlines(keepends=True)[:DOCUMENTS]), "utf-8")
    whole, crashed = tmp_path / "whole.duckdb", tmp_path / "crashed.duckdb"
    assert ingest(whole, corpus).wait(timeout=600) == 0

    process = ingest(crashed, corpus)
    committed = wait_for_first_commit(crashed, process, b"syn-2023-001")
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    partial = counts(crashed)  # the store opens after the kill
    assert partial["orphans"] == 0
    if committed:
        assert 0 < partial["articles"] <= counts(whole)["articles"]

    assert ingest(crashed, corpus).wait(timeout=600) == 0
    assert counts(crashed) == counts(whole)
