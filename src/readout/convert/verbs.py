"""The CAMEO verb dictionary (petrarch2/CAMEO.2.0.txt): synonym sets, verb blocks, patterns.

The file has three sections. Synonym sets: ``&NAME`` and one ``+MEMBER`` per
line (regular plurals are added unless the member or the set's name ends in
``_``). Verb blocks: a header ``---  NAME [CODE]  ---``, the block's verbs one
per line (``HURRY {HURRIES HURRYING HURRIED }`` lists irregular forms;
``+CALL_OFF [160]`` is the phrasal verb "call off" with its own code), then its
patterns (see ``verb_patterns.py``). Transformations: ``~ a (b . ATTACK) SAY
= a b 112`` ("a says b attacked" is a accusing b).

A code is ``---`` (no event), ``NNN`` or a pair ``NNN:MMM``: the first code
for the event from source to target, the second for the reverse event from
target to source, as in TABARI (``VISIT [042:043]``: the visitor makes a
visit, the host hosts one). ``[:MMM]`` has only the reverse event
(``APPEAR (BEFORE COURT) [:173]``: the court acts on the subject), and
``[NNN:NNN]`` is symmetric.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from readout.convert.english import looks_plural, lower_phrase, plural, singular
from readout.convert.source import Dropped, Line, fail
from readout.convert.verb_patterns import (
    PatternError,
    PatternParts,
    Synset,
    parse_pattern,
    preposition_variants,
    synset_key,
)

_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\][\s-]*$")
_VERB = re.compile(r"^(?P<word>[^\s{\[]+)\s*(?:\{(?P<forms>[^}]*)\})?\s*(?:\[(?P<code>[^\]]*)\])?$")
_CODE = re.compile(r"^(\d{2,4})?(?::(\d{2,4})?)?$")
_BE = frozenset({"am", "is", "are", "was", "were"})
_TRANSFORM = re.compile(
    r"^~\s*(\w)\s*\(\s*(\S)\s+(\S)\s+(\w+)\s*\)\s*(\w+)\s*=\s*(\w)\s+(\w)\s+(\w+)$"
)


@dataclass(frozen=True)
class CodePair:
    forward: str | None  # source → target
    reverse: str | None  # target → source

    @property
    def is_null(self) -> bool:
        return self.forward is None and self.reverse is None


NULL_CODE = CodePair(None, None)


def parse_code(text: str) -> CodePair:
    """A [CODE] field's content; PatternError when it is not a CAMEO code or pair."""
    text = text.strip()
    if text == "---":
        return NULL_CODE
    match = _CODE.match(text)
    if match is None or not text:
        raise PatternError(f"not a CAMEO code: [{text}]")
    return CodePair(match.group(1), match.group(2))


@dataclass(frozen=True)
class VerbEntry:
    lemma: str  # lower case; a phrasal verb's words joined by spaces ("call off")
    forms: tuple[str, ...]  # irregular forms written in {...}, lower case
    code: CodePair | None  # the verb's own code; None: the block's applies
    line: int


@dataclass(frozen=True)
class Pattern:
    parts: PatternParts
    code: CodePair
    verb: str | None  # the verb the pattern was first written for (its comment)
    line: int


@dataclass(frozen=True)
class Block:
    name: str
    code: CodePair
    verbs: tuple[VerbEntry, ...]
    patterns: tuple[Pattern, ...]
    line: int


@dataclass(frozen=True)
class Transformation:
    """``~ a (S T VERB) OUTER = X Y CODE``: a OUTER-s that S VERB-ed T → event X→Y."""

    outer_verb: str  # lower case, e.g. "say"
    inner_source: str  # a variable (a, b), '_' anyone
    inner_target: str  # a variable, '.' nobody
    inner_verb: str | None  # lower case; None for Q (any verb)
    source: str
    target: str
    code: str | None  # None: the inner event's own code (Q)
    line: int


