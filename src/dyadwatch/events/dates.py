"""Event dates: the temporal expression attached to an event trigger, resolved against the article date.

News rarely gives full dates: "on Wednesday", "last week", "a year ago", "in February 2022". An event's
date is the expression that hangs off its own predicate (or the light verb / control verb / conjoined verb
it climbs to), never one from a subordinate or reported clause: in "When Xi met Putin before Russia sent
troops into Ukraine in February 2022" the month belongs to *sent*, not to *met* or to the main clause.

Resolution is rule-based for the common forms (weekdays, fixed relative phrases from
``data/dates_relative.tsv``, "N units ago", month/year patterns) and falls back to dateparser, with a
cached parser per article date, only for expressions that look absolute (a digit or a month name).

Results are ISO strings at the granularity found: ``YYYY-MM-DD`` (day; for a week, the Monday of that
ISO week), ``YYYY-MM`` (month) or ``YYYY`` (year).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from dyadwatch.events.wordsets import words
from dyadwatch.nlp import span_ents

DATA_DIR = Path(__file__).parent / "data"

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 0, "few": 0,
}  # fmt: skip

# Prepositions that place an event in time; others give durations or bounds ("for", "since", "until", "by").
TIME_PREPS = {"on", "in", "at", "during", "of", "earlier", "later"}
# Verbs that carry a nominal trigger's tense and time: "held talks on Monday", "the meeting took place".
LIGHT_VERBS = {
    "hold", "have", "make", "pay", "launch", "carry", "conduct", "stage", "take", "give", "begin", "start",
    "continue", "resume", "mount", "wage", "sign", "reach", "issue", "lodge", "voice", "express", "happen",
    "occur", "end", "be", "come", "go", "get", "seal", "strike", "deliver", "provide", "send", "impose",
}  # fmt: skip
# Heads that mark an infinitive complement as planned / intended (future).
FUTURE_HEADS = {
    "plan", "expect", "intend", "hope", "want", "aim", "schedule", "set", "due", "prepare", "seek",
    "vow", "pledge", "promise", "going", "propose", "decide", "agree",
}  # fmt: skip
FUTURE_AUX = words("FUTURE_OR_WOULD_AUX")
# Untagged single words that can open a temporal expression when NER misses it.
TIME_WORDS = set(WEEKDAYS) | {"yesterday", "today", "tonight", "tomorrow"}
PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
QUALIFIERS = re.compile(
    r"^(?:earlier|later|early|mid|late|the end of|the beginning of|the start of|the middle of)[\s-]+(?:(?:on|in)\s+)?"
)

_WEEKDAY_RE = re.compile(rf"^(?:(last|this|next|past|coming|previous)\s+)?({'|'.join(WEEKDAYS)}){PART_OF_DAY}$")
_AGO_RE = re.compile(r"^(\w+|\d+)\s+(day|week|month|year)s?\s+ago$")
_MONTH_NAME = rf"({'|'.join(MONTHS)}|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_MONTH_YEAR_RE = re.compile(rf"^{_MONTH_NAME},?\s+(\d{{4}})$")
_MONTH_RE = re.compile(rf"^(?:(last|this|next|past|coming)\s+)?{_MONTH_NAME}$")
_YEAR_RE = re.compile(r"^(\d{4})$")
_MDY_RE = re.compile(rf"^{_MONTH_NAME}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?$")
_DMY_RE = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAME},?(?:\s+(\d{{4}}))?$")


@dataclass(frozen=True)
class RelativeRule:
    """One fixed relative expression from ``dates_relative.tsv``."""

    unit: str
    offset: int
    granularity: str


@lru_cache(maxsize=1)
def relative_table() -> dict[str, RelativeRule]:
    """Load the fixed relative expressions once."""
    path = DATA_DIR / "dates_relative.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {r["expression"]: RelativeRule(r["unit"], int(r["offset"]), r["granularity"]) for r in rows}


def resolve_event_date(sent: Span, trigger: Token, article_date: str) -> tuple[str, str, bool]:
    """(ISO date or partial 'YYYY-MM' / 'YYYY', granularity, resolved_from_text) for the trigger's event.

    Falls back to (article_date, 'day' if article_date else '', False) when no attached expression resolves.
    """
    base = parse_iso(article_date)
    found = _own_date(sent, trigger, base) or _anchored_date(sent, trigger, base)
    if found is not None:
        return found[0], found[1], True
    return article_date, ("day" if article_date else ""), False


# Subordinate clauses that place an event in time next to another one: "When Xi met Putin before
# Russia sent troops into Ukraine in February 2022, they sealed ..." dates the meeting and the
# sealing to that February too (at month granularity or coarser, as the anchor gives it).
ANCHOR_MARKS = {"when", "before", "after", "as", "while", "once", "until"}


def _own_date(sent: Span, trigger: Token, base: date | None) -> tuple[str, str] | None:
    future = is_future(trigger)
    for span in attached_time_spans(sent, trigger):
        found = resolve_expression(span.text, base, future)
        if found is not None:
            return found
    return None


def _anchored_date(sent: Span, trigger: Token, base: date | None, depth: int = 0) -> tuple[str, str] | None:
    """A date borrowed from a temporal clause attached to the trigger's verb (one or two levels down)."""
    if depth > 1:
        return None
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    for clause in verb.children:
        if clause.dep_ != "advcl" or not any(
            c.dep_ in ("mark", "advmod") and c.lower_ in ANCHOR_MARKS for c in clause.children
        ):
            continue
        found = _own_date(sent, clause, base) or _anchored_date(sent, clause, base, depth + 1)
        if found is not None:
            date_, granularity = found
            return (date_[:7], "month") if granularity in ("day", "week") else (date_, granularity)
    return None


