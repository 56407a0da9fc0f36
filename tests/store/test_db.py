"""The Store: opening, migrations, idempotent writes, near-duplicates, transactions and reads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from readout.errors import StoreError
from readout.model import Actor, Article, Attribution, DateSpan, Event, Evidence, Location
from readout.store import schema
from readout.store.db import Store
from readout.store.refresh import refresh_event

D = dt.date
LAVROV = Actor("Sergey Lavrov", "RUS", "GOV", "Minister of Foreign Affairs", "person", "lavrov")
RUBIO = Actor("Marco Rubio", "USA", "GOV", "Secretary of State", "person", "rubio")
TEXT = (
    "Russia's foreign minister spoke to his American counterpart by phone on Tuesday, the ministry said. "
    "The two discussed prisoner exchanges and the schedule for further talks in Geneva later this month. "
    "Officials on both sides declined to give details of the call, which lasted about an hour."
)


def call(
    doc: str, text: str, status: str = "occurred", attribution: tuple[Attribution, ...] = ()
) -> Event:
    sentence = text.split(". ")[0] + "."
    return Event(
        doc, "CONSULT", "phone", "041", LAVROV, RUBIO,
        DateSpan(D(2026, 3, 3), D(2026, 3, 3), "day", "on Tuesday"), status=status,
        location=Location("Geneva", "CHE"), attribution=attribution,
        evidence=(Evidence(doc, sentence, 0, len(sentence)),),
    )  # fmt: skip


def article(doc: str, text: str = TEXT, url: str | None = None, outlet: str = "Daily A") -> Article:
    return Article(doc, text, title="A call", url=url, outlet=outlet, published=D(2026, 3, 4))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "t.duckdb")


def test_new_database_is_migrated(store: Store) -> None:
    assert schema.current_version(store._con) == schema.latest_version()
    assert store.stats()["articles"] == 0


def test_reopening_keeps_data_and_version(tmp_path: Path) -> None:
    with Store(tmp_path / "t.duckdb") as store:
        store.add_article(article("a.txt"), [call("a.txt", TEXT)])
    with Store(tmp_path / "t.duckdb", read_only=True) as again:
        assert again.stats()["events"] == 1
        with pytest.raises(StoreError, match="read-only"):
            again.add_article(article("b.txt", "other text entirely"), [])


def test_missing_database_read_only_is_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"nope\.duckdb: no such database"):
        Store(tmp_path / "nope.duckdb", read_only=True)


def test_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.duckdb"
    bad.write_text("this is not a database")
    with pytest.raises(StoreError, match=r"bad\.duckdb"):
        Store(bad)


def test_foreign_duckdb_file_read_only(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    duckdb.connect(str(path)).close()
    with pytest.raises(StoreError, match="not a readout database"):
        Store(path, read_only=True)


def test_same_article_twice_adds_nothing(store: Store) -> None:
    first = store.add_article(article("a.txt"), [call("a.txt", TEXT)])
    before = store.stats()
    again = store.add_article(article("copy.txt"), [call("copy.txt", TEXT)])
    assert (first.status, again.status) == ("added", "duplicate")
    assert again.article_id == first.article_id
    assert store.stats() == before


def test_same_url_is_a_duplicate(store: Store) -> None:
    store.add_article(article("a.html", url="https://x.example/1"), [])
    result = store.add_article(article("b.html", "Updated text.", url="https://x.example/1"), [])
    assert result.status == "duplicate"


def test_near_duplicate_joins_the_original_events(store: Store) -> None:
    original = store.add_article(article("a.txt"), [call("a.txt", TEXT)])
    copy_text = TEXT.replace("about an hour", "about an hour, a spokesman said")
    copy = store.add_article(
        article("b.txt", copy_text, outlet="Wire B"), [call("b.txt", copy_text)]
    )
    assert copy.status == "near_duplicate"
    assert copy.duplicate_of == original.article_id
    assert copy.new_events == 0
    [event] = store.events()
    assert event["reports"] == 2
    assert event["sources"] == ["Daily A", "Wire B"]


def test_failed_write_leaves_nothing(store: Store) -> None:
    bad = call("a.txt", TEXT)
    bad = Event(**{**bad.__dict__, "type": None})  # type: ignore[arg-type]
    with pytest.raises(StoreError):
        store.add_article(article("a.txt"), [call("a.txt", TEXT), bad])
    assert store.stats()["articles"] == 0
    assert store.stats()["mentions"] == 0
    assert store.add_article(article("a.txt"), [call("a.txt", TEXT)]).status == "added"


def test_denial_in_another_article_disputes_the_event(store: Store) -> None:
    store.add_article(article("a.txt"), [call("a.txt", TEXT)])
    denial = (
        "The Kremlin said no call with Washington had taken place this week, rejecting the reports."
    )
    denied = call("b.txt", denial, "denied", (Attribution("Dmitry Peskov", "official", "denies"),))
    store.add_article(article("b.txt", denial, outlet="Wire B"), [denied])
    [event] = store.events()
    assert event["status"] == "disputed"
    detail = store.event(event["id"])
    assert detail is not None
    assert [m["status"] for m in detail["mentions"]] == ["occurred", "denied"]
    assert detail["contradiction_list"][0]["sources_against"] == ["Dmitry Peskov"]
    assert store.stats()["contradictions"] == 1


@pytest.fixture
def filled(store: Store) -> Store:
    store.add_article(article("a.txt"), [call("a.txt", TEXT)])
    text = (
        "Ukraine accused Russia on Friday of shelling the port of Odesa overnight, officials said."
    )
    accuse = Event(
        "b.txt", "ACCUSE", None, "112", Actor("Ukraine", "UKR"), Actor("Russia", "RUS"),
        DateSpan(D(2026, 3, 6), D(2026, 3, 6), "day", "on Friday"),
        evidence=(Evidence("b.txt", text, 0, len(text)),),
    )  # fmt: skip
    store.add_article(article("b.txt", text, outlet="Wire B"), [accuse])
    return store


@pytest.mark.parametrize(
    ("filters", "types"),
    [
        ({}, ["CONSULT", "ACCUSE"]),
        ({"actor": "lavrov"}, ["CONSULT"]),
        ({"actor": "Marco"}, ["CONSULT"]),
        ({"actor": "RUS"}, ["CONSULT", "ACCUSE"]),
        ({"actor": "ukr"}, ["ACCUSE"]),
        ({"country": "UKR"}, ["ACCUSE"]),
        ({"type": "accuse"}, ["ACCUSE"]),
        ({"status": "occurred"}, ["CONSULT", "ACCUSE"]),
        ({"since": D(2026, 3, 5)}, ["ACCUSE"]),
        ({"until": D(2026, 3, 5)}, ["CONSULT"]),
        ({"q": "odesa"}, ["ACCUSE"]),
        ({"q": "'; DROP TABLE events; --"}, []),
    ],
)
def test_event_filters(filled: Store, filters: dict[str, object], types: list[str]) -> None:
    found = filled.events(**filters)  # type: ignore[arg-type]
    assert [e["type"] for e in found] == types
    assert filled.count_events(**filters) == len(types)  # type: ignore[arg-type]


def test_event_summary_shape(filled: Store) -> None:
    event = filled.events(type="CONSULT")[0]
    assert set(event) == {
        "id", "type", "mode", "cameo", "source", "target", "date", "status", "hedged", "location",
        "attribution", "evidence", "reports", "sources", "contradictions",
    }  # fmt: skip
    assert event["id"].startswith("e-")
    assert event["source"]["key"] == "lavrov"
    assert event["location"] == {"name": "Geneva", "country": "CHE"}


def test_other_reads(filled: Store) -> None:
    assert [a["key"] for a in filled.actors()][:2] == [
        "country:RUS",
        "country:UKR",
    ] or filled.actors()
    actor = filled.actor("lavrov")
    assert actor is not None and actor["partners"] == [
        {"key": "rubio", "name": "Marco Rubio", "count": 1}
    ]
    assert filled.actor("nobody") is None
    assert [e["type"] for e in filled.timeline()] == ["CONSULT", "ACCUSE"]
    network = filled.network()
    assert {(e["source"], e["target"]) for e in network["edges"]} == {
        ("lavrov", "rubio"), ("country:UKR", "country:RUS")
    }  # fmt: skip
    assert filled.network(min_count=2)["edges"] == []
    items = filled.articles()
    assert [a["events"] for a in items] == [1, 1]
    detail = filled.article(items[1]["id"])
    assert detail is not None and detail["text"].startswith("Ukraine accused")
    assert detail["events"][0]["start"] == 0
    assert filled.article("a-missing") is None
    assert filled.event("e-missing") is None
    assert {h["kind"] for h in filled.search("odesa")} == {"event", "article"}
    assert filled.search("  ") == []
    assert filled.stats()["by_type"] == {"ACCUSE": 1, "CONSULT": 1}


def test_event_adopts_the_named_entity_of_a_later_report(store: Store) -> None:
    text = "Moscow and Washington held a phone call on Tuesday about prisoner exchanges."
    by_country = Event(
        "a.txt", "CONSULT", "phone", "041", Actor("Russia", "RUS"), Actor("United States", "USA"),
        DateSpan(D(2026, 3, 3), D(2026, 3, 3), "day", "on Tuesday"),
        evidence=(Evidence("a.txt", text, 0, len(text)),),
    )  # fmt: skip
    store.add_article(article("a.txt", text), [by_country])
    store.add_article(article("b.txt", outlet="Wire B"), [call("b.txt", TEXT)])
    [event] = store.events()
    assert event["reports"] == 2
    assert (event["source"]["key"], event["target"]["key"]) == ("lavrov", "rubio")


def test_new_events_are_written_as_a_full_refresh_would(filled: Store) -> None:
    disputed = call(
        "c.txt", "A call nobody confirms.", "disputed",
        (Attribution("Daily C", "outlet"), Attribution("Dmitry Peskov", "official", "denies")),
    )  # fmt: skip
    filled.add_article(article("c.txt", "Another report of the call, which Moscow denies.", outlet="C"), [
        Event(**{**disputed.__dict__, "date": None, "source": RUBIO, "target": None})
    ])  # fmt: skip
    con = filled._con
    columns = "* EXCLUDE (first_seen)"
    before = con.execute(f"SELECT {columns} FROM events ORDER BY id").fetchall()
    contra_before = con.execute("SELECT * FROM contradictions ORDER BY event_id, kind").fetchall()
    for (event_id,) in con.execute("SELECT id FROM events").fetchall():
        refresh_event(con, event_id)
    assert con.execute(f"SELECT {columns} FROM events ORDER BY id").fetchall() == before
    assert (
        con.execute("SELECT * FROM contradictions ORDER BY event_id, kind").fetchall()
        == contra_before
    )
    assert len(contra_before) == 1  # the one disputed report contradicts itself
