"""Counts over time, pairs, countries and the network, over the web fixture's store."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "web"))
import webfixture

from readout.query.relations import country_counts, network_graph, pair_of, top_pairs
from readout.query.trends import counts_over_time, periods_between
from readout.store.db import Store

D = dt.date


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    path = webfixture.build_db(tmp_path_factory.mktemp("trends") / "fixture.duckdb")
    return Store(path, read_only=True)


def test_months_by_type_fill_gaps_and_count_undated_apart(store: Store) -> None:
    trend = counts_over_time(store, {}, "month", "type")
    assert [p.start for p in trend.periods] == [
        D(2026, 1, 1),
        D(2026, 2, 1),
        D(2026, 3, 1),
        D(2026, 4, 1),
    ]
    assert [s.key for s in trend.series] == ["CONSULT", "ACCUSE", "THREATEN", "SANCTION"]
    assert [sum(row) for row in trend.counts] == [1, 2, 2, 1]
    assert trend.undated == 1 and trend.total == 6 and trend.peak == 2


def test_weeks_by_quadclass(store: Store) -> None:
    trend = counts_over_time(store, {}, "week", "quad")
    assert trend.periods[0].start == D(2026, 1, 12) and trend.periods[0].end == D(2026, 1, 18)
    assert len(trend.periods) == 12  # 12 Jan to the week of 30 Mar, gaps included
    totals = [sum(column) for column in zip(*trend.counts, strict=True)]
    assert totals == [3, 0, 2, 1]  # consults; accuse and threaten; sanction


def test_filters_narrow_the_counts(store: Store) -> None:
    trend = counts_over_time(store, {"type": "CONSULT", "since": D(2026, 3, 1)}, "month", "type")
    assert [sum(row) for row in trend.counts] == [1, 1]


def test_too_many_weeks_are_counted_by_month() -> None:
    periods = periods_between(D(2020, 1, 6), D(2025, 1, 6), "week")
    assert len(periods) == 262 and periods[1].start == D(2020, 1, 13)
    months = periods_between(D(2024, 11, 1), D(2025, 2, 1), "month")
    assert [p.label for p in months] == ["Nov 2024", "Dec 2024", "Jan 2025", "Feb 2025"]
    assert months[1].end == D(2024, 12, 31)


def test_pairs_count_both_directions(store: Store) -> None:
    pairs = {(p.a["key"], p.b["key"]): p for p in top_pairs(store, {})}
    eu = pairs[("country:RUS", "european-union")]
    assert (eu.tally.total, eu.tally.conflict, eu.a_to_b, eu.b_to_a) == (2, 2, 1, 1)
    assert eu.tally.mean_intensity == -5.5  # threaten -5, sanctions -6
    assert pairs[("country:DEU", "country:FRA")].tally.cooperation == 2


def test_one_pair_and_an_unknown_actor(store: Store) -> None:
    pair = pair_of(store, "country:USA", "country:RUS")
    assert pair is not None and pair.tally.total == 1 and pair.a["name"] == "United States"
    assert pair_of(store, "country:USA", "nobody") is None


def test_countries_count_events_on_either_side(store: Store) -> None:
    counts = country_counts(store, {})
    assert (counts["RUS"].total, counts["RUS"].cooperation, counts["RUS"].conflict) == (3, 1, 2)
    assert counts["EU"].total == 2 and "XXX" not in counts


def test_network_keeps_the_busiest_actors(store: Store) -> None:
    graph = network_graph(store, {}, max_nodes=3)
    assert [n.key for n in graph.nodes] == ["country:FRA", "country:RUS", "country:DEU"]
    assert graph.left_out == 5
    assert [(e.source, e.target, e.count) for e in graph.edges] == [
        ("country:FRA", "country:DEU", 2)
    ]
    assert network_graph(store, {}, min_count=2).edges[0].cooperation == 2
