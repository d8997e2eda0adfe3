"""Criticism in political rhetoric: derived ACCUSE events (CAMEO 111) that no single trigger word carries.

Two classes, each a named rule that returns ``Criticism`` findings for one sentence:

- ``reported_criticism``: a speech act whose that-clause says something bad of another political actor
  ("Rubio said Trump had been ridiculing voters", "Republicans said Obama would have a hard time") is the
  speaker criticising that actor. PLOVER ACCUSE covers criticism and alleged wrongdoing; the annotation
  guide codes a politician disparaging another as ACCUSE, while a plain opinion about a thing is no event.
- ``attack_nouns``: nouns of verbal attack whose maker and target come from the verbs around them
  ("launched a broadside against", "the attacks each has engaged in", "responded to Rubio's attack"),
  the noun form of the coder's verbal-attack rule: between people and with no violence, an attack is words.

The word sets live in ``data/criticism_words.tsv``. The coder calls ``derive`` once per sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from dyadwatch.actors import DocActors
from dyadwatch.events import checks
from dyadwatch.events import coder as _coder  # the coder module: its helpers, read at call time (it imports us)
from dyadwatch.events.checks import bare_plural
from dyadwatch.events.derive import Candidate, DeriveContext, derivation, verbal_side
from dyadwatch.events.inquiry import is_inquiry, maker_token
from dyadwatch.events.lexicon import TriggerMatch, TriggerRule
from dyadwatch.events.modality import (
    CONDITION_MARKS,
    FROM_NEGATING,
    NEGATING,
    NEGATING_ADVERBS,
    Modality,
    modality,
    noun_modality,
)
from dyadwatch.events.roles import (
    FIRST_PERSON,
    a_setting,
    noun_actor_token,
    receiver_token,
    receiving_verb,
    subject_token,
)
from dyadwatch.events.syntax import has_aux, violent
from dyadwatch.events.wordsets import words as shared_words
from dyadwatch.models import Actor, Article, Event, Quote
from dyadwatch.nlp import doc_text, tokens_of_pos
from dyadwatch.quotes.lexicon import cue_of

if TYPE_CHECKING:
    from dyadwatch.events.coder import EventCoder

WORDS_FILE = Path(__file__).parent / "data" / "criticism_words.tsv"
CRITICISE_CODE = "111"
SPEECH_CUE_ROLES = {"speech", "address"}  # quotes/data/cues.tsv roles whose subject is the speaker
REFLEXIVE_POSSESSIVES = {"his", "her", "its", "their"}  # on the object: the subject's ("stepped up their criticism")
_REPORTED_RULE = TriggerRule("say", "V", "", cameo=CRITICISE_CODE, notes="reported criticism (criticism.py)")
_NOUN_RULE = TriggerRule("attack", "N", "", cameo=CRITICISE_CODE, notes="attack noun between politicians")


@lru_cache(maxsize=1)
def _word_sets() -> dict[str, frozenset[str]]:
    """The word sets of ``data/criticism_words.tsv`` by name (rows: name, space-separated words, why)."""
    rows = [r for r in WORDS_FILE.read_text(encoding="utf-8").splitlines() if r.strip() and not r.startswith("#")]
    return {name: frozenset(ws.split()) for name, ws, *_ in (r.split("\t") for r in rows[1:])}


def words(name: str) -> frozenset[str]:
    """One named word set of this file, else of the coder's shared data/wordsets.tsv (the name-calling nouns
    that the lexicon's rows use too); an unknown name is a KeyError naming the files."""
    sets = _word_sets()
    if name in sets:
        return sets[name]
    try:
        return shared_words(name)
    except KeyError:
        raise KeyError(f"no word set {name!r} in {WORDS_FILE} or the shared word sets") from None


@dataclass(frozen=True)
class Criticism:
    """One finding: ``actor`` criticises ``target``. ``anchor`` is the word whose date and place the event
    takes (the speech verb, the attack noun); ``evidence`` the words shown as its trigger."""

    rule: str
    actor: Actor
    target: Actor
    anchor: Token
    evidence: tuple[Token, ...]
    speaker: Actor | None = None
    code: str = CRITICISE_CODE  # praise.py's findings are praise, SUPPORT 051


@dataclass(frozen=True)
class Stance:
    """What saying something of someone does to them: criticise them (ACCUSE 111, this module) or praise them
    (SUPPORT 051, praise.py). The rules that read speech, quotes and labels are the same; the words differ."""

    code: str
    clause_evidence: Callable[[Token], tuple[Token, ...] | None]  # the clause's judging words, or None
    label_word: Callable[[Token], bool]  # a judging adjective or noun ("weak", "a liar"; "brilliant")


@derivation("reported_criticism", stage="sentence")
def _reported_criticism(ctx: DeriveContext, cand: Candidate | None, event: Event | None) -> list[Event]:
    """The registry's entry: the criticism rules run after the coder and the obligation rule (derive.py)."""
    return derive(ctx.coder, ctx.sent, ctx.article, ctx.actors, ctx.quotes, ctx.coded)


def derive(
    coder: EventCoder, sent: Span, article: Article, actors: DocActors, quotes: list[Quote], events: list[Event]
) -> list[Event]:
    """ACCUSE events of the criticism rules for one sentence."""
    coded = sentence_events(sent, events)
    findings = reported_criticism(coder, sent, actors, quotes) + characterisations(coder, sent, actors)
    findings += doubts(coder, sent, actors) + quoted_judgements(coder, sent, actors, quotes)
    findings += allegations(coder, sent, actors)
    findings += attack_nouns(coder, sent, actors, quotes, coded)
    return new_events(coder, findings, sent, article, actors, coded)


