"""Word forms and display names the converters make from upper-case source words."""

from __future__ import annotations

import pytest

from readout.convert.english import display_name, looks_plural, lower_phrase, plural, singular


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("sanctions", "sanction"),
        ("talks", "talk"),
        ("allies", "ally"),
        ("crises", "crisis"),
        ("churches", "church"),
        ("taxes", "tax"),
        ("embargoes", "embargo"),
        ("forces", "force"),
        ("reserves", "reserve"),
        ("men", "man"),
        ("police", "police"),
        ("news", "news"),
        ("congress", "congress"),
        ("status", "status"),
        ("bus", "bus"),
        ("aid", "aid"),
    ],
)
def test_singular(word: str, expected: str) -> None:
    assert singular(word) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("rebel", "rebels"),
        ("security force", "security forces"),
        ("militia", "militias"),
        ("ally", "allies"),
        ("day", "days"),
        ("witness", "witnesses"),
        ("policeman", "policemen"),
        ("human", "humans"),
        ("child", "children"),
        ("search", "searches"),
    ],
)
def test_plural(phrase: str, expected: str) -> None:
    assert plural(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("troops", True), ("armed forces", True), ("boss", False), ("war", False)],
)
def test_looks_plural(phrase: str, expected: bool) -> None:
    assert looks_plural(phrase) is expected


def test_lower_phrase_joins_underscores_and_blanks() -> None:
    assert lower_phrase("FOREIGN_MINISTER  OF_STATE_") == "foreign minister of state"


@pytest.mark.parametrize(
    ("source", "organisation", "expected"),
    [
        ("JANE_MCDOUGAL", False, "Jane McDougal"),
        ("PATRICK_O'DWYER_", False, "Patrick O'Dwyer"),
        ("HASSAN_AL-RAWI", False, "Hassan al-Rawi"),
        ("AL-RAWI_HASSAN", False, "Al-Rawi Hassan"),
        ("MARIE-CLAIRE_DUVAL", False, "Marie-Claire Duval"),
        ("KARL_VON_BERG", False, "Karl von Berg"),
        ("J._R._SMITHSON_III", False, "J. R. Smithson III"),
        ("FRONT_FOR_THE_LIBERATION_OF_ZED", True, "Front for the Liberation of Zed"),
        ("UNITED_PEOPLES_PARTY_OF_THE_U.S.", True, "United Peoples Party of the U.S."),
        ("KDF", True, "KDF"),
        ("KLQ_COUNCIL", True, "KLQ Council"),
        ("RIVERGUARD", True, "Riverguard"),
    ],
)
def test_display_name(source: str, organisation: bool, expected: str) -> None:
    assert display_name(source, organisation=organisation) == expected
