"""Write events to a file whose extension names the format, or to a stream.

=========================  ==========================================================
extension                  format
=========================  ==========================================================
``.csv``                   analysis rows (``rows.COLUMNS``); lists as JSON arrays
``.jsonl``, ``.ndjson``    analysis rows, one JSON object a line
``.parquet``               analysis rows with typed columns: dates, lists, numbers
``.json``, ``.plover.json``  PLOVER-style events, one JSON array (``plover``)
``.export.csv``,           the GDELT 2.0 events table: tab-separated, no header
``.gdelt.tsv``,            (``gdelt``)
``.gdelt.csv``
=========================  ==========================================================
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable
from itertools import islice
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from readout.errors import ReadoutError, printable
from readout.export.cells import neutralise
from readout.export.gdelt import write_gdelt
from readout.export.plover import write_plover
from readout.export.rows import COLUMNS, LIST_COLUMNS, Selection, analysis_row, iter_events
from readout.store.db import Store

FORMATS = ("csv", "jsonl", "parquet", "plover", "gdelt")
# Longest suffix first: ".export.csv" is GDELT before ".csv" is CSV.
SUFFIXES: tuple[tuple[str, str], ...] = (
    (".plover.json", "plover"),
    (".export.csv", "gdelt"),
    (".gdelt.tsv", "gdelt"),
    (".gdelt.csv", "gdelt"),
    (".parquet", "parquet"),
    (".ndjson", "jsonl"),
    (".jsonl", "jsonl"),
    (".json", "plover"),
    (".csv", "csv"),
)
BATCH = 5000

_SIDE = {"name": pa.string(), "key": pa.string(), "country": pa.string(),
         "sector": pa.string(), "role": pa.string(), "kind": pa.string()}  # fmt: skip
SCHEMA = pa.schema(
    [
        ("id", pa.string()), ("seq", pa.int64()), ("first_seen", pa.timestamp("us")),
        ("date_start", pa.date32()), ("date_end", pa.date32()),
        ("date_precision", pa.string()), ("date_text", pa.string()),
        ("type", pa.string()), ("mode", pa.string()), ("cameo", pa.string()),
        ("quad_class", pa.int8()), ("quad_name", pa.string()), ("intensity", pa.float64()),
        ("status", pa.string()), ("hedged", pa.bool_()),
        *((f"source_{k}", t) for k, t in _SIDE.items()),
        *((f"target_{k}", t) for k, t in _SIDE.items()),
        ("location", pa.string()), ("location_country", pa.string()),
        ("location_lat", pa.float64()), ("location_lon", pa.float64()),
        ("url", pa.string()), ("title", pa.string()), ("outlet", pa.string()),
        ("published", pa.date32()),
        ("reports", pa.int32()), ("articles", pa.int32()),
        ("outlets", pa.list_(pa.string())), ("urls", pa.list_(pa.string())),
        ("claimed_by", pa.list_(pa.string())), ("denied_by", pa.list_(pa.string())),
        ("contradictions", pa.int32()), ("evidence", pa.list_(pa.string())),
    ]
)  # fmt: skip


def format_for(path: Path | str, fmt: str | None = None) -> str:
    """The format ``fmt`` names, else the one the file's extension names; else one error."""
    if fmt is not None:
        if fmt not in FORMATS:
            raise ReadoutError(f"unknown export format {fmt!r} (use {', '.join(FORMATS)})")
        return fmt
    name = str(path).lower()
    for suffix, found in SUFFIXES:
        if name.endswith(suffix):
            return found
    known = ", ".join(suffix for suffix, _ in SUFFIXES)
    raise ReadoutError(
        f"cannot tell the export format from the file name (use one of {known}, or --format)",
        path=str(path),
    )


def _plain(value: object) -> object:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _csv_cell(value: object) -> object:
    """Article text in a CSV cell: control codes shown as \\xNN, formulas neutralised."""
    return neutralise(printable(value) if isinstance(value, str) else value)


def write_csv(events: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    writer = csv.writer(stream)
    writer.writerow(COLUMNS)
    count = 0
    for event in events:
        row = analysis_row(event)
        writer.writerow(
            _csv_cell(
                json.dumps(row[c], ensure_ascii=False) if c in LIST_COLUMNS else _plain(row[c])
            )
            for c in COLUMNS
        )
        count += 1
    return count


def write_jsonl(events: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    count = 0
    for event in events:
        row = analysis_row(event)
        stream.write(json.dumps({c: _plain(row[c]) for c in COLUMNS}, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_parquet(events: Iterable[dict[str, Any]], sink: str | Path | IO[bytes]) -> int:
    """Typed columns, written in batches so memory stays flat on big stores."""
    count = 0
    rows = (analysis_row(e) for e in events)
    with pq.ParquetWriter(sink, SCHEMA) as writer:
        while batch := list(islice(rows, BATCH)):
            writer.write_table(pa.Table.from_pylist(batch, schema=SCHEMA))
            count += len(batch)
        if count == 0:
            writer.write_table(SCHEMA.empty_table())
    return count


_TEXT_WRITERS = {"csv": write_csv, "jsonl": write_jsonl, "plover": write_plover,
                 "gdelt": write_gdelt}  # fmt: skip


def export_file(
    store: Store, path: Path, fmt: str | None = None, selection: Selection | None = None
) -> int:
    """Write the selected events (default: all) to ``path``; returns how many."""
    chosen = format_for(path, fmt)
    events = iter_events(store, selection or Selection.everything())
    try:
        if chosen == "parquet":
            return write_parquet(events, path)
        with path.open("w", encoding="utf-8", newline="") as stream:
            return _TEXT_WRITERS[chosen](events, stream)
    except OSError as exc:
        raise ReadoutError(f"cannot write export: {exc.strerror}", path=str(path)) from exc


def export_bytes(store: Store, fmt: str, selection: Selection) -> bytes:
    """The selected events in ``fmt`` as bytes (for a download of the current filter)."""
    events = iter_events(store, selection)
    if fmt == "parquet":
        sink = io.BytesIO()
        write_parquet(events, sink)
        return sink.getvalue()
    text = io.StringIO(newline="")
    _TEXT_WRITERS[format_for("", fmt)](events, text)
    return text.getvalue().encode("utf-8")
