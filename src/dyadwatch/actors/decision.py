"""Step 4, decision: the Actor a described phrase denotes, and where a country comes from when the
phrase gives none ("of X" complements, the story's home country, a leader's institution).

A mixin of ``resolver._DocAnalysis``: methods read the per-document state it sets up (``self.doc``,
``self.r`` the resolver, ``self.hits``, ``self.descs``, ``self.persons`` ...)."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from dyadwatch.actors.common import (
    ACTING_DEPS,
    ATTACK_NOUNS,
    FOREIGN_SECTORS,
    HOME_WINDOW,
    LED_WORDS,
    LOCATIVE_PREPS,
    OWNER_WORDS,
    PLACE_ENT_LABELS,
    PLACE_KINDS,
    STATE_SECTORS,
    _Desc,
    _Hit,
    _Person,
    envoy_at_igo,
    name_tagged_as_verb,
)
from dyadwatch.actors.described import (
    described_body,
    heritage_word,
    law_name,
    lone_person,
    named_family,
    standing_group,
    unowned_adversary,
)
from dyadwatch.actors.gazetteer import MAX_PHRASE_TOKENS, GazEntry, normalise
from dyadwatch.actors.owners import owned_nouns
from dyadwatch.models import NON_STATE_CODES, Actor


class _Decision:
    """Step 4: the Actor a described phrase denotes, and where its country comes from."""

    def actor_for(self, desc: _Desc) -> Actor | None:
        """The Actor a described phrase denotes (no coreference yet), or None."""
        doc = self.doc
        span = doc[desc.start: desc.end]
        head = doc[desc.head]
        if desc.person is None and not desc.name and law_name(span, head):
            return None  # eighth pass: "the ACA", "Obamacare" are laws, never participants (described.law_name)
        honorific = _honorific(span)
        person = desc.person or (self._known_person(desc.name, honorific) if desc.name else None)
        name_like = head.pos_ == "PROPN" or name_tagged_as_verb(head)  # "to Trump" tagged as a verb
        if person is None and name_like and desc.head_entry is None and not desc.name:
            person = self._known_person(head.text, honorific) if head.text[:1].isupper() else None
        elif person is None and head.pos_ == "NOUN" and head.text.istitle() and desc.head_entry is None \
                and desc.start == head.i:
            # "Sanders has accused Clinton": a surname of someone the document names in full, which the tagger
            # read as a plural noun; a headline's "Trump urges UN ..." (sentence-initial) from the lists
            person = self._surname_in_document(head.text)
            if person is None and head.i == head.sent.start:
                person = self._external_person(head.lower_)
        if person is not None:
            written = "" if envoy_at_igo(desc) else desc.country
            country = person.country if person.fixed else (written or person.country)
            sector = person.sector if person.fixed else (desc.sector or person.sector or desc.party_sector)
            if not country and not person.fixed:
                country = desc.title_country  # "Sen. Jane Doe": a title only one country uses
            if not country and sector in STATE_SECTORS and not person.fixed:
                country = self._home(head.i)  # "President Museveni" in a story about Uganda
            return self._make(span, person.name, country, sector, desc.title or person.title, "person")
        if desc.head_entry is not None and desc.head_entry.kind == "party":  # "Republicans", "the GOP"
            party = desc.head_entry
            return self._make(span, party.name, party.country, desc.sector or party.sector, desc.title, "group")
        if desc.party_sector and head.lemma_.lower() in owned_nouns()["ally"]:
            desc.sector = desc.party_sector  # seventh pass: "her Democratic allies" are the party's, not a state's
        if not desc.sector and desc.party_sector and not desc.name:
            desc.sector = desc.party_sector  # "Democratic voters" are CVL; "GOP leaders": the party
        if desc.head_entry is not None and desc.head_entry.kind == "user":  # the user's word is final
            user = desc.head_entry
            kind = "person" if desc.head in self.person_ent else "org"
            return self._make(span, user.name, user.country, user.sector, desc.title, kind)
        entry = desc.entry or desc.head_entry
        named = self._person_of_body(desc, head)
        if named:  # "Fox News Sean Hannity asked Kasich": Hannity, of Fox News
            return self._make(span, named, desc.entry.country, desc.entry.sector, desc.title, "person")
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
        if desc.head_entry is not None and desc.head_entry.kind == "demonym":
            country = self._community_country(head) or country  # "the Armenians of Israel" live in Israel
        if desc.head_entry is not None:
            name = self.r.gazetteer.country_names.get(country, desc.head_entry.name)
            if (desc.head_entry.kind == "capital" and sector) or desc.head_entry.kind in ("region", "city"):
                name = desc.head_entry.name
            kind = "group" if desc.head_entry.kind == "demonym" else "country"
            if desc.sector_strength and desc.role_kind:
                kind, name = desc.role_kind, self._plain(span)
            elif kind == "group" and lone_person(head):  # eighth pass: "the first American to ...", "a Briton"
                kind, name = "person", self._plain(span)
            return self._make(span, name, country, sector, desc.title, kind)
        if desc.legislature:  # "the House Benghazi committee": the legislature's, of the story's country
            country = country or self._home(head.i) or desc.title_country
            return self._make(span, self._org_name(head) or self._plain(span), country, "LEG", desc.title, "org")
        if desc.sector_strength and (desc.role_kind or country) and self._role_head(head):
            # "the Obama administration"; "the pope" (a title of one state)
            country = country or self._leader_country(head) or desc.title_country or self._appointer_country(head)
            if not country and desc.sector_strength == 2 and span[0].lower_ not in OWNER_WORDS \
                    and desc.sector not in FOREIGN_SECTORS and not desc.stateless:
                # "Clinton's campaign": its owner's country; "the court said": a domestic institution of the
                # story's country
                country = self._owner_country(head) or self._home(head.i, exclude=desc.not_country,
                                                                  armed=desc.sector in ARMED_SECTORS)
            name = self._org_name(head) or self._plain(span)
            return self._make(span, name, country, sector, desc.title, desc.role_kind or "group")
        if desc.name:
            sector = sector or desc.party_sector
            return self._make(span, desc.name, country or desc.title_country, sector, desc.title, "person")
        followed = self._followed_person(desc, head)
        if followed is not None:  # "Trump supporters", "Clinton's backers": citizens of the leader's country
            return self._make(span, self._plain(span), followed.country, "CVL", desc.title, "group")
        group_head = (head.pos_ == "NOUN" and not self._thing_named_for_country(head)) or self._people_name(head)
        if country and group_head and desc.country_kind in ("country", "demonym", "region", "city", "party") and any(
                self.hit_at.get(c.i) is not None or self._led_by_place(c) or self._national_body(c)
                for c in head.lefts if c.dep_ in ("amod", "compound", "nmod")):
            # "Croatian experts", "a Lebanese man", "Syrian government warplanes": a national participant;
            # "Pakistan-based groups", "Iran-backed groups" (their country: see describe)
            return self._make(span, self._plain(span), country, sector, desc.title, "group")
        if desc.stateless and not country and group_head and (head.tag_ in ("NNS", "NNPS") or sector):
            # seventh pass: "67 Latin American artists" are participants of several states: kept, with no country
            # (people: a plural or a role; "the Central American Minors program" is a thing)
            return self._make(span, self._plain(span), "", sector, desc.title, "group")
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
        if self._named_body(head):
            # seventh pass: "The BLM group is calling on Clinton", "the Koch network": a body named by a name the
            # lists lack is still a participant (its country from the story, labelled)
            return self._make(span, self._plain(span), country, sector, desc.title, "org")
        if described_body(head) and self._core_slot(head) and desc.sector in ("", "NGO", "CVL"):
            # eighth pass: "a major climate group", "Jewish groups", "civil rights organizations" (described.py)
            if not country or country in NON_STATE_CODES:  # "progressive organizations": no transnational body
                country = self._home(head.i, exclude=desc.not_country)
            body = self._make(span, self._plain(span), country, "NGO", desc.title, "org")
            # of a state, unknown here (the story's, later: story.py), never the top-level code of stateless NGOs
            return body if country else replace(body, country="", code="NGO")
        if named_family(head) and self._core_slot(head):  # eighth pass: "attacked the Koch brothers"
            country = country or self._home(head.i, exclude=desc.not_country)
            return self._make(span, self._plain(span), country, sector, desc.title, "group")
        if (unowned_adversary(head) or standing_group(head)) and (self._core_slot(head) or _relative_head(head)):
            # eighth pass: "rivals deride it", "Critics accused him", "derision from political opponents ..., who";
            # ninth: "fought the Washington establishment" (described.standing_group)
            country = country or self._subject_country(head) or self._home(head.i, exclude=desc.not_country)
            return self._make(span, self._plain(span), country, sector, desc.title,
                              "group" if head.tag_ == "NNS" else "person")
        if head.ent_type_ == "NORP" and head.pos_ in ("PROPN", "NOUN") and self._core_slot(head) \
                and normalise(head.text) not in self.r.not_names:
            # "Evangelicals", "Latinos": a named people no list places is kept, with no country
            return self._make(span, self._plain(span), country, sector, desc.title, "group")
        return None

    def _named_body(self, head: Token) -> bool:
        """Seventh pass, class "a body named by a name no list knows": a noun of a body with no sector of its own
        (``roles.tsv`` kind org: group, network, coalition, movement, organization) right after a capitalised name or
        acronym that is no place, party or known body ("the BLM group", "the Koch network"), where a participant
        stands. "The Russian group" is placed by its adjective; "a group of protesters" has no name."""
        role = self.r.gazetteer.roles.get(head.lemma_.lower())
        if role is None or role.kind != "org" or role.sector or head.pos_ != "NOUN" or not self._core_slot(head):
            return False
        before = self.doc[head.i - 1] if head.i > 0 else None
        return (before is not None and before.dep_ == "compound" and before.head.i == head.i
                and before.pos_ == "PROPN" and before.text[:1].isupper() and before.i not in self.hit_at
                and normalise(before.text) not in self.r.not_names)

    def _person_of_body(self, desc: _Desc, head: Token) -> str:
        """Fifth pass, class "a person named after an outlet": a person's name written right after an outlet or
        organisation with no role word between ("Fox News Sean Hannity asked Kasich", "CNN Wolf Blitzer") is that
        person, of the body's country and sector, not the body (which made the name a mere modifier: no actor).
        The person's name, else ""."""
        entry = desc.entry
        if entry is None or desc.head_entry is not None or entry.kind not in ("media", "org") or desc.role_kind:
            return ""
        if head.pos_ != "PROPN" or desc.name and head.i in self.person_ent:
            return desc.name if len(desc.name.split()) >= 2 else ""
        hit = next((h for h in self.hits if desc.start <= h.start < desc.end and h.entry is entry), None)
        after = self.doc[hit.end: head.i + 1] if hit is not None and hit.end <= head.i else []
        first = after[0].lower_ if len(after) else ""
        # the tagger often takes the whole "Fox News Sean Hannity" for one organisation: a known given name says
        given = first in self.r.male or first in self.r.female
        if len(after) >= 2 and all(t.pos_ == "PROPN" for t in after) and given:
            return " ".join(t.text for t in after)
        return ""

    def _followed_person(self, desc: _Desc, head: Token, kinds: tuple[str, ...] = ("group",)):
        """The person whose followers a members' noun names ("Sanders backers", "Trump's supporters"), when the
        document or the lists know that person and their country; roles.tsv gives such nouns no sector."""
        roles = self.r.gazetteer.roles
        spec = roles.get(head.lower_) or roles.get(head.lemma_.lower())
        if spec is None or spec.sector or spec.kind not in kinds or desc.sector or desc.head_entry is not None:
            return None
        for mod in head.lefts:
            if mod.dep_ not in ("compound", "poss") or not mod.text.istitle() or mod.pos_ not in ("PROPN", "NOUN"):
                continue
            # sixth pass: the full name first ("Bernie Sanders supporters" with no other mention of him)
            full = " ".join(t.text for t in mod.subtree if t.pos_ == "PROPN" and t.i <= mod.i)
            person = (self._known_person(full) if " " in full else None) or self._surname_in_document(mod.text) \
                or self._known_person(mod.text)
            if person is not None and person.country:
                return person
        return self._own_followers(head)

    def _own_followers(self, head: Token) -> _Person | None:
        """Fourth pass, class "a leader's own followers": a followers' noun with no other owner than "his", "her" or
        "their", as the object of a named person's act, names that person's followers: "Sanders is thanking
        supporters", "Trump asked his supporters to" (citizens of the leader's country)."""
        if any(m.dep_ in ("compound", "poss", "amod") and m.lower_ not in OWN_FOLLOWER_WORDS for m in head.lefts):
            return None
        verb = head.head
        if head.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head
        if head.dep_ not in ("dobj", "dative", "pobj") or verb.pos_ != "VERB":
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ != "PROPN" or not subj.text.istitle():
            return None
        person = self._surname_in_document(subj.text) or self._known_person(subj.text)
        return person if person is not None and person.country else None

    def followed_name(self, desc: _Desc) -> Actor | None:
        """The person a followers' phrase names, as an actor of the name's own token ("Clinton" in "a longtime
        Clinton supporter"): the event coder may take that person as the target of a pledge of support."""
        head = self.doc[desc.head]
        person = self._followed_person(desc, head, kinds=("group", "person"))  # "a Clinton supporter" too
        if person is None:
            return None
        mod = next((m for m in head.lefts if m.dep_ in ("compound", "poss") and m.text.istitle()
                    and m.pos_ in ("PROPN", "NOUN")), None)
        if mod is None:
            return None
        return self._make(self.doc[mod.i: mod.i + 1], person.name, person.country, person.sector, person.title,
                          "person")

    def _thing_named_for_country(self, head: Token) -> bool:
        """A singular non-role noun whose only country word is a country's own name: "the Iran deal",
        "the Russia release" are things, not people ("a Lebanese man" is a person: a nationality)."""
        if head.tag_ != "NN" or head.lemma_.lower() in ATTACK_NOUNS or standing_group(head):
            return False  # "a U.S. drone strike": the attacker (fourth pass); "the Washington establishment": people
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
            if located and depth == 0 and child.dep_ == "prep" and child.lower_ == "from":
                # seventh pass, class "a group from a country is its": "people from El Salvador", "refugees from
                # Syria" (the story's home country made them Costa Rica's, where they were going); not armed forces:
                # "troops from Iraq" are often being withdrawn from there
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

    def _community_country(self, head: Token) -> str:
        """A people named as living in a state is that state's community: "the Armenians of Israel",
        "Kurds in Iraq" (ANNOTATION: the state a participant belongs to; like "the Russian minority in
        Estonia"). Only a plural people noun and a place, never a body ("Armenians of the diaspora")."""
        if head.tag_ not in ("NNS", "NNPS"):
            return ""
        pobjs = [p for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                 for p in c.children if p.dep_ == "pobj"]
        return self._place_of(pobjs)

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
        if not country and sector == "NGO" and kind == "org":
            # "Association of African Jurists": a non-governmental body of no one country; fifth pass, class
            # "activists coded NGO": people (kind group, "civil rights activists") belong to a state, unknown here
            country = "NGO"
        code = country + sector
        if entry is not None and entry.code and country == entry.country:
            code = entry.code
        elif country in NON_STATE_CODES:
            code = country if sector == country else country + sector
        return Actor(text=span.text, name=name, country=country, sector=sector, code=code, title=title,
                     start=span.start_char, end=span.end_char, kind=kind)

    def _home(self, i: int, exclude: str = "", armed: bool = False) -> str:
        """The country the passage is about: the most named one in this and the previous sentences
        (first named on ties); the default for titled people and institutions written without one.
        ``armed``: the phrase is an armed group or force, which the country of its target never places
        (``_target_modifier``) and which acts where its own sentence is, when that sentence names a country (fifth
        pass: "Libyan security forces clashed with members of an armed group ... based in eastern Libya" in a story
        about San Bernardino is a Libyan group)."""
        sent = self.doc[i].sent
        first = sent
        for _ in range(HOME_WINDOW):
            if first.start == 0:
                break
            first = self.doc[first.start - 1].sent
        if armed:
            return self._most_named(sent.start, sent.end, i, exclude, armed) or \
                self._most_named(first.start, sent.end, i, exclude, armed)
        return self._most_named(first.start, sent.end, i, exclude, armed)

    def _most_named(self, start: int, end: int, i: int, exclude: str, armed: bool) -> str:
        """The most named state among the places of tokens [start, end) (first named on ties), leaving out
        ``exclude``, the other participants of token i's clause, and for ``armed`` the country of its target.
        Seventh pass, class "rebels placed by a senator's home state": for ``armed`` groups a tie goes to the place
        named nearest them ("Senator Marco Rubio, Republican of Florida, ... sending more special operators to Syria
        ... to assist rebels fighting the Islamic State": Syria's, not the first-named Florida's)."""
        counts: dict[str, int] = {}
        near: dict[str, int] = {}
        for hit in self.hits:
            country = hit.entry.country
            if start <= hit.start < end and hit.entry.kind in PLACE_KINDS and len(country) == 3 \
                    and country not in NON_STATE_CODES and country != exclude \
                    and not self._co_participant(hit.start, i) \
                    and not self._target_modifier(hit.start, i, armed) and not self._names_thing(hit, armed):
                counts[country] = counts.get(country, 0) + 1
                near[country] = min(near.get(country, len(self.doc)), abs(hit.start - i))
        if not counts:
            return ""
        if armed:
            return max(counts, key=lambda c: (counts[c], -near[c]))
        return max(counts, key=lambda c: counts[c])

    def _owner_country(self, head: Token) -> str:
        """The country of a named person owning the phrase ("Clinton's campaign", "Putin's government")."""
        for child in head.children:
            if child.dep_ != "poss" or child.pos_ != "PROPN":
                continue
            desc = self.descs.get(child.i)
            person = self._known_person(desc.name) if desc is not None and desc.name else None
            if person is None:
                person = self._known_person(child.text)
            if person is not None and person.country:
                return person.country
        return ""

    def _subject_country(self, head: Token) -> str:
        """Eighth pass, class "adversaries with no owner": the object of a placed person's act is that person's
        adversary, of the same country ("Putin kills journalists and opponents": Russian opponents, in a story about
        the United States; "Trump attacked critics": American). The subject's country from the lists or its
        nationality word, else ""."""
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        if head.dep_ != "dobj":
            return ""
        subj = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        desc = self.descs.get(subj.i) if subj is not None else None
        if desc is None:
            return ""
        person = self._known_person(desc.name) if desc.name else None
        if person is None and self.doc[desc.head].pos_ == "PROPN":
            person = self._known_person(self.doc[desc.head].text)
        if person is not None and person.country:
            return person.country
        return desc.country if desc.country_kind in ("country", "capital", "seat", "demonym") else ""

    def _appointer_country(self, head: Token) -> str:
        """Fifth pass, class "an appointee coded by the story's country": an official whom a placed person or
        state appoints, names or hires serves that state ("Mr. Netanyahu appointed a diplomacy chief who had
        accused Mr. Obama": Israeli, in a story about the United States; ``APPOINTING_VERBS``)."""
        verb = head.head
        if head.dep_ != "dobj" or verb.lemma_.lower() not in APPOINTING_VERBS:
            return ""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return ""
        desc = self.descs.get(subj.i)
        person = self._known_person(desc.name) if desc is not None and desc.name else None
        if person is not None and person.country:
            return person.country
        return desc.country if desc is not None and desc.country_kind in ("country", "capital", "seat") else ""

    def _co_participant(self, k: int, i: int) -> bool:
        """Is the place name at token k itself another participant of the clause of token i ("The
        administration also blamed Moscow": Moscow is the one blamed, not where the administration is
        from)? A nationality modifying a participant still counts for the home ("Judge Rivera opened
        investigations against Chilean officials", "rebels demanded the removal of President X")."""
        tok, head = self.doc[k], self.doc[i]
        if tok.sent.start != head.sent.start:
            return False
        if _in_own_clause(tok, head):
            return True
        if head.left_edge.i <= k <= head.right_edge.i:
            return False
        verb = self._verb(head).i
        if tok.dep_ == "pobj" and tok.head.lower_ not in LOCATIVE_PREPS:  # "sanctions against Moscow"
            return tok.head.head.i == verb
        return tok.head.i == verb and tok.dep_ in ACTING_DEPS

    def _target_modifier(self, k: int, i: int, armed: bool = True) -> bool:
        """Fifth pass, class "attackers given the country of the place attacked": a country word that qualifies
        the object of the clause of token i ("Militants attacked the U.S. compound", "gunmen stormed the American
        consulate") says whose target it is, not where the attackers are from. Only for armed groups and forces
        (``ARMED_SECTORS``); "in Benghazi" after the object still places them. For everyone else (``armed``
        false) only when the object is a thing, not people (sixth class, lead's fifth pass: "The senator criticized
        the Iran deal" says nothing of where the senator is from; "Judge Rivera opened investigations against
        Chilean officials" still places the judge)."""
        tok, head = self.doc[k], self.doc[i]
        if tok.sent.start != head.sent.start or head.left_edge.i <= k <= head.right_edge.i:
            return False
        while tok.dep_ in ("compound", "amod", "nmod", "poss") and tok.head.i != tok.i and tok.head.i > tok.i:
            tok = tok.head
        if tok.i == k or (not armed and self._people_phrase(tok)):
            return False
        verb = self._verb(head).i
        if tok.dep_ == "pobj" and tok.head.lower_ not in LOCATIVE_PREPS:  # "opened fire on the U.S. base"
            return tok.head.head.i == verb
        return tok.head.i == verb and tok.dep_ in ("dobj", "nsubjpass")

    def _names_thing(self, hit: _Hit, armed: bool) -> bool:
        """Ninth pass, classes "a place that names a thing" and "a heritage is no home". In "a Clinton e-mail ...
        concerned the infamous Benghazi talking points" the place names the talking points, not where the passage's
        people are, and Cheryl Mills, asked in the sentence before, was coded LBY. A place name (not a nationality)
        compounded with a common noun that names no people or body ("the Benghazi talking points", "the Iran deal")
        never gives the passage its country to people who are not armed ("the Iraq war" still places fighters; "the
        Benghazi committee", a body, and "in Benghazi" still place everyone). A nationality on a noun of descent
        ("of Mexican descent": ``described.heritage_word``) places no one."""
        tok = self.doc[hit.end - 1]
        if hit.entry.kind == "demonym":
            return heritage_word(tok)
        if armed or tok.dep_ not in ("compound", "nmod") or tok.head.i <= tok.i:
            return False
        head = tok.head
        return head.pos_ == "NOUN" and head.lemma_.lower() not in ATTACK_NOUNS and not self._people_phrase(head)

    def _people_phrase(self, tok: Token) -> bool:
        """Does the phrase headed by ``tok`` name people or a body (a name, a role, a sector), not a thing?"""
        if tok.ent_type_ in ("PERSON", "NORP", "ORG") or tok.pos_ == "PROPN":
            return True
        desc = self.descs.get(tok.i)
        return desc is not None and bool(desc.sector or desc.title or desc.name or desc.role_kind)

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


