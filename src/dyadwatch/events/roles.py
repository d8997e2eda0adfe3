"""Roles from the dependency parse: who acts (subject, passive agent) and on whom (object, dative,
object of with / to / against / on / into / at).

Subjects are inherited the way English shares them: from the head verb for conjoined and
controlled verbs ("agreed to meet"), from the object for object-control verbs ("urged Iran to
release"), and from the modified noun for relative clauses ("Wang, who held a meeting").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Token

from dyadwatch.actors import DocActors
from dyadwatch.actors.common import ATTACK_NOUNS, swallowed_by_time
from dyadwatch.actors.traits import is_trait
from dyadwatch.events import misparse
from dyadwatch.events.lexicon import TriggerMatch
from dyadwatch.events.syntax import NAME_ENTS
from dyadwatch.events.wordsets import load_wordsets
from dyadwatch.models import Actor

WORDS_FILE = Path(__file__).parent / "data" / "roles_words.tsv"


def _word_sets() -> dict[str, frozenset[str]]:
    """The word sets of ``data/roles_words.tsv`` by name, read by the coder's one word-set loader."""
    return load_wordsets(WORDS_FILE)


def words(name: str) -> frozenset[str]:
    """One named word set of the roles data; an unknown name is a KeyError naming the file."""
    sets = _word_sets()
    if name not in sets:
        raise KeyError(f"no word set {name!r} in {WORDS_FILE}")
    return sets[name]


SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
RECIPIENT_PREPS = {
    "with", "to", "against", "on", "into", "at", "upon", "toward", "towards", "of", "about", "over", "by",
    "from", "between",
}
VERB_RECIPIENT_PREPS = {"with", "to", "against", "on", "into", "at", "upon", "toward", "towards"}
OBJECT_CONTROL = load_wordsets()["OBJECT_CONTROL_VERBS"]  # the coder's shared sets (data/wordsets.tsv)
RELATIVE_PRONOUNS = load_wordsets()["RELATIVE_PRONOUNS"]
SELF_PRONOUNS = {"he", "she", "i", "we", "you"}  # "threatened not to come unless he is paid": not a target
# "X is guilty of / responsible for doing": X did it (not "capable of", which only says X could).
CULPABLE = {"guilty", "responsible"}
# Passive-looking verbs whose grammatical subject is the doer: "forces were engaged in clashes".
STATIVE_PASSIVES = {"engage", "involve"}
# "issued a statement condemning X", "the NRA has put out a new video ad ripping Hillary Clinton" (fourth pass),
# "Clinton's speech denouncing his policies" (eighth pass): a message acts for whoever puts it out or delivers it.
MESSAGE_NOUNS = words("MESSAGE_NOUNS")
PUBLISHING = words("PUBLISHING")
ATTENTION = words("ATTENTION")
RECORD_NOUNS = words("RECORD_NOUNS")
SPENDING = words("SPENDING")
SHARE_NOUNS = words("SHARE_WORDS") | words("SHARE_NOUNS")
# Governing verbs whose complement names the recipient: "threatened to break relations with Russia".
COMPLEMENT_TYPES = {"THREATEN", "AGREE", "REJECT", "REQUEST", "CONCEDE"}  # not SUPPORT: "supports banning X"
# Where an act is done, as a last resort target of material acts: "lifted a curfew in Montenegro".
PLACE_PREPS = {"in", "from", "across", "inside", "within", "throughout"}
WHERE_PREPS = {"on", "at", "in", "inside", "outside", "across"}  # "opponents on the left, who": where they stand


def _child(tok: Token, deps: set[str]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _pobj(prep: Token) -> Token | None:
    """Object of a preposition; for a gerund ("about increasing accommodation") the gerund's object."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pcomp = next((c for c in prep.children if c.dep_ == "pcomp"), None)
        if pcomp is not None:  # a gerund's own subject first: "about the United States' backing independence"
            pobj = next((c for c in pcomp.children if c.dep_ == "poss" and c.pos_ in {"PROPN", "NOUN"}), None)
            pobj = pobj or next((c for c in pcomp.children if c.dep_ == "dobj"), None)
    if pobj is not None and pobj.lower_ in RELATIVE_PRONOUNS and pobj.i < prep.i:
        pobj = _gap_antecedent(prep) or pobj  # "the establishment that Trump routinely rails against"
    if pobj is None and prep.dep_ == "prep" and not any(True for _ in prep.children):
        pobj = _stranded_object(prep) or _raised_object(prep) or _gap_antecedent(prep)
    return pobj


def _gap_antecedent(prep: Token) -> Token | None:
    """Ninth pass, class "a preposition stranded in a relative clause": in "the establishment that Trump routinely
    rails against", "the establishment he rails against" the object of "against" is the noun the clause modifies
    (the parser made "that" its object, or left it none). Only a preposition ending its relative clause."""
    clause = relative_clause(prep.head) if prep.head.pos_ in {"VERB", "AUX"} else None
    if clause is None or clause.dep_ != "relcl" or prep.i != clause.right_edge.i:
        return None
    return person_antecedent(clause.head)


def _raised_object(prep: Token) -> Token | None:
    """Fourth pass, class "one act reported by two verbs": a preposition left without its object before a
    conjoined verb shares that verb's object: "met with and thanked King Salman" (met with him too), "spoke to
    and praised the Mexican president". Only when the conjunction follows the preposition directly."""
    doc, verb = prep.doc, prep.head
    nxt = doc[prep.i + 1] if prep.i + 1 < len(doc) else None
    if nxt is None or nxt.dep_ != "cc" or nxt.head.i != verb.i or verb.pos_ != "VERB":
        return None
    later = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > nxt.i), None)
    if later is None or _child(later, {"nsubj", "nsubjpass"}) is not None:
        return None
    return _child(later, {"dobj", "dative"})


def _stranded_object(prep: Token) -> Token | None:
    """The object of a preposition the parser left empty, having made the noun phrase after it the subject
    of a following participle: "granted asylum to five Panamanian army officers holed up in ..." (officers
    made the subject of "holed"). The phrase must start right after the preposition."""
    doc = prep.doc
    if prep.i + 1 >= len(doc):
        return None
    first = doc[prep.i + 1]
    tok = first
    while tok.head.i != tok.i and tok.head.i > tok.i and tok.dep_ not in {"nsubj", "nsubjpass"}:
        tok = tok.head
    if tok.dep_ not in {"nsubj", "nsubjpass"} or tok.left_edge.i != first.i or tok.pos_ not in {"NOUN", "PROPN"}:
        return None
    verb = tok.head
    return tok if verb.tag_ in {"VBN", "VBG", "VBD"} and verb.dep_ in {"advcl", "acl", "relcl", "conj"} else None


def subject_token(verb: Token, depth: int = 0) -> Token | None:
    """The token standing for the actor of a verb (passive agent first), climbing shared subjects."""
    if misparse.headline_passive(verb) is not None:
        return misparse.headline_agent(verb)  # "Hillary Clinton Accused Of Shocking Act": no doer named
    if misparse.compound_target(verb) is not None:
        return None  # "an opportunity for EPA bashing": the EPA is bashed
    own = _own_subject(verb) or misparsed_subject(verb)
    if own is not None:
        return own
    if _child(verb, {"nsubjpass"}) is not None:
        # "Soon after Wasserman Schultz was booed ..., Canova wrote": an agentless passive names no doer, unless a
        # passive conjoined to it names one for both ("was booed and shouted down by Sanders supporters")
        return shared_agent(verb)
    if verb.head.i == verb.i:
        return stranded_subject(verb)
    if depth > 3:
        return None
    if verb.dep_ == "pcomp":
        return _gerund_subject(verb, depth)
    return _shared_subject(verb, depth)


def shared_agent(verb: Token) -> Token | None:
    """Sixth pass, class "one by-phrase for two passives": "Silverman was booed and shouted down by Bernie Sanders
    supporters", "The senator was criticized and mocked by Democrats": the agent of the later passive conjunct (one
    with no subject of its own) is the agent of the first too."""
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.i < verb.i or conj.tag_ not in {"VBN", "VBD"}:
            continue
        if _child(conj, SUBJECT_DEPS | {"nsubjpass"}) is not None:
            return None
        agent = _child(conj, {"agent"})
        if agent is not None and _pobj(agent) is not None:
            return _pobj(agent)
    return None


