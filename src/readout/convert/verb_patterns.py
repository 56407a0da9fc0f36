"""One CAMEO verb pattern line → its structured parts.

A PETRARCH2 pattern reads ``- PRE * POST [CODE] # VERB``: ``*`` stands for the
verb. In PRE and POST

* a single word is the head noun of a phrase (``SANCTIONS``), ``{A B C}`` a
  noun phrase whose last word is its head, ``&NAME`` any member of a synonym
  set; after the verb these are its objects, before it its subject;
* ``(PREP words)`` is a prepositional phrase: the preposition, then its
  objects (``(TO BORDER)``, ``(AGAINST)`` with none);
* ``$`` marks the source actor, ``+`` the target, ``^`` another actor that is
  neither and ``%`` a compound actor (both sides in one phrase).

Patterns inherited from TABARI sometimes spell phrases out word by word
(``* ATTACK ON + [112]``). Such a pattern is read the TABARI way (a bare
preposition opens a phrase that runs to the next one), bare function words
(``THAT``, ``WILL``) are skipped, and the pattern is flagged ``linear`` so a
user can leave these less reliable patterns out. A bare particle after the verb
(``SET * OFF``, ``PUT * DOWN RIOT``) is kept as a particle of the verb.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from readout.convert.english import singular

ACTOR_MARKS = {"$": "source", "+": "target", "^": "other", "%": "compound"}
PARTICLES = frozenset(
    "up down out off away back forward aside together apart ahead".split()
)  # fmt: skip
PREPOSITIONS = frozenset(
    """to on in at by for from with of into against toward towards over under about after
    before behind between among across through upon within without near around along onto
    via""".split()
)  # fmt: skip
FUNCTION_WORDS = frozenset(
    """that will would not as and or is are be been has have had a an the who which it its
    his her their than then so if""".split()
)  # fmt: skip
_TOKEN = re.compile(r"[(){}]|[^\s(){}]+")
_BRACKETS = frozenset("(){}")


class PatternError(ValueError):
    """A pattern the converter cannot read; it is dropped and reported."""


@dataclass(frozen=True)
class Synset:
    name: str  # lower case, without '&' or a final '_'
    members: tuple[str, ...]  # lower-case phrases, regular plurals included
    heads: tuple[str, ...]  # the singular last word of each member as written


@dataclass(frozen=True)
class Word:
    """One word position of a noun phrase: its alternatives, from a synonym set or not."""

    choices: tuple[str, ...]
    synset: str | None = None


@dataclass(frozen=True)
class NounSlot:
    heads: tuple[str, ...]  # singular lower-case head words, alternatives
    words: tuple[Word, ...]  # the phrase as written, position by position; the last is the head
    synset: str | None = None  # set when the slot is exactly one synonym set

    @property
    def texts(self) -> tuple[str, ...]:
        """Every spelling of the whole phrase, lower case."""
        return _unique(" ".join(c) for c in itertools.product(*(w.choices for w in self.words)))


@dataclass(frozen=True)
class ActorSlot:
    actor: str  # source, target, other or compound


Slot = NounSlot | ActorSlot


@dataclass(frozen=True)
class PrepPhrase:
    prep: str
    objects: tuple[Slot, ...]


@dataclass(frozen=True)
class PatternParts:
    subjects: tuple[Slot, ...]
    subject_preps: tuple[PrepPhrase, ...]
    objects: tuple[Slot, ...]
    preps: tuple[PrepPhrase, ...]
    particles: tuple[str, ...]
    linear: bool


def synset_key(token: str) -> str:
    """'&CEASEFIRE' and 'CEASEFIRE_' both name the synonym set 'ceasefire'."""
    return token.lstrip("&").rstrip("_").lower()


def synset_slot(synset: Synset) -> NounSlot:
    return NounSlot(synset.heads, (Word(synset.members, synset.name),), synset.name)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


class _Reader:
    def __init__(self, tokens: list[str], synsets: dict[str, Synset]) -> None:
        self.tokens = tokens
        self.at = 0
        self.synsets = synsets

    def done(self) -> bool:
        return self.at >= len(self.tokens)

    def peek(self) -> str:
        return self.tokens[self.at]

    def take(self) -> str:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def group(self, close: str) -> list[str]:
        """The tokens up to ``close``: a (phrase) may hold {noun phrases}, nothing else nests."""
        inside: list[str] = []
        braces = 0
        while not self.done():
            token = self.take()
            if token == close and braces == 0:
                return inside
            if close == ")" and token in "{}" and braces == (token == "}"):
                braces += 1 if token == "{" else -1
            elif token in _BRACKETS:
                raise PatternError(f"'{token}' inside a bracketed group")
            inside.append(token)
        raise PatternError(f"unclosed group, '{close}' missing")

    def synset(self, token: str) -> Synset:
        found = self.synsets.get(synset_key(token))
        if found is None:
            raise PatternError(f"undefined synonym set: {token}")
        return found


def _noun(tokens: list[str], reader: _Reader) -> NounSlot:
    """A noun phrase of plain words and synonym sets; the last element is the head."""
    words: list[Word] = []
    heads: tuple[str, ...] = ()
    for token in tokens:
        if token in ACTOR_MARKS:
            raise PatternError(f"actor mark '{token}' inside a noun phrase")
        if token.startswith("&"):
            synset = reader.synset(token)
            words.append(Word(synset.members, synset.name))
            heads = synset.heads
        else:
            split = token.replace("_", " ").lower().split()
            words.extend(Word((w,)) for w in split)
            heads = (singular(split[-1]),) if split else heads
    if not words:
        raise PatternError("empty noun phrase")
    return NounSlot(heads, tuple(words))


def _slot(token: str, reader: _Reader) -> Slot:
    if token in ACTOR_MARKS:
        return ActorSlot(ACTOR_MARKS[token])
    if token.startswith("&"):
        return synset_slot(reader.synset(token))
    return _noun([token], reader)


def _slots(tokens: list[str], reader: _Reader) -> tuple[Slot, ...]:
    """Objects inside a prepositional phrase: words, {phrases}, sets and actor marks."""
    inner = _Reader(tokens, reader.synsets)
    out: list[Slot] = []
    while not inner.done():
        token = inner.take()
        if token == "{":
            out.append(_noun(inner.group("}"), reader))
        elif token in _BRACKETS:
            raise PatternError(f"'{token}' inside a prepositional phrase")
        else:
            out.append(_slot(token, reader))
    return tuple(out)


@dataclass
class _Side:
    nouns: list[Slot]
    preps: list[PrepPhrase]
    particles: list[str]
    linear: bool = False


def _read_side(tokens: list[str], synsets: dict[str, Synset], *, after_verb: bool) -> _Side:
    reader = _Reader(tokens, synsets)
    side = _Side([], [], [])
    open_prep: tuple[str, list[Slot]] | None = None  # a TABARI-style bare preposition

    def close_prep() -> None:
        nonlocal open_prep
        if open_prep is not None:
            side.preps.append(PrepPhrase(open_prep[0], tuple(open_prep[1])))
            open_prep = None

    while not reader.done():
        token = reader.take()
        lower = token.lower()
        if token == "(":
            close_prep()
            inside = reader.group(")")
            if not inside or not re.fullmatch(r"[A-Za-z]+", inside[0]):
                raise PatternError("a prepositional phrase must start with its preposition")
            side.preps.append(PrepPhrase(inside[0].lower(), _slots(inside[1:], reader)))
            continue
        if token in (")", "}"):
            raise PatternError(f"unbalanced bracket: {token}")
        if token == "{":
            slot: Slot = _noun(reader.group("}"), reader)
        elif after_verb and lower in PARTICLES and open_prep is None:
            side.particles.append(lower)
            continue
        elif lower in PREPOSITIONS:
            close_prep()
            open_prep = (lower, [])
            side.linear = True
            continue
        elif lower in FUNCTION_WORDS or (not after_verb and lower.endswith("ly")):
            side.linear = True
            continue
        else:
            slot = _slot(token, reader)
        if open_prep is not None:
            open_prep[1].append(slot)
        else:
            side.nouns.append(slot)
    close_prep()
    return side


_ALTERNATIVE_PREPS = re.compile(r"\(\s*([A-Za-z]+(?:/[A-Za-z]+)+)")


def preposition_variants(body: str) -> list[str]:
    """``(BY/WITH X)`` offers two prepositions: one pattern body for each."""
    match = _ALTERNATIVE_PREPS.search(body)
    if match is None:
        return [body]
    out = []
    for prep in match.group(1).split("/"):
        variant = body[: match.start(1)] + prep + body[match.end(1) :]
        out.extend(preposition_variants(variant))
    return out


def parse_pattern(body: str, synsets: dict[str, Synset]) -> PatternParts:
    """The parts of a pattern body: the text between '-' and its [CODE]."""
    if body.count("*") != 1:
        raise PatternError("a pattern needs exactly one '*' for the verb")
    before, _, after = body.partition("*")
    pre = _read_side(_TOKEN.findall(before), synsets, after_verb=False)
    post = _read_side(_TOKEN.findall(after), synsets, after_verb=True)
    return PatternParts(
        subjects=tuple(pre.nouns),
        subject_preps=tuple(pre.preps),
        objects=tuple(post.nouns),
        preps=tuple(post.preps),
        particles=tuple(pre.particles + post.particles),
        linear=pre.linear or post.linear,
    )
