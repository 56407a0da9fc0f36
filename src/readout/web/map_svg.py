"""The world map: packaged country outlines (see data/NOTICE.md) coloured by event counts."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from readout.query.relations import CountryCount

BINS = 5  # colour classes, from the CSS classes m-1 (fewest) to m-5 (most)


@dataclass(frozen=True)
class Shape:
    code: str | None
    name: str
    d: str
    count: int
    bin: int  # 0: no events
    title: str


@dataclass(frozen=True)
class WorldMap:
    width: float
    height: float
    shapes: tuple[Shape, ...]
    limits: tuple[tuple[int, int], ...]  # (low, high) events of each colour class
    off_map: tuple[CountryCount, ...]  # organisations and codes with no outline


@functools.cache
def outlines() -> dict[str, Any]:
    text = resources.files("readout.web").joinpath("data/world.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def class_limits(peak: int) -> list[tuple[int, int]]:
    """Up to five classes doubling in width: 1, 2-3, 4-7, ... up to ``peak``."""
    limits: list[tuple[int, int]] = []
    low = 1
    while low <= peak and len(limits) < BINS:
        high = peak if len(limits) == BINS - 1 else min(peak, low * 2 - 1)
        limits.append((low, high))
        low = high + 1
    return limits


def bin_of(count: int, limits: list[tuple[int, int]]) -> int:
    for index, (low, high) in enumerate(limits, start=1):
        if low <= count <= high:
            return index
    return 0


def world_map(counts: dict[str, CountryCount], names: dict[str, str]) -> WorldMap:
    data = outlines()
    peak = max((c.total for c in counts.values()), default=0)
    limits = class_limits(peak)
    shapes = []
    drawn = set()
    for country in data["countries"]:
        code = country["code"]
        found = counts.get(code) if code else None
        total = found.total if found else 0
        name = names.get(code or "", country["name"])
        title = f"{name}: {total} event{'s' if total != 1 else ''}"
        if found:
            title += f" ({found.cooperation} cooperation, {found.conflict} conflict)"
        shapes.append(Shape(code, name, country["d"], total, bin_of(total, limits), title))
        drawn.add(code)
    off_map = tuple(c for code, c in counts.items() if code not in drawn)
    return WorldMap(data["width"], data["height"], tuple(shapes), tuple(limits), off_map)