def sentence_events(sent: Span, events: list[Event]) -> list[Event]:
    """The events already coded in the sentence."""
    return [e for e in events if sent.start_char <= e.trigger_start < sent.end_char]


def new_events(
    coder: EventCoder, findings: list[Criticism], sent: Span, article: Article, actors: DocActors, coded: list[Event]
) -> list[Event]:
    """The events of the findings, leaving out any pair the coder (or an earlier finding) already coded in the
    sentence: one act, one event."""
    out: list[Event] = []
    for found in findings:
        if not any(_same_pair(e, found) for e in coded + out):
            out.append(_event(coder, found, sent, article, actors))
    return out


# -- class 1: reported criticism ------------------------------------------------------------------------
def reported_criticism(
    coder: EventCoder, sent: Span, actors: DocActors, quotes: list[Quote] = (), stance: Stance | None = None
) -> list[Criticism]:
    """ "X said/argued/pointed out that Y <did wrong | failed | is unfit>": X criticises Y (or, with praise.py's
    ``stance``, "X said Y is a good man": X praises Y)."""
    stance = stance or CRITICISM
    out: list[Criticism] = []
    verbs = tokens_of_pos(sent, ("VERB", "AUX"))  # is_speech_verb and is_finding hold of these only
    says = (t for t in verbs if (is_speech_verb(t) or is_finding(t)) and _asserted(modality(t)) and not _asked(sent, t))
    for say in says:
        attributed = _attributed(say, quotes)
        speakers = _quoted_speaker(say, attributed) or _speakers(coder, say, sent, actors)
        if not speakers:
            continue
        about = _said_of(coder, say, sent, actors)
        addressee = _addressee(attributed)
        for clause in complements(say):
            evidence = stance.clause_evidence(clause)
            if evidence is None or _conditional(clause):
                continue
            for target in _clause_targets(coder, clause, sent, actors, speakers[0], about, addressee):
                out += [Criticism("reported_criticism", s, target, say, evidence, s, stance.code) for s in speakers]
    return out


def _attributed(say: Token, quotes: list[Quote]) -> list[Quote]:
    """The quotes this speech verb attributes: its cue, starting in its sentence."""
    sent = say.sent
    return [q for q in quotes if q.cue == say.text and sent.start_char <= q.start < sent.end_char]


def _quoted_speaker(say: Token, attributed: list[Quote]) -> list[Actor]:
    """The speaker the quote extractor gave a direct quote this verb attributes, when the verb's subject is a
    pronoun: it looked for the antecedent outside the quoted words ('"Trump is a con artist," he said')."""
    subj = subject_token(say)
    if subj is None or subj.pos_ != "PRON":
        return []
    return next(([q.speaker] for q in attributed if q.direct and q.speaker is not None), [])


def _addressee(attributed: list[Quote]) -> Actor | None:
    """Whom the quote attributed by this verb is said to ('"You are a liar," Trump told Cruz')."""
    return attributed[0].addressee if attributed else None


def is_speech_verb(tok: Token) -> bool:
    """A verb of saying: a quote cue whose subject speaks (quotes/data/cues.tsv), or one of EXTRA_SPEECH."""
    if tok.pos_ not in {"VERB", "AUX"}:
        return False
    cue = cue_of(tok)
    if cue is not None and cue.role in SPEECH_CUE_ROLES:
        return True
    return _phrase_in(tok, "EXTRA_SPEECH") or tok.lemma_.lower() in words("EXTRA_SPEECH")


