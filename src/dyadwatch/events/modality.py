"""Modality of an event trigger: negated, hypothetical (with a mode) or denied.

Only asserted events count in analytics by default, so the rules lean towards marking an event
as not asserted when its clause is governed by a modal, a condition, an intention, a request or a
negation ("did not meet", "haven't seen China provide", "plans to visit", "Xi to visit",
"if China provides", "something Beijing has denied doing").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from dyadwatch.events.lexicon import object_words

FUTURE_AUX = {"will", "shall", "'ll", "wo"}
CONDITIONAL_AUX = {"would", "could", "might", "may", "should", "must", "can", "ca", "'d"}
CONDITION_MARKS = {"if", "unless", "whether", "lest"}
NEGATORS = {"not", "n't", "never", "no"}

# Governing verbs/adjectives and the mode they give to the complement clause.
GOVERNOR_MODES: dict[str, str] = {
    **dict.fromkeys(
        "plan intend aim want seek hope wish prepare prepared mean vow swear pledge promise agree offer commit "
        "ready willing set determined eager try attempt propose_to".split(),
        "intention",
    ),
    **dict.fromkeys("consider weigh mull contemplate explore study discuss propose debate".split(), "consideration"),
    **dict.fromkeys("threaten".split(), "threat-of"),
    **dict.fromkeys("wait expect schedule due likely poise".split(), "future"),
    **dict.fromkeys(
        "urge ask call demand press request appeal invite encourage tell order instruct push "
        "allow permit authorize authorise lobby pressure".split(),
        "requested",
    ),
    **dict.fromkeys("able position unable possible need have".split(), "conditional"),
}
# Request words whose that-clause is a wish, never a report ("demand that Israel ease restrictions").
SUBJUNCTIVE_GOVERNORS = set("urge demand ask request call appeal insist press push order".split())
# Words whose "to + gerund" is expected or possible: "pointed to X endorsing", "open to negotiating".
PREDICTIVE_HEADS = set("point signal hint indicate open receptive amenable close near closer".split())
HYPOTHETICAL_NOUNS = set("scenario possibility chance prospect risk hypothetical likelihood odds condition".split())
PLAN_NOUNS = set("strategy plan policy tactic tactics practice habit idea goal method option threat".split())
REQUEST_NOUNS = {"demand", "call", "request", "appeal", "ultimatum", "plea"}
# Governors that assert their complement ("began shelling", "continued to attack").
IMPLICATIVE = set("manage begin start continue resume proceed go keep dare force move help stop decide".split())
# Governors that negate their complement ("refused to meet").
NEGATING = set("fail refuse decline avoid neglect forgo forego skip".split())
# Intention governors after which a cooperative event also counts as an AGREE (PLOVER: promises).
AGREE_GOVERNORS = set(
    "plan intend decide vow pledge promise commit committed ready willing prepare prepared set determined offer".split()
)
DENY_LEMMAS = {"deny"}
# "refrained from attacking", "prevented them from entering": the gerund after "from" did not happen.
FROM_NEGATING = set("refrain abstain desist prevent stop keep bar ban prohibit block deter dissuade hold".split())
# "supports banning Muslims", "proposed closing the border": a policy advocated, not an act done.
# "accused Russia of shelling", "arrested for collaborating": the gerund is the allegation, not a reported act.
ACCUSING = set(
    "accuse charge convict sentence blame criticize criticise condemn punish jail detain indict fine sue suspect "
    "investigate prosecute arrest imprison execute denounce fault".split()
)
ADVOCATING = set("support favor favour back endorse advocate propose suggest recommend defend oppose".split())
# Verbs whose "if" clause is part of what is said ("warned of consequences if ..."), not a condition on the act.
COMMUNICATIVE = set("warn threaten urge demand ask call accuse caution vow pledge promise say tell".split())


@dataclass
class Modality:
    negated: bool = False
    hypothetical: bool = False
    mode: str = ""
    denied: bool = False
    governor: Token | None = None  # the verb whose complement holds the event, when there is one


def _negated_here(tok: Token) -> bool:
    """ "did not meet", "never met", and a clause opened by "nor" ("Nor have they warned him")."""
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never")
               or (c.lower_ == "nor" and c.i == tok.sent.start) for c in tok.children)


def _aux_mode(tok: Token) -> str:
    """ "will meet": future; "would meet": conditional; "would have met": counterfactual (it did not happen,
    and it promises nothing)."""
    kids = [c for c in tok.children if c.dep_ in {"aux", "auxpass"}]
    perfect = any(c.lower_ in {"have", "'ve"} for c in kids) and tok.tag_ == "VBN"
    for child in kids:
        word = child.lower_
        if word in FUTURE_AUX:
            return "future"
        if word in CONDITIONAL_AUX:
            return "counterfactual" if perfect and word not in {"must", "may", "might"} else "conditional"
    return ""


def _negated_predicate(adj: Token) -> bool:
    """A predicate adjective governing the clause ("ready", "willing") negated on its copula or by a
    negative subject: "I am not ready to support", "no candidate seems willing to endorse"."""
    if adj.pos_ != "ADJ" or adj.dep_ not in {"acomp", "xcomp", "oprd"}:
        return False
    verb = adj.head
    return _negated_here(adj) or _negated_here(verb) or _negative_subject(verb)


def _governs_condition(tok: Token) -> bool:
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
    if lemma in GOVERNOR_MODES and tok.dep_ in {"xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp"}:
        mode = GOVERNOR_MODES[lemma]
        if mode == "requested" and not (_has_to(tok) or tok.dep_ == "xcomp"):
            if tok.dep_ in {"ccomp", "acl"} and lemma in SUBJUNCTIVE_GOVERNORS:
                return mode, gov  # "demanded that Israel ease restrictions": asked for, not done
            return "", None  # "told reporters that ..." is reported, handled by the speech rules
        if tok.dep_ == "ccomp" and mode != "requested" and not _has_to(tok):
            if mode == "intention" and _small_clause(tok):
                return mode, gov  # "wants Trump banned from the country"
            return "", None  # "agreed that they had met" reports a fact
        return mode, gov
    if _has_to(tok) and tok.dep_ in {"xcomp", "advcl", "acl", "relcl", "ccomp"}:
        if tok.dep_ == "advcl":
            return "", None  # purpose clause ("went to Moscow to meet Putin") - the main verb carries it
        if gov.dep_ == "ROOT" and gov.pos_ in {"PROPN", "NOUN"}:
            return "future", gov  # headline infinitive parsed under its subject: "Xi to visit Russia"
        return "intention" if gov.pos_ == "VERB" else "conditional", gov
    return "", None


def _small_clause(tok: Token) -> bool:
    """A verbless or participle complement ("wants [Trump banned]"), not a finite that-clause."""
    if tok.tag_ not in {"VBN", "VB"}:
        return False
    return not any(c.dep_ in {"mark", "aux", "auxpass"} for c in tok.children)


def _from_negated(tok: Token) -> bool:
    """A gerund governed by "from" under a preventing verb: "refrained from attacking"."""
    prep = tok.head
    return tok.dep_ == "pcomp" and prep.lower_ == "from" and prep.head.lemma_.lower() in FROM_NEGATING


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
    return subj.lower_ in {"nobody", "none", "nothing", "noone"} or any(
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
    """A gerund after "without", "instead of" or "rather than": "a way to take part without supporting
    Trump", "continued his vacation instead of making a visit" say the act was not done."""
    if tok.tag_ != "VBG" or tok.dep_ not in {"pcomp", "pobj"}:
        return False
    prep = tok.head
    if prep.lower_ == "without":
        return True
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
    return any(p.lower_ in {"to", "toward", "towards"} and p.head.lemma_.lower() in PREDICTIVE_HEADS for p in preps)


