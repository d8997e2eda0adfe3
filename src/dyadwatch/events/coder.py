"""EventCoder: lexicon triggers + dependency roles + modality -> Event records with evidence.

Precision first: an event is only emitted when its trigger matches a reviewed lexicon row and at
least one participant resolves to a known actor. Events inside reported speech keep the speaker
in ``attributed_to``; non-asserted events are kept and labelled, never dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from dyadwatch import codes
from dyadwatch.actors import DocActors
from dyadwatch.events import criticism
from dyadwatch.events.discards import is_discarded
from dyadwatch.events.lexicon import Lexicon, TriggerMatch, TriggerRule
from dyadwatch.events.modality import (
    AGREE_GOVERNORS,
    Modality,
    defends_own,
    denial_scope,
    modality,
    not_an_event,
    noun_modality,
)
from dyadwatch.events.roles import (
    FIRST_PERSON,
    UNLISTED_PEOPLE,
    UNLISTED_TARGETS,
    TargetSearch,
    apposed_names,
    covered,
    identified_with,
    in_direct_quote,
    inner_tokens,
    noun_actor_token,
    place_tokens,
    protest_targets,
    receiver_token,
    recipient_tokens,
    reciprocal,
    role_phrase,
    split_coordinated,
    subject_token,
    unlisted_name,
)
from dyadwatch.models import Actor, Article, Event, Location, Quote
from dyadwatch.nlp import doc_text

try:  # written by the dates/places engineer; fall back to the article date / no place until present
    from dyadwatch.events.dates import resolve_event_date
except ImportError:  # pragma: no cover - only while the module is missing
    resolve_event_date = None  # type: ignore[assignment]
try:
    from dyadwatch.events.places import find_location
except ImportError:  # pragma: no cover
    find_location = None  # type: ignore[assignment]

SPEECH_LEMMAS = set(
    "say tell add state claim announce report quote insist note write explain stress argue assert "
    "declare told reiterate confirm acknowledge admit emphasize emphasise suggest believe think conclude".split()
)
PRONOUNS = {"he", "she", "it", "they", "we", "i", "him", "her", "them", "us", "its", "their", "his"}
REFLEXIVES = {"himself", "herself", "itself", "themselves", "myself", "ourselves", "yourself", "yourselves"}
# PLOVER: a promised or future cooperative action is coded AGREE ("will provide aid", "plans to visit").
INTENT_CODES = {
    "CONSULT": "036",
    "SUPPORT": "032",
    "COOPERATE": "031",
    "AID": "033",
    "RETREAT": "035",
    "CONCEDE": "035",
}
NO_COMMENT = set(
    "comment say elaborate discuss answer respond give confirm provide name identify disclose speak".split()
)
# PLOVER: a future or threatened conflictual act is a THREATEN ("will boycott", "vowed to fight").
THREAT_CODES = {"SANCTION": "131", "COERCE": "132", "ASSAULT": "138", "MOBILIZE": "138", "PROTEST": "133"}
THREAT_GOVERNORS = set("vow swear threaten pledge promise".split())
DISMISS_NOUNS = {"position", "right", "standing"}  # "is not in a position to", "has no right to"
REBUFF_CODE = "120"
JOINT_WORDS = {"joint", "combined", "bilateral", "trilateral"}
DEONTIC_AUX = {"should", "would", "will", "must", "shall", "'ll", "wo"}
PEACEKEEPING_WORDS = {"peacekeeping", "peacekeeper", "observer", "monitor", "peace-keeping"}
# Speech-act types: an "if" clause under them is part of the message ("issued an ultimatum ... if").
SPEECH_ACT_TYPES = {"THREATEN", "REQUEST", "ACCUSE", "REJECT"}
# PLOVER REJECT: a cooperative act refused ("will not lift the ban", "refuses to release", "failed to reach
# agreement") is a rejection; CAMEO 12x by what is refused.
REFUSAL_CODES = {
    "AID": "122",
    "COOPERATE": "121",
    "CONSULT": "125",
    "AGREE": "127",
    "CONCEDE": "124",
    "RETREAT": "124",
    "SUPPORT": "120",
}
REFUSING_GOVERNORS = {"fail"}  # refuse/decline/reject are REJECT triggers themselves: no second event
# "X said Y must Z": the speaker demands something of Y (CAMEO 10 demand, PLOVER REQUEST).
DEMAND_CODE = "100"
OBLIGATION_AUX = {"must"}
# Verbs that are verbal when both sides are people (politicians attack each other's records, not bodies).
VERBAL_ATTACK_LEMMAS = {"attack", "fight", "hit", "target", "assail", "blast", "pound", "hammer", "bash"}
VIOLENCE_WORDS = set(
    "kill killed killing wound wounded injure injured bomb bombs bombing gun guns gunman gunmen gunfire shot shoot "
    "shooting knife stabbed troops soldiers forces military army police missile missiles rocket rockets airstrike "
    "airstrikes artillery weapon weapons militants rebels insurgents fighters attacker attackers terrorist terrorists "
    "terror explosive explosives grenade tanks war battle beaten punched violence violent hospital dead".split()
)
CRITICISE_CODE = "111"
ATTEMPT_GOVERNORS = {"attempt", "try"}
WH_WORDS = {"where", "what", "how", "whether", "who", "when", "why", "which", "if"}
NOUN_MARKERS = {"the", "a", "an", "these", "those", "his", "its", "their", "our", "my", "news", "press"}
VISIT_CODES = {"042", "043"}
# Broad verbs that only make an event with a resolved target ("opposes gun violence", "rescued the economy").
NEEDS_RECIPIENT = set("oppose object fund finance lend loan rescue refute host welcome share defend".split())
# Objects that make an attack physical whoever the sides are ("launched air strikes").
ARMED_OBJECTS = set("strike strikes airstrike airstrikes raid raids bombing bombings shelling offensive "
                    "assault missile missiles rocket rockets operation operations bomb bombs fire".split())
# Physical verbs that, between two people and with no word of violence, are a contest ("Clinton beats Cruz
# 42-40", "whose views clashed with those of the governor"): no event.
CONTEST_LEMMAS = {"beat", "clash", "crush", "defeat", "trounce", "rout"}
# Subjects that cannot act ("the oil that funds the Islamic State", "views clashed"): no material event.
INANIMATE_SUBJECTS = set(
    "view views opinion opinions idea ideas oil money cash policy policies plan plans comment comments remark "
    "remarks poll polls number numbers data vote votes campaign ad ads law laws bill rule rules price prices "
    # disasters and accidents kill, but nobody acts: "a fire in Dhaka that killed more than a hundred people"
    "fire fires blaze earthquake quake flood floods flooding storm hurricane cyclone typhoon tsunami landslide "
    "mudslide avalanche crash accident collision virus disease epidemic pandemic outbreak heatwave drought "
    "famine".split()
)
MATERIAL_TYPES = {"ASSAULT", "COERCE", "AID", "COOPERATE", "MOBILIZE", "SANCTION", "RETREAT", "CONCEDE", "PROTEST"}
# Modes under which no PLOVER derivation (AGREE from a promise, THREATEN, REJECT) is made.
NO_DERIVATION_MODES = {"question", "alleged", "proposed"}
# Material acts whose place, failing any other target, is the target: "lifted a curfew in Montenegro".
# Types whose target of the actor's own country gives way to a foreign one named later in the clause.
OWN_SIDE_TYPES = MATERIAL_TYPES | {"REJECT", "THREATEN"}
# What a state trades: "trades oil with China" is commerce, "traded barbs with" is not.
TRADED_GOODS = set("good goods oil gas arm arms weapon weapons product products technology grain food "
                   "commodity commodities energy electricity".split())
# Visits of a candidate, an author or a fundraiser are no diplomacy.
VISIT_CODES = {"042", "043"}
CAMPAIGN_WORDS = {"campaign", "fundraising", "fund-raising", "book", "promotional", "publicity"}
# "X is unthinkable": the gerund subject is ruled out.
RULED_OUT_ADJECTIVES = {"unthinkable", "impossible", "unacceptable", "inconceivable"}
# "his country", "our nation": the speaker's own state.
OWN_COUNTRY_NOUNS = {"country", "nation"}
# Sectors of people who, named without a nationality, take the country of the place they act in.
LOCAL_SECTORS = {"CVL"}
# "sought refuge in Germany": where one seeks shelter is whom one asks.
SHELTER_WORDS = {"asylum", "refuge", "shelter", "sanctuary"}
PLACE_TARGET_TYPES = {"COERCE", "ASSAULT", "MOBILIZE", "SANCTION", "AID", "RETREAT", "CONCEDE", "PROTEST", "COOPERATE"}


@dataclass
class _Candidate:
    match: TriggerMatch
    cameo: str
    modality: Modality


class EventCoder:
    """Loads the trigger lexicon once; ``code`` turns one parsed article into events."""

    def __init__(self) -> None:
        self.lexicon = Lexicon()

    # -- public contract -------------------------------------------------------------------------
    def code(self, doc: Doc, article: Article, actors: DocActors, quotes: list[Quote]) -> list[Event]:
        events: list[Event] = []
        for sent in (s for s in doc.sents if not is_discarded(s.text)):  # sport, entertainment (discards.py)
            for token in sent:
                match = self.lexicon.match(token)
                if match is None or not self._accept(match):
                    continue
                events.extend(self._events_for(match, sent, article, actors, quotes))
            events.extend(self._obligations(sent, article, actors))
            events.extend(criticism.derive(self, sent, article, actors, quotes, events))  # reported criticism
        return events

    # -- trigger filters ---------------------------------------------------------------------------
    def _accept(self, match: TriggerMatch) -> bool:
        """Checks the table cannot express: "ask" needs a request, not a question."""
        head = match.head
        lemma = match.rule.lemma
        rule = match.rule
        if rule.pos == "V" and not_an_event(head, lemma, rule.cameo, rule.no_object, self._plover_of, rule.blocked):
            return False  # a warning that is a claim, a campaign promise, a refusal to comment (modality.py)
        if lemma in {"ask", "press", "request"} and match.rule.pos == "V":
            kids = list(head.children)
            has_inf = any(
                c.dep_ in {"xcomp", "ccomp"}
                and any(g.lower_ == "to" for g in c.children)
                and not any(g.lower_ in WH_WORDS for g in c.subtree if g.i < c.i)  # "asking where to vote"
                for c in kids
            )
            helpish = any(c.dep_ == "dobj" and c.lemma_ in {"help", "support", "aid", "assistance"} for c in kids)
            return has_inf or helpish or (lemma == "request" and any(c.dep_ == "dobj" for c in head.children))
        if lemma == "order" and match.rule.cameo == "100":  # "ordered Menem to appear", not "ordered pizza"
            return any(c.dep_ == "dobj" for c in head.children) and any(
                c.dep_ in {"xcomp", "ccomp"} and _has_aux(c, {"to"}) for c in head.children
            )
        if lemma == "decline" and match.rule.pos == "V":
            comps = [c for c in head.children if c.dep_ == "xcomp"]
            return any(c.lemma_.lower() not in NO_COMMENT for c in comps)
        if lemma == "warn" and any(c.dep_ == "prep" and c.lower_ == "against" for c in head.children):
            return True
        if lemma == "return" and match.rule.pos == "V" and not match.rule.objects:
            return any(c.dep_ in {"prep", "agent"} and c.lower_ in {"to", "by"} for c in head.children)
        if match.rule.pos == "V" and head.dep_ == "amod":
            return False  # adjectival participles ("welcome news", "US-backed forces") report no act
        if match.rule.pos == "V" and head.i > head.sent.start and head.doc[head.i - 1].lower_ in NOUN_MARKERS:
            return False  # a noun tagged as a verb: "the news release", "their support"
        if lemma == "appeal" and match.rule.pos == "V" and not _appeal_for_something(head):
            return False  # "he appeals to a demographic": he attracts it, he asks nothing
        if match.prep is not None and match.rule.no_object and _child_dep(match.prep, "pobj"):
            return False  # "an address Clinton gave in Cairo": a preposition with its object, not "give in"
        if lemma == "plead" and any(c.lower_ in {"guilty", "innocent", "no"} for c in head.children):
            return False  # "pleaded guilty" is a plea in court, not an appeal
        if lemma in {"seize", "jump", "pounce"} and any(c.lower_ in {"on", "upon"} for c in head.children):
            return False  # "the media seized on new revelations"
        if lemma == "call" and match.rule.prep == "for" and _child_dep(head, "dobj"):
            return False  # "what the Times called a rough week for Trump": naming, not a call for anything
        if lemma == "call" and match.rule.prep in {"on", "upon"} and any(c.dep_ == "dobj" for c in head.children):
            return False  # "call themselves conservative on questions", "called them on it"
        if lemma in {"shoot", "fire"} and any(c.lower_ == "back" for c in head.children):
            return False  # "Trump shot back that ...": a retort
        if lemma == "agree" and match.rule.pos == "V" and _opinion(head):
            return False  # "said they agree with the NCAA that ...": an opinion, not an agreement
        contest = any(c.dep_ == "prep" and c.lower_ == "for" for c in head.children)
        if lemma in {"fight", "battle", "compete"} and (contest or _on_a_side(head)):
            return False  # "fighting for second place" is a contest; "fighting on the Eritrean side" an alliance
        if lemma in {"fight", "battle"} and not _fights_someone(head) and not _has_aux(head, {"to"}):
            return False  # "they fight like it matters", "let them fight each other" (but "vowed to fight": a threat)
        if lemma == "trade" and match.rule.cameo == "061" and any(
            c.dep_ == "dobj" and c.lemma_.lower() not in TRADED_GOODS for c in head.children
        ):
            return False  # "traded the microphone / barbs with": an idiom, not commerce
        if match.rule.cameo in VISIT_CODES and match.obj is not None and any(
            c.lemma_.lower() in CAMPAIGN_WORDS for c in match.obj.children if c.dep_ in {"compound", "amod"}
        ):
            return False  # "made a campaign trip to Puerto Rico": a candidate's tour, not a state visit
        if lemma == "offer" and match.rule.pos == "V" and not match.rule.objects:
            return any(c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children) for c in head.children)
        if match.rule.pos == "N" and head.dep_ in {"compound"}:
            return False
        return codes.plover_type(match.rule.cameo) != ""

    def _plover_of(self, token: Token) -> str:
        """The PLOVER type a word codes as a trigger ("" when it is none)."""
        match = self.lexicon.match(token)
        return match.rule.plover if match is not None else ""

    def _cameo(self, match: TriggerMatch) -> str:
        cameo = match.rule.cameo
        if cameo == "150" and match.obj is not None and any(t.lower_ in JOINT_WORDS for t in match.obj.subtree):
            return "062"  # "held (a round of) joint exercises": military cooperation, not a show of force
        if cameo == "154" and any(t.lemma_.lower() in PEACEKEEPING_WORDS for t in self._deployed(match.head)):
            return "074"  # "deployed 300 troops to the UN peacekeeping mission": peacekeeping is aid
        return cameo

    @staticmethod
    def _deployed(head: Token) -> list[Token]:
        """Words of a deployment: the verb's own phrase and, for "Russian peacekeepers began deploying", the
        subject that is deployed."""
        subj = subject_token(head)
        return [*head.subtree, *(subj.subtree if subj is not None else [])]

    # -- one trigger -> events --------------------------------------------------------------------
    def _events_for(
        self, match: TriggerMatch, sent: Span, article: Article, actors: DocActors, quotes: list[Quote]
    ) -> list[Event]:
        head = match.head
        speech_act = match.rule.plover in SPEECH_ACT_TYPES and match.rule.cameo not in {"128", "129"}  # defy/veto act
        mod = noun_modality(head) if match.rule.pos == "N" else modality(head, communicative=speech_act)
        if denial_scope(head):
            mod.denied = True
        if _ruled_out(head):
            mod.negated = True  # "removing the sanctions is out of the question": it will not happen
        if _in_question(sent, head):
            mod.mode, mod.hypothetical = "question", True  # "Will you resign?" asks, it does not report
        gov = mod.governor
        if gov is not None and gov.lemma_.lower() in ATTEMPT_GOVERNORS and match.rule.plover in {"ASSAULT", "COERCE"}:
            mod.hypothetical, mod.mode = False, ""  # an attempted attack is an attack (CAMEO 185)
        speaker = self._speaker(head, sent, actors, quotes)
        actor_list = self._actors(match, sent, actors, speaker)
        recipient_list = self._recipients(match, sent, actors, actor_list)
        if match.rule.pos == "N" and (not actor_list or not recipient_list):
            return []  # a bare event noun needs both sides to be trusted
        needs_target = match.rule.pos == "A" or match.rule.lemma in NEEDS_RECIPIENT or match.rule.cameo == "110"
        needs_target = needs_target or (match.rule.cameo == "052" and defends_own(head))  # "defended his record"
        if needs_target and not recipient_list:
            return []  # "worried about the economy", "concern about casualties": a mood, not a disapproval of someone
        if _imperative(head):
            return []  # "Visit his country." - a command or a headline fragment, not a report
        if _generic(head) or self._inanimate(match):
            return []  # "people who refuse to assimilate", "the oil that funds the Islamic State"
        cand = _Candidate(match, self._cameo(match), mod)
        date, gran, resolved = self._date(sent, head, article)
        location = self._location(sent, head, actors, article)
        actor_list = [_localised(a, location) for a in actor_list]
        if not actor_list and not recipient_list:
            base = self._event(cand, sent, article, None, None, speaker, date, gran, resolved, location)
            rebuff = self._dismissal(cand, sent, article, actors, speaker, [base])
            return [rebuff] if rebuff is not None else []
        events: list[Event] = []
        for actor in actor_list or [None]:
            for recipient in recipient_list or [None]:
                if actor is not None and recipient is not None and _same(actor, recipient):
                    recipient = None
                    if len(recipient_list) > 1:
                        continue
                ev = self._event(cand, sent, article, actor, recipient, speaker, date, gran, resolved, location)
                ev = self._verbal_attack(cand, ev)
                if self._contest(cand, ev) or _home_trip(ev, actors):
                    continue
                events.append(ev)
                agree = self._intent_agree(cand, ev)
                if agree is not None:
                    events.append(agree)
                refusal = self._refusal(cand, ev)
                if refusal is not None:
                    events.append(refusal)
        rebuff = self._dismissal(cand, sent, article, actors, speaker, events)
        return events + ([rebuff] if rebuff is not None else [])

    def _event(
        self,
        cand: _Candidate,
        sent: Span,
        article: Article,
        actor: Actor | None,
        recipient: Actor | None,
        speaker: Actor | None,
        date: str,
        gran: str,
        resolved: bool,
        location: Location | None,
    ) -> Event:
        info = codes.lookup(cand.cameo)
        toks = cand.match.tokens
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        text = doc_text(sent.doc)
        sentence = text[sent.start_char : sent.end_char].strip()  # no paragraph breaks around the evidence
        sentence_start = text.index(sentence, sent.start_char) if sentence else sent.start_char
        return Event(
            event_type=info.plover,
            cameo_code=cand.cameo,
            quad_class=info.quad_class,
            goldstein=info.goldstein,
            actor=actor,
            recipient=recipient,
            sentence=sentence,
            trigger=text[start:end],
            mode=cand.modality.mode,
            negated=cand.modality.negated,
            hypothetical=cand.modality.hypothetical,
            denied=cand.modality.denied,
            attributed_to=speaker,
            date=date,
            date_granularity=gran,
            date_resolved=resolved,
            location=location,
            sentence_start=sentence_start,
            sentence_end=sentence_start + len(sentence),
            trigger_start=start,
            trigger_end=end,
            article_id=article.id,
        )

    def _intent_agree(self, cand: _Candidate, ev: Event) -> Event | None:
        """PLOVER codes a promised cooperative action as AGREE: "will provide aid", "plans to visit"."""
        mod = cand.modality
        if mod.negated or mod.denied or mod.mode in NO_DERIVATION_MODES:
            return None
        if ev.event_type in THREAT_CODES:
            return self._threat(cand, ev)
        if ev.event_type not in INTENT_CODES:
            return None
        gov = mod.governor
        by_governor = gov is not None and gov.lemma_.lower() in AGREE_GOVERNORS and self.lexicon.match(gov) is None
        head = cand.match.head
        subj = subject_token(head)
        self_report = subj is not None and subj.lower_ in PRONOUNS  # "said they would meet", not "Americans would"
        said_would = self_report and _has_aux(head, {"would"}) and _under_speech(head)
        by_aux = gov is None and cand.match.rule.pos == "V" and (
            (mod.mode == "future" and _has_will(head)) or (mod.mode == "conditional" and said_would)
        )
        if not (by_governor or by_aux):
            return None
        return _recode(ev, INTENT_CODES[ev.event_type], hypothetical=False, mode="")

    def _verbal_attack(self, cand: _Candidate, ev: Event) -> Event:
        """Politicians "attack" and "fight" each other in words: code ACCUSE unless the sentence is violent."""
        obj = cand.match.obj
        words = {cand.match.head.lemma_.lower(), obj.lemma_.lower() if obj is not None else ""}
        if ev.event_type != "ASSAULT" or not words & VERBAL_ATTACK_LEMMAS:  # "attacked", "escalated his attacks"
            return ev
        if obj is not None and obj.lemma_.lower() in ARMED_OBJECTS:  # "carried out strikes": physical by construction
            return ev
        if ev.actor is None or ev.actor.kind not in {"person", ""}:
            return ev  # "Trump escalated his attacks", "X is attacking our party's nominee": a person's words
        if ev.recipient is not None and ev.recipient.kind not in {"person", ""}:
            return ev
        if _violent(cand.match.head.sent):
            return ev
        return _recode(ev, CRITICISE_CODE)

    def _inanimate(self, match: TriggerMatch) -> bool:
        """A material act whose subject is a thing or an opinion, not an actor."""
        if match.rule.pos != "V" or match.rule.plover not in MATERIAL_TYPES:
            return False
        subj = subject_token(match.head)
        return subj is not None and subj.lemma_.lower() in INANIMATE_SUBJECTS and not subj.ent_type_

    def _contest(self, cand: _Candidate, ev: Event) -> bool:
        """ "Clinton beats Cruz 42-40": a physical verb between people with no violence is a contest."""
        if cand.match.head.lemma_.lower() not in CONTEST_LEMMAS:
            return False
        sides = [a for a in (ev.actor, ev.recipient) if a is not None]
        if any(a.kind not in {"person", ""} for a in sides):
            return False
        return not _violent(cand.match.head.sent)

    def _refusal(self, cand: _Candidate, ev: Event) -> Event | None:
        """A cooperative act that the actor will not do, refuses or fails to do is a REJECT."""
        mod = cand.modality
        if not mod.negated or mod.denied or ev.event_type not in REFUSAL_CODES or cand.match.rule.pos != "V":
            return None
        if mod.mode in NO_DERIVATION_MODES:
            return None
        head = cand.match.head
        by_gov = head.dep_ == "xcomp" and head.head.lemma_.lower() in REFUSING_GOVERNORS
        by_will = _has_will(head) and _negated(head)  # "will not lift the ban", not "isn't saying what he'd support"
        ruled_out = _ruled_out(head)
        if not (by_gov or by_will or ruled_out):
            return None
        out = _recode(ev, REFUSAL_CODES[ev.event_type])
        if ruled_out and out.actor is None:
            out.actor = ev.attributed_to  # "US officials said lifting the sanctions is out of the question"
        out.negated = out.hypothetical = False
        out.mode = ""
        return out

    def _obligations(self, sent: Span, article: Article, actors: DocActors) -> list[Event]:
        """"Russia says Israel must end attacks": the speaker demands the act of the clause's subject."""
        out: list[Event] = []
        for verb in sent:
            if verb.dep_ != "ccomp" or not _has_aux(verb, OBLIGATION_AUX) or _negated(verb) or verb.lemma_ == "be":
                continue  # "a president must be ready" describes, it does not demand
            say = verb.head
            if say.lemma_.lower() not in SPEECH_LEMMAS or _negated(say):
                continue
            speakers = self._resolve(subject_token(say), sent, actors)
            targets = self._resolve(subject_token(verb), sent, actors)
            if not speakers or not targets:
                continue
            must = next(c for c in verb.children if c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX)
            first, last = sorted([must, verb], key=lambda t: t.i)
            match = TriggerMatch(_DEMAND_RULE, verb, prep=must)
            cand = _Candidate(match, DEMAND_CODE, modality(say))
            date, gran, resolved = self._date(sent, say, article)
            location = self._location(sent, say, actors, article)
            for target in targets or [None]:
                if target is not None and _same(target, speakers[0]):
                    continue
                ev = self._event(cand, sent, article, speakers[0], target, None, date, gran, resolved, location)
                ev.trigger_start, ev.trigger_end = first.idx, last.idx + len(last.text)
                ev.trigger = doc_text(sent.doc)[ev.trigger_start : ev.trigger_end]
                out.append(ev)
        return out

    def _threat(self, cand: _Candidate, ev: Event) -> Event | None:
        """A conflictual act announced for the future, vowed or made conditional on "unless" is a threat."""
        mod, head = cand.modality, cand.match.head
        gov = mod.governor
        by_governor = gov is not None and gov.lemma_.lower() in THREAT_GOVERNORS and self.lexicon.match(gov) is None
        by_aux = cand.match.rule.pos == "V" and (
            _has_will(head) or (_has_aux(head, {"would"}) and _under_speech(head)) or _governs_unless(head)
        )
        if not (by_governor or by_aux):
            return None
        return _recode(ev, THREAT_CODES[ev.event_type], hypothetical=False, mode="")

    def _dismissal(
        self, cand: _Candidate, sent: Span, article: Article, actors: DocActors, speaker: Actor | None, evs: list[Event]
    ) -> Event | None:
        """'China said the US was not in a position to make demands': the speaker rejects the demand."""
        gov = cand.modality.governor
        if speaker is None or not evs or evs[0].event_type != "REQUEST" or gov is None:
            return None
        if gov.lemma_.lower() not in DISMISS_NOUNS:
            return None
        clause = gov.head.head if gov.dep_ == "pobj" else gov.head
        negated = any(c.dep_ == "neg" for c in clause.children) or any(c.lower_ == "no" for c in gov.children)
        target_tok = subject_token(clause)
        targets = self._resolve(target_tok, sent, actors) if target_tok is not None else []
        if not negated or not targets or _same(targets[0], speaker):
            return None
        base = evs[0]
        start = min(t.idx for t in clause.subtree if t.dep_ == "neg" or t.i == clause.i)
        return _recode(
            base, REBUFF_CODE, actor=speaker, recipient=targets[0], attributed_to=None,
            trigger=doc_text(sent.doc)[start : base.trigger_end], trigger_start=start,
            mode="", negated=False, hypothetical=False, denied=False,
        )  # fmt: skip

    # -- participants -----------------------------------------------------------------------------
    def _resolve(
        self, tok: Token | None, sent: Span, actors: DocActors, unlisted: frozenset[str] = UNLISTED_PEOPLE
    ) -> list[Actor]:
        """Actors for a token and its conjuncts, keeping only those inside the token's own phrase; names
        in apposition to a description stand for it ("White House hopefuls Trump and Clinton"), names
        no list knows are kept with an empty country, and "Republican Trump and Democrat Clinton" the
        parser made one phrase is split in two. ``unlisted``: the entity labels (PERSON, ORG) kept unplaced."""
        if tok is None:
            return []
        named = [a for t in apposed_names(tok) for a in self._resolve(t, sent, actors, unlisted) if a.kind == "person"]
        found = actors.for_conjuncts(tok) if tok.conjuncts else [a for a in [actors.for_token(tok)] if a]
        desc = found[0] if len(found) == 1 and found[0].country else None
        if named and (desc is not None or any(a.country for a in named)):  # "U.S. senators Manchin and Casey"
            return [a if desc is None else replace(a, country=desc.country, sector=a.sector or desc.sector,
                    code=desc.country + (a.sector or desc.sector)) for a in named]
        heads = [tok, *tok.conjuncts] if tok.dep_ != "conj" else [tok]  # "and Trump, who also pushed": Trump
        found += [a for t in heads if not covered(t, found) for a in [unlisted_name(t, unlisted)] if a]
        lo, hi = _phrase_bounds(tok)
        kept = []
        for actor in found:
            inside_sentence = sent.start_char <= actor.start < sent.end_char
            if inside_sentence and not (lo <= actor.start < hi) and not tok.conjuncts:
                continue  # the resolver reached into a relative or adverbial clause: not this phrase
            if all(actor is not k for k in kept):  # same Actor object: one mention
                kept.append(actor)
        named_by = [_named_by(actor, [tok, *tok.conjuncts]) for actor in kept]
        return [part for actor in named_by for part in split_coordinated(actor, tok.doc, actors)]

    def _actors(self, match: TriggerMatch, sent: Span, actors: DocActors, speaker: Actor | None) -> list[Actor]:
        head = match.head
        if match.rule.pos == "N":
            return self._resolve(noun_actor_token(head, match.rule.plover), sent, actors)
        if match.rule.pos == "A":
            tok = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if tok is None and head.dep_ == "acomp":
                tok = next((c for c in head.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        else:
            tok = subject_token(head)
        quoted = in_direct_quote(head)
        if quoted and tok is not None and speaker is not None:
            if tok.lower_ in FIRST_PERSON:
                return [speaker]  # '"We attacked them first," Trump said': the speaker acts
            if tok.lower_ in PRONOUNS:  # '"He attacked my family," Trump said': someone else acts
                return [a for a in self._resolve(tok, sent, actors) if not _same(a, speaker)]
        agrees = tok is not None and speaker is not None and _pronoun_fits(tok, speaker)
        if agrees and tok.lower_ in PRONOUNS and _under_speech(head):
            return [speaker]  # "The ministry said it welcomed ...": the pronoun is the speaker
        found = self._resolve(tok, sent, actors)
        if not found and tok is not None and tok.lower_ not in PRONOUNS:
            for c in tok.children:  # "Doctors from two American aid groups", "Members of the Association"
                if c.dep_ == "prep" and c.lower_ in {"of", "from"}:
                    found = [a for p in c.children if p.dep_ == "pobj" for a in self._resolve(p, sent, actors)]
                    if found:
                        break
        if tok is not None and not any(a.country for a in found):  # also "Mrs. Clinton's aides" found unplaced
            found = self._actor_by_identity(tok, sent, actors, placed_only=bool(found)) or found
        if not found and agrees and tok.lower_ in PRONOUNS:
            return [speaker]  # "The ministry said it welcomed ...": the pronoun is the speaker
        if not found and tok is not None and speaker is not None:
            found = _speakers_country(tok, speaker, actors.country_name(speaker.country))
        return found

    def _actor_by_identity(self, tok: Token, sent: Span, actors: DocActors, placed_only: bool) -> list[Actor]:
        """An unplaced subject phrase the sentence identifies with someone: "Matt Duss, the president of
        the Foundation, who criticizes" (the apposition's name), "Corey is the attorney who charged"
        (the copula's subject), "Clinton's campaign has criticized" (whose campaign it is). With
        ``placed_only`` only someone with a country counts (the subject itself was found, unplaced)."""
        for other in identified_with(tok):
            found = [a for a in self._resolve(other, sent, actors) if a.country or not placed_only]
            if found:
                return [_named_by(a, [tok]) if other.dep_ == "poss" else a for a in found]
        return []

    def _recipients(self, match: TriggerMatch, sent: Span, actors: DocActors, actor_list: list[Actor]) -> list[Actor]:
        """The first candidate that resolves to someone other than the actor; each candidate is tried
        directly, then one level down ("China's role", "calls by Belarus's rulers"); then whoever receives
        an event noun, the other side of a reciprocal act, and for verbs the fallback targets."""
        search = TargetSearch(match, actor_list, OWN_SIDE_TYPES,
                              lambda tok: self._other_participants(match, sent, actors, actor_list, tok))
        found = self._direct_targets(search)
        if found:
            return found
        if match.rule.pos == "N":  # "Nabisco faced criticism from Trump": whoever faces it is the target
            found = search.first_foreign([receiver_token(match.head)])
            if found:
                return found
        if not search.own_side and len(actor_list) > 1 and reciprocal(match):
            return list(actor_list)  # "Washington and the Taliban held talks": each side with the other
        if match.rule.pos != "V":
            return search.own_side
        return self._fallback_targets(search) or search.own_side

    def _other_participants(
        self, match: TriggerMatch, sent: Span, actors: DocActors, actor_list: list[Actor], tok: Token
    ) -> list[Actor]:
        """Participants a candidate token names other than the actor (not "himself", not "their" in
        "pledged their support to"); unplaced organisations only as targets of a placed actor."""
        own = tok.dep_ == "poss" and tok.lower_ in PRONOUNS and _same_tok(tok.head, match.obj)
        if tok.lower_ in REFLEXIVES or own:
            return []  # "blew himself up", "pledged their support to": the actor, not a second participant
        placed = any(a.country for a in actor_list)
        what = tok.dep_ == "pobj" and tok.head.lower_ == "for"  # "calls for a Medicare for All plan": a thing
        found = self._resolve(tok, sent, actors, UNLISTED_TARGETS if placed and not what else UNLISTED_PEOPLE)
        return [a for a in found if not any(_same(a, b) for b in actor_list)]

    @staticmethod
    def _direct_targets(search: TargetSearch) -> list[Actor]:
        """The recipient candidates of the parse, each directly, then through the participants inside it."""
        for tok in recipient_tokens(search.match):
            found = search.others(tok)
            for inner in [] if found else inner_tokens(tok):
                found = [_named_by(a, [tok]) for a in search.others(inner)]  # "Japan's right", not "Japan"
                if found:
                    break
            if search.foreign(found):
                return found
        return []

    @staticmethod
    def _fallback_targets(search: TargetSearch) -> list[Actor]:
        """For verbs with no target in the parse: whom a protest defies, the country where a material act
        was done ("lifted a curfew in Montenegro"), the side a war is against."""
        match = search.match
        if match.rule.plover == "PROTEST":  # "blocked streets in defiance of Chinese authorities"
            found = search.first_foreign(protest_targets(match.head))
            if found:
                return found
        places: list[Token] = []
        if match.rule.plover in PLACE_TARGET_TYPES:  # "lifted a curfew in Montenegro"
            places = place_tokens(match.head, match.obj, subject=match.rule.plover == "PROTEST")
        elif match.obj is not None and match.obj.lemma_.lower() in SHELTER_WORDS:
            places = place_tokens(match.head, match.obj)
        elif match.rule.plover in {"THREATEN", "REJECT"}:  # "threatened to impose a curfew in Algiers"
            places = [p for c in match.head.children if c.dep_ == "xcomp" for p in place_tokens(c, None)]
        for tok in places:
            found = [a for a in search.others(tok) if a.kind == "country"]
            if found and (not search.own_side or not all(a.country in search.home for a in found)):
                return found
        return search.first_foreign(_against_targets(match.head))  # "reservists for a possible war against Iraq"

    def _speaker(self, head: Token, sent: Span, actors: DocActors, quotes: list[Quote]) -> Actor | None:
        """Who reports the event: a quote covering the trigger, or the subject of a governing speech verb."""
        for quote in quotes:
            if quote.start <= head.idx < quote.end and quote.speaker is not None:
                return quote.speaker
        tok = head
        for _ in range(6):
            for child in tok.children:  # '"...," Putin told Wang' hangs the speech verb as parataxis
                if child.dep_ == "parataxis" and child.lemma_.lower() in SPEECH_LEMMAS:
                    who = self._speech_subject(child, actors)
                    if who is not None:
                        return who
            if tok.head.i == tok.i:
                break
            parent = tok.head
            if parent.lemma_.lower() in SPEECH_LEMMAS and tok.dep_ in {"ccomp", "parataxis", "xcomp", "advcl", "conj"}:
                who = self._speech_subject(parent, actors)
                if who is not None:
                    return who
            tok = parent
        return None

    def _speech_subject(self, verb: Token, actors: DocActors) -> Actor | None:
        subj = subject_token(verb)
        if subj is None and verb.dep_ == "pcomp" and verb.head.head.lemma_ == "quote":
            subj = next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)  # "quoted Wang as saying"
        return actors.for_token(subj) if subj is not None else None

    # -- date and place ---------------------------------------------------------------------------
    def _date(self, sent: Span, head: Token, article: Article) -> tuple[str, str, bool]:
        if resolve_event_date is None:
            return article.date, "day" if article.date else "", False
        try:
            return resolve_event_date(sent, head, article.date)
        except Exception:  # noqa: BLE001 - a date bug must not lose the event
            return article.date, "day" if article.date else "", False

    def _location(self, sent: Span, head: Token, actors: DocActors, article: Article) -> Location | None:
        if find_location is None:
            return None
        try:
            return find_location(sent, head, actors, article.dateline)
        except Exception:  # noqa: BLE001 - a gazetteer bug must not lose the event
            return None


POLICY_NOUNS = {"issue", "issues", "control", "law", "laws", "rights", "policy", "lobby", "debate", "owners", "show"}


def _child_dep(tok: Token, dep: str) -> bool:
    return any(c.dep_ == dep for c in tok.children)


def _appeal_for_something(verb: Token) -> bool:
    """An appeal asks: "appealed for calm", "appealed to Israel to halt", "appealed to the court"."""
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return True
    if any(c.dep_ in {"xcomp", "ccomp"} and _has_aux(c, {"to"}) for c in verb.children):
        return True
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    target = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
    return target is not None and (target.ent_type_ in {"GPE", "ORG", "NORP", "PERSON"} or
                                   any(g.dep_ in {"xcomp", "ccomp", "acl"} and _has_aux(g, {"to"})
                                       for g in target.children))


def _fights_someone(verb: Token) -> bool:
    """A fight names its sides: an object, a with/against/between phrase, or conjoined subjects ("troops and
    rebels fought"); "each other" alone does not."""
    if any(c.dep_ == "dobj" and c.lower_ not in {"each", "one", "other", "another", "way"} for c in verb.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ in {"against", "with", "between", "alongside", "on"} for c in verb.children):
        return True
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subj is not None and bool(subj.conjuncts)


def _on_a_side(verb: Token) -> bool:
    """ "fighting on the Eritrean side", "fought alongside the Kurds": with someone, not against them (unless
    an enemy is named: "fought alongside US troops against Islamic State")."""
    if any(c.dep_ == "prep" and c.lower_ == "against" for c in verb.children):
        return False
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "alongside":
            return True
        if c.dep_ == "prep" and c.lower_ == "on" and any(p.lemma_.lower() == "side" for p in c.children):
            return True
    return False


# The end of the clause a trigger is in: . ! ? before a space, a quote mark or the end (not "U.S." inside).
SENTENCE_END = re.compile(r"(?<![A-Z])[.!?](?=[\s\"”’']|$)")


def _ruled_out(head: Token) -> bool:
    """A gerund subject of "is out of the question", "is not an option", "is unthinkable": the act is
    ruled out, not reported."""
    if head.dep_ not in {"csubj", "csubjpass"} or head.tag_ != "VBG":
        return False
    pred = head.head
    negated = any(c.dep_ == "neg" for c in pred.children)
    for c in pred.children:
        if c.dep_ == "prep" and c.lower_ == "out":
            if any(p.lemma_.lower() == "question" for g in c.children if g.lower_ == "of" for p in g.children):
                return True
        if c.dep_ == "acomp" and c.lemma_.lower() in RULED_OUT_ADJECTIVES:
            return True
        if c.dep_ == "attr" and c.lemma_.lower() == "option" and negated:
            return True
    return False


def _named_by(actor: Actor, toks: list[Token]) -> Actor:
    """The actor with the text of the role phrase it was found in (the narrowest of ``toks``'
    phrases that holds its mention), so the evidence shows whom the event is about: "militants in
    South Waziristan", "Japan's right". An actor found elsewhere (a speaker, an antecedent) keeps its text."""
    best: tuple[int, int] | None = None
    for tok in toks:
        bounds = role_phrase(tok)
        if bounds is None:
            continue
        span = tok.doc[bounds[0]: bounds[1]]
        lo, hi = span.start_char, span.end_char
        if lo <= actor.start and actor.end <= hi and (best is None or hi - lo < best[1] - best[0]):
            best = (lo, hi)
    if best is None or best == (actor.start, actor.end):
        return actor
    return replace(actor, text=doc_text(toks[0].doc)[best[0]: best[1]], start=best[0], end=best[1])


def _speakers_country(tok: Token, speaker: Actor, name: str = "") -> list[Actor]:
    """ "Putin said his country will not lift the ban": the speaker's own country acts."""
    if tok.lemma_.lower() not in OWN_COUNTRY_NOUNS or not speaker.country or len(speaker.country) != 3:
        return []
    if speaker.country in {"IGO", "NGO", "IMG"}:
        return []
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is None or poss.lower_ not in {"his", "her", "their", "our", "my"}:
        return []
    text = doc_text(tok.doc)[poss.idx: tok.idx + len(tok.text)]
    return [Actor(text=text, name=name or speaker.country, country=speaker.country, code=speaker.country,
                  start=poss.idx, end=tok.idx + len(tok.text), kind="country")]


def _localised(actor: Actor, location: Location | None) -> Actor:
    """Crowds, residents and protesters named without a nationality act where they are: people
    blocking streets in Hong Kong are Hong Kong's (PLOVER codes such actors by the event's country).
    Only a place named in the sentence counts, never the dateline."""
    if actor.country or actor.sector not in LOCAL_SECTORS or actor.kind not in {"group", "person"}:
        return actor
    if location is None or location.source == "dateline" or len(location.country) != 3:
        return actor
    return replace(actor, country=location.country, code=location.country + actor.sector)


def _violent(sent: Span) -> bool:
    """A word of physical violence in the sentence, not as the modifier of a policy noun ("the gun issue")."""
    for tok in sent:
        if tok.lower_ in VIOLENCE_WORDS:
            if tok.dep_ in {"compound", "amod", "nmod"} and tok.head.lower_ in POLICY_NOUNS:
                continue
            return True
    return False


def _home_trip(ev: Event, actors: DocActors) -> bool:
    """A visit needs a host abroad or a person/organisation to visit: not "visited a train station",
    "traveled to New York" (a domestic trip), "visits to the state's battlegrounds", nor a trip of
    someone of unknown country to a city or region ("Sanders made a trip to Iowa")."""
    if ev.cameo_code not in VISIT_CODES:
        return False
    rec = ev.recipient
    if rec is None:
        return True
    if rec.kind != "country":
        return False
    if not rec.country or (ev.actor is not None and rec.country == ev.actor.country):
        return True
    subnational = rec.name != actors.country_name(rec.country) and not rec.sector  # a capital acting has GOV
    return subnational and (ev.actor is None or not ev.actor.country)


def _bare_plural(noun: Token) -> bool:
    if noun.tag_ != "NNS" or noun.ent_type_:
        return False
    return not any(c.dep_ in {"det", "poss", "nummod", "compound", "amod"} for c in noun.children)


def _pronoun_fits(pron: Token, speaker: Actor) -> bool:
    """ "The ministry said it ...", "Clinton said she ...": not "the report concluded that she ..."."""
    word = pron.lower_
    if word in {"he", "she", "him", "her", "his", "i"}:
        return speaker.kind == "person"
    if word in {"it", "its"}:
        return speaker.kind != "person"
    return True


def _generic(tok: Token) -> bool:
    """A relative clause on a bare plural ("people who refuse to assimilate", "voters who support Sanders"),
    or a gerund with a bare plural subject ("no problem with presidents criticizing judges"):
    a characterisation of a kind, not a report of an event."""
    if tok.tag_ == "VBG" and tok.dep_ != "ROOT":
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None and _bare_plural(subj):
            return True
    if tok.dep_ != "relcl":
        return False
    noun = tok.head
    if noun.tag_ not in {"NNS"} or noun.ent_type_:
        return False
    return not any(c.dep_ in {"det", "poss", "nummod", "compound", "amod"} for c in noun.children)


def _opinion(agree: Token) -> bool:
    """ "agree (with X) that ..." or a bare "agree with X": sharing a view, not reaching an agreement."""
    kids = list(agree.children)
    comps = [c for c in kids if c.dep_ == "ccomp"]
    if comps:  # "agreed that their countries should cooperate" is an agreement; "agree that X is Y" a view
        return not any(a.dep_ == "aux" and a.lower_ in DEONTIC_AUX for c in comps for a in c.children)
    acts = any(c.dep_ in {"xcomp", "dobj"} or (c.dep_ == "prep" and c.lower_ in {"on", "to", "upon"}) for c in kids)
    return not acts and any(c.dep_ == "prep" and c.lower_ == "with" for c in kids)


def _in_question(sent: Span, head: Token) -> bool:
    """The trigger sits in the part of the sentence that ends with a question mark (after any quote mark),
    also when the parser ran the sentence on past it ('"Who's demanding that he run?" Neither ...')."""
    text = sent.text.rstrip().rstrip('"”’\'')
    if text.endswith("?"):
        opened = max(text.rfind(ch) for ch in ':“"‘')
        if head.idx - sent.start_char > opened:
            return True
    full = doc_text(sent.doc)
    end = SENTENCE_END.search(full, head.idx, sent.end_char)
    return end is not None and end.group() == "?"


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


_DEMAND_RULE = TriggerRule("must", "V", "", cameo=DEMAND_CODE, notes="X said Y must Z")


def _recode(ev: Event, code: str, **changes: Any) -> Event:
    """A copy of the event under another CAMEO code (type, quad class and weight follow the code)."""
    info = codes.lookup(code)
    return replace(
        ev, event_type=info.plover, cameo_code=code, quad_class=info.quad_class, goldstein=info.goldstein, **changes
    )


def _imperative(tok: Token) -> bool:
    """A bare base-form verb heading its sentence with no subject."""
    if tok.pos_ != "VERB" or tok.dep_ != "ROOT" or tok.tag_ != "VB":
        return False
    return not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "expl"} for c in tok.children)


