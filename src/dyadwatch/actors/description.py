"""Step 2, description: each noun phrase's bounds and what it says about its referent (country,
sector, role title, organisation, person name).

A mixin of ``resolver._DocAnalysis``: methods read the per-document state it sets up (``self.doc``,
``self.r`` the resolver, ``self.hits``, ``self.descs``, ``self.persons`` ...)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dyadwatch.actors.common import (
    GROUP_PRONOUNS,
    NP_MODS,
    PERSON_PRONOUNS,
    PROXY_CUES,
    STANCE_WORDS,
    THING_PRONOUNS,
    _Desc,
    name_tagged_as_verb,
    swallowed_by_time,
)
from dyadwatch.actors.gazetteer import MAX_PHRASE_TOKENS, GazEntry
from dyadwatch.models import NON_STATE_CODES
from dyadwatch.nlp import tokens_of_pos

HEAD_POS = ("NOUN", "PROPN", "ADJ", "PRON", "ADV", "VERB", "X")  # what ``heads`` tests (name_tagged_as_verb: VERB)


class _Description:
    """Step 2: noun-phrase bounds and what each phrase says about its referent."""

    def heads(self) -> list[Token]:
        out = []
        for tok in tokens_of_pos(self.doc[:], HEAD_POS):  # the parts of speech tested below (the others: no head)
            if tok.i in self.skip or (tok.dep_ in ("compound", "flat") and not swallowed_by_time(tok)):
                continue
            pos = tok.pos_
            if pos in ("NOUN", "PROPN") or (pos == "ADJ" and tok.i in self.hit_at and tok.dep_ != "amod"):
                out.append(tok)
            elif pos == "PRON" and tok.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS:
                out.append(tok)
            elif pos in ("ADV", "VERB", "X") and self._named_org(tok):
                out.append(tok)  # "USAID deployed ...": the tagger called the acronym an adverb
            elif name_tagged_as_verb(tok):
                out.append(tok)  # "offered to loan it to Trump": a name the tagger read as the verb "trump"
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
        committee = doc[head].lemma_.lower() in COMMITTEE_NOUNS
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
                if entry.country and not (committee and hit.end <= head and entry.kind in SUBJECT_PLACE_KINDS):
                    # not "the Benghazi committee": a place in a committee's name is what it looks into
                    countries.append((hit.start + (1000 if hit.weak else 0), entry))
                if entry.kind == "region" and not entry.country:  # "Latin American": several states (seventh pass)
                    desc.stateless = True
                if entry.kind == "party":  # a party word places, but a role says the sector
                    desc.party_sector = entry.sector
                elif entry.sector:
                    sectors.append((2, hit.end - 1, entry.sector))
                    if entry.kind == "seat":
                        title_tokens.extend(range(max(hit.start, start), min(hit.end, end)))
                i = max(i + 1, hit.end)
                continue
            role, length = self.role_at(i, end)
            if role and i > 1 and doc[i - 1].text in ("-", "–") and doc[i - 2].lower_ in STANCE_WORDS:
                role, length = "", 0  # "a German anti-refugee group" is no refugee (nor a person)
            if i in self.person_ent and (head in self.person_ent or doc[head].pos_ == "PROPN"):
                if not role or not self._leading_title(i):
                    i += 1
                    continue
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
            place = [e for _, e in countries if e.kind != "org" or e.country in NON_STATE_CODES]
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
        legislature = self._legislature(start, head) if committee else None
        if legislature is not None:
            desc.sector, desc.sector_strength, desc.role_kind = "LEG", 2, "org"
            desc.legislature, desc.title_country = True, desc.title_country or legislature
        self._institution_role(desc)
        if self._stance(self.doc[head]):  # "He later denied his opposition": his stance, no opposition party
            desc.sector, desc.sector_strength, desc.role_kind = "", 0, ""
        return desc

    @staticmethod
    def _stance(head: Token) -> bool:
        """Fifth pass, class "a stance taken for a body": "opposition" or "resistance" owned by a pronoun or
        aimed "to" something names someone's stance ("denied his opposition", "their opposition to the deal"),
        not the political opposition (OPP)."""
        if head.lemma_.lower() not in STANCE_NOUNS:
            return False
        return any((c.dep_ == "poss" and c.pos_ == "PRON") or (c.dep_ == "prep" and c.lower_ == "to")
                   for c in head.children)

    def _legislature(self, start: int, head: int) -> str | None:
        """Fifth pass, class "US congressional committees unplaced": a committee or panel (the head) qualified by a
        legislature word ("the House Benghazi committee", "the Senate Judiciary Committee", "a congressional
        panel"; ``legislatures.tsv``) is a body of that legislature: its last-resort country ("" when the word
        names none), else None."""
        words = self.r.gazetteer.legislatures
        found = [words[t.lower_] for t in self.doc[start: head] if t.lower_ in words and t.dep_ in ("compound", "amod")]
        return found[0] if found else None

    def _institution_role(self, desc: _Desc) -> None:
        """Fifth pass, class "the FBI director": a role noun that names a person only with an institution
        (``institution_roles.tsv``: director, chairman, administrator ...) does so when the phrase names a body
        the lists know ("the FBI director", "the CIA's director"); "the film's director" stays no one."""
        head = self.doc[desc.head]
        kind = self.r.gazetteer.institution_roles.get(head.lower_)
        entry = desc.entry
        if kind is None or desc.role_kind or desc.name or entry is None or desc.head_entry is not None:
            return
        if entry.kind in ("org", "seat", "media") and entry.country:
            desc.role_kind = kind
            desc.title = desc.title or head.text

    def _leading_title(self, i: int) -> bool:
        """Is token i a title the tagger put at the start of a person's name ("Pope Francis", "King
        Abdullah" tagged as one PERSON)? It still says the sector and, for one state's titles, the country
        (third pass: the pope is VAT, not the dateline's ITA). Not a later word: "Martin Luther King"."""
        ent = self.person_ent[i]
        return i == ent.start and ent.end - ent.start >= 2

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
        if text and self._known_person(text) is not None:
            return text
        if text and titled and not _headline_case(self.doc[head].sent):
            return text  # not "His Official Endorsement" or "A BIG Name Candidate" in a title-case headline
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


# Nouns of a body that are also a stance ("his opposition to the war").
STANCE_NOUNS = frozenset({"opposition", "resistance"})

# Heads of a body that a legislature word makes the legislature's ("the House Benghazi committee").
COMMITTEE_NOUNS = frozenset({"committee", "subcommittee", "panel"})
# Places inside a committee's name say what it looks into, not whose it is ("the Benghazi committee").
SUBJECT_PLACE_KINDS = frozenset({"city", "region", "capital", "country"})

# Function words a headline capitalises and running text does not.
HEADLINE_WORDS = frozenset("a an the of in on to for with and his her their its is are just".split())


def _headline_case(sent: Span) -> bool:
    """Is the sentence a title-case headline ("Rick Perry Just Announced His Official Endorsement Of A BIG
    Name Candidate")? There the tagger reads common nouns as proper nouns, so a role word before them
    ("Official", "Candidate") makes no person's name. Two capitalised function words past the first word."""
    return sum(1 for t in sent[1:] if t.text[:1].isupper() and t.lower_ in HEADLINE_WORDS) >= 2

