"""Damaged and foreign databases: one line naming the file and what to do, in every verb
and in ``serve`` (which refuses to start); nothing is created or changed."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "web"))
from webfixture import build_db

from readout.cli.main import app

runner = CliRunner()


@pytest.fixture(scope="module")
def good_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("damage") / "good.duckdb")


def event_id(db: Path) -> str:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return str(con.execute("SELECT min(id) FROM events").fetchone()[0])  # type: ignore[index]
    finally:
        con.close()


def truncated(good: Path, folder: Path) -> Path:
    path = folder / "truncated.duckdb"
    data = good.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def bit_flipped(good: Path, folder: Path) -> Path:
    """One bit flipped every 4 KB after the header: damage in every block readout uses."""
    path = folder / "flipped.duckdb"
    data = bytearray(good.read_bytes())
    for offset in range(12_288, len(data), 4096):
        data[offset] ^= 0x01
    path.write_bytes(bytes(data))
    return path


def header_flipped(good: Path, folder: Path) -> Path:
    path = folder / "header.duckdb"
    data = bytearray(good.read_bytes())
    data[100] ^= 0x40
    path.write_bytes(bytes(data))
    return path


def not_duckdb(good: Path, folder: Path) -> Path:
    path = folder / "text.duckdb"
    path.write_text("id,name\n1,not a database\n")
    return path


DAMAGES = [truncated, bit_flipped, header_flipped, not_duckdb]


def verbs(event: str, out: Path) -> list[list[str]]:
    return [
        ["events"],
        ["events", "--format", "csv"],
        ["timeline"],
        ["contradictions"],
        ["actors"],
        ["event", event],
        ["export", str(out)],
    ]


@pytest.mark.parametrize("damage", DAMAGES, ids=lambda f: f.__name__)
def test_every_verb_says_the_database_is_damaged_in_one_line(
    good_db: Path, tmp_path: Path, damage: object
) -> None:
    bad = damage(good_db, tmp_path)  # type: ignore[operator]
    for args in verbs(event_id(good_db), tmp_path / "out.jsonl"):
        result = runner.invoke(app, [*args, "--db", str(bad)])
        assert result.exit_code == 1, (args, result.output)
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, (args, result.stderr)
        assert lines[0].startswith(f"readout: {bad}: "), (args, lines[0])
        assert "damaged" in lines[0] and "Traceback" not in result.output


@pytest.mark.parametrize("damage", DAMAGES, ids=lambda f: f.__name__)
def test_serve_refuses_to_start_on_a_damaged_database(
    good_db: Path, tmp_path: Path, damage: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[object] = []
    monkeypatch.setattr("uvicorn.run", lambda *a, **k: started.append(a))
    bad = damage(good_db, tmp_path)  # type: ignore[operator]
    result = runner.invoke(app, ["serve", "--db", str(bad)])
    assert result.exit_code == 1 and not started
    (line,) = [line for line in result.stderr.splitlines() if line.strip()]
    assert line.startswith(f"readout: {bad}: ") and "damaged" in line


def test_serve_on_a_missing_path_creates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("uvicorn.run", lambda *a, **k: pytest.fail("must not start"))
    missing = tmp_path / "typo.duckdb"
    result = runner.invoke(app, ["serve", "--db", str(missing)])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"readout: {missing}: no such database (run `readout ingest` first)"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("verb", [["serve"], ["ingest", "-"], ["events"]])
def test_another_applications_duckdb_file_is_refused_and_unchanged(
    tmp_path: Path, verb: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("uvicorn.run", lambda *a, **k: pytest.fail("must not start"))
    path = tmp_path / "sales.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sales (id INTEGER, amount DOUBLE)")
    con.execute("INSERT INTO sales VALUES (1, 9.5)")
    con.close()
    before = path.read_bytes()
    result = runner.invoke(app, [*verb, "--db", str(path)], input="Constructed: a note.\n")
    assert result.exit_code == 1
    assert f"readout: {path}: not a readout database" in result.stderr
    assert "mode" not in result.stderr  # no "read-only" claim before refusing
    assert path.read_bytes() == before
    con = duckdb.connect(str(path), read_only=True)
    assert [t for (t,) in con.execute("SHOW TABLES").fetchall()] == ["sales"]
    con.close()
