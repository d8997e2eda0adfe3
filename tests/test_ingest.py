"""Reading every input form: text, HTML, JSONL/JSON, WARC, feeds, gzip, folders, globs, stdin, URLs.

Every broken input (truncated gzip, empty, binary, oversized, missing) must come
back as an IngestError naming the file and the reason while the rest of the batch completes.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import httpx
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dyadwatch.ingest import http as http_module
from dyadwatch.ingest import iter_documents, urlguard
from dyadwatch.models import IngestError, RawDocument

STORY = (
    "Japan and South Korea agree to resume security talks\n\n"
    "TOKYO (Reuters) - Japan and South Korea agreed on Thursday to resume security talks suspended "
    "since 2018, Japan's foreign ministry said.\n"
)
PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Talks resume - Example News</title>
<meta property="og:title" content="Japan and South Korea resume talks">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2023-03-16T08:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Japan and South Korea resume talks</h1>
<p>TOKYO (Reuters) - Japan and South Korea agreed on Thursday to resume security talks suspended since 2018,
Japan's foreign ministry said after the two leaders met in Tokyo.</p>
<p>Prime Minister Fumio Kishida told President Yoon Suk Yeol that the two countries would open a new chapter,
according to a readout of the meeting published by the ministry.</p></article>
<footer>Cookie policy | Contact us</footer></body></html>"""
RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example World News</title><link>https://example.org</link>
<item><title>Iran and Saudi Arabia restore ties</title><link>https://example.org/a1</link>
<author>desk@example.org (Lena Hart)</author>
<pubDate>Fri, 10 Mar 2023 12:00:00 GMT</pubDate>
<description>&lt;p&gt;Iran and Saudi Arabia agreed on Friday to restore diplomatic relations after talks in
Beijing, state media said.&lt;/p&gt;</description></item>
<item><title>Empty entry</title><link>https://example.org/a2</link></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><title>Turkey ratifies Finland's NATO bid</title><link href="https://example.net/b1"/>
<id>urn:b1</id><updated>2023-03-30T20:00:00Z</updated>
<content type="html">&lt;p&gt;Turkey's parliament ratified Finland's application to join NATO
on Thursday.&lt;/p&gt;</content>
</entry></feed>"""


def docs(items: list) -> list[RawDocument]:
    return [d for d in items if isinstance(d, RawDocument)]


def errors(items: list) -> list[IngestError]:
    return [d for d in items if isinstance(d, IngestError)]


def write_warc(path: Path) -> None:
    """A small WARC written with warcio: one article, one image, one 404, one more article."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.suffix == ".gz")
        records = [
            ("https://example.com/news/1", "text/html; charset=utf-8", "200 OK", PAGE.encode()),
            ("https://example.com/logo.png", "image/png", "200 OK", b"\x89PNG\r\n\x1a\n\x00\x00"),
            ("https://example.com/missing", "text/html", "404 Not Found", b"<html><body>gone</body></html>"),
            ("https://example.com/news/2", "text/html", "200 OK", PAGE.replace("Tokyo", "Seoul").encode()),
        ]
        for url, content_type, status, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2023-03-17T09:30:00Z"},
            )
            writer.write_record(record)


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    [doc] = list(iter_documents([str(path)]))
    assert isinstance(doc, RawDocument)
    assert doc.fmt == "txt" and doc.source_path == str(path) and doc.text == STORY


