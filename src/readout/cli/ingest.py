"""``readout ingest``: read articles, extract their events, store and merge them."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn

from readout.cli.common import fail, parse_day, plural, read_articles, show_notes, warn
from readout.cli.main import app
from readout.errors import ReadoutError, StoreError
from readout.isolation import extract_isolated
from readout.model import Article
from readout.pipeline import Extractor
from readout.store.db import AddResult, Store

DEFAULT_DB = Path("readout.duckdb")


@dataclass
class Tally:
    """What an ingest run did, for the progress bar and the summary line."""

    added: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    events: int = 0
    new_events: int = 0
    errors: int = 0
    undated: int = 0  # added articles without a publication date

    def error(self, _err: ReadoutError) -> None:
        self.errors += 1

    def reported(self, err: ReadoutError) -> None:
        warn(str(err))
        self.errors += 1

    def count(self, result: AddResult, article: Article) -> None:
        if result.status == "duplicate":
            self.duplicates += 1
            return
        self.added += 1
        self.undated += article.published is None
        self.near_duplicates += result.status == "near_duplicate"
        self.events += result.mentions
        self.new_events += result.new_events

    def summary(self) -> str:
        return (
            f"{plural(self.added, 'article')} added "
            f"({plural(self.near_duplicates, 'near-duplicate')} linked), "
            f"{plural(self.duplicates, 'duplicate')} skipped, "
            f"{plural(self.events, 'event mention')}, {plural(self.new_events, 'new event')}, "
            f"{plural(self.errors, 'error')}"
        )

    def undated_report(self) -> str:
        """How many added articles have no publication date, and what that costs."""
        if not self.undated:
            return "0 undated articles: every added article has a publication date"
        return (
            f"{plural(self.undated, 'added article')} without a publication date: "
            "dates they give relative to it ('on Monday', 'last week') stay unresolved, "
            "so their events are undated and matched more cautiously; give the date with "
            "--published or a date field (see README, 'Feed fields')"
        )


def _progress(console: Console) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.completed} articles"),
        TextColumn("{task.fields[rate]:.1f}/s"),
        TextColumn("{task.fields[events]} events"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


def run_ingest(
    paths: Sequence[str],
    store: Store,
    extractor: Extractor,
    *,
    published: dt.date | None = None,
    verbose: bool = False,
) -> Tally:
    """Ingest every article under ``paths`` into ``store``; one transaction per article.

    Each article is read, extracted and stored on its own account: any failure
    is one line naming the article, and every other article is still stored."""
    tally = Tally()
    console = Console(stderr=True)
    show = console.is_terminal
    with _progress(console) if show else _NoProgress() as progress:
        task = progress.add_task("ingest", total=None, rate=0.0, events=0)
        started = dt.datetime.now()
        articles = read_articles(paths, published, tally.error)
        pairs = extract_isolated(extractor, articles, tally.reported)
        for done, (article, events) in enumerate(pairs, start=1):
            try:
                result = store.add_article(article, events)
            except ReadoutError as err:
                tally.reported(err)
                continue
            except Exception as exc:  # the store rolled back; the next article goes on
                tally.reported(
                    StoreError(f"cannot store ({type(exc).__name__}: {exc})", path=article.doc)
                )
                continue
            tally.count(result, article)
            if verbose:
                line = f"{result.status} {article.doc} as {result.article_id}: {len(events)} events"
                print(line, file=sys.stderr, flush=True)
            seconds = max((dt.datetime.now() - started).total_seconds(), 1e-6)
            progress.update(task, completed=done, rate=done / seconds, events=tally.events)
    return tally


class _NoProgress:
    """Stands in for the progress bar when stderr is not a terminal."""

    def __enter__(self) -> _NoProgress:
        return self

    def __exit__(self, *args: object) -> None:
        return None

    def add_task(self, description: str, **fields: object) -> TaskID:
        return TaskID(0)

    def update(self, task: TaskID, **fields: object) -> None:
        return None


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders, JSONL feeds, WARC files, or - for stdin.")
    ],
    db: Annotated[Path, typer.Option("--db", help="The DuckDB store.")] = DEFAULT_DB,
    published: Annotated[
        str | None,
        typer.Option("--published", help="Publication date (YYYY-MM-DD) for all inputs."),
    ] = None,
    actors: Annotated[
        list[Path] | None, typer.Option("--actors", help="Extra actor file (repeatable).")
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="One line per stored article.")
    ] = False,
) -> None:
    """Read articles into the store; already stored articles are skipped."""
    day = parse_day(published, "--published")
    show_notes()
    try:
        extractor = Extractor(actor_files=tuple(actors or ()))
        with Store(db) as store:
            tally = run_ingest(paths, store, extractor, published=day, verbose=verbose)
    except ReadoutError as err:
        fail(err)
    print(tally.undated_report(), file=sys.stderr)
    print(tally.summary(), file=sys.stderr)
    if tally.errors:
        raise typer.Exit(code=1)
