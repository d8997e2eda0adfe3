"""Ninth pass on events (issue 10), on invented sentences through the real model (docs/events.md, "Ninth pass"): an
event noun carried out by its verb shares the verb's status, blocked objects read through a relative pronoun,
figurative "beat back", a conceded forecast, a future someone else predicts, adverbs that make an act the exception,
the appeal's infinitive hung on its object, a deal's seal of approval, a noun phrase's last word tagged as a verb,
killing oneself, a quoted label far from its holder, encouraging violence, a judgement of what something is, a
company's purchase, and meetings with one's own staff -- beside counter-cases that must
still code."""

from __future__ import annotations

import pytest
from eventtools import asserted_pairs as asserted

# sentences with no asserted act of the type
NOT_ACTS = [
    ("ASSAULT", "Democrats supporting Mrs. Clinton have pointed to Senators Harry Reid of Nevada and Chuck Schumer of "
                "New York as potential peacemakers, should the Sanders campaign keep up its pointed attacks on Mrs. "
                "Clinton."),
    ("ASSAULT", "Vladimir Putin will not continue his attacks on Ukraine."),
    ("RETREAT", "According to State Department cables that were later released by WikiLeaks, Mr. Manafort frequently "
                "pressed American diplomats in Ukraine."),
    ("ASSAULT", "And his office continued to beat back the not-exactly-library-voice whisper campaign favoring a coup "
                "at the Republican convention in July."),
    ("CONCEDE", "Conceding that there would likely be a trade agreement down the line, Barack Obama warned Britain."),
    ("AGREE", "Bernie Sanders will throw his support behind Hillary Clinton before the convention, predicted "
              "Madeleine Kunin."),
    ("AGREE", "Madeleine Kunin predicted that Bernie Sanders will endorse Hillary Clinton before the convention."),
    ("REQUEST", "John McCain said he rarely asks surrogates to stump for him."),
    ("ACCUSE", "Donald Trump seldom criticizes Vladimir Putin."),
    ("RETREAT", "Key Democratic lawmakers have given the deal their seal of approval."),
    ("REJECT", "Some of that is the residual effect of a major TV push his super PAC made in the state a few months "
               "back."),
    ("ASSAULT", "Working Americans chipping in a few dollars are beating the greatest fundraising machine ever built."),
    ("ASSAULT", "The police found only one man, who killed himself after the attack."),
    ("ASSAULT", "The gunman shot himself."),
    ("REQUEST", "Ironically, the Philippines' recently elected president, Rodrigo Duterte, has been called the \"Trump "
                "of the East\" for his statements about drug dealers."),
    ("SUPPORT", "But she said she has been deeply disturbed by the Republican front-runner condoning and apparently "
                "encouraging violence against protesters, as well as what she sees as demonizing minorities."),
    ("ACCUSE", "To those who support Mr. Trump, I understand disagreeing with him, said Sen. Lindsey Graham."),
    ("SANCTION", "In a tweet, Donald Trump said he was postponing a news conference scheduled for Friday."),
    ("SUPPORT", "In January, the group raised $100,000 from major donors allied with Mr. Trump's rivals."),
    ("THREATEN", "Since Charleston's Navy base has long been considered a top contender, there was no risk."),
    ("COOPERATE", "A company controlled by the billionaire Paul Allen had bought that plane in 1995."),
    ("CONSULT", "Last June, Robby Mook convened senior staff for a strategy meeting."),
    ("CONSULT", "Barack Obama met with top aides in the Situation Room."),
    ("SUPPORT", "Al Gore remains one of the last Democratic Party luminaries not to make a formal endorsement of "
                "Hillary Clinton."),
    ("SUPPORT", "Barack Obama did not make a formal endorsement of Hillary Clinton."),
    ("THREATEN", "Kelly Ayotte said she reserves the right to reconsider."),
    ("REQUEST", "Bernie Sanders is trying to cut into her lead by appealing to younger African Americans."),
    ("AID", "With millions watching on television, the Slovenia-born former model delivered a seemingly heartfelt "
            "defense of her husband."),
    ("ASSAULT", "Donald Trump fired a 5-word missile at Hillary Clinton on Twitter."),
    ("CONCEDE", "The two chief antagonists to Donald Trump largely abandoned their strategy of attacking him."),
    ("MOBILIZE", "A trickier issue is presented by the encryption deployed by Apple, Facebook and Google."),
    ("ASSAULT", "Barack Obama opposes sending Americans to fight the Islamic State in Syria."),
    ("ASSAULT", "Barack Obama supports arming rebels to fight Assad."),
    ("RETREAT", "Mr. Yanukovych began a comeback, with the Party of Regions winning the biggest bloc in parliamentary "
                "elections in 2006, returning him to the post of prime minister."),
    ("RETREAT", "The voters returned the party to power in 2010."),
    ("CONSULT", "At the moment Sanders announced his candidacy, Mook was holding a meeting in his office at the "
                "campaign's headquarters."),
    ("RETREAT", "We’ll all release them at the same time,” she told ABC News in February."),
    ("CONSULT", "Hillary Clinton said she’ll meet Vladimir Putin next week."),
]


