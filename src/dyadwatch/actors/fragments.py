"""Seventh pass of issue 11, class "a headline fragment is no actor".

A Title Case headline whose words the body never uses keeps its capitals through the parse
(``headline_case.sentence_case_headlines`` lowercases only words the body writes in lower case), so the tagger
reads "NFL Legend Pays A Heavy Price For Supporting Donald Trump" as names and the resolver made "A Heavy Price"
(or "Rand Paul Scores Direct Hit") an organisation, which the story's country then placed. An actor must be a
name, a described group or an office: a phrase of a title-case line that nothing places (no country, no sector,
no list) and that has a capitalised word the body never writes is a fragment of the headline, not a name.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from dyadwatch.headline_case import is_title_case
from dyadwatch.nlp import doc_text

WORD = re.compile(r"[A-Za-z]+")


class HeadlineWords:
    """The title-case lines of one document and the words its other lines use (computed when first asked)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._lines: list[tuple[int, int]] | None = None
        self._body: set[str] = set()

    def _load(self) -> list[tuple[int, int]]:
        if self._lines is None:
            text = doc_text(self.doc)
            self._lines, body, start = [], [], 0
            for line in text.split("\n"):
                if is_title_case(line):
                    self._lines.append((start, start + len(line)))
                else:
                    body.append(line)
                start += len(line) + 1
            self._body = {w.lower() for w in WORD.findall("\n".join(body))} if self._lines else set()
        return self._lines

    def fragment(self, span: Span) -> bool:
        """Is the span inside a title-case line, with a capitalised word (three letters or more) that the body
        never uses in any case ("Heavy", "Price")?"""
        lines = self._load()
        if not lines or not any(lo <= span.start_char and span.end_char <= hi for lo, hi in lines):
            return False
        words = [t.text for t in span if t.text[:1].isupper() and t.is_alpha and len(t.text) >= 3]
        return any(w.lower() not in self._body for w in words)
