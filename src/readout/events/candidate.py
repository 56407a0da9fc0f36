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


def pairs(
    trigger: Token,
    reading: Reading,
    mode: str | None,
    cameo: str,
    sources: list[Actor],
    targets: list[Actor],
) -> list[Candidate]:
    """One candidate per (source, target); coordinated subjects of a symmetric
    event are its two sides ("Lavrov and Rubio held a call")."""
    if reading.type in SYMMETRIC and len(sources) >= 2:
        sources, targets = sources[:1], sources[1:]  # "X and Y signed ..." at wherever
    elif reading.reciprocal and len(sources) >= 2 and not targets:
        sources, targets = sources[:1], sources[1:]
    if reading.needs_target and not targets:
        return []
    out = []
    no_one: list[Actor | None] = [None]
    for s in [*sources] or no_one:
        for t in [*targets] or no_one:
            if s is not None and t is not None and same(s, t):
                continue
            out.append(Candidate(trigger, reading, mode, cameo, s, t))
    return out


def same(a: Actor, b: Actor) -> bool:
    if a.kb_id and a.kb_id == b.kb_id:
        return True
    return a.name == b.name and a.country == b.country