def is_finding(tok: Token) -> bool:
    """ "The committee's report found / concluded that ...": an inquiry stating its findings (FINDING_VERBS with
    an inquiry body or document as subject). What it finds against someone is an accusation (PLOVER ACCUSE:
    investigations and allegations), made by the inquiry's owner when the text names one."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in words("FINDING_VERBS"):
        return False
    subj = subject_token(tok)
    return subj is not None and (is_inquiry_body(subj) or is_inquiry(subj))


def is_inquiry_body(tok: Token) -> bool:
    """A body that makes findings, by its head noun or a compound ("the inspector general", "the House
    panel")."""
    bodies = words("INQUIRY_BODIES")
    compounds = (c.lemma_.lower() for c in tok.children if c.dep_ == "compound")
    return tok.lemma_.lower() in bodies or any(c in bodies for c in compounds)


def _phrase(tok: Token) -> str:
    """The lemma with its particle, as the data files write phrases: "point_out", "cover_up"."""
    prt = next((c for c in tok.children if c.dep_ == "prt"), None)
    return f"{tok.lemma_.lower()}_{prt.lower_}" if prt is not None else tok.lemma_.lower()


def _phrase_in(tok: Token, name: str) -> bool:
    """``_phrase(tok) in words(name)``; the particle is looked for only when a phrase of the set starts with the
    lemma (most tokens are no such verb, and reading a token's children is the costly part)."""
    lemma = tok.lemma_.lower()
    if lemma not in _phrase_heads(name) and "_" not in lemma:
        return False
    return _phrase(tok) in words(name)


@lru_cache(maxsize=64)
def _phrase_heads(name: str) -> frozenset[str]:
    """The first words of a word set's phrases ("point" of "point_out")."""
    return frozenset(w.split("_")[0] for w in words(name))


def complements(say: Token) -> list[Token]:
    """The clauses a speech verb reports: its that-clause (and that clause's conjuncts), or the clause it
    is a parenthetical of ("Trump is dangerous, Warren said")."""
    heads = [c for c in say.children if c.dep_ == "ccomp"]
    if say.dep_ == "parataxis" and say.head.pos_ in {"VERB", "AUX"}:
        heads.append(say.head)
    heads = [_past_opinion_frame(h) for h in heads]
    return [c for h in heads for c in (h, *(j for j in h.conjuncts if j.i > h.i))]


def _past_opinion_frame(clause: Token) -> Token:
    """ "'I think Clinton has been a disaster,' Bush said": the speaker's own "I think / I believe" frames the
    judgement; the clause under it is what is said of Clinton."""
    subj = subject_token(clause)
    if clause.lemma_.lower() not in words("OPINION_FRAMES") or subj is None or subj.lower_ not in {"i", "we"}:
        return clause
    return next((c for c in clause.children if c.dep_ == "ccomp"), clause)


def _clause_evidence(clause: Token) -> tuple[Token, ...] | None:
    """The clause's own negative predicate, or that of a verb it carries on ("is trying to mislead", "has
    continued to lie"); not under a verb that undoes it ("refused to lie", "stopped attacking")."""
    found = negative_predicate(clause)
    if found is not None or _negated(clause) or clause.lemma_.lower() in NEGATING | FROM_NEGATING:
        return found
    for inner in (c for c in clause.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}):
        found = negative_predicate(inner)
        if found is not None:
            return found
    return None


def negative_predicate(clause: Token) -> tuple[Token, ...] | None:
    """The words that say something bad of the clause's subject, or None: a verb of wrongdoing or failure,
    a condoned conduct, "have trouble / a hard time", a failed success, a disparaging predicate."""
    lemma = clause.lemma_.lower()
    negated = _negated(clause)
    no_object = any(d.lower_ == "no" for o in clause.children if o.dep_ == "dobj" for d in o.children)
    if no_object and lemma != "have":  # "has no idea what he is doing" is an ignorance imputed (below)
        return None  # "had violated no rules": the wrongdoing is denied
    if negated:
        return (clause,) if lemma in words("NEGATED_SUCCESS") else _copular(clause, negated=True)
    if _phrase(clause) in words("WRONGDOING_VERBS") or lemma in words("WRONGDOING_VERBS"):
        return None if lemma == "attack" and violent(clause.sent) else (clause,)
    objs = [c for c in clause.children if c.dep_ == "dobj"]
    if lemma in words("CONDONING_VERBS") and any(o.lemma_.lower() in words("CONDUCT_NOUNS") for o in objs):
        return (clause,)
    if lemma in words("RULE_BREAKING_VERBS") and any(o.lemma_.lower() in words("RULE_NOUNS") for o in objs):
        return (clause,)  # "had bent the rules", "broke the law"
    if lemma == "lose" and any(o.lemma_.lower() in words("TRUST_NOUNS") for o in objs):
        return (clause,)  # "has lost all credibility"
    if lemma == "make" and any(o.lemma_.lower() in words("FAULT_NOUNS") for o in objs):
        return (clause,)  # "made a grave mistake"
    if lemma == "put" and _at_risk(clause):
        return (clause,)  # "put national security at risk"
    if lemma == "have":
        for obj in objs:
            hard = any(a.lemma_.lower() in words("HARD_TIME_ADJECTIVES") for a in obj.children if a.dep_ == "amod")
            if obj.lemma_.lower() in words("HARDSHIP_NOUNS") or (obj.lemma_.lower() == "time" and hard):
                return (clause, obj)
            if obj.lemma_.lower() in words("IGNORANCE_NOUNS") and any(d.lower_ == "no" for d in obj.children):
                return (clause, obj)  # "has no idea what he is doing": an ignorance imputed
    return _copular(clause, negated=False) or _bad_object(clause) or _held_responsible(clause)


def _held_responsible(verb: Token) -> tuple[Token, ...] | None:
    """ "was responsible for the attacks", "is to blame for the crisis": a harm laid at the subject's door (blame,
    CAMEO 112); only for a harm (HARM_NOUNS or a word of violence), not "responsible for the recovery"."""
    if verb.lemma_.lower() != "be":
        return None
    for pred in verb.children:
        to_blame = pred.dep_ == "xcomp" and pred.lemma_.lower() == "blame" and has_aux(pred, {"to"})
        responsible = pred.dep_ == "acomp" and pred.lemma_.lower() in words("RESPONSIBILITY_WORDS")
        if (to_blame or responsible) and _for_a_harm(pred):
            return (verb, pred)
    return None


def _for_a_harm(pred: Token) -> bool:
    """A "for" phrase naming a harm: its object a HARM_NOUNS word, or a word of violence in it."""
    for prep in (c for c in pred.children if c.dep_ == "prep" and c.lower_ == "for"):
        objs = [g for g in prep.children if g.dep_ == "pobj"]
        if any(o.lemma_.lower() in words("HARM_NOUNS") for o in objs) or violent(prep.subtree):
            return True
    return False


