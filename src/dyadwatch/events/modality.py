"""Modality of an event trigger: negated, hypothetical (with a mode) or denied.

Only asserted events count in analytics by default, so the rules lean towards marking an event
as not asserted when its clause is governed by a modal, a condition, an intention, a request or a
negation ("did not meet", "haven't seen China provide", "plans to visit", "Xi to visit",
"if China provides", "something Beijing has denied doing").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dyadwatch.events.wordsets import words

FUTURE_AUX = words("FUTURE_AUX")
CONDITIONAL_AUX = words("CONDITIONAL_AUX")
PERFECT_AUX = words("PERFECT_AUX")
MODAL_AUX = words("MODAL_AUX")
CONDITION_MARKS = words("CONDITION_MARKS")

# Governing verbs/adjectives and the mode they give to the complement clause (word sets GOVERNOR_<MODE>).
GOVERNOR_MODES: dict[str, str] = {
    word: mode
    for mode in ("intention", "consideration", "threat-of", "future", "requested", "conditional")
    for word in sorted(words("GOVERNOR_" + mode.upper().replace("-", "_")))
}
SUBJUNCTIVE_GOVERNORS = words("SUBJUNCTIVE_GOVERNORS")
PRESUPPOSING_WH = words("PRESUPPOSING_WH")
PREDICTIVE_HEADS = words("PREDICTIVE_HEADS")
HYPOTHETICAL_NOUNS = words("HYPOTHETICAL_NOUNS")
PLAN_NOUNS = words("PLAN_NOUNS")
REQUEST_NOUNS = words("REQUEST_NOUNS")
IMPLICATIVE = words("IMPLICATIVE")
FACTIVE_EMOTIVES = words("FACTIVE_EMOTIVES")
NEGATING = words("NEGATING")
AGREE_GOVERNORS = words("AGREE_GOVERNORS")
DENY_LEMMAS = words("DENY_LEMMAS")
FROM_NEGATING = words("FROM_NEGATING")
ACCUSING = words("ACCUSING")
ADVOCATING = words("ADVOCATING")
COMMUNICATIVE = words("COMMUNICATIVE")
NEGATIVE_PRONOUNS = words("NEGATIVE_PRONOUNS")
NEGATING_ADVERBS = words("NEGATING_ADVERBS")
CARRYING_VERBS = words("CARRYING_VERBS")


@dataclass
class Modality:
    negated: bool = False
    hypothetical: bool = False
    mode: str = ""
    denied: bool = False
    governor: Token | None = None  # the verb whose complement holds the event, when there is one


def _negated_here(tok: Token) -> bool:
    """ "did not meet", "never met", "rarely asks" (NEGATING_ADVERBS), and a clause opened by "nor" ("Nor have they
    warned him")."""
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in NEGATING_ADVERBS)
               or (c.lower_ == "nor" and c.i == tok.sent.start) for c in tok.children)


def _aux_mode(tok: Token) -> str:
    """ "will meet": future; "would meet": conditional; "would have met": counterfactual (it did not happen,
    and it promises nothing)."""
    kids = [c for c in tok.children if c.dep_ in {"aux", "auxpass"}]
    perfect = any(c.lower_ in PERFECT_AUX for c in kids) and tok.tag_ == "VBN"
    for child in kids:
        word = child.lower_
        if word in FUTURE_AUX:
            return "future"
        if word in CONDITIONAL_AUX:
            return "counterfactual" if perfect and word not in {"must", "may", "might"} else "conditional"
    return ""


def regretted(tok: Token) -> bool:
    """ "should not have called Rubio a lightweight": a regret presupposes the act; it happened."""
    kids = [c for c in tok.children if c.dep_ in {"aux", "auxpass"}]
    return (tok.tag_ == "VBN" and _negated_here(tok) and any(c.lower_ == "should" for c in kids)
            and any(c.lower_ in PERFECT_AUX for c in kids))


