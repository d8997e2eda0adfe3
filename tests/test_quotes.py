"""Quotes: who said what to whom — direct, split, continued, mixed and indirect quotations."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.actors import ActorResolver
from dyadwatch.models import Article, Quote
from dyadwatch.quotes import extract_quotes, scan_quotes

SEED = Path(__file__).resolve().parents[1] / "examples" / "seed_reuters_china_russia.txt"


def quotes_of(nlp, text: str) -> list[Quote]:
    article = Article(id="t", text=text)
    doc = nlp(text)
    return extract_quotes(doc, article, ActorResolver().analyze(doc, article))


def speaker_words(quote: Quote) -> str:
    return f"{quote.speaker.text} {quote.speaker.name}" if quote.speaker else ""


def one(quotes: list[Quote], fragment: str) -> Quote:
    found = [q for q in quotes if fragment in q.text]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


# --- the mark scanner -------------------------------------------------------------------------


def test_curly_and_straight_marks_give_the_content_offsets():
    text = 'He said “we will win” and then "we will not lose" again.'
    spans = scan_quotes(text).spans
    assert [text[s.start : s.end] for s in spans] == ["we will win", "we will not lose"]


def test_odd_number_of_marks_is_skipped_with_a_reason_not_a_crash():
    text = "“We will never leave,” the minister said.\n\nThe rebels said “the ceasefire is over.\n\nTalks resume today."
    scan = scan_quotes(text)
    assert [text[s.start : s.end] for s in scan.spans] == ["We will never leave,"]
    assert any("never closed" in reason for _, reason in scan.skipped)


def test_stray_closing_mark_is_skipped():
    scan = scan_quotes("The army withdrew” from the town on Monday.")
    assert scan.spans == []
    assert scan.skipped and "without an opening mark" in scan.skipped[0][1]


def test_nested_single_quotes_stay_inside_the_quote():
    text = "“They told us ‘go home’ and we did,” the villager said."
    spans = scan_quotes(text).spans
    assert len(spans) == 1 and text[spans[0].start : spans[0].end] == "They told us ‘go home’ and we did,"


# --- direct quotes ----------------------------------------------------------------------------


def test_speaker_and_addressee_of_tell(nlp):
    q = one(quotes_of(nlp, "“We are ready to talk,” Putin told Wang in Moscow on Wednesday."), "ready to talk")
    assert q.direct and q.cue == "told"
    assert "Putin" in speaker_words(q)
    assert q.addressee is not None and "Wang" in q.addressee.text


def test_news_briefing_is_a_setting_not_an_addressee(nlp):
    q = one(quotes_of(nlp, "“We are concerned about this,” Price told a news briefing in Washington."), "concerned")
    assert "Price" in speaker_words(q)
    assert q.addressee is None and q.setting == "news briefing"


def test_quote_split_around_the_attribution_is_one_quote(nlp):
    text = "“The talks were useful,” the Chinese envoy said, “but no agreement was reached on the border.”"
    quotes = [q for q in quotes_of(nlp, text) if q.direct]
    assert len(quotes) == 1
    assert quotes[0].text == "The talks were useful, but no agreement was reached on the border."
    assert "envoy" in speaker_words(quotes[0])


def test_pronoun_speaker_resolves_to_the_last_named_person(nlp):
    text = (
        "Foreign Minister Sergei Lavrov met the delegation in Moscow on Monday.\n\n"
        "“Nobody wants a new war in Europe,” he said."
    )
    q = one(quotes_of(nlp, text), "Nobody wants")
    assert "Lavrov" in speaker_words(q)


def test_organisation_speaker(nlp):
    q = one(quotes_of(nlp, "“The border remains closed to all traffic,” the Interior Ministry said."), "border remains")
    assert "Ministry" in speaker_words(q)


def test_relay_through_a_news_agency(nlp):
    text = "The Tass news agency quoted Lavrov as saying that Moscow “will respond firmly to any provocation” soon."
    q = one(quotes_of(nlp, text), "will respond firmly")
    assert q.direct
    assert "Lavrov" in speaker_words(q)
    assert q.via is not None and "Tass" in q.via.text


def test_quote_spanning_paragraphs_is_continued(nlp):
    text = (
        "“We have lost three villages this week and the army is not coming,” the mayor said.\n\n"
        "“We are asking the government for help. Nobody has answered."
        "\n\n“We will stay until the end,” he added."
    )
    continued = (
        "Speaking to reporters on Friday, the mayor said: “The bridge is gone and the road is cut.\n\n"
        "“Food will run out in a week unless the convoy arrives.”"
    )
    quotes = [q for q in quotes_of(nlp, continued) if q.direct]
    assert len(quotes) == 1
    assert "bridge is gone" in quotes[0].text and "convoy arrives" in quotes[0].text
    assert "mayor" in speaker_words(quotes[0])
    # the unclosed second paragraph of the first text is skipped, the quotes around it are kept
    texts = [q.text for q in quotes_of(nlp, text) if q.direct]
    assert any("three villages" in t for t in texts) and any("stay until the end" in t for t in texts)


def test_long_quote_with_no_speaker_is_kept_without_one(nlp):
    text = "The banner over the square read: “Peace, bread and land for every family in the republic.”"
    q = one(quotes_of(nlp, text), "Peace, bread")
    assert q.speaker is None


def test_scare_quotes_are_not_quotations(nlp):
    text = "The two leaders sealed a “borderless” partnership during the visit to Beijing."
    assert not [q for q in quotes_of(nlp, text) if q.direct]


def test_quote_in_a_sentence_without_marks_inside_never_crashes(nlp):
    quotes_of(nlp, '" " “ ” "\n\n“')  # only marks: nothing to attribute, nothing raised


# --- indirect quotes --------------------------------------------------------------------------


def test_indirect_quote_is_the_clausal_complement(nlp):
    text = "Wang told Putin that the relations between the two countries have withstood pressure."
    q = one(quotes_of(nlp, text), "relations between")
    assert not q.direct
    assert q.text == "the relations between the two countries have withstood pressure"
    assert "Wang" in speaker_words(q) and q.addressee is not None and "Putin" in q.addressee.text


def test_indirect_quote_of_a_country(nlp):
    q = one(quotes_of(nlp, "Washington said China was considering providing weapons to Russia."), "considering")
    assert not q.direct and "Washington" in speaker_words(q)


# --- the seed article -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_quotes(pipeline) -> list[Quote]:
    result = pipeline.process_text(SEED.read_text(encoding="utf-8"), date="2023-02-22")
    return result.quotes


SEED_DIRECT = {
    "We are waiting for the President": ("Putin", "RUS"),
    "Everything is advancing": ("Putin", "RUS"),
    "We are concerned because": ("Price", "USA"),
    "It is a vision": ("Price", "USA"),
    "We haven’t yet seen": ("Price", "USA"),
    "will firmly adhere": ("Wang", "CHN"),
    "will not be subject to pressure": ("Wang", "CHN"),
    "Together we uphold multipolarity": ("Wang", "CHN"),
}


@pytest.mark.parametrize(("fragment", "speaker"), sorted(SEED_DIRECT.items()))
def test_seed_direct_quotes_have_their_speakers(seed_quotes, fragment, speaker):
    q = one([q for q in seed_quotes if q.direct], fragment)
    name, country = speaker
    assert name in speaker_words(q)
    assert q.speaker.country == country  # resolved by the actor resolver


def test_seed_relay_and_addressees(seed_quotes):
    assert "Tass" in one(seed_quotes, "will firmly adhere").via.text
    assert "Wang" in one(seed_quotes, "We are waiting for the President").addressee.text
    assert one(seed_quotes, "We are concerned because").setting == "news briefing"


def test_seed_indirect_quotes(seed_quotes):
    told = one(seed_quotes, "the relations between the two countries have withstood")
    assert not told.direct and "Wang" in speaker_words(told) and "Putin" in told.addressee.text
    trade = one(seed_quotes, "bilateral trade is better than expected")
    assert not trade.direct and "Putin" in speaker_words(trade)
    assert trade.addressee is not None and "Wang" in f"{trade.addressee.text} {trade.addressee.name}"


def test_seed_offsets_point_into_the_cleaned_text(pipeline):
    result = pipeline.process_text(SEED.read_text(encoding="utf-8"), date="2023-02-22")
    for q in result.quotes:
        if " " not in q.text[:1]:
            assert result.article.text[q.start : q.end].startswith(q.text[:10])


# --- other attribution shapes -----------------------------------------------------------------


def test_dash_attribution_after_the_quote(nlp):
    text = "Voters in Ohio sent us their views.\n“The economy is all that matters to me this year.” ― Maria Lopez\n"
    q = one(quotes_of(nlp, text), "economy is all")
    assert q.cue == "―" and "Maria Lopez" in speaker_words(q)


def test_transcript_line_names_its_speaker(nlp):
    text = '"WALLACE: Will the governor attend the debate on Monday night in Ohio?"'
    q = one(quotes_of(nlp, text), "governor attend")
    assert q.text.startswith("Will the governor") and "WALLACE" in speaker_words(q)


def test_titles_are_not_quotations(nlp):
    text = "On Sunday’s broadcast of “Meet the Press,” the senator said the bill would pass next week."
    assert not [q for q in quotes_of(nlp, text) if "Meet the Press" in q.text]


def test_quote_kind_tells_direct_mixed_and_indirect(nlp):
    text = (
        "\u201cWe will not back down,\u201d Defence Minister Anna Berg said on Monday.\n\n"
        "Berg said the army would \u201cdefend every metre\u201d of the border.\n\n"
        "She told reporters that talks with the rebels had failed."
    )  # synthetic
    article = Article(id="kinds", text=text)
    doc = nlp(text)
    quotes = extract_quotes(doc, article, ActorResolver().analyze(doc, article))
    kinds = {q.kind for q in quotes}
    assert {"direct", "mixed", "indirect"} <= kinds
    for quote in quotes:
        assert quote.direct == (quote.kind != "indirect")


# --- verbs of judging, documents as sources, split and repeated partial quotes -----------------


def test_verb_of_judging_governs_its_quoted_phrase(nlp):
    text = 'President Alvarez condemned the missile test as "provocative and destabilizing" and a "grave threat."'
    quotes = [q for q in quotes_of(nlp, text) if q.direct]
    assert len(quotes) == 1  # the coordinated partial quotes are one quotation
    q = quotes[0]
    assert q.kind == "mixed" and q.cue == "condemned" and "Alvarez" in speaker_words(q)
    assert q.text.startswith("the missile test as") and "grave threat" in q.text


def test_admiring_someone_as_a_quoted_phrase(nlp):
    q = one(quotes_of(nlp, "The candidate openly admires the general as a “strong leader” of his nation."), "strong")
    assert q.cue == "admires" and "candidate" in speaker_words(q)
    assert q.text.startswith("the general as")


def test_one_quote_for_several_quoted_insults_in_one_clause(nlp):
    text = 'The senator called the governor a "pathological liar" who is "utterly amoral," a "bully" and a "fraud."'
    quotes = [q for q in quotes_of(nlp, text) if q.direct]
    assert len(quotes) == 1 and "senator" in speaker_words(quotes[0])


def test_document_as_the_source_with_put_it(nlp):
    text = 'The main requirement is a "lawful source of income," as an Interior Ministry memo put it.'
    q = one(quotes_of(nlp, text), "lawful source")
    assert q.cue == "put" and "memo" in speaker_words(q)
    assert q.text.startswith("The main requirement")


def test_report_found_that(nlp):
    text = 'A parliamentary report found that the money may have come from "criminal activities abroad."'
    q = one(quotes_of(nlp, text), "criminal activities")
    assert q.kind == "mixed" and "report" in speaker_words(q)


def test_according_to_gives_an_indirect_quote_without_addressee(nlp):
    q = one(quotes_of(nlp, "The dam will be finished by 2030, according to a government report."), "dam will")
    assert q.kind == "indirect" and q.cue == "according to"
    assert "report" in speaker_words(q) and q.addressee is None


def test_verb_of_judging_beside_a_split_quote_does_not_split_it(nlp):
    text = "“Every time you say that,” Tester said, referring to the bank’s excuse, “you let yourself off the hook.”"
    quotes = [q for q in quotes_of(nlp, text) if q.direct]
    assert len(quotes) == 1 and quotes[0].cue == "said" and "off the hook" in quotes[0].text


def test_title_and_partial_quote_in_one_sentence_stay_apart(nlp):
    text = "On “Fox News Sunday,” the senator said the tweet was only “a joke” aimed at his critics."
    quotes = [q for q in quotes_of(nlp, text) if q.direct]
    assert quotes and not any("Fox News" in q.text for q in quotes)


def test_partial_quotes_of_two_verbs_are_not_joined(nlp):
    text = "He urged voters to stop being “duped” and asked them to read what he called her “secret memo.”"
    quotes = [q for q in quotes_of(nlp, text) if q.direct]
    assert not any("duped" in q.text and "secret memo" in q.text for q in quotes)


def test_mixed_quote_stops_at_its_paragraph(nlp):
    text = "The ad shows Senator Warren asking, “Why are we not ahead?”\n\nThe ad then cites the regulators."
    q = one(quotes_of(nlp, text), "not ahead")
    assert "regulators" not in q.text and "Warren" in speaker_words(q)


def test_quote_only_paragraph_continues_the_previous_speaker(nlp):
    text = (
        "“I thought he was very effective on the economy,” the analyst Chris Matthews said.\n\n"
        "“Overall, I think the winner tonight was Pence, because he looked calm and solid.”"
    )
    q = one(quotes_of(nlp, text), "winner tonight")
    assert "Matthews" in speaker_words(q)


def test_mis_lemmatised_past_tense_still_a_cue(nlp):
    q = one(quotes_of(nlp, "The fact-checking site rated the claim as “false” on Monday."), "false")
    assert "site" in speaker_words(q)


def test_parenthetical_attribution_gives_an_indirect_quote(nlp):
    q = one(quotes_of(nlp, "The sanctions, officials said, would hit the banking sector first."), "banking")
    assert q.kind == "indirect" and q.text == "The sanctions would hit the banking sector first"
    assert "officials" in speaker_words(q)


def test_indirect_quote_before_its_cue(nlp):
    text = "The talks were useful and both sides agreed to meet again next year, Wang said."
    q = one(quotes_of(nlp, text), "talks were useful")
    assert q.kind == "indirect" and "Wang" in speaker_words(q)


def test_possessed_claim_noun_attributes_its_clause(nlp):
    q = one(quotes_of(nlp, "Senators dismissed the banker’s claim that the staff were “well paid and happy.”"), "staff")
    assert q.kind == "mixed" and q.cue == "claim" and "banker" in speaker_words(q)
    assert not [q for q in quotes_of(nlp, "Residents sent a message that “the town will not give up.”") if q.cue]


def test_title_case_nickname_under_a_verb_of_naming_is_a_quote(nlp):
    q = one(quotes_of(nlp, "The newspaper hailed the mayor as “The Comeback Kid” in 1994."), "Comeback Kid")
    assert q.cue == "hailed" and "newspaper" in speaker_words(q)


def test_dash_aside_after_a_partial_quote_is_the_writers(nlp):
    text = 'Another critic likened the new rules to "burning the constitution" - a charge that stung the minister.'
    q = one(quotes_of(nlp, text), "burning")
    assert "charge" not in q.text and "critic" in speaker_words(q)


def test_straight_quotes_nested_in_curly_quotes_stay_inside():
    text = '“He told me "go home" and left,” she said. “We will win," he added.'
    spans = scan_quotes(text).spans
    assert [text[s.start : s.end] for s in spans] == ['He told me "go home" and left,', "We will win,"]


def test_transcript_turns_are_separate_quotes_with_their_speakers(nlp):
    text = (
        "Partial transcript as follows:\n\n"
        '"ROSS: Will the minister attend the summit in Geneva next week?\n\n'
        '"(CROSSTALK.)\n\n'
        '"HALL: Well, look, the opposition thinks this is an episode of “Survivor.” It is not, and she will attend.\n\n'
        '"ROSS: Thank you, minister, for joining us this morning."'
    )  # synthetic
    quotes = [q for q in quotes_of(nlp, text) if q.direct]
    assert [speaker_words(q).split()[0] for q in quotes] == ["ROSS", "HALL", "ROSS"]
    assert "“Survivor.” It is not" in quotes[1].text and not any("CROSSTALK" in q.text for q in quotes)


def test_quoted_subject_is_never_the_speaker(nlp):
    text = (
        "The Justice Department is investigating the shooting.\n"
        "“I will just make this promise to you: We will achieve justice in this case,” Tulsa police Chief "
        "Chuck Jordan said Monday. “I want to assure our community.”"
    )  # synthetic, after a real parse that hangs "said" on the quote's verb
    q = one(quotes_of(nlp, text), "achieve justice")
    assert "Jordan" in speaker_words(q) and "We" not in speaker_words(q)


def test_footage_of_a_person_asking_gives_the_person(nlp):
    text = "The ad shows footage of Senator Warren asking, “Why are we not ahead by fifty points?”"
    q = one(quotes_of(nlp, text), "ahead")
    assert "Warren" in speaker_words(q) and "footage" not in speaker_words(q)


def test_fully_quoted_complement_is_direct_without_stray_marks(nlp):
    q = one(quotes_of(nlp, "The president of France said “we will not give up.”"), "give up")
    assert q.kind == "direct" and "”" not in q.text


def test_question_or_exclamation_takes_the_attribution_after_it(nlp):
    text = '"This is a big year for our senator, Bobby Scott!" his niece, state Del. Marcia "Cia" Price, shouted.'
    q = one(quotes_of(nlp, text), "big year")
    assert q.cue == "shouted" and "niece" in speaker_words(q)


def test_dash_attribution_covers_a_paragraph_with_stray_marks(nlp):
    text = (
        "Readers told us what they think.\n"
        "“He is not a leader. To quote a singer ‘Some people are so poor all they have is money.” "
        "And that is all he has “the root of all evil’.” ― Maria Lopez.\n"
    )  # synthetic, after a real vox-pop line
    q = one(quotes_of(nlp, text), "not a leader")
    assert "Maria Lopez" in speaker_words(q)


def test_question_split_around_its_attribution_is_one_quote(nlp):
    text = "“Does anybody know what the platform of the party is?” Graham asked. “Neither do I.”"
    quotes = [q for q in quotes_of(nlp, text) if q.direct]
    assert len(quotes) == 1 and quotes[0].text.endswith("Neither do I.") and "Graham" in speaker_words(quotes[0])


def test_subject_lost_by_the_parser_is_read_before_the_cue(nlp):
    text = (
        "When terrorists are revealed as part of the second front of the radical Islamic terror war, Obama and "
        'Clinton call them "lone wolves" and describe their actions as crimes rather than acts of terror or even war.'
    )  # the small model hangs "Obama and Clinton" on "war", leaving "call" without a subject
    q = one(quotes_of(nlp, text), "lone wolves")
    assert q.speaker is not None and q.speaker.text in {"Obama", "Clinton", "Obama and Clinton"}
