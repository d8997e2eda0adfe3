"""The writer-side step: story ids for coded articles, in input order, right before they are stored.

Coding may run in any number of worker processes; story ids depend on which copy came first, so
they are assigned here, by the single process that writes the store, in the order results arrive.
The same input therefore gets the same story ids with one worker or twenty.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dyadwatch.models import ArticleResult
from dyadwatch.stories.index import StoryIndex, StoryMatch, StoryParams


def assign_stories(index: StoryIndex, results: Iterable[Any]) -> list[StoryMatch]:
    """Set ``article.story_id`` and ``signature`` on each new ``ArticleResult``; other items pass untouched.

    Call it on each batch just before ``Store.save_results`` (``ingest``), or with a fresh index on a
    stream that is never stored (``extract``). Returns the matches, in order, for reporting.
    """
    matches = []
    for result in results:
        if not isinstance(result, ArticleResult) or result.duplicate:
            continue
        article = result.article
        try:
            match, sig = index.assign(article.id, article.text, article.date)
        except Exception:  # noqa: BLE001 - a story id is never worth losing an article: it stands alone
            match, sig = StoryMatch(article.id, "new"), None
        article.story_id = match.story_id
        result.signature = sig.values() if sig is not None else []
        matches.append(match)
    return matches


def store_index(store: Any, params: StoryParams | None = None) -> StoryIndex:
    """A story index that loads the store's articles lazily, a time window at a time."""
    return StoryIndex(params, loader=store.story_signatures)