def _at_risk(verb: Token) -> bool:
    """ "put X at risk / in danger / in jeopardy": an endangering imputed."""
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"at", "in"}]
    return any(p.lemma_.lower() in words("RISK_NOUNS") for c in preps for p in c.children if p.dep_ == "pobj")


def _bad_object(verb: Token) -> tuple[Token, ...] | None:
    """An object or predicate noun the clause qualifies as bad: "has done an awful job", "had a crazy policy"."""
    bad = words("BAD_MODIFIERS") | words("NEGATIVE_ADJECTIVES")
    for noun in (c for c in verb.children if c.dep_ in {"dobj", "attr"}):
        adjective = next((a for a in noun.children if a.dep_ == "amod" and a.lower_ in bad), None)
        if adjective is not None:
            return (verb, noun)
    return None


def _copular(verb: Token, negated: bool) -> tuple[Token, ...] | None:
    """ "is dangerous / a liar" (or "is not qualified" when ``negated``): the copula and its predicate."""
    if verb.lemma_.lower() != "be":
        return None
    adjectives = words("NEGATED_VIRTUES") if negated else words("NEGATIVE_ADJECTIVES")
    for pred in (c for c in verb.children if c.dep_ in {"acomp", "attr"}):
        for word in (pred, *pred.conjuncts):
            if word.dep_ == "acomp" or word.pos_ == "ADJ":
                if word.lemma_.lower() in adjectives or word.lower_ in adjectives:
                    return (verb, word)
                if not negated and _excessive(word):
                    return (verb, word)
            elif not negated and _insulting_noun(word):
                return (verb, word)
    return None


def _excessive(adjective: Token) -> bool:
    """ "had been too lenient", "is too weak": a quality in excess is a fault imputed; not "too early to tell"
    (a degree measured against what follows) nor "not too bad"."""
    too = any(c.dep_ == "advmod" and c.lower_ == "too" for c in adjective.children)
    measured = any(c.dep_ in {"xcomp", "ccomp", "prep"} for c in adjective.children)
    return too and not measured


def _noun_phrase(noun: Token) -> str:
    """ "liar", or a compound written with "_" ("con_artist")."""
    compounds = [c.lower_ for c in noun.children if c.dep_ == "compound"]
    return "_".join([*compounds, noun.lemma_.lower()])


def _insulting_noun(noun: Token) -> bool:
    """A NAME_CALLING_NOUNS word or phrase; the parser may make the phrase's first word an adjective ("con man")."""
    if _noun_phrase(noun) in words("NAME_CALLING_NOUNS"):
        return True
    modifiers = [c.lower_ for c in noun.children if c.dep_ in {"compound", "amod"} and c.i < noun.i]
    return bool(modifiers) and "_".join([*modifiers, noun.lemma_.lower()]) in words("NAME_CALLING_NOUNS")


def _said_of(coder: EventCoder, say: Token, sent: Span, actors: DocActors) -> list[Actor]:
    """Whom a remark is about when the speech verb says so: "'She is unqualified,' Trump said of Clinton"."""
    ofs = [c for c in say.subtree if c.dep_ == "prep" and c.lower_ == "of" and _hangs_on(c, say)]
    return [a for p in ofs for o in p.children if o.dep_ == "pobj" for a in coder._resolve(o, sent, actors)]


def _hangs_on(prep: Token, say: Token) -> bool:
    """Whether a preposition belongs to the speech verb, directly or through a date ("said on Wednesday of")."""
    tok = prep.head
    for _ in range(3):
        if tok.i == say.i:
            return True
        if tok.ent_type_ not in {"DATE", "TIME"} and tok.dep_ != "prep":
            return False
        tok = tok.head
    return False


def _clause_targets(
    coder: EventCoder,
    clause: Token,
    sent: Span,
    actors: DocActors,
    speaker: Actor,
    about: list[Actor] = (),
    addressee: Actor | None = None,
) -> list[Actor]:
    """The clause's subject as participants other than the speaker; none for a first-person or generic
    subject, or a pronoun that may be the speaker himself ("Trump said he was wrong"). A third-person pronoun
    stands for whom the remark is said ``about`` ("said of Clinton"); "you" for whom it is said to ('"You are a
    liar," Bush tweeted at Trump')."""
    subj = subject_token(clause)
    if subj is not None and subj.lower_ == "you" and addressee is not None and addressee.country:
        return [] if _coder._same(addressee, speaker) else [addressee]
    if subj is None or subj.lower_ in FIRST_PERSON or _generic(subj):
        return []
    if about and subj.pos_ == "PRON":
        return [a for a in about if not _coder._same(a, speaker)]
    if subj.lower_ in _coder.PRONOUNS and _coder._pronoun_fits(subj, speaker, actors):
        return []
    found = coder._resolve(subj, sent, actors) or _owner(coder, subj, sent, actors)  # "Clinton's plan is weak"
    return [a for a in found if not _coder._same(a, speaker)]


def _generic(subj: Token) -> bool:
    """ "people", "the economy", "voters" and bare plurals name a kind or a thing, not an actor."""
    if subj.lemma_.lower() in words("GENERIC_SUBJECTS") or subj.lower_ in words("GENERIC_SUBJECTS"):
        return True
    kind = any(c.dep_ == "det" and c.lower_ in words("GENERIC_DETERMINERS") for c in subj.children)
    return kind or bare_plural(subj)