def parse_iso(value: str) -> date | None:
    """The article date as a date, or None when missing or malformed."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


# --------------------------------------------------------------------------- attachment


def clause_heads(trigger: Token) -> list[Token]:
    """The trigger, then the heads it hands its date to (control verb, conjoined verb, light verb)."""
    heads = [trigger]
    tok = trigger
    while len(heads) < 6:
        nxt = _climb(tok)
        if nxt is None:
            break
        heads.append(nxt)
        tok = nxt
    return heads


def _climb(tok: Token) -> Token | None:
    """The head that shares this token's time, or None at a clause boundary."""
    dep, head = tok.dep_, tok.head
    if head is tok:
        return None
    if dep in {"xcomp", "acomp"} or (dep == "conj" and tok.pos_ == head.pos_ and _same_frame(tok, head)):
        return head
    if dep in {"dobj", "attr", "oprd", "nsubj", "nsubjpass"} and _light_noun(tok):
        return head
    if dep == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" and _light_noun_via(tok, head.head):
        return head.head
    return None


def _same_frame(conj: Token, head: Token) -> bool:
    """A conjoined verb shares its head's time unless it has its own subject or tense ("backed X in 2012
    and has supported Y")."""
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in conj.children):
        return False
    aux = {c.lower_ for c in conj.children if c.dep_ in {"aux", "auxpass"}}
    return not aux or aux == {c.lower_ for c in head.children if c.dep_ in {"aux", "auxpass"}}


def _light_noun_via(tok: Token, verb: Token) -> bool:
    """ "took part in talks": a nominal trigger under a light verb through a preposition."""
    return tok.pos_ in {"NOUN", "PROPN"} and verb.lemma_.lower() in LIGHT_VERBS


def _light_noun(tok: Token) -> bool:
    """A nominal trigger whose head is a light verb that carries its time ("held talks")."""
    return tok.pos_ in {"NOUN", "PROPN"} and tok.head.lemma_.lower() in LIGHT_VERBS


def temporal_spans(sent: Span) -> list[Span]:
    """DATE/TIME entities of the sentence, plus weekday and deictic words the tagger left untagged."""
    spans = [ent for ent in span_ents(sent) if ent.label_ in {"DATE", "TIME"}]
    covered = {tok.i for span in spans for tok in span}
    for tok in sent:
        if tok.i in covered or tok.lower_ not in TIME_WORDS:
            continue
        mods = [c for c in tok.lefts if c.dep_ in {"amod", "det"} and c.lower_ in {"last", "this", "next", "past"}]
        start = mods[0].i if mods else tok.i
        spans.append(sent.doc[start : tok.i + 1])
    return spans


def attachment_host(span: Span) -> Token | None:
    """The word a temporal expression modifies, or None when it is a duration or bound ("for", "since")."""
    root = span.root
    if root.dep_ == "pobj":
        prep = root.head
        if prep.lower_ not in TIME_PREPS:
            return None
        return prep.head
    if root.dep_ in {"npadvmod", "tmod", "advmod", "obl", "nmod", "poss", "compound", "nummod", "amod"}:
        return root.head
    return None


