"""Third pass on event coverage (issue 10), one test per class of cases, on invented sentences through the real
model: retorts and sparring, mockery, disputing someone's claims, "dismissed X as ...", protest by disruption,
past-tense clauses of time that report facts, threats to officials named by their title, disasters and crises
that strike, and future acts with no one to promise them to."""

from __future__ import annotations

import pytest
from eventtools import asserted_pairs as asserted


@pytest.mark.parametrize(
    "text",
    [
        "Donald Trump fired back at Hillary Clinton on Twitter on Monday.",  # a retort aimed at someone
        "Donald Trump sparred with Ted Cruz over his eligibility.",  # trading criticism
        "Hillary Clinton took a shot at Donald Trump's business record.",  # "shot" is the trigger's own word
        "Donald Trump poked fun at Jeb Bush's campaign.",  # mockery as a light verb
        "Hillary Clinton needled Donald Trump over his tax returns.",  # a polysemous verb with a person object
        "Marco Rubio ripped Donald Trump over his business record.",
        "Carly Fiorina challenged Donald Trump's record on women.",  # disputing someone's record or claims
        "Hillary Clinton dismissed Donald Trump as unqualified.",  # a characterising verb with "as"
    ],
)
def test_verbal_attacks_of_campaign_reporting_are_accusations(code_events, text):
    pairs = asserted(code_events(text), "ACCUSE")
    assert pairs, text
    assert all(actor and recipient and actor != recipient for actor, recipient in pairs), pairs


@pytest.mark.parametrize(
    "text",
    [
        "The gunmen fired back at the police officers, killing two of them.",  # a retort under fire is no criticism
        "The protesters ripped the flag from the pole.",  # "rip" needs a person as object
        "The crowd booed the referee's decision.",
        "Senator Jones challenged the incumbent in the Democratic primary.",  # a contest, not a dispute of claims
    ],
)
def test_the_physical_and_contest_senses_are_no_criticism(code_events, text):
    assert asserted(code_events(text), "ACCUSE") == [], text


def test_disrupting_a_political_gathering_is_a_protest(code_events):
    events = code_events("Hundreds of Bernie Sanders supporters disrupted the Democratic convention in Las Vegas.")
    assert asserted(events, "PROTEST")
    assert not asserted(code_events("The strike disrupted supply chains across Germany."), "PROTEST")


def test_a_past_clause_of_time_reports_a_fact_under_a_request(code_events):
    """The request is to rein in the supporters; the disruption after which it came happened."""
    text = (
        "Senator Harry Reid urged Senator Bernie Sanders to rein in his supporters after they disrupted the "
        "Democratic convention in Las Vegas."
    )
    protest = [e for e in code_events(text) if e.event_type == "PROTEST"]
    assert protest and all(e.asserted for e in protest)


def test_a_clause_before_the_event_does_not_presuppose_it(code_events):
    text = "Senator Harry Reid urged the protesters to leave before they disrupted the convention in Las Vegas."
    assert not asserted(code_events(text), "PROTEST")


def test_threatening_an_official_named_by_title_is_a_threat(code_events):
    text = "Protesters in Las Vegas threatened the Nevada Democratic Party chairwoman Roberta Lange on Saturday."
    assert asserted(code_events(text), "THREATEN")


def test_a_crisis_that_strikes_a_city_is_no_attack(code_events):
    assert asserted(code_events("Social media sites overflow when crisis strikes Paris."), "ASSAULT") == []


def test_a_future_act_with_no_one_named_is_no_promise(code_events):
    """ANNOTATION: plans are not asserted; a promise is an AGREE when it is made to someone."""
    assert asserted(code_events("Senator Susan Collins said she will support the bill next week."), "AGREE") == []
    named = code_events("Japan will provide emergency aid to Nepal, Prime Minister Shinzo Abe said on Monday.")
    assert asserted(named, "AGREE")


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Jason Miller, a senior adviser to Donald Trump, jumped on Tim Kaine's remark.", "Jason Miller", "Kaine"),
        ("Republicans pounced on Hillary Clinton's comments about coal miners.", "Republican", "Hillary Clinton"),
        ("“Marco Rubio has no idea what he is doing,” Chris Christie said.", "Chris Christie", "Marco Rubio"),
        ("“She is totally unqualified,” Donald Trump said of Hillary Clinton.", "Donald Trump", "Hillary Clinton"),
        ("Donald Trump questioned whether Ted Cruz was eligible to be president.", "Donald Trump", "Ted Cruz"),
        ("Donald Trump described Mexican immigrants as rapists and criminals.", "Donald Trump", "Mexic"),
    ],
)
def test_seizing_on_words_doubts_and_imputed_ignorance_accuse_their_target(code_events, text, actor, recipient):
    pairs = asserted(code_events(text), "ACCUSE")
    assert any(actor in a and recipient in r for a, r in pairs), pairs


