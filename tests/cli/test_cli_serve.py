"""``readout serve``: options, the token from the environment, one-line errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from readout.cli.main import app
from readout.model import Article
from readout.store.db import Store


def test_serve_passes_options_and_env_token(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr(
        "uvicorn.run", lambda app_, host, port, **_: seen.update(host=host, port=port, app=app_)
    )
    db = tmp_path / "r.duckdb"
    with Store(db) as store:
        store.add_article(Article("a.txt", "Constructed: envoys met in Oslo on Monday."), [])
    result = CliRunner().invoke(
        app,
        ["serve", "--db", str(db), "--port", "8123", "--workers", "1"],
        env={"READOUT_TOKEN": "tok"},
    )
    assert result.exit_code == 0, result.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8123
    assert seen["app"].state.token == "tok"
    seen["app"].state.access.close()  # what the app's shutdown does


def test_serve_reports_an_unopenable_database_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-db.duckdb"
    bad.write_text("this is not a database\n")
    result = CliRunner().invoke(app, ["serve", "--db", str(bad)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("readout: ") and str(bad) in lines[0]
