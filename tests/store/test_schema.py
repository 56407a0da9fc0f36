"""Migrations: applied in order, once, and 002 backfills what it adds."""

from __future__ import annotations

from pathlib import Path

import duckdb

from readout.store import schema
from readout.store.db import Store


def test_migrations_are_numbered_in_order() -> None:
    versions = [v for v, _ in schema.migration_scripts()]
    assert versions == list(range(1, len(versions) + 1))


def version_one_database(path: Path) -> None:
    """A store as version 1 wrote it, with one article, mention, claim and event."""
    con = duckdb.connect(str(path))
    [(_, first)] = schema.migration_scripts()[:1]
    con.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    con.execute(first)
    con.execute("INSERT INTO schema_version VALUES (1)")
    con.execute(
        "INSERT INTO articles VALUES ('a-1', 1, 'a.txt', NULL, 'T', 'Daily A', DATE '2026-03-04',"
        " 'cli', 'h', [1, 2], NULL, 'Text.', TIMESTAMP '2026-03-04 10:00:00')"
    )
    con.execute(
        "INSERT INTO events (id, seq, type, status, hedged, reports, n_contradictions, first_seen)"
        " VALUES ('e-1', 1, 'CONSULT', 'occurred', false, 1, 0, TIMESTAMP '2026-03-04 10:00:00')"
    )
    con.execute(
        "INSERT INTO mentions VALUES ('m-1', 'a-1', 'e-1', 'CONSULT', NULL, '040', 'occurred', false,"
        " NULL, NULL, NULL, NULL, NULL, 'Text.', 0, 5, NULL, NULL, '{}')"
    )
    con.execute("INSERT INTO claims VALUES ('m-1', 'Daily A', 'outlet', 'asserts', false, NULL)")
    con.close()


def test_opening_an_old_store_migrates_and_backfills(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    version_one_database(path)
    with Store(path) as store:
        con = store._con
        assert schema.current_version(con) == schema.latest_version()
        assert con.execute(
            "SELECT doc, outlet, published::VARCHAR, article_seq FROM mentions"
        ).fetchall() == [("a.txt", "Daily A", "2026-03-04", 1)]
        assert con.execute("SELECT event_id FROM claims").fetchall() == [("e-1",)]
        assert con.execute("SELECT first_published::VARCHAR FROM events").fetchall() == [
            ("2026-03-04",)
        ]
        assert store.event("e-1") is not None
    with Store(path) as again:  # a second open applies nothing twice
        assert again._con.execute("SELECT count(*) FROM schema_version").fetchone() == (
            (schema.latest_version(),)
        )
