"""Stories: copies of a bundled example join its story, different articles do not, events count once.

The copies are made here, by hand, from the bundled examples (all synthetic except the seed):
a re-post between other junk lines, a syndicated wire copy with an edited head and tail and
dropped paragraphs, and a machine-"spun" copy like the seed itself (words swapped for synonyms,
sentences reordered, sentence tails broken off into orphan fragments).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pytest

from dyadwatch.clean import clean_document
from dyadwatch.ingest import iter_documents
from dyadwatch.models import Actor, Article, ArticleResult, Event, RawDocument
from dyadwatch.store import Store
from dyadwatch.stories import StoryIndex, StoryParams, assign_stories, store_index
from dyadwatch.stories import tables as story_tables

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SYNONYMS = {
    "said": "stated", "told": "informed", "concerned": "worried", "relations": "ties", "visit": "trip",
    "welcomed": "greeted", "top": "senior", "trade": "commerce", "expected": "anticipated", "war": "battle",
    "agreed": "concurred", "reaching": "attaining", "evidence": "proof", "vision": "imaginative and prescient",
    "big": "massive", "small": "little", "seen": "noticed", "firmly": "strongly", "role": "function",
    "crisis": "disaster", "separate": "different", "support": "assist", "biggest": "largest",
    "warned": "cautioned", "lethal": "deadly", "denied": "rejected", "main": "major", "meeting": "assembly",
    "met": "encountered", "held": "organised", "urged": "pressed", "accused": "charged", "talks": "discussions",
}  # fmt: skip


def _wire(number: int) -> dict:
    lines = (EXAMPLES / "synthetic_wire.jsonl").read_text(encoding="utf-8").splitlines()
    return json.loads(lines[number - 1])


def _cleaned(raw: RawDocument) -> Article:
    return clean_document(raw)


def _seed() -> Article:
    path = EXAMPLES / "seed_reuters_china_russia.txt"
    return _cleaned(RawDocument(source_path=str(path), text=path.read_text(encoding="utf-8"), fmt="txt"))


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def junk_copy(text: str) -> str:
    return "Skip to content\n\nShare this article\n\n" + text + "\n\nRelated: Oil prices climb\n\nLeave a Reply"


def wire_copy(text: str) -> str:
    """Another dateline, the first words of the lead rewritten, paragraphs 3 and 5 dropped, another tail."""
    parts = _paragraphs(text)
    parts[0] = "SINGAPORE (Asia Wire Digest) - " + re.sub(r"^.*?\(SWS\) - ", "", parts[0]).replace("the ", "", 1)
    del parts[4], parts[2]
    parts = [p for p in parts if not p.startswith("(Reporting")]
    return "\n\n".join(parts + ["(Additional reporting by Anna Novak; editing by Peter Lund)"])


def spun_copy(text: str) -> str:
    """Synonyms swapped, sentences of each paragraph reversed, the tail of every third sentence orphaned."""
    swapped = re.sub(r"\b[a-z]+\b", lambda m: SYNONYMS.get(m.group(0), m.group(0)), text)
    out, count = [], 0
    for paragraph in _paragraphs(swapped):
        sentences = re.split(r"(?<=[.!?”])\s+(?=[A-Z“])", paragraph)[::-1]
        for i, sentence in enumerate(sentences):
            count += 1
            words = sentence.split()
            if count % 3 == 0 and len(words) > 10:
                sentences[i] = " ".join(words[:-3]).rstrip(",") + ". " + " ".join(words[-3:]).capitalize()
        out.append(" ".join(sentences))
    return "\n\n".join(out)


@pytest.fixture(scope="module")
def seed() -> Article:
    return _seed()


def _index_with(article: Article, params: StoryParams | None = None) -> StoryIndex:
    index = StoryIndex(params)
    match, _ = index.assign(article.id, article.text, article.date or "2023-02-22")
    assert match.story_id == article.id and match.rule == "new"
    return index


def test_a_repost_between_other_junk_lines_joins_the_original(seed):
    index = _index_with(seed)
    match, _ = index.assign("repost", junk_copy(seed.text), "2023-02-22")
    assert match.story_id == seed.id and match.rule == "near-copy"


def test_a_wire_copy_with_an_edited_head_and_tail_and_dropped_paragraphs_joins_the_original():
    original = _wire(25)
    index = StoryIndex()
    index.assign("syn-025", original["text"], original["date"])
    copy = wire_copy(original["text"])
    assert len(_paragraphs(copy)) < len(_paragraphs(original["text"]))
    match, _ = index.assign("wire", copy, original["date"])
    assert match.story_id == "syn-025"


def test_a_spun_copy_like_the_seed_joins_the_original_through_the_facts_check(seed):
    index = _index_with(seed)
    spun = spun_copy(seed.text)
    match, _ = index.assign("spun", spun, "2023-02-23")
    assert match.story_id == seed.id
    assert match.rule == "same-facts"  # the wording changed too much for the text signature alone
    assert match.text_similarity < index.params.text_threshold


def test_different_articles_on_the_same_dyad_and_day_stay_separate(seed):
    """The seed and the synthetic paraphrase 008 and 013 are all China–Russia; dated alike here."""
    index = _index_with(seed)
    for number in (8, 13, 24, 34):
        match, _ = index.assign(f"syn-{number}", _wire(number)["text"], "2023-02-22")
        assert match.story_id == f"syn-{number}", number


def test_copies_further_apart_than_the_window_start_a_new_story(seed):
    index = _index_with(seed, StoryParams(window_days=3))
    assert index.assign("late", junk_copy(seed.text), "2023-03-10")[0].story_id == "late"
    assert index.assign("soon", junk_copy(seed.text) + "\n\nMore.", "2023-02-25")[0].story_id == seed.id


def test_assign_stories_sets_story_ids_and_signatures_in_input_order(seed):
    results = [
        ArticleResult(article=Article(id="b", text=junk_copy(seed.text), date="2023-02-22")),
        ArticleResult(article=Article(id="a", text=seed.text, date="2023-02-22")),
        ArticleResult(article=Article(id="c", text=_wire(13)["text"], date="2023-02-22")),
    ]
    matches = assign_stories(StoryIndex(), results)
    assert [r.article.story_id for r in results] == ["b", "b", "c"]  # the first one seen names the story
    assert [m.rule for m in matches] == ["new", "near-copy", "new"]
    assert all(len(r.signature) == 192 for r in results)
    one_by_one = [ArticleResult(article=Article(id=r.article.id, text=r.article.text, date="2023-02-22"))
                  for r in results]
    index = StoryIndex()
    for result in one_by_one:  # batch boundaries do not change the answer
        assign_stories(index, [result])
    assert [r.article.story_id for r in one_by_one] == ["b", "b", "c"]


# ---- the store: incremental runs, consolidation, migration --------------------------------------

RUS = Actor(text="Putin", name="Vladimir Putin", country="RUS", sector="GOV", code="RUSGOV")
CHN = Actor(text="Wang Yi", name="Wang Yi", country="CHN", sector="GOV", code="CHNGOV")


def _coded(article_id: str, text: str, source: str, events: int = 1) -> ArticleResult:
    """An article with hand-made events (the store's behaviour, not the coder's, is under test)."""
    article = Article(id=article_id, text=text, date="2023-02-22", source=source, title=f"title {article_id}")
    made = [
        Event(event_type="CONSULT", cameo_code="040", quad_class=1, goldstein=1.0, actor=RUS, recipient=CHN,
              sentence="Putin met Wang Yi.", trigger="met", date="2023-02-22"),
        Event(event_type="AGREE", cameo_code="030", quad_class=1, goldstein=4.0, actor=RUS, recipient=CHN,
              sentence="They agreed.", trigger="agreed", date="2023-02-22"),
    ]
    return ArticleResult(article=article, events=made[:events])


def _ingest(store: Store, results: list[ArticleResult], run: str = "r1") -> None:
    """What ``ingest`` does per batch: story ids by the writer, then one transaction."""
    assign_stories(store_index(store), results)
    store.save_results(results, run)


def test_a_second_run_joins_the_first_runs_story_and_events_count_once(tmp_path, seed):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        _ingest(store, [_coded("orig", seed.text, "Reuters", events=2)])
    with Store(db) as store:  # a later run: the index loads the stored signatures of the window
        _ingest(store, [_coded("repost", junk_copy(seed.text), "Content Farm"),
                        _coded("spun", spun_copy(seed.text), "Spinner Daily", events=2)], run="r2")
        _ingest(store, [_coded("other", _wire(13)["text"], "Synthetic Wire Service")], run="r3")
        stories = store.con.execute("SELECT id, articles, sources, title FROM stories ORDER BY id").fetchall()
        assert stories == [("orig", 3, 3, "title orig"), ("other", 1, 1, "title other")]
        consolidated = store.events(limit=None).sort_values("event_type")
        assert list(consolidated.event_type) == ["AGREE", "CONSULT", "CONSULT"]
        by_story = {(r.article_id, r.event_type): (r.num_articles, r.num_sources, len(r.member_ids))
                    for r in consolidated.itertuples()}
        assert by_story == {("orig", "CONSULT"): (3, 3, 3), ("orig", "AGREE"): (2, 2, 2),
                            ("other", "CONSULT"): (1, 1, 1)}
        assert len(store.events(limit=None, copies=True)) == 2 + 1 + 2 + 1
        summary = store.summary()
        assert (summary["events"], summary["event_reports"], summary["stories"]) == (3, 6, 2)
        assert summary["top_dyads"][0]["events"] == 3
        assert store.summary(copies=True)["top_dyads"][0]["events"] == 6


def test_restoring_an_article_keeps_its_story_and_group_ids(tmp_path, seed):
    with Store(tmp_path / "s.duckdb") as store:
        _ingest(store, [_coded("orig", seed.text, "Reuters"), _coded("copy", junk_copy(seed.text), "Farm")])
        groups = store.con.execute("SELECT DISTINCT group_id FROM events").fetchall()
        _ingest(store, [_coded("copy", junk_copy(seed.text), "Farm")], run="r2")
        assert store.con.execute("SELECT DISTINCT group_id FROM events").fetchall() == groups
        assert store.con.execute("SELECT articles FROM stories").fetchall() == [(2,)]


def test_a_recoded_copy_that_loses_an_event_leaves_its_group_and_nothing_counts_twice(tmp_path, seed):
    """event_groups is kept at write time: re-storing an article refreshes the groups it was in and is in."""
    with Store(tmp_path / "s.duckdb") as store:
        _ingest(store, [_coded("orig", seed.text, "Reuters", events=2), _coded("copy", junk_copy(seed.text), "Farm",
                                                                             events=2)])
        before = store.events(limit=None)
        assert sorted(zip(before.event_type, before.num_articles, strict=True)) == [("AGREE", 2), ("CONSULT", 2)]
        _ingest(store, [_coded("copy", junk_copy(seed.text), "Farm", events=1)], run="r2")
        after = store.events(limit=None)
        assert sorted(zip(after.event_type, after.num_articles, strict=True)) == [("AGREE", 1), ("CONSULT", 2)]
        groups = store.con.execute("SELECT count(*), sum(len(member_ids)) FROM event_groups").fetchone()
        assert groups == (2, 3)


def test_an_old_store_is_migrated_and_backfilled_from_its_texts(tmp_path, seed):
    """A store written before stories existed: no stories table, no group_id, 128-value signatures."""
    db = tmp_path / "old.duckdb"
    with Store(db) as store:
        _ingest(store, [_coded("orig", seed.text, "Reuters"), _coded("copy", junk_copy(seed.text), "Farm")])
        store.con.execute("DROP VIEW consolidated_events; DROP TABLE stories; DROP TABLE story_settings")
        store.con.execute("ALTER TABLE events DROP COLUMN group_id")
        store.con.execute("UPDATE articles SET story_id = id, signature = [1, 2, 3]")
    with duckdb.connect(str(db)) as con:
        assert con.execute("SELECT count(DISTINCT story_id) FROM articles").fetchone()[0] == 2
    with Store(db) as store:
        assert story_tables.needs_backfill(store.con)
        assert story_tables.backfill(store.con) == 2
        assert not story_tables.needs_backfill(store.con)
        assert store.con.execute("SELECT DISTINCT story_id FROM articles").fetchall() == [("orig",)]
        assert store.con.execute("SELECT id, articles, sources FROM stories").fetchall() == [("orig", 2, 2)]
        assert store.summary()["events"] == 1


def test_a_read_only_store_without_the_view_still_answers(tmp_path, seed):
    db = tmp_path / "old.duckdb"
    with Store(db) as store:
        _ingest(store, [_coded("orig", seed.text, "Reuters")])
        store.con.execute("DROP VIEW consolidated_events")
    with Store(db, read_only=True) as store:
        assert store.summary()["events"] == 1 and not store.summary()["events_consolidated"]


def test_extract_gives_a_copy_the_originals_story_id_without_a_store(tmp_path):
    from dyadwatch.api import extract

    original = _wire(25)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(original["text"], encoding="utf-8")
    (folder / "b.txt").write_text(wire_copy(original["text"]), encoding="utf-8")
    records = extract(folder, date=original["date"], events=False)
    assert len(records) == 2
    assert records[0]["story_id"] == records[0]["article_id"]
    assert records[1]["story_id"] == records[0]["article_id"] != records[1]["article_id"]


def test_the_bundled_examples_are_distinct_stories():
    """47 distinct articles (041 is 025's identical body): none is taken for another's copy."""
    index = StoryIndex()
    ids = {}
    for raw in iter_documents([str(EXAMPLES)]):
        article = clean_document(raw)
        if article.id in ids:
            continue
        ids[article.id] = index.assign(article.id, article.text, "2023-06-19")[0].story_id
    assert len(ids) == 47 and all(story == article for article, story in ids.items())


def test_an_article_stored_before_keeps_its_story_when_coded_again(tmp_path, seed):
    """``ingest --force`` re-codes stored articles: the lazily loaded index knows them."""
    with Store(tmp_path / "s.duckdb") as store:
        _ingest(store, [_coded("orig", seed.text, "Reuters"), _coded("copy", junk_copy(seed.text), "Farm")])
    with Store(tmp_path / "s.duckdb") as store:
        again = [_coded("copy", junk_copy(seed.text), "Farm")]
        [match] = assign_stories(store_index(store), again)
        assert (match.rule, again[0].article.story_id) == ("same-text", "orig")


def test_the_store_index_loads_only_the_time_window_it_needs(tmp_path, seed):
    """Memory stays bounded: a new article reads the stored signatures of its own days, not the store."""
    far = _coded("far", _wire(13)["text"], "Synthetic Wire Service")
    far.article.date = "2023-03-21"
    with Store(tmp_path / "s.duckdb") as store:
        _ingest(store, [_coded("orig", seed.text, "Reuters"), far])
        index = store_index(store, StoryParams(window_days=2))
        assign_stories(index, [_coded("copy", junk_copy(seed.text), "Farm")])
        assert len(index) == 2 and index.story_of("far") is None  # orig (loaded) and the copy itself
        assert index.story_of("copy") == "orig"


def test_a_long_ingest_holds_at_most_the_cap_and_reloads_an_evicted_day(tmp_path):
    """Beyond ``max_articles`` whole days furthest from the newest are dropped; the store brings them back."""
    params = StoryParams(window_days=1, max_articles=4)
    with Store(tmp_path / "s.duckdb") as store:
        index = store_index(store, params)
        for day, number in enumerate((1, 2, 3, 4, 5, 6, 7, 9), start=1):
            result = _coded(f"syn-{number}", _wire(number)["text"], "Synthetic Wire Service")
            result.article.date = f"2023-05-{day:02d}"
            assign_stories(index, [result])
            store.save_results([result], "r1")
            assert len(index) <= 4
        assert index.story_of("syn-1") is None  # dropped with its day
        copy = _coded("copy", wire_copy(_wire(1)["text"]), "Asia Wire Digest")
        copy.article.date = "2023-05-01"
        assign_stories(index, [copy])
        assert copy.article.story_id == "syn-1"  # its day was read back from the store
