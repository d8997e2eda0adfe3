"""Who said it, to whom, where, and through whom: reading the attribution around a cue word.

Why a separate module: the same cue reading serves direct, mixed and indirect quotes, and the
speaker must never be lost — when the actor resolver has nothing, an Actor with the speaker's own
words is returned.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dyadwatch.actors import DocActors
from dyadwatch.models import Actor
from dyadwatch.nlp import doc_ents, doc_text
from dyadwatch.quotes.lexicon import cue_of, setting_nouns

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
GROUP_PRONOUNS = {"it", "they", "them", "its", "their"}
RELATIVE = {"who", "which", "that", "whom"}
SETTING_PREPS = {"in", "at", "during", "on", "to"}
ADDRESSEE_POS = {"PROPN", "NOUN", "PRON"}
CLAIM_CLAUSES = {"acl", "ccomp"}
QUOTED_SPANS = "dyadwatch.quotes.spans"  # doc.user_data key: (start, end) of every quoted span
NAME_POS = {"PROPN", "NOUN", "DET", "ADJ", "VERB"}  # VERB: a name the small model tags as one ("Tulsa")
RECORD_NOUNS = {"footage", "video", "clip", "recording", "tape", "audio", "film"}  # "footage of X saying"
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}


@dataclass
class Attribution:
    """The reading of one cue: its token and the actors around it."""

    cue: Token
    speaker: Actor | None = None
    addressee: Actor | None = None
    via: Actor | None = None
    setting: str = ""


def is_cue(token: Token) -> bool:
    """A verb of saying from the lexicon, or the "according" of "according to"."""
    cue = cue_of(token)
    if cue is None:
        return False
    if cue.role == "source":
        return token.lower_ == "according" and any(c.lower_ == "to" for c in token.children)
    if cue.role == "claim":  # "Trump's claim that …"; "a message that …" has no speaker of its own
        owner = _child(token, {"poss"})
        return owner is not None and owner.lower_ != "its" and any(c.dep_ in CLAIM_CLAUSES for c in token.children)
    if cue.lemma == "put":  # "as a Homeland Security memo put it", not "put the plan on hold"
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)
    return token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB")


def is_frame_cue(token: Token) -> bool:
    """A cue that may attribute a quote standing beside it: verbs of judging and finding only govern
    the quotes inside their own phrases ("“A,” Tester said, referring to …, “B”" is Tester's speech)."""
    return is_cue(token) and cue_of(token).role not in {"evaluate", "report", "claim"}


def _child(token: Token, deps: set[str]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _pobj(token: Token, prep: str) -> Token | None:
    for child in token.children:
        if child.dep_ in {"prep", "agent"} and child.lower_ == prep:
            return _child(child, {"pobj"})
    return None


def speaker_tokens(cue: Token) -> tuple[Token | None, Token | None]:
    """(speaker token, relaying token) for a cue, climbing to the governing verb when needed."""
    token = cue
    for _ in range(4):
        role = cue_of(token)
        role_name = role.role if role else "speech"
        if role_name == "source":
            return _pobj(token, "to"), None
        if role_name == "claim":
            return _child(token, {"poss"}), None
        if role_name == "relay":
            passive = _child(token, {"nsubjpass"})
            if passive is not None:
                return passive, _pobj(token, "by")
            return _child(token, {"dobj"}), _child(token, {"nsubj"})
        subject = _nearest_subject(token)
        if subject is not None:
            return _of_whom(subject, token), None
        if token.dep_ in {"ROOT"} or token.head.i == token.i:
            return (_name_before(cue) if token.i == cue.i else None), None  # a bad parse lost the subject
        if token.dep_ in {"relcl", "acl"} and token.head.pos_ in {"NOUN", "PROPN"}:
            return _of_whom(token.head, token), None  # "Smith, who said …"; "footage of Clinton asking"
        if in_quote(token.head) and not in_quote(token):
            return _name_before(cue), None  # a bad parse hung the cue on the quote: read the words
        token = token.head
    return None, None


def _of_whom(noun: Token, cue: Token) -> Token:
    """For "footage of Clinton asking" and "a video of the chief saying", the person the record is of."""
    whom = _pobj(noun, "of") if noun.lemma_.lower() in RECORD_NOUNS else None
    if whom is not None and whom.i < cue.i and (whom.pos_ == "PROPN" or whom.ent_type_ == "PERSON"):
        return whom
    return noun


def _name_before(cue: Token) -> Token | None:
    """The noun right before a cue with no parsed subject ("…,” Tulsa police Chief Chuck Jordan said"):
    the last noun of the words between the quote and the cue, when they are only a noun phrase."""
    doc = cue.doc
    nouns: list[Token] = []
    for token in reversed(doc[max(cue.i - 8, 0) : cue.i]):
        if in_quote(token) or token.is_punct or token.pos_ not in NAME_POS:
            break
        nouns.append(token)
    heads = [t for t in nouns if t.pos_ in {"PROPN", "NOUN"}]
    return heads[0] if heads else None


def _same_paragraph(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.idx, b.idx))
    return "\n" not in doc_text(a.doc)[lo:hi]


def _nearest_subject(verb: Token) -> Token | None:
    """The verb's subject in its own paragraph; the nearest one when a bad parse gives two."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and _same_paragraph(c, verb)]
    outside = [c for c in subjects if not in_quote(c)]
    subjects = outside or subjects  # “…: We will achieve justice,” Jordan said: "We" is quoted, not the speaker
    return min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None


def in_quote(token: Token) -> bool:
    """Whether a token lies inside quote marks (spans stored on the doc by ``extract_quotes``)."""
    return any(lo <= token.idx < hi for lo, hi in token.doc.user_data.get(QUOTED_SPANS, ()))


def _phrase_bounds(token: Token) -> tuple[int, int]:
    """Token range of a noun phrase: its left modifiers and head, plus flat name parts to the right."""
    start = token.left_edge.i
    end = token.i + 1
    for right in token.rights:
        if right.dep_ in {"compound", "flat", "appos"} and right.ent_type_ == token.ent_type_ and right.i == end:
            end = right.i + 1
    return start, end


def _covers(actor: Actor, token: Token) -> bool:
    return actor.start <= token.idx < max(actor.end, actor.start + 1)


def _compatible(actor: Actor, doc: Doc, pronoun: str) -> bool:
    """Person pronouns take people; it/they take organisations, countries and groups."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand") if actor.start >= 0 else None
    label = span.root.ent_type_ if span is not None else ""
    person = actor.kind == "person" or label == "PERSON"
    if pronoun in PERSON_PRONOUNS:
        return person
    return not person and (actor.kind in {"org", "country", "group"} or label in {"ORG", "GPE", "NORP"})


