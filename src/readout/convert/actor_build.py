"""Shared steps for turning actor records into readout people and organisations.

Names: the display form (``english.display_name``), the aliases (every
synonym, each once), acronyms written in brackets (``ALLIANCE_(ABC)`` gives
the alias "ABC"). Organisation or person: a name with an organisation word
("army", "front", "ministry", "council", ...) is a body. Uniqueness: two
generated entries with the same name key are one (their roles and aliases
merge); an alias that two entries share is removed from both, since it cannot
tell them apart; a name that is a person's and a body's stays the body's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from readout.actors.names import name_key
from readout.convert.actor_codes import ActorCode
from readout.convert.actor_file import CodeSpan
from readout.convert.english import display_name, words_of
from readout.convert.source import Dropped

ORG_WORDS = frozenset(
    """army armies front brigade brigades battalion battalions group groups organization
    organisation organizations movement party parties council committee commission force forces
    federation union alliance league faction cell cells nuclei commando commandos guerrilla
    guerrillas militia militias mujahideen mujahidin mujahedin lashkar laskar jamaah jemaah
    jamaat gama'a harkat harakat harakut jaish jaysh ansar ansaru hizb hezbollah hizbollah
    taliban qaeda qaida qa'ida qai'dah shabab shabaab hamas foundation fund institute
    institution center centre association society network agency bureau office department
    ministry ministries authority administration service services assembly parliament congress
    senate court tribunal guard guards police intelligence directorate secretariat bank program
    programme project panel community coalition declaration observatory team university school
    college academy church synod company corporation inc ltd trust club kremlin palace house
    street yard knesset duma bundesrat reichstag volkskammer shinrikyo rifles legion""".split()
)  # fmt: skip
# A person's name written after one of these is a title plus a name ("PRESIDENT_OBAMA").
TITLE_WORDS = frozenset(
    """president vice prime minister secretary secretary-general general gen gen. senator sen.
    governor mr mr. mrs mrs. ms dr dr. king queen prince princess emir colonel col. major
    captain admiral ambassador chairman leader commander judge justice pope cardinal
    archbishop bishop rabbi communist russian american us u.s. former opposition rebel defense
    defence foreign deputy chief speaker chancellor premier president-elect sheikh""".split()
)  # fmt: skip
# Words that make a phrase an office, not a person, when no dated role says otherwise.
ROLE_WORDS = frozenset(
    """president minister secretary ambassador representative director attorney spokesman
    spokesperson chairman chancellor governor senator speaker premier vice-president
    secretary-general""".split()
)  # fmt: skip
_ACRONYM = re.compile(r"\(([A-Z0-9.&'-]+)\)")


@dataclass(frozen=True)
class GenRole:
    title: str
    country: str
    sector: str
    start: str | None  # ISO day
    end: str | None


@dataclass(frozen=True)
class GenPerson:
    id: str
    name: str
    aliases: tuple[str, ...]
    roles: tuple[GenRole, ...]
    line: int


@dataclass(frozen=True)
class GenOrganisation:
    code: str
    name: str
    aliases: tuple[str, ...]
    sector: str
    country: str | None
    line: int
    source: str  # the file it came from


def lower_words(name: str) -> list[str]:
    return [w.lower() for w in re.split(r"[\s_]+", name) if w]


def is_organisation_name(name: str) -> bool:
    words = lower_words(name)
    pieces = {p for w in words for p in w.split("-")}
    return bool((set(words) | pieces) & ORG_WORDS)


def is_office(name: str) -> bool:
    return bool(set(lower_words(name)) & ROLE_WORDS)


def _clean(source: str) -> str:
    return " ".join(words_of(_ACRONYM.sub(" ", source))).strip(" ,")


def acronyms(source: str) -> list[str]:
    return [a for a in _ACRONYM.findall(source) if len(a.replace(".", "")) >= 3]


def _titled(name: str) -> bool:
    words = {w.strip(",") for w in name.lower().split()}
    return bool(words & (TITLE_WORDS | ROLE_WORDS | ORG_WORDS | {"un", "u.n.", "united"}))


def _hyphen_variant(name: str) -> str | None:
    """'Ban Ki-Moon' is also written 'Ban Ki-moon' (Korean given names, 'Jean-marie' rarely)."""
    words = name.split()
    changed = [
        w
        if "-" not in w or w.split("-")[0].lower() in {"al", "el", "bin", "ibn"}
        else w.split("-")[0] + "-" + "-".join(p.lower() for p in w.split("-")[1:])
        for w in words
    ]
    variant = " ".join(changed)
    return variant if variant != name else None


def person_names(name: str, synonyms: Iterable[str]) -> tuple[str, tuple[str, ...]] | None:
    """(display name, aliases) of a person, or None when no name of two words remains.

    The display name is the first written name without a title ("Ban Ki-Moon",
    not "UN Secretary-General Ban Ki-Moon"); titled forms stay as aliases.
    """
    written = [display_name(_clean(n)) for n in (name, *synonyms) if _clean(n)]
    multi = [n for n in written if len(n.split()) > 1]
    if not multi:
        return None
    untitled = [n for n in multi if not _titled(n)]
    if untitled:
        chosen = untitled[0]
    else:
        words = multi[0].split()
        while words and _titled(words[0]):
            words = words[1:]
        if len(words) < 2:
            return None
        chosen = " ".join(words)
    variant = _hyphen_variant(chosen)
    aliases = tuple(dict.fromkeys(n for n in (*multi, variant) if n and n != chosen))
    return chosen, aliases


def organisation_names(name: str, synonyms: Iterable[str]) -> tuple[str, tuple[str, ...]] | None:
    sources = [name, *synonyms]
    written = [display_name(_clean(n), organisation=True) for n in sources if _clean(n)]
    if not written:
        return None
    extra = [a for n in sources for a in acronyms(n)]
    # a one-word name is also written in capitals in the news ("HAMAS", "USAID")
    upper = [n.upper() for n in written if len(n.split()) == 1 and n != n.upper()]
    aliases = tuple(dict.fromkeys(n for n in (*written[1:], *extra, *upper) if n != written[0]))
    return written[0], aliases


def current_span(spans: list[tuple[CodeSpan, ActorCode]]) -> tuple[CodeSpan, ActorCode]:
    """The span that holds now: open-ended with the latest start, else the latest ended."""

    def rank(item: tuple[CodeSpan, ActorCode]) -> tuple[int, str, str]:
        span = item[0]
        open_ended = span.end is None
        return (open_ended, str(span.end or ""), str(span.start or ""))

    return max(spans, key=rank)


def slug(name: str, sep: str = "-") -> str:
    return re.sub(r"[^a-z0-9]+", sep, name_key(name)).strip(sep)


def _merge_people(people: list[GenPerson]) -> list[GenPerson]:
    """One entry per person: records that share a name (or alias) and a country merge."""
    parent = list(range(len(people)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_key: dict[str, list[int]] = {}
    for i, person in enumerate(people):
        for name in (person.name, *person.aliases):
            by_key.setdefault(name_key(name), []).append(i)
    countries = [{r.country for r in p.roles} for p in people]
    primaries = {name_key(p.name) for p in people}
    for key, owners in by_key.items():
        for other in owners[1:]:
            first = owners[0]
            # the same full name is one person (a career abroad or in an IGO);
            # a shared alias only when a country is shared too
            if key in primaries or countries[first] & countries[other]:
                parent[root(other)] = root(first)
    groups: dict[int, list[int]] = {}
    for i in range(len(people)):
        groups.setdefault(root(i), []).append(i)
    merged = []
    for members in groups.values():
        head = people[members[0]]
        names = [n for i in members for n in (people[i].name, *people[i].aliases)]
        aliases = tuple(dict.fromkeys(n for n in names if n != head.name))
        roles = tuple(dict.fromkeys(r for i in members for r in people[i].roles))
        merged.append(replace(head, aliases=aliases, roles=roles))
    return merged


def _merge_organisations(orgs: list[GenOrganisation]) -> list[GenOrganisation]:
    merged: dict[str, GenOrganisation] = {}
    for org in orgs:
        key = name_key(org.name)
        seen = merged.get(key)
        if seen is None:
            merged[key] = org
        else:
            merged[key] = replace(seen, aliases=tuple(dict.fromkeys((*seen.aliases, *org.aliases))))
    return list(merged.values())


def make_unique(
    people: list[GenPerson], orgs: list[GenOrganisation], taken_codes: set[str], label: str
) -> tuple[list[GenPerson], list[GenOrganisation], list[Dropped]]:
    """Merge repeats, take shared aliases away, give every entry its own id or code."""
    people, orgs = _merge_people(people), _merge_organisations(orgs)
    dropped: list[Dropped] = []
    org_names = {name_key(o.name) for o in orgs}
    kept_people = []
    for person in people:
        if name_key(person.name) in org_names:
            dropped.append(Dropped(label, person.line, "a body has the same name", person.name))
        else:
            kept_people.append(person)
    owners: dict[str, set[str]] = {}
    primary: dict[str, str] = {}
    entries = [(f"p{i}", p.name, p.aliases) for i, p in enumerate(kept_people)]
    entries += [(f"o{i}", o.name, o.aliases) for i, o in enumerate(orgs)]
    for owner, name, aliases in entries:
        primary[name_key(name)] = owner
        for alias in (name, *aliases):
            owners.setdefault(name_key(alias), set()).add(owner)

    def keep(owner: str, alias: str) -> bool:
        key = name_key(alias)
        if key in primary:
            return primary[key] == owner
        return len(owners[key]) == 1

    out_people, out_orgs = [], []
    ids: set[str] = set()
    for i, person in enumerate(kept_people):
        pid = _unique(slug(person.name) or "person", ids, "-")
        aliases = tuple(a for a in person.aliases if keep(f"p{i}", a))
        out_people.append(replace(person, id=pid, aliases=aliases))
    codes = set(taken_codes)
    for i, org in enumerate(orgs):
        code = _unique(slug(org.name, "_").upper() or "ORG", codes, "_")
        aliases = tuple(a for a in org.aliases if keep(f"o{i}", a))
        out_orgs.append(replace(org, code=code, aliases=aliases))
    return out_people, out_orgs, dropped


def _unique(base: str, taken: set[str], sep: str) -> str:
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}{sep}{n}"
    taken.add(candidate)
    return candidate
