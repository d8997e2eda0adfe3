"""Quotes: who said what (to whom) — direct, partial, mixed and indirect quotations.

Contract: ``extract_quotes(doc, article, actors)`` returns Quote records whose ``start``/``end``
are character offsets in ``article.text`` of the quoted content.

- Direct quotes come from the quote marks (``marks.scan_quotes``), grouped into units: a quote
  split around its attribution ("…,” Putin told Wang, “…”) or continued in the next paragraph is
  one Quote whose ``text`` joins the parts with a space and whose ``start``/``end`` cover them all.
- A partial quote inside the clausal complement of a cue (Tass quoted Wang as saying that China
  “will firmly adhere …” in Ukraine) is a *mixed* quote: ``direct`` True, ``text`` the whole
  complement clause.
- Indirect quotes are clausal complements of speech cues with no quote marks: ``direct`` False.
See docs/quotes.md.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from dyadwatch.actors import DocActors
from dyadwatch.models import Actor, Article, Quote
from dyadwatch.nlp import doc_text, token_starts
from dyadwatch.quotes.attribution import (
    QUOTED_SPANS,
    Attribution,
    attribute,
    cue_text,
    is_cue,
    is_frame_cue,
    speaker_tokens,
)
from dyadwatch.quotes.lexicon import cue_of
from dyadwatch.quotes.marks import TRANSCRIPT, QuoteSpan, ScanResult, scan_quotes
from dyadwatch.quotes.partial import (
    aside_content,
    governing_cue,
    is_partial,
    is_title,
    lead_text,
    span_root,
    text_of,
)

__all__ = ["extract_quotes", "scan_quotes", "ScanResult", "QuoteSpan"]

QUOTE_MARKS = ("\"", "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb")
log = logging.getLogger(__name__)

MAX_GAP = 250  # characters between two parts of one quote (the attribution between them)
SCARE_WORDS = 3  # an unattributed quote this short inside running text is a scare quote, not a quotation
GAP_CONJUNCTION = re.compile(r",\s*(?:and|but)(?:\s+(?:still|also|then|later))?$")  # “A,” X said, and still “B”
COORDINATION = re.compile(r"[\s,;\"“”]*(?:and|or|but|as well as)?[\s,\"“”]*")
DASHES = {"-", "--", "–", "—", "―"}
LEADING_MARKERS = {"that", "whether", "if"}
DASH_ATTRIBUTION = re.compile(r"[ \t\xa0]*[―—–-]+[ \t\xa0]*([A-Z][\w.'’ -]{1,60}?)[ \t\xa0.]*(?:\n|$)")
STAGE_DIRECTION = re.compile(r"[(\[][A-Z][A-Z .,'-]*[)\]]\.?")  # (CROSSTALK.), [APPLAUSE]


@dataclass
class Unit:
    """One quotation made of one or more quoted parts, with its attribution once found."""

    parts: list[QuoteSpan] = field(default_factory=list)
    attribution: Attribution | None = None

    @property
    def start(self) -> int:
        return self.parts[0].start

    @property
    def end(self) -> int:
        return self.parts[-1].end


def _continuation_units(text: str, spans: list[QuoteSpan]) -> list[Unit]:
    """Join a quote left open at a paragraph end with its continuation in the next paragraph; a
    transcript turn ("PENCE: …") starts a new quote, and stage directions ("(CROSSTALK.)") are dropped."""
    units: list[Unit] = []
    for span in spans:
        words = text[span.start : span.end].strip()
        if STAGE_DIRECTION.fullmatch(words):
            continue
        turn = TRANSCRIPT.match(words) is not None
        if span.continued and not turn and units and units[-1].parts[-1].continues:
            units[-1].parts.append(span)
        else:
            units.append(Unit(parts=[span]))
    return units


def _token_at(doc: Doc, char: int) -> Token | None:
    """The token covering a character offset, or the nearest one after it (never raises)."""
    span = doc.char_span(char, min(char + 1, len(doc_text(doc))), alignment_mode="expand")
    if span is not None and len(span):
        return span[0]
    after = bisect_left(token_starts(doc), char)  # the first token starting at or after it
    return doc[after] if after < len(doc) else (doc[-1] if len(doc) else None)


def _inside(index: int, spans: list[QuoteSpan]) -> bool:
    return any(s.start <= index < s.end for s in spans)


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return lo, len(text) if hi < 0 else hi


def _frame_cue(doc: Doc, unit: Unit, spans: list[QuoteSpan]) -> Token | None:
    """The cue nearest the unit in the sentences it touches, outside any quote and its paragraph."""
    text = doc_text(doc)
    lo, _ = _paragraph(text, unit.start, unit.start)
    _, hi = _paragraph(text, unit.end, unit.end)
    first, last = _token_at(doc, unit.start), _token_at(doc, max(unit.end - 1, unit.start))
    if first is None or last is None:
        return None
    sent_lo, sent_hi = first.sent.start, last.sent.end
    best: tuple[int, Token] | None = None
    for token in doc[sent_lo:sent_hi]:
        if token.idx < lo or token.idx >= hi or not is_frame_cue(token) or _inside(token.idx, spans):
            continue  # (the cue test first: it is one lookup, _inside a pass over all the document's quotes)
        distance = min(abs(token.idx - p.end) for p in unit.parts)
        distance = min(distance, *(abs(p.start - token.idx) for p in unit.parts))
        if best is None or distance < best[0]:
            best = (distance, token)
    return best[1] if best else None


def _gap_ok(doc: Doc, left: Unit, right: Unit) -> bool:
    """Two units may be one quote: same paragraph, close together, no other words but the attribution
    (ending in a comma, stop or colon, not "… and encourage Americans to check out what he called “…”"),
    and neither part a title (“Fox News Sunday,” Pence said …)."""
    text = doc_text(doc)
    gap = text[left.end : right.start].strip(" \t\xa0\"“”„«»")
    if "\n" in gap or len(gap) > MAX_GAP or not gap or not (gap[-1] in ",.:;" or GAP_CONJUNCTION.search(gap)):
        return False
    return not any(_partial_title(doc, u) for u in (left, right))


def _partial_title(doc: Doc, unit: Unit) -> bool:
    """A title-case quote inside running text names a work or show; a sentence-initial one (“That,” he
    added) is speech."""
    first = _token_at(doc, unit.start)
    text = doc_text(doc)[unit.start : unit.end]
    return first is not None and is_title(text) and is_partial(doc, unit.start, unit.end, first)


def _merge_split(doc: Doc, units: list[Unit], frames: dict[int, Token | None]) -> list[Unit]:
    """“A,” X said, “B.” and “A,” X said. “B.” are one quote when B has no attribution of its own."""
    merged: list[Unit] = []
    for unit in units:
        if merged:
            prev = merged[-1]
            prev_cue, cue = frames[id(prev)], frames[id(unit)]
            gap_has_cue = prev_cue is not None and prev.end <= prev_cue.idx < unit.start
            same_cue = cue is None or (prev_cue is not None and cue.i == prev_cue.i)
            if gap_has_cue and same_cue and _gap_ok(doc, prev, unit):
                prev.parts.extend(unit.parts)
                continue
        merged.append(unit)
    return merged


def _previous_sentence_cue(doc: Doc, unit: Unit, spans: list[QuoteSpan]) -> Token | None:
    """Attribution in the sentence before a quote that opens its own sentence ("Price said: “…”")."""
    first = _token_at(doc, unit.start)
    if first is None:
        return None
    sent = first.sent
    lead = lead_text(doc, unit.start, first)
    if lead and not lead.endswith(":"):
        return None
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    candidates = [t for t in prev if is_frame_cue(t) and not _inside(t.idx, spans)]
    candidates = [t for t in candidates if speaker_tokens(t)[0] is not None]
    return candidates[-1] if candidates else None


def _following_cue(doc: Doc, unit: Unit, spans: list[QuoteSpan]) -> Token | None:
    """“How many times must we see this?” Clinton said: a quote ending in ? or ! is its own sentence for
    the parser, and its attribution follows in the same paragraph, before any other quote."""
    text = doc_text(doc)
    if not text[unit.parts[-1].start : unit.end].rstrip().endswith(("?", "!")):
        return None
    _, hi = _paragraph(text, unit.end, unit.end)
    after = _token_at(doc, unit.end + 1)
    if after is None or after.idx >= hi:
        return None
    for token in after.sent:
        if token.idx < unit.end:
            continue
        if token.idx >= hi:
            break
        quoted = next((s for s in spans if s.start <= token.idx < s.end), None)
        if quoted is not None:
            if _words(text[quoted.start : quoted.end]) > SCARE_WORDS:
                break  # another quotation: the cue after it is its own
            continue  # a nickname inside the attribution (state Del. Marcia "Cia" Price)
        if is_frame_cue(token) and speaker_tokens(token)[0] is not None:
            return token
    return None


def _complement(cue: Token) -> Token | None:
    """The clausal complement of a cue ("said [that China was ...]"), through "as saying"."""
    for child in cue.children:
        if child.dep_ == "ccomp":
            return child
    for child in cue.children:  # "quoted Wang as saying that ...": the complement hangs off "saying"
        if child.dep_ == "prep" and child.lower_ == "as":
            for grand in child.children:
                if grand.dep_ == "pcomp" and is_cue(grand):
                    return _complement(grand)
    return None


def _clause_bounds(head: Token) -> tuple[int, int]:
    """Token range of a complement clause without its leading "that" and trailing punctuation."""
    tokens = list(head.subtree)
    while tokens and (tokens[0].lower_ in LEADING_MARKERS and tokens[0].dep_ == "mark" or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in {"”", '"', "»"}:
        tokens = tokens[:-1]
    if not tokens:
        return head.i, head.i + 1
    return tokens[0].i, tokens[-1].i + 1


def _clip_to_paragraphs(doc: Doc, unit: Unit, start: int, end: int) -> tuple[int, int]:
    """Token range cut to the paragraphs the quote spans: a parse that runs across a paragraph break
    (the next paragraph's sentence hung on the cue) must not pull that paragraph into the quote."""
    lo, _ = _paragraph(doc_text(doc), unit.start, unit.start)
    _, hi = _paragraph(doc_text(doc), unit.end, unit.end)
    while start < end and doc[start].idx < lo:
        start += 1
    while end > start and doc[end - 1].idx >= hi:
        end -= 1
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in {"”", '"', "»"}:
        end -= 1
    return start, end


def _mixed_span(doc: Doc, unit: Unit, cue: Token, spans: list[QuoteSpan]) -> Span | None:
    """The complement clause holding a partial quote, when it has words outside the marks."""
    head = _complement(cue)
    if head is None:
        return None
    start, end = _clause_bounds(head)
    start, end = _clip_to_paragraphs(doc, unit, start, end)
    clause = doc[start:end]
    if not (clause.start_char <= unit.start and unit.end <= clause.end_char):
        return None
    outside = [t for t in clause if not t.is_punct and not _inside(t.idx, spans)]
    return clause if outside else None


def _words(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


def _is_scare(doc: Doc, unit: Unit) -> bool:
    """A short unattributed quote inside running text ("a “borderless” partnership")."""
    if sum(_words(doc_text(doc)[p.start : p.end]) for p in unit.parts) > SCARE_WORDS:
        return False
    first = _token_at(doc, unit.start)
    return bool(lead_text(doc, unit.start, first)) if first is not None else False


def _sentence_text(doc: Doc, start: int, end: int) -> str:
    first, last = _token_at(doc, start), _token_at(doc, max(end - 1, start))
    if first is None or last is None:
        return ""
    return doc_text(doc)[first.sent.start_char : last.sent.end_char].strip()


def _quote(
    doc: Doc, article: Article, text: str, start: int, end: int, direct: bool, attr: Attribution | None
) -> Quote:
    lo, hi = start, end
    if attr is not None:
        lo, hi = min(lo, attr.cue.idx), max(hi, attr.cue.idx + len(attr.cue.text))
    return Quote(
        text=text,
        direct=direct,
        kind=_kind(text, direct),
        cue=cue_text(attr.cue) if attr else "",
        speaker=attr.speaker if attr else None,
        addressee=attr.addressee if attr else None,
        via=attr.via if attr else None,
        setting=attr.setting if attr else "",
        start=start,
        end=end,
        sentence=_sentence_text(doc, lo, hi),
        article_id=article.id,
    )


def _kind(text: str, direct: bool) -> str:
    """Direct quotes hold only the quoted words; a mixed quote keeps its quote marks inside the clause."""
    if not direct:
        return "indirect"
    return "mixed" if any(mark in text for mark in QUOTE_MARKS) else "direct"


def _cut_at_dash(tokens: list[Token], quote_end: int) -> list[Token]:
    """Drop a dash-led aside after the quote ("likened the rules to “burning the Constitution” - a charge
    that might have stung"): the words after the dash are the writer's, not the speaker's."""
    for n, token in enumerate(tokens):
        if token.idx > quote_end and token.text in DASHES and token.whitespace_:
            return tokens[:n]
    return tokens


def _judges(cue: Token) -> bool:
    entry = cue_of(cue)
    return entry is not None and entry.role == "evaluate"


def _partial_quote(
    doc: Doc, article: Article, actors: DocActors, unit: Unit, frame: Token | None
) -> Quote | None:
    """A quote inside running text: mixed quote under its cue, or None for a title or scare quote."""
    text = doc_text(doc)[unit.start : unit.end]
    root = span_root(doc, unit.start, unit.end)
    if root is None:
        return None
    found = governing_cue(root)
    if is_title(text) and not (found is not None and _judges(found[0])):
        return None  # a show or book, unless a verb of naming governs it ("hailed Trump as “The Comeback Kid”")
    if found is not None and found[1]:
        cue, tokens = found
    elif frame is not None and aside_content(frame, root):
        cue, tokens = frame, aside_content(frame, root)
    elif frame is not None and _words(text) > SCARE_WORDS:
        attr = attribute(frame, actors, (unit.start, unit.end))
        return _quote(doc, article, text.strip(), unit.start, unit.end, True, attr)
    else:
        return None
    lo, hi = _clip_to_paragraphs(doc, unit, tokens[0].i, tokens[-1].i + 1)
    tokens = _cut_at_dash([t for t in tokens if lo <= t.i < hi], unit.end)
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    words = text_of(tokens)
    closing = unit.end + 1  # keep the closing mark when the content ends inside the quote
    if start < unit.start <= end < closing <= len(doc_text(doc)) and doc_text(doc)[unit.end] in QUOTE_MARKS:
        words, end = words + doc_text(doc)[end:closing], closing
    return _quote(doc, article, words, start, end, True, attribute(cue, actors, (unit.start, unit.end)))


def _transcript(quote: Quote) -> Quote:
    """A quoted transcript line ("PENCE: Well, …"): the capitalised name is the speaker."""
    match = TRANSCRIPT.match(quote.text)
    if match is None:  # a turn label names the speaker even when a cue was found nearby
        return quote
    name = match.group(1)
    quote.speaker = Actor(text=name, name=name.title(), start=quote.start, end=quote.start + len(name))
    quote.cue = ":"
    quote.text = quote.text[match.end() :]
    quote.start += match.end()
    return quote


def _dash_attribution(text: str, unit: Unit) -> re.Match[str] | None:
    """“…” ― Name ending the quote's paragraph: right after this quote, or after the paragraph's last
    quote when only other quotes stand between (vox-pop lists with stray marks inside one answer)."""
    dashed = DASH_ATTRIBUTION.match(text, min(unit.end + 1, len(text)))
    if dashed is not None:
        return dashed
    _, hi = _paragraph(text, unit.end, unit.end)
    last = max(text.rfind(mark, unit.end, hi) for mark in QUOTE_MARKS)
    return DASH_ATTRIBUTION.match(text, last + 1) if last > unit.end else None


def _unit_quote(
    doc: Doc, article: Article, actors: DocActors, unit: Unit, frame: Token | None, spans: list[QuoteSpan]
) -> Quote | None:
    """The Quote for one unit of quoted parts, or None when it is not a quotation."""
    first = _token_at(doc, unit.start)
    if first is None:
        return None
    if len(unit.parts) == 1 and is_partial(doc, unit.start, unit.end, first):
        return _partial_quote(doc, article, actors, unit, frame)
    text = " ".join(doc_text(doc)[p.start : p.end].strip() for p in unit.parts)
    dashed = _dash_attribution(doc_text(doc), unit)
    if dashed is not None and frame is None:
        name = dashed.group(1)
        offset = dashed.start(1)
        speaker = actors.for_span(doc.char_span(offset, offset + len(name), alignment_mode="expand") or doc[0:0])
        quote = _quote(doc, article, text, unit.start, unit.end, True, None)
        quote.speaker = speaker or Actor(text=name, name=name, start=offset, end=offset + len(name))
        quote.cue = dashed.group(0).strip()[0]
        return quote
    cue = frame or _previous_sentence_cue(doc, unit, spans) or _following_cue(doc, unit, spans)
    if cue is None and _is_scare(doc, unit):
        log.debug("article %s: quote at %d skipped: scare quote", article.id, unit.start)
        return None
    attr = attribute(cue, actors, (unit.start, unit.end)) if cue is not None else None
    mixed = _mixed_span(doc, unit, cue, spans) if cue is not None else None
    if mixed is not None:
        return _quote(doc, article, mixed.text, mixed.start_char, mixed.end_char, True, attr)
    return _transcript(_quote(doc, article, text, unit.start, unit.end, True, attr))


def _drop_contained(quotes: list[Quote]) -> list[Quote]:
    """Several partial quotes of one clause ("called Trump a “liar,” a “bully” and a “narcissist”")
    each yield the same mixed quote: keep one, and drop any quote lying inside a longer one."""
    kept: list[Quote] = []
    for quote in sorted(quotes, key=lambda q: (q.start, -q.end)):
        if any(k.start <= quote.start and quote.end <= k.end + 1 for k in kept):  # +1: a closing mark
            continue
        kept.append(quote)
    return kept


def _join_coordinated(text: str, quotes: list[Quote]) -> list[Quote]:
    """Partial quotes coordinated under one cue ("condemned the test as “provocative” and a “grave
    threat”") are one quotation: same cue, speaker and sentence, only "and"/"or"/commas between."""
    joined: list[Quote] = []
    for quote in sorted(quotes, key=lambda q: q.start):
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and prev.kind == quote.kind == "mixed"
            and prev.cue == quote.cue
            and prev.sentence == quote.sentence
            and prev.speaker is not None
            and quote.speaker is not None
            and prev.speaker.start == quote.speaker.start
            and COORDINATION.fullmatch(text[prev.end : quote.start])
        ):
            prev.end = quote.end
            prev.text = text[prev.start : prev.end]
            continue
        joined.append(quote)
    return joined


def _quote_only_paragraph(text: str, quote: Quote) -> bool:
    """Whether the quote's paragraph holds nothing but the quote (and its marks)."""
    lo, hi = _paragraph(text, quote.start, quote.end)
    rest = text[lo : quote.start] + text[quote.end : hi]
    return not any(ch.isalnum() for ch in rest)


def _continue_speakers(text: str, quotes: list[Quote]) -> list[Quote]:
    """A paragraph that is only a quote, with no cue, continues the speaker of the quote ending in the
    paragraph just before it (newswire runs one speaker's quote paragraphs one after another)."""
    previous: Quote | None = None
    for quote in sorted(quotes, key=lambda q: q.start):
        if quote.speaker is None and not quote.cue and previous is not None and previous.speaker is not None:
            lo, _ = _paragraph(text, quote.start, quote.start)
            prev_hi = len(text[:lo].rstrip())
            prev_lo = text.rfind("\n", 0, prev_hi) + 1
            if prev_lo <= previous.start < prev_hi and _quote_only_paragraph(text, quote):
                quote.speaker, quote.via, quote.cue = previous.speaker, previous.via, previous.cue
        previous = quote
    return quotes


def _direct_quotes(
    doc: Doc, article: Article, actors: DocActors, spans: list[QuoteSpan]
) -> tuple[list[Quote], list[tuple[int, int]]]:
    """Direct and mixed quotes, plus the character ranges they cover (so indirect ones skip them)."""
    units = _continuation_units(doc_text(doc), spans)
    frames: dict[int, Token | None] = {id(u): _frame_cue(doc, u, spans) or _following_cue(doc, u, spans) for u in units}
    units = _merge_split(doc, units, frames)
    quotes: list[Quote] = []
    for unit in units:
        quote = _unit_quote(doc, article, actors, unit, frames.get(id(unit)), spans)
        if quote is not None:
            quotes.append(quote)
    quotes = _continue_speakers(doc_text(doc), _join_coordinated(doc_text(doc), _drop_contained(quotes)))
    covered = [(q.start, q.end) for q in quotes]
    return quotes, covered


def _according_to_clause(cue: Token) -> tuple[int, int] | None:
    """The clause an "according to X" phrase attributes: its head verb's clause without the phrase,
    the longer side when the phrase sits in the middle ("Y, according to X, Z" keeps the longer part)."""
    main = cue.head
    if cue.dep_ != "prep" or main.i == cue.i or main.pos_ not in {"VERB", "AUX"}:
        return None
    phrase = {t.i for t in cue.subtree}
    tokens = [t for t in main.subtree if t.i not in phrase]
    before = [t for t in tokens if t.i < cue.i]
    after = [t for t in tokens if t.i > cue.i]
    side = before if len(before) >= len(after) else after
    while side and (side[0].is_punct or side[0].lower_ in LEADING_MARKERS and side[0].dep_ == "mark"):
        side = side[1:]
    while side and side[-1].is_punct:
        side = side[:-1]
    if len(side) < 3 or any(b.i != a.i + 1 for a, b in zip(side, side[1:], strict=False)):
        return None
    return side[0].i, side[-1].i + 1


def _parenthetical_clause(cue: Token) -> list[Token] | None:
    """The clause around a parenthetical cue ("The sanctions, officials said, would hit …"; "X was …,
    Wang said" parsed with the cue as parataxis): the head clause without the attribution."""
    main = cue.head
    if cue.dep_ != "parataxis" or main.i == cue.i or main.pos_ not in {"VERB", "AUX"}:
        return None
    if _complement(cue) is not None or speaker_tokens(cue)[0] is None:
        return None
    skip = {t.i for t in cue.subtree}
    tokens = [t for t in main.subtree if t.i not in skip]
    while tokens and tokens[0].is_punct:
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    pieces = 1 + sum(1 for a, b in zip(tokens, tokens[1:], strict=False) if b.i != a.i + 1)
    return tokens if pieces <= 2 and _words(" ".join(t.text for t in tokens)) >= 3 else None


def _indirect_tokens(token: Token) -> list[Token] | None:
    """What an indirect-quote cue reports, as tokens (possibly with the cue's gap), or None."""
    entry = cue_of(token)
    if entry is None or not is_cue(token) or not (entry.indirect or entry.role == "source"):
        return None
    if entry.role == "source":
        bounds = _according_to_clause(token)
    else:
        head = _complement(token)
        if head is None:
            return _parenthetical_clause(token)
        bounds = _clause_bounds(head)
    if bounds is None or bounds[0] <= token.i < bounds[1]:
        return None
    return list(token.doc[bounds[0] : bounds[1]])


def _indirect_quotes(
    doc: Doc, article: Article, actors: DocActors, covered: list[tuple[int, int]], spans: list[QuoteSpan]
) -> list[Quote]:
    """Clausal complements of speech cues outside any quote marks: ``direct`` False."""
    quotes: list[Quote] = []
    for token in doc:
        tokens = _indirect_tokens(token)
        if not tokens:
            continue
        first, last = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        words = text_of(tokens)
        if any(first < hi and lo < last for lo, hi in covered) or _words(words) < 2:
            continue
        lo, hi = min(token.idx, first), max(token.idx, last)
        if "\n" in doc_text(doc)[lo:hi]:  # a bad parse across paragraphs (scraper junk between lines)
            continue
        marked = any(first <= s.start < last for s in spans)
        attr = attribute(token, actors)
        quotes.append(_quote(doc, article, words, first, last, marked, attr))
        covered.append((first, last))
    return quotes


def extract_quotes(doc: Doc, article: Article, actors: DocActors) -> list[Quote]:
    """All direct, mixed and indirect quotes of one article, in text order."""
    scan = scan_quotes(doc_text(doc))
    for pos, reason in scan.skipped:
        log.debug("article %s: quote mark at %d skipped: %s", article.id, pos, reason)
    doc.user_data[QUOTED_SPANS] = [(s.start, s.end) for s in scan.spans]
    direct, covered = _direct_quotes(doc, article, actors, scan.spans)
    indirect = _indirect_quotes(doc, article, actors, covered, scan.spans)
    return sorted(direct + indirect, key=lambda q: (q.start, q.end))
