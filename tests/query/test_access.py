"""StoreAccess: readers share one Store, follow a writer to its snapshot and back,
and never create, change or accept a database that is not readout's."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "web"))
from webfixture import build_db, fixture_articles

from readout.errors import StoreError
from readout.model import Article
from readout.query.access import StoreAccess
from readout.store.db import Store


def wait_for(condition, seconds: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def test_a_write_is_seen_by_the_next_read(tmp_path: Path) -> None:
    db = build_db(tmp_path / "shared.duckdb")
    access = StoreAccess(db)
    access.prepare()
    try:
        article = Article("late.txt", "Constructed: a late note on the talks in Oslo.")
        result = access.add(article, [])
        with access.read() as store:
            assert store.article(result.article_id) is not None
            assert store.stats()["articles"] == 6
    finally:
        access.close()


def test_readers_follow_a_writer_in_another_connection(tmp_path: Path) -> None:
    """A writer (as `readout ingest` would) takes the file; readers keep reading, see its
    commits through snapshots, and go back to the file when it is done."""
    db = build_db(tmp_path / "shared.duckdb")
    access = StoreAccess(db)
    access.prepare()
    try:
        with access.read() as store:
            assert store.stats()["articles"] == 5
        with Store(db) as writer:  # waits until the server has let go of the file
            assert wait_for(lambda: access.source == "snapshot")
            writer.add_article(Article("w1.txt", "Constructed: first note from Oslo."), [])

            def seen(n: int) -> bool:
                with access.read() as store:
                    return bool(store.stats()["articles"] == n)

            assert wait_for(lambda: seen(6))  # published while the writer still writes
            writer.add_article(Article("w2.txt", "Constructed: second note from Oslo."), [])
        assert wait_for(lambda: access.source == "database")
        with access.read() as store:
            assert store.stats()["articles"] == 7
    finally:
        access.close()


def test_a_request_in_flight_keeps_its_store_through_a_switch(tmp_path: Path) -> None:
    db = build_db(tmp_path / "shared.duckdb")
    access = StoreAccess(db)
    access.prepare()
    try:
        started, finish = threading.Event(), threading.Event()
        seen: list[int] = []

        def slow_request() -> None:
            with access.read() as store:
                started.set()
                finish.wait(10)
                seen.append(store.stats()["articles"])

        request = threading.Thread(target=slow_request)
        request.start()
        started.wait(5)
        writer = threading.Thread(target=lambda: Store(db).close())
        writer.start()
        assert wait_for(lambda: access.source == "snapshot")
        finish.set()
        request.join(10)
        writer.join(30)
        assert seen == [5]
    finally:
        access.close()


def test_missing_database_is_refused_not_created(tmp_path: Path) -> None:
    access = StoreAccess(tmp_path / "nope.duckdb")
    with pytest.raises(StoreError, match="no such database"):
        access.prepare()
    assert not (tmp_path / "nope.duckdb").exists()


def test_another_applications_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "sales.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sales (id INTEGER, amount DOUBLE)")
    con.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a readout database"):
        StoreAccess(path).prepare()
    with pytest.raises(StoreError, match="not a readout database"):
        Store(path)  # nor does an ingest add readout's tables to it
    assert path.read_bytes() == before


def test_store_written_by_the_fixture_verifies(tmp_path: Path) -> None:
    db = build_db(tmp_path / "ok.duckdb")
    with Store(db, read_only=True) as store:
        store.verify()
    assert len(fixture_articles()) == 5
