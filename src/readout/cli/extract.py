"""``readout extract``: articles in, events out, no database needed."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from readout.cli.common import fail, parse_day, read_articles, warn
from readout.cli.main import app
from readout.cli.terminal import cell, json_line, json_text
from readout.errors import ReadoutError
from readout.isolation import extract_isolated
from readout.model import Event
from readout.output import event_to_dict
from readout.pipeline import Extractor


class Format(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


@app.command()
def extract(
    paths: list[str] = typer.Argument(
        ..., help="Files, folders, JSONL feeds, WARC files, or - for stdin."
    ),
    published: str | None = typer.Option(None, help="Publication date YYYY-MM-DD for every input."),
    actors: list[Path] = typer.Option([], "--actors", help="Extra actor YAML file(s)."),
    fmt: Format = typer.Option(Format.jsonl, "--format", help="jsonl, json or table."),
) -> None:
    """Read events from articles and print them (one JSON object per line by default)."""
    day = parse_day(published)
    errors: list[ReadoutError] = []
    try:
        extractor = Extractor(actor_files=actors)

        def failed(err: ReadoutError) -> None:
            warn(str(err))
            errors.append(err)

        results = extract_isolated(extractor, read_articles(paths, day, errors.append), failed)
        if fmt is Format.jsonl:
            for _, events in results:
                for event in events:
                    sys.stdout.write(json_line(event_to_dict(event)) + "\n")
                sys.stdout.flush()
        elif fmt is Format.json:
            everything = [event_to_dict(e) for _, events in results for e in events]
            sys.stdout.write(json_text(everything, indent=2) + "\n")
        else:
            print_table([e for _, events in results for e in events])
    except ReadoutError as err:
        fail(err)
    if errors:
        raise typer.Exit(code=1)


def print_table(events: list[Event]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for column in ("date", "event", "source", "target", "status", "said by", "doc"):
        table.add_column(column, overflow="fold")
    for e in events:
        date = e.date.start.isoformat() if e.date else "-"
        if e.date and e.date.precision != "day":
            date = f"{date} ({e.date.precision})"
        kind = f"{e.type}/{e.mode}" if e.mode else e.type
        said = ", ".join(sorted({a.name for a in e.attribution if a.kind != "publisher"}))
        row = (
            date,
            f"{kind} [{e.cameo}]",
            _actor(e.source),
            _actor(e.target),
            e.status + (" (hedged)" if e.hedged else ""),
            said or "-",
            Path(e.doc).name,
        )
        table.add_row(*map(cell, row))
    console = Console() if sys.stdout.isatty() else Console(width=160)
    console.print(table)
    Console(stderr=True).print(f"{len(events)} events")


def _actor(actor: object) -> str:
    if actor is None:
        return "-"
    name = getattr(actor, "name", "")
    country = getattr(actor, "country", None)
    return f"{name} ({country})" if country and country != name else str(name)
