"""The user dictionary: a TSV/CSV file of actors that overrides every other source.

Columns (header row required; ``#`` lines are comments)::

    name    aliases                 country  sector  valid_from  valid_to
    Volodymyr Zelensky  Zelensky|Zelenskyy  UKR  GOV  2019-05-20

``aliases`` are separated by ``|``; ``valid_from`` / ``valid_to`` are ISO dates (either may be
empty). An entry applies to an article whose date lies in the range, or to any undated article.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from dyadwatch.actors.gazetteer import normalise


@dataclass(frozen=True, slots=True)
class UserEntry:
    """One user-dictionary row."""

    name: str
    country: str
    sector: str = ""
    valid_from: str = ""
    valid_to: str = ""

    def valid_on(self, date: str) -> bool:
        """True when the entry applies on ``date`` (ISO); undated articles match every entry."""
        if not date:
            return True
        return (not self.valid_from or self.valid_from <= date) and (not self.valid_to or date <= self.valid_to)


def load_user_dictionary(path: Path) -> dict[str, list[UserEntry]]:
    """Read the file into normalised alias -> entries (several entries may differ by validity)."""
    text = Path(path).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        return {}
    delimiter = "\t" if "\t" in lines[0] else ","
    out: dict[str, list[UserEntry]] = {}
    for row in csv.DictReader(lines, delimiter=delimiter):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        name = row.get("name", "")
        if not name:
            continue
        entry = UserEntry(
            name=name,
            country=row.get("country", "").upper(),
            sector=row.get("sector", "").upper(),
            valid_from=row.get("valid_from", ""),
            valid_to=row.get("valid_to", ""),
        )
        for alias in [name, *row.get("aliases", "").split("|")]:
            if alias.strip():
                out.setdefault(normalise(alias), []).append(entry)
    return out


def load_converted(path: Path) -> dict[str, list[UserEntry]]:
    """A converted list of people (``tools/convert_actor_dictionaries.py``): the user dictionary's
    columns in a fixed order, read without the csv module (tens of thousands of rows load in well
    under a second); repeated names share one string."""
    out: dict[str, list[UserEntry]] = {}
    names: dict[str, str] = {}
    with Path(path).open(encoding="utf-8") as fh:
        lines = (line for line in fh if line[:1] != "#")
        next(lines, None)  # header: name aliases country sector valid_from valid_to [...]
        for line in lines:
            name, aliases, country, sector, valid_from, valid_to = line.rstrip("\n").split("\t")[:6]
            name = names.setdefault(name, name)
            entry = UserEntry(name, country, sector, valid_from, valid_to)
            for alias in [name, *aliases.split("|")] if aliases else [name]:
                key = alias.lower()  # the converter writes single-spaced, straight-quoted names
                out.setdefault(key if "’" not in key else normalise(key), []).append(entry)
    return out


def pick(entries: list[UserEntry], date: str) -> UserEntry | None:
    """The entry valid on ``date``; the latest-starting one when several are."""
    valid = [e for e in entries if e.valid_on(date)]
    return max(valid, key=lambda e: e.valid_from) if valid else None
