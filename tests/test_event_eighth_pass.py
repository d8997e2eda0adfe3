"""Eighth pass on events (issues 10 and 11), on invented sentences through the real model (docs/events.md, "Eighth
pass"): subjects the parser hung elsewhere (events/misparse.py), an intention that is itself in question, the
status of a gerund after a predicate adjective, poll respondents who "say they will", standing idly by, work done
together on a commercial thing, obligations, meetings with no one, worries about an outcome, contending, and warnings
against a mood -- beside counter-cases that must still code."""

from __future__ import annotations

import pytest
from eventtools import asserted_pairs as asserted

# class, type, actor, recipient, sentence
FOUND_ACTORS = [
    ("apposed to an opening adjunct", "ACCUSE", "Clinton", "Sanders",
     "Speaking in Harlem, Hillary Clinton, without naming him, also accused Bernie Sanders of being late to the "
     "issue."),
    ("apposed to an opening date", "REQUEST", "Texas", "",
     "Friday, Texas, leading a coalition of 13 states, asked a federal judge to block the rules."),
    ("gerund after a predicate adjective", "ACCUSE", "Trump", "",
     "At the same time, Donald Trump has been the most aggressive in the Republican field in denouncing the "
     "mainstream media."),
    ("a rally that attacks", "ACCUSE", "Sanders", "Clinton",
     "Tuesday, Bernie Sanders opened a Rochester rally blasting Hillary Clinton for promoting fracking."),
    ("a speech that attacks", "ACCUSE", "Clinton", "Trump",
     "Donald Trump will answer Hillary Clinton's Tuesday speech denouncing his economic policies."),
    ("a message acts for its author", "ACCUSE", "Clinton", "Trump",
     "Last week, Hillary Clinton's new television ad attacked Donald Trump over his business record."),
]


@pytest.mark.parametrize(("kind", "etype", "actor", "recipient", "text"), FOUND_ACTORS,
                         ids=[f"{r[0]}-{i}" for i, r in enumerate(FOUND_ACTORS)])
def test_an_actor_the_parser_hung_elsewhere_is_found(code_events, kind, etype, actor, recipient, text):
    pairs = asserted(code_events(text), etype)
    assert any(actor in a and recipient in r for a, r in pairs), (kind, text, pairs)


# sentences with no asserted act of the type
NOT_ACTS = [
    ("AGREE", "In the new survey, 47 percent of Republicans say they will support Donald Trump in November."),
    ("AGREE", "Most Democrats said they would back Hillary Clinton."),
    ("AGREE", "Nobody knows whether Vladimir Putin is willing to meet Barack Obama."),
    ("AGREE", "Sheldon Adelson has indicated he may be willing to back Donald Trump."),
    ("CONSULT", "Clinton attacked Trump for suggesting that he would remain neutral in negotiating with Israel and the "
                "Palestinians."),
    ("SUPPORT", "North Korea has been expanding its arsenal while President Barack Obama has stood idly by."),
    ("COOPERATE", "Hillary Clinton worked closely with Donald Trump on a Manhattan building project in the 1990s."),
    ("COOPERATE", "The Chinese developer partnered with the Trump Organization on a hotel in Vancouver."),
    ("SUPPORT", "The party rules bind the delegates to support Donald Trump at the convention."),
    ("SUPPORT", "Donald Trump thanked his parents, his siblings and his children."),
    ("CONSULT", "When we met 45 years ago, we fell in love, Bill Clinton told them."),
    ("CONSULT", "We met as the 'core four' today, Kellyanne Conway added."),
    ("CONSULT", "Paul Manafort travels often, consulting for foreign governments, his friends said."),
    ("ACCUSE", "Party leaders have openly expressed concern about preserving Republican majorities in the House."),
    ("ACCUSE", "Gary Byrne expressed concern that Hillary Clinton may become the next president."),
    ("ACCUSE", "Steve Adler contended his firm's services would be the perfect system for Donald Trump."),
    ("THREATEN", "Angela Merkel warned against the forces of hate in her New Year speech."),
    ("THREATEN", "Barack Obama warned against complacency in the fight against the Islamic State."),
    ("SUPPORT", "Donald Trump is backed by 34% of GOP voters in the average of recent national surveys."),
    ("THREATEN", "A pending ballot initiative threatened to raise the wage if politicians didn't act."),
    ("COERCE", "The party elite worked to exile their concerns to the fringes of the party's platform."),
    ("CONSULT", "There have also been reports of migrants traveling to Europe on false Syrian passports."),
    ("ACCUSE", "Activists asked Hillary Clinton to make it clear that she rejects such proposals by condemning Wesley "
               "Clark's remarks."),
    ("COERCE", "Khizr Khan decried Donald Trump's repeated calls to ban all Muslims from entering the U.S."),
    ("RETREAT", "Free trade helped pull hundreds of millions of Chinese out of poverty in a few decades."),
    ("COERCE", "George W. Bush snatched victory from Al Gore in 2000."),
    ("REQUEST", "Six in 10 Republicans said that the delegates should vote for the candidate with the most votes."),
    ("THREATEN", "The Clinton team will execute with aplomb in New Hampshire."),
    ("ASSAULT", "Clinton's field organizers executed with precision in Iowa."),
    ("REQUEST", "In a 2013 email, Hillary Clinton asks her assistant to print out the recommendations."),
    ("SUPPORT", "Most voters said they were backing a crackdown on pharmaceutical companies."),
    ("COERCE", "The idea of tracking down and deporting 11 million people is absurd, Hillary Clinton said."),
    ("CONSULT", "Republicans mocked the notion of Barack Obama meeting Raul Castro in Havana."),
    ("SUPPORT", "Hillary Clinton supported the trade deal with Colombia in 2011."),
    ("ASSAULT", "Donald Trump attacked critics of his plan."),
    ("ASSAULT", "Conservative outside groups have been attacking Hillary Clinton for months."),
    ("CONSULT", "Bernie Sanders says he respects Clinton and calls her \u201can extremely intelligent woman.\u201d"),
    ("ASSAULT", "If there were evidence that Russian agents killed the journalist, sanctions would follow."),
]


