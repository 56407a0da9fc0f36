"""Phoenix actor codes → country, organisation code and sectors."""

from __future__ import annotations

import pytest

from readout.convert.actor_codes import ActorCode, decode

COUNTRIES = frozenset({"AFG", "PAK", "XKX", "SAU", "USA", "SUN", "PSE"})


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("AFGREB", ActorCode("state", "AFG", "REB", ())),
        ("USAGOVLEG", ActorCode("state", "USA", "LEG", ("GOV",))),
        ("USAGOVMIL", ActorCode("state", "USA", "GOV", ("MIL",))),
        ("PSEREBHMS", ActorCode("state", "PSE", "REB", ())),  # group code dropped
        ("KSVGOV", ActorCode("state", "XKX", "GOV", ())),
        ("USRGOV", ActorCode("state", "SUN", "GOV", ())),
        ("PAKMUS", ActorCode("state", "PAK", "REL", ("MUS",))),
        ("USAASM", ActorCode("state", "USA", None, ())),  # a territory: a place
        ("DDRGOV", ActorCode("unknown", None, "GOV", ())),  # a state readout lacks
        ("MEAREB", ActorCode("region", None, "REB", ())),
        ("IGOUNO", ActorCode("igo", "UN", "IGO", ())),
        ("IGOUNOREFHCR", ActorCode("igo", "UNHCR", "IGO", ())),
        ("IGOUNODEV", ActorCode("igo", "UN", "IGO", ("DEV",))),
        ("IGOWSTNAT", ActorCode("igo", "NATO", "IGO", ())),
        ("IGOLAM", ActorCode("igo", None, "IGO", ())),
        ("NGOUSAHRI", ActorCode("ngo", "USA", "NGO", ("HRI",))),
        ("IMGSAU", ActorCode("group", "SAU", "REB", ())),
        ("IMGMUSALQ", ActorCode("group", None, "REB", ("REL", "MUS"))),
        ("INTREB", ActorCode("group", None, "REB", ())),
        ("MNCUSA", ActorCode("mnc", "USA", "BUS", ())),
        ("ELI", ActorCode("unknown", None, "ELI", ())),
    ],
)
def test_decode(code: str, expected: ActorCode) -> None:
    assert decode(code, COUNTRIES) == expected


@pytest.mark.parametrize("code", ["", "AFGRE", "afgreb", "AFG-EB"])
def test_not_a_code(code: str) -> None:
    assert decode(code, COUNTRIES) is None
