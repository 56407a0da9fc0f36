"""``readout extract`` as a user runs it: a real process, real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = (
    "date 2025-03-14\n\nSpain recalled its ambassador from Argentina on Tuesday, "
    "the Spanish foreign ministry said.\n"
)


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "readout", "extract", *args],
        capture_output=True, text=True, input=stdin, timeout=300,
    )  # fmt: skip


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("inputs")
    (root / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (root / "empty.txt").write_text("", encoding="utf-8")
    (root / "latin1.txt").write_bytes(
        "Le président français a rencontré le chancelier allemand à Berlin.".encode("latin-1")
    )
    (root / "bad.jsonl").write_text(
        '{"text": "Japan protested to China."}\n{not json\n', encoding="utf-8"
    )
    (root / "broken.html").write_text("<html><body><p>Unclosed <b>tags <div>", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def folder_run(folder: Path) -> subprocess.CompletedProcess[str]:
    return run(str(folder), "--format", "jsonl")


def test_good_files_are_still_read(folder_run: subprocess.CompletedProcess[str]) -> None:
    events = [json.loads(line) for line in folder_run.stdout.splitlines()]
    assert any(e["doc"].endswith("good.txt") and e["type"] == "SANCTION" for e in events)
    for e in events:  # the output contract's fields
        assert {
            "doc",
            "type",
            "mode",
            "cameo",
            "source",
            "target",
            "date",
            "status",
            "attribution",
            "evidence",
        } <= set(e)


@pytest.mark.parametrize("name", ["binary.txt", "empty.txt", "bad.jsonl"])
def test_each_bad_file_gets_one_line_naming_it(
    folder_run: subprocess.CompletedProcess[str], name: str
) -> None:
    lines = [line for line in folder_run.stderr.splitlines() if name in line]
    assert len(lines) == 1, folder_run.stderr
    assert lines[0].startswith("readout: ")


def test_no_traceback_and_exit_code_one(folder_run: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in folder_run.stderr
    assert folder_run.returncode == 1


def test_missing_file_is_reported(tmp_path: Path) -> None:
    proc = run(str(tmp_path / "nope.txt"))
    assert proc.returncode == 1
    assert "nope.txt" in proc.stderr and "Traceback" not in proc.stderr


def test_bad_published_date_is_one_line() -> None:
    proc = run("-", "--published", "last tuesday", stdin=ARTICLE)
    assert proc.returncode == 1
    assert proc.stderr.strip().count("\n") == 0 and "--published" in proc.stderr


def test_stdin_and_published_override(tmp_path: Path) -> None:
    proc = run("-", "--published", "2025-03-20", stdin=ARTICLE)
    assert proc.returncode == 0, proc.stderr
    (event,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert event["published"] == "2025-03-20" and event["published_source"] == "cli"
    assert event["date"]["start"] == "2025-03-18"  # the Tuesday before the 20th


def test_dateline_gives_the_publication_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    proc = run(str(path), "--format", "json")
    (event,) = json.loads(proc.stdout)
    assert event["published_source"] == "dateline"
    assert event["date"] == {
        "start": "2025-03-11",
        "end": "2025-03-11",
        "precision": "day",
        "text": "on Tuesday",
    }


def test_table_format(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    proc = run(str(path), "--format", "table")
    assert proc.returncode == 0
    assert "SANCTION" in proc.stdout and "Argentina" in proc.stdout


def test_user_actor_file_adds_people(tmp_path: Path) -> None:
    actors = tmp_path / "actors.yaml"
    actors.write_text(
        "people:\n"
        "- id: tove-lindqvist\n"
        "  name: Tove Lindqvist\n"
        "  surnames: [Lindqvist]\n"
        "  roles: [[Minister of Foreign Affairs, SWE, GOV, 2031-01-01, null]]\n",
        encoding="utf-8",
    )
    text = "Lindqvist met the Finnish foreign minister in Helsinki on Monday."
    plain = run("-", "--published", "2031-05-07", stdin=text)
    assert plain.returncode == 0 and plain.stdout.strip() == ""  # unknown surname: no event
    proc = run("-", "--published", "2031-05-07", "--actors", str(actors), stdin=text)
    (event,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert event["source"]["name"] == "Tove Lindqvist" and event["source"]["country"] == "SWE"
    assert event["target"]["country"] == "FIN"


def test_bad_actor_file_is_one_line(tmp_path: Path) -> None:
    actors = tmp_path / "actors.yaml"
    actors.write_text("people: [ {name: ", encoding="utf-8")
    proc = run("-", "--actors", str(actors), stdin=ARTICLE)
    assert proc.returncode == 1 and "actors.yaml" in proc.stderr and "Traceback" not in proc.stderr
