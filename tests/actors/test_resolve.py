"""Actor phrases resolved to name, country, sector and the role at the date."""

import datetime as dt

import pytest

from readout.actors.kb import KnowledgeBase
from readout.actors.resolve import ActorResolver


@pytest.fixture(scope="module")
def resolver(kb: KnowledgeBase) -> ActorResolver:
    return ActorResolver(kb)


CASES = [
    # text, day, expected (name, country, role or None)
    (
        "Russian Foreign Minister Sergey Lavrov",
        "2025-10-20",
        ("Lavrov", "RUS", "Minister of Foreign Affairs"),
    ),
    ("U.S. Secretary of State Marco Rubio", "2025-10-20", ("Rubio", "USA", "Secretary of State")),
    ("President-elect Donald Trump", "2024-11-20", ("Trump", "USA", "President-elect")),
    ("Donald Trump", "2019-05-01", ("Trump", "USA", "President")),
    ("Donald Trump", "2025-05-01", ("Trump", "USA", "President")),
    (
        "the Russian foreign minister",
        "2025-10-20",
        ("Lavrov", "RUS", "Minister of Foreign Affairs"),
    ),
    ("the Kremlin", "2025-10-20", ("Kremlin", "RUS", None)),
    ("Downing Street", "2025-10-20", ("Downing Street", "GBR", None)),
    ("Senior Hungarian officials", "2025-10-20", ("Hungarian officials", "HUN", None)),
    ("British Prime Minister Alan Featherstone", "2025-10-20", ("Alan Featherstone", "GBR", None)),
    ("Chilean Foreign Minister Ana Quiroga", "2025-10-20", ("Ana Quiroga", "CHL", None)),
    ("NATO", "2025-10-20", ("NATO", "NATO", None)),
    ("Western nations", "2025-10-20", ("", "WST", None)),
    ("Moscow", "2025-10-20", ("Russia", "RUS", None)),
    ("Kyiv", "2025-10-20", ("Ukraine", "UKR", None)),
    ("the Pakistani envoy", "2025-10-20", ("Pakistani envoy", "PAK", None)),
]


@pytest.mark.parametrize(("text", "day", "want"), CASES)
def test_phrase_resolves(
    resolver: ActorResolver, text: str, day: str, want: tuple[str, str, str | None]
) -> None:
    actors, _ = resolver.resolve(text, dt.date.fromisoformat(day))
    assert actors, f"no actor in {text!r}"
    actor = actors[0].actor
    name, country, role = want
    assert name in actor.name
    assert actor.country == country
    if role is not None:
        assert actor.role == role


def test_two_actors_joined_by_a_hyphen_stay_two(resolver: ActorResolver) -> None:
    actors, _ = resolver.resolve("the U.S.-Russia talks", None)
    assert [a.actor.country for a in actors] == ["USA", "RUS"]


def test_outlets_are_not_actors(resolver: ActorResolver) -> None:
    actors, outlets = resolver.resolve("according to the Financial Times and Reuters", None)
    assert actors == []
    assert {o.name for o in outlets} == {"Financial Times", "Reuters"}


def test_title_without_country_takes_the_last_matching_person(resolver: ActorResolver) -> None:
    first, _ = resolver.resolve("Donald Trump won.", dt.date(2024, 11, 12))
    later, _ = resolver.resolve(
        "Putin congratulated the president-elect.", dt.date(2024, 11, 12), [first[0].actor]
    )
    assert [m.actor.name for m in later][-1] == "Donald Trump"


def test_title_without_country_or_antecedent_is_dropped(resolver: ActorResolver) -> None:
    actors, _ = resolver.resolve("The president-elect spoke.", dt.date(2024, 11, 12), [])
    assert actors == []


def test_the_two_countries_are_the_pair_named_together(resolver: ActorResolver) -> None:
    leaders = resolver.resolve("Leaders of Chile and Peru met.", None)[0]
    pair = (leaders[0].actor, leaders[1].actor)
    later, _ = resolver.resolve(
        "Bolivia mediated between the two countries.", None, [a.actor for a in leaders], pair
    )
    two = [m for m in later if m.also is not None]
    assert two and {two[0].also.country, two[0].actor.country} == {"CHL", "PER"}


def test_the_two_leaders_prefer_people_over_a_named_pair_of_states(
    resolver: ActorResolver, kb: KnowledgeBase
) -> None:
    people, _ = resolver.resolve("Emmanuel Macron phoned Friedrich Merz.", dt.date(2025, 6, 1))
    states, _ = resolver.resolve("Trade between Chile and Peru grew.", dt.date(2025, 6, 1))
    recent = [m.actor for m in people + states]
    later, _ = resolver.resolve(
        "The two leaders spoke again.",
        dt.date(2025, 6, 1),
        recent,
        (states[0].actor, states[1].actor),
    )
    two = [m for m in later if m.also is not None]
    assert two and {two[0].also.country, two[0].actor.country} == {"FRA", "DEU"}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Hunter Biden met investors in Kyiv.", {"UKR"}),
        ("Basketball star Michael Jordan toured China.", {"CHN"}),
        ("The heiress Paris Hilton flew to Moscow.", {"RUS"}),
        ("Then Biden called Jordan's king.", {"USA", "JOR"}),
        ("Republican Trump praised Israel.", {"USA", "ISR"}),
    ],
)
def test_names_of_other_people_are_not_actors(
    resolver: ActorResolver, text: str, want: set[str]
) -> None:
    actors, _ = resolver.resolve(text, dt.date(2025, 6, 1))
    assert {m.actor.country for m in actors} == want


def test_a_bare_surname_long_out_of_office_is_someone_else(resolver: ActorResolver) -> None:
    late = dt.date(2024, 8, 21)
    assert resolver.resolve("Bennett reports to the council.", late)[0] == []
    full, _ = resolver.resolve("Naftali Bennett spoke.", late)
    assert full and full[0].actor.country == "ISR"
    again, _ = resolver.resolve("Bennett reports to the council.", late, [full[0].actor])
    assert again and again[0].actor.name == "Naftali Bennett"
    assert (
        resolver.resolve("Bennett met Biden.", dt.date(2021, 8, 27))[0][0].actor.name
        == "Naftali Bennett"
    )
