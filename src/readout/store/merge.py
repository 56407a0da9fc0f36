"""Which stored event a new mention belongs to, and what the merged event says.

Pure functions over small records, so the rules can be tested without a
database: ``choose_event`` (incremental merge), ``event_date``,
``derive_status`` and ``find_contradictions``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from readout.errors import KnowledgeBaseError
from readout.model import Actor

# Interactions with no direction: "A met B" and "B met A" are the same event.
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
ASSERTING = frozenset({"occurred", "ongoing"})
DENYING = frozenset({"denied", "negated"})
CALLED_OFF = frozenset({"cancelled", "postponed"})
SLACK = dt.timedelta(days=1)
# An undated mention joins a dated event only if the event lies this close to its publication:
# undated reports are usually fresh news (older events get a date in the text), and a
# wrong merge costs more than a duplicate, so the window back in time is one news week.
UNDATED_BEFORE = dt.timedelta(days=7)
UNDATED_AHEAD = dt.timedelta(days=30)
MODE_FAMILIES_PATH = Path(__file__).with_name("mode_families.yaml")
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Side:
    """One actor of an event, reduced to what identifies it for merging."""

    key: str
    kb: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Span:
    start: dt.date
    end: dt.date
    precision: str = "day"
    text: str = ""

    @property
    def width(self) -> int:
        return (self.end - self.start).days


@dataclass(frozen=True)
class MentionFacts:
    """What merging needs to know about a new mention."""

    type: str
    mode: str | None
    source: Side | None
    target: Side | None
    span: Span | None
    published: dt.date | None = None
    location: str | None = None
    # The article the mention is from, and the original it is a near-duplicate of.
    articles: frozenset[str] = frozenset()


@dataclass(frozen=True)
class EventFacts:
    """A stored event as a merge candidate."""

    id: str
    type: str
    mode: str | None
    source: Side | None
    target: Side | None
    span: Span | None
    published: dt.date | None = None  # the earliest publication among its reports
    seq: int = 0
    location: str | None = None
    articles: frozenset[str] = frozenset()  # the articles its reports come from


@dataclass(frozen=True)
class Report:
    """One mention of an event, with who stands behind it: input to status and contradictions."""

    status: str
    outlet: str
    published: dt.date | None = None
    seq: int = 0
    span: Span | None = None
    claims: tuple[tuple[str, str], ...] = field(default=())  # (name, stance)


@dataclass(frozen=True)
class Contradiction:
    kind: str  # occurrence, date, status
    detail: str
    sources_for: tuple[str, ...]
    sources_against: tuple[str, ...]


def slug(text: str) -> str:
    return _SLUG.sub("-", text.casefold()).strip("-") or "unknown"


def actor_key(actor: Actor) -> str:
    """The stable key of an actor: its KB id, else its country for states, else its name."""
    if actor.kb_id:
        return slug(actor.kb_id)
    if actor.kind == "state" and actor.country:
        return f"country:{actor.country}"
    return slug(actor.name)


def side_of(actor: Actor | None) -> Side | None:
    if actor is None:
        return None
    return Side(actor_key(actor), actor.kb_id, actor.country)


def sides_match(a: Side | None, b: Side | None) -> bool:
    """Same actor: by KB entity when both have one, else by country, else by key."""
    if a is None or b is None:
        return a is None and b is None
    if a.kb and b.kb:
        return a.kb == b.kb
    if a.country and b.country:
        return a.country == b.country
    return a.key == b.key


def pair_matches(event: EventFacts, mention: MentionFacts) -> bool:
    if sides_match(event.source, mention.source) and sides_match(event.target, mention.target):
        return True
    if mention.type in SYMMETRIC_TYPES:
        return sides_match(event.source, mention.target) and sides_match(
            event.target, mention.source
        )
    return False


@cache
def mode_families(path: Path = MODE_FAMILIES_PATH) -> dict[str, frozenset[str]]:
    """Each mode mapped to the modes it may merge with (its family), from the YAML file."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"cannot read mode families: {exc}", path=str(path)) from exc
    if not isinstance(raw, dict) or not all(isinstance(v, list) for v in raw.values()):
        raise KnowledgeBaseError("expected family names mapped to lists of modes", path=str(path))
    out: dict[str, frozenset[str]] = {}
    for members in raw.values():
        family = frozenset(str(m) for m in members)
        for mode in family:
            out[mode] = out.get(mode, frozenset()) | family
    return out


def modes_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    return b in mode_families().get(a, frozenset())


def _places_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.casefold() == b.casefold()


def spans_overlap(a: Span, b: Span, slack: dt.timedelta = SLACK) -> bool:
    return a.start <= b.end + slack and b.start <= a.end + slack


def _near_publication(span: Span, published: dt.date | None) -> bool:
    if published is None:
        return False
    return span.start - UNDATED_AHEAD <= published <= span.end + UNDATED_BEFORE


def _same_article(event: EventFacts, mention: MentionFacts) -> bool:
    return bool(event.articles & mention.articles)


def _closeness(event: EventFacts, span: Span) -> tuple[int, int, int]:
    assert event.span is not None
    gap = abs((event.span.start - span.start).days)
    return (gap, abs(event.span.width - span.width), event.seq)


