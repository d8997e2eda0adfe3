"""The trigger lexicon: which words (with which particles and objects) code which CAMEO event.

Rows live in ``data/triggers.tsv`` (columns documented in its header). A row matches a token when
the lemma and part of speech agree, the required particle/preposition is a child of the token, and
its object test passes. Specific rows (with a prep or a positive object list) win over bare rows,
so "welcome a decision" (SUPPORT) beats "welcome a visitor" (CONSULT).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Token

from dyadwatch import codes
from dyadwatch.events.wordsets import words

if TYPE_CHECKING:
    from dyadwatch.events.checks import CheckRef

DATA_DIR = Path(__file__).parent / "data"

VERB_POS = {"VERB"}
NOUN_POS = {"NOUN", "PROPN"}
ADJ_POS = {"ADJ", "VERB"}
OBJECT_DEPS = {"dobj", "nsubjpass", "obj", "attr"}
PREP_DEPS = {"prep", "prt", "agent", "dative"}
# Particles the parser often tags as adverbs ("pushed back against", "brushed aside"): a row naming one still
# matches, and it is tested like a particle (its objects are the verb's).
ADVERB_PARTICLES = {"back", "aside"}


@dataclass(frozen=True)
class TriggerRule:
    """One lexicon row."""

    lemma: str
    pos: str  # V | N | A
    prep: str
    objects: frozenset[str] = field(default_factory=frozenset)
    blocked: frozenset[str] = field(default_factory=frozenset)
    no_object: bool = False  # "-" alone: the trigger must have no direct object
    needs_object: bool = False  # "*" (optionally "*-a|b"): the trigger must have a direct object
    cameo: str = ""
    notes: str = ""
    checks: tuple[CheckRef, ...] = ()  # named checks the row needs (events/checks.py); "!name": must not hold

    @property
    def specific(self) -> bool:
        return bool(self.prep or self.objects)

    @property
    def rank(self) -> tuple[bool, bool]:
        """Sort key: rows with an object list first, then rows with a preposition, then bare rows."""
        return (not self.objects, not self.prep)

    @property
    def plover(self) -> str:
        return codes.plover_type(self.cameo)


MAX_TRIGGER_GAP = 8  # tokens between the trigger's head and its particle or object


@dataclass
class TriggerMatch:
    """A rule matched at a token, with the words that make up the trigger phrase."""

    rule: TriggerRule
    head: Token  # the verb, noun or adjective
    prep: Token | None = None  # the particle/preposition token the rule needed
    obj: Token | None = None  # the light-verb object ("talks" in "held talks"), if the rule needed one

    @property
    def tokens(self) -> list[Token]:
        """Head, particle and object in text order; a part far from the head is left out so the trigger
        stays a phrase ("were warmly welcomed", not the whole fronted subject before it)."""
        parts = [t for t in (self.prep, self.obj) if t is not None and abs(t.i - self.head.i) <= MAX_TRIGGER_GAP]
        return sorted([self.head, *parts], key=lambda t: t.i)


def _parse_row(fields: list[str], where: str = "") -> TriggerRule:
    from dyadwatch.events.checks import parse_refs  # checks import this module

    lemma, pos, prep, obj, cameo, notes, checks = (fields + [""] * 7)[:7]
    if pos not in {"V", "N", "A"} or not cameo.isdigit():
        raise ValueError(f"{where}: a trigger row needs pos V, N or A and a numeric CAMEO code (is a '#' missing?)")
    objects: frozenset[str] = frozenset()
    blocked: frozenset[str] = frozenset()
    no_object = needs_object = False
    if obj.startswith("*"):
        needs_object, obj = True, obj[1:]
    if obj == "-":
        no_object = True
    elif obj.startswith("-"):
        blocked = _expand(obj[1:].split("|"), where)
    elif obj:
        objects = _expand(obj.split("|"), where)
    refs = parse_refs(checks, where)
    return TriggerRule(lemma, pos, prep, objects, blocked, no_object, needs_object, cameo, notes, refs)


def _expand(items: list[str], where: str) -> frozenset[str]:
    """Object words, with ``@NAME`` standing for a named set of data/wordsets.tsv (one list, several rows)."""
    out: set[str] = set()
    for item in items:
        if not item.startswith("@"):
            out.add(item)
            continue
        try:
            out |= words(item[1:])
        except KeyError as err:
            raise ValueError(f"{where}: {err.args[0]}") from None
    return frozenset(out)


HAND_FILE = DATA_DIR / "triggers.tsv"
# Rows converted from PETRARCH-2's verb dictionary (tools/convert_petrarch_verbs.py) and the reviewed list of
# converted rows that over-code (a reason per row); both beneath the hand-written file.
CONVERTED_FILE = DATA_DIR / "triggers_petrarch.tsv"
BLOCKLIST_FILE = DATA_DIR / "triggers_petrarch_blocklist.tsv"
CONVERTED_CHECKS_FILE = DATA_DIR / "triggers_petrarch_checks.tsv"


def _data_lines(path: Path) -> list[tuple[int, list[str]]]:
    """Tab-separated rows of a data file with their line numbers, without comments and the header line."""
    lines = [(n, ln) for n, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             if ln.strip() and not ln.startswith("#")]
    return [(n, ln.split("\t")) for n, ln in lines[1:]]


@dataclass(frozen=True)
class _Block:
    """A reviewed blocklist row: "*" matches anything; object "bare" / "specific" picks the row kind."""

    lemma: str
    prep: str
    kind: str
    cameo: str

    def hits(self, rule: TriggerRule) -> bool:
        kind = "specific" if rule.objects else "bare"
        return (
            self.lemma == rule.lemma
            and self.prep in {"*", rule.prep}
            and self.kind in {"*", kind}
            and self.cameo in {"*", rule.cameo}
        )


def _blocklist(path: Path) -> dict[str, list[_Block]]:
    out: dict[str, list[_Block]] = {}
    if path.exists():
        for _, (lemma, prep, kind, cameo, *_) in _data_lines(path):
            out.setdefault(lemma, []).append(_Block(lemma, prep, kind, cameo))
    return out


def _converted_checks(path: Path) -> list[tuple[str, str, str, tuple[CheckRef, ...]]]:
    """Reviewed checks for converted rows: (lemma, prep, cameo, checks), "*" matching anything."""
    from dyadwatch.events.checks import parse_refs  # checks import this module

    if not path.exists():
        return []
    return [(f[0], f[1], f[2], parse_refs(f[3], f"{path}:{n}")) for n, f in _data_lines(path)]


def _with_checks(rule: TriggerRule, table: list[tuple[str, str, str, tuple[CheckRef, ...]]]) -> TriggerRule:
    refs = [r for lemma, prep, cameo, refs in table
            if lemma in {"*", rule.lemma} and prep in {"*", rule.prep} and cameo in {"*", rule.cameo} for r in refs]
    return replace(rule, checks=rule.checks + tuple(refs)) if refs else rule


def converted_rules(
    path: Path, covered: set[str], blocklist: Path = BLOCKLIST_FILE, checks: Path | None = None
) -> list[TriggerRule]:
    """Converted rows for lemmas the hand file does not cover, less the reviewed blocklist, with the
    reviewed checks of ``checks`` (default: CONVERTED_CHECKS_FILE)."""
    blocks = _blocklist(blocklist)
    table = _converted_checks(checks or CONVERTED_CHECKS_FILE)
    rules = [_parse_row(f, f"{path}:{n}") for n, f in _data_lines(path)] if path.exists() else []
    return [_with_checks(r, table) for r in rules
            if r.lemma not in covered and not any(b.hits(r) for b in blocks.get(r.lemma, []))]


@lru_cache(maxsize=4)
def load_rules(path: Path = HAND_FILE, converted: Path | None = CONVERTED_FILE) -> dict[str, list[TriggerRule]]:
    """Rules by lemma, specific rows first. For a lemma the hand file covers, only its hand rows count."""
    by_lemma: dict[str, list[TriggerRule]] = {}
    for number, fields in _data_lines(path):
        rule = _parse_row(fields, f"{path}:{number}")
        by_lemma.setdefault(rule.lemma, []).append(rule)
    if converted is not None:
        for rule in converted_rules(converted, set(by_lemma)):
            by_lemma.setdefault(rule.lemma, []).append(rule)
    for rules in by_lemma.values():
        rules.sort(key=lambda r: r.rank)
    return by_lemma


def _pos_ok(rule: TriggerRule, token: Token) -> bool:
    if rule.pos == "V":
        return token.pos_ in VERB_POS
    if rule.pos == "N":
        return token.pos_ in NOUN_POS
    if rule.pos == "A":
        return token.pos_ in ADJ_POS and token.dep_ in {"acomp", "ROOT", "amod", "ccomp", "conj", "xcomp"}
    return False


def object_words(obj: Token) -> set[str]:
    """Lemmas that stand for an object: the head and its compounds ("state of emergency" -> emergency too)."""
    found = {obj.lemma_.lower(), obj.lower_}
    for child in obj.children:
        if child.dep_ in {"compound", "amod"}:
            found.add(child.lemma_.lower())
        if child.dep_ == "prep" and child.lower_ == "of":
            found.update(g.lemma_.lower() for g in child.children if g.dep_ == "pobj")
    return found


def direct_objects(token: Token) -> list[Token]:
    """Objects with their conjuncts ("launched air and artillery strikes"); a predicate adjective
    ("found him guilty") counts as an object of the verb."""
    objs = [c for c in token.children if c.dep_ in OBJECT_DEPS or (c.dep_ in {"oprd", "ccomp"} and c.pos_ == "ADJ")]
    if not objs:
        objs = _participle_clause_subjects(token)
    return objs + [j for o in objs for j in o.conjuncts if j.i > o.i]


ABSTRACT_GIFTS = {"support", "help", "backing", "cover"}


def _with_objects(token: Token) -> list[Token]:
    """What is given in "provided Egypt with military assistance", "supplied the army with weapons"; a "with" phrase
    before the verb sets the scene (ninth pass: "With millions watching on television, the former model delivered a
    heartfelt defense" gives no millions)."""
    if not any(c.dep_ in {"dobj", "dative"} for c in token.children):
        return []
    pobjs = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "with" and c.i > token.i
             for g in c.children if g.dep_ == "pobj"]
    return pobjs + [j for p in pobjs for j in p.conjuncts]


