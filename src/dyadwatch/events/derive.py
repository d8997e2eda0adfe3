"""Derived events: registered rules that turn a coded event into what PLOVER says it is.

Every rule has one signature, ``(ctx, cand, event) -> list[Event]``, and a stage that says when the
coder runs it (rules of a stage run in registration order, which is the order of this file):

``event``
    once for each event of a trigger: the rule returns what the event becomes: ``[event]`` unchanged,
    ``[recoded]``, ``[event, derived]`` or ``[]`` (not an event after all). Order: ``verbal_attack``,
    ``contest``, ``markets``, ``press_contact``, ``home_trip``, ``threat``, ``intent_agree``, ``refusal``, ``regret``.
``trigger``
    once per trigger, given its first event (``dismissal``); returns events to add.
``sentence``
    once per sentence, with no trigger (``cand`` and ``event`` are None): ``obligation``, then
    ``reported_criticism`` (criticism.py) and ``reported_praise`` (praise.py); returns events to add.

Adding a rule: a function under ``@derivation("name", stage=...)`` placed where it should run; the
code tables below and the word sets it reads live in data (``wordsets.tsv``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from spacy.tokens import Span, Token

from dyadwatch import codes
from dyadwatch.actors import DocActors
from dyadwatch.events.checks import person_like, poll_share, topic_tokens
from dyadwatch.events.lexicon import TriggerMatch, TriggerRule
from dyadwatch.events.modality import AGREE_GOVERNORS, Modality, modality, regretted
from dyadwatch.events.roles import subject_token
from dyadwatch.events.syntax import governs_unless, has_aux, has_will, negated, ruled_out, under_speech, violent
from dyadwatch.events.wordsets import words
from dyadwatch.models import Actor, Article, Event, Quote
from dyadwatch.nlp import doc_text

# PLOVER: a promised or future cooperative action is coded AGREE ("will provide aid", "plans to visit").
INTENT_CODES = {
    "CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033", "RETREAT": "035", "CONCEDE": "035",
}  # fmt: skip
# PLOVER: a future or threatened conflictual act is a THREATEN ("will boycott", "vowed to fight").
THREAT_CODES = {"SANCTION": "131", "COERCE": "132", "ASSAULT": "138", "MOBILIZE": "138", "PROTEST": "133"}
# PLOVER REJECT: a cooperative act refused ("will not lift the ban", "failed to reach agreement"); CAMEO 12x by
# what is refused.
REFUSAL_CODES = {
    "AID": "122", "COOPERATE": "121", "CONSULT": "125", "AGREE": "127", "CONCEDE": "124", "RETREAT": "124",
    "SUPPORT": "120",
}  # fmt: skip
REFUSING_GOVERNORS = {"fail"}  # refuse/decline/reject are REJECT triggers themselves: no second event
REBUFF_CODE = "120"
REGRET_CODE = "015"  # acknowledge responsibility: PLOVER CONCEDE (codes/data/cameo2plover.tsv)
DEMAND_CODE = "100"  # "X said Y must Z": the speaker demands something of Y (CAMEO 10, PLOVER REQUEST)
CRITICISE_CODE = "111"
VISIT_CODES = {"042", "043"}
# Modes under which no PLOVER derivation (AGREE from a promise, THREATEN, REJECT) is made.
NO_DERIVATION_MODES = {"question", "alleged", "proposed"}

_DEMAND_RULE = TriggerRule("must", "V", "", cameo=DEMAND_CODE, notes="X said Y must Z")
_REPROACH_RULE = TriggerRule("should", "V", "", cameo=CRITICISE_CODE, notes="X said Y should have Z")


@dataclass
class Candidate:
    """A trigger that passed its checks, with the CAMEO code it codes here and its modality."""

    match: TriggerMatch
    cameo: str
    modality: Modality


class Coder(Protocol):
    """What a derivation may ask of the coder that runs it."""

    def is_trigger(self, token: Token) -> bool: ...

    def resolve(self, tok: Token | None, sent: Span, actors: DocActors) -> list[Actor]: ...

    def event_at(self, cand: Candidate, ctx: DeriveContext, actor: Actor | None, recipient: Actor | None,
                 at: Token) -> Event: ...


@dataclass
class DeriveContext:
    """The sentence a derivation works in, with the coder's lookups."""

    coder: Coder
    sent: Span
    article: Article
    actors: DocActors
    speaker: Actor | None = None
    quotes: list[Quote] = field(default_factory=list)  # the article's quotes (sentence stage)
    coded: list[Event] = field(default_factory=list)  # events coded so far (sentence stage: no double counting)


