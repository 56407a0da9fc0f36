"""Recognise a publication date written on a line of its own.

Deliberately strict: the whole line must be a date (with an optional label
such as "Published:", a weekday and a clock time), so body sentences that
merely mention a date are never taken for the publication date.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_LABEL = (
    r"(?:(?:date|published|posted|updated|last\s+updated|first\s+published|modified|"
    r"published\s+on|posted\s+on|updated\s+on)\s*:?\s*)?"
)
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_TIME = (
    r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}|UTC[+-]?\d*|GMT[+-]?\d*)?)"
)
_SEP = r"[\s,|·•–—-]*"

_DATE_FORMS: tuple[str, ...] = (
    r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?",
    r"(?P<year>\d{4})/(?P<mnum>\d{1,2})/(?P<day>\d{1,2})",
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})",
    _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})",
)

# "<label> <weekday> [time,] <date> [, time]" at the start of a line.
_DATE_PREFIX = [
    re.compile(
        r"^\s*"
        + _LABEL
        + r"(?:"
        + _TIME
        + _SEP
        + r")?"
        + _WEEKDAY
        + form
        + _SEP
        + r"(?:"
        + _TIME
        + r")?"
        + _SEP,
        re.IGNORECASE,
    )
    for form in _DATE_FORMS
]


def match_leading_date(line: str) -> tuple[dt.date, str] | None:
    """Return (date, rest of line) when the line starts with a date expression."""
    for pattern in _DATE_PREFIX:
        found = pattern.match(line)
        if found is None:
            continue
        date = _to_date(found.groupdict())
        if date is not None:
            return date, line[found.end() :].strip()
    return None


def parse_date_value(value: str) -> dt.date | None:
    """Read a metadata date such as "2025-03-01", "2025-03-01T10:00Z" or "1 March 2025"."""
    found = match_leading_date(value.strip())
    if found is None or found[1]:
        return None
    return found[0]


def _to_date(parts: dict[str, str | None]) -> dt.date | None:
    month_name = parts.get("month")
    month = _MONTHS.get(month_name.lower()) if month_name else None
    if month is None and parts.get("mnum"):
        month = int(parts["mnum"] or 0)
    try:
        return dt.date(int(parts["year"] or 0), month or 0, int(parts["day"] or 0))
    except ValueError:
        return None
