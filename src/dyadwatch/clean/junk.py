"""Scraper-junk lines: related-story links, widgets, comment forms, footers, prompts, captions.

Patterns live in ``data/junk_patterns.tsv``. A line is junk only when a pattern matches the
WHOLE line, and lines longer than ``MAX_JUNK_CHARS`` are never junk (except captions), so a
real body paragraph cannot be dropped by a pattern that happens to match its start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
MAX_JUNK_CHARS = 160
CAPTION_MAX_WORDS = 5
_CAPTION_JOINERS = {"and", "&", "with", "meets", "meet", "of", "the", "at", "in", "vs", "vs.", "-", "–", "/"}
_CAPTION_WORD_RE = re.compile(r"^[A-Z][\w.'’-]*$")


@dataclass(frozen=True)
class JunkPattern:
    reason: str
    scope: str  # "all" or "txt"
    takes_next: bool
    regex: re.Pattern[str]


@lru_cache(maxsize=1)
def load_patterns() -> tuple[JunkPattern, ...]:
    """Read the pattern table once per process."""
    patterns = []
    for line in (DATA / "junk_patterns.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        reason, scope, takes_next, regex = line.split("\t", 3)
        compiled = re.compile(rf"(?:{regex})", re.IGNORECASE)
        patterns.append(JunkPattern(reason, scope, takes_next == "1", compiled))
    return tuple(patterns)


def match_junk(line: str, plain_text: bool) -> tuple[str, bool] | None:
    """(reason, takes_next) when the whole stripped line is junk, else None."""
    stripped = line.strip()
    if not stripped:
        return None
    for pattern in load_patterns():
        if pattern.scope == "txt" and not plain_text:
            continue
        match = pattern.regex.fullmatch(stripped)
        if not match:
            continue
        if len(stripped) > MAX_JUNK_CHARS and pattern.reason != "caption":
            continue
        rest = match.groupdict().get("rest")
        takes_next = pattern.takes_next and not (rest or "").strip()
        return pattern.reason, takes_next
    return None


def is_caption_fragment(line: str) -> bool:
    """A bare name fragment standing alone, like the image caption "XI and Putin".

    Two to five words, no sentence punctuation, every word capitalised or a joiner, and
    at least one joiner: a heading such as "What happens next" has lower-case words and stays.
    """
    stripped = line.strip()
    if not stripped or stripped[-1] in ".!?:;\"”’)" or any(ch.isdigit() for ch in stripped):
        return False
    words = stripped.split()
    if not 2 <= len(words) <= CAPTION_MAX_WORDS:
        return False
    joiners = [w for w in words if w.lower() in _CAPTION_JOINERS]
    names = [w for w in words if w.lower() not in _CAPTION_JOINERS]
    return bool(joiners) and bool(names) and all(_CAPTION_WORD_RE.match(w) for w in names)


def looks_like_headline(line: str) -> bool:
    """The headline of a related-story link on the line after a bare "See also"."""
    stripped = line.strip()
    return bool(stripped) and len(stripped.split()) <= 25 and stripped[-1] not in ".\"”"
