"""Rules as data: the named word sets (events/wordsets.py) and the derivation registry (events/derive.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dyadwatch.events import derive
from dyadwatch.events.wordsets import WORDSETS_FILE, WordSetError, load_wordsets, parse_wordsets, words
from dyadwatch.models import Event

SRC = Path(__file__).resolve().parents[1] / "src" / "dyadwatch"


# -- word sets ------------------------------------------------------------------------------------------
def test_a_word_set_may_include_one_defined_above():
    sets = parse_wordsets("name\twords\twhy\nFUTURE\twill shall\tfuture\nMODAL\t@FUTURE would could\tmodal\n")
    assert sets["MODAL"] == {"will", "shall", "would", "could"}


def test_a_word_set_defined_twice_fails_with_its_line():
    text = "name\twords\twhy\nAUX\twill\t\n# a comment\nAUX\twould\t\n"
    with pytest.raises(WordSetError, match=r"sets.tsv:4: word set 'AUX' is defined twice"):
        parse_wordsets(text, "sets.tsv")


def test_an_unknown_include_fails():
    with pytest.raises(WordSetError, match="unknown set 'LATER'"):
        parse_wordsets("name\twords\twhy\nNOW\t@LATER now\t\nLATER\tsoon\t\n", "sets.tsv")


def test_an_unknown_set_name_is_an_error_not_an_empty_set():
    with pytest.raises(KeyError, match="NO_SUCH_SET"):
        words("NO_SUCH_SET")


def test_the_project_sets_are_lower_case_and_explained():
    for line in WORDSETS_FILE.read_text(encoding="utf-8").splitlines()[1:]:
        if line.startswith("#") or line.startswith("name\t") or not line.strip():
            continue
        name, members, why = line.split("\t")
        assert name.isupper() and why.strip(), name
        assert all(w == w.lower() for w in members.split() if not w.startswith("@")), name


def test_every_project_set_is_used_by_the_code():
    code = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py"))
    used = set(re.findall(r'words\("([A-Z_]+)"\)', code)) | {"GOVERNOR_"}
    data = [WORDSETS_FILE, *WORDSETS_FILE.parent.glob("triggers*.tsv")]  # sets a set or a lexicon row includes
    included = {n for path in data for n in re.findall(r"@([A-Z_]+)", path.read_text(encoding="utf-8"))}
    unused = [n for n in load_wordsets() if n not in used | included and not n.startswith("GOVERNOR_")]
    assert unused == []


def test_no_word_list_is_defined_twice_in_the_event_code():
    """Word lists are read from the data file; the event modules keep no literal copy of a project set."""
    sets = {members: name for name, members in load_wordsets().items() if len(members) > 2}
    literal = re.compile(r'^[A-Z_]+ = (?:set\("([^"]+)"\.split\(\)|\{([^}]+)\})', re.M)
    for path in (SRC / "events").glob("*.py"):
        for m in literal.finditer(path.read_text(encoding="utf-8")):
            members = frozenset(m.group(1).split() if m.group(1) else re.findall(r'"([^"]+)"', m.group(2)))
            assert members not in sets, f"{path.name} repeats the word set {sets.get(members)}"


# -- derivations ----------------------------------------------------------------------------------------
def test_derivations_run_in_the_documented_order():
    assert [r.name for r in derive.rules("event")] == [
        "verbal_attack", "contest", "markets", "press_contact", "home_trip", "threat", "intent_agree", "refusal",
        "regret",
    ]  # fmt: skip
    assert [r.name for r in derive.rules("trigger")] == ["dismissal"]
    assert [r.name for r in derive.rules("sentence")] == ["obligation", "reported_criticism", "reported_praise"]


def test_a_derivation_needs_a_known_stage_and_a_new_name():
    with pytest.raises(ValueError, match="unknown stage"):
        derive.derivation("later", stage="article")
    with pytest.raises(ValueError, match="registered twice"):
        derive.derivation("refusal")(lambda ctx, cand, ev: [])


def _event(code: str = "036") -> Event:
    return Event("CONSULT", code, 1, 1.0, None, None, "A met B.", "met")


def test_event_stage_rules_map_each_event_to_what_it_becomes(monkeypatch):
    """A rule returns the event kept, recoded, with a derived event after it, or dropped; later rules see
    every event the earlier ones produced."""
    registry: dict[str, derive.DerivationRule] = {}
    monkeypatch.setattr(derive, "DERIVATIONS", registry)
    derive.derivation("add")(lambda ctx, cand, ev: [ev, derive.recode(ev, "120")])
    derive.derivation("drop_rejects")(lambda ctx, cand, ev: [] if ev.event_type == "REJECT" else [ev])
    derive.derivation("recode")(lambda ctx, cand, ev: [derive.recode(ev, "040")])
    out = derive.derive_event(None, None, _event())  # type: ignore[arg-type]
    assert [(e.event_type, e.cameo_code) for e in out] == [("CONSULT", "040")]
    assert registry["add"].stage == "event"


def test_trigger_stage_rules_add_to_the_first_event(monkeypatch):
    monkeypatch.setattr(derive, "DERIVATIONS", {})
    derive.derivation("echo", stage="trigger")(lambda ctx, cand, ev: [derive.recode(ev, "111")])
    first, second = _event(), _event("042")
    added = derive.derive_trigger(None, None, [first, second])  # type: ignore[arg-type]
    assert [(e.event_type, e.cameo_code, e.quad_class) for e in added] == [("ACCUSE", "111", 3)]
    assert derive.derive_trigger(None, None, []) == []  # type: ignore[arg-type]


def test_a_malformed_trigger_row_fails_with_its_file_and_line(tmp_path):
    """A comment line that lost its '#' must not load as a trigger for the word '"needled'."""
    from dyadwatch.events.lexicon import load_rules

    lexicon = tmp_path / "triggers.tsv"
    lexicon.write_text(
        "lemma\tpos\tprep\tobject\tcameo\tnotes\n"
        "needle\tV\t\t\t111\tneedle someone\n"
        '"needled Trump over his taxes", "booed Cruz").\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"triggers\.tsv:3"):
        load_rules(lexicon, None)


def test_a_row_whose_checks_fail_gives_way_to_the_next_row_of_the_word(tmp_path, nlp):
    """The checks column picks a sense: "encouraged X to withdraw" is an appeal (the row needs an infinitive),
    "encouraged X" alone is praise; the failing first row must not hide the second."""
    from dyadwatch.events import checks
    from dyadwatch.events.lexicon import Lexicon

    lexicon = tmp_path / "triggers.tsv"
    lexicon.write_text(
        "lemma\tpos\tprep\tobject\tcameo\tnotes\tchecks\n"
        "encourage\tV\t\t\t020\tencourage someone to act: an appeal\tneeds_infinitive\n"
        "encourage\tV\t\t\t051\tencourage someone: praise\n",
        encoding="utf-8",
    )
    lex = Lexicon(lexicon, converted=None)

    def cameo_of(text: str) -> str | None:
        doc = nlp(text)
        verb = next(t for t in doc if t.lemma_ == "encourage")
        found = lex.match(verb, accept=checks.passes)
        return found.rule.cameo if found else None

    assert cameo_of("The minister encouraged the rebels to lay down their arms.") == "020"
    assert cameo_of("The minister encouraged the rebels.") == "051"
