"""Counts of events over time, by type or by QuadClass, for any filter."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from readout.export.scales import QUAD_NAMES, quad_class
from readout.model import EVENT_TYPES
from readout.store.analysis import Interval
from readout.store.db import Store
from readout.store.queries import EventFilter

Group = Literal["type", "quad"]
INTERVALS: tuple[Interval, ...] = ("week", "month")
GROUPS: tuple[Group, ...] = ("type", "quad")
MAX_PERIODS = 160  # more weekly bars than this: count by month instead


@dataclass(frozen=True)
class Series:
    key: str  # a PLOVER type, or "q1".."q4"
    label: str


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive
    label: str


@dataclass(frozen=True)
class Trend:
    interval: Interval
    group: Group
    periods: tuple[Period, ...]
    series: tuple[Series, ...]
    counts: tuple[tuple[int, ...], ...]  # [period][series]
    undated: int

    @property
    def total(self) -> int:
        return sum(sum(row) for row in self.counts)

    @property
    def peak(self) -> int:
        return max((sum(row) for row in self.counts), default=0)


def filter_of(filters: dict[str, Any]) -> EventFilter:
    return EventFilter(**filters)


def _next(day: dt.date, interval: Interval) -> dt.date:
    if interval == "week":
        return day + dt.timedelta(days=7)
    return dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def periods_between(first: dt.date, last: dt.date, interval: Interval) -> list[Period]:
    """Every period from the one holding ``first`` to the one holding ``last``."""
    out = []
    day = first
    while day <= last:
        following = _next(day, interval)
        label = day.isoformat() if interval == "week" else day.strftime("%b %Y")
        out.append(Period(day, following - dt.timedelta(days=1), label))
        day = following
    return out


def series_key(group: Group, type_: str, cameo: str | None) -> str | None:
    if group == "type":
        return type_
    quad = quad_class(cameo)
    return f"q{quad}" if quad else None


def counts_over_time(
    store: Store, filters: dict[str, Any], interval: Interval = "month", group: Group = "type"
) -> Trend:
    """Dated events per week or month and per type or QuadClass; gaps count 0."""
    analysis = store.analysis()
    where = filter_of(filters)
    rows = analysis.period_counts(where, interval)
    undated = analysis.undated_count(where)
    if rows and interval == "week":
        weeks = (rows[-1].period - rows[0].period).days // 7 + 1
        if weeks > MAX_PERIODS:
            interval, rows = "month", analysis.period_counts(where, "month")
    if group == "type":
        present = {r.type for r in rows}
        series = [Series(t, t) for t in EVENT_TYPES if t in present]
        series += [Series(t, t) for t in sorted(present - set(EVENT_TYPES))]
    else:
        series = [Series(f"q{q}", name) for q, name in QUAD_NAMES.items()]
    if not rows:
        return Trend(interval, group, (), tuple(series), (), undated)
    periods = periods_between(rows[0].period, rows[-1].period, interval)
    index = {p.start: i for i, p in enumerate(periods)}
    column = {s.key: i for i, s in enumerate(series)}
    counts = [[0] * len(series) for _ in periods]
    for row in rows:
        key = series_key(group, row.type, row.cameo)
        if key is not None and key in column and row.period in index:
            counts[index[row.period]][column[key]] += row.count
    return Trend(
        interval, group, tuple(periods), tuple(series), tuple(tuple(c) for c in counts), undated
    )
