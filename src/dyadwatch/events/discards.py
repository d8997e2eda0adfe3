"""Sentences about sport or entertainment carry no political event: PETRARCH-2's discard phrases.

The phrases live in ``data/discards.tsv`` (converted and reviewed by tools/convert_petrarch_verbs.py).
A sentence and the phrases are compared as runs of lower-case words, indexed by their first word, so
the check is one pass over the sentence's words (a large regex alternation cost ~3% of extract time).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DISCARDS_FILE = Path(__file__).parent / "data" / "discards.tsv"
WORD = re.compile(r"[a-z0-9]+")


def load_phrases(path: Path = DISCARDS_FILE) -> list[str]:
    """The discard phrases of a data file (first column, after the header line)."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return [ln.split("\t")[0] for ln in lines[1:]]


@lru_cache(maxsize=2)
def _index(path: Path = DISCARDS_FILE) -> dict[str, list[tuple[str, ...]]]:
    """Phrases as word tuples by their first word ("davis cup" -> {"davis": [("davis", "cup")]})."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in load_phrases(path) if path.exists() else []:
        words = tuple(WORD.findall(phrase.lower()))
        if words:
            index.setdefault(words[0], []).append(words)
    return index


def is_discarded(sentence_text: str, path: Path = DISCARDS_FILE) -> bool:
    """True when the sentence names a discard phrase as whole words ("won the Davis Cup final")."""
    index = _index(path)
    words = WORD.findall(sentence_text.lower())
    for i, word in enumerate(words):
        for phrase in index.get(word, ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                return True
    return False
