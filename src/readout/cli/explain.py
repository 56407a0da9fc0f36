"""``readout explain``: for one document, why each sentence did or did not become an event."""

from __future__ import annotations

from pathlib import Path

import typer

from readout.cli.common import fail, parse_day, read_articles
from readout.cli.main import app
from readout.errors import ReadoutError, printable
from readout.explain import Explanation, explain
from readout.pipeline import NO_TRIGGER, Extractor


@app.command("explain")
def explain_command(
    paths: list[str] = typer.Argument(..., help="Files, folders, feeds, or - for stdin."),
    published: str | None = typer.Option(None, help="Publication date YYYY-MM-DD."),
    actors: list[Path] = typer.Option([], "--actors", help="Extra actor YAML file(s)."),
    every: bool = typer.Option(False, "--all", help="Also list sentences with no trigger word."),
) -> None:
    """Show, sentence by sentence, what readout found and why it did or did not code an event."""
    day = parse_day(published)
    errors: list[ReadoutError] = []
    try:
        extractor = Extractor(actor_files=actors)
        for article in read_articles(paths, day, errors.append):
            _print(explain(extractor, article), every)
    except ReadoutError as err:
        fail(err)
    if errors:
        raise typer.Exit(code=1)


def _print(found: Explanation, every: bool) -> None:
    article = found.article
    published = article.published.isoformat() if article.published else "unknown"
    typer.echo(
        f"== {_clean(article.doc)} (published {published}, home country {found.home or 'unknown'})"
    )
    for s in found.sentences:
        if s.verdict == NO_TRIGGER and not every:
            continue
        typer.echo(f"\n@{s.start} {_clean(s.text)}")
        typer.echo(f"   actors: {_clean(', '.join(s.actors)) or 'none'}")
        typer.echo(f"   {s.verdict}")
        for t in s.triggers:
            typer.echo(f"   - {_clean(t.word)} [{t.reading}]: {_clean(t.outcome)}")
    typer.echo(f"\n{len(found.events)} events after merging and completing:")
    for e in found.events:
        source = f"{e.source.name} ({e.source.country})" if e.source else "?"
        target = f"{e.target.name} ({e.target.country})" if e.target else "?"
        typer.echo(_clean(f"   {e.type} {source} -> {target} [{e.status}] '{e.trigger}'"))


def _clean(text: object) -> str:
    """Article text is untrusted: control characters are shown, not obeyed."""
    return printable(str(text)).replace("\n", " ")
