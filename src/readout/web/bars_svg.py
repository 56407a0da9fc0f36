"""Lay out a bar chart of counts per period: stacked by series, optionally diverging.

Series listed in ``below`` are drawn downwards from the axis (conflict under
cooperation on the dyad page); the rest stack upwards. The template draws the
SVG from this layout; colours come from CSS classes of the series keys.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from readout.query.trends import Trend

WIDTH = 960
LEFT = 44
RIGHT = 12
TOP = 12
PLOT = 240  # height of the plot area
AXIS = 40  # room for the period labels
MAX_LABELS = 12


@dataclass(frozen=True)
class Segment:
    key: str
    label: str
    count: int
    y: float
    height: float


@dataclass(frozen=True)
class Bar:
    index: int
    x: float
    width: float
    label: str
    start: str  # ISO dates of the period, for links
    end: str
    total: int
    segments: tuple[Segment, ...]
    title: str


@dataclass(frozen=True)
class YTick:
    y: float
    label: str


@dataclass
class BarChart:
    width: int = WIDTH
    height: int = TOP + PLOT + AXIS
    zero: float = TOP + PLOT
    bars: list[Bar] = field(default_factory=list)
    ticks: list[YTick] = field(default_factory=list)
    labels: list[tuple[float, str]] = field(default_factory=list)
    series: list[tuple[str, str]] = field(default_factory=list)


def nice_step(peak: int, lines: int = 4) -> int:
    """A round step (1, 2, 5, 10, 20, 50, ...) giving about ``lines`` grid lines."""
    raw = max(1.0, peak / lines)
    power = 10 ** math.floor(math.log10(raw))
    return int(next(m * power for m in (1, 2, 5, 10) if m * power >= raw))


def bar_chart(trend: Trend, below: frozenset[str] = frozenset()) -> BarChart:
    chart = BarChart(series=[(s.key, s.label) for s in trend.series])
    if not trend.periods:
        return chart
    keys = [s.key for s in trend.series]
    labels = {s.key: s.label for s in trend.series}
    up = [sum(c for k, c in zip(keys, row, strict=True) if k not in below) for row in trend.counts]
    down = [sum(c for k, c in zip(keys, row, strict=True) if k in below) for row in trend.counts]
    peak_up, peak_down = max(up, default=0), max(down, default=0)
    step = nice_step(max(peak_up, peak_down, 1))
    top_value = step * math.ceil(max(peak_up, 1) / step)
    bottom_value = step * math.ceil(peak_down / step) if peak_down else 0
    unit = PLOT / (top_value + bottom_value)
    chart.zero = TOP + top_value * unit
    slot = (WIDTH - LEFT - RIGHT) / len(trend.periods)
    gap = min(4.0, slot * 0.2)
    for i, (period, row) in enumerate(zip(trend.periods, trend.counts, strict=True)):
        x = LEFT + i * slot + gap / 2
        segments = []
        y_up, y_down = chart.zero, chart.zero
        for key, count in zip(keys, row, strict=True):
            if not count:
                continue
            height = count * unit
            if key in below:
                segments.append(
                    Segment(key, labels[key], count, round(y_down, 1), round(height, 1))
                )
                y_down += height
            else:
                y_up -= height
                segments.append(Segment(key, labels[key], count, round(y_up, 1), round(height, 1)))
        parts = ", ".join(f"{s.label} {s.count}" for s in segments)
        chart.bars.append(
            Bar(i, round(x, 1), round(slot - gap, 1), period.label, period.start.isoformat(),
                period.end.isoformat(), sum(row), tuple(segments),
                f"{period.label}: {sum(row)} events" + (f" ({parts})" if parts else ""))
        )  # fmt: skip
    every = max(1, math.ceil(len(trend.periods) / MAX_LABELS))
    chart.labels = [
        (round(LEFT + (i + 0.5) * slot, 1), p.label)
        for i, p in enumerate(trend.periods)
        if i % every == 0
    ]
    chart.ticks = [
        YTick(round(chart.zero - v * unit, 1), str(v)) for v in range(0, top_value + 1, step)
    ]
    chart.ticks += [
        YTick(round(chart.zero + v * unit, 1), str(v)) for v in range(step, bottom_value + 1, step)
    ]
    return chart
