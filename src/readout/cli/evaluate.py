"""``readout eval GOLD DOCS``: score extraction against a gold file."""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from pathlib import Path

import typer

from readout.cli.common import fail
from readout.cli.main import app
from readout.errors import ReadoutError
from readout.evaluation.scoring import score
from readout.ingest import read_source
from readout.output import event_to_dict
from readout.pipeline import Extractor


class Scope(StrEnum):
    international = "international"
    all = "all"


@app.command("eval")
def evaluate(
    gold: Path = typer.Argument(..., help="Gold JSONL: one document per line with its events."),
    docs: Path = typer.Argument(..., help="Folder holding the gold documents."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List misses and extras."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    scope: Scope = typer.Option(
        Scope.international,
        help="international: set aside events within one country; all: keep them.",
    ),
    save: Path | None = typer.Option(
        None,
        "--predictions",
        help="Also write the predictions as JSONL (for the shared scorer's --pred).",
    ),
) -> None:
    """Score readout's events on a gold set (same matching rules as the shared scorer)."""
    try:
        gold_docs = [
            json.loads(line)
            for line in gold.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    except (OSError, ValueError) as exc:
        fail(f"{gold}: cannot read the gold file: {exc}")
    extractor = Extractor()
    predictions: dict[str, list[dict[str, object]]] = {}
    try:
        for g in gold_docs:
            published = dt.date.fromisoformat(g["published"]) if g.get("published") else None
            path = docs / g["doc"]
            events: list[dict[str, object]] = []
            for _, found in extractor.extract_many(
                read_source(str(path), path, published=published)
            ):
                events.extend(event_to_dict(e) for e in found)
            predictions[g["doc"]] = events
    except ReadoutError as err:
        fail(err)
    if save is not None:
        lines = [json.dumps(e, ensure_ascii=False) for found in predictions.values() for e in found]
        try:
            save.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        except OSError as exc:
            fail(f"{save}: cannot write the predictions: {exc}")
    summary, tally = score(gold_docs, predictions, scope.value)
    if verbose:
        for line in tally.lines:
            typer.echo(line)
    if as_json:
        typer.echo(json.dumps(summary))
    typer.echo("SUMMARY " + " ".join(f"{k}={v}" for k, v in summary.items()))