Derivation = Callable[[DeriveContext, "Candidate | None", "Event | None"], list[Event]]


@dataclass(frozen=True)
class DerivationRule:
    name: str
    stage: str
    fn: Derivation


STAGES = ("event", "trigger", "sentence")
DERIVATIONS: dict[str, DerivationRule] = {}


def derivation(name: str, stage: str = "event") -> Callable[[Derivation], Derivation]:
    """Register ``fn`` as the derivation ``name``, run at ``stage`` after those registered before it."""
    if stage not in STAGES:
        raise ValueError(f"derivation {name!r}: unknown stage {stage!r} (one of {', '.join(STAGES)})")

    def register(fn: Derivation) -> Derivation:
        if name in DERIVATIONS:
            raise ValueError(f"derivation {name!r} is registered twice")
        DERIVATIONS[name] = DerivationRule(name, stage, fn)
        return fn

    return register


def rules(stage: str) -> list[DerivationRule]:
    return [r for r in DERIVATIONS.values() if r.stage == stage]


def derive_event(ctx: DeriveContext, cand: Candidate, event: Event) -> list[Event]:
    """Run the event-stage rules in order; each maps every event so far to what it becomes."""
    events = [event]
    for rule in rules("event"):
        events = [out for ev in events for out in rule.fn(ctx, cand, ev)]
    return events


def derive_trigger(ctx: DeriveContext, cand: Candidate, events: list[Event]) -> list[Event]:
    """Events the trigger-stage rules add, given the trigger's first event."""
    if not events:
        return []
    return [out for rule in rules("trigger") for out in rule.fn(ctx, cand, events[0])]


def derive_sentence(ctx: DeriveContext) -> list[Event]:
    """Events the sentence-stage rules add; each rule sees what the coder and the rules before it coded."""
    out: list[Event] = []
    for rule in rules("sentence"):
        out += rule.fn(replace(ctx, coded=[*ctx.coded, *out]), None, None)
    return out


def recode(ev: Event, code: str, **changes: Any) -> Event:
    """A copy of the event under another CAMEO code (type, quad class and weight follow the code)."""
    info = codes.lookup(code)
    return replace(
        ev, event_type=info.plover, cameo_code=code, quad_class=info.quad_class, goldstein=info.goldstein, **changes
    )


def _derivable(mod: Modality) -> bool:
    return not (mod.negated or mod.denied or mod.mode in NO_DERIVATION_MODES)


def _governed_by(ctx: DeriveContext, mod: Modality, lemmas: frozenset[str] | set[str]) -> bool:
    """The clause is governed by one of these words, and that word is no trigger of its own."""
    gov = mod.governor
    return gov is not None and gov.lemma_.lower() in lemmas and not ctx.coder.is_trigger(gov)


