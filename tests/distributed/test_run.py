"""``readout run`` on a real two-worker LocalCluster equals a sequential ``readout ingest``."""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Any

import duckdb
import httpx
import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "fixtures" / "web"))
from crawls import (
    corpus_records,
    db_tables,
    feed_lines,
    store_tables,
    wait_for,
    write_feed,
    write_warc,
)
from gold_extractor import GoldExtractor, gold, slow_gold
from webfixture import running_server

from readout.cli import main as cli  # first: the verbs import each other through it
from readout.cli.ingest import run_ingest
from readout.distributed.layout import Layout
from readout.distributed.runner import RunOptions, run
from readout.distributed.worker import Job
from readout.pipeline import Extractor
from readout.store.dataset import load_dataset
from readout.store.db import Store

RECORDS = corpus_records()
runner = CliRunner()


def crawl(folder: Path) -> list[str]:
    """A JSONL feed (with an exact duplicate, a bad line and a blank one) and a WARC crawl."""
    folder.mkdir()
    lines = feed_lines(RECORDS[0:2] + RECORDS[5:13])  # 01 and its syndicated copy 12
    lines[4:4] = ["", "{this is not json", lines[1]]
    feed = write_feed(folder / "feed.jsonl", lines)
    warc = write_warc(folder / "crawl.warc.gz", RECORDS[2:5] + RECORDS[13:])
    return [str(feed), str(warc)]


def sequential(inputs: list[str], db: Path, extractor: Any) -> dict[str, Any]:
    with Store(db) as store:
        run_ingest(inputs, store, extractor)
    return db_tables(db)


def dataset_tables(out: Path) -> dict[str, Any]:
    with Store(out, read_only=True) as store:
        return store_tables(store._con)


def test_a_warc_and_a_feed_on_two_workers_equal_a_sequential_ingest(
    client: Any, tmp_path: Path, extractor: Extractor
) -> None:
    inputs = crawl(tmp_path / "in")
    want = sequential(inputs, tmp_path / "seq.duckdb", extractor)
    assert len(want["events"]) >= 10 and len(want["contradictions"]) >= 1

    out = tmp_path / "dataset"
    summary = run(inputs, Job(str(out)), client, RunOptions(shard_size=3))
    assert summary.workers == 2 and summary.complete
    assert summary.merged["duplicates"] == 1 and summary.merged["near_duplicates"] == 1
    assert dataset_tables(out) == want  # read in place
    load_dataset(out, tmp_path / "loaded.duckdb")
    assert db_tables(tmp_path / "loaded.duckdb") == want

    # The bad line is counted and listed, one line, in its shard's errors file.
    assert summary.errors == 1
    [listed] = [p.read_text() for p in Layout(out).errors_dir.glob("*.txt")]
    assert listed.count("\n") == 1 and "feed.jsonl#6" in listed

    # The query verbs read the dataset as they read a database.
    for verb in (["events"], ["timeline"], ["contradictions"], ["actors"]):
        on_db = runner.invoke(
            cli.app, [*verb, "--format", "jsonl", "--db", str(tmp_path / "seq.duckdb")]
        )
        on_dataset = runner.invoke(cli.app, [*verb, "--format", "jsonl", "--db", str(out)])
        assert on_dataset.exit_code == 0, on_dataset.stderr
        assert on_dataset.stdout == on_db.stdout and on_db.stdout

    # So do the API and the web UI.
    with running_server(tmp_path / "seq.duckdb") as db_url, running_server(out) as dataset_url:
        for path in ("/api/v1/stats", "/api/v1/events?limit=500", "/api/v1/network"):
            assert httpx.get(dataset_url + path).json() == httpx.get(db_url + path).json()
        assert httpx.get(dataset_url + "/").status_code == 200
        refused = httpx.post(dataset_url + "/api/v1/articles", json={"text": "x"})
        assert refused.status_code in (401, 403, 405)


def test_typed_partitioned_parquet(client: Any, tmp_path: Path) -> None:
    inputs = crawl(tmp_path / "in")
    out = tmp_path / "dataset"
    run(inputs, Job(str(out), extractor=gold), client, RunOptions(shard_size=4))
    months = sorted(p.name for p in (out / "events").iterdir())
    assert "month=2026-03" in months
    con = duckdb.connect()
    described = {
        row[0]: row[1]
        for row in con.execute(
            f"DESCRIBE SELECT * FROM read_parquet('{out}/mentions/*/*.parquet')"
        ).fetchall()
    }
    assert described["date_start"] == "DATE" and described["published"] == "DATE"
    assert described["attribution"].startswith("STRUCT(") and described["attribution"].endswith(
        "[]"
    )
    assert described["source_actor"].startswith("STRUCT(")
    assert "json" not in described


@pytest.mark.parametrize(("shard_size", "buckets"), [(1, 1), (2, 7), (100, 2)])
def test_merging_does_not_depend_on_shards_or_blocks(
    client: Any, tmp_path: Path, shard_size: int, buckets: int
) -> None:
    inputs = crawl(tmp_path / "in")
    want = sequential(inputs, tmp_path / "seq.duckdb", GoldExtractor())
    out = tmp_path / "dataset"
    run(inputs, Job(str(out), extractor=gold), client, RunOptions(shard_size, buckets=buckets))
    assert dataset_tables(out) == want

    # A rerun after a merge that did not finish merges again, over other buckets, alike.
    Layout(out).merged_file.unlink()
    again = run(inputs, Job(str(out), extractor=gold), client, RunOptions(shard_size, buckets=5))
    assert again.resumed == again.shards and again.merged["buckets"] == 5
    assert dataset_tables(out) == want


def test_a_worker_killed_mid_shard_has_its_shard_redone_exactly_once(
    client: Any, tmp_path: Path
) -> None:
    inputs = crawl(tmp_path / "in")
    want = sequential(inputs, tmp_path / "seq.duckdb", GoldExtractor())
    out = tmp_path / "dataset"
    layout = Layout(out)
    result: dict[str, Any] = {}

    def go() -> None:
        result["summary"] = run(inputs, Job(str(out), extractor=slow_gold), client, RunOptions(2))

    thread = threading.Thread(target=go)
    thread.start()
    wait_for(lambda: len(layout.finished_shards()) >= 1, 60, "a first finished shard")
    pids = client.run(os.getpid)
    busy = {w: keys for w, keys in client.processing().items() if keys}
    victim = sorted(busy)[0]
    running = {k.rsplit("-", 1)[0].removeprefix("readout-shard-") for k in busy[victim]}
    os.kill(pids[victim], signal.SIGKILL)
    thread.join(120)
    summary = result["summary"]

    assert summary.complete and not summary.failed
    done = layout.finished_shards()
    assert running <= set(done)
    assert all(done[s]["worker_pid"] != pids[victim] for s in running)  # redone elsewhere
    assert dataset_tables(out) == want
    con = duckdb.connect()
    positions = con.execute(
        f"SELECT source_no, record_no, count(*) FROM read_parquet('{layout.shard_glob('articles')}')"
        " GROUP BY ALL HAVING count(*) > 1"
    ).fetchall()
    assert positions == []  # every article once in the shards' files
    assert not list((out / "shards").glob("*/*/.*"))  # no temporary file left
    assert json.loads(layout.merged_file.read_text())["shards"] == sorted(done)
