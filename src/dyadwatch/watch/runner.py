"""Rounds: poll each due source, ingest the articles it points at that are new, raise alerts.

A round opens the store, works through the sources one after another and closes the store, so
that read-only tools (``summary``, ``serve``) can open it between rounds. Each article is saved in
its own transaction and recorded as seen right after, so a stop (SIGINT/SIGTERM sets ``stop``;
the current article is finished first) or a crash loses at most the article in hand, which the
next round fetches again (deduplication then makes a re-seen article free). A source's ETag and
Last-Modified are saved only once all of its new articles were handled; until then the next
round asks for the whole feed again. An exception in one source is recorded as that source's
failure and the round goes on with the next.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import httpx

from dyadwatch import __version__
from dyadwatch.ingest.common import Payload, decode_payload
from dyadwatch.models import ArticleResult, IngestError, RawDocument
from dyadwatch.store import Store
from dyadwatch.stories import StoryIndex, assign_stories, store_index
from dyadwatch.watch import state
from dyadwatch.watch.alerts import Alert, deliver_alerts, raise_alerts
from dyadwatch.watch.config import Source, WatchConfig
from dyadwatch.watch.fetcher import Fetcher, FetchError, Response
from dyadwatch.watch.links import Item, LinkError, feed_items, sitemap_items

STORE_WAIT_S = 30.0  # as ingest: how long a round waits for readers (serve, summary) to let go of the store
log = logging.getLogger("dyadwatch.watch")
NOTHING_LEFT, RETRY_LATER, MORE_NOW = "", "retry", "more"  # what a source's round left undone


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass
class RoundCounts:
    """What one round did; logged after each round."""

    checked: int = 0
    not_modified: int = 0
    waiting: int = 0  # not due yet, or backing off after failures
    failed: int = 0
    new_items: int = 0
    page_errors: int = 0
    stored: int = 0
    duplicates: int = 0
    events: int = 0
    errors: int = 0
    alerts: int = 0
    alert_list: list[Alert] = field(default_factory=list)

    def line(self) -> str:
        return ", ".join(f"{f.name.replace('_', ' ')} {getattr(self, f.name)}" for f in fields(self)[:-1])


@dataclass
class _RoundContext:
    store: Store
    run_id: str
    known: set[str]
    counts: RoundCounts
    touched: set[tuple[str, str]] = field(default_factory=set)
    stories: StoryIndex | None = None  # the round's story index over this store (loaded lazily)


class Watcher:
    """Polls the sources of one config into one store.

    The pipeline (spaCy and the actor data: seconds to load) is built when a round first has an
    article to code, so rounds in which every source answers 304 stay cheap (cron).
    """

    def __init__(
        self,
        config: WatchConfig,
        db: Path,
        pipeline=None,
        transport: httpx.BaseTransport | None = None,
        now: Callable[[], datetime] = utcnow,
        stop: threading.Event | None = None,
    ) -> None:
        self.config = config
        self.db = Path(db)
        self.stop = stop or threading.Event()
        self.now = now
        self.fetcher = Fetcher(config.settings, transport=transport, stop=self.stop)
        self._pipeline = pipeline

    def close(self) -> None:
        self.fetcher.close()

    def run_round(self) -> RoundCounts:
        """One pass over the sources; returns the counts (alerts included)."""
        counts = RoundCounts()
        with Store(self.db, wait=STORE_WAIT_S) as store:  # a `serve` beside it holds the file per request only
            state.create_tables(store.con)
            ctx = _RoundContext(store, store.start_run([f"watch {self.config.path}"], __version__),
                                store.known_article_ids(), counts, stories=store_index(store))  # fmt: skip
            for source in self.config.sources:
                if self.stop.is_set():
                    break
                self._poll_safely(ctx, source)
            store.finish_run(ctx.run_id, counts.stored, 0, counts.events, 0, counts.errors + counts.page_errors)
            if ctx.touched:
                counts.alert_list = raise_alerts(store.con, ctx.touched, self.config.settings, self.now())
        counts.alerts = len(counts.alert_list)
        if counts.alert_list:
            deliver_alerts(counts.alert_list, self.config.settings, self._report_delivery_failure)
        return counts

    def _pipeline_for(self, store: Store):
        """The coding pipeline, loaded once per process with the store's alias memory."""
        if self._pipeline is None:
            from dyadwatch.actors import ActorResolver
            from dyadwatch.pipeline import Pipeline

            self._pipeline = Pipeline(resolver=ActorResolver(aliases=store.aliases()))
        return self._pipeline

    def _report_delivery_failure(self, target: str, reason: str) -> None:
        log.warning("alert delivery to %s failed: %s", target, reason)
        try:
            with Store(self.db) as store:
                state.log_failure(store.con, self.now(), "alerts", target, reason)
        except Exception as exc:  # noqa: BLE001 - a delivery log must not stop the watcher
            log.warning("cannot record the delivery failure: %s", exc)

    def _poll_safely(self, ctx: _RoundContext, source: Source) -> None:
        try:
            self._poll(ctx, source)
        except (duckdb.Error, MemoryError):
            raise  # the store itself is broken: nothing else can be saved either
        except Exception as exc:  # noqa: BLE001 - one source's bug must not stop the others
            log.exception("source %s: unexpected failure", source.name)
            self._source_failed(ctx, source, f"unexpected failure: {exc!r}")

    def _poll(self, ctx: _RoundContext, source: Source) -> None:
        saved = state.source_state(ctx.store.con, source)
        now = self.now()
        if saved.next_allowed is not None and now < saved.next_allowed:
            ctx.counts.waiting += 1
            return
        ctx.counts.checked += 1
        try:
            response = self.fetcher.get(source.url, saved.etag, saved.last_modified)
            items = _items(source, response)
        except (FetchError, LinkError) as exc:
            self._source_failed(ctx, source, str(exc))
            return
        if response.status == 304:
            ctx.counts.not_modified += 1
        left = self._ingest(ctx, source, items)
        every = timedelta(seconds=self.config.every(source))
        # articles left (failed pages to retry, or held back): ask for the whole source next time
        etag, modified = (response.etag, response.last_modified) if left == NOTHING_LEFT else ("", "")
        next_allowed = now if left == MORE_NOW else now + every
        state.record_check(ctx.store.con, source, now, response.status, etag, modified, next_allowed)
        log.info("source %s: HTTP %s, %d links", source.name, response.status, len(items))

    def _source_failed(self, ctx: _RoundContext, source: Source, reason: str) -> None:
        saved = state.source_state(ctx.store.con, source)
        failures = saved.failures + 1
        settings = self.config.settings
        wait = state.backoff_seconds(failures, self.config.every(source), settings.backoff_base, settings.backoff_max)
        state.record_source_failure(ctx.store.con, source, self.now(), reason, failures, wait)
        ctx.store.record_error(IngestError(path=source.url, reason=f"{source.name}: {reason}", stage="watch"),
                               ctx.run_id)  # fmt: skip
        ctx.counts.failed += 1
        log.warning("source %s failed (%d in a row, next try in %.0f s): %s", source.name, failures, wait, reason)

    def _ingest(self, ctx: _RoundContext, source: Source, items: list[Item]) -> str:
        """Fetch and code the new items; say what is left: nothing, pages to retry, or more to do now."""
        unique: dict[str, Item] = {}
        for item in items:  # a link listed twice is fetched once (its first entry)
            unique.setdefault(item.key, item)
        items = list(unique.values())
        if source.kind != "page":  # a page is re-read whenever it changed; dedup catches unchanged text
            todo_keys = state.pending(ctx.store.con, [i.key for i in items])
            items = [i for i in items if i.key in todo_keys]
        cap = self.config.settings.max_new_per_source
        todo, capped = items[:cap], len(items) > cap
        ctx.counts.new_items += len(todo)
        documents = list(self._documents(ctx, source, todo))
        finished = self._code_and_store(ctx, source, documents) if documents else True
        if capped or not finished or self.stop.is_set():
            return MORE_NOW
        retry = state.pending(ctx.store.con, [i.key for i in todo])  # failed, with attempts left
        return RETRY_LATER if retry else NOTHING_LEFT

    def _documents(self, ctx: _RoundContext, source: Source, items: list[Item]) -> Iterator[tuple[Item, RawDocument]]:
        for item in items:
            if self.stop.is_set():
                return
            if item.html:  # a feed entry without a link, or a watched page itself
                yield item, self._raw(source, item, item.html, "html" if source.kind == "page" else "feed")
                continue
            try:
                html = _page_html(self.fetcher.get(item.key))
            except FetchError as exc:
                ctx.counts.page_errors += 1
                state.record_item(ctx.store.con, item.key, source.name, self.now(), error=str(exc))
                state.log_failure(ctx.store.con, self.now(), source.name, item.key, str(exc))
                log.warning("source %s: %s: %s", source.name, item.key, exc)
                continue
            yield item, self._raw(source, item, html, "html")

    @staticmethod
    def _raw(source: Source, item: Item, html: str, fmt: str) -> RawDocument:
        url = "" if "#" in item.key and fmt == "feed" else item.key
        return RawDocument(source_path=item.key, html=html, url=url, title=item.title, date=item.date,
                           source=source.name, fmt=fmt)  # fmt: skip

    def _code_and_store(self, ctx: _RoundContext, source: Source, documents: list) -> bool:
        """Code the documents and save each article in its own transaction; False if stopped part-way."""
        pipeline = self._pipeline_for(ctx.store)
        results = pipeline.process_many([raw for _, raw in documents], skip_ids=ctx.known)
        for (item, _), result in zip(documents, results, strict=True):
            self._keep(ctx, pipeline, source, item, result)
            if self.stop.is_set():
                return False
        return True

    def _keep(self, ctx: _RoundContext, pipeline, source: Source, item: Item, result) -> None:
        con, now = ctx.store.con, self.now()
        if isinstance(result, IngestError):
            ctx.counts.errors += 1
            ctx.store.record_error(result, ctx.run_id)
            state.record_item(con, item.key, source.name, now, error=result.reason)
            state.log_failure(con, now, source.name, item.key, result.reason)
            return
        if result.duplicate:
            ctx.counts.duplicates += 1
        else:
            assign_stories(ctx.stories, [result])  # story ids by this writer, in order (docs/stories.md)
            ctx.store.save_results([result], ctx.run_id, aliases=result.aliases)
            ctx.known.add(result.article.id)
            ctx.counts.stored += 1
            ctx.counts.events += len(result.events)
            ctx.touched |= touched_dyads(result)
            remember = getattr(pipeline.resolver, "remember", None)
            if remember is not None and result.aliases:
                remember(result.aliases)
        state.record_item(con, item.key, source.name, now, article_id=result.article.id)


def touched_dyads(result: ArticleResult) -> set[tuple[str, str]]:
    """Country pairs (actor, recipient) of the article's asserted events between two different countries."""
    return {
        (e.actor.country, e.recipient.country)
        for e in result.events
        if e.asserted and e.actor and e.recipient and e.actor.country and e.recipient.country
        and e.actor.country != e.recipient.country
    }


def _items(source: Source, response: Response) -> list[Item]:
    if response.status == 304:
        return []
    if source.kind == "feed":
        return feed_items(response.data, response.url)
    if source.kind == "sitemap":
        return sitemap_items(response.data, response.url)
    return [Item(key=source.url, html=_page_html(response))]


def _page_html(response: Response) -> str:
    html = decode_payload(Payload(where=response.url, name="page.html", data=response.data), "HTML")
    if isinstance(html, IngestError):
        raise FetchError(html.reason)
    return html
