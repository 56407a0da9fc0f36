"""Storing one event mention: join the stored event it reports, or start a new one.

This is the one implementation of incremental merging. ``readout ingest`` calls it
for each mention of each article it stores (``readout.store.write``); ``readout run``
calls it for each mention of one block of mentions that may report the same events
(``readout.distributed.merge``), in the same order, so both give the same events.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

import duckdb

from readout.model import Actor, Article, Event
from readout.output import event_to_dict
from readout.store.merge import (
    SLACK,
    SYMMETRIC_TYPES,
    UNDATED_AHEAD,
    UNDATED_BEFORE,
    EventFacts,
    MentionFacts,
    Report,
    Side,
    Span,
    actor_key,
    choose_event,
    derive_status,
    find_contradictions,
    side_of,
    sides_match,
)
from readout.store.refresh import refresh_event, write_contradictions


def short_id(prefix: str, *parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:10]}"


@dataclass(frozen=True)
class StoredArticle:
    """The stored article a mention belongs to."""

    article: Article
    id: str
    seq: int
    original: str | None  # the article this one is a near-duplicate of


class MentionWriter:
    """Adds mentions to an open store inside the caller's transaction.

    ``actors`` holds the actor keys already stored, to skip their upserts.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, actors: set[str]) -> None:
        self.con = con
        self.actors = actors

    def upsert_actor(self, actor: Actor | None) -> str | None:
        if actor is None:
            return None
        key = actor_key(actor)
        if key not in self.actors:
            self.con.execute(
                "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [key, actor.name, actor.country, actor.sector, actor.role, actor.kind, actor.kb_id],
            )
            self.actors.add(key)
        return key

    def add_mention(self, stored: StoredArticle, index: int, event: Event) -> bool:
        """Store one mention; True when it started a new event."""
        con, article = self.con, stored.article
        mention_id = short_id("m", stored.id, str(index))
        keys = (self.upsert_actor(event.source), self.upsert_actor(event.target))
        facts = MentionFacts(
            event.type, event.mode, side_of(event.source), side_of(event.target), _span(event),
            article.published or event.published, event.location.name if event.location else None,
            frozenset(a for a in (stored.id, stored.original) if a),
        )  # fmt: skip
        chosen = _pick_event(con, facts, stored.original)
        created = chosen is None
        if chosen is None:
            event_id = short_id("e", mention_id)
            _insert_event(con, event_id, event, facts, stored)
        else:
            event_id = chosen.id
            _upgrade_sides(con, chosen, facts)
        _insert_mention(con, mention_id, stored, event_id, event, keys)
        if not created:  # a new event was written complete; a joined one is recomputed
            refresh_event(con, event_id)
        return created


def _span(event: Event) -> Span | None:
    if event.date is None:
        return None
    d = event.date
    return Span(d.start, d.end, d.precision, d.text)


def _pick_event(
    con: duckdb.DuckDBPyConnection, facts: MentionFacts, original: str | None
) -> EventFacts | None:
    if original is not None:
        # A syndicated copy reports the same events as its original: prefer those.
        chosen = _chosen(facts, _candidates(con, facts, original))
        if chosen is not None:
            return chosen
    return _chosen(facts, _candidates(con, facts, None))


def _chosen(facts: MentionFacts, candidates: list[EventFacts]) -> EventFacts | None:
    event_id = choose_event(facts, candidates)
    return next((e for e in candidates if e.id == event_id), None)


_CANDIDATES = """
SELECT e.id, e.type, e.mode, e.source_key, e.source_kb, e.source_country,
       e.target_key, e.target_kb, e.target_country, e.date_start, e.date_end,
       e.date_precision, e.date_text, e.seq, e.location_name, e.first_published,
       (SELECT list(DISTINCT m.article_id) FROM mentions m WHERE m.event_id = e.id)
FROM events e
WHERE e.type = ?
"""


def _candidates(
    con: duckdb.DuckDBPyConnection, facts: MentionFacts, article_id: str | None
) -> list[EventFacts]:
    """Events that might match; ``merge.choose_event`` applies the exact rules."""
    sql = _CANDIDATES
    params: list[Any] = [facts.type]
    if article_id is not None:
        sql += " AND e.id IN (SELECT event_id FROM mentions WHERE article_id = ?)"
        params.append(article_id)
        return [_event_facts(row) for row in con.execute(sql, params).fetchall()]
    pairs = [(facts.source, facts.target)]
    if facts.type in SYMMETRIC_TYPES:
        pairs.append((facts.target, facts.source))
    clauses = []
    for source, target in pairs:
        both = (
            _side_clause("source", source, params)
            + " AND "
            + _side_clause("target", target, params)
        )
        clauses.append(f"({both})")
    sql += " AND (" + " OR ".join(clauses) + ")" + _date_clause(facts, params)
    return [_event_facts(row) for row in con.execute(sql, params).fetchall()]


def _side_clause(column: str, side: Side | None, params: list[Any]) -> str:
    if side is None:
        return f"e.{column}_key IS NULL"
    params.extend([side.key, side.country, side.kb])
    return f"(e.{column}_key = ? OR e.{column}_country = ? OR e.{column}_kb = ?)"


