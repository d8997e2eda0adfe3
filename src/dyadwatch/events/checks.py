"""Registered checks: named predicates on a trigger match that decide whether a lexicon row reports
an event here.

A check answers a yes/no question about one match (``(match: TriggerMatch) -> bool``): "does the
verb govern a to-infinitive?", "is this warning only a claim?". Lexicon rows name the checks they
need in their ``checks`` column; ``name`` requires the answer yes, ``!name`` requires no. The
generic checks in ``GENERIC_CHECKS`` apply to every row, in order. An unknown name in a data file
fails when the file is loaded (``parse_refs``), so a typo never silently disables a rule.

Adding a check: write a small function here under ``@check("name")``, then name it in the rows
that need it (docs/events.md, "Rules as data").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from dyadwatch import codes
from dyadwatch.events.lexicon import Lexicon, TriggerMatch, direct_objects, object_words
from dyadwatch.events.modality import IMPLICATIVE, MODAL_AUX, governs_condition
from dyadwatch.events.roles import receiver_token, subject_token
from dyadwatch.events.syntax import has_aux, violent
from dyadwatch.events.wordsets import words
from dyadwatch.quotes import QUOTE_MARKS

Check = Callable[[TriggerMatch], bool]
CHECKS: dict[str, Check] = {}
NEGATION = "!"


class CheckError(ValueError):
    """A row names a check that is not registered."""


def check(name: str) -> Callable[[Check], Check]:
    """Register ``fn`` as the check ``name`` (a name may be registered once)."""

    def register(fn: Check) -> Check:
        if name in CHECKS:
            raise CheckError(f"check {name!r} is registered twice")
        CHECKS[name] = fn
        return fn

    return register


@dataclass(frozen=True)
class CheckRef:
    """A check named by a row: the registered name and whether the row requires its answer to be no."""

    name: str
    negated: bool = False

    def __call__(self, match: TriggerMatch) -> bool:
        return CHECKS[self.name](match) != self.negated

    def __str__(self) -> str:
        return NEGATION + self.name if self.negated else self.name


def parse_ref(spec: str, where: str = "") -> CheckRef:
    """ "needs_infinitive" or "!claim_warning" -> CheckRef; an unknown name fails, naming ``where``."""
    spec = spec.strip()
    negated = spec.startswith(NEGATION)
    name = spec[len(NEGATION):] if negated else spec
    if name not in CHECKS:
        known = ", ".join(sorted(CHECKS))
        raise CheckError(f"{where}: unknown check {name!r} (known: {known})" if where else f"unknown check {name!r}")
    return CheckRef(name, negated)


def parse_refs(field: str, where: str = "") -> tuple[CheckRef, ...]:
    """The comma-separated ``checks`` column of a row."""
    return tuple(parse_ref(s, where) for s in field.split(",") if s.strip())


def passes(match: TriggerMatch) -> bool:
    """The generic checks, then the row's own, in order; the first that fails drops the match."""
    return all(ref(match) for ref in GENERIC_REFS) and _row_checks_hold(match)


def _row_checks_hold(match: TriggerMatch) -> bool:
    return all(ref(match) for ref in match.rule.checks)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The project's lexicon, loaded once for the checks that ask what a word codes."""
    return Lexicon()


def plover_of(token: Token) -> str:
    """The PLOVER type a word codes as a trigger of the project's lexicon ("" when it is none). The checks a row
    names pick the word's sense and apply ("refused to hold hearings" refuses no blame, though "hold" has a blame
    row for "hold responsible"); the generic ones judge an event's participants and do not."""
    found = lexicon().match(token, accept=_row_checks_hold)
    return found.rule.plover if found is not None else ""


