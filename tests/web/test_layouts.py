"""Chart, map and network geometry, without a browser."""

from __future__ import annotations

import datetime as dt
import math

from readout.query.relations import CountryCount, Edge, Graph, Node
from readout.query.trends import Period, Series, Trend
from readout.web.bars_svg import bar_chart, nice_step
from readout.web.map_svg import bin_of, class_limits, outlines, world_map
from readout.web.network_svg import HEIGHT, WIDTH, force_layout, network_picture

D = dt.date


def trend(counts: list[tuple[int, ...]]) -> Trend:
    periods = tuple(
        Period(D(2026, m, 1), D(2026, m, 28), f"m{m}") for m in range(1, len(counts) + 1)
    )
    series = (Series("q1", "verbal cooperation"), Series("q4", "material conflict"))
    return Trend("month", "quad", periods, series, tuple(counts), 0)


def test_nice_steps() -> None:
    assert [nice_step(n) for n in (1, 4, 7, 19, 40, 130)] == [1, 1, 2, 5, 10, 50]


def test_stacked_bars_share_the_axis_and_scale() -> None:
    chart = bar_chart(trend([(2, 1), (0, 0), (4, 0)]))
    assert len(chart.bars) == 3 and chart.bars[1].total == 0
    first, third = chart.bars[0], chart.bars[2]
    assert math.isclose(sum(s.height for s in first.segments) * 4 / 3, third.segments[0].height)
    assert all(s.y + s.height <= chart.zero + 0.2 for s in first.segments)
    assert first.title == "m1: 3 events (verbal cooperation 2, material conflict 1)"


def test_diverging_bars_draw_conflict_below_the_axis() -> None:
    chart = bar_chart(trend([(2, 3)]), below=frozenset({"q4"}))
    up, down = chart.bars[0].segments
    assert up.y + up.height <= chart.zero + 0.2 and down.y >= chart.zero - 0.2
    assert any(t.y > chart.zero for t in chart.ticks)


def test_map_classes_double() -> None:
    assert class_limits(1) == [(1, 1)]
    assert class_limits(100) == [(1, 1), (2, 3), (4, 7), (8, 15), (16, 100)]
    limits = class_limits(20)
    assert [bin_of(n, limits) for n in (0, 1, 3, 9, 20)] == [0, 1, 2, 4, 5]


def test_world_outlines_are_packaged_with_their_codes() -> None:
    data = outlines()
    codes = {c["code"] for c in data["countries"]}
    assert {"RUS", "USA", "CHN", "UKR", "XKX", "BRA"} <= codes and len(codes) > 170
    assert all(c["d"].startswith("M") for c in data["countries"])
    found = world_map(
        {"RUS": CountryCount("RUS", 4, 1, 3), "NATO": CountryCount("NATO", 2, 2, 0)}, {}
    )
    russia = next(s for s in found.shapes if s.code == "RUS")
    assert russia.bin == 3 and russia.title == "Russia: 4 events (1 cooperation, 3 conflict)"
    assert [c.code for c in found.off_map] == ["NATO"]


def test_force_layout_is_deterministic_and_fills_the_square() -> None:
    links = [(i, (i + 1) % 30, 1.0) for i in range(30)]
    first, second = force_layout(30, links), force_layout(30, links)
    assert (first == second).all()
    assert first.min() == 0 and first.max() == 1


def test_network_at_100_nodes_is_readable() -> None:
    nodes = tuple(Node(f"k{i}", f"Actor number {i}", None, 100 - i) for i in range(100))
    edges = (
        *(
            Edge(f"k{i}", f"k{(i * 7 + 3) % 100}", 1 + i % 4, i % 3, (i + 1) % 3)
            for i in range(100)
        ),
        *(Edge(f"k{i}", f"k{(i * 13 + 5) % 100}", 1, 1, 0) for i in range(1, 50)),
        Edge("k3", "k0", 2, 0, 2),
    )
    picture = network_picture(Graph(nodes, edges, 0))
    assert len(picture.nodes) == 100
    # nodes sit apart: no two centres closer than the smaller radius
    points = [(n.x, n.y, n.r) for n in picture.nodes]
    closest = min(math.dist(a[:2], b[:2]) for i, a in enumerate(points) for b in points[i + 1 :])
    assert closest > 4
    assert all(0 <= n.x <= WIDTH and 0 <= n.y <= HEIGHT for n in picture.nodes)
    # labels never overlap one another, and the busiest actors are named
    boxes = [(lb.x, lb.y, len(lb.text)) for lb in picture.labels]
    assert len(picture.labels) >= 40
    named = {lb.text for lb in picture.labels}
    assert {"Actor number 0", "Actor number 1", "Actor number 2"} <= named
    assert len(boxes) == len(set(boxes))
    # both directions of a pair bend apart; colours follow the conflict share
    there = next(e for e in picture.edges if (e.source, e.target) == ("k0", "k3"))
    back = next(e for e in picture.edges if (e.source, e.target) == ("k3", "k0"))
    assert "Q" in there.d and "Q" in back.d and back.tone == 4
