"""The top of a news text as the parser reads it: Title Case headlines are parsed in sentence case where the article's
body says so (headline_case.py), while the evidence keeps the words as written; a dateline that opens a paragraph
("DES MOINES - ") is a sentence of its own (nlp.dateline_end)."""

from __future__ import annotations

from dyadwatch.headline_case import is_title_case, sentence_case_headlines, stems

BODY = (
    "\n\nWASHINGTON — Former executive Carly Fiorina endorsed Senator Ted Cruz on Wednesday, saying she was "
    "horrified by the rise of Donald Trump. Mr. Trump slammed the decision over the weekend."
)


def test_a_title_case_line_is_told_from_a_sentence():
    assert is_title_case("Carly Fiorina Endorses Ted Cruz Over Donald Trump")
    assert not is_title_case("Trump's rivals pull their punches.")
    assert not is_title_case("Obama Wins")  # too short to tell
    assert not is_title_case("")


def test_words_the_body_writes_in_lower_case_are_lowercased_and_names_are_kept():
    text = "Carly Fiorina Endorses Ted Cruz, Is Horrified By Donald Trump" + BODY
    head = sentence_case_headlines(text).split("\n")[0]
    assert head == "Carly Fiorina endorses Ted Cruz, is horrified by Donald Trump"
    assert len(sentence_case_headlines(text)) == len(text)


def test_a_word_the_body_capitalises_inside_a_sentence_keeps_its_case():
    text = "Trump Slams Senator Over Vote" + BODY  # "Senator Ted Cruz": a title the body capitalises
    head = sentence_case_headlines(text).split("\n")[0]
    assert head == "Trump slams Senator over Vote"


def test_text_without_a_title_case_line_is_returned_unchanged():
    text = "Fiorina endorses Cruz over Trump." + BODY
    assert sentence_case_headlines(text) is text


def test_stems_join_a_headline_verb_to_its_body_form():
    assert stems("endorses") & stems("endorsed")
    assert stems("slams") & stems("slammed")
    assert not stems("trump") & stems("trumpet")


def test_a_title_case_headline_codes_its_event_and_keeps_its_words(code_events):
    headline = "Carly Fiorina Endorses Ted Cruz Over Donald Trump"
    events = [e for e in code_events(headline + BODY) if e.trigger_start < len(headline)]
    support = [e for e in events if e.event_type == "SUPPORT" and e.asserted]
    assert support, [(e.event_type, e.trigger) for e in events]
    assert support[0].trigger == "Endorses"  # the evidence as written, not as parsed
    assert support[0].sentence.startswith(headline)
    assert "Fiorina" in support[0].actor.text and "Cruz" in support[0].recipient.text


def test_function_words_and_adverbs_the_body_does_not_use_are_lowercased():
    text = "Donald Trump Finally Endorses Paul Ryan Just Before Primary" + BODY
    head = sentence_case_headlines(text).split("\n")[0]
    assert head.startswith("Donald Trump finally endorses Paul Ryan just before")


def test_a_body_sentence_full_of_names_is_no_headline():
    assert not is_title_case("Russian Foreign Minister Sergei Lavrov met his Chinese counterpart Wang Yi in Beijing.")
    assert is_title_case("Trump Meets with Expert on Hillary Clinton's Past")  # "with", "on": stop words


def test_a_dateline_is_a_sentence_of_its_own(nlp):
    from dyadwatch.nlp import parse_texts

    text = "Cruz wins Iowa.\n\nDES MOINES - Ted Cruz attacked Donald Trump on Monday over his stance on ethanol."
    doc = parse_texts(nlp, [text])[0]
    starts = [s.text.strip() for s in doc.sents]
    assert "Ted Cruz attacked Donald Trump on Monday over his stance on ethanol." in starts, starts
    assert any(s.startswith("DES MOINES") and "Cruz" not in s for s in starts), starts


def test_a_capitalised_word_before_a_hyphen_inside_a_sentence_is_no_dateline(nlp):
    from dyadwatch.nlp import parse_texts

    doc = parse_texts(nlp, ["The NATO - Russia council met in Brussels on Tuesday."])[0]
    assert len(list(doc.sents)) == 1


def test_a_dateline_no_longer_runs_into_the_actor(code_events):
    text = "Cruz wins.\n\nDES MOINES - Ted Cruz attacked Donald Trump on Monday over his stance on ethanol."
    events = code_events(text)
    accuse = [e for e in events if e.event_type == "ACCUSE" and e.asserted]
    assert accuse and accuse[0].actor.text == "Ted Cruz", [(e.event_type, e.actor and e.actor.text) for e in events]


def test_a_headline_verb_the_body_never_uses_is_still_read_as_a_verb(code_events):
    body = "\n\nThe senator spoke in Iowa on Tuesday. He said voters wanted change in Washington."
    text = "Bernie Sanders Slams Hillary Clinton Over Wall Street Speeches" + body
    head = sentence_case_headlines(text).split("\n")[0]
    assert head == "Bernie Sanders slams Hillary Clinton over Wall Street Speeches"
    events = [e for e in code_events(text) if e.sentence_start == 0 and e.asserted]
    assert [(e.event_type, e.actor.text, e.recipient.text) for e in events] == [
        ("ACCUSE", "Bernie Sanders", "Hillary Clinton")]


def test_a_name_that_looks_like_a_bare_verb_keeps_its_case():
    body = "\n\nThe senator spoke in Iowa on Tuesday. He said voters wanted change."
    head = sentence_case_headlines("Mark Grant Visits Rush Limbaugh In Florida" + body).split("\n")[0]
    assert head.startswith("Mark Grant visits Rush Limbaugh")