def test_html_file_keeps_markup_for_the_cleaner(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = list(iter_documents([str(path)]))
    assert doc.fmt == "html" and "<article>" in doc.html and doc.text == ""


def test_html_declared_legacy_charset(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 talks in S\xe3o Paulo.</p></body></html>'
    path = tmp_path / "legacy.htm"
    path.write_bytes(page.encode("cp1252"))
    [doc] = list(iter_documents([str(path)]))
    assert "Café talks in São Paulo" in doc.html


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "Israel struck targets in Gaza on Monday.", "date": "2023-05-09"}),
        "{not json",
        json.dumps({"id": "a2", "title": "No body"}),
        "",
        json.dumps(["a", "list"]),
        json.dumps({"id": "a3", "html": PAGE, "url": "https://example.com/a3", "source": "Example"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_documents([str(path)]))
    good, bad = docs(items), errors(items)
    assert [d.id for d in good] == ["a1", "a3"]
    assert good[0].source_path == f"{path}:1" and good[0].date == "2023-05-09" and good[0].fmt == "jsonl"
    assert good[1].html and not good[1].text and good[1].source == "Example"
    assert [e.path for e in bad] == [f"{path}:2", f"{path}:3", f"{path}:5"]
    assert "invalid JSON" in bad[0].reason and "no 'text'" in bad[1].reason and "not an object" in bad[2].reason


def test_json_list_file(tmp_path: Path) -> None:
    path = tmp_path / "dump.json"
    records = [{"text": "Kenya and Ethiopia signed a trade pact."}, {"text": "Peru recalled its envoy."}]
    path.write_text(json.dumps(records))
    items = list(iter_documents([str(path)]))
    assert [d.source_path for d in docs(items)] == [f"{path}:0", f"{path}:1"]


def test_warc_keeps_html_200_responses_with_url_and_date(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    items = list(iter_documents([str(path)]))
    assert errors(items) == []
    found = docs(items)
    assert [d.url for d in found] == ["https://example.com/news/1", "https://example.com/news/2"]
    assert all(d.fmt == "warc" and d.date == "2023-03-17" and "<article>" in d.html for d in found)
    assert found[0].source_path.startswith(f"{path}@")


def test_truncated_warc_reports_the_record(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc"
    write_warc(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 400])
    items = list(iter_documents([str(path)]))
    assert len(docs(items)) == 1
    assert errors(items) and errors(items)[0].path.startswith(f"{path}")


def test_rss_and_atom_feeds(tmp_path: Path) -> None:
    rss, atom = tmp_path / "world.rss", tmp_path / "wire.xml"
    rss.write_text(RSS, encoding="utf-8")
    atom.write_text(ATOM, encoding="utf-8")
    items = list(iter_documents([str(rss), str(atom)]))
    good = docs(items)
    assert [d.title for d in good] == ["Iran and Saudi Arabia restore ties", "Turkey ratifies Finland's NATO bid"]
    assert good[0].date == "2023-03-10" and good[0].url == "https://example.org/a1"
    assert good[0].source == "Example World News"
    assert "Lena Hart" in good[0].author
    assert good[1].date == "2023-03-30" and "ratified" in good[1].html and good[1].fmt == "feed"
    [empty] = errors(items)
    assert empty.path == f"{rss}#1" and "no content" in empty.reason


def test_gzip_single_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(STORY.encode("utf-8")))
    [doc] = list(iter_documents([str(path)]))
    assert isinstance(doc, RawDocument) and doc.text == STORY and doc.fmt == "txt"


def test_folder_is_recursive_and_skips_non_news(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "sub" / "b.html").write_text(PAGE)
    (tmp_path / "sub" / "deeper" / "c.jsonl").write_text(json.dumps({"text": "Chad closed its border."}) + "\n")
    (tmp_path / "README.md").write_text("# not news")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0binary")
    (tmp_path / ".hidden.txt").write_text("secret")
    items = list(iter_documents([str(tmp_path)]))
    assert errors(items) == []
    assert sorted(Path(d.source_path.split(":")[0]).name for d in docs(items)) == ["a.txt", "b.html", "c.jsonl"]


def test_glob(tmp_path: Path) -> None:
    for name in ("one.txt", "two.txt", "three.html"):
        (tmp_path / name).write_text(STORY)
    items = list(iter_documents([str(tmp_path / "*.txt"), str(tmp_path / "*.nothing")]))
    assert len(docs(items)) == 2
    [error] = errors(items)
    assert "no files match" in error.reason


def test_stdin_text_and_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode())))
    [doc] = list(iter_documents(["-"]))
    assert doc.source_path == "<stdin>" and doc.text == STORY
    records = [{"id": "s1", "text": "Oman hosted talks."}, {"id": "s2", "text": "Qatar mediated."}]
    lines = "\n".join(json.dumps(r) for r in records)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    assert [d.id for d in iter_documents(["-"])] == ["s1", "s2"]


