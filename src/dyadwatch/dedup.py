"""Story clustering moved to the ``dyadwatch.stories`` package (kept so that old imports still work)."""

from dyadwatch.stories import StoryIndex, StoryParams, assign_stories

__all__ = ["StoryIndex", "StoryParams", "assign_stories"]
