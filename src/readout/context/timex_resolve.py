"""Turn one temporal expression into an inclusive date range.

Choices made where English is vague (all relative to the publication date):

- Parts of a year: early = January-April, mid = May-August, late =
  September-December, precision "quarter" (the closest bucket). "The start /
  middle / end of" read as early / mid / late. Halves of a year also get
  precision "quarter".
- Parts of a month: early = days 1-10, mid = 11-20, late = 21-end, precision
  "week". Parts of a decade: early = years 0-3, mid = 4-6, late = 7-9,
  precision "year".
- A bare weekday, month or month-and-day looks back (on or before the
  publication date; the same day counts) unless ``future`` is true, when it
  looks forward (on or after; the same day counts). "last Friday" is strictly
  before, "next Friday" strictly after.
- "Monday, November 11" without a year takes the year next to the publication
  year in which November 11 is a Monday; if none fits, the tense rule above.
- "a year ago" is the month one year back; "N years ago" (N > 1) is a year.
- Winter is named by the year it ends in: "the winter of 2021" = Dec 2020-Feb 2021.
- "this summer" is the summer of the publication year, whether past or coming;
  "last summer" the latest one already over, "next summer" the first not begun.
- A date outside readout's calendar (``readout.limits``: years 1000 to 2999),
  such as "next year" in an article dated 9999, is left unresolved.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

from readout.context.timex_patterns import WORDS
from readout.limits import calendar_problem
from readout.model import Precision

Resolved = tuple[dt.date, dt.date, Precision] | None
Handler = Callable[[re.Match[str], dt.date | None, bool], Resolved]

_DAY = dt.timedelta(days=1)
_YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
_EDGE_PARTS = {"start": "early", "beginning": "early", "middle": "mid", "end": "late"}
_DAY_WORDS = {
    "the day before yesterday": -2,
    "yesterday": -1,
    "last night": -1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "earlier today": 0,
    "later today": 0,
    "tomorrow": 1,
    "the day after tomorrow": 2,
}


# --- calendar helpers -------------------------------------------------------


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), month_end(year, month)


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + delta
    return index // 12, index % 12 + 1


def week_span(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def quarter_span(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    first = 3 * quarter - 2
    return dt.date(year, first, 1), month_end(year, first + 2)


def _norm(word: str | None) -> str:
    return " ".join((word or "").lower().split())


def _month_number(name: str) -> int:
    return WORDS.month_numbers[_norm(name).rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _part_of(part: str | None, edge: str | None) -> str | None:
    if edge:
        return _EDGE_PARTS[_norm(edge)]
    return _norm(part) or None


def _year_bucket(year: int, part: str | None) -> Resolved:
    if part is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    first, last = _YEAR_PARTS[part]
    return dt.date(year, first, 1), month_end(year, last), "quarter"


def _month_bucket(year: int, month: int, part: str | None) -> Resolved:
    start, end = month_span(year, month)
    if part is None:
        return start, end, "month"
    first, last = _MONTH_PARTS[part]
    return start.replace(day=first), min(end, start.replace(day=min(last, end.day))), "week"


# --- direction rules ----------------------------------------------------------


def _weekday_near(published: dt.date, weekday: int, rel: str, future: bool) -> dt.date:
    back = (published.weekday() - weekday) % 7
    ahead = (weekday - published.weekday()) % 7
    if rel in ("last", "this past"):
        return published - dt.timedelta(days=back or 7)
    if rel in ("next", "this coming"):
        return published + dt.timedelta(days=ahead or 7)
    return published + dt.timedelta(days=ahead) if future else published - dt.timedelta(days=back)


def _month_year(published: dt.date, month: int, rel: str, future: bool) -> int:
    year = published.year
    if rel == "this":
        return year
    if rel == "last":
        return year if month < published.month else year - 1
    if rel == "next":
        return year if month > published.month else year + 1
    if future:
        return year if month >= published.month else year + 1
    return year if month <= published.month else year - 1


def _month_day_by_tense(month: int, day: int, published: dt.date, future: bool) -> dt.date | None:
    step = 1 if future else -1
    for offset in range(9):  # far enough to reach a leap year for Feb 29
        found = _safe_date(published.year + step * offset, month, day)
        if found is not None and (found >= published if future else found <= published):
            return found
    return None


def _month_day_by_weekday(month: int, day: int, weekday: int, published: dt.date) -> dt.date | None:
    fits = [
        found
        for year in (published.year - 1, published.year, published.year + 1)
        if (found := _safe_date(year, month, day)) is not None and found.weekday() == weekday
    ]
    return min(fits, key=lambda d: abs(d - published), default=None)


# --- handlers, one per kind of expression -----------------------------------


def _iso(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    day = _safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
    return (day, day, "day") if day else None


def _month_day(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    month, day = _month_number(m["month"]), int(m["day"])
    if m["year"]:
        found = _safe_date(int(m["year"]), month, day)
    elif published is None:
        return None
    else:
        found = None
        if m["wd"]:
            weekday = WORDS.weekdays.index(m["wd"].capitalize())
            found = _month_day_by_weekday(month, day, weekday, published)
        found = found or _month_day_by_tense(month, day, published, future)
    return (found, found, "day") if found else None


def _month_with_year(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    return _month_bucket(int(m["year"]), _month_number(m["month"]), _part_of(m["part"], None))


def _month_alone(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    if published is None:
        return None
    month = _month_number(m["month"])
    year = _month_year(published, month, _norm(m["rel"]), future)
    return _month_bucket(year, month, _part_of(m["part"], None))


def _year_range(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    first, last = int(m["y1"]), m["y2"]
    end = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
    if end < first and len(last) == 2:
        end += 100
    if end <= first:
        return None
    return dt.date(first, 1, 1), dt.date(end, 12, 31), "year"


def _target_year(m: re.Match[str], published: dt.date | None) -> int | None:
    if m["year"]:
        return int(m["year"])
    if published is None:
        return None
    return published.year + {"last": -1, "next": 1}.get(_norm(m["rel"]), 0)


def _quarter(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    quarter = WORDS.ordinals[_norm(m["ord"])]
    explicit = m["year"] or m["rel"] or "year" in _norm(m.group(0)).split()
    if explicit:
        year = _target_year(m, published)
        return None if year is None else (*quarter_span(year, quarter), "quarter")
    if published is None:
        return None
    current = (published.month - 1) // 3 + 1
    year = published.year
    if future and quarter < current:
        year += 1
    elif not future and quarter > current:
        year -= 1
    return *quarter_span(year, quarter), "quarter"


def _quarter_code(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    return *quarter_span(int(m["year"]), int(m["q"])), "quarter"


def _half(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    year = _target_year(m, published)
    if year is None:
        return None
    if _norm(m["half"]) == "first":
        return dt.date(year, 1, 1), dt.date(year, 6, 30), "quarter"
    return dt.date(year, 7, 1), dt.date(year, 12, 31), "quarter"


def season_span(season: str, year: int) -> tuple[dt.date, dt.date]:
    first, last = WORDS.seasons[season]
    start_year = year - 1 if first > last else year
    return dt.date(start_year, first, 1), month_end(year, last)


def _season_year(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    start, end = season_span(_norm(m["season"]), int(m["year"]))
    part = _norm(m["part"])
    if part == "early":
        return start, month_end(start.year, start.month), "month"
    if part == "late":
        return end.replace(day=1), end, "month"
    return start, end, "quarter"


def _season_rel(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    if published is None:
        return None
    season, rel = _norm(m["season"]), _norm(m["rel"])
    spans = [season_span(season, year) for year in range(published.year - 1, published.year + 3)]
    if rel == "last":
        start, end = [s for s in spans if s[1] < published][-1]
    elif rel == "next":
        start, end = next(s for s in spans if s[0] > published)
    else:  # "this": the one named by the publication year; winter from June on is the coming one
        late_in_year = season == "winter" and published.month >= 6
        start, end = season_span(season, published.year + (1 if late_in_year else 0))
    return start, end, "quarter"


def _decade(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    decade = int(m["decade"])
    part = _norm(m["part"])
    if not part:
        return dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31), "decade"
    first, last = _DECADE_PARTS[part]
    return dt.date(decade + first, 1, 1), dt.date(decade + last, 12, 31), "year"


def _part_year(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    return _year_bucket(int(m["year"]), _part_of(m["part"], m["edge"]))


def _weekday(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    if published is None:
        return None
    weekday = WORDS.weekdays.index(m["wd"].capitalize())
    day = _weekday_near(published, weekday, _norm(m["rel"]), future)
    return day, day, "day"


def _day_word(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    if published is None:
        return None
    day = published + dt.timedelta(days=_DAY_WORDS[_norm(m["word"])])
    return day, day, "day"


def _unit_span(unit: str, day: dt.date) -> tuple[dt.date, dt.date, Precision]:
    if unit == "week":
        return *week_span(day), "week"
    if unit == "month":
        return *month_span(day.year, day.month), "month"
    if unit == "quarter":
        return *quarter_span(day.year, (day.month - 1) // 3 + 1), "quarter"
    return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year"


def _shift_unit(unit: str, day: dt.date, steps: int) -> dt.date:
    if unit == "week":
        return day + dt.timedelta(weeks=steps)
    months = {"month": 1, "quarter": 3, "year": 12}[unit] * steps
    year, month = shift_month(day.year, day.month, months)
    return dt.date(year, month, 1)


def _narrow(span: tuple[dt.date, dt.date, Precision], part: str, published: dt.date) -> Resolved:
    start, end, precision = span
    if part == "earlier":
        return start, max(start, min(end, published - _DAY)), precision
    if part == "later":
        return max(start, min(end, published + _DAY)), end, precision
    if precision == "year":
        return _year_bucket(start.year, part)
    if precision == "month":
        return _month_bucket(start.year, start.month, part)
    return span


def _period(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    if published is None:
        return None
    unit = _norm(m["unit"])
    steps = {"last": -1, "this": 0, "next": 1, "the": 0}[_norm(m.groupdict().get("rel") or "the")]
    span = _unit_span(unit, _shift_unit(unit, published, steps))
    part = _part_of(m["part"] if "part" in m.re.groupindex else None, m["edge"])
    return _narrow(span, part, published) if part else span


def _weekend(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    if published is None:
        return None
    monday = published - dt.timedelta(days=published.weekday())
    rel = _norm(m["rel"])
    if rel == "the":
        rel = "this" if future or published.weekday() >= 5 else "last"
    monday += dt.timedelta(weeks={"last": -1, "this": 0, "next": 1}[rel])
    return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "week"


def _ago(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    if published is None:
        return None
    raw, unit = _norm(m["n"]), _norm(m["unit"])
    count = int(raw) if raw.isdigit() else WORDS.number_words[raw]
    if unit == "day":
        day = published - dt.timedelta(days=count)
        return day, day, "day"
    if unit == "week":
        return *week_span(published - dt.timedelta(weeks=count)), "week"
    if unit == "year" and count > 1:
        return _year_bucket(published.year - count, None)
    months = count * (12 if unit == "year" else 1)
    return *month_span(*shift_month(published.year, published.month, -months)), "month"


def _year(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
    return _year_bucket(int(m["year"]), None)


def _within_calendar(handler: Handler) -> Handler:
    """The handler, but a date past the calendar's edge is None instead of an error."""

    def resolve(m: re.Match[str], published: dt.date | None, future: bool) -> Resolved:
        try:
            resolved = handler(m, published, future)
        except (ValueError, OverflowError):  # e.g. year 10000, or year 0
            return None
        if resolved is None or calendar_problem(resolved[0]) or calendar_problem(resolved[1]):
            return None
        return resolved

    return resolve


_HANDLERS: dict[str, Handler] = {
    "iso": _iso,
    "mdy": _month_day,
    "dmy": _month_day,
    "month_year": _month_with_year,
    "year_range": _year_range,
    "year_dash": _year_range,
    "quarter": _quarter,
    "quarter_code": _quarter_code,
    "half": _half,
    "season_year": _season_year,
    "season_rel": _season_rel,
    "decade": _decade,
    "part_year": _part_year,
    "month": _month_alone,
    "weekday": _weekday,
    "day_word": _day_word,
    "period": _period,
    "period_the": _period,
    "weekend": _weekend,
    "ago": _ago,
    "year": _year,
}
HANDLERS: dict[str, Handler] = {kind: _within_calendar(h) for kind, h in _HANDLERS.items()}
