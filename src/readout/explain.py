"""Why a document's sentences did or did not become events.

For each sentence: what the cheap pass found (trigger words, actors), whether
it was parsed, and for each trigger word the events it made or why it made
none; then the article's events after mentions are merged and completed.
A trigger with an actor but no event is a defect to find and name: this is
the report that names it.
"""

from __future__ import annotations

from dataclasses import dataclass

from readout.model import Actor, Article, Event
from readout.nlp.parse import parse_many
from readout.pipeline import PARSED, Extractor, stands_alone


@dataclass(frozen=True)
class TriggerReport:
    word: str
    reading: str  # "ASSAULT (verb)"
    outcome: str  # "ASSAULT militants (PAK) -> train (PAK)" or why there is none


@dataclass(frozen=True)
class SentenceReport:
    start: int
    text: str
    actors: tuple[str, ...]  # "Kenya (KEN)"
    verdict: str  # parsed, or why not
    triggers: tuple[TriggerReport, ...] = ()


@dataclass(frozen=True)
class Explanation:
    article: Article
    home: str | None
    sentences: tuple[SentenceReport, ...]
    events: tuple[Event, ...]


def explain(extractor: Extractor, article: Article) -> Explanation:
    scanned = extractor.scan(article)
    parsed = [item for item, verdict in scanned if verdict == PARSED]
    docs = dict(
        zip((id(p) for p in parsed), parse_many([p.sentence.text for p in parsed]), strict=True)
    )
    reports: list[SentenceReport] = []
    mentions: list[Event] = []
    for item, verdict in scanned:
        actors = tuple(f"{m.text} ({m.actor.country or '?'})" for m in item.actors)
        if verdict != PARSED:
            reports.append(SentenceReport(item.sentence.start, item.sentence.text, actors, verdict))
            continue
        doc = docs[id(item)]
        notes: list[tuple[int, str]] = []
        found = extractor.read(item, doc, notes)
        mentions.extend(found)
        triggers = []
        for tok in doc:
            reading = _reading(extractor, tok)
            if reading is None:
                continue
            made = [e for e in found if e.trigger == tok.text]
            if made:
                outcome = "; ".join(_describe(e) for e in made)
            else:
                why = [msg for i, msg in notes if i == tok.i]
                outcome = "no event: " + (why[0] if why else "its arguments name no actor")
            triggers.append(TriggerReport(tok.text, reading, outcome))
        reports.append(
            SentenceReport(
                item.sentence.start, item.sentence.text, actors, verdict, tuple(triggers)
            )
        )
    home = scanned[0][0].home if scanned else None
    events = extractor.complete(article, home, mentions)
    return Explanation(article, home, tuple(reports), tuple(events))


def _reading(extractor: Extractor, tok: object) -> str | None:
    lemma = str(getattr(tok, "lemma_", "")).lower()
    pos = getattr(tok, "pos_", "")
    if pos in ("VERB", "AUX") and extractor.lexicon.verb(lemma):
        reading = extractor.lexicon.verb(lemma)
        return f"{reading.type} (verb)" if reading else None
    if pos in ("NOUN", "PROPN") and extractor.lexicon.noun(lemma):
        reading = extractor.lexicon.noun(lemma)
        return f"{reading.type} (noun)" if reading else None
    return None


def _side(actor: Actor | None) -> str:
    return "?" if actor is None else f"{actor.name} ({actor.country or '?'})"


def _describe(event: Event) -> str:
    text = f"{event.type} {_side(event.source)} -> {_side(event.target)} [{event.status}]"
    if event.source is not None and event.target is None and stands_alone(event):
        text += " (kept with its doer alone)"
    elif event.source is None or event.target is None:
        text += " (one side only: kept if the article names the other)"
    return text
