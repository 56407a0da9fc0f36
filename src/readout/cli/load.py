"""``readout load``: a Parquet dataset of ``readout run`` into a DuckDB store."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from readout.cli.common import fail
from readout.cli.ingest import DEFAULT_DB
from readout.cli.main import app
from readout.errors import ReadoutError
from readout.store.dataset import load_dataset


@app.command()
def load(
    dataset: Annotated[Path, typer.Argument(help="A dataset folder written by `readout run`.")],
    db: Annotated[Path, typer.Option("--db", help="The DuckDB store (new or empty).")] = DEFAULT_DB,
) -> None:
    """Bring a dataset into a store: the CLI, API and web UI then read it from there.

    (They also read the dataset in place: pass the folder as --db.)
    """
    try:
        counts = load_dataset(dataset, db)
    except ReadoutError as err:
        fail(err)
    print(
        f"{counts.get('articles', 0)} articles, {counts.get('mentions', 0)} mentions and"
        f" {counts.get('events', 0)} events loaded into {db}",
        file=sys.stderr,
    )