# -- small helpers -------------------------------------------------------------------------------------
def _kids(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _to_infinitive(comp: Token) -> bool:
    return any(g.lower_ == "to" for g in comp.children)


def _is_verb_row(match: TriggerMatch) -> bool:
    return match.rule.pos == "V"


# -- generic checks (every row) ------------------------------------------------------------------------
@check("known_code")
def known_code(match: TriggerMatch) -> bool:
    """The row's CAMEO code maps to a PLOVER type (a typo in a data file codes nothing)."""
    return codes.plover_type(match.rule.cameo) != ""


@check("stray_away")
def stray_away(match: TriggerMatch) -> bool:
    """ "backed away from a suggestion", "walked away from the talks": "away" makes another verb than the row's."""
    verb = match.head
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return (_is_verb_row(match) and nxt is not None and nxt.lower_ == "away" and nxt.head.i == verb.i
            and nxt.dep_ in {"advmod", "prt"})


@check("participle_noun_blocked")
def participle_noun_blocked(match: TriggerMatch) -> bool:
    """A passive participle modifying a noun has that noun as its object: "a report released by the institute".
    The row's blocking objects apply to it as they do to "released a report"."""
    verb, blocked = match.head, match.rule.blocked
    if not _is_verb_row(match) or not blocked or verb.dep_ != "acl" or verb.tag_ != "VBN":
        return False
    return not _kids(verb, "dobj") and bool(object_words(verb.head) & blocked)


@check("adjectival_participle")
def adjectival_participle(match: TriggerMatch) -> bool:
    """ "welcome news", "US-backed forces": a participle used as an adjective reports no act."""
    return _is_verb_row(match) and match.head.dep_ == "amod"


@check("stance_description")
def stance_description(match: TriggerMatch) -> bool:
    """ "a super PAC supporting her", "conservative groups opposing her", "one pastor supporting Mr. Cruz", "people
    opposed to the current government", "a group that is vigorously opposed to Trump", "another group that strongly
    opposes Trump": a participle after a noun, "opposed to", or a relative clause in the present simple tells which
    side the noun is on; it reports no act (STANCE_VERBS)."""
    head = match.head
    if not _is_verb_row(match) or head.lemma_.lower() not in words("STANCE_VERBS"):
        return False
    if head.dep_ == "acl" and head.tag_ == "VBG":
        return True
    if head.tag_ == "VBN" and any(c.dep_ == "prep" and c.lower_ == "to" for c in head.children):
        return not _kids(head, "agent")  # "opposed to Trump", not "opposed by the White House"
    with_someone = any(c.dep_ == "prep" and c.lower_ == "with" for c in head.children)
    if head.tag_ == "VBN" and head.dep_ == "acl" and with_someone:
        return not _kids(head, "agent")  # ninth pass: "major donors allied with Mr. Trump's rivals"
    return head.dep_ == "relcl" and head.tag_ in {"VBZ", "VBP"}  # "a group that opposes Trump": a standing position


@check("character_description")
def character_description(match: TriggerMatch) -> bool:
    """ "he's a counterpuncher who goes after people when they go after him": a relative clause in the present simple
    on a predicate noun says what kind of person someone is, a habit, and so does a "when" clause under it; it
    reports no act. On an apposition it does ("Matt Duss, the president of the Foundation, who criticizes the
    Israeli government": the realnews guide codes that criticism), and so does the past ("a senator who attacked")."""
    head = match.head
    if not _is_verb_row(match):
        return False
    occasion = any(c.dep_ in {"mark", "advmod"} and c.lower_ in {"when", "whenever"} for c in head.children)
    if head.dep_ == "advcl" and occasion:
        head = head.head  # "... who goes after people when they go after him": the habit's occasion
    return _habit_of_a_kind(head)


def _habit_of_a_kind(verb: Token) -> bool:
    """A present-simple relative clause with no auxiliary on a predicate noun."""
    if verb.dep_ != "relcl" or verb.tag_ not in {"VBZ", "VBP"}:
        return False
    return not _kids(verb, "aux", "auxpass") and verb.head.dep_ == "attr"


@check("ever_done")
def ever_done(match: TriggerMatch) -> bool:
    """ "the most beautiful soul I've ever met", "has anyone ever visited": "ever" makes a clause of experience or
    comparison, which reports no single act."""
    doc = match.head.doc
    return _is_verb_row(match) and any(
        c.lower_ == "ever" and not (c.i + 1 < len(doc) and doc[c.i + 1].lower_ == "since")  # "ever since she endorsed"
        for c in _kids(match.head, "advmod"))


@check("proposed_act")
def proposed_act(match: TriggerMatch) -> bool:
    """ "his position on banning Muslims", "his proposal for deporting immigrants", "called for barring all
    Muslims", "calls to boycott his films", "legalizing it could put thousands to work": a gerund or an infinitive
    under a proposal, a stated position or a call, or the subject of a conjecture, names an act proposed, not one
    done."""
    head = match.head
    if not _is_verb_row(match):
        return False
    if head.dep_ == "acl" and has_aux(head, {"to"}):  # "the move to ban him was unsuccessful", "calls to boycott"
        return head.head.lemma_.lower() in words("POSITION_NOUNS") | words("ATTEMPT_NOUNS") | words("CALL_NOUNS")
    if head.tag_ != "VBG":
        return False
    if head.dep_ == "csubj":
        return has_aux(head.head, MODAL_AUX)  # "legalizing it could put thousands to work": a conjecture
    if head.dep_ == "advcl" and _spells_out_a_proposal(head):
        return True
    if head.dep_ not in {"pcomp", "pobj"} or head.head.dep_ != "prep":
        return False
    holder = head.head.head  # "his position on banning", "called for temporarily barring all Muslims"
    return holder.lemma_.lower() in words("POSITION_NOUNS") or (
        head.head.lower_ == "for" and holder.pos_ == "VERB" and holder.lemma_.lower() in words("CALLING_VERBS"))


def _spells_out_a_proposal(gerund: Token) -> bool:
    """ "endorsed one of their preferred methods for stopping Trump: freeing all the delegates": a gerund after a
    colon that spells out a proposal, a method or a position named as the governing verb's object."""
    verb = gerund.head
    colon = any(c.dep_ == "punct" and c.text == ":" and c.i < gerund.i for c in verb.children)
    objs = _kids(verb, "dobj")
    nouns = objs + [g for o in objs for p in _kids(o, "prep") if p.lower_ == "of" for g in _kids(p, "pobj")]
    return colon and any(n.lemma_.lower() in words("POSITION_NOUNS") for n in nouns)


@check("noun_tagged_as_verb")
def noun_tagged_as_verb(match: TriggerMatch) -> bool:
    """ "the news release", "their support": a determiner before the word makes it a noun. Ninth pass, class "a noun
    phrase's last word tagged as a verb": "the residual effect of a major TV push his super PAC made" -- a
    determiner before the adjectives and nouns that lead to a verb with no subject of its own makes it a noun too."""
    head = match.head
    if not _is_verb_row(match) or head.i <= head.sent.start:
        return False
    if head.doc[head.i - 1].lower_ in words("NOUN_MARKERS"):
        return True
    if head.tag_ not in {"VB", "VBP", "VBZ"} or head.dep_ in {"acl", "relcl", "advcl"}:
        return False  # a participle after its noun is a clause ("a resolution condemning", "the deal brokered by")
    if _kids(head, "nsubj", "nsubjpass", "aux", "auxpass"):
        return False
    i = head.i - 1
    while i > head.sent.start and i > head.i - 4 and head.doc[i].pos_ in {"ADJ", "NOUN"}:
        i -= 1
    return i < head.i - 1 and head.doc[i].lower_ in words("NOUN_MARKERS")


@check("preposition_with_object")
def preposition_with_object(match: TriggerMatch) -> bool:
    """ "an address Clinton gave in Cairo": a preposition with its object, not the particle of "give in"."""
    return match.prep is not None and match.rule.no_object and bool(_kids(match.prep, "pobj"))


@check("compound_noun")
def compound_noun(match: TriggerMatch) -> bool:
    """ "the visit schedule", "protest leaders": an event noun modifying another noun names no event."""
    return match.rule.pos == "N" and match.head.dep_ == "compound"


@check("imperative")
def imperative(match: TriggerMatch) -> bool:
    """ "Visit his country.", "Welcome to POLITICO's Culture-Business Report": a bare base-form verb heading its
    sentence with no subject is a command, a greeting or a headline fragment, not a report (the tagger may call a
    sentence's first word a present-tense verb)."""
    tok = match.head
    first = tok.i == tok.sent.start and tok.tag_ == "VBP"
    if tok.pos_ != "VERB" or tok.dep_ != "ROOT" or (tok.tag_ != "VB" and not first):
        return False
    return not _kids(tok, "nsubj", "nsubjpass", "aux", "expl")


def bare_plural(noun: Token) -> bool:
    if noun.tag_ != "NNS" or noun.ent_type_:
        return False
    return not _kids(noun, "det", "poss", "nummod", "compound", "amod")


@check("generic_kind")
def generic_kind(match: TriggerMatch) -> bool:
    """A relative clause on a bare plural ("people who refuse to assimilate", "voters who support Sanders"), or a
    gerund with a bare plural subject ("no problem with presidents criticizing judges"): a kind, not an event."""
    tok = match.head
    if tok.tag_ == "VBG" and tok.dep_ != "ROOT":
        subj = next(iter(_kids(tok, "nsubj")), None)
        if subj is not None and bare_plural(subj):
            return True
    return tok.dep_ == "relcl" and bare_plural(tok.head)


@check("page_furniture")
def page_furniture(match: TriggerMatch) -> bool:
    """A line of page furniture: "Related: Trump attacks Cruz", "Read more: ...", "Reporting by ...; Editing
    by ...": a link, a caption or a credit left by the scraper, not a report."""
    sent = [t for t in match.head.sent if not t.is_punct or t.text == ":"]
    if len(sent) < 2 or sent[0].lower_ not in words("PAGE_FURNITURE_LABELS"):
        return False
    nxt = sent[2] if sent[1].lower_ in {"more", "also"} and len(sent) > 2 else sent[1]
    return nxt.text == ":" or nxt.lower_ == "by"


# PLOVER types of material acts (the coder's own-side rule reads them too).
MATERIAL_TYPES = {"ASSAULT", "COERCE", "AID", "COOPERATE", "MOBILIZE", "SANCTION", "RETREAT", "CONCEDE", "PROTEST"}


@check("inanimate_subject")
def inanimate_subject(match: TriggerMatch) -> bool:
    """ "the oil that funds the Islamic State", "views clashed", "a fire that killed a hundred people": a material
    act whose subject is a thing, an opinion, a disaster or a disease, not an actor."""
    if match.rule.pos != "V" or match.rule.plover not in MATERIAL_TYPES | {"THREATEN"}:
        return False  # a thing can endanger, not threaten: "the New Hampshire primary threatens to knock out"
    subj = subject_token(match.head)
    if subj is None:
        return False
    if subj.lemma_.lower() not in words("INANIMATE_SUBJECTS") or subj.ent_type_:
        return False
    owned = {"compound", "poss"}  # "the Clinton campaign", "Trump's campaign" act: a named owner makes an actor
    return not any(c.dep_ in owned and c.ent_type_ in {"PERSON", "ORG", "NORP"} for c in subj.children)


# Applied to every row in this order before the row's own checks.
GENERIC_CHECKS = (
    "known_code",
    "!stray_away",
    "!participle_noun_blocked",
    "!adjectival_participle",
    "!stance_description",
    "!character_description",
    "!ever_done",
    "!proposed_act",
    "!noun_tagged_as_verb",
    "!preposition_with_object",
    "!compound_noun",
    "!imperative",
    "!generic_kind",
    "!inanimate_subject",
    "!inside_name",
    "!page_furniture",
    "!poll_result",
    "!own_people",
    "!self_harm",
)


@check("a_manner")
def a_manner(match: TriggerMatch) -> bool:
    """Ninth pass, class "abandoning one's strategy": the object is one's own way of doing things (MANNER_NOUNS:
    "abandoned their strategy of brutally attacking him"), no concession to anyone."""
    return any(o.lemma_.lower() in words("MANNER_NOUNS") for o in direct_objects(match.head))


@check("judged_as")
def judged_as(match: TriggerMatch) -> bool:
    """Ninth pass, class "considered a top contender": "Charleston's Navy base has long been considered a top
    contender" judges what the base is (a predicate noun or adjective), it considers no deployment."""
    head = match.head
    if _kids(head, "oprd", "attr", "acomp"):
        return True
    return any(c.pos_ in {"NOUN", "PROPN", "ADJ"} for c in _kids(head, "xcomp"))


@check("self_harm")
def self_harm(match: TriggerMatch) -> bool:
    """Ninth pass, class "killing oneself": "one man, who killed himself after the attack", "the gunman shot
    himself": harm done only to oneself (SELF_HARM_VERBS with reflexive objects alone) attacks no one. A suicide
    bombing still does ("blew himself up, killing 12 soldiers": "blow" is no such verb, "killing" has victims)."""
    if not _is_verb_row(match) or match.head.lemma_.lower() not in words("SELF_HARM_VERBS"):
        return False
    objs = direct_objects(match.head)
    return bool(objs) and all(o.lower_ in words("REFLEXIVES") for o in objs)


STANCE_TYPES = {"SUPPORT", "ACCUSE", "REJECT"}


@check("poll_result")
def poll_result(match: TriggerMatch) -> bool:
    """ "male troops backed Trump, 57 percent to 22 percent", "52 percent disapprove of Obama": a poll's figures
    describe opinion, they are no act of support or disapproval."""
    if match.rule.plover not in STANCE_TYPES:
        return False
    head = match.head
    by = [k for k in head.children if k.dep_ == "agent" or (k.dep_ == "prep" and k.lower_ == "by")]
    near = [*head.children, *(c for k in head.children if k.dep_ in {"nsubj", "npadvmod", "advmod"} for c in k.subtree)]
    near += [c for k in by for c in k.subtree]  # "is backed by 34% of GOP voters"
    near += [c for o in head.children if o.dep_ == "dobj" for c in o.children if c.dep_ in {"appos", "npadvmod"}]
    if any(t.ent_type_ == "PERCENT" for t in near) or (head.dep_ != "ROOT" and head.head.ent_type_ == "PERCENT"):
        return True
    margins = [p for c in _kids(head, "prep") if c.lower_ == "by" for p in _kids(c, "pobj")]
    return any(m.lemma_.lower() in words("POLL_MARGINS") for m in margins)  # "women back him by 20 points"


# -- requests and orders ---------------------------------------------------------------------------
def _asks_to_act(verb: Token) -> bool:
    """A to-infinitive complement that is not an indirect question ("asked them to leave", not "asking
    where to vote")."""
    wh = words("WH_WORDS")
    return any(
        c.dep_ in {"xcomp", "ccomp"} and _to_infinitive(c) and not any(g.lower_ in wh for g in c.subtree if g.i < c.i)
        for c in verb.children
    )


def _asks_for_help(verb: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_ in words("HELP_OBJECTS") for c in verb.children)


@check("asks_for_act")
def asks_for_act(match: TriggerMatch) -> bool:
    """ "ask"/"press" request an act or help; "asked a question", "asked where to vote" request nothing."""
    return _asks_to_act(match.head) or _asks_for_help(match.head)


@check("requests_something")
def requests_something(match: TriggerMatch) -> bool:
    """ "requested a meeting", "requested them to leave": an act, help or a thing is requested; a source that
    "requested anonymity" asks the reporter, about the report (ANONYMITY_NOUNS)."""
    objs = _kids(match.head, "dobj")
    if any(o.lemma_.lower() in words("ANONYMITY_NOUNS") for o in objs):
        return False
    return asks_for_act(match) or bool(objs)


@check("orders_someone")
def orders_someone(match: TriggerMatch) -> bool:
    """ "ordered Menem to appear" demands; "ordered pizza" does not: an object and a to-infinitive."""
    head = match.head
    return bool(_kids(head, "dobj")) and any(has_aux(c, {"to"}) for c in _kids(head, "xcomp", "ccomp"))


@check("needs_infinitive")
def needs_infinitive(match: TriggerMatch) -> bool:
    """ "offered to mediate": the row needs a to-infinitive complement (an offer of nothing named is none). Ninth
    pass, class "the appeal's infinitive hung on its object": in "encouraged a foreign power to conduct espionage"
    the parser makes "to conduct" a clause of "power"; for a verb that asks its object to act (OBJECT_CONTROL_VERBS)
    that infinitive is the verb's."""
    head = match.head
    if any(_to_infinitive(c) for c in _kids(head, "xcomp")):
        return True
    if head.lemma_.lower() not in words("OBJECT_CONTROL_VERBS"):
        return False
    return any(_to_infinitive(a) for o in _kids(head, "dobj") for a in _kids(o, "acl"))


@check("appeals_for_something")
def appeals_for_something(match: TriggerMatch) -> bool:
    """An appeal asks: "appealed for calm", "appealed to Israel to halt", "appealed to the court"; "he appeals
    to a demographic" attracts it."""
    verb = match.head
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return True
    if any(has_aux(c, {"to"}) for c in _kids(verb, "xcomp", "ccomp")):
        return True
    to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    target = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
    # ninth pass: a people (NORP) needs its infinitive: "appealing to younger African Americans" attracts them
    return target is not None and (target.ent_type_ in {"GPE", "ORG", "PERSON"} or
                                   any(g.dep_ in {"xcomp", "ccomp", "acl"} and has_aux(g, {"to"})
                                       for g in target.children))


@check("has_object")
def has_object(match: TriggerMatch) -> bool:
    """The trigger has a direct object: "what the Times called a rough week", "called them on it" name, they
    do not call on anyone."""
    return bool(_kids(match.head, "dobj"))


@check("returns_somewhere")
def returns_somewhere(match: TriggerMatch) -> bool:
    """ "returned to Kabul", "was returned by Iran": a return needs a destination or an agent. Ninth pass, class
    "returned to office": a destination that is a post ("returning him to the post of prime minister", "to power";
    OFFICE_NOUNS) restores someone to office, it hands nothing back."""
    preps = [c for c in match.head.children if c.dep_ in {"prep", "agent"} and c.lower_ in {"to", "by"}]
    offices = words("OFFICE_NOUNS")
    to_office = any(p.lower_ == "to" and o.lemma_.lower() in offices for p in preps for o in _kids(p, "pobj"))
    return bool(preps) and not to_office


# -- refusals and no-comment ---------------------------------------------------------------------
def no_comment(act: Token) -> bool:
    """A withheld statement: "declined to elaborate", "refused to give details", "declined to provide a price"
    (CAMEO 011, no rejection); "declined to provide aid" is a refusal."""
    lemma = act.lemma_.lower()
    if lemma in words("NO_COMMENT"):
        return True
    if lemma not in words("GIVING_VERBS") or _kids(act, "prt"):
        return False  # "refused to give up the information" is another verb
    return any(object_words(o) & words("INFORMATION_NOUNS") for o in _kids(act, "dobj"))


@check("declines_an_act")
def declines_an_act(match: TriggerMatch) -> bool:
    """ "declined to meet" refuses an act; "the yen declined", "declined to comment" refuse none; nor does
    "declined to run for reelection", a choice about one's own candidacy (CANDIDACY_VERBS)."""
    own = words("CANDIDACY_VERBS")
    return any(not no_comment(c) and c.lemma_.lower() not in own for c in _kids(match.head, "xcomp"))


@check("empty_refusal")
def empty_refusal(match: TriggerMatch) -> bool:
    """A refusal is a REJECT when what is refused is asked of the actor or cooperative. Refusing to comment
    is a no-comment, and refusing a hostile verbal act ("declined to criticize her") rejects no one."""
    verbal_conflict = {"ACCUSE", "THREATEN", "REJECT"}
    return any(no_comment(a) or plover_of(a) in verbal_conflict or a.lemma_ == "be"  # "refused to be their pawn"
               for a in _kids(match.head, "xcomp"))


# -- word senses that are no event ---------------------------------------------------------------
@check("court_plea")
def court_plea(match: TriggerMatch) -> bool:
    """ "pleaded guilty" is a plea in court, not an appeal."""
    return any(c.lower_ in words("COURT_PLEAS") for c in match.head.children)


@check("seizes_on")
def seizes_on(match: TriggerMatch) -> bool:
    """ "the media seized on new revelations", "jumped on the remark": seizing an opportunity, not property."""
    return any(c.lower_ in {"on", "upon"} for c in match.head.children)


@check("retort")
def retort(match: TriggerMatch) -> bool:
    """ "Trump shot back that ...", "fired back at critics": a retort, no shooting."""
    return any(c.lower_ == "back" for c in match.head.children)


@check("says_a_quote")
def says_a_quote(match: TriggerMatch) -> bool:
    """ '"France will always be France," an angry Hollande retaliated': the verb introduces what was said (a
    clausal complement, with a quotation mark before the verb), so the act is one of words."""
    head = match.head
    quoted = any(t.text in QUOTE_MARKS or t.text in TOKEN_QUOTES for t in head.sent if t.i < head.i)
    return quoted and any(c.dep_ in {"ccomp", "parataxis"} for c in head.children)


TOKEN_QUOTES = {"''", "``"}  # quotation marks the scraped text writes with two characters
OPENING_QUOTES = {"“", '"', "‘"} | TOKEN_QUOTES  # marks that may open a quoted name or label


@check("trades_goods")
def trades_goods(match: TriggerMatch) -> bool:
    """ "trades oil with China" is commerce, "traded barbs / the microphone with" an idiom."""
    return all(c.lemma_.lower() in words("TRADED_GOODS") for c in _kids(match.head, "dobj"))


@check("meets_the_public")
def meets_the_public(match: TriggerMatch) -> bool:
    """ "met voters at a diner", "met with supporters": a campaign stop, no consultation. The met party is the
    object or the object of "with", and every one of them is PUBLIC_AUDIENCES."""
    withs = [p for c in _kids(match.head, "prep") if c.lower_ == "with" for p in _kids(c, "pobj")]
    met = _kids(match.head, "dobj") + withs
    described = {"acl", "relcl"}  # "workers impacted by the layoffs": a group the meeting is about
    return bool(met) and all(
        m.lemma_.lower() in words("PUBLIC_AUDIENCES") and not _kids(m, *described) for m in met
    )


@check("campaign_trip")
def campaign_trip(match: TriggerMatch) -> bool:
    """ "made a campaign trip to Puerto Rico", "a book tour": a candidate's or author's tour, no state visit;
    nor a private trip: "visited his golf course in Scotland", "visited Scotland for the opening of a golf
    course", "visiting Nice with his family", "traveling to Cairo to visit her daughter" (PRIVATE_TRIP_WORDS in
    the object, the purpose or the company); nor people travelling on their own account: "migrants traveling to
    Europe", "tourists visiting Cuba" (PRIVATE_TRAVELLERS as the subject)."""
    obj = match.obj
    if obj is not None and any(
        c.lemma_.lower() in words("CAMPAIGN_WORDS") for c in obj.children if c.dep_ in {"compound", "amod"}
    ):
        return True
    private = words("PRIVATE_TRIP_WORDS")
    objs = direct_objects(match.head) + [p for c in _kids(match.head, "prep") if c.lower_ in {"for", "with"}
                                         for p in _kids(c, "pobj")]
    objs += [o for c in _kids(match.head, "xcomp", "advcl") for o in direct_objects(c)]  # "to visit her daughter"
    if any(t.lemma_.lower() in private for o in objs for t in o.subtree):
        return True
    traveller = subject_token(match.head)  # eighth pass: "migrants traveling to Europe", "tourists visiting Cuba"
    return traveller is not None and traveller.lemma_.lower() in words("PRIVATE_TRAVELLERS")


# -- acts done to people ---------------------------------------------------------------------------
# Named things that do not act and are not done to: "Investigating Polar Exploration Rover", "the Paris Accord".
THING_ENTS = {"PRODUCT", "WORK_OF_ART", "LAW", "EVENT"}


def person_like(tok: Token) -> bool:
    """A person or people: a name, a pronoun for people, a count ("executed 12", "released two guards"), or a
    noun for people."""
    if tok.ent_type_ in {"PERSON", "NORP"}:
        return True
    if tok.ent_type_ in THING_ENTS:
        return False
    if tok.pos_ == "PRON":
        return tok.lower_ not in words("THING_PRONOUNS")
    if tok.pos_ in {"NUM", "PROPN"} or tok.ent_type_ == "CARDINAL":
        return True  # "executed 12", "released Moncayo"; a counted noun is people only as a people noun below
        # ("released two homeguards"), not "calls 22 emails top secret"
    if any(c.lower_ in words("CAPTIVE_MARKERS") for c in _kids(tok, "amod")):
        return True  # "an imprisoned political rival"
    if tok.lemma_.lower() in words("PEOPLE_NOUNS") or tok.lower_ in words("PEOPLE_NOUNS"):
        return True
    of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in _kids(c, "pobj")]
    return any(person_like(p) for p in of)  # "thousands of dissidents", "van loads of illegal aliens"


