"""Step 3, people: the document's registry of full names (titles, party-state labels, appositions),
the lists of known people (user dictionary, alias memory, office holders) and gender for pronouns.

A mixin of ``resolver._DocAnalysis``: methods read the per-document state it sets up (``self.doc``,
``self.r`` the resolver, ``self.hits``, ``self.descs``, ``self.persons`` ...)."""

from __future__ import annotations

from dyadwatch.actors.common import (
    FEMALE_TITLES,
    LABEL_OPENERS,
    PARTY_LETTERS,
    _Desc,
    _Person,
    envoy_at_igo,
)
from dyadwatch.actors.gazetteer import normalise
from dyadwatch.actors.userdict import pick
from dyadwatch.models import Actor


class _People:
    """Step 3: the document's registry of people and the lists of known people."""

    def _known_person(self, name: str, honorific: str = "") -> _Person | None:
        """A person of this document (or of the alias memory / user dictionary) that ``name`` refers to;
        ``honorific`` ("male" for Mr., "female" for Mrs./Ms.) picks among relatives sharing the surname."""
        key = normalise(name)
        if key in self.persons:
            return self.persons[key]
        toks = set(key.split())
        matches = [p for p in self.persons.values() if toks and toks <= p.tokens]
        if honorific:
            matches = self._by_honorific(matches, honorific == "female")
        if matches:
            # "Trump" in a story naming Donald, then Melania Trump: the one the story introduces first is its
            # protagonist (the registry keeps document order); a later relative is named in full when meant
            return matches[0]
        return self._external_person(key)

    def _by_honorific(self, matches: list[_Person], female: bool) -> list[_Person]:
        """Fourth pass, class "relatives sharing a surname": "Mrs. Khan" after "Khizr Khan and his wife, Ghazala
        Khan" is Ghazala, "Mr. Clinton" in a story naming Hillary and Bill Clinton is Bill (the first of the
        people whose known gender fits the honorific; all of them when none fits)."""
        fits = [p for p in matches if self._person_female(p) == female]
        return fits or matches

    def _person_female(self, person: _Person) -> bool:
        """Known female by given name or title; unknown counts as male (as for pronouns)."""
        words = normalise(f"{person.name} {person.title}").split()
        return bool(words) and (words[0] in self.r.female or any(w in FEMALE_TITLES for w in words))

    def _surname_in_document(self, word: str) -> _Person | None:
        """The one person of this document whose full name ends with ``word`` ("Sanders" after "Bernie
        Sanders"); None when no one or several people share it."""
        key = normalise(word)
        found = {id(p): p for p in self.persons.values() if len(p.name.split()) >= 2
                 and normalise(p.name.split()[-1]) == key}
        return next(iter(found.values())) if len(found) == 1 else None

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
            return _Person(known[-1].name, known[-1].country, tentative=True)  # out of office: country only
        return None

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
        self._listed_people()
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
                written = "" if envoy_at_igo(desc) else desc.country  # "U.N. Ambassador John Bolton": the US's
                person.merge(written or desc.title_country, desc.sector or desc.party_sector, desc.title)
                person.merge(self._stated_nationality(desc), "", "")
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
            if self.doc[role.head].tag_ in ("NNS", "NNPS"):
                continue  # fifth pass: "after meeting with ... other civil rights leaders, Clinton proposed": no one
                # person is "leaders"; the comma ends an opening phrase
            person = self.persons.get(normalise(named.name)) or self._known_person(named.name)
            if person is not None:
                person.merge(role.country, role.sector, role.title)
                role.person = person

    def _listed_people(self) -> None:
        """Ninth pass, class "a person filed among organisations": the converted Phoenix lists file some people with
        the bodies they belong to ("Edward Snowden", USA OPP), so the full name resolved as an organisation and the
        later "Snowden worked with The Washington Post" found no one (the tagger left the surname unlabelled). An
        organisation entry whose words are exactly a person's name the tagger found (two words or more) registers
        that person, with the entry's country and sector, for later mentions by surname."""
        for desc in self.descs.values():
            entry = desc.entry
            if entry is None or entry.kind != "org" or desc.name or not entry.country:
                continue
            ent = self.ent_at.get(desc.head)
            if ent is None or ent.label_ != "PERSON" or len(ent) < 2 or normalise(ent.text) != normalise(entry.name):
                continue
            self.persons.setdefault(normalise(ent.text), _Person(entry.name, entry.country, entry.sector))

    def _stated_nationality(self, desc: _Desc) -> str:
        """The country a sentence says the person belongs to: "Curiel was an American, born and raised in
        the United States" (subject of "be" with a people noun as its complement)."""
        head = self.doc[desc.head]
        if head.dep_ != "nsubj" or head.head.lemma_ != "be":
            return ""
        attrs = [c for c in head.head.children if c.dep_ == "attr"]
        # "an American citizen": the people word modifying a citizenship noun
        attrs += [m for a in attrs if a.lemma_.lower() in ("citizen", "national", "native") for m in a.children
                  if m.dep_ in ("amod", "compound")]
        for attr in attrs:
            hit = self.hit_at.get(attr.i)
            if hit is not None and hit.entry.kind == "demonym" and hit.start == attr.i and not hit.weak:
                return hit.entry.country
        return ""

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

    def _female_once(self, actor: Actor) -> bool:
        """``_female`` once per actor of this document (pronouns re-scan the whole history)."""
        found = self._gender.get(id(actor))
        if found is None:
            found = self._gender[id(actor)] = self._female(actor)
        return found

    def _gender_unknown(self, actor: Actor) -> bool:
        """Fourth pass, class "she for a woman no list knows": neither a female nor a male given name or title
        ("Giffords was a member of Congress when she was wounded": she may be Giffords, though the female list lacks
        her; "Ted Cruz" never). The coreference lets "she" take such a person of this or the previous sentence."""
        if self._female_once(actor):
            return False
        words = normalise(f"{actor.name} {actor.title} {actor.text}").split()
        return not any(w in self.r.male for w in words[:1] + [w for w in words if w in ("mr", "mr.")])

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