@pytest.mark.parametrize(("etype", "text"), NOT_ACTS, ids=[f"{r[0]}-{i}" for i, r in enumerate(NOT_ACTS)])
def test_no_act_of_the_type_is_asserted(code_events, etype, text):
    assert not asserted(code_events(text), etype), text


# the same words where they are an act
STILL_ACTS = [
    ("AGREE", "Senator Elizabeth Warren said she will support Hillary Clinton in the general election."),
    ("AGREE", "The union leaders said they would back Hillary Clinton."),
    ("AGREE", "Scott Walker said he is ready to support Donald Trump."),
    ("AGREE", "Most of the vulnerable Senate Republicans have already said they would support Donald Trump."),
    ("AGREE", "Paul Manafort vowed to win, adding he intended to work closely with Corey Lewandowski."),
    ("SUPPORT", "Donald Trump has stood by Chris Christie throughout the scandal."),
    ("COOPERATE", "Iran worked with Russia on the nuclear deal."),
    ("COOPERATE", "Hillary Clinton worked with Republicans on a children's health program."),
    ("COERCE", "The rebels were subdued by the army."),
    ("SUPPORT", "Donald Trump thanked Chris Christie for his endorsement."),
    ("CONSULT", "Barack Obama met with Chinese President Xi Jinping in the afternoon."),
    ("CONSULT", "Vladimir Putin and Barack Obama met in Paris on Monday."),
    ("ACCUSE", "The senators expressed concern about Hillary Clinton's use of a private server."),
    ("ACCUSE", "Russia expressed concern over NATO's expansion to the east."),
    ("THREATEN", "Ash Carter warned China against provocative behavior in the South China Sea."),
    ("THREATEN", "The president warned against military action in Syria."),
    ("SUPPORT", "Donald Trump is backed by the National Rifle Association."),
    ("COERCE", "The junta exiled the opposition leader to Portugal."),
    ("CONSULT", "Barack Obama traveled to Cuba in March."),
    ("ASSAULT", "There is evidence that Russian agents killed the journalist."),
    ("ASSAULT", "Officials will release evidence that the rebels attacked the convoy."),
    ("ACCUSE", "Donald Trump won the state by attacking Hillary Clinton on trade."),
    ("ACCUSE", "Bernie Sanders is trying to cut into her lead by attacking Hillary Clinton on trade."),
    ("SUPPORT", "Barack Obama made a phone call to congratulate Donald Trump on his victory."),
    ("RETREAT", "Russia pulled its troops out of Syria."),
    ("COERCE", "Police seized weapons from the suspects' home."),
    ("REQUEST", "Vladimir Putin said that NATO should withdraw its troops from the border."),
    ("ASSAULT", "Iran executed two men convicted of spying for Israel."),
    ("REQUEST", "Hillary Clinton urged her supporters to vote early."),
    ("SUPPORT", "Dianne Feinstein supported Hillary Clinton's position on the pipeline."),
    ("COERCE", "Barack Obama deported 2 million people during his presidency."),
    ("ACCUSE", "Donald Trump attacked critics of his plan."),
    ("ACCUSE", "Conservative outside groups have been attacking Hillary Clinton for months."),
    ("CONSULT", "Barack Obama called Vladimir Putin on Tuesday to discuss Syria."),
    ("ACCUSE", "Donald Trump attacked his rivals at the debate."),
]


@pytest.mark.parametrize(("etype", "text"), STILL_ACTS, ids=[f"{r[0]}-{i}" for i, r in enumerate(STILL_ACTS)])
def test_the_act_is_still_coded(code_events, etype, text):
    assert asserted(code_events(text), etype), text
