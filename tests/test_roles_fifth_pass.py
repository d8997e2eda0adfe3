"""Fifth pass of issue 11: participants on real news. Each test is one class of cases (docs/actors.md, "Fifth
pass"); the sentences are invented (synthetic) in the style of US and world news."""

from __future__ import annotations

import pytest
from eventtools import asserted, sides


@pytest.fixture()
def code(code_events):
    return code_events


def one(events, etype):
    """The one asserted event of a type (the test fails when there is none or several)."""
    found = asserted(events, etype)
    assert len(found) == 1, [(e.event_type, e.trigger) for e in events]
    return found[0]


# -- attackers given the country of the place attacked --------------------------------------------------------


def test_attackers_are_not_placed_by_the_country_of_their_target(code):
    event = one(code("Militants stormed the U.S. consulate in Benghazi on Tuesday night."), "ASSAULT")
    assert event.actor is not None and event.actor.country == "LBY"
    assert event.recipient is not None and event.recipient.country == "USA"


def test_attackers_with_no_place_stay_unplaced(code):
    event = one(code("Gunmen attacked the American embassy on Friday."), "ASSAULT")
    assert event.actor is not None and event.actor.country == ""
    assert event.recipient is not None and event.recipient.country == "USA"


def test_a_nationality_still_places_other_actors_by_the_story(code):
    events = code("Soldiers arrested a Syrian man in Damascus on Monday.")
    assert [e.actor.country for e in asserted(events, "COERCE") if e.actor] == ["SYR"]


# -- legislative committees ------------------------------------------------------------------------------------


def test_a_house_committee_is_the_legislature_not_the_place_it_investigates(code):
    event = one(code("The House Benghazi committee accused Hillary Clinton of stonewalling."), "ACCUSE")
    assert event.actor is not None
    assert (event.actor.country, event.actor.sector) == ("USA", "LEG")


def test_a_senate_committee_is_legislative_whatever_its_subject(code):
    event = one(code("The Senate Judiciary Committee accused the FBI of stonewalling."), "ACCUSE")
    assert event.actor is not None and event.actor.sector == "LEG"


def test_a_place_in_a_committee_name_is_not_its_country(code):
    event = one(code("Hillary Clinton criticized the Benghazi committee on Tuesday."), "ACCUSE")
    assert event.recipient is None or event.recipient.country != "LBY"


def test_a_national_committee_keeps_its_nationality(code):
    event = one(code("The Chinese Olympic Committee criticized Japan on Sunday."), "ACCUSE")
    assert event.actor is not None and event.actor.country == "CHN"


# -- a role that names a person only with an institution -----------------------------------------------------


def test_the_director_of_a_known_agency_is_its_official(code):
    event = one(code("The FBI director rebuked Hillary Clinton on Tuesday."), "ACCUSE")
    assert event.actor is not None and (event.actor.country, event.actor.sector) == ("USA", "COP")
    assert event.actor.kind == "person"


def test_a_director_without_an_institution_is_no_participant(code):
    event = one(code("The film's director praised Hillary Clinton."), "SUPPORT")
    assert event.actor is None


# -- a possessive recipient ------------------------------------------------------------------------------------


def test_its_policies_name_the_target(code):
    events = code("Donald Trump has few good words about China. He rails against its trade policies.")
    event = one(events, "ACCUSE")
    assert event.recipient is not None and event.recipient.country == "CHN"


def test_whose_record_is_attacked_is_the_target(code):
    events = code("Hillary Clinton spoke in Iowa on Monday. Donald Trump lashed out at her record on Tuesday.")
    assert sides(asserted(events, "ACCUSE")) == [("Donald Trump", "Hillary Clinton")]


def test_the_owner_of_a_mocked_trait_is_the_target_not_the_mocker(code):
    events = code("Donald Trump spoke in Iowa. Senator Elizabeth Warren ridiculed his hair during the debate.")
    assert sides(asserted(events, "ACCUSE")) == [("Elizabeth Warren", "Donald Trump")]


def test_mocking_by_a_gerund_borrows_the_mocker_from_the_clause(code):
    text = ("Donald Trump spoke in Texas. He said that Marco Rubio had found a new line of attack by "
            "mocking his hand size.")
    assert ("Marco Rubio", "Donald Trump") in sides(asserted(code(text), "ACCUSE"))


def test_ones_own_rivals_add_no_recipient(code):
    events = code("Donald Trump spoke in Iowa. Marco Rubio railed against his rivals on Monday.")
    # the owner of "his rivals" is never the target; since the sixth pass the rivals themselves are (a group of
    # the owner's country: tests/test_roles_sixth_pass.py)
    assert sides(asserted(events, "ACCUSE")) == [("Marco Rubio", "his rivals")]


# -- a bare past-participle clause is a passive ----------------------------------------------------------------


