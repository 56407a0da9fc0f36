"""The ``readout`` command: a thin layer of verbs over library functions.

Each verb lives in its own module under ``readout.cli`` and registers itself on
``app``; errors a user can fix print one line (``readout: ...``) and exit 1.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="readout",
    help="News articles in; a sourced, dated record of who did what to whom out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Each module registers its commands on ``app`` when imported.
COMMAND_MODULES = ("extract", "evaluate", "ingest", "query", "serve", "distribute")

for _name in COMMAND_MODULES:
    try:
        importlib.import_module(f"readout.cli.{_name}")
    except ModuleNotFoundError as exc:  # a verb not built yet
        if exc.name != f"readout.cli.{_name}":
            raise
