"""Actors generated from the Phoenix dictionaries, loaded under readout's curated knowledge base.

Two packaged files, made by ``python -m readout.convert`` (see
THIRD_PARTY_NOTICES.md for their source and licence):

* ``data/phoenix_groups.yaml``: armed groups and other non-state bodies, in the
  knowledge base's own ``organisations:`` schema;
* ``data/phoenix_actors.json``: some 18,000 office-holders with dated roles
  (coverage ends around 2016) and 1,900 named bodies (ministries, agencies,
  parties, NGOs), in a compact JSON form that loads ~40x faster than YAML.

Curated entries win: a generated person or organisation is left out when any
of its names or aliases has the same key (``names.name_key``) as a name,
alias, demonym, capital, metonym, institution, outlet or title phrase of
readout's curated files or the user's ``--actors`` files, when its id or code
is taken, or, for a person, when a curated person of the same country has a
name that differs only in spelling ("Sergey"/"Sergei", similarity ≥ 0.85 with
a first or last word in common).
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import importlib.resources
import json
from collections.abc import Iterable, Iterator
from typing import Any

from readout.actors.kb import Country, Organisation, Outlet, Person, Role, Title
from readout.actors.names import name_key
from readout.errors import KnowledgeBaseError

GROUPS_FILE = "phoenix_groups.yaml"
ACTORS_FILE = "phoenix_actors.json"
_SIMILAR = 0.85

Sections = dict[str, list[Any]]


_from_iso = dt.date.fromisoformat
SECTOR_TITLES = {
    "GOV": "Government official", "LEG": "Legislator", "JUD": "Judicial official",
    "MIL": "Military officer", "COP": "Police official", "SPY": "Intelligence official",
    "REB": "Rebel leader", "OPP": "Opposition figure", "PTY": "Party official",
    "ELI": "Elite", "CVL": "Civilian", "MED": "Journalist", "BUS": "Business leader",
    "EDU": "Academic", "REL": "Religious leader", "HLH": "Health official",
    "LAB": "Labour leader", "AGR": "Agriculture official", "ENV": "Environmental official",
    "DEV": "Development official", "HRI": "Human rights activist", "REF": "Refugee",
    "CRM": "Criminal", "UAF": "Militant", "NGO": "NGO official",
}  # fmt: skip


def role_title(country: str, sector: str) -> str:
    """The generic title of a generated role: the Phoenix files name no offices."""
    if sector == "IGO":
        return f"{country} official"
    return SECTOR_TITLES.get(sector, "Official")


def _person(row: list[Any]) -> Person:
    pid, name, aliases, roles = row
    built = tuple(
        Role(role_title(c, s), c, s, start and _from_iso(start), end and _from_iso(end))
        for c, s, start, end in roles
    )
    if not built or not isinstance(name, str) or not all(isinstance(a, str) for a in aliases):
        raise ValueError("a person needs a name, text aliases and at least one role")
    return Person(pid, name, tuple(aliases), (), built)


def _organisation(row: list[Any]) -> Organisation:
    code, name, aliases, sector, country = row
    if not all(isinstance(v, str) for v in (code, name, sector, *aliases)):
        raise ValueError("an organisation needs text code, name, aliases and sector")
    return Organisation(code, name, tuple(aliases), sector, (), country)


def parse_actors_json(text: str, label: str) -> Sections:
    """The people and organisations of a phoenix_actors.json text."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as err:
        raise KnowledgeBaseError(f"{label}: not valid JSON at line {err.lineno}") from None
    out: Sections = {}
    for section, build in (("people", _person), ("organisations", _organisation)):
        rows = doc.get(section) if isinstance(doc, dict) else None
        if not isinstance(rows, list):
            raise KnowledgeBaseError(f"{label}: '{section}' must be a list")
        records = []
        for index, row in enumerate(rows):
            try:
                records.append(build(row))
            except (ValueError, TypeError) as err:
                raise KnowledgeBaseError(f"{label}: {section} row {index + 1}: {err}") from None
        out[section] = records
    return out


@functools.lru_cache(maxsize=1)
def load_generated() -> Sections:
    """The generated people and organisations (groups first), cached after the first call."""
    from readout.actors.kb import parse_document

    root = importlib.resources.files("readout.actors") / "data"
    texts = {}
    for name in (GROUPS_FILE, ACTORS_FILE):
        try:
            texts[name] = (root / name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            label = f"readout/actors/data/{name}"
            raise KnowledgeBaseError(f"{label}: cannot read ({type(err).__name__})") from None
    groups = parse_document(texts[GROUPS_FILE], f"readout/actors/data/{GROUPS_FILE}")
    actors = parse_actors_json(texts[ACTORS_FILE], f"readout/actors/data/{ACTORS_FILE}")
    return {
        "people": actors["people"],
        "organisations": [*groups.get("organisations", []), *actors["organisations"]],
    }


def _names(record: Any) -> Iterator[str]:
    if isinstance(record, Country):
        yield from (record.name, *record.aliases, *record.demonyms, *record.metonyms)
        yield from (name for name, _sector in record.institutions)
        if record.capital:
            yield record.capital
    elif isinstance(record, Organisation | Person | Outlet):
        yield from (record.name, *record.aliases)
    elif isinstance(record, Title):
        yield record.phrase


class _Over:
    """What the curated and user entries claim: name keys, ids, codes, people by name word."""

    def __init__(self, over: Iterable[Sections]) -> None:
        self.keys: set[str] = set()
        self.ids: set[str] = set()
        self.codes: set[str] = set()
        self.people: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for sections in over:
            for records in sections.values():
                for record in records:
                    self.add(record)

    def add(self, record: Any) -> None:
        keys = {name_key(name) for name in _names(record)}
        self.keys |= keys
        if isinstance(record, Person):
            self.ids.add(record.id)
            countries = frozenset(role.country for role in record.roles)
            for key in keys:
                words = key.split()
                for word in {words[0], words[-1]} if words else set():
                    self.people.setdefault(word, []).append((key, countries))
        elif isinstance(record, Organisation | Country):
            self.codes.add(record.code)

    def claims(self, record: Person | Organisation) -> bool:
        keys = [name_key(name) for name in (record.name, *record.aliases)]
        if any(key in self.keys for key in keys):
            return True
        if isinstance(record, Organisation):
            return record.code in self.codes
        return record.id in self.ids or self._spelled_differently(record, keys)

    def _spelled_differently(self, person: Person, keys: list[str]) -> bool:
        countries = {role.country for role in person.roles}
        for key in keys:
            words = key.split()
            for word in {words[0], words[-1]} if words else set():
                for other, other_countries in self.people.get(word, ()):
                    if key != other and countries & other_countries and _similar(key, other):
                        return True
        return False


def _similar(one: str, two: str) -> bool:
    matcher = difflib.SequenceMatcher(None, one, two)
    # the cheap upper bounds first: most candidates fail on length alone
    return (
        matcher.real_quick_ratio() >= _SIMILAR
        and matcher.quick_ratio() >= _SIMILAR
        and matcher.ratio() >= _SIMILAR
    )


def under(generated: Sections, over: Iterable[Sections]) -> Sections:
    """The generated entries that no curated or user entry already describes."""
    claimed = _Over(over)
    return {
        section: [record for record in records if not claimed.claims(record)]
        for section, records in generated.items()
    }