def test_seizing_on_news_or_jumping_on_a_bed_accuses_no_one(code_events):
    assert asserted(code_events("The media seized on new revelations about the Clinton Foundation."), "ACCUSE") == []
    assert asserted(code_events("Senator Jones asked whether the bill would pass the House."), "ACCUSE") == []


@pytest.mark.parametrize(
    "text",
    [
        "Senator Bernie Sanders was rallying for Eric Kingson, a candidate for Congress.",  # campaigning
        "But she is marching toward November facing an unpredictable opponent.",  # a figure of speech
    ],
)
def test_one_politician_rallying_or_marching_is_no_demonstration(code_events, text):
    assert asserted(code_events(text), "PROTEST") == [], text


def test_many_people_rallying_still_demonstrate(code_events):
    assert asserted(code_events("Thousands of protesters rallied against the law in Warsaw."), "PROTEST")
    assert asserted(code_events("An activist marched to the parliament in Kiev on Monday."), "PROTEST")


def test_calling_counted_things_something_is_no_telephone_call(code_events):
    events = code_events("The State Department calls 22 emails of Hillary Clinton top secret.")
    assert asserted(events, "CONSULT") == []


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        # a sentence of a quote with no speech verb of its own
        ("“Hillary Clinton is a disaster. She lied to the families of the victims,” Donald Trump said on Monday.",
         "Donald Trump", "Hillary Clinton"),
        # the speaker's "I think" frames the judgement
        ("“I think Hillary Clinton has been a disaster as secretary of state,” Jeb Bush said in an interview.",
         "Jeb Bush", "Hillary Clinton"),
        # "he" is the man of the sentence before, never the name inside the quote he speaks
        ("Marco Rubio did not hold back on Thursday. “Donald Trump is a con artist,” he told the crowd.",
         "Marco Rubio", "Donald Trump"),
    ],
)
def test_judgements_inside_quotes_accuse_their_subject(code_events, text, actor, recipient):
    pairs = asserted(code_events(text), "ACCUSE")
    assert (actor, recipient) in pairs, pairs


def test_a_quote_speaker_pronoun_skips_names_inside_the_quote(nlp):
    from dyadwatch.actors import ActorResolver
    from dyadwatch.models import Article
    from dyadwatch.quotes import extract_quotes

    text = "Marco Rubio did not hold back on Thursday. “Donald Trump is a liar,” he told the crowd."
    article = Article(id="t", text=text, date="2016-03-01")
    doc = nlp(text)
    quotes = extract_quotes(doc, article, ActorResolver().analyze(doc, article))
    assert [q.speaker.name for q in quotes if q.speaker] == ["Marco Rubio"]


def test_a_relative_clause_does_not_take_its_nouns_mode(code_events):
    """ "an offer the leadership rebuffed": the rebuff happened; "offer" governs what is offered, not the clause
    that describes the offer."""
    events = code_events("President Obama sought Republican suggestions, an offer the party leadership rebuffed.")
    assert asserted(events, "REJECT")


@pytest.mark.parametrize(
    "text",
    [
        "Hillary Clinton called Donald Trump's remarks troubling on Sunday.",  # moral disapproval
        "President Obama took a whack at Donald Trump's populist credentials on Wednesday.",
        "The National Rifle Association ripped Hillary Clinton for her anti-gun agenda.",  # a policy topic, no violence
    ],
)
def test_more_disapproval_words_accuse(code_events, text):
    assert asserted(code_events(text), "ACCUSE"), text


