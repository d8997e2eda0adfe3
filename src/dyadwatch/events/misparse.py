"""Subjects the parser hung somewhere else (eighth pass, issue 11).

The statistical parser sometimes attaches a clause's subject to the wrong word, and the verb is then coded with no
actor at all, though the sentence names it plainly. On the news_bench tune half, asserted events with no actor were
about one in five (317 of 1,677), and reading 50 of them found the actor missing, but present in the sentence, in
about 30. Each function here repairs one class of misattachment and says which; ``roles.subject_token`` calls them
only for a verb that has no subject of its own.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from spacy.tokens import Token

from dyadwatch.events.syntax import NAME_ENTS
from dyadwatch.events.wordsets import words
from dyadwatch.headline_case import is_title_case
from dyadwatch.nlp import doc_text

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "expl", "agent"}
ADJUNCT_DEPS = {"npadvmod", "advcl", "prep", "advmod"}


def _is_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.ent_type_ in NAME_ENTS


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def apposed_to_adjunct(verb: Token) -> Token | None:
    """Class "a subject read as an apposition of an opening adjunct": "Speaking in Harlem, Clinton, without naming
    him, accused Sanders" (Clinton as an apposition of Harlem), "Friday, Texas, leading a coalition of 13 states,
    asked a judge" (Texas apposed to Friday). For a main verb with no subject: the last name apposed to a word of an
    adjunct before the verb, set off by a comma after it."""
    if verb.dep_ != "ROOT" or verb.pos_ not in {"VERB", "AUX"} or _has_subject(verb):
        return None
    found = None
    for adjunct in verb.lefts:
        if adjunct.dep_ not in ADJUNCT_DEPS:
            continue
        for tok in adjunct.subtree:
            if tok.dep_ == "appos" and _is_name(tok) and tok.head.i < tok.i and _comma_after(tok):
                found = tok
    return found


def _comma_after(tok: Token) -> bool:
    end = tok.right_edge.i + 1
    return end < len(tok.doc) and tok.doc[end].text == ","


def described_by_appositive(verb: Token) -> Token | None:
    """Class "a verb read as a conjunct of an apposition": "Zimmerman, then a neighborhood watch volunteer, shot and
    killed Trayvon" (the parser made "shot" a conjunct of "volunteer" and Zimmerman the root). The first verb of the
    chain stands on a noun apposed to a name: that name is the subject of every verb in the chain."""
    tok = verb
    while tok.dep_ == "conj" and tok.head.pos_ in {"VERB", "AUX"}:
        tok = tok.head
    if tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.tag_ == "VBG":
        return None
    noun = tok.head
    if noun.pos_ != "NOUN" or noun.dep_ != "appos" or not _is_name(noun.head) or noun.head.i > noun.i:
        return None
    return noun.head


def predicate_in_gerund(prep: Token) -> Token | None:
    """Class "a gerund after a predicate adjective": "Trump has been the most aggressive in denouncing the media",
    "she was quick in condemning", "he was instrumental in pushing": whoever the adjective describes does the act.
    Returns the copula, whose subject is the gerund's. Only "in" (not "afraid of", "capable of", which do not
    say the act was done)."""
    holder = prep.head
    if prep.lower_ != "in" or holder.pos_ != "ADJ" or holder.dep_ not in {"acomp", "attr"}:
        return None
    return holder.head if holder.head.pos_ in {"AUX", "VERB"} else None


def message_author(noun: Token, message_nouns: AbstractSet[str]) -> Token | None:
    """Class "a message acts for its author": the subject of "Clinton's new ad attacks Trump", "A new Sanders
    campaign ad slams Clinton", "Trump tweet that blasts Clinton" is the ad's or tweet's author, named as its
    possessor or as a name compounded with it (or with its "campaign"). None when no author is named ("a campaign ad
    released Thursday accuses Trump")."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in message_nouns:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    for c in noun.children:
        if c.dep_ == "compound" and c.pos_ == "PROPN":
            return c
        if c.dep_ == "compound" and c.lemma_.lower() == "campaign" and any(
                g.dep_ == "compound" and g.pos_ == "PROPN" for g in c.children):
            return c  # "a new Sanders campaign ad": the campaign
    return None


FINITE_TAGS = {"VBD", "VBZ", "VBP"}


def listed_predicate(verb: Token) -> Token | None:
    """Ninth pass, class "a list of predicates read as a quoted clause": in "Trump further summed up Clinton as
    "terrible," denounced her record as secretary of state and said ..." the parser made the first predicate a clausal
    complement of the second (as if "Trump summed up Clinton" were what was denounced), and the main verb had no
    subject. For a finite main verb with no subject, a complement clause before it, set off by a comma, lends its
    subject: the sentence lists what one subject did. Speech verbs always have their own subject ("..., he said")."""
    if verb.dep_ != "ROOT" or verb.tag_ not in FINITE_TAGS or _has_subject(verb):
        return None
    clause = next((c for c in verb.lefts if c.dep_ == "ccomp" and c.tag_ in FINITE_TAGS), None)
    if clause is None or not any(t.text == "," for t in verb.doc[clause.right_edge.i: verb.i]):
        return None
    return next((c for c in clause.children if c.dep_ == "nsubj" and c.pos_ in {"PROPN", "NOUN", "PRON"}), None)


def apposed_main_verb(verb: Token) -> Token | None:
    """Ninth pass, class "a main verb hung on an apposition": in "... to the residents of flood-ravaged Louisiana, a
    Baton Rouge newspaper called on Hillary Clinton to ..." the parser read the subject as an apposition of the place
    before the comma and the verb as a clause modifying it. A past-tense verb (VBD, never a participle) right after an
    apposed noun phrase that a comma opens, with no subject of its own, has that noun as its subject, when the
    sentence's root is a subordinate clause (the main clause must be elsewhere; "the U-2 pilot shot down over the
    Soviet Union" in a sentence with its own main clause is a participle the tagger read as past tense)."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBD" or _has_subject(verb) or noun.dep_ != "appos":
        return None
    if noun.pos_ != "NOUN" or noun.i != verb.i - 1 or noun.left_edge.i == 0 or not _subordinate_root(verb):
        return None
    return noun if verb.doc[noun.left_edge.i - 1].text == "," else None


def thing_antecedent(noun: Token, pronoun: Token) -> Token:
    """Ninth pass, class "which hung on a person": in "Neil Sroka, communications director of the progressive group
    Democracy for America, or DFA - which was founded by Howard Dean and which has endorsed Sanders" the parser hangs
    the clause on Sroka, but "which" never stands for a person. The noun right before the pronoun (past punctuation)
    is then its antecedent when it names no person (DFA); else the noun the parser chose."""
    if pronoun.lower_ != "which" or noun.ent_type_ != "PERSON":
        return noun
    k = pronoun.i - 1
    while k > noun.i and noun.doc[k].is_punct:
        k -= 1
    before = noun.doc[k]
    return before if k > noun.i and before.pos_ in {"NOUN", "PROPN"} and before.ent_type_ != "PERSON" else noun


def _subordinate_root(tok: Token) -> bool:
    """Is the sentence's root a subordinate clause ("after Trump brought ..."), so that its main clause is elsewhere?"""
    return any(c.dep_ == "mark" for c in tok.sent.root.children)


DASHES = {"–", "—", "-", "--"}


def after_dateline(verb: Token) -> Token | None:
    """Ninth pass, class "a dateline read as a second subject": in "Washington (AFP) – Democrat Hillary Clinton has
    taken a swipe at ..." the parser gives the verb two subjects, the dateline's place first, and the place (which
    the resolver leaves out as a dateline) hid Clinton. Of two subjects before the verb with a dash between them, the
    first a place opening the sentence, the one after the dash is the subject."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < verb.i]
    if len(subjects) < 2:
        return None
    first, last = subjects[0], subjects[-1]
    if first.ent_type_ not in {"GPE", "LOC"} or first.left_edge.i != verb.sent.start:
        return None  # "The attacks in Europe's capital - just days after the Belgians ... - raised": no dateline
    between = verb.doc[first.i + 1: last.left_edge.i]
    return last if any(t.text in DASHES for t in between) else None


def after_passive_participle(verb: Token) -> Token | None:
    """Ninth pass, class "an active participle conjoined to a passive one": in "Democratic superdelegates, chosen by
    the party establishment and overwhelmingly backing Mrs. Clinton" the conjunct shared the passive's agent, and the
    establishment became the backer. A present participle conjoined to a past participle that modifies a noun is
    done by that noun (the superdelegates back Clinton)."""
    passive = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBG" or passive.dep_ != "acl" or passive.tag_ != "VBN":
        return None
    noun = passive.head
    return noun if noun.pos_ in {"NOUN", "PROPN"} and noun.i < passive.i else None


HEADLINE_PASSIVE_VERBS = words("HEADLINE_PASSIVE_VERBS")
TARGET_COMPOUND_GERUNDS = words("TARGET_COMPOUND_GERUNDS")


def headline_passive(verb: Token) -> Token | None:
    """Ninth pass, class "a headline's passive read as active": in a title-case headline "Hillary Clinton Accused Of
    Shocking Act", "FDIC Accused Of Covering Up China Hacking", "Trump Slammed For Remarks" drop the "is": the tagger
    reads the participle as a past tense with its subject as the doer, though a verb that needs an object
    (HEADLINE_PASSIVE_VERBS) has none and a preposition of its charge follows. The subject is then the target; the
    doer is only a "By" phrase. Returns the target, or None when the verb is no such passive."""
    if verb.tag_ not in {"VBD", "VBN"} or verb.lemma_.lower() not in HEADLINE_PASSIVE_VERBS:
        return None
    if not _title_case(verb):
        return None
    if any(c.dep_ in {"dobj", "dative", "ccomp", "xcomp", "oprd", "aux", "auxpass"} for c in verb.children):
        return None
    if not any(c.dep_ == "prep" and c.lower_ in {"of", "for", "with", "over", "by", "in"} for c in verb.rights):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def headline_agent(verb: Token) -> Token | None:
    """The doer of a headline passive: the object of its "By" phrase, if any ("Trump Blasted By Ryan")."""
    by = next((c for c in verb.rights if c.dep_ in {"prep", "agent"} and c.lower_ == "by"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _title_case(verb: Token) -> bool:
    """The verb, capitalised, in a title-case line of the text as written (the parser may have read the headline in
    sentence case: ``headline_case``)."""
    text = doc_text(verb.doc)
    return text[verb.idx].isupper() and is_title_case(text[verb.sent.start_char : verb.sent.end_char])


def compound_target(verb: Token) -> Token | None:
    """Ninth pass, class "X-bashing": in "a real opportunity for EPA bashing", "a festival of Clinton bashing" the noun
    before the gerund is what is bashed, though the parser makes it the gerund's subject or hangs the gerund on it as
    a participle (both make the noun its doer). A gerund of TARGET_COMPOUND_GERUNDS right after a name, with no
    object of its own: the name is the target and no doer is named."""
    if verb.tag_ != "VBG" or verb.i == 0 or verb.lower_ not in TARGET_COMPOUND_GERUNDS:
        return None
    noun = verb.doc[verb.i - 1]
    joined = (verb.dep_ == "acl" and verb.head.i == noun.i) or (noun.dep_ == "nsubj" and noun.head.i == verb.i)
    if not joined or any(c.dep_ in {"dobj", "dative"} for c in verb.children):
        return None
    return noun if noun.pos_ == "PROPN" or noun.ent_type_ in NAME_ENTS else None
