"""The analyst's verbs, driven through typer's CliRunner over a real DuckDB store."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import sys
from importlib.metadata import version
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from store_corpus import gold_events, load_gold, read_corpus

from readout.cli.main import app
from readout.store.db import Store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("query") / "corpus.duckdb"
    gold = load_gold()
    with Store(path) as store:
        for article in read_corpus():
            store.add_article(article, gold_events(article, gold))
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def jsonl(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_events_table_is_readable(db: Path) -> None:
    code, out, _ = run("events", "--db", str(db))
    assert code == 0
    assert "9 events" in out
    assert "Recep Tayyip Erdogan (TUR) → Ilham Aliyev" in out
    assert "CONSULT/meet" in out


def test_events_jsonl_carries_id_reports_sources(db: Path) -> None:
    code, out, _ = run("events", "--db", str(db), "--format", "jsonl")
    rows = jsonl(out)
    assert code == 0 and len(rows) == 9
    assert all({"id", "reports", "sources", "type", "status", "evidence"} <= set(r) for r in rows)
    assert max(r["reports"] for r in rows) == 4  # type: ignore[type-var]


@pytest.mark.parametrize(
    ("args", "count"),
    [
        (("--type", "SANCTION"), 2),
        (("--actor", "Aliyev"), 3),
        (("--actor", "GUY"), 2),
        (("--country", "JPN"), 2),
        (("--status", "disputed"), 1),
        (("--since", "2026-03-09"), 4),
        (("--until", "2026-03-02"), 2),
        (("--since", "2026-03-04", "--until", "2026-03-05"), 3),
    ],
)
def test_event_filters(db: Path, args: tuple[str, ...], count: int) -> None:
    code, out, _ = run("events", "--db", str(db), "--format", "jsonl", *args)
    assert code == 0
    assert len(jsonl(out)) == count


def test_events_csv(db: Path) -> None:
    code, out, _ = run("events", "--db", str(db), "--format", "csv", "--type", "ACCUSE")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert [(r["source_country"], r["target_country"], r["reports"]) for r in rows] == [
        ("VEN", "GUY", "2")
    ]
    assert json.loads(rows[0]["outlets"]) == ["Meridian Times", "Southern Observer"]


def test_event_detail_lists_every_report(db: Path) -> None:
    [disputed] = jsonl(
        run("events", "--db", str(db), "--format", "jsonl", "--status", "disputed")[1]
    )
    code, out, _ = run("event", str(disputed["id"]), "--db", str(db))
    assert code == 0
    assert "Pacific Monitor" in out and "Tokyo Evening Report" in out
    assert "contradiction (occurrence)" in out
    code, out, _ = run("event", str(disputed["id"]), "--db", str(db), "--json")
    [detail] = jsonl(out)
    assert len(detail["mentions"]) == 2  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("event", "e-0000000000"), "no event 'e-0000000000'"),
        (("events", "--since", "March"), "--since: 'March' is not a date"),
    ],
)
def test_user_errors_are_one_line(db: Path, args: tuple[str, ...], message: str) -> None:
    code, _, err = run(*args, "--db", str(db))
    assert code == 1
    assert message in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("verb", ["events", "timeline", "actors", "contradictions"])
def test_missing_database_is_one_line(tmp_path: Path, verb: str) -> None:
    code, _, err = run(verb, "--db", str(tmp_path / "none.duckdb"))
    assert code == 1
    assert (
        err.strip()
        == f"readout: {tmp_path / 'none.duckdb'}: no such database (run `readout ingest` first)"
    )


def test_timeline_is_in_date_order(db: Path) -> None:
    rows = jsonl(run("timeline", "--db", str(db), "--format", "jsonl")[1])
    starts = [r["date"]["start"] for r in rows]  # type: ignore[index]
    assert starts == sorted(starts) and len(starts) == 9
    aliyev = jsonl(run("timeline", "--db", str(db), "--format", "jsonl", "--actor", "aliyev")[1])
    assert len(aliyev) == 3


def test_actors_with_counts(db: Path) -> None:
    code, out, _ = run("actors", "--db", str(db), "--format", "csv")
    counts = {r["name"]: int(r["events"]) for r in csv.DictReader(io.StringIO(out))}
    assert code == 0
    assert counts["Recep Tayyip Erdogan"] == 3
    assert counts["European Union"] == 2


def test_contradictions(db: Path) -> None:
    rows = jsonl(run("contradictions", "--db", str(db), "--format", "jsonl")[1])
    assert sorted(r["kind"] for r in rows) == ["occurrence", "status"]  # type: ignore[type-var]
    code, out, _ = run("contradictions", "--db", str(db))
    assert code == 0 and "Japanese foreign ministry" in out


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet", "plover", "gdelt"])
def test_export_takes_its_format_from_the_extension(db: Path, tmp_path: Path, fmt: str) -> None:
    name = {"plover": "events.json", "gdelt": "events.export.csv"}.get(fmt, f"events.{fmt}")
    target = tmp_path / name
    code, _, err = run("export", str(target), "--db", str(db))
    assert code == 0 and f"9 events written to {target} ({fmt})" in err
    if fmt == "parquet":
        table = pq.read_table(target)
        assert table.num_rows == 9 and "quad_class" in table.column_names
    elif fmt == "csv":
        assert len(list(csv.DictReader(target.open()))) == 9
    elif fmt == "plover":
        assert len(json.loads(target.read_text())) == 9
    elif fmt == "gdelt":
        assert [len(line.split("\t")) for line in target.read_text().splitlines()] == [61] * 9
    else:
        assert len(jsonl(target.read_text())) == 9


def test_export_csv_is_csv_whatever_the_default(db: Path, tmp_path: Path) -> None:
    """`export out.csv` once wrote JSON Lines: the extension now decides."""
    target = tmp_path / "out.csv"
    assert run("export", str(target), "--db", str(db))[0] == 0
    assert target.read_text().startswith("id,seq,first_seen,date_start")


def test_export_filters_and_format_override(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "only.txt"
    code, _, err = run("export", str(target), "--format", "jsonl", "--type", "sanction",
                       "--db", str(db))  # fmt: skip
    rows = jsonl(target.read_text())
    assert code == 0 and rows and all(r["type"] == "SANCTION" for r in rows)
    assert f"{len(rows)} event" in err


def test_export_unknown_extension_is_one_line(db: Path, tmp_path: Path) -> None:
    code, _, err = run("export", str(tmp_path / "out.xml"), "--db", str(db))
    assert code == 1 and err.count("\n") == 1
    assert "cannot tell the export format from the file name" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["events", "--type", "BOGUS"], "unknown event type 'BOGUS'"),
        (["events", "--status", "happened"], "unknown status 'happened'"),
        (["timeline", "--type", "MEET"], "unknown event type 'MEET'"),
        (["export", "x.csv", "--status", "done"], "unknown status 'done'"),
        (["events", "--since", "March"], "--since: 'March' is not a date"),
    ],
)
def test_bad_type_and_status_are_refused_like_the_api(
    db: Path, args: list[str], message: str
) -> None:
    code, out, err = run(*args, "--db", str(db))
    assert code == 1 and out == ""
    assert err.startswith("readout: ") and message in err and err.count("\n") == 1


def test_type_and_status_take_any_case(db: Path) -> None:
    code, out, _ = run("events", "--type", "consult", "--status", "OCCURRED", "--db", str(db),
                       "--format", "jsonl")  # fmt: skip
    rows = jsonl(out)
    assert code == 0 and rows
    assert all(r["type"] == "CONSULT" and r["status"] == "occurred" for r in rows)


def test_timeline_has_the_filters_of_events(db: Path) -> None:
    for flag, value in (("--type", "SANCTION"), ("--status", "occurred"), ("--since", "2026-03-05"),
                        ("--until", "2026-03-05"), ("--country", "JPN"), ("--q", "pipeline")):  # fmt: skip
        timeline_rows = jsonl(run("timeline", flag, value, "--db", str(db), "--format", "jsonl")[1])
        event_rows = jsonl(run("events", flag, value, "--db", str(db), "--format", "jsonl")[1])
        dated = {r["id"] for r in event_rows if r["date"]}
        assert {r["id"] for r in timeline_rows} == dated, flag


def test_timeline_says_how_many_undated_events_it_left_out(tmp_path: Path) -> None:
    path = tmp_path / "undated.duckdb"
    gold = load_gold()
    with Store(path) as store:
        for article in read_corpus():
            undated = [dataclasses.replace(e, date=None) for e in gold_events(article, gold)]
            store.add_article(dataclasses.replace(article, published=None), undated[:1])
            break
    code, out, err = run("timeline", "--db", str(path), "--format", "jsonl")
    assert code == 0 and out == ""
    assert "1 matching event without a date left out" in err


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.strip() == f"readout {version('readout')}"


def test_counts_read_as_english(db: Path) -> None:
    _, out, _ = run("events", "--db", str(db), "--type", "REJECT")
    assert "1 event\n" in out or " 1 event " in out
    _, out, _ = run("contradictions", "--db", str(db), "--format", "table")
    assert "2 contradictions" in out


def test_export_to_unwritable_path(db: Path, tmp_path: Path) -> None:
    code, _, err = run("export", str(tmp_path / "no" / "dir.csv"), "--db", str(db))
    assert code == 1
    assert "cannot write export" in err