def _negated_predicate(adj: Token) -> bool:
    """A predicate adjective governing the clause ("ready", "willing") negated on its copula or by a
    negative subject: "I am not ready to support", "no candidate seems willing to endorse"."""
    if adj.pos_ != "ADJ" or adj.dep_ not in {"acomp", "xcomp", "oprd"}:
        return False
    verb = adj.head
    return _negated_here(adj) or _negated_here(verb) or _negative_subject(verb)


def governs_condition(tok: Token) -> bool:
    """The trigger heads the consequence of a condition: "X will withdraw unless Y agrees"."""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
        for c in tok.children
    )


def _has_to(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _governed_mode(tok: Token) -> tuple[str, Token | None]:
    """Mode given to a complement clause by the word governing it, or "" when it is asserted."""
    gov = tok.head
    if gov.i == tok.i:
        return ("future", None) if _has_to(tok) else ("", None)  # headline infinitive: "Xi to visit Russia"
    lemma = gov.lemma_.lower()
    complement = tok.dep_ in {"xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp", "conj"}
    if not complement:
        return "", None
    if tok.dep_ == "ccomp" and any(c.dep_ == "dobj" and c.lemma_.lower() in REQUEST_NOUNS for c in gov.children):
        return "requested", gov  # "reiterated its demand that Israel ease restrictions"
    if lemma in NEGATING and (tok.dep_ == "xcomp" or _has_to(tok)):
        return "negated", gov
    if lemma == "go" and gov.tag_ == "VBG" and tok.dep_ == "xcomp" and _has_to(tok):
        return "future", gov  # "I'm going to support him"
    if lemma in IMPLICATIVE:
        return "", None
    if _feeling_about_it(tok, gov):
        return ("", None) if _plain_state(gov) else ("conditional", gov)
    # a relative clause describes its noun, it is not the content of it: "an offer the leadership rebuffed"
    if lemma in GOVERNOR_MODES and tok.dep_ in {"xcomp", "ccomp", "advcl", "acl", "pcomp"}:
        mode = GOVERNOR_MODES[lemma]
        if mode == "requested" and not (_has_to(tok) or tok.dep_ == "xcomp"):
            return _finite_request_mode(tok, lemma, gov)
        if tok.dep_ == "ccomp" and mode != "requested" and not _has_to(tok):
            if mode == "intention" and _small_clause(tok):
                return mode, gov  # "wants Trump banned from the country"
            return "", None  # "agreed that they had met" reports a fact
        return mode, gov
    if _has_to(tok) and tok.dep_ in {"xcomp", "advcl", "acl", "relcl", "ccomp"}:
        if tok.dep_ == "advcl":
            return _noun_before_infinitive(tok)  # purpose clause ("went to Moscow to meet Putin"): the main verb
        if gov.dep_ == "ROOT" and gov.pos_ in {"PROPN", "NOUN"}:
            return "future", gov  # headline infinitive parsed under its subject: "Xi to visit Russia"
        return "intention" if gov.pos_ == "VERB" else "conditional", gov
    return "", None


def _noun_before_infinitive(tok: Token) -> tuple[str, Token | None]:
    """Eighth pass, class "calls to ban, misattached": in "decried Trump's repeated calls to ban all Muslims" the
    parser hung "to ban" on the verb as a purpose; an infinitive right after a governing noun ("calls", "demands",
    "plans") belongs to that noun and takes its mode (requested, intention). Otherwise a purpose: asserted."""
    to = next((c for c in tok.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    before = tok.doc[to.i - 1] if to is not None and to.i > 0 else None
    if before is None or before.pos_ != "NOUN" or before.lemma_.lower() not in GOVERNOR_MODES:
        return "", None
    if before.head.lemma_.lower() in {"make", "place", "take", "get", "receive"}:
        return "", None  # "made a phone call to congratulate Trump": a call made for a purpose
    return GOVERNOR_MODES[before.lemma_.lower()], before


def _feeling_about_it(tok: Token, gov: Token) -> bool:
    """ "proud to endorse", "honored to endorse": a FACTIVE_EMOTIVES word over the infinitive (not "all too happy
    to", which is willing)."""
    feeling = gov.lemma_.lower() in FACTIVE_EMOTIVES or gov.lower_ in FACTIVE_EMOTIVES
    too = any(c.dep_ == "advmod" and c.lower_ == "too" for c in gov.children)
    return feeling and not too and tok.dep_ == "xcomp" and _has_to(tok)


def _plain_state(feeling: Token) -> bool:
    """ "is proud", "am honored": a feeling stated as it is, with no modal or negation on it or on its copula
    ("would be happy to", "is not proud to")."""
    copula = feeling.head if feeling.dep_ == "acomp" else feeling
    return not any(_negated_here(t) or _aux_mode(t) for t in {feeling, copula})


def _finite_request_mode(tok: Token, lemma: str, gov: Token) -> tuple[str, Token | None]:
    """A finite clause under a request word: a wish ("demanded that Israel ease restrictions") or a report."""
    if _presupposing_question(tok):
        return "", None  # "asked Rubio why he decided to attack Trump": the attack happened
    if tok.dep_ in {"ccomp", "acl"} and lemma in SUBJUNCTIVE_GOVERNORS:
        return "requested", gov  # asked for, not done
    return "", None  # "told reporters that ..." is reported, handled by the speech rules


def _presupposing_question(tok: Token) -> bool:
    """An indirect why/how question ("asked him why he attacked Trump") takes its act as given; "whether" and
    "if" questions do not."""
    return any(c.lower_ in PRESUPPOSING_WH and c.i < tok.i for c in tok.children if c.dep_ == "advmod")


def _small_clause(tok: Token) -> bool:
    """A verbless or participle complement ("wants [Trump banned]"), not a finite that-clause."""
    if tok.tag_ not in {"VBN", "VB"}:
        return False
    return not any(c.dep_ in {"mark", "aux", "auxpass"} for c in tok.children)


def _from_negated(tok: Token) -> bool:
    """A gerund governed by "from" under a preventing verb: "refrained from attacking"; or by "of" under
    "stopped / fell short": "stopped short of fully endorsing Trump"."""
    prep = tok.head
    if tok.dep_ != "pcomp":
        return False
    if prep.lower_ == "from":
        return prep.head.lemma_.lower() in FROM_NEGATING
    short = any(c.lower_ == "short" for c in prep.head.children) or prep.head.lower_ == "short"
    return prep.lower_ == "of" and short


def _alleged(tok: Token) -> bool:
    """A gerund after of/for governed by an accusing verb (or its participle)."""
    prep = tok.head
    return tok.dep_ == "pcomp" and prep.lower_ in {"of", "for"} and prep.head.lemma_.lower() in ACCUSING


def _advocated(tok: Token) -> bool:
    """A gerund complement of an advocating verb: "supports banning", "proposed closing" (also when the
    parse misses it: the word before the gerund, adverbs skipped, is the advocating verb)."""
    if tok.tag_ != "VBG":
        return False
    if tok.dep_ in {"xcomp", "ccomp", "dobj", "pcomp", "acl"} and tok.head.i != tok.i:
        if tok.head.lemma_.lower() in ADVOCATING:
            return True
    prev = tok.i - 1
    while prev >= tok.sent.start and tok.doc[prev].pos_ == "ADV":
        prev -= 1
    return prev >= tok.sent.start and tok.doc[prev].lemma_.lower() in ADVOCATING


def _purpose(tok: Token) -> bool:
    """A to-infinitive adverbial clause: "will travel to Moscow to meet Putin"."""
    return tok.dep_ == "advcl" and _has_to(tok)


def _negative_subject(tok: Token) -> bool:
    """ "No terrorist organization has claimed ...", "nobody attacked": the clause is negated by its subject."""
    subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return False
    return subj.lower_ in NEGATIVE_PRONOUNS or any(
        c.dep_ == "det" and c.lower_ == "no" for c in subj.children
    )


def _about_gerund(tok: Token) -> bool:
    """ "talking about her endorsing the nominee", "thinking about attacking", "their strategy of attacking
    him": considered or planned, not a reported act."""
    if tok.dep_ != "pcomp" or tok.tag_ != "VBG":
        return False
    prep = tok.head
    return prep.lower_ == "about" or (prep.lower_ == "of" and prep.head.lemma_.lower() in PLAN_NOUNS)


def _instead(tok: Token) -> bool:
    """A gerund after "without", "instead of", "rather than" or "as opposed to": "a way to take part without
    supporting Trump", "continued his vacation instead of making a visit" say the act was not done."""
    if tok.tag_ != "VBG" or tok.dep_ not in {"pcomp", "pobj"}:
        return False
    prep = tok.head
    if prep.lower_ == "without":
        return True
    if prep.lower_ == "to" and prep.head.lower_ == "opposed" and any(c.lower_ == "as" for c in prep.head.children):
        return True  # "spent it on boosting his campaign, as opposed to attacking his rivals"
    if prep.lower_ not in {"of", "than"}:
        return False
    before = tok.doc[prep.i - 1] if prep.i > 0 else None
    return any(c.lower_ in {"instead", "rather"} for c in prep.children) or (
        before is not None and before.lower_ in {"instead", "rather"}
    )


def _predicted_gerund(tok: Token) -> bool:
    """A gerund after "to" under a word of prediction or readiness: "all signs pointed to Obama endorsing
    her", "open to negotiating", "close to reaching a deal": expected or possible, not reported. The parser
    hangs the gerund on the preposition, on its noun ("to [Obama endorsing]") or on the verb itself."""
    if tok.tag_ != "VBG":
        return False
    if tok.dep_ in {"pcomp", "pobj"}:
        preps = [tok.head]
    elif tok.dep_ == "acl" and tok.head.dep_ == "pobj":
        preps = [tok.head.head]
    elif tok.dep_ == "advcl":
        preps = [c for c in tok.head.children if c.dep_ == "prep"]
    else:
        return False
    return any(p.lower_ in {"to", "toward", "towards"} and _predictive(p) for p in preps)


def _predictive(prep: Token) -> bool:
    """The word the "to" belongs to is one of PREDICTIVE_HEADS: its head, or the verb's adjective or adverb before
    it when the parser hangs "to" on the verb ("is wary ... to campaigning", "looks forward to campaigning")."""
    head = prep.head
    near = [c for c in head.children if c.dep_ in {"acomp", "advmod"} and c.i < prep.i]
    return any(w.lemma_.lower() in PREDICTIVE_HEADS for w in (head, *near, *(j for c in near for j in c.conjuncts)))


def _hypothetical_noun(tok: Token) -> bool:
    """A clause under a noun of possibility: "the best case scenario where he pulls out a win", "the possibility of
    campaigning alongside Cruz"."""
    while tok.dep_ == "conj" and tok.tag_ == "VBG" and tok.head.tag_ == "VBG":
        tok = tok.head  # "the idea of tracking down and deporting 11 million people": both gerunds
    if tok.dep_ == "pcomp" and tok.head.lower_ == "of":
        return tok.head.head.lemma_.lower() in HYPOTHETICAL_NOUNS
    return tok.dep_ in {"relcl", "acl", "ccomp"} and tok.head.lemma_.lower() in HYPOTHETICAL_NOUNS


def _trigger_readings(trigger: Token, result: Modality) -> None:
    """Readings of the trigger word itself: a gerund refrained from, alleged, advocated or considered, a
    negative subject or object ("nobody attacked", "met with no one")."""
    if _from_negated(trigger) or _negative_subject(trigger) or _negative_object(trigger) or _instead(trigger):
        result.negated = True
    if _about_gerund(trigger):
        result.mode, result.hypothetical = "consideration", True
    if _hypothetical_noun(trigger) or _predicted_gerund(trigger):
        result.mode, result.hypothetical = "conditional", True
    shared = _status_of_gerund_phrase(trigger) or _status_of_content_clause(trigger)
    if shared and not result.mode:
        result.mode, result.hypothetical = shared, True
    if _alleged(trigger):
        result.mode, result.hypothetical, result.governor = "alleged", True, trigger.head.head
    if _advocated(trigger):
        result.mode, result.hypothetical, result.governor = "proposed", True, trigger.head
    if _generic_gerund(trigger):
        result.mode, result.hypothetical = "generic", True
    sought = _sought_object(trigger)
    if sought is not None and not result.mode:
        result.mode, result.hypothetical, result.governor = GOVERNOR_MODES[sought.lemma_.lower()], True, sought


# Modes a gerund's phrase shares with its clause: a future, a condition, and (eighth pass) a request ("asked her to
# make it clear by condemning Clark's remarks": not done yet). Not an intention: the means of an aim is often under
# way already ("is hoping to turn things around by attacking Clinton").
SHARED_GERUND_MODES = {"future", "conditional", "counterfactual", "requested"}


def _status_of_gerund_phrase(tok: Token) -> str:
    """The future or hypothetical mode of the clause a gerund's phrase belongs to, "" if none: after a
    SHARED_STATUS_PREPS preposition on a verb, or on that verb's object ("strike a balance between trashing Trump
    and ..."), the gerund is part of that clause's act. Only these modes carry over; a negation does not ("did not
    win by attacking him" does not deny the attacks)."""
    if tok.tag_ != "VBG" or tok.dep_ != "pcomp" or tok.head.lower_ not in words("SHARED_STATUS_PREPS"):
        return ""
    head = tok.head.head
    if head.pos_ in {"NOUN", "PROPN"} and head.dep_ in {"dobj", "attr"}:
        head = head.head
    if head.pos_ == "ADJ" and head.dep_ in {"acomp", "attr", "oprd"}:
        head = head.head  # "would remain neutral in negotiating": the adjective's clause
    if head.pos_ not in {"VERB", "AUX"} or _perfect(head):
        return ""  # "may have violated the law by calling on Russia": the calling happened
    mod = modality(head)
    if mod.governor is not None and mod.governor.pos_ in {"NOUN", "PROPN"}:
        return ""  # "an effort to maintain the margin by hailing Obama's achievements": the effort was made
    return mod.mode if mod.mode in SHARED_GERUND_MODES else ""


def _status_of_content_clause(tok: Token) -> str:
    """Eighth pass, class "evidence that, in a condition": a that-clause on a noun ("evidence that a CIA source got
    killed") says what the noun holds; when the noun stands in an if- or unless-clause ("if there were evidence that
    a source got killed"), the content is supposed too. Not under a modal of the noun's clause ("could point to
    reports that Trump praised Putin": the praise is reported as fact) nor a future ("will release evidence that
    the rebels attacked the convoy")."""
    if tok.dep_ not in {"acl", "ccomp"} or tok.head.pos_ != "NOUN" or not any(
            c.dep_ == "mark" and c.lower_ == "that" for c in tok.children):
        return ""
    verb = tok.head.head
    if verb.pos_ not in {"VERB", "AUX"} or not any(c.dep_ == "mark" and c.lower_ in {"if", "unless"}
                                                   for c in verb.children):
        return ""
    return "conditional"


def _perfect(verb: Token) -> bool:
    """ "may have violated": a past participle with "have"."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in PERFECT_AUX for c in verb.children)


def _generic_gerund(tok: Token) -> bool:
    """A gerund with no subject of its own as a clause's subject or compared: "praising Trump would be better
    than attacking him" weighs kinds of acts, it reports none."""
    if tok.tag_ != "VBG" or any(c.dep_ in {"nsubj", "poss"} for c in tok.children):
        return False
    return tok.dep_ in {"csubj", "csubjpass"} or (tok.dep_ == "pcomp" and tok.head.lower_ == "than")


def _sought_object(tok: Token) -> Token | None:
    """The verb of intention or request whose object a participle describes: "seeks an injunction barring the
    company" wants the barring, it has not happened."""
    if tok.dep_ != "acl" or tok.tag_ not in {"VBG", "VBN"}:
        return None
    noun = tok.head
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in GOVERNOR_MODES:
        return None
    return verb if GOVERNOR_MODES[verb.lemma_.lower()] in {"intention", "requested"} else None


def _clause_readings(tok: Token, trigger: Token, result: Modality, communicative: bool) -> None:
    """Negation, auxiliaries and conditions on one clause of the chain."""
    regret = regretted(tok)
    if not regret and (_negated_here(tok) or any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)):
        result.negated = True
    aux = "" if regret else _aux_mode(tok)
    if aux and not result.mode:
        result.mode, result.hypothetical = aux, True
    if tok.i != trigger.i and not result.mode and _advocated(tok):
        result.mode, result.hypothetical = "proposed", True  # ninth pass: "opposes sending Americans to fight"
    if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in tok.children):
        result.mode, result.hypothetical = "conditional", True
    elif _awaited(tok) and not result.mode:
        result.mode, result.hypothetical = "conditional", True
    speech_act = communicative or tok.lemma_.lower() in COMMUNICATIVE
    if tok.i == trigger.i and not speech_act and governs_condition(tok):
        result.mode, result.hypothetical = "conditional", True  # "will attack if provoked"


def _awaited(tok: Token) -> bool:
    """ "would fight on until Clinton makes concessions", "will not leave before they agree": a present-tense
    clause of time under a future, modal or negated main clause has not happened yet."""
    if tok.dep_ != "advcl" or tok.tag_ not in {"VBZ", "VBP"} or tok.head.i == tok.i:
        return False
    if not any(c.dep_ == "mark" and c.lower_ in words("AWAITING_MARKS") for c in tok.children):
        return False
    main = tok.head
    return bool(_negated_here(main) or _aux_mode(main))


def _denied_clause(tok: Token) -> bool:
    """ "Trump denied that he had mocked the reporter", "rejected the idea that she had violated the law": the
    clause is what is denied (a denial not itself negated: "did not deny that" concedes)."""
    head = tok.head
    if tok.dep_ == "ccomp" and head.lemma_.lower() in DENY_LEMMAS:
        return not _negated_here(head)
    if tok.dep_ not in {"acl", "ccomp"} or head.lemma_.lower() not in words("ASSERTION_NOUNS"):
        return False
    verb = head.head
    disputed = head.dep_ == "dobj" and verb.lemma_.lower() in words("DISPUTING_VERBS")
    return disputed and not _negated_here(verb)


def _governor_readings(tok: Token, result: Modality) -> None:
    """What the word governing the clause says of it: refused, planned, requested, denied."""
    if _denied_clause(tok):
        result.denied = True
    mode, gov = _governed_mode(tok)
    if mode == "negated":
        result.negated = True
    elif mode and not result.mode:
        result.mode, result.hypothetical = mode, True
    if gov is None:
        return
    if result.governor is None:
        result.governor = gov
    if _negated_predicate(gov):
        result.negated = True  # "is not ready to support him", "no candidate seems willing to endorse"
    if gov.lemma_.lower() in DENY_LEMMAS:
        result.denied = True


def _presupposed(clause: Token) -> bool:
    """A past-tense clause of time or reason ("after they disrupted", "because he lied") reports a fact whatever
    the status of the clause it modifies (a plan, a request, a negation)."""
    if clause.tag_ not in {"VBD", "VBN"} or _aux_mode(clause) or _negated_here(clause):
        return False
    return any(c.dep_ == "mark" and c.lower_ in words("PRESUPPOSING_MARKS") for c in clause.children)


def _next_clause(tok: Token) -> Token | None:
    """The clause above ``tok`` whose status the event shares, or None where the walk stops."""
    if tok.dep_ not in {"xcomp", "ccomp", "advcl", "pcomp", "acl"} or tok.head.i == tok.i:
        return None
    if tok.dep_ == "advcl" and _presupposed(tok):
        return None  # "pressure to rein in supporters after they disrupted the convention": the disruption happened
    if tok.dep_ == "advcl" and not any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in tok.head.children):
        # an adverbial clause keeps its own status unless the main clause is itself negated/modal
        main = tok.head
        if (_negated_here(main) or _aux_mode(main)) and not _purpose(tok):
            return None  # "after they met, X will ..." - the adverbial event keeps its own status
        return main  # a purpose clause shares its main verb's status: "will travel to Moscow to meet"
    return tok.head


