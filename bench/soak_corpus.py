"""Synthetic news for the soak run: short, distinct, news-like JSON Lines records with planted faults.

Every document is a numbered wire item plus three sentences drawn from a fixed pool of 2,000
self-contained sentences (each names its own actors; made from templates and 25 countries), so the
events a document should yield are the sum of what its sentences yield when coded alone;
``bench_soak.py`` measures that per sentence before the run. The pool is large so that documents
are distinct stories, as in real news: with the 17 sentences used before, almost every document was a
near-copy of an earlier one and 6,000 documents formed 8 stories, which no news stream does.

Planted faults, at fixed positions so the expected counts are exact:

- every ``BAD_JSON_EVERY``-th line is broken JSON (an error record),
- every ``NO_TEXT_EVERY``-th line is an object without ``text`` (an error record),
- every ``DUPLICATE_EVERY``-th line repeats the previous good document's text (a duplicate).

All texts are synthetic.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

# (name, adjective, capital) of states the actor resolver knows; "the" is capitalised at a sentence start
COUNTRIES = (
    ("Kenya", "Kenyan", "Nairobi"), ("Ethiopia", "Ethiopian", "Addis Ababa"), ("France", "French", "Paris"),
    ("Russia", "Russian", "Moscow"), ("Ukraine", "Ukrainian", "Kyiv"), ("Japan", "Japanese", "Tokyo"),
    ("the Philippines", "Philippine", "Manila"), ("Turkey", "Turkish", "Ankara"), ("Syria", "Syrian", "Damascus"),
    ("the United States", "American", "Washington"), ("Iran", "Iranian", "Tehran"), ("India", "Indian", "New Delhi"),
    ("Pakistan", "Pakistani", "Islamabad"), ("Germany", "German", "Berlin"), ("China", "Chinese", "Beijing"),
    ("Vietnam", "Vietnamese", "Hanoi"), ("South Korea", "South Korean", "Seoul"), ("Egypt", "Egyptian", "Cairo"),
    ("Israel", "Israeli", "Jerusalem"), ("Nigeria", "Nigerian", "Abuja"), ("Canada", "Canadian", "Ottawa"),
    ("Poland", "Polish", "Warsaw"), ("Saudi Arabia", "Saudi", "Riyadh"), ("Brazil", "Brazilian", "Brasilia"),
    ("Mexico", "Mexican", "Mexico City"),
)  # fmt: skip
# self-contained sentences: {A}/{B} countries, {a}/{b} their adjectives, {ca}/{cb} capitals, {n} a number
TEMPLATES = (
    "The {a} president met the {b} prime minister in {cb} on Tuesday to discuss trade.",
    "The {a} foreign minister criticised {B} over its attacks on civilians.",
    "{A} pledged ${n} million in aid to {B} on Monday.",
    "{a} forces shelled positions near the {b} border.",
    "{A} imposed sanctions on {b} oil exporters.",
    "The {a} prime minister visited {B} last week.",
    "{A} accused {B} of violating the ceasefire.",
    "{A} expelled {n} {b} diplomats on Wednesday.",
    "The {a} foreign minister held talks with his {b} counterpart in {ca}.",
    "{A} urged {B} to return to negotiations.",
    "Police in {A} arrested {n} protesters in {ca}.",
    "{A} rejected {B}'s demand to extradite the businessman.",
    "{A} sent tanks to {B} on Friday.",
    "{A} threatened to cut oil supplies to {B}.",
    "Heavy rain is expected across {A} later this week, forecasters said.",
    "Shares in the {a} company rose {n} percent in early trading.",
)
POOL_SIZE = 2000  # distinct sentences: two documents rarely share one, so stories stay small as in real news


def _sentence(rng: random.Random) -> str:
    (name_a, adj_a, cap_a), (name_b, adj_b, cap_b) = rng.sample(COUNTRIES, 2)
    text = rng.choice(TEMPLATES).format(A=name_a, B=name_b, a=adj_a, b=adj_b, ca=cap_a, cb=cap_b, n=rng.randint(2, 90))
    return text[0].upper() + text[1:]


def build_pool(size: int = POOL_SIZE, seed: int = 15) -> tuple[str, ...]:
    """``size`` distinct sentences drawn from the templates (the same for a given seed)."""
    rng, pool = random.Random(seed), dict.fromkeys(())
    while len(pool) < size:
        pool[_sentence(rng)] = None
    return tuple(pool)


POOL = build_pool()
SENTENCES_PER_DOC = 3
BAD_JSON_EVERY = 997
NO_TEXT_EVERY = 1499
DUPLICATE_EVERY = 501
DOCS_PER_DAY = 200
FIRST_DAY = date(2023, 1, 1)


@dataclass
class Planted:
    """What the corpus holds, by kind: the exact counts the store must end with."""

    lines: int = 0
    good: int = 0  # distinct documents with text
    duplicates: int = 0
    errors: int = 0
    sentence_uses: dict[int, int] = field(default_factory=dict)  # pool index -> times used in distinct documents

    def expected_events(self, events_per_sentence: list[int]) -> int:
        return sum(events_per_sentence[i] * n for i, n in self.sentence_uses.items())


def document(number: int, rng: random.Random, planted: Planted) -> str:
    picks = rng.sample(range(len(POOL)), SENTENCES_PER_DOC)
    for index in picks:
        planted.sentence_uses[index] = planted.sentence_uses.get(index, 0) + 1
    return header(number, rng) + "\n\n" + " ".join(POOL[i] for i in picks)


def header(number: int, rng: random.Random) -> str:
    """A wire header of numbers only (no actor, no event): its own facts, so that two documents built from
    the same templates are not taken for one story told twice."""
    desk, reference = rng.randint(1, 999), rng.randint(1000, 99999)
    hour, minute = rng.randint(0, 23), rng.randint(0, 59)
    return f"Synthetic wire item {number}, desk {desk}, reference {reference}, filed at {hour:02d}:{minute:02d}."


def lines(count: int, planted: Planted, seed: int = 15) -> Iterator[str]:
    """``count`` JSON Lines records; ``planted`` tallies what they hold."""
    rng = random.Random(seed)
    previous = ""
    for number in range(1, count + 1):
        planted.lines += 1
        record: dict | None = {"id": f"soak-{number}", "date": day_of(number)}
        if number % BAD_JSON_EVERY == 0:
            planted.errors += 1
            yield f'{{"id": "soak-{number}", "text": "unterminated'
            continue
        if number % NO_TEXT_EVERY == 0:
            planted.errors += 1
            record["title"] = "no body"
        elif number % DUPLICATE_EVERY == 0 and previous:
            planted.duplicates += 1
            record["text"] = previous
        else:
            planted.good += 1
            record["text"] = previous = document(number, rng, planted)
        yield json.dumps(record)


def day_of(number: int) -> str:
    """``DOCS_PER_DAY`` documents a day from ``FIRST_DAY``: a long ingest spans months, as an archive does."""
    return (FIRST_DAY + timedelta(days=(number - 1) // DOCS_PER_DAY)).isoformat()


def write_corpus(path: Path, count: int, seed: int = 15) -> Planted:
    planted = Planted()
    with path.open("w", encoding="utf-8") as handle:
        for line in lines(count, planted, seed):
            handle.write(line + "\n")
    return planted
