"""Cleaning: RawDocument -> Article (body text, metadata, removed lines, flags).

Contract: ``clean_document(raw, default_date)`` returns an Article whose ``text`` is the
cleaned body that every later offset refers to, or raises ``CleaningError`` when no text is
left (an empty article would get the id of the empty string and make the next one a duplicate).
Control characters and zero-width/bidi marks are removed first (``clean.characters``).

Two regimes:

* scraped text (``.txt``, and the text trafilatura extracts from HTML/WARC/feeds): title line,
  key-point bullets, dateline prefix, byline and credit tail move out of the body into their
  fields, and junk lines go to ``removed`` with a reason;
* given text (JSONL ``text``): the body stays as given. Only whole lines matching the junk
  patterns and a trailing credit tail are taken out, and a one-line text is never touched.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from dyadwatch.clean import flags, junk, metadata
from dyadwatch.clean.characters import sanitize
from dyadwatch.clean.html import extract_page
from dyadwatch.clean.language import detect_language
from dyadwatch.models import Article, RawDocument, RemovedLine

__all__ = ["CleaningError", "article_id", "clean_document", "clean_text"]

CREDIT_TAIL_LINES = 4  # credit lines are looked for among the last lines of the body
BYLINE_HEAD_LINES = 3
WRAP_MIN_LINES = 6
WRAP_MAX_WIDTH = 100  # wider lines are paragraphs, not a fixed-width wrap
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Spaces of other widths (no-break, en, em, thin, narrow, ideographic ...): one list for both cleaners.
OTHER_SPACES = "\u00a0" + "".join(chr(c) for c in range(0x2000, 0x200B)) + "\u202f\u205f\u3000"
_SPACES_RE = re.compile("[ \t" + OTHER_SPACES + "]+")


def article_id(body: str) -> str:
    """Stable id: a hash of the whitespace- and case-normalised body text."""
    normalised = re.sub(r"\s+", " ", body).strip().lower()
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:16]


class CleaningError(ValueError):
    """A document that yields no article; the message is the reason shown to the user."""


@dataclass
class Cleaned:
    """What the line-level cleaner found; ``clean_document`` turns it into an Article."""

    body: str
    paragraphs: list[str]
    title: str = ""
    key_points: list[str] = field(default_factory=list)
    dateline: list[str] = field(default_factory=list)
    agency: str = ""
    byline: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)


def clean_document(raw: RawDocument, default_date: str = "") -> Article:
    """Clean one document of any format into an Article; raise CleaningError when no text is left."""
    page = extract_page(sanitize(raw.html).text, raw.url) if raw.html and not raw.text.strip() else None
    sanitized = sanitize(page.text if page else raw.text)
    source_text = sanitized.text
    given_title = sanitize(raw.title or (page.title if page else "")).text
    if page is None and raw.fmt == "jsonl":
        cleaned = clean_given_text(source_text)
        title = given_title.strip()
    else:
        cleaned = clean_text(source_text, plain_text=page is None, title=given_title)
        title = cleaned.title
    for author in (raw.author, page.author if page else ""):
        if author:
            cleaned.byline = _merge(cleaned.byline, [a.strip() for a in re.split(r"[;,]", author) if a.strip()])
    if not cleaned.body.strip():
        raise CleaningError(_empty_reason(page is not None))
    date, date_source = _choose_date(raw, page.date if page else "", default_date)
    removed_chars = sum(len(r.text) for r in cleaned.removed)
    return Article(
        id=article_id(cleaned.body),
        text=cleaned.body,
        url=raw.url or (page.url if page else ""),
        path=raw.source_path,
        source=raw.source or (page.sitename if page else ""),
        title=title,
        key_points=cleaned.key_points,
        dateline=cleaned.dateline,
        agency=cleaned.agency,
        byline=cleaned.byline,
        editors=cleaned.editors,
        date=date,
        date_source=date_source,
        language=detect_language(cleaned.body or title),
        removed=cleaned.removed,
        flags=sanitized.flags + flags.quality_flags(cleaned.paragraphs, cleaned.body, removed_chars, len(source_text)),
        source_id=raw.id,
    )


def _empty_reason(from_html: bool) -> str:
    if from_html:
        return (
            "no text found in the HTML page (main-text extraction and the plain-text fallback are both empty: "
            "a page of scripts or images only, or no body)"
        )
    return "no text left after cleaning (only whitespace, control or invisible characters)"


def normalise_line(line: str) -> str:
    """NFC, no invisible characters, single spaces, no edge whitespace."""
    line = _INVISIBLE_RE.sub("", unicodedata.normalize("NFC", line))
    return _SPACES_RE.sub(" ", line).strip()


def is_hard_wrapped(raw_lines: list[str]) -> bool:
    """Text broken at a fixed width (e-mail, wire dumps): most lines fill the width, many end mid-sentence."""
    lines = [line.rstrip() for line in raw_lines if line.strip()]
    if len(lines) < WRAP_MIN_LINES:
        return False
    width = max(len(line) for line in lines)
    if width > WRAP_MAX_WIDTH:
        return False
    full = sum(1 for line in lines if len(line) >= 0.75 * width)
    open_ended = sum(1 for line in lines[:-1] if line[-1] not in ".!?\"”’:")
    return full >= 0.5 * len(lines) and open_ended >= 0.4 * len(lines)


def unwrap(raw_lines: list[str]) -> list[str]:
    """Join the lines of each blank-line-separated block into one paragraph (bullets stay lines)."""
    out: list[str] = []
    block: list[str] = []
    for line in raw_lines + [""]:
        if not line.strip() or metadata.BULLET_RE.match(line):
            if block:
                out.append(" ".join(part.strip() for part in block))
                block = []
            if line.strip():
                out.append(line)
        else:
            block.append(line)
    return out


def clean_text(text: str, plain_text: bool = True, title: str = "") -> Cleaned:
    """Scraped text: split off title, key points, dateline, credits; drop junk lines."""
    raw_lines = text.splitlines()
    if plain_text and is_hard_wrapped(raw_lines):
        raw_lines = unwrap(raw_lines)
    lines = [n for n in (normalise_line(line) for line in raw_lines) if n]
    if title and lines and lines[0] == normalise_line(title):
        lines = lines[1:]
    elif plain_text and not title:
        title, lines = metadata.split_title(lines)
    key_points, lines = metadata.split_key_points(lines) if plain_text else ([], lines)
    kept, removed = _drop_junk(lines, plain_text)
    if not kept and lines:  # never lose the whole text to the junk patterns
        kept, removed = lines, []
    kept, byline = _take_byline(kept, removed)
    kept, credits = _take_credits(kept, removed)
    dateline, agency = [], ""
    if kept:
        dateline, agency, cut = metadata.find_dateline(kept[0])
        if cut:
            rest = kept[0][cut:].strip()
            kept = ([rest] if rest else []) + kept[1:]
    agency = agency or _credit_agency(removed)
    return Cleaned(
        body="\n\n".join(kept),
        paragraphs=kept,
        title=title.strip(),
        key_points=key_points,
        dateline=dateline,
        agency=agency,
        byline=_merge(byline, credits.byline),
        editors=credits.editors,
        removed=removed,
    )


# Spaces of other widths, folded one for one into a plain space: the parser reads a no-break space as a token of its
# own ("The general\xa0stumped for Clinton" lost its subject), and one-for-one keeps every offset into the text.
_ONE_SPACE = str.maketrans(dict.fromkeys(OTHER_SPACES, " "))


def clean_given_text(text: str) -> Cleaned:
    """JSONL text: keep it as given (offsets into it stay valid); only whole junk lines and a credit tail come out,
    and spaces of other widths become plain spaces, one for one."""
    text = text.translate(_ONE_SPACE)
    lines = text.split("\n")
    nonblank = [line for line in lines if line.strip()]
    removed: list[RemovedLine] = []
    body = text
    if len(nonblank) >= 2:
        kept, removed = _drop_junk(lines, plain_text=False)
        kept, credits = _take_credits(kept, removed)
        if removed and any(line.strip() for line in kept):
            body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")
        else:
            removed, credits = [], metadata.CreditInfo()
    else:
        credits = metadata.CreditInfo()
    paragraphs = [normalise_line(line) for line in body.split("\n") if line.strip()]
    dateline, agency = [], ""
    for paragraph in paragraphs[:2]:  # the first line may be a title the JSONL kept in its text
        dateline, agency, cut = metadata.find_dateline(paragraph)
        if cut:
            break
    return Cleaned(
        body=body,
        paragraphs=paragraphs,
        dateline=dateline,
        agency=agency or _credit_agency(removed),
        byline=credits.byline,
        editors=credits.editors,
        removed=removed,
    )


def _drop_junk(lines: list[str], plain_text: bool) -> tuple[list[str], list[RemovedLine]]:
    """Whole junk lines out (with the headline after a bare "See also"), the rest kept in order."""
    kept: list[str] = []
    removed: list[RemovedLine] = []
    take_next_reason = ""
    for line in lines:
        if take_next_reason and line.strip():
            reason, take_next_reason = take_next_reason, ""
            if junk.looks_like_headline(line):
                removed.append(RemovedLine(line.strip(), reason))
                continue
        found = junk.match_junk(line, plain_text)
        if found:
            removed.append(RemovedLine(line.strip(), found[0]))
            take_next_reason = found[0] if found[1] else ""
        elif plain_text and junk.is_caption_fragment(line):
            removed.append(RemovedLine(line.strip(), "caption"))
        else:
            kept.append(line)
    return kept, removed


def _take_byline(lines: list[str], removed: list[RemovedLine]) -> tuple[list[str], list[str]]:
    for index, line in enumerate(lines[:BYLINE_HEAD_LINES]):
        names = metadata.parse_byline(line)
        if names:
            removed.append(RemovedLine(line, "byline"))
            return lines[:index] + lines[index + 1 :], names
    return lines, []


def _take_credits(lines: list[str], removed: list[RemovedLine]) -> tuple[list[str], metadata.CreditInfo]:
    """Credit lines ("Reporting by ...; Editing by ...") among the last lines leave the body."""
    start = max(0, len(lines) - CREDIT_TAIL_LINES)
    credit_lines = [line for line in lines[start:] if metadata.is_credit_line(line)]
    if not credit_lines:
        return lines, metadata.CreditInfo()
    removed.extend(RemovedLine(line.strip(), "credit") for line in credit_lines)
    kept = lines[:start] + [line for line in lines[start:] if line not in credit_lines]
    return kept, metadata.parse_credits(credit_lines)


def _credit_agency(removed: list[RemovedLine]) -> str:
    """'Reporting by Reuters' names the agency when the dateline did not."""
    for line in removed:
        if line.reason == "credit":
            for word in re.findall(r"by ([A-Z][\w-]+(?: [A-Z][\w-]+)?)", line.text):
                agency = metadata.canonical_agency(word)
                if agency:
                    return agency
    return ""


def _choose_date(raw: RawDocument, page_date: str, default_date: str) -> tuple[str, str]:
    """Metadata date (a page's own date before a WARC capture date), else --date, else ""."""
    candidates = [page_date, raw.date] if raw.fmt == "warc" else [raw.date, page_date]
    for value in candidates:
        iso = metadata.normalise_date(value)
        if iso:
            return iso, "metadata"
    iso = metadata.normalise_date(default_date)
    return (iso, "cli") if iso else ("", "")


def _merge(first: list[str], second: list[str]) -> list[str]:
    return first + [name for name in second if name not in first]
