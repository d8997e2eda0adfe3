"""Partial quotes inside running text: mixed quotes, titles and scare quotes.

Why: a few quoted words inside a sentence are either part of what someone said (Tass quoted Wang
as saying that China “will firmly adhere …”: the whole complement is the quotation, as PolNeAR
annotates it), a title (“Fox News Sunday”) or a scare quote (a “borderless” partnership).
The parse decides: the quote is a quotation when a cue word governs it through a content relation.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from dyadwatch.nlp import doc_text
from dyadwatch.quotes.attribution import is_cue
from dyadwatch.quotes.lexicon import cue_of

CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "oprd", "attr", "acomp", "pcomp", "advcl", "dative", "conj"}
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "pcomp", "conj", "acl"}
APART_DEPS = {"conj", "cc", "advcl", "parataxis", "punct", "relcl"}  # right children that are not the content
JUDGED_PREPS = {"as", "of", "for", "to"}
SMALL_WORDS = {"a", "an", "the", "of", "and", "in", "on", "to", "for", "at", "with", "by", "or", "it", "is"}
LEADING = {"that", "whether", "if"}
TITLE_MAX_WORDS = 8
SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z“\"]")


def lead_text(doc: Doc, start: int, first: Token) -> str:
    """The words of the sentence (and paragraph) before a quote's opening mark."""
    line_start = doc_text(doc).rfind("\n", 0, start) + 1
    return doc_text(doc)[max(first.sent.start_char, line_start) : start].strip(" \t\n\"“„«”")


def is_partial(doc: Doc, start: int, end: int, first: Token) -> bool:
    """A quote inside running text: words before it in its sentence, not ended by "," or ":",
    and not itself several sentences long."""
    lead = lead_text(doc, start, first)
    if not lead or lead[-1] in ",:":
        return False
    return not SENTENCE_BREAK.search(doc_text(doc)[start:end])


def is_title(text: str) -> bool:
    """Title-case words ("The Apprentice", "Fox News Sunday"): a name of a work, not a quotation."""
    words = [w.strip(",.;:!?()’'\"") for w in text.split()]
    words = [w for w in words if w and any(ch.isalpha() for ch in w)]
    if not words or len(words) > TITLE_MAX_WORDS:
        return False
    return all(w[0].isupper() or w.lower() in SMALL_WORDS for w in words) and words[0][0].isupper()


def span_root(doc: Doc, start: int, end: int) -> Token | None:
    """The token inside [start, end) whose head lies outside it (the quote's syntactic root)."""
    span = doc.char_span(start, end, alignment_mode="expand")  # not a scan of the whole doc per quote
    inside = [t for t in span or () if start <= t.idx < end and not t.is_punct]
    for token in inside:
        if not (start <= token.head.idx < end) or token.head.i == token.i:
            return token
    return inside[0] if inside else None


def _trim(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].is_punct and tokens[0].text not in "“\"" or tokens[0].lower_ in LEADING):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in {"”", '"', "»"}:
        tokens = tokens[:-1]
    return tokens


def content_tokens(cue: Token, child: Token) -> list[Token]:
    """What the cue reports: a complement clause, or everything right of the cue ("called X “Y”")."""
    if child.dep_ in CLAUSE_DEPS:
        return _trim(list(child.subtree))
    tokens: list[Token] = []
    for right in cue.rights:
        if right is not child and right.dep_ in APART_DEPS:
            if right.i > child.i:
                break  # "called Clinton a “champion”, citing her work": the rest is the writer's
            continue
        if child.dep_ == "prep" and right.i > child.i and right.dep_ in {"dobj", "dative"}:
            continue  # "describing as “unhinged” a Trump tweet": the judged thing is not the quote
        tokens.extend(right.subtree)
    return _trim(tokens)


def _reports(cue: Token, child: Token) -> bool:
    """Whether ``child`` carries what the cue reports: a content relation, or the "as"/"of"/"for"/"to"
    phrase of a verb of judging ("condemned the test as “provocative”", "accused Kim of “recklessness”")."""
    role = cue_of(cue)
    if role is not None and role.role == "report":
        return child.dep_ in CLAUSE_DEPS
    if role is not None and role.role == "claim":
        return child.dep_ in {"acl", "ccomp"}
    if child.dep_ in CONTENT_DEPS:
        return True
    if child.dep_ != "prep":
        return False
    return child.lower_ == "as" or (role is not None and role.role == "evaluate" and child.lower_ in JUDGED_PREPS)


def governing_cue(root: Token) -> tuple[Token, list[Token]] | None:
    """The nearest cue above the quote's root reached through a content relation, with its content."""
    child = root
    for _ in range(8):
        head = child.head
        if head is child:
            return None
        if is_cue(head) and _reports(head, child):
            return head, content_tokens(head, child)
        if is_cue(head):
            return None  # the quote hangs off the cue as a place or time ("On “Fox News Sunday,” he said")
        child = head
    return None


def aside_content(cue: Token, root: Token) -> list[Token]:
    """For "…, Wang said, but “…”", "according to X" and "as X put it": the main clause without the
    attribution."""
    main = cue.head
    as_clause = cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children)
    if not (cue.dep_ in {"parataxis", "prep"} or as_clause) or main.i == cue.i:  # "…, as a memo put it"
        return []
    ancestors = {t.i for t in root.ancestors} | {root.i}
    if main.i not in ancestors:
        return []
    skip = {t.i for t in cue.subtree}
    return _trim([t for t in main.subtree if t.i not in skip])


def text_of(tokens: list[Token]) -> str:
    """The words of a possibly gapped token list, spaced as in the text."""
    out = ""
    for prev, tok in zip([None, *tokens], tokens, strict=False):
        if prev is not None:
            out += prev.whitespace_ if tok.i == prev.i + 1 else " "
        out += tok.text
    return out
