"""Fixtures shared by the whole suite: one knowledge base and one extractor."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from readout.actors.kb import KnowledgeBase, load_kb
from readout.model import Article, Event
from readout.pipeline import Extractor

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="session")
def extractor(kb: KnowledgeBase) -> Extractor:
    return Extractor(kb)


@pytest.fixture(scope="session")
def read_events(extractor: Extractor):  # type: ignore[no-untyped-def]
    """Events of a short text, as an article published on a given day."""

    def read(text: str, published: dt.date | None = dt.date(2025, 3, 14)) -> list[Event]:
        return extractor.extract(Article("test.txt", text, published=published))

    return read
