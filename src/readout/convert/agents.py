"""Phoenix.agents.txt: agent nouns ("police", "rebel", "foreign minister") and their sectors.

A line reads ``PHRASE {PLURALS} [CODE] # comment``. The phrase's words are
joined by ``_`` or blanks; ``{}`` says the phrase has no plural (``POLICE
{}``), ``{X}`` gives an irregular one, and without braces the regular plural
is made. ``!NAME! = A, B`` defines a substitution set: ``CONGRESS!PERSON!``
stands for "congressman", "congressmen", ..., and makes no further plurals.
The code is a run of three-letter CAMEO agent codes behind (or before) a
``~``: ``~GOVMED`` is GOV with MED as secondary sector.

Dropped and reported: lines without a readable code, mis-encoded text, a
substitution marker inside a word (``AD!MINIST!RATIVE``, a slip of the
source), and a phrase listed again with another code (the first listing wins).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from readout.convert.english import looks_plural, lower_phrase, plural
from readout.convert.source import Dropped, Line, fail

_SUBSTITUTION = re.compile(r"^!(\w+)!\s*=\s*(.*)$")
_ENTRY = re.compile(r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]$")
_CODE = re.compile(r"^(?:~([A-Z]{3})+|([A-Z]{3})+~)$")
_MARKER = re.compile(r"!(\w+)!")
_UNCOUNTED = frozenset(
    "police personnel media military staff clergy press public people militia".split()
)  # fmt: skip


@dataclass(frozen=True)
class AgentEntry:
    phrase: str  # lower case, singular as written
    plurals: tuple[str, ...]
    sector: str  # the first CAMEO agent code
    secondary: tuple[str, ...]  # the codes after it
    line: int


def split_codes(code: str) -> tuple[str, ...]:
    """'~GOVMED' → ('GOV', 'MED')."""
    letters = code.strip("~")
    return tuple(letters[i : i + 3] for i in range(0, len(letters), 3))


def _expand(phrase: str, substitutions: dict[str, tuple[str, ...]]) -> list[str] | None:
    names = _MARKER.findall(phrase)
    if not names:
        return [phrase]
    if any(name not in substitutions for name in names):
        return None
    pieces = _MARKER.split(phrase)  # text, name, text, name, ..., text
    texts, choices = pieces[0::2], [substitutions[n] for n in pieces[1::2]]
    out = []
    for combo in itertools.product(*choices):
        out.append("".join(t + c for t, c in zip(texts, (*combo, ""), strict=True)))
    return out


def _plurals(phrase: str, braces: str | None) -> tuple[str, ...]:
    if braces is not None:
        return tuple(lower_phrase(p) for p in braces.split())
    last = phrase.rpartition(" ")[2]
    if looks_plural(phrase) or last in _UNCOUNTED:
        return ()
    return (plural(phrase),)


def parse_agents(lines: list[Line], label: str) -> tuple[list[AgentEntry], list[Dropped]]:
    """The agent entries of Phoenix.agents.txt, in file order, and what was left out."""
    substitutions: dict[str, tuple[str, ...]] = {}
    entries: dict[str, AgentEntry] = {}
    dropped: list[Dropped] = []

    def drop(line: Line, reason: str) -> None:
        dropped.append(Dropped(label, line.number, reason, line.raw.strip()))

    for line in lines:
        text = " ".join(line.text.split())
        if not text:
            continue
        defined = _SUBSTITUTION.match(text)
        if defined:
            items = tuple(item.strip() for item in defined.group(2).split(",") if item.strip())
            if not items:
                raise fail(label, line.number, f"empty substitution set !{defined.group(1)}!")
            substitutions[defined.group(1)] = items
            continue
        if not text.isascii():
            drop(line, "mis-encoded text")
            continue
        match = _ENTRY.match(text)
        if match is None or not _CODE.match(match.group("code")):
            drop(line, "no readable [CODE]")
            continue
        if re.search(r"!\w+![A-Za-z]", match.group("phrase")):
            drop(line, "a substitution inside a word")
            continue
        phrases = _expand(match.group("phrase"), substitutions)
        if phrases is None:
            drop(line, "undefined !SUBSTITUTION!")
            continue
        sector, *secondary = split_codes(match.group("code"))
        substituted = len(phrases) > 1 or "!" in match.group("phrase")
        for written in phrases:
            phrase = lower_phrase(written)
            plurals = () if substituted else _plurals(phrase, match.group("plural"))
            if phrase in entries:
                if entries[phrase].sector != sector:
                    drop(line, f"listed again with another code: {phrase}")
                continue
            entries[phrase] = AgentEntry(phrase, plurals, sector, tuple(secondary), line.number)
    if not entries:
        raise fail(label, len(lines), "no agent entries found")
    return list(entries.values()), dropped