@pytest.mark.parametrize(("etype", "text"), NOT_ACTS, ids=[f"{r[0]}-{i}" for i, r in enumerate(NOT_ACTS)])
def test_no_act_of_the_type_is_asserted(code_events, etype, text):
    assert not asserted(code_events(text), etype), text


# the act, coded as the type the sentence gives it
ACTS = [
    ("a murderous attack is physical", "ASSAULT",
     "Just after Omar Mateen carried out his murderous attack on club goers in Orlando, Donald Trump spoke."),
    ("an appeal's infinitive on its object", "REQUEST",
     "A major presidential candidate has actively encouraged a foreign power to conduct espionage against his "
     "opponent."),
    ("a seal of approval endorses", "SUPPORT",
     "Key Democratic lawmakers have given the deal their seal of approval."),
    ("attacks kept up", "ACCUSE",
     "The Sanders campaign kept up its pointed attacks on Hillary Clinton."),
    ("a forecast reported by the actor's side", "AGREE",
     "Bernie Sanders will endorse Hillary Clinton before the convention, his aides said."),
]


@pytest.mark.parametrize(("kind", "etype", "text"), ACTS, ids=[f"{r[0]}-{i}" for i, r in enumerate(ACTS)])
def test_the_act_is_coded_as_its_type(code_events, kind, etype, text):
    assert asserted(code_events(text), etype), (kind, text)


# the same words where they are an act
STILL_ACTS = [
    ("ASSAULT", "The rebels launched new attacks on the capital."),
    ("ACCUSE", "Democrats will respond to Donald Trump's attacks on Hillary Clinton."),
    ("RETREAT", "The police released the protesters who were detained on Friday."),
    ("ASSAULT", "Police beat the protesters who had gathered in the square."),
    ("CONCEDE", "Bernie Sanders conceded the race to Hillary Clinton."),
    ("AGREE", "Bernie Sanders said he will endorse Hillary Clinton."),
    ("CONSULT", "Barack Obama met Raul Castro in Havana."),
    ("ACCUSE", "Hillary Clinton barely criticized Bernie Sanders in the debate."),
    ("REQUEST", "Donald Trump encouraged Russia to find the emails."),
    ("SUPPORT", "The senators gave Hillary Clinton their endorsement."),
    ("ASSAULT", "The bomber blew himself up at the checkpoint, killing 12 soldiers."),
    ("ASSAULT", "The gunman killed two guards and himself."),
    ("REJECT", "Republicans in Congress pushed back against Barack Obama's plan."),
    ("REQUEST", "Barack Obama called on Congress to pass the bill."),
    ("SUPPORT", "Donald Trump encouraged Chris Christie in his race for governor."),
    ("ACCUSE", "The St. Paul City Council approved a resolution condemning Donald Trump's call for a ban."),
    ("REQUEST", "Hours later, Hillary Clinton issued a statement calling on the United States to redouble its "
                "efforts."),
    ("CONSULT", "The deal brokered last week by Angela Merkel with the Turkish government is in trouble."),
    ("ACCUSE", "Lindsey Graham said he disagreed with Donald Trump on trade."),
    ("SANCTION", "Russia postponed talks with Ukraine on gas prices."),
    ("SUPPORT", "Several Republican senators allied themselves with Donald Trump."),
    ("CONSULT", "Vladimir Putin met with aides of the Turkish president."),
    ("CONSULT", "Barack Obama met Clinton aides on Tuesday."),
    ("COOPERATE", "Russia bought fighter jets from China."),
    ("SUPPORT", "Barack Obama made a formal endorsement of Hillary Clinton."),
    ("CONSULT", "Donald Trump paid a visit to Mexico."),
    ("REQUEST", "Barack Obama appealed to Americans to remain calm."),
    ("AID", "The United States provided Egypt with military assistance."),
    ("ACCUSE", "Donald Trump fired a 5-word missile at Hillary Clinton on Twitter."),
    ("ASSAULT", "The rebels fired a missile at the army base."),
    ("MOBILIZE", "Russia deployed troops to the border with Ukraine."),
    ("ASSAULT", "Barack Obama sent Americans to fight the Islamic State in Syria."),
    ("RETREAT", "Iran returned the seized tanker to Britain."),
    ("CONCEDE", "Hillary Clinton conceded that she had made a mistake."),
    ("CONSULT", "Donald Trump held a private meeting with GOP lawmakers ahead of his AIPAC speech."),
    ("CONSULT", "Israel and the Palestinians held talks in Washington."),
]


