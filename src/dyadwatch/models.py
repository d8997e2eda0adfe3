"""The typed records that flow through the pipeline.

sources -> RawDocument -> (clean) Article -> (nlp + actors) Actor mentions
        -> (events, quotes) Event, Quote -> ArticleResult -> store / JSON

Every record is a plain dataclass so that it serialises with ``dataclasses.asdict``
into the JSON Lines of ``dyadwatch extract`` and into the DuckDB store.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

SCHEMA_VERSION = "0.1"


@dataclass
class RawDocument:
    """One document as read from a source, before any cleaning.

    ``text`` is plain text when the source gave text; ``html`` is set instead when
    the source gave markup (HTML page, WARC response, JSONL ``html`` field).
    """

    source_path: str  # file, URL or "<stdin>" it came from; with ":N" for a JSONL line
    text: str = ""
    html: str = ""
    id: str = ""  # id given by the source (JSONL ``id``), else empty
    url: str = ""
    title: str = ""
    date: str = ""  # ISO date given by the source metadata, else empty
    source: str = ""  # publisher / site name
    author: str = ""  # author(s) given by the source metadata (feed dc:creator, JSONL author)
    fmt: str = "txt"  # txt | html | jsonl | warc | feed


@dataclass
class IngestError:
    """A document (or a whole file) that could not be read or processed."""

    path: str  # file, or file:line for a record inside a file
    reason: str
    stage: str = "ingest"  # ingest | clean | nlp | store


@dataclass
class RemovedLine:
    """A line the cleaner dropped, and why (kept so that nothing vanishes silently)."""

    text: str
    reason: str


@dataclass
class Article:
    """A cleaned article: body text plus the metadata the cleaner found."""

    id: str  # stable: hash of the normalised body text
    text: str  # the cleaned body; all character offsets refer to this string
    url: str = ""
    path: str = ""
    source: str = ""
    title: str = ""
    key_points: list[str] = field(default_factory=list)
    dateline: list[str] = field(default_factory=list)
    agency: str = ""
    byline: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    date: str = ""  # ISO date (YYYY-MM-DD) or empty when unknown
    date_source: str = ""  # metadata | cli | "" (unknown)
    language: str = ""
    removed: list[RemovedLine] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    source_id: str = ""  # the id the input gave (JSONL ``id``), echoed back
    story_id: str = ""  # id of the first article of the same story (near-identical copies share it)


# Codes in an actor's ``country`` that name no state: international and non-governmental organisations and
# international militant groups (CAMEO's IGO, NGO, IMG).
NON_STATE_CODES = frozenset({"IGO", "NGO", "IMG"})


@dataclass
class Actor:
    """A resolved participant: a person, organisation or country with its CAMEO-style code."""

    text: str  # the words in the article
    name: str = ""  # canonical name ("Vladimir Putin", "Russia")
    country: str = ""  # ISO-3 code, or an IGO code such as NATO; empty if unknown
    sector: str = ""  # GOV, MIL, MED, ... ; empty if unknown
    code: str = ""  # CAMEO style: country + sector, e.g. RUSGOV; IGO code for IGOs
    title: str = ""  # role words as written ("Foreign Minister")
    start: int = -1  # character offsets of ``text`` in Article.text
    end: int = -1
    kind: str = ""  # person | org | country | group
    country_source: str = ""  # "": found in the text or the lists; "story": the story's country, a last resort

    @property
    def named(self) -> bool:
        """Named ("Angela Corey", "Nabisco", "Evangelicals": a capitalised word in the name), not described
        ("the state attorney", "voters")."""
        return any(w[:1].isupper() for w in self.name.split())


@dataclass
class Alias:
    """A name learned with its role in one article, remembered across articles in the store.

    "Russian Foreign Minister Sergei Lavrov" teaches alias "Lavrov" -> Sergei Lavrov, RUS GOV;
    a later article that only says "Lavrov" resolves through it (most recent date wins).
    """

    alias: str
    name: str
    country: str = ""
    sector: str = ""
    title: str = ""
    date: str = ""  # date of the article it was learned from
    article_id: str = ""


@dataclass
class Location:
    name: str = ""
    country: str = ""
    lat: float | None = None
    lon: float | None = None
    source: str = ""  # sentence | metonym | dateline


@dataclass
class Event:
    """Who did what to whom, with its codes, modality and the evidence sentence."""

    event_type: str  # PLOVER type, e.g. CONSULT
    cameo_code: str  # string of 2-4 digits, e.g. "042"
    quad_class: int  # 1-4 as GDELT derives it from the CAMEO root
    goldstein: float
    actor: Actor | None
    recipient: Actor | None
    sentence: str
    trigger: str
    mode: str = ""  # PLOVER mode / our modality: "", future, intention, conditional, ...
    negated: bool = False
    hypothetical: bool = False
    denied: bool = False
    attributed_to: Actor | None = None
    date: str = ""
    date_granularity: str = ""  # day | week | month | year | ""
    date_resolved: bool = False  # True: from the sentence; False: defaulted to article date
    location: Location | None = None
    sentence_start: int = -1
    sentence_end: int = -1
    trigger_start: int = -1
    trigger_end: int = -1
    article_id: str = ""

    @property
    def asserted(self) -> bool:
        return not (self.negated or self.hypothetical or self.denied)


@dataclass
class Quote:
    """Who said what (to whom): a direct or indirect quotation with its attribution."""

    text: str
    direct: bool
    cue: str = ""
    kind: str = ""  # direct (quoted words) | mixed (a clause with quoted words in it) | indirect
    speaker: Actor | None = None
    addressee: Actor | None = None
    via: Actor | None = None  # relaying outlet ("Tass quoted Wang as saying")
    setting: str = ""  # "news briefing", ...
    start: int = -1
    end: int = -1
    sentence: str = ""
    article_id: str = ""


@dataclass
class ArticleResult:
    """Everything the pipeline produced for one article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    aliases: list[Alias] = field(default_factory=list)  # names learned here, for the alias memory
    skipped_reason: str = ""  # why no coding happened (e.g. non-English)
    duplicate: bool = False  # same body text as an article already stored or seen in this run
    signature: list[int] = field(default_factory=list)  # MinHash values for story clustering (not output)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object that ``dyadwatch extract`` prints for this article."""
        out = plain_dict(self.article)
        # ``id`` echoes the input's own id (JSONL ``id``) so records join back to their source;
        # ``article_id`` is always the content hash that events, quotes and the store use.
        out["article_id"] = self.article.id
        out["id"] = self.article.source_id or self.article.id
        out["schema_version"] = SCHEMA_VERSION
        out["events"] = [_event_dict(e) for e in self.events]
        out["quotes"] = [plain_dict(q) for q in self.quotes]
        out["actors"] = [plain_dict(a) for a in self.actors]
        out["skipped_reason"] = self.skipped_reason
        return out


def _event_dict(event: Event) -> dict[str, Any]:
    data = plain_dict(event)
    data["asserted"] = event.asserted
    return data


_ATOMS = (str, int, float, bool, type(None))
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def plain_dict(record: Any) -> dict[str, Any]:
    """``dataclasses.asdict(record)``, the same dict, about five times faster: ``asdict`` deep-copies every
    value through a generic recursion, which cost ``extract`` about 1 % of its time (docs/performance.md,
    "Seventh pass"). Strings and numbers are kept as they are (immutable); anything unusual is deep-copied."""
    names = _FIELD_NAMES.get(type(record))
    if names is None:
        names = _FIELD_NAMES[type(record)] = tuple(f.name for f in fields(record))
    return {name: _plain(getattr(record, name)) for name in names}


def _plain(value: Any) -> Any:
    if type(value) in _ATOMS:
        return value
    if type(value) is list:
        return [_plain(v) for v in value]
    if type(value) is tuple:
        return tuple(_plain(v) for v in value)
    if type(value) is dict:
        return {_plain(k): _plain(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return plain_dict(value)
    return copy.deepcopy(value)
