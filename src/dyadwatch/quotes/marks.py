"""Find quoted spans by their marks, character by character, before any parsing.

Why a scanner and not a regex: newswire quotes continue across paragraphs (a paragraph ends
inside the quote and the next one opens with a fresh mark), straight marks are ambiguous, and
unbalanced marks must be skipped with a reason instead of swallowing the rest of the article.
Single quotes are never scanned: inside a double quote they are nested quotes (part of the
content), elsewhere they are mostly apostrophes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

OPENERS = {"“", "„", "«"}
CLOSERS = {"”", "»"}
STRAIGHT = {'"', "″"}
MARKS = OPENERS | CLOSERS | STRAIGHT
TRANSCRIPT = re.compile(r"\(?([A-Z][A-Z.' -]{1,30}[A-Z])\)?:\s+")  # a transcript turn: "PENCE: Well, …"
_OPEN_CONTEXT = set(" \t\n([{—–-/:;,") | OPENERS


@dataclass
class QuoteSpan:
    """The content of one pair of quote marks (marks excluded), as character offsets."""

    start: int
    end: int
    continues: bool = False  # the paragraph ended inside the quote; the next paragraph continues it
    continued: bool = False  # this span continues the previous paragraph's quote


@dataclass
class ScanResult:
    """Quoted spans in text order plus the marks that were skipped, each with its reason."""

    spans: list[QuoteSpan] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line: a line is a paragraph for quoting purposes."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _is_opening(text: str, pos: int, inside: bool) -> bool:
    """Whether the mark at ``pos`` opens a quote, from its shape and the text around it."""
    mark = text[pos]
    if mark in OPENERS:
        return True
    before = text[pos - 1] if pos > 0 else "\n"
    after = text[pos + 1] if pos + 1 < len(text) else "\n"
    if mark in CLOSERS:
        # A closing mark used as an opener (sloppy typing): after a space and before a word.
        return not inside and before in _OPEN_CONTEXT and after.isalnum()
    if inside:
        return False
    return before in _OPEN_CONTEXT or not after.isspace()


def _nested_opening(text: str, pos: int) -> bool:
    """A straight mark inside a curly quote that opens a nested quote: after a space, before a word,
    with another straight mark later in the same curly quote."""
    before = text[pos - 1] if pos > 0 else "\n"
    after = text[pos + 1] if pos + 1 < len(text) else "\n"
    if before not in _OPEN_CONTEXT or not (after.isalnum() or after in "‘'"):
        return False
    rest = text[pos + 1 : text.find("\n", pos) if "\n" in text[pos:] else len(text)]
    close = min((rest.find(m) for m in CLOSERS if m in rest), default=-1)
    return any(m in (rest[:close] if close >= 0 else rest) for m in STRAIGHT)


def _closes_later(text: str, pos: int, line_end: int) -> bool:
    """Whether a curly opening mark inside a straight quote is closed later in the same paragraph."""
    return any(m in text[pos + 1 : line_end] for m in CLOSERS)


def _starts_with_opener(text: str, line: tuple[int, int]) -> bool:
    stripped = text[line[0] : line[1]].lstrip()
    return bool(stripped) and (stripped[0] in OPENERS or stripped[0] in STRAIGHT)


def scan_quotes(text: str) -> ScanResult:
    """All double-quoted spans in ``text``; unbalanced marks are skipped with a reason, never raised."""
    result = ScanResult()
    lines = _lines(text)
    carried = False  # the previous paragraph ended inside a quote
    for n, (lo, hi) in enumerate(lines):
        open_at: int | None = None
        first_in_line = True
        nested = False  # inside a straight-quoted phrase nested in a curly quote
        for pos in range(lo, hi):
            if text[pos] not in MARKS:
                continue
            if open_at is not None and text[open_at] in OPENERS and text[pos] in STRAIGHT:
                if nested or _nested_opening(text, pos):
                    nested = not nested  # “He told me "go home" and left,”: content, not a closing mark
                    continue
            if open_at is not None and text[open_at] in STRAIGHT and text[pos] in OPENERS | CLOSERS:
                turn = TRANSCRIPT.match(text, open_at + 1) is not None
                if nested or (turn and text[pos] in OPENERS and _closes_later(text, pos, hi)):
                    nested = text[pos] in OPENERS  # "PENCE: … an episode of “Shark Tank.” …": nested
                    continue
            opening = _is_opening(text, pos, open_at is not None)
            if opening and open_at is None:
                open_at = pos
            elif opening:
                result.skipped.append((open_at, "opening mark never closed before the next opening mark"))
                open_at = pos
                first_in_line = False
            elif open_at is not None:
                span = QuoteSpan(open_at + 1, pos, continued=carried and first_in_line)
                if span.end > span.start:
                    result.spans.append(span)
                open_at, first_in_line, carried = None, False, False
            else:
                result.skipped.append((pos, "closing mark without an opening mark"))
        if open_at is None:
            carried = False
            continue
        follows = n + 1 < len(lines) and _starts_with_opener(text, lines[n + 1])
        if follows:
            end = len(text[:hi].rstrip())
            result.spans.append(QuoteSpan(open_at + 1, end, continues=True, continued=carried and first_in_line))
            carried = True
        else:
            result.skipped.append((open_at, "opening mark never closed in its paragraph"))
            carried = False
    return result