def attached_time_spans(sent: Span, trigger: Token) -> list[Span]:
    """Temporal expressions attached to the trigger's own clause, nearest head first."""
    heads = clause_heads(trigger)
    ranked: list[tuple[int, int, Span]] = []
    for span in temporal_spans(sent):
        host = attachment_host(span)
        if host is None or crosses_sentence_end(trigger, span):
            continue
        rank = _host_rank(host, heads, span)
        if rank is not None:
            ranked.append((rank, abs(span.root.i - trigger.i), span))
    return [span for _, _, span in sorted(ranked, key=lambda item: (item[0], item[1]))]


def crosses_sentence_end(trigger: Token, span: Span) -> bool:
    """A "?" or "." between the trigger and the span: the parser joined two sentences it should have split."""
    lo, hi = sorted((trigger.i, span.start))
    return any(tok.tag_ == "." and tok.text in {".", "?", "!"} for tok in trigger.doc[lo + 1 : hi])


def _host_rank(host: Token, heads: list[Token], span: Span) -> int | None:
    """Position of the host among the clause heads; a head's object also counts (parser PP attachment)."""
    if host in heads:
        return heads.index(host) * 2
    if span.root.dep_ in {"poss", "compound", "nummod", "amod"}:
        return None  # "the 2022 invasion" only dates "invasion" itself
    if host.like_num or host.ent_type_ in _AMOUNT_ENTS:
        return None
    owner = object_owner(host)
    if owner is not None and owner in heads:
        return heads.index(owner) * 2 + 1
    return None


def object_owner(host: Token) -> Token | None:
    """The predicate whose object (or place phrase) a modifier was attached to by the parser.

    "met Wang in Moscow on Wednesday" often hangs "on Wednesday" off "Moscow" or "Wang"; it still dates
    (and places) "met". Only direct objects and the objects of in/at/to/into qualify, so that
    "weapons for the war in Ukraine" does not place "providing" in Ukraine.
    """
    if host.dep_ in {"dobj", "attr"}:
        return host.head
    if host.dep_ == "pobj" and host.head.lower_ in OBJECT_PREPS:
        return host.head.head
    return None


_AMOUNT_ENTS = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}
OBJECT_PREPS = {"in", "at", "to", "into"}


def is_future(trigger: Token) -> bool:
    """Does the trigger's clause speak of a coming event ("will visit", "plans to visit", "Xi to visit")?"""
    for tok in clause_heads(trigger)[:3]:
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tok.children):
            return True
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in FUTURE_HEADS:
            return True
        has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if has_to and (tok.dep_ == "ROOT" or tok.head.pos_ in {"NOUN", "PROPN"}):
            return True  # headline style: "Xi to visit Russia"
    return False


# --------------------------------------------------------------------------- resolution


def normalise(text: str) -> str:
    """Lower case, single spaces, no leading preposition or trailing possessive/punctuation."""
    text = re.sub(r"\s+", " ", text.lower().replace("’", "'")).strip(" ,.;:")
    text = re.sub(r"'s$", "", text)
    text = re.sub(r"^(?:on|in|at|during|of)\s+", "", text)
    return text


def resolve_expression(text: str, base: date | None, future: bool = False) -> tuple[str, str] | None:
    """Resolve one temporal expression to (ISO value, granularity), or None if it gives no point in time."""
    norm = normalise(text)
    forms = dict.fromkeys([norm, QUALIFIERS.sub("", norm)])  # "late last year" and "last year"
    for form in forms:
        for resolver in (_resolve_relative, _resolve_weekday, _resolve_ago, _resolve_absolute):
            found = resolver(form, base, future)
            if found is not None:
                return found
    return _resolve_with_dateparser(norm, base, future)


def _resolve_relative(norm: str, base: date | None, future: bool) -> tuple[str, str] | None:
    rule = relative_table().get(norm) or relative_table().get(norm.removeprefix("the "))
    if rule is None or base is None:
        return None
    return _shift(base, rule.unit, rule.offset)


def _resolve_weekday(norm: str, base: date | None, future: bool) -> tuple[str, str] | None:
    match = _WEEKDAY_RE.match(norm)
    if match is None or base is None:
        return None
    modifier, name = match.group(1), match.group(2)
    target = WEEKDAYS.index(name)
    if modifier in {"next", "coming"} or (future and modifier not in {"last", "past", "previous"}):
        delta = (target - base.weekday()) % 7
        if modifier in {"next", "coming"} and delta == 0:
            delta = 7
        return (base + timedelta(days=delta)).isoformat(), "day"
    delta = (base.weekday() - target) % 7
    if modifier in {"last", "past", "previous"} and delta == 0:
        delta = 7
    return (base - timedelta(days=delta)).isoformat(), "day"


