"""Named word sets, one source each: ``data/wordsets.tsv`` (name, words, why).

Word lists that live in code drift apart when two modules each keep a copy; every list the event
coder uses is read from the one data file, so a contributor changes a set in one place without
reading the code that uses it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
WORDSETS_FILE = DATA_DIR / "wordsets.tsv"


class WordSetError(ValueError):
    """A word-set file that cannot be trusted: a repeated name, an unknown include, a malformed row."""


def parse_wordsets(text: str, source: str = "<string>") -> dict[str, frozenset[str]]:
    """Sets by name from the TSV text; ``@NAME`` includes a set defined above. Fails with file and line."""
    sets: dict[str, frozenset[str]] = {}
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            header_seen = True
            continue
        if len(fields) < 2 or not fields[0].strip():
            raise WordSetError(f"{source}:{number}: expected name<TAB>words<TAB>why")
        name = fields[0].strip()
        if name in sets:
            raise WordSetError(f"{source}:{number}: word set {name!r} is defined twice")
        words: set[str] = set()
        for word in fields[1].split():
            if word.startswith("@"):
                if word[1:] not in sets:
                    raise WordSetError(f"{source}:{number}: {name} includes unknown set {word[1:]!r}")
                words |= sets[word[1:]]
            else:
                words.add(word)
        sets[name] = frozenset(words)
    return sets


@lru_cache(maxsize=4)
def load_wordsets(path: Path = WORDSETS_FILE) -> dict[str, frozenset[str]]:
    return parse_wordsets(path.read_text(encoding="utf-8"), str(path))


def words(name: str) -> frozenset[str]:
    """The named set from the project's word-set file; an unknown name is a KeyError naming the file."""
    sets = load_wordsets()
    if name not in sets:
        raise KeyError(f"no word set {name!r} in {WORDSETS_FILE}")
    return sets[name]
