"""Third pass of issue 11: participants named in constructions the roles did not read, pronouns inside
embedded questions, and countries from titles and communities. Each test is one class of cases
(docs/actors.md, "Third pass"); the sentences are invented (synthetic) in the style of US news."""

from __future__ import annotations

import pytest
from eventtools import asserted, sides

from dyadwatch.models import Article


@pytest.fixture()
def code(code_events):
    return code_events




def test_passive_participle_modifier_makes_the_modified_noun_the_target(code):
    events = code("Gov. John Kasich, endorsed by the Boston Globe on Sunday, campaigned in New Hampshire.")
    support = asserted(events, "SUPPORT")
    assert support and support[0].recipient is not None
    assert "Kasich" in support[0].recipient.name and support[0].recipient.country == "USA"
    assert "Globe" in support[0].actor.text


def test_participle_without_comma_or_agent_is_not_read_as_a_modifier(code):
    events = code("Doctors from two American aid groups donated and personally delivered $50,000 worth of goods "
                  "to Baghdad University Medical School.")
    aid = asserted(events, "AID")
    assert aid and aid[0].recipient is not None and aid[0].recipient.country == "IRQ"  # shared "to" phrase
    assert all(e.recipient.text != "two American aid groups" for e in aid if e.recipient)


def test_object_relative_clause_makes_the_noun_the_target_not_the_actor(code):
    events = code("Senator Jeb Bush, who many Republicans had backed, criticized Donald Trump on Monday.")
    support = asserted(events, "SUPPORT")
    assert support and all("Bush" not in (e.actor.name if e.actor else "") for e in support)
    assert any(e.recipient is not None and "Bush" in e.recipient.name for e in support)


def test_whom_relative_clause(code):
    events = code("Senator Marco Rubio, whom Donald Trump attacked on Monday, spoke in Iowa.")
    assert ("Donald Trump", "Marco Rubio") in sides(asserted(events, "ACCUSE"))


def test_possessor_of_criticised_words_is_the_target(code):
    events = code("Bernie Sanders spoke in Iowa on Monday. Hillary Clinton later slammed his proposal as too vague.")
    accuse = asserted(events, "ACCUSE")
    assert accuse and accuse[0].recipient is not None and accuse[0].recipient.name.endswith("Sanders")


def test_possessor_of_people_is_not_the_target(code):
    events = code("Donald Trump mocked Jeb Bush in Iowa. Donald Trump attacked his rivals on Monday.")
    second = [e for e in asserted(events, "ACCUSE") if e.trigger == "attacked"]
    # never the possessor (Trump himself, or Bush); since the sixth pass the rivals are the target, a group of
    # the owner's country (tests/test_roles_sixth_pass.py)
    assert second and all(e.recipient is not None and e.recipient.text == "his rivals" for e in second)


def test_possessive_pronoun_may_be_the_subject_itself(code):
    events = code("Sen. Ted Cruz spoke in Houston. Former Texas Gov. Rick Perry announced his endorsement of "
                  "Sen. Ted Cruz for president on Sunday.")
    support = asserted(events, "SUPPORT")
    assert support and support[0].actor is not None and support[0].actor.name == "Rick Perry"
    assert support[0].recipient is not None and support[0].recipient.name == "Ted Cruz"


def test_pronoun_in_a_question_put_to_someone_is_the_one_asked(code):
    events = code("Moderator Bret Baier started the exchange by asking Marco Rubio why he decided to attack "
                  "Donald Trump personally.")
    accuse = asserted(events, "ACCUSE")
    assert accuse and accuse[0].actor is not None and accuse[0].actor.name == "Marco Rubio"


def test_pronoun_in_a_reported_statement_is_still_the_speaker(code):
    events = code("Jeb Bush said on Monday that he attacked Donald Trump.")
    accuse = asserted(events, "ACCUSE")
    assert accuse and accuse[0].actor is not None and accuse[0].actor.name == "Jeb Bush"


def test_name_the_parser_hung_off_the_verb_is_its_object(code):
    events = code("Sheldon Adelson, the Las Vegas casino magnate, has indicated he may be willing to back Trump.")
    assert any(e.recipient is not None and e.recipient.text == "Trump" for e in events if e.event_type == "SUPPORT")


def test_empty_preposition_takes_the_phrase_after_it(code):
    events = code("Peru has granted diplomatic asylum to five Panamanian army officers holed up in a diplomatic "
                  "residence.")
    aid = asserted(events, "AID")
    assert aid and aid[0].recipient is not None and aid[0].recipient.country == "PAN"


