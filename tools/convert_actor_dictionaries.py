"""Convert the Phoenix (PETRARCH-2) actor dictionaries and the US Congress lists into dyadwatch's TSV data.

Re-runnable, offline: ``python tools/convert_actor_dictionaries.py [SOURCE] [--out DIR]``, where SOURCE
holds ``petrarch2/`` and ``us-congress/`` (default ``../shared/reference``). Writes into
``src/dyadwatch/actors/data/``:

- ``phoenix_people.tsv``: office holders and officials, one row per office (date range) in the user
  dictionary's format, full names only (a bare surname is too ambiguous across 20,000 people);
- ``phoenix_orgs.tsv``: IGOs, NGOs, companies, armed groups and national institutions (orgs.tsv format);
- ``phoenix_agents.tsv``: role nouns -> sectors (roles.tsv format, one and two words);
- ``us_officials.tsv``: sitting members of Congress and US presidents/vice presidents since 1900 with
  their terms (LEG for Congress, GOV for the executive), party and state;
- ``PETRARCH2_LICENSE``: the MIT notice the converted Phoenix data keeps.

The runtime reads only these TSV files; PyYAML is used when installed, else a small reader for the
block-style YAML these lists are written in.
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "reference"
DEFAULT_OUT = ROOT / "src" / "dyadwatch" / "actors" / "data"
CODES_FILE = Path(__file__).resolve().parent / "phoenix_codes.tsv"
PETRARCH_COMMIT = "676801c"
CONGRESS_COMMIT = "dfa9622"
BLOCS = {"IGO", "NGO", "IMG"}
EXECUTIVE_SINCE = "1900-01-01"
MERGE_GAP_DAYS = 70  # terms this close (Jan 3 -> Jan 5, a special election) are one stay in office
MAX_ORG_SINGLE_WORD = 5  # single-word organisation names kept only as capitalised acronyms ("UNHCR")
CODE_RE = re.compile(r"\[([A-Z~-]+)\s*([<>]?\d{6,8}(?:-\d{6,8})?)?\s*\]")


@dataclass
class Code:
    """One bracketed Phoenix code with its optional date range (ISO dates, "" = open)."""

    raw: str
    start: str = ""
    end: str = ""


@dataclass
class Entry:
    """A Phoenix dictionary entry: its name, synonyms, codes and comment."""

    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    comment: str = ""


@dataclass
class Tables:
    """The conversion tables of ``phoenix_codes.tsv``."""

    sectors: dict[str, str]
    countries: dict[str, str]
    orgwords: set[str]
    titles: set[str]
    skip_agents: set[str]
    iso3: set[str]


# -- reading ----------------------------------------------------------------------------------------
def load_tables(path: Path = CODES_FILE) -> Tables:
    import pycountry

    rows = [r for r in _tsv(path)]
    return Tables(
        sectors={r["key"]: r["value"] for r in rows if r["kind"] == "sector"},
        countries={r["key"]: r["value"] for r in rows if r["kind"] == "country"},
        orgwords={r["key"] for r in rows if r["kind"] == "orgword"},
        titles={r["key"] for r in rows if r["kind"] == "title"},
        skip_agents={r["key"] for r in rows if r["kind"] == "skipagent"},
        iso3={c.alpha_3 for c in pycountry.countries} | {"XKX"},
    )


def _tsv(path: Path) -> Iterator[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and line[0] != "#"]
    for row in csv.DictReader(lines, delimiter="\t"):
        yield {k: (v or "").strip() for k, v in row.items()}


def _iso_date(text: str) -> str:
    """Phoenix yymmdd (or yyyymmdd) -> ISO; two-digit years above 30 are 19xx."""
    if len(text) == 8:
        year, rest = text[:4], text[4:]
    elif len(text) == 6:
        yy = int(text[:2])
        year, rest = str((1900 if yy > 30 else 2000) + yy), text[2:]
    else:
        return "?"
    month, day = rest[:2], rest[2:]
    if not ("01" <= month <= "12" and "01" <= day <= "31"):
        return "?"
    return f"{year}-{month}-{day}"


def _code(raw: str, dates: str | None) -> Code | None:
    if not dates:
        return Code(raw)
    if dates[0] in "<>":
        iso = _iso_date(dates[1:])
        return None if iso == "?" else (Code(raw, start=iso) if dates[0] == ">" else Code(raw, end=iso))
    start, _, end = dates.partition("-")
    first, last = _iso_date(start), _iso_date(end)
    return None if "?" in (first, last) else Code(raw, first, last)


def read_phoenix(path: Path) -> list[Entry]:
    """Entries of a TABARI/PETRARCH ``.actors`` file: ``NAME_ [CODE dates]``, ``+SYNONYM`` lines and
    tab-indented code lines; ``#`` starts a comment."""
    entries: list[Entry] = []
    current: Entry | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body, _, comment = line.partition("#")
        if not body.strip():
            if current is not None and comment and not current.comment:
                current.comment = comment.strip()
            continue
        codes = [c for c in (_code(m.group(1), m.group(2)) for m in CODE_RE.finditer(body)) if c is not None]
        text = CODE_RE.sub(" ", body).split("[")[0].strip()
        if body[0] in " \t" and not text:
            if current is not None:
                current.codes.extend(codes)
            continue
        if text.startswith("+"):
            if current is not None:
                current.aliases.append(_words(text[1:]))
                current.codes.extend(codes)
            continue
        current = Entry(_words(text), codes=codes, comment=comment.strip())
        entries.append(current)
    return [e for e in entries if e.name and e.codes]


