"""A fixture database and real uvicorn servers on 127.0.0.1, once per session."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "web"))

import webfixture
from webfixture import WRITE_TOKEN


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return webfixture.build_db(tmp_path_factory.mktemp("api") / "fixture.duckdb")


@pytest.fixture(scope="session")
def api_url(fixture_db: Path) -> Iterator[str]:
    """A read-only server: no token, so POST is refused."""
    with webfixture.running_server(fixture_db) as base:
        yield base


@pytest.fixture(scope="session")
def write_url(fixture_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server with a write token, over its own copy so reads elsewhere stay fixed."""
    copy = tmp_path_factory.mktemp("api-write") / "writable.duckdb"
    shutil.copy(fixture_db, copy)
    with webfixture.running_server(copy, token=WRITE_TOKEN) as base:
        yield base
