"""Cheap test of whether a sentence can hold an event: a trigger word and an actor."""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z][a-z-]*")


def has_trigger(text: str, surface_forms: frozenset[str]) -> bool:
    return any(w.lower() in surface_forms for w in _WORD.findall(text))
