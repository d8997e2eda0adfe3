"""Story clustering: near-identical copies share a story id; different stories do not."""

from __future__ import annotations

from dyadwatch.dedup import StoryIndex

# synthetic wire copy
STORY = (
    "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Tokyo on Thursday, "
    "the first such visit in 12 years, and the two leaders agreed to resume regular security talks. "
    "Japan also lifted export restrictions on chemicals used to make semiconductors, and South Korea said "
    "it would withdraw a complaint it had filed with the World Trade Organization. The leaders condemned "
    "North Korea's launch of a long-range missile hours before the meeting."
)
SYNDICATED = "TOKYO (Pacific Syndicate) - " + STORY.replace("on Thursday", "on Thursday (March 16)") + " Copyright."
OTHER = (
    "Russian forces shelled the southern Ukrainian city of Kherson on Friday, killing three civilians, "
    "the regional governor said, as Kyiv called on its allies to send more air defence systems."
)


def test_a_syndicated_copy_joins_the_first_story():
    index = StoryIndex()
    first, signature = index.assign("a1", STORY)
    assert first == "a1" and len(signature) == 128
    assert index.assign("a2", SYNDICATED)[0] == "a1"
    assert index.assign("a3", OTHER)[0] == "a3"


def test_the_index_rebuilds_from_stored_signatures():
    index = StoryIndex()
    _, signature = index.assign("a1", STORY)
    rebuilt = StoryIndex()
    rebuilt.load([("a1", "a1", signature)])
    assert rebuilt.assign("a2", SYNDICATED)[0] == "a1"
    assert rebuilt.assign("a1", STORY)[0] == "a1"  # an article keeps its story