def _words(text: str) -> str:
    return " ".join(text.replace("_", " ").split())


# -- Phoenix actors ---------------------------------------------------------------------------------
def _display(name: str) -> str:
    """"VLADIMIR PUTIN" -> "Vladimir Putin", "JOHN MCCAIN" -> "John McCain"; acronyms stay."""
    def word(w: str) -> str:
        if len(w) <= MAX_ORG_SINGLE_WORD and w.isalpha() and " " not in name:
            return w
        out = "-".join(p[:1].upper() + p[1:].lower() for p in w.split("-"))
        if out.startswith("Mc") and len(out) > 2:
            out = "Mc" + out[2].upper() + out[3:]
        return out
    return " ".join(word(w) for w in name.split())


def _split_code(raw: str, t: Tables) -> tuple[str, str] | None:
    """A Phoenix actor code -> (country, sector): "RUSGOV" -> (RUS, GOV), "IGOUNOREFHCR" -> (IGO, REF),
    "MNCUSA" -> (USA, BUS), "MNC" -> ("", BUS). None when the country is a region or unknown."""
    raw = raw.lstrip("~")
    head, chunks = raw[:3], [raw[k: k + 3] for k in range(3, len(raw), 3)]
    sector = ""
    if head == "MNC":
        country = t.countries.get(chunks[0], chunks[0]) if chunks and chunks[0] in t.iso3 | set(t.countries) else ""
        rest = chunks[1:] if country else chunks
        sector = next((t.sectors[c] for c in rest if t.sectors.get(c) == "MED"), "BUS")
        return country, sector
    country = t.countries.get(head, head)
    if country not in t.iso3 and country not in BLOCS:
        return None
    sector = next((t.sectors[c] for c in chunks if c in t.sectors), "")
    if country == "IMG" and not sector:
        sector = "REB"
    return country, sector


def _is_person(entry: Entry, t: Tables, national: bool = False) -> bool:
    """Phoenix mixes officials and bodies: dated offices or a rulers/CountryInfo source mark people;
    an organisation word ("COMMITTEE", "ARMY") or a single word marks a body. In the Countries file
    (``national``) every person is a CountryInfo office holder; the rest are institutions."""
    if "countryinfo" in entry.comment.lower() or "rulers" in entry.comment.lower():
        return True
    if any(c.start or c.end for c in entry.codes):
        return True
    if national:
        return False
    words = entry.name.replace("-", " ").split()
    if len(words) < 2 or len(words) > 4 or any(w in t.orgwords for w in words) or "(" in entry.name:
        return False
    return all(w.replace(".", "").replace("'", "").isalpha() for w in words)


