"""Roles from the dependency parse: who acts (subject, passive agent) and on whom (object, dative,
object of with / to / against / on / into / at).

Subjects are inherited the way English shares them: from the head verb for conjoined and
controlled verbs ("agreed to meet"), from the object for object-control verbs ("urged Iran to
release"), and from the modified noun for relative clauses ("Wang, who held a meeting").
"""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.events.lexicon import TriggerMatch

SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
RECIPIENT_PREPS = {
    "with", "to", "against", "on", "into", "at", "upon", "toward", "towards", "of", "about", "over", "by",
    "from", "between",
}
VERB_RECIPIENT_PREPS = {"with", "to", "against", "on", "into", "at", "upon", "toward", "towards"}
OBJECT_CONTROL = set(
    "urge ask call press order tell force allow permit invite encourage persuade warn request lobby pressure".split()
)
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
SELF_PRONOUNS = {"he", "she", "i", "we", "you"}  # "threatened not to come unless he is paid": not a target
# "X is guilty of / responsible for doing": X did it (not "capable of", which only says X could).
CULPABLE = {"guilty", "responsible"}
# Passive-looking verbs whose grammatical subject is the doer: "forces were engaged in clashes".
STATIVE_PASSIVES = {"engage", "involve"}
# "issued a statement condemning X": the statement's issuer is the actor of the participle.
MESSAGE_NOUNS = set("statement declaration letter resolution communique message report note appeal petition".split())
# Governing verbs whose complement names the recipient: "threatened to break relations with Russia".
COMPLEMENT_TYPES = {"THREATEN", "AGREE", "REJECT", "REQUEST", "CONCEDE"}  # not SUPPORT: "supports banning X"
# Where an act is done, as a last resort target of material acts: "lifted a curfew in Montenegro".
PLACE_PREPS = {"in", "from", "across", "inside", "within", "throughout"}


