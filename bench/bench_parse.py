"""What each spaCy component costs, and what the figures become without one (the "cheaper parse" study).

    .venv/bin/python bench/bench_parse.py --limit 40 --rounds 3           # CPU time with each component off
    .venv/bin/python bench/bench_parse.py --limit 16 --writer             # parse (workers) against coding (writer)
    .venv/bin/python bench/bench_parse.py --eval eval_realnews.py --disable ner
    .venv/bin/python bench/bench_parse.py --eval eval_events.py --disable ner -- --only plover,quad

The timing part parses the same texts of ../shared/eval/news_bench.jsonl with the full pipeline and
with components disabled, interleaved, and keeps each variant's best CPU time (this process's CPU
seconds, so the other users of a shared machine count little; compare the ratios).
The eval part runs an evaluation script with components disabled in the process's one
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


def time_components(texts: list[str], rounds: int) -> None:
    """CPU seconds of this process (not wall time: other processes on a shared machine do not count),
    the best of ``rounds`` interleaved rounds per variant."""
    from dyadwatch.nlp import load_nlp

    nlp = load_nlp()
    list(nlp.pipe(texts[:4]))  # warm up
    best: dict[tuple[str, ...], float] = {}
    for _ in range(rounds):
        for disabled in VARIANTS:
            started = time.process_time()
            with nlp.select_pipes(disable=disabled):
                for _ in nlp.pipe(texts, batch_size=16):
                    pass
            seconds = time.process_time() - started
            best[tuple(disabled)] = min(seconds, best.get(tuple(disabled), seconds))
    full = best[()]
    for disabled, seconds in best.items():
        label = "full pipeline" if not disabled else "without " + " + ".join(disabled)
        print(f"{label}: {seconds:.1f} CPU s = {len(texts) / seconds:.2f} articles/CPU s, {seconds / full:.2f} of full")


def writer_share(texts: list[str]) -> None:
    """CPU seconds of a worker's parse against the writer's coding and reading the parses back."""
    from dyadwatch.models import RawDocument
    from dyadwatch.pipeline import Pipeline
    from dyadwatch.scale.worker import parse_chunk

    pipe = Pipeline()
    articles = [pipe.clean(RawDocument(source_path=f"bench:{i}", text=t, fmt="jsonl")) for i, t in enumerate(texts)]
    pipe.code(articles[0], pipe.nlp(articles[0].text))  # loads the gazetteers once, outside the timing

    def cpu(work):
        started = time.process_time()
        value = work()
        return time.process_time() - started, value

    parse, docs = cpu(lambda: list(pipe.nlp.pipe([a.text for a in articles])))
    fresh, _ = cpu(lambda: [pipe.code(a, d) for a, d in zip(articles, docs, strict=True)])
    chunk = parse_chunk([a.text for a in articles])
    read, back = cpu(lambda: chunk.docs(pipe.nlp.vocab))
    restored, _ = cpu(lambda: [pipe.code(a, d) for a, d in zip(articles, back, strict=True)])
    print(f"{len(texts)} articles, CPU s: parse {parse:.2f}, code {fresh:.2f} ({restored:.2f} on parses read back), "
          f"read the parses back {read:.3f}; {len(chunk.docbin) / len(texts):.0f} bytes of parse per article")


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
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--writer", action="store_true", help="CPU of parsing against coding (the writer's share)")
    parser.add_argument("--eval", help="an evaluation script in bench/ to run with --disable")
    parser.add_argument("--disable", default="", help="comma list of components to switch off for --eval")
    parser.add_argument("rest", nargs="*", help="arguments for the evaluation script (after --)")
    args = parser.parse_args()
    if args.eval:
        run_eval(args.eval, [c for c in args.disable.split(",") if c], args.rest)
        return
    with args.data.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for _, line in zip(range(args.limit), handle, strict=False)]
    if args.writer:
        writer_share(texts)
        return
    time_components(texts, args.rounds)


if __name__ == "__main__":
    main()
