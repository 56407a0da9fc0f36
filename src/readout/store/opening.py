"""Opening a database file: waiting for other processes, and naming what is wrong.

Every way DuckDB can refuse a file becomes one ``StoreError`` naming it: in
use by another process (after waiting for it), damaged (truncated, a flipped
bit, not DuckDB at all), another application's database, or a schema from
an older readout.
"""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path

import duckdb

from readout.errors import StoreError
from readout.store.schema import current_version, latest_version, table_names
from readout.store.snapshot import WriterLock

log = logging.getLogger("readout.store")


def take_writer_lock(path: str) -> WriterLock:
    lock = WriterLock(path)
    try:
        lock.acquire(wait=None)
    except OSError as exc:
        raise StoreError(f"cannot open database: {exc.strerror or exc}", path=path) from exc
    return lock


def connect(path: str, read_only: bool, *, wait: float = 0.0) -> duckdb.DuckDBPyConnection:
    """Open the file; while other processes hold it, retry for ``wait`` seconds."""
    if read_only and path != ":memory:" and not Path(path).is_file():
        raise StoreError("no such database (run `readout ingest` first)", path=path)
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            if not in_use(exc):
                if _DAMAGE.search(str(exc)):
                    raise damaged(path, exc) from exc
                raise StoreError(f"cannot open database: {_short(exc)}", path=path) from exc
            if time.monotonic() >= deadline:
                raise StoreError(
                    f"the database is in use by another process{_holder(exc)}; try again when "
                    "it has finished",
                    path=path,
                ) from exc
            if not told and time.monotonic() + wait - deadline > 2.0:
                log.warning("%s: waiting for readers to close it%s", path, _holder(exc))
                told = True
            time.sleep(0.05)


def in_use(exc: BaseException) -> bool:
    """True when DuckDB refused a file because another process holds its lock (or, in
    this process, another connection holds it in the other mode)."""
    text = str(exc).lower()
    return ("lock" in text and "conflicting" in text) or "different configuration" in text


def _holder(exc: BaseException) -> str:
    found = re.search(r"\(PID (\d+)\)", str(exc))
    return f" (PID {found.group(1)})" if found else ""


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]


_DAMAGE = re.compile(
    r"IO Error|Corrupt|checksum|not a valid DuckDB|Could not read|invalidated|Serialization",
    re.IGNORECASE,
)


def damaged(path: str, exc: BaseException) -> StoreError:
    """The one message for a database DuckDB cannot read (or a query it refused)."""
    if _DAMAGE.search(str(exc)):
        return StoreError(
            f"the database is damaged or not a DuckDB file ({_short(exc)}); restore it from "
            "a copy, or ingest the articles again into a new file with --db",
            path=path,
        )
    return StoreError(f"the database refused a query ({_short(exc)})", path=path)


def refuse_foreign(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """Refuse to add readout's tables to a DuckDB file another application made."""
    if current_version(con) == 0 and table_names(con):
        raise StoreError(
            "not a readout database (it holds other tables): give readout its own file with --db",
            path=path,
        )


def check_version(con: duckdb.DuckDBPyConnection, path: str) -> None:
    version = current_version(con)
    if version == 0:
        raise StoreError(
            "not a readout database (no readout tables in it); give the file `readout ingest` "
            "wrote with --db",
            path=path,
        )
    if version < latest_version():
        raise StoreError(
            "the database was written by an older readout; run `readout ingest` on it once "
            "(with no files) to bring it up to date",
            path=path,
        )