# -- event stage --------------------------------------------------------------------------------------
@derivation("verbal_attack")
def verbal_attack(ctx: DeriveContext, cand: Candidate | None, ev: Event | None) -> list[Event]:
    """Politicians "attack" and "fight" each other in words: code ACCUSE (111) unless the sentence is violent."""
    assert cand is not None and ev is not None
    obj = cand.match.obj
    lemmas = {cand.match.head.lemma_.lower(), obj.lemma_.lower() if obj is not None else ""}
    if obj is not None:  # "launched a new round of attacks": the attacks are in the object's "of" phrase
        lemmas |= {g.lemma_.lower() for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                   if g.dep_ == "pobj"}
    if ev.event_type != "ASSAULT" or not lemmas & words("VERBAL_ATTACK_LEMMAS"):
        return [ev]
    if obj is not None and _word_weapon(obj):
        return [recode(ev, CRITICISE_CODE)]  # ninth pass: "Trump Just Fired A 5-Word Missile Directly At Hillary"
    if obj is not None and obj.lemma_.lower() in words("ARMED_OBJECTS"):
        return [ev]  # "carried out strikes": physical by construction
    if not (verbal_side(ev.actor) and verbal_side(ev.recipient)) or (ev.actor is None and ev.recipient is None):
        return [ev]
    head = cand.match.head
    topic = topic_tokens(head)  # "her attacks on Sanders' record on guns": guns are what the attack is about
    topic |= {t.i for t in cand.match.tokens}  # "Sanders, Clinton exchange shots": the trigger's own words
    if violent(t for t in clause_tokens(head) if t.i not in topic):
        return [ev]
    return [recode(ev, CRITICISE_CODE)]


def _word_weapon(obj: Token) -> bool:
    """A weapon made of words: "fired a 5-word missile at Hillary", "a verbal missile", "a Twitter bomb"
    (FIGURATIVE_WEAPON_MARKS among the object's modifiers)."""
    marks = words("FIGURATIVE_WEAPON_MARKS")
    return any(any(part in marks for part in t.lower_.split("-")) for t in obj.subtree if t.i < obj.i)


def clause_tokens(head: Token) -> list[Token]:
    """The words of the trigger's own clause: its phrase and its subject's. A word of violence in another clause of
    a long sentence ("suggested boycotting Apple over the phone of one of the attackers ...; clashed with
    Zuckerberg over immigration") says nothing of this act; one in its own phrase or subject does ("rebels attacked
    the town, killing 12"; "police clashed with protesters")."""
    subj = subject_token(head)
    return [*head.subtree, *(subj.subtree if subj is not None and subj.i not in range(head.left_edge.i,
                                                                                      head.right_edge.i + 1) else [])]


def verbal_side(actor: Actor | None) -> bool:
    """A side between whom an "attack" can be words: a person, a party or campaign, an advocacy group or the media
    (POLITICAL_SECTORS), a group named by its stance or as a family ("critics", "the Koch brothers":
    STANCE_GROUP_NOUNS), or nobody named ("the super PAC will focus on attacking Clinton"): not a state, an army,
    police or an armed group."""
    if actor is None:
        return True
    last = actor.name.lower().split()[-1] if actor.name else ""
    if actor.kind == "group" and not actor.sector and last in words("STANCE_GROUP_NOUNS"):
        return True  # eighth pass: "attacked critics of his plan", "the Koch brothers" (not sectorless "gunmen")
    return actor.kind in {"person", ""} or actor.sector.lower() in words("POLITICAL_SECTORS")


@derivation("contest")
def contest(ctx: DeriveContext, cand: Candidate | None, ev: Event | None) -> list[Event]:
    """ "Clinton beats Cruz 42-40": a physical verb between people with no violence is a contest, no event."""
    assert cand is not None and ev is not None
    if cand.match.head.lemma_.lower() not in words("CONTEST_LEMMAS") or ev.event_type != "ASSAULT":
        return [ev]  # "clashed with Zuckerberg over immigration" is coded verbal by its own row
    if any(a.kind not in {"person", ""} for a in (ev.actor, ev.recipient) if a is not None):
        return [ev]
    head = cand.match.head
    return [ev] if violent(t for t in head.sent if t.i != head.i) else []  # "was beaten in the primary by"


@derivation("markets")
def markets(ctx: DeriveContext, cand: Candidate | None, ev: Event | None) -> list[Event]:
    """ "Mr. Ackman teamed up with the company in a takeover", "brokered real estate deals": one company acting on
    another is the market, which the realnews guide leaves out (companies count only acting politically); so is a
    company's material cooperation with no one named (ninth pass: "a company controlled by Paul Allen had bought
    that plane", PETRARCH-2's purchase rows)."""
    assert ev is not None
    sides = [ev.actor, ev.recipient]
    if all(side is not None and side.sector == "BUS" for side in sides):
        return []
    alone = ev.recipient is None and ev.actor is not None and ev.actor.sector == "BUS"
    return [] if alone and ev.event_type == "COOPERATE" else [ev]  # ninth pass: "a company ... had bought that plane"