def _under_speech(tok: Token) -> bool:
    """The trigger is the complement of a speech verb ("said it welcomed"), possibly via a conjunct."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SPEECH_LEMMAS


def _has_aux(tok: Token, words: set[str]) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in words for c in tok.children)


def _governs_unless(tok: Token) -> bool:
    return any(c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children) for c in tok.children)


def _has_will(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll", "wo"} for c in tok.children)


def _same_tok(a: Token, b: Token | None) -> bool:
    """spaCy makes a new Token object on each access: compare positions, not identity."""
    return b is not None and a.i == b.i


def _same(a: Actor, b: Actor) -> bool:
    """One participant twice? A people and its state are two ("ethnic Turks ... against Sweden's decision",
    "Egyptians protested against Egypt's rulers"), even where the resolver names both by the country."""
    if a is b:
        return True
    if {a.kind, b.kind} == {"group", "country"} or a.sector != b.sector:
        return False
    return bool(a.name) and a.name == b.name and a.country == b.country


_CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"}


def _phrase_bounds(tok: Token) -> tuple[int, int]:
    """Character bounds of the noun phrase headed by tok, without its clausal modifiers."""
    lo, hi = tok.idx, tok.idx + len(tok.text)
    stack = [tok]
    while stack:
        cur = stack.pop()
        lo, hi = min(lo, cur.idx), max(hi, cur.idx + len(cur.text))
        stack.extend(c for c in cur.children if c.dep_ not in _CLAUSE_DEPS)
    return lo, hi


CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "parataxis", "conj", "csubj"}


def _against_targets(head: Token, depth: int = 3) -> list[Token]:
    """Objects of "against" below the trigger within its own clause: the side an act is aimed at."""
    found: list[Token] = []
    frontier = [head]
    for _ in range(depth):
        nxt = [c for t in frontier for c in t.children if c.dep_ not in CLAUSE_DEPS]
        found += [p for t in nxt if t.dep_ == "prep" and t.lower_ == "against" and t.i > head.i  # not a fronted
                  for p in t.children if p.dep_ == "pobj"]  # "Regarding the action against Libya, X defended ..."
        frontier = nxt
    return found