def _speakers(coder: EventCoder, say: Token, sent: Span, actors: DocActors) -> list[Actor]:
    """Who speaks: the speech verb's subject (each conjunct), the owner of an inquiry that finds ("the
    committee's report found"), or the relayed speaker ("quoted X as saying")."""
    subj = subject_token(say)
    found = coder._resolve(subj, sent, actors)
    if not found and is_inquiry(subj):  # "the committee's report found / says that ..."
        return coder._resolve(maker_token(subj), sent, actors)
    relay = say.head.head if say.dep_ == "pcomp" else None
    if found or relay is None or relay.lemma_.lower() != "quote":
        return found
    quoted = next((c for c in relay.children if c.dep_ == "dobj"), None)  # "one of Carson's advisers"
    found = coder._resolve(quoted, sent, actors)
    ofs = [c for c in quoted.children if c.dep_ == "prep" and c.lower_ == "of"] if quoted is not None else []
    members = [p for c in ofs for p in c.children if p.dep_ == "pobj"]
    return found or [a for p in members for a in coder._resolve(p, sent, actors)]


def _conditional(clause: Token) -> bool:
    """ "... is wrong if he votes no", "... could hurt": a condition or a speculation, not a judgement made."""
    if any(c.dep_ == "aux" and c.lower_ in words("SPECULATIVE_AUX") for c in clause.children):
        return True
    if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in clause.children):
        return True
    return any(c.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in c.children) for c in clause.children)


def quoted_judgements(
    coder: EventCoder, sent: Span, actors: DocActors, quotes: list[Quote], stance: Stance | None = None
) -> list[Criticism]:
    """A sentence of a direct quote that disparages someone, with no speech verb of its own: '"Hillary Clinton
    is a disaster. She lied to the families," Trump said' -- the quote's speaker criticises its subject."""
    root = sent.root
    quote = next((q for q in quotes if q.direct and q.speaker is not None and q.start <= root.idx < q.end), None)
    if quote is None or quote.speaker is None or is_speech_verb(root) or not _asserted(modality(root)):
        return []
    clause = _past_opinion_frame(root)
    stance = stance or CRITICISM
    evidence = stance.clause_evidence(clause)
    if evidence is None or _conditional(clause) or _asked(sent, clause):
        return []
    speaker = quote.speaker
    return [Criticism("quoted_judgement", speaker, target, clause, evidence, speaker, stance.code)
            for target in _clause_targets(coder, clause, sent, actors, speaker, addressee=quote.addressee)]


def allegations(coder: EventCoder, sent: Span, actors: DocActors) -> list[Criticism]:
    """ "Moscow alleged that Kiev shelled the town", "repeated its allegation that Kiev shelled", "Trump's charge
    that Cruz lied": alleging an act of conflict or a wrongdoing is accusing whoever the that-clause says did it
    (PLOVER ACCUSE: "allege wrongdoing"). The act itself is coded by its own trigger as reported."""
    out: list[Criticism] = []
    for tok in tokens_of_pos(sent, ("VERB", "NOUN")):  # only a verb or a noun puts an allegation forward
        clauses, makers = _alleged(coder, tok, sent, actors)
        for clause in clauses:
            evidence = _clause_evidence(clause) or _conflict_act(clause)
            if evidence is None or _conditional(clause) or _negated(clause):
                continue
            for maker in makers:
                out += [Criticism("allegation", maker, t, tok, (tok, *evidence), maker)
                        for t in _clause_targets(coder, clause, sent, actors, maker)]
    return out


def _alleged(coder: EventCoder, tok: Token, sent: Span, actors: DocActors) -> tuple[list[Token], list[Actor]]:
    """The that-clauses an ALLEGING_VERBS verb or an ALLEGATION_NOUNS noun puts forward, and who puts them
    forward (the verb's subject; the noun's maker as for an attack noun: "its allegation", "made the charge")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lemma in words("ALLEGING_VERBS"):
        if not _asserted(modality(tok)) or _asked(sent, tok):
            return [], []
        clauses = [c for c in tok.children if c.dep_ == "ccomp" and _that_clause(c)]
        return clauses, (_speakers(coder, tok, sent, actors) if clauses else [])
    if tok.pos_ == "NOUN" and lemma in words("ALLEGATION_NOUNS") and _noun_asserted(sent, tok):
        clauses = [c for c in tok.children if c.dep_ in {"acl", "ccomp"} and _that_clause(c)]
        maker = attack_maker(tok) if clauses else None
        return clauses, (coder._resolve(maker, sent, actors) if maker is not None else [])
    return [], []


def _that_clause(clause: Token) -> bool:
    """A finite clause with a subject ("that Kiev shelled the town"), not "a claim to have won"."""
    return clause.pos_ in {"VERB", "AUX"} and subject_token(clause) is not None


def _conflict_act(clause: Token) -> tuple[Token, ...] | None:
    """The clause's head as an act of conflict the lexicon codes (ALLEGED_ACT_TYPES: "shelled", "arrested")."""
    return (clause,) if checks.plover_of(clause) in words("ALLEGED_ACT_TYPES") else None