@pytest.mark.parametrize(("etype", "text"), STILL_ACTS, ids=[f"{r[0]}-{i}" for i, r in enumerate(STILL_ACTS)])
def test_the_act_is_still_coded(code_events, etype, text):
    assert asserted(code_events(text), etype), text


def test_one_act_on_a_person_and_their_words_is_one_event(code_events):
    """ "criticized Trump and his rhetoric": the two objects are one target, so one event per critic."""
    events = [e for e in code_events("Both Ted Cruz and Carly Fiorina criticized Donald Trump and his rhetoric.")
              if e.event_type == "ACCUSE" and e.asserted]
    pairs = [(e.actor.name if e.actor else "", e.recipient.name if e.recipient else "") for e in events]
    assert len(pairs) == len(set(pairs)) == 2, pairs


def test_two_people_met_are_two_events(code_events):
    events = [e for e in code_events("Barack Obama met Vladimir Putin and Xi Jinping in Beijing.")
              if e.event_type == "CONSULT" and e.asserted]
    assert {e.recipient.name for e in events if e.recipient} >= {"Vladimir Putin", "Xi Jinping"}


def test_a_headline_passive_names_its_target(code_events):
    """ "Hillary Clinton Accused Of Shocking Act": a title-case headline drops the "is"; the subject is accused."""
    pairs = asserted(code_events("Hillary Clinton Accused Of Shocking Act With Bible In Fit Of Rage."), "ACCUSE")
    assert pairs and all(a == "" and r == "Hillary Clinton" for a, r in pairs), pairs


def test_a_headline_with_an_object_keeps_its_doer(code_events):
    pairs = asserted(code_events("Bernie Sanders Slams Hillary Clinton Over Wall Street Speeches."), "ACCUSE")
    assert ("Bernard Sanders", "Hillary Clinton") in pairs, pairs


def test_a_name_before_bashing_is_its_target(code_events):
    """ "a festival of Clinton bashing": Clinton is bashed, by no one named."""
    pairs = asserted(code_events("The Republican debate was a festival of Clinton bashing."), "ACCUSE")
    assert pairs and all(a == "" and r == "Hillary Clinton" for a, r in pairs), pairs


def test_a_fronted_setting_is_no_target(code_events):
    """ "on the steps of the Illinois statehouse, Mr. Obama expressed a deep regret": where, not whom."""
    events = code_events("And a few weeks later, on the steps of the Illinois statehouse, Mr. Obama expressed a deep "
                         "regret for his inability to reduce the polarization.")
    assert not asserted(events, "ACCUSE"), events
    pairs = asserted(code_events("On Iran, Barack Obama warned Congress against new sanctions."), "THREATEN")
    assert pairs == [("Barack Obama", "US Congress")], pairs


def test_the_noun_a_passive_participle_follows_is_its_target(code_events):
    """ "Siamak Namazi, an Iranian-American businessman arrested in Tehran": Namazi was arrested, not Tehran."""
    events = code_events("And Siamak Namazi, an Iranian-American businessman arrested in Tehran in October, was not "
                         "part of the exchange.")
    assert [r for _, r in asserted(events, "COERCE")] == ["Siamak Namazi"], events


def test_a_fronted_description_is_not_the_subject(code_events):
    """ "A Libertarian, he backed Ron Paul": the parser makes both "Libertarian" and "he" subjects; he acts."""
    events = code_events("Peter Thiel was the co-founder of PayPal. A Libertarian, he backed Ron Paul for the "
                         "presidency in 2012.")
    assert ("Peter Thiel", "Ron Paul") in asserted(events, "SUPPORT"), events
