"""Phoenix.agents.txt format: phrases, plurals, substitution sets, codes."""

from __future__ import annotations

import pytest

from readout.convert.agents import AgentEntry, parse_agents, split_codes
from readout.convert.source import parse_lines
from readout.errors import KnowledgeBaseError

AGENTS = """\
# agents written for this test
!HAND! = HAND, HANDS, WORKER, WORKERS

HARBOUR_PILOT [~BUS]
RIVER_POLICE {} [~COP]
DOCK!HAND! [~LAB]
FERRY!HAND!S [~LAB]
CUSTOMS_OFFICER [~GOVCOP] # a comment
LIGHTHOUSE_KEEPER {LIGHTHOUSE_KEEPERS LIGHTHOUSEKEEPERS} [~CVL]
MARITIME_OBSERVER [IGO~]
HARBOUR_PILOT [~MIL]
HARBOUR_PILOT [~BUS]
TUGBOAT_CREW
SALVAGE_DIVER [~BUS}
ÉCLUSIER [~CVL]
PORT_!CREW! [~LAB]
"""


@pytest.fixture(scope="module")
def parsed() -> tuple[dict[str, AgentEntry], list[tuple[int, str]]]:
    entries, dropped = parse_agents(parse_lines(AGENTS), "agents.txt")
    return {e.phrase: e for e in entries}, [(d.line, d.reason) for d in dropped]


def line_of(fragment: str) -> int:
    return next(n for n, line in enumerate(AGENTS.splitlines(), 1) if fragment in line)


@pytest.mark.parametrize(
    ("phrase", "plurals", "sector", "secondary"),
    [
        ("harbour pilot", ("harbour pilots",), "BUS", ()),
        ("river police", (), "COP", ()),
        ("dockhand", (), "LAB", ()),
        ("dockworkers", (), "LAB", ()),
        ("customs officer", ("customs officers",), "GOV", ("COP",)),
        ("lighthouse keeper", ("lighthouse keepers", "lighthousekeepers"), "CVL", ()),
        ("maritime observer", ("maritime observers",), "IGO", ()),
    ],
)
def test_entries(
    parsed: tuple[dict[str, AgentEntry], list[tuple[int, str]]],
    phrase: str,
    plurals: tuple[str, ...],
    sector: str,
    secondary: tuple[str, ...],
) -> None:
    entry = parsed[0][phrase]
    assert (entry.plurals, entry.sector, entry.secondary) == (plurals, sector, secondary)


def test_a_substitution_set_gives_every_form_without_further_plurals(
    parsed: tuple[dict[str, AgentEntry], list[tuple[int, str]]],
) -> None:
    entries = parsed[0]
    assert {p for p in entries if p.startswith("dock")} == {
        "dockhand",
        "dockhands",
        "dockworker",
        "dockworkers",
    }


def test_noisy_lines_are_dropped_with_reasons(
    parsed: tuple[dict[str, AgentEntry], list[tuple[int, str]]],
) -> None:
    dropped = dict(parsed[1])
    assert dropped[line_of("[~MIL]")] == "listed again with another code: harbour pilot"
    assert line_of("HARBOUR_PILOT [~BUS]") not in dropped  # the first listing is kept
    assert dropped[line_of("TUGBOAT")] == "no readable [CODE]"
    assert dropped[line_of("SALVAGE")] == "no readable [CODE]"
    assert dropped[line_of("CLUSIER")] == "mis-encoded text"
    assert dropped[line_of("!HAND!S")] == "a substitution inside a word"
    assert dropped[line_of("PORT_")] == "undefined !SUBSTITUTION!"
    assert parsed[0]["harbour pilot"].sector == "BUS"


@pytest.mark.parametrize(("code", "parts"), [("~GOVMED", ("GOV", "MED")), ("IGO~", ("IGO",))])
def test_split_codes(code: str, parts: tuple[str, ...]) -> None:
    assert split_codes(code) == parts


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("!SET! = \n", "agents.txt:1: empty substitution set"),
        ("# none\n", "agents.txt:1: no agent entries"),
    ],
)
def test_errors_name_file_and_line(text: str, fragment: str) -> None:
    with pytest.raises(KnowledgeBaseError, match=fragment):
        parse_agents(parse_lines(text), "agents.txt")
