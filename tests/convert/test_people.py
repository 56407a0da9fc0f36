"""Actor records → people with dated roles and named bodies; one entry per name."""

from __future__ import annotations

import pytest

from readout.convert.actor_build import (
    GenOrganisation,
    GenPerson,
    GenRole,
    make_unique,
    person_names,
)
from readout.convert.actor_file import parse_actor_file
from readout.convert.groups import convert_groups
from readout.convert.people import ActorSets, convert_actors
from readout.convert.source import parse_lines

COUNTRIES = frozenset({"FRA", "SYL", "USA"})

# Records written for this test in the Phoenix actor-file format.
COUNTRY_FILE = """\
FREEDONIA_ [FRA]
+FREEDONIA_CITY_

RUFUS_T_FIREFLY_  # CountryInfo.txt
+PRESIDENT_FIREFLY_
+RUFUS_FIREFLY_
\t[FRAELI 300101-330101]
\t[FRAGOV 330101-331231]
\t[FRAELI]
GENERAL_SECRETARY_PINKY_LEE  # CountryInfo.txt
\t[SYLGOV 330101-340101]
TRENTINO_  # CountryInfo.txt
\t[SYLGOV 330101-340101]
BOBBY_SHAW_  # CountryInfo.txt
\t[DDRGOV 330101-340101]
FREEDONIAN_NATIONAL_GUARD
+FNG
\t[FRAMIL]
MINISTRY_OF_PEANUTS_ [FRAGOVAGR]
MOSSBANK [FRASPY]
FREEDONIA_SECRETARY_OF_WAR_ [FRAGOV]
GLORIA_TEASDALE_  # CountryInfo.txt
\t[SYLGOVLEG 330101-340101]
"""

INTERNATIONAL_FILE = """\
CHICO_MARX_\t[IGOUNO 900101-951231] [ELI]
+CHICO_RAVELLI_
HARPO_SILENT_\t[IGOUNO]
SOCIETY_OF_CLOWNS_\t[NGOFRAHRI]
GREASEPAINT_INC_\t[MNCUSA]
ZEPPO_ACTION_\t[NGO]
"""

GROUP_FILE = """\
RED_HAND_BRIGADE_(RHB)_ [FRAREB] #  kkl 21 Mar 13
+RED_HAND_

SILENT_RIVER_ [SYLREB] #  kkl 21 Mar 13

OTIS_B_DRIFTWOOD__ [IMGSAU]
LIBERTY_FRONT__ [INTREB]
"""


def convert(text: str, *, international: bool = False) -> ActorSets:
    records, _ = parse_actor_file(parse_lines(text), "actors.txt")
    return convert_actors(records, COUNTRIES, "actors.txt", international=international)


@pytest.fixture(scope="module")
def countries() -> ActorSets:
    return convert(COUNTRY_FILE)


def test_a_person_with_dated_roles(countries: ActorSets) -> None:
    firefly = next(p for p in countries.people if "Firefly" in p.name)
    assert firefly.name == "Rufus T Firefly"
    assert firefly.aliases == ("President Firefly", "Rufus Firefly")
    assert firefly.roles == (
        GenRole("Elite", "FRA", "ELI", None, None),
        GenRole("Elite", "FRA", "ELI", "1930-01-01", "1933-01-01"),
        GenRole("Government official", "FRA", "GOV", "1933-01-01", "1933-12-31"),
    )


def test_titles_are_set_aside_for_the_display_name(countries: ActorSets) -> None:
    assert "Pinky Lee" in {p.name for p in countries.people}


def test_legislators_get_their_branch_as_sector(countries: ActorSets) -> None:
    teasdale = next(p for p in countries.people if "Teasdale" in p.name)
    assert teasdale.roles == (GenRole("Legislator", "SYL", "LEG", "1933-01-01", "1934-01-01"),)


def test_what_is_left_out(countries: ActorSets) -> None:
    names = {p.name for p in countries.people} | {o.name for o in countries.organisations}
    assert not names & {"Freedonia", "Trentino", "Bobby Shaw", "Freedonia Secretary of War"}
    reasons = {d.text: d.reason for d in countries.dropped}
    assert reasons["TRENTINO_"] == "a one-word name of a person"
    assert reasons["BOBBY_SHAW_"] == "no country readout knows"
    assert reasons["FREEDONIA_SECRETARY_OF_WAR_"] == "an office, not a named person"
    assert countries.counts["places"] == 1