def _person_aliases(entry: Entry, titles: set[str]) -> list[str]:
    """Full-name forms only: two words or more, no title word ("PRESIDENT PUTIN" is no name)."""
    out = []
    for alias in [entry.name, *entry.aliases]:
        words = alias.split()
        if len(words) >= 2 and not any(w.strip(".,") in titles for w in words) and "(" not in alias:
            out.append(alias)
    return list(dict.fromkeys(out))


def phoenix_people(entries: list[tuple[Entry, bool]], t: Tables, titles: set[str]) -> list[dict[str, str]]:
    """One row per office of each person; aliases that name people of several countries are dropped.
    ``entries`` pairs each entry with whether it comes from the Countries file."""
    people = []
    for entry, national in entries:
        if not _is_person(entry, t, national):
            continue
        aliases = _person_aliases(entry, titles)
        offices = [(split, c) for c in entry.codes if (split := _split_code(c.raw, t)) is not None and split[0]]
        if aliases and offices:
            people.append((aliases, offices))
    countries: dict[str, set[frozenset[str]]] = {}  # alias -> the country sets of the people it names
    for aliases, offices in people:
        for alias in aliases:
            countries.setdefault(alias, set()).add(frozenset(country for (country, _), _ in offices))
    rows = []
    for aliases, offices in people:
        kept = [a for a in aliases if len(countries[a]) == 1]
        if not kept:
            continue
        name = _display(kept[0])
        others = "|".join(_display(a) for a in kept[1:])
        for (country, sector), code in offices:
            rows.append({"name": name, "aliases": others, "country": country, "sector": sector,
                         "valid_from": code.start, "valid_to": code.end})
    return _unique(rows)


def phoenix_orgs(entries: list[Entry], t: Tables, national: bool) -> list[dict[str, str]]:
    """Organisations (orgs.tsv columns). ``national``: the Countries file, whose bodies carry a sector
    ("AFGHAN NATIONAL ARMY" [AFGMIL]); bare country codes there are country names, not bodies."""
    bodies = []
    for entry in entries:
        if _is_person(entry, t, national):
            continue
        split = next((s for c in entry.codes if (s := _split_code(c.raw, t)) is not None), None)
        if split is None or (national and not split[1]):
            continue
        names = [a for a in [entry.name, *entry.aliases]
                 if len(a.split()) >= 2 or (len(a) <= MAX_ORG_SINGLE_WORD and a.isalpha())]
        if names:
            bodies.append((names, split))
    countries: dict[str, set[str]] = {}
    for names, (country, _) in bodies:
        for name in names:
            countries.setdefault(name, set()).add(country)
    rows = []
    for names, (country, sector) in bodies:
        kept = [n for n in dict.fromkeys(names) if len(countries[n]) == 1]
        if not kept:
            continue
        code = country if country in BLOCS and not sector else country + sector
        rows.append({"code": code, "country": country, "sector": sector, "canonical": _display(kept[0]),
                     "aliases": "|".join(n if " " not in n else _display(n) for n in kept)})
    return _unique(rows)


# -- agents -----------------------------------------------------------------------------------------
def read_agents(path: Path, t: Tables) -> list[dict[str, str]]:
    """Role nouns of ``Phoenix.agents.txt`` -> roles.tsv rows (one and two words; the matcher looks no
    further). ``!PERSON!`` expands to man/woman/person, ``{PLURAL}`` gives the group form; generic
    nouns (``skipagent`` rows, one-word CVL agents) are left out."""
    subs: dict[str, list[str]] = {}
    rows: dict[str, dict[str, str]] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = line.split("#")[0].strip()
        if body.startswith("!") and "=" in body:
            key, _, values = body.partition("=")
            subs[key.strip()] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        match = re.search(r"\[~([A-Z]+)\]", body)
        if not match:
            continue
        sector = next((t.sectors[c] for c in (match.group(1)[k: k + 3] for k in range(0, len(match.group(1)), 3))
                       if c in t.sectors), "")
        if not sector:
            continue
        text = body[: body.index("[")]
        plural = re.search(r"\{([^}]*)\}", text)
        text = re.sub(r"\{[^}]*\}", "", text).strip()
        forms = [(f, "singular") for f in _expand(text, subs)]
        if plural and plural.group(1).strip():
            forms += [(f, "plural") for f in _expand(plural.group(1).strip(), subs)]
        for form, number in forms:
            role = " ".join(form.replace("_", " ").lower().split())
            if not role or len(role.split()) > 2 or not re.fullmatch(r"[a-z][a-z .'-]*", role):
                continue
            if role in t.skip_agents or (sector == "CVL" and " " not in role):
                continue  # generic nouns ("girl", "the business") are no participants
            rows.setdefault(role, {"role": role, "sector": sector, "strength": "1",
                                   "kind": _agent_kind(role, number, t)})
    return sorted(rows.values(), key=lambda r: r["role"])


