"""Exports: the format from the extension, typed Parquet, CSV, PLOVER JSON and GDELT 2.0."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest

from readout.errors import ReadoutError
from readout.export.files import export_bytes, export_file, format_for
from readout.export.gdelt import GDELT_COLUMNS
from readout.export.rows import COLUMNS, Selection
from readout.store.db import Store


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("e.csv", "csv"), ("E.CSV", "csv"), ("e.jsonl", "jsonl"), ("e.ndjson", "jsonl"),
     ("e.parquet", "parquet"), ("e.json", "plover"), ("e.plover.json", "plover"),
     ("20250314.export.CSV", "gdelt"), ("e.gdelt.tsv", "gdelt"), ("e.gdelt.csv", "gdelt")],
)  # fmt: skip
def test_format_from_the_extension(name: str, fmt: str) -> None:
    assert format_for(name) == fmt


def test_unknown_extension_and_format_are_one_line_errors() -> None:
    with pytest.raises(ReadoutError, match=r"out\.txt: cannot tell the export format"):
        format_for("out.txt")
    with pytest.raises(ReadoutError, match="unknown export format 'xml'"):
        format_for("out.csv", "xml")
    assert format_for("out.txt", "csv") == "csv"


def test_parquet_opens_in_duckdb_with_typed_columns(corpus_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "events.parquet"
    with Store(corpus_db, read_only=True) as store:
        assert export_file(store, target) == 9
    con = duckdb.connect()
    types = dict(
        con.execute(f"SELECT column_name, column_type FROM (DESCRIBE '{target}')").fetchall()
    )
    assert tuple(types) == COLUMNS
    assert types["date_start"] == "DATE" and types["published"] == "DATE"
    assert types["outlets"] == "VARCHAR[]" and types["evidence"] == "VARCHAR[]"
    assert types["quad_class"] == "TINYINT" and types["intensity"] == "DOUBLE"
    row = con.execute(
        f"SELECT source_name, source_country, source_sector, target_name, url, title, outlet,"
        f" published, quad_class, intensity, len(outlets), reports FROM '{target}'"
        " WHERE reports = (SELECT max(reports) FROM '" + str(target) + "')"
    ).fetchone()
    assert row is not None
    assert row[0] == "Recep Tayyip Erdogan" and row[1] == "TUR" and row[3] == "Ilham Aliyev"
    assert row[4] == "https://harborpost.example/2026/03/02/ankara-talks"
    assert row[6] == "Harbor Post" and row[7] == dt.date(2026, 3, 2)
    assert row[8] == 1 and row[9] == 2.0 and row[10] == row[11] == 4


def test_csv_has_the_same_columns_and_lists_as_json(corpus_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "events.csv"
    with Store(corpus_db, read_only=True) as store:
        export_file(store, target)
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert len(rows) == 9 and tuple(rows[0]) == COLUMNS
    assert all(isinstance(json.loads(r["outlets"]), list) for r in rows)
    assert {r["quad_class"] for r in rows} <= {"1", "2", "3", "4"}


def test_a_selection_exports_only_matching_events(corpus_db: Path) -> None:
    with Store(corpus_db, read_only=True) as store:
        data = export_bytes(store, "jsonl", Selection({"type": "SANCTION"}))
    rows = [json.loads(line) for line in data.decode().splitlines()]
    assert rows and all(r["type"] == "SANCTION" and r["quad_class"] == 4 for r in rows)


def test_plover_json_is_one_array_of_events(corpus_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "events.json"
    with Store(corpus_db, read_only=True) as store:
        export_file(store, target)
    events = json.loads(target.read_text(encoding="utf-8"))
    assert len(events) == 9
    first = events[0]
    assert {"event_type", "event_mode", "actor", "recipient", "event_date", "quad_code",
            "event_intensity", "source", "url", "evidence", "claims"} <= set(first)  # fmt: skip
    assert first["actor"]["country"] and first["evidence"][0]["sentence"]


def test_gdelt_export_has_the_61_documented_columns(corpus_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "events.export.CSV"
    with Store(corpus_db, read_only=True) as store:
        export_file(store, target)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(GDELT_COLUMNS) == 61 and len(lines) == 9
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    talks = next(r for r in rows if r["Actor1Name"] == "RECEP TAYYIP ERDOGAN")
    assert talks["Actor1Code"] == "TURGOV" and talks["Actor1CountryCode"] == "TUR"
    assert talks["Day"] == "20260302" and talks["MonthYear"] == "202603" and talks["Year"] == "2026"
    assert talks["EventCode"] == "040" and talks["EventRootCode"] == "04"
    assert talks["QuadClass"] == "1" and talks["GoldsteinScale"] == "2.0"
    assert talks["NumMentions"] == "4" and talks["SOURCEURL"].startswith("https://harborpost")
    assert len(talks["DATEADDED"]) == 14 and talks["AvgTone"] == ""
    # DuckDB reads it with GDELT's column names, as GDELT workflows do
    con = duckdb.connect()
    names = ", ".join(f"'{c}': 'VARCHAR'" for c in GDELT_COLUMNS)
    found = con.execute(
        f"SELECT count(*) FROM read_csv('{target}', delim='\t', header=false, columns={{{names}}})"
    ).fetchone()
    assert found == (9,)


def test_an_organisation_side_is_a_known_group(corpus_db: Path) -> None:
    with Store(corpus_db, read_only=True) as store:
        data = export_bytes(store, "gdelt", Selection({"actor": "European Union"}))
    rows = [
        dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True))
        for line in data.decode().splitlines()
    ]
    assert rows
    eu = [r for r in rows if "EUROPEAN UNION" in (r["Actor1Name"], r["Actor2Name"])]
    side = "Actor1" if eu[0]["Actor1Name"] == "EUROPEAN UNION" else "Actor2"
    assert eu[0][f"{side}KnownGroupCode"] == "EU" and eu[0][f"{side}CountryCode"] == ""
