"""Property tests over hostile text: cleaning, quote pairing, reading and extraction never raise,
offsets stay inside the text, and every output serialises as JSON.

Few examples and no deadline, so the suite stays fast on a 2-core CI machine; the spaCy part runs
on a handful of examples only.
"""

from __future__ import annotations

import io
import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.clean import CleaningError, clean_document
from dyadwatch.clean.characters import sanitize
from dyadwatch.ingest.jsonl import read_jsonl_stream
from dyadwatch.ingest.warc import read_warc_stream
from dyadwatch.models import ArticleResult, IngestError, RawDocument
from dyadwatch.nlp import split_text
from dyadwatch.quotes.marks import scan_quotes

HOSTILE_CHARS = (
    "\x00\x01\x07\x0b\x0c\x1b\x7f\x85\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202a\u202b\u202e"
    "\u2066\u2069\ufeff\ufffd\ud800\"“”„«»'‘’\n\t\r "
)
WORDS = ["Israel", "struck", "Syria", "Putin", "said", "talks", "the", "in", "Kyiv", "on", "Monday", ".", ","]
EMOJI = ["\U0001F1FA\U0001F1E6", "\U0001F468\u200d\U0001F469", "\U0001F600"]
SCRIPTS = ["\u0627\u0644\u0639\u0631\u0628", "\u4e2d\u56fd", "\u0443\u043a\u0440\u0430\u0457\u043d\u0430"]

hostile_text = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(list(HOSTILE_CHARS)),
        st.sampled_from(EMOJI + SCRIPTS),
        st.text(max_size=8),
    ),
    max_size=60,
).map(" ".join)

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FORBIDDEN = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")


def assert_clean_article(raw: RawDocument) -> None:
    try:
        article = clean_document(raw)
    except CleaningError:
        return  # nothing left: an error record, never an empty article
    assert article.text.strip() and not FORBIDDEN.search(article.text) and not FORBIDDEN.search(article.title)
    assert re.fullmatch("[0-9a-f]{16}", article.id)
    json.dumps(ArticleResult(article=article).to_dict(), ensure_ascii=False).encode("utf-8")


@FAST
@given(hostile_text, st.sampled_from(["jsonl", "txt"]))
def test_cleaning_never_raises_and_leaves_no_control_or_invisible_character(text, fmt):
    assert_clean_article(RawDocument(source_path="p", text=text, fmt=fmt))


@FAST
@given(hostile_text)
def test_cleaning_html_never_raises(text):
    assert_clean_article(RawDocument(source_path="p.html", html=f"<html><body><p>{text}</p></body></html>", fmt="html"))


@FAST
@given(hostile_text)
def test_sanitize_is_idempotent(text):
    once = sanitize(text).text
    assert sanitize(once).text == once and not FORBIDDEN.search(once)


def test_a_one_megabyte_paragraph_is_cleaned_and_split():
    text = ("Officials in Kyiv said the talks\u200f would resume \u201csoon\u201d. " * 17_000)[:1_000_000]
    article = clean_document(RawDocument(source_path="big", text=text, fmt="jsonl"))
    spans = split_text(article.text, 30_000)
    assert "".join(article.text[s:e] for s, e in spans) == article.text
    assert all(e - s <= 30_000 for s, e in spans)
    assert all(0 <= q.start <= q.end <= len(article.text) for q in scan_quotes(article.text).spans)


@FAST
@given(hostile_text, st.integers(min_value=1, max_value=50))
def test_split_text_covers_the_text_exactly(text, size):
    spans = split_text(text, size)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(0 < e - s <= size for s, e in spans) or text == ""


@FAST
@given(hostile_text)
def test_quote_pairing_keeps_spans_inside_the_text_in_order(text):
    result = scan_quotes(text)
    previous = 0
    for span in result.spans:
        assert previous <= span.start <= span.end <= len(text)
        previous = span.end
    assert all(0 <= pos < len(text) for pos, _ in result.skipped)


@FAST
@given(st.binary(max_size=600))
def test_readers_turn_any_bytes_into_documents_or_errors(data):
    for reader in (read_jsonl_stream, read_warc_stream):
        for item in reader(io.BytesIO(data), "x", 400):
            assert isinstance(item, RawDocument | IngestError)


SPACY = settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)


@SPACY
@given(hostile_text)
def test_extraction_offsets_stay_inside_the_text_and_output_is_json(pipeline, text):
    raw = RawDocument(source_path="h.jsonl:1", text="Israel struck Syria on Monday. " + text, fmt="jsonl")
    [result] = pipeline.process_many([raw], dedupe=False)
    assert isinstance(result, ArticleResult | IngestError)
    if isinstance(result, IngestError):
        return
    body = result.article.text
    for event in result.events:
        assert 0 <= event.sentence_start <= event.sentence_end <= len(body)
        assert body[event.trigger_start : event.trigger_end] == event.trigger
    for quote in result.quotes:
        assert 0 <= quote.start <= quote.end <= len(body)
    for mention in result.actors:
        assert mention.start < 0 or body[mention.start : mention.end] == mention.text
    json.loads(json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8"))
