"""Publication dates as feeds and pages write them, read to the day.

Accepted forms (each tested in tests/ingest/test_pubdate.py):

- ISO 8601 with a ``T`` or a space, with or without seconds, fractions, ``Z``,
  ``UTC`` or an offset: ``2019-12-23 20:38:53Z``, ``2025-03-14T19:40:17+05:00``;
  the compact ``20250314T194017Z`` and ``20250314``; a bare ``2025-03-14``.
- RFC 2822 (RSS ``pubDate``, e-mail): ``Mon, 23 Dec 2019 20:38:53 +0000``.
- Epoch seconds (a JSON number or a string of digits); 13 digits are milliseconds.
- Written dates: ``December 23, 2019``, ``Dec. 23, 2019 8:38 PM``, ``23 December 2019``,
  ``Monday, 23 Dec 2019``, ``2019/12/23`` (see ``readout.ingest.dates``).

The day kept is the one written, in the publisher's own time zone: "on Monday"
in the article means the Monday before that local date. Epoch times have no
zone and are read in UTC. Ambiguous numeric forms (``03/04/2025``) are not
guessed. A date outside ``MIN_YEAR``..``MAX_YEAR`` is not a publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_tz

from readout.ingest.dates import parse_date_value

MIN_YEAR = 1900
MAX_YEAR = 2200
_MS_DIGITS = 13  # 1700000000000: epoch milliseconds

_ISO = re.compile(
    r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?"
    r"\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$",
    re.IGNORECASE,
)
_COMPACT = re.compile(
    r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:T?\d{4,6}(?:\.\d+)?(?:Z|[+-]\d{4})?)?$",
    re.IGNORECASE,
)
_EPOCH = re.compile(r"^\d{9,10}(?:\.\d+)?$|^\d{13}$")


def parse_published(value: object) -> dt.date | None:
    """The publication day a metadata value names, or None when it names none."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 80:
        return None
    for read in (_iso, _compact, _epoch_text, _rfc2822, parse_date_value):
        found = read(text)
        if found is not None:
            return found if MIN_YEAR <= found.year <= MAX_YEAR else None
    return None


def _day(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _iso(text: str) -> dt.date | None:
    found = _ISO.match(text)
    return _day(found["y"], found["m"], found["d"]) if found else None


def _compact(text: str) -> dt.date | None:
    found = _COMPACT.match(text)
    return _day(found["y"], found["m"], found["d"]) if found else None


def _epoch_text(text: str) -> dt.date | None:
    return _from_epoch(float(text)) if _EPOCH.match(text) else None


def _from_epoch(seconds: float) -> dt.date | None:
    if seconds != seconds:  # NaN
        return None
    if abs(seconds) >= 10 ** (_MS_DIGITS - 1):
        seconds /= 1000
    try:
        day = dt.datetime.fromtimestamp(seconds, dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        return None
    return day if MIN_YEAR <= day.year <= MAX_YEAR else None


def _rfc2822(text: str) -> dt.date | None:
    if not re.search(r"\d{1,2}:\d{2}", text):
        return None  # without a clock time, the written forms are read by parse_date_value
    parts = parsedate_tz(text)
    if parts is None:
        return None
    return _day(str(parts[0]), str(parts[1]), str(parts[2]))


# "MOSCOW, Dec. 23, 2019 (Reuters) —", "KYIV, Ukraine, 3 March 2025 -": a city in capitals,
# an optional region, a full date with its year, an optional agency, then a dash or colon.
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,30})?,?\s+"
    r"(?P<date>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})|(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}))"
    r"\s*(?:\([^)\n]{1,40}\))?\s*[-–—:]"
)


def dateline_date(text: str) -> dt.date | None:
    """The date of a wire-style dateline opening the text, when it has a year."""
    found = _DATELINE.match(text[:160])
    if found is None:
        return None
    day = parse_date_value(found["date"])
    return day if day is not None and MIN_YEAR <= day.year <= MAX_YEAR else None
