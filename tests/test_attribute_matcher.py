"""The indexed attribute-ruler matcher finds exactly the matches of spaCy's Matcher (attribute_matcher.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from dyadwatch.attribute_matcher import IndexedMatcher, UnsupportedPatternError, use_indexed_matcher

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# Invented text with the forms the model's exceptions are about: contractions, "ain't", "y'all", "nothin'",
# expletive "there is", determiners used as pronouns, auxiliaries, possessives, spaces and line breaks.
TRICKY = (
    "Y'all ain't seen nothin' yet, the minister said.  There is no deal: that is what they'd call a bluff.\n\n"
    "Those who doin' it won't say whether it's theirs, or why we've been waiting since Monday; I'm told "
    "all of this was agreed.   \"Gonna happen,\" said an aide, whose boss couldn't comment."
)


def _matches(matcher, doc: Doc) -> list[tuple[int, int, int]]:
    return sorted(matcher(doc, allow_missing=True, as_spans=False))


def test_the_pipeline_uses_the_indexed_matcher_and_keeps_the_ruler_patterns(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler.matcher, IndexedMatcher)
    assert len(ruler.patterns) > 100  # the ruler's own reading of its patterns still works (matcher.get)


def test_matches_equal_spacys_on_examples_and_tricky_text(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    texts = [TRICKY] + [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    compared = 0
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        for doc in nlp.pipe(texts):
            expected = _matches(ruler.matcher.stock, doc)
            assert _matches(ruler.matcher, doc) == expected
            compared += len(expected)
    assert compared > 100


def test_the_whole_parse_is_spacys_own(nlp):
    """Every annotation of the pipeline with the indexed matcher equals the stock pipeline's."""
    stock = spacy.load(_model_name())
    from dyadwatch.nlp import add_name_norms, paragraph_breaks  # noqa: F401 - registers the component

    add_name_norms(stock)
    stock.add_pipe("dyadwatch_paragraph_breaks", before="parser")
    assert not isinstance(stock.get_pipe("attribute_ruler").matcher, IndexedMatcher)
    for ours, theirs in zip(nlp.pipe([TRICKY]), stock.pipe([TRICKY]), strict=True):
        assert [_token(t) for t in ours] == [_token(t) for t in theirs]


def _model_name() -> str:
    from dyadwatch.nlp import resolve_model_name

    return resolve_model_name()


def _token(t) -> tuple:
    return (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)


def _ruler_doc(patterns: list[dict]):
    """A blank English pipeline with an attribute ruler of ``patterns`` and a doc with tags and labels set."""
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    words = ["Y'", "all", "ai", "n't", "there", "is", "that", "one", " ", "that", "that"]
    tags = ["PRP", "DT", "VBP", "RB", "EX", "VBZ", "DT", "CD", "_SP", "WDT", "IN"]
    deps = ["nsubj", "appos", "aux", "neg", "expl", "ROOT", "det", "attr", "", "nsubj", "mark"]
    doc = Doc(blank.vocab, words=words, spaces=[False] * len(words), tags=tags, deps=deps,
              heads=[5] * len(words))
    return blank, ruler, doc


PATTERNS = [
    {"patterns": [[{"TAG": "DT"}]], "attrs": {"POS": "DET"}},
    {"patterns": [[{"TAG": {"IN": ["DT", "WDT"]}, "DEP": {"NOT_IN": ["det", ""]}}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]], "attrs": {"LEMMA": "you"}},
    {"patterns": [[{"TAG": {"IN": ["VBP", "VBZ"]}, "LOWER": "ai"}, {"LOWER": {"REGEX": "^n'?t$"}}]],
     "attrs": {"LEMMA": "be"}},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]], "attrs": {"POS": "VERB"}, "index": 1},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
    {"patterns": [[{"LOWER": {"IN": ["that", "that", "one"]}}], [{"LOWER": "that"}]], "attrs": {"MORPH": "X=Y"}},
    {"patterns": [[{"TAG": "IN", "LOWER": "that"}]], "attrs": {"POS": "SCONJ"}},
]


def test_each_kind_of_predicate_matches_as_spacy_does():
    blank, ruler, doc = _ruler_doc(PATTERNS)
    indexed = IndexedMatcher(blank.vocab.strings, ruler.patterns, ruler.matcher)
    expected = _matches(ruler.matcher, doc)
    assert _matches(indexed, doc) == expected
    assert len(expected) >= 10
    assert _matches(indexed, doc) == expected  # again, from the remembered first tokens


def test_annotations_set_through_the_indexed_matcher_are_the_rulers():
    blank, ruler, doc = _ruler_doc(PATTERNS)
    _, other_ruler, other_doc = _ruler_doc(PATTERNS)
    assert use_indexed_matcher(blank)
    ruler(doc)
    other_ruler(other_doc)
    assert [(t.pos_, t.lemma_, str(t.morph)) for t in doc] == [(t.pos_, t.lemma_, str(t.morph)) for t in other_doc]
    assert doc[5].pos_ == "VERB" and doc[0].lemma_ == "you" and doc[2].lemma_ == "be"


@pytest.mark.parametrize("pattern", [
    [{"TAG": "DT", "OP": "?"}],
    [{"POS": "DET"}],
    [{"LOWER": {"FUZZY": "that"}}],
])
def test_a_pattern_of_another_kind_keeps_spacys_matcher(pattern):
    blank, ruler, _ = _ruler_doc([{"patterns": [pattern], "attrs": {"LEMMA": "x"}}])
    stock = ruler.matcher
    with pytest.raises(UnsupportedPatternError):
        IndexedMatcher(blank.vocab.strings, ruler.patterns, stock)
    assert not use_indexed_matcher(blank)
    assert ruler.matcher is stock


def test_a_pipeline_with_the_indexed_matcher_pickles_and_matches_the_same():
    import pickle

    blank, ruler, doc = _ruler_doc(PATTERNS)
    assert use_indexed_matcher(blank)
    copy = pickle.loads(pickle.dumps(blank))
    copied = copy.get_pipe("attribute_ruler").matcher
    assert isinstance(copied, IndexedMatcher)
    assert _matches(copied, doc) == _matches(ruler.matcher.stock, doc)