def _done_to(match: TriggerMatch) -> list[Token]:
    """What the act is done to: the direct object or passive subject (with conjuncts), or the noun a
    participle modifies ("prisoners released by Israel")."""
    objs = direct_objects(match.head)
    if not objs and match.head.dep_ == "acl" and match.head.tag_ == "VBN":
        objs = [match.head.head]
    return objs


@check("backs_a_policy")
def backs_a_policy(match: TriggerMatch) -> bool:
    """Eighth pass, class "a position on a policy": backing or supporting a policy, a law or a crackdown that no one
    is named as owning ("backing a crackdown on pharmaceutical companies", "supported the trade deal") is a stance;
    the people inside the policy's phrase (the companies) are not the ones supported. "supported Clinton's
    position", "backed the Manchin-Toomey bill", "ready to support the Belgian plan" name whose it is, and stay."""
    objs = [t for o in direct_objects(match.head) for t in (o, *o.conjuncts)]
    return bool(objs) and all(o.lemma_.lower() in words("ACT_NOUNS") and not _owned_or_named(o) for o in objs)


def _owned_or_named(tok: Token) -> bool:
    """ "Clinton's position", "the Manchin-Toomey bill", "the Belgian plan": the policy names whose it is."""
    return any(c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN")
               or (c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE", "ORG"}) for c in tok.children)


@check("own_people")
def own_people(match: TriggerMatch) -> bool:
    """Eighth pass, class "one's own people": acts whose only targets are the actor's own staff, unnamed ("asks her
    assistant to print out the recommendations", "met with her staff during the break"), are office business, no
    interaction between political actors. A named one ("his campaign manager, Corey Lewandowski") is a participant
    and stays; so is family, which can be political ("stumping for his wife")."""
    head = match.head
    targets = [t for o in direct_objects(head) for t in (o, *o.conjuncts)]
    preps = [match.prep] if match.prep is not None else [c for c in _kids(head, "prep") if c.lower_ in {"with", "to"}]
    targets += [t for p in preps for o in _kids(p, "pobj") for t in (o, *o.conjuncts)]
    own_words = {t.i for t in match.tokens}  # "convened senior staff for a strategy meeting": the meeting is the act
    targets = [t for t in targets if t.i not in own_words]
    return bool(targets) and all(_own_unnamed(t) for t in targets)


def _own_unnamed(tok: Token) -> bool:
    """Staff that are the actor's: "her staff", and (ninth pass) bare staff with no owner named ("convened senior
    staff for a strategy meeting", "met with top aides"), not "Clinton aides" or "aides of the president"."""
    owned = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)
    named = any(c.dep_ in {"appos", "compound"} and c.pos_ == "PROPN" for c in tok.children)
    bare = not any(c.dep_ in {"det", "poss", "compound", "appos", "nummod"} or (c.dep_ == "prep" and c.lower_ == "of")
                   for c in tok.children)
    return (owned or bare) and not named and tok.lemma_.lower() in words("OWN_PEOPLE_NOUNS")


@check("person_object")
def person_object(match: TriggerMatch) -> bool:
    """ "executed the spy", "executed 12 prisoners" kill people; "executed a search warrant", "executed a
    trade" carry something out. An act on people needs a person as its object (none named: kept)."""
    objs = _done_to(match)
    return not objs or any(person_like(o) for o in objs)


@check("has_victim")
def has_victim(match: TriggerMatch) -> bool:
    """Eighth pass, class "the team will execute": an execution has someone executed, as an object or a passive
    subject ("executed the spy", "two men were executed"); "they will execute with aplomb" carries out a plan."""
    return bool(_kids(match.head, "dobj", "nsubjpass"))


@check("hands_on_someone")
def hands_on_someone(match: TriggerMatch) -> bool:
    """ "grabbed the reporter", "shoved a protester", "grabbed her arm": a physical assault (CAMEO 182) lands on a
    person or on someone's body; "grabbed headlines", "punched a hole in the argument" do not."""
    objs = _done_to(match)
    body = words("BODY_PARTS")
    return any(person_like(o) or (o.lemma_.lower() in body and _kids(o, "poss")) for o in objs)


@check("holds_responsible")
def holds_responsible(match: TriggerMatch) -> bool:
    """ "held Clinton responsible / accountable for the crisis": blame (CAMEO 112). The parser makes the
    predicate an object complement or a small clause under "hold"; either way it is one of BLAME_PREDICATES."""
    preds = _kids(match.head, "ccomp", "oprd", "xcomp", "acomp", "advcl")
    return any(p.lemma_.lower() in words("BLAME_PREDICATES") for p in preds)


@check("aimed_at")
def aimed_at(match: TriggerMatch) -> bool:
    """ "pointed the finger at Clinton": the gesture is blame only when aimed "at" someone, on the verb or on its
    object; "pointing a finger in the woman's face" is a gesture."""
    holders = [match.head, *_kids(match.head, "dobj")]
    return any(c.dep_ == "prep" and c.lower_ == "at" for h in holders for c in h.children)


@check("received")
def received(match: TriggerMatch) -> bool:
    """ "won / received / picked up an endorsement from Pence": a noun whose "from" phrase is its maker needs a
    receiver (a RECEIVING verb's subject) to have a target; "locked up endorsements from the political arm of the
    Congressional Black Caucus and state politicians" has none, and the maker must not become the target."""
    return receiver_token(match.head) is not None


@check("releases_captive")
def releases_captive(match: TriggerMatch) -> bool:
    """A release (CAMEO 0841) frees people or seized property, or is done by a state or a body with power
    over captives: "Iran released the tanker", "the rebels released two hostages"; "since the tape was
    released", "the album was released" free no one."""
    objs = _done_to(match)
    if not objs:
        return True  # "Olmert, released from prison after ...": nothing else is named as released
    captured = words("CAPTURED_THINGS")
    if any(person_like(o) or o.lemma_.lower() in captured or o.lower_ in captured for o in objs):
        return True
    subj = subject_token(match.head)
    if subj is None:
        return False
    return subj.ent_type_ in {"GPE", "NORP", "ORG"} or subj.lemma_.lower() in words("ACTING_BODIES")


@check("inside_name")
def inside_name(match: TriggerMatch) -> bool:
    """A capitalised trigger word inside the name of a thing, a programme or an event: "Investigating Polar
    Exploration Rover", "Operation Protective Edge". Both must hold: the small model tags stray lower-case
    words as works of art, and title-case headlines are no names."""
    head = match.head
    return head.ent_type_ in THING_ENTS and head.is_title and head.i > head.sent.start


# -- fights and contests -------------------------------------------------------------------------
@check("contest_for")
def contest_for(match: TriggerMatch) -> bool:
    """ "fighting for second place", "competing for votes": a contest for a prize."""
    return any(c.dep_ == "prep" and c.lower_ == "for" for c in match.head.children)


@check("on_a_side")
def on_a_side(match: TriggerMatch) -> bool:
    """ "fighting on the Eritrean side", "fought alongside the Kurds": with someone, not against them (unless
    an enemy is named: "fought alongside US troops against Islamic State")."""
    verb = match.head
    if any(c.dep_ == "prep" and c.lower_ == "against" for c in verb.children):
        return False
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "alongside":
            return True
        if c.dep_ == "prep" and c.lower_ == "on" and any(p.lemma_.lower() == "side" for p in c.children):
            return True
    return False


@check("with_someone")
def with_someone(match: TriggerMatch) -> bool:
    """ "worked with Republicans", "works with the Chinese government", "spoke to Putin": cooperation and talks have
    a party after their preposition; "will never work, even with Obama's reforms" and "it speaks to who you are"
    name no one."""
    objs = [c for c in match.prep.children if c.dep_ == "pobj"] if match.prep is not None else []
    return any(_a_party(t) for o in objs for t in (o, *o.conjuncts))


def _a_party(tok: Token) -> bool:
    """Someone who can act with others: people, a named body or state, a group ("the Mexican authorities", "human
    rights groups")."""
    if _someone(tok):
        return True
    named = any(c.ent_type_ in {"ORG", "GPE", "NORP"} for c in _kids(tok, "amod", "compound"))
    return named or tok.lemma_.lower() in words("PARTNER_NOUNS")


def _someone(tok: Token) -> bool:
    """People, a named body, state or people, or a group noun ("the committee")."""
    return person_like(tok) or tok.ent_type_ in {"ORG", "GPE", "NORP"} or tok.lemma_.lower() in words("GROUP_NOUNS")


@check("fights_someone")
def fights_someone(match: TriggerMatch) -> bool:
    """A fight names its sides: an object, a with/against/between phrase, or conjoined subjects ("troops and
    rebels fought"); "each other" alone does not ("let them fight each other"). A to-infinitive is kept
    for the threat rule ("vowed to fight")."""
    verb = match.head
    if has_aux(verb, {"to"}):
        return True
    if any(c.lower_ not in words("RECIPROCALS") for c in _kids(verb, "dobj")):
        return True
    if any(c.dep_ == "prep" and c.lower_ in {"against", "with", "between", "alongside", "on"} for c in verb.children):
        return True
    subj = next(iter(_kids(verb, "nsubj", "nsubjpass")), None)
    return subj is not None and bool(subj.conjuncts)


# -- agreements, promises, warnings, threats, meetings ---------------------------------------------
@check("opinion")
def opinion(match: TriggerMatch) -> bool:
    """ "said they agree with the NCAA that ...", a bare "agree with X": sharing a view, no agreement
    ("agreed that their countries should cooperate" is one)."""
    kids = list(match.head.children)
    comps = [c for c in kids if c.dep_ == "ccomp"]
    if comps:
        return not any(has_aux(c, words("DEONTIC_AUX")) for c in comps)
    acts = any(c.dep_ in {"xcomp", "dobj"} or (c.dep_ == "prep" and c.lower_ in {"on", "to", "upon"}) for c in kids)
    return not acts and any(c.dep_ == "prep" and c.lower_ == "with" for c in kids)


def _party_clause(clause: Token) -> bool:
    """A that-clause about what the agreeing parties themselves will do: "agreed that they would meet",
    "agreed that their countries should cooperate" (not "agreed that a president should ...")."""
    if not has_aux(clause, MODAL_AUX):
        return False
    subj = next(iter(_kids(clause, "nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    if subj.lower_ in words("PERSONAL_PRONOUNS") | {"both", "all"}:
        return True
    return any(c.dep_ in {"poss", "nummod", "predet"} or c.lower_ in {"both", "two"} for c in subj.children)


@check("opinion_agreement")
def opinion_agreement(match: TriggerMatch) -> bool:
    """ "Paradis agrees.", "they do agree on something", "agreed that a president should act": sharing a view.
    An agreement has an act, a deal or the parties' own undertaking as its content."""
    agree = match.head
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
        return all(t.lemma_.lower() in words("OPINION_TOPICS") or t.lower_ in words("OPINION_TOPICS") for t in topics)
    return True  # a bare "agrees" / "agreed with him"


def _acts(verb: Token) -> list[Token]:
    """The to-infinitive complements of a verb with their conjuncts, looking through implicative verbs
    ("promised to begin talks")."""
    found: list[Token] = []
    for comp in _kids(verb, "xcomp"):
        for act in [comp, *comp.conjuncts]:
            found.append(act)
            if act.lemma_.lower() in IMPLICATIVE:
                found += _kids(act, "xcomp")
    return found


def _partner(act: Token) -> bool:
    """A promised act directed to a named country, body or person: "continue military aid to Mozambique"."""
    heads = [act, *_kids(act, "dobj")]
    preps = [p for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in {"to", "with"}]
    return any(o.dep_ == "pobj" and o.ent_type_ in {"GPE", "ORG", "NORP", "PERSON"} for p in preps for o in p.children)


@check("uncooperative_promise")
def uncooperative_promise(match: TriggerMatch) -> bool:
    """PLOVER AGREE is a commitment to cooperate: a campaign promise ("promised to build a wall") or a promise
    of a hostile act ("promised to veto the bill") is none; "pledged to back the nominee", "pledged to work
    together", "pledged to help Ukraine rebuild" are."""
    acts = _acts(match.head)
    kinds = [plover_of(a) for a in acts]
    conflict = {"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
    if not acts or any(k in conflict for k in kinds):
        return True
    joint = any(c.lower_ in words("JOINT_ADVERBS") for a in acts for c in a.children)
    helps = any(a.lemma_.lower() in words("HELP_VERBS") and any(c.ent_type_ for c in a.subtree if c.i != a.i)
                for a in acts)
    cooperative = any(k in {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"} for k in kinds)
    return not (joint or helps or any(_partner(a) for a in acts)) and not cooperative


def _threat_clause(clause: Token) -> bool:
    """A warned-of clause that announces something done to or by the parties: a modal clause with a pronoun
    subject ("warned that it would retaliate") or naming a consequence, or a clause with its own condition."""
    if any(c.dep_ == "advcl" and any(m.lower_ in {"if", "unless"} for m in c.children) for c in clause.children):
        return True
    if not any(c.dep_ in {"aux", "auxpass"} and c.lower_ in MODAL_AUX for c in clause.children):
        return False  # "warned that the economy is weak": a state of affairs
    subj = next(iter(_kids(clause, "nsubj", "nsubjpass", "expl")), None)
    if subj is not None and subj.lower_ in words("PERSONAL_PRONOUNS"):
        return True
    return any(t.lemma_.lower() in words("CONSEQUENCE_NOUNS") for t in clause.subtree)


@check("claim_warning")
def claim_warning(match: TriggerMatch) -> bool:
    """A "warn" that only describes a state of affairs or a forecast is a claim, not a PLOVER THREATEN:
    "warned that the economy is weak", "warned of the dangers". A threat warns someone against or away from
    an act, announces what the parties will do, or names a consequence or a condition."""
    warn = match.head
    kids = list(warn.children)
    if any(c.dep_ == "xcomp" or (c.dep_ in {"advmod", "prt"} and c.lower_ == "away") for c in kids):
        return False  # "warned the Chinese leader not to move on the shoal"
    against = [c for c in kids if c.dep_ == "prep" and c.lower_ == "against"]
    if against and _against_nothing(warn, against):
        return True  # "warned against the forces of hate", "warned against complacency": a caution, no threat
    if against or governs_condition(warn):
        return False
    clauses = [c for c in kids if c.dep_ == "ccomp"]
    topics = [p for c in kids if c.dep_ == "prep" and c.lower_ in {"of", "about"} for p in c.children
              if p.dep_ == "pobj"]  # fmt: skip
    if any(_threat_clause(c) for c in clauses) or any(t.lemma_.lower() in words("CONSEQUENCE_NOUNS") for t in topics):
        return False
    if clauses or topics:
        return True
    return not any(c.dep_ in {"dobj", "dative"} for c in kids)  # '"...," he warned.' with nothing warned of


def _against_nothing(warn: Token, against: list[Token]) -> bool:
    """Eighth pass, class "a warning against a mood": no one warned (no object) and nothing after "against" that
    someone does or is: a party, an act (a gerund, an act noun) or a person ("warned against the forces of hate",
    "warned against complacency"; not "warned China against provocations", "warned against attacking Iran")."""
    if any(c.dep_ in {"dobj", "dative"} for c in warn.children):
        return False
    objs = [p for a in against for p in a.children if p.dep_ in {"pobj", "pcomp"}]
    return bool(objs) and not any(o.tag_ == "VBG" or _a_party(o) or o.lemma_.lower() in words("ACT_NOUNS")
                                  for o in objs)


@check("met_no_one")
def met_no_one(match: TriggerMatch) -> bool:
    """Eighth pass, class "a meeting with no one": "we met as the 'core four' today", "when we met 45 years ago, we
    fell in love", "consulting for foreign governments": talks need a party, as an object, after "with" or "to", or
    as the other of conjoined or plural named subjects ("Putin and Obama met", "the two leaders met"). A pronoun
    subject names no second party. Ninth pass: held talks or a meeting likewise ("Mook was holding a meeting in his
    office"; not "held a meeting with GOP lawmakers", "talks between the two sides")."""
    head = match.head
    objs = [t for o in direct_objects(head) for t in (o, *o.conjuncts)]
    holders = [head] + ([match.obj] if match.obj is not None else [])  # ninth pass: "held a meeting with X"
    if any(_a_party(o) for o in objs if o is not match.obj) or any(
            c.lower_ in {"with", "to", "between", "among"} for h in holders for c in _kids(h, "prep")):
        return False
    subj = subject_token(head)
    if subj is None:
        return True
    if subj.conjuncts:
        return False  # "He and Trump have met"
    return subj.pos_ == "PRON" or subj.tag_ not in {"NNS", "NNPS"}


@check("a_prize")
def a_prize(match: TriggerMatch) -> bool:
    """Eighth pass, class "snatched victory": seizing, snatching or stealing a prize of politics or of attention
    (POLITICAL_PRIZES: victory, delegates, votes, the nomination, headlines, the show) takes no one's property and
    arrests no one ("Bush snatched victory from Al Gore", "potentially snatching all 95 delegates")."""
    return any(o.lemma_.lower() in words("POLITICAL_PRIZES") for o in direct_objects(match.head))


@check("out_of_a_state")
def out_of_a_state(match: TriggerMatch) -> bool:
    """Eighth pass, class "pulled out of poverty": pulling someone out of a state or a bed (STATE_EXITS) withdraws
    no one from a place, an agreement or a race ("pulled hundreds of millions out of poverty", "pulled him out of
    bed")."""
    outs = [c for c in match.head.children if c.lower_ == "out"]
    states = [p for o in outs for c in o.children if c.lower_ == "of" for p in _kids(c, "pobj")]
    states += [p for c in _kids(match.head, "prep") if c.lower_ == "of" for p in _kids(c, "pobj")]
    return any(p.lemma_.lower() in words("STATE_EXITS") for p in states)


@check("a_worry")
def a_worry(match: TriggerMatch) -> bool:
    """Eighth pass, class "concern about what may happen": "expressed concern about preserving their majorities",
    "expressed concern that Clinton may become president" worry about an outcome; disapproval (110) is of something
    someone did or does ("expressed concern about Clinton's use of a private server", "over NATO's expansion")."""
    kids = [*match.head.children, *(c for o in direct_objects(match.head) for c in o.children)]  # "concern that"
    clauses = [c for c in kids if c.dep_ in {"ccomp", "acl"}]
    if any(has_aux(c, words("OUTCOME_AUX")) for c in clauses):
        return True
    topics = [p for c in kids if c.dep_ == "prep" and c.lower_ in {"about", "over", "for"} for p in c.children
              if p.dep_ in {"pobj", "pcomp"}]  # fmt: skip
    return bool(topics) and all(t.tag_ == "VBG" and not _kids(t, "poss", "nsubj") for t in topics)


@check("endangers")
def endangers(match: TriggerMatch) -> bool:
    """ "Islamophobia threatens national security": "threaten" in the sense of endanger, a thing as its object
    and nothing threatened to be done. A threat names an act, a party ("threatened Iran") or a means."""
    kids = list(match.head.children)
    if any(c.dep_ in {"xcomp", "ccomp"} or (c.dep_ == "prep" and c.lower_ == "with") for c in kids):
        return False
    objs = [c for c in kids if c.dep_ == "dobj"]
    if not objs:
        return False
    parties = words("PERSONAL_PRONOUNS") | words("OBJECT_PRONOUNS")
    for obj in objs:
        if obj.ent_type_ or obj.lower_ in parties:
            return False
        if any(c.dep_ == "prep" and c.lower_ in {"against", "on", "over"} for c in obj.children):
            return False  # "threatened sanctions against Sweden": aimed at a party
        if person_like(obj) or plover_of(obj):
            return False  # "threatening the state chairwoman": a person is threatened, not endangered
    return True


@check("defends_own")
def defends_own(match: TriggerMatch) -> bool:
    """ "defended himself", "defended his record", "went on TV to defend his staff shake-up": the actor's own
    stance, nobody supported, unless a participant resolves from it (the coder checks that) or it names a
    person ("defended his campaign manager")."""
    defend = match.head
    prep = next((c for c in defend.children if c.dep_ == "prep" and c.lower_ == "by"), None)  # "stands by"
    objs = [o for o in (prep.children if prep is not None else defend.children) if o.dep_ in {"dobj", "pobj"}]
    for obj in objs:
        if obj.lower_ in words("REFLEXIVES"):
            return True
        own = any(c.dep_ == "poss" and c.lower_ in words("POSSESSIVE_PRONOUNS") for c in obj.children)
        person = obj.lemma_.lower() in words("PERSON_NOUNS") or any(t.ent_type_ for t in obj.subtree)
        if own and not person:
            return True
    return False


@check("reaction_meeting")
def reaction_meeting(match: TriggerMatch) -> bool:
    """ "was met with chants", "the plan met with fierce opposition": a reaction, not a CONSULT meeting."""
    meet = match.head
    withs = [c for c in meet.children if c.dep_ == "prep" and c.lower_ == "with"]
    if withs and _kids(meet, "nsubjpass", "auxpass"):
        return True
    objs = _kids(meet, "dobj") + [o for w in withs for o in w.children if o.dep_ == "pobj"]
    reactions = words("REACTION_NOUNS")
    return any(o.lemma_.lower() in reactions or o.lower_ in reactions for o in objs)


GENERIC_REFS = tuple(parse_ref(spec, "checks.GENERIC_CHECKS") for spec in GENERIC_CHECKS)


@check("words_only")
def words_only(match: TriggerMatch) -> bool:
    """ "went after Trump for his remarks", "hit Clinton over her emails": a physical verb of pursuit or striking
    is verbal criticism when the sentence holds no violence (the coder's verbal-attack rule, for rows coded 111).
    The trigger's own words do not count ("took a shot at Trump's record"), nor does a reason that is someone's
    act ("hit Clinton over her vote for the Iraq war": the war is what the vote was about)."""
    own = {match.head.i} | ({match.obj.i} if match.obj is not None else set())
    own |= topic_tokens(match.head)
    return not violent(t for t in match.head.sent if t.i not in own)


def _owned_reasons(head: Token) -> list[Token]:
    """The "over" / "for" / "on" phrases of a verb (or of its object) whose object is someone's act or words
    ("over her vote", "for his remarks", "her attacks on Sanders' record on guns"): the grounds or the target of a
    criticism, whose words say what it is about."""
    holders = [head, *(o for o in head.children if o.dep_ == "dobj")]
    return [prep for h in holders for prep in h.children if prep.dep_ == "prep" and prep.lower_ in REASON_PREPS
            and any(_owned_or_done(o) for o in prep.children)]


def _owned_or_done(obj: Token) -> bool:
    """Someone's act or words ("her vote") or a gerund clause ("for being too tough on guns")."""
    return (obj.dep_ == "pobj" and any(c.dep_ == "poss" for c in obj.children)) or obj.dep_ == "pcomp"


def topic_tokens(head: Token) -> set[int]:
    """Indexes of the tokens that say what a criticism is about (see ``_owned_reasons``)."""
    return {t.i for reason in _owned_reasons(head) for t in reason.subtree}


REASON_PREPS = {"over", "for", "on"}


@check("raised_by_someone")
def raised_by_someone(match: TriggerMatch) -> bool:
    """ "Romney raised questions about Trump's returns", "Obama cast doubt on": doubts someone raises. "The attacks
    raised new questions about security" (a thing as subject) is no one's act, and "raised questions about whether
    Lewandowski grabbed her" doubts the clause's subject (criticism.doubts), not whom the fallback finds."""
    subj = subject_token(match.head)
    someone = subj is not None and _someone(subj)
    whether = any(c.lower_ in {"whether", "if"} and c.dep_ == "mark" for c in match.head.subtree)
    return someone and not whether


@check("names_object")
def names_object(match: TriggerMatch) -> bool:
    """ "called Cruz a liar", "called it quits", "called him to account": the verb names or directs its object
    (a predicate or clause follows), which is no telephone call."""
    head = match.head
    complements = {"oprd", "xcomp", "ccomp", "attr", "acomp", "dative"}
    if any(c.dep_ in complements for c in head.children) or gives_a_name(match):
        return True
    # "called her son her hero": the parser may hang the second noun phrase on the object as an apposition
    # (with no comma between, unlike a true apposition: "called Putin, the Russian leader,")
    return any(
        c.dep_ in complements or (c.dep_ == "appos" and c.doc[c.left_edge.i - 1].text != ",")
        for o in direct_objects(head)
        for c in o.children
    )


@check("gives_a_name")
def gives_a_name(match: TriggerMatch) -> bool:
    """ "a group called Citizens for Trump", "has been called the 'Trump of the East' for", 'calls her "an
    extremely intelligent woman"': "call" gives a name or a label, it neither phones nor calls for anything."""
    head = match.head  # not any predicate the parser finds: "called on Gov. Rick Snyder (R) to resign" has one
    if head.dep_ == "acl" and head.tag_ == "VBN":
        return True
    if any(_quoted_label(p) for p in _kids(head, "oprd")):
        return True  # ninth pass: "the Philippines' president, Rodrigo Duterte, has been called the "Trump of the
        # East"": the label is far from its holder
    return any(_quoted_after(o) or _quoted_inside(o) for o in direct_objects(head))


def _quoted_label(pred: Token) -> bool:
    """A predicate noun opened by a quote mark: a label given, whatever the object's distance from it."""
    return any(t.text in OPENING_QUOTES for t in pred.doc[pred.left_edge.i : pred.i + 1])


def _quoted_inside(obj: Token) -> bool:
    """Eighth pass: 'calls her "an extremely intelligent woman"' parsed as one object ("her" its possessor, the
    quoted label its head): a quote mark inside the object's phrase, after its first word, opens a label."""
    return any(t.text in OPENING_QUOTES for t in obj.doc[obj.left_edge.i + 1 : obj.i])


def _quoted_after(obj: Token, window: int = 6) -> bool:
    """An opening quote mark shortly after the object, in its sentence: a name or label quoted for it."""
    end = min(obj.i + window, obj.sent.end)
    return any(t.text in OPENING_QUOTES for t in obj.doc[obj.i + 1 : end])


@check("people_targeted")
def people_targeted(match: TriggerMatch) -> bool:
    """ "cracked down on protesters" represses people; "crack down on high-speed trading" or "on tax evasion" is a
    policy against a practice, no repression (CAMEO 17x needs people or a body as the target)."""
    targets = _done_to(match) + [p for c in match.head.children if c.dep_ == "prep" and c.lower_ in {"on", "against"}
                                 for p in c.children if p.dep_ == "pobj"]
    return not targets or any(person_like(t) or t.ent_type_ in {"ORG", "GPE", "NORP"} for t in targets)


@check("campaign_rally")
def campaign_rally(match: TriggerMatch) -> bool:
    """ "The senator was rallying for Kingson", "Clinton rallied in Ohio": one politician holding a rally campaigns;
    a demonstration (PLOVER PROTEST) is many people rallying ("thousands rallied against the law")."""
    subj = subject_token(match.head)
    if subj is None or subj.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in subj.children):
        return False
    if subj.ent_type_ == "PERSON" or subj.lower_ in {"he", "she"}:
        return True
    return subj.lemma_.lower() in words("PEOPLE_NOUNS") and subj.lemma_.lower() not in words("PROTESTER_NOUNS")


@check("speech_setting")
def speech_setting(match: TriggerMatch) -> bool:
    """ "Speaking to the Republican Jewish Coalition, Trump wavered", "Clinton, who was speaking to the US
    Conference of Mayors": a participle framing what is said sets the scene of a speech or an interview; it
    reports no consultation."""
    head = match.head
    return head.tag_ == "VBG" and (head.dep_ == "advcl" or (head.dep_ == "relcl" and has_aux(head, {"was", "is"})))


@check("convenes")
def convenes(match: TriggerMatch) -> bool:
    """ "when the party meets next Wednesday", "the committee met on Tuesday": one body meeting on its own holds a
    session, which consults no one else (two sides, "Obama and Xi met", "the leaders met", stay)."""
    head = match.head
    if _kids(head, "dobj") or any(c.dep_ == "prep" and c.lower_ == "with" for c in head.children):
        return False
    subj = _kids(head, "nsubj")
    return bool(subj) and all(s.tag_ in {"NN", "NNP"} and not _kids(s, "conj") for s in subj)


@check("interview_question")
def interview_question(match: TriggerMatch) -> bool:
    """ "Trump named Cruz when asked to pick a running mate", "Sanders was asked to name a decision": a question
    put in an interview or a debate (a passive "asked", with no asker named, to say or choose something:
    INTERVIEW_ANSWERS) is journalism, no request between political actors."""
    head = match.head
    passive = head.tag_ == "VBN" and not _kids(head, "agent")
    asked = any(c.lemma_.lower() in words("INTERVIEW_ANSWERS") for c in _kids(head, "xcomp", "ccomp"))
    return passive and asked  # "when asked to leave, he refused" is a request all the same


@check("reached_for_comment")
def reached_for_comment(match: TriggerMatch) -> bool:
    """ "When contacted, a spokesperson said ...", "if reached": a passive "contacted" or "reached" with no one named
    as its agent, in a when/if clause, is the reporter asking for comment; journalism, no meeting."""
    head = match.head
    if head.tag_ != "VBN" or _kids(head, "agent", "nsubj", "nsubjpass"):
        return False
    return any(c.dep_ in {"mark", "advmod"} and c.lower_ in {"when", "if", "once", "after"} for c in head.children)


@check("commercial_deal")
def commercial_deal(match: TriggerMatch) -> bool:
    """ "signed a licensing agreement with G-III", "struck a book deal", "negotiated a deal to buy the site": a
    contract of commerce is the market, no political agreement (COMMERCIAL_DEAL_WORDS in the agreement's own words,
    or a sale in its infinitive: COMMERCE_VERBS)."""
    objs = direct_objects(match.head)
    kinds = any(c.lemma_.lower() in words("COMMERCIAL_DEAL_WORDS") for o in objs for c in o.children
                if c.dep_ in {"compound", "amod", "nmod"})
    purposes = [c for o in objs for c in o.children if c.dep_ == "acl"] + [  # "a deal to buy the site", or the
        c for c in match.head.children if c.dep_ in {"advcl", "xcomp"} and has_aux(c, {"to"})]  # parser's reading
    return kinds or any(p.lemma_.lower() in words("COMMERCE_VERBS") for p in purposes)


@check("electorate_support")
def electorate_support(match: TriggerMatch) -> bool:
    """ "Black voters have backed Clinton in high numbers", "most in both states supported Sanders", "a strong
    majority of members support Clinton": an electorate's or a share's support is a vote or a poll, no act
    (ELECTORATE_NOUNS as the subject, or the antecedent of "who"; "the AFL-CIO endorsed Clinton" stays)."""
    subj = subject_token(match.head)
    if subj is not None and subj.lower_ in {"who", "that"} and match.head.dep_ == "relcl":
        subj = match.head.head  # "the voters who have supported the mainstream candidates"
    if subj is None:  # "most in both states supported Sanders", parsed with "most" as an adverb
        subj = next((c for c in _kids(match.head, "advmod") if c.lower_ == "most" and c.i < match.head.i), None)
    if subj is not None and subj.lower_ in {"they", "we"}:
        subj = _reporting_share(match.head) or subj
    return subj is not None and poll_share(subj)


def _reporting_share(head: Token) -> Token | None:
    """Eighth pass, class "a poll's respondents say they will": in "47 percent of Republicans say they will support
    Trump", "Most Democrats said they would back Clinton", the one who says is the share of an electorate."""
    clause = head
    while clause.dep_ in {"xcomp", "conj"} and clause.head.i != clause.i:
        clause = clause.head
    speech = clause.head
    if clause.dep_ != "ccomp" or speech.lemma_.lower() not in words("COMMUNICATIVE"):
        return None
    share = next(iter(_kids(speech, "nsubj")), None)
    if share is None or any(t.lower_ in words("OFFICE_GROUP_WORDS") for t in share.subtree):
        return None  # "Most of the vulnerable Senate Republicans have said they would support Trump": office holders
    return share


def poll_share(tok: Token) -> bool:
    """A share of an electorate, the language of polls and votes: ELECTORATE_NOUNS ("voters", "a majority of
    members", "47 percent"), "most Democrats", a percentage in the phrase ("34% of GOP voters"), "Six in 10
    Republicans". Its support is a vote or a poll, and its demands are a poll's figures (derive.obligation)."""
    electorate = tok.lemma_.lower() in words("ELECTORATE_NOUNS")
    if electorate or any(c.lower_ == "most" for c in _kids(tok, "amod", "advmod", "det")):
        return True
    if any(t.ent_type_ == "PERCENT" for t in tok.subtree):
        return True
    if any(c.lower_ == "in" and any(p.like_num for p in c.children) for c in _kids(tok, "prep")):
        return True  # "Six in 10 of them"
    return any(t.lower_ == "in" and t.dep_ == "quantmod" for t in tok.subtree)  # "Six in 10 Republicans"


@check("idle_bystander")
def idle_bystander(match: TriggerMatch) -> bool:
    """Eighth pass, class "standing by is doing nothing": "Obama has stood idly by", "we cannot stand by while
    Russia attacks": "by" with no one after it, or "idly" / "aside", is inaction, not standing by someone."""
    if any(c.lower_ in {"idly", "aside", "silently"} for c in _kids(match.head, "advmod", "prt")):
        return True
    return match.prep is not None and not _kids(match.prep, "pobj")


@check("commercial_work")
def commercial_work(match: TriggerMatch) -> bool:
    """Eighth pass, class "business done together": "worked closely with Trump on a Manhattan building project",
    "partners with the firm on a hotel": cooperation on a commercial thing (COMMERCIAL_WORK_WORDS, in the "on"
    object or its modifiers) is the market, not political cooperation."""
    on = [p for c in _kids(match.head, "prep") if c.lower_ == "on" for p in _kids(c, "pobj")]
    named = {t.lemma_.lower() for p in on for t in (p, *_kids(p, "compound", "amod", "nmod"))}
    return bool(named & words("COMMERCIAL_WORK_WORDS"))


@check("takes_a_post")
def takes_a_post(match: TriggerMatch) -> bool:
    """ "Sembler has agreed to serve as a vice chairman": accepting a post or a candidacy (POST_VERBS) agrees
    nothing with anyone."""
    return any(c.lemma_.lower() in words("POST_VERBS") for c in _kids(match.head, "xcomp"))


@check("business_post")
def business_post(match: TriggerMatch) -> bool:
    """ "stepped down as Politico's chief executive", "resigned as CEO": leaving a post in a company is no
    change of political leadership (CAMEO 0832 needs a political post)."""
    posts = [p for c in _kids(match.head, "prep") if c.lower_ in {"as", "from"} for p in _kids(c, "pobj")]
    return any(t.lemma_.lower() in words("BUSINESS_POSTS") for p in posts for t in (p, *_kids(p, "compound")))


@check("concedes_a_possibility")
def concedes_a_possibility(match: TriggerMatch) -> bool:
    """ "strategists concede that a Trump loss could pull incumbents down", "conceded that more tunnels might
    exist": granting that something may be so yields nothing to anyone (no CAMEO 080). Ninth pass: a forecast
    hedged by "likely" is one too ("conceding that there would likely be a trade agreement down the line")."""
    return any(has_aux(c, words("POSSIBILITY_AUX")) or _hedged_forecast(c) for c in _kids(match.head, "ccomp"))


def _hedged_forecast(clause: Token) -> bool:
    return has_aux(clause, {"would", "will"}) and any(
        c.dep_ == "advmod" and c.lower_ in words("LIKELIHOOD_ADVERBS") for c in clause.children)


@check("campaign_events")
def campaign_events(match: TriggerMatch) -> bool:
    """ "Trump and aides are organizing fundraisers and rallies in Virginia": rallies listed with a campaign's
    other events (CAMPAIGN_EVENT_NOUNS) are campaigning, not a demonstration."""
    objs = direct_objects(match.head)
    return any(o.lemma_.lower() in words("CAMPAIGN_EVENT_NOUNS") for o in objs)


@check("strikes_as")
def strikes_as(match: TriggerMatch) -> bool:
    """ "the schedule struck supporters as unfair", "as he has demonstrated in recent speeches": "as" makes the
    verb one of seeming or showing, not an attack or a protest."""
    head = match.head
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in head.children):
        return True
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in head.children)
