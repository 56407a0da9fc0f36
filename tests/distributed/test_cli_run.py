"""The ``readout run`` command: SIGKILL the driver mid-run, rerun, and nothing is done twice."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import psutil
import pytest

sys.path.insert(0, str(Path(__file__).parent))
import contextlib

from crawls import db_tables, store_tables, wait_for, write_feed

from readout.cli import main as cli  # first: the verbs import each other through it
from readout.cli.ingest import run_ingest
from readout.distributed.layout import Layout
from readout.pipeline import Extractor
from readout.store.db import Store

READOUT = Path(sys.executable).with_name("readout")
STATES = ["France", "India", "Brazil", "Kenya", "Norway", "Qatar", "Vietnam", "Peru", "Chile"]
WORDS = ["harbour", "wheat", "ferry", "rainfall", "museum", "railway", "orchard", "bridge"]


def news_feed(path: Path, count: int) -> Path:
    """Distinct short articles, most with an event or two, over two months."""
    rng = random.Random(9)
    lines = []
    for i in range(count):
        a, b = rng.sample(STATES, 2)
        text = " ".join(
            [
                f"{a} and {b} held talks in Geneva on March {1 + i % 27}, officials said.",
                " ".join(rng.choice(WORDS) for _ in range(30)) + ".",
                f"{a} accused {b} of delaying a trade deal.",
            ]
        )
        month = "03" if i % 3 else "04"
        record = {"id": f"n{i}", "title": f"Report {i}", "outlet": f"Outlet {i % 4}",
                  "published": f"2026-{month}-28", "text": text}  # fmt: skip
        lines.append(json.dumps(record))
    return write_feed(path, lines)


def markers(layout: Layout) -> dict[str, tuple[int, str]]:
    return {p.stem: (p.stat().st_mtime_ns, p.read_text()) for p in layout.done_dir.glob("*.json")}


def kill_tree(proc: subprocess.Popen[str]) -> None:
    """SIGKILL the driver; then its cluster's processes (started by it), by their ids."""
    children = psutil.Process(proc.pid).children(recursive=True)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    for child in children:
        with contextlib.suppress(psutil.NoSuchProcess):
            child.kill()
    psutil.wait_procs(children, timeout=10)


@pytest.mark.slow
def test_sigkill_of_the_driver_then_a_rerun_does_every_shard_exactly_once(
    tmp_path: Path, extractor: Extractor
) -> None:
    feed = news_feed(tmp_path / "news.jsonl", 160)
    out = tmp_path / "dataset"
    layout = Layout(out)
    command = [str(READOUT), "run", str(feed), "--out", str(out), "--workers", "2",
               "--shard-size", "2", "--no-dashboard"]  # fmt: skip
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        wait_for(lambda: len(markers(layout)) >= 3, 120, "three finished shards")
    finally:
        kill_tree(proc)
    before = markers(layout)
    assert 3 <= len(before) < 80  # killed in the middle of the run

    rerun = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    summary = rerun.stderr.strip().splitlines()[-1]
    assert "160 articles in 80 shards" in summary
    resumed = int(summary.split("(")[1].split(" done before")[0])
    assert resumed >= len(before)
    after = markers(layout)
    assert len(after) == 80
    assert all(after[shard] == mark for shard, mark in before.items())  # not redone

    with Store(tmp_path / "seq.duckdb") as store:
        run_ingest([str(feed)], store, extractor)
    with Store(out, read_only=True) as dataset:
        got: dict[str, Any] = store_tables(dataset._con)
    assert got == db_tables(tmp_path / "seq.duckdb")
    assert len(got["articles"]) == 160 and got["events"]


def test_one_line_errors(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    runner = CliRunner()
    bad_day = runner.invoke(
        cli.app, ["run", "x.jsonl", "--out", str(tmp_path), "--published", "soon"]
    )
    assert bad_day.exit_code == 1 and "--published" in bad_day.stderr
    not_merged = runner.invoke(cli.app, ["events", "--db", str(tmp_path)])
    assert not_merged.exit_code == 1
    assert "not a finished readout dataset" in not_merged.stderr
    assert len(not_merged.stderr.strip().splitlines()) == 1
    loaded = runner.invoke(cli.app, ["load", str(tmp_path), "--db", str(tmp_path / "x.duckdb")])
    assert loaded.exit_code == 1 and "not a finished readout dataset" in loaded.stderr
