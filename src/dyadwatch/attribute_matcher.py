"""An indexed matcher for the English model's attribute ruler: the same matches, found about ten times cheaper.

The small English model's ``attribute_ruler`` maps tags to coarse parts of speech and sets a few hundred
morphology and lemma exceptions with 179 token patterns. spaCy's ``Matcher`` tries every pattern at every
token, which made the ruler as costly as the parser (16 % of the whole parse, measured per component on
60 news_bench articles; docs/performance.md, "A cheaper parse"). The patterns are single tokens or pairs
that test a token's tag, lower-case form, dependency label or whitespace, so they can be looked up by the
lower-case form or the tag instead of tried one by one.

``IndexedMatcher`` replaces the ruler's ``matcher``, and ``IndexedAttributeRuler`` two steps of the ruler:
numbering the matches (without reading each match id back as a string) and setting the attributes (all of a
document's in one ``Doc.from_array`` instead of a Span and a call per match): together another 2 % of
``extract`` (docs/performance.md, "Seventh pass"). The annotations are the same, the last match of a token
winning as before. A model whose patterns use anything else (another attribute, an operator, a predicate
other than a value, IN, NOT_IN or REGEX) keeps spaCy's matcher, and one whose rules set other attributes
(extension attributes, lexical ones) keeps spaCy's way of setting them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token

# The token attributes the patterns may test, as the Matcher reads them.
ATTRIBUTES: dict[str, Callable[[Token], Any]] = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}
KEY_ATTRIBUTES = [LOWER, TAG, DEP, IS_SPACE]  # all that a first token's tests read (ATTRIBUTES)
MAX_KNOWN = 20_000  # (form, tag, label, space) keys remembered, then forgotten: about 6 MB at most
Test = Callable[[Token], bool]


class UnsupportedPatternError(ValueError):
    """A pattern this matcher does not evaluate exactly as spaCy's Matcher would."""


def use_indexed_matcher(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Give the pipeline's attribute ruler an ``IndexedMatcher``; False (and spaCy's matcher kept) if the
    pipeline has no such ruler or one of its patterns is of a kind this matcher does not handle."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    try:
        ruler.matcher = IndexedMatcher(nlp.vocab.strings, ruler.patterns, ruler.matcher)
    except UnsupportedPatternError:
        return False
    if type(ruler) is AttributeRuler:
        ruler.__class__ = IndexedAttributeRuler
    return True


# Token attributes a rule may set that spaCy's ``set_token_attrs`` writes on the token alone (the lexeme ignores
# them), so that ``Doc.from_array`` writes them the same way.
TOKEN_ONLY_ATTRIBUTES = frozenset({POS, TAG, DEP, LEMMA, MORPH})