def _child(tok: Token, deps: set[str]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _pobj(prep: Token) -> Token | None:
    """Object of a preposition; for a gerund ("about increasing accommodation") the gerund's object."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pcomp = next((c for c in prep.children if c.dep_ == "pcomp"), None)
        if pcomp is not None:
            pobj = next((c for c in pcomp.children if c.dep_ == "dobj"), None)
    return pobj


def subject_token(verb: Token, depth: int = 0) -> Token | None:
    """The token standing for the actor of a verb (passive agent first), climbing shared subjects."""
    agent = _child(verb, {"agent"})
    if agent is not None and _pobj(agent) is not None:
        return _pobj(agent)
    subj = _child(verb, SUBJECT_DEPS)
    if subj is None and (verb.lemma_.lower() in STATIVE_PASSIVES or false_passive(verb)):
        subj = _child(verb, {"nsubjpass"})
    if subj is not None:
        if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head
        inner = _child(subj, {"nsubj"}) if subj.pos_ == "VERB" else None
        return inner if inner is not None else subj  # "The Red Cross operating in Iraq said": misparsed subject
    if verb.head.i == verb.i:
        return stranded_subject(verb)
    if depth > 3:
        return None
    head = verb.head
    if verb.dep_ == "conj":
        return subject_token(head, depth + 1)
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ in {"acomp", "xcomp"}:
        return subject_token(head.head, depth + 1)  # "Syria says it is willing to withdraw"
    if verb.dep_ == "acl" and head.lemma_.lower() in MESSAGE_NOUNS and head.dep_ == "dobj":
        return subject_token(head.head, depth + 1)  # "the PKK issued a declaration demanding ..."
    if verb.dep_ in {"xcomp", "advcl"} and head.pos_ in {"VERB", "AUX"}:
        if head.lemma_.lower() in OBJECT_CONTROL:
            obj = _child(head, {"dobj", "dative"})
            if obj is not None:
                return obj
        if verb.dep_ == "advcl" and verb.tag_ not in {"VBG", "VBN"} and not _has_to(verb):
            return None
        return subject_token(head, depth + 1)
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return head
    if verb.dep_ == "pcomp" and head.lower_ in {"to", "by"} and head.head.pos_ == "VERB":
        return subject_token(head.head, depth + 1)  # "youths resorted to throwing stones", "responded by shelling"
    if verb.dep_ == "pcomp" and head.head.lemma_.lower() in CULPABLE and head.head.dep_ in {"acomp", "oprd"}:
        return subject_token(head.head.head, depth + 1)  # "the army is guilty of violating the truce"
    if verb.dep_ == "acl" and _root_noun(head) and _finite_with_object(verb):
        return head  # a main verb the parser hung on the subject: "Doctors from X donated goods to Y."
    return None


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


def noun_actor_token(noun: Token) -> Token | None:
    """Actor of an event noun: "Xi's visit", "the Russian invasion", "an attack by rebels"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by" and _pobj(child) is not None:
            return _pobj(child)
    for child in noun.children:
        if child.dep_ in {"compound", "amod"} and child.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"}:
            return child
    return None


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
    head = match.head
    rule = match.rule
    out: list[Token] = []
    if match.prep is not None and match.prep.dep_ != "prt":
        pobj = _pobj(match.prep)
        if pobj is not None and not _same_tok(pobj, match.obj):
            out.append(pobj)
    if rule.pos == "V":
        out += [c for c in head.children if c.dep_ == "dative" and c.pos_ != "ADP"]
        out += [p for c in head.children if c.dep_ == "dative" and c.pos_ == "ADP" for p in [_pobj(c)] if p]
        if head.lemma_.lower() not in STATIVE_PASSIVES and not false_passive(head):
            out += [c for c in head.children if c.dep_ == "nsubjpass"]
        out += [c for c in head.children if c.dep_ == "dobj" and not _same_tok(c, match.obj)]
        if match.obj is not None:
            out += [c for c in match.obj.children if c.dep_ == "poss"]  # "welcomed China's role"
        holders = [head] + ([match.obj] if match.obj is not None else [])
        holders += [c for c in head.children if c.dep_ == "dobj" and not _same_tok(c, match.obj)]
        holders += [j for h in holders[1:] for j in h.conjuncts]  # "launched artillery and rocket fire against"
        for holder in holders:
            preps = VERB_RECIPIENT_PREPS if holder.i == head.i else RECIPIENT_PREPS
            for c in holder.children:
                if c.dep_ == "prep" and c.lower_ in preps and not _same_tok(c, match.prep):
                    pobj = _pobj(c)
                    if pobj is not None:
                        out.append(pobj)
        if rule.plover in {"REQUEST", "ACCUSE", "THREATEN"}:  # "demanded that Mugabe abandon ..."
            for c in head.children:  # not a passive one: "requested that Lazar be released" asks someone else
                if c.dep_ in {"ccomp", "xcomp"}:
                    out += [g for g in c.children if g.dep_ == "nsubj"]
            if match.obj is not None:  # "reiterated its demand that Britain close the plant"
                for c in match.obj.children:
                    if c.dep_ in {"acl", "ccomp"} and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                        out += [g for g in c.children if g.dep_ == "nsubj"]
        if rule.plover in COMPLEMENT_TYPES and not any(c.dep_ in {"dobj", "dative", "agent"} for c in head.children):
            out += complement_recipients(head)  # not past an object: "asked the congregation to stand"
        if rule.plover == "THREATEN":  # "threatened to launch an offensive unless Baghdad accepted"
            out += condition_subjects(head)
    elif rule.pos == "N":
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in {"to", "with", "of", "on", "against", "into"}:
                pobj = _pobj(c)
                if pobj is not None:
                    out.append(pobj)
        if rule.plover == "REQUEST":  # "its demand that Israel ease restrictions"
            for c in head.children:
                if c.dep_ in {"acl", "ccomp", "relcl"}:
                    out += [g for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}]
    seen: set[int] = set()
    unique = []
    for tok in out:
        if tok.i not in seen:
            seen.add(tok.i)
            unique.append(tok)
    return unique


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
