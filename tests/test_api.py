"""The Python API mirrors the CLI: extract() returns extract's records, Store() returns DataFrames."""

from __future__ import annotations

import dyadwatch
from dyadwatch.models import Actor, Article, ArticleResult, Event
from dyadwatch.store import Store as WritableStore

TEXT = (
    "Indian Prime Minister Narendra Modi met Pakistani Prime Minister Shehbaz Sharif in Astana on Monday.\n\n"
    "\u201cWe agreed to keep talking,\u201d Modi told reporters after the meeting."
)  # synthetic


def test_extract_accepts_literal_text_and_returns_records():
    records = dyadwatch.extract(TEXT, date="2023-07-03")
    assert len(records) == 1
    record = records[0]
    assert record["date"] == "2023-07-03"
    assert "Sharif" in record["text"]
    assert isinstance(record["events"], list) and isinstance(record["quotes"], list)


def test_extract_accepts_a_path(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("India and Pakistan hold talks\n\n" + TEXT, encoding="utf-8")
    records = dyadwatch.extract(path, date="2023-07-03", events=False)
    assert [r["title"] for r in records] == ["India and Pakistan hold talks"]


def test_store_returns_dataframes_with_cli_filters(tmp_path):
    db = tmp_path / "api.duckdb"
    ind = Actor(text="Narendra Modi", name="Narendra Modi", country="IND", sector="GOV", code="INDGOV")
    pak = Actor(text="Shehbaz Sharif", name="Shehbaz Sharif", country="PAK", sector="GOV", code="PAKGOV")
    event = Event(event_type="CONSULT", cameo_code="040", quad_class=1, goldstein=1.0, actor=ind, recipient=pak,
                  sentence="Modi met Sharif.", trigger="met", date="2023-07-03")
    with WritableStore(db) as store:
        store.save_results([ArticleResult(article=Article(id="x1", text="Modi met Sharif."), events=[event])], "r1")
    store = dyadwatch.Store(db)
    try:
        frame = store.events(actor="IND", recipient="PAKGOV", since="2023-07")
        assert list(frame["event_type"]) == ["CONSULT"]
        assert store.events(actor="PAK").empty
    finally:
        store.close()
