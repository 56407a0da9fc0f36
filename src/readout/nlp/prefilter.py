"""Cheap test of whether a sentence can hold an event: a trigger word and an actor."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Protocol

from readout.actors.matcher import joinable

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
    triggers, places = _word_positions(text, words, actors)
    reach = [_HOME_WINDOW if a.from_home else _WINDOW for a in actors]
    return any(abs(t - a) <= w for t in triggers for a, w in zip(places, reach, strict=True))


def flanked(text: str, words: set[str], actors: Sequence[Located]) -> bool:
    """An actor within a few words before a trigger word and another after it:
    where a verb needs both sides as its own subject and object ("Peru
    expelled Chile's envoy"). Measured on voa-sample and voa-dev, parsed
    sentences whose only triggers were such verbs and that fail this gave no
    event: 50 of 105."""
    triggers, places = _word_positions(text, words, actors)
    return any(
        any(0 < t - a <= _WINDOW for a in places) and any(0 < a - t <= _WINDOW for a in places)
        for t in triggers
    )


def _word_positions(
    text: str, words: set[str], actors: Sequence[Located]
) -> tuple[list[int], list[int]]:
    """Word indices of the trigger words, and of the word each actor starts at."""
    spans = [(m.start(), m.group().lower()) for m in _WORD.finditer(text)]
    starts = [start for start, _ in spans]
    triggers = [i for i, (_, w) in enumerate(spans) if w in words]
    return triggers, [bisect.bisect_left(starts, a.start) for a in actors]


class Located(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def from_home(self) -> bool: ...


# words after which a word is a noun: "its research", "the forces", "China's partner"
_NOUN_BEFORE = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "s"})
_OPENING = re.compile(r"(?:^|[.!?:;\"“‘'(—–-])\s*$")


def trigger_words(
    text: str,
    surface_forms: frozenset[str],
    gates: dict[str, frozenset[str]] | None = None,
    verb_only: frozenset[str] = frozenset(),
) -> set[str]:
    """The words of ``text`` that may be triggers (lower case); a gated verb
    form counts only beside one of its object words ("signed" and "treaty").

    Two guesses at the part of speech, cheaper than the tagger and wrong
    seldom enough to spare the parse: a form that only a verb of the lexicon
    has is a noun after a determiner or a possessive ("its research", "the
    forces"); a trigger form inside a run of capitalised words is part of a
    name ("the Air Force", "the Marshall Fund", "in March 2020")."""
    words = {w.lower() for w in _WORD.findall(text)}
    found = words & surface_forms
    if gates:
        found = {w for w in found if w not in gates or gates[w] & words}
    if not found:
        return found
    spans = [(m.start(), m.group()) for m in _WORD.finditer(text)]
    kept: set[str] = set()
    for k, (_, word) in enumerate(spans):
        low = word.lower()
        if low not in found or low in kept:
            continue
        if low in verb_only and k and spans[k - 1][1].lower() in _NOUN_BEFORE:
            continue
        if word[0].isupper() and _in_name(text, spans, k):
            continue
        kept.add(low)
    return kept


def _in_name(text: str, spans: list[tuple[int, str]], k: int) -> bool:
    """A capitalised word inside a sentence, beside another capitalised word
    or a number ("Air Force", "Research Institute", "March 2020")."""
    start = spans[k][0]
    if _OPENING.search(text[max(0, start - 3) : start]):
        return False  # a sentence or a quotation begins with it
    before = spans[k - 1] if k else None
    if before is not None and before[1][0].isupper() and _adjacent(text, before, start):
        return True
    end = start + len(spans[k][1])
    after = text[end : end + 16].lstrip(" ")
    if after[:1].isdigit():
        return True
    following = spans[k + 1] if k + 1 < len(spans) else None
    return (
        following is not None
        and following[1][0].isupper()
        and _adjacent(text, spans[k], following[0])
    )


def _adjacent(text: str, word: tuple[int, str], next_start: int) -> bool:
    """Only what may join the words of one name between a word and the next."""
    return joinable(text[word[0] + len(word[1]) : next_start])


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
