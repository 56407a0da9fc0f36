"""The parsed CAMEO verb dictionary, mapped to PLOVER, as readout's events/data/cameo_verbs.json.

Sections of the generated file (``readout.events.cameo`` loads it):

``synsets``  each synonym set a pattern uses, written once: ``heads`` (singular
             last words) and ``members`` (phrases, plurals included); a
             pattern points to one with ``{"synset": "weapon"}``;
``verbs``    lemma → its default reading (cameo, type, mode, context, and
             ``reverse`` for a pair code), irregular ``forms``, the ``blocks``
             whose patterns apply to it, and ``also``: other readings where
             the lemma sits in several blocks with different codes;
``blocks``   block name → its patterns, one per line;
``nouns``    noun-trigger candidates: heads of a pattern's first object whose
             CAMEO code differs from the verb's own (the noun carries or refines
             the event: "impose sanctions" is 163, "impose" alone 170), with the
             readings and the verbs seen, most frequent first;
``transformations``  "a SAY-s that b ATTACK-ed" → a ACCUSE-s b.

Dropped, and counted in the report: patterns and verbs whose code is ``---``
(no event) or a CAMEO 01x statement (no PLOVER type), and the unreadable lines
the parser already dropped.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from readout.convert.plover import PloverTable
from readout.convert.source import Dropped
from readout.convert.verb_patterns import (
    ActorSlot,
    NounSlot,
    PrepPhrase,
    Slot,
    Synset,
)
from readout.convert.verbs import CodePair, Pattern, VerbDictionary

Entry = dict[str, Any]


@dataclass(frozen=True)
class VerbData:
    sections: dict[str, tuple[Any, int]]  # name → (content, levels written one item per line)
    counts: dict[str, int]
    dropped: tuple[Dropped, ...]


def _reading(code: str | None, table: PloverTable) -> Entry | None:
    if code is None:
        return None
    found = table.lookup(code)
    if found is None:
        return None
    out: Entry = {"cameo": code, "type": found.type}
    if found.mode:
        out["mode"] = found.mode
    if found.context:
        out["context"] = found.context
    return out


def readings(code: CodePair, table: PloverTable) -> Entry | None:
    """The forward reading with a ``reverse`` key, or None when neither maps to PLOVER."""
    forward = _reading(code.forward, table)
    reverse = _reading(code.reverse, table)
    if forward is None and reverse is None:
        return None
    out: Entry = dict(forward or {})
    if reverse is not None:
        out["reverse"] = reverse
    return out


class _Builder:
    def __init__(self, dictionary: VerbDictionary, table: PloverTable, label: str) -> None:
        self.dictionary = dictionary
        self.table = table
        self.label = label
        self.used_synsets: dict[str, Synset] = {}
        self.dropped: list[Dropped] = list(dictionary.dropped)

    def slot(self, slot: Slot) -> Any:
        if isinstance(slot, ActorSlot):
            return {"actor": slot.actor}
        if slot.synset is not None:
            self.use(slot.synset)
            return {"synset": slot.synset}
        words: list[Any] = []
        for word in slot.words:
            if word.synset is not None:
                self.use(word.synset)
                words.append({"synset": word.synset})
            else:
                words.append(list(word.choices))
        last = slot.words[-1].synset
        heads = {"synset": last} if last is not None else list(slot.heads)
        return {"head": heads, "words": words}

    def use(self, name: str) -> None:
        self.used_synsets[name] = self.dictionary.synsets[name]

    def prep(self, phrase: PrepPhrase) -> Entry:
        out: Entry = {"prep": phrase.prep}
        if phrase.objects:
            out["objects"] = [self.slot(s) for s in phrase.objects]
        return out

    def pattern(self, pattern: Pattern) -> Entry | None:
        reading = readings(pattern.code, self.table)
        if reading is None:
            why = "code [---]: no event" if pattern.code.is_null else "CAMEO 01x: no PLOVER type"
            self.dropped.append(Dropped(self.label, pattern.line, why, ""))
            return None
        parts = pattern.parts
        out: Entry = {"line": pattern.line}
        if pattern.verb:
            out["verb"] = pattern.verb.replace("_", " ")
        if parts.subjects:
            out["subjects"] = [self.slot(s) for s in parts.subjects]
        if parts.subject_preps:
            out["subject_preps"] = [self.prep(p) for p in parts.subject_preps]
        if parts.objects:
            out["objects"] = [self.slot(s) for s in parts.objects]
        if parts.preps:
            out["preps"] = [self.prep(p) for p in parts.preps]
        if parts.particles:
            out["particles"] = list(parts.particles)
        if parts.linear:
            out["linear"] = True
        out.update(reading)
        return out


def _verb_entries(
    dictionary: VerbDictionary, table: PloverTable, kept: set[str]
) -> dict[str, Entry]:
    verbs: dict[str, Entry] = {}
    for block in dictionary.blocks:
        for verb in block.verbs:
            reading = readings(verb.code or block.code, table)
            entry = verbs.setdefault(verb.lemma, {"readings": [], "forms": [], "blocks": []})
            if reading is not None and reading not in [r for r, _ in entry["readings"]]:
                entry["readings"].append((reading, block.name))
            entry["forms"] += [f for f in verb.forms if f not in entry["forms"]]
            if block.name in kept and block.name not in entry["blocks"]:
                entry["blocks"].append(block.name)
    out: dict[str, Entry] = {}
    for lemma in sorted(verbs):
        entry = verbs[lemma]
        if not entry["readings"] and not entry["blocks"]:
            continue
        final: Entry = dict(entry["readings"][0][0]) if entry["readings"] else {}
        if entry["forms"]:
            final["forms"] = entry["forms"]
        final["blocks"] = entry["blocks"]
        if len(entry["readings"]) > 1:
            final["also"] = [{**r, "block": name} for r, name in entry["readings"][1:]]
        out[lemma] = final
    return out


def _noun_candidates(
    blocks: dict[str, list[Entry]], verbs: dict[str, Entry], dictionary: VerbDictionary
) -> dict[str, list[Entry]]:
    first_objects = {
        (b.name, p.line): p.parts.objects[0]
        for b in dictionary.blocks
        for p in b.patterns
        if p.parts.objects
    }
    block_codes = {
        b.name: {verbs[v.lemma].get("cameo") for v in b.verbs if v.lemma in verbs}
        for b in dictionary.blocks
    }
    seen: dict[str, dict[str, Entry]] = defaultdict(dict)
    for name, patterns in blocks.items():
        for pattern in patterns:
            slot = first_objects.get((name, pattern["line"]))
            if not isinstance(slot, NounSlot) or slot.words[-1].synset is not None:
                continue  # a class of things ("&WEAPON"), not an event noun
            if "cameo" not in pattern:
                continue
            own = verbs.get(pattern.get("verb", ""), {}).get("cameo")
            verb_codes = {own} if own else block_codes.get(name, set())
            if pattern.get("cameo") in verb_codes:
                continue  # the verb alone already says it: the noun adds nothing
            for head in slot.heads:
                key = pattern["cameo"]
                reading = seen[head].setdefault(
                    key,
                    {k: pattern[k] for k in ("cameo", "type", "mode", "context") if k in pattern}
                    | {"count": 0, "verbs": []},
                )
                reading["count"] += 1
                verb = pattern.get("verb") or name.lower()
                if verb not in reading["verbs"]:
                    reading["verbs"].append(verb)
    return {
        head: sorted(found.values(), key=lambda r: (-r["count"], r["cameo"]))
        for head, found in sorted(seen.items())
    }


def _transformations(
    dictionary: VerbDictionary, table: PloverTable, label: str
) -> tuple[list[Entry], list[Dropped]]:
    out, dropped = [], []
    for t in dictionary.transformations:
        entry: Entry = {
            "line": t.line,
            "verb": t.outer_verb,
            "inner": {"source": t.inner_source, "target": t.inner_target, "verb": t.inner_verb},
            "source": t.source,
            "target": t.target,
        }
        if t.code is not None:
            reading = _reading(t.code, table)
            if reading is None:
                dropped.append(Dropped(label, t.line, "CAMEO 01x: no PLOVER type", ""))
                continue
            entry.update(reading)
        out.append(entry)
    return out, dropped


def build_verb_data(dictionary: VerbDictionary, table: PloverTable, label: str) -> VerbData:
    builder = _Builder(dictionary, table, label)
    blocks: dict[str, list[Entry]] = {}
    for block in dictionary.blocks:
        kept = [e for e in (builder.pattern(p) for p in block.patterns) if e is not None]
        if kept:
            blocks.setdefault(block.name, []).extend(kept)
    verbs = _verb_entries(dictionary, table, set(blocks))
    nouns = _noun_candidates(blocks, verbs, dictionary)
    transformations, dropped = _transformations(dictionary, table, label)
    builder.dropped.extend(dropped)
    synsets = {
        name: {"heads": list(synset.heads), "members": list(synset.members)}
        for name, synset in sorted(builder.used_synsets.items())
    }
    sections: dict[str, tuple[Any, int]] = {
        "synsets": (synsets, 1),
        "verbs": (verbs, 1),
        "blocks": (blocks, 2),
        "nouns": (nouns, 1),
        "transformations": (transformations, 1),
    }
    counts = {
        "verbs": len(verbs),
        "verbs with a default reading": sum(
            1 for v in verbs.values() if "type" in v or "reverse" in v
        ),
        "blocks": len(blocks),
        "patterns": sum(len(p) for p in blocks.values()),
        "synonym sets": len(synsets),
        "noun candidates": len(nouns),
        "transformations": len(transformations),
    }
    return VerbData(sections, counts, tuple(builder.dropped))
