"""Convert PETRARCH-2's CAMEO verb dictionary into dyadwatch's trigger-lexicon format.

Usage: python tools/convert_petrarch_verbs.py [SOURCE] [--out FILE] [--discards-out FILE]

SOURCE defaults to ../shared/reference/petrarch2/CAMEO.2.0.txt (MIT, Open Event Data Alliance); the
output (default src/dyadwatch/events/data/triggers_petrarch.tsv) has the columns of triggers.tsv. No
network. Re-run it after changing the mapping; reviewed removals live in triggers_petrarch_blocklist.tsv,
which the lexicon applies at load time, so a re-run never loses the review.

What maps (PETRARCH pattern -> row):
  verb line "CRITICIZE" in a family with a code      -> bare verb row with the family's (or the line's) code
  "+CALL_OFF" (verb + particle)                      -> verb row with that particle
  "- * OBJ [code]" / "- * &SET [code]"               -> verb row needing that object (synonym set expanded)
  "- * PARTICLE [code]", "- * PARTICLE OBJ [code]"   -> verb row with particle (and object)
  "- * (PREP) [code]", "- * (PREP NOUN) [code]"      -> verb row with preposition (and its object)
  "- * OBJ [---]" (a null pattern)                   -> the object blocks the verb's bare row
Phoenix.discards.txt (next to SOURCE) becomes events/data/discards.tsv: phrases that mark a sentence as sport or
entertainment, less bare years/numbers and the phrases reviewed out in events/data/discards_review.tsv.

A pattern applies to the verbs its comment names as its origin ("# RUSH"; the dictionary's header says the
comment keeps the verb where the pattern was first found), else to all verbs of its family (PETRARCH's reading).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from dyadwatch import codes  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "reference" / "petrarch2" / "CAMEO.2.0.txt"
DEFAULT_OUT = ROOT / "src" / "dyadwatch" / "events" / "data" / "triggers_petrarch.tsv"
DATA = ROOT / "src" / "dyadwatch" / "events" / "data"
DEFAULT_DISCARDS_OUT = DATA / "discards.tsv"
DISCARDS_REVIEW = DATA / "discards_review.tsv"
LICENSE_NAME = "PETRARCH2_LICENSE.txt"

# Words that follow a verb as a particle or preposition; anything else after "*" is an object noun.
PARTICLES = set(
    "about across after against along around as at away back before behind between by down for from in into "
    "of off on onto out over through to toward towards under up upon with within without".split()
)
FAMILY_RE = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
CODE_RE = re.compile(r"\[([^\]]*)\]")
TOKEN_RE = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")


@dataclass
class Verb:
    lemma: str
    prep: str
    code: str  # raw PETRARCH code ("" = the family's)
    forms: tuple[str, ...] = ()  # the line's own spellings: "meet", "met", "step_up", "stepped_up"


@dataclass
class Family:
    name: str
    code: str
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[tuple[str, str, str]] = field(default_factory=list)  # (body, code, comment)


@dataclass(frozen=True)
class Row:
    lemma: str
    prep: str
    objects: tuple[str, ...]
    cameo: str
    notes: str
    blocked: bool = False  # objects are a block list (bare row)


@dataclass
class Converted:
    rows: list[Row] = field(default_factory=list)
    dropped: Counter = field(default_factory=Counter)


# -- reading ---------------------------------------------------------------------------------------------
def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """&NAME blocks: member words (multi-word members and markers dropped later)."""
    sets: dict[str, list[str]] = {}
    current = None
    for line in lines:
        text = line.split("#")[0].strip()
        if text.startswith("&"):
            current = text[1:]
            sets[current] = []
        elif text.startswith("+") and current is not None:
            sets[current].append(text[1:])
        elif not line.strip():
            current = None
    return sets


def read_families(lines: list[str]) -> list[Family]:
    """Verb blocks after the VERB PATTERNS heading."""
    families: list[Family] = []
    for line in lines:
        m = FAMILY_RE.match(line)
        if m:
            families.append(Family(m.group(1), m.group(2)))
            continue
        if not families or not line.strip() or line.startswith(("#", "~")):
            continue
        body, _, comment = line.partition("#")
        code_m = CODE_RE.search(body)
        code = code_m.group(1) if code_m else ""
        body = CODE_RE.sub("", body).strip()
        if line.startswith("-"):
            families[-1].patterns.append((body[1:].strip(), code, comment))
        else:
            verb = _verb(body, code)
            if verb is not None:
                families[-1].verbs.append(verb)
    return families


def _verb(body: str, code: str) -> Verb | None:
    """"CRITICIZE", "FLOG {FLOGS ...}", "+CALL_OFF {...}" -> Verb; other multi-word verbs -> None."""
    word = re.sub(r"\{[^}]*\}", "", body).split(";")[0].strip().split()
    if not word:
        return None
    braced = re.findall(r"\{([^}]*)\}", body)
    forms = tuple(f.lstrip("+").lower() for f in [word[0], *" ".join(braced).split()])
    parts = word[0].lstrip("+").lower().split("_")
    if len(parts) == 1:
        return Verb(parts[0], "", code, forms)
    if len(parts) == 2 and parts[1] in PARTICLES:
        return Verb(parts[0], parts[1], code, forms)
    return None


# -- mapping -----------------------------------------------------------------------------------------------
def map_code(raw: str) -> tuple[str | None, str]:
    """A PETRARCH code -> a project CAMEO code with a PLOVER type, or None and the reason."""
    raw = raw.strip()
    if not raw or raw.startswith("---"):
        return None, "null code [---]"
    if raw.startswith(":"):
        return None, "reversed roles [:code]"
    code = raw.split(":")[0].strip()
    while len(code) > 2 and not codes.is_known(code):
        code = code[:-1]  # nearest parent the table knows
    if not codes.is_known(code):
        return None, "code not in cameo.tsv"
    if not codes.plover_type(code):
        return None, "no PLOVER type (CAMEO 01 statements)"
    return code, ""


def _words(token: str, synsets: dict[str, list[str]]) -> list[str] | None:
    """Object words for a pattern token: a word or a synonym set; None when it cannot be expressed."""
    if token.startswith("&"):
        members = synsets.get(token[1:])
        if members is None:
            return None
        words = [w.rstrip("_").lower() for w in members if "_" not in w.rstrip("_") and " " not in w]
        return words or None
    word = token.rstrip("_").lower()
    if not re.fullmatch(r"[a-z][a-z'-]*", word):
        return None
    return [word]


def parse_pattern(body: str, synsets: dict[str, list[str]]) -> tuple[str, list[str]] | str:
    """(prep, objects) for an expressible pattern, else a short reason why not."""
    if "*" not in body:
        return "no verb position"
    before, _, after = body.partition("*")
    if before.strip():
        return "words before the verb (subject test)"
    toks = TOKEN_RE.findall(after.replace(" + ", " ").strip().rstrip("+").strip())
    if any(t in {"$", "^", "%", "+"} or t.startswith(("$", "^", "%")) for t in toks):
        return "source/target/skip markers"
    if any(t.startswith("{") for t in toks):
        return "multi-word noun phrase"
    prep = ""
    if toks and toks[0].startswith("("):
        inner = toks[0][1:-1].split()
        if len(toks) > 1 or not inner or inner[0].lower() not in PARTICLES or len(inner) > 2:
            return "preposition phrase with more than one word or a second part"
        prep, toks = inner[0].lower(), inner[1:]
    elif toks and toks[0].lower() in PARTICLES:
        prep, toks = toks[0].lower(), toks[1:]
    if len(toks) > 1:
        return "more than one object word or phrase"
    if not toks:
        return (prep, []) if prep else "no object or preposition"
    words = _words(toks[0], synsets)
    if words is None:
        return "multi-word or unknown object"
    return prep, words


def _targets(family: Family, comment: str, known: dict[str, Verb]) -> list[Verb]:
    """The verbs the comment names as the pattern's origin (any family's), else every verb of the family."""
    named = [known[w.lower()] for w in re.findall(r"[A-Z][A-Z_-]+", comment) if w.lower() in known]
    if named:
        return list({(v.lemma, v.prep): v for v in named}.values())
    return [v for v in family.verbs if not v.prep]


def convert(lines: list[str]) -> Converted:
    """All rows of the dictionary, in file order, with counts of what was dropped and why."""
    split = next(i for i, ln in enumerate(lines) if "VERB PATTERNS" in ln)
    synsets = read_synsets(lines[:split])
    out = Converted()
    families = read_families(lines[split:])
    known = {form: v for fam in families for v in fam.verbs for form in v.forms}
    for fam in families:
        blocked: dict[str, set[str]] = {}
        specific: list[Row] = []
        for body, raw, comment in fam.patterns:
            parsed = parse_pattern(body, synsets)
            targets = _targets(fam, comment, known)
            if raw.strip().startswith("---") and not isinstance(parsed, str) and parsed[1] and not parsed[0]:
                for verb in targets:
                    blocked.setdefault(verb.lemma, set()).update(parsed[1])
                continue
            code, why = map_code(raw)
            if isinstance(parsed, str) or code is None:
                out.dropped["pattern: " + (parsed if isinstance(parsed, str) else why)] += 1
                continue
            prep, words = parsed
            note = f"{fam.name}: - {body}".strip()
            for verb in targets:
                if verb.prep and prep:
                    out.dropped["pattern: preposition on a particle verb"] += 1
                    continue
                specific.append(Row(verb.lemma, verb.prep or prep, tuple(words), code, note))
        out.rows.extend(specific)
        out.rows.extend(_bare_rows(fam, blocked, out.dropped))
    out.rows = _merge(out.rows, out.dropped)
    return out


def _bare_rows(fam: Family, blocked: dict[str, set[str]], dropped: Counter) -> list[Row]:
    rows = []
    for verb in fam.verbs:
        code, why = map_code(verb.code or fam.code)
        if code is None:
            dropped["bare verb row: " + why] += 1
            continue
        block = tuple(sorted(blocked.get(verb.lemma, set()))) if not verb.prep else ()
        rows.append(Row(verb.lemma, verb.prep, block, code, f"{fam.name} [{fam.code}]", blocked=bool(block)))
    return rows


def _merge(rows: list[Row], dropped: Counter) -> list[Row]:
    """One row per (lemma, prep, code, kind) with the objects united; an object word already claimed by an
    earlier row of the same lemma and prep keeps its first code (file order, as PETRARCH matches)."""
    merged: dict[tuple[str, str, str, bool, bool], list[str]] = {}
    notes: dict[tuple[str, str, str, bool, bool], str] = {}
    claimed: set[tuple[str, str, str]] = set()
    for row in rows:
        key = (row.lemma, row.prep, row.cameo, row.blocked, bool(row.objects))
        words = merged.setdefault(key, [])
        notes.setdefault(key, row.notes)
        for w in row.objects:
            slot = (row.lemma, row.prep, w) if not row.blocked else ("-", row.lemma, w)
            if slot in claimed:
                dropped["pattern: object already coded for this verb"] += 1
                continue
            claimed.add(slot)
            words.append(w)
        if row.objects and not words and not merged.get(key):
            merged.pop(key)
    out = []
    seen_bare: set[tuple[str, str]] = set()
    for (lemma, prep, cameo, blocked, has_obj), words in merged.items():
        if not has_obj or blocked:
            if (lemma, prep) in seen_bare:
                dropped["bare verb row: verb in more than one family (first kept)"] += 1
                continue
            seen_bare.add((lemma, prep))
        out.append(Row(lemma, prep, tuple(words), cameo, notes[(lemma, prep, cameo, blocked, has_obj)], blocked))
    return out


# -- writing -----------------------------------------------------------------------------------------------
def _object_cell(row: Row) -> str:
    if not row.objects:
        return ""
    return ("-" if row.blocked else "") + "|".join(row.objects)


def header(source: Path, conv: Converted, notice: str) -> list[str]:
    lines = [
        "# dyadwatch trigger rows converted from PETRARCH-2's CAMEO verb dictionary (CAMEO.2.0.txt,",
        "# Copyright (c) 2015 Open Event Data Alliance per its header; MIT licence: the project's notice below and",
        "# in " + LICENSE_NAME + ").",
        f"# Generated by tools/convert_petrarch_verbs.py from {source.name}; do not edit by hand: review removals",
        "# go to triggers_petrarch_blocklist.tsv. Columns as in triggers.tsv. The hand-written triggers.tsv",
        "# wins for every lemma it covers (see dyadwatch.events.lexicon).",
        "# Codes: [a:b] -> a; a code the project table lacks -> its nearest listed parent; dropped: [---],",
        "# [:b] (reversed roles) and codes without a PLOVER type (CAMEO 01 statements).",
        f"# Rows: {len(conv.rows)}. Dropped (not expressible in this format, or no usable code):",
    ]
    lines += [f"#   {n:5d}  {why}" for why, n in sorted(conv.dropped.items(), key=lambda kv: -kv[1])]
    lines += ["#", *("# " + ln if ln else "#" for ln in notice.splitlines())]
    return lines


def write(rows: list[Row], head: list[str], out: Path) -> None:
    body = ["lemma\tpos\tprep\tobject\tcameo\tnotes"]
    body += [f"{r.lemma}\tV\t{r.prep}\t{_object_cell(r)}\t{r.cameo}\t{r.notes}" for r in rows]
    out.write_text("\n".join(head + body) + "\n", encoding="utf-8")


# -- discards ---------------------------------------------------------------------------------------------
def convert_discards(lines: list[str], reviewed_out: set[str]) -> tuple[list[tuple[str, str]], Counter]:
    """(phrase, scope) rows: scope "story" for PETRARCH's '+' (story-level) entries, else "sentence"."""
    rows: list[tuple[str, str]] = []
    dropped: Counter = Counter()
    seen: set[str] = set()
    for line in lines:
        text = line.split("#")[0].strip()
        if not text:
            continue
        scope = "story" if text.startswith("+") else "sentence"
        phrase = " ".join(w.rstrip("_") for w in text.lstrip("+").split())
        if re.fullmatch(r"[\d ]+", phrase):
            dropped["a bare year or number"] += 1
        elif phrase.upper() in reviewed_out:
            dropped["reviewed out (discards_review.tsv)"] += 1
        elif phrase.lower() in seen:
            dropped["duplicate"] += 1
        else:
            seen.add(phrase.lower())
            rows.append((phrase, scope))
    return rows, dropped


