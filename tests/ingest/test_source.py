"""Opening sources safely: special files, FIFOs, devices, bounded reads, long lines."""

from __future__ import annotations

import io
import os
import sys
import threading
import time
from pathlib import Path

import pytest

from readout.errors import InputError
from readout.ingest import read_source
from readout.ingest.source import check_file, iter_lines, prefixed, read_limited


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.txt: no such file"):
        check_file("nope.txt", tmp_path / "nope.txt")


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        check_file("folder", tmp_path)


def test_symlink_loop_named_explicitly(tmp_path: Path) -> None:
    (tmp_path / "self").symlink_to("self")
    with pytest.raises(InputError, match=r"^self: is a symbolic link loop$"):
        list(read_source("self", tmp_path / "self"))


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused_without_reading(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"{device} is missing")
    with pytest.raises(InputError, match=r"is a device, not a file readout can read"):
        list(read_source(device, Path(device)))


def test_fifo_without_a_writer_reads_as_empty_instead_of_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "feed"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="empty"):
        list(read_source("feed", fifo))


def test_fifo_with_a_writer_is_read_like_stdin(tmp_path: Path) -> None:
    """What `readout ingest <(cat feed.jsonl)` hands over: a pipe."""
    fifo = tmp_path / "feed"
    os.mkfifo(fifo)
    feed = b'{"id": "x", "text": "Constructed: the envoys met in Baku on Monday."}\n'

    def write() -> None:
        with open(fifo, "wb") as stream:
            stream.write(feed)

    writer = threading.Thread(target=write)
    writer.start()
    time.sleep(0.3)  # let the writer wait in open(), as a shell's pipe does
    try:
        articles = list(read_source("feed", fifo))
    finally:
        writer.join(timeout=10)
    assert [a.doc for a in articles] == ["feed#x"]


def test_endless_stdin_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    with open("/dev/zero", "rb") as zeros:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(zeros))
        with pytest.raises(InputError, match=r"^-: input is too large \(more than 1,000 bytes\)"):
            list(read_source("-", None, max_bytes=1000))


def test_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Talks continued. " * 20)
    with pytest.raises(InputError, match=r"^big\.txt: file is too large \(340 bytes; limit 100\)"):
        list(read_source("big.txt", path, max_bytes=100))


def test_read_limited_stops_one_byte_past_the_limit() -> None:
    stream = io.BytesIO(b"x" * 10_000)
    with pytest.raises(InputError, match="more than 100 bytes"):
        read_limited("s", stream, 100)
    assert stream.tell() <= 101
    assert read_limited("s", io.BytesIO(b"abc"), 100, head=b"12") == b"12abc"


def test_long_lines_are_skipped_without_being_held() -> None:
    data = b"short\n" + b"y" * 5000 + b"\nafter\nlast"
    lines = list(iter_lines(prefixed(data[:3], io.BytesIO(data[3:])), 100))
    assert lines == [(1, b"short\n"), (2, None), (3, b"after\n"), (4, b"last")]
