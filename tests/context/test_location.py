"""Where an event took place: the place its sentence names for it, from the parse.

Sentences written for these tests; the trigger word is given with each.
"""

from __future__ import annotations

import pytest

from readout.context.location import Gazetteer, event_location, gazetteer
from readout.nlp.parse import parse_many

CASES: list[tuple[str, str, tuple[str, str | None] | None]] = [
    # (sentence, trigger, (place, country) or None)
    ("Russian and American officials met in Moscow on Tuesday.", "met", ("Moscow", "RUS")),
    (
        "Ukrainian and Russian delegations held talks in Jeddah, Saudi Arabia, on Tuesday.",
        "talks",
        ("Jeddah", "SAU"),
    ),
    ("The summit in Budapest was postponed.", "summit", ("Budapest", "HUN")),
    (
        "Israeli troops clashed with Hezbollah fighters at the border with Lebanon.",
        "clashed",
        ("border with Lebanon", "LBN"),
    ),
    ("Protesters rallied outside the embassy in Kyiv.", "rallied", ("Kyiv", "UKR")),
    ("China and Russia signed an agreement in Beijing on Monday.", "signed", ("Beijing", "CHN")),
    ("Iran held talks with the IAEA in Vienna.", "talks", ("Vienna", "AUT")),
    (
        "The foreign ministers met on the sidelines of the summit in New York.",
        "met",
        ("New York", "USA"),
    ),
    ("Putin met Xi Jinping during a visit to Beijing.", "met", ("Beijing", "CHN")),
    ("The ministers met in Geneva, Switzerland.", "met", ("Geneva", "CHE")),
    ("The leaders met in Paris, Texas.", "met", ("Paris", "USA")),  # not France
    ("Talks in the United Arab Emirates ended.", "Talks", ("United Arab Emirates", "ARE")),
    ("Officials from both sides met in Crimea.", "met", ("Crimea", "UKR")),  # a KB place
    ("Starmer met Trump at the White House on Thursday.", "met", ("Washington", "USA")),  # a seat
    # a place that belongs to another word is not the event's
    ("The Russian ambassador in London accused Britain of hostility.", "accused", None),
    ("Russia accused Britain of meddling in Ukraine.", "accused", None),
    ("The two presidents spoke by phone in March.", "spoke", None),
    ("The minister met his counterpart in private.", "met", None),
]


@pytest.mark.parametrize(("text", "trigger", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_event_location(text: str, trigger: str, expected: tuple[str, str | None] | None) -> None:
    doc = next(iter(parse_many([text])))
    token = next(t for t in doc if t.text == trigger)
    found = event_location(token)
    assert (None if found is None else (found.name, found.country)) == expected


def test_cities_carry_coordinates_and_geonames_ids() -> None:
    doc = next(iter(parse_many(["Envoys met in Doha on Sunday."])))
    found = event_location(next(t for t in doc if t.text == "met"))
    assert found is not None and found.country == "QAT" and found.geonames_id
    assert found.lat == pytest.approx(25.29, abs=0.1) and found.lon == pytest.approx(51.53, abs=0.1)


def test_the_gazetteer_prefers_the_biggest_city_unless_told_the_country() -> None:
    places: Gazetteer = gazetteer()
    paris = places.city("Paris")
    assert paris is not None and paris.country == "FRA"
    texas = places.city("Paris", "USA")
    assert texas is not None and texas.population < paris.population
    assert places.locate("Kyiv") is not None and places.locate("Kiev") is not None
    assert places.locate("March") is None and places.locate("Tuesday") is None
    assert places.locate("Nowhereville") is None


def test_the_extractor_fills_the_place(read_events) -> None:  # type: ignore[no-untyped-def]
    events = read_events(
        "Russian President Vladimir Putin met Hungarian Prime Minister Viktor Orban in Moscow on Tuesday."
    )
    assert events and events[0].location is not None
    assert (events[0].location.name, events[0].location.country) == ("Moscow", "RUS")
    assert events[0].location.lat is not None