def test_pope_is_the_holy_see_whatever_the_dateline(code):
    events = code("ROME - Bernie Sanders met privately with Pope Francis on Saturday.")
    consult = asserted(events, "CONSULT")
    assert consult and consult[0].recipient is not None and consult[0].recipient.country == "VAT"
    assert code("The pope criticized Donald Trump.")[0].actor.country == "VAT"


def test_title_inside_a_person_name_gives_the_sector_not_a_later_word(nlp, resolver):
    doc = nlp("King Abdullah met Martin Luther King in Amman.")
    actors = resolver.analyze(doc, Article(id="t", text=doc.text, date="2016-05-14"))
    assert actors.for_token(doc[1]).sector == "GOV"
    assert actors.for_token(doc[5]).sector == ""


def test_a_people_living_in_a_state_is_that_states_community(code):
    events = code("Just recently the Armenians of Israel protested the government for selling arms to Azerbaijan.")
    protest = asserted(events, "PROTEST")
    assert protest and protest[0].actor.country == "ISR"
    assert asserted(code("Armenians protested against Turkey in Yerevan."), "PROTEST")[0].actor.country == "ARM"


def test_title_case_headline_words_are_no_person(nlp, resolver):
    text = "Rick Perry Just Announced His Official Endorsement Of A BIG Name Candidate."
    doc = nlp(text)
    actors = resolver.analyze(doc, Article(id="t", text=text, date="2016-05-14"))
    names = {m.name for m in actors.mentions}
    assert "Rick Perry" in names
    assert "Endorsement" not in names  # "His Official Endorsement" is no official's name


def test_super_pacs_are_a_party_side_body_of_the_story(code):
    # the super PACs' backing is the main verb: as a participle ("super PACs backing Mr. Cruz began March with")
    # it only tells whose side they are on, and is no act (checks.stance_description, fifth pass)
    events = code("Donald Trump attacked Ted Cruz in Iowa. A constellation of super PACs backed Mr. Cruz in "
                  "March with more than $20 million in cash on hand.")
    support = asserted(events, "SUPPORT")
    assert support and support[0].actor is not None
    assert (support[0].actor.country, support[0].actor.sector) == ("USA", "PTY")


def test_a_side_acted_for_or_helped_by_is_no_target(code):
    events = code("About 100 people gathered outside City Hall in Chicago to rally on behalf of the Equality "
                  "Coalition.")
    assert all(e.recipient is None for e in asserted(events, "PROTEST"))
    events = code("The contract was negotiated by the union over 13 days with help from Labor Secretary Thomas Perez.")
    assert all(e.recipient is None or "Perez" not in e.recipient.name for e in events)


def test_name_read_as_an_adverb_is_the_subject(code):
    events = code("But Bill Skelly, a longtime Republican data operative, vouched for both Matt Braynard and "
                  "Tony Chrabaszcz.")
    support = asserted(events, "SUPPORT")
    assert support and {e.actor.name for e in support if e.actor} == {"Bill Skelly"}


def test_noun_right_before_a_conjoined_verb_is_its_subject(code):
    events = code("The Kentucky Republican and the New York businessman discussed the violence that has marred "
                  "Trump's rallies and protesters have clashed with the candidate's supporters.")
    clash = [e for e in events if e.trigger == "clashed"]
    assert clash and all(e.actor is not None and e.actor.text == "protesters" for e in clash)


def test_conjoined_verbs_share_their_object_only_when_joined_directly(code):
    events = code("Taliban fighters killed and injured dozens of people in Kabul, Afghanistan.")
    killed = [e for e in events if e.trigger == "killed"]
    assert killed and killed[0].recipient is not None and killed[0].recipient.country == "AFG"
    events = code("Palestinian factions have agreed to lay down their weapons in eastern Lebanon, but linked their "
                  "disarmament to the disbanding of Lebanese militias.")
    agree = [e for e in events if e.trigger == "agreed"]
    assert all(e.recipient is None or "militias" not in e.recipient.text for e in agree)


def test_name_tagged_as_a_verb_after_a_preposition_is_the_person(code):
    events = code("Donald Trump spoke in Ohio. Khizr Khan pulled a copy of the Constitution from his pocket and "
                  "defiantly offered to loan it to Trump to read.")
    agree = asserted(events, "AGREE")
    assert agree and agree[0].recipient is not None and agree[0].recipient.name == "Donald Trump"


def test_its_is_not_bound_to_the_subject_of_its_own_verb(nlp, resolver):
    text = "The United Nations imposed sanctions on Iraq in 1990 in response to its invasion of Kuwait."
    doc = nlp(text)
    actors = resolver.analyze(doc, Article(id="t", text=text, date="1991-01-01"))
    its = next(t for t in doc if t.lower_ == "its")
    found = actors.for_token(its)
    assert found is None or found.country != "IGO"


