"""Where everything lives in a dataset folder, and how files get there atomically.

    DATASET/
      run.json                          what the run read, and with which options
      shards/articles/month=YYYY-MM/S.parquet   extraction output of shard S
      shards/mentions/month=YYYY-MM/S.parquet
      done/S.json                       the manifest: shard S is finished (written last)
      errors/S.txt                      bad articles of shard S, one line each
      work/                             the merge's intermediate files
      articles/ mentions/ events/       the merged dataset, partitioned by publication
      claims/ contradictions/ actors/   month (month=__HIVE_DEFAULT_PARTITION__: no date)
      merged.json                       the merge is complete (written last)

Every file is written under a temporary name and renamed into place, so a file
that exists is complete, and a shard's files all exist before its ``done`` marker.
Names are fixed by the shard, so a shard run twice (a retry, a rerun after a
crash) rewrites the same files: nothing can appear twice.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

NO_MONTH = "__HIVE_DEFAULT_PARTITION__"
SHARD_TABLES = ("articles", "mentions")
TABLES = ("articles", "mentions", "events", "claims", "contradictions", "actors")
MONTHLY = ("articles", "mentions", "events")


class Layout:
    def __init__(self, root: Path) -> None:
        self.root = root

    @property
    def run_file(self) -> Path:
        return self.root / "run.json"

    @property
    def merged_file(self) -> Path:
        return self.root / "merged.json"

    @property
    def done_dir(self) -> Path:
        return self.root / "done"

    @property
    def errors_dir(self) -> Path:
        return self.root / "errors"

    @property
    def work_dir(self) -> Path:
        return self.root / "work"

    def done_file(self, shard_id: str) -> Path:
        return self.done_dir / f"{shard_id}.json"

    def errors_file(self, shard_id: str) -> Path:
        return self.errors_dir / f"{shard_id}.txt"

    def shard_file(self, table: str, month: str, shard_id: str) -> Path:
        return self.root / "shards" / table / f"month={month}" / f"{shard_id}.parquet"

    def shard_glob(self, table: str) -> str:
        return str(self.root / "shards" / table / "*" / "*.parquet")

    def table_dir(self, table: str) -> Path:
        return self.root / table

    def table_glob(self, table: str) -> str:
        depth = "*/*.parquet" if table in MONTHLY else "*.parquet"
        return str(self.table_dir(table) / depth)

    def finished_shards(self) -> dict[str, dict[str, Any]]:
        """The manifest: every finished shard's id and its counts."""
        if not self.done_dir.is_dir():
            return {}
        out = {}
        for path in sorted(self.done_dir.glob("*.json")):
            out[path.stem] = json.loads(path.read_text(encoding="utf-8"))
        return out


def quoted(path: Path | str) -> str:
    """A path inside a single-quoted DuckDB string."""
    return str(path).replace("'", "''")


def scratch_db(layout: Layout) -> duckdb.DuckDBPyConnection:
    """A private DuckDB for one step of the merge, spilling to the dataset's work folder."""
    layout.work_dir.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute(f"SET temp_directory = '{quoted(layout.work_dir / 'duckdb.tmp')}'")
    return con


def month_of(day: Any) -> str:
    return f"{day.year:04d}-{day.month:02d}" if day is not None else NO_MONTH


@contextmanager
def atomic_path(final: Path) -> Iterator[Path]:
    """A temporary path beside ``final``, renamed onto it if the block succeeds."""
    final.parent.mkdir(parents=True, exist_ok=True)
    temp = final.with_name(f".{final.name}.{uuid.uuid4().hex}.tmp")
    try:
        yield temp
        os.replace(temp, final)
    finally:
        if temp.exists():
            temp.unlink()


def write_json(final: Path, value: Any) -> None:
    with atomic_path(final) as temp:
        temp.write_text(json.dumps(value, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        _fsync(temp)


def write_text(final: Path, text: str) -> None:
    with atomic_path(final) as temp:
        temp.write_text(text, encoding="utf-8")


def write_parquet(final: Path, table: pa.Table) -> None:
    with atomic_path(final) as temp:
        pq.write_table(table, temp, compression="zstd")
        _fsync(temp)


def _fsync(path: Path) -> None:
    with path.open("rb") as stream:
        os.fsync(stream.fileno())


def replace_dir(final: Path, build: Callable[[Path], None]) -> None:
    """Build a folder beside ``final`` and swap it into place."""
    temp = final.with_name(f".{final.name}.{uuid.uuid4().hex}.tmp")
    old = final.with_name(f".{final.name}.{uuid.uuid4().hex}.old")
    try:
        build(temp)
        if final.exists():
            os.replace(final, old)
        os.replace(temp, final)
    finally:
        for leftover in (temp, old):
            if leftover.exists():
                shutil.rmtree(leftover)
