"""Word lists and compiled patterns for temporal expressions.

Each kind of expression has one *core* pattern with named groups. The finder
puts an optional preposition ("on", "in", "since", ...) in front of it and
applies guards; the resolver strips the preposition and full-matches the core,
so both read an expression the same way. Everything compiles once, at import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from readout.errors import KnowledgeBaseError

DATA_FILE = "data/timex.yaml"


@dataclass(frozen=True)
class TimexWords:
    """The word lists of ``data/timex.yaml``, normalised to lower case."""

    month_numbers: dict[str, int]  # "september", "sept", "sep" -> 9
    month_full: tuple[str, ...]
    month_abbr: tuple[str, ...]
    weekdays: tuple[str, ...]  # Monday first, as date.weekday() counts
    number_words: dict[str, int]
    ordinals: dict[str, int]
    seasons: dict[str, tuple[int, int]]
    weekday_not_before: tuple[str, ...]
    weekday_not_after: tuple[str, ...]
    month_cues: frozenset[str]
    count_nouns: frozenset[str]
    count_cues: frozenset[str]


def _str_list(data: dict[str, Any], key: str, path: str) -> tuple[str, ...]:
    value = data.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise KnowledgeBaseError(f"'{key}' must be a list of words", path=path)
    return tuple(str(v) for v in value)


def _int_map(data: dict[str, Any], key: str, path: str) -> dict[str, int]:
    value = data.get(key)
    if not isinstance(value, dict) or not all(isinstance(v, int) for v in value.values()):
        raise KnowledgeBaseError(f"'{key}' must map words to numbers", path=path)
    return {str(k).lower(): v for k, v in value.items()}


def _months(data: dict[str, Any], path: str) -> tuple[dict[str, int], list[str], list[str]]:
    months = data.get("months")
    if not isinstance(months, dict) or sorted(months) != list(range(1, 13)):
        raise KnowledgeBaseError("'months' must list the months 1 to 12", path=path)
    numbers: dict[str, int] = {}
    full: list[str] = []
    abbr: list[str] = []
    for number, names in months.items():
        if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
            raise KnowledgeBaseError(f"month {number} needs a list of names", path=path)
        full.append(names[0])
        abbr.extend(names[1:])
        numbers.update({name.lower(): number for name in names})
    return numbers, full, abbr


def _seasons(data: dict[str, Any], path: str) -> dict[str, tuple[int, int]]:
    seasons = data.get("seasons")
    if not isinstance(seasons, dict):
        raise KnowledgeBaseError("'seasons' must map names to [first, last] months", path=path)
    out: dict[str, tuple[int, int]] = {}
    for name, bounds in seasons.items():
        ok = isinstance(bounds, list) and len(bounds) == 2
        if not ok or not all(isinstance(b, int) and 1 <= b <= 12 for b in bounds):
            raise KnowledgeBaseError(f"season '{name}' needs [first, last] months", path=path)
        out[str(name).lower()] = (bounds[0], bounds[1])
    return out


def load_words(text: str | None = None, path: str = DATA_FILE) -> TimexWords:
    """Parse the word lists; ``text`` overrides the shipped file (for tests)."""
    if text is None:
        text = resources.files("readout.context").joinpath(DATA_FILE).read_text("utf-8")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise KnowledgeBaseError(f"not valid YAML ({err.__class__.__name__})", path=path) from err
    if not isinstance(data, dict):
        raise KnowledgeBaseError("expected a mapping of word lists", path=path)
    numbers, full, abbr = _months(data, path)
    weekdays = _str_list(data, "weekdays", path)
    if len(weekdays) != 7:
        raise KnowledgeBaseError("'weekdays' must list seven days, Monday first", path=path)
    return TimexWords(
        month_numbers=numbers,
        month_full=tuple(full),
        month_abbr=tuple(abbr),
        weekdays=weekdays,
        number_words=_int_map(data, "number_words", path),
        ordinals=_int_map(data, "ordinals", path),
        seasons=_seasons(data, path),
        weekday_not_before=_str_list(data, "weekday_not_before", path),
        weekday_not_after=_str_list(data, "weekday_not_after", path),
        month_cues=frozenset(w.lower() for w in _str_list(data, "month_cues", path)),
        count_nouns=frozenset(w.lower() for w in _str_list(data, "count_nouns", path)),
        count_cues=frozenset(w.lower() for w in _str_list(data, "count_cues", path)),
    )


WORDS = load_words()


def _alt(words: tuple[str, ...] | list[str]) -> str:
    # Longest first, so "September" is tried before "Sept" and "Sep".
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MONTH_ANY = rf"(?P<month>{_alt(WORDS.month_full)}|(?:{_alt(WORDS.month_abbr)})\.?)(?![a-z])"
_MONTH_FULL = rf"(?P<month>{_alt(WORDS.month_full)})(?![a-z])"
_WEEKDAY = rf"(?P<wd>{_alt(WORDS.weekdays)})(?![a-z])"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:a-z])"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)(?!\d|[,.]\d)"
_PART = r"(?P<part>early|mid|late)"
_EDGE = r"(?:the\s+)?(?P<edge>end|start|beginning|middle)\s+of\s+"
_SEASON = rf"(?P<season>{_alt(list(WORDS.seasons))})"
_NUMBER = rf"(?P<n>{_alt(list(WORDS.number_words))}|\d{{1,3}})"
_ORDINAL = rf"(?P<ord>{_alt(list(WORDS.ordinals))})"
_YEAR_REF = rf"(?:{_YEAR}|(?P<rel>last|this|next)\s+year|the\s+year)"

# Core patterns, most specific first: the resolver tries them in this order.
CORES: dict[str, str] = {
    "iso": r"(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\d-])",
    "mdy": rf"(?:{_WEEKDAY},?\s+)?{_MONTH_ANY}\s+{_DAY}(?:,?\s+{_YEAR})?",
    "dmy": rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH_ANY}(?:,?\s+{_YEAR})?",
    "month_year": rf"(?:{_PART}[-\s]+)?{_MONTH_ANY}(?:\s+of)?,?\s+{_YEAR}",
    "year_range": (
        r"(?:from|between)\s+(?P<y1>1[5-9]\d\d|20\d\d)\s+(?:to|until|till|through|and)\s+"
        r"(?P<y2>1[5-9]\d\d|20\d\d)(?!\d)"
    ),
    "year_dash": r"(?P<y1>1[5-9]\d\d|20\d\d)\s?[-–—]\s?(?P<y2>1[5-9]\d\d|20\d\d|\d\d)(?![\d-])",
    "quarter": rf"(?:the\s+)?{_ORDINAL}\s+quarter(?:\s+of\s+{_YEAR_REF})?",
    "quarter_code": rf"Q(?P<q>[1-4])\s+{_YEAR}",
    "half": rf"(?:the\s+)?(?P<half>first|second)\s+half\s+of\s+{_YEAR_REF}",
    "season_year": rf"(?:the\s+)?(?:{_PART}\s+)?{_SEASON}(?:\s+of)?\s+{_YEAR}",
    "season_rel": rf"(?P<rel>last|this|next)\s+{_SEASON}",
    "decade": rf"(?:the\s+)?(?:{_PART}[-\s]+)?(?P<decade>1[5-9]\d0|20\d0)'?s(?![a-z])",
    "part_year": rf"(?:{_PART}[-\s]+|{_EDGE}){_YEAR}",
    "month": rf"(?:(?P<rel>last|this|next)\s+)?(?:{_PART}[-\s]+)?{_MONTH_FULL}",
    "weekday": (
        rf"(?:(?P<rel>last|this\s+past|this\s+coming|this|next)\s+)?{_WEEKDAY}"
        r"(?:\s+(?P<tod>morning|afternoon|evening|night))?"
    ),
    "day_word": (
        r"(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today"
        r"|tonight|tomorrow|last\s+night|this\s+morning|this\s+afternoon|this\s+evening"
        r"|earlier\s+today|later\s+today)(?![a-z'’])(?:\s+(?:morning|afternoon|evening|night))?"
    ),
    "period": (
        rf"(?:(?P<part>earlier|later|early|late|mid)[-\s]+|{_EDGE})?"
        r"(?P<rel>last|this|next)\s+(?P<unit>week|month|year|quarter)(?![a-z])"
    ),
    "period_the": rf"{_EDGE}the\s+(?P<unit>week|month|year)(?![a-z])",
    "weekend": r"(?:(?:over|at|during)\s+)?(?P<rel>last|this|next|the)\s+weekend(?![a-z])",
    "ago": rf"{_NUMBER}\s+(?P<unit>day|week|month|year)s?\s+ago(?![a-z])",
    "year": _YEAR,
}

# Kinds whose month/weekday group must be capitalised in running text.
NAMED_KINDS = frozenset({"mdy", "dmy", "month_year", "month", "weekday"})

PREP = r"(?:(?P<prep>on|in|during|since|throughout)\s+)"
LEAD_PREP = re.compile(PREP, re.IGNORECASE)

FIND_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rf"(?<![\w$€£.,/-]){PREP}?{core}", re.IGNORECASE))
    for kind, core in CORES.items()
)
CORE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(core, re.IGNORECASE)) for kind, core in CORES.items()
)

# Cheap gate: which kinds of pattern can match at all, judged from the words of
# the text. Scanning every pattern costs ~15 us each; a word set costs a few.
_WORD = re.compile(r"[A-Za-z]+|\d+")
_CUE_FEATURES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        ("yesterday", "today", "tonight", "tomorrow", "night", "morning", "afternoon", "evening"),
        ("day_word",),
    ),
    **dict.fromkeys(("week", "month", "year"), ("unit",)),
    **dict.fromkeys(WORDS.seasons, ("season",)),
    "quarter": ("unit", "quarter"),
    "half": ("half",),
    "weekend": ("weekend",),
    "ago": ("ago",),
}
_NAME_FEATURES: dict[str, str] = {
    **dict.fromkeys((name.lower() for name in WORDS.month_numbers), "month"),
    **dict.fromkeys((day.lower() for day in WORDS.weekdays), "weekday"),
}
# Every feature in a kind's set must be present for its pattern to run.
KIND_NEEDS: dict[str, frozenset[str]] = {
    "iso": frozenset({"year4"}),
    "mdy": frozenset({"digit", "month"}),
    "dmy": frozenset({"digit", "month"}),
    "month_year": frozenset({"year4", "month"}),
    "year_range": frozenset({"year4"}),
    "year_dash": frozenset({"year4"}),
    "quarter": frozenset({"quarter"}),
    "quarter_code": frozenset({"year4"}),
    "half": frozenset({"half"}),
    "season_year": frozenset({"year4", "season"}),
    "season_rel": frozenset({"season"}),
    "decade": frozenset({"year4"}),
    "part_year": frozenset({"year4"}),
    "month": frozenset({"month"}),
    "weekday": frozenset({"weekday"}),
    "day_word": frozenset({"day_word"}),
    "period": frozenset({"unit"}),
    "period_the": frozenset({"unit"}),
    "weekend": frozenset({"weekend"}),
    "ago": frozenset({"ago"}),
    "year": frozenset({"year4"}),
}


def text_features(text: str) -> set[str]:
    """The features of ``text`` that some pattern needs ("digit", "month", ...)."""
    features: set[str] = set()
    for word in _WORD.findall(text):
        if word.isdigit():
            features.add("digit")
            if len(word) == 4:
                features.add("year4")
            continue
        lower = word.lower()
        cues = _CUE_FEATURES.get(lower)
        if cues is not None:
            features.update(cues)
        elif word[0].isupper() and lower in _NAME_FEATURES:
            features.add(_NAME_FEATURES[lower])
    return features
