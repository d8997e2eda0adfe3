"""Quality flags: ``spun`` (machine-rewritten copy), ``boilerplate_heavy``, ``truncated``.

Spun copies (article spinners, round-trip translation) leave orphan fragments standing as
sentences at the end of a paragraph: the seed's "Visit his country." and "On the other hand.".
Real news rarely has a quote-free sentence of four words or fewer with no finite verb.
Thresholds are measured in docs/ingest_and_clean.md (bench/bench_clean.py counts the flags on
real news, tests/test_clean.py holds spun and clean examples).
"""

from __future__ import annotations

import re

ORPHAN_MAX_WORDS = 4
SPUN_MIN_ORPHANS = 2  # or one orphan connective ("On the other hand.")
BOILERPLATE_MIN_SHARE = 0.3  # share of the input's characters that were junk lines
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])[\"”’')]*\s+(?=[\"“‘'(]*[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr sen rep gov gen lt col sgt capt maj st jan feb mar apr jun jul aug sep sept oct nov dec no "
    "jr sr inc corp co ltd vs prof rev hon pres adm cmdr supt det insp fr gop u.s u.n u.k d.c a.m p.m".split()
)
_CONNECTIVES = frozenset(
    {
        "on the other hand", "on the contrary", "in addition", "in other words", "in contrast", "however",
        "moreover", "furthermore", "therefore", "meanwhile", "nevertheless", "for example", "for instance",
        "as a result", "in fact", "of course", "in the meantime", "on the one hand", "at the same time",
        "in this regard", "that is", "also", "besides", "similarly", "likewise", "as well",
    }
)
_FINITE_CUES = frozenset(
    "is are was were be been am has have had do does did will would can could shall should may might must "
    "said says say told tells added noted declined died won lost left came went got made took gave wrote spoke "
    "thought felt saw knew began became ran met held kept brought built sent spent stood fought fell rose grew led "
    "paid sold struck broke chose drove flew hid rode shook threw wore let believe continue begin".split()
)
_QUOTES = "\"“”‘’'"
TRUNCATION_TAILS = ("...", "…", "[…]", "(more)", "read more", "continue reading", "(continued)")


def sentences(paragraph: str) -> list[str]:
    """Rough sentence split that does not break after titles, months and initials ("Sen.", "J.")."""
    out: list[str] = []
    for piece in _SENTENCE_SPLIT_RE.split(paragraph):
        piece = piece.strip()
        if not piece:
            continue
        if out and _ends_with_abbreviation(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _ends_with_abbreviation(text: str) -> bool:
    last = text.rsplit(None, 1)[-1].rstrip(".").lower()
    return last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha())


def is_orphan(sentence: str) -> bool:
    """A short quote-free 'sentence' with no finite verb, e.g. "Visit his country."."""
    if not sentence.endswith(".") or any(q in sentence for q in _QUOTES) or any(c.isdigit() for c in sentence):
        return False
    words = sentence.rstrip(".").split()
    if not words or len(words) > ORPHAN_MAX_WORDS:
        return False
    if " ".join(words).lower().strip(",") in _CONNECTIVES:
        return True
    lowered = [w.lower().strip(",;:") for w in words]
    if any(w in _FINITE_CUES or w.endswith("ed") or w.endswith("n't") for w in lowered):
        return False
    return not all(w[:1].isupper() for w in words)  # "Barack Obama." style name lists are not spin


def orphan_fragments(paragraphs: list[str]) -> list[str]:
    """Orphans that close a paragraph after at least one real sentence."""
    found = []
    for paragraph in paragraphs:
        parts = sentences(paragraph)
        if len(parts) >= 2 and is_orphan(parts[-1]):
            found.append(parts[-1])
    return found


def is_spun(paragraphs: list[str]) -> bool:
    orphans = orphan_fragments(paragraphs)
    connective = any(o.rstrip(".").lower() in _CONNECTIVES for o in orphans)
    return len(orphans) >= SPUN_MIN_ORPHANS or connective


def is_truncated(body: str) -> bool:
    """The body stops mid-sentence or with a 'more' marker."""
    tail = body.rstrip()
    if not tail:
        return False
    if tail.lower().endswith(TRUNCATION_TAILS):
        return True
    return tail[-1] not in ".!?\"”’')]:*" and not tail[-1].isdigit()


def quality_flags(paragraphs: list[str], body: str, removed_chars: int, input_chars: int) -> list[str]:
    flags = []
    if is_spun(paragraphs):
        flags.append("spun")
    if input_chars and removed_chars / input_chars >= BOILERPLATE_MIN_SHARE:
        flags.append("boilerplate_heavy")
    if is_truncated(body):
        flags.append("truncated")
    return flags
