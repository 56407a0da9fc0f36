"""Date lines at the top of an article, and metadata date values."""

from __future__ import annotations

import datetime as dt

import pytest

from readout.ingest.dates import match_leading_date, parse_date_value


@pytest.mark.parametrize(
    ("line", "date", "rest"),
    [
        ("date 2025-10-31", dt.date(2025, 10, 31), ""),
        (" date 2025-10-31 World Politics Sport", dt.date(2025, 10, 31), "World Politics Sport"),
        ("Published: 12 March 2024", dt.date(2024, 3, 12), ""),
        ("Updated 10:32 GMT, March 3, 2025", dt.date(2025, 3, 3), ""),
        ("March 3, 2025", dt.date(2025, 3, 3), ""),
        ("Mon 3 Mar 2025 14.05 CET", dt.date(2025, 3, 3), ""),
        ("Sept. 9, 2024 | 5:30 p.m. EST", dt.date(2024, 9, 9), ""),
        ("Last updated: 2024/12/01", dt.date(2024, 12, 1), ""),
        ("May 5, 2025 talks were held", dt.date(2025, 5, 5), "talks were held"),
    ],
)
def test_leading_dates(line: str, date: dt.date, rest: str) -> None:
    assert match_leading_date(line) == (date, rest)


@pytest.mark.parametrize(
    "line",
    ["By the end of May the talks had stalled.", "May 2025", "2025-02-30", "In March 3, 2025"],
)
def test_lines_without_a_leading_date(line: str) -> None:
    assert match_leading_date(line) is None


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("2023-06-13T11:00:00Z", dt.date(2023, 6, 13)),
        ("2023-06-13T11:00:00+02:00", dt.date(2023, 6, 13)),
        ("13 June 2023", dt.date(2023, 6, 13)),
        ("yesterday", None),
        ("2023-06-13 and more", None),
    ],
)
def test_metadata_dates(value: str, date: dt.date | None) -> None:
    assert parse_date_value(value) == date