def _own_subject(verb: Token) -> Token | None:
    """The verb's own actor: a passive agent, the giver of a passive of giving, or its subject (a
    relative pronoun stands for the noun it modifies)."""
    agent = _child(verb, {"agent"})
    if agent is not None and _pobj(agent) is not None:
        return _pobj(agent)
    source = passive_source(verb) or passive_instrument(verb)
    if source is not None:
        return source  # "was promised $90 million in incentives from Chicago": Chicago promised
    subj = misparse.after_dateline(verb) or _nearest_subject(verb)
    if subj is None and (verb.lemma_.lower() in STATIVE_PASSIVES or false_passive(verb)):
        subj = _child(verb, {"nsubjpass"})
    if subj is None:
        return None
    if subj.lower_ in RELATIVE_PRONOUNS and relative_object(verb) is not None:
        subj = _other_subject(verb, subj)  # "Bush, who many had backed": many backed Bush
        if subj is None:
            return None
    clause = relative_clause(verb) if subj.lower_ in RELATIVE_PRONOUNS else None
    if clause is not None:
        if subj.lower_ in {"who", "whom"}:
            return person_antecedent(clause.head)
        opening = next((c for c in clause.children if c.lower_ in RELATIVE_PRONOUNS), subj)  # the first "which"
        head = misparse.thing_antecedent(clause.head, opening)
        return misparse.message_author(head, MESSAGE_NOUNS) or _publisher(head) or body_of_place(head)
    inner = _child(subj, {"nsubj"}) if subj.pos_ == "VERB" else None
    if inner is None and subj.lower_ in words("SHARE_WORDS"):
        inner = next((p for c in subj.children if c.dep_ == "prep" and c.lower_ in {"in", "among", "of"}
                      for p in [_pobj(c)] if p is not None), None)  # "who many in the GOP establishment had backed"
    if inner is None:
        inner = misparse.message_author(subj, MESSAGE_NOUNS)  # "Clinton's new ad attacks Trump": Clinton does
    return inner if inner is not None else subj  # "The Red Cross operating in Iraq said": misparsed subject




PERSONAL_SUBJECTS = load_wordsets()["PERSONAL_PRONOUNS"]  # not "all": "with Trump, Huckabee and Christie all calling"


def _nearest_subject(verb: Token) -> Token | None:
    """The verb's subject; of two before it, the nearer (ninth pass, class "a fronted description read as a second
    subject": in "A Libertarian, he backed Ron Paul" the parser makes both "Libertarian" and "he" subjects; "he" is
    the actor, the description says what he is)."""
    before = [c for c in verb.lefts if c.dep_ == "nsubj"]
    if len(before) >= 2 and before[-1].lower_ in PERSONAL_SUBJECTS:
        return before[-1]
    return _child(verb, SUBJECT_DEPS)


def relative_clause(verb: Token) -> Token | None:
    """Ninth pass, class "a relative clause conjoined to a relative clause": in "Democracy for America, which was
    founded by Howard Dean and which has endorsed Sanders", "a union that has endorsed Mr. Sanders and that has been
    busing its members" the parser makes the second clause a conjunct of the first, so its "which" or "that" stood
    for nothing. The relative clause a verb belongs to: itself, or the first clause of the chain it is conjoined to
    (only when the verb has a relative pronoun of its own). A clause the parser called "acl" that has a relative pronoun
    as its subject is a relative clause too ("a statement that, while condemning violence, accused ...")."""
    tok = verb
    while tok.dep_ == "conj" and tok.head.pos_ in {"VERB", "AUX"}:
        tok = tok.head
    if tok.dep_ == "acl" and tok.head.pos_ in {"NOUN", "PROPN"} and tok.i > tok.head.i:
        return tok  # "a statement that, while condemning violence, accused ...": a relative clause read as acl
    return tok if tok.dep_ == "relcl" else None


def _publisher(noun: Token) -> Token | None:
    """Ninth pass, class "a message acts for whoever puts it out" (with ``misparse.message_author``): in "Sanders is
    releasing a new ad that urges voters", "the campaign aired a video that attacks Trump" the message's author is
    the subject of the verb that releases it (``PUBLISHING`` verbs: not "watched an ad that attacks")."""
    if noun.lemma_.lower() not in MESSAGE_NOUNS or noun.dep_ != "dobj" or noun.head.lemma_.lower() not in PUBLISHING:
        return None
    return subject_token(noun.head, 1)


def misparsed_subject(verb: Token) -> Token | None:
    """A subject the parser attached as something else, for a verb with no subject of its own:
    a name before the verb read as an adverb ("But Bill Skelly, a longtime RNC operative, vouched for":
    Skelly as advmod), and a noun right before a conjoined verb read as a conjunct of the object before
    it ("discussed the violence that has marred Trump's rallies and protesters have clashed with":
    protesters clashed, not the subject of "discussed")."""
    if _child(verb, SUBJECT_DEPS | {"nsubjpass", "agent"}) is not None or verb.pos_ not in {"VERB", "AUX"}:
        return None
    for c in verb.lefts:
        if c.dep_ in {"advmod", "npadvmod", "dep"} and c.pos_ == "PROPN" and c.ent_type_ in NAME_ENTS:
            return c
    apposed = misparse.apposed_main_verb(verb)
    if apposed is not None:
        return apposed
    before = verb.doc[verb.i - 1] if verb.i > 1 else None
    if verb.tag_ == "VBG" and before is not None and before.dep_ == "case" and before.head.i == verb.i - 2:
        return before.head  # "about the United States' backing independence": the US backs, split off by the parser
    if verb.dep_ != "conj" or verb.tag_ == "VBG":
        return None
    first = min([verb, *(c for c in verb.lefts if c.dep_ in {"aux", "auxpass", "neg"})], key=lambda t: t.i)
    if first.i == 0:
        return None
    tok = verb.doc[first.i - 1]
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "conj" and tok.head.pos_ in {"NOUN", "PROPN"} \
            and tok.head.i < tok.i and verb.head.i < tok.head.i:
        return tok
    return None


def _shared_subject(verb: Token, depth: int) -> Token | None:
    """A subject shared from the verb's head: conjuncts, control, raising, message nouns, participles."""
    head = verb.head
    if _passive_conjunct(verb):
        return None  # "... and was roundly criticized": the shared subject is the target (passive_conjunct_subject)
    spender = spending_verb(verb)
    if spender is not None:
        return subject_token(spender, depth + 1)
    if verb.dep_ == "conj" and verb.tag_ == "VBG" and head.pos_ not in {"VERB", "AUX"}:
        governing = _governing_verb(head)  # eighth pass: "by touting her record upstate and pounding him"
        return subject_token(governing, depth + 1) if governing is not None else None
    if verb.dep_ == "conj":
        return misparse.described_by_appositive(verb) or misparse.after_passive_participle(verb) \
            or subject_token(head, depth + 1)
    if verb.dep_ == "acl" and _has_to(verb) and _child(head, {"poss"}) is not None:
        return _child(head, {"poss"})  # "Manafort's decision to begin a push ... by publicly chastising Kasich"
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ in {"acomp", "xcomp", "advcl"}:
        return subject_token(head.head, depth + 1)  # "Syria says it is willing to withdraw", "Ready to back X, Obama"
    maker = _message_maker(head, depth) if verb.dep_ == "acl" and head.lemma_.lower() in MESSAGE_NOUNS else None
    if maker is not None:
        return maker
    if verb.dep_ in {"acl", "advcl"} and _message_with(head):
        return subject_token(head.head.head, depth + 1)  # "a super PAC is out with a new ad hitting him"
    if verb.dep_ == "xcomp" and raised_subject(head) is not None:
        return raised_subject(head)  # "Sanders, who is said to have pressed for", "X is believed to have funded"
    if verb.dep_ in {"xcomp", "advcl"} and head.pos_ in {"VERB", "AUX"}:
        return _controlled_subject(verb, depth)
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return head
    if verb.dep_ == "acl" and _root_noun(head) and _finite_with_object(verb):
        return head  # a main verb the parser hung on the subject: "Doctors from X donated goods to Y."
    return None


def spending_verb(verb: Token) -> Token | None:
    """Ninth pass, class "time spent on an act": "the department had spent months pushing back against claims",
    "Sanders spent much of his campaign railing against superdelegates" had no actor: the parser hangs the gerund on
    the time spent (a modifier of "months", the object of "of"), so it took the time as its doer. The gerund's doer
    is whoever spends the time or money (``SPENDING`` verbs). Returns the spending verb."""
    if verb.tag_ != "VBG" or verb.dep_ not in {"acl", "pobj"}:
        return None
    spent = verb.head
    if verb.dep_ == "pobj":
        if spent.lower_ != "of":
            return None
        spent = spent.head
    if spent.dep_ != "dobj" or spent.head.lemma_.lower() not in SPENDING:
        return None
    return spent.head


def _governing_verb(tok: Token) -> Token | None:
    """Eighth pass, class "a gerund conjoined to an object": the parser joins "pounding him" to the object of an
    earlier gerund ("keeping a lid on the race by touting her record upstate and pounding him": conjunct of
    "upstate"); the doer is the one of the verb that governs that object (touting, hence keeping: Clinton)."""
    while tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i:
        tok = tok.head
    return tok if tok.pos_ in {"VERB", "AUX"} else None


