"""Expand the paths a user gives into the documents to read."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

STDIN = "-"


def discover(paths: Sequence[str]) -> Iterator[tuple[str, Path | None]]:
    """Yield (doc, path) for every document: folders recursively, "-" as stdin (path None).

    ``doc`` is the path as the user wrote it; files inside a folder are named by
    the folder as given joined with their relative path. Paths that do not exist
    are yielded too, so the reader can report them and the caller can go on.
    """
    for given in paths:
        if given == STDIN:
            yield STDIN, None
            continue
        path = Path(given)
        if path.is_dir():
            yield from _walk(given, path, set())
        else:
            yield given, path


def _walk(given: str, folder: Path, seen: set[str]) -> Iterator[tuple[str, Path]]:
    """Files under ``folder`` in sorted order, skipping hidden files and folders."""
    real = os.path.realpath(folder)
    if real in seen:  # a symlink loop
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        # Unreadable folder: hand it to the reader, which reports it in one line.
        yield given, folder
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        doc = os.path.join(given, entry.name)
        if entry.is_dir():
            yield from _walk(doc, Path(entry.path), seen)
        else:
            yield doc, Path(entry.path)
