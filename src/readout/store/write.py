"""Writing one article: dedupe, store its mentions, merge them into events — one transaction."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import duckdb

from readout.errors import StoreError
from readout.model import Actor, Article, Event
from readout.output import event_to_dict
from readout.store import dedupe
from readout.store.merge import (
    EventFacts,
    MentionFacts,
    Side,
    Span,
    actor_key,
    choose_event,
    side_of,
    sides_match,
)
from readout.store.refresh import refresh_event

AddStatus = Literal["added", "duplicate", "near_duplicate"]


@dataclass(frozen=True)
class AddResult:
    """What ``Store.add_article`` did with one article."""

    article_id: str
    status: AddStatus
    duplicate_of: str | None = None
    mentions: int = 0
    new_events: int = 0
    merged: int = 0  # mentions that joined an event already stored


def short_id(prefix: str, *parts: str) -> str:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:10]}"


def write_article(
    con: duckdb.DuckDBPyConnection, article: Article, events: Sequence[Event], *, path: str
) -> AddResult:
    """Store the article and its mentions in one transaction; a failure leaves nothing behind."""
    text_hash = dedupe.text_hash(article.text)
    signature = dedupe.minhash(article.text)
    try:
        con.execute("BEGIN TRANSACTION")
        result = _write(con, article, events, text_hash, signature)
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"cannot store {article.doc}: {exc}", path=path) from exc
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return result


def _write(
    con: duckdb.DuckDBPyConnection,
    article: Article,
    events: Sequence[Event],
    text_hash: str,
    signature: list[int],
) -> AddResult:
    existing = _exact_duplicate(con, article.url, text_hash)
    if existing is not None:
        return AddResult(existing, "duplicate", duplicate_of=existing)
    original = _near_duplicate(con, signature)
    article_id = short_id("a", text_hash)
    _insert_article(con, article, article_id, text_hash, signature, original)
    new_events = merged = 0
    for index, event in enumerate(events):
        created = _add_mention(con, article, article_id, index, event, original)
        new_events += created
        merged += not created
    status: AddStatus = "near_duplicate" if original else "added"
    return AddResult(article_id, status, original, len(events), new_events, merged)


def _exact_duplicate(con: duckdb.DuckDBPyConnection, url: str | None, text_hash: str) -> str | None:
    row = con.execute(
        "SELECT id FROM articles WHERE text_hash = ? OR (url IS NOT NULL AND url = ?) "
        "ORDER BY seq LIMIT 1",
        [text_hash, url],
    ).fetchone()
    return str(row[0]) if row else None


def _near_duplicate(con: duckdb.DuckDBPyConnection, signature: list[int]) -> str | None:
    buckets = [key for _, key in dedupe.lsh_buckets(signature)]
    rows = con.execute(
        "SELECT a.id, a.duplicate_of, a.minhash FROM articles a WHERE a.id IN "
        "(SELECT article_id FROM lsh_buckets WHERE bucket IN (SELECT unnest(?::VARCHAR[]))) "
        "ORDER BY a.seq",
        [buckets],
    ).fetchall()
    best: tuple[float, str] | None = None
    for article_id, duplicate_of, other in rows:
        score = dedupe.similarity(signature, list(other or []))
        if score >= dedupe.NEAR_DUP_THRESHOLD and (best is None or score > best[0]):
            # Link to the first-seen original, never to another copy.
            best = (score, str(duplicate_of or article_id))
    return best[1] if best else None


def _insert_article(
    con: duckdb.DuckDBPyConnection,
    article: Article,
    article_id: str,
    text_hash: str,
    signature: list[int],
    original: str | None,
) -> None:
    row = con.execute("SELECT coalesce(max(seq), 0) + 1 FROM articles").fetchone()
    seq = int(row[0]) if row else 1
    con.execute(
        "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            article_id, seq, article.doc, article.url, article.title, article.outlet,
            article.published, article.published_source, text_hash, signature, original,
            article.text, dt.datetime.now(dt.UTC).replace(tzinfo=None),
        ],
    )  # fmt: skip
    con.executemany(
        "INSERT INTO lsh_buckets VALUES (?, ?, ?)",
        [[band, key, article_id] for band, key in dedupe.lsh_buckets(signature)],
    )


def _upsert_actor(con: duckdb.DuckDBPyConnection, actor: Actor | None) -> str | None:
    if actor is None:
        return None
    key = actor_key(actor)
    con.execute(
        "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [key, actor.name, actor.country, actor.sector, actor.role, actor.kind, actor.kb_id],
    )
    return key


def _span(event: Event) -> Span | None:
    if event.date is None:
        return None
    d = event.date
    return Span(d.start, d.end, d.precision, d.text)


def _add_mention(
    con: duckdb.DuckDBPyConnection,
    article: Article,
    article_id: str,
    index: int,
    event: Event,
    original: str | None,
) -> bool:
    """Store one mention; True when it started a new event."""
    mention_id = short_id("m", article_id, str(index))
    source_key = _upsert_actor(con, event.source)
    target_key = _upsert_actor(con, event.target)
    facts = MentionFacts(
        event.type, event.mode, side_of(event.source), side_of(event.target), _span(event),
        article.published or event.published, event.location.name if event.location else None,
    )  # fmt: skip
    event_id = _pick_event(con, facts, original)
    created = event_id is None
    if event_id is None:
        event_id = short_id("e", mention_id)
        _insert_event(con, event_id, event, facts)
    else:
        _upgrade_sides(con, event_id, facts)
    _insert_mention(con, mention_id, article_id, event_id, event, source_key, target_key)
    refresh_event(con, event_id)
    return created


def _pick_event(
    con: duckdb.DuckDBPyConnection, facts: MentionFacts, original: str | None
) -> str | None:
    if original is not None:
        # A syndicated copy reports the same events as its original: prefer those.
        own = _candidates(con, facts, original)
        chosen = choose_event(facts, own)
        if chosen is not None:
            return chosen
    return choose_event(facts, _candidates(con, facts, None))


_CANDIDATES = """
SELECT e.id, e.type, e.mode, e.source_key, e.source_kb, e.source_country,
       e.target_key, e.target_kb, e.target_country, e.date_start, e.date_end,
       e.date_precision, e.date_text, e.seq, e.location_name,
       (SELECT min(a.published) FROM mentions m JOIN articles a ON a.id = m.article_id
         WHERE m.event_id = e.id) AS published
