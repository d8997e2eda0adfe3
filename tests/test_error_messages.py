"""Error messages name the file or record, give the reason and say what to do; exit codes are documented."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dyadwatch.cli import app
from dyadwatch.ingest import iter_documents
from dyadwatch.models import IngestError


@pytest.mark.parametrize(
    ("content", "where", "reason", "fix"),
    [
        (b'{"text": "Mali expelled', "bad.jsonl:1", "invalid JSON (Unterminated string", 'like {"text": '),
        (b"[1, 2]", "bad.jsonl:1", "record is a JSON array, not an object", "each line must be one JSON object"),
        (b"null", "bad.jsonl:1", "record is a JSON null, not an object", "each line must be one JSON object"),
        (json.dumps({"title": "x"}).encode(), "bad.jsonl:1", "no 'text' or 'html'", "a non-empty string"),
    ],
)
def test_a_bad_json_line_is_named_with_the_reason_and_the_fix(tmp_path, content, where, reason, fix):
    (tmp_path / "bad.jsonl").write_bytes(content + b"\n")
    [error] = iter_documents([str(tmp_path / "bad.jsonl")])
    assert isinstance(error, IngestError) and error.path == str(tmp_path / where)
    assert reason in error.reason and fix in error.reason


def test_binary_content_says_what_it_may_be_and_what_to_do(tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    [error] = iter_documents([str(tmp_path / "photo.txt")])
    assert "binary content" in error.reason and "save it as UTF-8 text" in error.reason


def test_a_missing_store_suggests_ingest_or_db(tmp_path):
    result = CliRunner().invoke(app, ["summary", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "dyadwatch ingest" in result.output and "--db" in result.output and "none.duckdb" in result.output


@pytest.mark.parametrize("args", [["--help"], ["ingest", "--help"], ["extract", "--help"]])
def test_help_documents_the_exit_codes(args):
    text = " ".join(CliRunner().invoke(app, args).output.split())
    assert "Exit codes: 0 all fine; 1 some documents failed" in text and "2 usage or configuration error" in text
