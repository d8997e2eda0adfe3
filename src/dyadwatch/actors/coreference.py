"""Step 5, coreference: pronouns and bare definite role phrases ("the ministry") take the most
recent compatible actor.

A mixin of ``resolver._DocAnalysis``: methods read the per-document state it sets up (``self.doc``,
``self.r`` the resolver, ``self.hits``, ``self.descs``, ``self.persons`` ...)."""

from __future__ import annotations

from spacy.tokens import Token

from dyadwatch.actors.common import (
    FEMALE_PRONOUNS,
    GENERIC_GROUPS,
    PERSON_PRONOUNS,
    PROTAGONIST_WINDOW,
    THING_PRONOUNS,
    _Desc,
    _tree_distance,
)
from dyadwatch.actors.traits import mocked_trait_owner, mocker
from dyadwatch.models import Actor


class _Coreference:
    """Step 5: pronouns and bare definite role phrases take an earlier actor."""

    def _antecedent(self, desc: _Desc, history: list[tuple[int, Actor]]) -> Actor | None:
        """Most recent compatible actor for a pronoun or a bare definite role phrase.

        Subjects are preferred for nominative pronouns ("Price said ... he said"); an object pronoun
        never takes the subject of its own verb ("Putin welcomed Wang, telling him").
        """
        tok = self.doc[desc.head]
        sent_start = tok.sent.start
        window = self.doc[sent_start - 1].sent.start if sent_start > 0 else 0
        if not desc.pronoun:
            head = tok.lemma_.lower()
            named = _name_words(self.doc[desc.start: desc.end])
            for _, actor in reversed(history):
                words = {w.lower() for w in (actor.title + " " + actor.name + " " + actor.text).split()}
                if head in words and (actor.country or _titled_person(actor, head)) and named <= words:
                    return actor
            return self._legislator(desc, history, window)
        if desc.pronoun in PERSON_PRONOUNS:
            female = desc.pronoun in FEMALE_PRONOUNS
            fits = [(p, a) for p, a in history if (a.kind == "person" and a.name[:1].isupper()
                    and (self._female_once(a) == female or female and p >= window and self._gender_unknown(a)))
                    or _described_binder(self.doc[p], a, tok)]
        else:  # they / it: an actor of this or the previous sentence, never a place named as a location
            fits = [(p, a) for p, a in history if p >= window and (a.country or a.kind == "person")
                    and not self._located(p, a) and not _attribution_source(self.doc[p])]
            if desc.pronoun in THING_PRONOUNS:  # fifth pass: "it" is never a plural group ("American jobs")
                fits = [(p, a) for p, a in fits if a.kind != "person"
                        and not (a.kind == "group" and self.doc[p].tag_ in ("NNS", "NNPS"))]
            elif _member_pronoun(tok):  # eighth pass: "one of them" is one of a group (with a country or a sector)
                fits = [(p, a) for p, a in history if p >= window and a.kind == "group" and (a.country or a.sector)
                        and not self._located(p, a) and not _attribution_source(self.doc[p])]
        if tok.dep_ in ("nsubj", "nsubjpass"):
            ahead = self._cataphor(tok, desc.pronoun) if desc.pronoun in PERSON_PRONOUNS else None
            if ahead is not None:
                return ahead
            asked = _asked_person(tok)
            if asked is not None and desc.pronoun in PERSON_PRONOUNS:
                named = [a for p, a in fits if p == asked.i]
                if named:
                    return named[-1]  # "asking Rubio why he decided to attack Trump": he is Rubio
            if desc.pronoun in PERSON_PRONOUNS:  # fifth pass: "and he accused Mr. Trump": he is not Trump
                objects = _object_names(tok.head) | self._named_in_clause(tok)
                fits = [(p, a) for p, a in fits if not a.name or a.name.split()[-1].lower() not in objects]
            subjects = [(p, a) for p, a in fits if p >= window and self._is_subject(self.doc[p])]
            if not subjects and desc.pronoun in PERSON_PRONOUNS:
                return self._protagonist(tok, fits)
            fits = subjects or fits
            if desc.pronoun not in PERSON_PRONOUNS:
                fits = self._nearest_clause(tok, fits)
        elif _own_marked(tok):  # fifth pass: "Russia began its own bombing operation": its is Russia
            subjects = {c.i for c in self._verb(tok).children if c.dep_ in ("nsubj", "nsubjpass")}
            fits = [(p, a) for p, a in fits if p in subjects] or fits
        elif tok.dep_ != "poss" or desc.pronoun not in PERSON_PRONOUNS or mocked_trait_owner(tok):
            # fifth pass: "Rubio mocked his hand size" is not Rubio's own
            # "Perry announced his endorsement": his/her may be the subject's own; "its" keeps the old rule
            # ("the UN imposed sanctions in response to its invasion of Kuwait": its is not the UN)
            own_subjects = {c.i for c in self._verb(tok).children if c.dep_ in ("nsubj", "nsubjpass")}
            own_subjects |= _relative_antecedents(self._verb(tok))
            doer = mocker(tok) if mocked_trait_owner(tok) else None
            mockers = {a.name for p, a in fits if doer is not None and p == doer.i}  # "the senator" = Rubio, anywhere
            fits = [(p, a) for p, a in fits if p not in own_subjects and a.name not in mockers]
        if not fits:
            return None
        last, actor = fits[-1]
        several = actor.kind == "person" or bool(self.doc[last].conjuncts)
        if desc.pronoun not in PERSON_PRONOUNS and several:
            return None  # "Xi met Putin ... they sealed", "Russia and China ... they/it": several, not one
        return actor

    def _named_in_clause(self, pronoun: Token) -> set[str]:
        """Seventh pass, class "a pronoun bound to a name its own clause goes on to mention" (binding principle C):
        "He dismisses accusations that Trump is a racist": he is not Trump. Lower-cased last words of the people
        named after a subject pronoun inside its own verb's phrase (a PERSON entity, or a phrase naming a person).
        Not inside a quote: speakers name themselves ("He says ... 'it's not Bernie Sanders'": he is Sanders)."""
        from dyadwatch.quotes.marks import MARKS  # imported here: the quotes package imports the actors

        verb = pronoun.head
        if verb.pos_ not in ("VERB", "AUX"):
            return set()
        out = set()
        for t in verb.subtree:
            if t.i <= pronoun.i or t.pos_ != "PROPN":
                continue
            if any(q.text in MARKS or q.text in ("``", "''") for q in self.doc[pronoun.i + 1: t.i]):
                break  # the rest of the clause is quoted
            ent = self.person_ent.get(t.i)
            desc = self.descs.get(t.i)
            if (ent is not None and t.i == ent.end - 1) or (desc is not None and desc.name):
                out.add(t.lower_)
        return out

    def _cataphor(self, pronoun: Token, word: str) -> Actor | None:
        """Seventh pass, class "a pronoun that looks ahead": the subject pronoun of a subordinate clause put before
        its main clause stands for the main clause's subject, named after it ("Even as he accused the Justice
        Department of ..., Giuliani wouldn't speculate"; "Ever since she endorsed Mrs. Clinton, Ms. Warren has
        been ..."), not for the last person named before. Only a named person whose gender fits."""
        clause = pronoun.head
        if clause.dep_ != "advcl" or clause.i > clause.head.i:
            return None
        subj = next((c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > clause.i), None)
        desc = self.descs.get(subj.i) if subj is not None else None
        actor = self.actor_for(desc) if desc is not None and not desc.pronoun else None
        if actor is None or actor.kind != "person" or not actor.name[:1].isupper():
            return None
        female = word in FEMALE_PRONOUNS
        fits = self._female_once(actor) == female or (female and self._gender_unknown(actor))
        return actor if fits else None

    def _legislator(self, desc: _Desc, history: list[tuple[int, Actor]], window: int) -> Actor | None:
        """Fifth pass, class "the senator is no one": a bare "the senator" / "the lawmaker" (a person role of the
        legislature) is the most recent legislator of this or the previous sentence, though no text calls them so
        ("Trump ... called Rubio a lightweight, and then pointed out that the senator had found ...": Rubio, a
        senator by the lists). Only LEG: "the governor" must not become President Obama."""
        role = self.r.gazetteer.roles.get(self.doc[desc.head].lemma_.lower())
        if desc.sector != "LEG" or role is None or role.kind != "person":
            return None
        for p, actor in reversed(history):
            if p < window:
                return None
            if actor.kind == "person" and actor.sector == "LEG" and actor.country and actor.name[:1].isupper():
                return actor
        return None

    def _nearest_clause(self, tok: Token, fits: list[tuple[int, Actor]]) -> list[tuple[int, Actor]]:
        """Among subjects of the pronoun's own sentence, keep those of the clause nearest in the tree.

        "When Xi met Putin before Russia sent troops, they sealed ...": "met" hangs on "sealed",
        "sent" one level further down, so "they" looks at Xi (and Putin), not Russia.
        """
        sent = tok.sent
        same = [(p, a) for p, a in fits if sent.start <= p < sent.end]
        if len(same) < 2:
            return fits
        verb = self._verb(tok)
        hops = {p: _tree_distance(verb, self._verb(self.doc[p])) for p, _ in same}
        best = min(hops.values())
        return [(p, a) for p, a in fits if p not in hops or hops[p] == best]

    def _protagonist(self, tok: Token, fits: list[tuple[int, Actor]]) -> Actor | None:
        """For "he said" with no person subject nearby: the person most often a subject lately.

        An interviewer or a person merely mentioned in the previous sentence ("in an interview with
        CNN's Jake Tapper") is rarely the one who "said"; the passage's subject is. Only subjects of
        the last few sentences count (a story's early protagonist may be gone); ties: most recent.
        """
        first = tok.sent
        for _ in range(PROTAGONIST_WINDOW):
            if first.start == 0:
                break
            first = self.doc[first.start - 1].sent
        counts: dict[str, int] = {}
        for p, actor in fits:
            if p >= first.start and self._is_subject(self.doc[p]):
                counts[actor.name] = counts.get(actor.name, 0) + 1
        if not counts:
            return fits[-1][1] if fits else None
        best = max(counts.values())
        return next(a for _, a in reversed(fits) if counts.get(a.name) == best)

    def _located(self, i: int, actor: Actor) -> bool:
        """A place named as where something happens ("in Moscow"), not as a participant."""
        return actor.kind == "country" and not actor.sector and not self._acting(self.doc[i])

    @staticmethod
    def _is_subject(tok: Token) -> bool:
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ == "pobj" and tok.head.dep_ == "agent":  # "signed by Governor Brown"
            return True
        if tok.dep_ == "appos" and tok.head.dep_ in ("nsubj", "nsubjpass"):
            return True  # sixth pass: "the F.B.I. director, James B. Comey, recommended ..., but he called": Comey
        return tok.dep_ in ("nsubj", "nsubjpass")

    @staticmethod
    def _verb(tok: Token) -> Token:
        while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
            tok = tok.head
        return tok

    def _definite(self, desc: _Desc) -> bool:
        """A bare definite role phrase that stands for an earlier actor ("the ministry"). Seventh pass: not one in
        apposition to a name ("Matt Duss, the president of a foundation": the president is Duss, not an earlier
        president; a name left without a country no longer stopped the search at him)."""
        span = self.doc[desc.start: desc.end]
        head = self.doc[desc.head]
        if head.dep_ == "appos" and head.head.pos_ == "PROPN":
            return False
        return (not desc.country and not desc.name and desc.sector_strength > 0 and _short_role(span)
                and span[0].lower_ in ("the", "this", "that")
                and self.doc[desc.head].lemma_.lower() not in GENERIC_GROUPS
                and not any(t.lower_ in NOT_YET_WORDS for t in span)  # "the next president" is not Obama
                and not self._of_country(self.doc[desc.head]))  # "the President of China" names its own


