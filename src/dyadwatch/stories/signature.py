"""Fingerprints of an article's text, cheap enough for thousands of articles per second on one core.

Two MinHash signatures per article, both computed with numpy over a whole article at once
(datasketch hashes every shingle with SHA-1 in a Python loop: the previous ``dedup.py`` spent
5 ms per article on its signature, docs/performance.md):

* ``text``: word shingles of the body. Syndicated and re-posted copies share most of them.
* ``facts``: what a rewrite keeps — capitalised words (names, places), numbers and the words
  inside quotation marks. A machine-"spun" copy changes the wording (so few shingles survive)
  but not the names, figures and quotes; a different article on the same dyad shares the names
  but not the figures and quotes.

Word hashes are CRC-32 (stable across processes and Python versions, so stored signatures stay
valid); shingle hashes combine them with a fixed polynomial; each permutation is a multiply-shift
hash ``(a * x mod 2**64) >> 32`` with odd multipliers from a fixed seed. ``SIGNATURE_VERSION``
names the scheme: a store holding signatures of another scheme is re-signed from its stored texts.
"""

from __future__ import annotations

import re
import string
import zlib
from dataclasses import dataclass

import numpy as np

SIGNATURE_VERSION = "stories-2 (crc32 words, 3-word shingles, multiply-shift MinHash 128+64)"
TEXT_PERM = 128
FACT_PERM = 64
SHINGLE_WORDS = 3
_MAX32 = np.uint64((1 << 32) - 1)
_EMPTY = int(_MAX32)
_MIX = np.uint64(0x9E3779B97F4A7C15)
_WORD_RE = re.compile(r"\w+")
# a line of four or more words, each capitalised but for short function words: a headline
_HEADLINE_RE = re.compile(
    r"^[ \t]*(?:(?:[“\"‘(]?[A-Z0-9]\S*|a|an|the|of|to|in|on|for|and|or|at|by|with|from|as|is)[ \t]+){3,}"
    r"[“\"‘(]?[A-Z0-9]\S*[ \t]*$",
    re.MULTILINE,
)
# a capitalised word (a name, mostly) or a number; inner dots and commas kept ("U.S", "1,200")
_FACT_RE = re.compile(r"[A-Z0-9](?:[\w'’-]|[.,](?=\w))*")
# punctuation becomes a space before splitting into words (str.translate and str.split run in C)
_PUNCTUATION = str.maketrans({c: " " for c in string.punctuation + "“”‘’«»—–…·•"})
_QUOTED_RE = re.compile(r"[“\"]([^”\"]{8,}?)[”\"]")


def _permutations(count: int, seed: int) -> np.ndarray:
    """Multiply-shift hash functions: ``(a * x mod 2**64) >> 32`` with a random odd ``a`` each.

    The shift keeps order, so the minimum is taken over the products and only the minima are shifted:
    two numpy passes over an article's shingles per signature, no division.
    """
    rng = np.random.RandomState(seed)
    a = rng.randint(0, np.iinfo(np.int64).max, size=count, dtype=np.int64).astype(np.uint64)
    return ((a << np.uint64(1)) | np.uint64(1))[:, None]


_TEXT_AB = _permutations(TEXT_PERM, 1)
_FACT_AB = _permutations(FACT_PERM, 2)


@dataclass
class Signature:
    """The two MinHash signatures of one article (uint64 arrays of TEXT_PERM and FACT_PERM values)."""

    text: np.ndarray
    facts: np.ndarray

    def values(self) -> list[int]:
        """Both signatures as one list of ints (the ``articles.signature`` column)."""
        return [int(v) for v in self.text] + [int(v) for v in self.facts]

    @classmethod
    def from_values(cls, values: list[int] | np.ndarray) -> Signature:
        array = np.asarray(values, dtype=np.uint64)
        if len(array) != TEXT_PERM + FACT_PERM:
            raise ValueError(f"a story signature has {TEXT_PERM + FACT_PERM} values, not {len(array)}")
        return cls(text=array[:TEXT_PERM], facts=array[TEXT_PERM:])


class _WordHashes(dict):
    """word -> CRC-32, remembered: news vocabulary repeats, and a dict lookup is cheaper than hashing."""

    def __missing__(self, word: str) -> int:
        if len(self) > 1_000_000:  # bound the memory on an endless stream of rare words
            self.clear()
        value = self[word] = zlib.crc32(word.encode("utf-8"))
        return value


_WORD_HASHES = _WordHashes()


def word_hashes(words: list[str]) -> np.ndarray:
    """CRC-32 of each word, as uint64 (stable across runs, unlike Python's salted ``hash``)."""
    return np.fromiter(map(_WORD_HASHES.__getitem__, words), dtype=np.uint64, count=len(words))


def shingle_hashes(hashes: np.ndarray, size: int = SHINGLE_WORDS) -> np.ndarray:
    """Hashes of the overlapping ``size``-word shingles (one shingle of all words when fewer).

    Repeated shingles are left in: they cannot change a minimum, and sorting them out costs more.
    """
    if len(hashes) == 0:
        return hashes
    size = min(size, len(hashes))
    count = len(hashes) - size + 1
    combined = hashes[:count].copy()
    for offset in range(1, size):  # uint64 arrays wrap silently mod 2**64
        combined = combined * _MIX + hashes[offset : offset + count]
    combined ^= combined >> np.uint64(29)
    return combined & _MAX32


def minhash(hashes: np.ndarray, multipliers: np.ndarray) -> np.ndarray:
    """The MinHash signature of a set of 32-bit hashes; an empty set gives the all-maximum signature."""
    if len(hashes) == 0:
        return np.full(multipliers.shape[0], _EMPTY, dtype=np.uint64)
    return (multipliers * hashes[None, :]).min(axis=1) >> np.uint64(32)  # arrays wrap silently mod 2**64


def fact_terms(text: str) -> list[str]:
    """Names, numbers and quoted words: what a rewrite of the same report keeps."""
    terms = " ".join(_FACT_RE.findall(text)).lower().split()
    for quoted in _QUOTED_RE.findall(text):
        terms += ["q:" + w for w in _WORD_RE.findall(quoted.lower())]
    return terms


def story_text(text: str) -> str:
    """The body without headline-like lines: a "Related" list of Title Case headlines that the cleaner
    left is the site's, not the story's, and would make two different articles of one site look alike."""
    return _HEADLINE_RE.sub("", text) if _HEADLINE_RE.search(text) else text


def signature(text: str, shingle_words: int = SHINGLE_WORDS) -> Signature:
    """Both signatures of an article body (headline-like lines left out)."""
    text = story_text(text)
    words = text.lower().translate(_PUNCTUATION).split()
    text_sig = minhash(shingle_hashes(word_hashes(words), shingle_words), _TEXT_AB)
    facts = word_hashes(fact_terms(text))
    return Signature(text=text_sig, facts=minhash(facts, _FACT_AB))


def similarity(first: np.ndarray, second: np.ndarray) -> float:
    """Estimated Jaccard similarity of two MinHash signatures (share of equal values; 0 for empty sets)."""
    if first[0] == _EMPTY and (first == _EMPTY).all():
        return 0.0
    return float(np.count_nonzero(first == second)) / len(first)
