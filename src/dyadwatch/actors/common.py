"""What the actor stages share: word lists, the per-document records (hits, people, phrase
descriptions) and small token helpers."""

from __future__ import annotations

import csv
from dataclasses import dataclass

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from dyadwatch.actors.gazetteer import DATA_DIR, GazEntry, normalise
from dyadwatch.models import NON_STATE_CODES, Actor

NP_MODS = {"compound", "amod", "det", "poss", "nmod", "nummod", "quantmod", "case", "flat", "predet"}
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "himself", "herself", "hers"}
FEMALE_PRONOUNS = {"she", "her", "herself", "hers"}
MALE_PRONOUNS = {"he", "him", "his", "himself"}
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
                   "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                   "both", "few"}  # sixth pass: "both of Trump's remaining rivals", "a few of his allies"
# Sixth pass: nouns of a large number that are no body of their own: "an army of Sanders supporters".
FIGURATIVE_GROUPS = {"army", "legion", "horde", "battalion"}
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
# Attack nouns: a country modifying one is the attacker, not a thing named for it ("a U.S. drone strike" is the
# US's act, unlike "the Russia release"); events/roles.py reads the same set for "was killed in a U.S. strike".
ATTACK_NOUNS = frozenset({"airstrike", "ambush", "assault", "attack", "bombardment", "bombing", "raid", "shelling",
                          "strike"})
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
    # from a list, out of office on the article's date: the document's own evidence of a country wins (fifth pass,
    # class "a namesake of a foreign office holder": "former Alabama Democratic Governor George Wallace" is not the
    # Liberian minister George Wallace of 2006-2007)
    tentative: bool = False

    @property
    def tokens(self) -> set[str]:
        return set(normalise(self.name).split())

    def merge(self, country: str, sector: str, title: str) -> None:
        if self.fixed:
            return
        if self.tentative and country:
            self.country, self.tentative = country, False
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
    legislature: bool = False  # a committee of a legislature ("the House Benghazi committee")
    stateless: bool = False  # names a region of several states ("Latin American leaders"): no one state's


# Seventh pass: nouns of a group of people that roles.tsv gives no role ("Mexican-American community"): an "American"
# before them names Americans of that descent (matching.ethnic_americans).
PEOPLE_NOUNS = frozenset({"community", "communities", "group", "population", "family", "families", "donor",
                          "people", "woman", "man", "youth", "immigrant", "descent"})

# Titles of a state's representative at an international body: "U.N. Ambassador John Bolton" is the US's.
STATE_ENVOY_TITLES = ("ambassador",)


def envoy_at_igo(desc: _Desc) -> bool:
    """Sixth pass, class "a state's ambassador to an international body": the body qualifying an ambassador's title
    ("Former U.N. Ambassador John Bolton", "NATO Ambassador") is where the person serves, not whose: the person's
    country comes from the lists or the story. A UN envoy or official stays the body's."""
    return (desc.country in NON_STATE_CODES or desc.country_kind == "org") and any(
        w in desc.title.lower() for w in STATE_ENVOY_TITLES)


TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "moment"})


def swallowed_by_time(name: Token) -> bool:
    """Sixth pass, class "a name swallowed by a time noun": in "Trump went after Walker hours after the governor
    endorsed Cruz" the parser made "Walker" a modifier of "hours"; the name is a participant of its own (the
    resolver describes it, the roles take it as the object). Only a proper name right before a bare plural time
    unit (no determiner, number or adjective of its own: "two hours" stays a time)."""
    if name.dep_ != "compound" or name.pos_ != "PROPN" or name.head.i != name.i + 1:
        return False
    unit = name.head
    return (unit.lemma_.lower() in TIME_UNITS and unit.tag_ == "NNS"
            and not any(c.dep_ in ("det", "nummod", "amod") for c in unit.children))


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


def name_tagged_as_verb(tok: Token) -> bool:
    """A capitalised name the tagger called a verb where only a noun can stand (a preposition's or verb's
    object), inside a person or organisation entity: "loan it to Trump", "met Trump" (third pass)."""
    return (tok.pos_ == "VERB" and tok.dep_ in ("pobj", "dobj") and tok.text[:1].isupper()
            and not tok.text.isupper() and tok.ent_type_ in ("PERSON", "ORG") and tok.i > tok.sent.start)