def _titled_person(actor: Actor, role: str) -> bool:
    """Ninth pass (with "a place that names a thing"): a named person whose title is the role is the antecedent of "the
    judge", "the senator" even before the story's country places him ("Judge Gonzalo Curiel ... Curiel's order came
    the same day that Trump railed against the judge"): the passage's place no longer gives him one early. The title's
    own head word only ("campaign spokesman Jason Miller" is no antecedent of "the campaign")."""
    title = actor.title.lower().split()
    return actor.kind == "person" and actor.name[:1].isupper() and bool(title) and title[-1] == role


def _short_role(span) -> bool:
    """Ninth pass, class "a role described by its manner": "The famously gruff senator started on Wednesday" (Sanders,
    named before) was a new senator, and the passage's "Polish immigrant" made him POL. A definite role phrase of at
    most three words besides its adjectives and adverbs ("famously gruff", "embattled", "outspoken") stands for an
    earlier actor, as "the senator" does; at most five words in all."""
    core = [t for t in span if t.pos_ not in ("ADJ", "ADV")]
    return len(span) <= 5 and len(core) <= 3


def _described_binder(tok: Token, actor: Actor, pronoun: Token) -> bool:
    """Eighth pass, class "a person described only by a role": "the former president, who spent much of his speech
    defending his administration" is his antecedent, though no name says who he is (before, "his" went to another
    man named earlier). Only a person phrase with a role's sector and no name, for a pronoun after it in its own
    relative clause; elsewhere a role is no antecedent ("The senator attacked his record": his is someone else's).
    """
    if actor.kind != "person" or actor.name[:1].isupper() or not actor.sector or tok.sent.start != pronoun.sent.start:
        return False
    if pronoun.i <= tok.i or pronoun.lower_ not in ("he", "him", "his", "himself", "she", "her", "herself"):
        return False
    own = [c for c in tok.rights if c.dep_ in ("relcl", "acl")]
    return any(c.left_edge.i <= pronoun.i <= c.right_edge.i for c in own)


