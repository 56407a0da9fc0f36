"""Who deals with whom: pairs of actors, one pair's record, counts by country, the network.

Cooperation and conflict follow CAMEO's QuadClass (1-2 against 3-4), intensity
the Goldstein-like scale of ``readout.export.scales``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from readout.export.scales import intensity, is_cooperation
from readout.query.trends import filter_of
from readout.store.db import Store


@dataclass
class Tally:
    """Events counted as cooperation, conflict, or neither (no CAMEO code)."""

    cooperation: int = 0
    conflict: int = 0
    other: int = 0
    intensity_sum: float = 0.0
    scored: int = 0

    def add(self, cameo: str | None, count: int = 1) -> None:
        side = is_cooperation(cameo)
        if side is None:
            self.other += count
        elif side:
            self.cooperation += count
        else:
            self.conflict += count
        score = intensity(cameo)
        if score is not None:
            self.intensity_sum += score * count
            self.scored += count

    @property
    def total(self) -> int:
        return self.cooperation + self.conflict + self.other

    @property
    def mean_intensity(self) -> float | None:
        return round(self.intensity_sum / self.scored, 1) if self.scored else None

    @property
    def conflict_share(self) -> float:
        sided = self.cooperation + self.conflict
        return self.conflict / sided if sided else 0.5


@dataclass
class Pair:
    """Two actors and their events in both directions."""

    a: dict[str, Any]
    b: dict[str, Any]
    tally: Tally = field(default_factory=Tally)
    a_to_b: int = 0
    b_to_a: int = 0


def _actor(names: dict[str, dict[str, Any]], key: str) -> dict[str, Any]:
    return names.get(key) or {"key": key, "name": key, "country": None}


def top_pairs(store: Store, filters: dict[str, Any], limit: int = 20) -> list[Pair]:
    """The pairs with most events under the filters, either direction counted together."""
    analysis = store.analysis()
    rows = analysis.pair_counts(filter_of(filters))
    pairs: dict[tuple[str, str], Pair] = {}
    for row in rows:
        a, b = sorted((row.source, row.target))
        pair = pairs.setdefault((a, b), Pair({"key": a}, {"key": b}))
        pair.tally.add(row.cameo, row.count)
        if row.source == a:
            pair.a_to_b += row.count
        else:
            pair.b_to_a += row.count
    ranked = sorted(pairs.values(), key=lambda p: (-p.tally.total, p.a["key"], p.b["key"]))
    chosen = ranked[:limit]
    names = analysis.actor_names([k for p in chosen for k in (p.a["key"], p.b["key"])])
    for pair in chosen:
        pair.a, pair.b = _actor(names, pair.a["key"]), _actor(names, pair.b["key"])
    return chosen


def pair_of(store: Store, a: str, b: str) -> Pair | None:
    """The two actors of a dyad page with their totals, or None when either is unknown."""
    names = store.analysis().actor_names([a, b])
    if a not in names or b not in names:
        return None
    pair = Pair(names[a], names[b])
    for row in store.analysis().pair_counts(filter_of({"pair": (a, b)})):
        pair.tally.add(row.cameo, row.count)
        if row.source == a:
            pair.a_to_b += row.count
        else:
            pair.b_to_a += row.count
    return pair


@dataclass(frozen=True)
class CountryCount:
    code: str
    total: int
    cooperation: int
    conflict: int


def country_counts(store: Store, filters: dict[str, Any]) -> dict[str, CountryCount]:
    """Events with each country (or organisation code) on either side."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    for code, cameo, count in store.analysis().country_counts(filter_of(filters)):
        tallies[code].add(cameo, count)
    return {
        code: CountryCount(code, t.total, t.cooperation, t.conflict)
        for code, t in sorted(tallies.items())
    }


@dataclass(frozen=True)
class Node:
    key: str
    name: str
    country: str | None
    events: int  # events under the filters in which it takes part


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    count: int
    cooperation: int
    conflict: int

    @property
    def conflict_share(self) -> float:
        sided = self.cooperation + self.conflict
        return self.conflict / sided if sided else 0.5


@dataclass(frozen=True)
class Graph:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]  # directed: source acts on target
    left_out: int  # actors beyond the node limit


def network_graph(
    store: Store, filters: dict[str, Any], *, max_nodes: int = 100, min_count: int = 1
) -> Graph:
    """The most active actors (at most ``max_nodes``) and the directed edges among them."""
    analysis = store.analysis()
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for row in analysis.pair_counts(filter_of(filters)):
        tallies[(row.source, row.target)].add(row.cameo, row.count)
    kept = {pair: t for pair, t in tallies.items() if t.total >= min_count}
    activity: Counter[str] = Counter()
    for (source, target), tally in kept.items():
        activity[source] += tally.total
        activity[target] += tally.total
    ranked = sorted(activity, key=lambda k: (-activity[k], k))
    chosen = set(ranked[:max_nodes])
    names = analysis.actor_names(sorted(chosen))
    nodes = tuple(
        Node(k, str(_actor(names, k)["name"]), _actor(names, k).get("country"), activity[k])
        for k in ranked[:max_nodes]
    )
    edges = tuple(
        Edge(s, t, tally.total, tally.cooperation, tally.conflict)
        for (s, t), tally in sorted(kept.items())
        if s in chosen and t in chosen
    )
    return Graph(nodes, edges, max(0, len(ranked) - max_nodes))
