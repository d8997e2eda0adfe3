"""What a described noun phrase denotes when no list names it (eighth pass of issue 11).

Three classes, each a test the decision (``decision.py``) asks of a phrase's head, with its words in
``data/described_words.tsv``:

- *A described body is a participant*: a body noun with no sector of its own ("group", "organization",
  "coalition") and a describing modifier names a body of people that acts: "a major climate group is demanding",
  "Jewish groups condemned", "civil rights organizations". It is an NGO of the story's country (or of the country its
  modifier names). A vague modifier alone ("other groups", "a major group"), a category ("an age group", "a focus
  group") or an "of" group ("a group of protesters", whose people are the participants) is not.
- *A law is no participant*: "the Affordable Care Act", "the ACA", "Obamacare", "NAFTA", "the Paris Agreement" are
  things done or agreed, never actors or targets (they were coded as organisations of the story's country).
- *Adversaries with no owner*: "rivals deride it", "Critics accused him", "political opponents on the left, who
  accused ..." name people of the story's country (an owner places its own: ``owners.py``, "Trump's rivals").
- *A family named by its surname*: "Harry Reid attacked the Koch brothers", "the Bush family backed him": the family is
  a group of the story's country (before, the phrase named no one and the row lost its recipient).
- *One of a people*: a singular nationality noun with an article or an ordinal ("The first American to carry out a
  suicide bombing", "a Briton") is one person of that country, not the country itself.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from dyadwatch.actors.gazetteer import DATA_DIR, kind_word_sets

WORDS_FILE = DATA_DIR / "described_words.tsv"
DESCRIBING_DEPS = frozenset({"amod", "compound", "nmod"})


@lru_cache(maxsize=1)
def described_words() -> dict[str, frozenset[str]]:
    """The word sets of ``data/described_words.tsv`` by kind."""
    return kind_word_sets(WORDS_FILE.name)


def _modifier_words(mod: Token) -> set[str]:
    """The lower-cased words of a modifier and its own modifiers ("civil rights", "gun-rights", "anti-abortion")."""
    return {t.lower_ for t in mod.subtree if not t.is_punct} | {t.lemma_.lower() for t in mod.subtree}


def describing_modifiers(head: Token) -> list[Token]:
    """The modifiers before ``head`` that say what kind of body it is ("climate", "Jewish", "civil rights"), leaving
    out those that describe no one ("major", "other") and phrases that are no modifier (numbers, determiners)."""
    vague = described_words()["vague"]
    return [c for c in head.lefts if c.dep_ in DESCRIBING_DEPS and c.pos_ in ("ADJ", "NOUN", "PROPN", "VERB")
            and c.lower_ not in vague and not c.like_num]


def described_body(head: Token) -> bool:
    """Is ``head`` a body noun with no sector ("group", "organization", "coalition") described by a modifier that
    makes it a body that acts ("a major climate group", "Jewish groups"), with no "of" group of its own?"""
    words = described_words()
    if head.pos_ != "NOUN" or head.lemma_.lower() not in words["body"]:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in head.rights):
        return False  # "a group of protesters": the protesters are the participants
    mods = describing_modifiers(head)
    return bool(mods) and not any(_modifier_words(m) & words["not_body"] for m in mods)


def law_name(span: Span, head: Token) -> bool:
    """Does the phrase name a law, bill or treaty ("the Affordable Care Act", "Obamacare", "the ACA")? Only a
    capitalised head after another capitalised word, or a law's own one-word name; "Bill Clinton" is a person."""
    words = described_words()
    if head.lower_ in words["law_name"] or head.lower_.strip(".") in words["law_name"]:
        return head.ent_type_ != "PERSON"
    if head.text not in words["law_head"] or head.ent_type_ == "PERSON":
        return False
    before = [t for t in span if t.i < head.i and not t.is_punct and t.dep_ != "det"]
    return bool(before) and before[-1].text[:1].isupper()


def lone_person(head: Token) -> bool:
    """Is a singular nationality noun one person ("The first American to carry out a suicide bombing", "a Briton",
    "an Iranian was arrested"), not the country? Only a singular noun with an article or an ordinal before it."""
    if head.tag_ not in ("NN", "NNP") or head.pos_ not in ("NOUN", "PROPN"):
        return False
    lone = described_words()["lone_person"]
    return any(c.lower_ in lone and c.dep_ in ("det", "amod", "nummod") for c in head.lefts)


def unowned_adversary(head: Token) -> bool:
    """Is ``head`` a noun of adversaries ("rivals", "critics", "opponents") with no owner ("his rivals" is left to
    ``owners.py``, which places them by their owner)?"""
    return (head.pos_ == "NOUN" and head.lemma_.lower() in described_words()["adversary"]
            and not any(c.dep_ == "poss" for c in head.children))


def standing_group(head: Token) -> bool:
    """Ninth pass, class "people named by their standing": is ``head`` "establishment" or "elite" ("Cruz, who long
    has fought the Washington establishment", "the establishment that Trump routinely rails against")? Like
    adversaries, such people are a group of the story's country where a participant stands; "Washington" before it is
    not a thing named for a place (``decision._thing_named_for_country``)."""
    return head.pos_ == "NOUN" and head.lemma_.lower() in described_words()["standing"]


def standing_name(name: str) -> bool:
    """Does an actor's name end with a standing noun ("Washington establishment", "elite")? (``story.py``)"""
    last = name.lower().split()[-1:] if name else []
    return bool(last) and last[0] in described_words()["standing"]


def named_family(head: Token) -> bool:
    """Is ``head`` a family noun ("brothers", "family") after a capitalised surname ("the Koch brothers")?"""
    if head.pos_ != "NOUN" or head.lower_ not in described_words()["family"]:
        return False
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper() for c in head.lefts)


def heritage_word(tok: Token) -> bool:
    """Ninth pass, class "a heritage is no home": does the nationality word ``tok`` qualify a noun of descent ("of
    Mexican descent", "the son of a Polish immigrant", "Curiel's Mexican heritage")? Such a word says where a family
    came from, not which country the passage's people belong to (Maria Espinoza, "of Mexican descent and a sixth
    generation Texan", was coded MEX)."""
    head = tok.head
    return tok.dep_ in ("amod", "compound", "nmod") and head.i > tok.i and (
        head.lemma_.lower() in described_words()["heritage"] or head.lower_ in described_words()["heritage"])