def with_absolute(verb: Token) -> Token | None:
    """Eighth pass, class "an absolute with-clause names the doer": in "The two had played nice, with Cruz calling
    Trump his friend, meeting with him in July and inviting him on a trip" the participles the parser hangs on the
    main verb are Cruz's (the subject of the earlier "with X doing" clause), not the main clause's."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return None
    for prep in verb.head.children:
        if prep.dep_ == "prep" and prep.lower_ == "with" and prep.i < verb.i:
            for gerund in prep.children:
                subj = _child(gerund, {"nsubj"}) if gerund.dep_ == "pcomp" and gerund.tag_ == "VBG" else None
                if subj is not None:
                    return subj
    return None


def _message_maker(message: Token, depth: int) -> Token | None:
    """Who puts out a message noun a participle modifies: its owner ("Clinton's Tuesday speech denouncing his
    policies"), the subject of the verb that issues it ("the PKK issued a declaration demanding ..."), or of the verb
    it is said "in" (``_message_in``)."""
    owner = _child(message, {"poss"})
    if owner is not None:
        return owner
    if message.dep_ == "dobj":
        return subject_token(message.head, depth + 1)
    if _message_in(message):
        return subject_token(message.head.head, depth + 1)
    return None


def _message_in(noun: Token) -> bool:
    """Ninth pass, class "a message acts for whoever puts it out": "In a statement defending Lewandowski, Trump's
    campaign said ...": a message noun after "in" on a verb is that verb's subject's (the speaker's) message."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.pos_ in {"VERB", "AUX"}


def _message_with(noun: Token) -> bool:
    """A message noun after "with" on a verb: "is out with a new ad", "came out with a statement"."""
    return (noun.lemma_.lower() in MESSAGE_NOUNS and noun.dep_ == "pobj" and noun.head.lower_ == "with"
            and noun.head.head.pos_ in {"VERB", "AUX"})


def _controlled_subject(verb: Token, depth: int) -> Token | None:
    """Subject of a to-clause or adverbial clause: the object of an object-control verb ("urged Iran to
    release"), else the head's subject (not for a finite adverbial clause with its own missing subject)."""
    head = verb.head
    if passive_participle_clause(verb):
        return None  # "when asked to leave, he refused": he is the one asked (participle_clause_target)
    if verb.dep_ == "xcomp" and passive_participle_clause(head):
        return subject_token(head.head, depth + 1)  # "when asked to condemn it, Clinton refused": Clinton would
    if head.lemma_.lower() in OBJECT_CONTROL:
        obj = _child(head, {"dobj", "dative"}) or next(iter(late_subjects(head)), None)
        if obj is not None:
            return obj
    if verb.dep_ == "advcl" and verb.tag_ not in {"VBG", "VBN"} and not _has_to(verb):
        return None
    return with_absolute(verb) or subject_token(head, depth + 1)


def passive_participle_clause(verb: Token) -> bool:
    """Fifth pass, class "when asked, he refused": an adverbial clause of a bare past participle ("when asked to
    leave", "asked by reporters about Iran", "if invited") is a passive whose subject is the main clause's. That
    subject is the one asked or invited, never the asker (a by-phrase names the asker). Not "having criticized"
    (an auxiliary makes it active), not a clause with a subject of its own."""
    return (verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.head.pos_ in {"VERB", "AUX"}
            and _child(verb, {"aux", "auxpass", "nsubj", "nsubjpass", "expl"}) is None)


def participle_clause_target(verb: Token) -> list[Token]:
    """The target of a ``passive_participle_clause``: the main clause's subject ("when asked to leave, he refused":
    he was asked)."""
    if not passive_participle_clause(verb):
        return []
    subj = subject_token(verb.head)
    return [subj] if subj is not None else []


def _gerund_subject(verb: Token, depth: int) -> Token | None:
    """Subject of a gerund after a preposition: "resorted to throwing stones", "responded by shelling",
    "despite facing criticism" (the main verb's), "the army is guilty of violating the truce"."""
    prep = verb.head
    holder = prep.head
    attended = attention_doer(prep)
    if attended is not None:
        return attended
    if prep.lower_ == "of" and holder.lemma_.lower() in RECORD_NOUNS:
        return _record_owner(holder, depth)
    if prep.lower_ in {"to", "by"} and holder.pos_ == "VERB":
        return subject_token(holder, depth + 1)
    if prep.lower_ == "for" and holder.pos_ == "VERB":
        return _reason_doer(holder, depth)
    if verb.tag_ == "VBG" and prep.lower_ in words("ADJUNCT_PREP") and holder.pos_ in {"VERB", "AUX"}:
        if holder.dep_ == "acl" and holder.tag_ == "VBN" and holder.head.pos_ in {"NOUN", "PROPN"}:
            return holder.head  # eighth pass: "a GOP field largely focused on criticizing her": the field criticizes
        return subject_token(holder, depth + 1)
    if holder.lemma_.lower() in CULPABLE and holder.dep_ in {"acomp", "oprd"}:
        return subject_token(holder.head, depth + 1)
    copula = misparse.predicate_in_gerund(prep)
    if copula is not None:
        return subject_token(copula, depth + 1)
    return None


def _record_owner(record: Token, depth: int) -> Token | None:
    """Ninth pass, class "one's record of an act": "Hassan touts her history of working with state lawmakers", "our
    days of attacking Obama were behind us" had no actor: the owner of a ``RECORD_NOUNS`` noun does the act of the
    gerund in its "of" phrase. A possessive pronoun on the object of a verb is that verb's subject's own ("touts her
    history": Hassan's), which the coreference does not bind; no owner, no doer ("a history of working with")."""
    owner = _child(record, {"poss"})
    if owner is None or owner.pos_ != "PRON" or record.dep_ != "dobj":
        return owner
    subj = subject_token(record.head, depth + 1)
    return subj if subj is not None and subj.lower_ not in RELATIVE_PRONOUNS else owner


def attention_doer(prep: Token) -> Token | None:
    """Ninth pass, class "what is given over to an act does it": "More than half of Clinton's address was devoted to
    criticizing Trump", "Clinton's debate team, which had been focused on attacking the GOP nominee" had no actor
    (an agentless passive names no doer). With ``ATTENTION`` verbs (devote, focus, dedicate) whatever is devoted or
    focused does the act of the gerund: a body or person, the author of a message ("Clinton's address"), the whole a
    share is of ("half of ..."), the noun a relative pronoun stands for."""
    holder = prep.head
    if prep.lower_ not in {"to", "on"} or (holder.lemma_.lower() not in ATTENTION and holder.lower_ not in ATTENTION):
        return None
    if holder.dep_ == "acomp":
        subj = _child(holder.head, {"nsubj", "nsubjpass"})  # "was devoted to": the parser reads an adjective
    elif holder.pos_ == "VERB" and _child(holder, {"agent", "nsubj"}) is None:
        subj = _child(holder, {"nsubjpass"})
    else:
        return None
    if subj is not None and subj.lower_ in RELATIVE_PRONOUNS and relative_clause(holder) is not None:
        subj = relative_clause(holder).head
    of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None) if subj is not None else None
    if of is not None and _pobj(of) is not None and (subj.lemma_.lower() in SHARE_NOUNS or subj.pos_ == "NUM"):
        subj = _pobj(of)  # "half of Clinton's address", "much of the campaign"
    return misparse.message_author(subj, MESSAGE_NOUNS) or subj if subj is not None else None


def _reason_doer(holder: Token, depth: int) -> Token | None:
    """Fourth pass, class "for + gerund gives the reason": who did what the reason names. The object of the verb
    ("praised Khan for standing up to Trump", "blamed Clinton for leaking"), else its passive subject ("Schilling was
    fired for posting"), else its subject ("Ginsburg should resign for criticizing him", "apologized for mocking")."""
    obj = _child(holder, {"dobj"})
    if obj is not None and obj.pos_ in {"NOUN", "PROPN", "PRON"}:
        return obj
    return _child(holder, {"nsubjpass"}) or subject_token(holder, depth + 1)


NON_PERSON_ENTS = {"ORG", "GPE", "FAC", "LOC"}


def person_antecedent(noun: Token) -> Token:
    """What "who" refers to when the parser hung it on a place or body that ends a person's phrase:
    "the president of the Foundation for Middle East Peace, who criticizes" (the president)."""
    tok = noun
    while tok.ent_type_ in NON_PERSON_ENTS and tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        tok = tok.head.head
    if tok.ent_type_ in NON_PERSON_ENTS:
        return noun
    return _people_before(tok)