def _expand(text: str, subs: dict[str, list[str]]) -> list[str]:
    for key, values in subs.items():
        if key in text:
            return [v for value in values for v in _expand(text.replace(key, value, 1), subs)]
    return [text]


def _agent_kind(role: str, number: str, t: Tables) -> str:
    last = role.split()[-1].upper()
    if last in t.orgwords or last.endswith(("MENT", "STRY", "ENCY", "POLICE", "ARMY", "NAVY")):
        return "org"
    men = last.endswith(("MEN", "WOMEN", "PEOPLE"))
    return "group" if number == "plural" or men else "person"


# -- US Congress (YAML) -----------------------------------------------------------------------------
def read_yaml(path: Path) -> object:
    """The Congress files through PyYAML (a dev-time dependency: the runtime reads only the TSV output)."""
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _days(date: str) -> int:
    from datetime import date as _date

    return _date.fromisoformat(date).toordinal()


def _names(name: dict) -> list[str]:
    first, last = str(name.get("first", "")), str(name.get("last", ""))
    nick, middle = str(name.get("nickname", "") or ""), str(name.get("middle", "") or "")
    full = name.get("official_full")
    suffix = str(name.get("suffix", "") or "")
    out = [str(full)] if full else []
    out.append(f"{first} {last}")
    if nick:
        out.append(f"{nick} {last}")
    if middle:
        out.append(f"{first} {middle[0]}. {last}")
        out.append(f"{first} {middle} {last}")
    if suffix:
        out.append(f"{first} {last} {suffix}")
    return list(dict.fromkeys(" ".join(n.split()) for n in out if n.strip()))


def us_officials(legislators: list[dict], executives: list[dict]) -> list[dict[str, str]]:
    """One row per continuous stay in an office kind (LEG: Congress; GOV: president / vice president)."""
    rows = []
    for person in [*legislators, *executives]:
        terms = []
        for term in person.get("terms", []):
            sector = {"rep": "LEG", "sen": "LEG", "prez": "GOV", "viceprez": "GOV"}.get(term.get("type"), "")
            if sector and (sector == "LEG" or str(term["end"]) >= EXECUTIVE_SINCE):
                terms.append((sector, str(term["start"]), str(term["end"]), term))
        if not terms:
            continue
        names = _names(person["name"])
        merged: list[list] = []
        for sector, start, end, term in sorted(terms, key=lambda x: x[1]):
            last = merged[-1] if merged else None
            if last and last[0] == sector and _days(start) - _days(last[2]) <= MERGE_GAP_DAYS:
                last[2], last[3] = max(last[2], end), term
            else:
                merged.append([sector, start, end, term])
        for sector, start, end, term in merged:
            office = {"rep": "representative", "sen": "senator", "prez": "president", "viceprez": "vice president"}
            rows.append({"name": names[0], "aliases": "|".join(names[1:]), "country": "USA", "sector": sector,
                         "valid_from": start, "valid_to": end, "party": str(term.get("party", "")),
                         "state": str(term.get("state", "")), "office": office[term["type"]]})
    return rows


