"""Event mentions survive the trip through typed Parquet columns unchanged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from readout.distributed.columns import event_fields, event_from_row, to_row
from readout.model import Actor, Attribution, DateSpan, Event, Evidence, Location

EVENT = Event(
    doc="feed.jsonl#7",
    type="CONSULT",
    mode="phone",
    cameo="041",
    source=Actor(
        "Sergey Lavrov", "RUS", "GOV", "Minister of Foreign Affairs", "person", "sergey-lavrov"
    ),
    target=Actor("United States", "USA"),
    date=DateSpan(dt.date(2025, 10, 20), dt.date(2025, 10, 20), "day", "on October 20"),
    status="disputed",
    hedged=True,
    location=Location("Budapest", "HUN"),
    attribution=(
        Attribution("Financial Times", "outlet"),
        Attribution("Dmitry Peskov", "official", "denies", True, "RUS"),
    ),
    evidence=(Evidence("feed.jsonl#7", "Lavrov spoke to Rubio.", 10, 32),),
    trigger="spoke",
    published=dt.date(2025, 10, 21),
    published_source="metadata",
    extras=(("status", "occurred"), ("status", "denied")),
)


def test_an_event_round_trips_through_parquet(tmp_path: Path) -> None:
    bare = Event("a.txt", "ASSAULT", None, "190", None, None, None)
    table = pa.Table.from_pylist([to_row(EVENT), to_row(bare)], schema=pa.schema(event_fields()))
    pq.write_table(table, tmp_path / "m.parquet")
    rows = pq.read_table(tmp_path / "m.parquet").to_pylist()
    assert [event_from_row(r) for r in rows] == [EVENT, bare]


def test_columns_are_typed_not_json() -> None:
    schema = pa.schema(event_fields())
    assert schema.field("date").type.field("start").type == pa.date32()
    assert pa.types.is_list(schema.field("attribution").type)
    assert pa.types.is_struct(schema.field("source").type)
    assert schema.field("published").type == pa.date32()
