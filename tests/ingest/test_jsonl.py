"""JSON Lines records: fields, aliases and the bad-line policy."""

from __future__ import annotations

import datetime as dt
import json

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


@pytest.mark.parametrize(
    ("fields", "published"),
    [
        ({"published": "2019-12-23 20:38:53Z"}, dt.date(2019, 12, 23)),
        ({"publishedAt": "2025-03-14T19:40:17Z"}, dt.date(2025, 3, 14)),  # NewsAPI
        ({"pubDate": "Fri, 14 Mar 2025 19:40:17 GMT"}, dt.date(2025, 3, 14)),  # RSS
        ({"datePublished": "2025-03-14"}, dt.date(2025, 3, 14)),  # schema.org
        ({"date_published": "March 14, 2025"}, dt.date(2025, 3, 14)),
        ({"publish_date": "14 March 2025"}, dt.date(2025, 3, 14)),
        ({"seendate": "20250314T194017Z"}, dt.date(2025, 3, 14)),  # GDELT DOC API
        ({"timestamp": 1741981217}, dt.date(2025, 3, 14)),
        ({"created_at": "1741981217000"}, dt.date(2025, 3, 14)),
        ({"date": "unknown", "published_at": "2025-03-14"}, dt.date(2025, 3, 14)),
        ({"PUBLISHED": "2025-03-14"}, dt.date(2025, 3, 14)),
        ({"modified": "2025-03-14"}, None),  # an edit date is not a publication date
    ],
)
def test_publication_date_fields(fields: dict[str, object], published: dt.date | None) -> None:
    record = parse_record(json.dumps({"text": "Constructed.", **fields}), 1)
    assert record is not None and record.published == published


@pytest.mark.parametrize(
    ("fields", "outlet", "url", "title"),
    [
        ({"source": {"id": "bbc-news", "name": "BBC News"}}, "BBC News", None, None),
        (
            {"publisher": "Example Wire", "link": "https://e.org/1"},
            "Example Wire",
            "https://e.org/1",
            None,
        ),
        (
            {"site_name": "Example Wire", "headline": "Envoys meet"},
            "Example Wire",
            None,
            "Envoys meet",
        ),
        (
            {"domain": "voanews.com", "canonical_url": "https://voanews.com/a/1"},
            "voanews.com",
            "https://voanews.com/a/1",
            None,
        ),
        (
            {"Title": "Envoys meet", "URL": "https://e.org/2"},
            None,
            "https://e.org/2",
            "Envoys meet",
        ),
    ],
)
def test_outlet_url_and_title_fields(
    fields: dict[str, object], outlet: str | None, url: str | None, title: str | None
) -> None:
    record = parse_record(json.dumps({"text": "Constructed.", **fields}), 1)
    assert record is not None
    assert (record.outlet, record.url, record.title) == (outlet, url, title)