def test_the_one_asked_in_a_participle_clause_is_the_target(code):
    events = code("Corey Lewandowski hopped on stage. When asked to leave, he reportedly refused.")
    request = one(events, "REQUEST")
    assert request.actor is None
    assert request.recipient is not None and request.recipient.name == "Corey Lewandowski"
    assert one(events, "REJECT").actor.name == "Corey Lewandowski"


def test_a_participle_clause_with_an_agent_names_the_asker(code):
    event = one(code("Criticized by Democrats, Donald Trump defended the ban."), "ACCUSE")
    assert event.actor is not None and event.actor.name == "Democratic Party"
    assert event.recipient is not None and event.recipient.name == "Donald Trump"


def test_a_perfect_participle_clause_is_active(code):
    events = code("Having criticized Hillary Clinton for months, Donald Trump praised Bernie Sanders.")
    assert sides(asserted(events, "ACCUSE")) == [("Donald Trump", "Hillary Clinton")]


# -- whose proposal was refused ----------------------------------------------------------------------------------


def test_a_refusal_after_a_proposal_targets_the_proposer(code):
    text = ("Mr. Obama had proposed paying for the tax cuts by raising taxes on the wealthiest Americans, but "
            "the Republicans who control Congress refused.")
    event = one(code(text), "REJECT")
    assert event.recipient is not None and event.recipient.name == "Barack Obama"


def test_a_refusal_of_it_targets_the_proposer(code):
    events = code("Donald Trump proposed a debate in Ohio, but Hillary Clinton rejected it.")
    assert sides(asserted(events, "REJECT")) == [("Hillary Clinton", "Donald Trump")]


def test_a_refusal_with_its_own_target_keeps_it(code):
    events = code("Donald Trump proposed a wall, and Hillary Clinton rejected Bernie Sanders on Monday.")
    assert all(r != "Donald Trump" for _, r in sides(asserted(events, "REJECT")))


# -- countries of people ----------------------------------------------------------------------------------------


def test_activists_are_never_coded_as_the_country_ngo(code):
    events = code("Civil rights activists have demanded that candidates address police brutality.")
    actors = [e.actor for e in events if e.actor is not None]
    assert actors and all(a.country != "NGO" for a in actors)


def test_a_non_governmental_body_keeps_the_ngo_code(code):
    event = one(code("The Association of African Jurists criticized the government of Kenya."), "ACCUSE")
    assert event.actor is not None and event.actor.country == "NGO"


def test_an_appointee_serves_the_appointers_state(code):
    text = ("President Obama met Israeli leaders in Washington. Mr. Netanyahu appointed a diplomacy chief "
            "who had accused Mr. Obama of anti-Semitism.")
    event = one(code(text), "ACCUSE")
    assert event.actor is not None and event.actor.country == "ISR"


def test_the_documents_evidence_beats_a_namesakes_old_office(code):
    text = ("The paper compared Ted Cruz with the segregationist former Alabama Democratic Governor George Wallace. "
            "Bill Clinton praised George Wallace in 1998.")
    events = asserted(code(text), "SUPPORT")
    assert [e.recipient.country for e in events if e.recipient] == ["USA"]


def test_an_out_of_office_leader_keeps_the_list_country_without_other_evidence(code):
    event = one(code("Tony Blair criticized Donald Trump in Washington."), "ACCUSE")
    assert event.actor is not None and event.actor.country == "GBR"


# -- named groups ------------------------------------------------------------------------------------------------


def test_news_organizations_are_the_target_of_a_ban(code):
    events = code("Donald Trump spoke in Ohio. He has banned various news organizations from his rallies.")
    event = one(events, "COERCE")
    assert event.recipient is not None and event.recipient.sector == "MED"


def test_attendees_are_the_ones_called_on(code):
    events = code("Hillary Clinton spoke in New York. She called on attendees to oppose bigotry.")
    event = one(events, "REQUEST")
    assert event.recipient is not None and (event.recipient.country, event.recipient.sector) == ("USA", "CVL")


# -- "the senator" ----------------------------------------------------------------------------------------------


def test_the_senator_is_the_last_legislator_named(code):
    text = "Marco Rubio spoke in Iowa. Donald Trump said that the senator had criticized Hillary Clinton."
    event = one(code(text), "ACCUSE")
    assert event.actor is not None and event.actor.name == "Marco Rubio"


def test_the_senator_is_never_a_person_of_another_sector(code):
    text = "Donald Trump spoke in Iowa. The senator criticized Hillary Clinton on Monday."
    event = one(code(text), "ACCUSE")
    assert event.actor is None or event.actor.name != "Donald Trump"


# -- a pronoun in a relative clause ------------------------------------------------------------------------------


def test_an_object_pronoun_in_a_relative_clause_is_not_its_subject(code):
    text = "Donald Trump met Jeb Bush, who criticized him on Monday."
    events = code(text)
    assert ("Jeb Bush", "Donald Trump") in sides(asserted(events, "ACCUSE"))