def choose_event(mention: MentionFacts, candidates: Sequence[EventFacts]) -> str | None:
    """The id of the stored event this mention reports, or None for a new event."""
    pool = [
        e
        for e in candidates
        if e.type == mention.type
        and modes_compatible(e.mode, mention.mode)
        and pair_matches(e, mention)
    ]
    dated = [e for e in pool if e.span is not None]
    undated = sorted((e for e in pool if e.span is None), key=lambda e: e.seq)
    if mention.span is not None:
        span = mention.span
        fitting = [e for e in dated if e.span is not None and spans_overlap(e.span, span)]
        if fitting:
            return min(fitting, key=lambda e: _closeness(e, span)).id
        # A dated report never joins an undated event: the pair may have met more than once.
        return None
    # Without a date, only a unique dated event close in time and not elsewhere will do.
    # Closeness needs the mention's publication date: an article without one joins only
    # events it (or the original it copies) already reports, never on pair and type alone.
    near = [
        e
        for e in dated
        if e.span is not None
        and (_near_publication(e.span, mention.published) or _same_article(e, mention))
        and _places_agree(e.location, mention.location)
    ]
    if len(near) == 1:
        return near[0].id
    # Undated with undated: only reports from the same news cycle, or years apart would fuse.
    same_cycle = [
        e
        for e in undated
        if _same_cycle(e.published, mention.published) or _same_article(e, mention)
    ]
    return same_cycle[0].id if same_cycle else None


def _same_cycle(a: dt.date | None, b: dt.date | None) -> bool:
    """Both publication dates known and within one news week of each other."""
    return a is not None and b is not None and abs((a - b).days) <= UNDATED_BEFORE.days


def event_date(spans: Sequence[Span]) -> Span | None:
    """The event's date: the narrowest span that agrees with most of its reports."""
    if not spans:
        return None

    def rank(span: Span) -> tuple[int, int, dt.date]:
        agree = sum(1 for other in spans if spans_overlap(span, other, dt.timedelta(0)))
        return (-agree, span.width, span.start)

    return min(spans, key=rank)


def _denies(report: Report) -> bool:
    return report.status in DENYING or any(stance == "denies" for _, stance in report.claims)


def _asserts(report: Report) -> bool:
    if report.status in ASSERTING:
        return True
    # A disputed mention carries both sides: its asserting claims count as assertions.
    return report.status == "disputed" and any(s != "denies" for _, s in report.claims)


def _latest(reports: Sequence[Report]) -> Report:
    return max(reports, key=lambda r: (r.published or dt.date.min, r.seq))


def derive_status(reports: Sequence[Report]) -> str:
    """The event's status from all its reports and their claims."""
    if not reports:
        return "occurred"
    asserting = [r for r in reports if _asserts(r)]
    denying = [r for r in reports if _denies(r)]
    if asserting and denying:
        return "disputed"
    if any(r.status == "disputed" for r in reports):
        return "disputed"
    if denying and len(denying) == len(reports):
        return _latest(denying).status
    if asserting:
        # "planned" then "it took place": the occurrence wins.
        return _latest(asserting).status
    scheduled = [r for r in reports if r.status in CALLED_OFF or r.status == "planned"]
    if scheduled:
        return _latest(scheduled).status
    return _latest(reports).status


def _asserters(report: Report) -> list[str]:
    named = [name for name, stance in report.claims if stance != "denies" and name != report.outlet]
    return named or [report.outlet]


def _deniers(report: Report) -> list[str]:
    named = [name for name, stance in report.claims if stance == "denies"]
    return named or [report.outlet]


def _unique(names: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def _occurrence(reports: Sequence[Report]) -> Contradiction | None:
    pro = _unique([n for r in reports if _asserts(r) for n in _asserters(r)])
    con = _unique([n for r in reports if _denies(r) for n in _deniers(r)])
    if not pro or not con:
        return None
    detail = f"reported as taking place by {', '.join(pro)}; denied by {', '.join(con)}"
    return Contradiction("occurrence", detail, pro, con)


def _date(reports: Sequence[Report], span: Span | None) -> Contradiction | None:
    if span is None:
        return None
    dated = [r for r in reports if r.span is not None]
    off = [
        r for r in dated if r.span is not None and not spans_overlap(r.span, span, dt.timedelta(0))
    ]
    if not off:
        return None
    on = [r for r in dated if r not in off]
    other = ", ".join(sorted({f"{r.span.start}..{r.span.end}" for r in off if r.span}))
    detail = f"dated {span.start}..{span.end} by some reports, {other} by others"
    return Contradiction(
        "date", detail, _unique([r.outlet for r in on]), _unique([r.outlet for r in off])
    )


def _status(reports: Sequence[Report]) -> Contradiction | None:
    called_off = [r for r in reports if r.status in CALLED_OFF]
    if not called_off:
        return None
    going_ahead = [r for r in reports if r.status == "planned" or r.status in ASSERTING]
    if not going_ahead:
        return None
    ahead = sorted({r.status for r in going_ahead})
    off = sorted({r.status for r in called_off})
    detail = f"reported as {'/'.join(ahead)} and as {'/'.join(off)}"
    return Contradiction(
        "status",
        detail,
        _unique([r.outlet for r in going_ahead]),
        _unique([r.outlet for r in called_off]),
    )


def find_contradictions(reports: Sequence[Report], span: Span | None) -> list[Contradiction]:
    """Every disagreement among an event's reports: on occurrence, date and status."""
    found = [_occurrence(reports), _date(reports, span), _status(reports)]
    return [c for c in found if c is not None]
