"""Synthetic news for the soak run: short, distinct, news-like JSON Lines records with planted faults.

Every document is a numbered wire item plus three sentences drawn from a fixed pool of
self-contained sentences (each names its own actors), so the events a document should yield are
the sum of what its sentences yield when coded alone; ``bench_soak.py`` measures that per sentence
before the run. Planted faults, at fixed positions so the expected counts are exact:

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
from pathlib import Path

POOL = (
    "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Tuesday to discuss trade.",
    "French President Emmanuel Macron criticised Russia over its attacks on Ukrainian cities.",
    "Japan pledged $2 billion in aid to the Philippines on Monday.",
    "Turkish forces shelled Kurdish positions near the Syrian border.",
    "The United States imposed sanctions on Iranian oil exporters.",
    "Indian Prime Minister Narendra Modi visited Japan last week.",
    "Pakistan accused India of violating the ceasefire in Kashmir.",
    "Germany expelled two Russian diplomats on Wednesday.",
    "Chinese Foreign Minister Wang Yi held talks with his Vietnamese counterpart in Hanoi.",
    "South Korea urged North Korea to return to negotiations.",
    "Egypt mediated talks between Israel and Hamas in Cairo.",
    "Police in Nigeria arrested 30 protesters in Lagos.",
    "Canada rejected China's demand to extradite the businessman.",
    "Poland sent tanks to Ukraine on Friday.",
    "Saudi Arabia threatened to cut oil supplies to Europe.",
    "Heavy rain is expected across the region later this week, forecasters said.",
    "Shares in the company rose three percent in early trading.",
)
SENTENCES_PER_DOC = 3
BAD_JSON_EVERY = 997
NO_TEXT_EVERY = 1499
DUPLICATE_EVERY = 501


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
    return f"Synthetic wire item {number}.\n\n" + " ".join(POOL[i] for i in picks)


def lines(count: int, planted: Planted, seed: int = 15) -> Iterator[str]:
    """``count`` JSON Lines records; ``planted`` tallies what they hold."""
    rng = random.Random(seed)
    previous = ""
    for number in range(1, count + 1):
        planted.lines += 1
        record: dict | None = {"id": f"soak-{number}", "date": "2024-05-06"}
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


def write_corpus(path: Path, count: int, seed: int = 15) -> Planted:
    planted = Planted()
    with path.open("w", encoding="utf-8") as handle:
        for line in lines(count, planted, seed):
            handle.write(line + "\n")
    return planted
