"""Evaluate direct-quote extraction on PolNeAR (../shared/eval/polnear_dev.jsonl).

As ../shared/eval/README.md says: gold direct quotes are the attributions whose content holds
quotation marks; a predicted direct quote (``direct`` true) matches a gold one when their token
overlap F1 is >= 0.5 (one-to-one, best pairs first). Precision = matched predictions / predictions,
recall = matched gold / gold. Speaker accuracy over matched pairs whose gold source is not a
pronoun: the predicted speaker's text or resolved name shares a word with the gold source.

Usage: python bench/eval_quotes.py [--data DIR] [--limit N] [--misses N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval"
QUOTE_MARKS = re.compile(r"[\"“”„«»]")
WORD = re.compile(r"\w+")
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "their", "its", "who"}
STOP = {"the", "a", "an", "of", "mr", "ms", "mrs", "dr", "and", "s"}


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    matched_pred: int = 0
    matched_gold: int = 0
    speaker_checked: int = 0
    speaker_right: int = 0


def tokens(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def token_f1(a: str, b: str) -> float:
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def is_pronoun_source(text: str) -> bool:
    return bool(tokens(text)) and all(t in PRONOUNS for t in tokens(text))


def speaker_ok(speaker: dict | None, gold_source: str) -> bool:
    if not speaker:
        return False
    gold = set(tokens(gold_source)) - STOP
    said = set(tokens(speaker.get("text", "") + " " + speaker.get("name", ""))) - STOP
    return bool(gold & said)


def match(preds: list[dict], golds: list[dict]) -> list[tuple[int, int]]:
    """One-to-one matching of predictions to gold by token F1 >= 0.5, best pairs first."""
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            f1 = token_f1(p["text"], g["content"]["text"])
            if f1 >= 0.5:
                pairs.append((f1, i, j))
    used_p, used_g, out = set(), set(), []
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def run(data: Path, limit: int, show: int) -> Counts:
    from dyadwatch.models import RawDocument
    from dyadwatch.pipeline import Pipeline

    rows = [json.loads(line) for line in (data / "polnear_dev.jsonl").open(encoding="utf-8")][: limit or None]
    pipeline = Pipeline()
    raws = [RawDocument(source_path=r["id"], id=r["id"], text=r["text"], date=r["date"], fmt="jsonl") for r in rows]
    counts, misses, false_pos, wrong = Counts(), [], [], []
    for row, result in zip(rows, pipeline.process_many(raws), strict=True):
        golds = [a for a in row["attributions"] if QUOTE_MARKS.search(a["content"]["text"])]
        if not hasattr(result, "quotes"):
            print(f"{row['id']}: {result.reason}", file=sys.stderr)
            counts.gold += len(golds)
            continue
        if result.article.text != row["text"]:
            print(f"note: {row['id']}: the cleaner changed the text; matching on words only", file=sys.stderr)
        preds = [{"text": q.text, "speaker": q.speaker and vars(q.speaker)} for q in result.quotes if q.direct]
        pairs = match(preds, golds)
        counts.predicted += len(preds)
        counts.gold += len(golds)
        counts.matched_pred += len(pairs)
        counts.matched_gold += len(pairs)
        for i, j in pairs:
            source = golds[j].get("source", {}).get("text", "")
            if not source or is_pronoun_source(source):
                continue
            counts.speaker_checked += 1
            if speaker_ok(preds[i]["speaker"], source):
                counts.speaker_right += 1
            else:
                wrong.append((source, preds[i]["speaker"], preds[i]["text"][:80]))
        hit_p, hit_g = {i for i, _ in pairs}, {j for _, j in pairs}
        misses += [g["content"]["text"][:120] for j, g in enumerate(golds) if j not in hit_g]
        false_pos += [p["text"][:120] for i, p in enumerate(preds) if i not in hit_p]
    for title, items in (("MISSED", misses), ("FALSE POSITIVE", false_pos), ("WRONG SPEAKER", wrong)):
        for item in items[:show]:
            print(f"{title}: {item!r}")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding polnear_dev.jsonl")
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles")
    parser.add_argument("--misses", type=int, default=0, help="print up to N misses of each kind")
    args = parser.parse_args()
    if not (args.data / "polnear_dev.jsonl").exists():
        sys.exit(f"{args.data / 'polnear_dev.jsonl'} not found: pass --data DIR (the shared eval folder)")
    c = run(args.data, args.limit, args.misses)
    precision = c.matched_pred / c.predicted if c.predicted else 0.0
    recall = c.matched_gold / c.gold if c.gold else 0.0
    speaker = c.speaker_right / c.speaker_checked if c.speaker_checked else 0.0
    print(f"articles gold={c.gold} predicted={c.predicted} matched={c.matched_pred}")
    print(f"precision={precision:.3f} recall={recall:.3f} speaker_accuracy={speaker:.3f} ({c.speaker_checked} checked)")


if __name__ == "__main__":
    main()
