"""Article in, event mentions out: the one composition of the pipeline stages.

    sentences -> actor mentions (knowledge base, every sentence, cheap)
              -> pre-filter (a trigger word and an actor)
              -> spaCy parse of those sentences only, in batches
              -> events (triggers + dependency arguments)
              -> status, dates, attribution (readout.context)
              -> mentions of one event merged within the article

Processing an article is a pure function of (article, knowledge base), so the
same code runs in-process, in batches and on a distributed engine.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readout import longlived
from readout.actors.context import ArticleContext, home_country
from readout.actors.kb import KnowledgeBase, load_kb
from readout.actors.resolve import ActorMention, ActorResolver, OutletMention
from readout.context.attribution import read_attribution
from readout.context.location import event_location
from readout.context.status import read_status
from readout.context.timex import find_time_expressions, resolve_time
from readout.events.arguments import MentionIndex
from readout.events.article import (
    ANSWERS,
    FRAMED_BY,
    PATIENT,
    answer_targets,
    home_sides,
    inherit_frame_dates,
    inherit_scene_dates,
    protest_targets,
)
from readout.events.dating import attach_times, borrowed_times, framing_event, framing_noun
from readout.events.extract import Candidate, find_events
from readout.events.lexicon import Lexicon, load_lexicon
from readout.events.merge import implied_partners, merge_mentions
from readout.model import Actor, Article, Attribution, DateSpan, Event, Evidence, Location
from readout.nlp.parse import parse_many
from readout.nlp.prefilter import flanked, near_actor, refers_back, trigger_words
from readout.nlp.sentences import Sentence, split_sentences

_PLANNED_CAMEO = {"CONSULT": "036", "AGREE": "030", "AID": "033", "COOPERATE": "030"}
_CONTEXT = 8  # sentences before an event that may name its source ("the newspaper")
# What the cheap pass decides for a sentence.
PARSED = "parsed"
NO_TRIGGER = "no trigger word"
NO_ACTOR = "a trigger word but no actor"
HEADLINE = "the headline (its news is the opening sentence's, in a sentence's grammar)"
FAR = "no trigger word near an actor (10 words, 3 for an agent the text does not place), and no reference back"
NO_PAIR = "only trigger words that need two named sides, and no actor before and after one of them (10 words)"
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "decade": 5}


@dataclass
class _Prepared:
    """A sentence chosen for parsing, with what the cheap pass found in it."""

    article: Article
    sentence: Sentence
    actors: list[ActorMention]
    outlets: list[OutletMention]
    seen: list[Actor]  # the actors the whole article names, shared by its sentences
    previous: list[str] = field(default_factory=list)
    home: str | None = None  # the article's home country
    seen_before: int = 0  # how many of ``seen`` come before this sentence

    @property
    def recent(self) -> list[Actor]:
        """The actors named before this sentence, most recent last (a copy
        made only for sentences that are parsed, so memory stays linear)."""
        return self.seen[: self.seen_before]


_FROZEN: list[bool] = []


def _freeze_once() -> None:
    """The first extractor's knowledge base and lexicon live as long as the
    process (see ``readout.longlived``). Only the first: a process that builds
    many extractors keeps the others collectable."""
    if not _FROZEN:
        longlived.freeze()
        _FROZEN.append(True)


class Extractor:
    """Reads events from articles. Load once, use for many articles."""

    def __init__(self, kb: KnowledgeBase | None = None, actor_files: Sequence[Path] = ()) -> None:
        self.kb = kb if kb is not None else load_kb(tuple(actor_files))
        self.resolver = ActorResolver(self.kb)
        self.lexicon: Lexicon = load_lexicon()
        self.outlet_names = {
            alias.lower(): o.name for o in self.kb.outlets for alias in (o.name, *o.aliases)
        }
        _freeze_once()

    # -- public ---------------------------------------------------------
    def extract(self, article: Article) -> list[Event]:
        return next(self.extract_many([article]))[1]

    def extract_many(
        self, articles: Iterable[Article], batch_size: int = 32
    ) -> Iterator[tuple[Article, list[Event]]]:
        batch: list[tuple[Article, list[_Prepared]]] = []
        for article in articles:
            batch.append((article, self.prepare(article)))
            if len(batch) >= batch_size:
                yield from self._finish(batch)
                batch = []
        if batch:
            yield from self._finish(batch)

    # -- stages ---------------------------------------------------------
    def prepare(self, article: Article) -> list[_Prepared]:
        """The cheap pass over every sentence: actors, outlets, pre-filter."""
        return [p for p, verdict in self.scan(article) if verdict == PARSED]

    def scan(self, article: Article) -> list[tuple[_Prepared, str]]:
        """Every sentence with what the cheap pass found in it, and whether it
        is worth parsing (``PARSED``) or why not."""
        out: list[tuple[_Prepared, str]] = []
        recent: list[Actor] = []
        previous: list[str] = []
        pair: tuple[Actor, Actor] | None = None
        pair_age = 0
        sentences = split_sentences(article.text)
        matches = [self.resolver.matches(s.text) for s in sentences]
        context = ArticleContext(home_country(matches, self.resolver.home_votes()))
        for sentence, found in zip(sentences, matches, strict=True):
            # "the two sides" looks back two sentences for a pair named together
            actors, outlets = self.resolver.resolve(
                sentence.text,
                article.published,
                recent,
                pair if pair_age <= 2 else None,
                context,
                found,
            )
            named = _named_pair(sentence.text, actors)
            pair, pair_age = (named, 0) if named else (pair, pair_age + 1)
            # parse only what can hold an event: a trigger word, and an actor
            # (or a pronoun or definite event noun that refers back to one)
            words = trigger_words(
                sentence.text,
                self.lexicon.surface_forms,
                self.lexicon.gates,
                self.lexicon.verb_only,
            )
            if _headline(article, sentence):
                verdict = HEADLINE
            elif not words:
                verdict = NO_TRIGGER
            elif not _enough_actors(actors, sentence.text):
                verdict = NO_ACTOR
            elif words <= self.lexicon.strict_forms and (
                len({m.actor for m in actors}) < 2 or not flanked(sentence.text, words, actors)
            ):
                verdict = NO_PAIR
            elif not near_actor(sentence.text, words, actors) and not refers_back(sentence.text):
                verdict = FAR
            else:
                verdict = PARSED
            item = _Prepared(
                article,
                sentence,
                actors,
                outlets,
                recent,
                previous[-_CONTEXT:],
                context.home,
                len(recent),
            )
            out.append((item, verdict))
            previous.append(sentence.text)
            recent.extend(m.actor for m in actors if not m.is_place and m.also is None)
        return out

    def complete(self, article: Article, home: str | None, events: list[Event]) -> list[Event]:
        """The article's mentions merged and completed from one another."""
        events = protest_targets(home_sides(answer_targets(events), home))
        events = merge_mentions(events)
        events = merge_mentions(implied_partners(events))
        events = inherit_scene_dates(inherit_frame_dates(events))
        return _absorb_one_sided([e for e in events if _complete(e)])

    def _finish(
        self, batch: list[tuple[Article, list[_Prepared]]]
    ) -> Iterator[tuple[Article, list[Event]]]:
        items = [p for _, prepared in batch for p in prepared]
        docs = parse_many([p.sentence.text for p in items])
        events_by_article: dict[int, list[Event]] = {}
        for item, doc in zip(items, docs, strict=True):
            events_by_article.setdefault(id(item.article), []).extend(self.read(item, doc))
        for article, prepared in batch:
            home = prepared[0].home if prepared else None
            yield article, self.complete(article, home, events_by_article.get(id(article), []))

    def read(
        self, item: _Prepared, doc: Any, notes: list[tuple[int, str]] | None = None
    ) -> list[Event]:
        """Events of one parsed sentence, with status, date and attribution;
        ``notes`` collects why trigger words made no event."""
        index = MentionIndex(doc, item.actors, item.recent, item.home)
        index.notes = notes
        candidates = find_events(doc, index, self.lexicon)
        if not candidates:
            return []
        times = find_time_expressions(item.sentence.text)
        owners = attach_times(doc, times, [c.trigger for c in candidates])
        return [
            self._event(item, doc, c, *self._times_of(doc, c, times, owners)) for c in candidates
        ]

    def _times_of(
        self, doc: Any, cand: Candidate, times: list[Any], owners: dict[int, list[Any]]
    ) -> tuple[list[Any], bool]:
        """Its own times, else those of the event framing it in this sentence
        ("failed at the summit held in February"), else borrowed ones; and
        whether they were borrowed (from the statement that makes the event)."""
        own = owners.get(cand.trigger.i)
        if own:
            return own, False
        frame = framing_noun(cand.trigger, self.lexicon.noun)
        if frame is not None and owners.get(frame.i):
            return owners[frame.i], False
        return borrowed_times(doc, times, cand.trigger, cand.reading.type), True

    def _event(
        self, item: _Prepared, doc: Any, cand: Candidate, times: list[Any], borrowed: bool
    ) -> Event:
        article, sentence = item.article, item.sentence
        status = read_status(cand.trigger)
        # "said in early September that he would urge ...": a planned event
        # dated by its statement is dated as the statement is, in the past
        date = _best_date(times, article, future=status.status == "planned" and not borrowed)
        attribution = list(
            read_attribution(
                cand.trigger,
                self._lookup(article),
                previous=item.previous,
                outlets=self.outlet_names,
                reading=status,
            )
        )
        if article.outlet and status.status != "denied":
            attribution.append(Attribution(article.outlet, "publisher", "asserts", False))
        cameo = cand.cameo
        if status.status == "planned" and cand.reading.type in _PLANNED_CAMEO:
            cameo = _PLANNED_CAMEO[cand.reading.type]
        return Event(
            doc=article.doc,
            type=cand.reading.type,
            mode=cand.mode,
            cameo=cameo,
            source=cand.source,
            target=cand.target,
            date=date,
            status=status.status,
            hedged=status.hedged,
            location=event_location(cand.trigger) or _location(cand, item),
            attribution=tuple(attribution),
            evidence=(Evidence(article.doc, sentence.text, sentence.start, sentence.end),),
            trigger=cand.trigger.text,
            extras=_extras(cand, self.lexicon),
            published=article.published,
            published_source=article.published_source,
        )

    def _lookup(self, article: Article) -> Any:
        def lookup(name: str) -> Actor | None:
            actors, _ = self.resolver.resolve(name, article.published)
            return actors[0].actor if actors else None

        return lookup


