"""Expanding user paths: folders recursively and sorted, hidden entries skipped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from readout.ingest import discover


def test_folder_is_walked_sorted_and_hidden_entries_skipped(fixtures: Path) -> None:
    given = str(fixtures / "folder")
    docs = [doc for doc, _ in discover([given])]
    assert docs == [
        os.path.join(given, "a.txt"),
        os.path.join(given, "b.txt"),
        os.path.join(given, "sub", "c.txt"),
    ]


def test_doc_keeps_the_folder_as_given(fixtures: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(fixtures)
    assert next(discover(["folder/"])) == ("folder/a.txt", Path("folder/a.txt"))
    assert next(discover(["./folder"])) == ("./folder/a.txt", Path("folder/a.txt"))


def test_files_stdin_and_missing_paths_pass_through(fixtures: Path) -> None:
    listed = list(discover(["-", "missing.txt", str(fixtures / "page.html")]))
    assert listed == [
        ("-", None),
        ("missing.txt", Path("missing.txt")),
        (str(fixtures / "page.html"), fixtures / "page.html"),
    ]


def test_symlink_loops_end(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Constructed example.")
    (tmp_path / "loop").symlink_to(tmp_path)
    assert [doc for doc, _ in discover([str(tmp_path)])] == [str(tmp_path / "a.txt")]
