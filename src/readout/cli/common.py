"""Helpers shared by CLI verbs: one-line errors on stderr, exit codes."""

from __future__ import annotations

import datetime as dt
import logging
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import NoReturn

import typer

from readout.errors import InputError, ReadoutError, printable
from readout.ingest import discover, read_source
from readout.limits import calendar_problem
from readout.model import Article


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """'1 event', '2 events', '0 events'; ``nouns`` for irregular plurals."""
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


def warn(message: str) -> None:
    """Print a one-line problem report on stderr."""
    print(f"readout: {' '.join(printable(str(message)).split())}", file=sys.stderr)


class _NoteHandler(logging.Handler):
    """Notes from the library (a skipped FIFO, replaced bytes) as ``readout: ...`` lines."""

    def emit(self, record: logging.LogRecord) -> None:
        warn(record.getMessage())


def show_notes() -> None:
    """Send the library's notes (ingest, store) to stderr, once per process."""
    for name in ("readout.ingest", "readout.store"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, _NoteHandler) for h in logger.handlers):
            logger.addHandler(_NoteHandler(logging.WARNING))


def fail(err: ReadoutError | str) -> NoReturn:
    """Report a problem the user can fix and exit 1, without a traceback."""
    warn(str(err))
    raise typer.Exit(code=1)


def parse_day(value: str | None, option: str = "--published") -> dt.date | None:
    """A YYYY-MM-DD option value, or a one-line error naming the option."""
    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{option}: {value!r} is not a date (use YYYY-MM-DD)")
    problem = calendar_problem(day)
    if problem:
        fail(f"{option}: {problem}")
    return day


MAX_LIMIT = 1_000_000


def check_limit(value: int, option: str = "--limit") -> int:
    """A count option between 1 and MAX_LIMIT, or a one-line error naming the option."""
    if not 1 <= value <= MAX_LIMIT:
        fail(f"{option}: {value} is out of range (use 1 to {MAX_LIMIT:,})")
    return value


def read_articles(
    paths: Sequence[str],
    published: dt.date | None,
    on_error: Callable[[ReadoutError], None],
) -> Iterator[Article]:
    """Every readable article under ``paths``; each file that cannot be read is
    reported in one line on stderr, handed to ``on_error`` and skipped."""
    show_notes()
    for doc, path in discover(paths):
        try:
            yield from read_source(doc, path, published=published)
        except ReadoutError as err:
            warn(str(err))
            on_error(err)
        except Exception as exc:  # a bug in a reader must not stop the other files
            problem = InputError(f"cannot read ({type(exc).__name__}: {exc})", path=doc)
            warn(str(problem))
            on_error(problem)
