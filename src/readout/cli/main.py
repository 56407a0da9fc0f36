"""The ``readout`` command: a thin layer of verbs over library functions.

Each verb lives in its own module under ``readout.cli`` and registers itself on
``app``; errors a user can fix print one line (``readout: ...``) and exit 1.
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import Annotated

import typer

app = typer.Typer(
    name="readout",
    help="News articles in; a sourced, dated record of who did what to whom out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def installed_version() -> str:
    try:
        return version("readout")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown (not installed)"


def _print_version(asked: bool) -> None:
    if asked:
        print(f"readout {installed_version()}")
        raise typer.Exit()


@app.callback()
def main(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print the version and exit.",
            callback=_print_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """News articles in; a sourced, dated record of who did what to whom out."""


# Each module registers its commands on ``app`` when imported.
COMMAND_MODULES = ("extract", "explain", "evaluate", "ingest", "query", "serve", "run", "load")

for _name in COMMAND_MODULES:
    try:
        importlib.import_module(f"readout.cli.{_name}")
    except ModuleNotFoundError as exc:  # a verb not built yet
        if exc.name != f"readout.cli.{_name}":
            raise
