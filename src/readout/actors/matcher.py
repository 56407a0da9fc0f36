"""Find actor-bearing words in raw text: names, titles, demonyms, metonyms.

A dictionary lookup over word n-grams, so it runs on every sentence of an
article before any parsing (the pre-filter needs it) and costs microseconds.
The knowledge base is matched directly because the small spaCy model's NER
mislabels the actors of this genre ("Trump" as ORG, "Kyiv" as PERSON).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import yaml

from readout.actors.kb import KnowledgeBase, Title

Kind = Literal[
    "country", "demonym", "capital", "metonym", "institution", "org", "person",
    "outlet", "title", "place",
]  # fmt: skip

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_MAX_NGRAM = 7


@dataclass(frozen=True)
class Entry:
    kind: Kind
    key: str  # country code, org code, person id, outlet name, title phrase
    sector: str | None = None


@dataclass(frozen=True)
class Match:
    start: int  # character offsets in the matched text
    end: int
    text: str
    entries: tuple[Entry, ...]

    @functools.cached_property
    def kinds(self) -> frozenset[str]:
        return frozenset(e.kind for e in self.entries)

    def first(self, *kinds: str) -> Entry | None:
        for entry in self.entries:
            if entry.kind in kinds:
                return entry
        return None


def fold(text: str) -> str:
    """Accent-insensitive form of a word."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def _words(text: str) -> list[tuple[int, int, str]]:
    if text.isascii():  # news in English: no accents to fold
        return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    return [(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]


def _key(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(words)


class ActorMatcher:
    """Longest-match lookup of knowledge-base names in text."""

    def __init__(
        self,
        kb: KnowledgeBase,
        places: dict[str, str] | None = None,
        titles: Iterable[Title] | None = None,
    ) -> None:
        self.kb = kb
        self.places = places if places is not None else load_places()
        self.titles = tuple(titles) if titles is not None else kb.titles
        self._exact: dict[tuple[str, ...], list[Entry]] = {}
        self._lower: dict[tuple[str, ...], list[Entry]] = {}
        self._build()
        # the longest name starting with each word, so a match looks no further
        self._reach: dict[str, int] = {}
        for key in (*self._exact, *self._lower):
            self._reach[key[0]] = max(self._reach.get(key[0], 0), len(key))
        self.first_words = frozenset(self._reach)

    # -- building -------------------------------------------------------
    def _add(self, phrase: str, entry: Entry, *, lower: bool = False) -> None:
        words = [w for _, _, w in _words(phrase)]
        if not words:
            return
        if words[0].lower() == "the" and len(words) > 1:
            words = words[1:]  # "the Kremlin" also matches "Kremlin"
        table = self._lower if lower else self._exact
        key = _key(w.lower() for w in words) if lower else _key(words)
        bucket = table.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)

    def _build(self) -> None:
        kb = self.kb
        for c in kb.countries:
            for name in (c.name, *c.aliases):
                self._add(name, Entry("country", c.code))
            for dem in c.demonyms:
                self._add(dem, Entry("demonym", c.code))
            if c.capital:
                self._add(c.capital, Entry("capital", c.code, "GOV"))
            sectors = dict(c.metonym_sectors)
            for met in c.metonyms:
                self._add(met, Entry("metonym", c.code, sectors.get(met, "GOV")))
            for inst, sector in c.institutions:
                self._add(inst, Entry("institution", c.code, sector))
        for o in kb.organisations:
            for name in (o.code, o.name, *o.aliases):
                if name.isupper() and len(name) <= 2:
                    continue  # "AU", "UN" are fine; one/two letters risky: keep only via aliases
                self._add(name, Entry("org", o.code, o.sector))
        for p in kb.people:
            for name in (p.name, *p.aliases, *p.surnames):
                self._add(name, Entry("person", p.id))
        for out in kb.outlets:
            for name in (out.name, *out.aliases):
                self._add(name, Entry("outlet", out.name))
        for t in self.titles:
            self._add(t.phrase, Entry("title", t.phrase, t.sector), lower=True)
        for place, code in self.places.items():
            self._add(place, Entry("place", code))

    # -- matching -------------------------------------------------------
    def find(self, text: str) -> list[Match]:
        """All non-overlapping longest matches, left to right."""
        words = _words(text)
        n = len(words)
        forms = [w for _, _, w in words]
        lowers = [w.lower() for w in forms]
        out: list[Match] = []

        def joined(k: int) -> bool:
            """Words k and k+1 may belong to one name (only " .-'" between them)."""
            return joinable(text[words[k][1] : words[k + 1][0]])

        i = 0
        while i < n:
            reach = max(self._reach.get(forms[i], 0), self._reach.get(lowers[i], 0))
            if not reach:
                i += 1
                continue
            longest = 1
            limit = min(_MAX_NGRAM, reach)
            while longest < limit and i + longest < n and joined(i + longest - 1):
                longest += 1
            found = None
            for size in range(longest, 0, -1):
                exact = self._exact.get(tuple(forms[i : i + size]))
                lower = self._lower.get(tuple(lowers[i : i + size]))
                if exact or lower:
                    found = (size, (exact or []) + (lower or []))
                    break
            if found is None:
                i += 1
                continue
            size, entries = found
            start, end = words[i][0], words[i + size - 1][1]
            if text[end : end + 1] == "." and _is_dotted(text[start : end + 1]):
                end += 1  # keep the final period of "U.S."
            out.append(Match(start, end, text[start:end], tuple(entries)))
            i += size
        return out


def _is_dotted(s: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+", s))


def joinable(gap: str) -> bool:
    """Words of one name are separated only by spaces, dots, hyphens or apostrophes."""
    return len(gap) <= 2 and all(ch in " .-'’" for ch in gap)


def load_places() -> dict[str, str]:
    import importlib.resources

    raw = importlib.resources.files("readout.actors").joinpath("data/places.yaml").read_text()
    data = yaml.safe_load(raw) or {}
    return {str(k): str(v) for k, v in (data.get("places") or {}).items()}
