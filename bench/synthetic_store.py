"""A synthetic dyadwatch store of any size, built with DuckDB SQL (no NLP), for benchmarks and UI tests.

``build_synthetic_store(path, n_events)`` writes a store with the real schema: one article per 10
events (dated over three years, eight outlets), ``n_events`` asserted-or-not events between ~25
countries with a skewed distribution (USA, CHN, RUS most active) and real CAMEO codes with their
Goldstein weight, quad class and PLOVER type, and one quote per 5 events. Values are derived from
``hash(row, salt)``, so a given ``n_events`` always gives the same store; five country mentions per
article (the first inside the quote span) exercise the quote-mention rule. Every text is synthetic.

Usage: python bench/synthetic_store.py PATH [N_EVENTS]
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from dyadwatch.codes import lookup
from dyadwatch.store import Store

COUNTRIES = [
    "USA", "CHN", "RUS", "UKR", "IND", "PAK", "IRN", "ISR", "JPN", "KOR", "PRK", "FRA", "DEU", "GBR",
    "TUR", "SAU", "BRA", "ZAF", "MLI", "EGY", "NATO", "EU", "UN", "POL", "VNM",
]  # fmt: skip
SECTORS = ["GOV", "MIL", "GOV", "BUS", "CVL", "GOV"]
CODES = ["036", "040", "042", "043", "051", "057", "061", "071", "080", "112", "120", "130", "138", "163", "173",
         "190", "193", "020", "010", "0311", "111", "172"]  # fmt: skip
OUTLETS = ["Synthetic Wire", "Example Times", "Demo Daily", "Test Herald", "Sample Post", "Mock News",
           "Fake Gazette", "Placeholder Press"]  # fmt: skip
DAYS = 3 * 365
START = "2021-01-01"


def _tables(con) -> None:
    """Small lookup tables the generator joins against (registered, not stored)."""
    codes = [lookup(c) for c in CODES]
    con.register("_syn_codes", pd.DataFrame({
        "k": range(len(codes)), "code": [c.code for c in codes], "goldstein": [c.goldstein for c in codes],
        "quad": [c.quad_class for c in codes], "plover": [c.plover or "CONSULT" for c in codes],
    }))  # fmt: skip
    con.register("_syn_countries", pd.DataFrame({"k": range(len(COUNTRIES)), "c": COUNTRIES}))
    con.register("_syn_sectors", pd.DataFrame({"k": range(len(SECTORS)), "s": SECTORS}))
    con.register("_syn_outlets", pd.DataFrame({"k": range(len(OUTLETS)), "o": OUTLETS}))


def _u(expr: str, salt: int) -> str:
    """A uniform number in [0, 1) from a row number and a salt."""
    return f"(hash({expr}, {salt}) % 1000000) / 1000000.0"


def _insert_articles(con, n_articles: int) -> None:
    con.execute(f"""
        INSERT INTO articles (id, source_id, url, path, source, title, date, date_source, language, text,
                              skipped_reason, run_id, story_id, key_points, dateline, byline, editors, flags)
        SELECT 'syn' || lpad(i::VARCHAR, 9, '0'), '', 'https://synthetic.example/' || i, 'synthetic',
               o.o, 'Synthetic article ' || i || ' (generated)',
               strftime(DATE '{START}' + (floor({_u('i', 1)} * {DAYS}))::INTEGER, '%Y-%m-%d'), 'metadata', 'en',
               'Synthetic text of article ' || i || '. Officials met and talked; nothing here is real.',
               '', 'synthetic', 'syn' || lpad(i::VARCHAR, 9, '0'), [], [], [], [], []
        FROM range({n_articles}) t(i) JOIN _syn_outlets o ON o.k = i % {len(OUTLETS)}""")


def _insert_events(con, n_events: int, n_articles: int) -> None:
    n = len(COUNTRIES)
    con.execute(f"""
        INSERT INTO events (id, article_id, seq, event_type, mode, cameo_code, quad_class, goldstein,
            actor_text, actor_name, actor_country, actor_sector, actor_code, actor_country_source,
            recipient_text, recipient_name, recipient_country, recipient_sector, recipient_code,
            recipient_country_source, negated, hypothetical, denied, asserted, date, date_granularity,
            date_resolved, location_name, location_country, sentence, trigger, sentence_start, sentence_end,
            trigger_start, trigger_end)
        WITH r AS (
            SELECT i, i % {n_articles} AS art, i // {n_articles} AS seq,
                   floor({n} * pow({_u('i', 2)}, 2.5))::INTEGER AS ak,
                   floor({_u('i', 3)} * {len(CODES)})::INTEGER AS ck,
                   {_u('i', 4)} AS m, floor({_u('i', 5)} * {len(SECTORS)})::INTEGER AS sk
            FROM range({n_events}) t(i)
        ), p AS (
            SELECT r.*, (ak + 1 + floor({n - 1} * pow({_u('i', 6)}, 2.5))::INTEGER) % {n} AS rk FROM r
        )
        SELECT a.id || '-e' || p.seq, a.id, p.seq, c.plover, '', c.code, c.quad, c.goldstein,
               ac.c || ' officials', ac.c, ac.c, s.s, ac.c || s.s, '',
               rc.c || ' officials', rc.c, rc.c, 'GOV', rc.c || 'GOV', '',
               p.m < 0.03, p.m >= 0.03 AND p.m < 0.06, false, p.m >= 0.06, a.date, 'day', false,
               ac.c, ac.c, 'Synthetic: ' || ac.c || ' officials acted toward ' || rc.c || ' (' || c.code || ').',
               'acted', 0, 60, 22, 27
        FROM p JOIN articles a ON a.id = 'syn' || lpad(p.art::VARCHAR, 9, '0')
        JOIN _syn_codes c ON c.k = p.ck JOIN _syn_countries ac ON ac.k = p.ak
        JOIN _syn_countries rc ON rc.k = p.rk JOIN _syn_sectors s ON s.k = p.sk""")


def _insert_quotes(con, n_quotes: int, n_articles: int) -> None:
    n = len(COUNTRIES)
    con.execute(f"""
        INSERT INTO quotes (id, article_id, seq, text, direct, kind, cue, speaker_text, speaker_name,
            speaker_country, speaker_sector, speaker_code, speaker_country_source, addressee_text,
            addressee_name, addressee_country, addressee_code, via_name, setting, start, "end", sentence, date)
        WITH r AS (
            SELECT i, i % {n_articles} AS art, i // {n_articles} AS seq,
                   floor({n} * pow({_u('i', 7)}, 2.5))::INTEGER AS sk,
                   floor({n} * pow({_u('i', 8)}, 2.5))::INTEGER AS ak
            FROM range({n_quotes}) t(i)
        )
        SELECT a.id || '-q' || r.seq, a.id, r.seq, 'We will keep talking (synthetic).', true, 'direct', 'said',
               sc.c || ' minister', sc.c || ' minister', sc.c, 'GOV', sc.c || 'GOV', '',
               ac.c || ' officials', ac.c, ac.c, ac.c || 'GOV', NULL, '', 0, 30,
               '"We will keep talking (synthetic)," the minister said.', a.date
        FROM r JOIN articles a ON a.id = 'syn' || lpad(r.art::VARCHAR, 9, '0')
        JOIN _syn_countries sc ON sc.k = r.sk JOIN _syn_countries ac ON ac.k = r.ak""")


def _insert_actors(con, n_articles: int, per_article: int = 5) -> None:
    """Actor mentions: ``per_article`` per article, the first inside the first quote's span (0-30)."""
    n = len(COUNTRIES)
    con.execute(f"""
        INSERT INTO actors (article_id, seq, text, name, country, sector, code, title, kind, start, "end",
                            country_source)
        WITH r AS (
            SELECT i, i // {per_article} AS art, i % {per_article} AS seq,
                   floor({n} * pow({_u('i', 9)}, 2.5))::INTEGER AS ck
            FROM range({n_articles * per_article}) t(i)
        )
        SELECT 'syn' || lpad(r.art::VARCHAR, 9, '0'), r.seq, c.c, c.c, c.c, '', c.c, '', 'country',
               r.seq * 40 + 5, r.seq * 40 + 10, ''
        FROM r JOIN _syn_countries c ON c.k = r.ck""")


def build_synthetic_store(path: str | Path, n_events: int) -> Path:
    """Create (or replace) a store at ``path`` holding ``n_events`` synthetic events; return the path."""
    path = Path(path)
    for stale in (path, path.with_name(path.name + ".wal")):
        stale.unlink(missing_ok=True)
    n_articles = max(1, n_events // 10)
    with Store(path) as store:
        con = store.con
        _tables(con)
        _insert_articles(con, n_articles)
        _insert_events(con, n_events, n_articles)
        _insert_quotes(con, max(1, n_events // 5), n_articles)
        _insert_actors(con, n_articles)
        con.execute("CHECKPOINT")
    return path


if __name__ == "__main__":
    target = build_synthetic_store(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000)
    print(target)
