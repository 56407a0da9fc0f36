"""Expanding user paths: folders recursively and sorted, hidden entries skipped."""

from __future__ import annotations

import logging
import os
import socket
from pathlib import Path

import pytest

from readout.ingest import discover
from readout.ingest.discover import doc_name


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


def test_special_entries_are_skipped_with_a_note_and_never_opened(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A self-loop (ln -s self self), a dangling link, a FIFO, a socket and a device."""
    (tmp_path / "a.txt").write_text("Constructed example.")
    (tmp_path / "self").symlink_to("self")
    (tmp_path / "dangling").symlink_to("nowhere")
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "null").symlink_to("/dev/null")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(tmp_path / "sock"))
        with caplog.at_level(logging.WARNING, logger="readout.ingest"):
            found = [doc for doc, _ in discover([str(tmp_path)])]
    assert found == [str(tmp_path / "a.txt")]
    notes = sorted(caplog.messages)
    assert notes == [
        f"{tmp_path / 'dangling'}: skipped (a broken symbolic link)",
        f"{tmp_path / 'fifo'}: skipped (a FIFO, not a regular file)",
        f"{tmp_path / 'null'}: skipped (a device, not a regular file)",
        f"{tmp_path / 'self'}: skipped (a symbolic link loop)",
        f"{tmp_path / 'sock'}: skipped (a socket, not a regular file)",
    ]


def test_a_folder_holding_only_a_fifo_ends(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo")
    assert list(discover([str(tmp_path)])) == []


def test_names_that_are_not_utf8_keep_their_bytes(tmp_path: Path) -> None:
    raw = os.fsencode(str(tmp_path)) + b"/caf\xe9 \\ note.txt"
    with open(raw, "wb") as stream:
        stream.write(b"Constructed example.")
    ((doc, path),) = list(discover([str(tmp_path)]))
    assert doc == f"{tmp_path}/caf\\xe9 \\\\ note.txt"
    doc.encode("utf-8")  # storable and printable as it is
    assert os.fsencode(path) == raw


def test_doc_name_leaves_utf8_names_alone() -> None:
    assert doc_name("Erdoğan \\ notes.txt") == "Erdoğan \\ notes.txt"
    assert doc_name(os.fsdecode(b"a\xff")) == "a\\xff"
