"""Sentences about sport or entertainment carry no political event: PETRARCH-2's discard phrases.

The phrases live in ``data/discards.tsv`` (converted and reviewed by tools/convert_petrarch_verbs.py);
one compiled pattern tests a sentence, so the check costs one regex search per sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DISCARDS_FILE = Path(__file__).parent / "data" / "discards.tsv"


def load_phrases(path: Path = DISCARDS_FILE) -> list[str]:
    """The discard phrases of a data file (first column, after the header line)."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return [ln.split("\t")[0] for ln in lines[1:]]


@lru_cache(maxsize=2)
def _pattern(path: Path = DISCARDS_FILE) -> re.Pattern[str] | None:
    phrases = sorted(load_phrases(path), key=len, reverse=True) if path.exists() else []
    if not phrases:
        return None
    body = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def is_discarded(sentence_text: str, path: Path = DISCARDS_FILE) -> bool:
    """True when the sentence names a discard phrase as whole words ("won the Davis Cup final")."""
    pattern = _pattern(path)
    return pattern is not None and pattern.search(sentence_text) is not None