# -- writing ----------------------------------------------------------------------------------------
def _unique(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    seen, out = set(), []
    for row in rows:
        key = tuple(row.values())
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def write_tsv(path: Path, header: list[str], rows: list[dict[str, str]], columns: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        for line in header:
            fh.write(f"# {line}\n")
        fh.write("\t".join(columns) + "\n")
        for row in rows:
            fh.write("\t".join(str(row.get(c, "")).replace("\t", " ") for c in columns) + "\n")


def convert(source: Path, out: Path) -> dict[str, int]:
    """Convert every dictionary under ``source`` into ``out``; returns the row count per file."""
    t = load_tables()
    phoenix = source / "petrarch2"
    notice = (f"Converted by tools/convert_actor_dictionaries.py from openeventdata/petrarch2 (commit "
              f"{PETRARCH_COMMIT}) data/dictionaries/{{}}.")
    mit = "Copyright (c) 2014 Open Event Data Alliance; MIT License, full text in PETRARCH2_LICENSE beside this file."
    counts: dict[str, int] = {}
    agents = read_agents(phoenix / "Phoenix.agents.txt", t)
    titles = {w.upper() for r in agents for w in r["role"].split()} | t.titles
    countries_file = read_phoenix(phoenix / "Phoenix.Countries.actors.txt")
    international = read_phoenix(phoenix / "Phoenix.International.actors.txt")
    nonstate = read_phoenix(phoenix / "Phoenix.MilNonState.actors.txt")
    people = phoenix_people([(e, True) for e in countries_file] + [(e, False) for e in international], t, titles)
    people_cols = ["name", "aliases", "country", "sector", "valid_from", "valid_to"]
    write_tsv(out / "phoenix_people.tsv", [
        notice.format("Phoenix.Countries.actors.txt and Phoenix.International.actors.txt"), mit,
        "Office holders and officials (to 2014), one row per office; user-dictionary columns. Full names only;",
        "names shared by people of different countries are left out. sector '' = out of office (country kept).",
    ], people, people_cols)
    counts["phoenix_people.tsv"] = len(people)
    orgs = (phoenix_orgs(international, t, False) + phoenix_orgs(nonstate, t, False)
            + phoenix_orgs(countries_file, t, True))
    write_tsv(out / "phoenix_orgs.tsv", [
        notice.format("Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt, Phoenix.Countries.actors.txt"),
        mit, "IGOs, NGOs, companies (MNC -> BUS, home country when coded), armed groups, national institutions.",
        "orgs.tsv columns; the project's orgs.tsv wins on any shared name.",
    ], orgs, ["code", "country", "sector", "canonical", "aliases"])
    counts["phoenix_orgs.tsv"] = len(orgs)
    write_tsv(out / "phoenix_agents.tsv", [
        notice.format("Phoenix.agents.txt"), mit,
        "Role nouns -> sector (roles.tsv columns, strength 1); the project's roles.tsv wins on any shared role.",
    ], agents, ["role", "sector", "strength", "kind"])
    counts["phoenix_agents.tsv"] = len(agents)
    congress = source / "us-congress"
    officials = us_officials(read_yaml(congress / "legislators-current.yaml") or [],
                             read_yaml(congress / "executive.yaml") or [])
    write_tsv(out / "us_officials.tsv", [
        f"Converted by tools/convert_actor_dictionaries.py from unitedstates/congress-legislators (commit "
        f"{CONGRESS_COMMIT}): legislators-current.yaml and executive.yaml (presidents and vice presidents since 1900).",
        "Public domain (CC0 1.0). One row per continuous stay in office: LEG for Congress, GOV for the executive.",
    ], officials, [*people_cols, "party", "state", "office"])
    counts["us_officials.tsv"] = len(officials)
    if (phoenix / "LICENSE").exists():
        shutil.copyfile(phoenix / "LICENSE", out / "PETRARCH2_LICENSE")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE,
                        help="folder holding petrarch2/ and us-congress/ (default ../shared/reference)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the TSV files go")
    args = parser.parse_args()
    for name, count in convert(args.source, args.out).items():
        print(f"{name}: {count} rows")


if __name__ == "__main__":
    main()
