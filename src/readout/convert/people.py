"""Phoenix.Countries.actors.txt and Phoenix.International.actors.txt → people and named bodies.

Which records become what:

* a record whose codes name no sector (``AFGHANISTAN_ [AFG]``, a city, a
  territory such as ``[USAASM]``) is a place: readout's own country data covers
  these, so it is skipped;
* multinational companies (``MNC...``) are left out: their names collide with
  ordinary words and they are not the actors of political events;
* a record whose name has an organisation word (``..._ARMY``, ``MINISTRY_...``,
  ``..._COUNCIL``) or is one word (``MOSSAD``, ``BUNDESRAT``) is a body;
  in the international file so is an undated NGO; but a one-word name from
  the CountryInfo lists, with dates or as an elite (``SUHARTO``) is a person's
  surname alone, too ambiguous to keep;
* any other record is a person, if a name of two words or more remains once
  leading titles are set aside (``PRESIDENT_OBAMA`` is an alias, not the name);
  an undated record that names an office (``US_SECRETARY_OF_DEFENSE_``) is a
  title, not a person, and is left out, as is, in the international file, an
  undated record without a body word (person or body cannot be told apart).

A person's roles are their codes that name a country readout knows (or an
international organisation it knows: ``IGOUNO`` → UN), with the dates as
written and a generic title from the sector ("Government official",
"Legislator", "UN official"): the files give no titles. An undated code is the
person's standing when no dated one holds (often ``ELI``, a former official).
A body takes the code that holds now (open-ended, else the latest ended).
"""

from __future__ import annotations

from dataclasses import dataclass

from readout.actors.generated import role_title
from readout.convert.actor_build import (
    GenOrganisation,
    GenPerson,
    GenRole,
    current_span,
    is_office,
    is_organisation_name,
    organisation_names,
    person_names,
)
from readout.convert.actor_codes import ActorCode, decode
from readout.convert.actor_file import ActorRecord, CodeSpan
from readout.convert.source import Dropped


@dataclass(frozen=True)
class ActorSets:
    people: list[GenPerson]
    organisations: list[GenOrganisation]
    dropped: list[Dropped]
    counts: dict[str, int]


def _decoded(
    record: ActorRecord, countries: frozenset[str], label: str, dropped: list[Dropped]
) -> list[tuple[CodeSpan, ActorCode]]:
    out = []
    for span in record.codes:
        code = decode(span.code, countries)
        if code is None:
            dropped.append(
                Dropped(label, record.line, f"unreadable code: {span.code}", record.name)
            )
        else:
            out.append((span, code))
    return out


def _roles(spans: list[tuple[CodeSpan, ActorCode]]) -> tuple[GenRole, ...]:
    roles = []
    for span, code in spans:
        if code.sector is None or code.country is None or code.kind == "mnc":
            continue
        roles.append(
            GenRole(
                title=role_title(code.country, code.sector),
                country=code.country,
                sector=code.sector,
                start=span.start.isoformat() if span.start else None,
                end=span.end.isoformat() if span.end else None,
            )
        )
    return tuple(sorted(dict.fromkeys(roles), key=lambda r: r.start or ""))


def _organisation(
    record: ActorRecord, spans: list[tuple[CodeSpan, ActorCode]], label: str
) -> GenOrganisation | None:
    names = organisation_names(record.name, record.synonyms)
    if names is None:
        return None
    _span, code = current_span(spans)
    if code.sector is None:
        return None
    country = code.country if code.kind != "igo" else None
    return GenOrganisation("", names[0], names[1], code.sector, country, record.line, label)


def _a_surname(record: ActorRecord, spans: list[tuple[CodeSpan, ActorCode]]) -> bool:
    """A one-word record that is a person: from the CountryInfo lists, dated, or an elite."""
    if "countryinfo" in record.comment.lower():
        return True
    return any(span.start or span.end or code.sector == "ELI" for span, code in spans)


def convert_actors(
    records: list[ActorRecord], countries: frozenset[str], label: str, *, international: bool
) -> ActorSets:
    """People and bodies from one actor file (see the module docstring for the rules)."""
    people: list[GenPerson] = []
    orgs: list[GenOrganisation] = []
    dropped: list[Dropped] = []
    counts = {"places": 0, "companies": 0, "titles": 0, "unplaced": 0, "undecided": 0}

    def drop(record: ActorRecord, reason: str, count: str) -> None:
        counts[count] += 1
        dropped.append(Dropped(label, record.line, reason, record.name))

    for record in records:
        spans = [(s, c) for s, c in _decoded(record, countries, label, dropped) if c.sector]
        if not spans:
            counts["places"] += 1
            continue
        if any(code.kind == "mnc" for _, code in spans):
            counts["companies"] += 1
            continue
        dated = any(span.start or span.end for span, _ in spans)
        one_word = len(record.name.replace("_", " ").split()) == 1
        if one_word and _a_surname(record, spans):
            drop(record, "a one-word name of a person", "unplaced")
            continue
        undated_ngo = international and not dated and spans[0][1].kind == "ngo"
        if is_organisation_name(record.name) or one_word or undated_ngo:
            org = _organisation(record, spans, label)
            if org is None:
                drop(record, "no name or sector for a body", "unplaced")
            else:
                orgs.append(org)
            continue
        if not dated and is_office(record.name):
            drop(record, "an office, not a named person", "titles")
            continue
        if international and not dated:
            drop(record, "undated: person or body cannot be told", "undecided")
            continue
        names = person_names(record.name, record.synonyms)
        roles = _roles(spans)
        if names is None or not roles:
            why = "no two-word name" if names is None else "no country readout knows"
            drop(record, why, "unplaced")
            continue
        people.append(GenPerson("", names[0], names[1], roles, record.line))
    return ActorSets(people, orgs, dropped, counts)
