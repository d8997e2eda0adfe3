"""What keeps one process's peak memory down (docs/performance.md, "Peak memory of one process"):
spaCy batches bounded by size, and a store writer that does not import pandas. Neither may change a row.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from dyadwatch import nlp as nlp_module
from dyadwatch.nlp import batches_by_size, parse_texts

PARAGRAPHS = [
    "Russian Foreign Minister Sergei Lavrov met his Chinese counterpart Wang Yi in Beijing on Tuesday.",
    "The two ministers signed an agreement on energy cooperation, the Chinese foreign ministry said.",
    "Ukraine accused Russia of shelling the city of Kharkiv overnight, killing three civilians.",
    '"We will not accept this," said the German chancellor, who urged Moscow to withdraw its troops.',
    "Turkey and Greece agreed to resume talks on maritime borders next month in Ankara.",
]


def _article(seed: int) -> str:
    """A synthetic news text of a few paragraphs (invented for these tests)."""
    picked = [PARAGRAPHS[(seed + i) % len(PARAGRAPHS)] for i in range(2 + seed % 4)]
    return f"Synthetic report {seed}.\n\n" + "\n\n".join(picked)


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.idx, t.tag_, t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc]


def test_batches_by_size_cover_the_texts_in_order_within_the_bound():
    texts = ["a" * n for n in (30, 50, 20, 120, 10, 10, 90)]
    batches = batches_by_size(texts, 100)
    assert [t for batch in batches for t in batch] == texts
    assert [len(b) for b in batches] == [3, 1, 2, 1]  # 30+50+20 = 100; 120 alone; 10+10 (+90 would pass 100); 90
    for batch in batches:
        assert len(batch) == 1 or sum(map(len, batch)) <= 100
    assert batches_by_size([], 100) == []


def test_a_text_longer_than_the_bound_is_a_batch_of_its_own():
    texts = ["b" * 10, "c" * 500, "d" * 10]
    assert [list(b) for b in batches_by_size(texts, 100)] == [["b" * 10], ["c" * 500], ["d" * 10]]


def test_parsing_in_small_batches_gives_the_parse_of_one_batch(nlp, monkeypatch):
    texts = [_article(seed) for seed in range(7)]
    whole = [_annotations(doc) for doc in nlp.pipe(texts, batch_size=len(texts))]
    monkeypatch.setattr(nlp_module, "PARSE_BATCH_CHARS", 600)  # several batches of one to three texts
    assert len(batches_by_size(texts, 600)) > 2
    assert [_annotations(doc) for doc in parse_texts(nlp, texts)] == whole


def test_a_failing_batch_costs_only_its_failing_text(nlp, monkeypatch):
    texts = [_article(1), "POISON " + _article(2), _article(3), _article(4)]
    original_pipe, original_one = nlp.pipe, nlp_module._parse_one

    def pipe_or_fail(batch, *args, **kwargs):
        batch = list(batch)
        if any("POISON" in t for t in batch):
            raise ValueError("[E088] too long")
        return original_pipe(batch, *args, **kwargs)

    def one_or_fail(model, text):
        return ValueError("[E088] too long") if "POISON" in text else original_one(model, text)

    monkeypatch.setattr(nlp_module, "PARSE_BATCH_CHARS", 400)
    monkeypatch.setattr(nlp, "pipe", pipe_or_fail)
    monkeypatch.setattr(nlp_module, "_parse_one", one_or_fail)
    parsed = parse_texts(nlp, texts)
    assert isinstance(parsed[1], ValueError)
    assert [d.text for i, d in enumerate(parsed) if i != 1] == [texts[0], texts[2], texts[3]]


def test_storing_results_does_not_import_pandas(tmp_path):
    script = textwrap.dedent("""
        import sys
        from dyadwatch.models import Actor, Article, ArticleResult, Event
        from dyadwatch.store import Store
        actor = Actor(text="Wang Yi", name="Wang Yi", country="CHN", sector="GOV", code="CHNGOV")
        event = Event(event_type="CONSULT", cameo_code="040", quad_class=1, goldstein=1.0, actor=actor,
                      recipient=actor, sentence="Wang Yi met.", trigger="met", date="2024-05-14")
        result = ArticleResult(article=Article(id="a1", text="Wang Yi met.", date="2024-05-14"), events=[event],
                               actors=[actor])
        with Store(sys.argv[1]) as store:
            store.save_results([result], "run1")
            assert store.con.execute("SELECT count(*) FROM events").fetchone()[0] == 1
        print("pandas" in sys.modules, "pyarrow" in sys.modules)
    """)
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "s.duckdb")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False"]


def test_stored_values_keep_their_types_and_missing_values(tmp_path):
    from dyadwatch.models import Actor, Article, ArticleResult, Event, Quote
    from dyadwatch.store import Store

    actor = Actor(text="Sergei Lavrov", name="Sergei Lavrov", country="RUS", sector="GOV", code="RUSGOV",
                  start=0, end=13)
    nobody = Event(event_type="ASSAULT", cameo_code="190", quad_class=4, goldstein=-10.0, actor=actor,
                   recipient=None, sentence="Lavrov’s “troops” shelled it.", trigger="shelled", date="")
    article = Article(id="a2", text="Lavrov’s “troops” shelled it.", date="2024-05-14", title="Ünïcode",
                      byline=["A. Writer", "B. Writer"], flags=[])
    quote = Quote(text="troops", speaker=None, direct=True)
    result = ArticleResult(article=article, events=[nobody], quotes=[quote], actors=[actor],
                           signature=[2**64 - 1, 0, 12345])
    with Store(tmp_path / "t.duckdb") as store:
        store.save_results([result], "run1")
        row = store.con.execute("SELECT title, byline, flags, signature FROM articles").fetchone()
        event = store.con.execute(
            "SELECT goldstein, quad_class, recipient_name, lat, asserted, sentence FROM events").fetchone()
        spoken = store.con.execute("SELECT speaker_name, direct, text FROM quotes").fetchone()
    assert row == ("Ünïcode", ["A. Writer", "B. Writer"], [], [2**64 - 1, 0, 12345])
    assert event == (-10.0, 4, None, None, nobody.asserted, "Lavrov’s “troops” shelled it.")
    assert spoken == (None, True, "troops")