def test_bodies(countries: ActorSets) -> None:
    bodies = {o.name: o for o in countries.organisations}
    assert set(bodies) == {"Freedonian National Guard", "Ministry of Peanuts", "Mossbank"}
    guard = bodies["Freedonian National Guard"]
    assert (guard.aliases, guard.sector, guard.country) == (("FNG",), "MIL", "FRA")
    assert (bodies["Ministry of Peanuts"].sector, bodies["Mossbank"].sector) == ("GOV", "SPY")
    assert bodies["Mossbank"].aliases == ("MOSSBANK",)


def test_international_file() -> None:
    sets = convert(INTERNATIONAL_FILE, international=True)
    (chico,) = sets.people
    assert chico.name == "Chico Marx"
    assert chico.roles == (GenRole("UN official", "UN", "IGO", "1990-01-01", "1995-12-31"),)
    assert {o.name: (o.sector, o.country) for o in sets.organisations} == {
        "Society of Clowns": ("NGO", "FRA"),
        "Zeppo Action": ("NGO", None),
    }
    assert sets.counts["companies"] == 1
    assert sets.counts["undecided"] == 1  # HARPO_SILENT_: undated, person or body?


def test_groups_file() -> None:
    records, _ = parse_actor_file(parse_lines(GROUP_FILE), "groups.txt")
    sets = convert_groups(records, COUNTRIES, "groups.txt")
    groups = {o.name: o for o in sets.organisations}
    assert set(groups) == {"Red Hand Brigade", "Silent River", "Liberty Front"}
    assert groups["Red Hand Brigade"].aliases == ("Red Hand", "RHB")
    assert (groups["Red Hand Brigade"].sector, groups["Red Hand Brigade"].country) == ("REB", "FRA")
    assert groups["Liberty Front"].country is None
    assert sets.counts["people"] == 1


@pytest.mark.parametrize(
    ("name", "synonyms", "expected"),
    [
        ("KIM_SO-HYUN", (), ("Kim So-Hyun", ("Kim So-hyun",))),
        ("UN_ENVOY_JO_BLOGGS", ("JO_BLOGGS",), ("Jo Bloggs", ("UN Envoy Jo Bloggs",))),
        ("PRESIDENT_BLOGGS", (), None),
        ("BLOGGS", ("J_BLOGGS",), ("J Bloggs", ())),
    ],
)
def test_person_names(name: str, synonyms: tuple[str, ...], expected: object) -> None:
    assert person_names(name, synonyms) == expected


def _person(name: str, aliases: tuple[str, ...], country: str, line: int) -> GenPerson:
    return GenPerson(
        "", name, aliases, (GenRole("Government official", country, "GOV", None, None),), line
    )


def test_make_unique_merges_repeats_and_takes_shared_aliases_away() -> None:
    people = [
        _person("Ann Lee", ("A. Lee",), "FRA", 1),
        _person("Ann Lee", ("Annie Lee",), "SYL", 2),  # the same name: one person
        _person("Bo Lee", ("B. Lee", "The Lees"), "FRA", 3),
        _person("Cy Lee", ("The Lees",), "USA", 4),  # an alias of two people: nobody's
        _person("Lee Corp", (), "FRA", 5),  # a body has this name
    ]
    orgs = [GenOrganisation("", "Lee Corp", ("LCO",), "BUS", "FRA", 6, "f")]
    out_people, out_orgs, dropped = make_unique(people, orgs, {"FRA"}, "f")
    by_name = {p.name: p for p in out_people}
    assert set(by_name) == {"Ann Lee", "Bo Lee", "Cy Lee"}
    assert by_name["Ann Lee"].aliases == ("A. Lee", "Annie Lee")
    assert {r.country for r in by_name["Ann Lee"].roles} == {"FRA", "SYL"}
    assert by_name["Bo Lee"].aliases == ("B. Lee",)
    assert by_name["Cy Lee"].aliases == ()
    assert [p.id for p in out_people] == ["ann-lee", "bo-lee", "cy-lee"]
    assert [o.code for o in out_orgs] == ["LEE_CORP"]
    assert [d.reason for d in dropped] == ["a body has the same name"]
