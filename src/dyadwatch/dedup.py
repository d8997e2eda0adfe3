"""Story clustering: near-identical copies of one story (syndication, re-posts) share a story id.

Identical bodies already share an article id (a hash of the normalised text). Syndicated copies
usually differ a little — another dateline, a credit line, a trimmed paragraph — so they are
grouped with MinHash locality-sensitive hashing over word shingles (datasketch): an article whose
estimated Jaccard similarity to an earlier one is at least ``threshold`` joins that article's
story; otherwise it starts a story of its own (story id = its article id).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE_WORDS = 3
DEFAULT_THRESHOLD = 0.7
_WORD_RE = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Overlapping word n-grams of the lower-cased text (the unit of similarity)."""
    words = _WORD_RE.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM)
    minhash.update_batch(list(shingles(text)))
    return minhash


class StoryIndex:
    """Assigns story ids; can be rebuilt from stored signatures so it works across runs."""

    def __init__(self, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.story_of: dict[str, str] = {}

    def load(self, rows: Iterable[tuple[str, str, list[int]]]) -> None:
        """Add stored (article_id, story_id, signature values) without re-reading the texts."""
        for article_id, story_id, values in rows:
            minhash = MinHash(num_perm=NUM_PERM, hashvalues=np.array(values, dtype=np.uint64))
            self._insert(article_id, story_id, minhash)

    def assign(self, article_id: str, text: str) -> tuple[str, list[int]]:
        """The story id for an article (its own id when nothing similar is known) and its signature."""
        if article_id in self.story_of:
            return self.story_of[article_id], []
        minhash = signature(text)
        matches = sorted(self.story_of[m] for m in self.lsh.query(minhash))
        story_id = matches[0] if matches else article_id
        self._insert(article_id, story_id, minhash)
        return story_id, [int(v) for v in minhash.hashvalues]

    def _insert(self, article_id: str, story_id: str, minhash: MinHash) -> None:
        if article_id in self.story_of:
            return
        self.lsh.insert(article_id, minhash)
        self.story_of[article_id] = story_id
