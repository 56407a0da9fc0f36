"""An event read from one sentence before its status, date and attribution,
and how candidates are assembled from the sides found for a trigger."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from readout.events.lexicon import Reading
from readout.model import Actor

Token = Any

SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})


@dataclass(frozen=True)
class Candidate:
    """An event read from a sentence, before status, dates and attribution."""

    trigger: Token
    reading: Reading
    mode: str | None
    cameo: str
    source: Actor | None
    target: Actor | None
    anaphor: bool = False  # "the call", "their conversation": an event named before
    # the phrase in the target's place when it names no known actor ("attacked a
    # passenger train", "banned her book"): in a story about one country, its people
    patient: str | None = None
    answers: str | None = None  # "denied the request": the type of the event answered


def pairs(
    trigger: Token,
    reading: Reading,
    mode: str | None,
    cameo: str,
    sources: list[Actor],
    targets: list[Actor],
    patient: str | None = None,
    answers: str | None = None,
) -> list[Candidate]:
    """One candidate per (source, target); coordinated subjects of a symmetric
    event are its two sides ("Lavrov and Rubio held a call")."""
    if reading.type in SYMMETRIC and len(sources) >= 2:
        sources, targets = sources[:1], sources[1:]  # "X and Y signed ..." at wherever
    elif reading.reciprocal and len(sources) >= 2 and not targets:
        sources, targets = sources[:1], sources[1:]
    if reading.needs_target and not targets and patient is None:
        return []
    out = []
    no_one: list[Actor | None] = [None]
    if reading.type in _POLITICAL_ONLY:
        sources = [a for a in sources if not _private(a)]
        targets = [a for a in targets if not _private(a)]
    for s in [*sources] or no_one:
        for t in [*targets] or no_one:
            if s is not None and t is not None and same(s, t):
                continue
            out.append(
                Candidate(
                    trigger, reading, mode, cameo, s, t,
                    patient=None if t is not None else patient,
                    answers=None if t is not None else answers,
                )
            )  # fmt: skip
    return out


def same(a: Actor, b: Actor) -> bool:
    if a.kb_id and a.kb_id == b.kb_id:
        return True
    return a.name == b.name and a.country == b.country


# Tourists visiting, farmers agreeing, students cooperating: private people's
# dealings are no diplomacy. They stay sides of protests, arrests and attacks.
_POLITICAL_ONLY = frozenset({"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "AID", "CONCEDE"})
_PRIVATE_SECTORS = frozenset(
    {"CVL", "PPL", "BUS", "EDU", "AGR", "LAB", "HLH", "REL", "REF", "CRM", "MED", "ENV"}
)


def _private(actor: Actor) -> bool:
    return actor.kind == "group" and actor.sector in _PRIVATE_SECTORS