def _resolve_ago(norm: str, base: date | None, future: bool) -> tuple[str, str] | None:
    match = _AGO_RE.match(norm)
    if match is None or base is None:
        return None
    word, unit = match.groups()
    amount = int(word) if word.isdigit() else NUMBER_WORDS.get(word, 0)
    if amount <= 0:
        return None
    return _shift(base, unit, -amount)


def _resolve_absolute(norm: str, base: date | None, future: bool) -> tuple[str, str] | None:
    if match := _YEAR_RE.match(norm):
        year = int(match.group(1))
        return (str(year), "year") if 1800 <= year <= 2100 else None
    if match := _MONTH_YEAR_RE.match(norm):
        return f"{int(match.group(2)):04d}-{_month(match.group(1)):02d}", "month"
    if match := _MDY_RE.match(norm):
        return _day(_month(match.group(1)), int(match.group(2)), match.group(3), base, future)
    if match := _DMY_RE.match(norm):
        return _day(_month(match.group(2)), int(match.group(1)), match.group(3), base, future)
    if match := _MONTH_RE.match(norm):
        return _bare_month(_month(match.group(2)), match.group(1), base, future)
    return None


def _month(name: str) -> int:
    return MONTH_ABBR[name[:3]]


def _day(month: int, day: int, year: str | None, base: date | None, future: bool) -> tuple[str, str] | None:
    """A day of a month; without a year, the nearest one in the past (or future for future events)."""
    if year is not None:
        return _safe_date(int(year), month, day)
    if base is None:
        return None
    found = _safe_date(base.year, month, day)
    if found is None:
        return None
    value = date.fromisoformat(found[0])
    if not future and value > base:
        return _safe_date(base.year - 1, month, day)
    if future and value < base:
        return _safe_date(base.year + 1, month, day)
    return found


def _bare_month(month: int, modifier: str | None, base: date | None, future: bool) -> tuple[str, str] | None:
    """ "in February": this year's February if it is not yet to come (past events), else last year's."""
    if base is None:
        return None
    year = base.year
    if modifier in {"next", "coming"} or (future and modifier not in {"last", "past"}):
        if month < base.month or (modifier in {"next", "coming"} and month == base.month):
            year += 1
    elif month > base.month or (modifier in {"last", "past"} and month == base.month):
        year -= 1
    return f"{year:04d}-{month:02d}", "month"


def _safe_date(year: int, month: int, day: int) -> tuple[str, str] | None:
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None


def _shift(base: date, unit: str, offset: int) -> tuple[str, str]:
    """Move the base date by whole units and render at that unit's granularity."""
    if unit == "day":
        return (base + timedelta(days=offset)).isoformat(), "day"
    if unit == "week":
        monday = base - timedelta(days=base.weekday()) + timedelta(weeks=offset)
        return monday.isoformat(), "week"
    if unit == "month":
        index = base.year * 12 + base.month - 1 + offset
        return f"{index // 12:04d}-{index % 12 + 1:02d}", "month"
    return f"{base.year + offset:04d}", "year"


_DATEPARSER_GRAIN = {"day": "day", "week": "week", "month": "month", "year": "year", "time": "day"}
_LOOKS_ABSOLUTE = re.compile(rf"\d|\b(?:{'|'.join(MONTHS)})\b")


def _resolve_with_dateparser(norm: str, base: date | None, future: bool) -> tuple[str, str] | None:
    """Last resort for absolute-looking expressions the patterns above do not cover."""
    if not _LOOKS_ABSOLUTE.search(norm) or re.fullmatch(r"[\d,.\s]+", norm) or norm.endswith("s"):
        return None  # "three", "the 1990s", "two years": not a point in time
    data = _date_parser(base, future).get_date_data(norm)
    if data is None or data.date_obj is None:
        return None
    value, grain = data.date_obj.date(), _DATEPARSER_GRAIN.get(data.period or "day", "day")
    if grain == "year":
        return f"{value.year:04d}", "year"
    if grain == "month":
        return f"{value.year:04d}-{value.month:02d}", "month"
    return value.isoformat(), grain


@lru_cache(maxsize=64)
def _date_parser(base: date | None, future: bool):  # noqa: ANN202 - dateparser has no public type
    """One English DateDataParser per (article date, direction); building settings is the slow part."""
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "future" if future else "past", "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)