def test_speaking_with_the_press_is_an_interview_not_a_consultation(code_events):
    text = "Ben Carson, speaking with The Des Moines Register editorial board, criticized the space program."
    assert asserted(code_events(text), "CONSULT") == []
    call = code_events("President Obama spoke with Chinese President Xi Jinping by phone on Friday.")
    assert asserted(call, "CONSULT")


def test_welcoming_an_action_is_support_and_welcoming_a_guest_a_visit(code_events):
    action = code_events("Brett McGurk said he welcomed Twitter's action against the accounts.")
    assert asserted(action, "CONSULT") == [] and asserted(action, "SUPPORT")
    guest = code_events("Chinese President Xi Jinping welcomed the Japanese prime minister in Beijing on Monday.")
    assert asserted(guest, "CONSULT")


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Hillary Clinton backs tougher financial regulations.", "SUPPORT"),  # a policy position
        ("Female troops preferred Hillary Clinton, while male troops backed Donald Trump, 57 percent to 22 percent.",
         "SUPPORT"),  # a poll's figures
        ("Dutch voters dealt a blow to European Union foreign policy in April.", "ACCUSE"),  # a setback, not criticism
    ],
)
def test_positions_polls_and_setbacks_are_no_events(code_events, text, plover):
    assert asserted(code_events(text), plover) == [], text


def test_backing_someone_is_still_support(code_events):
    assert asserted(code_events("Senator Elizabeth Warren backed Hillary Clinton on Thursday."), "SUPPORT")


def test_should_with_a_state_of_mind_demands_no_act(code_events):
    worry = code_events("Senator Barbara Boxer said Hillary Clinton should worry about what is going to happen.")
    assert asserted(worry, "REQUEST") == []
    hearing = code_events("Hillary Clinton said Senate Republicans should give Merrick Garland a hearing.")
    assert asserted(hearing, "REQUEST")


def test_support_a_country_needs_asks_no_one(code_events):
    text = "Russia lacked the financial resources to provide Central Asia the economic support it needed."
    assert asserted(code_events(text), "REQUEST") == []


def test_a_regretted_act_happened_and_is_conceded(code_events):
    events = code_events("Donald Trump said he should not have called Marco Rubio a lightweight.")
    assert ("Donald Trump", "Marco Rubio") in asserted(events, "ACCUSE")
    assert ("Donald Trump", "Marco Rubio") in asserted(events, "CONCEDE")
    assert asserted(code_events("Donald Trump did not call Marco Rubio a lightweight."), "ACCUSE") == []
    assert asserted(code_events("Donald Trump should have called Marco Rubio a lightweight."), "ACCUSE") == []


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ('Jeb Bush tweeted at Donald Trump, "You are a liar and a whiner."', "Jeb Bush", "Donald Trump"),  # "you"
        ('"You are a liar," Ted Cruz told Donald Trump at the debate.', "Ted Cruz", "Donald Trump"),
        ('"She\'s a flawed candidate," Donald Trump said on Wednesday of Hillary Clinton.', "Donald Trump",
         "Hillary Clinton"),  # "of" hung on the date
        ("FBI Director James Comey said Hillary Clinton was extremely careless with classified information.",
         "James Comey", "Hillary Clinton"),
    ],
)
def test_second_person_and_said_of_judgements_find_their_target(code_events, text, actor, recipient):
    pairs = asserted(code_events(text), "ACCUSE")
    assert any(actor in a and recipient in r for a, r in pairs), pairs


def test_should_not_is_a_demand_too(code_events):
    events = code_events("Donald Trump said Justice Ruth Bader Ginsburg should not weigh in on American elections.")
    assert [(a, r) for a, r in asserted(events, "REQUEST")] == [("Donald Trump", "Ruth Bader Ginsburg")]


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Paul Ryan stopped short of fully endorsing Donald Trump on Thursday.", "SUPPORT"),
        ("The state seeks an injunction barring the company from selling the drug.", "COERCE"),
        ("Jeb Bush said praising Donald Trump would be better than attacking him.", "SUPPORT"),
        ("The Republicans hesitated to criticize Donald Trump.", "ACCUSE"),
    ],
)
def test_acts_stopped_short_of_sought_weighed_or_hesitated_over_did_not_happen(code_events, text, plover):
    assert asserted(code_events(text), plover) == [], text


