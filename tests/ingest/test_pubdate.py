"""Publication dates in the forms feeds and pages write them (table-driven)."""

from __future__ import annotations

import datetime as dt

import pytest

from readout.ingest.pubdate import dateline_date, parse_published

D = dt.date

CASES: list[tuple[object, dt.date | None]] = [
    # ISO 8601, with a space or a T, Z, UTC or an offset; the day as written
    ("2019-12-23 20:38:53Z", D(2019, 12, 23)),
    ("2019-12-23T20:38:53Z", D(2019, 12, 23)),
    ("2019-12-23T20:38:53.123456Z", D(2019, 12, 23)),
    ("2019-12-23 20:38", D(2019, 12, 23)),
    ("2019-12-23 20:38:53 UTC", D(2019, 12, 23)),
    ("2025-03-14T23:40:17-05:00", D(2025, 3, 14)),
    ("2025-03-14T00:10:00+0530", D(2025, 3, 14)),
    ("2025-03-14", D(2025, 3, 14)),
    ("20250314T194017Z", D(2025, 3, 14)),  # GDELT's seendate
    ("20250314", D(2025, 3, 14)),
    # RFC 2822 (RSS pubDate)
    ("Mon, 23 Dec 2019 20:38:53 +0000", D(2019, 12, 23)),
    ("Fri, 14 Mar 2025 19:40:17 GMT", D(2025, 3, 14)),
    ("14 Mar 2025 19:40 EST", D(2025, 3, 14)),
    # epoch seconds and milliseconds, as numbers and as text
    (1577133533, D(2019, 12, 23)),
    (1577133533.5, D(2019, 12, 23)),
    ("1577133533", D(2019, 12, 23)),
    (1577133533000, D(2019, 12, 23)),
    ("1577133533000", D(2019, 12, 23)),
    # written dates
    ("December 23, 2019", D(2019, 12, 23)),
    ("Dec. 23, 2019", D(2019, 12, 23)),
    ("Dec 23, 2019 8:38 PM", D(2019, 12, 23)),
    ("Monday, December 23, 2019", D(2019, 12, 23)),
    ("23 December 2019", D(2019, 12, 23)),
    ("2019/12/23", D(2019, 12, 23)),
    # not publication dates
    ("03/04/2025", None),  # day or month first: not guessed
    ("2019-02-30 10:00:00Z", None),
    ("yesterday", None),
    ("", None),
    ("  ", None),
    (None, None),
    (True, None),
    (["2019-12-23"], None),
    (float("nan"), None),
    (10**20, None),
    ("99999999999999999999", None),
    ("1850-01-01", None),
    ("2019-12-23 and then some words", None),
]


@pytest.mark.parametrize(("value", "expected"), CASES, ids=[repr(c[0]) for c in CASES])
def test_parse_published(value: object, expected: dt.date | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MOSCOW, Dec. 23, 2019 (Reuters) - Envoys met.", D(2019, 12, 23)),
        ("KYIV, Ukraine, 3 March 2025 — Talks resumed.", D(2025, 3, 3)),
        ("ANKARA, March 3, 2025: The ministers met.", D(2025, 3, 3)),
        ("MOSCOW, Dec. 23 (Reuters) - No year, no date.", None),
        ("Moscow said on Dec. 23, 2019 - nothing.", None),
        ("The talks of March 3, 2025 - ended.", None),
    ],
)
def test_dateline_date(text: str, expected: dt.date | None) -> None:
    assert dateline_date(text) == expected