def modality(trigger: Token, communicative: bool = False) -> Modality:
    """Walk from the trigger up its clause chain and collect negation and hypothetical modes.

    ``communicative``: the trigger is a speech act ("issued an ultimatum"), so an "if" clause under
    it is part of what was said, not a condition on the act.
    """
    result = Modality()
    _trigger_readings(trigger, result)
    tok: Token | None = trigger
    for _ in range(6):  # a few clause levels are enough; deeper chains are rare and noisy
        assert tok is not None
        _clause_readings(tok, trigger, result, communicative)
        if tok.dep_ == "conj":
            tok = tok.head
            continue
        _governor_readings(tok, result)
        tok = _next_clause(tok)
        if tok is None:
            break
    return result


def carried_noun_modality(noun: Token) -> Modality:
    """Ninth pass, class "an act carried out by its verb": an event noun that is the object of a verb carrying it
    out or keeping it up (CARRYING_VERBS) has that clause's status as well as its own modifiers' ("should the
    Sanders campaign keep up its attacks on Mrs. Clinton": a condition; "will not continue the strikes": not
    done). Any other governing verb says nothing of the act ("condemned the attacks", "will respond to the
    attacks": they happened)."""
    own = noun_modality(noun)
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in CARRYING_VERBS:
        return own
    if own.negated or own.hypothetical:
        return own
    return modality(verb)


