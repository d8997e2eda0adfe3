"""The story's country: a labelled last resort for named participants that no evidence places.

A reader of a US campaign story knows that "Nabisco", "Felicia Sanders" or "the media" are American
although the text never says so; the annotation guide codes them so. The resolver finds no country for
them, so after resolution each named person, organisation or group still without a country takes the
story's country, and says so: ``Actor.country_source == "story"``. It is a guess, kept apart from the
countries the text or the lists give (the store keeps the label in ``*_country_source`` columns), and it
never enters the cross-document alias memory.

The story's country is the dateline's (a reporter filing from Moscow writes about people there), else the
one country that most participants of the document belong to, when it is clearly the main one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from dyadwatch.actors.common import GENERIC_GROUPS
from dyadwatch.actors.described import standing_name
from dyadwatch.models import NON_STATE_CODES, Actor

STORY = "story"
# Seventh pass, class "a region of several states": a participant the text places in such a region ("Latin American
# artists") has no one state, and the story's is never guessed for it (``Actor.country_source`` says so).
REGION = "region"
# Eighth pass, class "a described body is a participant": an NGO-sector participant left with no country ("Jewish
# groups", "civil rights activists") is of a state, unknown to the text: the story's (a stateless NGO is coded "NGO").
STATEFUL_SECTORS = frozenset({"NGO"})
STORY_KINDS = {"person", "org", "group"}  # not countries, cities or regions: a place is where it is
MIN_NAMES = 3  # fewer distinct resolved participants say too little about a story (one sentence, a brief)
MIN_SHARE = 0.5  # the main country must hold at least half of them
ARMED_GROUP_SECTORS = {"REB"}  # take a dateline's country only


def _state(country: str) -> bool:
    return len(country) == 3 and country not in NON_STATE_CODES


def main_country(actors: Iterable[Actor]) -> str:
    """The country of most distinct resolved participants (by name), when at least MIN_NAMES of them
    belong to it and it holds at least MIN_SHARE of them all."""
    names = {(a.name or a.text).lower(): a.country for a in actors if _state(a.country) and a.country_source != STORY}
    counts = Counter(names.values())
    if not counts:
        return ""
    country, n = counts.most_common(1)[0]
    return country if n >= MIN_NAMES and n / sum(counts.values()) >= MIN_SHARE else ""


def story_country(actors: list[Actor], dateline: list[str], place: Callable[[str], object]) -> str:
    """The dateline's country (the first dateline place that resolves), else the document's main country."""
    return dateline_country(dateline, place) or main_country(actors)


def dateline_country(dateline: list[str], place: Callable[[str], object]) -> str:
    """The country of the first dateline place that resolves, else ""."""
    for name in dateline:
        entry = place(name)
        country = getattr(entry, "country", "") if entry is not None else ""
        if _state(country):
            return country
    return ""


def needs_story_country(actor: Actor) -> bool:
    """A participant without a country that is named (a capitalised word in its name: "Nabisco", "Felicia
    Sanders", "Evangelicals") or has a role ("the media", "House members", "protesters": a sector); the
    generic public ("the people", "everyone") stays without."""
    role = bool(actor.sector) and (actor.sector not in NON_STATE_CODES or actor.sector in STATEFUL_SECTORS) \
        and actor.name.lower() not in GENERIC_GROUPS
    # eighth pass, class "adversaries with no owner": a group of people with no sector ("critics", "political
    # opponents") is of the story too
    role = role or (actor.kind == "group" and not actor.sector and actor.name.lower() not in GENERIC_GROUPS)
    # ninth pass, class "people named by their standing": "the establishment that Trump routinely rails against" is
    # of the story too (kept a person-like side, so that an "attack" on it stays words: events.derive.verbal_side)
    role = role or (not actor.sector and standing_name(actor.name))
    return (not actor.country and actor.kind in STORY_KINDS and actor.country_source != REGION
            and (actor.named or role))


def apply_story_country(actors: Iterable[Actor], country: str, dated: bool = False) -> int:
    """Give each unplaced named participant the story's country, labelled; returns how many changed.

    Actors are shared by reference between the document's indexes, so each object is changed once. Armed
    non-state groups (REB) take only a dateline's country (``dated``): the main country of a story's
    participants says where its politicians are, not its militants (fifth pass: "clashes with members of an
    armed group ... based in eastern Libya" in a story about San Bernardino is no American group).
    """
    if not _state(country):
        return 0
    changed = 0
    for actor in {id(a): a for a in actors}.values():
        if needs_story_country(actor) and (dated or actor.sector not in ARMED_GROUP_SECTORS):
            actor.country, actor.country_source = country, STORY
            actor.code = country + actor.sector
            changed += 1
    return changed
