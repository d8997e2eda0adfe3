"""Full-row evaluation on real news: ../shared/eval/realnews_dev.jsonl (see docs/evaluation.md).

Each asserted event the pipeline finds in an annotated sentence is matched one-to-one to a gold row of the
same sentence and PLOVER type (the eval README's rule). Three levels, each a precision and a recall:

  type  the same sentence and type
  dyad  ... and the actor's and recipient's countries (an empty country matches only an empty one;
        no recipient counts as an empty country)
  row   ... and each participant's words or names overlap the gold participant's (text or name)

Gold rows marked "borderline" are neither rewarded nor punished: an event that only a borderline row of
its sentence and type could take is left out of the precision. Gold rows with "asserted": false are no
targets: an asserted event matching only those is a false positive (the modality is wrong).

Figures are given for the fixed *tune* and *check* halves (bench/splits.py, by article id) and all rows.
`--misses FILE` writes the tune half's misses only: the check half is for reporting, never for reading.

Usage: python bench/eval_realnews.py [--data DIR] [--misses FILE] [--json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from splits import HALVES, half_of  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval"
LEVELS = ("type", "dyad", "row")
STOP = set("the a an of and 's ’s his her their its mr mrs ms dr . , - — –".split())


@dataclass
class PredRow:
    """One asserted event the pipeline found, reduced to what the gold rows can be compared with."""

    type: str
    trigger: str
    actor: dict | None
    recipient: dict | None


@dataclass
class Sentence:
    article_id: str
    sent: int
    text: str
    gold: list[dict] = field(default_factory=list)  # asserted, not borderline
    borderline: list[dict] = field(default_factory=list)
    pred: list[PredRow] = field(default_factory=list)


def _words(text: str | None) -> set[str]:
    toks = re.findall(r"[\w’'.-]+", (text or "").lower())
    return {t.strip(".") for t in toks} - STOP - {""}


def _country(part: dict | None) -> str:
    return (part or {}).get("country") or ""


def _same_country(pred: str, gold: str) -> bool:
    if gold == "IGO":  # the gold marks any international organisation "IGO"; ours carry the IGO's code
        return bool(pred) and not _is_state(pred)
    return pred == gold


def _is_state(code: str) -> bool:
    import pycountry

    return len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None


def _same_words(pred: dict | None, gold: dict | None) -> bool:
    if pred is None or gold is None:
        return pred is None and gold is None
    mine = _words(pred.get("text")) | _words(pred.get("name"))
    theirs = _words(gold.get("text")) | _words(gold.get("name"))
    return bool(mine & theirs)


def fits(level: str, pred: PredRow, gold: dict) -> bool:
    if pred.type != gold["type"]:
        return False
    if level == "type":
        return True
    dyad = _same_country(_country(pred.actor), _country(gold.get("actor"))) and _same_country(
        _country(pred.recipient), _country(gold.get("recipient"))
    )
    if level == "dyad" or not dyad:
        return dyad
    return _same_words(pred.actor, gold.get("actor")) and _same_words(pred.recipient, gold.get("recipient"))


def max_matching(preds: list, golds: list, ok: Callable[[object, object], bool]) -> dict[int, int]:
    """Maximum one-to-one matching (augmenting paths; a sentence holds a handful of rows): pred -> gold."""
    owner: dict[int, int] = {}  # gold index -> pred index

    def augment(p: int, seen: set[int]) -> bool:
        for g, gold in enumerate(golds):
            if g in seen or not ok(preds[p], gold):
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = p
                return True
        return False

    for p in range(len(preds)):
        augment(p, set())
    return {p: g for g, p in owner.items()}


def load_sentences(data: Path) -> tuple[list[dict], dict[tuple[str, int], Sentence]]:
    articles = [json.loads(x) for x in (data / "realnews_dev_articles.jsonl").read_text().splitlines() if x.strip()]
    sentences: dict[tuple[str, int], Sentence] = {}
    for line in (data / "realnews_dev.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        s = Sentence(row["article_id"], row["sent"], row["text"])
        for ev in row["events"]:
            if (ev.get("note") or "").startswith("borderline"):
                s.borderline.append(ev)
            elif ev.get("asserted"):
                s.gold.append(ev)
        sentences[(s.article_id, s.sent)] = s
    return articles, sentences


def _flex(text: str, n: int = 60) -> re.Pattern[str]:
    """A pattern for the start of a gold sentence that tolerates other whitespace and quote marks."""
    words = re.findall(r"\w+", text)[:12]
    return re.compile(r"\W+".join(re.escape(w) for w in words)) if words else re.compile(r"(?!)")


def locate(clean_text: str, sents: list[Sentence]) -> list[tuple[int, int, Sentence]]:
    """Character spans of the annotated sentences in the cleaned text (sentences not found are left out)."""
    spans = []
    for s in sents:
        m = _flex(s.text).search(clean_text)
        if m:
            spans.append((m.start(), m.start() + len(s.text), s))
    spans.sort(key=lambda x: x[0])
    # a sentence ends where the next one starts
    return [(a, min(b, spans[i + 1][0]) if i + 1 < len(spans) else b, s) for i, (a, b, s) in enumerate(spans)]


def _part(actor: object) -> dict | None:
    if actor is None:
        return None
    return {"text": actor.text, "name": actor.name, "country": actor.country, "sector": actor.sector}


def run(data: Path) -> dict[tuple[str, int], Sentence]:
    from dyadwatch.models import IngestError, RawDocument
    from dyadwatch.pipeline import Pipeline

    articles, sentences = load_sentences(data)
    by_article: dict[str, list[Sentence]] = defaultdict(list)
    for s in sentences.values():
        by_article[s.article_id].append(s)
    raws = [
        RawDocument(source_path=f"realnews:{i}", text=a["text"], id=a["id"], date=a.get("date", ""), fmt="jsonl")
        for i, a in enumerate(articles)
    ]
    unplaced = 0
    for art, res in zip(articles, Pipeline().process_many(raws), strict=True):
        if isinstance(res, IngestError):
            print(f"{art['id']}: {res.reason}", file=sys.stderr)
            continue
        spans = locate(res.article.text, by_article[art["id"]])
        unplaced += len(by_article[art["id"]]) - len(spans)
        for ev in res.events:
            if not ev.asserted:
                continue
            for start, end, s in spans:
                if start <= ev.trigger_start < end:
                    s.pred.append(PredRow(ev.event_type, ev.trigger, _part(ev.actor), _part(ev.recipient)))
                    break
    if unplaced:
        print(f"note: {unplaced} annotated sentences not found in the cleaned text", file=sys.stderr)
    return sentences


def score(sents: list[Sentence], misses: list[str] | None = None) -> dict[str, float]:
    out: dict[str, float] = {"sentences": len(sents), "gold": sum(len(s.gold) for s in sents)}
    for level in LEVELS:
        tp_p = n_p = tp_g = 0
        for s in sents:
            ok = lambda p, g, lv=level: fits(lv, p, g)  # noqa: E731
            matched = max_matching(s.pred, s.gold, ok)
            # an event only a borderline row of its sentence could take is neither right nor wrong
            left = [p for i, p in enumerate(s.pred) if i not in matched]
            spared = max_matching(left, s.borderline, lambda p, g: fits("type", p, g))
            tp_p += len(matched)
            n_p += len(s.pred) - len(spared)
            tp_g += len(matched)
            if misses is not None and level == "row":
                _misses(s, matched, spared, left, misses)
        p = tp_p / n_p if n_p else 0.0
        r = tp_g / out["gold"] if out["gold"] else 0.0
        out[f"{level}_precision"], out[f"{level}_recall"] = p, r
        out["predicted"] = n_p if level == "type" else out.get("predicted", n_p)
    return out


def _show(part: dict | None) -> str:
    if not part:
        return "-"
    return f"{part.get('text')!s}[{part.get('country') or ''}]"


def _misses(s: Sentence, matched: dict[int, int], spared: dict[int, int], left: list, out: list[str]) -> None:
    head = f"{s.article_id}#{s.sent}"
    for i, p in enumerate(left):
        if i in spared:
            continue
        out.append(f"FP   {head} {p.type} '{p.trigger}' {_show(p.actor)} -> {_show(p.recipient)} | {s.text[:200]}")
    taken = set(matched.values())
    for g, gold in enumerate(s.gold):
        if g not in taken:
            out.append(
                f"MISS {head} {gold['type']} '{gold.get('trigger')}' {_show(gold.get('actor'))} -> "
                f"{_show(gold.get('recipient'))} | {s.text[:200]}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with realnews_dev*.jsonl")
    parser.add_argument("--misses", type=Path, help="write the tune half's misses and false positives here")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if not (args.data / "realnews_dev.jsonl").is_file():
        print(f"realnews_dev.jsonl not found in {args.data}; pass --data DIR", file=sys.stderr)
        return 2
    sentences = list(run(args.data).values())
    report = {}
    misses: list[str] = []
    for half in HALVES:
        part = [s for s in sentences if half_of(s.article_id) == half]
        report[half] = score(part, misses if half == "tune" else None)
    report["all"] = score(sentences)
    if args.json:
        print(json.dumps(report, indent=2, default=lambda x: round(x, 3)))
    else:
        print_table(report)
    if args.misses:
        args.misses.write_text("\n".join(misses) + "\n", encoding="utf-8")
    return 0


def print_table(report: dict[str, dict]) -> None:
    cols = list(report)
    print("| measure | " + " | ".join(cols) + " |")
    print("|---|" + "---|" * len(cols))
    print("| gold asserted rows / events scored | " + " | ".join(
        f"{int(report[c]['gold'])} / {int(report[c]['predicted'])}" for c in cols) + " |")
    for level in LEVELS:
        for m in ("precision", "recall"):
            key = f"{level}_{m}"
            print(f"| {level} {m} | " + " | ".join(f"{report[c][key]:.3f}" for c in cols) + " |")


if __name__ == "__main__":
    sys.exit(main())