def noun_modality(noun: Token) -> Modality:
    """Event nouns: "planned visit", "possible attack", "no talks"."""
    result = Modality()
    for child in noun.children:
        word = child.lower_
        if child.dep_ == "det" and word == "no":
            result.negated = True
        if child.dep_ in {"amod", "compound", "nmod"}:
            if word in words("PLANNED_MODIFIERS"):
                result.mode, result.hypothetical = "intention", True
            elif word in words("FUTURE_MODIFIERS"):
                result.mode, result.hypothetical = "future", True
            elif word in words("POSSIBLE_MODIFIERS"):
                result.mode, result.hypothetical = "conditional", True
    return result


def denial_scope(trigger: Token) -> bool:
    """"..., something Beijing has denied doing": the apposition denies the clause before it."""
    sent = trigger.sent
    for tok in sent:
        if tok.lemma_.lower() not in DENY_LEMMAS or tok.dep_ not in {"relcl", "acl"}:
            continue
        marker = tok.head  # "something" / "which" / "a claim"
        if not any(c.lemma_.lower() == "do" for c in tok.children) and marker.lower_ not in {"something", "which"}:
            continue
        host = marker.head
        if trigger.i < marker.i and trigger.i != host.i and host.is_ancestor(trigger):
            return True
    return False


def _negative_object(tok: Token) -> bool:
    """ "apologize to nobody", "offered nothing", "met with no one": the act has no participant."""
    def negative(noun: Token) -> bool:
        return noun.lower_ in NEGATIVE_PRONOUNS or any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)

    for child in tok.children:
        if child.dep_ in {"dobj", "dative"} and negative(child):
            return True
        if child.dep_ == "prep" and child.lower_ in {"to", "with"}:
            if any(p.dep_ == "pobj" and negative(p) for p in child.children):
                return True
    return False
