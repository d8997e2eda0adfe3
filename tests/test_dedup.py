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


def test_story_ids_are_those_a_full_minhash_lsh_query_gives():
    """Reference: datasketch's MinHashLSH with every article in it; story = smallest story id among candidates."""
    import random

    from datasketch import MinHashLSH

    from dyadwatch.dedup import DEFAULT_THRESHOLD, NUM_PERM, signature

    rng = random.Random(7)
    sentences = [STORY, OTHER, *(f"Officials in city {n} reported talks on trade and security." for n in range(8))]
    texts = []
    for n in range(150):
        text = " ".join(rng.sample(sentences, 3)) + f" Item {n}."
        texts.append(text)
        if n % 3 == 0:  # a near copy with one word changed
            words = text.split()
            words[rng.randrange(len(words))] = "changed"
            texts.append(" ".join(words))
    lsh, reference, index = MinHashLSH(threshold=DEFAULT_THRESHOLD, num_perm=NUM_PERM), {}, StoryIndex()
    joined = 0
    for n, text in enumerate(texts):
        article_id, minhash = f"a{n:04d}", signature(text)
        candidates = sorted(reference[m] for m in lsh.query(minhash))
        reference[article_id] = candidates[0] if candidates else article_id
        lsh.insert(article_id, minhash)
        assert index.assign(article_id, text)[0] == reference[article_id], n
        joined += reference[article_id] != article_id
    assert joined > 20  # the comparison covered articles joining earlier stories, not only new ones