def _name_words(span) -> set[str]:
    """Eighth pass, class "a court's justices as lower court judges": the capitalised words of a definite phrase
    ("the Supreme Court's"), which an earlier actor must share to be its antecedent ("Lower court judges" shares
    only "court"). Lower-cased; determiners and the possessive left out."""
    return {t.lower_ for t in span if t.text[:1].isupper() and t.dep_ != "det" and t.pos_ != "PART"}


def _member_pronoun(pronoun: Token) -> bool:
    """Eighth pass, class "one of the shooters": the "them" of "one of them", "each of them" names a group whose
    member acts (resolver._partitives), so its antecedent is a group, not the last person named. Only as a subject
    ("he renounced most of them": them may be positions, things)."""
    prep = pronoun.head
    return (pronoun.lower_ == "them" and pronoun.dep_ == "pobj" and prep.lower_ == "of"
            and prep.head.dep_ in ("nsubj", "nsubjpass")
            and prep.head.lower_ in ("one", "each", "two", "some", "several", "many", "most", "all", "both"))


def _object_names(verb: Token) -> set[str]:
    """Lower-cased proper-noun heads of a verb's objects ("accused Mr. Trump": trump): a subject pronoun of that
    verb never stands for them (fifth pass, class "a pronoun bound to another man")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    return {o.lower_ for o in verb.children if o.dep_ in ("dobj", "dative") and o.pos_ == "PROPN"}


def _own_marked(tok: Token) -> bool:
    """A possessive followed by "own" ("its own operation", "their own candidate"): the owner is the subject of
    the clause, whatever the old rule for "its" says (fifth pass, class "a pronoun bound to another side")."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.dep_ == "poss" and nxt is not None and nxt.lower_ == "own" and nxt.head.i == tok.head.i


