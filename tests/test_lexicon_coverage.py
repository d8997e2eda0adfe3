"""Coverage from PETRARCH-2's dictionaries: the converter, the layered lexicon, reviewed rows and discards."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from dyadwatch import codes
from dyadwatch.events.discards import is_discarded
from dyadwatch.events.lexicon import load_rules

TOOL = Path(__file__).resolve().parents[1] / "tools" / "convert_petrarch_verbs.py"

# A self-written dictionary in PETRARCH's format: a synonym set, one family with a code, one without.
SNIPPET = """\
# header comment
####### SYNONYM SETS #######

&TRUCE
+TRUCE
+CEASEFIRE
+CEASE_FIRE

####### VERB PATTERNS #######

---  SCOLD   [111]  ---
+TELL_OFF {+TOLD_OFF +TELLS_OFF}
SCOLD  # first line
UPBRAID {UPBRAIDS UPBRAIDED}
- * &TRUCE                                  [0871]        # SCOLD
- * (WITH RIVALS)                           [046]         # UPBRAID
- * BOOK                                    [---]         # SCOLD
- * {BIG WORDS}                             [111]         # SCOLD
- * THING                                   [010]         # SCOLD
- * ONE                                     [:173]        # SCOLD
- POLICE * CROWD                            [175]         # SCOLD

---  PONDER   [---]  ---
PONDER
- * (OVER TRUCE)                            [0871]        # PONDER
"""


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("convert_petrarch_verbs", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


def _rows(conv) -> set[tuple[str, str, tuple[str, ...], str, bool]]:
    return {(r.lemma, r.prep, r.objects, r.cameo, r.blocked) for r in conv.rows}


def test_converter_maps_families_particles_synonym_sets_and_prepositions(tool):
    rows = _rows(tool.convert(SNIPPET.splitlines()))
    assert ("scold", "", ("truce", "ceasefire"), "0871", False) in rows  # synonym set, multi-word member left out
    assert ("upbraid", "with", ("rivals",), "046", False) in rows  # "(WITH RIVALS)": preposition and its object
    assert ("tell", "off", (), "111", False) in rows  # "+TELL_OFF": verb and particle
    assert ("scold", "", ("book",), "111", True) in rows  # a null pattern blocks the bare row
    assert ("upbraid", "", (), "111", False) in rows
    assert ("ponder", "over", ("truce",), "0871", False) in rows  # a family without a code keeps its patterns
    assert not any(r[0] == "ponder" and not r[2] for r in rows)  # ... but no bare row


def test_converter_drops_and_counts_what_the_format_cannot_express(tool):
    conv = tool.convert(SNIPPET.splitlines())
    dropped = dict(conv.dropped)
    assert dropped["pattern: multi-word noun phrase"] == 1
    assert dropped["pattern: no PLOVER type (CAMEO 01 statements)"] == 1
    assert dropped["pattern: reversed roles [:code]"] == 1
    assert dropped["pattern: words before the verb (subject test)"] == 1
    assert all(codes.plover_type(r.cameo) for r in conv.rows)


def test_converter_maps_unknown_codes_to_their_nearest_listed_parent(tool):
    assert tool.map_code("0459") == ("045", "")
    assert tool.map_code("042:043") == ("042", "")
    assert tool.map_code("---")[0] is None


def test_hand_rows_win_and_the_blocklist_removes_converted_rows(tmp_path):
    hand = tmp_path / "hand.tsv"
    hand.write_text("lemma\tpos\tprep\tobject\tcameo\tnotes\nupbraid\tV\t\t\t111\thand row\n", encoding="utf-8")
    conv = tmp_path / "conv.tsv"
    conv.write_text(
        "lemma\tpos\tprep\tobject\tcameo\tnotes\n"
        "upbraid\tV\twith\trivals\t046\tconverted\n"
        "scold\tV\t\t\t111\tconverted\n"
        "ponder\tV\t\t\t040\tconverted\n",
        encoding="utf-8",
    )
    block = tmp_path / "block.tsv"
    block.write_text("lemma\tprep\trows\tcameo\treason\nponder\t*\tbare\t*\ta mental state\n", encoding="utf-8")
    from dyadwatch.events import lexicon

    covered = {"upbraid"}
    rules = lexicon.converted_rules(conv, covered, blocklist=block)
    assert [r.lemma for r in rules] == ["scold"]


def test_shipped_lexicon_layers_converted_rows_beneath_the_hand_file():
    rules = load_rules()
    assert [r.notes for r in rules["condemn"]][0].startswith("condemn")  # hand row, not PETRARCH's DENOUNCE
    assert any(r.cameo == "111" for r in rules["castigate"])  # a converted verb of disapproval
    assert "ponder" not in rules and "think" not in rules  # reviewed out: a mental state is no act
    for lemma_rules in rules.values():
        for rule in lemma_rules:
            assert codes.plover_type(rule.cameo), rule


@pytest.mark.parametrize(
    ("text", "etype", "pair"),
    [
        ("The Iranian foreign minister castigated Britain on Tuesday.", "ACCUSE", ("IRN", "GBR")),
        ("Russia brushed off the American demand.", "REJECT", ("RUS", "")),
        ("Egypt demanded the withdrawal of Israeli troops from Gaza.", "REQUEST", ("EGY", "")),
        ("The French president said he stands behind Germany.", "SUPPORT", ("FRA", "DEU")),
    ],
)
def test_converted_and_reviewed_triggers_code_through_the_pipeline(code_events, text, etype, pair):
    events = [e for e in code_events(text) if e.event_type == etype and e.asserted]
    assert events, [(e.event_type, e.trigger) for e in code_events(text)]
    actor, recipient = pair
    assert events[0].actor is not None and events[0].actor.country == actor
    if recipient:
        assert events[0].recipient is not None and events[0].recipient.country == recipient


def test_a_demand_for_a_withdrawal_gets_its_cameo_sub_code(code_events):
    events = [e for e in code_events("Egypt demanded the withdrawal of Israeli troops from Gaza.") if e.asserted]
    assert any(e.cameo_code == "106" for e in events)


def test_a_sports_sentence_is_discarded_and_codes_nothing(code_events):
    text = "Spanish players beat France in the Davis Cup final in Madrid on Sunday."
    assert is_discarded(text)
    assert code_events(text) == []


def test_political_sentences_are_not_discarded():
    assert not is_discarded("Russia and China held talks on trade in Beijing on Monday.")
    assert not is_discarded("The champion of reform met the president for the third round of talks.")
    assert not is_discarded("The prime minister spoke with the Wimbledonian mayor.")  # whole words only