@derivation("press_contact")
def press_contact(ctx: DeriveContext, cand: Candidate | None, ev: Event | None) -> list[Event]:
    """ "when contacted by Reuters", "interviewed by the Post": reporters reaching a source is journalism, not a
    consultation between political actors (ANNOTATION: media count only acting politically): the press as the
    actor, or the press as the other side of a talk ("speaking with the Des Moines Register editorial board": an
    interview); an official meeting a broadcaster's delegation stays, and so does a visit to a broadcaster (tried
    for "visited NBC's 'Today'": it cost a PLOVER check row)."""
    assert cand is not None and ev is not None
    if ev.event_type != "CONSULT":
        return [ev]
    if ev.actor is not None and _press(ev.actor):
        return []  # "The Huffington Post spoke with Teachout on its podcast"
    interview = cand.match.head.lemma_.lower() in words("INTERVIEW_VERBS")
    return [] if interview and ev.recipient is not None and _press(ev.recipient) else [ev]


def _press(actor: Actor) -> bool:
    """The press: the media sector, or a name with a word of the press in it ("... editorial board")."""
    return actor.sector == "MED" or bool(set(actor.text.lower().split()) & words("PRESS_WORDS"))


@derivation("home_trip")
def home_trip(ctx: DeriveContext, cand: Candidate | None, ev: Event | None) -> list[Event]:
    """A visit needs a host abroad or a person/organisation to visit: not "visited a train station", "traveled
    to New York" (a domestic trip), "visited the state" (a place at home the resolver read as its government),
    nor a trip of someone of unknown country to a city or region."""
    assert ev is not None
    if ev.cameo_code not in VISIT_CODES:
        return [ev]
    rec = ev.recipient
    if rec is None:
        return []
    if rec.kind != "country":  # "Trump visited the state Aug. 19": a place at home, named by a common noun
        words_of = rec.text.lower().split()
        home_place = len(words_of) == 2 and words_of[0] == "the" and words_of[1] in words("HOME_PLACE_NOUNS")
        same = not rec.country or (ev.actor is not None and ev.actor.country == rec.country)
        return [] if home_place and same else [ev]
    if not rec.country or (ev.actor is not None and rec.country == ev.actor.country):
        return []
    subnational = rec.name != ctx.actors.country_name(rec.country) and not rec.sector  # a capital acting has GOV
    return [] if subnational and (ev.actor is None or not ev.actor.country) else [ev]


@derivation("threat")
def threat(ctx: DeriveContext, cand: Candidate | None, ev: Event | None) -> list[Event]:
    """PLOVER THREATEN: a conflictual act announced for the future, vowed, or made conditional on "unless"."""
    assert cand is not None and ev is not None
    mod, head = cand.modality, cand.match.head
    if not _derivable(mod) or ev.event_type not in THREAT_CODES:
        return [ev]
    by_governor = _governed_by(ctx, mod, words("THREAT_GOVERNORS"))
    by_aux = cand.match.rule.pos == "V" and (
        has_will(head) or (has_aux(head, {"would"}) and under_speech(head)) or governs_unless(head)
    )
    if not (by_governor or by_aux):
        return [ev]
    return [ev, recode(ev, THREAT_CODES[ev.event_type], hypothetical=False, mode="")]