def _extras(cand: Candidate, lexicon: Lexicon) -> tuple[tuple[str, str], ...]:
    extras: list[tuple[str, str]] = [("anaphor", "1")] if cand.anaphor else []
    if cand.patient:
        extras.append((PATIENT, cand.patient))
    if cand.answers:
        extras.append((ANSWERS, cand.answers))
    frame = framing_event(cand.trigger, lexicon.noun)
    reading = lexicon.noun(frame) if frame else None
    if reading is not None:
        extras.append((FRAMED_BY, reading.type))
    return tuple(extras)


def _best_date(times: list[Any], article: Article, *, future: bool) -> DateSpan | None:
    spans = [_resolve(t.text, article.published, future) for t in times]
    found = [s for s in spans if s is not None]
    if not found:
        return None
    return min(found, key=lambda s: _PRECISION_RANK.get(s.precision, 9))


def _resolve(text: str, published: dt.date | None, future: bool) -> DateSpan | None:
    """Resolve against the publication date. A day without a year that would
    fall most of a year back is read forward when the next one is close:
    "talks scheduled for June 2" in a June 1 article mean tomorrow."""
    span = resolve_time(text, published, future=future)
    if span is None or future or published is None or span.precision != "day":
        return span
    if (published - span.start).days > 180:
        ahead = resolve_time(text, published, future=True)
        if ahead is not None and 0 <= (ahead.start - published).days <= 60:
            return ahead
    return span


