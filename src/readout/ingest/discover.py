"""Expand the paths a user gives into the documents to read.

A folder walk survives anything a folder can hold: symbolic links that loop or
point nowhere, FIFOs, sockets and devices are skipped with a one-line note on
the ``readout.ingest`` logger and never opened. Paths the user names
explicitly are passed on as given, so the reader can read a FIFO (``<(cat
feed.jsonl)``) or report what is wrong with the path in one line.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

STDIN = "-"
log = logging.getLogger("readout.ingest")


def discover(paths: Sequence[str]) -> Iterator[tuple[str, Path | None]]:
    """Yield (doc, path) for every document: folders recursively, "-" as stdin (path None).

    ``doc`` is the path as the user wrote it; files inside a folder are named by
    the folder as given joined with their relative path. A name that is not
    valid UTF-8 keeps its undecodable bytes as ``\\xNN`` escapes in ``doc``
    (see ``doc_name``); ``path`` still opens the file. Paths that do not exist
    are yielded too, so the reader can report them and the caller can go on.
    """
    for given in paths:
        if given == STDIN:
            yield STDIN, None
            continue
        path = Path(given)
        if _is_dir(path):
            yield from _walk(given, path, set(), top=True)
        else:
            yield doc_name(given), path


def doc_name(name: str) -> str:
    """A file name as text that can be stored and printed, without losing a byte.

    Names that decode as UTF-8 are returned unchanged. Python hands the bytes of
    other names over as lone surrogates; those become ``\\xNN`` and a backslash
    in such a name becomes ``\\\\``, so the original bytes can be read back.
    """
    if not any("\udc80" <= ch <= "\udcff" for ch in name):
        return name
    out = []
    for ch in name:
        if "\udc80" <= ch <= "\udcff":
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif ch == "\\":
            out.append("\\\\")
        else:
            out.append(ch)
    return "".join(out)


def _is_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _walk(
    given: str, folder: Path, seen: set[str], *, top: bool = False
) -> Iterator[tuple[str, Path]]:
    """Regular files under ``folder`` in sorted order, skipping hidden and special entries."""
    real = os.path.realpath(folder)
    if real in seen:  # a link back to a folder already walked
        log.warning("%s: skipped (a link back to a folder already read)", doc_name(given))
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        if top:
            # The folder the user named: hand it to the reader, which reports it in one line.
            yield doc_name(given), folder
        else:
            log.warning("%s: skipped (cannot list the folder: %s)", doc_name(given), _reason(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        doc = os.path.join(given, entry.name)
        kind = _kind(entry)
        if kind == "dir":
            yield from _walk(doc, Path(entry.path), seen)
        elif kind == "file":
            yield doc_name(doc), Path(entry.path)
        else:
            log.warning("%s: skipped (%s)", doc_name(doc), kind)


def _kind(entry: os.DirEntry[str]) -> str:
    """'file', 'dir', or why the entry is skipped."""
    try:
        mode = os.stat(entry.path).st_mode  # follows links, as readers would
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop"
        if exc.errno == errno.ENOENT and entry.is_symlink():
            return "a broken symbolic link"
        return f"cannot read it: {_reason(exc)}"
    if stat.S_ISDIR(mode):
        return "dir"
    if stat.S_ISREG(mode):
        return "file"
    return special_kind(mode) + ", not a regular file"


def special_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def _reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()