@derivation("intent_agree")
def intent_agree(ctx: DeriveContext, cand: Candidate | None, ev: Event | None) -> list[Event]:
    """PLOVER AGREE: a promised cooperative action ("will provide aid", "plans to visit", "said they would meet")."""
    assert cand is not None and ev is not None
    mod, head = cand.modality, cand.match.head
    if not _derivable(mod) or ev.event_type not in INTENT_CODES:
        return [ev]
    by_governor = _governed_by(ctx, mod, AGREE_GOVERNORS) and _intention_stated(mod.governor)
    subj = subject_token(head)
    self_report = subj is not None and subj.lower_ in words("PRONOUNS")  # "said they would meet", not "Americans"
    said_would = self_report and has_aux(head, {"would"}) and under_speech(head)
    by_aux = mod.governor is None and cand.match.rule.pos == "V" and (
        (mod.mode == "future" and has_will(head)) or (mod.mode == "conditional" and said_would)
    )
    if not (by_governor or (by_aux and ev.recipient is not None)):
        return [ev]  # a future act with no one named ("will support the bill") is a plan, not a promise to anyone
    if _predicted(head):
        return [ev]
    return [ev, recode(ev, INTENT_CODES[ev.event_type], hypothetical=False, mode="")]


def _predicted(head: Token) -> bool:
    """Ninth pass, class "a future someone else forecasts": "Sanders will throw his support behind Clinton, predicted
    Madeleine Kunin", "Kunin expects that Sanders will endorse her": a forecast by another (PREDICTING_VERBS) is no
    intent the actor expressed; "will endorse Clinton, his aides said" is."""
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return head.dep_ in {"ccomp", "parataxis"} and head.head.lemma_.lower() in words("PREDICTING_VERBS")


def _intention_stated(governor: Token | None) -> bool:
    """Eighth pass, class "an intention in question": the intention word's own clause must state it ("he is ready to
    support the nominee"), not ask or suppose it ("decide when he's ready to support the nominee or not", "whether
    he is willing to meet", "if he is prepared to meet")."""
    if governor is None:
        return False
    clause = governor.head if governor.pos_ == "ADJ" and governor.dep_ in {"acomp", "oprd"} else governor
    mod = modality(clause)
    return not (mod.negated or mod.mode in NO_DERIVATION_MODES | {"conditional", "counterfactual"})


@derivation("refusal")
def refusal(ctx: DeriveContext, cand: Candidate | None, ev: Event | None) -> list[Event]:
    """PLOVER REJECT: a cooperative act that the actor will not do, fails to do, or rules out."""
    assert cand is not None and ev is not None
    mod, head = cand.modality, cand.match.head
    if not mod.negated or mod.denied or ev.event_type not in REFUSAL_CODES or cand.match.rule.pos != "V":
        return [ev]
    if mod.mode in NO_DERIVATION_MODES:
        return [ev]
    by_gov = head.dep_ == "xcomp" and head.head.lemma_.lower() in REFUSING_GOVERNORS
    by_will = has_will(head) and negated(head)  # "will not lift the ban", not "isn't saying what he'd support"
    out_of_question = ruled_out(head)
    if not (by_gov or by_will or out_of_question):
        return [ev]
    out = recode(ev, REFUSAL_CODES[ev.event_type], negated=False, hypothetical=False, mode="")
    if out_of_question and out.actor is None:
        out.actor = ev.attributed_to  # "US officials said lifting the sanctions is out of the question"
    return [ev, out]


# -- trigger stage ------------------------------------------------------------------------------------
@derivation("regret")
def regret(ctx: DeriveContext, cand: Candidate | None, ev: Event | None) -> list[Event]:
    """PLOVER CONCEDE (the manual: "expressions of regret or remorse for an action"): "Trump said he should not
    have called Rubio a lightweight" also admits a wrong done to Rubio (CAMEO 015, acknowledge responsibility)."""
    assert cand is not None and ev is not None
    if ev.actor is None or not ev.asserted or not regretted(cand.match.head):
        return [ev]
    return [ev, recode(ev, REGRET_CODE)]