def test_a_participle_on_a_plain_object_still_reports(code_events):
    """Only the object of a verb of intention or request wants what its participle says."""
    text = "The court issued an injunction barring the company from selling the drug."
    events = [e for e in code_events(text) if e.event_type == "COERCE"]
    assert events and all(e.asserted for e in events)


def test_civilians_done_to_in_a_named_place_take_its_country(code_events):
    events = code_events("A gunman killed 49 people at a gay nightclub in Orlando on Sunday.")
    victims = [e.recipient for e in events if e.event_type == "ASSAULT" and e.recipient]
    assert victims and all(v.country == "USA" for v in victims)


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("China denied that it planned to send weapons to Russia.", "AID"),  # the known bug of the last pass
        ("Donald Trump denied that he had mocked the disabled reporter.", "ACCUSE"),
        ("Hillary Clinton's campaign rejected the idea that she had violated the law.", "REJECT"),
    ],
)
def test_what_is_denied_is_not_asserted(code_events, text, plover):
    denied = [e for e in code_events(text) if e.event_type == plover and e.trigger not in {"denied", "rejected"}]
    assert denied and not any(e.asserted for e in denied), text


def test_shooting_down_a_proposal_rejects_it(code_events):
    events = code_events("Hillary Clinton shot down the proposal from Bernie Sanders on Monday.")
    assert asserted(events, "REJECT") and asserted(events, "ASSAULT") == []


@pytest.mark.parametrize(
    "text",
    [
        "Bernie Sanders worked with John McCain on a veterans bill in 2014.",
        "Ted Cruz and John Kasich teamed up to stop Donald Trump.",
        "Marco Rubio joined forces with Ted Cruz against Donald Trump.",
        "The Clinton campaign coordinated with the DNC on fundraising.",  # a named owner makes "campaign" an actor
    ],
)
def test_joint_work_between_political_actors_is_cooperation(code_events, text):
    assert asserted(code_events(text), "COOPERATE"), text


def test_working_with_no_one_named_is_a_job(code_events):
    assert asserted(code_events("Her mother worked with children at a school in Ohio."), "COOPERATE") == []


@pytest.mark.parametrize(
    "text",
    [
        "Elizabeth Warren came out in support of Hillary Clinton.",
        "Bernie Sanders lent his support to Hillary Clinton at the convention.",
        "Ted Cruz offered his congratulations to Donald Trump.",
    ],
)
def test_support_given_as_a_noun_is_support_for_its_recipient(code_events, text):
    pairs = asserted(code_events(text), "SUPPORT")
    assert pairs and all(recipient for _, recipient in pairs), pairs


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Democrats regularly attacked Republicans for how they were running the investigation.", "ACCUSE"),
        ("Jeb Bush fired at Donald Trump, Ted Cruz and Marco Rubio during the debate.", "ACCUSE"),
        ("Gunmen fired at police officers in Dallas, killing five.", "ASSAULT"),
        ("Russian jets attacked rebel positions near Aleppo.", "ASSAULT"),
    ],
)
def test_attacks_in_words_and_in_deeds(code_events, text, plover):
    assert asserted(code_events(text), plover), text


@pytest.mark.parametrize(
    "text",
    [
        "The truncated debate schedule struck supporters of both candidates as unfair.",
        "The New Hampshire primary threatens to knock one of the governors out of the race.",
        "Hillary Clinton has tried to seize the high ground on health care.",
        "Barack Obama is funny, as he demonstrated in recent speeches.",
        "The Reagan campaign deployed an aggressive convention strategy in 1976.",
    ],
)
def test_seeming_showing_and_abstract_advantages_are_no_events(code_events, text):
    assert [e for e in code_events(text) if e.asserted] == [], text


def test_arguing_a_claim_accuses_no_one_and_challenging_an_assertion_targets_no_bystander(code_events):
    argued = code_events("They and their supporters argue that workers will not end up seeing the savings.")
    assert asserted(argued, "ACCUSE") == []
    text = "Grayson's spokeswoman challenged the assertion that Grayson had ever attacked Hillary Clinton."
    assert [r for _, r in asserted(code_events(text), "ACCUSE") if "Grayson" in r] == []
