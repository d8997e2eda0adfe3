"""Title-case headlines in sentence case, for the parser only.

The English model reads "Carly Fiorina Endorses Ted Cruz" as one long name: every capitalised word looks like a
proper noun, so the headline's verb is lost and the headline codes nothing (or codes "Donald Trump Of Inciting
Violence" as a person). News pages put their headline first, in Title Case, and it often states the story's main
event. Before parsing, ``sentence_case_headlines`` lowercases the words of a title-cased line that the article's
own body writes in lower case and never capitalises inside a sentence ("endorsed", "slammed", "over"); names,
which the body writes capitalised, keep their case. Only the parser sees the result: the text is the same length
and the caller restores the original for evidence (``nlp.parse_texts``), so offsets and quoted words are unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

MIN_CONTENT_WORDS = 3  # a title-cased line has at least this many content words, all capitalised
MAX_HEADLINE_CHARS = 250
MIN_ADVERB_CHARS = 6  # "Finally", "Resoundingly": an -ly word this long is an adverb, not a name like "Kelly"
CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
LOWER_WORD = re.compile(r"\b[a-z]+\b")
LETTERS = re.compile(r"[A-Za-z]+")
SENTENCE_OPENERS = set(".!?:;\"“‘'(—–-\n")  # a capital after these may only open a sentence or a quote
HEADLINE_VERBS_FILE = Path(__file__).parent / "data" / "headline_verbs.txt"


def sentence_case_headlines(text: str) -> str:
    """The text with its title-cased lines in sentence case where the body says so (same length, same offsets)."""
    lines = text.split("\n")
    titled = {i for i, line in enumerate(lines) if is_title_case(line)}
    if not titled:
        return text
    body = "\n".join(line for i, line in enumerate(lines) if i not in titled)
    lower, capital = _body_forms(body)
    return "\n".join(_recase(line, lower, capital) if i in titled else line for i, line in enumerate(lines))


def is_title_case(line: str) -> bool:
    """A short line whose content words (three letters or more, not on the stop list, not in capitals) are all
    capitalised: "Carly Fiorina Endorses Ted Cruz". A sentence of the body full of names still has a word in lower
    case ("Russian Foreign Minister Sergei Lavrov met his Chinese counterpart").

    Headline styles that keep "with" or "from" in lower case pass, since those words are on the stop list."""
    if not line.strip() or len(line) > MAX_HEADLINE_CHARS:
        return False
    content = [w for w in LETTERS.findall(line) if len(w) >= 3 and not w.isupper() and w.lower() not in STOP_WORDS]
    return len(content) >= MIN_CONTENT_WORDS and all(w[0].isupper() for w in content)


def _body_forms(body: str) -> tuple[set[str], set[str]]:
    """Stems the body writes in lower case, and stems it capitalises inside a sentence (a name, a title)."""
    lower = {s for w in LOWER_WORD.findall(body) for s in stems(w)}
    capital: set[str] = set()
    for m in CAPITALISED.finditer(body):
        before = _previous_mark(body, m.start())
        if before and before not in SENTENCE_OPENERS:
            capital.update(stems(m.group().lower()))
    return lower, capital


def _previous_mark(text: str, at: int) -> str:
    """The last character before ``at`` that is not a space ("" at the start)."""
    i = at - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return text[i] if i >= 0 else ""


def _recase(line: str, lower: set[str], capital: set[str]) -> str:
    """Lowercase the capitalised words (not the first) that the body never capitalises inside a sentence and either
    writes in lower case or does not use but are common words (``_common_word``)."""
    out = list(line)
    for m in CAPITALISED.finditer(line):
        if m.start() == len(line) - len(line.lstrip()):
            continue  # the headline's first word stays capitalised, as a sentence's does
        word = m.group()
        forms = stems(word.lower())
        if forms & capital or len(word.lower()) != len(word):
            continue  # a name or a title the body capitalises
        if forms & lower or _common_word(word.lower()):
            out[m.start() : m.end()] = word.lower()
    return "".join(out)


def _common_word(word: str) -> bool:
    """A word no name is, when the body does not use it at all: a function word of spaCy's English stop list
    ("Just", "Over", "Into"), a long -ly adverb ("Finally"), or a headline verb in the "-s" form ("Slams",
    "Endorses": data/headline_verbs.txt)."""
    if word in STOP_WORDS or (word.endswith("ly") and len(word) >= MIN_ADVERB_CHARS):
        return True
    return word.endswith("s") and bool(stems(word) & headline_verbs())


@lru_cache(maxsize=1)
def headline_verbs() -> frozenset[str]:
    """The lemmas of data/headline_verbs.txt."""
    lines = HEADLINE_VERBS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=65536)
def stems(word: str) -> frozenset[str]:
    """The word and its bare forms without an inflection: "endorses" -> endorse, "slammed" -> slam, "cities" -> city
    (crude, but a headline and its body share their words: only a match between them is looked for)."""
    forms = {word}
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("d", ""), ("ing", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            bare = word[: -len(suffix)] + replacement
            forms.add(bare)
            if suffix in {"ed", "ing"} and len(bare) >= 4 and bare[-1] == bare[-2]:
                forms.add(bare[:-1])  # "slammed" -> "slamm" -> "slam"
    return frozenset(forms)
