"""Metadata found in the text itself: title, key points, dateline, agency, byline, editors, date.

"MOSCOW/WASHINGTON (Reuters) – ..." gives places ["Moscow", "Washington"] and agency "Reuters";
"Reporting by ...; Editing by ..." tails give ``byline`` and ``editors``. Dates are normalised to
ISO YYYY-MM-DD and never guessed: an unparseable date is simply empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
TITLE_MAX_WORDS = 30
BULLET_RE = re.compile(r"^\s*(?:[•·▪●◦‣∙*]|[-–—](?=\s))\s*(?P<text>\S.*)$")
_PLACE = r"[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,3}"
_DATE_PART = r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?)"
DATELINE_AGENCY_RE = re.compile(
    rf"^\s*(?P<places>{_PLACE}(?:\s*/\s*{_PLACE})*)(?:,\s*(?:{_PLACE}\s*,\s*)?{_DATE_PART})?"
    r"\s*\((?P<agency>[A-Za-z][A-Za-z .&'-]{0,40})\)\s*(?:[-–—:]+|--)\s*"
)
_CAPS_PLACE = r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}"
DATELINE_CAPS_RE = re.compile(
    rf"^\s*(?P<places>{_CAPS_PLACE}(?:\s*/\s*{_CAPS_PLACE})*)(?:,\s*[A-Z][A-Za-z.]{{1,12}}(?:\s+[A-Za-z.]{{1,12}})?)?"
    rf"(?:,\s*{_DATE_PART})?\s*(?:—|–|--|-)\s+"
)
CREDIT_RE = re.compile(
    r"^\(?\s*(?:(?:additional|further)\s+)?(?:reporting|writing|editing|edited|compiled|research|written|"
    r"reported|produced|graphics|fact[- ]checking)\b.{0,40}?\bby\b",
    re.IGNORECASE,
)
_ROLE_RE = re.compile(r"(?P<role>[A-Za-z -]+?)\s+by\s+(?P<names>.+)", re.IGNORECASE)
_NAME_SPLIT_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")
_IN_PLACE_RE = re.compile(r"\s+(?:in|from|at)\s+[A-Z].*$")
BYLINE_RE = re.compile(
    r"^\s*By\s+(?P<names>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}(?:\s*(?:,|and)\s*[A-Z][\w.'’ -]+)*)\s*$"
)


@dataclass
class CreditInfo:
    byline: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def agencies() -> dict[str, str]:
    """Spelling (lower case) -> canonical agency name, from data/agencies.tsv."""
    table: dict[str, str] = {}
    for line in (DATA / "agencies.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, spellings = line.split("\t", 1)
        for spelling in spellings.split("|"):
            table[spelling.strip().lower()] = canonical
    return table


def canonical_agency(name: str) -> str:
    return agencies().get(name.strip().lower(), "")


def split_title(lines: list[str]) -> tuple[str, list[str]]:
    """The first line is the title when it reads like one (short, not a finished sentence)."""
    if len(lines) < 2:
        return "", lines
    first = lines[0].strip()
    if len(first.split()) > TITLE_MAX_WORDS or first.endswith((".", "”.", '".')) or BULLET_RE.match(first):
        return "", lines
    if DATELINE_AGENCY_RE.match(first):
        return "", lines
    return first, lines[1:]


def split_key_points(lines: list[str]) -> tuple[list[str], list[str]]:
    """Bullet lines at the top of the body (under the title) are the key points."""
    points: list[str] = []
    index = 0
    while index < len(lines):
        match = BULLET_RE.match(lines[index])
        if not match:
            break
        points.append(match.group("text").strip())
        index += 1
    return points, lines[index:]


def title_place(word: str) -> str:
    """MOSCOW -> Moscow, NEW YORK -> New York, but keep mixed-case spellings as written."""
    if word.isupper():
        return " ".join(part.capitalize() if "." not in part else part for part in word.split())
    return word


def find_dateline(paragraph: str) -> tuple[list[str], str, int]:
    """(places, agency, length of the prefix) for a paragraph opening with a dateline."""
    match = DATELINE_AGENCY_RE.match(paragraph)
    if match:
        agency_text = match.group("agency").strip()
        agency = canonical_agency(agency_text)
        places_text = match.group("places")
        if agency or (_looks_like_agency(agency_text) and places_text.replace("/", "").isupper()):
            places = [title_place(p.strip()) for p in match.group("places").split("/") if p.strip()]
            return places, agency or agency_text, match.end()
    match = DATELINE_CAPS_RE.match(paragraph)
    if match and len(match.group("places")) >= 3:
        places = [title_place(p.strip()) for p in match.group("places").split("/") if p.strip()]
        return places, "", match.end()
    return [], "", 0


def _looks_like_agency(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def is_credit_line(line: str) -> bool:
    return bool(CREDIT_RE.match(line.strip()))


def parse_credits(lines: list[str]) -> CreditInfo:
    """Names from credit lines: reporters/writers to ``byline``, editors to ``editors``."""
    info = CreditInfo()
    for line in lines:
        text = line.strip().strip("()").strip()
        for segment in re.split(r";|\.\s+(?=[A-Z])|\.$", text):
            match = _ROLE_RE.match(segment.strip())
            if not match:
                continue
            target = info.editors if "edit" in match.group("role").lower() else info.byline
            for name in _split_names(match.group("names")):
                if name not in target:
                    target.append(name)
    return info


def _split_names(text: str) -> list[str]:
    names = []
    for part in _NAME_SPLIT_RE.split(text.strip().rstrip(".")):
        name = _IN_PLACE_RE.sub("", part).strip(" .;")
        if not name or canonical_agency(name) or not name[:1].isupper() or len(name.split()) > 4:
            continue
        names.append(name)
    return names


def parse_byline(line: str) -> list[str]:
    """'By Jane Doe and John Roe' -> ['Jane Doe', 'John Roe']; [] when the line is not a byline."""
    match = BYLINE_RE.match(line)
    return _split_names(match.group("names")) if match else []


_ISO_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def normalise_date(value: str) -> str:
    """ISO YYYY-MM-DD from an ISO string, an RFC 822 date or a written date; "" if none."""
    value = (value or "").strip()
    if not value:
        return ""
    match = _ISO_RE.match(value)
    if match:
        return _valid(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    try:
        parsed = parsedate_to_datetime(value)
        return parsed.date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in ("%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y%m%d"):
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return _dateparser(value) if re.search(r"\b\d{4}\b", value) else ""


def _valid(year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def _dateparser(value: str) -> str:
    """Last resort for written dates; dateparser is slow to import, so only loaded here."""
    try:
        import dateparser

        parsed = dateparser.parse(value, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    except Exception:  # noqa: BLE001 - an odd date string must not fail the article
        return ""
    return parsed.date().isoformat() if parsed else ""
