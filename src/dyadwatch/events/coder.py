"""EventCoder: lexicon triggers + dependency roles + modality -> Event records with evidence.

Precision first: an event is only emitted when its trigger matches a reviewed lexicon row and at
least one participant resolves to a known actor. Events inside reported speech keep the speaker
in ``attributed_to``; non-asserted events are kept and labelled, never dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from dyadwatch import codes
from dyadwatch.actors import DocActors
from dyadwatch.events import checks, criticism, praise  # noqa: F401 (criticism and praise register sentence rules)
from dyadwatch.events.checks import MATERIAL_TYPES
from dyadwatch.events.derive import Candidate, DeriveContext, derive_event, derive_sentence, derive_trigger
from dyadwatch.events.derive import same_actor as _same
from dyadwatch.events.discards import is_discarded
from dyadwatch.events.inquiry import is_inquiry, maker_token
from dyadwatch.events.lexicon import Lexicon, TriggerMatch, direct_objects, object_words
from dyadwatch.events.modality import Modality, carried_noun_modality, denial_scope, modality
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
from dyadwatch.events.syntax import ruled_out
from dyadwatch.events.syntax import under_speech as _under_speech
from dyadwatch.events.wordsets import words
from dyadwatch.models import NON_STATE_CODES, Actor, Article, Event, Location, Quote
from dyadwatch.nlp import doc_text

try:  # written by the dates/places engineer; fall back to the article date / no place until present
    from dyadwatch.events.dates import resolve_event_date
except ImportError:  # pragma: no cover - only while the module is missing
    resolve_event_date = None  # type: ignore[assignment]
try:
    from dyadwatch.events.places import find_location
except ImportError:  # pragma: no cover
    find_location = None  # type: ignore[assignment]

# Word sets live in data/wordsets.tsv (one source each); these names are the coder's view of them.
SPEECH_LEMMAS = words("SPEECH_LEMMAS")
PRONOUNS = words("PRONOUNS")
REFLEXIVES = words("REFLEXIVES")
# Speech-act types: an "if" clause under them is part of the message ("issued an ultimatum ... if").
SPEECH_ACT_TYPES = {"THREATEN", "REQUEST", "ACCUSE", "REJECT"}
# Types whose target of the actor's own country gives way to a foreign one named later in the clause.
OWN_SIDE_TYPES = MATERIAL_TYPES | {"REJECT", "THREATEN"}
# "his country", "our nation": the speaker's own state.
OWN_COUNTRY_NOUNS = words("OWN_COUNTRY_NOUNS")
# Sectors of people who, named without a nationality, take the country of the place they act in.
LOCAL_SECTORS = {"CVL"}
# "sought refuge in Germany": where one seeks shelter is whom one asks.
SHELTER_WORDS = words("SHELTER_WORDS")
# Material acts whose place, failing any other target, is the target: "lifted a curfew in Montenegro".
PLACE_TARGET_TYPES = {"COERCE", "ASSAULT", "MOBILIZE", "SANCTION", "AID", "RETREAT", "CONCEDE", "PROTEST", "COOPERATE"}
# Trigger codes whose event needs a resolved target ("criticised the economy" disapproves of no one).
TARGET_CODES = {"110"}


class EventCoder:
    """Loads the trigger lexicon once; ``code`` turns one parsed article into events."""

    def __init__(self) -> None:
        self.lexicon = Lexicon()

    # -- public contract -------------------------------------------------------------------------
    def code(self, doc: Doc, article: Article, actors: DocActors, quotes: list[Quote]) -> list[Event]:
        """The driver, sentence by sentence: match -> checks -> modality and roles -> derivations."""
        events: list[Event] = []
        for sent in (s for s in doc.sents if not is_discarded(s.text)):  # sport, entertainment (discards.py)
            for token in sent:
                match = self.lexicon.match(token, accept=self._accept)
                if match is None:
                    continue
                events.extend(self._events_for(match, sent, article, actors, quotes))
            events.extend(derive_sentence(DeriveContext(self, sent, article, actors, quotes=quotes, coded=events)))
        return events

    # -- what derivations may ask (derive.Coder) ----------------------------------------------------
    def is_trigger(self, token: Token) -> bool:
        return self.lexicon.match(token) is not None  # any fitting row: "pledged to ban" stays the pledge's

    def resolve(self, tok: Token | None, sent: Span, actors: DocActors) -> list[Actor]:
        return self._resolve(tok, sent, actors)

    def event_at(
        self, cand: Candidate, ctx: DeriveContext, actor: Actor | None, recipient: Actor | None, at: Token
    ) -> Event:
        """An event dated and placed from the word ``at`` (the speech verb of a demand)."""
        when = self._date(ctx.sent, at, ctx.article)
        location = self._location(ctx.sent, at, ctx.actors, ctx.article)
        return self._event(cand, ctx.sent, ctx.article, actor, recipient, ctx.speaker, *when, location)

    # -- trigger filters ---------------------------------------------------------------------------
    def _accept(self, match: TriggerMatch) -> bool:
        """The generic checks and the checks the row names (events/checks.py, the lexicon's checks column)."""
        return checks.passes(match)

    def _cameo(self, match: TriggerMatch) -> str:
        cameo = match.rule.cameo
        if cameo == "150" and match.obj is not None and any(
            t.lower_ in words("JOINT_WORDS") for t in match.obj.subtree
        ):
            return "062"  # "held (a round of) joint exercises": military cooperation, not a show of force
        if cameo == "154" and any(t.lemma_.lower() in words("PEACEKEEPING_WORDS") for t in self._deployed(match.head)):
            return "074"  # "deployed 300 troops to the UN peacekeeping mission": peacekeeping is aid
        return cameo

    @staticmethod
    def _deployed(head: Token) -> list[Token]:
        """Words of a deployment: the verb's own phrase and, for "Russian peacekeepers began deploying", the
        subject that is deployed."""
        subj = subject_token(head)
        return [*head.subtree, *(subj.subtree if subj is not None else [])]

    # -- one trigger -> events --------------------------------------------------------------------
    def _modality(self, match: TriggerMatch, sent: Span) -> Modality:
        """The trigger's modality, with the sentence-level readings: denied, ruled out, asked, attempted."""
        head = match.head
        speech_act = match.rule.plover in SPEECH_ACT_TYPES and match.rule.cameo not in {"128", "129"}  # defy/veto act
        mod = carried_noun_modality(head) if match.rule.pos == "N" else modality(head, communicative=speech_act)
        if denial_scope(head):
            mod.denied = True
        if ruled_out(head):
            mod.negated = True  # "removing the sanctions is out of the question": it will not happen
        if _in_question(sent, head):
            mod.mode, mod.hypothetical = "question", True  # "Will you resign?" asks, it does not report
        gov = mod.governor
        attempt = gov is not None and gov.lemma_.lower() in words("ATTEMPT_GOVERNORS")
        attempt = attempt and not modality(gov).hypothetical  # "if someone was trying to murder them": no attack
        if attempt and match.rule.plover in {"ASSAULT", "COERCE"} and not match.rule.cameo.startswith("172"):
            mod.hypothetical, mod.mode = False, ""  # an attempted attack is an attack (CAMEO 185); a ban tried is none
        return mod

    @staticmethod
    def _sides_ok(match: TriggerMatch, actor_list: list[Actor], recipient_list: list[Actor]) -> bool:
        """A bare event noun needs both sides to be trusted; a row that needs a target needs a recipient
        ("worried about the economy", "concern about casualties": a mood, not a disapproval of someone)."""
        if match.rule.pos == "N" and (not actor_list or not recipient_list):
            return False
        return bool(recipient_list) or not _needs_target(match)

    def _events_for(
        self, match: TriggerMatch, sent: Span, article: Article, actors: DocActors, quotes: list[Quote]
    ) -> list[Event]:
        head = match.head
        mod = self._modality(match, sent)
        speaker = self._speaker(head, sent, actors, quotes)
        actor_list = self._actors(match, sent, actors, speaker)
        mutual = _each_other_within(match, actor_list)  # "the Republican candidates accused each other"
        recipient_list = self._quoted_us(match, actors, speaker, actor_list) or self._recipients(
            match, sent, actors, actor_list, mutual)
        if not self._sides_ok(match, actor_list, recipient_list):
            return []
        cand = Candidate(match, self._cameo(match), mod)
        ctx = DeriveContext(self, sent, article, actors, speaker)
        date, gran, resolved = self._date(sent, head, article)
        location = self._location(sent, head, actors, article)
        actor_list = [_localised(a, location) for a in actor_list]
        recipient_list = [_localised(r, location) for r in recipient_list]  # "killed 49 people in Orlando"
        events: list[Event] = []
        for actor, recipient in _pairs(actor_list, recipient_list, mutual=mutual):
            ev = self._event(cand, sent, article, actor, recipient, speaker, date, gran, resolved, location)
            events += derive_event(ctx, cand, ev) if actor is not None or recipient is not None else [ev]
        events += derive_trigger(ctx, cand, events)
        return [ev for ev in events if ev.actor is not None or ev.recipient is not None]

    def _event(
        self,
        cand: Candidate,
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
        if named and not found:
            return named  # "the photographer Christopher Morris": the unplaced name is who the description is
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
            return self._resolve(self._noun_maker(match), sent, actors)
        if match.rule.pos == "A":
            tok = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if tok is None and head.dep_ == "acomp":
                tok = subject_token(head.head)  # "is a Republican, but has been critical of": a shared subject
        else:
            tok = subject_token(head)
        quoted = in_direct_quote(head)
        if quoted and tok is not None and speaker is not None:
            if tok.lower_ in FIRST_PERSON:
                return [speaker]  # '"We attacked them first," Trump said': the speaker acts
            if tok.lower_ in PRONOUNS:  # '"He attacked my family," Trump said': someone else acts
                return [a for a in self._resolve(tok, sent, actors) if not _same(a, speaker)]
        agrees = tok is not None and speaker is not None and _pronoun_fits(tok, speaker, actors)
        if agrees and tok.lower_ in PRONOUNS and _under_speech(head):
            return [speaker]  # "The ministry said it welcomed ...": the pronoun is the speaker
        found = self._resolve(tok, sent, actors)
        if not found and tok is not None and tok.lower_ not in PRONOUNS:
            found = self._behind(tok, sent, actors)
        if tok is not None and not any(a.country for a in found):  # also "Mrs. Clinton's aides" found unplaced
            # a named person the sentence identifies with an unplaced description wins over it ("Corey is the
            # state attorney who charged"); an unplaced person is replaced only by someone placed
            named_only = bool(found) and all(a.named for a in found)
            found = self._actor_by_identity(tok, sent, actors, placed_only=named_only) or found
        if not found and agrees and tok.lower_ in PRONOUNS:
            return [speaker]  # "The ministry said it welcomed ...": the pronoun is the speaker
        if not found and tok is not None and speaker is not None:
            found = _speakers_country(tok, speaker, actors.country_name(speaker.country))
        return found

    def _behind(self, tok: Token, sent: Span, actors: DocActors) -> list[Actor]:
        """Who stands behind a subject that is no actor itself: the maker of an inquiry ("the committee's report
        faulted", events/inquiry.py), or the group an "of"/"from" phrase names ("Doctors from two American aid
        groups", "Members of the Association")."""
        if is_inquiry(tok):
            return self._resolve(maker_token(tok), sent, actors)
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in {"of", "from"}:
                found = [a for p in c.children if p.dep_ == "pobj" for a in self._resolve(p, sent, actors)]
                if found:
                    return found
        return []

    def _noun_maker(self, match: TriggerMatch) -> Token | None:
        """Who makes the act an event noun names: its own possessor or by-phrase, else the subject of a verb that
        delivers it ("offered a sharp rebuke of"), unless that verb's own row codes the act ("issued a
        condemnation of": one act, one event)."""
        maker = noun_actor_token(match.head, match.rule.plover)
        if maker is None and receiver_token(match.head) is not None:
            maker = _of_object(match.head)  # "Cruz won the endorsement of Gov. Walker": Walker endorses Cruz
        if maker is None and not self.is_trigger(match.head.head):
            maker = _deliverer(match.head)
        return maker

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

    def _recipients(
        self, match: TriggerMatch, sent: Span, actors: DocActors, actor_list: list[Actor], mutual: bool = False
    ) -> list[Actor]:
        """The first candidate that resolves to someone other than the actor; each candidate is tried
        directly, then one level down ("China's role", "calls by Belarus's rulers"); then whoever receives
        an event noun, the other side of a reciprocal act, and for verbs the fallback targets. ``mutual``: one
        group acting on "each other" is its own target."""
        search = TargetSearch(match, actor_list, OWN_SIDE_TYPES,
                              lambda tok: self._other_participants(match, sent, actors, actor_list, tok))
        receiver = receiver_token(match.head) if match.rule.pos == "N" else None
        if receiver is not None:  # "Nabisco faced criticism from Trump", "Cruz won the endorsement of Walker":
            return search.first_foreign([receiver])  # whoever receives it is the target, and only they
        found = self._direct_targets(search)
        if found:
            return found
        if mutual:
            return list(actor_list)  # "the Republican candidates accused each other": the group of itself
        if not search.own_side and len(actor_list) > 1 and reciprocal(match):
            return list(actor_list)  # "Washington and the Taliban held talks": each side with the other
        if match.rule.pos != "V":
            return search.own_side
        return self._fallback_targets(search) or search.own_side

    @staticmethod
    def _quoted_us(
        match: TriggerMatch, actors: DocActors, speaker: Actor | None, actor_list: list[Actor]
    ) -> list[Actor]:
        """'"We were attacked in downtown Manhattan," Clinton said': a first-person target in a direct quote is the
        speaker, and for a material act on "we" or "us" the speaker's country (the roles4 hook). With no actor
        named, only an attack or a coercion counts ('"God will forgive us"' is no one's act on the speaker)."""
        if speaker is None or not in_direct_quote(match.head):
            return []
        if not actor_list and match.rule.plover not in {"ASSAULT", "COERCE"}:
            return []
        tok = next((t for t in recipient_tokens(match) if t.lower_ in FIRST_PERSON), None)
        if tok is None:
            return []
        state = len(speaker.country) == 3 and speaker.country not in NON_STATE_CODES
        if tok.lower_ in {"we", "us"} and match.rule.plover in MATERIAL_TYPES and state:
            name = actors.country_name(speaker.country) or speaker.country
            return [Actor(text=tok.text, name=name, country=speaker.country, code=speaker.country,
                          start=tok.idx, end=tok.idx + len(tok.text), kind="country")]
        return [replace(speaker, text=tok.text, start=tok.idx, end=tok.idx + len(tok.text))]

    def _other_participants(
        self, match: TriggerMatch, sent: Span, actors: DocActors, actor_list: list[Actor], tok: Token
    ) -> list[Actor]:
        """Participants a candidate token names other than the actor (not "himself", not "their" in
        "pledged their support to"); unplaced organisations only as targets of a placed actor."""
        own = tok.dep_ == "poss" and tok.lower_ in PRONOUNS and _same_tok(tok.head, match.obj)
        own = own and tok.head.lemma_.lower() in words("GIVEN_NOUNS")  # "questioned her judgment": hers is the target
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


# The end of the clause a trigger is in: . ! ? before a space, a quote mark or the end (not "U.S." inside).
SENTENCE_END = re.compile(r"(?<![A-Z])[.!?](?=[\s\"”’']|$)")


def _of_object(noun: Token) -> Token | None:
    """The object of the noun's "of" phrase."""
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None


def _deliverer(noun: Token) -> Token | None:
    """The maker of an event noun that a verb delivers ("Smith delivered a scathing critique of Clinton's
    record", "offered a sharp rebuke of"): the delivering verb's subject (DELIVERING_VERBS)."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in words("DELIVERING_VERBS"):
        return None
    return subject_token(verb)


def _needs_target(match: TriggerMatch) -> bool:
    """Rows whose event needs a resolved target: predicate adjectives ("is concerned"), broad verbs
    ("opposes gun violence", "rescued the economy"), disapproval (110), and a defence of one's own record."""
    rule = match.rule
    if rule.pos == "A" and rule.plover == "ACCUSE" and rule.cameo != "110":
        return not any(_someone_or_an_act(o) for o in _prep_objects(match))  # "critical of the trade deal"
    if rule.pos == "A" or rule.lemma in words("NEEDS_RECIPIENT") or rule.cameo in TARGET_CODES:
        return True
    if rule.plover == "ACCUSE" and rule.cameo[:2] == "11" and _disapproves_a_thing(match):
        return True  # "condemned homosexuality", "blamed the national debt": an opinion of a thing, no one's act
    if rule.plover == "REJECT" and _rejects_an_idea(match):
        return True  # "rejected the label", "reject the term containment": a word or an idea, no one's proposal
    return rule.cameo == "052" and checks.defends_own(match)  # "defended his record"


def _rejects_an_idea(match: TriggerMatch) -> bool:
    """ "rejected the label", "reject the term containment", "rejected the idea that ...": the object is a word, an
    idea or a stance (IDEA_NOUNS), not a proposal, an invitation or a law, which are someone's acts."""
    return any(object_words(o) & words("IDEA_NOUNS") for o in direct_objects(match.head))


def _prep_objects(match: TriggerMatch) -> list[Token]:
    """The objects of the preposition the lexicon matched for the row ("critical of the deal": the deal)."""
    return [o for o in match.prep.children if o.dep_ == "pobj"] if match.prep is not None else []


def _disapproves_a_thing(match: TriggerMatch) -> bool:
    """The disapproval's object is a thing, not someone's act: no trigger of the lexicon ("condemned the
    bombing", "criticised the decision" disapprove of acts, and so of whoever did them) nor an ACT_NOUNS word."""
    if match.rule.objects:
        return False  # "made serious allegations": the object is the trigger's own noun, not its target
    objs = direct_objects(match.head)
    return bool(objs) and not any(_someone_or_an_act(o) for o in objs)


def _someone_or_an_act(obj: Token) -> bool:
    """A name, a pronoun, a possessed noun, people or a body (someone, placed or not: "accused Gulen"), a word the
    lexicon codes as an act in some sense ("condemned recent raids", "spying"), or an ACT_NOUNS word."""
    if obj.ent_type_ or obj.pos_ in {"PROPN", "PRON"} or any(c.dep_ == "poss" for c in obj.children):
        return True  # "mocking his hand size": someone's, so someone
    lemma = obj.lemma_.lower()
    if checks.person_like(obj) or lemma in words("GROUP_NOUNS"):
        return True  # "smeared women", "accused the audience", "blamed the network"
    if lemma in words("ACT_NOUNS") or is_inquiry(obj):
        return True  # "condemned the investigation": an inquiry is its makers' act
    return bool(checks.lexicon().rules.get(lemma))


def _each_other_within(match: TriggerMatch, actor_list: list[Actor]) -> bool:
    """ "The Republican candidates accused each other": one group acting on its own members ("each other", "one
    another" as the object, a single group as the actor) is both sides of the act."""
    if len(actor_list) != 1 or actor_list[0].kind != "group":
        return False
    return any(o.lower_ in {"other", "another"} and any(d.lower_ in {"each", "one"} for d in o.children)
               for o in direct_objects(match.head))


def _pairs(
    actor_list: list[Actor], recipient_list: list[Actor], mutual: bool = False
) -> list[tuple[Actor | None, Actor | None]]:
    """Every actor with every recipient; a recipient that is the actor again is dropped (the pair keeps the
    actor alone when it was the only recipient), unless the act is ``mutual`` within one group ("the candidates
    accused each other"). No participants at all: one empty pair."""
    pairs: list[tuple[Actor | None, Actor | None]] = []
    for actor in actor_list or [None]:
        for recipient in recipient_list or [None]:
            if mutual:
                pairs.append((actor, recipient))
                continue
            if actor is not None and recipient is not None and _same(actor, recipient):
                if len(recipient_list) > 1:
                    continue
                recipient = None
            if any(_same_side(actor, a) and _same_side(recipient, r) for a, r in pairs):
                continue  # ninth pass: "criticized Trump and his rhetoric" is one act on Trump, not two
            pairs.append((actor, recipient))
    return pairs


def _same_side(a: Actor | None, b: Actor | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and _same(a, b))


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
    text = doc_text(toks[0].doc)[best[0]: best[1]].rstrip()  # a headline's last word: no paragraph break after it
    return replace(actor, text=text, start=best[0], end=best[0] + len(text))


def _speakers_country(tok: Token, speaker: Actor, name: str = "") -> list[Actor]:
    """ "Putin said his country will not lift the ban": the speaker's own country acts."""
    if tok.lemma_.lower() not in OWN_COUNTRY_NOUNS or not speaker.country or len(speaker.country) != 3:
        return []
    if speaker.country in NON_STATE_CODES:
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
    Only a place named in the sentence counts, never the dateline. The same holds for civilians done to:
    "killed 49 people at a nightclub in Orlando"."""
    if actor.country or actor.sector not in LOCAL_SECTORS or actor.kind not in {"group", "person"}:
        return actor
    if location is None or location.source == "dateline" or len(location.country) != 3:
        return actor
    return replace(actor, country=location.country, code=location.country + actor.sector)


def _pronoun_fits(pron: Token, speaker: Actor, actors: DocActors | None = None) -> bool:
    """ "The ministry said it ...", "Clinton said she ...": not "the report concluded that she ...", nor "Ted Cruz
    said she ..." (``actors`` knows the genders of the document's people)."""
    word = pron.lower_
    if word in {"he", "she", "him", "her", "his", "i"}:
        return speaker.kind == "person" and (actors is None or actors.gender_fits(word, speaker))
    if word in {"it", "its"}:
        return speaker.kind != "person"
    return True


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


def _same_tok(a: Token, b: Token | None) -> bool:
    """spaCy makes a new Token object on each access: compare positions, not identity."""
    return b is not None and a.i == b.i


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