def doubts(coder: EventCoder, sent: Span, actors: DocActors) -> list[Criticism]:
    """ "questioned whether Cruz was eligible", publicly doubting whether someone is or
    did something impugns them (CAMEO 111), whatever the predicate."""
    out: list[Criticism] = []
    for verb in (t for t in tokens_of_pos(sent, ("VERB",)) if _phrase_in(t, "DOUBTING_VERBS") or _raises_doubt(t)):
        if not _asserted(modality(verb)) or _asked(sent, verb):
            continue
        makers = coder._resolve(subject_token(verb), sent, actors)
        for clause in (c for c in verb.subtree if c.dep_ in {"ccomp", "pcomp"} and c.pos_ in {"VERB", "AUX"}):
            if not any(m.dep_ == "mark" and m.lower_ in {"whether", "if"} for m in clause.children):
                continue
            subj = subject_token(clause)
            if subj is None or subj.lower_ in FIRST_PERSON or _generic(subj):
                continue
            targets = coder._resolve(subj, sent, actors) or _owner(coder, subj, sent, actors)
            out += [Criticism("doubt", m, t, verb, (verb,), None)
                    for m in makers for t in targets if not _coder._same(m, t)]
    return out


def _raises_doubt(verb: Token) -> bool:
    """ "raised questions about whether", "cast doubt on whether": a RAISING_VERBS verb with a DOUBT_NOUNS object."""
    return verb.lemma_.lower() in words("RAISING_VERBS") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in words("DOUBT_NOUNS") for c in verb.children)


def characterisations(
    coder: EventCoder, sent: Span, actors: DocActors, stance: Stance | None = None
) -> list[Criticism]:
    """ "painted Clinton as weak", "called Trump dangerous", "called Trump a blowhard": presenting or naming
    someone as bad criticises them (as good, "called Trump a strong leader", praises them: praise.py)."""
    stance = stance or CRITICISM
    out: list[Criticism] = []
    verbs = words("CHARACTERISING_VERBS") | words("NAMING_VERBS")  # what _label needs: skip other words early
    for verb in (t for t in sent if t.lemma_.lower() in verbs):
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        label = _label(verb, obj, stance.label_word)
        if obj is None or label is None or not _asserted(modality(verb)) or _asked(sent, verb):
            continue
        if obj.lower_ in FIRST_PERSON | _coder.REFLEXIVES:
            continue
        makers = coder._resolve(subject_token(verb), sent, actors)
        targets = coder._resolve(obj, sent, actors) or _owner(coder, obj, sent, actors)
        out += [Criticism("characterisation", m, t, verb, (verb, label), None, stance.code)
                for m in makers for t in targets if not _coder._same(m, t)]
    return out


def _label(verb: Token, obj: Token | None, judged: Callable[[Token], bool]) -> Token | None:
    """The judging word (``judged``: disparaging, or praising) a characterising verb gives its object ("as weak")
    or a naming verb puts after it ("dangerous", "a blowhard")."""
    lemma = verb.lemma_.lower()
    if lemma in words("CHARACTERISING_VERBS"):
        return _as_label(verb, obj, judged)
    if lemma not in words("NAMING_VERBS") or obj is None:
        return None
    preds = [c for c in verb.children if c.dep_ in {"oprd", "xcomp", "ccomp", "acomp"}]
    preds += [c for c in obj.children if c.dep_ == "amod" and c.i > obj.i]  # "called Trump dangerous"
    for word in (w for p in preds for w in (p, *p.conjuncts)):
        if judged(word):
            return word
    return None


def _disparaging(word: Token) -> bool:
    """A disparaging adjective or noun (NEGATIVE_ADJECTIVES, NAME_CALLING_NOUNS)."""
    if word.lemma_.lower() in words("NEGATIVE_ADJECTIVES") or word.lower_ in words("NEGATIVE_ADJECTIVES"):
        return True
    return word.pos_ == "NOUN" and _insulting_noun(word)


def _owner(coder: EventCoder, noun: Token, sent: Span, actors: DocActors) -> list[Actor]:
    """Whose words or deeds a noun names: "Trump's remarks" (a named possessor, not "his")."""
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    return coder._resolve(owner, sent, actors) if owner is not None else []


def _as_label(verb: Token, obj: Token | None, judged: Callable[[Token], bool]) -> Token | None:
    """The judging word of the "as" phrase on the verb or its object: "as weak", "as a liar"."""
    holders = [verb] + ([obj] if obj is not None else [])
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "as"):
        found = next((w for w in prep.subtree if w.i != prep.i and judged(w)), None)
        if found is not None:
            return found
    # the parser's other reading: "as" an adverb of an adjectival clause ("dismissed Trump as unqualified")
    for clause in (c for c in verb.children if c.dep_ in {"advcl", "oprd"} and c.i > verb.i):
        if any(k.lower_ == "as" for k in clause.children) and judged(clause):
            return clause
    return None


CRITICISM = Stance(CRITICISE_CODE, _clause_evidence, _disparaging)


# -- class 2: attack nouns between politicians --------------------------------------------------------
def attack_nouns(
    coder: EventCoder, sent: Span, actors: DocActors, quotes: list[Quote], coded: list[Event]
) -> list[Criticism]:
    """ "Rubio's biggest attack" answered by Trump, "launched a broadside at Clinton", "the personal attacks
    each has engaged in": ACCUSE maker -> target when no word of violence is in the sentence."""
    if violent(sent):
        return []
    out: list[Criticism] = []
    for noun in tokens_of_pos(sent, ("NOUN", "PROPN")):  # no other part of speech is exchanged or an attack noun
        exchanged = is_exchanged(noun)
        if not exchanged and not is_attack_noun(noun):
            continue
        if any(e.trigger_start <= noun.idx < e.trigger_end for e in coded) or not _noun_asserted(sent, noun):
            continue  # the coder's own noun rule coded it (and recoded a verbal attack), or it is not reported
        speaker = coder._speaker(noun, sent, actors, quotes)
        pairs = _exchange_pairs(coder, noun, sent, actors) if exchanged else _attack_pairs(coder, noun, sent, actors)
        evidence = (noun.head, noun) if exchanged else (noun,)
        out += [Criticism("attack_noun", maker, target, noun, evidence, speaker) for maker, target in pairs]
    return out


