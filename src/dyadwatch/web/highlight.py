"""Article text with events and quotes marked: escape the text first, then add the marks.

Spans come from the store's character offsets (event sentences and triggers, quotes). They may
overlap (a quote inside an evidence sentence), so the text is cut at every span boundary and each
piece is escaped and wrapped once with the classes of all spans covering it: no nesting to get
wrong, and no article character ever reaches the page unescaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # "sentence", "trigger" or "quote"
    anchor: str = ""  # id given to the first piece of the span (e.g. "e3"), for links from lists


def spans_of(events: Iterable[dict], quotes: Iterable[dict]) -> list[Span]:
    """Event sentences and triggers, and quotes, as spans (offsets as stored)."""
    spans = []
    for event in events:
        spans.append(Span(event["sentence_start"], event["sentence_end"], "sentence", f"e{event['seq']}"))
        spans.append(Span(event["trigger_start"], event["trigger_end"], "trigger"))
    for quote in quotes:
        spans.append(Span(quote["start"], quote["end"], "quote", f"q{quote['seq']}"))
    return spans


def _valid(spans: Iterable[Span], length: int) -> list[Span]:
    """Drop spans with missing or out-of-range offsets (-1, None) instead of guessing."""
    return [s for s in spans if isinstance(s.start, int) and isinstance(s.end, int) and 0 <= s.start < s.end <= length]


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """HTML for ``text`` with each covered piece in a <mark> naming its span kinds."""
    text = text or ""
    valid = _valid(spans, len(text))
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    anchors_done: set[str] = set()
    parts: list[str] = []
    for begin, end in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[begin:end])
        covering = [s for s in valid if s.start <= begin and end <= s.end]
        if not covering:
            parts.append(piece)
            continue
        kinds = " ".join(sorted({f"hl-{s.kind}" for s in covering}))
        starting = [s.anchor for s in covering if s.anchor and s.start == begin and s.anchor not in anchors_done]
        anchor = starting[0] if starting else ""
        id_attr = ""
        if anchor:
            anchors_done.add(anchor)
            id_attr = f' id="{escape(anchor)}"'
        parts.append(f'<mark class="{kinds}"{id_attr}>{piece}</mark>')
    return Markup("".join(parts))


def snippet(text: str, needle: str, width: int = 90) -> Markup:
    """An escaped excerpt of ``text`` around the first case-insensitive match of ``needle``, marked."""
    text = text or ""
    at = text.lower().find(needle.lower()) if needle else -1
    if at < 0:
        return Markup(escape(text[: 2 * width]) + ("…" if len(text) > 2 * width else ""))
    begin, end = max(0, at - width), min(len(text), at + len(needle) + width)
    head = "…" if begin > 0 else ""
    tail = "…" if end < len(text) else ""
    return Markup(
        head + escape(text[begin:at]) + Markup("<mark class=\"hl-match\">") + escape(text[at : at + len(needle)])
        + Markup("</mark>") + escape(text[at + len(needle) : end]) + tail
    )
