"""Evaluate actor resolution on the shared development sets (not part of the test suite).

plover_gsr_dev.jsonl: for each gold actor / recipient (text + country), resolve the gold span with
``DocActors.for_span`` and count how often the country matches. cameo_actors_dev.jsonl: share of gold
actor / recipient spans that overlap one of our mentions (token F1 >= 0.5) - a mention recall, since
choosing which mention is the actor and which the recipient is the events stage's job.

    .venv/bin/python bench/eval_actors.py [--data ../shared/eval] [--misses 40] [--cameo-misses 40] [--limit N]
                                          [--no-leaders] [--half tune|check|all]

Rows are scored on one fixed half (bench/splits.py; default: check). Misses are listed only for the
tune half: the check half is reported, never read.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from splits import select  # noqa: E402

HALF = "check"
DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval"


def _rss_mib() -> float:
    """Resident memory of this process (Linux), 0 elsewhere."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return 0.0
    return int(status.split("VmRSS:")[1].split()[0]) / 1024


def _rows(path: Path, limit: int) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    rows = select(rows, HALF)
    return rows[:limit] if limit else rows


def eval_plover(nlp, resolver, path: Path, limit: int, show: int) -> None:
    """Country accuracy of gold actor/recipient spans resolved with for_span."""
    from dyadwatch.models import Article

    rows = _rows(path, limit)
    total = hit = 0
    misses: list[str] = []
    by_gold: Counter[str] = Counter()
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows), strict=True):
        actors = resolver.analyze(doc, Article(id=row["id"], text=row["text"], date=row.get("date", "")))
        for role in ("actor", "recipient"):
            for gold in row.get(role) or []:
                country = gold.get("country")
                if not country:
                    continue
                start = row["text"].find(gold["text"])
                span = doc.char_span(start, start + len(gold["text"]), alignment_mode="expand") if start >= 0 else None
                if span is None:
                    continue
                total += 1
                got = actors.for_span(span)
                predicted = got.country if got else ""
                if predicted == country:
                    hit += 1
                else:
                    by_gold[country] += 1
                    misses.append(f"  {role:9} {gold['text']!r:45} gold={country} got={predicted or '-'}"
                                  f" ({got.name if got else ''})")
    print(f"plover_gsr: country match {hit}/{total} = {hit / max(total, 1):.3f}")
    for line in misses[:show]:
        print(line)


def _tokens(text: str) -> list[str]:
    return text.lower().replace("’", "'").split()


def _f1(a: list[str], b: list[str]) -> float:
    common = sum((Counter(a) & Counter(b)).values())
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def eval_cameo(nlp, resolver, path: Path, limit: int, show: int = 0) -> None:
    """Recall of gold actor / recipient spans among our mentions (token F1 >= 0.5)."""
    from dyadwatch.models import Article

    rows = _rows(path, limit)
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    misses: list[str] = []
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows), strict=True):
        actors = resolver.analyze(doc, Article(id=row["id"], text=row["text"]))
        ours = [_tokens(m.text) for m in actors.mentions]
        ours += [_tokens(a.text) for a in {id(a): a for a in actors.by_member.values()}.values()]
        for role in ("actor_spans", "recipient_spans"):
            for gold in row.get(role) or []:
                total[role] += 1
                if any(_f1(m, _tokens(gold)) >= 0.5 for m in ours):
                    found[role] += 1
                elif len(misses) < show:
                    misses.append(f"  {role[:-6]:9} {gold!r:50} in: {row['text'][:90]}")
    for role in ("actor_spans", "recipient_spans"):
        print(f"cameo_actors: {role} found among mentions {found[role]}/{total[role]}"
              f" = {found[role] / max(total[role], 1):.3f}")
    for line in misses:
        print(line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with the eval JSONL files")
    parser.add_argument("--misses", type=int, default=40, help="how many plover misses to list")
    parser.add_argument("--cameo-misses", type=int, default=0, help="how many missed cameo spans to list")
    parser.add_argument("--limit", type=int, default=0, help="only the first N rows of each file")
    parser.add_argument("--no-leaders", action="store_true", help="without the built-in leaders list")
    parser.add_argument("--half", default="check", choices=["tune", "check", "all"], help="which fixed half")
    args = parser.parse_args()
    global HALF
    HALF = args.half
    if args.half != "tune":  # misses are read on the tune half only
        args.misses = args.cameo_misses = 0
    print(f"half: {args.half}")
    if not (args.data / "plover_gsr_dev.jsonl").exists():
        print(f"evaluation data not found in {args.data} (expected ../shared/eval beside the repo); "
              "pass --data", file=sys.stderr)
        return 2
    from dyadwatch.actors import ActorResolver
    from dyadwatch.nlp import load_nlp

    nlp = load_nlp()
    rss_before = _rss_mib()
    tracemalloc.start()
    started = time.perf_counter()
    resolver = ActorResolver()
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    if args.no_leaders:
        resolver.known = {}
    print(f"resolver load: {elapsed:.3f} s, peak Python allocation {peak / 2**20:.1f} MiB,"
          f" RSS +{_rss_mib() - rss_before:.1f} MiB")
    eval_plover(nlp, resolver, args.data / "plover_gsr_dev.jsonl", args.limit, args.misses)
    if (args.data / "cameo_actors_dev.jsonl").exists():
        eval_cameo(nlp, resolver, args.data / "cameo_actors_dev.jsonl", args.limit, args.cameo_misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