def _people_before(noun: Token) -> Token:
    """Seventh pass, class "who after a place in a group's phrase": "political opponents on the left, who accused
    the candidate", "protesters at the rally who shouted": a singular common noun after a preposition on a plural
    noun of people is where they are; "who" names the people. Only after a preposition of place, on a noun owned by
    no one ("allegations against Trump's campaign manager, who": the manager)."""
    if noun.dep_ != "pobj" or noun.tag_ != "NN" or noun.ent_type_ == "PERSON" or noun.head.dep_ != "prep" \
            or noun.head.lower_ not in WHERE_PREPS or any(c.dep_ == "poss" for c in noun.children):
        return noun
    owner = noun.head.head
    if owner.tag_ in {"NNS", "NNPS"}:
        return owner
    # eighth pass: "derision from political opponents on the left, who accused": the parser hangs "on the left" on
    # "derision"; the plural noun right before the preposition is whom it places
    before = noun.doc[noun.head.i - 1]
    return before if before.tag_ in {"NNS", "NNPS"} else noun


def body_of_place(noun: Token) -> Token:
    """Fifth pass, class "a body named by its place": what "which" or "that" refers to when the parser hung it on the
    place ending an organisation's name: "the ACLU of Oregon, which released a statement" (the ACLU, not Oregon).
    Only a place after "of" on an organisation or role noun."""
    if noun.ent_type_ not in {"GPE", "LOC"} or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return noun
    owner = noun.head.head
    return owner if owner.pos_ in {"NOUN", "PROPN"} and owner.ent_type_ not in {"GPE", "LOC"} else noun


def _other_subject(verb: Token, pronoun: Token) -> Token | None:
    """The subject of a relative clause other than its relative pronoun (which the parser also called nsubj)."""
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i != pronoun.i), None)


def relative_object(verb: Token) -> Token | None:
    """The noun an object relative clause is about: "Bush, who many had backed" (the parser makes both "who"
    and "many" subjects), "the candidate whom Trump attacked", "the senator Trump mocked" (no pronoun: the
    clause has its own subject and no object). The noun is the target of the clause's act, not its actor."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    relative = [c for c in verb.children if c.lower_ in RELATIVE_PRONOUNS]
    if any(c.dep_ in {"dobj", "dative"} for c in relative) and subjects:
        return person_antecedent(verb.head)  # "whom Trump attacked"
    if len(subjects) >= 2 and subjects[0].lower_ in {"who", "whom", "that"} and subjects[0].i < subjects[1].i:
        return person_antecedent(verb.head)  # "who many had backed"
    own_object = any(c.dep_ in {"dobj", "dative", "ccomp", "xcomp", "nsubjpass", "auxpass"} for c in verb.children)
    if not relative and len(subjects) == 1 and subjects[0].pos_ in {"PROPN", "PRON"} and not own_object:
        has_prep_gap = any(c.dep_ == "prep" and _pobj(c) is None for c in verb.children)
        return None if has_prep_gap else verb.head  # "the senator Trump mocked" (not "the man he spoke to")
    return None


def passive_relative(verb: Token, subject: Token) -> Token:
    """Fourth pass, class "passive relative clauses": the relative pronoun subject of a passive stands for the noun
    the clause modifies, the target of the act: "Michael Brown, who was fatally shot by a police officer" (Brown),
    "the reporter who was arrested"."""
    if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return person_antecedent(verb.head) if subject.lower_ in {"who", "whom"} else verb.head
    return subject


DONE_TO_PEOPLE_TYPES = {"COERCE", "ASSAULT", "ACCUSE"}  # arrested, killed, accused: a participle right after its noun


def modified_by_participle(verb: Token, plover: str = "") -> Token | None:
    """The noun a passive participle modifies is the target of its act: "Kasich, endorsed by the Boston
    Globe" (the Globe endorsed Kasich), "protesters arrested by police"."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    set_off = verb.i > 0 and verb.doc[verb.i - 1].text == ","
    # ninth pass: right after a common noun ("an Iranian-American businessman arrested in Tehran"); a name before the
    # participle may be its subject instead ("the senator Trump mocked")
    next_to_noun = verb.head.i == verb.i - 1 and verb.head.pos_ == "NOUN" and plover in DONE_TO_PEOPLE_TYPES
    if set_off or next_to_noun or any(c.dep_ == "agent" for c in verb.children):
        noun = verb.head
        # "Colleen Deacon, a staffer for Sen. Gillibrand, backed by both the senator and the DCCC": Deacon
        return noun.head if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" else noun
    return None


def passive_source(verb: Token) -> Token | None:
    """The giver of an agentless passive of giving, named by "from" on the verb or on what is given:
    "was promised $90 million in incentives from Chicago", "was awarded a grant from the EU"."""
    if verb.lemma_.lower() not in words("PASSIVE_SOURCE") or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    holders += [g for h in holders[1:] for c in h.children if c.dep_ == "prep" and c.lower_ == "in"
                for g in c.children if g.dep_ == "pobj"]  # "$90 million in incentives from Chicago"
    for holder in holders:
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ == "from" and _pobj(c) is not None:
                return _pobj(c)
    return None


def passive_instrument(verb: Token) -> Token | None:
    """Fourth pass, class "killed in a U.S. drone strike": an agentless passive done in an attack names the
    attacker in the attack's phrase ("was killed in a 2011 U.S. drone strike": the US; "died"-like verbs have no
    passive). The attack nouns are ``actors.common.ATTACK_NOUNS``."""
    if _child(verb, {"agent"}) is not None or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    for prep in verb.children:
        noun = _pobj(prep) if prep.dep_ == "prep" and prep.lower_ in {"in", "by"} else None
        if noun is not None and noun.lemma_.lower() in ATTACK_NOUNS:
            who = noun_actor_token(noun)
            # a country modifying the attack is found through the attack's phrase ("a 2011 U.S. drone strike",
            # "an Israeli airstrike"); a named group by itself ("a Taliban attack")
            country = who is not None and who.ent_type_ in {"GPE", "NORP"} and who.head.i == noun.i
            return noun if country else who
    return None


def raised_subject(verb: Token) -> Token | None:
    """The subject a passive raising verb lends its infinitive: "Sanders is said to have pressed for"
    (Sanders pressed), "the group, which is believed to have funded" (the group funded)."""
    if verb.lemma_.lower() not in words("RAISING") or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    subj = _child(verb, {"nsubjpass"})
    if subj is not None and subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return subj


def false_passive(verb: Token) -> bool:
    """A contracted "passive" with a direct object is the parser reading "He's denied it" as "He is
    denied": the 's is "has" and the passive subject is the doer ("Iran was given a deadline" stays passive)."""
    contracted = any(c.dep_ == "auxpass" and c.lower_ in {"'s", "’s"} for c in verb.children)
    return contracted and _child(verb, {"nsubjpass"}) is not None and _child(verb, {"dobj"}) is not None


def stranded_subject(verb: Token) -> Token | None:
    """A subject the parser hung on an earlier phrase: in "With the signing of a memorandum, the
    government and the rebels have agreed", "government" became a conjunct of "memorandum". Only
    for a main verb with no subject at all: the noun phrase that starts after a comma and ends right
    before the verb (or its auxiliaries) is taken as the subject."""
    if verb.dep_ != "ROOT" or _child(verb, SUBJECT_DEPS | {"nsubjpass"}) is not None:
        return None
    dated = _dated_subject(verb) or misparse.apposed_to_adjunct(verb) or misparse.listed_predicate(verb)
    if dated is not None:
        return dated
    first = min([verb, *(c for c in verb.lefts if c.dep_ in {"aux", "auxpass", "neg", "advmod"})], key=lambda t: t.i)
    if first.i == 0 or first.i - 1 < verb.sent.start:
        return None
    tok = verb.doc[first.i - 1]
    if tok.pos_ not in {"NOUN", "PROPN"} or tok.head.i > tok.i:
        return None
    comma = next((t.i for t in reversed(verb.doc[verb.sent.start: tok.i]) if t.text == ","), -1)
    while tok.dep_ == "conj" and comma < tok.head.i < tok.i:
        tok = tok.head
    if comma < 0 or tok.left_edge.i != comma + 1:
        return None
    return tok


def _dated_subject(verb: Token) -> Token | None:
    """Fourth pass, class "a name swallowed by an opening date": "In July 2015 President Obama, on an African tour,
    paid the first visit" (the parser made Obama a second object of "In"). A name after the date, as the last object
    of the sentence's opening preposition, is the subject of a main verb that has none."""
    for prep in verb.lefts:
        if prep.dep_ != "prep" or prep.i != verb.sent.start:
            continue
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        if len(objs) >= 2 and objs[0].ent_type_ == "DATE" and objs[-1].pos_ == "PROPN" \
                and objs[-1].ent_type_ in NAME_ENTS:
            return objs[-1]
    return None


def _finite_with_object(verb: Token) -> bool:
    """A past-tense verb with an object (itself or a conjunct): a clause's main verb, not a modifier."""
    verbs = [verb, *verb.conjuncts]
    return any(v.tag_ == "VBD" for v in verbs) and any(_child(v, {"dobj"}) is not None for v in verbs)