def recent_actor(actors: DocActors, doc: Doc, before: int, pronoun: str, exclude: Actor | None = None) -> Actor | None:
    """The most recent named actor before a character offset that a pronoun can refer to."""
    for actor in sorted(actors.mentions, key=lambda a: a.start, reverse=True):
        if actor.start < 0 or actor.start >= before or actor is exclude:
            continue
        if actor.text.lower() in PERSON_PRONOUNS | GROUP_PRONOUNS:
            continue
        if exclude is not None and actor.name and actor.name == exclude.name:
            continue
        if _compatible(actor, doc, pronoun):
            return actor
    return None


def actor_for(
    token: Token, actors: DocActors, exclude: Actor | None = None, quoted: tuple[int, int] | None = None
) -> Actor:
    """The actor for the noun phrase headed by ``token``; never None (falls back to the words). ``quoted``: the
    span of the quote this token attributes; a pronoun's antecedent is never a name inside it ('"Trump is a
    liar," he said' is not Trump speaking)."""
    doc = token.doc
    if token.lower_ in RELATIVE and token.head.dep_ == "relcl":
        token = token.head.head
    found = actors.for_token(token)
    pronoun = token.lower_ if token.pos_ == "PRON" else ""
    if pronoun and found is not None and quoted is not None and _named_inside(found, actors, quoted):
        earlier = recent_actor(actors, doc, quoted[0], pronoun, exclude)
        return earlier or Actor(text=token.text, start=token.idx, end=token.idx + len(token.text))
    if found is not None and _covers(found, token):
        if not pronoun or found.name.lower() not in PERSON_PRONOUNS | GROUP_PRONOUNS | {""}:
            return found
    if pronoun in PERSON_PRONOUNS | GROUP_PRONOUNS:
        earlier = recent_actor(actors, doc, token.idx, pronoun, exclude)
        if earlier is not None:
            return earlier
        return Actor(text=token.text, start=token.idx, end=token.idx + len(token.text))
    start, end = _phrase_bounds(token)
    span = doc[start:end]
    name = next((e.text for e in doc_ents(doc) if e.start <= token.i < e.end and e.label_ in {"PERSON", "ORG"}), "")
    kind = "person" if token.ent_type_ == "PERSON" else ""
    modifier = found if found is not None else None
    return Actor(
        text=span.text,
        name=name,
        country=modifier.country if modifier else "",
        sector=modifier.sector if modifier and kind != "person" else "",
        code=modifier.country if modifier else "",
        start=span.start_char,
        end=span.end_char,
        kind=kind,
    )


