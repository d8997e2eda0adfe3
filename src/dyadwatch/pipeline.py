"""The pipeline: RawDocument -> clean -> nlp -> actors -> quotes -> events -> ArticleResult.

``Pipeline`` holds the loaded resources (spaCy model, actor data, trigger lexicon) so that a
process pays for loading once; ``process_many`` streams documents through ``nlp.pipe``.
A document over the size limits, or one that fails at any stage, becomes an ``IngestError``
for that document only: the rest of the batch is always coded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from dyadwatch.actors import ActorResolver
from dyadwatch.budget import DocumentTimeout, time_budget
from dyadwatch.clean import CleaningError, clean_document
from dyadwatch.events import EventCoder
from dyadwatch.ingest.common import scrub_surrogates
from dyadwatch.limits import Limits
from dyadwatch.models import Actor, Article, ArticleResult, IngestError, RawDocument
from dyadwatch.nlp import load_nlp, parse_texts, split_text
from dyadwatch.quotes import extract_quotes

CODED_LANGUAGES = {"en"}
BUG = " (a dyadwatch bug, not your input's fault: please report it with this document)"


class Pipeline:
    """Loaded resources plus the per-document steps, in the order of DESIGN.md."""

    def __init__(
        self,
        with_events: bool = True,
        resolver: ActorResolver | None = None,
        limits: Limits | None = None,
    ) -> None:
        self.with_events = with_events
        self.limits = limits or Limits()
        self.nlp = load_nlp() if with_events else None
        self.resolver = resolver or (ActorResolver() if with_events else None)
        self.coder = EventCoder() if with_events else None
        if with_events:
            load_resources(self.resolver)

    def clean(self, raw: RawDocument, default_date: str = "") -> Article | IngestError:
        """Clean one document; a failure or a document over the limits becomes an IngestError naming it."""
        too_big = self._oversize(len(raw.text), len(raw.html))
        if too_big:
            return IngestError(path=raw.source_path, reason=too_big, stage="clean")
        try:
            with time_budget(self.limits.doc_timeout, "cleaning"):
                article = clean_document(raw, default_date=default_date)
        except (CleaningError, DocumentTimeout) as exc:
            return IngestError(path=raw.source_path, reason=str(exc), stage="clean")
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the run
            return IngestError(path=raw.source_path, reason=f"cleaning failed: {exc!r}{BUG}", stage="clean")
        too_big = self._oversize(len(article.text), 0)
        return IngestError(path=raw.source_path, reason=too_big, stage="clean") if too_big else article

    def _oversize(self, text_chars: int, html_chars: int) -> str:
        """Why a document is over the per-document cap, or "" (HTML markup may be larger than its text)."""
        cap = self.limits.max_doc_chars
        if text_chars > cap:
            return f"document too long ({text_chars:,} characters > limit {cap:,}; raise it with --max-doc-chars)"
        if html_chars > self.limits.max_doc_bytes:
            return (
                f"HTML page too large ({html_chars:,} characters > limit {self.limits.max_doc_bytes:,}; "
                "raise it with --max-doc-chars)"
            )
        return ""

    def code(self, article: Article, doc: Doc) -> ArticleResult:
        """Actors, quotes and events for one cleaned, parsed article."""
        assert self.resolver is not None and self.coder is not None
        actors = self.resolver.analyze(doc, article)
        quotes = extract_quotes(doc, article, actors)
        events = self.coder.code(doc, article, actors, quotes)
        return ArticleResult(
            article=article, events=events, quotes=quotes, actors=actors.mentions, aliases=list(actors.aliases)
        )

    def process_many(
        self,
        items: Iterable[RawDocument | IngestError],
        default_date: str = "",
        batch_size: int = 16,  # articles parsed, then coded, together; spaCy batches bounded by nlp.PARSE_BATCH_CHARS
        skip_ids: set[str] | None = None,
        dedupe: bool = True,
    ) -> Iterator[ArticleResult | IngestError]:
        """Clean, parse and code a stream of documents, yielding results in input order.

        Articles whose id is in ``skip_ids`` (already stored) or was seen earlier in this stream
        (an identical syndicated copy) are not coded again: they come back with ``duplicate=True``.
        With ``dedupe=False`` (``extract``) every input document is coded and echoed.
        Story ids are not assigned here but by the writer, in input order (``stories.assign_stories``).
        """
        seen = set(skip_ids or ())
        cleaned = (
            _printable_path(item) if isinstance(item, IngestError) else self.clean(_printable_path(item), default_date)
            for item in items
        )
        for chunk in _chunks(cleaned, batch_size):
            duplicates: dict[int, ArticleResult] = {}
            fresh: list[Article | IngestError] = []
            for position, item in enumerate(chunk):
                if dedupe and isinstance(item, Article) and item.id in seen:
                    duplicates[position] = ArticleResult(article=item, duplicate=True)
                    continue
                if isinstance(item, Article):
                    seen.add(item.id)
                fresh.append(item)
            if self.with_events:
                coded = self._code_batch(fresh)
            else:
                coded = (i if isinstance(i, IngestError) else ArticleResult(article=i) for i in fresh)
            for position in range(len(chunk)):  # one result per input, in input order
                yield duplicates.get(position) or next(coded)
            next(coded, None)  # run the batch to its end: its memory zone closes before the next one opens

    def _code_batch(self, batch: list[Article | IngestError]) -> Iterator[ArticleResult | IngestError]:
        """Parse a batch, then code its articles one at a time (each result is yielded, and its aliases
        learned by the caller, before the next article is coded), all inside one spaCy memory zone.

        The zone frees the strings and tokenizer cache entries the batch added (every new name or
        number), which otherwise stay in the vocabulary for the life of the process: about 2 MB per
        1,000 short documents in a long ingest (docs/performance.md, "Soak"). Results hold plain
        Python values only, so nothing refers to the freed parses afterwards.
        """
        assert self.nlp is not None
        with self.nlp.memory_zone():
            to_parse = [a for a in batch if isinstance(a, Article) and a.language in CODED_LANGUAGES]
            sections = [(a, split_text(a.text, self.limits.section_chars)) for a in to_parse]
            parsed = iter(parse_texts(self.nlp, [a.text[start:end] for a, cuts in sections for start, end in cuts]))
            docs = {id(a): [(start, next(parsed)) for start, _ in cuts] for a, cuts in sections}
            for item in batch:
                yield self._code_item(item, docs.get(id(item)))

    def _code_item(
        self, item: Article | IngestError, sections: list[tuple[int, Doc | Exception]] | None
    ) -> ArticleResult | IngestError:
        if isinstance(item, IngestError):
            return item
        if sections is None:
            return ArticleResult(article=item, skipped_reason=f"language '{item.language}' is not coded")
        return self._code_sections(item, sections)

    def _code_sections(
        self, article: Article, sections: list[tuple[int, Doc | Exception]]
    ) -> ArticleResult | IngestError:
        """Code an article section by section (one section for any ordinary article), offsets in its text."""
        where = article.path or article.id
        failed = next((doc for _, doc in sections if isinstance(doc, Exception)), None)
        if failed is not None:
            return IngestError(path=where, reason=f"parsing failed: {failed!r}{BUG}", stage="nlp")
        try:
            with time_budget(self.limits.doc_timeout, "coding"):
                if len(sections) == 1:
                    return self.code(article, sections[0][1])  # type: ignore[arg-type]
                parts = [shift_offsets(self.code(article, doc), start) for start, doc in sections]  # type: ignore[arg-type]
        except DocumentTimeout as exc:
            return IngestError(path=where, reason=str(exc), stage="nlp")
        except Exception as exc:  # noqa: BLE001 - report and go on
            return IngestError(path=where, reason=f"coding failed: {exc!r}{BUG}", stage="nlp")
        return ArticleResult(
            article=article,
            events=[e for p in parts for e in p.events],
            quotes=[q for p in parts for q in p.quotes],
            actors=[m for p in parts for m in p.actors],
            aliases=[a for p in parts for a in p.aliases],
        )

    def process_text(self, text: str, date: str = "") -> ArticleResult:
        """Convenience for one plain-text article (used by the Python API)."""
        raw = RawDocument(source_path="<text>", text=text, fmt="jsonl")  # the body as given
        results = list(self.process_many([raw], default_date=date))
        result = results[0]
        if isinstance(result, IngestError):
            raise ValueError(result.reason)
        return result


def load_resources(resolver: ActorResolver | None = None) -> None:
    """Load at start-up what the first article would otherwise load (about 2.5 s, once per process): the
    place gazetteer, dateparser's English data, the language detector and the resolver's office holders."""
    from dateparser.date import DateDataParser

    from dyadwatch.clean.language import detect_language
    from dyadwatch.geo.places import gazetteer

    gazetteer()
    DateDataParser(languages=["en"]).get_date_data("5 March 2024")
    detect_language("The minister met his counterpart in Paris on Tuesday.")
    if resolver is not None:
        _ = resolver.known


def shift_offsets(result: ArticleResult, offset: int) -> ArticleResult:
    """Move a section's character offsets (events, quotes, actor mentions) to the article's text."""
    seen: set[int] = set()

    def actor(found: Actor | None) -> None:
        if found is not None and id(found) not in seen and found.start >= 0:
            seen.add(id(found))
            found.start, found.end = found.start + offset, found.end + offset

    for mention in result.actors:
        actor(mention)
    for event in result.events:
        for name in ("sentence_start", "sentence_end", "trigger_start", "trigger_end"):
            if getattr(event, name) >= 0:
                setattr(event, name, getattr(event, name) + offset)
        for party in (event.actor, event.recipient, event.attributed_to):
            actor(party)
    for quote in result.quotes:
        if quote.start >= 0:
            quote.start, quote.end = quote.start + offset, quote.end + offset
        for party in (quote.speaker, quote.addressee, quote.via):
            actor(party)
    return result


def _printable_path(item: RawDocument | IngestError) -> RawDocument | IngestError:
    """A file name that is not valid UTF-8 (kept by Python as lone surrogates) would break every output."""
    if isinstance(item, RawDocument):
        item.source_path = scrub_surrogates(item.source_path)
    else:
        item.path = scrub_surrogates(item.path)
    return item


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