def _root_noun(noun: Token) -> bool:
    """The noun the parser made the sentence root (directly or as the object of its preposition)."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        noun = noun.head.head
    return noun.dep_ == "ROOT" and noun.pos_ in {"NOUN", "PROPN"}


def _same_tok(a: Token | None, b: Token | None) -> bool:
    return a is not None and b is not None and a.i == b.i


def inner_tokens(tok: Token) -> list[Token]:
    """Where an unresolved phrase may still name its participant: "China's role", "Russian invasion",
    "accommodation between China and Russia"."""
    out = [c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON"]  # not "his rivals": usually the actor
    out += [c for c in tok.children if c.dep_ in {"amod", "compound", "nmod"} and c.ent_type_ in {"GPE", "NORP", "ORG"}]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in {"of", "between", "with", "from", "by", "to"}:
            pobjs = [g for g in c.children if g.dep_ == "pobj"]
            out += pobjs + [g for p in pobjs for g in p.children if g.dep_ == "poss" and g.pos_ != "PRON"]
    # last: whom the thing is for ("a camp for Congolese refugees", "an aid program for Bosnia")
    out += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
    return out


def _has_to(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


# Event nouns whose "from" names where something goes, not who acts: "withdrawal from Iraq".
MOVEMENT_TYPES = {"RETREAT", "MOBILIZE"}


def noun_actor_token(noun: Token, plover: str = "") -> Token | None:
    """Actor of an event noun: "Xi's visit", "the Russian invasion", "an attack by rebels", "criticism
    from Trump" (also when the parser hung the "from" on a reason: "criticism for the move from Trump")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by" and _pobj(child) is not None:
            return _pobj(child)
    if plover not in MOVEMENT_TYPES:
        source = _source_of(noun)
        if source is not None:
            return source
    for child in noun.children:
        if child.dep_ in {"compound", "amod"} and child.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"}:
            return child
    return next((c for c in noun.children if maker_adjective(c)), None)


def maker_adjective(child: Token) -> bool:
    """Sixth pass, class "an event noun's maker given as a party or nationality adjective the tagger left
    untagged": "Labour criticism of Theresa May", "Tory attacks on Corbyn". A capitalised adjective or name before
    the noun (the resolver then says whether it names a party or a people; "Harsh criticism" opening a sentence
    names no one, and lower-case "personal attacks" or "harsh criticism" is never tried)."""
    return (child.dep_ in {"compound", "amod"} and child.i < child.head.i and child.pos_ in {"ADJ", "PROPN", "NOUN"}
            and child.text[:1].isupper() and child.text[1:2].islower() and not child.ent_type_)


def _source_of(noun: Token) -> Token | None:
    """The object of "from" on an event noun, or on the noun of its "for" reason."""
    holders = [noun] + [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "for" for p in [_pobj(c)] if p]
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ == "from" and _pobj(child) is not None:
                return _pobj(child)
    return None


def receiver_token(noun: Token) -> Token | None:
    """Target of an event noun that its governing verb's subject receives: "Nabisco faced criticism
    from Trump" (Nabisco), "the plan won the backing of Congress", "came under attack from rebels"."""
    verb = receiving_verb(noun)
    return subject_token(verb) if verb is not None else None


