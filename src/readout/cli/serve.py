"""``readout serve``: the web app and REST API over a database, on one port."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from readout.cli.common import fail
from readout.cli.main import app
from readout.errors import ReadoutError

TOKEN_HELP = "Enable POST /api/v1/articles for clients sending 'Authorization: Bearer TOKEN'."


@app.command()
def serve(
    db: Annotated[Path, typer.Option("--db", help="The database to serve.")] = Path(
        "readout.duckdb"
    ),
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option("--token", envvar="READOUT_TOKEN", help=TOKEN_HELP, show_default=False),
    ] = None,
) -> None:
    """Serve the timeline, network, events and articles at http://HOST:PORT (API under /api/v1)."""
    import uvicorn

    from readout.api import create_app

    try:
        web_app = create_app(str(db), token=token)
    except ReadoutError as err:
        fail(err)
    mode = "read-write (POST needs the token)" if token else "read-only"
    typer.echo(f"readout: serving {db} {mode} at http://{host}:{port}/", err=True)
    uvicorn.run(web_app, host=host, port=port, log_level="warning")
