"""Line classifiers for page furniture: menus, credits, bylines, share links.

Each function looks at one stripped line and answers one question; the word
lists live in ``boilerplate.yaml`` next to this module.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from readout.errors import KnowledgeBaseError

LEXICON_PATH = Path(__file__).with_name("boilerplate.yaml")
LIST_KEYS = (
    "menu_words",
    "menu_phrases",
    "places",
    "furniture_phrases",
    "related_markers",
    "credit_prefixes",
    "staff_prefixes",
)

# Separators seen between menu items: pipes, bullets, slashes, chevrons.
_MENU_SPLIT = re.compile(r"[\s|•·/>»›,;]+")
_TOKEN_TRIM = "\"'“”‘’()[]{}:.!?-–—"
# Small words a headline or byline may keep in lower case.
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "de",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "over",
        "the",
        "to",
        "van",
        "von",
        "vs",
        "with",
        "al",
        "bin",
    ]
)
_SENTENCE_END = (".", "!", "?", ";")
_CLOSING_QUOTES = "\"'”’)»"
_CREDIT_TAIL = re.compile(
    r"(?:\b(?:photo|photograph|image|picture|credit)s?\s*:\s*[^.]{1,80}"
    r"|\s/\s*[A-Z][\w.&' -]{1,40})$",
    re.IGNORECASE,
)
_CREDIT_TAIL_CHARS = 120
_MAX_MENU_CHARS = 400
_MAX_FURNITURE_CHARS = 120
_CC_LICENSE = re.compile(r"\bCC[ -]BY\b")
_BYLINE = re.compile(r"^by\s+(?P<names>\S.*)$", re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    menu_words: frozenset[str]
    places: frozenset[str]
    furniture_phrases: tuple[str, ...]
    related_markers: tuple[str, ...]
    credit_prefixes: tuple[str, ...]
    staff_prefixes: tuple[str, ...]
    phrase_pattern: re.Pattern[str]  # joins multi-word menu items and places into one token


@functools.cache
def lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Load and check the boilerplate word lists (once per process)."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"cannot load boilerplate lexicon: {exc}", path=str(path)) from exc
    lists = {key: _entries(raw, key, path) for key in LIST_KEYS}
    phrases = [p for p in (*lists["menu_phrases"], *lists["places"]) if " " in p]
    joined = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return Lexicon(
        menu_words=frozenset(lists["menu_words"]) | {_joined(p) for p in lists["menu_phrases"]},
        places=frozenset(_joined(p) for p in lists["places"]),
        furniture_phrases=tuple(lists["furniture_phrases"]),
        related_markers=tuple(lists["related_markers"]),
        credit_prefixes=tuple(lists["credit_prefixes"]),
        staff_prefixes=tuple(lists["staff_prefixes"]),
        phrase_pattern=re.compile(rf"\b(?:{joined})\b" if joined else r"(?!x)x"),
    )


def _entries(raw: object, key: str, path: Path) -> list[str]:
    values = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise KnowledgeBaseError(f"'{key}' must be a list of non-empty strings", path=str(path))
    return [v.strip().lower() for v in values]


def _joined(phrase: str) -> str:
    return phrase.replace(" ", "_")


def _plain(line: str) -> str:
    """Lower-case the line and trim surrounding punctuation, for phrase matching."""
    return line.lower().strip(_TOKEN_TRIM + " ")


def _starts_with_phrase(text: str, phrase: str) -> bool:
    if not text.startswith(phrase):
        return False
    rest = text[len(phrase) :]
    return not rest or not rest[0].isalnum()


def is_menu_line(line: str) -> bool:
    """True for a line made mostly of section names ("World | Politics | Sport")."""
    lex = lexicon()
    if len(line) > _MAX_MENU_CHARS or _has_prose_words(line, lex):
        return False
    merged = lex.phrase_pattern.sub(lambda m: _joined(m.group(0)), line.lower())
    raw_tokens = [t.strip(_TOKEN_TRIM) for t in _MENU_SPLIT.split(line)]
    tokens = [t.strip(_TOKEN_TRIM) for t in _MENU_SPLIT.split(merged)]
    tokens = [t for t in tokens if t and t != "&"]
    if not tokens or len(tokens) > 40:
        return False
    has_lower = any(t[:1].islower() and t.lower() not in _SMALL_WORDS for t in raw_tokens if t)
    menu = sum(1 for t in tokens if t in lex.menu_words)
    places = 0 if has_lower else sum(1 for t in tokens if t in lex.places)
    # A run of country names alone is a subheading; a real menu has section words.
    return menu >= 1 and (menu + places) / len(tokens) >= 0.6


def _has_prose_words(line: str, lex: Lexicon) -> bool:
    """Cheap early exit: several lower-case words that are not menu words mean prose."""
    prose = 0
    for word in line.split():
        if (
            word[:1].islower()
            and word not in _SMALL_WORDS
            and word.strip(",.|") not in lex.menu_words
        ):
            prose += 1
            if prose > 2:
                return True
    return False


def is_credit_line(line: str) -> bool:
    """True for photo credits, captions with a credit, and licence notices."""
    lex = lexicon()
    lowered = line.lower()
    if lowered.startswith(lex.credit_prefixes):
        return True
    if len(line.split()) > 60:
        return False
    # Credits sit at the end of a caption: only its tail needs the (slower) search.
    if "creativecommons" in lowered or "getty images" in lowered or _CC_LICENSE.search(line):
        return True
    tail = line[-_CREDIT_TAIL_CHARS:]
    return ("/" in tail or ":" in tail) and _CREDIT_TAIL.search(tail) is not None


def is_byline(line: str) -> bool:
    """True for "By Jane Doe and John Roe, Reuters" and "Reporting by ...; Editing by ..."."""
    lex = lexicon()
    if line.lower().startswith(lex.staff_prefixes):
        return True
    found = _BYLINE.match(line)
    if found is None or len(line.split()) > 16 or line.endswith(("!", "?", ";")):
        return False
    words = [w.strip(_TOKEN_TRIM + ",") for w in found.group("names").split()]
    words = [w for w in words if w and w != "&"]
    if not words or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words)


def is_furniture_line(line: str) -> bool:
    """True for "Share this article", "Advertisement", "Follow us on X", "© 2025 ..."."""
    if not any(ch.isalnum() for ch in line):
        return True  # a line of punctuation only, e.g. "* * *"
    if line.lstrip().startswith("©"):
        return True
    if len(line) > _MAX_FURNITURE_CHARS:  # furniture is short; skip the phrase loop for prose
        return False
    text = _plain(line)
    for phrase in lexicon().furniture_phrases:
        if " " not in phrase:
            if text == phrase or text.startswith(phrase + ":") or text.startswith(phrase + " ("):
                return True
        elif _starts_with_phrase(text, phrase) and len(text.split()) <= 12:
            return True
    return False


def is_related_marker(line: str) -> bool:
    """True for a short "Related" / "Read more" / "Most read" line opening a list of links."""
    text = _plain(line)
    if len(text.split()) > 6 or line.rstrip().endswith("."):
        return False
    return any(_starts_with_phrase(text, marker) for marker in lexicon().related_markers)


def is_headline_like(line: str) -> bool:
    """True for a short line that reads like a headline: no final stop, or in Title Case."""
    words = line.split()
    if not 2 <= len(words) <= 20:
        return False
    first = line.lstrip(_CLOSING_QUOTES + "“‘«(")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    ends_sentence = line.rstrip(_CLOSING_QUOTES + " ").endswith(_SENTENCE_END)
    return not ends_sentence or is_title_case(words)


def is_title_case(words: list[str]) -> bool:
    """True when most content words start with a capital letter."""
    content = [w for w in words if w[:1].isalpha() and w.lower() not in _SMALL_WORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[:1].isupper())
    return capitalised / len(content) >= 0.8