def test_urls_page_feed_and_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.headers["user-agent"].startswith("dyadwatch/")
        if request.url.path == "/page":
            return httpx.Response(200, text=PAGE, headers={"content-type": "text/html; charset=utf-8"})
        if request.url.path == "/feed":
            return httpx.Response(200, text=RSS, headers={"content-type": "application/rss+xml"})
        return httpx.Response(404, text="nope")

    make_client = http_module.make_client
    monkeypatch.setattr(http_module, "make_client", lambda **kw: make_client(httpx.MockTransport(handler), **kw))
    monkeypatch.setattr(urlguard, "resolve", lambda host: ["93.184.215.14"])  # news.test: a public address
    items = list(iter_documents(["https://news.test/page", "https://news.test/feed", "https://news.test/gone"]))
    good = docs(items)
    assert good[0].url == "https://news.test/page" and good[0].fmt == "html"
    assert [d.fmt for d in good[1:]] == ["feed"]
    assert [e.path for e in errors(items)] == ["https://news.test/feed#1", "https://news.test/gone"]
    assert "HTTP 404" in errors(items)[1].reason


def test_url_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=b"x" * 5000))
    make_client = http_module.make_client
    monkeypatch.setattr(http_module, "make_client", lambda **kw: make_client(transport, **kw))
    monkeypatch.setattr(urlguard, "resolve", lambda host: ["93.184.215.14"])
    [error] = list(iter_documents(["https://news.test/huge"], max_bytes=1000))
    assert "too large" in error.reason


def test_legacy_cp1252_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("Fran\xe7ois Hollande met Angela Merkel in Paris \u2013 officials said.".encode("cp1252"))
    [doc] = list(iter_documents([str(path)]))
    assert "François Hollande" in doc.text and "–" in doc.text


def test_broken_inputs_give_errors_and_the_batch_completes(tmp_path: Path) -> None:
    good1, good2 = tmp_path / "good1.txt", tmp_path / "good2.txt"
    good1.write_text(STORY)
    good2.write_text(STORY.replace("Japan", "Germany"))
    truncated = tmp_path / "cut.txt.gz"
    truncated.write_bytes(gzip.compress(STORY.encode() * 50)[:-30])
    invalid = tmp_path / "invalid.txt"
    invalid.write_bytes("Putin said \u201cno\u201d to talks ".encode() + b"\xff\xfe\xc3(\x80 broken")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:  # a sparse 50 MB file: refused by size before it is read
        handle.truncate(50 * 1024 * 1024)
    missing = tmp_path / "missing.txt"
    inputs = [good1, truncated, invalid, empty, binary, huge, missing, good2]
    items = list(iter_documents([str(p) for p in inputs]))
    assert [d.source_path for d in docs(items)] == [str(good1), str(invalid), str(good2)]
    assert "Putin said \u201cno\u201d" in docs(items)[1].text and "\ufffd" in docs(items)[1].text  # bad bytes replaced
    reasons = {e.path: e.reason for e in errors(items)}
    assert set(reasons) == {str(p) for p in (truncated, empty, binary, huge, missing)}
    assert "truncated gzip" in reasons[str(truncated)]
    assert "empty" in reasons[str(empty)]
    assert "binary" in reasons[str(binary)]
    assert "too large" in reasons[str(huge)]
    assert "no such file" in reasons[str(missing)]


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    [error] = list(iter_documents([str(path)], max_bytes=10))
    assert isinstance(error, IngestError) and "too large" in error.reason


def test_empty_jsonl_and_non_warc(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n")
    fake = tmp_path / "fake.warc"
    fake.write_text("this is not an archive")
    items = list(iter_documents([str(empty), str(fake)]))
    assert [e.path for e in errors(items)] == [str(empty), str(fake)]
