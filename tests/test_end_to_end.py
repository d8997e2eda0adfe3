"""End to end: `dyadwatch ingest examples/` as `make run` does, checked against expectations
written by hand from the bundled articles (see examples/README.md for what each contains)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dyadwatch.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def ingest(db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dyadwatch.cli", "ingest", str(EXAMPLES), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict:
    """Ingest the examples twice into one store, as two `make run`s do; keep the summary in between."""
    path = tmp_path_factory.mktemp("e2e") / "examples.duckdb"
    first = ingest(path)
    assert first.returncode == 0, first.stderr
    with Store(path, read_only=True) as store:
        after_first = store.summary()
    second = ingest(path)
    return {"db": path, "after_first": after_first, "second": second}


@pytest.fixture(scope="module")
def db(runs) -> Path:
    return runs["db"]


@pytest.fixture(scope="module")
def store(db):
    opened = Store(db, read_only=True)
    yield opened
    opened.close()


def events_of(store: Store, source_id: str, asserted_only: bool = True) -> list[dict]:
    sql = """SELECT e.* FROM events e JOIN articles a ON a.id = e.article_id
             WHERE a.source_id = ? ORDER BY e.seq"""
    rows = store.con.execute(sql, [source_id]).df().to_dict(orient="records")
    return [r for r in rows if r["asserted"] or not asserted_only]


def quotes_of(store: Store, source_id: str) -> list[dict]:
    sql = "SELECT q.* FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.source_id = ? ORDER BY q.seq"
    return store.con.execute(sql, [source_id]).df().to_dict(orient="records")


def has_event(events: list[dict], event_type: str, actor: str, recipient: str | None = None) -> bool:
    return any(
        e["event_type"] == event_type
        and e["actor_country"] == actor
        and (recipient is None or e["recipient_country"] == recipient)
        for e in events
    )


def test_every_example_is_stored_and_the_syndicated_copy_counts_once(store):
    summary = store.summary()
    # 41 JSONL lines (one an identical copy of syn-2023-025), 3 HTML pages, 3 feed items, the seed
    assert summary["articles"] == 47
    assert summary["errors"] == 0
    ids = {r[0] for r in store.con.execute("SELECT source_id FROM articles").fetchall()}
    assert "syn-2023-025" in ids and "syn-2023-041" not in ids
    assert summary["first_date"] == "2023-01-10" and summary["last_date"] == "2023-10-30"


def test_second_ingest_skips_everything_and_leaves_identical_counts(runs, store):
    assert runs["second"].returncode == 0, runs["second"].stderr
    assert "0 stored, 48 already stored or duplicate" in " ".join(runs["second"].stderr.split())
    after = store.summary()
    for key in ("articles", "events", "events_asserted", "quotes", "actors", "errors"):
        assert after[key] == runs["after_first"][key], key
    assert after["runs"] == 2


def test_shelling_of_kherson_is_a_russian_assault(store):
    # syn-2023-002: "Russian forces shelled the southern city of Kherson ..."
    events = events_of(store, "syn-2023-002")
    shelling = [e for e in events if e["trigger"] == "shelled"]
    assert shelling and shelling[0]["event_type"] == "ASSAULT"
    assert shelling[0]["actor_country"] == "RUS"
    assert shelling[0]["quad_class"] == 4 and shelling[0]["goldstein"] < 0
    assert shelling[0]["location_name"] == "Kherson"
    assert "Kherson" in shelling[0]["sentence"]


def test_us_sanctions_on_russian_companies(store):
    # syn-2023-004: "The United States imposed sanctions on 22 Russian companies ..."
    assert has_event(events_of(store, "syn-2023-004"), "SANCTION", "USA", "RUS")


def test_yoon_meets_kishida_in_tokyo(store):
    # syn-2023-012: "South Korean President Yoon Suk Yeol met Japanese Prime Minister Fumio Kishida in Tokyo"
    events = events_of(store, "syn-2023-012")
    meeting = [e for e in events if e["event_type"] == "CONSULT" and e["trigger"] == "met"]
    assert meeting
    assert {meeting[0]["actor_country"], meeting[0]["recipient_country"]} == {"KOR", "JPN"}
    assert meeting[0]["location_name"] == "Tokyo"
    assert meeting[0]["date"] == "2023-03-16"


def test_conditional_sanctions_are_kept_but_not_asserted(store):
    # syn-2023-014: Blinken warned China that the US would impose sanctions if Beijing sent weapons
    asserted = events_of(store, "syn-2023-014")
    assert has_event(asserted, "THREATEN", "USA", "CHN")
    everything = events_of(store, "syn-2023-014", asserted_only=False)
    conditional = [e for e in everything if e["event_type"] == "SANCTION"]
    assert conditional and not any(e["asserted"] for e in conditional)
    assert not has_event(asserted, "SANCTION", "USA")


def test_a_trip_that_did_not_happen_is_not_a_meeting(store):
    # syn-2023-005: Blinken postponed his trip; he "did not travel to China"
    assert not has_event(events_of(store, "syn-2023-005"), "CONSULT", "USA", "CHN")


def test_quotes_have_speakers_with_countries(store):
    kishida = [q for q in quotes_of(store, "syn-2023-012") if q["direct"] and "Kishida" in (q["speaker_name"] or "")]
    assert kishida and kishida[0]["speaker_country"] == "JPN"
    assert "new chapter" in kishida[0]["text"]
    wang = [q for q in quotes_of(store, "syn-2023-014") if q["direct"] and "Wang Wenbin" in (q["speaker_name"] or "")]
    assert wang and wang[0]["speaker_country"] == "CHN"


def test_seed_article_keeps_its_evidence(store):
    row = store.con.execute(
        "SELECT id, title, editors, removed FROM articles WHERE path LIKE '%seed_reuters_china_russia.txt'"
    ).fetchone()
    assert row is not None
    article_id, title, editors, removed = row
    assert title.startswith("The United States is worried")
    assert "Josie Kao" in editors
    assert any("MH370" in r["text"] for r in json.loads(removed))
    text = store.con.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()[0]
    events = store.con.execute(
        "SELECT sentence, sentence_start, sentence_end, trigger_start FROM events WHERE article_id = ?", [article_id]
    ).fetchall()
    assert len(events) >= 8
    for sentence, start, end, trigger_start in events:
        assert text[start:end] == sentence  # the offsets point at the evidence in the stored text
        assert sentence == sentence.strip()
        assert start <= trigger_start < end
    assert not any("Malaysia" in sentence or "Boris Johnson" in sentence for sentence, *_ in events)