def _setting_text(noun: Token) -> str:
    words = [t for t in noun.subtree if t.dep_ not in {"det", "poss", "punct"} and t.i <= noun.i]
    return " ".join(t.text for t in words)


def _addressee_and_setting(cue: Token, actors: DocActors, speaker: Actor | None) -> tuple[Actor | None, str]:
    """The object of tell/warn/urge is the addressee unless it names a setting ("a news briefing")."""
    role = cue_of(cue)
    role_name = role.role if role is not None else ""
    addressee, setting = None, ""
    if role is not None and role.role == "address":
        obj = _child(cue, {"dobj", "dative", "iobj"})
        if obj is not None and obj.lemma_.lower() in setting_nouns():
            setting = _setting_text(obj)
        elif obj is not None:
            addressee = actor_for(obj, actors, exclude=speaker)
    for prep in (c for c in cue.children if c.dep_ == "prep" and c.lower_ in SETTING_PREPS):
        pobj = _child(prep, {"pobj"})
        if pobj is None:
            continue
        if pobj.lemma_.lower() in setting_nouns():
            setting = setting or _setting_text(pobj)
        elif prep.lower_ == "to" and addressee is None and role_name != "source" and pobj.pos_ in ADDRESSEE_POS:
            addressee = actor_for(pobj, actors, exclude=speaker)
        elif prep.lower_ == "at" and addressee is None and pobj.ent_type_ == "PERSON":
            addressee = actor_for(pobj, actors, exclude=speaker)  # "tweeted at Trump", "shouted at Rubio"
    return addressee, setting


def _named_inside(found: Actor, actors: DocActors, span: tuple[int, int]) -> bool:
    """Whether the pronoun's antecedent (an actor named like ``found``) is mentioned only inside ``span``."""
    named = [a for a in actors.mentions if a.name == found.name and a.start >= 0
             and a.text.lower() not in PERSON_PRONOUNS | GROUP_PRONOUNS]
    return bool(named) and all(span[0] <= a.start < span[1] for a in named if a.start < span[1])


def attribute(cue: Token, actors: DocActors, quoted: tuple[int, int] | None = None) -> Attribution:
    """Speaker, addressee, relay and setting for one cue token (``quoted``: the span of the quote it attributes)."""
    speaker_tok, via_tok = speaker_tokens(cue)
    speaker = actor_for(speaker_tok, actors, quoted=quoted) if speaker_tok is not None else None
    via = actor_for(via_tok, actors) if via_tok is not None else None
    addressee, setting = _addressee_and_setting(cue, actors, speaker)
    return Attribution(cue=cue, speaker=speaker, addressee=addressee, via=via, setting=setting)


def cue_text(cue: Token) -> str:
    """The cue as written, with its particle or "as saying" ("quoted ... as saying", "according to")."""
    if cue.lower_ == "according":
        return "according to"
    return cue.text
