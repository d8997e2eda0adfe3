"""The command line as a user runs it: real processes, real files, real exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# Synthetic wire copy written for these tests (not real reporting).
ARTICLES = [
    {
        "id": "cli-1",
        "date": "2023-03-14",
        "title": "Japan and South Korea agree to resume defence talks",
        "text": (
            "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Tokyo on "
            "Tuesday.\n\nThe two leaders signed an agreement to resume regular security talks."
        ),
        "source": "Synthetic Wire",
    },
    {
        "id": "cli-2",
        "date": "2023-04-02",
        "text": (
            "Protesters rallied outside the French embassy in Bamako on Sunday.\n\n"
            "\u201cWe want the soldiers to go home,\u201d said Amadou Traore, a student leader."
        ),
    },
]


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dyadwatch.cli", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=600,
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    return folder


def test_extract_jsonl_echoes_each_id_with_the_article_fields(corpus):
    proc = run_cli("extract", str(corpus / "wire.jsonl"))
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["id"] for r in records] == ["cli-1", "cli-2"]
    assert [r["source_id"] for r in records] == ["cli-1", "cli-2"]
    assert all(len(r["article_id"]) == 16 for r in records)
    assert all(e["article_id"] == records[0]["article_id"] for e in records[0]["events"])
    for field in ("id", "url", "path", "source", "title", "key_points", "dateline", "agency", "byline",
                  "editors", "date", "language", "text", "removed", "flags", "events", "quotes", "actors"):
        assert field in records[0], field
    assert records[0]["date"] == "2023-03-14"
    assert records[0]["title"].startswith("Japan and South Korea")


def test_extract_no_events_only_cleans(corpus):
    proc = run_cli("extract", str(corpus / "wire.jsonl"), "--no-events")
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout.splitlines()[0])
    assert record["events"] == [] and record["quotes"] == []
    assert "Kishida" in record["text"]


def test_extract_reads_stdin_and_applies_date():
    text = "Russian troops shelled the Ukrainian city of Kherson.\n"
    proc = run_cli("extract", "-", "--date", "2023-02-22", stdin=text)
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["date"] == "2023-02-22"


def test_bad_records_are_reported_and_the_rest_completes(tmp_path):
    bad = tmp_path / "mixed.jsonl"
    bad.write_text(json.dumps(ARTICLES[0]) + "\n{not json\n" + json.dumps({"id": "no-text"}) + "\n", encoding="utf-8")
    proc = run_cli("extract", str(bad), str(tmp_path / "missing.txt"), "--no-events")
    assert proc.returncode == 1
    assert len(proc.stdout.splitlines()) == 1
    assert f"{bad}:2" in proc.stderr and f"{bad}:3" in proc.stderr
    assert "missing.txt" in proc.stderr


def test_usage_errors_exit_2(corpus):
    assert run_cli("extract", str(corpus), "--date", "last tuesday").returncode == 2
    assert run_cli("frobnicate").returncode == 2
    assert run_cli("events", "--since", "yesterday").returncode == 2


def test_ingest_twice_keeps_counts_and_queries_work(corpus, tmp_path):
    db = tmp_path / "store.duckdb"
    first = run_cli("ingest", str(corpus), "--db", str(db))
    assert first.returncode == 0, first.stderr
    summary_1 = json.loads(run_cli("summary", "--db", str(db), "--json").stdout)
    assert summary_1["articles"] == 2
    second = run_cli("ingest", str(corpus), "--db", str(db))
    assert second.returncode == 0, second.stderr
    assert "2 already stored" in second.stderr
    summary_2 = json.loads(run_cli("summary", "--db", str(db), "--json").stdout)
    for key in ("articles", "events", "quotes", "actors"):
        assert summary_2[key] == summary_1[key], key
    assert summary_2["runs"] == 2

    rows = [json.loads(line) for line in run_cli("events", "--db", str(db), "--all", "--json").stdout.splitlines()]
    assert rows, "the corpus has codeable events"
    assert all(r["sentence"] and r["trigger"] for r in rows)
    quotes = [json.loads(line) for line in run_cli("quotes", "--db", str(db), "--json").stdout.splitlines()]
    assert any("soldiers to go home" in q["text"] for q in quotes)


def test_query_without_store_is_a_usage_error(tmp_path):
    proc = run_cli("events", "--db", str(tmp_path / "none.duckdb"))
    assert proc.returncode == 2
    assert "no store" in proc.stderr


def test_alias_memory_resolves_a_bare_name_in_a_later_run(tmp_path):
    # synthetic: a fictional minister, introduced with her title in one run, named bare in the next
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(json.dumps({"id": "m1", "date": "2023-05-01", "text": (
        "Norwegian Defence Minister Kari Haugland met Swedish officials in Oslo on Monday.")}) + "\n")
    second.write_text(json.dumps({"id": "m2", "date": "2023-06-01", "text": (
        "Haugland criticised Russia on Tuesday for violating Norwegian airspace.")}) + "\n")
    db = tmp_path / "alias.duckdb"
    assert run_cli("ingest", str(first), "--db", str(db)).returncode == 0
    assert run_cli("ingest", str(second), "--db", str(db)).returncode == 0
    listing = run_cli("events", "--db", str(db), "--type", "ACCUSE", "--json").stdout
    rows = [json.loads(line) for line in listing.splitlines()]
    assert [(r["actor_name"], r["actor_code"], r["recipient_country"]) for r in rows] == [
        ("Kari Haugland", "NORGOV", "RUS")
    ]
    assert rows[0]["date"] == "2023-05-30"  # "on Tuesday" before the article's Thursday
    # without the store there is nothing to remember: the bare name stays unresolved
    record = json.loads(run_cli("extract", str(second)).stdout)
    assert all(e["actor"]["country"] == "" for e in record["events"] if e["actor"])


def test_a_near_identical_copy_joins_the_story_across_runs(tmp_path):
    # synthetic: the same story re-posted later with another dateline and a credit line
    body = (
        "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Tokyo on Thursday, "
        "the first such visit in 12 years, and the two leaders agreed to resume regular security talks. Japan "
        "also lifted export restrictions on chemicals used to make semiconductors, and South Korea said it would "
        "withdraw a complaint it had filed with the World Trade Organization."
    )
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(json.dumps({"id": "s1", "date": "2023-03-16", "text": body}) + "\n")
    copy = "TOKYO (Pacific Syndicate) - " + body + "\n\nCopyright 2023 Pacific Syndicate."
    second.write_text(json.dumps({"id": "s2", "date": "2023-03-17", "text": copy}) + "\n")
    db = tmp_path / "stories.duckdb"
    assert run_cli("ingest", str(first), "--db", str(db)).returncode == 0
    assert run_cli("ingest", str(second), "--db", str(db)).returncode == 0
    summary = json.loads(run_cli("summary", "--db", str(db), "--json").stdout)
    assert summary["articles"] == 2 and summary["stories"] == 1
    # an event both copies tell counts once, with both reports as evidence, though the copy is a day
    # later (its "on Thursday" resolves to the same date); --copies shows every copy's report
    events = [json.loads(line) for line in run_cli("events", "--db", str(db), "--all", "--json").stdout.splitlines()]
    copies = run_cli("events", "--db", str(db), "--all", "--copies", "--json").stdout.splitlines()
    assert sum(len(e["member_ids"]) for e in events) == len(copies) == summary["event_reports"]
    assert len(events) == summary["events"] < summary["event_reports"]
    meeting = [e for e in events if (e["event_type"], e["actor_code"], e["recipient_code"]) == (
        "CONSULT", "JPNGOV", "KORGOV")]
    assert [(e["num_articles"], e["num_sources"]) for e in meeting] == [(2, 2)]
    stories = [json.loads(line) for line in run_cli("stories", "--db", str(db), "--json").stdout.splitlines()]
    assert [(s["articles"], s["first_seen"], s["last_seen"]) for s in stories] == [(2, "2023-03-16", "2023-03-17")]