def _hypothetical_noun(tok: Token) -> bool:
    """A clause under a noun of possibility: "the best case scenario where he pulls out a win"."""
    return tok.dep_ in {"relcl", "acl", "ccomp"} and tok.head.lemma_.lower() in HYPOTHETICAL_NOUNS


def modality(trigger: Token, communicative: bool = False) -> Modality:
    """Walk from the trigger up its clause chain and collect negation and hypothetical modes.

    ``communicative``: the trigger is a speech act ("issued an ultimatum"), so an "if" clause under
    it is part of what was said, not a condition on the act.
    """
    result = Modality()
    tok = trigger
    if _from_negated(trigger):
        result.negated = True
    if _negative_subject(trigger) or _negative_object(trigger) or _instead(trigger):
        result.negated = True
    if _about_gerund(trigger):
        result.mode, result.hypothetical = "consideration", True
    if _hypothetical_noun(trigger):
        result.mode, result.hypothetical = "conditional", True
    if _predicted_gerund(trigger):
        result.mode, result.hypothetical = "conditional", True
    if _alleged(trigger):
        result.mode, result.hypothetical, result.governor = "alleged", True, trigger.head.head
    if _advocated(trigger):
        result.mode, result.hypothetical, result.governor = "proposed", True, trigger.head
    for _ in range(6):  # a few clause levels are enough; deeper chains are rare and noisy
        if _negated_here(tok) or any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            result.negated = True
        aux = _aux_mode(tok)
        if aux and not result.mode:
            result.mode, result.hypothetical = aux, True
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in tok.children):
            result.mode, result.hypothetical = "conditional", True
        speech_act = communicative or tok.lemma_.lower() in COMMUNICATIVE
        if tok.i == trigger.i and not speech_act and _governs_condition(tok):
            result.mode, result.hypothetical = "conditional", True  # "will attack if provoked"
        if tok.dep_ == "conj":
            tok = tok.head
            continue
        mode, gov = _governed_mode(tok)
        if mode == "negated":
            result.negated = True
        elif mode and not result.mode:
            result.mode, result.hypothetical = mode, True
        if gov is not None and result.governor is None:
            result.governor = gov
        if gov is not None and _negated_predicate(gov):
            result.negated = True  # "is not ready to support him", "no candidate seems willing to endorse"
        if gov is not None and gov.lemma_.lower() in DENY_LEMMAS:
            result.denied = True
        if tok.dep_ not in {"xcomp", "ccomp", "advcl", "pcomp", "acl"} or tok.head.i == tok.i:
            break
        if tok.dep_ == "advcl" and not any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in tok.head.children):
            # an adverbial clause keeps its own status unless the main clause is itself negated/modal
            purpose = _purpose(tok)
            tok = tok.head
            if (_negated_here(tok) or _aux_mode(tok)) and not purpose:
                break  # "after they met, X will ..." - the adverbial event keeps its own status
            continue  # a purpose clause shares its main verb's status: "will travel to Moscow to meet"
        tok = tok.head
    return result


