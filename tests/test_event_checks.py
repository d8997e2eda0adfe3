"""Registered checks on trigger matches (events/checks.py), on small parses built by hand.

Each Doc below is written out word by word with its heads, labels and tags, so the checks are tested
on the parse they are meant for and not on what the statistical model happens to produce. Every
sentence is invented for the test.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import spacy
from spacy.tokens import Doc

from dyadwatch.events import checks
from dyadwatch.events.checks import CheckError, CheckRef, parse_ref, parse_refs, passes
from dyadwatch.events.lexicon import TriggerMatch, TriggerRule, load_rules

VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower case forms), no statistical model


@dataclass
class W:
    """One word of a hand-built parse: text, head index, dependency label, coarse POS, fine tag, lemma."""

    text: str
    head: int
    dep: str
    pos: str
    tag: str = ""
    lemma: str = ""
    ent: str = "O"


def parse(*ws: W) -> Doc:
    return Doc(
        VOCAB,
        words=[w.text for w in ws],
        heads=[w.head for w in ws],
        deps=[w.dep for w in ws],
        pos=[w.pos for w in ws],
        tags=[w.tag or w.pos for w in ws],
        lemmas=[w.lemma or w.text.lower() for w in ws],
        ents=[w.ent for w in ws],
    )


def match_at(doc: Doc, i: int, lemma: str, cameo: str, pos: str = "V", checks_field: str = "") -> TriggerMatch:
    """A match of a bare row (no particle, no object list) at word ``i``."""
    rule = TriggerRule(lemma, pos, "", cameo=cameo, checks=parse_refs(checks_field))
    return TriggerMatch(rule, doc[i])


# -- the registry ----------------------------------------------------------------------------------
def test_a_reference_may_require_a_check_to_fail():
    assert parse_ref("needs_infinitive") == CheckRef("needs_infinitive", negated=False)
    assert parse_ref("!claim_warning") == CheckRef("claim_warning", negated=True)
    assert str(parse_ref("!claim_warning")) == "!claim_warning"


def test_an_unknown_check_name_fails_loudly_with_its_place():
    with pytest.raises(CheckError, match=r"triggers.tsv:12: unknown check 'needs_infinitve'"):
        parse_refs("needs_infinitve", "triggers.tsv:12")


def test_a_check_name_is_registered_once():
    with pytest.raises(CheckError, match="registered twice"):
        checks.check("needs_infinitive")(lambda match: True)


def test_a_lexicon_file_naming_an_unknown_check_fails_at_load_with_file_and_line(tmp_path):
    path = tmp_path / "triggers.tsv"
    path.write_text(
        "# a comment\nlemma\tpos\tprep\tobject\tcameo\tnotes\tchecks\n"
        "offer\tV\t\t-\t030\toffer to act\tneeds_infinitive\n"
        "warn\tV\t\t\t130\twarn\t!claim_warnin\n",
        encoding="utf-8",
    )
    with pytest.raises(CheckError, match=rf"{path}:4: unknown check 'claim_warnin'"):
        load_rules(path)


def test_a_lexicon_row_carries_the_checks_it_names(tmp_path):
    path = tmp_path / "triggers.tsv"
    path.write_text("lemma\tpos\tprep\tobject\tcameo\tnotes\tchecks\noffer\tV\t\t-\t030\toffer\tneeds_infinitive\n")
    (rule,) = load_rules(path)["offer"]
    assert rule.checks == (CheckRef("needs_infinitive"),)


def test_every_generic_check_is_registered():
    assert [str(r) for r in checks.GENERIC_REFS] == list(checks.GENERIC_CHECKS)


# -- infinitives, requests, refusals ------------------------------------------------------------------
OFFERED_TO_MEDIATE = parse(
    W("Norway", 1, "nsubj", "PROPN", "NNP", ent="B-GPE"),
    W("offered", 1, "ROOT", "VERB", "VBD", "offer"),
    W("to", 3, "aux", "PART", "TO"),
    W("mediate", 1, "xcomp", "VERB", "VB"),
    W(".", 1, "punct", "PUNCT", "."),
)
OFFERED_A_VIEW = parse(
    W("Norway", 1, "nsubj", "PROPN", "NNP", ent="B-GPE"),
    W("offered", 1, "ROOT", "VERB", "VBD", "offer"),
    W("a", 3, "det", "DET", "DT"),
    W("view", 1, "dobj", "NOUN", "NN"),
    W(".", 1, "punct", "PUNCT", "."),
)


def test_an_offer_needs_an_infinitive():
    assert passes(match_at(OFFERED_TO_MEDIATE, 1, "offer", "030", checks_field="needs_infinitive"))
    assert not passes(match_at(OFFERED_A_VIEW, 1, "offer", "030", checks_field="needs_infinitive"))


def test_asking_where_to_vote_requests_nothing():
    asked_where = parse(
        W("Voters", 1, "nsubj", "NOUN", "NNS", "voter"),
        W("asked", 1, "ROOT", "VERB", "VBD", "ask"),
        W("where", 4, "advmod", "SCONJ", "WRB"),
        W("to", 4, "aux", "PART", "TO"),
        W("vote", 1, "xcomp", "VERB", "VB"),
    )
    asked_to_leave = parse(
        W("Kenya", 1, "nsubj", "PROPN", "NNP", ent="B-GPE"),
        W("asked", 1, "ROOT", "VERB", "VBD", "ask"),
        W("envoys", 1, "dobj", "NOUN", "NNS", "envoy"),
        W("to", 4, "aux", "PART", "TO"),
        W("leave", 1, "xcomp", "VERB", "VB"),
    )
    assert not checks.asks_for_act(match_at(asked_where, 1, "ask", "020"))
    assert checks.asks_for_act(match_at(asked_to_leave, 1, "ask", "020"))


def declined_to(verb: str, obj: str = "") -> Doc:
    ws = [
        W("Officials", 1, "nsubj", "NOUN", "NNS", "official"),
        W("declined", 1, "ROOT", "VERB", "VBD", "decline"),
        W("to", 3, "aux", "PART", "TO"),
        W(verb, 1, "xcomp", "VERB", "VB"),
    ]
    if obj:
        ws.append(W(obj, 3, "dobj", "NOUN", "NNS"))
    return parse(*ws)


@pytest.mark.parametrize(("verb", "obj"), [("comment", ""), ("elaborate", ""), ("provide", "details")])
def test_declining_to_comment_refuses_nothing(verb, obj):
    match = match_at(declined_to(verb, obj), 1, "decline", "120")
    assert not checks.declines_an_act(match)
    assert checks.empty_refusal(match)


@pytest.mark.parametrize(("verb", "obj"), [("meet", ""), ("provide", "weapons")])
def test_declining_to_act_is_a_refusal(verb, obj):
    match = match_at(declined_to(verb, obj), 1, "decline", "120")
    assert checks.declines_an_act(match)


# -- word senses --------------------------------------------------------------------------------------
def test_a_warning_about_a_state_of_affairs_is_a_claim():
    claim = parse(
        W("He", 1, "nsubj", "PRON", "PRP"),
        W("warned", 1, "ROOT", "VERB", "VBD", "warn"),
        W("that", 5, "mark", "SCONJ", "IN"),
        W("the", 4, "det", "DET", "DT"),
        W("economy", 5, "nsubj", "NOUN", "NN"),
        W("is", 1, "ccomp", "AUX", "VBZ", "be"),
        W("weak", 5, "acomp", "ADJ", "JJ"),
    )
    threat = parse(
        W("He", 1, "nsubj", "PRON", "PRP"),
        W("warned", 1, "ROOT", "VERB", "VBD", "warn"),
        W("that", 5, "mark", "SCONJ", "IN"),
        W("it", 5, "nsubj", "PRON", "PRP"),
        W("would", 5, "aux", "AUX", "MD"),
        W("retaliate", 1, "ccomp", "VERB", "VB"),
    )
    assert not passes(match_at(claim, 1, "warn", "130", checks_field="!claim_warning"))
    assert passes(match_at(threat, 1, "warn", "130", checks_field="!claim_warning"))


def test_threatening_a_thing_is_endangering_it():
    endangers = parse(
        W("Inflation", 1, "nsubj", "NOUN", "NN"),
        W("threatens", 1, "ROOT", "VERB", "VBZ", "threaten"),
        W("national", 3, "amod", "ADJ", "JJ"),
        W("security", 1, "dobj", "NOUN", "NN"),
    )
    threatens_a_party = parse(
        W("Russia", 1, "nsubj", "PROPN", "NNP", ent="B-GPE"),
        W("threatened", 1, "ROOT", "VERB", "VBD", "threaten"),
        W("Georgia", 1, "dobj", "PROPN", "NNP", ent="B-GPE"),
    )
    assert checks.endangers(match_at(endangers, 1, "threaten", "130"))
    assert not checks.endangers(match_at(threatens_a_party, 1, "threaten", "130"))


def test_shooting_back_is_a_retort():
    shot_back = parse(
        W("She", 1, "nsubj", "PRON", "PRP"),
        W("shot", 1, "ROOT", "VERB", "VBD", "shoot"),
        W("back", 1, "advmod", "ADV", "RB"),
    )
    assert checks.retort(match_at(shot_back, 1, "shoot", "193"))


def test_trading_barbs_is_no_commerce():
    def traded(obj: str) -> Doc:
        return parse(
            W("Chile", 1, "nsubj", "PROPN", "NNP", ent="B-GPE"),
            W("traded", 1, "ROOT", "VERB", "VBD", "trade"),
            W(obj, 1, "dobj", "NOUN", "NNS"),
        )

    assert checks.trades_goods(match_at(traded("grain"), 1, "trade", "061"))
    assert not checks.trades_goods(match_at(traded("barbs"), 1, "trade", "061"))


def test_a_fight_names_its_sides():
    among_themselves = parse(
        W("They", 1, "nsubj", "PRON", "PRP"),
        W("fought", 1, "ROOT", "VERB", "VBD", "fight"),
        W("each", 3, "det", "DET", "DT"),
        W("other", 1, "dobj", "ADJ", "JJ"),
    )
    against_rebels = parse(
        W("Troops", 1, "nsubj", "NOUN", "NNS", "troop"),
        W("fought", 1, "ROOT", "VERB", "VBD", "fight"),
        W("against", 1, "prep", "ADP", "IN"),
        W("rebels", 2, "pobj", "NOUN", "NNS", "rebel"),
    )
    assert not checks.fights_someone(match_at(among_themselves, 1, "fight", "190"))
    assert checks.fights_someone(match_at(against_rebels, 1, "fight", "190"))


# -- generic checks -------------------------------------------------------------------------------------
def test_an_adjectival_participle_reports_no_act():
    backed = parse(
        W("US", 1, "npadvmod", "PROPN", "NNP", ent="B-GPE"),
        W("backed", 2, "amod", "VERB", "VBN", "back"),
        W("forces", 2, "ROOT", "NOUN", "NNS", "force"),
    )
    assert not passes(match_at(backed, 1, "back", "042"))


def test_a_word_after_a_determiner_is_a_noun_tagged_as_a_verb():
    release = parse(
        W("the", 2, "det", "DET", "DT"),
        W("news", 2, "compound", "NOUN", "NN"),
        W("release", 2, "ROOT", "VERB", "VB", "release"),
    )
    assert checks.noun_tagged_as_verb(match_at(release, 2, "release", "0841"))


def test_a_disaster_is_no_actor_of_a_material_act():
    flood = parse(
        W("The", 1, "det", "DET", "DT"),
        W("flood", 2, "nsubj", "NOUN", "NN"),
        W("killed", 2, "ROOT", "VERB", "VBD", "kill"),
        W("farmers", 2, "dobj", "NOUN", "NNS", "farmer"),
    )
    assert checks.inanimate_subject(match_at(flood, 2, "kill", "190"))


def test_a_code_without_a_plover_type_codes_nothing():
    assert not checks.known_code(match_at(OFFERED_TO_MEDIATE, 1, "offer", "999"))


# -- not events: word senses, names of things, page furniture --------------------------------------
def test_executing_a_warrant_kills_no_one():
    def executed(*obj: W) -> Doc:
        return parse(
            W("Agents", 1, "nsubj", "NOUN", "NNS", "agent"),
            W("executed", 1, "ROOT", "VERB", "VBD", "execute"),
            *obj,
        )

    warrant = executed(W("a", 4, "det", "DET", "DT"), W("search", 4, "compound", "NOUN", "NN"),
                       W("warrant", 1, "dobj", "NOUN", "NN"))
    spy = executed(W("the", 3, "det", "DET", "DT"), W("spy", 1, "dobj", "NOUN", "NN"))
    twelve = executed(W("12", 1, "dobj", "NUM", "CD", ent="B-CARDINAL"))
    assert not checks.person_object(match_at(warrant, 1, "execute", "1823"))
    assert checks.person_object(match_at(spy, 1, "execute", "1823"))
    assert checks.person_object(match_at(twelve, 1, "execute", "1823"))


def test_a_tape_that_was_released_frees_no_one():
    tape = parse(
        W("since", 3, "mark", "SCONJ", "IN"),
        W("the", 2, "det", "DET", "DT"),
        W("tape", 4, "nsubjpass", "NOUN", "NN"),
        W("was", 4, "auxpass", "AUX", "VBD", "be"),
        W("released", 4, "ROOT", "VERB", "VBN", "release"),
    )
    hostages = parse(
        W("Rebels", 1, "nsubj", "NOUN", "NNS", "rebel"),
        W("released", 1, "ROOT", "VERB", "VBD", "release"),
        W("two", 3, "nummod", "NUM", "CD", ent="B-CARDINAL"),
        W("hostages", 1, "dobj", "NOUN", "NNS", "hostage"),
    )
    tanker = parse(
        W("Iran", 1, "nsubj", "PROPN", "NNP", ent="B-GPE"),
        W("released", 1, "ROOT", "VERB", "VBD", "release"),
        W("the", 3, "det", "DET", "DT"),
        W("tanker", 1, "dobj", "NOUN", "NN"),
    )
    assert not checks.releases_captive(match_at(tape, 4, "release", "0841"))
    assert checks.releases_captive(match_at(hostages, 1, "release", "0841"))
    assert checks.releases_captive(match_at(tanker, 1, "release", "0841"))


def test_a_disease_kills_but_does_not_act():
    plague = parse(
        W("The", 1, "det", "DET", "DT"),
        W("plague", 3, "nsubj", "NOUN", "NN"),
        W("has", 3, "aux", "AUX", "VBZ", "have"),
        W("killed", 3, "ROOT", "VERB", "VBN", "kill"),
        W("millions", 3, "dobj", "NOUN", "NNS", "million"),
    )
    assert checks.inanimate_subject(match_at(plague, 3, "kill", "190"))


def test_a_verb_in_the_name_of_a_programme_is_no_trigger():
    rover = parse(
        W("The", 4, "det", "DET", "DT"),
        W("Investigating", 4, "compound", "VERB", "VBG", "investigate", ent="B-PRODUCT"),
        W("Polar", 3, "compound", "PROPN", "NNP", ent="I-PRODUCT"),
        W("Exploration", 4, "compound", "PROPN", "NNP", ent="I-PRODUCT"),
        W("Rover", 5, "nsubj", "PROPN", "NNP", ent="I-PRODUCT"),
        W("landed", 5, "ROOT", "VERB", "VBD", "land"),
    )
    assert checks.inside_name(match_at(rover, 1, "investigate", "090"))
    assert not passes(match_at(rover, 1, "investigate", "090"))


def test_a_related_link_is_page_furniture():
    link = parse(
        W("Related", 2, "dep", "ADJ", "JJ"),
        W(":", 2, "punct", "PUNCT", ":"),
        W("attacks", 2, "ROOT", "VERB", "VBZ", "attack"),
    )
    report = parse(
        W("Rebels", 1, "nsubj", "NOUN", "NNS", "rebel"),
        W("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
        W(":", 1, "punct", "PUNCT", ":"),
    )
    assert checks.page_furniture(match_at(link, 2, "attack", "190"))
    assert not checks.page_furniture(match_at(report, 1, "attack", "190"))


def test_a_count_of_people_and_a_captive_are_released():
    thousands = parse(
        W("Police", 1, "nsubj", "NOUN", "NNS", "police"),
        W("released", 1, "ROOT", "VERB", "VBD", "release"),
        W("thousands", 1, "dobj", "NOUN", "NNS", "thousand", ent="B-CARDINAL"),
        W("of", 2, "prep", "ADP", "IN"),
        W("migrants", 3, "pobj", "NOUN", "NNS", "migrant"),
    )
    rival = parse(
        W("He", 1, "nsubj", "PRON", "PRP"),
        W("released", 1, "ROOT", "VERB", "VBD", "release"),
        W("an", 4, "det", "DET", "DT"),
        W("imprisoned", 4, "amod", "ADJ", "JJ"),
        W("blogger", 1, "dobj", "NOUN", "NN"),
    )
    assert checks.releases_captive(match_at(thousands, 1, "release", "0841"))
    assert checks.releases_captive(match_at(rival, 1, "release", "0841"))


def test_converted_rows_take_their_checks_from_the_reviewed_table(tmp_path):
    from dyadwatch.events.lexicon import converted_rules

    conv = tmp_path / "converted.tsv"
    conv.write_text("lemma\tpos\tprep\tobject\tcameo\tnotes\ntour\tV\t\t\t042\tGO\nbattle\tV\twith\t\t190\tFIGHT\n")
    table = tmp_path / "checks.tsv"
    table.write_text("lemma\tprep\tcameo\tchecks\twhy\n*\t*\t042\t!campaign_trip\ttours\nbattle\t*\t*\tfights_someone\tsides\n")
    rules = {r.lemma: r for r in converted_rules(conv, set(), blocklist=tmp_path / "none.tsv", checks=table)}
    assert [str(c) for c in rules["tour"].checks] == ["!campaign_trip"]
    assert [str(c) for c in rules["battle"].checks] == ["fights_someone"]
    table.write_text("lemma\tprep\tcameo\tchecks\twhy\nbattle\t*\t*\tfights_somebody\ttypo\n")
    with pytest.raises(CheckError, match=r"checks.tsv:2: unknown check 'fights_somebody'"):
        converted_rules(conv, set(), blocklist=tmp_path / "none.tsv", checks=table)
