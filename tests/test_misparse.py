"""Subjects the parser hung elsewhere (events/misparse.py), on parses written out by hand: the misattachments the
statistical model makes, so the repairs are tested on the parse they are for. Every sentence is invented."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from dyadwatch.events import misparse
from dyadwatch.events.roles import subject_token

VOCAB = spacy.blank("en").vocab


def parse(rows: list[tuple[str, int, str, str, str, str]]) -> Doc:
    """rows: (text, head, dep, pos, tag, entity IOB label)."""
    return Doc(VOCAB, words=[r[0] for r in rows], heads=[r[1] for r in rows], deps=[r[2] for r in rows],
               pos=[r[3] for r in rows], tags=[r[4] for r in rows], lemmas=[r[0].lower() for r in rows],
               ents=[r[5] for r in rows])


# "Speaking in Harlem, Clinton, without naming him, accused Sanders ." with Clinton as an apposition of Harlem
HARLEM = parse([
    ("Speaking", 9, "advcl", "VERB", "VBG", "O"), ("in", 0, "prep", "ADP", "IN", "O"),
    ("Harlem", 1, "pobj", "PROPN", "NNP", "B-GPE"), (",", 2, "punct", "PUNCT", ",", "O"),
    ("Clinton", 2, "appos", "PROPN", "NNP", "B-PERSON"), (",", 0, "punct", "PUNCT", ",", "O"),
    ("without", 0, "prep", "ADP", "IN", "O"), ("naming", 6, "pcomp", "VERB", "VBG", "O"),
    (",", 9, "punct", "PUNCT", ",", "O"), ("accused", 9, "ROOT", "VERB", "VBD", "O"),
    ("Sanders", 9, "dobj", "PROPN", "NNP", "B-PERSON"), (".", 9, "punct", "PUNCT", ".", "O"),
])

# "Zimmerman , a volunteer , shot and killed Martin ." with the verbs as conjuncts of the apposition
ZIMMERMAN = parse([
    ("Zimmerman", 0, "ROOT", "PROPN", "NNP", "B-PERSON"), (",", 0, "punct", "PUNCT", ",", "O"),
    ("a", 3, "det", "DET", "DT", "O"), ("volunteer", 0, "appos", "NOUN", "NN", "O"),
    (",", 3, "punct", "PUNCT", ",", "O"), ("shot", 3, "conj", "VERB", "VBD", "O"),
    ("and", 5, "cc", "CCONJ", "CC", "O"), ("killed", 5, "conj", "VERB", "VBD", "O"),
    ("Martin", 7, "dobj", "PROPN", "NNP", "B-PERSON"), (".", 0, "punct", "PUNCT", ".", "O"),
])


def test_a_name_apposed_to_an_opening_adjunct_is_the_subject_of_a_main_verb_without_one():
    accused = HARLEM[9]
    assert misparse.apposed_to_adjunct(accused).text == "Clinton"
    assert subject_token(accused).text == "Clinton"


def test_a_main_verb_with_its_own_subject_is_left_alone():
    doc = parse([
        ("Speaking", 5, "advcl", "VERB", "VBG", "O"), ("in", 0, "prep", "ADP", "IN", "O"),
        ("Harlem", 1, "pobj", "PROPN", "NNP", "B-GPE"), (",", 5, "punct", "PUNCT", ",", "O"),
        ("she", 5, "nsubj", "PRON", "PRP", "O"), ("accused", 5, "ROOT", "VERB", "VBD", "O"),
        ("Sanders", 5, "dobj", "PROPN", "NNP", "B-PERSON"),
    ])
    assert misparse.apposed_to_adjunct(doc[5]) is None
    assert subject_token(doc[5]).text == "she"


def test_verbs_conjoined_to_an_apposition_take_the_name_it_describes():
    assert misparse.described_by_appositive(ZIMMERMAN[5]).text == "Zimmerman"
    assert misparse.described_by_appositive(ZIMMERMAN[7]).text == "Zimmerman"  # through "shot"
    assert subject_token(ZIMMERMAN[7]).text == "Zimmerman"


def test_a_gerund_after_in_on_a_predicate_adjective_is_done_by_the_subject():
    # "Trump has been aggressive in denouncing the media ."
    doc = parse([
        ("Trump", 2, "nsubj", "PROPN", "NNP", "B-PERSON"), ("has", 2, "aux", "AUX", "VBZ", "O"),
        ("been", 2, "ROOT", "AUX", "VBN", "O"), ("aggressive", 2, "acomp", "ADJ", "JJ", "O"),
        ("in", 3, "prep", "ADP", "IN", "O"), ("denouncing", 4, "pcomp", "VERB", "VBG", "O"),
        ("the", 7, "det", "DET", "DT", "O"), ("media", 5, "dobj", "NOUN", "NNS", "O"),
    ])
    assert misparse.predicate_in_gerund(doc[4]).text == "been"
    assert subject_token(doc[5]).text == "Trump"


def test_a_spoken_message_that_attacks_is_said_by_its_owner_or_by_whoever_gives_it():
    # "Clinton 's speech denouncing his policies" and "Sanders opened a rally blasting Clinton"
    owned = parse([
        ("Clinton", 2, "poss", "PROPN", "NNP", "B-PERSON"), ("'s", 0, "case", "PART", "POS", "O"),
        ("speech", 2, "ROOT", "NOUN", "NN", "O"), ("denouncing", 2, "acl", "VERB", "VBG", "O"),
        ("his", 5, "poss", "PRON", "PRP$", "O"), ("policies", 3, "dobj", "NOUN", "NNS", "O"),
    ])
    assert subject_token(owned[3]).text == "Clinton"
    given = parse([
        ("Sanders", 1, "nsubj", "PROPN", "NNP", "B-PERSON"), ("opened", 1, "ROOT", "VERB", "VBD", "O"),
        ("a", 3, "det", "DET", "DT", "O"), ("rally", 1, "dobj", "NOUN", "NN", "O"),
        ("blasting", 3, "acl", "VERB", "VBG", "O"), ("Clinton", 4, "dobj", "PROPN", "NNP", "B-PERSON"),
    ])
    assert subject_token(given[4]).text == "Sanders"
    # a participle on a noun that is no message keeps the noun as its doer
    protesters = parse([
        ("protesters", 2, "nsubj", "NOUN", "NNS", "O"), ("chanting", 0, "acl", "VERB", "VBG", "O"),
        ("gathered", 2, "ROOT", "VERB", "VBD", "O"),
    ])
    assert subject_token(protesters[1]).text == "protesters"


def test_a_message_acts_for_the_author_it_names():
    # "Clinton 's ad attacked Trump" and "a Sanders campaign ad criticized Clinton"
    nouns = {"ad", "tweet"}
    owned = parse([
        ("Clinton", 2, "poss", "PROPN", "NNP", "B-PERSON"), ("'s", 0, "case", "PART", "POS", "O"),
        ("ad", 3, "nsubj", "NOUN", "NN", "O"), ("attacked", 3, "ROOT", "VERB", "VBD", "O"),
        ("Trump", 3, "dobj", "PROPN", "NNP", "B-PERSON"),
    ])
    assert misparse.message_author(owned[2], nouns).text == "Clinton"
    assert subject_token(owned[3]).text == "Clinton"
    campaign = parse([
        ("a", 3, "det", "DET", "DT", "O"), ("Sanders", 2, "compound", "PROPN", "NNP", "B-PERSON"),
        ("campaign", 3, "compound", "NOUN", "NN", "O"), ("ad", 4, "nsubj", "NOUN", "NN", "O"),
        ("criticized", 4, "ROOT", "VERB", "VBD", "O"), ("Clinton", 4, "dobj", "PROPN", "NNP", "B-PERSON"),
    ])
    assert misparse.message_author(campaign[3], nouns).text == "campaign"
    unnamed = parse([
        ("a", 2, "det", "DET", "DT", "O"), ("campaign", 2, "compound", "NOUN", "NN", "O"),
        ("ad", 3, "nsubj", "NOUN", "NN", "O"), ("accuses", 3, "ROOT", "VERB", "VBZ", "O"),
    ])
    assert misparse.message_author(unnamed[2], nouns) is None
