"""Text from articles on a terminal and in spreadsheets: shown, never obeyed; and count
options that are out of range or unknown actor codes are one line, never a traceback."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from readout.cli.main import app
from readout.model import Actor, Article, Attribution, DateSpan, Event, Evidence
from readout.store.db import Store

runner = CliRunner()
ESC = "\x1b"
# An evidence sentence that would clear the screen, set a window title, make a link and
# start a formula, with Rich markup for good measure.
HOSTILE = (
    f'=HYPERLINK("http://x") Turkey accused Greece {ESC}[2J{ESC}]0;owned\x07 of '
    f"{ESC}]8;;http://evil{ESC}\\violations{ESC}]8;;{ESC}\\ [blink]today[/blink] \x9b31m."
)


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    db = tmp_path_factory.mktemp("hostile") / "h.duckdb"
    article = Article(
        doc=f"{ESC}[31mred.txt",
        text=HOSTILE,
        title=f"@SUM(A1) {ESC}[1mtitle",
        outlet=f"-2+3 {ESC}[5mPost",
        published=dt.date(2026, 3, 4),
        published_source="metadata",
    )
    event = Event(
        doc=article.doc,
        type="ACCUSE",
        mode=None,
        cameo="112",
        source=Actor(f"+Turkey {ESC}[7m", "TUR", "GOV", None, "state"),
        target=Actor("Greece", "GRC", "GOV", None, "state"),
        date=DateSpan(dt.date(2026, 3, 4), dt.date(2026, 3, 4), "day", "today"),
        attribution=(Attribution(f"@{ESC}[8mhidden", "official", "denies"),),
        evidence=(Evidence(article.doc, HOSTILE, 0, len(HOSTILE)),),
        trigger="accused",
        published=article.published,
        published_source="metadata",
    )
    with Store(db) as store:
        store.add_article(article, [event])
        found = store.events()
    return db, str(found[0]["id"])


def formula(cell: str) -> bool:
    """A cell a spreadsheet would evaluate: starts like a formula and is not a number."""
    try:
        float(cell)
    except ValueError:
        return cell.startswith(("=", "+", "-", "@"))
    return False


def no_raw_controls(text: str) -> None:
    assert ESC not in text and "\x07" not in text and "\x9b" not in text


@pytest.mark.parametrize(
    "args",
    [["events"], ["timeline"], ["actors"], ["contradictions"], ["events", "--format", "csv"]],
)
def test_listings_show_escapes_as_text(hostile_db: tuple[Path, str], args: list[str]) -> None:
    db, _ = hostile_db
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 0, result.output
    no_raw_controls(result.stdout)


def test_event_shows_escape_codes_and_markup_as_text(hostile_db: tuple[Path, str]) -> None:
    db, event_id = hostile_db
    result = runner.invoke(app, ["event", event_id, "--db", str(db)])
    assert result.exit_code == 0, result.output
    no_raw_controls(result.stdout)
    flat = " ".join(result.stdout.split())
    assert "\\x1b[2J" in flat or "\\x1b[2" in flat  # shown, escaped
    assert "[blink]today[/blink]" in flat  # Rich markup printed, not applied


def test_jsonl_escapes_c1_controls_and_keeps_the_text(hostile_db: tuple[Path, str]) -> None:
    db, event_id = hostile_db
    result = runner.invoke(app, ["event", event_id, "--json", "--db", str(db)])
    no_raw_controls(result.stdout)
    detail = json.loads(result.stdout)
    assert detail["mentions"][0]["sentence"] == HOSTILE  # lossless once parsed


def test_csv_neutralises_formulas(hostile_db: tuple[Path, str], tmp_path: Path) -> None:
    db, _ = hostile_db
    result = runner.invoke(app, ["events", "--format", "csv", "--db", str(db)])
    rows = list(csv.reader(io.StringIO(result.stdout)))
    cells = [cell for row in rows[1:] for cell in row]
    assert cells and not any(formula(cell) for cell in cells)
    assert any(cell.startswith("'@SUM(A1)") for cell in cells)  # the title, neutralised
    out = tmp_path / "events.csv"
    assert runner.invoke(app, ["export", str(out), "--db", str(db)]).exit_code == 0
    with out.open(newline="") as stream:
        exported = [cell for row in list(csv.reader(stream))[1:] for cell in row]
    assert exported and not any(formula(cell) for cell in exported)
    no_raw_controls(out.read_text())


@pytest.mark.parametrize("value", ["99999999999999999999", "-1", "0"])
@pytest.mark.parametrize("verb", ["events", "actors"])
def test_limit_out_of_range_is_one_line(
    hostile_db: tuple[Path, str], verb: str, value: str
) -> None:
    db, _ = hostile_db
    result = runner.invoke(app, [verb, "--limit", value, "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"readout: --limit: {value} is out of range (use 1 to 1,000,000)"
    )


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            "people: [{name: Ana Ruiz, roles: [[Minister, XXZ, GOV, 2020-01-01, null]]}]",
            "unknown country code 'XXZ'",
        ),
        (
            "people: [{name: Ana Ruiz, roles: [[Minister, ESP, NOTASECTOR, 2020-01-01, null]]}]",
            "unknown sector 'NOTASECTOR'",
        ),
        ("organisations: [{code: ABC, name: Alpha Bloc, sector: NOTASECTOR}]", "unknown sector"),
    ],
)
def test_actor_files_with_unknown_codes_are_refused(
    tmp_path: Path, entry: str, message: str
) -> None:
    actors = tmp_path / "mine.yaml"
    actors.write_text(entry + "\n")
    result = runner.invoke(
        app, ["extract", "-", "--actors", str(actors)], input="Constructed: Spain met France."
    )
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"readout: {actors}: ") and message in line
