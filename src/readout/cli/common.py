"""Helpers shared by CLI verbs: one-line errors on stderr, exit codes."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import NoReturn

import typer

from readout.errors import ReadoutError
from readout.ingest import discover, read_source
from readout.model import Article


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """'1 event', '2 events', '0 events'; ``nouns`` for irregular plurals."""
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


def warn(message: str) -> None:
    """Print a one-line problem report on stderr."""
    print(f"readout: {' '.join(str(message).split())}", file=sys.stderr)


def fail(err: ReadoutError | str) -> NoReturn:
    """Report a problem the user can fix and exit 1, without a traceback."""
    warn(str(err))
    raise typer.Exit(code=1)


def parse_day(value: str | None, option: str = "--published") -> dt.date | None:
    """A YYYY-MM-DD option value, or a one-line error naming the option."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{option}: {value!r} is not a date (use YYYY-MM-DD)")


def read_articles(
    paths: Sequence[str],
    published: dt.date | None,
    on_error: Callable[[ReadoutError], None],
) -> Iterator[Article]:
    """Every readable article under ``paths``; each file that cannot be read is
    reported in one line on stderr, handed to ``on_error`` and skipped."""
    for doc, path in discover(paths):
        try:
            yield from read_source(doc, path, published=published)
        except ReadoutError as err:
            warn(str(err))
            on_error(err)