class IndexedAttributeRuler(AttributeRuler):
    """spaCy's attribute ruler with two cheaper steps when its matcher is an ``IndexedMatcher`` (module docstring)."""

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(rule number, match id, start, end), sorted: what ``AttributeRuler.match`` gives."""
        if not isinstance(self.matcher, IndexedMatcher):
            return super().match(doc)
        number = self.matcher.numbers
        return sorted((number[match_id], match_id, start, end) for match_id, start, end in self.matcher(doc))

    def set_annotations(self, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
        """Each match's attributes on its token, later matches over earlier ones, written in one go; spaCy's own
        way for rules that set anything but TOKEN_ONLY_ATTRIBUTES and for an index outside its match (its error)."""
        rules = [(index, list(attrs.items())) for index, attrs in zip(self.indices, self.attrs, strict=True)]
        if any(name not in TOKEN_ONLY_ATTRIBUTES for _, items in rules for name, _ in items):
            return super().set_annotations(doc, matches)
        writes: dict[int, dict[int, int]] = {name: {} for name in TOKEN_ONLY_ATTRIBUTES}
        for number, _, start, end in matches:
            index, items = rules[number]
            at = start + index if index >= 0 else end + index
            if not start <= at < end:
                return super().set_annotations(doc, matches)
            for name, value in items:
                writes[name][at] = value
        columns = sorted(name for name, found in writes.items() if found)
        if columns:
            values = doc.to_array(columns)
            for column, name in enumerate(columns):
                values[list(writes[name]), column] = list(writes[name].values())
            doc.from_array(columns, values)
        return None


class IndexedMatcher:
    """Matches the attribute ruler's patterns, each looked up by its first token's lower-case form or tag.

    Called as the ruler calls spaCy's Matcher: ``matcher(doc, allow_missing=True, as_spans=False)`` gives
    ``(match_id, start, end)`` for every pattern group that matches at every position (once, when two of a
    group's patterns match the same tokens), the match id being the
    hash of the pattern group's number as a string (what ``AttributeRuler.add`` registers). Anything else
    (``get``, used by the ruler's ``patterns`` and its serialisation) is asked of spaCy's matcher, ``stock``.
    """

    def __init__(self, strings: Any, groups: list[dict[str, Any]], stock: Any = None) -> None:
        self.stock = stock
        self._args = (strings, groups, stock)  # to pickle it (its tests are closures): built again from these
        self.by_lower: dict[str, list[tuple[int, list[Test]]]] = {}
        self.by_tag: dict[str, list[tuple[int, list[Test]]]] = {}
        self.anywhere: list[tuple[int, list[Test]]] = []
        self.known: dict[tuple[int, ...], tuple[tuple[int, list[Test]], ...]] = {}  # by the attributes read
        self.numbers: dict[int, int] = {}  # match id -> the pattern group's number (the ruler's rule number)
        for number, group in enumerate(groups):
            match_id = strings.add(str(number))
            self.numbers[match_id] = number
            for pattern in group["patterns"]:
                self._index(match_id, pattern)

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        """Pickled as what it was built from, as spaCy's pipelines and matchers pickle (``nlp`` sent to a process)."""
        return IndexedMatcher, self._args

    def __getattr__(self, name: str) -> Any:
        if name in ("stock", "_args"):  # not set yet: no recursion
            raise AttributeError(name)
        return getattr(self.stock, name)

    def _index(self, match_id: int, pattern: list[dict[str, Any]]) -> None:
        entry = (match_id, [token_test(spec) for spec in pattern])
        first = pattern[0]
        for attribute, index in (("LOWER", self.by_lower), ("TAG", self.by_tag)):
            values = exact_values(first.get(attribute))
            if values is not None:
                for value in dict.fromkeys(values):  # a value listed twice is still one match
                    index.setdefault(value, []).append(entry)
                return
        self.anywhere.append(entry)

    def __call__(self, doc: Doc, allow_missing: bool = True, as_spans: bool = False) -> list[tuple[int, int, int]]:
        if as_spans:
            raise ValueError("IndexedMatcher gives (match_id, start, end) tuples only")
        if len(self.known) > MAX_KNOWN:
            self.known.clear()
        found: list[tuple[int, int, int]] = []
        keys = doc.to_array(KEY_ATTRIBUTES).tolist() if len(doc) else []
        for start, key in enumerate(map(tuple, keys)):
            first = self.known.get(key)
            if first is None:
                first = self.known[key] = self._first_tokens(doc[start])
            for match_id, tests in first:
                end = start + len(tests)
                if end == start + 1 or (end <= len(doc) and all(t(doc[start + k]) for k, t in enumerate(tests) if k)):
                    found.append((match_id, start, end))
        return list(dict.fromkeys(found))  # one match per pattern group and span, as spaCy's matcher gives

    def _first_tokens(self, token: Token) -> tuple[tuple[int, list[Test]], ...]:
        """The patterns whose first token this token matches (their other tokens are still to be tested)."""
        candidates = self.by_lower.get(token.lower_, []) + self.by_tag.get(token.tag_, []) + self.anywhere
        return tuple((match_id, tests) for match_id, tests in candidates if tests[0](token))


def exact_values(value: Any) -> list[str] | None:
    """The strings a token's attribute must equal for a predicate to hold (a value, or IN), else None."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"}:
        return list(value["IN"])
    return None


def token_test(spec: dict[str, Any]) -> Test:
    """One pattern token as a test of a spaCy token: all of its predicates hold."""
    tests = [_predicate(ATTRIBUTES[name], value) for name, value in spec.items() if name in ATTRIBUTES]
    if len(tests) != len(spec):
        raise UnsupportedPatternError(f"unsupported pattern keys: {sorted(set(spec) - set(ATTRIBUTES))}")
    if len(tests) == 1:
        return tests[0]
    return lambda token: all(test(token) for test in tests)


def _predicate(read: Callable[[Token], Any], value: Any) -> Test:
    if isinstance(value, (str, bool)):
        return lambda token: read(token) == value
    if isinstance(value, dict) and len(value) == 1:
        (kind, argument), = value.items()
        if kind == "IN":
            members = set(argument)
            return lambda token: read(token) in members
        if kind == "NOT_IN":
            members = set(argument)
            return lambda token: read(token) not in members
        if kind == "REGEX":
            regex = re.compile(argument)
            return lambda token: bool(regex.search(read(token)))
    raise UnsupportedPatternError(f"unsupported predicate: {value!r}")
