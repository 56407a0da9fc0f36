"""Temporal expressions: find them in a sentence, resolve them to dates.

``find_time_expressions`` returns every date-like phrase of a sentence
("on Sunday", "late last year", "the 1990s"), longest match first and without
overlaps. ``resolve_time`` turns one such phrase into a ``DateSpan`` relative
to the publication date; the rules for vague phrases are documented in
``timex_resolve``. Vague words ("recently", "soon", "in recent weeks") and
times of day alone ("at 3 pm") are not dates and are never returned.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from readout.context.timex_patterns import (
    CORE_PATTERNS,
    FIND_PATTERNS,
    KIND_NEEDS,
    LEAD_PREP,
    NAMED_KINDS,
    WORDS,
    text_features,
)
from readout.context.timex_resolve import HANDLERS
from readout.limits import calendar_problem
from readout.model import DateSpan

__all__ = ["TimeMention", "find_time_expressions", "resolve_all", "resolve_time"]

_WORD_BEFORE = re.compile(r"([\w.]+)\W*$")
_WORD_AFTER = re.compile(r"^\W*?(\w+)")
_AFTER_WEEKDAY = re.compile(rf"^\s+(?:{'|'.join(WORDS.weekday_not_before)})\b")
_BEFORE_WEEKDAY = re.compile(rf"\b(?:{'|'.join(WORDS.weekday_not_after)})\s+$")
_POSSESSIVE = re.compile(r"^['’]s\b")
_CONTEXT = 30  # characters of context the guards look at


@dataclass(frozen=True)
class TimeMention:
    """A temporal expression; offsets index the string that was searched."""

    start: int
    end: int
    text: str
    kind: str = field(default="", compare=False)  # which pattern found it


def _capitalised(match: re.Match[str], kind: str) -> bool:
    # "may" and "march" in lower case are a verb and a noun, not months.
    if kind not in NAMED_KINDS:
        return True
    names = [match[g] for g in ("month", "wd") if g in match.re.groupindex and match[g]]
    return all(name[0].isupper() for name in names)


def _word_before(text: str, start: int) -> str:
    found = _WORD_BEFORE.search(text[max(0, start - _CONTEXT) : start])
    return found.group(1).lower() if found else ""


def _month_has_cue(match: re.Match[str], text: str) -> bool:
    # A lone month name ("May", "June") is often a person; ask for a cue word.
    if match["prep"] or match["rel"] or match["part"]:
        return True
    after = text[match.end() : match.end() + 3]
    return _word_before(text, match.start()) in WORDS.month_cues or bool(_POSSESSIVE.match(after))


def _weekday_is_date(match: re.Match[str], text: str) -> bool:
    # "the Sunday Times" and "the Good Friday Agreement" are names, not dates.
    before = text[max(0, match.start() - _CONTEXT) : match.start()]
    after = text[match.end() : match.end() + _CONTEXT]
    return not (_AFTER_WEEKDAY.match(after) or _BEFORE_WEEKDAY.search(before))


def _year_is_date(match: re.Match[str], text: str) -> bool:
    # "2000 troops" and "some 1500 people" count things; "the 2016 election" is a year.
    after = _WORD_AFTER.match(text[match.end() : match.end() + _CONTEXT])
    if after and after.group(1).lower() in WORDS.count_nouns:
        return False
    if text[match.end() : match.end() + 1] in ("%", "-"):
        return False
    return match["prep"] is not None or _word_before(text, match.start()) not in WORDS.count_cues


def _passes_guards(kind: str, match: re.Match[str], text: str) -> bool:
    if not _capitalised(match, kind):
        return False
    if kind == "month":
        return _month_has_cue(match, text)
    if kind == "weekday":
        return _weekday_is_date(match, text)
    if kind == "year":
        return _year_is_date(match, text)
    return True


def _candidates(text: str, features: set[str]) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for kind, pattern in FIND_PATTERNS:
        if not KIND_NEEDS[kind] <= features:
            continue
        for match in pattern.finditer(text):
            if _passes_guards(kind, match, text):
                found.append((match.start(), match.end(), kind))
    return found


def _longest_first(candidates: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    chosen: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, kind))
    return sorted(chosen)


def find_time_expressions(text: str) -> list[TimeMention]:
    """Every temporal expression in ``text``, in order, longest match, no overlaps."""
    features = text_features(text)
    if not features:
        return []
    return [
        TimeMention(start, end, text[start:end], kind)
        for start, end, kind in _longest_first(_candidates(text, features))
    ]


def _since(span: DateSpan, published: dt.date | None) -> DateSpan:
    # "since 2014" runs from the start of 2014 up to the article's date (inside the calendar).
    if published is None or published < span.start or calendar_problem(published):
        return span
    return DateSpan(span.start, published, span.precision, span.text)


def resolve_time(text: str, published: dt.date | None, *, future: bool = False) -> DateSpan | None:
    """Resolve one expression against the publication date; None if it cannot be.

    ``future`` says the clause is about the future ("will meet on Sunday"), so
    bare weekdays, months and month-days look forward instead of back.
    """
    phrase = " ".join(text.split())
    lead = LEAD_PREP.match(phrase)
    core = phrase[lead.end() :] if lead else phrase
    for kind, pattern in CORE_PATTERNS:
        match = pattern.fullmatch(core)
        if match is None:
            continue
        resolved = HANDLERS[kind](match, published, future)
        if resolved is None:
            return None
        span = DateSpan(*resolved, text=text)
        is_since = lead is not None and lead["prep"].lower() == "since"
        return _since(span, published) if is_since else span
    return None


def resolve_all(
    text: str, published: dt.date | None, *, future: bool = False
) -> list[tuple[TimeMention, DateSpan]]:
    """Find and resolve every expression in ``text``, dropping those that do not resolve."""
    pairs: list[tuple[TimeMention, DateSpan]] = []
    for mention in find_time_expressions(text):
        span = resolve_time(mention.text, published, future=future)
        if span is not None:
            pairs.append((mention, span))
    return pairs
