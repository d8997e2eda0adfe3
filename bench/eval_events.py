"""Evaluate event coding on the development splits in ../shared/eval (not shipped with the project).

Measures, as the eval README describes:
  plover_gsr_dev   gold type found among asserted events, macro-F1 over types, actor / recipient country
  cameo_quad_dev   5-class accuracy of the first asserted event's CAMEO root (no event -> class 0)
  cameo_actors_dev token-overlap span F1 (>= 0.5) of actor and recipient texts

Every file is scored on its fixed *tune* and *check* halves (bench/splits.py) and on all rows.
`--misses FILE` writes the tune half's misses only: the check half is reported, never read.

Usage: python bench/eval_events.py [--data DIR] [--limit N] [--only plover,quad,actors] [--misses FILE]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from splits import HALVES, half_of  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval"

# The eval README's coarse classes from the CAMEO root.
QUAD_OF_ROOT = {1: 0, 2: 0, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2, 9: 3, 10: 3, 11: 3, 12: 3, 13: 3, 16: 3}
QUAD_OF_ROOT.update({r: 4 for r in (14, 15, 17, 18, 19, 20)})


def load_rows(path: Path, limit: int) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def run_pipeline(rows: list[dict]) -> list[list]:
    """Events per row (in order), through the same Python pipeline as `dyadwatch extract`."""
    from dyadwatch.models import IngestError, RawDocument
    from dyadwatch.pipeline import Pipeline

    pipe = Pipeline()
    raws = [
        RawDocument(source_path=f"eval:{i}", text=r["text"], id=r["id"], date=r.get("date", ""), fmt="jsonl")
        for i, r in enumerate(rows)
    ]
    out = []
    errors = 0
    for raw, res in zip(raws, pipe.process_many(raws, default_date="2000-01-01"), strict=True):
        if isinstance(res, IngestError):  # a broken rule fails whole documents: say so, do not just score lower
            errors += 1
            print(f"error {raw.id}: {res.reason}", file=sys.stderr)
        out.append([] if isinstance(res, IngestError) else res.events)
    if errors:
        print(f"{errors} of {len(raws)} rows failed in the pipeline and count as no event", file=sys.stderr)
    return out


def _asserted(events: Iterable) -> list:
    return [e for e in events if e.asserted]


def _pairs(events: list) -> str:
    """Actor->recipient countries and triggers of the matching events, for the misses file."""
    def c(a: object) -> str:
        return getattr(a, "country", None) or "-"
    return ", ".join(f"{c(e.actor)}->{c(e.recipient)}({e.trigger})" for e in events)


def eval_plover(rows: list[dict], events: list[list], misses: list[str]) -> dict[str, float]:
    found = act_ok = act_n = rec_ok = rec_n = act_fn = rec_fn = 0
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for row, evs in zip(rows, events, strict=True):
        gold = row["event_type"]
        asserted = _asserted(evs)
        types = {e.event_type for e in asserted}
        for t in types:
            (tp if t == gold else fp)[t] += 1
        if gold in types:
            found += 1
        else:
            fn[gold] += 1
            misses.append(f"PLOVER miss gold={gold} got={sorted(types) or '-'} | {row['text'][:160]}")
        match = [e for e in asserted if e.event_type == gold]
        gold_act = {a["country"] for a in row.get("actor") or [] if a.get("country")}
        gold_rec = {a["country"] for a in row.get("recipient") or [] if a.get("country")}
        if gold_act:
            act_n += 1
            act_fn += bool(match)
            ok = any(e.actor is not None and e.actor.country in gold_act for e in match)
            act_ok += ok
            if match and not ok:
                misses.append(f"ACTOR miss gold={sorted(gold_act)} got={_pairs(match)} | {row['text'][:160]}")
        if gold_rec:
            rec_n += 1
            rec_fn += bool(match)
            ok = any(e.recipient is not None and e.recipient.country in gold_rec for e in match)
            rec_ok += ok
            if match and not ok:
                misses.append(f"RECIP miss gold={sorted(gold_rec)} got={_pairs(match)} | {row['text'][:160]}")
    labels = set(tp) | set(fn) | {r["event_type"] for r in rows}
    f1s = []
    for t in labels:
        p = tp[t] / (tp[t] + fp[t]) if tp[t] + fp[t] else 0.0
        r = tp[t] / (tp[t] + fn[t]) if tp[t] + fn[t] else 0.0
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    return {
        "rows": len(rows),
        "gold_type_found": found / len(rows),
        "macro_f1": sum(f1s) / len(f1s),
        "actor_country": act_ok / act_n if act_n else 0.0,
        "recipient_country": rec_ok / rec_n if rec_n else 0.0,
        "actor_rows": act_n,
        "recipient_rows": rec_n,
        # the same, counted only over rows where an event of the gold type was found (role quality alone)
        "actor_country_when_found": act_ok / act_fn if act_fn else 0.0,
        "recipient_country_when_found": rec_ok / rec_fn if rec_fn else 0.0,
    }


def _quad(events: list) -> int:
    asserted = _asserted(events)
    if not asserted:
        return 0
    return QUAD_OF_ROOT.get(int(asserted[0].cameo_code[:2]), 0)


def eval_quad(rows: list[dict], events: list[list], misses: list[str]) -> dict[str, float]:
    ok = 0
    confusion: Counter[tuple[int, int]] = Counter()
    for row, evs in zip(rows, events, strict=True):
        pred = _quad(evs)
        confusion[(row["quad"], pred)] += 1
        if pred == row["quad"]:
            ok += 1
        else:
            first = _asserted(evs)[:1]
            got = f"{first[0].cameo_code} {first[0].trigger!r}" if first else "-"
            misses.append(f"QUAD miss gold={row['quad']} pred={pred} ({got}) | {row['text'][:160]}")
    return {
        "rows": len(rows),
        "accuracy": ok / len(rows),
        "confusion": dict(sorted((str(k), v) for k, v in confusion.items())),
    }


def _tokens(text: str) -> list[str]:
    return text.lower().replace("’", "'").split()


def _f1(a: str, b: str) -> float:
    ta, tb = _tokens(a), _tokens(b)
    common = sum((Counter(ta) & Counter(tb)).values())
    if not common:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


def _span_scores(pred: list[str], gold: list[str]) -> tuple[int, int, int]:
    """(matched predictions, predictions, matched golds) with token F1 >= 0.5."""
    mp = sum(any(_f1(p, g) >= 0.5 for g in gold) for p in pred)
    mg = sum(any(_f1(p, g) >= 0.5 for p in pred) for g in gold)
    return mp, len(pred), mg


def eval_actors(rows: list[dict], events: list[list], misses: list[str] | None = None) -> dict[str, float]:
    out: dict[str, float] = {"rows": len(rows)}
    for role, key in (("actor", "actor_spans"), ("recipient", "recipient_spans")):
        mp = np_ = mg = ng = 0
        for row, evs in zip(rows, events, strict=True):
            pred = sorted({getattr(e, role).text for e in _asserted(evs) if getattr(e, role) is not None})
            gold = row.get(key) or []
            a, b, c = _span_scores(pred, gold)
            mp, np_, mg, ng = mp + a, np_ + b, mg + c, ng + len(gold)
            if misses is not None and (a < len(pred) or c < len(gold)):
                triggers = sorted({e.trigger for e in _asserted(evs)})
                text = row["text"][:160]
                misses.append(f"{role.upper()[:5]} span gold={gold} got={pred} triggers={triggers} | {text}")
        p = mp / np_ if np_ else 0.0
        r = mg / ng if ng else 0.0
        out[f"{role}_precision"], out[f"{role}_recall"] = p, r
        out[f"{role}_f1"] = 2 * p * r / (p + r) if p + r else 0.0
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with the eval JSONL files")
    parser.add_argument("--limit", type=int, default=0, help="only the first N rows of each file")
    parser.add_argument("--only", default="plover,quad,actors", help="comma-separated subset")
    parser.add_argument("--misses", type=Path, help="write the missed rows here for error analysis")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"eval data not found at {args.data}; pass --data DIR (the ../shared/eval folder)", file=sys.stderr)
        return 2
    wanted = set(args.only.split(","))
    misses: list[str] = []
    report: dict[str, dict] = {}
    jobs = [("plover", "plover_gsr_dev.jsonl"), ("quad", "cameo_quad_dev.jsonl"), ("actors", "cameo_actors_dev.jsonl")]
    for name, fname in jobs:
        if name not in wanted:
            continue
        rows = load_rows(args.data / fname, args.limit)
        t0 = time.perf_counter()
        events = run_pipeline(rows)
        seconds = time.perf_counter() - t0
        scorer = {"plover": eval_plover, "quad": eval_quad, "actors": eval_actors}[name]
        report[name] = {"seconds": round(seconds, 1)}
        for half in (*HALVES, "all"):
            keep = [i for i, r in enumerate(rows) if half == "all" or half_of(r["id"]) == half]
            sink = misses if half == "tune" else []
            report[name][half] = scorer([rows[i] for i in keep], [events[i] for i in keep], sink)
    print(json.dumps(report, indent=2, default=lambda x: round(x, 3)))
    if args.misses:
        args.misses.write_text("\n".join(misses) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
