"""Loads the cue-word and setting-noun data files once per process."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Cue:
    """How a cue word attributes: who speaks (its role) and whether its complement is a quote."""

    lemma: str
    role: str  # speech | address | relay | source | evaluate | report | claim (a noun)
    indirect: bool


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@lru_cache(maxsize=1)
def cues() -> dict[str, Cue]:
    """Cue lemma -> Cue, from ``data/cues.tsv``."""
    return {
        row["lemma"]: Cue(row["lemma"], row["role"], row["indirect"] == "yes")
        for row in _rows(DATA / "cues.tsv")
    }


def cue_of(token: Token) -> Cue | None:
    """The cue entry for a token by its lemma, or, for a past-tense verb the small model lemmatised
    wrongly ("rated" -> "rat"), by its written form less "-d"/"-ed"."""
    if token.pos_ == "NOUN":
        return claim_nouns().get(token.lemma_.lower())
    found = cues().get(token.lemma_.lower())
    if found is not None or token.tag_ not in {"VBD", "VBN"}:
        return found
    word = token.lower_
    for stem in (word[:-1], word[:-2]) if word.endswith("ed") else ():
        if stem in cues():
            return cues()[stem]
    return None


@lru_cache(maxsize=1)
def claim_nouns() -> dict[str, Cue]:
    """Noun lemma -> Cue with role "claim", from ``data/claim_nouns.tsv``."""
    return {row["noun"]: Cue(row["noun"], "claim", False) for row in _rows(DATA / "claim_nouns.tsv")}


@lru_cache(maxsize=1)
def setting_nouns() -> frozenset[str]:
    """Nouns that name a setting ("news briefing") rather than an addressee, from ``data/settings.tsv``."""
    return frozenset(row["noun"] for row in _rows(DATA / "settings.tsv"))
