"""The pipeline as a whole: stage order, language gating, duplicates and failure isolation."""

from __future__ import annotations

from dyadwatch.models import ArticleResult, IngestError, RawDocument

# synthetic articles
ENGLISH = "Turkish President Tayyip Erdogan met Swedish Prime Minister Ulf Kristersson in Ankara on Monday."
GERMAN = (
    "Der russische Außenminister Sergej Lawrow hat am Montag in Moskau den chinesischen Außenminister "
    "getroffen. Beide Seiten vereinbarten eine engere Zusammenarbeit im Energiebereich."
)


def raw(text: str, source: str = "t.jsonl:1") -> RawDocument:
    return RawDocument(source_path=source, text=text, fmt="jsonl", date="2023-03-06")


def test_non_english_articles_are_kept_but_not_coded(pipeline):
    results = list(pipeline.process_many([raw(GERMAN), raw(ENGLISH, "t.jsonl:2")]))
    german, english = results
    assert isinstance(german, ArticleResult) and german.article.language == "de"
    assert german.skipped_reason == "language 'de' is not coded"
    assert german.events == [] and german.quotes == []
    assert english.article.language == "en" and not english.skipped_reason
    assert any(e.event_type == "CONSULT" for e in english.events)


def test_identical_copies_are_coded_once_unless_asked(pipeline):
    copies = [raw(ENGLISH, "a.jsonl:1"), raw(ENGLISH, "b.jsonl:1")]
    first, second = pipeline.process_many(copies)
    assert not first.duplicate and second.duplicate and second.events == []
    assert first.article.id == second.article.id
    both = list(pipeline.process_many(copies, dedupe=False))
    assert [len(r.events) > 0 for r in both] == [True, True]


def test_a_failing_document_becomes_an_error_and_the_rest_continues(pipeline, monkeypatch):
    original = pipeline.code

    def code_or_fail(article, doc):
        if "Kristersson" in article.text:
            raise RuntimeError("boom")
        return original(article, doc)

    monkeypatch.setattr(pipeline, "code", code_or_fail)
    other = "Indian Prime Minister Narendra Modi met Pakistani Prime Minister Shehbaz Sharif in Astana."
    results = list(pipeline.process_many([raw(ENGLISH, "x.jsonl:1"), raw(other, "x.jsonl:2")]))
    assert isinstance(results[0], IngestError) and results[0].path == "x.jsonl:1"
    assert "boom" in results[0].reason and results[0].stage == "nlp"
    assert isinstance(results[1], ArticleResult) and results[1].events


def test_results_come_back_in_input_order_across_batches(pipeline):
    texts = [f"Officials in city number {i} said talks would continue on Monday." for i in range(40)]
    items = [raw(t, f"o.jsonl:{i}") for i, t in enumerate(texts)]
    out = list(pipeline.process_many(items, batch_size=16))
    assert [r.article.path for r in out] == [f"o.jsonl:{i}" for i in range(40)]


def test_names_the_model_reads_as_common_words_are_parsed_as_names():
    """data/name_norms.tsv: "Trump" opening a sentence was parsed as the noun "trump" or an interjection."""
    from dyadwatch.nlp import load_nlp

    doc = load_nlp()("Trump, meanwhile, has repeatedly attacked Clinton as a weak leader. The trump card won.")
    trump, card_trump = doc[0], doc[14]
    assert (trump.text, trump.tag_, trump.dep_) == ("Trump", "NNP", "nsubj")
    assert card_trump.text == "trump" and card_trump.norm_ == "trump"  # the common word keeps its own norm


def test_a_paragraph_break_always_ends_a_sentence():
    """A wire header ending in a time ran into the next paragraph's sentence, which then coded nothing."""
    from dyadwatch.nlp import load_nlp

    text = "Synthetic wire item 9847, desk 796, reference 99328, filed at 02:23.\n\nIsraeli forces shelled the village."
    sents = [s.text.strip() for s in load_nlp()(text).sents]
    assert sents[-1] == "Israeli forces shelled the village."