@dataclass(frozen=True)
class VerbDictionary:
    synsets: dict[str, Synset]
    blocks: tuple[Block, ...]
    transformations: tuple[Transformation, ...]
    dropped: tuple[Dropped, ...]


@dataclass
class _Open:
    name: str
    code: CodePair
    line: int
    verbs: list[VerbEntry] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


class _Parser:
    def __init__(self, label: str) -> None:
        self.label = label
        self.members: dict[str, list[str]] = {}
        self.bases: dict[str, list[str]] = {}
        self.no_plural: set[str] = set()
        self.synset: str | None = None
        self.blocks: list[Block] = []
        self.block: _Open | None = None
        self.transformations: list[Transformation] = []
        self.dropped: list[Dropped] = []
        self.section = "synsets"
        self._synsets: dict[str, Synset] | None = None

    def drop(self, line: Line, reason: str) -> None:
        self.dropped.append(Dropped(self.label, line.number, reason, line.raw.strip()))

    def feed(self, line: Line) -> None:
        raw = line.raw.strip()
        if raw.startswith("####### VERB PATTERNS"):
            self.section = "verbs"
        elif raw.startswith("######## TRANSFORMATIONS"):
            self.close_block()
            self.section = "transformations"
        text = line.text.strip()
        if not text:
            return
        if text.startswith("&"):
            self._synsets = None
            self.synset = synset_key(text.split()[0])
            self.members.setdefault(self.synset, [])
            self.bases.setdefault(self.synset, [])
            if text.split()[0].endswith("_"):
                self.no_plural.add(self.synset)
        elif self.section == "synsets":
            self.synset_member(line, text)
        elif self.section == "transformations":
            self.transformation(line, text)
        elif text.startswith("---"):
            self.header(line, text)
        elif text.startswith("-"):
            self.pattern(line, text)
        else:
            self.verb(line, text)

    def synset_member(self, line: Line, text: str) -> None:
        if self.synset is None or not text.startswith("+"):
            raise fail(self.label, line.number, f"expected '&NAME' or '+MEMBER', got {text!r}")
        self._synsets = None
        member = text[1:].strip()
        words = lower_phrase(member)
        forms = self.members[self.synset]
        forms.append(words)
        self.bases[self.synset].append(singular(words.rpartition(" ")[2]))
        pluralise = not member.endswith("_") and self.synset not in self.no_plural
        if pluralise and not looks_plural(words):
            forms.append(plural(words))

    def header(self, line: Line, text: str) -> None:
        match = _HEADER.match(" ".join(text.split()))
        if match is None:
            raise fail(self.label, line.number, f"malformed block header {text!r}")
        try:
            code = parse_code(match.group(2))
        except PatternError as err:
            raise fail(self.label, line.number, str(err)) from None
        self.close_block()
        self.block = _Open(match.group(1), code, line.number)

    def close_block(self) -> None:
        if self.block is not None:
            block = self.block
            verbs = tuple(_fold_forms(block.verbs))
            self.blocks.append(
                Block(block.name, block.code, verbs, tuple(block.patterns), block.line)
            )
            self.block = None

    def current(self, line: Line) -> _Open:
        if self.block is None:
            raise fail(self.label, line.number, "verb or pattern before any '--- NAME [CODE] ---'")
        return self.block

    def verb(self, line: Line, text: str) -> None:
        block = self.current(line)
        match = _VERB.match(" ".join(text.split()))
        if match is None:
            self.drop(line, "unreadable verb line")
            return
        words = [w for w in match.group("word").replace("+", "").lower().split("_") if w]
        if words[0] in _BE:
            words[0] = "be"  # "+IS_DETERMINED" is the verb "be determined"
        lemma = " ".join(words)
        if {"and", "or"} & set(lemma.split()):
            self.drop(line, "coordinated verbs are not one verb")
            return
        forms = tuple(
            " ".join(f.replace("+", "").replace("_", " ").split()).lower()
            for f in re.split(r"[\s,]+", match.group("forms") or "")
            if f.strip(" ,")
        )
        try:
            code = parse_code(match.group("code")) if match.group("code") else None
        except PatternError as err:
            self.drop(line, str(err))
            return
        block.verbs.append(VerbEntry(lemma, forms, code, line.number))

    def pattern(self, line: Line, text: str) -> None:
        block = self.current(line)
        body = text[1:]
        opening = body.rfind("[")
        if opening == -1 or not body.rstrip().endswith("]"):
            self.drop(line, "pattern without a [CODE]")
            return
        try:
            code = parse_code(body[opening + 1 : body.rstrip().rfind("]")])
            variants = [
                parse_pattern(variant, self.synsets())
                for variant in preposition_variants(body[:opening])
            ]
        except PatternError as err:
            self.drop(line, str(err))
            return
        verb = line.comment.split()[0].lower() if line.comment.split() else None
        if verb is not None and not re.fullmatch(r"[a-z][a-z_-]*", verb):
            verb = None
        block.patterns.extend(Pattern(parts, code, verb, line.number) for parts in variants)

    def transformation(self, line: Line, text: str) -> None:
        match = _TRANSFORM.match(text)
        if match is None:
            raise fail(self.label, line.number, f"unreadable transformation {text!r}")
        _outer, src, tgt, inner, verb, source, target, code = match.groups()
        if src not in {"a", "b", "_"} or tgt not in {"a", "b", "."}:
            raise fail(self.label, line.number, f"unknown variable in {text!r}")
        self.transformations.append(
            Transformation(
                outer_verb=verb.lower(),
                inner_source=src,
                inner_target=tgt,
                inner_verb=None if inner == "Q" else inner.lower(),
                source=source,
                target=target,
                code=None if code == "Q" else code,
                line=line.number,
            )
        )

    def synsets(self) -> dict[str, Synset]:
        if self._synsets is None:
            self._synsets = {
                name: Synset(
                    name,
                    tuple(dict.fromkeys(members)),
                    tuple(dict.fromkeys(self.bases[name])),
                )
                for name, members in self.members.items()
            }
        return self._synsets