def _relative_antecedents(verb: Token) -> set[int]:
    """Fifth pass, class "a pronoun bound to the wrong man": the subject of a relative clause is the noun it
    modifies, and that noun's apposition anchor ("Jesus Garcia, a county commissioner who accused him": who is
    Garcia, so "him" is someone else). Positions of those nouns, for a clause whose subject is who/that/which."""
    if verb.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.lower_ in ("who", "that", "which")
                                       for c in verb.children):
        return set()
    noun = verb.head
    out = {noun.i}
    if noun.dep_ == "appos":
        out.add(noun.head.i)
    return out


# Fifth pass, class "the next president": a holder to come is never the one named before.
NOT_YET_WORDS = frozenset({"next", "future", "incoming"})
ASKING_VERBS = frozenset({"ask", "question", "press", "quiz", "query", "challenge"})
QUESTION_WORDS = frozenset({"why", "whether", "if", "how", "when", "what", "where"})


def _asked_person(pronoun: Token) -> Token | None:
    """The person asked, when a subject pronoun sits in an embedded question put to them: "asking Rubio
    why he decided to attack Trump", "pressed Clinton on whether she would" (he/she is the one asked, not
    the asker, whom the subject preference would pick)."""
    verb = pronoun.head
    clause = verb
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    asker = clause.head
    if clause.dep_ not in ("ccomp", "advcl", "pcomp") or asker.lemma_.lower() not in ASKING_VERBS:
        if not (clause.dep_ == "pcomp" and asker.dep_ == "prep" and asker.head.lemma_.lower() in ASKING_VERBS):
            return None
        asker = asker.head  # "pressed Clinton on whether she would"
    asks = any(t.lower_ in QUESTION_WORDS and t.i < pronoun.i for t in clause.subtree)
    if not asks:
        return None
    return next((c for c in asker.children if c.dep_ in ("dobj", "dative")), None)


def _attribution_source(tok: Token) -> bool:
    """ "According to the Independent Journal, Apple said it ...": the source a report is attributed to tells the
    story; it is not the one "it" or "they" stands for."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"