def _participle_clause_subjects(token: Token) -> list[Token]:
    """ "will not accept refugees fleeing the violence": the parser made "refugees fleeing ..." a clause
    with "refugees" as its subject; the noun is the verb's object all the same."""
    out = []
    for c in token.children:
        if c.dep_ == "ccomp" and c.tag_ in {"VBG", "VBN"} and c.i > token.i:
            subj = next((g for g in c.children if g.dep_ in {"nsubj", "nsubjpass"} and token.i < g.i < c.i), None)
            if subj is not None and subj.pos_ in {"NOUN", "PROPN"}:
                out.append(subj)
    return out


# Purpose phrases the parser often attaches to the object instead of the verb.
OBJECT_ATTACHED_PREPS = {"for"}


def _prep_child(token: Token, prep: str, on_object: bool = False) -> Token | None:
    """The particle or preposition after the verb ("called on X"), never a fronted or dated one
    ("On Nov. 18, Stoltenberg called", "called Morrison on Wednesday")."""
    for c in token.children:
        particle = c.dep_ in PREP_DEPS or (c.dep_ == "advmod" and prep in ADVERB_PARTICLES)
        if particle and c.lower_ == prep and c.i > token.i:
            pobj = _pobj(c)
            if pobj is not None and pobj.ent_type_ in {"DATE", "TIME"}:
                continue
            return c
    if on_object and prep in OBJECT_ATTACHED_PREPS:  # "joined his counterpart for talks": hung on the object
        for obj in (c for c in token.children if c.dep_ == "dobj"):
            found = next((g for g in obj.children if g.dep_ == "prep" and g.lower_ == prep), None)
            if found is not None:
                return found
    return None


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)


