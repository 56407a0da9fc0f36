"""``readout run``: a news archive through a Dask cluster into a Parquet dataset."""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer

from readout.cli.common import fail, parse_day
from readout.cli.main import app
from readout.errors import ReadoutError


@contextmanager
def dask_client(scheduler: str | None, workers: int | None, dashboard: bool) -> Iterator[Any]:
    """A client of the cluster at ``scheduler``, or of a new local one: one worker
    process per core, one thread each (spaCy is CPU-bound), BLAS kept to one thread."""
    from distributed import Client, LocalCluster

    from readout.distributed.worker import THREAD_LIMITS

    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise ReadoutError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        with client:
            yield client
        return
    # Ctrl-C goes to the whole process group: the workers ignore it (they inherit the
    # ignored signal), and the driver alone stops the run and closes the cluster.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        cluster = LocalCluster(
            host="127.0.0.1",  # the scheduler and workers listen on this machine only
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":8787" if dashboard else None,
            env=THREAD_LIMITS,
            silence_logs=logging.ERROR,
        )
    finally:
        signal.signal(signal.SIGINT, previous)
    with cluster, Client(cluster) as client:
        yield client


@app.command("run")
def run_command(
    inputs: Annotated[
        list[str], typer.Argument(help="Files, folders, JSONL feeds (.gz/.zst too), WARC files.")
    ],
    out: Annotated[Path, typer.Option("--out", help="The Parquet dataset folder to write.")],
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Join this Dask cluster (tcp://HOST:8786)."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="Local worker processes (default: one per core)."),
    ] = None,
    shard_size: Annotated[
        int, typer.Option("--shard-size", min=1, help="Articles per task.")
    ] = 200,
    published: Annotated[
        str | None,
        typer.Option("--published", help="Publication date (YYYY-MM-DD) for all inputs."),
    ] = None,
    actors: Annotated[
        list[Path] | None, typer.Option("--actors", help="Extra actor file (repeatable).")
    ] = None,
    dashboard: Annotated[
        bool, typer.Option("--dashboard/--no-dashboard", help="Serve the Dask dashboard.")
    ] = True,
) -> None:
    """Extract events from many articles on a Dask cluster into a Parquet dataset.

    Rerun the same command after a crash or Ctrl-C: finished shards are kept.
    """
    from readout.distributed.progress import RunProgress
    from readout.distributed.runner import RunOptions, run, summary_line
    from readout.distributed.worker import Job

    day = parse_day(published, "--published")
    job = Job(str(out), day, tuple(str(p) for p in actors or ()))
    progress = RunProgress(dashboard=dashboard)
    try:
        with dask_client(scheduler, workers, dashboard) as client:
            summary = run(inputs, job, client, RunOptions(shard_size=shard_size), progress)
    except ReadoutError as err:
        fail(err)
    except KeyboardInterrupt:
        progress.stop()
        print(
            f"readout: interrupted; finished shards are kept in {out}: rerun to finish the rest",
            file=sys.stderr,
        )
        raise typer.Exit(code=130) from None
    for failure in summary.failed:
        print(f"readout: shard {failure}", file=sys.stderr)
    print(summary_line(summary, str(out)), file=sys.stderr)
    if summary.errors:
        print(f"bad articles are listed one per line in {out / 'errors'}", file=sys.stderr)
    if not summary.complete or summary.errors:
        raise typer.Exit(code=1)
