"""Mentions of one event in one article become one event."""

import datetime as dt

from readout.events.merge import combined_status, merge_mentions
from readout.model import Actor, Attribution, DateSpan, Event

RUS = Actor("Russia", "RUS", "GOV", None, "state")
USA = Actor("United States", "USA", "GOV", None, "state")
PUTIN = Actor("Vladimir Putin", "RUS", "GOV", "President", "person", "vladimir-putin")
LAVROV = Actor(
    "Sergei Lavrov", "RUS", "GOV", "Minister of Foreign Affairs", "person", "sergei-lavrov"
)


def day(s: str) -> DateSpan:
    d = dt.date.fromisoformat(s)
    return DateSpan(d, d, "day", s)


def ev(source: Actor | None, target: Actor | None, **kw: object) -> Event:
    base: dict[str, object] = {"doc": "a", "type": "CONSULT", "mode": "phone", "cameo": "041",
                               "source": source, "target": target, "date": None}  # fmt: skip
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


def test_same_pair_either_order_merges_and_keeps_the_precise_date() -> None:
    merged = merge_mentions([ev(RUS, USA), ev(USA, RUS, date=day("2025-10-20"))])
    assert len(merged) == 1 and merged[0].date == day("2025-10-20")


def test_different_people_do_not_merge() -> None:
    assert len(merge_mentions([ev(PUTIN, USA), ev(LAVROV, USA)])) == 2


def test_different_dates_do_not_merge() -> None:
    assert (
        len(
            merge_mentions(
                [ev(RUS, USA, date=day("2025-10-20")), ev(RUS, USA, date=day("2025-09-01"))]
            )
        )
        == 2
    )


def test_negated_and_occurred_stay_apart() -> None:
    assert len(merge_mentions([ev(RUS, USA), ev(RUS, USA, status="negated")])) == 2


def test_asserted_and_denied_become_disputed() -> None:
    post = Attribution("The Washington Post", "outlet", "asserts", True)
    kremlin = Attribution("Kremlin", "institution", "denies")
    merged = merge_mentions([ev(USA, RUS, status="denied", attribution=(kremlin,)),
                             ev(USA, RUS, attribution=(post,))])  # fmt: skip
    assert len(merged) == 1 and merged[0].status == "disputed"
    assert {a.name for a in merged[0].attribution} == {"The Washington Post", "Kremlin"}


def test_an_anaphor_joins_the_latest_event_of_its_type() -> None:
    confirm = Attribution("State Department", "institution", "confirms")
    anaphor = ev(None, None, attribution=(confirm,), extras=(("anaphor", "1"),))
    merged = merge_mentions([ev(RUS, USA, date=day("2025-06-01")), anaphor])
    assert len(merged) == 1 and merged[0].attribution == (confirm,)


def test_an_anaphor_without_antecedent_is_dropped() -> None:
    assert merge_mentions([ev(None, None, extras=(("anaphor", "1"),))]) == []


def test_denying_an_accusation_does_not_dispute_it() -> None:
    denial = (Attribution("Moscow", "institution", "denies"),)
    assert combined_status(["occurred", "occurred"], denial, "ACCUSE") == "occurred"
    assert combined_status(["occurred", "occurred"], denial, "CONSULT") == "disputed"
    assert combined_status(["planned", "postponed"], (), "CONSULT") == "postponed"


def test_an_anaphor_brings_no_day_of_its_report() -> None:
    """'Bloomberg reported the call on Monday': Monday may be the report's day."""
    bloomberg = Attribution("Bloomberg", "outlet", "asserts")
    report = ev(
        None, None, date=day("2025-04-07"), attribution=(bloomberg,), extras=(("anaphor", "1"),)
    )
    report = Event(
        **{
            **report.__dict__,
            "date": DateSpan(dt.date(2025, 4, 7), dt.date(2025, 4, 7), "day", "on Monday"),
        }
    )
    (merged,) = merge_mentions([ev(RUS, USA), report])
    assert merged.date is None and bloomberg in merged.attribution


def test_a_dated_anaphor_needs_a_dated_event() -> None:
    named = ev(None, None, type="AGREE", date=DateSpan(dt.date(1987, 1, 1), dt.date(1987, 12, 31), "year", "1987"),
               extras=(("anaphor", "1"),))  # fmt: skip
    assert merge_mentions([ev(RUS, USA, type="AGREE"), named]) == [ev(RUS, USA, type="AGREE")]