@derivation("dismissal", stage="trigger")
def dismissal(ctx: DeriveContext, cand: Candidate | None, ev: Event | None) -> list[Event]:
    """ "China said the US was not in a position to make demands": the speaker rejects the demand (120)."""
    assert cand is not None and ev is not None
    gov, speaker = cand.modality.governor, ctx.speaker
    if speaker is None or ev.event_type != "REQUEST" or gov is None:
        return []
    if gov.lemma_.lower() not in words("DISMISS_NOUNS"):
        return []
    clause = gov.head.head if gov.dep_ == "pobj" else gov.head
    denied = negated(clause) or any(c.lower_ == "no" for c in gov.children)
    target_tok = subject_token(clause)
    targets = ctx.coder.resolve(target_tok, ctx.sent, ctx.actors) if target_tok is not None else []
    if not denied or not targets or same_actor(targets[0], speaker):
        return []
    start = min(t.idx for t in clause.subtree if t.dep_ == "neg" or t.i == clause.i)
    return [recode(
        ev, REBUFF_CODE, actor=speaker, recipient=targets[0], attributed_to=None,
        trigger=doc_text(ctx.sent.doc)[start: ev.trigger_end], trigger_start=start,
        mode="", negated=False, hypothetical=False, denied=False,
    )]  # fmt: skip


# -- sentence stage -----------------------------------------------------------------------------------
@derivation("obligation", stage="sentence")
def obligation(ctx: DeriveContext, cand: Candidate | None, ev: Event | None) -> list[Event]:
    """ "Russia says Israel must end attacks": the speaker demands the act of the clause's subject (100)."""
    out: list[Event] = []
    for verb in ctx.sent:
        if verb.dep_ != "ccomp" or not has_aux(verb, words("OBLIGATION_AUX")) or verb.lemma_ in {"be", "have"}:
            continue  # "a president must be ready", "states should have the ability" describe, they do not demand
        if verb.lemma_.lower() in words("MENTAL_STATE_VERBS"):
            continue  # "said Clinton should worry about what is going to happen" warns, it asks for no act
        if any(not person_like(c) for c in verb.children if c.dep_ == "nsubjpass"):
            continue  # "said things should be wrapped up by Cleveland": no one is asked to act
        if verb.lemma_ == "do" and any(t.lower_ in {"whatever", "what"} for t in verb.subtree if t.i > verb.i):
            continue  # '"Hillary should just do whatever she wants to do," he said': advice, no act named
        say = verb.head
        if say.lemma_.lower() not in words("SPEECH_LEMMAS") or negated(say):
            continue
        speaker = subject_token(say)
        if speaker is not None and poll_share(speaker):
            continue  # "Six in 10 Republicans said the delegates should vote for him": a poll's figures
        speakers = ctx.coder.resolve(speaker, ctx.sent, ctx.actors)
        targets = ctx.coder.resolve(subject_token(verb), ctx.sent, ctx.actors)
        if speakers and targets:
            out += _demands(ctx, verb, say, speakers[0], targets)
    return out


def _demands(ctx: DeriveContext, verb: Token, say: Token, speaker: Actor, targets: list[Actor]) -> list[Event]:
    """The speaker demands the act of each target; "should have recommended charges" is past, so what is said is
    that the target failed to do it: a reproach (ACCUSE 111), no demand."""
    must = next(c for c in verb.children if c.dep_ == "aux" and c.lower_ in words("OBLIGATION_AUX"))
    first, last = sorted([must, verb], key=lambda t: t.i)
    perfect = has_aux(verb, words("PERFECT_AUX"))
    rule, code = (_REPROACH_RULE, CRITICISE_CODE) if perfect else (_DEMAND_RULE, DEMAND_CODE)
    cand = Candidate(TriggerMatch(rule, verb, prep=must), code, modality(say))
    out = []
    for target in targets:
        if same_actor(target, speaker):
            continue
        ev = ctx.coder.event_at(cand, ctx, speaker, target, say)
        ev.trigger_start, ev.trigger_end = first.idx, last.idx + len(last.text)
        ev.trigger = doc_text(ctx.sent.doc)[ev.trigger_start: ev.trigger_end]
        out.append(ev)
    return out


def same_actor(a: Actor, b: Actor) -> bool:
    """One participant twice? A people and its state are two ("ethnic Turks ... against Sweden's decision",
    "Egyptians protested against Egypt's rulers"), even where the resolver names both by the country."""
    if a is b:
        return True
    if {a.kind, b.kind} == {"group", "country"} or a.sector != b.sector:
        return False
    return bool(a.name) and a.name == b.name and a.country == b.country