def _location(cand: Candidate, item: _Prepared) -> Location | None:
    """A place named after 'in'/'at' next to the trigger: 'the summit in Budapest'."""
    trigger = cand.trigger
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "at"):
            for pobj in child.children:
                for m in item.actors:
                    if m.is_place and m.start <= pobj.idx < m.end:
                        return Location(
                            m.actor.name if m.actor.kind == "place" else m.text, m.actor.country
                        )
    return None


def _named_pair(text: str, actors: list[ActorMention]) -> tuple[Actor, Actor] | None:
    """Two actors named together ("Armenia and Azerbaijan", "the two leaders")."""
    for m in actors:
        if m.also is not None:
            return (m.also, m.actor)
    for a, b in itertools.pairwise(actors):
        if text[a.end : b.start].strip(" ,") == "and" and a.actor.country != b.actor.country:
            if _adjective(a.actor) or _adjective(b.actor):
                continue  # "German and Italian vehicles" name no parties
            return (a.actor, b.actor)
    return None


def _adjective(actor: Actor) -> bool:
    return actor.kind == "state" and actor.sector is None


def _headline(article: Article, sentence: Sentence) -> bool:
    """The title repeated as the text's first line."""
    title = (article.title or "").strip()
    return bool(title) and sentence.start == 0 and sentence.text.strip() == title


def _enough_actors(actors: list[ActorMention], text: str) -> bool:
    """An event needs a side: an actor here, or one referred back to ("he",
    "the call")."""
    return bool(actors) or refers_back(text)


# Kept with their doer alone: sanctions, embargoes, tariffs and restrictions
# (CAMEO 163) are news without a target in the sentence ("the U.K. imposes
# restrictions"); a cut in relations or a suspended participation is not,
# without its partner. Measured on voa-dev, every other type lost more
# precision than it gained recall when kept so.
ONE_SIDED = frozenset({"SANCTION"})
_ONE_SIDED_CAMEO = ("163",)


def stands_alone(event: Event) -> bool:
    """An event kept with no target: a sanction of its doer's, or its denial
    of allegations whose author the article does not name."""
    if event.type == "REJECT" and dict(event.extras).get(ANSWERS) == "ACCUSE":
        return True
    return event.type in ONE_SIDED and (event.cameo or "").startswith(_ONE_SIDED_CAMEO)


def _absorb_one_sided(events: list[Event]) -> list[Event]:
    """A sanction with no target, in a sentence where its doer sanctions
    someone named, is part of that one ("imposed sanctions on Iran, freezing
    the assets of eleven officials")."""

    def key(e: Event) -> tuple[str, str | None, int]:
        return (e.type, e.source.country if e.source else None, e.evidence[0].start)

    named = {key(e) for e in events if e.target is not None and e.evidence}
    return [e for e in events if e.target is not None or not e.evidence or key(e) not in named]


def _complete(event: Event) -> bool:
    """Both sides named, or the doer of a sanction alone."""
    if event.source is None:
        return False
    return event.target is not None or stands_alone(event)
