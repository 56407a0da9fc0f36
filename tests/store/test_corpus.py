"""Merging on the multi-outlet corpus against its gold: perfect mentions, then the real extractor."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # the suite imports test modules by path
from store_corpus import ARTICLES, gold_events, load_gold, read_corpus, score

from readout.store.db import Store

GOLD = load_gold()
NAMES = sorted(p.name for p in ARTICLES.iterdir())


def ingest_gold(db: Path, names: list[str]) -> Store:
    store = Store(db)
    for article in read_corpus(names):
        store.add_article(article, gold_events(article, GOLD))
    return store


@pytest.mark.parametrize("seed", [None, 1, 2, 3])
def test_gold_mentions_merge_into_gold_events(tmp_path: Path, seed: int | None) -> None:
    names = list(NAMES)
    if seed is not None:
        random.Random(seed).shuffle(names)  # merging must not depend on ingest order
    with ingest_gold(tmp_path / "c.duckdb", names) as store:
        result = score(store._con, GOLD)
    assert result.reports_found == result.reports_total
    assert result.wrongly_merged == []
    assert result.duplicate_rate <= 0.05
    assert result.gold_events_found == len(GOLD["events"])


@pytest.fixture(scope="module")
def gold_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return ingest_gold(tmp_path_factory.mktemp("gold") / "c.duckdb", NAMES)


def _event_of(store: Store, doc: str, snippet: str) -> dict[str, object]:
    for e in store.events(limit=1000):
        if any(doc in ev["doc"] and snippet in ev["sentence"] for ev in e["evidence"]):
            return e
    raise AssertionError(f"no event for {doc}: {snippet}")


def test_denial_makes_the_talks_disputed(gold_store: Store) -> None:
    talks = _event_of(gold_store, "05_pacific", "held talks in Singapore")
    assert talks["status"] == "disputed"
    assert talks["reports"] == 2
    [contra] = [c for c in gold_store.contradictions() if c["event_id"] == talks["id"]]
    assert contra["kind"] == "occurrence"
    assert "Japanese foreign ministry" in contra["sources_against"]


def test_called_off_summit_takes_the_latest_status(gold_store: Store) -> None:
    summit = _event_of(gold_store, "02_capital", "will meet in Seoul")
    assert summit["status"] == "cancelled"
    kinds = {c["kind"] for c in gold_store.contradictions() if c["event_id"] == summit["id"]}
    assert kinds == {"status"}


def test_relative_and_absolute_dates_give_one_day(gold_store: Store) -> None:
    meeting = _event_of(gold_store, "01_harbor", "in Ankara on Monday")
    assert meeting["date"] == {
        "start": "2026-03-02",
        "end": "2026-03-02",
        "precision": "day",
        "text": "on Monday",
    }
    assert meeting["reports"] == 4
    assert set(meeting["sources"]) == {
        "Harbor Post",
        "Capital Wire",
        "Eastern Ledger",
        "Gulf Syndicate",
    }


def test_syndicated_copy_is_linked_to_its_original(gold_store: Store) -> None:
    by_doc = {a["doc"].split("/")[-1].split("#")[0]: a for a in gold_store.articles()}
    copy, original = by_doc["12_gulf_syndicate.jsonl"], by_doc["01_harbor_post.jsonl"]
    assert copy["duplicate_of"] == original["id"]
    assert original["duplicate_of"] is None


@pytest.mark.slow
def test_real_extractor_on_the_corpus(tmp_path: Path) -> None:
    """End to end: whatever the extractor finds must merge without errors."""
    from readout.pipeline import Extractor

    extractor = Extractor()
    with Store(tmp_path / "x.duckdb") as store:
        for article, events in extractor.extract_many(read_corpus()):
            store.add_article(article, events)
        result = score(store._con, GOLD)
    print(
        f"\nreal extractor: {result.reports_found}/{result.reports_total} gold reports found, "
        f"{result.gold_events_found} gold events, {result.duplicates} duplicates, "
        f"wrong merges {result.wrongly_merged}"
    )
    assert result.wrongly_merged == []
    assert result.duplicate_rate <= 0.05
