"""Open one source (a file, a FIFO, stdin) as a byte stream, and read it within limits.

Nothing is read before the checks: a folder, a device, a socket or a missing
file is a one-line ``InputError``; a FIFO is opened without blocking, so one
with no writer reads as empty instead of hanging. Reads are bounded, so
``/dev/zero`` or an endless pipe costs at most the limit, never all memory.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from readout.errors import InputError
from readout.ingest.discover import special_kind

_CHUNK = 1 << 16


def check_file(doc: str, path: Path) -> os.stat_result:
    """The file's status, or InputError unless it is a regular file or a FIFO (reads nothing)."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise InputError(_stat_problem(exc), path=doc) from exc
    except ValueError as exc:  # a NUL byte in the name
        raise InputError("not a valid file name", path=doc) from exc
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        readable = os.access(path, os.R_OK | os.X_OK)
        raise InputError(
            "is a directory, not a file" if readable else "cannot read folder (permission denied)",
            path=doc,
        )
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
        raise InputError(f"is {special_kind(mode)}, not a file readout can read", path=doc)
    return info


def _stat_problem(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "no such file"
    if exc.errno == errno.ELOOP:
        return "is a symbolic link loop"
    if exc.errno == errno.EACCES:
        return "cannot read file (permission denied)"
    return f"cannot read file ({(exc.strerror or type(exc).__name__).lower()})"


@contextmanager
def open_source(doc: str, path: Path | None) -> Iterator[BinaryIO]:
    """The source's bytes as a stream: stdin when ``path`` is None."""
    if path is None:
        yield sys.stdin.buffer
        return
    info = check_file(doc, path)
    try:
        stream = _open_fifo(path) if stat.S_ISFIFO(info.st_mode) else path.open("rb")
    except OSError as exc:
        raise InputError(_stat_problem(exc), path=doc) from exc
    with stream:
        yield stream


def _open_fifo(path: Path) -> BinaryIO:
    """Open a FIFO without waiting for a writer, then read it normally."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def read_limited(
    doc: str, stream: BinaryIO, limit: int, head: bytes = b"", *, what: str = "file"
) -> bytes:
    """All of the stream after ``head``, or InputError when it holds more than ``limit`` bytes."""
    parts = [head]
    size = len(head)
    while size <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    if size > limit:
        raise InputError(f"{what} is too large (more than {limit:,} bytes)", path=doc)
    return b"".join(parts)


def check_size(doc: str, path: Path | None, limit: int) -> None:
    """Refuse a regular file larger than ``limit`` before reading any of it."""
    if path is None:
        return
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return  # open_source reports it
    if stat.S_ISREG(info.st_mode) and info.st_size > limit:
        raise InputError(f"file is too large ({info.st_size:,} bytes; limit {limit:,})", path=doc)


class _Prefixed(io.RawIOBase):
    """A stream that first gives back bytes already read, then the rest of the source."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(buffer))
        size = len(data)
        buffer[:size] = data
        return size


def prefixed(head: bytes, rest: BinaryIO) -> io.BufferedReader:
    """``head`` followed by ``rest``, as one buffered stream with ``readline``."""
    return io.BufferedReader(_Prefixed(head, rest), buffer_size=_CHUNK)


def iter_lines(stream: io.BufferedReader, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(1-based number, line) for each line; None for a line longer than ``limit`` bytes,
    which is skipped without ever being held in memory whole."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(_CHUNK)
            yield number, None
            continue
        yield number, line
