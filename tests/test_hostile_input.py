"""Hostile input: nothing is lost, nothing crashes.

One ``dyadwatch ingest`` run reads a folder where every hostile file is followed by a good one;
each case then checks that its hostile file gave the right error record (naming the file and the
reason) or the right article, and that the good file after it was stored. Cases that need other
settings (small limits, a failing parser, a locked store) run on their own below.
All texts are synthetic.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import random
import re
import subprocess
import sys
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dyadwatch.cli import app
from dyadwatch.ingest import iter_documents
from dyadwatch.models import ArticleResult, IngestError, RawDocument
from dyadwatch.store import Store

MAX_DOC_CHARS = 20_000  # the run's --max-doc-chars: small, so oversized cases stay cheap
RAW_CAP = 8 * MAX_DOC_CHARS


def good_text(n: int) -> str:
    """A distinct, codable synthetic article (its id differs per case)."""
    return (
        f"Good story {n}: Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi "
        f"on Tuesday to discuss trade, officials said in statement number {n}."
    )


def page(body: str, title: str = "Synthetic page") -> str:
    return f"<html><head><title>{title}</title></head><body><article>{body}</article></body></html>"


def warc_bytes(bodies: list[str]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for index, body in enumerate(bodies):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://news.test/{index}", "response", payload=io.BytesIO(body.encode()), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-02-01T10:00:00Z"},
            )
        )
    return buffer.getvalue()


def with_content_length(data: bytes, record: int, delta: int) -> bytes:
    """The WARC (not HTTP) Content-Length of one record, off by ``delta`` bytes."""
    match = list(re.finditer(rb"WARC/1\.\d\r\n(?:[^\r\n]+\r\n)*?Content-Length: (\d+)", data))[record]
    return data[: match.start(1)] + str(int(match.group(1)) + delta).encode() + data[match.end(1) :]


def warc_pages(first: int) -> list[str]:
    """Three pages with distinct texts (the same text in two cases would be stored once, as a duplicate)."""
    return [page(f"<p>{good_text(first + i)}</p>", f"Wire {first + i}") for i in range(3)]


@dataclass
class Case:
    """A hostile file, what must become of it, and (``stored``) text that must be in some stored article."""

    name: str
    suffix: str
    data: bytes
    error: str = ""  # a substring of the error reason, or "" when the file must be stored
    stored: str = ""  # a substring of a stored article's text
    flag: str = ""  # a flag that article must carry
    absent: str = ""  # text no article from this file may hold


def cases() -> list[Case]:
    deep = 700
    nested = "<div>" * deep + "<p>{}</p>" + "</div>" * deep
    rtl = "Israel\u200f struck\u200e Syria\u202b on Sunday\u202c, the army said\u2066 in a statement\u2069."
    return [
        Case("too_long_text", ".txt", ("Sanctions were announced today. " * 1000).encode(), "document too long"),
        Case("huge_single_line", ".txt", b"x" * (RAW_CAP + 10), "document too large"),
        Case(
            "jsonl_over_long_line",
            ".jsonl",
            (json.dumps({"text": "y" * (RAW_CAP + 5)}) + "\n" + json.dumps({"text": good_text(501)}) + "\n").encode(),
            "document too large",
            "Good story 501",
        ),
        Case("deep_html_a", ".html", page(nested.format("Chilean police detained 40 protesters in Santiago.")).encode(),
             "", "Chilean police detained 40 protesters"),
        Case("deep_html_b", ".html", page(nested.format("Peruvian troops clashed with miners in Puno.")).encode(),
             "", "Peruvian troops clashed with miners"),
        Case("html_scripts_only", ".html", b"<html><body><script>var a = 1;</script><img src=x></body></html>",
             "no text found in the HTML page"),
        Case("whitespace_only", ".txt", b"   \n\n\t  \n", "empty file"),
        Case("invisible_only", ".txt", "\u200b\u200f\u202e\u2066\ufeff\u00ad\n\u200d".encode(), "no text left"),
        Case("nul_byte", ".txt", b"Turkish forces shelled positions\x00 near Afrin on Friday.", "",
             "Turkish forces shelled positions near Afrin", "control_chars_removed"),
        Case("bad_utf8_byte", ".txt", "Qatar \u201cwelcomed\u201d the truce ".encode() + b"\xff" + b" in Gaza.", "",
             "welcomed", "undecodable_bytes"),
        Case("rtl_marks", ".txt", rtl.encode(), "", "Israel struck Syria on Sunday"),
        Case("controls_and_separators", ".txt",
             "Ghana recalled its envoy.\x0cTogo\x1b protested\u2028the move\x7f on Monday.".encode(), "",
             "the move on Monday", "control_chars_removed"),
        Case("warc_content_length_too_long", ".warc", with_content_length(warc_bytes(warc_pages(900)), 0, 60),
             "runs past the record's end", "Good story 901"),
        Case("warc_content_length_too_short", ".warc", with_content_length(warc_bytes(warc_pages(910)), 1, -60),
             "ends before the record does", "Good story 912"),
        Case("warc_truncated", ".warc", warc_bytes(warc_pages(920)[:1])[:-150], "truncated", ""),
        Case("warc_record_over_cap", ".warc", warc_bytes([page("<p>" + "z " * RAW_CAP + "</p>")] + warc_pages(930)[:1]),
             "document too large", "Good story 930"),
        Case("gzip_bomb", ".txt.gz", gzip.compress(b"a" * (RAW_CAP * 4)), "document too large"),
        Case("gzip_truncated_jsonl", ".jsonl.gz",
             gzip.compress("".join(json.dumps({"text": good_text(5000 + i)}) + "\n" for i in range(60))
                           .encode())[:-40],
             "truncated gzip", "Good story 5000"),
        Case("png_named_txt", ".txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary content"),
        Case("utf16_without_bom", ".txt", "Oman mediated talks between rivals.".encode("utf-16-le"), "binary content"),
        Case("utf16_with_bom", ".txt", "\ufeffOman mediated talks between Iran and Saudi Arabia.".encode("utf-16"),
             "", "Oman mediated talks"),
        Case("jsonl_deep_nesting", ".jsonl", (b"[" * 100_000) + b"\n" + json.dumps({"text": good_text(503)}).encode(),
             "nested too deeply", "Good story 503"),
        Case("jsonl_wrong_types", ".jsonl", b'{"text": 42}\n{"text": null, "html": ["x"]}\n"just a string"\n',
             "no 'text' or 'html'"),
        Case("jsonl_escapes", ".jsonl",
             b'{"id": "\\ud800bad", "title": "T\\u0000", "text": "Cuba\\u0000 condemned \\ud83d the blockade."}\n',
             "", "Cuba condemned"),
        Case("json_malformed", ".json", b'{"text": "Mali expelled the envoy.", ', "invalid JSON"),
        Case("mixed_scripts_emoji", ".txt",
             "\U0001F1FA\U0001F1E6 Ukraine \u0443\u043a\u0440\u0430\u0457\u043d\u0430 \u0627\u0644\u0639\u0631\u0628 "
             "\u4e2d\u56fd: Poland pledged aid to Ukraine \U0001F468\u200d\U0001F469 on Monday.".encode(),
             "", "Poland pledged aid to Ukraine"),
        Case("unbalanced_quotes", ".txt",
             ("\u201cBrazil said \u201c\u201c\"'' the talks \u201d would \"resume\u201c. " * 200).encode(), "",
             "the talks"),
        Case("crlf_and_bom_midtext", ".txt", "Norway\ufeff hosted\r\nthe peace talks.\r\n\r\nColombia agreed.".encode(),
             "", "Colombia agreed"),
        Case("legacy_cp1252", ".txt", "S\xe3o Tom\xe9 signed the accord \u2013 officials said.".encode("cp1252"), "",
             "São Tomé signed the accord"),
        Case("feed_without_entries", ".rss", b"<?xml version='1.0'?><rss><channel><title>x</title></channel></rss>",
             "no entries"),
        Case("zero_bytes", ".txt", b"", "empty file"),
        Case("zero_bytes_jsonl", ".jsonl", b"", "empty file"),
        Case("zero_bytes_warc", ".warc", b"", "no WARC records found"),
        Case("zero_bytes_gzip", ".txt.gz", b"", "empty file"),
        Case("bom_only", ".txt", codecs.BOM_UTF8, "empty file"),
        Case("utf8_bom", ".txt", codecs.BOM_UTF8 + b"Somalia closed its airspace to Kenyan flights.", "",
             "Somalia closed its airspace"),
        Case("utf16_big_endian_without_bom", ".txt", "Fiji protested the Australian decision.".encode("utf-16-be"),
             "binary content"),
        Case("jsonl_invalid_lines_between_good", ".jsonl",
             "\n".join([json.dumps({"text": good_text(511)}), '{"text": "Laos', "{'text': 'single quotes'}",
                        json.dumps({"text": good_text(512)}), "}{", ""]).encode(),
             "invalid JSON", "Good story 512"),
        Case("jsonl_non_object_lines", ".jsonl",
             b'[1, 2]\n42\nnull\ntrue\n' + json.dumps({"text": good_text(513)}).encode() + b"\n",
             "not an object", "Good story 513"),
        Case("json_empty_list", ".json", b"[]", "empty JSON list"),
        Case("gzip_truncated_text", ".txt.gz", gzip.compress(b"Chad closed its border with Sudan. " * 80)[:-30],
             "truncated gzip"),
        Case("not_gzip_named_gz", ".txt.gz", b"this is plain text, not gzip data " * 10, "corrupt gzip data"),
        Case("random_bytes_named_txt", ".txt", random.Random(15).randbytes(4096), "binary content"),
        Case("feed_billion_laughs", ".rss", billion_laughs(), "", "Ghana recalled its ambassador", absent="lollol"),
        Case("gzip_ratio_bomb_jsonl", ".jsonl.gz", gzip.compress(b'{"text": "') + gzip_bomb(80), "decompression bomb"),
    ]


def billion_laughs(levels: int = 9) -> bytes:
    """An RSS feed whose DTD expands one entity to 10^9 "lol"s; the parser must not expand it."""
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels + 1)
    )
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]><rss version="2.0"><channel><title>Laughs</title>'
        f"<item><title>Bomb</title><description>&lol{levels};</description></item>"
        "<item><title>Wire</title><description>Ghana recalled its ambassador from Togo on Monday, "
        "the foreign ministry said.</description></item></channel></rss>"
    ).encode()


def gzip_bomb(megabytes: int) -> bytes:
    """Gzip members of 1 MB of spaces each (~1 KB compressed): ~1000:1, far beyond any text."""
    return gzip.compress(b" " * (1 << 20), 9) * megabytes


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> dict:
    """One ingest over every hostile file, each followed by a good one; returns what the store holds."""
    folder = tmp_path_factory.mktemp("hostile")
    all_cases = cases()
    for index, case in enumerate(all_cases):
        (folder / f"{index:02d}a_{case.name}{case.suffix}").write_bytes(case.data)
        (folder / f"{index:02d}b_good.txt").write_text(good_text(index), encoding="utf-8")
    db = folder / "store.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db), "--max-doc-chars", str(MAX_DOC_CHARS)])
    with Store(db, read_only=True) as store:
        articles = store.con.execute("SELECT path, text, flags FROM articles").fetchall()
        errors = store.con.execute("SELECT path, reason FROM errors").fetchall()
    return {"cases": all_cases, "exit": result.exit_code, "output": result.output, "articles": articles,
            "errors": errors, "folder": folder}


CASE_NAMES = [c.name for c in cases()]


def test_the_run_finishes_with_exit_code_1_and_stores_every_good_file(run):
    assert run["exit"] == 1, run["output"][-2000:]
    stored = {Path(path).name for path, _, _ in run["articles"]}
    for index in range(len(run["cases"])):
        assert f"{index:02d}b_good.txt" in stored, index


def file_name(where: str) -> str:
    """The file of an error or article path: ``file``, ``file:line`` or ``file@offset``."""
    return Path(where.split("@")[0].rsplit(":", 1)[0]).name


@pytest.mark.parametrize("name", CASE_NAMES)
def test_hostile_case(run, name):
    index = CASE_NAMES.index(name)
    case = run["cases"][index]
    prefix = f"{index:02d}a_{name}"
    errors = [(p, r) for p, r in run["errors"] if file_name(p).startswith(prefix)]
    articles = [(p, t, f) for p, t, f in run["articles"] if file_name(p).startswith(prefix)]
    if case.error:
        assert any(case.error in reason for _, reason in errors), (errors, articles[:1])
        assert all(prefix in path for path, _ in errors)  # every error names the file
    else:
        assert not errors, errors
    if case.stored:
        hits = [(t, f) for _, t, f in articles if case.stored in t]
        assert hits, [t[:200] for _, t, _ in articles]
        if case.flag:
            assert case.flag in hits[0][1]
    if case.absent:
        assert not any(case.absent in text for _, text, _ in articles)
    for _, text, _ in articles:  # no stored text keeps a control or invisible formatting character
        assert not re.search("[\x00-\x08\x0e-\x1f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]", text)
        assert text.strip()


def test_two_deep_html_pages_are_two_articles_not_a_duplicate(run):
    deep = [t for p, t, _ in run["articles"] if "deep_html" in p]
    assert len(deep) == 2 and deep[0] != deep[1]


def test_right_to_left_marks_do_not_hide_the_event(pipeline):
    text = "Israel\u200f struck\u200f Syria\u200f on Sunday, the army said."
    [result] = pipeline.process_many([RawDocument("rtl.jsonl:1", text=text, fmt="jsonl", date="2024-03-03")])
    assert result.article.text == "Israel struck Syria on Sunday, the army said."
    assert any(
        e.event_type == "ASSAULT" and e.actor and e.actor.country == "ISR" and e.recipient
        and e.recipient.country == "SYR" for e in result.events
    )


def test_a_long_article_is_coded_in_sections_with_offsets_in_its_text(pipeline):
    from dyadwatch.limits import Limits
    from dyadwatch.pipeline import Pipeline

    small = Pipeline(resolver=pipeline.resolver, limits=Limits(section_chars=600))
    paragraph = "Russian forces shelled Kharkiv on day {}, officials said. \u201cWe will respond,\u201d Zelenskiy said."
    text = "\n\n".join(paragraph.format(i) for i in range(40))
    results = list(small.process_many([RawDocument("long.jsonl:1", text=text, fmt="jsonl"),
                                       RawDocument("long.jsonl:2", text=good_text(1), fmt="jsonl")]))
    long, good = results
    assert isinstance(long, ArticleResult) and isinstance(good, ArticleResult) and good.events
    assert len(long.events) >= 30
    for event in long.events:
        assert text[event.sentence_start : event.sentence_end] == event.sentence
        assert text[event.trigger_start : event.trigger_end] == event.trigger
    for quote in long.quotes:
        assert text[quote.start : quote.end] == quote.text
    assert max(e.sentence_start for e in long.events) > len(text) - 200


def test_a_section_without_any_break_is_cut_and_parsed(pipeline):
    from dyadwatch.nlp import split_text

    text = "x" * 2500
    spans = split_text(text, 1000)
    assert [end - start for start, end in spans] == [1000, 1000, 500]
    assert "".join(text[s:e] for s, e in spans) == text


def test_a_parser_failure_costs_only_its_document(pipeline, monkeypatch):
    import dyadwatch.nlp as nlp_module

    original_pipe, original_one = pipeline.nlp.pipe, nlp_module._parse_one

    def pipe_or_fail(texts, *args, **kwargs):
        texts = list(texts)
        if any("POISON" in t for t in texts):
            raise ValueError("[E088] Text of length 9999999 exceeds maximum")
        return original_pipe(texts, *args, **kwargs)

    def one_or_fail(nlp, text):
        return ValueError("[E088] too long") if "POISON" in text else original_one(nlp, text)

    monkeypatch.setattr(pipeline.nlp, "pipe", pipe_or_fail)
    monkeypatch.setattr(nlp_module, "_parse_one", one_or_fail)
    docs = [RawDocument("p.jsonl:1", text=good_text(1), fmt="jsonl"),
            RawDocument("p.jsonl:2", text="POISON " + good_text(2), fmt="jsonl"),
            RawDocument("p.jsonl:3", text=good_text(3), fmt="jsonl")]
    first, poisoned, last = pipeline.process_many(docs, dedupe=False)
    assert isinstance(poisoned, IngestError) and poisoned.path == "p.jsonl:2" and "E088" in poisoned.reason
    assert poisoned.stage == "nlp"
    assert first.events and last.events  # the rest of the batch is parsed and coded


def test_an_oversized_document_is_an_error_for_that_document_only(pipeline):
    from dyadwatch.limits import Limits
    from dyadwatch.pipeline import Pipeline

    capped = Pipeline(with_events=False, limits=Limits(max_doc_chars=1000))
    items = [RawDocument("c.jsonl:1", text="word " * 400, fmt="jsonl"),
             RawDocument("c.jsonl:2", text=good_text(4), fmt="jsonl")]
    error, good = capped.process_many(items)
    assert isinstance(error, IngestError) and error.path == "c.jsonl:1" and "--max-doc-chars" in error.reason
    assert isinstance(good, ArticleResult)


def test_a_jsonl_file_over_the_old_20_mb_limit_is_streamed(tmp_path):
    path = tmp_path / "dump.jsonl"
    line = json.dumps({"text": "Officials in Lima said talks would resume. " * 22}) + "\n"
    count = 21 * 1024 * 1024 // len(line) + 1
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(count):
            handle.write(line)
    assert path.stat().st_size > 20 * 1024 * 1024
    found = sum(1 for item in iter_documents([str(path)]) if isinstance(item, RawDocument))
    assert found == count


def test_stdin_jsonl_is_streamed_and_sniffed(monkeypatch):
    lines = b"".join(json.dumps({"id": str(i), "text": good_text(i)}).encode() + b"\n" for i in range(3))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines)))
    found = [item.id for item in iter_documents(["-"]) if isinstance(item, RawDocument)]
    assert found == ["0", "1", "2"]


def test_a_file_name_that_is_not_utf8_does_not_break_the_output(pipeline, tmp_path):
    name = b"caf\xe9.txt".decode("utf-8", "surrogateescape")
    (tmp_path / name).write_text(good_text(7), encoding="utf-8")
    [result] = list(pipeline.process_many(iter_documents([str(tmp_path / name)])))
    json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")  # would raise on a lone surrogate
    assert "\ufffd" in result.article.path


def test_a_locked_store_gives_a_clear_message_and_exit_2(tmp_path):
    db = tmp_path / "busy.duckdb"
    Store(db).close()
    hold = f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('ready', flush=True); time.sleep(60)"
    holder = subprocess.Popen([sys.executable, "-c", hold], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        for args in (["summary", "--db", str(db)], ["events", "--db", str(db)], ["ingest", "-", "--db", str(db)]):
            result = CliRunner().invoke(app, args, input="Chad closed its border.\n")
            assert result.exit_code == 2, result.output
            assert "in use by process" in result.output and str(db) in result.output
            assert "Traceback" not in result.output
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.parametrize(
    ("args", "bad"),
    [(["events", "--limit", "-1"], "-1"), (["events", "--since", "2023-13"], "2023-13"),
     (["quotes", "--until", "2023-02-30"], "2023-02-30"), (["events", "--type", "FOO"], "FOO")],
)
def test_bad_option_values_are_usage_errors_naming_the_value(args, bad, tmp_path):
    result = CliRunner().invoke(app, [*args, "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and bad in result.output


def test_version_and_help():
    from dyadwatch import __version__

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output
    help_text = CliRunner().invoke(app, ["events", "--help"]).output
    assert "<bool>" not in help_text and "--all" in help_text


def test_actors_json_prints_aliases_as_a_json_list(run):
    result = CliRunner().invoke(app, ["actors", "--json", "--db", str(run["folder"] / "store.duckdb")])
    records = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert records and all(isinstance(r["aliases"], list | None) for r in records)
    assert any(r["aliases"] for r in records)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and symbolic links")
def test_special_paths_are_reported_not_read_and_the_rest_is_stored(tmp_path, monkeypatch):
    """A FIFO (reading it would wait forever), a device, a symlink loop, a broken link, unreadable files."""
    folder = tmp_path / "news"
    (folder / "locked").mkdir(parents=True)
    os.mkfifo(folder / "pipe.txt")
    (folder / "loop_a.txt").symlink_to(folder / "loop_b.txt")
    (folder / "loop_b.txt").symlink_to(folder / "loop_a.txt")
    (folder / "gone.html").symlink_to(tmp_path / "deleted.html")
    (folder / "up").symlink_to(folder)  # a folder link back up: the walk must not go round forever
    unreadable = [folder / "locked" / f"{n}.txt" for n in range(3)]
    for path in unreadable:
        path.write_text(good_text(700), encoding="utf-8")
        path.chmod(0)
    (folder / "zz_good.txt").write_text(good_text(701), encoding="utf-8")
    (folder / "sealed").mkdir()
    (folder / "sealed" / "inside.txt").write_text(good_text(702), encoding="utf-8")
    (folder / "sealed").chmod(0)
    if os.geteuid() == 0:  # root reads mode-000 files and folders: refuse where the kernel would
        real_open, real_scandir = Path.open, os.scandir

        def refuse(self, *args, **kwargs):
            if self in unreadable:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        def refuse_folder(path):
            if Path(path) == folder / "sealed":
                raise PermissionError(13, "Permission denied", str(path))
            return real_scandir(path)

        monkeypatch.setattr(Path, "open", refuse)
        monkeypatch.setattr(os, "scandir", refuse_folder)
    db = tmp_path / "s.duckdb"
    explicit = [str(folder / "pipe.txt"), "/dev/null", str(folder / "loop_a.txt")]
    result = CliRunner().invoke(app, ["ingest", str(folder), *explicit, "--db", str(db)])
    assert result.exit_code == 1, result.output
    with Store(db, read_only=True) as store:
        errors = dict(store.con.execute("SELECT path, reason FROM errors").fetchall())
        stored = [p for (p,) in store.con.execute("SELECT path FROM articles").fetchall()]
    assert stored == [str(folder / "zz_good.txt")]
    assert "named pipe" in errors[str(folder / "pipe.txt")] and "- instead" in errors[str(folder / "pipe.txt")]
    assert "a device" in errors["/dev/null"]
    assert "symbolic link loop" in errors[str(folder / "loop_a.txt")]
    assert "symbolic link loop" in errors[str(folder / "loop_b.txt")]
    assert "broken symbolic link" in errors[str(folder / "gone.html")]
    for path in unreadable:
        assert "Permission denied" in errors[str(path)]
    assert "cannot read folder: Permission denied" in errors[str(folder / "sealed")]
    (folder / "sealed").chmod(0o755)


def read_all_tracing_memory(path: Path, max_bytes: int) -> tuple[list, int]:
    """Everything the readers make of one path, and the peak of Python memory allocated meanwhile."""
    tracemalloc.start()
    try:
        items = list(iter_documents([str(path)], max_bytes=max_bytes))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return items, peak


TEN_GB = 10 * 1024  # megabytes of output in the bombs below (~10 MB of gzip)


@pytest.mark.parametrize(
    ("suffix", "prefix", "reason"),
    [
        (".txt.gz", b"", "document too large"),
        (".jsonl.gz", gzip.compress(b'{"text": "'), "decompression bomb"),
        (".warc.gz", gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bomb.test/\r\n"
                                   b"Content-Length: 10737418240\r\n\r\n"), "decompression bomb"),
        (".html.gz", b"", "document too large"),
    ],
)
def test_a_gzip_expanding_to_10_gb_is_refused_with_flat_memory(tmp_path, suffix, prefix, reason):
    path = tmp_path / f"bomb{suffix}"
    path.write_bytes(prefix + gzip_bomb(TEN_GB))
    items, peak = read_all_tracing_memory(path, max_bytes=RAW_CAP)
    assert [type(i) for i in items] == [IngestError], items
    assert reason in items[0].reason and str(path) in items[0].path
    assert peak < 32 * 1024 * 1024  # one bounded buffer at a time, never the expanded data


def test_a_100000_sentence_document_under_the_cap_is_cleaned_and_cut_into_parser_sized_sections():
    from dyadwatch.limits import MAX_DOC_CHARS as DEFAULT_CAP
    from dyadwatch.limits import SECTION_CHARS
    from dyadwatch.nlp import split_text
    from dyadwatch.pipeline import Pipeline

    text = " ".join(f"Aid came {n}." for n in range(100_000))
    assert len(text) < DEFAULT_CAP
    [result] = Pipeline(with_events=False).process_many([RawDocument("many.jsonl:1", text=text, fmt="jsonl")])
    assert isinstance(result, ArticleResult) and result.article.text == text
    spans = split_text(result.article.text, SECTION_CHARS)
    assert all(end - start <= SECTION_CHARS for start, end in spans) and spans[-1][1] == len(text)
    assert all(text[end - 2 : end] == ". " for _, end in spans[:-1])  # cut at sentence ends, not mid-word
