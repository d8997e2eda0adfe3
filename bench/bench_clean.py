"""Cleaning throughput and quality figures on real news (../shared/eval/news_bench.jsonl).

Measures, in one process on one core:
  * plain-text cleaning (articles/s), as scraped ``.txt`` and as JSONL text;
  * HTML cleaning (pages/s) on pages synthesised from the same texts (nav, share bar, footer);
  * how often each quality flag fires on real news (false-positive rate of ``spun``);
  * language id: share identified as English on real English articles and on short English
    sentences (../shared/eval/plover_gsr_dev.jsonl, cameo_quad_dev.jsonl), and accuracy on a
    handful of non-English sentences written here.

Usage: .venv/bin/python bench/bench_clean.py [--data DIR] [--limit N] [--html N]
"""

from __future__ import annotations

import argparse
import collections
import html
import json
import platform
import sys
import time
from pathlib import Path

from dyadwatch.clean import clean_document
from dyadwatch.clean.language import detect_language
from dyadwatch.models import RawDocument

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval"
NON_ENGLISH = {
    "de": "Die Bundesregierung hat am Montag neue Sanktionen gegen Russland beschlossen.",
    "fr": "Le président français a rencontré son homologue chinois à Pékin pour parler du commerce.",
    "es": "El gobierno de España anunció el lunes nuevas sanciones contra Rusia.",
    "it": "Il governo italiano ha convocato l'ambasciatore russo dopo l'attacco di ieri.",
    "pt": "O presidente brasileiro visitou a China para assinar novos acordos comerciais.",
    "nl": "De Nederlandse regering heeft dinsdag de Russische ambassadeur ontboden.",
    "ru": "Министр иностранных дел России Сергей Лавров провел переговоры в Москве.",
    "uk": "Президент України провів зустріч із прем'єр-міністром Польщі у Києві.",
    "ar": "التقى وزير الخارجية السعودي نظيره الإيراني في بكين يوم الجمعة.",
    "zh": "中国外交部发言人表示，中方愿与俄方加强战略协作。",
    "tr": "Türkiye Dışişleri Bakanı, Rus mevkidaşıyla Ankara'da bir araya geldi.",
    "pl": "Premier Polski spotkał się w poniedziałek z prezydentem Ukrainy w Warszawie.",
}
PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>{title} | Example News</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="{date}T09:00:00Z"></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav></header>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
<article><h1>{title}</h1>{paragraphs}</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Markets rally</a></li>
<li><a href="/b">Storm hits coast</a></li></ul></aside>
<footer><p>Cookie policy</p><p>© 2024 Example News. All rights reserved.</p></footer></body></html>"""


def load_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def timed(label: str, raws: list[RawDocument], unit: str) -> list:
    start = time.perf_counter()
    articles = [clean_document(raw) for raw in raws]
    seconds = time.perf_counter() - start
    print(f"{label}: {len(raws)} in {seconds:.2f} s = {len(raws) / seconds:.0f} {unit}/s")
    return articles


def synth_page(row: dict) -> str:
    paragraphs = [p.strip() for p in row["text"].split("\n") if p.strip()]
    title, body = (paragraphs[0], paragraphs[1:]) if len(paragraphs) > 1 else ("Untitled", paragraphs)
    tags = "".join(f"<p>{html.escape(p)}</p>" for p in body)
    return PAGE.format(title=html.escape(title), date=row.get("date") or "2016-01-01", paragraphs=tags)


def flag_report(label: str, articles: list) -> None:
    counts = collections.Counter(flag for article in articles for flag in article.flags)
    share = {flag: f"{counts[flag]} ({100 * counts[flag] / len(articles):.1f}%)" for flag in sorted(counts)}
    print(f"flags on {label} ({len(articles)} real articles): {share or 'none'}")


def language_report(data: Path, rows: list[dict]) -> None:
    start = time.perf_counter()
    long_en = sum(detect_language(row["text"]) == "en" for row in rows)
    seconds = time.perf_counter() - start
    print(f"language: {long_en}/{len(rows)} news_bench articles -> en ({1000 * seconds / len(rows):.2f} ms/article)")
    for name in ("plover_gsr_dev.jsonl", "cameo_quad_dev.jsonl"):
        path = data / name
        if path.exists():
            sentences = [r.get("text") or r.get("sentence") or "" for r in load_jsonl(path)]
            sentences = [s for s in sentences if s]
            hits = sum(detect_language(s) == "en" for s in sentences)
            print(f"language: {hits}/{len(sentences)} short English sentences ({name}) -> en")
    right = [lang for lang, text in NON_ENGLISH.items() if detect_language(text) == lang]
    print(f"language: {len(right)}/{len(NON_ENGLISH)} one-sentence non-English samples identified; "
          f"missed: {sorted(set(NON_ENGLISH) - set(right))}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder holding news_bench.jsonl")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles")
    parser.add_argument("--html", type=int, default=300, help="number of synthetic HTML pages")
    args = parser.parse_args()
    bench = args.data / "news_bench.jsonl"
    if not bench.exists():
        print(f"news_bench.jsonl not found in {args.data}; pass --data DIR (the shared eval folder)", file=sys.stderr)
        return 2
    rows = load_jsonl(bench)
    rows = rows[: args.limit] if args.limit else rows
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, one process")
    clean_document(RawDocument(source_path="warm-up", text="Warm up the language model.", fmt="txt"))
    txt = timed("plain text (.txt)", [RawDocument(source_path="b.txt", text=r["text"], fmt="txt") for r in rows],
                "articles")
    given = timed("JSONL text", [RawDocument(source_path="b.jsonl", text=r["text"], fmt="jsonl") for r in rows],
                  "articles")
    pages = [RawDocument(source_path="b.html", html=synth_page(r), fmt="html") for r in rows[: args.html]]
    timed("HTML pages (trafilatura)", pages, "pages")
    unchanged = sum(a.text == r["text"] for a, r in zip(given, rows, strict=True))
    print(f"JSONL texts left exactly as given: {unchanged}/{len(rows)}")
    flag_report(".txt", txt)
    flag_report("JSONL", given)
    language_report(args.data, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