def noun_modality(noun: Token) -> Modality:
    """Event nouns: "planned visit", "possible attack", "no talks"."""
    result = Modality()
    for child in noun.children:
        word = child.lower_
        if child.dep_ == "det" and word == "no":
            result.negated = True
        if child.dep_ in {"amod", "compound", "nmod"}:
            if word in {"planned", "proposed", "intended"}:
                result.mode, result.hypothetical = "intention", True
            elif word in {"expected", "upcoming", "scheduled", "future", "forthcoming", "next"}:
                result.mode, result.hypothetical = "future", True
            elif word in {"possible", "potential", "hypothetical", "threatened", "rumoured", "rumored", "alleged"}:
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


# -- readings that report no event at all ---------------------------------------------------------
# The checks below do not make an event hypothetical: they say that the trigger word, though asserted,
# does not report an event of its row's type (a warning that is only a claim, a promise of nothing
# cooperative, an agreement of opinion, a refusal to comment). The coder drops such matches.

CONFLICT_TYPES = {"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
COOPERATIVE_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
MODAL_AUX = FUTURE_AUX | CONDITIONAL_AUX
PERSONAL_PRONOUNS = {"i", "we", "he", "she", "they", "it", "you"}
# Nouns that name what a threat brings about: "warned of consequences", "warned that there would be a price".
CONSEQUENCE_NOUNS = set("consequence repercussion price retaliation reprisal punishment response action force".split())
JOINT_ADVERBS = {"together", "jointly"}
# Verbs of help that are cooperation when they name whom they help: "pledged to help Ukraine rebuild".
HELP_VERBS = {"help", "assist"}
PARTNER_ENTS = {"GPE", "ORG", "NORP", "PERSON"}
# Refusing a verbal hostile act ("declined to criticize her") rejects no one; refusing to deploy or to fight
# may still refuse a request.
VERBAL_CONFLICT_TYPES = {"ACCUSE", "THREATEN", "REJECT"}
# Verbs whose refusal is a "no comment" (CAMEO 011), not a rejection of anyone: "declined to be interviewed".
NO_COMMENT_VERBS = set(
    "comment say elaborate discuss answer respond confirm name identify disclose speak specify define detail "
    "interview speculate predict guess explain address weigh reveal offer estimate claim".split()
)
# Objects of "agree on" that are a topic or an indefinite, not a deal: "do agree on something".
OPINION_TOPICS = set(
    "something anything everything nothing much little this that it issue issues point points matter question "
    "need".split()
)
NEGATIVE_PRONOUNS = {"nobody", "nothing", "none", "noone", "no-one"}
# What a plan or a person "meets (with)" when it is a reaction, not a meeting: "met with fierce opposition".
REACTION_NOUNS = set(
    "resistance opposition criticism skepticism scepticism hostility applause cheer cheers boo boos silence "
    "approval disapproval derision ridicule success failure protest protests chant chants laughter outrage "
    "backlash pushback scorn indifference enthusiasm praise condemnation disbelief suspicion anger".split()
)
POSSESSIVE_PRONOUNS = {"his", "her", "their", "its", "my", "our", "your"}
# People a speaker may defend who are named by a possessive ("defended his wife"): not the speaker's own stance.
PERSON_NOUNS = set(
    "wife husband mother father son daughter brother sister family child children friend friends aide aides "
    "adviser advisers advisor advisors manager staffer staffers ally allies colleague colleagues spokesman "
    "spokeswoman lawyer lawyers supporter supporters running mate nominee candidate predecessor boss".split()
)

PloverOf = Callable[[Token], str]


def _threat_clause(clause: Token) -> bool:
    """A warned-of clause that announces something done to or by the parties: a modal clause whose subject
    is a pronoun ("warned that it would retaliate", "they could sell off assets") or that names a
    consequence, or a clause with its own condition ("if they play that card, that will be fair game")."""
    if any(c.dep_ == "advcl" and any(m.lower_ in {"if", "unless"} for m in c.children) for c in clause.children):
        return True
    if not any(c.dep_ in {"aux", "auxpass"} and c.lower_ in MODAL_AUX for c in clause.children):
        return False  # "warned that the economy is weak": a state of affairs
    subj = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}), None)
    if subj is not None and subj.lower_ in PERSONAL_PRONOUNS:
        return True
    return any(t.lemma_.lower() in CONSEQUENCE_NOUNS for t in clause.subtree)