def write_discards(source: Path, out: Path, notice: str) -> int:
    review = [ln.split("\t")[0] for ln in DISCARDS_REVIEW.read_text(encoding="utf-8").splitlines()
              if ln and not ln.startswith("#")][1:]
    rows, dropped = convert_discards(source.read_text(encoding="utf-8", errors="replace").splitlines(), set(review))
    head = [
        "# Phrases that make a sentence uncodable (sport, entertainment), converted from PETRARCH-2's",
        "# Phoenix.discards.txt (Open Event Data, MIT licence: notice below and in " + LICENSE_NAME + ")",
        "# by tools/convert_petrarch_verbs.py; do not edit by hand (review: discards_review.tsv).",
        "# Matched as whole words, case-insensitively, in one sentence; dyadwatch applies story-level ('+')",
        "# entries to the sentence only. Dropped:",
        *(f"#   {n:5d}  {why}" for why, n in sorted(dropped.items(), key=lambda kv: -kv[1])),
        "#", *("# " + ln if ln else "#" for ln in notice.splitlines()),
        "phrase\tscope",
    ]
    out.write_text("\n".join(head + [f"{p}\t{sc}" for p, sc in rows]) + "\n", encoding="utf-8")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", nargs="?", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--discards-out", type=Path, default=DEFAULT_DISCARDS_OUT)
    args = parser.parse_args(argv)
    lines = args.source.read_text(encoding="utf-8", errors="replace").splitlines()
    conv = convert(lines)
    notice_file = args.source.parent / "LICENSE"
    notice = notice_file.read_text(encoding="utf-8") if notice_file.exists() else ""
    write(conv.rows, header(args.source, conv, notice), args.out)
    if notice:
        (args.out.parent / LICENSE_NAME).write_text(
            "Applies to triggers_petrarch.tsv and discards.tsv, converted from PETRARCH-2's dictionaries.\n\n"
            + notice, encoding="utf-8")
    print(f"{len(conv.rows)} rows -> {args.out}; dropped {sum(conv.dropped.values())}", file=sys.stderr)
    discards = args.source.parent / "Phoenix.discards.txt"
    if discards.exists():
        n = write_discards(discards, args.discards_out, notice)
        print(f"{n} discard phrases -> {args.discards_out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
