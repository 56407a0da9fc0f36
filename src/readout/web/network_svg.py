"""Lay out the actor network on the server, readable at 100 nodes.

A force layout (Fruchterman-Reingold with a pull to the centre, so separate
groups stay in view) places the nodes deterministically: the same data gives
the same picture. Edges are directed, drawn shortened to the node rims with an
arrowhead; when two actors act on each other, each direction bends to its own
side. An edge's colour class says how much of it is conflict (QuadClass 3-4)
against cooperation (1-2). Labels go to the busiest nodes first, each beside
its node where it overlaps no label or node already placed; the rest are in
the node's tooltip.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from readout.query.relations import Graph

WIDTH = 1000
HEIGHT = 720
MARGIN = 40
STEPS = 250
CHAR_WIDTH = 6.4  # at the 11px label font
LABEL_HEIGHT = 13
MAX_LABEL = 24
CLASSES = 5  # e0 (all cooperation) .. e4 (all conflict)


@dataclass(frozen=True)
class PlacedNode:
    key: str
    name: str
    x: float
    y: float
    r: float
    events: int
    title: str


@dataclass(frozen=True)
class Label:
    text: str
    x: float
    y: float
    anchor: str  # start, end, middle


@dataclass(frozen=True)
class PlacedEdge:
    source: str
    target: str
    d: str  # SVG path
    width: float
    tone: int  # 0..CLASSES-1
    title: str


@dataclass
class NetworkPicture:
    width: int = WIDTH
    height: int = HEIGHT
    nodes: list[PlacedNode] = field(default_factory=list)
    edges: list[PlacedEdge] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)


def force_layout(count: int, links: list[tuple[int, int, float]], steps: int = STEPS) -> np.ndarray:
    """Positions in the unit square for ``count`` nodes joined by weighted ``links``."""
    if count == 0:
        return np.zeros((0, 2))
    angles = np.arange(count) * 2.399963  # the golden angle: an even spiral, no randomness
    radii = np.sqrt((np.arange(count) + 0.5) / count) * 0.45
    pos = np.column_stack([0.5 + radii * np.cos(angles), 0.5 + radii * np.sin(angles)])
    if count == 1:
        return pos
    k = math.sqrt(1.0 / count) * 0.8
    src = np.array([a for a, _, _ in links], dtype=int)
    dst = np.array([b for _, b, _ in links], dtype=int)
    weight = np.array([min(3.0, 1 + math.log(w)) for _, _, w in links]) if links else np.zeros(0)
    for step in range(steps):
        heat = 0.1 * (1 - step / steps) + 0.002
        delta = pos[:, None, :] - pos[None, :, :]
        dist2 = np.maximum((delta**2).sum(axis=2), 1e-6)
        np.fill_diagonal(dist2, np.inf)
        move = (delta * (k * k / dist2)[:, :, None]).sum(axis=1)
        if links:
            d = pos[src] - pos[dst]
            dist = np.maximum(np.sqrt((d**2).sum(axis=1)), 1e-6)
            pull = d * (dist / k * weight)[:, None]
            np.add.at(move, src, -pull)
            np.add.at(move, dst, pull)
        move += (0.5 - pos) * 0.5 * count * k  # gravity keeps islands in view
        length = np.maximum(np.sqrt((move**2).sum(axis=1)), 1e-9)
        pos += move / length[:, None] * np.minimum(length, heat)[:, None]
    low, high = pos.min(axis=0), pos.max(axis=0)
    scaled: np.ndarray = (pos - low) / np.maximum(high - low, 1e-9)
    return scaled


def _short(name: str) -> str:
    return name if len(name) <= MAX_LABEL else name[: MAX_LABEL - 1] + "…"


def _edge_path(a: PlacedNode, b: PlacedNode, bend: float) -> str:
    """From a's rim to b's rim (leaving room for the arrowhead), bent by ``bend`` px."""
    dx, dy = b.x - a.x, b.y - a.y
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    x1, y1 = a.x + ux * a.r, a.y + uy * a.r
    x2, y2 = b.x - ux * (b.r + 2), b.y - uy * (b.r + 2)
    if not bend:
        return f"M{x1:.1f},{y1:.1f}L{x2:.1f},{y2:.1f}"
    cx, cy = (x1 + x2) / 2 - uy * bend, (y1 + y2) / 2 + ux * bend
    return f"M{x1:.1f},{y1:.1f}Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}"


def _overlaps(
    box: tuple[float, float, float, float], boxes: list[tuple[float, float, float, float]]
) -> bool:
    x1, y1, x2, y2 = box
    return any(x1 < b[2] and b[0] < x2 and y1 < b[3] and b[1] < y2 for b in boxes)


def _labels(nodes: list[PlacedNode], width: int, height: int) -> list[Label]:
    taken = [(n.x - n.r, n.y - n.r, n.x + n.r, n.y + n.r) for n in nodes]
    placed: list[Label] = []
    for node in sorted(nodes, key=lambda n: (-n.events, n.key)):
        text = _short(node.name)
        w = len(text) * CHAR_WIDTH
        own = (node.x - node.r, node.y - node.r, node.x + node.r, node.y + node.r)
        others = [b for b in taken if b != own]
        options = (
            (node.x + node.r + 3, node.y + 4, "start", (node.x + node.r + 2, node.y - 7, node.x + node.r + 4 + w, node.y + 6)),
            (node.x - node.r - 3, node.y + 4, "end", (node.x - node.r - 4 - w, node.y - 7, node.x - node.r - 2, node.y + 6)),
            (node.x, node.y - node.r - 4, "middle", (node.x - w / 2, node.y - node.r - 4 - LABEL_HEIGHT, node.x + w / 2, node.y - node.r - 3)),
            (node.x, node.y + node.r + 12, "middle", (node.x - w / 2, node.y + node.r + 1, node.x + w / 2, node.y + node.r + 2 + LABEL_HEIGHT)),
        )  # fmt: skip
        for x, y, anchor, box in options:
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height
            if inside and not _overlaps(box, others):
                placed.append(Label(text, round(x, 1), round(y, 1), anchor))
                taken.append(box)
                break
    return placed


def network_picture(graph: Graph) -> NetworkPicture:
    picture = NetworkPicture()
    if not graph.nodes:
        return picture
    index = {node.key: i for i, node in enumerate(graph.nodes)}
    weights: dict[tuple[int, int], float] = {}
    for edge in graph.edges:
        pair = (index[edge.source], index[edge.target])
        weights[pair] = weights.get(pair, 0) + edge.count
    unit = force_layout(len(graph.nodes), [(a, b, w) for (a, b), w in weights.items()])
    busiest = max(n.events for n in graph.nodes)
    for node, (ux, uy) in zip(graph.nodes, unit, strict=True):
        r = round(3.5 + 9 * math.sqrt(node.events / busiest), 1)
        picture.nodes.append(
            PlacedNode(
                node.key, node.name,
                round(MARGIN + float(ux) * (WIDTH - 2 * MARGIN), 1),
                round(MARGIN + float(uy) * (HEIGHT - 2 * MARGIN), 1),
                r, node.events,
                f"{node.name}{f' ({node.country})' if node.country else ''}: {node.events} events",
            )
        )  # fmt: skip
    by_key = {n.key: n for n in picture.nodes}
    directed = {(e.source, e.target) for e in graph.edges}
    for edge in sorted(graph.edges, key=lambda e: e.count):
        a, b = by_key[edge.source], by_key[edge.target]
        bend = 14.0 if (edge.target, edge.source) in directed else 0.0
        tone = min(CLASSES - 1, int(edge.conflict_share * CLASSES))
        title = (
            f"{a.name} → {b.name}: {edge.count} event{'s' if edge.count != 1 else ''}"
            f" ({edge.cooperation} cooperation, {edge.conflict} conflict)"
        )
        width = round(min(7.0, 1.2 + 1.3 * math.log2(edge.count)), 1) if edge.count > 1 else 1.2
        picture.edges.append(PlacedEdge(a.key, b.key, _edge_path(a, b, bend), width, tone, title))
    picture.labels = _labels(picture.nodes, WIDTH, HEIGHT)
    return picture
