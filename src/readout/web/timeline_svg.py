"""Lay dated events out on a time axis: one lane per event type, x by date.

The template draws the SVG from this layout; status decides the marker's
shape (filled, hollow, striped, crossed) and type its colour, both by CSS class.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from readout.model import EVENT_TYPES

WIDTH = 960
LEFT = 110  # room for the lane labels
RIGHT = 20
TOP = 16
LANE = 40
AXIS = 34
MIN_GAP = 16  # markers closer than this in one lane move to another row
ROW_OFFSETS = (0, -11, 11)


@dataclass(frozen=True)
class Marker:
    event_id: str
    x: float
    x_end: float
    y: float
    type: str
    status: str
    label: str


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass
class Layout:
    width: int = WIDTH
    height: int = TOP + AXIS
    lanes: list[tuple[str, float]] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)


def parse_day(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def dated(events: list[dict[str, Any]]) -> list[tuple[dt.date, dt.date, dict[str, Any]]]:
    """(start, end, event) for the events with a readable date, in date order."""
    found = []
    for event in events:
        date = event.get("date") or {}
        start, end = parse_day(date.get("start")), parse_day(date.get("end"))
        if start is not None:
            found.append((start, max(start, end or start), event))
    return sorted(found, key=lambda item: (item[0], str(item[2].get("id"))))


def layout(events: list[dict[str, Any]]) -> Layout:
    items = dated(events)
    if not items:
        return Layout()
    first = min(start for start, _, _ in items)
    last = max(end for _, end, _ in items)
    first, last = first - dt.timedelta(days=1), last + dt.timedelta(days=1)
    span = max(1, (last - first).days)

    def x_of(day: dt.date) -> float:
        return round(LEFT + (WIDTH - LEFT - RIGHT) * (day - first).days / span, 1)

    lanes = [t for t in EVENT_TYPES if any(e.get("type") == t for _, _, e in items)]
    lanes += sorted({str(e.get("type")) for _, _, e in items} - set(lanes))
    lane_y = {name: TOP + LANE * i + LANE / 2 for i, name in enumerate(lanes)}
    out = Layout(height=int(TOP + LANE * len(lanes) + AXIS))
    out.lanes = [(name, lane_y[name]) for name in lanes]
    last_x: dict[tuple[str, int], float] = {}
    for start, end, event in items:
        lane = str(event.get("type"))
        x = x_of(start)
        row = pick_row(last_x, lane, x)
        last_x[(lane, row)] = x
        out.markers.append(
            Marker(
                event_id=str(event.get("id")),
                x=x,
                x_end=x_of(end),
                y=lane_y[lane] + ROW_OFFSETS[row],
                type=lane,
                status=str(event.get("status")),
                label=marker_label(event),
            )
        )
    out.ticks = [Tick(x_of(day), text) for day, text in ticks(first, last)]
    return out


def pick_row(last_x: dict[tuple[str, int], float], lane: str, x: float) -> int:
    """The first row of the lane with room at x; the emptiest-looking one when all are full."""
    for row in range(len(ROW_OFFSETS)):
        if (lane, row) not in last_x or x - last_x[(lane, row)] >= MIN_GAP:
            return row
    return min(range(len(ROW_OFFSETS)), key=lambda r: last_x[(lane, r)])


def marker_label(event: dict[str, Any]) -> str:
    """The tooltip: type, status, who and whom, date text."""
    who = [(event.get(side) or {}).get("name") for side in ("source", "target")]
    names = " → ".join(str(n) for n in who if n) or "unnamed actors"
    date = event.get("date") or {}
    return f"{event.get('type')} ({event.get('status')}): {names}, {date.get('start')}"


def ticks(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    """Axis ticks: days for short spans, months, or years, at most about a dozen."""
    days = (last - first).days
    if days <= 45:
        step = max(1, days // 8)
        return [
            (first + dt.timedelta(days=i), (first + dt.timedelta(days=i)).strftime("%d %b"))
            for i in range(0, days + 1, step)
        ]
    if days <= 3 * 366:
        months = (last.year - first.year) * 12 + last.month - first.month
        step = next(s for s in (1, 2, 3, 6, 12) if months / s <= 12)
        found = []
        # Ticks on the first of each month after ``first`` (December rolls over).
        year, month = (first.year + 1, 1) if first.month == 12 else (first.year, first.month + 1)
        while (year, month) <= (last.year, last.month):
            if (month - 1) % step == 0:
                found.append((dt.date(year, month, 1), dt.date(year, month, 1).strftime("%b %Y")))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return found
    step = max(1, (last.year - first.year) // 10)
    return [
        (dt.date(year, 1, 1), str(year))
        for year in range(first.year + 1, last.year + 1)
        if year % step == 0
    ]
