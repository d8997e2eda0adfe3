"""Synthetic copies of an article, the way the web re-publishes news (for bench/bench_stories.py).

* ``junk_copy``: the same body between other scraper junk (share bars, "Related" links, a footer).
* ``wire_copy``: a syndicated wire copy: another dateline, a trimmed first sentence, one or two
  paragraphs dropped, another credit tail.
* ``spun_copy``: a content farm's machine rewrite, like examples/seed_reuters_china_russia.txt:
  words swapped for near-synonyms (bench/data/spin_synonyms.tsv), sentences reordered within
  paragraphs, and sentence tails broken off into orphan fragments ("… would do so. Visit his country.").

All output is synthetic. Every function takes a ``random.Random`` so that runs are repeatable.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

SYNONYMS_FILE = Path(__file__).parent / "data" / "spin_synonyms.tsv"
_SENTENCE_RE = re.compile(r"(?<=[.!?”])\s+(?=[A-Z“])")
_WORD_RE = re.compile(r"\b[a-z]+\b")
JUNK_HEADS = ["Share this article", "Advertisement", "Skip to content", "Menu", "Sign in | Subscribe"]
JUNK_TAILS = [
    "Related: Markets close higher as oil prices climb",
    "Leave a Reply\nYour email address will not be published.",
    "Copyright 2023 Pacific Syndicate News. All rights reserved.",
    "Follow us on social media for the latest updates.",
]
DATELINES = ["LONDON (Pacific Syndicate) - ", "SINGAPORE (Asia Wire Digest) - ", "NEW YORK (Global Daily) - "]
CREDITS = [
    "(Additional reporting by Anna Novak; editing by Peter Lund)",
    "Written by staff writers; edited by the news desk.",
    "This story was provided by a wire service.",
]


def load_synonyms(path: Path = SYNONYMS_FILE) -> dict[str, str]:
    pairs = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    return {word: replacement for word, replacement in pairs}


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def junk_copy(text: str, rng: random.Random) -> str:
    head = rng.sample(JUNK_HEADS, 2)
    tail = rng.sample(JUNK_TAILS, 2)
    return "\n\n".join([*head, text, *tail])


def wire_copy(text: str, rng: random.Random) -> str:
    parts = paragraphs(text)
    first = re.sub(r"^[A-Z][A-Z ,./]+,?\s*[A-Za-z]* ?\d*\s*\([^)]*\)\s*[-–]\s*", "", parts[0])
    parts[0] = rng.choice(DATELINES) + first
    droppable = list(range(1, len(parts) - 1))
    for index in sorted(rng.sample(droppable, min(len(droppable), rng.choice([1, 2]))), reverse=True):
        del parts[index]
    if parts[-1].startswith("("):
        parts = parts[:-1]
    return "\n\n".join([*parts, rng.choice(CREDITS)])


def spun_copy(text: str, rng: random.Random, synonyms: dict[str, str], swap: float = 0.8) -> str:
    out = []
    for paragraph in paragraphs(text):
        sentences = _SENTENCE_RE.split(paragraph)
        rng.shuffle(sentences)
        out.append(" ".join(_orphan(_swap(s, rng, synonyms, swap), rng) for s in sentences))
    return "\n\n".join(out)


def _swap(sentence: str, rng: random.Random, synonyms: dict[str, str], share: float) -> str:
    def replace(match: re.Match) -> str:
        word = match.group(0)
        return synonyms[word] if word in synonyms and rng.random() < share else word

    return _WORD_RE.sub(replace, sentence)


def _orphan(sentence: str, rng: random.Random) -> str:
    """Break the sentence's last clause off into a fragment of its own, now and then."""
    words = sentence.split()
    if len(words) < 12 or rng.random() > 0.3:
        return sentence
    cut = len(words) - rng.randint(2, 4)
    head, tail = " ".join(words[:cut]).rstrip(","), " ".join(words[cut:])
    return f"{head}. {tail[:1].upper()}{tail[1:]}"


def other_report(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    """A different article on the same event and day: the same names and figures, one shared paragraph
    (a quote or background both outlets carry), the rest its own words. Must not join the original."""
    names = re.findall(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*|\b\d[\d.,]*", text)
    own = []
    for _ in range(5):
        words = rng.choices(vocabulary, k=35)
        for _ in range(4):
            words[rng.randrange(len(words))] = rng.choice(names) if names else "Reuters"
        own.append(" ".join(words).capitalize() + ".")
    shared = rng.choice(paragraphs(text))
    own.insert(rng.randrange(1, len(own)), shared)
    return "\n\n".join(own)
