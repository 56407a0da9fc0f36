"""The field's verb dictionary as trigger readings, under readout's own.

PETRARCH2's CAMEO verb dictionary (converted into ``data/cameo_verbs.json``)
knows about 1,600 verbs. readout takes from it what its own lexicon lacks:

* a verb readout does not know gets the dictionary's reading for it when the
  verb is specific (a conflict or aid verb from a small block of synonyms:
  "abduct", "oust", "besiege", not "compete" from VERBAL_CONFLICT), and only
  with both sides named as its own subject and object: measured on voa-dev,
  looser use added more wrong events than right ones;
* a trigger verb with an object the dictionary codes gets that pattern's
  reading when readout's own reading does not fit the object ("sign" with a
  "memorandum", "lift" with a "curfew").

readout's curated entries always win, and the verbs listed in
``data/cameo_use.yaml`` are left out: light verbs whose dictionary default is
a guess ("conduct" and "issue" as COOPERATE, "seek" as AGREE), each kept out
because the development set or a test showed the cost.
"""

from __future__ import annotations

from dataclasses import replace

from readout.events.cameo import CameoLexicon, CameoVerb, Noun
from readout.events.cameo import Reading as CameoReading
from readout.events.lexicon import Lexicon, Reading, verb_forms
from readout.model import EVENT_TYPES

_BROAD = 20  # members: a block larger than this is a class of verbs, not synonyms
_BLOCK_SIZES: dict[str, int] = {}


def with_cameo(lexicon: Lexicon, cameo: CameoLexicon, skip: frozenset[str]) -> Lexicon:
    _BLOCK_SIZES.clear()
    for v in cameo.verbs.values():
        for b in v.blocks:
            _BLOCK_SIZES[b] = _BLOCK_SIZES.get(b, 0) + 1
    verbs = dict(lexicon.verbs)
    patterns: dict[str, tuple[tuple[frozenset[str], Reading], ...]] = {}
    forms = set(lexicon.surface_forms)
    strict: set[str] = set()
    for lemma, verb in cameo.verbs.items():
        if lemma in skip or " " in lemma or lemma in lexicon.support_verbs:
            continue
        if lemma not in verbs and _specific(verb):
            assert verb.reading is not None
            verbs[lemma] = replace(_reading(lemma, verb.reading, needs_target=True), strict=True)
            strict |= (verb_forms(lemma) | set(verb.forms)) - forms
        if lemma not in verbs:
            continue  # patterns only re-code a verb that is a trigger already
        found = _object_patterns(lemma, verb.patterns)
        if found:
            patterns[lemma] = found
        forms |= verb_forms(lemma) | set(verb.forms)
    return replace(
        lexicon,
        verbs=verbs,
        verb_patterns=patterns,
        surface_forms=frozenset(forms),
        strict_forms=frozenset(strict),
    )


# Types whose dictionary verbs are specific ("abduct", "besiege", "deplore");
# the cooperative blocks ("affirm", "approach", "serve" ...) are not.
_SPECIFIC = frozenset(
    {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST", "THREATEN", "REJECT", "ACCUSE", "AID"}
)


def _specific(verb: CameoVerb) -> bool:
    """A verb whose reading is its own or its near synonyms' ("abduct", "oust"),
    not a broad category's ("compete" under VERBAL_CONFLICT, "overcome" under
    DESTROY): its block is small, and named for a verb rather than a class."""
    if not _usable(verb.reading) or verb.reading is None or verb.reading.type not in _SPECIFIC:
        return False
    return all("_" not in b.strip("_") and _BLOCK_SIZES.get(b, 0) <= _BROAD for b in verb.blocks)


def _usable(reading: CameoReading | None) -> bool:
    return reading is not None and reading.type in EVENT_TYPES


def _reading(lemma: str, cameo: CameoReading, *, needs_target: bool = False) -> Reading:
    return Reading(
        lemma=lemma,
        pos="VERB",
        type=cameo.type,
        mode=cameo.mode,
        cameo=cameo.cameo,
        target_preps=frozenset(
            {"to", "with", "on", "against", "into", "toward", "towards", "upon", "over"}
        ),
        needs_target=needs_target,
    )


def _object_patterns(lemma: str, patterns: tuple) -> tuple[tuple[frozenset[str], Reading], ...]:  # type: ignore[type-arg]
    """'impose' + restriction/ban/curfew -> a reading, from the patterns
    written for this very verb whose object is a noun phrase."""
    out: dict[frozenset[str], Reading] = {}
    for pattern in patterns:
        if pattern.verb not in (None, lemma) or not _usable(pattern.reading):
            continue
        heads = frozenset(
            h for slot in pattern.objects if isinstance(slot, Noun) for h in slot.heads
        )
        if heads and heads not in out:
            out[heads] = _reading(lemma, pattern.reading)
    return tuple(out.items())
