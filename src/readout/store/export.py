"""Events out of the store as CSV, JSON Lines or Parquet files (or streams)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from readout.errors import StoreError
from readout.store.db import Store

FORMATS = ("csv", "jsonl", "parquet")
PAGE = 1000
CSV_COLUMNS = (
    "id", "date_start", "date_end", "date_precision", "date_text", "type", "mode", "cameo",
    "source", "source_country", "target", "target_country", "status", "hedged", "location",
    "location_country", "reports", "sources", "contradictions", "evidence",
)  # fmt: skip


def all_events(store: Store) -> Iterator[dict[str, Any]]:
    """Every event summary, a page at a time so memory stays flat on big stores."""
    offset = 0
    while True:
        page = store.events(limit=PAGE, offset=offset)
        yield from page
        if len(page) < PAGE:
            return
        offset += PAGE


def flat_row(event: dict[str, Any]) -> dict[str, Any]:
    """One event as a flat record for CSV and Parquet."""
    date = event.get("date") or {}
    source = event.get("source") or {}
    target = event.get("target") or {}
    location = event.get("location") or {}
    return {
        "id": event["id"],
        "date_start": date.get("start"),
        "date_end": date.get("end"),
        "date_precision": date.get("precision"),
        "date_text": date.get("text"),
        "type": event["type"],
        "mode": event.get("mode"),
        "cameo": event.get("cameo"),
        "source": source.get("name"),
        "source_country": source.get("country"),
        "target": target.get("name"),
        "target_country": target.get("country"),
        "status": event["status"],
        "hedged": bool(event.get("hedged")),
        "location": location.get("name"),
        "location_country": location.get("country"),
        "reports": int(event.get("reports", 0)),
        "sources": "; ".join(event.get("sources", [])),
        "contradictions": int(event.get("contradictions", 0)),
        "evidence": " | ".join(e["sentence"] for e in event.get("evidence", [])),
    }


def write_csv(events: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(flat_row(event))
        count += 1
    return count


def write_jsonl(events: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    count = 0
    for event in events:
        stream.write(json.dumps(event, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_parquet(events: Iterable[dict[str, Any]], path: Path) -> int:
    """Flat columns plus the full event as JSON, so nothing is lost."""
    rows = [{**flat_row(e), "json": json.dumps(e, ensure_ascii=False)} for e in events]
    names = [*CSV_COLUMNS, "json"]
    table = (
        pa.Table.from_pylist(rows)
        if rows
        else pa.table({n: pa.array([], pa.string()) for n in names})
    )
    pq.write_table(table, path)
    return len(rows)


def export_events(store: Store, fmt: str, path: Path) -> int:
    """Write every event of the store to ``path``; returns how many."""
    if fmt not in FORMATS:
        raise StoreError(
            f"unknown export format {fmt!r} (use {', '.join(FORMATS)})", path=str(path)
        )
    try:
        if fmt == "parquet":
            return write_parquet(all_events(store), path)
        with path.open("w", encoding="utf-8", newline="") as stream:
            writer = write_csv if fmt == "csv" else write_jsonl
            return writer(all_events(store), stream)
    except OSError as exc:
        raise StoreError(f"cannot write export: {exc.strerror}", path=str(path)) from exc
