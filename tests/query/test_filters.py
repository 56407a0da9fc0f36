"""Filters read strictly (CLI), leniently (pages), and paging arithmetic."""

from __future__ import annotations

import datetime as dt

import pytest

from readout.errors import ReadoutError
from readout.query.filters import checked_status, checked_type, in_filters, read_form
from readout.query.paging import page_count, page_offset


@pytest.mark.parametrize(
    ("raw", "expected"), [("consult", "CONSULT"), ("Accuse", "ACCUSE"), ("", None), (None, None)]
)
def test_checked_type_takes_any_case(raw: str | None, expected: str | None) -> None:
    assert checked_type(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"), [("Occurred", "occurred"), ("planned", "planned"), (None, None)]
)
def test_checked_status_takes_any_case(raw: str | None, expected: str | None) -> None:
    assert checked_status(raw) == expected


@pytest.mark.parametrize(
    ("check", "raw", "words"),
    [
        (checked_type, "BOGUS", "unknown event type 'BOGUS'"),
        (checked_status, "done", "unknown status"),
    ],
)
def test_a_bad_value_is_one_line_naming_it(check, raw, words) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ReadoutError) as err:
        check(raw)
    assert words in str(err.value)
    assert "\n" not in str(err.value)


def test_a_form_keeps_good_values_and_reports_bad_ones() -> None:
    found = read_form(
        {"type": "consult", "status": "sometime", "since": "2025-03-01", "until": "x"}
    )
    assert found.store_args == {"type": "CONSULT", "since": dt.date(2025, 3, 1)}
    assert found.problems == [
        "ignored status: 'sometime' is not valid",
        "ignored until: 'x' is not valid",
    ]
    assert found.values["status"] == "sometime"


def test_in_filters_compares_types_statuses_and_date_ranges() -> None:
    event = {
        "type": "CONSULT",
        "status": "occurred",
        "date": {"start": "2025-03-02", "end": "2025-03-04"},
    }
    assert in_filters(event, {"type": "CONSULT", "since": dt.date(2025, 3, 4)})
    assert not in_filters(event, {"since": dt.date(2025, 3, 5)})
    assert not in_filters(event, {"until": dt.date(2025, 3, 1)})
    assert not in_filters(event, {"status": "planned"})


@pytest.mark.parametrize(
    ("total", "size", "pages"), [(0, 50, 1), (50, 50, 1), (51, 50, 2), (1000, 50, 20)]
)
def test_page_count(total: int, size: int, pages: int) -> None:
    assert page_count(total, size) == pages


def test_page_offset_counts_pages_from_one() -> None:
    assert page_offset(1, 50) == 0
    assert page_offset(3, 50) == 100
    assert page_offset(0, 50) == 0
