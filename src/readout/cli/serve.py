"""``readout serve``: the web app and REST API over a database, on one port.

With ``--workers N`` (by default one per core, up to four) uvicorn runs N
server processes on the port; each is a reader of its own (see
``readout.query.access``), so requests are served side by side without
sharing a Python lock. The database is checked once, here, before any worker
starts: a missing, damaged or foreign one stops the command in one line.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from readout.cli.common import fail
from readout.cli.main import app
from readout.errors import ReadoutError

TOKEN_HELP = "Enable POST /api/v1/articles for clients sending 'Authorization: Bearer TOKEN'."
DB_VARIABLE = "READOUT_SERVE_DB"
TOKEN_VARIABLE = "READOUT_TOKEN"


def default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


@app.command()
def serve(
    db: Annotated[Path, typer.Option("--db", help="The database to serve.")] = Path(
        "readout.duckdb"
    ),
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option("--token", envvar=TOKEN_VARIABLE, help=TOKEN_HELP, show_default=False),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers", min=1, max=64, help="Server processes (default: one per core, up to 4)."
        ),
    ] = default_workers(),
) -> None:
    """Serve the timeline, network, events and articles at http://HOST:PORT (API under /api/v1)."""
    import uvicorn

    from readout.api import create_app

    try:
        web_app = create_app(str(db), token=token)  # opens, reads it all once, or refuses
    except ReadoutError as err:
        fail(err)
    mode = "read-write (POST needs the token)" if token else "read-only"
    typer.echo(
        f"readout: serving {db} {mode} at http://{host}:{port}/ ({workers} "
        f"{'process' if workers == 1 else 'processes'})",
        err=True,
    )
    if workers == 1:
        uvicorn.run(web_app, host=host, port=port, log_level="warning")
        return
    web_app.state.access.close()  # the workers open their own
    os.environ[DB_VARIABLE] = str(db)
    if token:
        os.environ[TOKEN_VARIABLE] = token
    _run_workers(host, port, workers)


def _run_workers(host: str, port: int, workers: int) -> None:
    """uvicorn's worker processes on one listening socket, as ``uvicorn.run`` starts them,
    but with the socket marked TCP: asyncio sets TCP_NODELAY only on TCP-marked sockets,
    and without it small answers wait 40 ms for a delayed ACK."""
    import socket

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(
        "readout.api.app:app_for_worker",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )
    bound = config.bind_socket()
    sock = socket.socket(bound.family, bound.type, socket.IPPROTO_TCP, fileno=bound.detach())
    Multiprocess(config, sockets=[sock]).run()
