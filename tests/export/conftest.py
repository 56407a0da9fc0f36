"""A store of the multi-article corpus with its gold events, once per module."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from store_corpus import gold_events, load_gold, read_corpus

from readout.store.db import Store


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "corpus.duckdb"
    gold = load_gold()
    with Store(path) as store:
        for article in read_corpus():
            store.add_article(article, gold_events(article, gold))
    return path
