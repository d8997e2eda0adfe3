"""What a long ingest keeps in memory stays bounded: spaCy's vocabulary, and the store's deletes.

A long ingest meets new names and numbers in every article; spaCy adds each new string to its
vocabulary and tokenizer cache for the life of the process unless the parse runs in a memory zone.
The articles are synthetic wire items with numbers and made-up place names no model knows.
"""

from __future__ import annotations

from dyadwatch.models import ArticleResult, RawDocument
from dyadwatch.store import Store


def _wire(number: int) -> RawDocument:
    town = f"Qorvath{number}ka"  # a word the model has never seen
    text = (
        f"Synthetic wire item {number}, reference {number * 7919}.\n\n"
        f"Germany expelled two Russian diplomats from {town} on Wednesday. "
        f"Police in Nigeria arrested {number + 11} protesters in Lagos."
    )
    return RawDocument(source_path=f"soak.jsonl:{number}", text=text, fmt="jsonl", date="2024-05-06")


def test_new_words_do_not_stay_in_the_vocabulary_after_their_batch(pipeline):
    strings = pipeline.nlp.vocab.strings
    first = list(pipeline.process_many([_wire(n) for n in range(16)], batch_size=16))
    after_one_batch = len(strings)
    results = list(pipeline.process_many([_wire(n) for n in range(16, 80)], batch_size=16))
    assert len(strings) == after_one_batch  # four more batches of new words: nothing kept
    assert "Qorvath70ka" not in strings
    # and the results are whole: every article coded, with its events (expelled, arrested)
    coded = [r for r in first + results if isinstance(r, ArticleResult)]
    assert len(coded) == 80 and all(len(r.events) >= 2 for r in coded)
    assert {e.actor.country for r in coded for e in r.events if e.actor} >= {"DEU", "NGA"}


def test_storing_new_articles_deletes_nothing_and_restoring_replaces(pipeline, tmp_path):
    results = [r for r in pipeline.process_many([_wire(n) for n in range(4)]) if isinstance(r, ArticleResult)]
    with Store(tmp_path / "s.duckdb") as store:
        store.save_results(results[:2], "r1")
        store.save_results(results, "r2")  # two stored again (replaced), two new
        count = lambda sql: store.con.execute(sql).fetchone()[0]  # noqa: E731
        assert count("SELECT count(*) FROM articles") == 4
        assert count("SELECT count(*) FROM events") == sum(len(r.events) for r in results)
        assert count("SELECT count(DISTINCT run_id) FROM articles") == 1  # the stored two were rewritten by r2