def is_exchanged(noun: Token) -> bool:
    """An attack noun (or an accusation) two sides exchange: the object of an EXCHANGE_VERBS verb ("Cruz and
    Trump traded insults", "exchanged accusations with Rubio")."""
    lemma = noun.lemma_.lower()
    return (noun.dep_ == "dobj" and noun.head.lemma_.lower() in words("EXCHANGE_VERBS")
            and (lemma in words("ATTACK_NOUNS") or lemma in words("EXCHANGED_NOUNS")))


def _exchange_pairs(coder: EventCoder, noun: Token, sent: Span, actors: DocActors) -> list[tuple[Actor, Actor]]:
    """Each side of an exchange attacks the other: the verb's coordinated subject, or its subject and the "with"
    phrase of the verb or the noun ("traded barbs with Rubio"). An exchange of "attacks" may be physical: then
    only political sides count (verbal_side)."""
    verb = noun.head
    side_toks = [subject_token(verb)]
    side_toks += [_pobj(p) for t in (verb, noun) for p in t.children if p.dep_ == "prep" and p.lower_ == "with"]
    verbal = noun.lemma_.lower() != "attack"
    sides = [a for tok in side_toks if tok is not None for a in coder._resolve(tok, sent, actors)
             if verbal or verbal_side(a)]
    return [(a, b) for a in sides for b in sides if not _coder._same(a, b)]


def _pobj(prep: Token) -> Token | None:
    return next((g for g in prep.children if g.dep_ == "pobj"), None)


def _delivers(verb: Token) -> bool:
    """A verb whose subject makes the attack noun it takes as object: it launches it ("launched a broadside",
    "stepped up their criticism") or delivers it ("delivered a sharp rebuke", DELIVERING_VERBS)."""
    lemma = verb.lemma_.lower()
    return lemma in words("ATTACK_LAUNCH_VERBS") or lemma in words("DELIVERING_VERBS") or (
        _phrase(verb) in words("ATTACK_LAUNCH_VERBS"))


def is_attack_noun(noun: Token) -> bool:
    """A noun of verbal attack (ATTACK_NOUNS), one received "under" ("came under fire from Democrats"), or
    something said that is qualified as disparaging ("Trump's disparaging remarks about Carly Fiorina")."""
    lemma = noun.lemma_.lower()
    if lemma in words("ATTACK_NOUNS"):
        return True
    if lemma in words("UNDER_NOUNS") and noun.dep_ == "pobj" and noun.head.lower_ == "under":
        return True
    return _disparaging_remark(noun)


def _disparaging_remark(noun: Token) -> bool:
    """A REMARK_NOUNS word with a DISPARAGING_MODIFIERS adjective ("his racist comments", "derogatory remarks")."""
    if noun.lemma_.lower() not in words("REMARK_NOUNS") and noun.lower_ not in words("REMARK_NOUNS"):
        return False
    return any(c.dep_ in {"amod", "compound"} and c.lower_ in words("DISPARAGING_MODIFIERS") for c in noun.children)


def _attack_pairs(coder: EventCoder, noun: Token, sent: Span, actors: DocActors) -> list[tuple[Actor, Actor]]:
    """Maker -> target pairs of one attack noun; "each"/"both" makes the coordinated pair attack each other."""
    maker_tok = attack_maker(noun)
    target_tok = attack_target(noun)
    verbal = noun.lemma_.lower() not in {"attack", "fire"}  # may be physical: political sides only (verbal_side)
    if maker_tok is not None and maker_tok.lower_ in words("DISTRIBUTIVE_SUBJECTS") and target_tok is None:
        sides = [a for a in coder._resolve(_distributed(maker_tok), sent, actors) if verbal or verbal_side(a)]
        return [(a, b) for a in sides for b in sides if not _coder._same(a, b)]
    if maker_tok is None or target_tok is None:
        return []
    makers = [a for a in coder._resolve(maker_tok, sent, actors) if verbal or verbal_side(a)]
    targets = [a for a in coder._resolve(target_tok, sent, actors) if verbal or verbal_side(a)]
    return [(m, t) for m in makers for t in targets if not _coder._same(m, t)]


def attack_maker(noun: Token) -> Token | None:
    """Who makes the attack: a possessive, "by"/"from" ("Rubio's attack", "a swipe from Trump"), the subject
    of a verb that launches it ("launched attacks on", "engaged in attacks"), or of a relative clause on it
    ("the attacks each has engaged in")."""
    own = noun_actor_token(noun, "ACCUSE") or _received_from(noun)
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in {"in", "on"} else noun.head
    launched = noun.dep_ in {"dobj", "pobj"} and _delivers(verb)
    if own is not None and launched and own.dep_ == "poss" and own.lower_ in REFLEXIVE_POSSESSIVES:
        return subject_token(verb) or own  # "Republicans stepped up their criticism of Obama": their = the subject
    if own is not None:
        return own
    if launched:
        return subject_token(verb)
    for rel in (c for c in noun.children if c.dep_ == "relcl" and c.lemma_.lower() in words("ATTACK_LAUNCH_VERBS")):
        return next((c for c in rel.children if c.dep_ == "nsubj"), None)
    return None


