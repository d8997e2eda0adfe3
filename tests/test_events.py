"""Event coding: lexicon, roles, modality, attribution and the seed article's acceptance list."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch import codes
from dyadwatch.actors import ActorResolver
from dyadwatch.events import EventCoder
from dyadwatch.events.lexicon import load_rules
from dyadwatch.models import Article, Event
from dyadwatch.quotes import extract_quotes

SEED = Path(__file__).resolve().parents[1] / "examples" / "seed_reuters_china_russia.txt"


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder()


def code_text(nlp, coder: EventCoder, resolver: ActorResolver, text: str, date: str = "2023-02-22") -> list[Event]:
    article = Article(id="t", text=text, date=date)
    doc = nlp(text)
    actors = resolver.analyze(doc, article)
    return coder.code(doc, article, actors, extract_quotes(doc, article, actors))


def find(events: list[Event], etype: str, asserted: bool | None = True) -> list[Event]:
    return [e for e in events if e.event_type == etype and (asserted is None or e.asserted == asserted)]


def countries(ev: Event) -> tuple[str, str]:
    return (ev.actor.country if ev.actor else "", ev.recipient.country if ev.recipient else "")


# -- the lexicon -----------------------------------------------------------------------------------
def test_every_lexicon_row_maps_to_a_plover_type_consistent_with_its_cameo_code():
    for rules in load_rules().values():
        for rule in rules:
            assert codes.plover_type(rule.cameo) in codes.PLOVER_TYPES, rule
            assert codes.lookup(rule.cameo).name, rule


def test_issue_verbs_are_covered():
    rules = load_rules()
    for lemma in ("meet", "visit", "host", "agree", "sign", "praise", "endorse", "accuse", "condemn", "deny",
                  "reject", "warn", "threaten", "demand", "urge", "expel", "protest", "deploy", "arrest",
                  "detain", "seize", "attack", "shell", "bomb", "kill", "invade", "provide", "release",
                  "withdraw", "concede"):  # fmt: skip
        assert lemma in rules, lemma


# -- roles and codes -------------------------------------------------------------------------------
def test_light_verb_and_with_recipient(nlp, coder, resolver):
    text = "Russian President Vladimir Putin held talks with Chinese President Xi Jinping."
    events = code_text(nlp, coder, resolver, text)
    ev = find(events, "CONSULT")[0]
    assert countries(ev) == ("RUS", "CHN")
    assert ev.cameo_code == "040" and ev.quad_class == 1 and ev.goldstein == codes.goldstein("040")
    assert ev.trigger == "held talks"


def test_sanctions_on_recipient(nlp, coder, resolver):
    events = code_text(nlp, coder, resolver, "The United States imposed new sanctions on Iran on Monday.")
    ev = find(events, "SANCTION")[0]
    assert countries(ev) == ("USA", "IRN") and ev.quad_class == 4


def test_accuse_and_condemn(nlp, coder, resolver):
    events = code_text(nlp, coder, resolver, "Ukraine accused Russia of shelling civilian areas near Kharkiv.")
    assert countries(find(events, "ACCUSE")[0]) == ("UKR", "RUS")


def test_passive_agent_is_the_actor(nlp, coder, resolver):
    events = code_text(nlp, coder, resolver, "Kyiv was attacked by Russia on Tuesday.")
    ev = find(events, "ASSAULT")[0]
    assert ev.actor is not None and ev.actor.country == "RUS"


def test_coordination_expands_actors(nlp, coder, resolver):
    events = code_text(nlp, coder, resolver, "Hungary and Romania agreed to cooperate on refugees.")
    actors = {e.actor.country for e in find(events, "AGREE") if e.actor}
    assert {"HUN", "ROU"} <= actors


def test_report_only_sentence_is_not_an_event(nlp, coder, resolver):
    events = code_text(nlp, coder, resolver, "French officials said on Monday that the economy was growing.")
    assert events == []


def test_trigger_offsets_point_into_the_text(nlp, coder, resolver):
    text = "Israeli jets bombed targets in Gaza, the army said."
    for ev in code_text(nlp, coder, resolver, text):
        assert text[ev.trigger_start : ev.trigger_end] == ev.trigger
        assert text[ev.sentence_start : ev.sentence_end].strip() == ev.sentence.strip()


# -- modality --------------------------------------------------------------------------------------
def test_negation(nlp, coder, resolver):
    events = code_text(nlp, coder, resolver, "Germany did not meet French officials in Paris.")
    ev = find(events, "CONSULT", asserted=None)[0]
    assert ev.negated and not ev.asserted


def test_not_seen_providing_aid_is_negated(nlp, coder, resolver):
    text = "We haven't yet seen China provide lethal aid to Russia, the spokesman said."
    assert find(code_text(nlp, coder, resolver, text), "AID") == []


def test_hypothetical_modes(nlp, coder, resolver):
    cases = {
        "China is considering providing weapons to Russia.": "consideration",
        "Germany plans to visit Poland next month.": "intention",
        "Xi to visit Russia": "future",
        "Iran will attack Israel if provoked.": "conditional",
    }
    for text, mode in cases.items():
        events = [e for e in code_text(nlp, coder, resolver, text) if e.hypothetical]
        assert events, text
        assert events[0].mode == mode, (text, events[0].mode)


def test_future_cooperation_is_also_an_agree(nlp, coder, resolver):
    events = code_text(nlp, coder, resolver, "Finland will provide aid to Tanzania next year.")
    assert find(events, "AGREE") and find(events, "AID", asserted=False)


def test_denial_marks_the_denied_clause(nlp, coder, resolver):
    text = (
        "US Secretary of State Antony Blinken warned Chinese Foreign Minister Wang Yi of the consequences "
        "if China provides lethal support for Russia, "
        "something Beijing has denied doing."
    )
    events = code_text(nlp, coder, resolver, text)
    aid = find(events, "AID", asserted=None)
    assert aid and aid[0].denied and aid[0].hypothetical
    assert find(events, "THREATEN")[0].denied is False


def test_reported_speech_keeps_the_speaker(nlp, coder, resolver):
    text = "The Russian Foreign Ministry said it welcomed China's more active role in resolving the conflict."
    ev = find(code_text(nlp, coder, resolver, text), "SUPPORT")[0]
    assert ev.attributed_to is not None and ev.attributed_to.country == "RUS"
    assert countries(ev) == ("RUS", "CHN")


# -- the seed article (issue 5 acceptance) -----------------------------------------------------------
@pytest.fixture(scope="module")
def seed_events(pipeline) -> list[Event]:
    result = pipeline.process_text(SEED.read_text(encoding="utf-8"), date="2023-02-22")
    return result.events


def _has(events: list[Event], etype: str, actor: str, recipient: str, **extra) -> list[Event]:
    out = [e for e in events if e.event_type == etype and countries(e) == (actor, recipient)]
    return [e for e in out if all(getattr(e, k) == v for k, v in extra.items())]


def test_seed_putin_meets_wang(seed_events):
    evs = _has(seed_events, "CONSULT", "RUS", "CHN")
    assert any(e.asserted and e.date == "2023-02-22" for e in evs)
    assert any(e.location is not None and e.location.name == "Moscow" for e in evs)


def test_seed_wang_meets_lavrov(seed_events):
    assert any("Lavrov" in (e.recipient.text if e.recipient else "") for e in find(seed_events, "CONSULT"))


def test_seed_xi_visit_is_future_or_intended(seed_events):
    visits = [e for e in seed_events if e.event_type == "CONSULT" and e.hypothetical and countries(e)[0] == "CHN"]
    assert any(e.mode in {"future", "intention"} for e in visits)


def test_seed_concern_blinken_rejection_support(seed_events):
    assert any(e.asserted for e in _has(seed_events, "ACCUSE", "USA", "CHN"))
    warns = [e for e in _has(seed_events, "THREATEN", "USA", "CHN") if e.asserted]
    assert warns and warns[0].date == "2023-02-18"
    assert any(e.asserted for e in _has(seed_events, "REJECT", "CHN", "USA"))
    assert any(e.asserted for e in _has(seed_events, "SUPPORT", "RUS", "CHN"))
    assert any(e.asserted for e in _has(seed_events, "SUPPORT", "CHN", "RUS"))


def test_seed_troops_into_ukraine(seed_events):
    evs = [e for e in seed_events if e.event_type in {"MOBILIZE", "ASSAULT"} and countries(e) == ("RUS", "UKR")]
    assert any(e.asserted and e.date.startswith("2022-02") for e in evs)


def test_seed_no_false_assertions(seed_events):
    asserted = [e for e in seed_events if e.asserted]
    assert not [e for e in asserted if e.event_type == "AID" and countries(e)[0] == "CHN"]
    bad = {"ASSAULT", "THREATEN", "COERCE"}
    hostile = [e for e in asserted if e.event_type in bad and countries(e)[0] == "CHN"]
    assert not [e for e in hostile if countries(e)[1] in {"UKR", "USA"}]
    text = " ".join(e.sentence for e in seed_events)
    for junk in ("Malaysia", "MH370", "Boris Johnson"):
        assert junk not in text


# -- second pass: refusals, demands, verbal attacks, modality guards, object constraints, recipients ---------------
def _types(events: list[Event], asserted: bool = True) -> set[str]:
    return {e.event_type for e in events if e.asserted == asserted}


def test_will_not_do_a_cooperative_act_is_a_rejection(nlp, coder, resolver):
    events = code_text(nlp, coder, resolver, "Hungary will not accept refugees under the European quota scheme.")
    ev = find(events, "REJECT")[0]
    assert ev.actor is not None and ev.actor.country == "HUN"
    assert not find(events, "AID")  # the refused act itself is not asserted


def test_failing_to_reach_a_deal_is_a_rejection(nlp, coder, resolver):
    text = "Serbia and Kosovo failed to reach agreement on border crossings after two days of talks."
    events = code_text(nlp, coder, resolver, text)
    assert find(events, "REJECT") and not find(events, "AGREE")


@pytest.mark.parametrize("modal", ["must", "should"])
def test_said_must_is_a_demand_of_the_speaker(nlp, coder, resolver, modal):
    events = code_text(nlp, coder, resolver, f"Russia said Israel {modal} end its air strikes on Syria.")
    ev = find(events, "REQUEST")[0]
    assert countries(ev) == ("RUS", "ISR") and ev.cameo_code == "100"


def test_must_be_describes_and_is_not_a_demand(nlp, coder, resolver):
    text = "Merkel said a chancellor must be ready to decide quickly."
    assert not find(code_text(nlp, coder, resolver, text), "REQUEST")


def test_politicians_attacking_each_other_is_verbal(nlp, coder, resolver):
    events = code_text(nlp, coder, resolver, "Senator Ted Cruz attacked Donald Trump during Tuesday's debate.")
    assert find(events, "ACCUSE") and not find(events, "ASSAULT")


def test_armed_attack_stays_an_assault(nlp, coder, resolver):
    events = code_text(nlp, coder, resolver, "Taliban fighters attacked an Afghan army checkpoint in Kandahar.")
    assert find(events, "ASSAULT")


def test_fighting_for_a_place_is_no_event(nlp, coder, resolver):
    events = code_text(nlp, coder, resolver, "Rubio and Cruz are fighting for second place behind Trump.")
    assert not find(events, "ASSAULT") and not find(events, "ACCUSE")


@pytest.mark.parametrize(
    "text, etype",
    [
        ("Rubio refrained from attacking Jeb Bush during the debate.", "ASSAULT"),
        ("Trump supports banning Muslims from entering the United States.", "COERCE"),
        ("Clinton will travel to Iowa to thank Senator Tom Harkin.", "SUPPORT"),
        ("Will Germany send troops to Mali?", "MOBILIZE"),
        ("Ukraine accused Russia of shelling civilian areas near Kharkiv.", "ASSAULT"),
        ("The European Union demanded that Israel ease restrictions on Gaza.", "CONCEDE"),
    ],
)
def test_events_that_did_not_happen_are_not_asserted(nlp, coder, resolver, text, etype):
    events = code_text(nlp, coder, resolver, text)
    assert etype not in _types(events), [(e.event_type, e.trigger, e.mode) for e in events]


def test_an_attempted_killing_is_an_assault(nlp, coder, resolver):
    events = code_text(nlp, coder, resolver, "Militants tried to assassinate the Iraqi prime minister in Baghdad.")
    assert find(events, "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "Sanders captured Vermont and Colorado on Super Tuesday.",
        "The senator offered a guide to voters in New Hampshire.",
        "With her husband Bill Clinton standing by her side, Hillary Clinton thanked Iowa.",
        "Voters in France said they were worried about the economy.",
        "Carson defied the question and did not answer.",
    ],
)
def test_object_constraints_block_political_idioms(nlp, coder, resolver, text):
    events = code_text(nlp, coder, resolver, text)
    bad = {e.event_type for e in events if e.asserted} & {"COERCE", "AGREE", "ACCUSE", "REJECT"}
    assert not bad, [(e.event_type, e.trigger) for e in events]
    assert not [e for e in events if e.trigger.startswith("standing by")]


def test_capturing_a_town_is_coercion(nlp, coder, resolver):
    events = code_text(nlp, coder, resolver, "Syrian rebels captured the town of Idlib from government forces.")
    assert find(events, "COERCE")


@pytest.mark.parametrize(
    "text, etype, cameo",
    [
        ("German prosecutors launched an investigation into Volkswagen executives.", "ACCUSE", "090"),
        ("Students staged rallies against the Bangladeshi government in Dhaka.", "PROTEST", "141"),
        ("Turkey violated the ceasefire in northern Syria on Sunday.", "ASSAULT", "196"),
        ("Israeli forces imposed a blockade on Gaza.", "COERCE", "191"),
        ("The United States reduced military aid to Egypt by $300 million.", "SANCTION", "162"),
        ("Kuwait launched a mediation effort between Qatar and Saudi Arabia.", "CONSULT", "045"),
        ("Serbia lifted the curfew in Montenegro on Sunday.", "CONCEDE", "081"),
        ("Bolivian President Evo Morales declared a state of siege in Pando.", "COERCE", "1724"),
    ],
)
def test_second_pass_lexicon_rows(nlp, coder, resolver, text, etype, cameo):
    events = code_text(nlp, coder, resolver, text)
    assert any(e.event_type == etype and e.cameo_code == cameo and e.asserted for e in events), [
        (e.event_type, e.cameo_code, e.trigger) for e in events
    ]


def test_place_of_a_material_act_is_the_last_resort_recipient(nlp, coder, resolver):
    ev = find(code_text(nlp, coder, resolver, "Serbia lifted the curfew in Montenegro on Sunday."), "CONCEDE")[0]
    assert countries(ev) == ("SRB", "MNE")


def test_threat_target_from_the_condition(nlp, coder, resolver):
    text = "Iran threatened to close the Strait of Hormuz unless the United States lifted its sanctions."
    ev = find(code_text(nlp, coder, resolver, text), "THREATEN")[0]
    assert countries(ev) == ("IRN", "USA")


def test_recipient_inside_the_complement(nlp, coder, resolver):
    ev = find(code_text(nlp, coder, resolver, "Putin offered to negotiate with Armenia on Tuesday."), "AGREE")[0]
    assert countries(ev) == ("RUS", "ARM")


def test_recipient_is_not_the_actor_own_side(nlp, coder, resolver):
    text = "Syria says it is willing to withdraw its troops from Lebanon."
    agree = find(code_text(nlp, coder, resolver, text), "AGREE")[0]
    assert countries(agree) == ("SYR", "LBN")


@pytest.mark.parametrize(
    "text, etype",
    [
        ("In the new poll, Clinton beats Cruz 42-40 among likely voters.", "ASSAULT"),
        ("The media seized on new revelations about the senator's emails.", "COERCE"),
        ("Many voters see immigrants as people who refuse to assimilate.", "REJECT"),
        ("The mayor and his wife welcomed a baby girl last week.", "CONSULT"),
        ("Senator Warren discussed the economy in a speech in Boston.", "CONSULT"),
        ("No militant group has claimed responsibility for the bombing in Kabul.", "CONCEDE"),
        ("Warren had been talking with aides about endorsing Hillary Clinton.", "SUPPORT"),
        ("\"I'm going to support him,\" the senator said of Trump.", "SUPPORT"),
        ("Trump will be holding a rally in Iowa on Friday.", "THREATEN"),
        ("Trump shot back that the reporter had not been called on.", "ASSAULT"),
        ("Senator Cruz is standing by his accusation against McConnell.", "SUPPORT"),
        ("Sanders said he agrees with Warren that the banks are too big.", "AGREE"),
        ("Amano said that, if the reports are true, North Korea is violating the resolutions.", "REJECT"),
        ("Many Chinese trucks fail to meet tough Russian certification standards.", "REJECT"),
        ("Many Chinese trucks fail to meet tough Russian certification standards.", "CONSULT"),
        ("That was welcome news to the Clinton campaign.", "SUPPORT"),
        ("\"She talks to the press a lot,\" the aide said.", "CONSULT"),
        ("Clinton kept pounding Sanders on the gun issue in New York.", "ASSAULT"),
        ("His advisers say they have never been given credit for the turnout.", "AID"),
        ("The Romanian hacker pleaded guilty to two charges in Alexandria.", "REQUEST"),
        ("Donald Trump backed out of the Fox News debate in Iowa.", "SUPPORT"),
        ("The professor said he has no problem with presidents criticizing judges.", "ACCUSE"),
        ("Trump offered to appear upon the condition that Fox News contribute $5 million to veterans.", "AID"),
        ("Vice President Joe Biden visited a renovated train station in St. Paul.", "CONSULT"),
        ("President Obama traveled to New York for Democratic Party fundraisers.", "CONSULT"),
        ("Voters kept calling the office, asking where to vote.", "REQUEST"),
        ("Rubio and Cruz abandoned their strategy of attacking Trump.", "ACCUSE"),
        ("McCord is a former CIA analyst who returned to public service.", "RETREAT"),
        ("The campaign quoted the news release his adviser issued last week.", "RETREAT"),
    ],
)
def test_news_idioms_are_not_asserted_events(nlp, coder, resolver, text, etype):
    events = code_text(nlp, coder, resolver, text)
    assert etype not in _types(events), [(e.event_type, e.trigger, e.mode) for e in events]


def test_rejecting_an_accusation_is_a_denial(nlp, coder, resolver):
    text = "Iran's foreign ministry rejected accusations by Israel that Tehran was behind the attack."
    ev = find(code_text(nlp, coder, resolver, text), "REJECT")[0]
    assert ev.cameo_code == "016" and ev.quad_class == 1


def test_peacekeeping_deployment_is_aid(nlp, coder, resolver):
    text = "Britain is deploying 300 troops to the UN peacekeeping mission in Mali."
    ev = [e for e in code_text(nlp, coder, resolver, text) if e.cameo_code == "074"]
    assert ev and ev[0].event_type == "AID"


def test_welcoming_a_contribution_is_support(nlp, coder, resolver):
    text = "UN refugee chief Filippo Grandi welcomed the European Union's financial contribution to Turkey."
    assert find(code_text(nlp, coder, resolver, text), "SUPPORT")


def test_a_pronoun_is_the_speaker_only_when_it_can_be(nlp, coder, resolver):
    text = "The State Department report concluded that she violated agency rules on email."
    for ev in code_text(nlp, coder, resolver, text):
        assert ev.actor is None or "report" not in ev.actor.text


def test_a_visit_abroad_is_still_a_visit(nlp, coder, resolver):
    ev = find(code_text(nlp, coder, resolver, "President Obama visited Vietnam on Monday."), "CONSULT")[0]
    assert countries(ev) == ("USA", "VNM")


def test_against_names_the_target_when_there_is_no_object(nlp, coder, resolver):
    text = "Britain mobilized army reservists on Tuesday for a possible war against Iraq."  # synthetic
    [mobilize] = find(code_text(nlp, coder, resolver, text), "MOBILIZE")
    assert countries(mobilize) == ("GBR", "IRQ")


# -- recipients of the actor's own side, protests and places (issue 5, country pass) ------------------
def test_passive_subject_with_an_agent_is_the_target_and_for_names_whom(nlp, coder, resolver):
    evs = find(code_text(nlp, coder, resolver, "A shelter for Sudanese refugees was bombed by Chadian militiamen."),
               "ASSAULT")
    assert ("TCD", "SDN") in {countries(e) for e in evs}


def test_own_troops_give_way_to_the_country_they_would_go_to(nlp, coder, resolver):
    evs = find(code_text(nlp, coder, resolver, "Brazil has refused to deploy peacekeepers in Haiti."), "REJECT")
    assert {countries(e) for e in evs} == {("BRA", "HTI")}


def test_own_side_target_stays_when_nothing_foreign_is_named(nlp, coder, resolver):
    text = "Colombian rebels said they will release Senator Ingrid Betancourt and ten members of her party."
    evs = [e for e in code_text(nlp, coder, resolver, text) if e.event_type in {"RETREAT", "AGREE"}]
    assert evs and all(countries(e) == ("COL", "COL") for e in evs)


def test_protest_in_defiance_of_names_its_target(nlp, coder, resolver):
    text = "Thousands of Peruvian miners blocked roads in Lima in defiance of Chilean authorities."
    evs = find(code_text(nlp, coder, resolver, text), "PROTEST")
    assert ("PER", "CHL") in {countries(e) for e in evs}


def test_domestic_strike_targets_the_country_named_with_its_organisers(nlp, coder, resolver):
    text = "Three opposition parties in Kenya have organized a general strike that shut down Mombasa."
    evs = find(code_text(nlp, coder, resolver, text), "PROTEST")
    assert {countries(e)[1] for e in evs} == {"KEN"}


def test_place_inside_a_city_of_phrase(nlp, coder, resolver):
    text = "About 300 Kenyan farmers blocked roads in the capital city of Nairobi on Monday."
    evs = find(code_text(nlp, coder, resolver, text), "PROTEST")
    assert {countries(e)[1] for e in evs} == {"KEN"}


def test_main_verb_hung_on_a_root_noun_still_has_its_subject(nlp, coder, resolver):
    text = ("Nurses from two Canadian aid groups donated and personally delivered $20,000 worth of medicine to "
            "Port-au-Prince General Hospital, risking heavy fines.")
    evs = find(code_text(nlp, coder, resolver, text), "AID")
    assert evs and all(e.actor is not None and e.actor.country == "CAN" for e in evs)


def test_reiterated_demand_names_whom_its_that_clause_asks(nlp, coder, resolver):
    text = "The Irish government reiterated its demand that Britain close the Sellafield plant."
    assert {countries(e) for e in find(code_text(nlp, coder, resolver, text), "REQUEST")} == {("IRL", "GBR")}


def test_completed_withdrawal_of_forces_from_a_country(nlp, coder, resolver):
    text = "NATO completed the withdrawal of its forces from Afghanistan on Monday."
    evs = find(code_text(nlp, coder, resolver, text), "RETREAT")
    assert {countries(e) for e in evs} == {("NATO", "AFG")} or {countries(e)[1] for e in evs} == {"AFG"}


def test_stone_throwing_is_a_violent_protest(nlp, coder, resolver):
    text = "Palestinian youths threw stones at Israeli soldiers in Hebron on Friday."
    evs = find(code_text(nlp, coder, resolver, text), "PROTEST")
    assert {(e.cameo_code, *countries(e)) for e in evs} == {("145", "PSE", "ISR")}


def test_gerund_after_by_shares_the_subject(nlp, coder, resolver):
    text = "Israeli troops responded by shelling Lebanese villages near the border."
    assert ("ISR", "LBN") in {countries(e) for e in find(code_text(nlp, coder, resolver, text), "ASSAULT")}


def test_give_in_is_a_particle_not_a_speech_given_in_a_place(nlp, coder, resolver):
    assert not code_text(nlp, coder, resolver, "Senator Byrd gave a defiant speech in West Virginia on Tuesday.")
    evs = find(code_text(nlp, coder, resolver, "The Kenyan government gave in to demands from striking teachers."),
               "CONCEDE")
    assert evs and evs[0].actor.country == "KEN"


def test_ordering_someone_to_act_is_a_demand_but_ordering_things_is_not(nlp, coder, resolver):
    text = "A Chilean judge has ordered Senator Pablo Rojas to appear for questioning."
    evs = find(code_text(nlp, coder, resolver, text), "REQUEST")
    assert evs and evs[0].cameo_code == "100" and evs[0].recipient is not None and "Rojas" in evs[0].recipient.text
    assert not find(code_text(nlp, coder, resolver, "The Chilean president ordered pizza for the staff."), "REQUEST")
