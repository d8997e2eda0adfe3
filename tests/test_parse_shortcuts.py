"""The seventh pass's shortcuts give what they replace: the remembered lemmas, the attribute ruler's one write,
paragraph starts marked at once, tokens by part of speech, and ``plain_dict`` for ``asdict``
(docs/performance.md, "Seventh pass")."""

from __future__ import annotations

import json
import pickle
from dataclasses import asdict
from pathlib import Path

import pytest
import spacy

from dyadwatch.attribute_matcher import IndexedAttributeRuler
from dyadwatch.models import ArticleResult, RawDocument, plain_dict
from dyadwatch.nlp import (
    RememberingLemmatizer,
    add_name_norms,
    mark_sentence_starts,
    resolve_model_name,
    tokens_of_pos,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# Invented text (synthetic): inflected verbs and nouns, a title-case headline, a dateline, a wire header.
TEXT = (
    "Ministers Reject Revised Budget Plan\n\n"
    "BRUSSELS (Reuters) - The ministers rejected the revised plans on Tuesday, saying the cuts were deeper "
    "than the governments had promised. \"We aren't going to accept it,\" one of the ministers said.\n\n"
    "Synthetic wire item 12, filed at 02:23.\nThe talks resume on Friday; officials expect the envoys' "
    "proposals by then, and Germany's finance minister has asked for more time."
)


def _texts() -> list[str]:
    wire = [json.loads(line)["text"] for line in (EXAMPLES / "synthetic_wire.jsonl").read_text().splitlines()[:12]]
    return [TEXT] + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))] + wire


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.is_sent_start, t.ent_iob_,
             t.ent_type_) for t in doc]


@pytest.fixture(scope="module")
def stock():
    """The installed model with dyadwatch's name norms and paragraph component, spaCy's own ruler and lemmatizer."""
    model = spacy.load(resolve_model_name())
    add_name_norms(model)
    model.add_pipe("dyadwatch_paragraph_breaks", before="parser")
    return model


def test_the_pipeline_uses_the_shortcuts(nlp, stock):
    assert type(nlp.get_pipe("lemmatizer")) is RememberingLemmatizer
    assert type(nlp.get_pipe("attribute_ruler")) is IndexedAttributeRuler
    assert type(stock.get_pipe("lemmatizer")) is not RememberingLemmatizer


def test_every_annotation_equals_spacys_own_twice_over(nlp, stock):
    """The second pass reads the remembered lemmas; both equal the stock pipeline's annotations."""
    for _ in range(2):
        ours = [_annotations(d) for d in nlp.pipe(_texts())]
        assert ours == [_annotations(d) for d in stock.pipe(_texts())]
    assert any(t.lemma_ == "reject" and t.text == "rejected" for t in nlp(TEXT))


def test_a_pipeline_with_the_remembering_lemmatizer_pickles_and_lemmatises_the_same(nlp):
    copy = pickle.loads(pickle.dumps(nlp))
    assert type(copy.get_pipe("lemmatizer")) is RememberingLemmatizer
    assert [t.lemma_ for t in copy(TEXT)] == [t.lemma_ for t in nlp(TEXT)]


def test_sentence_starts_marked_at_once_equal_the_setter(nlp):
    before_parser = [name for name in nlp.pipe_names if name in ("tok2vec", "tagger")]
    with nlp.select_pipes(enable=before_parser):
        ours, theirs = nlp(TEXT), nlp(TEXT)
    starts = [t.i + 1 for t in ours if t.is_space and "\n" in t.text]
    mark_sentence_starts(ours, starts)
    for i in starts:
        theirs[i].is_sent_start = True
    assert [t.is_sent_start for t in ours] == [t.is_sent_start for t in theirs]
    assert len(starts) >= 3 and all(ours[i].is_sent_start for i in starts)
    with pytest.raises(ValueError):  # as spaCy's setter: a parsed document's sentences are the parser's
        mark_sentence_starts(nlp(TEXT), [3])


@pytest.mark.parametrize("tags", [("VERB", "AUX"), ("VERB",), ("NOUN", "PROPN"), ("X",), ("NOUN", "PROPN", "ADJ",
                                                                                           "PRON", "ADV")])
def test_tokens_of_pos_are_the_tokens_of_those_parts_of_speech_in_order(nlp, tags):
    for doc in nlp.pipe(_texts()):
        for span in [*doc.sents, doc[:], doc[2:9]]:
            assert [t.i for t in tokens_of_pos(span, tags)] == [t.i for t in span if t.pos_ in tags]


def test_plain_dict_is_asdict(pipeline):
    raws = [RawDocument(source_path=f"text {n}", text=text) for n, text in enumerate(_texts())]
    results = [r for r in pipeline.process_many(raws, default_date="2024-01-01") if isinstance(r, ArticleResult)]
    records = [x for r in results for x in [r.article, *r.events, *r.quotes, *r.actors, *r.aliases]]
    assert any(e.location is not None for r in results for e in r.events)  # a nested record, converted too
    assert len(records) > 20
    for record in records:
        assert plain_dict(record) == asdict(record)
    first = results[0].article
    assert plain_dict(first)["removed"] is not first.removed  # a copy, as asdict gives
