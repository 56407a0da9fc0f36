"""Dates at the edge of the calendar: never an error, never a date past the edge."""

from __future__ import annotations

import datetime as dt

import pytest

from readout.context.timex import resolve_time
from readout.limits import EARLIEST_DATE, LATEST_DATE
from readout.model import Article

EXPRESSIONS = [
    "next year", "last year", "next month", "last month", "next week", "last week",
    "tomorrow", "yesterday", "next Monday", "last Friday", "in December", "in January",
    "December 31", "January 1", "early next year", "late last year", "two years ago",
    "5000 years ago", "next summer", "last winter", "this winter", "next weekend",
    "the third quarter of next year", "the second half of last year", "in 9999", "in 1000",
]  # fmt: skip
EDGES = [
    dt.date(9999, 12, 31), dt.date(9999, 1, 1), dt.date(1, 1, 1), dt.date(1, 12, 31),
    LATEST_DATE, EARLIEST_DATE,
]  # fmt: skip


@pytest.mark.parametrize("published", EDGES, ids=str)
@pytest.mark.parametrize("future", [False, True])
def test_no_expression_raises_or_leaves_the_calendar(published: dt.date, future: bool) -> None:
    for text in EXPRESSIONS:
        span = resolve_time(text, published, future=future)
        if span is not None:
            assert EARLIEST_DATE <= span.start <= span.end <= LATEST_DATE, text


def test_next_year_at_the_latest_date_is_unresolved() -> None:
    assert resolve_time("next year", dt.date(9999, 12, 31)) is None
    assert resolve_time("next year", LATEST_DATE) is None
    span = resolve_time("last year", LATEST_DATE)
    assert span is not None and span.start == dt.date(2998, 1, 1)


@pytest.mark.parametrize("published", [dt.date(9999, 12, 31), dt.date(1, 1, 1)], ids=str)
def test_extractor_reads_an_article_dated_at_the_edge(published: dt.date, extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Russia said on Monday it would meet Ukraine next year, and Putin met Xi last year."
    events = extractor.extract(Article("edge.txt", text, published=published))
    assert events and all(e.date is None for e in events)