def _deinflections(word: str) -> list[str]:
    out = []
    for suffix in ("ing", "ed", "d", "t"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            out += [stem, stem + "e", stem[:-1]]
    return out


def _fold_forms(entries: list[VerbEntry]) -> list[VerbEntry]:
    """Merge repeated verbs, and bare inflected forms listed as if they were verbs."""
    merged: dict[str, VerbEntry] = {}
    for entry in entries:
        seen = merged.get(entry.lemma)
        if seen is not None:
            forms = tuple(dict.fromkeys(seen.forms + entry.forms))
            merged[entry.lemma] = VerbEntry(seen.lemma, forms, seen.code or entry.code, seen.line)
        else:
            merged[entry.lemma] = entry
    out: dict[str, VerbEntry] = dict(merged)
    for lemma, entry in merged.items():
        if entry.forms or entry.code is not None or " " in lemma:
            continue
        listed = [e for e in merged.values() if lemma in e.forms and e.lemma != lemma]
        stems = [s for s in _deinflections(lemma) if s in merged and s != lemma]
        owner = listed[0].lemma if listed else (stems[0] if stems else None)
        if owner is not None:
            base = out[owner]
            forms = tuple(dict.fromkeys((*base.forms, lemma)))
            out[owner] = VerbEntry(base.lemma, forms, base.code, base.line)
            del out[lemma]
    return list(out.values())


def parse_verb_dictionary(lines: list[Line], label: str) -> VerbDictionary:
    """The dictionary from the lines of CAMEO.2.0.txt."""
    parser = _Parser(label)
    for line in lines:
        parser.feed(line)
    parser.close_block()
    if not parser.blocks:
        raise fail(label, len(lines), "no verb blocks found")
    return VerbDictionary(
        synsets=parser.synsets(),
        blocks=tuple(parser.blocks),
        transformations=tuple(parser.transformations),
        dropped=tuple(parser.dropped),
    )
