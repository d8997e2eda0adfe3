"""The story index: which earlier article, if any, a new article is a copy of.

Candidates come from locality-sensitive hashing over the text signature (``bands`` bands of
``rows`` values: pairs above roughly ``(1/bands) ** (1/rows)`` similarity collide). A candidate
is a copy when its dates are at most ``window_days`` apart and either

* the text similarity is at least ``text_threshold`` (re-posts, syndicated and trimmed wire copies), or
* the text similarity is at least ``borderline`` and the facts similarity (names, numbers, quoted
  words) is at least ``facts_threshold`` (machine-"spun" copies: the wording changed, the facts not).

The new article joins the best candidate's story, else starts its own (story id = its article id).
Stories never merge afterwards, so an id once stored stays valid. Stored articles are loaded lazily,
a date window at a time, through ``loader``; when more than ``max_articles`` are held, whole days
furthest from the newest article's day are dropped (the loader brings them back if a later article
needs them), so a long ingest holds at most about that many signatures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date as Date

import numpy as np

from dyadwatch.stories.signature import SHINGLE_WORDS, TEXT_PERM, Signature, signature, similarity

# (article id, story id, date, signature values) of a stored article
StoredRow = tuple[str, str, str, list[int]]
Loader = Callable[[str, str], Iterable[StoredRow]]  # (first date, last date) -> rows; ("", "") -> undated


@dataclass(frozen=True)
class StoryParams:
    """Clustering settings; the defaults are the ones chosen in docs/stories.md (bench/bench_stories.py)."""

    shingle_words: int = SHINGLE_WORDS
    bands: int = 64
    rows: int = 2
    text_threshold: float = 0.5
    borderline: float = 0.15
    facts_threshold: float = 0.3
    window_days: int = 3
    max_articles: int = 50_000  # with a store behind the index: more are dropped a day at a time (~9 MB / 1,000)

    def __post_init__(self) -> None:
        if self.bands * self.rows > TEXT_PERM:
            raise ValueError(f"bands x rows must be at most {TEXT_PERM}")
        if self.window_days < 0:
            raise ValueError("the story window is a number of days >= 0")


@dataclass(frozen=True)
class StoryMatch:
    """Why an article got its story: ``rule`` is new, same-text, near-copy or same-facts."""

    story_id: str
    rule: str
    text_similarity: float = 0.0
    facts_similarity: float = 0.0
    copy_of: str = ""


def day_number(value: str) -> int | None:
    """Days since 0001-01-01 for a YYYY-MM-DD date; None for an unknown or partial date."""
    try:
        return Date.fromisoformat(value[:10]).toordinal() if len(value) >= 10 else None
    except ValueError:
        return None


class StoryIndex:
    """Known articles (id, story, day, signature) with LSH buckets over their text signatures."""

    def __init__(self, params: StoryParams | None = None, loader: Loader | None = None) -> None:
        self.params = params or StoryParams()
        self.loader = loader
        self._ids: list[str] = []
        self._stories: list[str] = []
        self._days: list[int | None] = []
        self._signatures: list[Signature | None] = []  # None: dropped (its day was evicted)
        self._position: dict[str, int] = {}
        self._by_day: dict[int | None, list[int]] = {}
        self._buckets: list[dict[int, int | list[int]]] = [{} for _ in range(self.params.bands)]
        self._loaded_days: set[int] = set()
        self._loaded_undated = loader is None

    def __len__(self) -> int:
        return len(self._position)

    def story_of(self, article_id: str) -> str | None:
        position = self._position.get(article_id)
        return None if position is None else self._stories[position]

    def assign(self, article_id: str, text: str, date: str = "") -> tuple[StoryMatch, Signature]:
        """The story of a new article (joining an earlier copy's story, or its own) and its signature."""
        sig = signature(text, self.params.shingle_words)
        day = day_number(date)
        self._load_around(day)
        known = self.story_of(article_id)  # stored before (re-coded with --force): it keeps its story
        if known is not None:
            return StoryMatch(known, "same-text", 1.0, 1.0, article_id), sig
        keys = self._band_keys(sig)
        match = self.best_match(sig, day, keys) or StoryMatch(article_id, "new")
        self._add(article_id, match.story_id, day, sig, keys)
        if self.loader is not None and len(self._position) > self.params.max_articles:
            self._evict(day)
        return match, sig

    def best_match(self, sig: Signature, day: int | None, keys: list[int] | None = None) -> StoryMatch | None:
        """The most similar earlier copy within the time window (the earliest known of equals), or None."""
        best: StoryMatch | None = None
        for position in sorted(self._candidates(keys if keys is not None else self._band_keys(sig))):
            if not self._within_window(day, self._days[position]):
                continue
            match = self._judge(sig, position)
            if match and (best is None or match.text_similarity > best.text_similarity):
                best = match
        return best

    def _judge(self, sig: Signature, position: int) -> StoryMatch | None:
        params, other = self.params, self._signatures[position]
        assert other is not None  # dropped articles are out of every bucket
        text_sim = similarity(sig.text, other.text)
        if text_sim >= params.text_threshold:
            return StoryMatch(self._stories[position], "near-copy", text_sim, 0.0, self._ids[position])
        if text_sim < params.borderline:
            return None
        facts_sim = similarity(sig.facts, other.facts)
        if facts_sim >= params.facts_threshold:
            return StoryMatch(self._stories[position], "same-facts", text_sim, facts_sim, self._ids[position])
        return None

    def add(self, article_id: str, story_id: str, day: int | None, sig: Signature) -> None:
        """Remember an article (new, or loaded from the store); an id already known is left as it is."""
        self._add(article_id, story_id, day, sig, self._band_keys(sig))

    def _add(self, article_id: str, story_id: str, day: int | None, sig: Signature, keys: list[int]) -> None:
        if article_id in self._position:
            return
        position = len(self._ids)
        self._position[article_id] = position
        self._ids.append(article_id)
        self._stories.append(story_id)
        self._days.append(day)
        self._signatures.append(sig)
        self._by_day.setdefault(day, []).append(position)
        for buckets, key in zip(self._buckets, keys, strict=True):
            found = buckets.get(key)
            if found is None:
                buckets[key] = position
            elif isinstance(found, list):
                found.append(position)
            else:
                buckets[key] = [found, position]

    def load(self, rows: Iterable[StoredRow]) -> int:
        """Add stored articles; rows whose signature is of another scheme are skipped. Returns how many."""
        added = 0
        for article_id, story_id, date, values in rows:
            try:
                sig = Signature.from_values(values)
            except ValueError:
                continue
            self.add(article_id, story_id, day_number(date or ""), sig)
            added += 1
        return added

    def _candidates(self, keys: list[int]) -> set[int]:
        found: set[int] = set()
        for buckets, key in zip(self._buckets, keys, strict=True):
            hit = buckets.get(key)
            if hit is None:
                continue
            if isinstance(hit, list):
                found.update(hit)
            else:
                found.add(hit)
        return found

    def _band_keys(self, sig: Signature) -> list[int]:
        """One int per band, combining its ``rows`` 32-bit values (exactly, for rows <= 2)."""
        bands = sig.text[: self.params.bands * self.params.rows].reshape(self.params.bands, self.params.rows)
        keys = bands[:, 0].copy()
        for column in range(1, self.params.rows):
            keys = (keys << np.uint64(32)) ^ (keys >> np.uint64(32)) ^ bands[:, column]
        return keys.tolist()

    def _evict(self, day: int | None) -> None:
        """Drop whole days, furthest from ``day`` first, to 90 % of the cap (undated ones and ``day`` stay)."""
        dated = [d for d in self._by_day if d is not None and d != day]
        reference = day if day is not None else max(dated, default=0)
        for old in sorted(dated, key=lambda d: abs(d - reference), reverse=True):
            if len(self._position) <= 0.9 * self.params.max_articles:
                return
            self._drop_day(old)

    def _drop_day(self, day: int) -> None:
        for position in self._by_day.pop(day):
            sig = self._signatures[position]
            assert sig is not None
            for buckets, key in zip(self._buckets, self._band_keys(sig), strict=True):
                found = buckets.get(key)
                if found == position:
                    del buckets[key]
                elif isinstance(found, list) and position in found:
                    found.remove(position)
                    if len(found) == 1:
                        buckets[key] = found[0]
            del self._position[self._ids[position]]
            self._ids[position] = self._stories[position] = ""
            self._signatures[position] = None
        self._loaded_days.discard(day)

    def _within_window(self, day: int | None, other: int | None) -> bool:
        return day is None or other is None or abs(day - other) <= self.params.window_days

    def _load_around(self, day: int | None) -> None:
        """Fetch stored articles of the days a new article could match (and the undated ones, once)."""
        if self.loader is None:
            return
        if not self._loaded_undated:
            self._loaded_undated = True
            self.load(self.loader("", ""))
        if day is None:
            return
        window = self.params.window_days
        missing = [d for d in range(day - window, day + window + 1) if d not in self._loaded_days]
        if not missing:
            return
        self._loaded_days.update(missing)
        first, last = Date.fromordinal(min(missing)).isoformat(), Date.fromordinal(max(missing)).isoformat()
        self.load(self.loader(first, last))

