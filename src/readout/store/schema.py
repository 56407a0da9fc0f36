"""Schema migrations: ordered SQL files, applied once each, recorded in ``schema_version``."""

from __future__ import annotations

from importlib import resources

import duckdb

from readout.errors import StoreError


def migration_scripts() -> list[tuple[int, str]]:
    """The migrations shipped with the package, as (version, sql), in order."""
    folder = resources.files("readout.store").joinpath("migrations")
    scripts: list[tuple[int, str]] = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            version = int(entry.name.split("_", 1)[0])
            scripts.append((version, entry.read_text(encoding="utf-8")))
    return sorted(scripts)


def latest_version() -> int:
    return migration_scripts()[-1][0]


def table_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The tables of the database's main schema."""
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = 'main' ORDER BY table_name"
    ).fetchall()
    return [str(name) for (name,) in rows]


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of an open database; 0 for an empty one."""
    found = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()
    if not found or found[0] == 0:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(con: duckdb.DuckDBPyConnection, path: str) -> int:
    """Bring the database up to the latest schema; each step in its own transaction."""
    version = current_version(con)
    for number, sql in migration_scripts():
        if number <= version:
            continue
        try:
            con.execute("BEGIN TRANSACTION")
            con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            con.execute(sql)
            con.execute("INSERT INTO schema_version VALUES (?)", [number])
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"migration {number} failed: {exc}", path=path) from exc
        version = number
    return version
