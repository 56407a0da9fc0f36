"""The actor knowledge base: every packaged entry loads, holds together and answers by date."""

from __future__ import annotations

import datetime as dt
import pathlib
import re
import time
from collections import Counter

import pytest

from readout.actors.kb import KnowledgeBase, Person, Role, load_kb
from readout.errors import KnowledgeBaseError

# The 193 UN member states, written out here so the test does not trust the data it checks.
_UN_CODES = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD
CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN
FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ
IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE
LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR
NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT
QAT ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV
UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
"""
UN_MEMBERS = _UN_CODES.split()

SECTORS = {
    "GOV",
    "MIL",
    "DIP",
    "LEG",
    "JUD",
    "COP",
    "REB",
    "OPP",
    "MED",
    "BUS",
    "CVL",
    "IGO",
    "NGO",
    "REG",
    # CAMEO agent codes the data generated from the Phoenix dictionaries also uses
    "SPY",
    "ELI",
    "PTY",
    "EDU",
    "REL",
    "HLH",
    "LAB",
    "AGR",
    "ENV",
    "DEV",
    "HRI",
    "REF",
    "CRM",
    "UAF",
}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    started = time.perf_counter()
    loaded = load_kb()
    print(f"default KB loaded in {time.perf_counter() - started:.3f}s")
    return loaded


def test_the_un_list_in_this_test_has_193_distinct_codes() -> None:
    assert len(set(UN_MEMBERS)) == 193


def test_every_un_member_is_present(kb: KnowledgeBase) -> None:
    missing = [code for code in UN_MEMBERS if kb.country(code) is None]
    assert missing == []


@pytest.mark.parametrize("code", ["PSE", "VAT", "TWN", "XKX", "ESH", "HKG", "SUN"])
def test_non_members_are_present(kb: KnowledgeBase, code: str) -> None:
    assert kb.country(code) is not None


def test_country_codes_are_unique_three_letters(kb: KnowledgeBase) -> None:
    codes = [c.code for c in kb.countries]
    assert len(codes) == len(set(codes))
    assert all(len(code) == 3 and code.isupper() for code in codes)


def test_country_and_organisation_codes_do_not_collide(kb: KnowledgeBase) -> None:
    assert not {c.code for c in kb.countries} & {o.code for o in kb.organisations}


def test_country_names_and_aliases_are_not_shared(kb: KnowledgeBase) -> None:
    # A name that points to two states cannot be resolved; demonyms may repeat (Congolese).
    owners = Counter(n for c in kb.countries for n in {c.name, *c.aliases})
    assert [n for n, count in owners.items() if count > 1] == []


def test_every_country_sector_mapping_uses_known_sectors(kb: KnowledgeBase) -> None:
    for country in kb.countries:
        for _name, sector in (*country.institutions, *country.metonym_sectors):
            assert sector in SECTORS, (country.code, sector)


def test_metonym_sectors_name_listed_metonyms(kb: KnowledgeBase) -> None:
    for country in kb.countries:
        for metonym, _sector in country.metonym_sectors:
            assert metonym in country.metonyms, (country.code, metonym)


@pytest.mark.parametrize(
    ("code", "name", "expected"),
    [
        ("RUS", "metonyms", "the Kremlin"),
        ("USA", "metonyms", "the White House"),
        ("GBR", "metonyms", "Downing Street"),
        ("GBR", "aliases", "Britain"),
        ("USA", "aliases", "U.S."),
        ("TUR", "aliases", "Türkiye"),
        ("UKR", "metonyms", "Bankova"),
        ("SUN", "aliases", "USSR"),
        ("GBR", "demonyms", "British"),
        ("CHN", "demonyms", "Chinese"),
    ],
)
def test_known_names(kb: KnowledgeBase, code: str, name: str, expected: str) -> None:
    country = kb.country(code)
    assert country is not None
    assert expected in getattr(country, name)


def test_capitals(kb: KnowledgeBase) -> None:
    capitals = {c.code: c.capital for c in kb.countries}
    assert capitals["USA"] == "Washington"
    assert capitals["RUS"] == "Moscow"
    assert capitals["UKR"] == "Kyiv"
    assert capitals["GEO"] == "Tbilisi"


def test_pentagon_is_military(kb: KnowledgeBase) -> None:
    usa = kb.country("USA")
    assert usa is not None
    assert dict(usa.metonym_sectors)["the Pentagon"] == "MIL"
    assert dict(usa.institutions)["State Department"] == "GOV"


def test_organisations(kb: KnowledgeBase) -> None:
    for code in ("NATO", "EU", "UN", "UNSC", "IAEA", "ICC", "WST", "EUR", "HAMAS", "TALIBAN"):
        assert kb.organisation(code) is not None, code
    nato = kb.organisation("NATO")
    assert nato is not None and "USA" in nato.members and "FIN" in nato.members
    taliban = kb.organisation("TALIBAN")
    assert taliban is not None and (taliban.sector, taliban.country) == ("GOV", "AFG")
    west = kb.organisation("WST")
    assert west is not None and west.sector == "REG" and "Western allies" in west.aliases


def test_organisation_members_and_countries_are_known_codes(kb: KnowledgeBase) -> None:
    for org in kb.organisations:
        assert org.sector in SECTORS, org.code
        for member in org.members:
            assert kb.country(member) is not None, (org.code, member)
        if org.country is not None:
            assert kb.country(org.country) is not None, (org.code, org.country)


def test_every_person_has_valid_roles(kb: KnowledgeBase) -> None:
    for person in kb.people:
        assert person.roles, person.id
        for role in person.roles:
            assert kb.is_known_code(role.country), (person.id, role.country)
            assert role.sector in SECTORS, (person.id, role.sector)
            if role.start and role.end:
                assert role.start <= role.end, (person.id, role.title)


def test_person_ids_are_unique(kb: KnowledgeBase) -> None:
    ids = [p.id for p in kb.people]
    assert len(ids) == len(set(ids))


def test_no_surname_is_given_to_two_people(kb: KnowledgeBase) -> None:
    owners = Counter(s for p in kb.people for s in set(p.surnames))
    assert [s for s, count in owners.items() if count > 1] == []


def test_titles_point_to_offices_someone_holds(kb: KnowledgeBase) -> None:
    offices = {role.title for person in kb.people for role in person.roles}
    for title in kb.titles:
        assert title.phrase == title.phrase.lower()
        assert title.sector in SECTORS, title.phrase
        assert set(title.kb_titles) <= offices, (title.phrase, set(title.kb_titles) - offices)
        if title.kb_titles:
            assert title.person, title.phrase


def test_outlets(kb: KnowledgeBase) -> None:
    names = {o.name for o in kb.outlets}
    assert {"Reuters", "Associated Press", "TASS", "Xinhua", "Financial Times"} <= names
    assert len(kb.outlets) >= 120
    for outlet in kb.outlets:
        assert outlet.country is None or kb.country(outlet.country) is not None, outlet.name
        assert outlet.kind in {
            "newspaper",
            "agency",
            "broadcaster",
            "portal",
            "state-media",
            "magazine",
        }


@pytest.mark.parametrize(
    ("day", "title"),
    [
        (dt.date(2024, 11, 15), "President-elect"),
        (dt.date(2019, 6, 1), "President"),
        (dt.date(2025, 6, 1), "President"),
        (dt.date(2022, 3, 1), "President"),  # a former president: his last office
        (dt.date(2010, 1, 1), "President-elect"),  # before any office: the first one
    ],
)
def test_trump_role_at(kb: KnowledgeBase, day: dt.date, title: str) -> None:
    trump = kb.person("donald-trump")
    assert trump is not None
    role = trump.role_at(day)
    assert role is not None and role.title == title
    assert trump.country == "USA"


def test_role_at_prefers_the_senior_office(kb: KnowledgeBase) -> None:
    rubio = kb.person("marco-rubio")
    assert rubio is not None
    role = rubio.role_at(dt.date(2025, 7, 1))
    assert role is not None and role.title == "Secretary of State"
    earlier = rubio.role_at(dt.date(2020, 1, 1))
    assert earlier is not None and earlier.sector == "LEG"


@pytest.mark.parametrize(
    ("country", "office", "day", "expected"),
    [
        ("RUS", "Minister of Foreign Affairs", dt.date(2025, 10, 20), "Sergei Lavrov"),
        ("USA", "Secretary of State", dt.date(2025, 3, 1), "Marco Rubio"),
        ("USA", "Secretary of State", dt.date(2022, 3, 1), "Antony Blinken"),
        ("USA", "President", dt.date(2021, 1, 20), "Joe Biden"),
        ("USA", "President", dt.date(2021, 1, 19), "Donald Trump"),
        ("GBR", "Prime Minister", dt.date(2022, 10, 1), "Liz Truss"),
        ("UKR", "Minister of Foreign Affairs", dt.date(2024, 10, 1), "Andrii Sybiha"),
        ("DEU", "Chancellor", dt.date(2024, 1, 1), "Olaf Scholz"),
        ("NATO", "Secretary-General", dt.date(2025, 1, 1), "Mark Rutte"),
        ("IRN", "Minister of Foreign Affairs", dt.date(2024, 9, 1), "Abbas Araghchi"),
    ],
)
def test_holder(kb: KnowledgeBase, country: str, office: str, day: dt.date, expected: str) -> None:
    person = kb.holder(country, office, day)
    assert person is not None and person.name == expected


def test_holder_when_nobody_held_it(kb: KnowledgeBase) -> None:
    assert kb.holder("USA", "Secretary of State", dt.date(1900, 1, 1)) is None
    assert kb.holder("XXX", "President", None) is None


def test_holder_now_is_the_open_term(kb: KnowledgeBase) -> None:
    person = kb.holder("USA", "President", None)
    assert person is not None and person.id == "donald-trump"


def test_role_at_without_roles() -> None:
    assert Person("x", "X", (), (), ()).role_at(None) is None


def test_role_at_none_is_the_latest_when_all_ended() -> None:
    roles = (
        Role("Minister", "FRA", "GOV", dt.date(2000, 1, 1), dt.date(2001, 1, 1)),
        Role("President", "FRA", "GOV", dt.date(2002, 1, 1), dt.date(2003, 1, 1)),
    )
    role = Person("x", "X", (), (), roles).role_at(None)
    assert role is not None and role.title == "President"


def test_default_kb_is_cached() -> None:
    assert load_kb() is load_kb()


# ---------------------------------------------------------------- user files


def _write(tmp_path: pathlib.Path, text: str, name: str = "extra.yaml") -> pathlib.Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_file_adds_and_overrides(tmp_path: pathlib.Path) -> None:
    path = _write(
        tmp_path,
        """
