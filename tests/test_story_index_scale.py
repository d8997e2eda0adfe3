"""The story index at soak scale: vectorised judging gives the pairwise answer; the cap holds on one day.

The articles are synthetic wire items made here from a few sentences, so that many of them share a
sentence with many others (thousands of LSH candidates per article in a long run), some are
near-copies (two sentences of three shared) and some only share names and figures.
"""

from __future__ import annotations

import random

import pytest

from dyadwatch.stories import StoryIndex, StoryMatch, StoryParams
from dyadwatch.stories.signature import Signature, similarity

SENTENCES = (
    "Japan pledged $2 billion in aid to the Philippines on Monday.",
    "Germany expelled two Russian diplomats on Wednesday.",
    "Pakistan accused India of violating the ceasefire in Kashmir.",
    "Poland sent tanks to Ukraine on Friday.",
    "South Korea urged North Korea to return to negotiations.",
    "Canada rejected China's demand to extradite the businessman.",
    "Police in Nigeria arrested 30 protesters in Lagos.",
    "Egypt mediated talks between Israel and Hamas in Cairo.",
    "Heavy rain is expected across the region later this week, forecasters said.",
)


def _articles(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [f"Synthetic wire item {n}.\n\n" + " ".join(rng.sample(SENTENCES, 3)) for n in range(count)]


def _pairwise_best(index: StoryIndex, sig: Signature, candidates: list[int]) -> StoryMatch | None:
    """The index's rule, judged one candidate at a time with ``signature.similarity`` (the reference)."""
    params, best = index.params, None
    for position in candidates:
        other_text, other_facts = index._text[position], index._facts[position]
        text_sim = similarity(sig.text, other_text.astype("uint64"))
        if text_sim >= params.text_threshold:
            match = StoryMatch(index._stories[position], "near-copy", text_sim, 0.0, index._ids[position])
        elif text_sim >= params.borderline and (
            facts := similarity(sig.facts, other_facts.astype("uint64"))
        ) >= params.facts_threshold:
            match = StoryMatch(index._stories[position], "same-facts", text_sim, facts, index._ids[position])
        else:
            continue
        if best is None or match.text_similarity > best.text_similarity:
            best = match
    return best


def test_vectorised_judging_matches_the_pairwise_rule_on_crowded_candidates():
    index = StoryIndex()
    rules = set()
    for n, text in enumerate(_articles(400)):
        match, sig = index.assign(f"a{n}", text, "2024-05-06")
        index._ids.pop(), index._stories.pop(), index._position.pop(f"a{n}")  # judge again without itself
        candidates = index._candidates(index._band_keys(sig.text)).tolist()
        candidates = [p for p in candidates if p < n]
        index._ids.append(f"a{n}"), index._stories.append(match.story_id)
        index._position[f"a{n}"] = n
        expected = _pairwise_best(index, sig, candidates) or StoryMatch(f"a{n}", "new")
        assert match == expected
        rules.add(match.rule)
    assert rules == {"new", "near-copy", "same-facts"}  # every branch of the rule was exercised


@pytest.mark.parametrize("date", ["2024-05-06", ""])
def test_the_cap_holds_when_every_article_is_of_one_day(date):
    """A single-day (or undated) stream cannot be evicted a day at a time: its oldest articles go."""
    index = StoryIndex(StoryParams(max_articles=50), loader=lambda first, last: [])
    texts = _articles(300)
    for n, text in enumerate(texts):
        index.assign(f"a{n}", text, date)
        assert len(index) <= 50
    assert index.story_of("a0") is None and index.story_of("a299") is not None
    # what is kept still works: an exact copy of the newest article joins its story
    match, _ = index.assign("copy", texts[-1], date)
    assert match.story_id == index.story_of("a299") and match.rule == "near-copy"


def test_dropping_days_outside_the_window_changes_no_story():
    """Whole days far from the newest go (and the kept articles are renumbered); every match is the uncapped one."""
    texts = _articles(150, seed=3)
    capped = StoryIndex(StoryParams(window_days=1, max_articles=40), loader=lambda first, last: [])
    uncapped = StoryIndex(StoryParams(window_days=1))
    for n, text in enumerate(texts):
        day = f"2024-05-{1 + n // 10:02d}"  # ten a day for fifteen days
        assert capped.assign(f"a{n}", text, day)[0] == uncapped.assign(f"a{n}", text, day)[0]
        assert len(capped) <= 40
    assert len(uncapped) == 150 and capped.story_of("a0") is None