def _received_from(noun: Token) -> Token | None:
    """The maker named on the verb that receives the attack: "Rubio drew criticism from Trump", "came under fire
    from Democrats" (the parser hangs the "from" on the verb, not on the noun)."""
    verb = receiving_verb(noun)
    if verb is None:
        return None
    source = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    return next((g for g in source.children if g.dep_ == "pobj"), None) if source is not None else None


def _target_preps(noun: Token) -> frozenset[str]:
    """The prepositions that name an attack noun's target: "on/against/at", "about" for disparaging remarks,
    "of" for criticism and its kin."""
    preps = words("REMARK_TARGET_PREPS") if _disparaging_remark(noun) else words("ATTACK_TARGET_PREPS")
    return preps | {"of"} if noun.lemma_.lower() in words("OF_TARGET_NOUNS") else preps


def attack_target(noun: Token) -> Token | None:
    """Whom the attack is aimed at: "on/against/at" X (see ``_target_preps``), whoever replies to it ("Trump
    responded to") or receives it ("Trump faced criticism from Republican leaders")."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in _target_preps(noun)):
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        owner = next((g for g in pobj.children if g.dep_ == "poss" and g.pos_ != "PRON"), None) if pobj else None
        if pobj is not None:
            return owner if owner is not None and pobj.ent_type_ == "" else pobj  # "attacks on Clinton's record"
    delivered = _delivered_target(noun)
    if delivered is not None:
        return delivered
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "to" else noun.head
    if noun.dep_ in {"pobj", "dobj"} and verb.lemma_.lower() in words("REPLY_VERBS"):
        return subject_token(verb)
    return receiver_token(noun)  # "faced / drew / came under criticism (from X)": only with a maker named


def _delivered_target(noun: Token) -> Token | None:
    """The target named on the verb that delivers or launches the attack noun ("delivered a sharp rebuke to Trump",
    "hurled insults at Clinton"); "to" only after a delivering verb ("took his attacks to the Senate floor" names a
    place), and never a setting or an audience ("on Twitter", "at the conference", "to reporters")."""
    verb = noun.head
    if noun.dep_ != "dobj" or not _delivers(verb):
        return None
    preps = [c for c in verb.children if c.dep_ in {"prep", "dative"} and c.lower_ in words("DELIVERED_TARGET_PREPS")]
    for prep in preps:
        pobj = _pobj(prep)
        if pobj is None or a_setting(prep, pobj) or pobj.lemma_.lower() in words("PUBLIC_AUDIENCES"):
            continue
        if prep.lower_ != "to" or verb.lemma_.lower() in words("DELIVERING_VERBS"):
            return pobj
    return None


def _distributed(each: Token) -> Token | None:
    """The coordinated subject "each"/"both" stands for: the first subject in the sentence with conjuncts
    ("Trump and Rubio were pressed about the attacks each has engaged in")."""
    for tok in each.sent:
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.conjuncts and tok.i < each.i:
            return tok
    return None


def _noun_asserted(sent: Span, noun: Token) -> bool:
    """Not a planned or possible attack, not in a question, not under a negated or modal verb."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    mods = [noun_modality(noun)] + ([modality(verb)] if verb.pos_ in {"VERB", "AUX"} else [])
    return all(_asserted(m) for m in mods) and not _asked(sent, noun)


# -- shared ------------------------------------------------------------------------------------------
def _asserted(mod: Modality) -> bool:
    return not (mod.negated or mod.hypothetical or mod.denied)


def _asked(sent: Span, tok: Token) -> bool:
    return _coder._in_question(sent, tok)


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in NEGATING_ADVERBS) for c in tok.children)


def _same_pair(ev: Event, found: Criticism) -> bool:
    """Does the event already hold this actor -> target pair?"""
    if ev.actor is None or ev.recipient is None:
        return False
    return _same_actor(ev.actor, found.actor) and _same_actor(ev.recipient, found.target)


def _same_actor(a: Actor, b: Actor) -> bool:
    return _coder._same(a, b) or (a.start, a.end) == (b.start, b.end) or (bool(a.name) and a.name == b.name)


def _event(coder: EventCoder, found: Criticism, sent: Span, article: Article, actors: DocActors) -> Event:
    """The ACCUSE event of a finding, asserted (its rule checked the modality), dated and placed at its anchor,
    its trigger the evidence words."""
    rule = _NOUN_RULE if found.rule == "attack_noun" else _REPORTED_RULE
    cand = Candidate(TriggerMatch(rule, found.evidence[0]), found.code, Modality())
    date, gran, resolved = coder._date(sent, found.anchor, article)
    location = coder._location(sent, found.anchor, actors, article)
    ev = coder._event(cand, sent, article, found.actor, found.target, found.speaker, date, gran, resolved, location)
    first, last = min(found.evidence, key=lambda t: t.i), max(found.evidence, key=lambda t: t.i)
    ev.trigger_start, ev.trigger_end = first.idx, last.idx + len(last.text)
    ev.trigger = doc_text(sent.doc)[ev.trigger_start : ev.trigger_end]
    return ev