FROM events e
WHERE e.type = ?
"""


def _candidates(
    con: duckdb.DuckDBPyConnection, facts: MentionFacts, article_id: str | None
) -> list[EventFacts]:
    sql = _CANDIDATES
    params: list[Any] = [facts.type]
    if article_id is not None:
        sql += " AND e.id IN (SELECT event_id FROM mentions WHERE article_id = ?)"
        params.append(article_id)
    else:
        # Cheap prefilter on either actor; merge.choose_event applies the exact rules.
        clauses = [
            _side_clause(column, side, params)
            for column in ("source", "target")
            for side in (facts.source, facts.target)
        ]
        sql += " AND (" + " OR ".join(clauses) + ")"
    return [_event_facts(row) for row in con.execute(sql, params).fetchall()]


def _side_clause(column: str, side: Side | None, params: list[Any]) -> str:
    if side is None:
        return f"e.{column}_key IS NULL"
    params.extend([side.key, side.country, side.kb])
    return f"(e.{column}_key = ? OR e.{column}_country = ? OR e.{column}_kb = ?)"


def _event_facts(row: tuple[Any, ...]) -> EventFacts:
    (event_id, type_, mode, s_key, s_kb, s_country, t_key, t_kb, t_country,
     start, end, precision, text, seq, location, published) = row  # fmt: skip
    span = Span(start, end, precision or "day", text or "") if start and end else None
    source = Side(s_key, s_kb, s_country) if s_key else None
    target = Side(t_key, t_kb, t_country) if t_key else None
    return EventFacts(event_id, type_, mode, source, target, span, published, int(seq), location)


def _insert_event(
    con: duckdb.DuckDBPyConnection, event_id: str, event: Event, facts: MentionFacts
) -> None:
    row = con.execute("SELECT coalesce(max(seq), 0) + 1 FROM events").fetchone()
    seq = int(row[0]) if row else 1
    src, tgt = facts.source, facts.target
    con.execute(
        "INSERT INTO events (id, seq, type, mode, cameo, source_key, target_key, source_kb,"
        " target_kb, source_country, target_country, status, hedged, reports, sources,"
        " n_contradictions, first_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, [], 0, ?)",
        [
            event_id, seq, event.type, event.mode, event.cameo,
            src.key if src else None, tgt.key if tgt else None,
            src.kb if src else None, tgt.kb if tgt else None,
            src.country if src else None, tgt.country if tgt else None,
            event.status, event.hedged, dt.datetime.now(dt.UTC).replace(tzinfo=None),
        ],
    )  # fmt: skip


def _upgrade_sides(con: duckdb.DuckDBPyConnection, event_id: str, facts: MentionFacts) -> None:
    """When the event knows an actor only by country, adopt the KB entity a new report names."""
    row = con.execute(
        "SELECT source_key, source_kb, source_country, target_key, target_kb, target_country"
        " FROM events WHERE id = ?",
        [event_id],
    ).fetchone()
    if row is None:
        return
    ev_source = Side(row[0], row[1], row[2]) if row[0] else None
    ev_target = Side(row[3], row[4], row[5]) if row[3] else None
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


def _insert_mention(
    con: duckdb.DuckDBPyConnection,
    mention_id: str,
    article_id: str,
    event_id: str,
    event: Event,
    source_key: str | None,
    target_key: str | None,
) -> None:
    d = event.date
    first = event.evidence[0] if event.evidence else None
    con.execute(
        "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            mention_id, article_id, event_id, event.type, event.mode, event.cameo,
            event.status, event.hedged,
            d.start if d else None, d.end if d else None,
            d.precision if d else None, d.text if d else None,
            event.location.name if event.location else None,
            first.sentence if first else None,
            first.start if first else None, first.end if first else None,
            source_key, target_key, json.dumps(event_to_dict(event), ensure_ascii=False),
        ],
    )  # fmt: skip
    if event.attribution:
        con.executemany(
            "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?)",
            [
                [mention_id, a.name, a.kind, a.stance, a.hedged, a.country]
                for a in event.attribution
            ],
        )
