"""The article's home country, agents named without a country, people it introduces."""

from __future__ import annotations

import datetime as dt

import pytest

from readout.actors.context import ArticleContext, home_country
from readout.actors.resolve import ActorResolver
from readout.model import Actor

DAY = dt.date(2025, 3, 12)


@pytest.fixture(scope="module")
def resolver(kb):  # type: ignore[no-untyped-def]
    return ActorResolver(kb)


def _home(resolver: ActorResolver, sentences: list[str]) -> str | None:
    return home_country([resolver.matches(s) for s in sentences], resolver.home_votes())


@pytest.mark.parametrize(
    ("sentences", "home"),
    [
        (
            ["Floods hit Mozambique", "Rains swept Maputo on Friday.", "Aid came from Portugal."],
            "MOZ",
        ),
        # the opening outweighs a later run of another country
        (
            ["Ecuador votes", "Quito braces.", "x.", "Peru. Peru. Peru.", "Peru again."],
            "ECU",
        ),
        (["Floods hit the region", "Nothing here names a state."], None),
    ],
)
def test_home_country_is_the_state_the_opening_names_most(
    resolver: ActorResolver, sentences: list[str], home: str | None
) -> None:
    assert _home(resolver, sentences) == home


def test_an_agent_without_a_country_belongs_to_the_home_country(resolver: ActorResolver) -> None:
    context = ArticleContext(home="NGA")
    actors, _ = resolver.resolve("The military said the army moved north.", DAY, [], None, context)
    assert [(m.actor.country, m.actor.sector, m.from_home) for m in actors] == [
        ("NGA", "MIL", True),
        ("NGA", "MIL", True),
    ]


def test_a_named_country_beats_the_home_country(resolver: ActorResolver) -> None:
    context = ArticleContext(home="NGA")
    actors, _ = resolver.resolve("The Chadian army crossed the river.", DAY, [], None, context)
    assert [(m.actor.country, m.from_home) for m in actors] == [("TCD", False)]


def test_its_ambassador_is_left_to_the_parse(resolver: ActorResolver) -> None:
    context = ArticleContext(home="ARM")
    actors, _ = resolver.resolve("Yerevan recalled its ambassador.", DAY, [], None, context)
    assert [m.text for m in actors] == ["Yerevan"]


def test_a_person_introduced_with_a_title_is_known_later_by_surname(
    resolver: ActorResolver,
) -> None:
    context = ArticleContext(home="GHA")
    first, _ = resolver.resolve(
        "Finance Minister Kwabena Otieno-Ampah resigned on Monday.", DAY, [], None, context
    )
    assert first[0].actor == Actor(
        "Kwabena Otieno-Ampah", "GHA", "GOV", "Minister of Finance", "person"
    )
    later, _ = resolver.resolve("Otieno-Ampah's lawyers appealed.", DAY, [], None, context)
    people = [(m.text, m.actor.name) for m in later if m.actor.kind == "person"]
    assert people == [("Otieno-Ampah", "Kwabena Otieno-Ampah")]


def test_a_name_before_an_apposition_is_a_person(resolver: ActorResolver) -> None:
    context = ArticleContext(home="ZMB")
    actors, _ = resolver.resolve(
        "Police questioned Mutale Banda, a local journalist, for six hours.", DAY, [], None, context
    )
    people = [m.actor for m in actors if m.actor.kind == "person"]
    assert [(a.name, a.country, a.sector) for a in people] == [("Mutale Banda", "ZMB", "MED")]


def test_two_people_with_one_surname_make_the_surname_ambiguous() -> None:
    context = ArticleContext()
    context.remember(Actor("Ana Silva", "BRA", None, None, "person"))
    context.remember(Actor("Rui Silva", "PRT", None, None, "person"))
    assert context.names["Silva"].kind == "ambiguous"
    assert context.names["Rui Silva"].country == "PRT"


def test_a_title_glued_to_a_weekday_does_not_make_a_name(resolver: ActorResolver) -> None:
    context = ArticleContext(home="KEN")
    actors, _ = resolver.resolve("The judge Tuesday adjourned the case.", DAY, [], None, context)
    assert [(m.text, m.actor.kind) for m in actors] == [("judge", "group")]


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("The Taliban closed the schools.", "AFG", "GOV"),
        ("Hamas fighters crossed the fence.", "PSE", "REB"),
        ("The Biden administration objected.", "USA", "GOV"),
    ],
)
def test_groups_and_bodies_carry_their_country(
    resolver: ActorResolver, text: str, country: str, sector: str
) -> None:
    actors, _ = resolver.resolve(text, DAY, [], None, ArticleContext())
    assert [(m.actor.country, m.actor.sector) for m in actors] == [(country, sector)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Former president Omar al-Sabah was detained.", "Omar al-Sabah"),
        ("Ambassador Ana van der Berg left the capital.", "Ana van der Berg"),
        ("The country's president, Kwabena Owusu, said so.", "Kwabena Owusu"),
        ("Chris's lawyer, the judge Lionel Akuffo, ruled.", "Lionel Akuffo"),
    ],
)
def test_unknown_names_with_particles_and_appositions(
    resolver: ActorResolver, text: str, name: str
) -> None:
    context = ArticleContext(home="GHA")
    actors, _ = resolver.resolve(text, DAY, [], None, context)
    assert name in [m.actor.name for m in actors]


def test_al_surnames_are_remembered_with_and_without_the_article(resolver: ActorResolver) -> None:
    context = ArticleContext(home="SDN")
    resolver.resolve("Former president Omar al-Sabah was detained.", DAY, [], None, context)
    later, _ = resolver.resolve("Sabah and al-Sabah are one man.", DAY, [], None, context)
    assert {m.actor.name for m in later} == {"Omar al-Sabah"}


def test_a_vague_title_of_something_is_not_the_home_leader(resolver: ActorResolver) -> None:
    context = ArticleContext(home="USA")
    actors, _ = resolver.resolve("The leader of the militia spoke.", DAY, [], None, context)
    assert [m.actor.kind for m in actors if m.actor.kind == "person"] == []
