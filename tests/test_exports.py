"""Exports (GDELT TSV, PLOVER JSON, CSV, Parquet) and the events/quotes filters and formats of the CLI."""

from __future__ import annotations

import csv
import io
import json

import duckdb
import pandas as pd
import pytest
from storebuilder import StoreBuilder
from typer.testing import CliRunner

from dyadwatch.cli import app
from dyadwatch.exports import export
from dyadwatch.exports.gdelt import gdelt_columns
from dyadwatch.exports.tables import write_frame
from dyadwatch.store import Store

# the GDELT 2.0 event table's columns, from its codebook, spelled out here independently of the data file
GDELT_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
               "Type1Code", "Type2Code", "Type3Code"]  # fmt: skip
GDELT_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
GDELT_EXPECTED = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in GDELT_ACTOR] + [f"Actor2{c}" for c in GDELT_ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"{p}_{c}" for p in ("Actor1Geo", "Actor2Geo", "ActionGeo") for c in GDELT_GEO]
    + ["DATEADDED", "SOURCEURL"]
)  # fmt: skip
PLOVER_RECORD_FIELDS = {"id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient", "event",
                        "event_loc", "event_text", "quad_code", "event_scale", "mode", "context", "link", "text",
                        "text_info", "cite_info", "coder", "coded_date", "coded_time", "comment"}  # fmt: skip
PLOVER_ENTITY_FIELDS = {"code", "sector", "entity_text", "identifier_id", "identifier_text", "religion",
                        "ethnicity", "office", "gender", "age"}  # fmt: skip
EXTRAS = {"cameo_code", "goldstein", "article_id", "trigger", "actor_code"}


@pytest.fixture
def db(tmp_path):
    builder = StoreBuilder(tmp_path / "x.duckdb")
    builder.article("a1", "2024-03-05", source="Alpha News")
    builder.event("a1", "USA", "CHN", "042", date="2024-03-04", location_name="Beijing", location_country="CHN",
                  lat=39.9, lon=116.4)  # fmt: skip
    builder.event("a1", "CHN", "NATO", "112", sentence="China accused NATO.\tIt said so\nagain.", sentence_start=50)
    builder.event("a1", "RUS", "UKR", "190", negated=True)
    builder.article("a2", "2024-03-20", source="Beta Post")
    builder.event("a2", "RUS", "UKR", "190")
    builder.event("a2", "USA", "RUS", "173", hypothetical=True)
    builder.quote("a2", "RUS", "UKR")
    builder.quote("a1", "CHN", "USA")
    return builder.close()


@pytest.fixture
def con(db):
    with Store(db, read_only=True) as store:
        yield store.con


def test_gdelt_has_the_61_columns_in_codebook_order_and_fills_what_we_know(con, tmp_path):
    assert list(gdelt_columns()) == GDELT_EXPECTED and len(GDELT_EXPECTED) == 61
    (path,) = export(con, "gdelt", tmp_path / "events.tsv")
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 3 and all(len(r) == 61 for r in rows)  # asserted events only
    row = {name: rows[0][i] for i, name in enumerate(GDELT_EXPECTED)}
    assert (row["GLOBALEVENTID"], row["SQLDATE"], row["MonthYear"], row["Year"]) == ("a1-e0", "20240304", "202403",
                                                                                     "2024")  # fmt: skip
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("USAGOV", "USA", "GOV")
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"], row["QuadClass"]) == ("042", "042", "04", "1")
    assert (row["ActionGeo_FullName"], row["ActionGeo_Lat"], row["IsRootEvent"]) == ("Beijing", "39.9000", "1")
    assert row["SOURCEURL"] == "https://example.test/a1" and row["DATEADDED"] == "20240102030405"
    assert row["AvgTone"] == "" and row["Actor1Geo_FullName"] == ""
    nato = {name: rows[1][i] for i, name in enumerate(GDELT_EXPECTED)}
    assert (nato["Actor2CountryCode"], nato["Actor2KnownGroupCode"], nato["IsRootEvent"]) == ("", "NATO", "0")


def test_plover_records_use_the_specification_field_names(con, tmp_path):
    (path,) = export(con, "plover", tmp_path / "events.jsonl")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a1-e0", "a1-e1", "a2-e0"]
    for record in records:
        assert {"id", "date", "actor", "event"} <= set(record) <= PLOVER_RECORD_FIELDS | EXTRAS
        for entity in record["actor"] + record["recipient"]:
            assert set(entity) <= PLOVER_ENTITY_FIELDS | EXTRAS
    first = records[0]
    assert first["event"] == ["CONSULT"] and first["mode"] == ["visit"] and first["quad_code"] == 1
    assert first["actor"][0]["code"] == "USA" and first["actor"][0]["sector"] == "GOV"
    assert first["event_loc"]["extracted_place"] == "Beijing" and first["event_text"][0].startswith("USA officials")
    assert first["cite_info"]["url"] == "https://example.test/a1" and first["cite_info"]["publication"] == "Alpha News"


