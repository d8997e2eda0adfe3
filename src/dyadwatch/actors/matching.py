"""Step 1, matching: known names over the tokens (gazetteer, places the tables lack, misspelt
countries), with the cues that make a country name weak ("US-led", "ethnic Albanians").

A mixin of ``resolver._DocAnalysis``: methods read the per-document state it sets up (``self.doc``,
``self.r`` the resolver, ``self.hits``, ``self.descs``, ``self.persons`` ...)."""

from __future__ import annotations

from dataclasses import replace

from spacy.symbols import ADJ, PROPN
from spacy.tokens import Span, Token

from dyadwatch.actors.common import (
    LED_WORDS,
    MIN_UNTAGGED_CITY,
    MINORITY_WORDS,
    MISSPELT_ENT_LABELS,
    PEOPLE_NOUNS,
    PLACE_ENT_LABELS,
    PLACE_KINDS,
    STANCE_WORDS,
    UNTAGGED_PLACE_PREPS,
    _Hit,
    _title_acronym,
)
from dyadwatch.actors.gazetteer import MAX_PHRASE_TOKENS, GazEntry, normalise
from dyadwatch.actors.userdict import pick


class _Matching:
    """Step 1: known names over the tokens, and places the tables lack."""

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

    def refine_hits(self) -> None:
        """Seventh pass: drop country words that name no country here (ethnic Americans, surnames)."""
        self.ethnic_americans()
        self.demonym_surnames()

    def demonym_surnames(self) -> None:
        """Seventh pass, class "a surname that is a nationality word": "Mark Cuban ... Cuban also said" is the
        businessman, not Cuba. A one-word demonym that ends a PERSON entity of two words or more, or that stands
        alone as a noun phrase (not modifying a noun) and is the surname of such a person of the document, is no
        country word. "Cuban officials" and "Russian President Vladimir Putin" keep theirs."""
        doc = self.doc
        surnames = {ent[-1].lower_ for ent in self.person_ent.values() if len(ent) > 1}
        for hit in list(self.hits):
            tok = doc[hit.start]
            if hit.entry.kind != "demonym" or hit.end - hit.start != 1 or tok.lower_ not in surnames:
                continue
            ent = self.person_ent.get(tok.i)
            ends_name = ent is not None and len(ent) > 1 and ent[-1].i == tok.i
            alone = tok.pos_ == "PROPN" and not (tok.dep_ in ("amod", "compound", "nmod") and tok.head.i > tok.i)
            if ends_name or alone:
                self.hits.remove(hit)
                self.hit_at.pop(tok.i, None)

    def ethnic_americans(self) -> None:
        """Seventh pass, class "a hyphenated or ethnic American group is American": "Turkish Americans",
        "Mexican-American voters", "an Italian American group" are people of the United States, not of the country
        their adjective names (which made donors to a US senator Turkish). The first adjective's hit is dropped when
        "American(s)" follows it (after an optional hyphen) and names people: "Americans" itself, or a role or group
        noun after "American". A bilateral adjective on a thing keeps both countries ("Russian-American relations")."""
        doc = self.doc
        for hit in list(self.hits):
            if hit.entry.kind != "demonym" or hit.entry.country == "USA":
                continue
            k = hit.end + (1 if hit.end < len(doc) and doc[hit.end].text in ("-", "–") else 0)
            after = self.hit_at.get(k)
            if after is None or after.start != k or after.entry.country != "USA" or not doc[k].lower_.startswith(
                    "american") or not self._names_people(doc[k]):
                continue
            self.hits.remove(hit)
            for j in range(hit.start, hit.end):
                self.hit_at.pop(j, None)

    def _names_people(self, tok: Token) -> bool:
        """"Americans", or "American" before a role or group noun ("voters", "group", "community")."""
        if tok.lower_ == "americans":
            return True
        head = tok.head
        return head.i > tok.i and tok.dep_ in ("amod", "compound", "nmod") and (
            bool(self.role_at(head.i, head.i + 1)[0]) or head.lemma_.lower() in PEOPLE_NOUNS)

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
        "Republican Guard")? A leading "the", a trailing "'s" and leading rank words (``rank_words.txt``) do not
        lengthen a name."""
        ent = self.ent_at.get(start)
        if ent is None or ent.label_ not in ("ORG", "PERSON", "FAC", "WORK_OF_ART", "EVENT", "LAW"):
            return False
        words = [t for t in ent if t.lower_ != "the" and t.tag_ != "POS" and not t.is_punct]
        while words and words[0].i < start and words[0].lower_ in self.r.rank_words:
            words.pop(0)  # seventh pass: "Top Republican Party donor Sheldon Adelson" is a Republican's
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