def claim_warning(warn: Token) -> bool:
    """A "warn" that only describes a state of affairs or a forecast is a claim, not a PLOVER THREATEN:
    "warned that the economy is weak", "warned that Trump would drive the party off a cliff", "warned of
    the dangers". A threat warns someone against or away from an act ("warned X not to move"), announces
    what the parties will do ("warned that it would retaliate"), or names a consequence or a condition
    ("warned of consequences if ...")."""
    kids = list(warn.children)
    if any(c.dep_ == "xcomp" or (c.dep_ in {"advmod", "prt"} and c.lower_ == "away") for c in kids):
        return False  # "warned the Chinese leader not to move on the shoal"
    if any(c.dep_ == "prep" and c.lower_ == "against" for c in kids) or _governs_condition(warn):
        return False
    clauses = [c for c in kids if c.dep_ == "ccomp"]
    topics = [p for c in kids if c.dep_ == "prep" and c.lower_ in {"of", "about"} for p in c.children
              if p.dep_ == "pobj"]  # fmt: skip
    if any(_threat_clause(c) for c in clauses) or any(t.lemma_.lower() in CONSEQUENCE_NOUNS for t in topics):
        return False
    if clauses or topics:
        return True
    return not any(c.dep_ in {"dobj", "dative"} for c in kids)  # '"...," he warned.' with nothing warned of