def test_parquet_round_trips_every_table(con, db, tmp_path):
    paths = export(con, "parquet", tmp_path / "pq")
    assert {p.stem for p in paths} >= {"articles", "events", "quotes", "actors", "aliases", "errors", "runs"}
    for path in paths:
        stored = con.execute(f'SELECT * FROM "{path.stem}" ORDER BY ALL').df()
        loaded = duckdb.sql(f"SELECT * FROM read_parquet('{path.as_posix()}') ORDER BY ALL").df()
        pd.testing.assert_frame_equal(stored, loaded, check_dtype=False)


def test_csv_holds_every_event_with_its_status(con, tmp_path):
    (path,) = export(con, "csv", tmp_path / "events.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert sorted((r["id"], r["status"]) for r in rows) == [
        ("a1-e0", "asserted"), ("a1-e1", "asserted"), ("a1-e2", "negated"), ("a2-e0", "asserted"),
        ("a2-e1", "hypothetical")]  # fmt: skip
    assert next(r for r in rows if r["id"] == "a1-e1")["sentence"] == "China accused NATO.\tIt said so\nagain."


def test_write_frame_tsv_keeps_one_line_per_row():
    frame = pd.DataFrame({"id": ["x"], "sentence": ["one\ttwo\nthree"], "tags": [["a", "b"]], "n": [None]})
    out = io.StringIO()
    write_frame(frame, "tsv", out)
    assert out.getvalue().splitlines() == ["id\tsentence\ttags\tn", "x\tone two three\ta; b\t"]


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_cli_export_formats_and_usage_errors(db, tmp_path):
    result = run("export", "--db", str(db), "--format", "gdelt", "--out", str(tmp_path / "g.tsv"))
    assert result.exit_code == 0 and (tmp_path / "g.tsv").exists()
    result = run("export", str(tmp_path / "legacy"), "--db", str(db))  # today's form: a folder of Parquet files
    assert result.exit_code == 0 and (tmp_path / "legacy" / "events.parquet").exists()
    assert run("export", "--db", str(db), "--format", "xml", "--out", str(tmp_path / "x")).exit_code == 2
    assert run("export", "--db", str(db), "--format", "csv").exit_code == 2


def events_json(db, *args: str) -> list[dict]:
    result = run("events", "--db", str(db), "--format", "jsonl", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_cli_event_filters(db):
    assert {e["id"] for e in events_json(db, "--between", "CHN", "USA")} == {"a1-e0"}
    assert {e["id"] for e in events_json(db, "--between", "ukr", "rus")} == {"a2-e0"}
    assert {e["id"] for e in events_json(db, "--quad", "4")} == {"a2-e0"}
    assert {e["id"] for e in events_json(db, "--min-goldstein", "0")} == {"a1-e0"}
    assert {e["id"] for e in events_json(db, "--max-goldstein", "-5")} == {"a2-e0"}
    assert {e["id"] for e in events_json(db, "--place", "beij")} == {"a1-e0"}
    assert {e["id"] for e in events_json(db, "--outlet", "beta")} == {"a2-e0"}
    assert {e["id"] for e in events_json(db, "--article", "a1")} == {"a1-e0", "a1-e1"}
    assert run("events", "--db", str(db), "--quad", "5").exit_code == 2


def test_cli_status_column_and_formats(db):
    statuses = {e["id"]: e["status"] for e in events_json(db, "--all")}
    assert statuses == {"a1-e0": "asserted", "a1-e1": "asserted", "a1-e2": "negated", "a2-e0": "asserted",
                        "a2-e1": "hypothetical"}  # fmt: skip
    table = run("events", "--db", str(db), "--all").output
    assert "status" in table and "hypothetical" in table
    rows = list(csv.DictReader(io.StringIO(run("events", "--db", str(db), "--format", "csv").output)))
    assert len(rows) == 3 and "sentence" in rows[0]
    tsv = run("quotes", "--db", str(db), "--format", "tsv", "--between", "UKR", "RUS").output.splitlines()
    assert len(tsv) == 2 and tsv[0].split("\t")[0] == "id"
    assert run("events", "--db", str(db), "--format", "xml").exit_code == 2


@pytest.mark.parametrize("value", ["a1' OR '1'='1", "'; DROP TABLE events; --"])
def test_cli_filter_values_that_look_like_sql_are_data(db, value):
    assert events_json(db, "--article", value, "--all") == []
    assert events_json(db, "--outlet", value) == []
    assert events_json(db, "--between", value, "USA") == []
    assert len(events_json(db, "--all")) == 5


def test_cli_dyad_and_alerts(db):
    result = run("dyad", "USA", "CHN", "--db", str(db), "--by", "month")
    assert result.exit_code == 0 and "2024-03" in result.output and "net cooperation" in result.output
    points = [json.loads(line) for line in run("dyad", "RUS", "UKR", "--db", str(db), "--json").output.splitlines()]
    assert [p["events"] for p in points] == [1] and points[0]["by_quad"]["4"] == 1
    assert run("dyad", "USA", "CHN", "--db", str(db), "--by", "year").exit_code == 2
    result = run("alerts", "--db", str(db), "--json")
    assert result.exit_code == 0 and result.output == ""  # two weeks of data: no baseline, no alert
