"""The PETRARCH actor-file format: records of a name, its synonyms and dated codes.

    HAMID_KARZAI_  # CountryInfo.txt
    +KARZAI_HAMID_
        [AFGGOV 011222-140929]
        [AFGELI]

A record starts with its primary name, optionally followed on the same line by
codes; ``+`` lines add synonyms; indented ``[CODE restriction]`` lines add
codes that hold ``>DATE`` (from), ``<DATE`` (until) or ``DATE-DATE``; a code
without a restriction is the default for when no dated one holds. Dates are
YYMMDD or YYYYMMDD; a two-digit year up to 20 is read as 20YY, later ones as
19YY (the files end in 2016 and reach back to the 1920s in full years).
``[---]`` is the null code.

A restriction's end is kept as written and read as the first day the code no
longer holds, readout's convention: the files write a successor's start on
the day the predecessor ends (``[AFGGOV 791227-861124]`` then
``[AFGGOV 861124-...]``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from readout.convert.source import Dropped, Line

_CODE_SPAN = re.compile(r"\[([^\]]*)\]")
_PIVOT_YEAR = 20


@dataclass(frozen=True)
class CodeSpan:
    code: str
    start: dt.date | None
    end: dt.date | None  # the first day the code no longer holds


@dataclass(frozen=True)
class ActorRecord:
    name: str  # as written, e.g. "BASHAR_AL-ASSAD"
    synonyms: tuple[str, ...]
    codes: tuple[CodeSpan, ...]
    comment: str  # the primary line's comment ("CountryInfo.txt")
    line: int


class _BadSpan(ValueError):
    pass


def parse_date(text: str) -> dt.date:
    """YYMMDD or YYYYMMDD → a date; ValueError otherwise."""
    if not text.isdigit() or len(text) not in (6, 8):
        raise _BadSpan(f"bad date: '{text}' is neither YYMMDD nor YYYYMMDD")
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= _PIVOT_YEAR else 1900
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return dt.date(year, month, day)
    except ValueError as err:
        raise _BadSpan(f"bad date: '{text}', {err}") from None


def parse_span(content: str) -> CodeSpan | None:
    """The inside of one [...]: a code and its restriction; None for the null code."""
    code, _, restriction = content.strip().partition(" ")
    restriction = restriction.replace(" ", "")
    if not code or code == "---" or not re.fullmatch(r"[A-Z]+", code):
        if code == "---" or not code:
            return None
        raise _BadSpan(f"bad code: '{code}' is not upper-case letters")
    if not restriction:
        return CodeSpan(code, None, None)
    if restriction.startswith(">"):
        return CodeSpan(code, parse_date(restriction[1:]), None)
    if restriction.startswith("<"):
        return CodeSpan(code, None, parse_date(restriction[1:]))
    first, dash, last = restriction.partition("-")
    if not dash:
        raise _BadSpan(f"bad restriction: '{restriction}' is not >DATE, <DATE or DATE-DATE")
    start, end = parse_date(first), parse_date(last)
    if end < start:
        raise _BadSpan(f"bad restriction: '{restriction}' ends before it starts")
    return CodeSpan(code, start, end)


@dataclass
class _Open:
    name: str
    comment: str
    line: int
    synonyms: list[str]
    codes: list[CodeSpan]


def parse_actor_file(lines: list[Line], label: str) -> tuple[list[ActorRecord], list[Dropped]]:
    """Every record of an actor file, in order, and the restrictions that could not be read."""
    records: list[ActorRecord] = []
    dropped: list[Dropped] = []
    current: _Open | None = None

    def close() -> None:
        if current is not None:
            records.append(
                ActorRecord(
                    current.name,
                    tuple(current.synonyms),
                    tuple(current.codes),
                    current.comment,
                    current.line,
                )
            )

    def add_codes(line: Line, text: str) -> None:
        assert current is not None
        for content in _CODE_SPAN.findall(text):
            try:
                span = parse_span(content)
            except _BadSpan as err:
                dropped.append(Dropped(label, line.number, str(err), line.raw.strip()))
                continue
            if span is not None:
                current.codes.append(span)

    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if text.startswith("+"):
            if current is None:
                dropped.append(Dropped(label, line.number, "synonym before any name", text))
                continue
            current.synonyms.append(text[1:].split("[")[0].strip())
            add_codes(line, text)
        elif text.startswith("["):
            if current is None:
                dropped.append(Dropped(label, line.number, "code before any name", text))
                continue
            add_codes(line, text)
        else:
            close()
            name = text.split("[")[0].split("\t")[0].strip()
            current = _Open(name, line.comment, line.number, [], [])
            add_codes(line, text)
    close()
    return records, dropped