def _acts(verb: Token) -> list[Token]:
    """The to-infinitive complements of a verb with their conjuncts, looking through implicative verbs
    ("promised to begin talks")."""
    found: list[Token] = []
    for comp in (c for c in verb.children if c.dep_ == "xcomp"):
        for act in [comp, *comp.conjuncts]:
            found.append(act)
            if act.lemma_.lower() in IMPLICATIVE:
                found += [c for c in act.children if c.dep_ == "xcomp"]
    return found


def uncooperative_promise(promise: Token, plover_of: PloverOf) -> bool:
    """PLOVER AGREE is a commitment to cooperate. A promise without a cooperative object (those rows of the
    lexicon list them) must promise a cooperative act ("pledged to back the nominee", "pledged to work
    together"); a campaign promise ("promised to build a wall", "pledged to end the program") or a promise
    of a hostile act ("promised to veto the bill") is no agreement."""
    acts = _acts(promise)
    kinds = [plover_of(a) for a in acts]
    if not acts or any(k in CONFLICT_TYPES for k in kinds):
        return True
    joint = any(c.lower_ in JOINT_ADVERBS for a in acts for c in a.children)
    helps = any(a.lemma_.lower() in HELP_VERBS and any(c.ent_type_ for c in a.subtree if c.i != a.i) for a in acts)
    return not (joint or helps or any(_partner(a) for a in acts)) and not any(k in COOPERATIVE_TYPES for k in kinds)


def _partner(act: Token) -> bool:
    """A promised act directed to a named country, body or person: "continue military aid to Mozambique",
    "work with Congress"."""
    heads = [act, *(c for c in act.children if c.dep_ == "dobj")]
    preps = [p for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in {"to", "with"}]
    return any(o.dep_ == "pobj" and o.ent_type_ in PARTNER_ENTS for p in preps for o in p.children)


def _party_clause(clause: Token) -> bool:
    """A that-clause about what the agreeing parties themselves will do: "agreed that they would meet",
    "agreed that their countries should cooperate" (not "agreed that a president should ...")."""
    if not any(c.dep_ == "aux" and c.lower_ in MODAL_AUX for c in clause.children):
        return False
    subj = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return False
    if subj.lower_ in PERSONAL_PRONOUNS | {"both", "all"}:
        return True
    return any(c.dep_ in {"poss", "nummod", "predet"} or c.lower_ in {"both", "two"} for c in subj.children)


def opinion_agreement(agree: Token) -> bool:
    """ "Paradis agrees.", "they do agree on something", "agreed with Mr. Trump on the issue", "agreed that a
    president should act": sharing a view, not reaching an agreement. An agreement has an act, a deal or the
    parties' own undertaking as its content."""
    kids = list(agree.children)
    clauses = [c for c in kids if c.dep_ == "ccomp"]
    nxt = agree.doc[agree.i + 1] if agree.i + 1 < len(agree.doc) else None
    if clauses:
        return not any(_party_clause(c) for c in clauses)
    if nxt is not None and nxt.lower_ == "that" and nxt.head.i != agree.i:
        return True  # a that-clause the parser broke up: "agreed that the Treasury has limited power"
    if any(c.dep_ in {"xcomp", "dobj"} for c in kids):
        return False
    topics = [p for c in kids if c.dep_ == "prep" and c.lower_ in {"on", "upon", "to"} for p in c.children
              if p.dep_ in {"pobj", "pcomp"}]  # fmt: skip
    if topics:
        return all(t.lemma_.lower() in OPINION_TOPICS or t.lower_ in OPINION_TOPICS for t in topics)
    return True  # a bare "agrees" / "agreed with him"


def empty_refusal(refuse: Token, plover_of: PloverOf) -> bool:
    """A refusal is a PLOVER REJECT when what is refused is asked of the actor or cooperative. Refusing to
    comment ("declined to be interviewed", "refused to say whether") is a no-comment, and refusing a hostile
    verbal act ("declined to criticize her", "refused to disavow him") rejects no one."""
    acts = [c for c in refuse.children if c.dep_ == "xcomp"]
    for act in acts:
        if act.lemma_.lower() in NO_COMMENT_VERBS or plover_of(act) in VERBAL_CONFLICT_TYPES:
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


