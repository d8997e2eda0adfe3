"""Story clustering: precision/recall per setting on synthetic copies, and speed/memory at 100,000 articles.

Part 1 (``quality``): the bundled examples (examples/, cleaned; each a distinct story) are all
dated the same day — the hardest case for the time window, and many share a dyad. Each round
adds, in random order, every original and one copy of each kind (bench/story_copies.py: junk,
wire, spun), then one "other report" per original: a different article on the same event and day
(same names and figures, one shared paragraph, its own wording), which must stay a story of its
own. A copy is right when it joins its original's story; an original, other report or copy that
joins any other story is a false join. Precision = right joins / all joins; recall per copy kind.

Part 2 (``scale``): 100,000 synthetic articles (250 words drawn from the examples' vocabulary,
with names and numbers; 20 % are copies of an earlier one), 1,000 a day, through one
``StoryIndex`` with the default settings. Reports articles/s (assignment time only; generating the
texts is not counted), also per second of the process's own CPU time (the figure that does not
depend on how busy a shared machine is), and the process's peak RSS.

Part 3 (``--real FILE``, e.g. ../shared/eval/news_bench.jsonl): real news, clustered with the
defaults and each article's own date; prints every group found, with the rule that joined it, for
a hand check of false joins (real copies are rare there: it is a check of precision, not recall).

Usage: python bench/bench_stories.py [--quality-rounds 5] [--articles 100000] [--skip-quality] [--skip-scale]
       [--real ../shared/eval/news_bench.jsonl]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import re
import resource
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date as Date
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from story_copies import junk_copy, load_synonyms, other_report, spun_copy, wire_copy  # noqa: E402

from dyadwatch.clean import clean_document  # noqa: E402
from dyadwatch.ingest import iter_documents  # noqa: E402
from dyadwatch.models import RawDocument  # noqa: E402
from dyadwatch.stories import StoryIndex, StoryParams  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
KINDS = ("junk", "wire", "spun")
FIRST_DAY = Date(2023, 1, 1)
SETTINGS = {  # name -> changes from the defaults
    "default (k=3, 64x2, text 0.5, borderline 0.15 + facts 0.3)": {},
    "no facts check (k=3, 64x2, text 0.5)": {"borderline": 1.0},
    "no facts check, text 0.2": {"borderline": 1.0, "text_threshold": 0.2},
    "k=3, 32x4 bands": {"bands": 32, "rows": 4},
    "k=3, 42x3 bands": {"bands": 42, "rows": 3},
    "k=2, 64x2, text 0.5, borderline 0.3 + facts 0.3": {"shingle_words": 2, "borderline": 0.3},
    "k=4, 64x2, text 0.5, borderline 0.12 + facts 0.3": {"shingle_words": 4, "borderline": 0.12},
    "k=5, 64x2, text 0.5, borderline 0.1 + facts 0.3": {"shingle_words": 5, "borderline": 0.1},
    "default, facts 0.5": {"facts_threshold": 0.5},
    "default, borderline 0.1": {"borderline": 0.1},
}


def example_texts() -> list[str]:
    texts: dict[str, str] = {}
    for raw in iter_documents([str(EXAMPLES)]):
        article = clean_document(raw)
        texts.setdefault(article.id, article.text)
    return list(texts.values())


def quality(params: StoryParams, texts: list[str], rounds: int) -> dict[str, float]:
    synonyms = load_synonyms()
    vocabulary = [w for t in texts for w in re.findall(r"[a-z]+", t)]
    right = dict.fromkeys(KINDS, 0)
    joins = wrong = copies = 0
    for round_number in range(rounds):
        rng = random.Random(round_number)
        makers = {"junk": junk_copy, "wire": wire_copy, "spun": lambda t, r: spun_copy(t, r, synonyms)}
        items = [(f"o{i}", f"o{i}", "original", t) for i, t in enumerate(texts)]
        items += [(f"{k}{i}", f"o{i}", k, makers[k](t, rng)) for i, t in enumerate(texts) for k in KINDS]
        items += [(f"r{i}", f"r{i}", "other", other_report(t, rng, vocabulary)) for i, t in enumerate(texts)]
        rng.shuffle(items)
        items.sort(key=lambda item: item[2] != "original")  # originals first, copies after, each shuffled
        index = StoryIndex(params)
        root: dict[str, str] = {}
        for article_id, original, kind, text in items:
            match, _ = index.assign(article_id, text, "2023-06-19")
            root[article_id] = root.get(match.story_id, match.story_id)
            if kind in ("original", "other"):
                wrong += match.story_id != article_id
                joins += match.story_id != article_id
                continue
            copies += 1
            joined = match.story_id != article_id
            joins += joined
            if joined and root[article_id] == original:
                right[kind] += 1
            elif joined:
                wrong += 1
    total_right = sum(right.values())
    out = {"precision": total_right / joins if joins else 1.0, "false_joins": wrong}
    out.update({f"recall_{k}": right[k] / (copies / len(KINDS)) for k in KINDS})
    return out


def synthetic_articles(count: int, vocabulary: list[str], names: list[str], seed: int = 0) -> Iterator[tuple]:
    """(id, date, text, id of the original or "") of synthetic articles; one in five copies one of the last 500."""
    rng = random.Random(seed)
    synonyms = load_synonyms()
    makers = {"junk": junk_copy, "wire": wire_copy, "spun": lambda t, r: spun_copy(t, r, synonyms)}
    recent: list[tuple[str, str]] = []
    for number in range(count):
        date = (FIRST_DAY + timedelta(days=number // 1000)).isoformat()
        if recent and rng.random() < 0.2:
            original_id, original = rng.choice(recent)
            yield f"s{number}", date, makers[rng.choice(KINDS)](original, rng), original_id
        else:
            text = _random_article(rng, vocabulary, names)
            recent = (recent + [(f"s{number}", text)])[-500:]
            yield f"s{number}", date, text, ""


def _random_article(rng: random.Random, vocabulary: list[str], names: list[str]) -> str:
    paragraphs = []
    for _ in range(6):
        words = rng.choices(vocabulary, k=40)
        words[rng.randrange(40)] = rng.choice(names)
        words[rng.randrange(40)] = str(rng.randrange(2, 5000))
        paragraphs.append(" ".join(words).capitalize() + ".")
    return "\n\n".join(paragraphs)


def scale(count: int, texts: list[str]) -> dict[str, float]:
    words = [w for t in texts for w in re.findall(r"[a-z]+", t)]
    names = sorted({w for t in texts for w in re.findall(r"\b[A-Z][a-z]{3,}\b", t)})
    index = StoryIndex()
    spent = cpu = 0.0
    copies = right = wrong = 0
    truth: dict[str, str] = {}  # article id -> the original it copies (itself for an original)
    for article_id, date, text, original in synthetic_articles(count, words, names):
        started, started_cpu = time.perf_counter(), time.process_time()
        match, _ = index.assign(article_id, text, date)
        spent += time.perf_counter() - started
        cpu += time.process_time() - started_cpu
        truth[article_id] = original or article_id
        copies += bool(original)
        right += bool(original) and match.story_id == original
        # a story started by a copy whose original was missed may gather more copies of that original: not wrong
        wrong += truth[match.story_id] != truth[article_id]
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "articles": count, "seconds": spent, "per_second": count / spent, "cpu_seconds": cpu,
        "per_cpu_second": count / cpu, "copies": copies, "right": right, "wrong": wrong, "peak_rss_mb": peak_mb,
    }


def real_groups(path: Path) -> None:
    """Cluster real articles (JSONL with text, date, title) and print each multi-article story."""
    import json

    index = StoryIndex()
    members: dict[str, list[tuple[str, str, str]]] = {}
    seen: set[str] = set()
    count = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        raw = RawDocument(source_path=str(path), text=record["text"], fmt="jsonl", title=record.get("title", ""))
        article = clean_document(raw, default_date=record.get("date", ""))
        if article.id in seen:
            continue
        seen.add(article.id)
        count += 1
        match, _ = index.assign(article.id, article.text, article.date)
        members.setdefault(match.story_id, []).append((record.get("id", ""), match.rule, article.text[:60]))
    groups = [m for m in members.values() if len(m) > 1]
    print(f"real: {count} distinct articles from {path.name}; {len(groups)} stories with more than one article")
    for group in groups:
        print("  " + " | ".join(f"{rule}: {source_id} {title!r}" for source_id, rule, title in group))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quality-rounds", type=int, default=5)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--real", type=Path, help="JSONL of real articles to cluster and list (a hand check)")
    args = parser.parse_args()
    machine = platform.processor() or platform.machine()
    print(f"machine: {machine}, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    texts = example_texts()
    if not args.skip_quality:
        print(f"quality: {len(texts)} example stories x {args.quality_rounds} rounds, one copy of each kind per round")
        print("| setting | precision | false joins | recall junk | recall wire | recall spun |")
        print("|---|---|---|---|---|---|")
        for name, changes in SETTINGS.items():
            q = quality(replace(StoryParams(), **changes), texts, args.quality_rounds)
            print(
                f"| {name} | {q['precision']:.3f} | {q['false_joins']} | {q['recall_junk']:.3f} "
                f"| {q['recall_wire']:.3f} | {q['recall_spun']:.3f} |"
            )
    if args.real:
        real_groups(args.real)
    if not args.skip_scale:
        s = scale(args.articles, texts)
        print(
            f"scale: {s['articles']:,} articles in {s['seconds']:.1f} s = {s['per_second']:,.0f} articles/s "
            f"(CPU time {s['cpu_seconds']:.1f} s = {s['per_cpu_second']:,.0f} articles per CPU-second); "
            f"{s['right']:,} of {s['copies']:,} copies joined their original's story, {s['wrong']:,} joined a story "
            f"of another original; "
            f"peak RSS {s['peak_rss_mb']:,.0f} MB"
        )


if __name__ == "__main__":
    main()