people:
- id: jane-roe
  name: Jane Roe
  surnames: [Roe]
  roles:
  - {title: Minister of Foreign Affairs, country: RUS, sector: GOV, start: 2030-01-01}
- {name: Ann Example, roles: [[Ambassador, FRA, DIP, 2021-03, 2022]]}
countries:
- {code: RUS, name: Russia, aliases: [Rossiya], demonyms: [Russian], capital: Moscow}
outlets:
- {name: Example Wire, aliases: [EW], country: FRA, kind: agency}
""",
    )
    kb = load_kb([path])
    assert kb is not load_kb()
    holder = kb.holder("RUS", "Minister of Foreign Affairs", dt.date(2030, 6, 1))
    assert holder is not None and holder.id == "jane-roe"
    ann = kb.person("ann-example")
    assert ann is not None and ann.roles[0].start == dt.date(2021, 3, 1)
    assert ann.roles[0].end == dt.date(2022, 1, 1)
    russia = kb.country("RUS")
    assert russia is not None and russia.aliases == ("Rossiya",)
    assert any(o.name == "Example Wire" for o in kb.outlets)
    assert len(kb.countries) == len(load_kb().countries)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("people: [unclosed", "not valid YAML"),
        ("- just a list", "top level must be a mapping"),
        ("planets: []", "unknown section 'planets'"),
        ("people: {a: 1}", "'people' must be a list"),
        ("people:\n- {name: X}", "'roles' must be a non-empty list"),
        ("people:\n- {name: X, roles: [[President, USA]]}", "needs [title, country, sector"),
        ("people:\n- {name: X, roles: [[President, USA, GOV, 2020-13-01]]}", "start '2020-13-01'"),
        (
            "people:\n- {name: X, roles: [[President, USA, GOV, 2021-01-01, 2020-01-01]]}",
            "ends before it starts",
        ),
        ("people:\n- {name: X, roles: [[President, USA, GOV, soon]]}", "is not a date"),
        ("countries:\n- {code: XYZ}", "countries entry 1 (XYZ): missing 'name'"),
        ("countries:\n- {code: XYZ, name: Y, aliases: Zed}", "'aliases' must be a list"),
        ("countries:\n- {code: XYZ, name: Y, institutions: [1, 2]}", "'institutions' must map"),
        (
            "titles:\n- {phrase: envoy, role: Envoy, sector: DIP, person: maybe}",
            "'person' must be true or false",
        ),
        ("outlets:\n- Reuters", "must be a mapping"),
        ("organisations:\n- {code: X, name: [a], sector: IGO}", "'name' must be text"),
    ],
)
def test_malformed_files_name_the_file(tmp_path: pathlib.Path, text: str, fragment: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(KnowledgeBaseError) as caught:
        load_kb([path])
    message = str(caught.value)
    assert str(path) in message
    assert fragment in message
    assert "\n" not in message


def test_unreadable_file_names_the_file(tmp_path: pathlib.Path) -> None:
    missing = tmp_path / "nope.yaml"
    with pytest.raises(KnowledgeBaseError, match=re.escape("nope.yaml")):
        load_kb([missing])
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(KnowledgeBaseError, match=re.escape("bin.yaml")):
        load_kb([binary])


def test_empty_user_file_changes_nothing(tmp_path: pathlib.Path) -> None:
    kb = load_kb([_write(tmp_path, "")])
    assert len(kb.people) == len(load_kb().people)


def test_no_name_points_to_two_actors(kb: KnowledgeBase) -> None:
    # Names, aliases, capitals, metonyms and institutions of states, organisations,
    # people and outlets must each belong to one actor, or the resolver cannot choose.
    owners: dict[str, set[str]] = {}
    for country in kb.countries:
        extra = [country.capital] if country.capital else []
        names = {country.name, *country.aliases, *country.metonyms, *extra}
        names |= {name for name, _sector in country.institutions}
        for name in names:
            owners.setdefault(name, set()).add(country.code)
    for org in kb.organisations:
        for name in {org.name, *org.aliases}:
            owners.setdefault(name, set()).add(org.code)
    for person in kb.people:
        for name in {person.name, *person.aliases}:
            owners.setdefault(name, set()).add(person.id)
    for outlet in kb.outlets:
        for name in {outlet.name, *outlet.aliases}:
            owners.setdefault(name, set()).add(f"outlet:{outlet.name}")
    assert {name: ids for name, ids in owners.items() if len(ids) > 1} == {}
