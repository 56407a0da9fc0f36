"""Reports without publication dates merge only with compatible known dates or their own article.

The case from ingesting ../shared/eval/docs without dates: one article's undated "no
plans for the two leaders to meet" fused with another's postponed summit and recorded
a false contradiction. Constructed text below reproduces the shape of it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from readout.model import Actor, Article, DateSpan, Event, Evidence
from readout.store.db import Store

D = dt.date
PUTIN = Actor("Vladimir Putin", "RUS", "GOV", "President", "person", "putin")
TRUMP = Actor("Donald Trump", "USA", "GOV", "President", "person", "trump")
SUMMIT = "The summit of the two presidents in Budapest was postponed until later this month."
NO_PLANS = "There are no plans for the two leaders to meet, the spokesman said."


def meeting(doc: str, text: str, status: str, date: DateSpan | None) -> Event:
    return Event(
        doc, "CONSULT", "meet", "036", PUTIN, TRUMP, date, status=status,
        evidence=(Evidence(doc, text, 0, len(text)),),
    )  # fmt: skip


def add(store: Store, doc: str, text: str, event: Event, published: dt.date | None) -> None:
    store.add_article(Article(doc, text, outlet=f"Outlet {doc}", published=published), [event])


def test_undated_articles_do_not_fuse_on_pair_and_type_alone(tmp_path: Path) -> None:
    month = DateSpan(D(2025, 10, 1), D(2025, 10, 31), "month", "later this month")
    with Store(tmp_path / "t.duckdb") as store:
        add(store, "000.txt", SUMMIT, meeting("000.txt", SUMMIT, "postponed", month), None)
        add(store, "002.txt", NO_PLANS, meeting("002.txt", NO_PLANS, "negated", None), None)
        assert store.stats()["events"] == 2
        assert store.contradictions() == []


def test_undated_reports_without_dates_stay_apart(tmp_path: Path) -> None:
    with Store(tmp_path / "t.duckdb") as store:
        add(store, "a.txt", SUMMIT, meeting("a.txt", SUMMIT, "postponed", None), None)
        add(store, "b.txt", NO_PLANS, meeting("b.txt", NO_PLANS, "negated", None), None)
        assert store.stats()["events"] == 2


def test_with_known_publication_dates_the_same_week_still_merges(tmp_path: Path) -> None:
    with Store(tmp_path / "t.duckdb") as store:
        add(store, "a.txt", SUMMIT, meeting("a.txt", SUMMIT, "postponed", None), D(2025, 10, 21))
        add(store, "b.txt", NO_PLANS, meeting("b.txt", NO_PLANS, "negated", None), D(2025, 10, 22))
        assert store.stats()["events"] == 1
