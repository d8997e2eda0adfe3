"""Who stands behind an inquiry: the maker of a report, an investigation or a probe.

PLOVER ACCUSE covers investigations and what they allege, and news reports them through the document:
"the report faulted the State Department", "the investigation found that ...". The actor is the body that
made it. Three places name that body, tried in order:

1. the noun's own phrase: "the committee's report", "a report by the inspector general", "the probe from ...";
2. a verb that made it public in the same sentence: "the committee released a report that faulted ...";
3. for a definite noun with none of these ("the report"), the nearest earlier mention of the same noun in
   the document that has a maker ("The House committee released its report on Tuesday. ... The report found").

The nouns are INQUIRY_DOCUMENTS (data/wordsets.tsv).
"""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.events.roles import subject_token
from dyadwatch.events.wordsets import words

MAKER_PREPS = {"by", "from"}
LOOKBACK_TOKENS = 1500  # how far back in the document a definite "the report" looks for its maker


def is_inquiry(tok: Token | None) -> bool:
    return tok is not None and tok.pos_ in {"NOUN", "PROPN"} and tok.lemma_.lower() in words("INQUIRY_DOCUMENTS")


def maker_token(noun: Token) -> Token | None:
    """The token naming who made the inquiry ``noun``, or None (see the module's three places)."""
    if not is_inquiry(noun):
        return None
    own = _own_maker(noun)
    if own is not None:
        return own
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    return _earlier_maker(noun)


def _own_maker(noun: Token) -> Token | None:
    """A non-pronoun possessor, a by/from phrase, or the subject of the verb that released the noun."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
        if child.dep_ == "prep" and child.lower_ in MAKER_PREPS:
            pobj = next((p for p in child.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in words("RELEASING_VERBS"):
        subj = subject_token(verb)
        if subj is not None and subj.pos_ != "PRON":
            return subj
    return None


def _earlier_maker(noun: Token) -> Token | None:
    """The maker of the nearest earlier mention of the same inquiry noun."""
    lemma = noun.lemma_.lower()
    start = max(0, noun.i - LOOKBACK_TOKENS)
    for tok in reversed(noun.doc[start : noun.sent.start]):
        if tok.lemma_.lower() == lemma and tok.pos_ in {"NOUN", "PROPN"}:
            found = _own_maker(tok)
            if found is not None:
                return found
    return None
