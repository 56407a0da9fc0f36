"""One real Dask LocalCluster (two worker processes) for the whole distributed suite."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def client() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    from readout.distributed.worker import THREAD_LIMITS

    path = os.pathsep.join(
        [str(HERE), str(HERE.parent / "store"), os.environ.get("PYTHONPATH", "")]
    )
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            env={**THREAD_LIMITS, "PYTHONPATH": path},
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as dask_client,
    ):
        yield dask_client