def _object_test(rule: TriggerRule, token: Token, prep_tok: Token | None) -> tuple[bool, Token | None]:
    """Whether the object constraint holds, and the object token a positive list matched."""
    if prep_tok is not None and prep_tok.dep_ not in {"prt", "advmod"}:
        candidates = [p for p in [_pobj(prep_tok)] if p is not None]
    else:
        candidates = direct_objects(token)
        own_subject = any(c.dep_ == "nsubj" and c.lower_ not in {"who", "which", "that"} for c in token.children)
        if not candidates and token.dep_ == "relcl" and token.head.pos_ in NOUN_POS and own_subject:
            candidates = [token.head]  # "the agreement she had struck": the modified noun is the object
        if prep_tok is not None:  # particle verbs: "pull out of the treaty", "crack down on"
            candidates += [p for c in token.children if c.dep_ == "prep" for p in [_pobj(c)] if p is not None]
    if rule.no_object:
        return not direct_objects(token) and not any(c.dep_ == "ccomp" for c in token.children), None
    if rule.needs_object and not candidates:
        return False, None
    if rule.objects:
        if prep_tok is None:  # "called Clinton a liar": the predicate noun is what the row tests
            candidates = candidates + [c for c in token.children if c.dep_ == "oprd" and c.pos_ == "NOUN"]
        hit = next((c for c in candidates if object_words(c) & rule.objects), None)
        if hit is None and prep_tok is None and rule.pos == "V":
            given = rule.objects - ABSTRACT_GIFTS  # "providing Yellen with unanimous support" gives nothing
            hit = next((c for c in _with_objects(token) if object_words(c) & given), None)
        return hit is not None, hit
    if rule.blocked:
        return not any(object_words(_antecedent(c)) & rule.blocked for c in candidates), None
    return True, None