def reaction_meeting(meet: Token) -> bool:
    """ "was met with chants", "the plan met with fierce opposition", "is meeting stiff resistance": a
    reaction, not a CONSULT meeting."""
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in meet.children)
    withs = [c for c in meet.children if c.dep_ == "prep" and c.lower_ == "with"]
    if passive and withs:
        return True
    objs = [c for c in meet.children if c.dep_ == "dobj"] + [o for w in withs for o in w.children if o.dep_ == "pobj"]
    return any(o.lemma_.lower() in REACTION_NOUNS or o.lower_ in REACTION_NOUNS for o in objs)


def defends_own(defend: Token) -> bool:
    """ "defended himself", "defended his record", "went on TV to defend his staff shake-up": the actor's
    own stance, nobody supported, unless a participant resolves from it (the coder checks that) or it names
    a person ("defended his campaign manager")."""
    prep = next((c for c in defend.children if c.dep_ == "prep" and c.lower_ == "by"), None)  # "stands by"
    objs = [o for o in (prep.children if prep is not None else defend.children) if o.dep_ in {"dobj", "pobj"}]
    for obj in objs:
        if obj.lower_ in {"himself", "herself", "itself", "themselves", "myself", "ourselves"}:
            return True
        own = any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in obj.children)
        person = obj.lemma_.lower() in PERSON_NOUNS or any(t.ent_type_ for t in obj.subtree)
        if own and not person:
            return True
    return False


def endangers(threaten: Token, plover_of: PloverOf) -> bool:
    """ "Islamophobia threatens national security", "threatening further losses": "threaten" in the sense
    of endanger, with a thing as its object and nothing threatened to be done. A threat names an act ("threatened
    to impose a tax", "threatened sanctions"), a party ("threatened Iran") or a means ("threatened them with")."""
    kids = list(threaten.children)
    if any(c.dep_ in {"xcomp", "ccomp"} or (c.dep_ == "prep" and c.lower_ == "with") for c in kids):
        return False
    objs = [c for c in kids if c.dep_ == "dobj"]
    if not objs:
        return False
    for obj in objs:
        if obj.ent_type_ or obj.lower_ in PERSONAL_PRONOUNS | {"him", "her", "them", "us", "me"}:
            return False
        if any(c.dep_ == "prep" and c.lower_ in {"against", "on", "over"} for c in obj.children):
            return False  # "threatened sanctions against Sweden": aimed at a party
        if obj.lemma_.lower() in PERSON_NOUNS or plover_of(obj):
            return False
    return True


def stray_away(verb: Token) -> bool:
    """ "backed away from a suggestion", "walked away from the talks": "away" makes another verb than the row's."""
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return nxt is not None and nxt.lower_ == "away" and nxt.head.i == verb.i and nxt.dep_ in {"advmod", "prt"}


def blocked_participle_noun(verb: Token, blocked: frozenset[str]) -> bool:
    """A passive participle modifying a noun has that noun as its object: "a report released by the
    institute", "the emails released by the department". The row's blocking objects apply to it as they do
    to "released a report"."""
    if not blocked or verb.dep_ != "acl" or verb.tag_ != "VBN" or any(c.dep_ == "dobj" for c in verb.children):
        return False
    return bool(object_words(verb.head) & blocked)


PROMISE_LEMMAS = {"promise", "pledge"}


def not_an_event(
    head: Token, lemma: str, cameo: str, no_object: bool, plover_of: PloverOf, blocked: frozenset[str] = frozenset()
) -> bool:
    """Whether a matched lexicon row reports no event of its type here (see the checks above).
    ``no_object``: the row is the one for the verb without a direct object; ``plover_of`` gives the
    PLOVER type a word would code as a trigger ("" when it is none); ``blocked``: the row's blocking objects."""
    if stray_away(head) or blocked_participle_noun(head, blocked):
        return True
    if lemma == "warn" and cameo == "130":
        return claim_warning(head)
    if lemma == "threaten" and cameo == "130":
        return endangers(head, plover_of)
    if lemma in PROMISE_LEMMAS and cameo == "030" and no_object:
        return uncooperative_promise(head, plover_of)
    if lemma == "agree" and cameo == "030":
        return opinion_agreement(head)
    if lemma in {"refuse", "decline"} and cameo == "120":
        return empty_refusal(head, plover_of)
    if lemma == "meet" and cameo == "040":
        return reaction_meeting(head)
    return False
