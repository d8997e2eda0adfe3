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
needs them), so a long ingest holds at most about that many signatures. If one day alone holds more (a single-day
stream), its oldest articles are dropped too: a copy of an article more than about ``max_articles``
articles older then starts a story of its own.

Signatures are kept as rows of two numpy matrices (32-bit values), so an article is compared with
all its candidates in one vectorised step: a stream where most articles share a sentence with many
others (the soak corpus, boilerplate-heavy sites) has thousands of candidates per article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date as Date

import numpy as np

from dyadwatch.stories.signature import _EMPTY, FACT_PERM, SHINGLE_WORDS, TEXT_PERM, Signature, signature

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
    max_articles: int = 50_000  # with a store behind the index: more are dropped, a day at a time where possible

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
    """Known articles (id, story, day, signature) with LSH buckets over their text signatures.

    Articles are numbered by position in the order they were added (dropped ones are compacted
    away, keeping that order), so "the earliest known of equally similar copies" is the lowest position.
    """

    def __init__(self, params: StoryParams | None = None, loader: Loader | None = None) -> None:
        self.params = params or StoryParams()
        self.loader = loader
        self._loaded_days: set[int] = set()
        self._loaded_undated = loader is None
        self._reset(0)

    def _reset(self, capacity: int) -> None:
        self._ids: list[str] = []
        self._stories: list[str] = []
        self._days = np.zeros(capacity, dtype=np.int64)  # NO_DAY: undated
        self._text = np.zeros((capacity, TEXT_PERM), dtype=np.uint32)  # MinHash values are 32-bit
        self._facts = np.zeros((capacity, FACT_PERM), dtype=np.uint32)
        self._position: dict[str, int] = {}
        self._by_day: dict[int | None, list[int]] = {}
        self._buckets: list[dict[int, int | list[int]]] = [{} for _ in range(self.params.bands)]

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
        keys = self._band_keys(sig.text)
        match = self.best_match(sig, day, keys) or StoryMatch(article_id, "new")
        self._add(article_id, match.story_id, day, sig, keys)
        if self.loader is not None and len(self._position) > self.params.max_articles:
            self._evict(day)
        return match, sig

    def best_match(self, sig: Signature, day: int | None, keys: list[int] | None = None) -> StoryMatch | None:
        """The most similar earlier copy within the time window (the earliest known of equals), or None."""
        positions = self._candidates(keys if keys is not None else self._band_keys(sig.text))
        if day is not None and len(positions):
            days = self._days[positions]
            positions = positions[(days == NO_DAY) | (np.abs(days - day) <= self.params.window_days)]
        if not len(positions):
            return None
        params = self.params
        text_sims = _similarities(sig.text, self._text, positions)
        near = text_sims >= params.text_threshold
        borderline = ~near & (text_sims >= params.borderline)
        facts_sims = np.zeros(len(positions))
        facts_sims[borderline] = _similarities(sig.facts, self._facts, positions[borderline])
        matched = near | (borderline & (facts_sims >= params.facts_threshold))
        if not matched.any():
            return None
        best = int(np.argmax(np.where(matched, text_sims, -1.0)))  # the first of equals: the lowest position
        position = int(positions[best])
        rule, facts = ("near-copy", 0.0) if near[best] else ("same-facts", float(facts_sims[best]))
        return StoryMatch(self._stories[position], rule, float(text_sims[best]), facts, self._ids[position])

    def add(self, article_id: str, story_id: str, day: int | None, sig: Signature) -> None:
        """Remember an article (new, or loaded from the store); an id already known is left as it is."""
        self._add(article_id, story_id, day, sig, self._band_keys(sig.text))

    def _add(self, article_id: str, story_id: str, day: int | None, sig: Signature, keys: list[int]) -> None:
        if article_id in self._position:
            return
        position = len(self._ids)
        if position == len(self._days):
            self._grow(max(1024, 2 * position))
        self._position[article_id] = position
        self._ids.append(article_id)
        self._stories.append(story_id)
        self._days[position] = NO_DAY if day is None else day
        self._text[position] = sig.text
        self._facts[position] = sig.facts
        self._by_day.setdefault(day, []).append(position)
        self._bucket(position, keys)

    def _bucket(self, position: int, keys: list[int]) -> None:
        for buckets, key in zip(self._buckets, keys, strict=True):
            found = buckets.get(key)
            if found is None:
                buckets[key] = position
            elif isinstance(found, list):
                found.append(position)
            else:
                buckets[key] = [found, position]

    def _grow(self, capacity: int) -> None:
        used = len(self._ids)
        for name in ("_days", "_text", "_facts"):
            old = getattr(self, name)
            new = np.zeros((capacity, *old.shape[1:]), dtype=old.dtype)
            new[:used] = old[:used]
            setattr(self, name, new)

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

    def _candidates(self, keys: list[int]) -> np.ndarray:
        """Positions sharing at least one band with ``keys``, ascending."""
        found: set[int] = set()
        for buckets, key in zip(self._buckets, keys, strict=True):
            hit = buckets.get(key)
            if hit is None:
                continue
            if isinstance(hit, list):
                found.update(hit)
            else:
                found.add(hit)
        return np.array(sorted(found), dtype=np.int64)

    def _band_keys(self, text: np.ndarray) -> list[int]:
        """One int per band, combining its ``rows`` 32-bit values (exactly, for rows <= 2)."""
        return self._band_key_rows(text[None, :])[0]

    def _band_key_rows(self, texts: np.ndarray) -> list[list[int]]:
        """``_band_keys`` of each row of a matrix of text signatures, in one numpy pass."""
        bands, rows = self.params.bands, self.params.rows
        values = texts[:, : bands * rows].astype(np.uint64).reshape(len(texts), bands, rows)
        keys = values[:, :, 0].copy()
        for column in range(1, rows):
            keys = (keys << np.uint64(32)) ^ (keys >> np.uint64(32)) ^ values[:, :, column]
        return keys.tolist()

    def _evict(self, day: int | None) -> None:
        """Drop to 90 % of the cap: whole days, furthest from ``day`` first (undated ones and ``day`` stay),
        then, if one day alone is over it, the oldest articles of what is left."""
        target = int(0.9 * self.params.max_articles)
        dated = [d for d in self._by_day if d is not None and d != day]
        reference = day if day is not None else max(dated, default=0)
        dropped: list[int] = []
        for old in sorted(dated, key=lambda d: abs(d - reference), reverse=True):
            if len(self._position) - len(dropped) <= target:
                break
            dropped += self._by_day[old]
            self._loaded_days.discard(old)  # the loader brings the whole day back when it is needed
        keep = np.ones(len(self._ids), dtype=bool)
        keep[dropped] = False
        over = int(keep.sum()) - target
        if over > 0:  # one day alone is over the cap: its oldest go (not reloaded: the day stays "loaded")
            keep[np.flatnonzero(keep)[:over]] = False
        self._compact(np.flatnonzero(keep))

    def _compact(self, kept: np.ndarray) -> None:
        """Keep only the articles at ``kept`` (ascending), renumbered in the same order."""
        ids, stories = [self._ids[p] for p in kept], [self._stories[p] for p in kept]
        days, text, facts = self._days[kept], self._text[kept], self._facts[kept]
        self._reset(max(1024, 2 * len(kept)))
        self._ids, self._stories = ids, stories
        self._days[: len(kept)], self._text[: len(kept)], self._facts[: len(kept)] = days, text, facts
        self._position = {article_id: position for position, article_id in enumerate(ids)}
        for position, (day, keys) in enumerate(zip(days.tolist(), self._band_key_rows(text), strict=True)):
            self._by_day.setdefault(None if day == NO_DAY else day, []).append(position)
            self._bucket(position, keys)

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


NO_DAY = -(1 << 40)  # the day of an undated article: within every window


def _similarities(values: np.ndarray, matrix: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """``similarity`` of ``values`` with each row of ``matrix`` at ``positions`` (0 for an empty signature)."""
    if values[0] == _EMPTY and (values == _EMPTY).all():
        return np.zeros(len(positions))
    return np.count_nonzero(matrix[positions] == values.astype(np.uint32), axis=1) / len(values)