def _antecedent(obj: Token) -> Token:
    """Ninth pass, class "a blocked object given by a relative pronoun": "cables that were later released by
    WikiLeaks" releases cables, which the release row blocks. Only blocked lists read through the pronoun: a positive
    list matched through one found as many wrong acts as right ones on the tune half ("money that migrants send")."""
    if obj.lower_ in words("RELATIVE_PRONOUNS") and obj.head.dep_ == "relcl" and obj.head.head.i != obj.head.i:
        return obj.head.head
    return obj


STRAY_PARTICLES = {"out", "off", "down", "away", "up"}


def _has_stray_particle(rule: TriggerRule, token: Token) -> bool:
    """A phrasal verb the row does not name ("back down", "carry out", "backed out of") is a different verb."""
    if rule.pos != "V" or rule.prep:
        return False
    return any(
        c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in STRAY_PARTICLES and c.i == token.i + 1)
        for c in token.children
    )


def _stems(word: str) -> list[str]:
    """Candidate base forms of an inflected verb: staged -> stage, rallies -> rally, massing -> mass."""
    out = []
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("d", ""), ("es", ""), ("s", ""),
                         ("ing", "e"), ("ing", "")):  # fmt: skip
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            out.append(word[: -len(suffix)] + repl)
    return out


CANDIDATE_MEMORY = 50_000  # (lemma, form, POS) keys remembered by Lexicon._candidates, then forgotten (a few MB)


class Lexicon:
    """Loaded trigger rules with a ``match`` for one token."""

    def __init__(self, path: Path | None = None, converted: Path | None = CONVERTED_FILE) -> None:
        self.rules = load_rules(path or HAND_FILE, converted)
        self._known: dict[tuple[int, int, int], list[TriggerRule]] = {}  # _candidates by the token's ids

    def _candidates(self, token: Token) -> list[TriggerRule]:
        """``_lookup``, remembered by (lemma, lower-case form, part of speech) ids: every token of every sentence
        is looked up, and reading its strings costs more than the lookup (at most CANDIDATE_MEMORY keys)."""
        key = (token.lemma, token.lower, token.pos)
        found = self._known.get(key)
        if found is None:
            if len(self._known) >= CANDIDATE_MEMORY:
                self._known.clear()
            found = self._known[key] = self._lookup(token)
        return found

    def _lookup(self, token: Token) -> list[TriggerRule]:
        """Rules for the token's lemma, its form, or (for verbs the lemmatizer mangles: "staged" -> "stag")
        a plain de-inflection of its form."""
        found = self.rules.get(token.lemma_.lower(), []) or self.rules.get(token.lower_, [])
        if found or token.pos_ != "VERB":
            return found
        for stem in _stems(token.lower_):
            if stem in self.rules:
                return self.rules[stem]
        return []

    def match(self, token: Token, accept: Callable[[TriggerMatch], bool] | None = None) -> TriggerMatch | None:
        """The first rule, in file order, whose word, particle and object fit this token and that ``accept``
        (the checks a row names) passes; None when no rule does. A row whose checks fail gives way to the
        next row of the same word: "encouraged X" fails the appeal row's ``needs_infinitive`` and so reaches the
        praise row below it."""
        candidates = self._candidates(token)
        for rule in candidates:
            if not _pos_ok(rule, token) or _has_stray_particle(rule, token):
                continue
            prep_tok = None
            if rule.prep:
                prep_tok = _prep_child(token, rule.prep, on_object=bool(rule.objects))
                if prep_tok is None:
                    continue
            ok, obj = _object_test(rule, token, prep_tok)
            if not ok:
                continue
            found = TriggerMatch(rule, token, prep_tok, obj)
            if accept is None or accept(found):
                return found
        return None
