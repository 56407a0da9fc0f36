"""Cheap test of whether a sentence can hold an event: a trigger word and an actor."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Protocol

_WORD = re.compile(r"[A-Za-z][a-z-]*")


def has_trigger(text: str, surface_forms: frozenset[str]) -> bool:
    return any(w.lower() in surface_forms for w in _WORD.findall(text))


_WINDOW = 10  # words between a trigger and an actor that an event can span (8 lost dated scenes on voa-dev)
_HOME_WINDOW = 3  # ... an agent the text does not place ("the police"): it must be close


def near_actor(text: str, words: set[str], actors: Sequence[Located]) -> bool:
    """A trigger word within a few words of an actor mention (or no actor to
    be near: a pronoun or a reference back decides). Measured on voa-dev, the
    sentences this leaves out held no event readout found; it spares a tenth
    of the parsing."""
    if not actors:
        return True
    spans = [(m.start(), m.group().lower()) for m in _WORD.finditer(text)]
    triggers = [i for i, (_, w) in enumerate(spans) if w in words]
    starts = [start for start, _ in spans]
    places = [
        (bisect.bisect_left(starts, a.start), _HOME_WINDOW if a.from_home else _WINDOW)
        for a in actors
    ]
    return any(abs(t - a) <= w for t in triggers for a, w in places)


class Located(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def from_home(self) -> bool: ...


def trigger_words(
    text: str, surface_forms: frozenset[str], gates: dict[str, frozenset[str]] | None = None
) -> set[str]:
    """The words of ``text`` that may be triggers (lower case); a gated verb
    form counts only beside one of its object words ("signed" and "treaty")."""
    words = {m.lower() for m in _WORD.findall(text)}
    found = words & surface_forms
    if gates:
        found = {w for w in found if w not in gates or gates[w] & words}
    return found


_BACK = re.compile(
    r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|(?:[Tt]he|[Tt]his|[Tt]hat|[Nn]o|[Tt]heir) (?:call|conversation|"
    r"meeting|talks|summit|visit|agreement|deal|strike|attack|sanctions))\b"
)


def refers_back(text: str) -> bool:
    """A pronoun or a definite event noun: the actors may be in earlier sentences."""
    return _BACK.search(text) is not None


_ACCORD = re.compile(r"\b(?:extension|agreement|treaty|accord|pact|deal)\b")


def names_an_accord(text: str) -> bool:
    """An agreement whose other party an earlier sentence may have named."""
    return _ACCORD.search(text) is not None
