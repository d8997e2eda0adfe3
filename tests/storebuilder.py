"""Hand-made stores for exact numbers in analysis and export tests: rows written straight into the schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dyadwatch.codes import lookup
from dyadwatch.store import Store


class StoreBuilder:
    """Add articles, events and quotes with only the fields a test cares about; the rest get plain defaults."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.store = Store(path)
        self.con = self.store.con
        self._seq: dict[str, int] = {}

    def article(self, id: str, date: str, source: str = "Test Wire", title: str = "", text: str = "") -> str:  # noqa: A002
        self.con.execute(
            """INSERT INTO articles (id, source_id, url, path, source, title, date, language, text, skipped_reason,
                                     story_id, key_points, dateline, byline, editors, flags, ingested_at)
               VALUES (?, '', ?, 'test', ?, ?, ?, 'en', ?, '', ?, [], [], [], [], [],
                       TIMESTAMP '2024-01-02 03:04:05')""",
            [id, f"https://example.test/{id}", source, title or f"Article {id}", date, text or f"Text of {id}.", id],
        )
        return id

    def event(self, article: str, actor: str, recipient: str, code: str = "042", date: str = "", **extra: Any) -> str:
        """An event actor -> recipient (country codes; actor code = country + GOV) with CAMEO ``code``."""
        seq = self._seq.get(article, 0)
        self._seq[article] = seq + 1
        info = lookup(code)
        row = {
            "id": f"{article}-e{seq}", "article_id": article, "seq": seq, "event_type": info.plover,
            "mode": "", "cameo_code": code, "quad_class": info.quad_class, "goldstein": info.goldstein,
            "actor_text": f"{actor} officials", "actor_name": actor, "actor_country": actor, "actor_sector": "GOV",
            "actor_code": f"{actor}GOV", "recipient_text": recipient, "recipient_name": recipient,
            "recipient_country": recipient, "recipient_sector": "", "recipient_code": recipient,
            "negated": False, "hypothetical": False, "denied": False, "asserted": True, "date": date,
            "date_granularity": "day", "date_resolved": False, "location_name": "", "location_country": "",
            "sentence": f"{actor} officials acted toward {recipient} ({code}).", "trigger": "acted",
            "sentence_start": 0, "sentence_end": 40, "trigger_start": 14, "trigger_end": 19,
        }  # fmt: skip
        row.update(extra)
        row["asserted"] = not (row["negated"] or row["hypothetical"] or row["denied"])
        columns = ", ".join(f'"{c}"' for c in row)
        self.con.execute(f"INSERT INTO events ({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
        return row["id"]

    def quote(self, article: str, speaker: str, addressee: str = "", start: int = 0, end: int = 20, **extra: Any):
        seq = self._seq.get(article + "-q", 0)
        self._seq[article + "-q"] = seq + 1
        date = self.con.execute("SELECT date FROM articles WHERE id = ?", [article]).fetchone()[0]
        row = {
            "id": f"{article}-q{seq}", "article_id": article, "seq": seq, "text": "We will talk.", "direct": True,
            "kind": "direct", "cue": "said", "speaker_text": speaker, "speaker_name": speaker,
            "speaker_country": speaker, "speaker_code": f"{speaker}GOV", "addressee_text": addressee,
            "addressee_name": addressee, "addressee_country": addressee, "addressee_code": addressee,
            "start": start, "end": end, "sentence": '"We will talk," he said.', "date": date,
        }  # fmt: skip
        row.update(extra)
        columns = ", ".join(f'"{c}"' for c in row)
        self.con.execute(f"INSERT INTO quotes ({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
        return row["id"]

    def mention(self, article: str, seq: int, country: str, start: int, end: int) -> None:
        """An actor mention (e.g. a country named inside a quote's span)."""
        self.con.execute(
            'INSERT INTO actors (article_id, seq, text, name, country, code, kind, start, "end") '
            "VALUES (?, ?, ?, ?, ?, ?, 'country', ?, ?)",
            [article, seq, country, country, country, country, start, end],
        )

    def close(self) -> Path:
        self.store.close()
        return self.path
