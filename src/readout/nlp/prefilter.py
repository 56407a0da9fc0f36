"""Cheap test of whether a sentence can hold an event: a trigger word and an actor."""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z][a-z-]*")


def has_trigger(text: str, surface_forms: frozenset[str]) -> bool:
    return any(w.lower() in surface_forms for w in _WORD.findall(text))


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