def test_an_object_pronoun_skips_the_apposed_name_of_the_relative(code):
    text = ("Rahm Emanuel won a runoff with Jesus Garcia, a county commissioner who accused him of catering to "
            "special interests.")
    event = one(code(text), "ACCUSE")
    assert event.actor is not None and event.actor.name == "Jesus Garcia"
    assert event.recipient is not None and event.recipient.name != "Jesus Garcia"


def test_it_is_never_a_plural_group(code):
    text = ("Donald Trump often speaks about China. He accuses it of stealing American jobs. He promises to "
            "declare it a currency manipulator. He rails against its trade policies.")
    events = asserted(code(text), "ACCUSE")
    assert events and all(e.recipient is not None and e.recipient.country == "CHN" for e in events)


def test_its_own_is_the_subjects_and_never_a_target(code):
    text = ("The United States began a bombing campaign against the group last year, just as Russia began its own "
            "parallel bombing operation.")
    events = asserted(code(text), "ASSAULT")
    russia = [e for e in events if e.actor is not None and e.actor.country == "RUS"]
    assert russia and all(e.recipient is None or e.recipient.country != "USA" for e in russia)


# -- found on the class-reading sample (seed 318457) --------------------------------------------------------


def test_a_person_named_after_an_outlet_is_that_person(code):
    event = one(code("At a conference, Fox News Sean Hannity asked John Kasich to lay out his path."), "REQUEST")
    assert event.actor is not None and event.actor.name == "Sean Hannity"
    assert (event.actor.country, event.actor.sector) == ("USA", "MED")


def test_an_outlets_host_is_a_media_person(code):
    event = one(code("The Fox News host criticized Donald Trump on Monday."), "ACCUSE")
    assert event.actor is not None and (event.actor.country, event.actor.sector) == ("USA", "MED")


def test_ones_opposition_is_a_stance_not_the_opposition(code):
    events = code("Donald Trump spoke in Iowa. He later denied his opposition in a separate interview.")
    assert all(e.recipient is None or e.recipient.sector != "OPP" for e in events)


def test_the_opposition_of_a_country_is_still_the_opposition(code):
    event = one(code("The Syrian opposition criticized Bashar al-Assad on Sunday."), "ACCUSE")
    assert event.actor is not None and (event.actor.country, event.actor.sector) == ("SYR", "OPP")


def test_an_opening_phrase_of_plural_leaders_is_no_apposition(code):
    text = ("In New York, after meeting with the Rev. Al Sharpton and other civil rights leaders, Hillary Clinton "
            "proposed new federal regulations.")
    events = asserted(code(text), "CONSULT")
    assert events and all(e.recipient is None or e.recipient.name != "Hillary Clinton" for e in events)


def test_where_people_met_is_not_whom_they_met(code):
    events = code("Some 90 young conservatives met at the Sharon, Connecticut, home of a magazine editor.")
    assert all(e.recipient is None for e in asserted(events, "CONSULT"))
    pairs = sides(asserted(code("Barack Obama met with Vladimir Putin at the White House."), "CONSULT"))
    assert pairs == [("Barack Obama", "Vladimir Putin")]


def test_an_armed_group_abroad_takes_no_story_country(code):
    text = ("Senator Marco Rubio spoke in Iowa. Donald Trump criticized Hillary Clinton in Ohio. Bernie Sanders "
            "praised Elizabeth Warren in Vermont. Libyan security forces clashed with members of an armed group "
            "on Sunday.")
    event = one(code(text), "ASSAULT")
    assert event.actor is not None and event.actor.country == "LBY"
    assert event.recipient is None or event.recipient.country != "USA"


def test_armed_attackers_take_the_country_of_their_own_sentence(code):
    text = ("Donald Trump criticized Hillary Clinton in Ohio. Bernie Sanders praised Elizabeth Warren in Vermont. "
            "Militants attacked a police station in Afghanistan on Sunday.")
    event = one(code(text), "ASSAULT")
    assert event.actor is not None and event.actor.country == "AFG"


# -- found on the measuring sample (seed 352919) and fixed after it --------------------------------------------


def test_a_subject_pronoun_is_never_its_verbs_object(code):
    text = ("Khizr Khan spoke in Philadelphia on Thursday. He said that Mr. Trump had shown disrespect to his wife, "
            "and he accused Mr. Trump of running a campaign of hatred.")
    assert ("Khizr Khan", "Donald Trump") in sides(asserted(code(text), "ACCUSE"))


def test_the_next_president_is_not_the_president_named_before(code):
    text = "President Obama spoke in Iowa. Mitch McConnell said the next president should choose the nominee."
    events = code(text)
    assert all(e.recipient is None or e.recipient.name != "Barack Obama" for e in events)


def test_which_after_a_body_of_a_place_is_the_body(code):
    event = one(code("The case drew the ACLU of Oregon, which criticized Governor Kate Brown on Tuesday."), "ACCUSE")
    assert event.actor is not None and event.actor.name == "American Civil Liberties Union"
