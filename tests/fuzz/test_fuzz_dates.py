"""Fuzzing the date resolver and the extractor: any publication date, any expression,
any sentence: never an error, never a date outside the calendar."""

from __future__ import annotations

import datetime as dt

from fuzzkit import FUZZ, count
from hypothesis import given
from hypothesis import strategies as st

from readout.context.timex import find_time_expressions, resolve_all, resolve_time
from readout.limits import EARLIEST_DATE, LATEST_DATE
from readout.model import Article
from readout.pipeline import Extractor

WORDS = [
    "next", "last", "this", "early", "late", "mid", "year", "month", "week", "weekend",
    "Monday", "Friday", "January", "December", "May", "summer", "winter", "quarter", "first",
    "second", "half", "of", "the", "ago", "two", "5000", "1999", "9999", "0001", "2025-02-29",
    "31", "1990s", "since", "in", "on", "by", "tomorrow", "yesterday", "decade", "century",
]  # fmt: skip
PHRASES = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)
ANY_DAY = st.one_of(st.dates(), st.sampled_from([dt.date.min, dt.date.max, LATEST_DATE]))


def in_calendar(span: object) -> bool:
    start, end = getattr(span, "start"), getattr(span, "end")  # noqa: B009
    return bool(EARLIEST_DATE <= start <= end <= LATEST_DATE)


@FUZZ
@given(st.one_of(PHRASES, st.text(max_size=40)), st.none() | ANY_DAY, st.booleans())
def test_any_expression_on_any_date(text: str, published: dt.date | None, future: bool) -> None:
    count("dates")
    span = resolve_time(text, published, future=future)
    assert span is None or in_calendar(span)


@FUZZ
@given(st.lists(st.one_of(PHRASES, st.text(max_size=20)), max_size=8).map(" ".join), ANY_DAY)
def test_any_sentence_on_any_date(sentence: str, published: dt.date) -> None:
    count("dates")
    for mention in find_time_expressions(sentence):
        assert sentence[mention.start : mention.end] == mention.text
    for _, span in resolve_all(sentence, published):
        assert in_calendar(span)


STORY = [
    "Russia and Ukraine will meet", "Putin met Xi", "China accused Japan", "next year",
    "last Friday", "in early 2026", "on Monday", "the talks were postponed", ".", ",",
]  # fmt: skip


@FUZZ
@given(
    text=st.lists(st.sampled_from(STORY), min_size=1, max_size=12).map(" ".join), published=ANY_DAY
)
def test_the_extractor_on_any_date(text: str, published: dt.date, extractor: Extractor) -> None:
    count("dates")
    for event in extractor.extract(Article("fuzz.txt", text, published=published)):
        assert event.date is None or in_calendar(event.date)
