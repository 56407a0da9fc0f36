"""The actor knowledge base: states, organisations, people, outlets, titles.

The data lives in YAML files under ``actors/data`` (one file per kind). Users
may add files of the same schema: a top-level mapping with any of the keys
``countries``, ``organisations``, ``people``, ``outlets``, ``titles``. Entries
from later files are appended; an entry whose code/id repeats an earlier one
replaces it, so a user file can correct the packaged data.

Under the curated files, ``load_kb`` also loads the people and organisations
generated from the Phoenix dictionaries (``actors/generated.py``): a curated
or user entry with the same name, alias, id or code wins.

A role may be written as a mapping (``title``, ``country``, ``sector``,
``start``, ``end``) or, compactly, as a list ``[title, country, sector, start,
end]``. Dates are ISO days, or ``YYYY-MM`` / ``YYYY`` when only the month or
year is known (read as the first day of it).
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.resources
import pathlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from readout.actors.kb_check import check_user_file, known_sectors, packaged_sectors
from readout.bulk import collector_paused
from readout.errors import KnowledgeBaseError

DATA_FILES = ("countries.yaml", "organisations.yaml", "people.yaml", "outlets.yaml", "titles.yaml")
SECTIONS = ("countries", "organisations", "people", "outlets", "titles")

# Higher wins when one person holds several offices on the same day.
_RANKS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (9, ("Supreme Leader", "King", "Queen", "Emir", "Sultan", "Emperor", "Pope", "President")),
    (8, ("Prime Minister", "Chancellor", "Crown Prince", "Secretary-General")),
    (8, ("President of the European Commission", "President of the European Council")),
    (8, ("Acting President",)),
    (6, ("Vice President", "President-elect")),
    (4, ("Secretary of State", "Minister of Foreign Affairs", "Foreign Secretary")),
    (4, ("Secretary of Defense", "Minister of Defence", "Defence Secretary")),
)
_SENIORITY = {title: rank for rank, titles in _RANKS for title in titles}

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc]
    """The fast safe loader, leaving dates as text so bad ones get a clear message."""


_Loader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


@dataclass(frozen=True)
class Country:
    code: str  # ISO 3166-1 alpha-3 (XKX for Kosovo, SUN for the Soviet Union)
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None
    metonyms: tuple[str, ...]
    metonym_sectors: tuple[tuple[str, str], ...] = ()
    institutions: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Organisation:
    code: str
    name: str
    aliases: tuple[str, ...]
    sector: str  # IGO, NGO, REG (region), REB (armed group), GOV
    members: tuple[str, ...] = ()
    country: str | None = None  # home country of an armed group or national body


@dataclass(frozen=True)
class Role:
    title: str
    country: str  # ISO3 or organisation code
    sector: str
    start: dt.date | None
    end: dt.date | None  # None: still held (as of late 2025); the end day is the successor's first

    def holds_on(self, day: dt.date) -> bool:
        started = self.start is None or self.start <= day
        return started and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...]
    surnames: tuple[str, ...]
    roles: tuple[Role, ...]

    def role_at(self, day: dt.date | None) -> Role | None:
        """The role held on ``day``; else the last one ended before it; else the first."""
        if not self.roles:
            return None
        current = [role for role in self.roles if role.end is None]
        held = current if day is None else [r for r in self.roles if r.holds_on(day)]
        if held:
            return max(held, key=_role_rank)
        if day is None:
            return max(self.roles, key=lambda role: role.end or dt.date.max)
        past = [role for role in self.roles if role.end is not None and role.end <= day]
        if past:
            return max(past, key=lambda role: (role.end or dt.date.min, _role_rank(role)))
        return min(self.roles, key=lambda role: role.start or dt.date.min)

    @property
    def country(self) -> str | None:
        role = self.role_at(None)
        return role.country if role else None


def _role_rank(role: Role) -> tuple[int, dt.date]:
    # Among offices held at once: the most senior, then the most recent.
    return (_SENIORITY.get(role.title, 0), role.start or dt.date.min)


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    kind: str  # newspaper, agency, broadcaster, portal, state-media, magazine
    domains: tuple[str, ...] = ()  # web domains it publishes under, lower case


@dataclass(frozen=True)
class Title:
    phrase: str  # lower case, as written in news
    role: str
    sector: str
    person: bool
    kb_titles: tuple[str, ...] = ()
    country: str | None = None  # a title that names its state ("Kremlin spokesman")


@dataclass
class KnowledgeBase:
    countries: tuple[Country, ...]
    organisations: tuple[Organisation, ...]
    people: tuple[Person, ...]
    outlets: tuple[Outlet, ...]
    titles: tuple[Title, ...]
    _countries: dict[str, Country] = field(default_factory=dict, repr=False)
    _orgs: dict[str, Organisation] = field(default_factory=dict, repr=False)
    _people: dict[str, Person] = field(default_factory=dict, repr=False)
    _offices: dict[tuple[str, str], list[tuple[Role, Person]]] = field(
        default_factory=dict, repr=False
    )

    def __post_init__(self) -> None:
        self._countries = {c.code: c for c in self.countries}
        self._orgs = {o.code: o for o in self.organisations}
        self._people = {p.id: p for p in self.people}
        for person in self.people:
            for role in person.roles:
                self._offices.setdefault((role.country, role.title), []).append((role, person))

    def country(self, code: str) -> Country | None:
        return self._countries.get(code)

    def organisation(self, code: str) -> Organisation | None:
        return self._orgs.get(code)

    def person(self, person_id: str) -> Person | None:
        return self._people.get(person_id)

    def is_known_code(self, code: str) -> bool:
        """True for a country or organisation code."""
        return code in self._countries or code in self._orgs

    def holder(self, country: str, kb_title: str, day: dt.date | None) -> Person | None:
        """Who held office ``kb_title`` of ``country`` on ``day`` (None: now)."""
        terms = self._offices.get((country, kb_title), [])
        if day is None:
            current = [(r, p) for r, p in terms if r.end is None]
            return max(current, key=lambda rp: rp[0].start or dt.date.min)[1] if current else None
        held = [(r, p) for r, p in terms if r.holds_on(day)]
        if not held:
            return None
        # Overlapping data (e.g. an acting minister): the latest start wins.
        return max(held, key=lambda rp: rp[0].start or dt.date.min)[1]

    def holders(self, country: str, kb_title: str) -> tuple[tuple[Role, Person], ...]:
        """Every recorded term of an office, in order of start."""
        terms = self._offices.get((country, kb_title), [])
        return tuple(sorted(terms, key=lambda rp: rp[0].start or dt.date.min))

    def people_by_surname(self, surname: str) -> tuple[Person, ...]:
        return tuple(p for p in self.people if surname in p.surnames)


# ---------------------------------------------------------------- loading


class _Bad(Exception):
    """A schema problem inside one entry; turned into KnowledgeBaseError with the file."""


def _text(entry: dict[str, Any], key: str, required: bool = True) -> str | None:
    value = entry.get(key)
    if value is None:
        if required:
            raise _Bad(f"missing '{key}'")
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _Bad(f"'{key}' must be text, not {type(value).__name__}")
    return str(value)


def _req(entry: dict[str, Any], key: str) -> str:
    value = _text(entry, key)
    assert value is not None  # required=True never returns None
    return value


def _texts(entry: dict[str, Any], key: str) -> tuple[str, ...]:
    value = entry.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _Bad(f"'{key}' must be a list of text")
    return tuple(value)


def _pairs(entry: dict[str, Any], key: str) -> tuple[tuple[str, str], ...]:
    """A mapping {name: sector} (or a list of [name, sector]) as pairs."""
    value = entry.get(key) or {}
    items = value.items() if isinstance(value, dict) else value
    try:
        pairs = tuple((str(a), str(b)) for a, b in items)
    except (TypeError, ValueError) as err:
        raise _Bad(f"'{key}' must map names to sectors") from err
    return pairs


def _date(value: Any, what: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value)
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text)
    if not match:
        raise _Bad(f"{what} '{text}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as err:
        raise _Bad(f"{what} '{text}': {err}") from err


def _role(raw: Any) -> Role:
    if isinstance(raw, list):
        if not 3 <= len(raw) <= 5:
            raise _Bad(f"role {raw!r} needs [title, country, sector, start, end]")
        raw = dict(zip(("title", "country", "sector", "start", "end"), raw, strict=False))
    if not isinstance(raw, dict):
        raise _Bad(f"role {raw!r} is neither a list nor a mapping")
    role = Role(
        title=_req(raw, "title"),
        country=_req(raw, "country"),
        sector=_req(raw, "sector"),
        start=_date(raw.get("start"), "start"),
        end=_date(raw.get("end"), "end"),
    )
    if role.start and role.end and role.start > role.end:
        raise _Bad(f"role '{role.title}' ends before it starts")
    return role


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _country(e: dict[str, Any]) -> Country:
    return Country(
        code=_req(e, "code"),
        name=_req(e, "name"),
        aliases=_texts(e, "aliases"),
        demonyms=_texts(e, "demonyms"),
        capital=_text(e, "capital", required=False),
        metonyms=_texts(e, "metonyms"),
        metonym_sectors=_pairs(e, "metonym_sectors"),
        institutions=_pairs(e, "institutions"),
    )


def _organisation(e: dict[str, Any]) -> Organisation:
    return Organisation(
        code=_req(e, "code"),
        name=_req(e, "name"),
        aliases=_texts(e, "aliases"),
        sector=_req(e, "sector"),
        members=_texts(e, "members"),
        country=_text(e, "country", required=False),
    )


def _person(e: dict[str, Any]) -> Person:
    name = _req(e, "name")
    roles = e.get("roles")
    if not isinstance(roles, list) or not roles:
        raise _Bad("'roles' must be a non-empty list")
    return Person(
        id=_text(e, "id", required=False) or _slug(name),
        name=name,
        aliases=_texts(e, "aliases"),
        surnames=_texts(e, "surnames"),
        roles=tuple(sorted((_role(r) for r in roles), key=lambda r: r.start or dt.date.min)),
    )


def _outlet(e: dict[str, Any]) -> Outlet:
    return Outlet(
        name=_req(e, "name"),
        aliases=_texts(e, "aliases"),
        country=_text(e, "country", required=False),
        kind=_req(e, "kind"),
        domains=tuple(d.lower().removeprefix("www.") for d in _texts(e, "domains")),
    )


def _title(e: dict[str, Any]) -> Title:
    person = e.get("person", False)
    if not isinstance(person, bool):
        raise _Bad("'person' must be true or false")
    return Title(
        phrase=_req(e, "phrase").lower(),
        role=_req(e, "role"),
        sector=_req(e, "sector"),
        person=person,
        kb_titles=_texts(e, "kb_titles"),
        country=_text(e, "country", required=False),
    )


_BUILDERS: dict[str, Any] = {
    "countries": (_country, lambda x: x.code),
    "organisations": (_organisation, lambda x: x.code),
    "people": (_person, lambda x: x.id),
    "outlets": (_outlet, lambda x: x.name),
    "titles": (_title, lambda x: x.phrase),
}


def _entry_label(raw: Any, index: int) -> str:
    if isinstance(raw, dict):
        for key in ("code", "id", "name", "phrase"):
            if raw.get(key):
                return f"entry {index + 1} ({raw[key]})"
    return f"entry {index + 1}"


def parse_document(text: str, label: str) -> dict[str, list[Any]]:
    """Parse one YAML document into its sections of built records."""
    try:
        doc = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as err:
        where = getattr(err, "problem_mark", None)
        line = f" at line {where.line + 1}" if where is not None else ""
        raise KnowledgeBaseError(f"{label}: not valid YAML{line}") from err
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise KnowledgeBaseError(f"{label}: top level must be a mapping of {', '.join(SECTIONS)}")
    unknown = sorted(str(k) for k in doc if k not in SECTIONS)
    if unknown:
        raise KnowledgeBaseError(f"{label}: unknown section '{unknown[0]}'")
    out: dict[str, list[Any]] = {}
    for section, entries in doc.items():
        if not isinstance(entries, list):
            raise KnowledgeBaseError(f"{label}: '{section}' must be a list")
        build = _BUILDERS[section][0]
        records = []
        for index, raw in enumerate(entries):
            try:
                if not isinstance(raw, dict):
                    raise _Bad("must be a mapping")
                records.append(build(raw))
            except _Bad as err:
                where = _entry_label(raw, index)
                raise KnowledgeBaseError(f"{label}: {section} {where}: {err}") from None
        out[section] = records
    return out


def _merge(into: dict[str, dict[str, Any]], parsed: dict[str, list[Any]]) -> None:
    for section, records in parsed.items():
        key = _BUILDERS[section][1]
        for record in records:
            into[section][key(record)] = record


def _packaged_texts() -> list[tuple[str, str]]:
    root = importlib.resources.files("readout.actors") / "data"
    texts = []
    for name in DATA_FILES:
        label = f"readout/actors/data/{name}"
        try:
            texts.append((label, (root / name).read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as err:
            raise KnowledgeBaseError(f"{label}: cannot read ({type(err).__name__})") from None
    return texts


def _read_user_file(path: pathlib.Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise KnowledgeBaseError(f"{path}: cannot read ({type(err).__name__})") from None


def _build(extra: Sequence[pathlib.Path], generated: bool) -> KnowledgeBase:
    with collector_paused():
        return _build_records(extra, generated)


def _build_records(extra: Sequence[pathlib.Path], generated: bool) -> KnowledgeBase:
    from readout.actors.generated import load_generated, under

    curated = [parse_document(text, label) for label, text in _packaged_texts()]
    users = [parse_document(_read_user_file(pathlib.Path(p)), str(p)) for p in extra]
    merged: dict[str, dict[str, Any]] = {section: {} for section in SECTIONS}
    if generated:  # under the curated and user entries: theirs win (see actors/generated.py)
        _merge(merged, under(load_generated(), [*curated, *users]))
    for parsed in (*curated, *users):
        _merge(merged, parsed)
    if users:  # the user's codes must be ones readout knows (see kb_check)
        codes = set(merged["countries"]) | set(merged["organisations"])
        sectors = known_sectors(packaged_sectors(curated))
        for path, parsed in zip(extra, users, strict=True):
            check_user_file(str(path), parsed, codes, sectors)
    return KnowledgeBase(
        countries=tuple(merged["countries"].values()),
        organisations=tuple(merged["organisations"].values()),
        people=tuple(merged["people"].values()),
        outlets=tuple(merged["outlets"].values()),
        titles=tuple(merged["titles"].values()),
    )


@functools.lru_cache(maxsize=2)
def _default_kb(generated: bool) -> KnowledgeBase:
    return _build((), generated)


def load_kb(extra: Sequence[pathlib.Path] = (), *, generated: bool = True) -> KnowledgeBase:
    """The packaged knowledge base plus ``extra`` user YAML files (later files win).

    ``generated`` adds the people and organisations converted from the Phoenix
    dictionaries, under the curated and user entries (actors/generated.py).
    """
    if not extra:
        return _default_kb(generated)
    return _build(tuple(extra), generated)