def receiving_verb(noun: Token) -> Token | None:
    """The RECEIVING verb an event noun is the object of ("faced criticism", "came under fire"), or None."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "under":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return None
    return verb if verb.lemma_.lower() in words("RECEIVING") else None


def reciprocal(match: TriggerMatch) -> bool:
    """An act both sides do to each other when its subject is coordinated: "X and Y held talks",
    "X and Y traded accusations", "X and Y attacked each other"."""
    if match.rule.plover in words("MUTUAL_TYPES"):
        return True
    lemmas = {t.lemma_.lower() for t in match.tokens}
    if lemmas & words("MUTUAL_ACTS"):
        return True
    doc = match.head.doc
    return any(f"{doc[t.i - 1].lower_}_{t.lower_}" in words("MUTUAL_PHRASES") for t in match.head.subtree
               if t.i > match.head.i)


NOMINAL_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "attr", "appos", "dative"})


def apposed_names(tok: Token) -> list[Token]:
    """Names given in apposition to a descriptive phrase: "White House hopefuls Donald Trump and
    Hillary Clinton", "his rival, Ted Cruz" (the first name of each apposition; its conjuncts follow
    it). A name apposed to a name ('"I support Cruz," Bozell said') is the parser's mistake. The tagger may call
    the description an adjective where the parser made it a noun phrase's head ("attacked his rival Donald Trump")."""
    nominal = tok.pos_ == "ADJ" and tok.dep_ in NOMINAL_DEPS
    if tok.pos_ != "NOUN" and not nominal:
        return []
    return [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"]


def identified_with(tok: Token) -> list[Token]:
    """Phrases the sentence says are the same participant as ``tok`` (or own it, for words naming
    someone's own staff): the name an apposition describes ("Matt Duss, the president of X"), the
    subject of "is" ("Corey is the attorney who"), the owner of "Clinton's campaign"."""
    out = []
    if tok.dep_ == "appos":
        out.append(tok.head)
    out += [c for c in tok.children if c.dep_ == "appos" and c.i > tok.i]  # "New York (AFP) – Vice President Joe Biden"
    if tok.dep_ == "attr" and tok.head.lemma_ == "be":
        out += [c for c in tok.head.children if c.dep_ == "nsubj"]
    if tok.lemma_.lower() in words("AGENT_OF"):
        out += [c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    return out


def _clause_targets(verb: Token) -> list[Token]:
    """Datives, objects and with/to/against... objects of one verb and of its object."""
    out = [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]
    out += [p for c in verb.children if c.dep_ == "dative" and c.pos_ == "ADP" for p in [_pobj(c)] if p]
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    for holder in [verb, *objs]:
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ in VERB_RECIPIENT_PREPS | {"between"}:
                pobj = _pobj(c)
                if pobj is not None:
                    out.append(pobj)
    return out + objs


def complement_recipients(head: Token) -> list[Token]:
    """Targets named inside the complement: "offered to negotiate with Armenia", "promised to continue
    military aid to Mozambique" (two levels of to-infinitives at most)."""
    out: list[Token] = []
    level = [c for c in head.children if c.dep_ in {"xcomp", "ccomp"} and c.pos_ in {"VERB", "AUX"} and c.i > head.i]
    # (a complement before the verb is a quotation: '"Compare him to Hillary," Gorka urged')
    for _ in range(2):
        nxt = []
        for verb in level:
            out += _clause_targets(verb)
            nxt += [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        level = nxt
    return out


def condition_subjects(head: Token) -> list[Token]:
    """Subjects of if/unless clauses under the verb or its complement: the party the threat is aimed at."""
    verbs = [head] + [c for c in head.children if c.dep_ in {"xcomp", "ccomp"}]
    out = []
    for verb in verbs:
        for c in verb.children:
            if c.dep_ == "advcl" and any(m.lower_ in {"if", "unless"} for m in c.children if m.dep_ == "mark"):
                out += [g for g in c.children if g.dep_ in {"nsubj", "nsubjpass"} and g.lower_ not in SELF_PRONOUNS]
    return out


def place_tokens(head: Token, obj: Token | None, subject: bool = False) -> list[Token]:
    """Objects of in/from/across... on the verb (or its object): where a material act was done;
    with ``subject`` also the subject's own ("opposition parties in Nepal organized a strike")."""
    holders = [head] + ([obj] if obj is not None else []) + [c for c in head.children if c.dep_ == "dobj"]
    # what the act is of: "the withdrawal of forces from Panama", "deployment of troops in Mali"
    holders += [g for h in holders[1:] for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj"]
    if subject:
        holders += [c for c in head.children if c.dep_ == "nsubj"]
    if any(done_to_person(h) for h in holders[1:]) or (head.pos_ == "NOUN" and any(done_to_person(p) for p in (
            _pobj(c) for c in head.children if c.dep_ == "prep" and c.lower_ == "of") if p is not None)):
        return []  # eighth pass: "shot a man in Baton Rouge", "the shooting of Trayvon Martin in Florida"
    out = []
    for holder in holders:
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
                pobj = _pobj(c)
                if pobj is not None:
                    out.append(pobj)
    # the place named inside the phrase: "the capital city of Algiers", "Montenegro province"
    out += [g for p in out for g in p.children if g.dep_ == "compound" and g.ent_type_ in {"GPE", "LOC"}]
    out += [g for p in out for c in p.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
            if g.dep_ == "pobj" and g.ent_type_ in {"GPE", "LOC"}]
    return out


def done_to_person(tok: Token) -> bool:
    """Eighth pass, class "a place taken as the victim": is the object of a material act a person, named ("the
    shooting of Trayvon Martin in Florida") or a pronoun ("shot him in Baton Rouge")? The place is then where it was
    done, never the one it was done to."""
    return tok.ent_type_ == "PERSON" or tok.lower_ in {"him", "her", "them", "me", "us"}


PROTEST_NOUNS = {"protest", "defiance", "opposition", "retaliation", "solidarity"}


def protest_targets(head: Token) -> list[Token]:
    """Whom a protest is aimed at: "in defiance of Chinese authorities", "in protest against Sweden's decision",
    or a purpose clause: "began a hunger strike to protest against Sweden's decision", "blocked a road to show
    their disapproval of US policies"."""
    out = _purpose_targets(head)
    for c in head.children:
        if c.dep_ != "prep" or c.lower_ not in {"in", "to"}:
            continue
        noun = _pobj(c)
        if noun is None or noun.lemma_.lower() not in PROTEST_NOUNS:
            continue
        out += _prep_targets(noun, {"of", "against", "at", "over", "with"})
    return out


def _prep_targets(holder: Token, preps: set[str]) -> list[Token]:
    """Objects of the given prepositions under ``holder``, each followed by the participants inside it."""
    out: list[Token] = []
    for c in holder.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            pobj = _pobj(c)
            if pobj is not None:
                out += [pobj, *inner_tokens(pobj)]
    return out


def _purpose_targets(head: Token) -> list[Token]:
    """Objects (and against/at/over/of/for objects) of a to-clause of purpose under the verb."""
    out: list[Token] = []
    for clause in head.children:
        if clause.dep_ not in {"advcl", "xcomp"} or not _has_to(clause):
            continue
        holders = [clause] + [c for c in clause.children if c.dep_ == "dobj"]
        for holder in holders:
            if holder.i != clause.i and holder.pos_ in {"NOUN", "PROPN"}:
                out += [holder, *inner_tokens(holder)]
            out += _prep_targets(holder, {"against", "at", "over", "of", "for"})
    return out


def recipient_tokens(match: TriggerMatch) -> list[Token]:
    """Candidate recipient tokens, best first."""
    out: list[Token] = []
    reason = for_reason(match)
    if match.prep is not None and match.prep.dep_ != "prt" and not reason:
        pobj = _pobj(match.prep)
        if pobj is not None and not _same_tok(pobj, match.obj):
            out.append(pobj)
    if match.rule.pos == "V":
        out += _verb_targets(match)
    elif match.rule.pos == "N":
        out += _noun_targets(match)
    seen: set[int] = set()
    unique = []
    for tok in (name_before_time(t) for t in out):
        if tok.i not in seen and not common_foe(match, tok):
            seen.add(tok.i)
            unique.append(tok)
    return unique


def name_before_time(tok: Token) -> Token:
    """The name a time noun swallowed ("went after Walker hours after ...": Walker), else the token
    (``actors.common.swallowed_by_time``)."""
    name = tok.doc[tok.i - 1] if tok.i > 0 else tok
    return name if swallowed_by_time(name) else tok


def for_reason(match: TriggerMatch) -> bool:
    """Fourth pass, class "the reason is no target": the "for" of a criticism row ("hit", "attack", "fault" ... for)
    gives the reason, and the verb's object is the target: "an ad hitting him for skipping the GOP debate" (him, not
    the debate). Only when the verb has an object; "attacked for his remarks" keeps its passive subject anyway."""
    return (match.prep is not None and match.prep.lower_ == "for" and match.rule.plover == "ACCUSE"
            and _child(match.head, {"dobj"}) is not None)


def common_foe(match: TriggerMatch, tok: Token) -> bool:
    """Fourth pass, class "cooperation against a third side": the object of "against" under an act done with or
    for someone (AGREE, AID, CONSULT, COOPERATE, SUPPORT: word set ``COMMON_FOE_TYPES``) is the side both
    oppose, not the target: "Rubio and Kasich formed an alliance against Trump" (each other, or no one),
    "backed Clinton against Sanders" (Clinton). Conjuncts count: "against Trump and Cruz"."""
    if match.rule.plover not in words("COMMON_FOE_TYPES"):
        return False
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "against"


def _verb_targets(match: TriggerMatch) -> list[Token]:
    """A verb trigger's datives, passive subject, other objects, the possessor of its light-verb noun,
    prepositional objects, then what its complement or condition names."""
    head = match.head
    out = [t for t in [misparse.headline_passive(head), misparse.compound_target(head)] if t is not None]
    out += [c for c in head.children if c.dep_ == "dative" and c.pos_ != "ADP"]
    out += [p for c in head.children if c.dep_ == "dative" and c.pos_ == "ADP" for p in [_pobj(c)] if p]
    if head.lemma_.lower() not in STATIVE_PASSIVES and not false_passive(head):
        out += [passive_relative(head, c) for c in head.children if c.dep_ == "nsubjpass"]
    out += [t for t in (modified_by_participle(head, match.rule.plover), relative_object(head)) if t is not None]
    out += late_subjects(head)  # "called on Michigan Gov. Rick Snyder (R) to resign": Snyder parsed as a subject
    out += passive_conjunct_subject(head)  # "she invoked the attacks - and was roundly criticized"
    out += participle_clause_target(head)  # "when asked to leave, he refused"
    if match.rule.plover in {"ACCUSE", "REJECT", "SUPPORT"}:
        out += said_by(head)  # "slammed his remarks to the Daily News": whose remarks, before where they went
    if match.rule.plover in OWNED_TARGET_TYPES:
        out += owned_targets(match)  # "rails against its policies", "mocked his hand size"
    out += [c for c in head.children if c.dep_ == "dobj" and not _same_tok(c, match.obj)]
    out += stray_object(head)
    out += [o for o in shared_object_verbs(head) if o.dep_ == "dobj"]  # "killed and injured dozens of people"
    if match.obj is not None:
        out += [c for c in match.obj.children if c.dep_ == "poss"]  # "welcomed China's role"
    out += _verb_prep_targets(match)
    if match.rule.plover in {"REQUEST", "ACCUSE", "THREATEN"}:  # "demanded that Mugabe abandon ..."
        out += _demanded_of(match)
    if match.rule.plover in COMPLEMENT_TYPES and not any(c.dep_ in {"dobj", "dative", "agent"} for c in head.children):
        out += complement_recipients(head)  # not past an object: "asked the congregation to stand"
    if match.rule.plover == "THREATEN":  # "threatened to launch an offensive unless Baghdad accepted"
        out += condition_subjects(head)
    if match.rule.plover in {"SUPPORT", "AGREE"}:
        out += supporter_of(head)  # "has been a longtime Clinton supporter and has pledged his support"
    if match.rule.plover == "REJECT":
        out += refused_proposer(head)  # "Mr. Obama had proposed ..., but the Republicans refused"
    if match.rule.plover == "AID":
        out += aided_by_purpose(head)  # "donated large amounts of money to support the Jewish state"
    return out


PROPOSING_VERBS = set("propose offer ask request suggest urge seek invite push demand".split())
PROPOSAL_OBJECTS = {"it", "this", "that", "offer", "proposal", "request", "invitation", "idea", "plan", "demand"}


def refused_proposer(verb: Token) -> list[Token]:
    """Fifth pass, class "whose proposal was refused": a refusal conjoined to a clause in which someone else
    proposes, offers or asks ("Mr. Obama had proposed paying for the tax cuts ..., but the Republicans who control
    Congress refused", "Trump proposed a debate, but Clinton rejected it") is aimed at the proposer. Only when the
    refusal has no object or one standing for the proposal ("it", "the offer")."""
    head = verb.head
    if verb.dep_ != "conj" or head.lemma_.lower() not in PROPOSING_VERBS or head.pos_ != "VERB":
        return []
    obj = _child(verb, {"dobj"})
    if obj is not None and obj.lower_ not in PROPOSAL_OBJECTS and obj.lemma_.lower() not in PROPOSAL_OBJECTS:
        return []
    proposer, refuser = subject_token(head), subject_token(verb)
    if proposer is None or refuser is None or _same_tok(proposer, refuser):
        return []
    return [proposer]


def aided_by_purpose(verb: Token) -> list[Token]:
    """Fourth pass, class "gave money to support X": whom a gift is for, named by a to-clause of help after it
    ("donated large amounts of money to support the Jewish state", "gave $1 million to help Clinton"; the verbs
    of the word set ``HELP_VERBS``)."""
    return [o for c in verb.children if c.dep_ in {"advcl", "xcomp"} and c.i > verb.i and _has_to(c)
            and c.lemma_.lower() in words("HELP_VERBS") for o in c.children if o.dep_ in {"dobj", "dative"}]


def supporter_of(verb: Token) -> list[Token]:
    """Whom a pledge of support goes to when the clause before says whose supporter the actor is: "Dayton has
    been a longtime Clinton supporter and has pledged his support as a superdelegate" (to Clinton). Only a
    verb conjoined to "be" + a supporter noun with its owner ("Clinton supporter", "Cruz's ally")."""
    if verb.dep_ != "conj" or verb.head.lemma_ != "be":
        return []
    nouns = [c for c in verb.head.children if c.dep_ == "attr" and c.lemma_.lower() in words("SUPPORTER_NOUNS")]
    return [m for n in nouns for m in n.children if m.dep_ in {"compound", "poss"} and m.pos_ == "PROPN"]


STRAY_DEPS = {"npadvmod", "dep", "attr", "oprd"}


def stray_object(verb: Token) -> list[Token]:
    """A name right after a verb that has no object, which the parser hung elsewhere: "willing to back
    Trump" parsed with Trump as an adverbial of "willing". The name is the verb's object."""
    if verb.pos_ != "VERB" or any(c.dep_ in {"dobj", "dative", "ccomp", "xcomp"} for c in verb.children):
        return []
    nxt = verb.i + 1
    if nxt >= len(verb.doc):
        return []
    tok = verb.doc[nxt]
    while tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.pos_ == "PROPN":
        tok = tok.head
    if tok.pos_ != "PROPN" or tok.ent_type_ not in {"PERSON", "ORG", "GPE", "NORP"} or tok.dep_ not in STRAY_DEPS:
        return []
    return [] if tok.head.i == verb.i else [tok]


def late_subjects(verb: Token) -> list[Token]:
    """A second "subject" after the verb, when a real one stands before it, is the parser's object:
    "Sen. Bernie Sanders (I-Vt.) called on Michigan Gov. Rick Snyder (R) to resign"."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not any(c.i < verb.i for c in subjects):
        return []
    return [c for c in subjects if c.i > verb.i and c.pos_ in {"PROPN", "NOUN"}]


def passive_conjunct_subject(verb: Token) -> list[Token]:
    """The subject a passive conjunct shares with the clause before is its target, not its actor:
    "she invoked the attacks to defend herself - and was roundly criticized on Twitter" (she was criticized)."""
    if not _passive_conjunct(verb):
        return []
    # a passive before it shares its passive subject ("was criticized and mocked by Democrats": the senator)
    shared = _child(verb.head, {"nsubjpass"}) or subject_token(verb.head)
    return [shared] if shared is not None else []


def _passive_conjunct(verb: Token) -> bool:
    """A passive verb conjoined to an earlier clause, with no subject of its own ("... and was criticized"), or (sixth
    pass, class "one by-phrase for two passives") a participle with a by-phrase sharing the auxiliary of a passive
    before it ("was criticized and mocked by Democrats": the senator was mocked)."""
    if verb.dep_ != "conj" or _child(verb, SUBJECT_DEPS | {"nsubjpass"}) is not None:
        return False
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    head = verb.head
    return (verb.tag_ == "VBN" and _child(verb, {"agent"}) is not None and _child(verb, {"aux"}) is None
            and any(c.dep_ == "auxpass" for c in head.children) and _child(head, {"nsubjpass"}) is not None)


def said_by(verb: Token) -> list[Token]:
    """Whose words or plans a criticism or rejection is aimed at: the possessive pronoun of an object that
    is something said or proposed ("Clinton has slammed his proposal", "rejected their plan"). The
    resolver's coreference never binds such a pronoun to the verb's own subject; "attacked his rivals"
    (people, not words) is left out."""
    # fourth pass: also the passive subject, "His comments were quickly derided by Armin Laschet" (his)
    said = words("SAID_OR_PROPOSED")
    return [c for o in verb.children if o.dep_ in {"dobj", "nsubjpass"} and o.lemma_.lower() in said
            for c in o.children if c.dep_ == "poss" and c.pos_ == "PRON"]


OWNED_TARGET_TYPES = {"ACCUSE", "REJECT"}
OWNER_PRONOUNS = {"its", "their"}  # never the subject's own (the coreference skips it); his/her may be


def owned_targets(match: TriggerMatch) -> list[Token]:
    """Fifth pass, class "a possessive recipient": the owner of what a criticism or rejection is aimed at. "He
    rails against its Great Wall of Protectionism" (its: China), "took aim at their policies", and for his/her
    only what is said or proposed or a trait ("lashed out at her record", "mocked his hand size": the
    coreference does not bind a mocked trait's owner to the mocker, ``actors.traits``).
    Eighth pass, class "the reason's owner is the object": in "attacked Trump for his remarks" the "for" phrase is
    the reason (``for_reason``) and its owner is the object already; "his" is never the recipient's text."""
    head = match.head
    nouns = [c for c in head.children if c.dep_ == "dobj" and is_trait(c)]
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in HOSTILE_PREPS]
    if match.prep is not None and match.prep.dep_ == "prep" and not for_reason(match):
        preps.append(match.prep)
    nouns += [p for c in preps for p in [_pobj(c)] if p is not None]
    said = words("SAID_OR_PROPOSED")
    return [c for n in nouns for c in n.children if c.dep_ == "poss" and c.pos_ == "PRON"
            and (c.lower_ in OWNER_PRONOUNS or n.lemma_.lower() in said or is_trait(n))]


HOSTILE_PREPS = {"against", "at"}  # "railed against", "took aim at", "lashed out at"


def _verb_prep_targets(match: TriggerMatch) -> list[Token]:
    """Objects of with/to/against... on the verb, and of any preposition on its objects ("launched
    artillery and rocket fire against")."""
    head = match.head
    holders = [head] + ([match.obj] if match.obj is not None else [])
    holders += [c for c in head.children if c.dep_ == "dobj" and not _same_tok(c, match.obj)]
    holders += [j for h in holders[1:] for j in h.conjuncts]
    holders += shared_object_verbs(head)
    out = []
    for holder in holders:
        preps = VERB_RECIPIENT_PREPS if holder.i == head.i else RECIPIENT_PREPS
        for c in holder.children:
            if c.lower_ == "at" and match.rule.plover in MEETING_TYPES:
                continue  # fifth pass: "met at the Sharon, Connecticut, home of ...": where, not whom
            if c.dep_ == "prep" and c.lower_ in preps and not _same_tok(c, match.prep):
                pobj = _pobj(c)
                if pobj is not None and not aside(pobj) and not a_setting(c, pobj):
                    out.append(pobj)
    return out


MEETING_TYPES = {"CONSULT"}  # "met at", "was held at": the object of "at" is where people met


def a_setting(prep: Token, pobj: Token) -> bool:
    """Where something was said or done, not at whom: "was roundly criticized on Twitter" (VENUES), "clashed on the
    Miami debate stage", "called out Trump at the coalition's conference" (SETTING_NOUNS after at/on/in)."""
    if prep.lower_ == "on" and pobj.lower_ in words("VENUES"):
        return True
    if prep.lower_ in {"at", "on", "in"} and _fronted(prep):
        return True  # ninth pass: "On CNN Tuesday, his wife called for", "on the steps of the statehouse, Obama said"
    return prep.lower_ in {"at", "on", "in"} and pobj.lemma_.lower() in words("SETTING_NOUNS")


def _fronted(prep: Token) -> bool:
    """A phrase that opens the clause before its subject, set off by a comma, says where or when, not to whom."""
    verb = prep.head
    subj = _child(verb, {"nsubj", "nsubjpass"})
    if subj is None or prep.i > subj.i:
        return False
    end = prep.right_edge.i + 1
    return end < len(prep.doc) and prep.doc[end].text == ","


def aside(pobj: Token) -> bool:
    """A prepositional object naming a side the act is done for or with, not aimed at: "rally on behalf of
    the Equality Coalition", "negotiated with help from Labor Secretary Thomas Perez"."""
    return pobj.lemma_.lower() in words("ASIDE_NOUNS") and any(c.dep_ == "prep" for c in pobj.children)


def shared_object_verbs(head: Token) -> list[Token]:
    """Conjoined verbs after an object-less verb share their object and its prepositions: "donated and
    personally delivered $50,000 worth of goods to Baghdad University" (the gift went to the university),
    "condemned and denounced the attack on X". The later verb's object stands for both."""
    if any(c.dep_ in {"dobj", "dative", "prep", "xcomp", "ccomp"} for c in head.children):
        return []
    # only a verb joined right after ("donated and personally delivered"), not a later clause
    later = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB" and 0 < c.i - head.i <= 3]
    later = [v for v in later if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in v.children)]
    return later + [o for v in later for o in v.children if o.dep_ == "dobj"]


def _demanded_of(match: TriggerMatch) -> list[Token]:
    """Whom a demand, accusation or threat is about: the subject of its that-clause after the verb
    ("demanded that Mugabe abandon"; not a passive one: "requested that Lazar be released" asks someone
    else; not an earlier clause: "He calls ...; she calls") or of its noun's ("its demand that Britain close")."""
    head = match.head
    out = [g for c in head.children if c.dep_ in {"ccomp", "xcomp"} and c.i > head.i
           for g in c.children if g.dep_ == "nsubj"]
    if match.obj is not None:
        for c in match.obj.children:
            if c.dep_ in {"acl", "ccomp"} and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                out += [g for g in c.children if g.dep_ == "nsubj"]
    return out


def _noun_targets(match: TriggerMatch) -> list[Token]:
    """An event noun's to/with/of/on/against/into objects; for a demand also its clause's subject
    ("its demand that Israel ease restrictions")."""
    head = match.head
    out = [p for c in head.children if c.dep_ == "prep" and c.lower_ in {"to", "with", "of", "on", "against", "into"}
           for p in [_pobj(c)] if p is not None]
    if match.rule.plover == "REQUEST":
        out += [g for c in head.children if c.dep_ in {"acl", "ccomp", "relcl"}
                for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}]
    return out


# What a participant's phrase leaves out: clauses, appositions, other conjuncts and separating punctuation.
PHRASE_CUT_DEPS = {"relcl", "advcl", "ccomp", "xcomp", "parataxis", "conj", "cc", "appos", "csubj", "mark"}
PHRASE_JOINERS = {"-", "–", "/", "’", "'", "’s", "'s"}
MAX_ROLE_PHRASE = 16


def role_phrase(tok: Token) -> tuple[int, int] | None:
    """Token bounds [start, end) of the noun phrase naming a participant as a reader would mark it:
    "dozens of demonstrators in Yerevan", "British forces based in Vitez", "Japan's right" — with its
    prepositional and participle modifiers, without relative or to-clauses, appositions and other
    conjuncts. None when the phrase would be longer than a reader would quote."""
    keep = {tok.i}
    stack = [tok]
    while stack:
        cur = stack.pop()
        for child in cur.children:
            if child.dep_ in PHRASE_CUT_DEPS or (child.dep_ == "punct" and child.text not in PHRASE_JOINERS):
                if cur.i != tok.i and child.dep_ in {"conj", "cc"}:
                    pass  # "accommodation between China and Russia": only the phrase's own conjuncts go
                else:
                    continue
            if child.dep_ == "acl" and child.tag_ not in {"VBN", "VBG"}:
                continue  # "a call to release three activists": the call, not what it asks
            keep.add(child.i)
            stack.append(child)
    start = end = tok.i
    while start - 1 in keep:
        start -= 1
    while end + 1 in keep:
        end += 1
    doc = tok.doc
    while end > tok.i and (doc[end].dep_ == "case" or doc[end].is_punct):
        end -= 1  # "Wang's visit" names Wang
    while start < tok.i and doc[start].is_punct:
        start += 1
    if end - start + 1 > MAX_ROLE_PHRASE:
        return None
    return start, end + 1


# -- participants the resolver leaves out or joins ------------------------------------------------
FIRST_PERSON = {"i", "we", "me", "us"}
# Entity labels of a participant no list knows, with the actor kind it gets.
UNLISTED_KINDS = {"PERSON": "person", "ORG": "org"}
# Labels kept: people always; an organisation only as the target of a placed actor ("Trump criticized
# Nabisco"), since two unplaced organisations are mostly business news ("the resort hosted a PGA Tour event").
UNLISTED_PEOPLE = frozenset({"PERSON"})
UNLISTED_TARGETS = frozenset({"PERSON", "ORG"})


def covered(tok: Token, found: list[Actor]) -> bool:
    """Is the token inside the text of one of the actors found?"""
    return any(a.start <= tok.idx < a.end for a in found)


def _entity_bounds(tok: Token) -> tuple[int, int]:
    """Token bounds [start, end) of the named entity holding ``tok``."""
    start, end = tok.i, tok.i + 1
    doc = tok.doc
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def unlisted_name(tok: Token, labels: frozenset[str] = frozenset(UNLISTED_KINDS)) -> Actor | None:
    """A person or organisation named in the text that the resolver could not place ("Nabisco",
    "Priorities USA"): kept as a participant with an empty country rather than losing the event.
    ``labels``: the entity labels accepted."""
    kind = UNLISTED_KINDS.get(tok.ent_type_) if tok.ent_type_ in labels else None
    if kind is None or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
        return None
    if tok.dep_ in {"compound", "amod", "nmod"} and tok.head.ent_type_ != tok.ent_type_:
        return None  # "16 GOP candidates": the name only qualifies what the phrase is about
    start, end = _entity_bounds(tok)
    span = tok.doc[start:end]
    if span[0].lower_ == "the":
        span = span[1:]
    if sum(ch.isalpha() for ch in span.text) < 2 or any(t.tag_.startswith("VB") for t in span):
        return None  # "U" of a split "U . S"; a headline fragment the tagger called an organisation: "Rand Paul Scores"
    return Actor(text=span.text, name=span.text, kind=kind, start=span.start_char, end=span.end_char)


def split_coordinated(actor: Actor, doc: Doc, actors: DocActors) -> list[Actor]:
    """ "Republican Trump and Democrat Clinton", parsed as one phrase, is two people: one actor each
    (named by the proper nouns of each side, the party words left in the text; a country named in a
    side is that side's: "Japan's Abe and South Korea's Park")."""
    if actor.kind != "person" or actor.start < 0:
        return [actor]
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return [actor]
    joins = [t for t in span if t.dep_ == "cc" and t.lower_ in {"and", "&"}]
    if len(joins) != 1 or _in_prep_phrase(joins[0], span.root):
        return [actor]  # "Leaders of the Senate and House": one group
    parts = [doc[span.start: joins[0].i], doc[joins[0].i + 1: span.end]]
    names = [[t.text for t in p if t.pos_ == "PROPN" and t.ent_type_ not in {"NORP", "GPE", "LOC"}] for p in parts]
    if not all(names) or not all(len(p) for p in parts) or any(t.ent_type_ == "GPE" for t in span):
        return [actor]  # "Japan's Abe and South Korea's Park": which country is whose is the resolver's to say
    out = []
    for part, name in zip(parts, names, strict=True):
        own = actors.for_span(part)
        country = own.country if own is not None and own.country else actor.country
        code = own.code if own is not None and own.country else actor.code
        out.append(Actor(text=part.text, name=" ".join(name), country=country, sector=actor.sector, code=code,
                         start=part.start_char, end=part.end_char, kind=actor.kind))
    return out


def _in_prep_phrase(tok: Token, root: Token) -> bool:
    """Is there a preposition between the token and the phrase's root?"""
    while tok.i != root.i and tok.head.i != tok.i:
        if tok.dep_ in {"prep", "pobj"}:
            return True
        tok = tok.head
    return False


OPENING_MARKS = {"“", "``", "‘"}
CLOSING_MARKS = {"”", "’"}
EITHER_MARKS = {'"', "''"}  # straight marks and NYT's doubled apostrophes open or close by their spacing


def _opens(mark: Token) -> bool:
    """Does this quotation mark open a quote? Curly marks say so; a straight one opens when it follows a
    space (or starts the text) and is attached to the word after it."""
    if mark.text in OPENING_MARKS:
        return True
    if mark.text in CLOSING_MARKS:
        return False
    before = mark.doc[mark.i - 1] if mark.i > 0 else None
    spaced = before is None or bool(before.whitespace_) or before.is_space or before.text in "(["
    return spaced and not mark.whitespace_


def in_direct_quote(tok: Token) -> bool:
    """Is the token inside quotation marks opened earlier in its sentence (or right before it, or a quote
    that opens the sentence and runs on)? The last mark before it decides; a closing mark left over from the paragraph
    before ('... our nation.” Sheppard presented ...') closes nothing that matters."""
    marks = OPENING_MARKS | CLOSING_MARKS | EITHER_MARKS
    first = tok.sent.start
    if first > 0 and tok.doc[first - 1].text in marks:
        first -= 1  # the parser often ends the sentence before with the opening mark: "... said. ''He backed"
    inside = False
    for mark in tok.doc[first: tok.i]:
        if mark.text in marks:
            inside = _opens(mark)
    return inside


@dataclass
class TargetSearch:
    """One recipient search: ``others`` resolves a candidate token to participants other than the actor;
    for the ``own_side_types`` a target of the actor's own country (or of none) is kept aside in
    ``own_side`` until a foreign one is ruled out ("refused to deploy peacekeepers in Iraq": the troops
    are its own)."""

    match: TriggerMatch
    actor_list: list[Actor]
    own_side_types: set[str] | frozenset[str]
    others: Callable[[Token], list[Actor]]
    own_side: list[Actor] = field(default_factory=list)

    @property
    def home(self) -> set[str]:
        return {a.country for a in self.actor_list if a.country}

    def foreign(self, found: list[Actor]) -> bool:
        """Is this a target? An own-side one is remembered instead ("some invasion forces": no country)."""
        home = self.home
        mine = [a.country in home or not a.country for a in found]
        if found and home and all(mine) and self.match.rule.plover in self.own_side_types:
            self.own_side = self.own_side or found
            return False
        return bool(found)

    def first_foreign(self, tokens: Iterable[Token | None]) -> list[Actor]:
        """The participants of the first token that is a target (never a common foe: ``common_foe``)."""
        for tok in tokens:
            if tok is not None and not common_foe(self.match, tok):
                found = self.others(tok)
                if self.foreign(found):
                    return found
        return []
