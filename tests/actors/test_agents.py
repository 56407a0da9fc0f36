"""Agent nouns and their sectors (data/agents.yaml, generated from Phoenix.agents.txt)."""

from __future__ import annotations

import pathlib
import re

import pytest

from readout.actors.agents import Agent, load_agents
from readout.errors import KnowledgeBaseError


@pytest.fixture(scope="module")
def agents() -> dict[str, Agent]:
    return load_agents()


def test_every_entry_loads_with_three_letter_codes(agents: dict[str, Agent]) -> None:
    assert len(agents) > 4000
    for phrase, agent in agents.items():
        assert phrase == agent.phrase == phrase.lower().strip()
        assert re.fullmatch(r"[A-Z]{3}", agent.sector), phrase
        assert all(re.fullmatch(r"[A-Z]{3}", code) for code in agent.secondary), phrase
        assert agent.singular in agents, phrase


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("police", "COP"),
        ("security forces", "COP"),
        ("troops", "MIL"),
        ("soldier", "MIL"),
        ("rebels", "REB"),
        ("separatists", "REB"),
        ("protesters", "OPP"),
        ("opposition leader", "OPP"),
        ("judge", "JUD"),
        ("court", "JUD"),
        ("parliament", "LEG"),
        ("lawmakers", "LEG"),
        ("journalists", "MED"),
        ("foreign ministry", "GOV"),
    ],
)
def test_news_agents(agents: dict[str, Agent], phrase: str, sector: str) -> None:
    assert agents[phrase].sector == sector


def test_plural_forms_point_to_their_singular(agents: dict[str, Agent]) -> None:
    rebels = agents["rebels"]
    assert rebels.plural and rebels.singular == "rebel"
    assert not agents["rebel"].plural


def test_secondary_codes(agents: dict[str, Agent]) -> None:
    assert agents["arms industry"] == Agent("arms industry", "BUS", ("MIL",), "arms industry")


def test_the_packaged_agents_are_cached(agents: dict[str, Agent]) -> None:
    assert load_agents() is agents


def test_a_file_of_ones_own(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "agents.yaml"
    path.write_text(
        "agents:\n- {phrase: Harbour Pilot, plural: [harbour pilots], sector: BUS, secondary: [CVL]}\n",
        encoding="utf-8",
    )
    loaded = load_agents(path)
    assert set(loaded) == {"harbour pilot", "harbour pilots"}
    assert loaded["harbour pilots"] == Agent("harbour pilots", "BUS", ("CVL",), "harbour pilot")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("agents: [unclosed", "not valid YAML"),
        ("- a list", "top level must be a mapping with an 'agents' list"),
        ("agents:\n- pilot", "agents entry 1: must be a mapping"),
        (
            "agents:\n- {phrase: pilot, sector: bus}",
            "agents entry 1: 'sector' must be a three-letter code",
        ),
        ("agents:\n- {phrase: pilot, sector: BUS, secondary: MIL}", "'secondary' must be a list"),
        ("agents:\n- {sector: BUS}", "'phrase' must be text"),
        ("agents:\n- {phrase: pilot, plural: pilots, sector: BUS}", "'plural' must be a list"),
    ],
)
def test_malformed_files_name_the_file(tmp_path: pathlib.Path, text: str, fragment: str) -> None:
    path = tmp_path / "agents.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as caught:
        load_agents(path)
    assert str(path) in str(caught.value) and fragment in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_missing_file_names_it(tmp_path: pathlib.Path) -> None:
    with pytest.raises(KnowledgeBaseError, match=r"nope\.yaml: cannot read"):
        load_agents(tmp_path / "nope.yaml")
