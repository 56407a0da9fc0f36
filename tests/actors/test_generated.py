"""The Phoenix people and organisations load under readout's curated knowledge base."""

from __future__ import annotations

import datetime as dt
import pathlib

import pytest

from readout.actors.generated import Sections, load_generated, parse_actors_json, under
from readout.actors.kb import KnowledgeBase, Organisation, Person, Role, load_kb
from readout.actors.names import name_key
from readout.errors import KnowledgeBaseError


@pytest.fixture(scope="module")
def curated() -> KnowledgeBase:
    return load_kb(generated=False)


@pytest.fixture(scope="module")
def full() -> KnowledgeBase:
    return load_kb()


def test_every_generated_entry_loads() -> None:
    generated = load_generated()
    assert len(generated["people"]) > 15_000
    assert len(generated["organisations"]) > 2_000
    for person in generated["people"]:
        assert person.roles and len(person.name.split()) > 1, person.id
        assert all(
            role.start is None or role.end is None or role.start <= role.end
            for role in person.roles
        )
    for org in generated["organisations"]:
        assert org.name and org.sector, org.code


def test_no_curated_entry_is_lost_or_changed(curated: KnowledgeBase, full: KnowledgeBase) -> None:
    for person in curated.people:
        assert full.person(person.id) == person
    for org in curated.organisations:
        assert full.organisation(org.code) == org
    assert full.countries == curated.countries and full.titles == curated.titles
    assert len(full.people) > len(curated.people) + 15_000


@pytest.mark.parametrize(
    ("name", "owner"),
    [
        ("Taliban", "TALIBAN"),  # curated GOV, not the generated REB group
        ("Hamas", "HAMAS"),
        ("Kremlin", "RUS"),  # a curated metonym of Russia, not a generated body
        ("Sergey Lavrov", "sergei-lavrov"),  # a curated alias
        ("Recep Tayyip Erdogan", "recep-tayyip-erdogan"),
    ],
)
def test_curated_names_win(full: KnowledgeBase, name: str, owner: str) -> None:
    key = name_key(name)
    owners = {p.id for p in full.people if key in {name_key(n) for n in (p.name, *p.aliases)}}
    owners |= {
        o.code for o in full.organisations if key in {name_key(n) for n in (o.name, *o.aliases)}
    }
    owners |= {
        c.code for c in full.countries if key in {name_key(n) for n in (*c.metonyms, c.name)}
    }
    assert owners == {owner}


def test_generated_people_answer_by_date(full: KnowledgeBase) -> None:
    person = next(p for p in full.people if p.name == "Jaroslaw Kaczynski")
    role = person.role_at(dt.date(2007, 1, 1))
    assert role is not None and (role.country, role.sector) == ("POL", "GOV")


def test_generated_groups_have_a_country_and_sector(full: KnowledgeBase) -> None:
    by_name = {o.name: o for o in full.organisations}
    assert (by_name["Abu Sayyaf Group"].country, by_name["Abu Sayyaf Group"].sector) == (
        "PHL",
        "REB",
    )


def _person(pid: str, name: str, aliases: tuple[str, ...] = (), country: str = "RUS") -> Person:
    return Person(pid, name, aliases, (), (Role("Minister", country, "GOV", None, None),))


@pytest.mark.parametrize(
    ("generated", "kept"),
    [
        (_person("g1", "Pyotr Smirnoff"), True),
        (_person("g2", "Ivan Petrovsky"), False),  # the same name
        (_person("g3", "Ivan P. Petrovsky", ("IVAN PETROVSKY",)), False),  # an alias, any case
        (_person("g4", "Ivan Petrovskiy"), False),  # spelled differently, same country
        (_person("g5", "Ivan Petrovskiy", country="FRA"), True),  # another country
        (_person("ivan-petrovsky", "Someone Else"), False),  # the same id
        (_person("g6", "Olga Petrovsky"), True),  # a relative is someone else
    ],
)
def test_under_keeps_what_no_curated_entry_describes(generated: Person, kept: bool) -> None:
    over: Sections = {"people": [_person("ivan-petrovsky", "Ivan Petrovsky")]}
    result = under({"people": [generated]}, [over])
    assert (result["people"] == [generated]) is kept


@pytest.mark.parametrize(
    ("org", "kept"),
    [
        (Organisation("RIVER_GUARD", "River Guard", ("RG",), "MIL", (), "RUS"), True),
        (Organisation("NORTH_FRONT", "The Northern Front", (), "REB", (), "RUS"), False),
        (Organisation("NFRONT", "Front of the North", ("northern front",), "REB"), False),
        (Organisation("NORTHERN_FRONT", "Anything", (), "REB"), False),  # the same code
    ],
)
def test_under_for_organisations(org: Organisation, kept: bool) -> None:
    over: Sections = {
        "organisations": [Organisation("NORTHERN_FRONT", "Northern Front", (), "REB")]
    }
    assert (under({"organisations": [org]}, [over])["organisations"] == [org]) is kept


def test_a_user_file_wins_over_generated_entries(
    tmp_path: pathlib.Path, full: KnowledgeBase
) -> None:
    generated = next(p for p in full.people if p.name == "Jaroslaw Kaczynski")
    path = tmp_path / "mine.yaml"
    path.write_text(
        "people:\n- {id: jk, name: J. Kaczynski, aliases: [Jaroslaw Kaczynski],"
        " roles: [[Party Leader, POL, GOV, 2003-01-18]]}\n",
        encoding="utf-8",
    )
    kb = load_kb([path])
    assert kb.person(generated.id) is None
    mine = kb.person("jk")
    assert mine is not None and mine.roles[0].title == "Party Leader"


def test_without_generated_entries(curated: KnowledgeBase) -> None:
    generic = {"Government official", "Elite", "Legislator", "Military officer"}
    assert not any(role.title in generic for p in curated.people for role in p.roles)
    assert load_kb(generated=False) is curated
    assert not any(p.name == "Jaroslaw Kaczynski" for p in curated.people)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("{", "not valid JSON at line 1"),
        ('{"people": []}', "'organisations' must be a list"),
        ('{"people": [["x", "X Y", [], []]], "organisations": []}', "people row 1: a person needs"),
        ('{"people": [["x"]], "organisations": []}', "people row 1:"),
        (
            '{"people": [["x", "X Y", [], [["FRA", "GOV", "2001-13-01", null]]]], "organisations": []}',
            "people row 1: month must be in 1..12",
        ),
        (
            '{"people": [], "organisations": [["C", "N", [], 5, null]]}',
            "organisations row 1: an organisation",
        ),
    ],
)
def test_malformed_generated_json(text: str, fragment: str) -> None:
    with pytest.raises(KnowledgeBaseError) as caught:
        parse_actors_json(text, "actors.json")
    assert str(caught.value).startswith("actors.json: ") and fragment in str(caught.value)
