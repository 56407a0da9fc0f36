"""StoreAccess: readers share one read-only Store; a write closes it and is seen next."""

from __future__ import annotations

import threading
from pathlib import Path

from webfixture import build_db, fixture_articles

from readout.model import Article
from readout.query.access import ReadWriteLock, StoreAccess


def test_a_write_is_seen_by_the_next_read(tmp_path: Path) -> None:
    access = StoreAccess(tmp_path / "fresh.duckdb")
    access.prepare()
    try:
        with access.read() as store:
            assert store.stats()["articles"] == 0
        article, events, _ = fixture_articles()[0]
        result = access.add(article, events)
        with access.read() as store:
            assert store.article(result.article_id) is not None
            assert store.stats()["mentions"] == len(events)
    finally:
        access.close()


def test_idle_store_is_closed_so_other_writers_can_open_it(tmp_path: Path) -> None:
    db = build_db(tmp_path / "shared.duckdb")
    access = StoreAccess(db)
    access.IDLE_SECONDS = 0.2
    access.prepare()
    try:
        with access.read() as store:
            assert store.stats()["articles"] == 5
        closed = threading.Event()
        for _ in range(40):  # the closer checks once a second
            if access._shared is None:
                closed.set()
                break
            threading.Event().wait(0.1)
        assert closed.is_set()
        # Now a separate read-write Store (as `readout ingest` would) can open the file.
        from readout.store.db import Store

        with Store(db) as writer:
            writer.add_article(Article(doc="late.txt", text="A late note."), [])
        with access.read() as store:
            assert store.stats()["articles"] == 6
    finally:
        access.close()


def test_writer_waits_for_readers() -> None:
    lock = ReadWriteLock()
    order: list[str] = []
    with lock.reading():
        writer = threading.Thread(target=lambda: _write(lock, order))
        writer.start()
        writer.join(timeout=0.2)
        order.append("reader done")
    writer.join(timeout=2)
    assert order == ["reader done", "writer"]


def _write(lock: ReadWriteLock, order: list[str]) -> None:
    with lock.writing():
        order.append("writer")
