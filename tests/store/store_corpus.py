"""The multi-article corpus and its gold: build perfect mentions, and score a store's merging."""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from readout.ingest import read_source
from readout.model import Actor, Article, Attribution, DateSpan, Event, Evidence

CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus"
ARTICLES = CORPUS / "articles"
CAMEO = {"CONSULT": "040", "SANCTION": "163", "ACCUSE": "112", "REJECT": "120"}


def load_gold() -> dict[str, Any]:
    gold: dict[str, Any] = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))
    return gold


def base_doc(doc: str) -> str:
    """The corpus file name of a stored doc ("…/01_x.jsonl#1" -> "01_x.jsonl")."""
    return Path(doc.split("#", 1)[0]).name


def read_corpus(names: list[str] | None = None) -> list[Article]:
    files = sorted(ARTICLES.iterdir()) if names is None else [ARTICLES / n for n in names]
    return [a for f in files for a in read_source(str(f), f)]


def _actor(spec: dict[str, Any] | None) -> Actor | None:
    if spec is None:
        return None
    return Actor(spec["name"], spec.get("country"), spec.get("sector"), None, spec["kind"])


def _date(spec: dict[str, Any] | None) -> DateSpan | None:
    if spec is None:
        return None
    start, end = dt.date.fromisoformat(spec["start"]), dt.date.fromisoformat(spec["end"])
    return DateSpan(start, end, spec["precision"], spec["text"])


def _sentence(text: str, snippet: str) -> Evidence:
    at = text.index(snippet)
    start = text.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", at)
    end = len(text) if end < 0 else end + 1
    return Evidence("", text[start:end], start, end)


def gold_events(article: Article, gold: dict[str, Any]) -> list[Event]:
    """The mentions a perfect extractor would read from one corpus article."""
    out = []
    for event in gold["events"]:
        for report in event["reports"]:
            if report["doc"] != base_doc(article.doc):
                continue
            ev = _sentence(article.text, report["evidence"])
            attribution = [Attribution(article.outlet or "", "outlet")]
            for a in report["attribution"]:
                attribution.append(
                    Attribution(
                        a["name"], a["kind"], a["stance"], a.get("hedged", False), a.get("country")
                    )
                )
            out.append(
                Event(
                    article.doc,
                    event["type"],
                    report["mode"],
                    CAMEO[event["type"]],
                    _actor(report["source"]),
                    _actor(report["target"]),
                    _date(report["date"]),
                    status=report["status"],
                    hedged=report["hedged"],
                    attribution=tuple(attribution),
                    evidence=(Evidence(article.doc, ev.sentence, ev.start, ev.end),),
                    published=article.published,
                )
            )
    return out


@dataclass
class MergeScore:
    gold_events_found: int
    store_events: int  # store events holding at least one gold report
    duplicates: int  # extra store events for one gold event
    wrongly_merged: list[str]  # store events holding reports of two gold events
    reports_found: int
    reports_total: int

    @property
    def duplicate_rate(self) -> float:
        return self.duplicates / self.store_events if self.store_events else 0.0


def score(con: duckdb.DuckDBPyConnection, gold: dict[str, Any]) -> MergeScore:
    """Map stored mentions to gold reports by doc, type and evidence snippet; count errors."""
    rows = con.execute(
        "SELECT a.doc, m.type, m.sentence, m.event_id FROM mentions m JOIN articles a ON a.id = m.article_id"
    ).fetchall()
    to_store: dict[str, set[str]] = defaultdict(set)
    to_gold: dict[str, set[str]] = defaultdict(set)
    found: set[tuple[str, str]] = set()
    total = 0
    for event in gold["events"]:
        for report in event["reports"]:
            total += 1
            for doc, type_, sentence, event_id in rows:
                if (
                    base_doc(doc) == report["doc"]
                    and type_ == event["type"]
                    and report["evidence"] in (sentence or "")
                ):
                    to_store[event["id"]].add(event_id)
                    to_gold[event_id].add(event["id"])
                    found.add((report["doc"], report["evidence"]))
    return MergeScore(
        gold_events_found=len(to_store),
        store_events=len(to_gold),
        duplicates=sum(len(s) - 1 for s in to_store.values()),
        wrongly_merged=sorted(e for e, g in to_gold.items() if len(g) > 1),
        reports_found=len(found),
        reports_total=total,
    )
