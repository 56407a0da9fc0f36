"""Helpers shared by CLI verbs: one-line errors on stderr, exit codes."""

from __future__ import annotations

import sys
from typing import NoReturn

import typer

from readout.errors import ReadoutError


def warn(message: str) -> None:
    """Print a one-line problem report on stderr."""
    print(f"readout: {' '.join(str(message).split())}", file=sys.stderr)


def fail(err: ReadoutError | str) -> NoReturn:
    """Report a problem the user can fix and exit 1, without a traceback."""
    warn(str(err))
    raise typer.Exit(code=1)
