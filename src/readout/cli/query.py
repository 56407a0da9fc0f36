"""Analyst verbs over the store: events, event, timeline, actors, contradictions, export."""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from readout.cli.common import fail, parse_day
from readout.cli.ingest import DEFAULT_DB
from readout.cli.main import app
from readout.errors import ReadoutError
from readout.store.db import Store
from readout.store.export import export_events, write_csv, write_jsonl

DbOption = Annotated[Path, typer.Option("--db", help="The DuckDB store.")]
ActorOption = Annotated[
    str | None, typer.Option("--actor", help="Actor name, key or country code.")
]
CountryOption = Annotated[str | None, typer.Option("--country", help="ISO3 country code.")]


class Format(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


FormatOption = Annotated[Format, typer.Option("--format", help="Output format.")]


@contextmanager
def open_store(db: Path) -> Iterator[Store]:
    """The store, read-only; a missing or broken database is a one-line error."""
    try:
        store = Store(db, read_only=True)
    except ReadoutError as err:
        fail(err)
    with store:
        yield store


def _actor_label(actor: dict[str, Any] | None) -> str:
    if actor is None:
        return "–"
    country = actor.get("country")
    return f"{actor['name']} ({country})" if country and country != actor["name"] else actor["name"]


def _date_label(date: dict[str, Any] | None) -> str:
    if date is None:
        return "undated"
    if date["start"] == date["end"]:
        return str(date["start"])
    return f"{date['start']}..{date['end']}"


def event_table(events: list[dict[str, Any]], title: str) -> Table:
    table = Table(title=title, show_lines=False)
    for column in ("date", "type/mode", "source → target", "status", "reports", "sources", "id"):
        table.add_column(column, overflow="fold")
    for e in events:
        kind = f"{e['type']}/{e['mode']}" if e.get("mode") else e["type"]
        status = e["status"] + (" (hedged)" if e.get("hedged") else "")
        if e.get("contradictions"):
            status += f" ⚠{e['contradictions']}"
        table.add_row(
            _date_label(e.get("date")),
            kind,
            f"{_actor_label(e.get('source'))} → {_actor_label(e.get('target'))}",
            status,
            str(e["reports"]),
            ", ".join(e.get("sources", [])),
            e["id"],
        )
    return table


def print_events(events: list[dict[str, Any]], fmt: Format, title: str) -> None:
    if fmt is Format.jsonl:
        write_jsonl(events, sys.stdout)
    elif fmt is Format.csv:
        write_csv(events, sys.stdout)
    else:
        Console(width=160).print(event_table(events, title))


@app.command()
def events(
    actor: ActorOption = None,
    country: CountryOption = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER event type.")] = None,
    status: Annotated[str | None, typer.Option("--status", help="Event status.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="From date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="To date (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many events.")] = 1000,
    fmt: FormatOption = Format.table,
    db: DbOption = DEFAULT_DB,
) -> None:
    """List merged events, filtered."""
    start, end = parse_day(since, "--since"), parse_day(until, "--until")
    with open_store(db) as store:
        found = store.events(
            actor=actor,
            country=country,
            type=type,
            status=status,
            since=start,
            until=end,
            limit=limit,
        )
    print_events(found, fmt, f"{len(found)} events")


@app.command()
def event(
    event_id: Annotated[str, typer.Argument(help="An event id (e-…).")],
    json_out: Annotated[bool, typer.Option("--json", help="Print the event as JSON.")] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """One event with all its reports, evidence sentences, sources and stances."""
    with open_store(db) as store:
        detail = store.event(event_id)
    if detail is None:
        fail(f"{db}: no event {event_id!r}")
    if json_out:
        write_jsonl([detail], sys.stdout)
        return
    console = Console(width=160)
    console.print(event_table([detail], f"event {event_id}"))
    reports = Table(title="reports")
    for column in ("published", "outlet", "status", "date", "sentence", "claims"):
        reports.add_column(column, overflow="fold")
    for m in detail["mentions"]:
        claims = "; ".join(f"{a['name']} {a['stance']}" for a in m["attribution"])
        reports.add_row(
            m["published"] or "?",
            m["outlet"] or m["doc"],
            m["status"] + (" (hedged)" if m["hedged"] else ""),
            _date_label(m["date"]),
            m["sentence"] or "",
            claims,
        )
    console.print(reports)
    for c in detail["contradiction_list"]:
        console.print(f"[bold]contradiction ({c['kind']}):[/bold] {c['detail']}")


@app.command()
def timeline(
    actor: ActorOption = None,
    country: CountryOption = None,
    fmt: FormatOption = Format.table,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Dated events in date order."""
    with open_store(db) as store:
        found = store.timeline(actor=actor, country=country)
    print_events(found, fmt, "timeline")


def _print_rows(
    rows: list[dict[str, Any]], columns: tuple[str, ...], fmt: Format, title: str
) -> None:
    if fmt is Format.jsonl:
        write_jsonl(rows, sys.stdout)
        return
    if fmt is Format.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        return
    table = Table(title=title)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
    Console(width=160).print(table)


def _cell(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return "" if value is None else str(value)


@app.command()
def actors(
    limit: Annotated[int, typer.Option("--limit", help="At most this many actors.")] = 500,
    fmt: FormatOption = Format.table,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Actors with the number of events they take part in."""
    with open_store(db) as store:
        found = store.actors(limit=limit)
    columns = ("key", "name", "country", "sector", "role", "kind", "events")
    _print_rows(found, columns, fmt, f"{len(found)} actors")


@app.command()
def contradictions(fmt: FormatOption = Format.table, db: DbOption = DEFAULT_DB) -> None:
    """Events whose reports disagree: on occurrence, date or status."""
    with open_store(db) as store:
        found = store.contradictions()
    columns = ("event_id", "kind", "detail", "sources_for", "sources_against")
    if fmt is not Format.jsonl:
        found = [{k: v for k, v in c.items() if k != "event"} for c in found]
    _print_rows(found, columns, fmt, f"{len(found)} contradictions")


@app.command("export")
def export_command(
    path: Annotated[Path, typer.Argument(help="The file to write.")],
    fmt: Annotated[
        ExportFormat, typer.Option("--format", help="File format.")
    ] = ExportFormat.jsonl,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write every event to a CSV, JSON Lines or Parquet file."""
    with open_store(db) as store:
        count = _guarded(lambda: export_events(store, fmt.value, path))
    print(f"{count} events written to {path}", file=sys.stderr)


def _guarded(action: Callable[[], int]) -> int:
    try:
        return action()
    except ReadoutError as err:
        fail(err)
