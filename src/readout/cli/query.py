"""Analyst verbs over the store: events, event, timeline, actors, contradictions, export."""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import duckdb
import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from readout.cli.common import check_limit, fail, parse_day, plural, show_notes, warn
from readout.cli.ingest import DEFAULT_DB
from readout.cli.main import app
from readout.cli.terminal import cell, json_line
from readout.errors import ReadoutError, printable
from readout.export.cells import neutralise
from readout.export.files import FORMATS, export_file, format_for, write_csv
from readout.export.rows import Selection, with_articles
from readout.query.filters import checked_status, checked_type
from readout.store.db import Store
from readout.store.opening import damaged

T = TypeVar("T")
DbOption = Annotated[Path, typer.Option("--db", help="The DuckDB store.")]
ActorOption = Annotated[
    str | None, typer.Option("--actor", help="Actor name, key or country code.")
]
CountryOption = Annotated[str | None, typer.Option("--country", help="ISO3 country code.")]


class Format(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


FormatOption = Annotated[Format, typer.Option("--format", help="Output format.")]
TypeOption = Annotated[
    str | None, typer.Option("--type", help="PLOVER event type (AGREE, CONSULT, ...).")
]
StatusOption = Annotated[
    str | None, typer.Option("--status", help="Event status (occurred, planned, ...).")
]
SinceOption = Annotated[str | None, typer.Option("--since", help="From date (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option("--until", help="To date (YYYY-MM-DD).")]
TextOption = Annotated[str | None, typer.Option("--q", help="Words in the evidence or names.")]


def event_filters(
    actor: str | None,
    country: str | None,
    type: str | None,
    status: str | None,
    since: str | None,
    until: str | None,
    q: str | None = None,
) -> dict[str, Any]:
    """The filter options as ``Store.events`` arguments; a bad value is a one-line error."""
    try:
        found = {
            "actor": actor,
            "country": country,
            "type": checked_type(type),
            "status": checked_status(status),
            "since": parse_day(since, "--since"),
            "until": parse_day(until, "--until"),
            "q": q,
        }
    except ReadoutError as err:
        fail(err)
    return {key: value for key, value in found.items() if value not in (None, "")}


@contextmanager
def open_store(db: Path) -> Iterator[Store]:
    """The store for reading (its snapshot while a writer is at work); a missing, damaged
    or foreign database, found at open or by a query, is a one-line error."""
    show_notes()
    try:
        store = Store.for_reading(db)
    except ReadoutError as err:
        fail(err)
    if store.source == "snapshot":
        warn(f"{db}: a writer is at work; reading the snapshot it last published")
    try:
        with store:
            yield store
    except ReadoutError as err:
        fail(err)
    except duckdb.Error as err:
        fail(damaged(str(db), err))


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
    table = Table(title=cell(title), show_lines=False)
    for column in ("date", "type/mode", "source → target", "status", "reports", "sources", "id"):
        table.add_column(column, overflow="fold")
    for e in events:
        kind = f"{e['type']}/{e['mode']}" if e.get("mode") else e["type"]
        status = e["status"] + (" (hedged)" if e.get("hedged") else "")
        if e.get("contradictions"):
            status += f" ⚠{e['contradictions']}"
        table.add_row(
            *map(
                cell,
                (
                    _date_label(e.get("date")),
                    kind,
                    f"{_actor_label(e.get('source'))} → {_actor_label(e.get('target'))}",
                    status,
                    str(e["reports"]),
                    ", ".join(e.get("sources", [])),
                    e["id"],
                ),
            )
        )
    return table


def write_jsonl(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        sys.stdout.write(json_line(row) + "\n")


def print_events(store: Store, events: list[dict[str, Any]], fmt: Format, title: str) -> None:
    """JSON Lines: the store's event records; CSV: the analysis rows of ``readout export``."""
    if fmt is Format.jsonl:
        write_jsonl(events)
    elif fmt is Format.csv:
        write_csv(with_articles(store, events), sys.stdout)
    else:
        Console(width=160).print(event_table(events, title))


@app.command()
def events(
    actor: ActorOption = None,
    country: CountryOption = None,
    type: TypeOption = None,
    status: StatusOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    q: TextOption = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many events.")] = 1000,
    fmt: FormatOption = Format.table,
    db: DbOption = DEFAULT_DB,
) -> None:
    """List merged events, filtered."""
    filters = event_filters(actor, country, type, status, since, until, q)
    check_limit(limit)
    with open_store(db) as store:
        found = store.events(**filters, limit=limit)
        print_events(store, found, fmt, plural(len(found), "event"))


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
        write_jsonl([detail])
        return
    console = Console(width=160)
    console.print(event_table([detail], f"event {event_id}"))
    reports = Table(title="reports")
    for column in ("published", "outlet", "status", "date", "sentence", "claims"):
        reports.add_column(column, overflow="fold")
    for m in detail["mentions"]:
        claims = "; ".join(f"{a['name']} {a['stance']}" for a in m["attribution"])
        reports.add_row(
            *map(
                cell,
                (
                    m["published"] or "?",
                    m["outlet"] or m["doc"],
                    m["status"] + (" (hedged)" if m["hedged"] else ""),
                    _date_label(m["date"]),
                    m["sentence"] or "",
                    claims,
                ),
            )
        )
    console.print(reports)
    for c in detail["contradiction_list"]:
        console.print(
            Text.assemble((f"contradiction ({c['kind']}):", "bold"), " ", cell(c["detail"]))
        )


@app.command()
def timeline(
    actor: ActorOption = None,
    country: CountryOption = None,
    type: TypeOption = None,
    status: StatusOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    q: TextOption = None,
    fmt: FormatOption = Format.table,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Dated events in date order; says how many matching events it leaves out undated."""
    filters = event_filters(actor, country, type, status, since, until, q)
    with open_store(db) as store:
        found = store.timeline(**filters)
        undated = store.count_events(**filters) - len(found)
        print_events(store, found, fmt, f"timeline: {plural(len(found), 'dated event')}")
    if undated:
        print(
            f"{plural(undated, 'matching event')} without a date left out"
            " (`readout events` lists them)",
            file=sys.stderr,
        )


def _print_rows(
    rows: list[dict[str, Any]], columns: tuple[str, ...], fmt: Format, title: str
) -> None:
    if fmt is Format.jsonl:
        write_jsonl(rows)
        return
    if fmt is Format.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(neutralise(printable(_cell(row.get(c)))) for c in columns)
        return
    table = Table(title=cell(title))
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(cell(_cell(row.get(c))) for c in columns))
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
    check_limit(limit)
    with open_store(db) as store:
        found = store.actors(limit=limit)
    columns = ("key", "name", "country", "sector", "role", "kind", "events")
    _print_rows(found, columns, fmt, plural(len(found), "actor"))


@app.command()
def contradictions(fmt: FormatOption = Format.table, db: DbOption = DEFAULT_DB) -> None:
    """Events whose reports disagree: on occurrence, date or status."""
    with open_store(db) as store:
        found = store.contradictions()
    columns = ("event_id", "kind", "detail", "sources_for", "sources_against")
    if fmt is not Format.jsonl:
        found = [{k: v for k, v in c.items() if k != "event"} for c in found]
    _print_rows(found, columns, fmt, plural(len(found), "contradiction"))


@app.command("export")
def export_command(
    path: Annotated[
        Path, typer.Argument(help="The file to write; its extension names the format.")
    ],
    fmt: Annotated[
        str | None,
        typer.Option("--format", help=f"Override the extension: {', '.join(FORMATS)}."),
    ] = None,
    actor: ActorOption = None,
    country: CountryOption = None,
    type: TypeOption = None,
    status: StatusOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    q: TextOption = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write the events (all, or those the filters select) to a file.

    .csv, .jsonl and .parquet hold one analysis row per event (dates, actors'
    country, sector and role, QuadClass, intensity, url, title, outlet); .json is
    PLOVER-style events; .export.csv (or .gdelt.tsv) is GDELT 2.0's events table.
    """
    filters = event_filters(actor, country, type, status, since, until, q)
    chosen = _guarded(lambda: format_for(path, fmt))
    with open_store(db) as store:
        count = _guarded(lambda: export_file(store, path, chosen, Selection(filters)))
    print(f"{plural(count, 'event')} written to {path} ({chosen})", file=sys.stderr)


def _guarded(action: Callable[[], T]) -> T:
    try:
        return action()
    except ReadoutError as err:
        fail(err)
