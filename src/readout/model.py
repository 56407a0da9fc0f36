"""Core records of readout, as typed frozen dataclasses.

An ``Article`` goes in; ``Event`` mentions come out. Every stage of the
pipeline is a plain function over these records, so the same code runs in a
single process, in batches, or on a distributed engine.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

STATUSES: tuple[str, ...] = (
    "occurred", "ongoing", "planned", "postponed", "cancelled", "disputed",
    "denied", "negated", "hypothetical",
)  # fmt: skip

Precision = Literal["day", "week", "month", "quarter", "year", "decade"]
PRECISIONS: tuple[str, ...] = ("day", "week", "month", "quarter", "year", "decade")

Stance = Literal["asserts", "confirms", "denies"]
# Where the article's publication date came from.
PublishedSource = Literal["cli", "metadata", "dateline", "unknown"]


@dataclass(frozen=True)
class Article:
    """One news article after ingest and cleaning.

    ``text`` is the cleaned body; evidence offsets point into it.
    """

    doc: str  # the path (or feed id) as the user gave it
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    published_source: PublishedSource = "unknown"


@dataclass(frozen=True)
class Actor:
    """An actor as resolved in one article, with its role at that date."""

    name: str
    country: str | None = None  # ISO3, or an organisation code (NATO, EU, UN, ...)
    sector: str | None = None  # GOV, MIL, DIP, MED, OPP, REB, IGO, NGO, BUS, ...
    role: str | None = None
    kind: str = "state"  # person, state, organisation, group
    kb_id: str | None = None


@dataclass(frozen=True)
class DateSpan:
    """A resolved time: an inclusive range with the precision of its text."""

    start: dt.date
    end: dt.date
    precision: Precision
    text: str


@dataclass(frozen=True)
class Location:
    name: str
    country: str | None = None
    lat: float | None = None  # where known (a city from the gazetteer)
    lon: float | None = None
    geonames_id: int | None = None


@dataclass(frozen=True)
class Attribution:
    """Who says an event happened (or did not)."""

    name: str
    kind: str  # outlet, official, institution, anonymous, article
    stance: Stance = "asserts"
    hedged: bool = False
    country: str | None = None


@dataclass(frozen=True)
class Evidence:
    doc: str
    sentence: str
    start: int  # character offsets into Article.text
    end: int


@dataclass(frozen=True)
class Event:
    """One event mention read from one article."""

    doc: str
    type: str
    mode: str | None
    cameo: str
    source: Actor | None
    target: Actor | None
    date: DateSpan | None
    status: str = "occurred"
    hedged: bool = False
    location: Location | None = None
    attribution: tuple[Attribution, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    trigger: str = ""
    published: dt.date | None = None
    published_source: PublishedSource = "unknown"
    extras: tuple[tuple[str, str], ...] = field(default=())