def _date_clause(facts: MentionFacts, params: list[Any]) -> str:
    """Only events whose dates could fit (with the slack and windows of ``merge``)."""
    if facts.span is not None:
        params.extend([facts.span.end + SLACK, facts.span.start - SLACK])
        return " AND e.date_start <= ? AND e.date_end >= ?"
    if facts.published is None:
        return ""
    params.extend([facts.published + UNDATED_AHEAD, facts.published - UNDATED_BEFORE])
    params.append(sorted(facts.articles))
    return (
        " AND (e.date_start IS NULL OR (e.date_start <= ? AND e.date_end >= ?)"
        " OR e.id IN (SELECT event_id FROM mentions"
        " WHERE article_id IN (SELECT unnest(?::VARCHAR[]))))"
    )


def _event_facts(row: tuple[Any, ...]) -> EventFacts:
    (event_id, type_, mode, s_key, s_kb, s_country, t_key, t_kb, t_country,
     start, end, precision, text, seq, location, published, articles) = row  # fmt: skip
    span = Span(start, end, precision or "day", text or "") if start and end else None
    source = Side(s_key, s_kb, s_country) if s_key else None
    target = Side(t_key, t_kb, t_country) if t_key else None
    return EventFacts(
        event_id, type_, mode, source, target, span, published, int(seq), location,
        frozenset(articles or ()),
    )  # fmt: skip


def _insert_event(
    con: duckdb.DuckDBPyConnection,
    event_id: str,
    event: Event,
    facts: MentionFacts,
    stored: StoredArticle,
) -> None:
    """A new event with its one report: computed here, as ``refresh_event`` would, without reads."""
    row = con.execute("SELECT coalesce(max(seq), 0) + 1 FROM events").fetchone()
    seq = int(row[0]) if row else 1
    src, tgt, span, place = facts.source, facts.target, facts.span, event.location
    outlet = stored.article.outlet or stored.article.doc
    claims = tuple((a.name, a.stance) for a in event.attribution)
    report = Report(event.status, outlet, stored.article.published, stored.seq, span, claims)
    contradictions = find_contradictions([report], span)
    con.execute(
        f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES ({', '.join(['?'] * 27)})",
        [
            event_id, seq, event.type, event.mode, event.cameo,
            src.key if src else None, tgt.key if tgt else None,
            src.kb if src else None, tgt.kb if tgt else None,
            src.country if src else None, tgt.country if tgt else None,
            span.start if span else None, span.end if span else None,
            span.precision if span else None, span.text if span else None,
            derive_status([report]), event.hedged, 1, [outlet],
            place.name if place else None, place.country if place else None,
            len(contradictions), dt.datetime.now(dt.UTC).replace(tzinfo=None),
            stored.article.published,
            place.lat if place else None, place.lon if place else None,
            place.geonames_id if place else None,
        ],
    )  # fmt: skip
    write_contradictions(con, event_id, contradictions, replace=False)


_EVENT_COLUMNS = (
    "id, seq, type, mode, cameo, source_key, target_key, source_kb, target_kb, source_country,"
    " target_country, date_start, date_end, date_precision, date_text, status, hedged, reports,"
    " sources, location_name, location_country, n_contradictions, first_seen, first_published,"
    " location_lat, location_lon, location_geonames"
)


def _upgrade_sides(con: duckdb.DuckDBPyConnection, chosen: EventFacts, facts: MentionFacts) -> None:
    """When the event knows an actor only by country, adopt the KB entity a new report names."""
    ev_source, ev_target, event_id = chosen.source, chosen.target, chosen.id
    direct = sides_match(ev_source, facts.source) and sides_match(ev_target, facts.target)
    new_source, new_target = (
        (facts.source, facts.target) if direct else (facts.target, facts.source)
    )
    for column, old, new in (("source", ev_source, new_source), ("target", ev_target, new_target)):
        if old is not None and new is not None and old.kb is None and new.kb is not None:
            con.execute(
                f"UPDATE events SET {column}_key = ?, {column}_kb = ?, "
                f"{column}_country = coalesce({column}_country, ?) WHERE id = ?",
                [new.key, new.kb, new.country, event_id],
            )


_MENTION_COLUMNS = (
    "id, article_id, event_id, type, mode, cameo, status, hedged, date_start, date_end,"
    " date_precision, date_text, location, sentence, start_char, end_char, source_key,"
    " target_key, json, doc, outlet, published, article_seq"
)


def _insert_mention(
    con: duckdb.DuckDBPyConnection,
    mention_id: str,
    stored: StoredArticle,
    event_id: str,
    event: Event,
    keys: tuple[str | None, str | None],
) -> None:
    d = event.date
    first = event.evidence[0] if event.evidence else None
    article = stored.article
    con.execute(
        f"INSERT INTO mentions ({_MENTION_COLUMNS}) VALUES ({', '.join(['?'] * 23)})",
        [
            mention_id, stored.id, event_id, event.type, event.mode, event.cameo,
            event.status, event.hedged,
            d.start if d else None, d.end if d else None,
            d.precision if d else None, d.text if d else None,
            event.location.name if event.location else None,
            first.sentence if first else None,
            first.start if first else None, first.end if first else None,
            keys[0], keys[1], json.dumps(event_to_dict(event), ensure_ascii=False),
            article.doc, article.outlet or article.doc, article.published, stored.seq,
        ],
    )  # fmt: skip
    if event.attribution:
        con.executemany(
            "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                [mention_id, a.name, a.kind, a.stance, a.hedged, a.country, event_id]
                for a in event.attribution
            ],
        )
