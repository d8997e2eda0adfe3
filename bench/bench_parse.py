"""What each spaCy component costs, and what the figures become without one (the "cheaper parse" study).

    .venv/bin/python bench/bench_parse.py --limit 60                      # time with each component off
    .venv/bin/python bench/bench_parse.py --eval eval_realnews.py --disable ner
    .venv/bin/python bench/bench_parse.py --eval eval_events.py --disable ner -- --only plover,quad

The timing part parses the same texts of ../shared/eval/news_bench.jsonl with the full pipeline and
with one component disabled at a time, in one run (compare the ratios, not the seconds: the machine
is shared). The eval part runs an evaluation script with components disabled in the process's one
cached model, so every stage sees the cheaper parse.
"""

from __future__ import annotations

import argparse
import json
import runpy
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parents[1] / "shared" / "eval" / "news_bench.jsonl"
VARIANTS = ([], ["ner"], ["lemmatizer"], ["parser"], ["ner", "lemmatizer"])


def time_components(texts: list[str]) -> None:
    from dyadwatch.nlp import load_nlp

    nlp = load_nlp()
    list(nlp.pipe(texts[:4]))  # warm up
    full = None
    for disabled in VARIANTS:
        started = time.perf_counter()
        with nlp.select_pipes(disable=disabled):
            for _ in nlp.pipe(texts, batch_size=16):
                pass
        seconds = time.perf_counter() - started
        full = full or seconds
        label = "full pipeline" if not disabled else "without " + " + ".join(disabled)
        print(f"{label}: {seconds:.1f} s = {len(texts) / seconds:.2f} articles/s, {seconds / full:.2f} of full",
              flush=True)


def run_eval(script: str, disabled: list[str], args: list[str]) -> None:
    from dyadwatch.nlp import load_nlp

    nlp = load_nlp()
    for name in disabled:
        nlp.disable_pipe(name)
    print(f"components: {nlp.pipe_names} (disabled: {disabled or 'none'})", flush=True)
    sys.argv = [str(HERE / script), *args]
    runpy.run_path(str(HERE / script), run_name="__main__")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("--eval", help="an evaluation script in bench/ to run with --disable")
    parser.add_argument("--disable", default="", help="comma list of components to switch off for --eval")
    parser.add_argument("rest", nargs="*", help="arguments for the evaluation script (after --)")
    args = parser.parse_args()
    if args.eval:
        run_eval(args.eval, [c for c in args.disable.split(",") if c], args.rest)
        return
    with args.data.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for _, line in zip(range(args.limit), handle, strict=False)]
    time_components(texts)


if __name__ == "__main__":
    main()
