"""JSON Lines records: fields, aliases and the bad-line policy."""

from __future__ import annotations

import datetime as dt

import pytest

from readout.ingest.jsonl import bad_lines_message, iter_jsonl, looks_like_jsonl, parse_record


def test_fields_and_aliases() -> None:
    line = (
        '{"id": 42, "headline": "Envoys meet", "link": "https://example.org/1", '
        '"site": "Example Wire", "date": "4 July 2024", "text": "Constructed: envoys met."}'
    )
    record = parse_record(line, 3)
    assert record is not None
    assert (record.id, record.title, record.url, record.outlet) == (
        "42",
        "Envoys meet",
        "https://example.org/1",
        "Example Wire",
    )
    assert record.published == dt.date(2024, 7, 4)
    assert record.line == 3


@pytest.mark.parametrize(
    "line",
    [
        '{"text": "cut off',
        '["a", "list"]',
        '{"title": "no text"}',
        '{"text": "   "}',
        '{"text": 12}',
        "plain words",
    ],
)
def test_bad_records(line: str) -> None:
    assert parse_record(line, 1) is None


def test_unparseable_date_is_ignored_not_fatal() -> None:
    record = parse_record('{"text": "Constructed.", "published": "sometime"}', 1)
    assert record is not None and record.published is None


def test_iter_reports_bad_lines_by_number() -> None:
    text = '{"text": "Constructed one."}\n\nnot json\n{"text": "Constructed two."}\n'
    results = [(number, record is not None) for number, record in iter_jsonl(text)]
    assert results == [(1, True), (3, False), (4, True)]


def test_sniffing() -> None:
    assert looks_like_jsonl('{"text": "a"}\n\n{"text": "b"}\n')
    assert not looks_like_jsonl('{"text": "a"}\nplain line\n')
    assert not looks_like_jsonl("")


def test_long_lists_of_bad_lines_are_shortened() -> None:
    message = bad_lines_message(list(range(1, 30)), "line")
    assert (
        message == "skipped 29 unreadable lines (lines 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 19 more)"
    )
    assert bad_lines_message([5], "record") == "skipped 1 unreadable record (record 5)"
