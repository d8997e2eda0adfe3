"""Stories: syndicated, re-published and spun copies of one report, so that events count once.

``signature`` fingerprints an article, ``index`` decides which earlier article (if any) it copies,
``assign`` is the writer-side step that gives coded results their story ids in input order, and
``tables`` keeps the ``stories`` table, the events' ``group_id`` and the ``consolidated_events`` view.
See docs/stories.md.
"""

from dyadwatch.stories.assign import assign_stories, store_index
from dyadwatch.stories.index import StoryIndex, StoryMatch, StoryParams

__all__ = ["StoryIndex", "StoryMatch", "StoryParams", "assign_stories", "store_index"]