def test_challengers_are_candidates_and_advocates_are_not_lawyers(code):
    events = code("Bernie Sanders spoke in Vermont. The challenger criticized Hillary Clinton on Monday.")
    accuse = asserted(events, "ACCUSE")
    assert accuse and accuse[0].actor is not None and accuse[0].actor.sector == "PTY"
    events = code("Civil rights advocates in Chicago criticized the Obama administration on Monday.")
    accuse = asserted(events, "ACCUSE")
    assert accuse and accuse[0].actor is not None and accuse[0].actor.sector != "JUD"


def test_pledge_of_support_goes_to_whose_supporter_the_actor_is(code):
    text = ("Hillary Clinton spoke in Ohio. Gov. Mark Dayton has been a longtime Clinton supporter and has pledged "
            "his support as a superdelegate to the national convention.")
    agree = asserted(code(text), "AGREE")
    assert agree and agree[0].recipient is not None and agree[0].recipient.name == "Hillary Clinton"
    events = code("Hillary Clinton spoke in Ohio. Clinton supporters protested against Donald Trump.")
    protest = asserted(events, "PROTEST")
    assert protest and protest[0].actor.text == "Clinton supporters" and protest[0].actor.sector == "CVL"


def test_second_subject_after_the_verb_is_its_object(code):
    events = code("On Saturday, Sen. Bernie Sanders (I-Vt.) called on Michigan Gov. Rick Snyder (R) to resign over "
                  "the crisis in Flint.")
    request = asserted(events, "REQUEST")
    assert request and request[0].recipient is not None and request[0].recipient.name == "Rick Snyder"


def test_passive_conjunct_makes_the_shared_subject_the_target(code):
    events = code("Then Hillary Clinton invoked the Sept. 11 attacks to defend herself - and was roundly criticized "
                  "by Donald Trump.")
    assert ("Donald Trump", "Hillary Clinton") in sides(asserted(events, "ACCUSE"))
    events = code("Eighteen Italian fishermen, held captive in Libya for 100 days, have been freed by Libyan forces.")
    retreat = asserted(events, "RETREAT")
    assert retreat and retreat[0].recipient is not None and retreat[0].recipient.country == "ITA"


def test_owner_of_a_decision_does_what_it_decides(code):
    events = code("There was campaign chairman Paul Manafort's decision to begin a push for unity by publicly "
                  "chastising Ohio Gov. John Kasich.")
    accuse = asserted(events, "ACCUSE")
    assert accuse and accuse[0].actor is not None and accuse[0].actor.name == "Paul Manafort"


def test_praise_of_someones_effort_goes_to_them(code):
    events = code("Hillary Clinton won the primary. Bernie Sanders praised her effort on Tuesday.")
    support = asserted(events, "SUPPORT")
    assert support and support[0].recipient is not None and support[0].recipient.name == "Hillary Clinton"


def test_a_nationality_the_text_states_is_the_persons_country(code):
    events = code("Ali Kaya is a Turkish citizen. Ali Kaya criticized the German government.")
    accuse = asserted(events, "ACCUSE")
    assert accuse and accuse[0].actor.country == "TUR"
    events = code("Gonzalo Curiel was an American, born and raised in Indiana. Donald Trump attacked Curiel again.")
    assert any(e.recipient is not None and e.recipient.country == "USA" for e in asserted(events, "ACCUSE"))


def test_a_group_against_a_role_is_not_that_role(code):
    events = code("Ali Kaya filed a lawsuit against a German anti-refugee group on Monday.")
    targets = [e.recipient for e in events if e.recipient is not None]
    assert targets and all(r.sector != "REF" and r.country == "DEU" for r in targets)


def test_a_share_of_a_group_acts_as_the_group(code):
    events = code("His victory deals a blow to Florida Sen. Marco Rubio, who many in the Republican establishment "
                  "had backed.")
    support = asserted(events, "SUPPORT")
    assert support and support[0].actor is not None and support[0].actor.sector == "PTY"
    assert support[0].recipient is not None and support[0].recipient.name == "Marco Rubio"


def test_possessor_split_off_a_gerund_is_its_subject(code):
    events = code("In 2008, Vladimir Putin complained bitterly about the United States' backing independence for "
                  "Kosovo.")
    backing = [e for e in events if e.trigger == "backing"]
    assert backing and all(e.actor is not None and e.actor.country == "USA" for e in backing)
