"""Precision rules for asserted events (docs/precision_check.md): readings that report no event of the
trigger's type (a warning that is only a claim, a promise of nothing cooperative, an agreement of opinion,
a refusal to comment) and participants that are not there ("apologized to nobody").

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest
from eventtools import asserted


@pytest.fixture()
def events(code_events):
    return code_events



# -- warnings: a threat, not a claim -------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The Brazilian finance minister warned that the national economy is weak.",
        "Kenya's central bank has been warning that the country is running out of foreign currency.",
        "The senator warned that the governor would drive the state into bankruptcy.",
        "The Chilean economy minister warned of the dangers of a sudden rise in interest rates.",
    ],
)
def test_a_warning_that_describes_a_state_of_affairs_is_no_threat(events, text):
    assert asserted(events(text), "THREATEN") == []


@pytest.mark.parametrize(
    "text",
    [
        "Iran warned Israel that it would retaliate against any attack on its territory.",
        "Egypt warned Ethiopia against filling the dam without an agreement.",
        "The Indian prime minister warned Pakistan not to send militants across the border.",
        "Canada warned of serious consequences if Russia annexed more territory.",
        "The Gulf states warned they could cut oil supplies if the embargo went ahead.",
    ],
)
def test_coercive_warnings_stay_threats(events, text):
    assert asserted(events(text), "THREATEN"), text


# -- promises: AGREE needs a commitment to cooperate ----------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The governor promised to veto the budget bill.",
        "The Polish president pledged to destroy the smuggling networks.",
        "The Mexican president promised to build new highways across the country.",
        "On her website, the Colombian senator pledges to end the parking program.",
        "The minister promised that taxes would fall next year.",
    ],
)
def test_campaign_or_hostile_promises_are_not_agree(events, text):
    assert asserted(events(text), "AGREE") == []


@pytest.mark.parametrize(
    "text",
    [
        "Japan pledged to support Ukraine's bid to join the bank.",
        "The two prime ministers pledged to work together on border security.",
        "France promised to continue military aid to Mali.",
        "The Spanish foreign minister pledged his support to the Moroccan plan.",
    ],
)
def test_promises_of_cooperation_stay_agree(events, text):
    assert asserted(events(text), "AGREE"), text


def test_a_pledge_of_money_stays_aid(events):
    evs = events("Norway pledged $200 million in aid to Sudan.")
    assert [e.cameo_code for e in asserted(evs, "AID")] == ["070"]


# -- agreement: a deal, not a shared view --------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The German chancellor agrees.",
        "The two senators do agree on something.",
        "The French farm minister agreed with his Spanish counterpart on the issue.",
        "The retired judge agreed that a president should consult Congress before a strike.",
    ],
)
def test_sharing_an_opinion_is_not_agree(events, text):
    assert asserted(events(text), "AGREE") == []


@pytest.mark.parametrize(
    "text",
    [
        "Armenia and Azerbaijan agreed on a ceasefire on Tuesday.",
        "Turkey agreed to reopen its border with Armenia.",
        "The two foreign ministers agreed that their countries would resume flights.",
    ],
)
def test_agreements_stay_agree(events, text):
    assert asserted(events(text), "AGREE"), text


# -- refusals: a rejection, not a no-comment ------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The Dutch ambassador declined to be interviewed for this report.",
        "A spokeswoman for the Chilean ministry refused to say whether talks had begun.",
        "The senator declined to criticize the governor during the debate.",
    ],
)
def test_refusing_to_comment_or_to_criticize_is_not_reject(events, text):
    assert asserted(events(text), "REJECT") == []


def test_refusing_a_cooperative_act_stays_reject(events):
    evs = events("Hungary refused to release the detained activists.")
    assert asserted(evs, "REJECT")


# -- participants that are not there ---------------------------------------------------------------
def test_an_act_towards_nobody_is_negated(events):
    evs = events('"I apologize to nobody for that," the Peruvian president said.')
    assert asserted(evs, "SUPPORT") == []


def test_forgoing_an_act_negates_it(events):
    evs = events("Several banks are forgoing funding the Nigerian government this year.")
    assert asserted(evs, "AID") == []


# -- lexicon rows narrowed -------------------------------------------------------------------------
def test_asking_a_question_is_not_a_request(events):
    evs = events("Kenya's foreign minister asked the question to test the ambassador's answer.")
    assert asserted(evs, "REQUEST") == []


def test_occupying_a_rank_is_not_coercion(events):
    evs = events("Canada's Liberal Party occupied a distant third place.")
    assert asserted(evs, "COERCE") == []


def test_occupying_territory_stays_coercion(events):
    assert asserted(events("Russian troops occupied the Ukrainian city of Kherson."), "COERCE")


# -- predictions and readiness ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "All signs pointed to the Canadian prime minister endorsing the Mexican plan.",
        "The Colombian president said he is open to negotiating with Venezuela.",
    ],
)
def test_predicted_or_possible_acts_are_not_asserted(events, text):
    evs = events(text)
    assert asserted(evs, "SUPPORT") == [] and asserted(evs, "CONSULT") == []


# -- fighting an abstract evil; reflexive recipients -------------------------------------------------
def test_fighting_terror_is_no_assault(events):
    assert asserted(events("Saudi officials insist they are fighting terror."), "ASSAULT") == []


def test_fighting_a_group_stays_assault(events):
    evs = events("The Nigerian army is fighting Boko Haram in the northeast.")
    assert [e.recipient.text for e in asserted(evs, "ASSAULT")] == ["Boko Haram"]


def test_a_reflexive_object_is_no_recipient(events):
    evs = events("A Syrian man blew himself up outside a German concert hall.")
    assert all(e.recipient is None or "self" not in e.recipient.text.lower() for e in evs)


# -- reactions, own stances, acts not done ----------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The Austrian chancellor was met with boos from protesters in Vienna.",
        "Merkel's refugee plan met with fierce opposition from Hungary.",
        "The Italian government is meeting stiff resistance from the unions.",
    ],
)
def test_meeting_a_reaction_is_no_consultation(events, text):
    assert asserted(events(text), "CONSULT") == []


def test_a_meeting_stays_a_consultation(events):
    evs = events("The Egyptian president was met by the Israeli prime minister at the airport.")
    assert asserted(evs, "CONSULT")


@pytest.mark.parametrize(
    "text",
    [
        "The Brazilian president defended his record on deforestation.",
        "The Polish minister defended himself against accusations of bias.",
    ],
)
def test_defending_ones_own_stance_is_no_support(events, text):
    assert asserted(events(text), "SUPPORT") == []


@pytest.mark.parametrize(
    "text",
    [
        "The Brazilian president defended his foreign minister against the criticism.",
        "The French president defended Germany's decision to close its border.",
    ],
)
def test_defending_someone_else_stays_support(events, text):
    assert asserted(events(text), "SUPPORT"), text


def test_an_act_instead_of_which_something_else_was_done_is_negated(events):
    evs = events("The Spanish king stayed in Madrid instead of making a visit to Morocco.")
    assert asserted(evs, "CONSULT") == []


# -- "threaten" as endanger; phrasal "away"; the actor's own possessive ------------------------------
def test_threaten_in_the_sense_of_endanger_is_no_threat(events):
    assert asserted(events("The Hungarian government's policy threatens national security."), "THREATEN") == []


@pytest.mark.parametrize(
    "text",
    [
        "Erdogan threatened sanctions against Sweden.",
        "North Korea threatened Japan.",
        "Iran threatened to close the Strait of Hormuz.",
    ],
)
def test_threats_stay_threats(events, text):
    assert asserted(events(text), "THREATEN"), text


def test_backing_away_is_no_support(events):
    evs = events("The Hungarian premier backed away from a suggestion by the Polish president.")
    assert asserted(evs, "SUPPORT") == []


def test_the_possessive_of_a_pledged_object_is_not_the_recipient(events):
    evs = events("Two Texas superdelegates have publicly pledged their support to Clinton.")
    assert [e.recipient.text for e in asserted(evs, "AGREE") if e.recipient] == ["Clinton"]


def test_shooting_video_is_no_assault(events):
    assert asserted(events("A Mexican tourist shot video of the protest in Madrid."), "ASSAULT") == []


def test_shooting_a_person_stays_assault(events):
    assert asserted(events("Mexican police shot two suspects in Tijuana."), "ASSAULT")


# -- participles, small clauses ----------------------------------------------------------------------
def test_a_report_released_by_an_institute_is_no_retreat(events):
    evs = events("A report released by the Brookings Institution last year estimated the cost.")
    assert asserted(evs, "RETREAT") == []


def test_wanting_someone_banned_is_not_a_ban(events):
    evs = events("A Philippine lawmaker wants the Chinese ambassador banned from the country.")
    assert asserted(evs, "COERCE") == []


# -- negated readiness, counterfactuals ----------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The Dutch prime minister says he is not ready to support the Belgian plan.",
        "No European government seems willing to endorse the Turkish proposal.",
        "The Irish minister said he would have attended the meeting with the Japanese delegation.",
    ],
)
def test_negated_readiness_and_counterfactuals_promise_nothing(events, text):
    assert asserted(events(text), "AGREE") == []


def test_readiness_stays_a_promise(events):
    assert asserted(events("The Dutch prime minister said he is ready to support the Belgian plan."), "AGREE")


def test_an_act_done_without_is_negated(events):
    evs = events("The Greek party found a way to take part without supporting the German chancellor.")
    assert asserted(evs, "SUPPORT") == []
