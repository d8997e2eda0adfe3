"""Sample asserted events from real news for a hand precision check (see docs/precision_check.md).

Runs the pipeline over ../shared/eval/news_bench.jsonl (or --data FILE), keeps the asserted events,
draws --n of them with a fixed --seed and prints each as a full row (type, actor and recipient with
text, name, country and sector) with its sentence for a reviewer who judges whole rows
(../shared/eval/ANNOTATION.md). Articles annotated in realnews_dev are left out (`--keep-realnews`
keeps them), so the check is made on news the evaluation files never showed. `--half tune` lists the
articles one may read to find classes of wrong rows; `--half check` samples only articles never read.

Usage: python bench/precision_sample.py [--data FILE] [--articles 120] [--n 50] [--seed 7] [--half check]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from splits import select  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "news_bench.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="news_bench.jsonl")
    parser.add_argument("--articles", type=int, default=120, help="first N articles (0: all)")
    parser.add_argument("--n", type=int, default=50, help="events to sample")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep-realnews", action="store_true", help="keep articles annotated in realnews_dev")
    parser.add_argument("--half", choices=("all", "tune", "check"), default="all",
                        help="only the articles of one half (bench/splits.py): read tune, measure on check")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"news bench not found at {args.data}; pass --data FILE", file=sys.stderr)
        return 2
    from dyadwatch.models import IngestError, RawDocument
    from dyadwatch.pipeline import Pipeline

    lines = [json.loads(x) for x in args.data.read_text(encoding="utf-8").splitlines() if x.strip()]
    annotated = args.data.parent / "realnews_dev_articles.jsonl"
    if annotated.is_file() and not args.keep_realnews:
        seen = {json.loads(x)["id"] for x in annotated.read_text(encoding="utf-8").splitlines() if x.strip()}
        lines = [r for r in lines if r["id"] not in seen]
    lines = select(lines, args.half)
    rows = lines[: args.articles] if args.articles else lines
    raws = [RawDocument(source_path=f"bench:{i}", text=r["text"], id=r["id"], date=r.get("date", ""), fmt="jsonl")
            for i, r in enumerate(rows)]  # fmt: skip
    asserted = []
    for row, res in zip(rows, Pipeline().process_many(raws), strict=True):
        if isinstance(res, IngestError):
            continue
        asserted += [(row["id"], ev) for ev in res.events if ev.asserted]
    random.Random(args.seed).shuffle(asserted)
    print(f"# {len(asserted)} asserted events in {len(rows)} articles; showing {min(args.n, len(asserted))}")
    for k, (doc_id, ev) in enumerate(asserted[: args.n], 1):
        actor, recipient = _side(ev.actor), _side(ev.recipient)
        head = f"{k:02d} {doc_id} @{ev.trigger_start}  {ev.event_type} {ev.cameo_code} '{ev.trigger}'"
        print(f"{head}  {actor} -> {recipient}")
        print(f"    {ev.sentence.strip()[:300]}")
    return 0


def _side(actor: object) -> str:
    """A participant as a reviewer needs it: its words, resolved name, country and sector."""
    if actor is None:
        return "-"
    name = f" ({actor.name})" if actor.name and actor.name != actor.text else ""
    return f"{actor.text}{name} [{actor.country or '?'} {actor.sector or '?'}]"


if __name__ == "__main__":
    sys.exit(main())