OWN_FOLLOWER_WORDS = {"his", "her", "their"}
# Participles that say where a body is, not what it does ("a newspaper based in Beirut", "groups located in Iraq").
BASE_VERBS = frozenset({"base", "locate", "headquarter", "station", "deploy", "live", "bear"})
ARMED_SECTORS = {"REB", "MIL"}
APPOINTING_VERBS = {"appoint", "name", "nominate", "hire", "tap", "designate", "install", "pick", "choose"}
MALE_HONORIFICS = {"mr", "mr."}
FEMALE_HONORIFICS = {"mrs", "mrs.", "ms", "ms."}


# Clauses that say what a participant does ("who criticizes the Israeli government", "waving Mexican flags").
OWN_CLAUSE_DEPS = frozenset({"relcl", "acl"})


def _in_own_clause(tok: Token, head: Token) -> bool:
    """Seventh pass, class "what a participant acts on never places it": a place word inside a relative or
    participial clause of the participant (or of the name it is in apposition with) is what that participant acts
    on: "Matt Duss, the president of a foundation, who frequently criticizes the Israeli government" is no
    Israeli, "protesters waving Mexican flags" are not Mexico's (the story's home country decides instead). A
    "who" clause the parser hung on a noun inside the participant's phrase ("the Foundation ..., who criticizes")
    is the participant's too: "who" names a person. A place the clause says the participant is in still places it
    ("guerrillas operating in Macedonia", "a newspaper based in Beirut")."""
    if tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS:
        return False
    anchors = [head] + ([head.head] if head.dep_ == "appos" else []) + [c for c in head.children if c.dep_ == "appos"]
    node = tok
    while node.head.i != node.i:
        if node.dep_ in OWN_CLAUSE_DEPS and node.lemma_.lower() not in BASE_VERBS:
            whose = node.head
            if any(a.i == whose.i for a in anchors) or (_who_clause(node) and any(
                    a.left_edge.i <= whose.i <= a.right_edge.i for a in anchors)):
                return True
        node = node.head
    return False


def _relative_head(head: Token) -> bool:
    """Eighth pass, class "adversaries with no owner": is the noun where an act comes from ("derision from political
    opponents on the left, who accused ...") or does a relative clause hang on it, directly or on the place after it
    ("critics in the chamber, who accused": ``events.roles._people_before`` takes the people)? Such a noun is a
    participant though it is no subject or object."""
    if head.dep_ == "pobj" and head.head.lower_ == "from":
        return True  # "derision from political opponents", "criticism from rivals": where the act comes from
    places = [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "in", "at")
              for g in c.children if g.dep_ == "pobj"]
    return any(r.dep_ == "relcl" for t in (head, *places) for r in t.children)


def _who_clause(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "who" for c in verb.children)


def _honorific(span: Span) -> str:
    """ "male" / "female" when the phrase names someone with Mr. or Mrs./Ms. (the NYT's "Mr. Clinton"), else ""."""
    for tok in span:
        if tok.lower_ in MALE_HONORIFICS:
            return "male"
        if tok.lower_ in FEMALE_HONORIFICS:
            return "female"
    return ""

