"""The merge rules, on records built by hand: which event a mention joins, status, contradictions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from readout.errors import KnowledgeBaseError
from readout.model import Actor
from readout.store.merge import (
    MODE_FAMILIES_PATH,
    EventFacts,
    MentionFacts,
    Report,
    Side,
    Span,
    actor_key,
    choose_event,
    derive_status,
    event_date,
    find_contradictions,
    mode_families,
    modes_compatible,
    sides_match,
)

D = dt.date
RUS = Side("country:RUS", None, "RUS")
USA = Side("country:USA", None, "USA")
LAVROV = Side("lavrov", "lavrov", "RUS")
PUTIN = Side("putin", "putin", "RUS")
UKR = Side("country:UKR", None, "UKR")
PUBLISHED = D(2026, 3, 5)


def day(d: dt.date) -> Span:
    return Span(d, d, "day", str(d))


def event(
    id: str,
    source: Side | None = RUS,
    target: Side | None = USA,
    span: Span | None = None,
    type: str = "CONSULT",
    mode: str | None = None,
    seq: int = 1,
    published: dt.date | None = None,
) -> EventFacts:
    return EventFacts(id, type, mode, source, target, span, published, seq)


def mention(
    source: Side | None = RUS,
    target: Side | None = USA,
    span: Span | None = None,
    type: str = "CONSULT",
    mode: str | None = None,
    published: dt.date | None = PUBLISHED,
) -> MentionFacts:
    return MentionFacts(type, mode, source, target, span, published)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (LAVROV, LAVROV, True),
        (LAVROV, PUTIN, False),  # both KB entities: must be the same one
        (LAVROV, RUS, True),  # one side only a country: compare countries
        (RUS, USA, False),
        (None, None, True),
        (None, RUS, False),
        (Side("hamas"), Side("hamas"), True),
        (Side("hamas"), Side("hezbollah"), False),
    ],
)
def test_sides_match(a: Side | None, b: Side | None, same: bool) -> None:
    assert sides_match(a, b) is same


CASES = [
    # (name, mention, candidates, expected event id)
    ("same day joins", mention(span=day(D(2026, 3, 3))), [event("e1", span=day(D(2026, 3, 3)))], "e1"),
    ("one day slack", mention(span=day(D(2026, 3, 4))), [event("e1", span=day(D(2026, 3, 3)))], "e1"),
    ("two days apart", mention(span=day(D(2026, 3, 5))), [event("e1", span=day(D(2026, 3, 3)))], None),
    ("week contains day", mention(span=Span(D(2026, 3, 2), D(2026, 3, 8), "week")), [event("e1", span=day(D(2026, 3, 3)))], "e1"),
    ("other type", mention(type="ACCUSE", span=day(D(2026, 3, 3))), [event("e1", span=day(D(2026, 3, 3)))], None),
    ("other mode", mention(mode="phone", span=day(D(2026, 3, 3))), [event("e1", mode="meet", span=day(D(2026, 3, 3)))], None),
    ("mode None fits any", mention(span=day(D(2026, 3, 3))), [event("e1", mode="meet", span=day(D(2026, 3, 3)))], "e1"),
    ("symmetric type reversed", mention(USA, RUS, day(D(2026, 3, 3))), [event("e1", span=day(D(2026, 3, 3)))], "e1"),
    ("directed type reversed", mention(USA, RUS, day(D(2026, 3, 3)), type="ACCUSE"), [event("e1", type="ACCUSE", span=day(D(2026, 3, 3)))], None),
    ("other pair", mention(RUS, UKR, day(D(2026, 3, 3))), [event("e1", span=day(D(2026, 3, 3)))], None),
    ("closest date wins", mention(span=Span(D(2026, 3, 1), D(2026, 3, 31), "month")),
     [event("e1", span=day(D(2026, 3, 3))), event("e2", span=day(D(2026, 3, 20)), seq=2)], "e1"),
    ("undated joins the one dated", mention(), [event("e1", span=day(D(2026, 3, 3)))], "e1"),
    ("undated, two dated: none", mention(),
     [event("e1", span=day(D(2026, 3, 3))), event("e2", span=day(D(2026, 3, 20)), seq=2)], None),
    ("undated, two dated, one undated", mention(),
     [event("e1", span=day(D(2026, 3, 3))), event("e2", span=day(D(2026, 3, 20)), seq=2), event("e3", seq=3, published=PUBLISHED)], "e3"),
    ("undated far from publication", mention(published=D(2026, 9, 1)), [event("e1", span=day(D(2026, 3, 3)))], None),
    ("undated joins undated", mention(), [event("e1", published=PUBLISHED)], "e1"),
    # Without publication dates nothing says two undated reports are of one time.
    ("undated joins an event of unknown time: no", mention(), [event("e1")], None),
    ("no publication date joins no dated event", mention(published=None), [event("e1", span=day(D(2026, 3, 3)))], None),
    ("no publication date joins no undated event", mention(published=None), [event("e1", published=PUBLISHED)], None),
    ("both without publication dates: no", mention(published=None), [event("e1")], None),
    ("no publication date joins its own article's event",
     MentionFacts("CONSULT", None, RUS, USA, None, None, articles=frozenset({"a1"})),
     [EventFacts("e1", "CONSULT", None, RUS, USA, day(D(2026, 3, 3)), None, 1, articles=frozenset({"a1"}))], "e1"),
    ("no publication date joins the undated event of the original it copies",
     MentionFacts("CONSULT", None, RUS, USA, None, None, articles=frozenset({"a2", "a1"})),
     [EventFacts("e1", "CONSULT", None, RUS, USA, None, None, 1, articles=frozenset({"a1"}))], "e1"),
    ("undated joins undated of the same week", mention(), [event("e1", published=D(2026, 3, 1))], "e1"),
    ("undated, months apart", mention(), [event("e1", published=D(2025, 11, 1))], None),
    ("dated never joins undated", mention(span=day(D(2026, 3, 3))), [event("e1", published=D(2026, 3, 4))], None),
    ("no candidates", mention(span=day(D(2026, 3, 3))), [], None),
    ("meet and negotiate are one family", mention(mode="negotiate", span=day(D(2026, 3, 3))),
     [event("e1", mode="meet", span=day(D(2026, 3, 3)))], "e1"),
    ("undated elsewhere does not join", MentionFacts("CONSULT", None, RUS, USA, None, PUBLISHED, "Baku"),
     [EventFacts("e1", "CONSULT", None, RUS, USA, day(D(2026, 3, 3)), None, 1, "Ankara")], None),
    ("undated same place joins", MentionFacts("CONSULT", None, RUS, USA, None, PUBLISHED, "ankara"),
     [EventFacts("e1", "CONSULT", None, RUS, USA, day(D(2026, 3, 3)), None, 1, "Ankara")], "e1"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "new", "candidates", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_choose_event(
    name: str, new: MentionFacts, candidates: list[EventFacts], expected: str | None
) -> None:
    assert choose_event(new, candidates) == expected


def test_event_date_is_the_narrowest_agreeing_span() -> None:
    month = Span(D(2026, 3, 1), D(2026, 3, 31), "month", "in March")
    assert event_date([month, day(D(2026, 3, 3))]) == day(D(2026, 3, 3))
    assert event_date([]) is None
    # Two reports say the 3rd, one says the 4th: the majority's day.
    three = [day(D(2026, 3, 3)), day(D(2026, 3, 4)), day(D(2026, 3, 3))]
    assert event_date(three) == day(D(2026, 3, 3))


def r(
    status: str, outlet: str = "A", published: int = 1, claims: tuple[tuple[str, str], ...] = ()
) -> Report:
    return Report(status, outlet, D(2026, 3, published), published, None, claims)


@pytest.mark.parametrize(
    ("reports", "status"),
    [
        ([r("occurred"), r("occurred", "B")], "occurred"),
        ([r("occurred"), r("denied", "B")], "disputed"),
        ([r("occurred"), r("occurred", "B", claims=(("Peskov", "denies"),))], "disputed"),
        ([r("denied"), r("denied", "B")], "denied"),
        ([r("planned", published=1), r("occurred", "B", published=5)], "occurred"),
        ([r("planned", published=1), r("postponed", "B", published=5)], "postponed"),
        ([r("cancelled", published=5), r("planned", "B", published=1)], "cancelled"),
        ([r("negated")], "negated"),
        ([r("hypothetical"), r("hypothetical", "B")], "hypothetical"),
        ([r("disputed")], "disputed"),
    ],
)
def test_derive_status(reports: list[Report], status: str) -> None:
    assert derive_status(reports) == status


def test_occurrence_contradiction_names_both_sides() -> None:
    reports = [r("occurred", "Daily A"), r("denied", "Wire B", claims=(("Kremlin", "denies"),))]
    [found] = find_contradictions(reports, None)
    assert found.kind == "occurrence"
    assert found.sources_for == ("Daily A",)
    assert found.sources_against == ("Kremlin",)


def test_date_contradiction_between_day_reports() -> None:
    a = Report("occurred", "A", span=day(D(2026, 3, 3)))
    b = Report("occurred", "B", span=day(D(2026, 3, 4)))
    found = find_contradictions([a, b, a], event_date([day(D(2026, 3, 3)), day(D(2026, 3, 4))]))
    assert [c.kind for c in found] == ["date"]
    assert found[0].sources_against == ("B",)


def test_status_contradiction_planned_against_cancelled() -> None:
    found = find_contradictions([r("planned", "A"), r("cancelled", "B", published=4)], None)
    assert [(c.kind, c.sources_for, c.sources_against) for c in found] == [
        ("status", ("A",), ("B",))
    ]


def test_agreeing_reports_have_no_contradiction() -> None:
    assert find_contradictions([r("occurred"), r("occurred", "B")], None) == []


@pytest.mark.parametrize(
    ("actor", "key"),
    [
        (Actor("Sergey Lavrov", "RUS", kind="person", kb_id="Q1"), "q1"),
        (Actor("Russia", "RUS"), "country:RUS"),
        (Actor("Kremlin", "RUS", kind="state"), "country:RUS"),
        (Actor("Some Minister", "RUS", kind="person"), "some-minister"),
        (Actor("Hamas", None, kind="group"), "hamas"),
    ],
)
def test_actor_key(actor: Actor, key: str) -> None:
    assert actor_key(actor) == key


def test_every_mode_family_entry_loads() -> None:
    families = mode_families()
    raw = yaml.safe_load(MODE_FAMILIES_PATH.read_text(encoding="utf-8"))
    for members in raw.values():
        for mode in members:
            assert set(members) <= families[mode]
            assert all(modes_compatible(mode, other) for other in members)
    assert not modes_compatible("phone", "meet")


def test_malformed_mode_family_file(tmp_path: Path) -> None:
    bad = tmp_path / "families.yaml"
    bad.write_text("in_person: meet\n")
    with pytest.raises(KnowledgeBaseError, match=r"families\.yaml"):
        mode_families(bad)
