"""The trigger lexicon: which words evoke which PLOVER event.

Loaded from ``data/triggers.yaml``. Besides the readings by lemma it exposes
every inflected surface form, so the pre-filter can find candidate sentences
before anything is parsed.
"""

from __future__ import annotations

import functools
import importlib.resources
from dataclasses import dataclass, field, replace
from typing import Any

import yaml

from readout.errors import KnowledgeBaseError
from readout.model import EVENT_TYPES

_IRREGULAR = {
    "meet": ["met"], "speak": ["spoke", "spoken"], "send": ["sent"], "give": ["gave", "given"],
    "strike": ["struck", "stricken"], "shoot": ["shot"], "withdraw": ["withdrew", "withdrawn"],
    "lend": ["lent"], "hold": ["held"], "freeze": ["froze", "frozen"], "cut": ["cut"],
    "hit": ["hit"], "seek": ["sought"], "have": ["had"], "make": ["made"], "fight": ["fought"],
    "bring": ["brought"], "begin": ["began", "begun"], "take": ["took", "taken"],
    "forbid": ["forbade", "forbidden"], "overthrow": ["overthrew", "overthrown"],
    "set": ["set"], "put": ["put"], "shell": ["shelled"], "ban": ["banned"], "jail": ["jailed"],
    "arm": ["armed"], "ship": ["shipped"], "veto": ["vetoed", "vetoes"], "plan": ["planned"],
    "embargo": ["embargoed", "embargoes"], "partner": ["partnered"], "target": ["targeted"],
}  # fmt: skip


@dataclass(frozen=True)
class Reading:
    """One way a trigger word evokes an event."""

    lemma: str
    pos: str  # VERB or NOUN
    type: str
    mode: str | None
    cameo: str
    objects: frozenset[str] = frozenset()
    target_preps: frozenset[str] = frozenset()
    needs_target: bool = False
    needs_governor: frozenset[str] = frozenset()
    needs_phone: bool = False
    needs_clause: bool = False
    plural_only: bool = False
    compound_only: bool = False
    reciprocal: bool = False  # "the two countries fought": each side acts on the other
    # from the field's dictionary, not curated: both sides must be the verb's own
    # named arguments (no side inferred from the clause around it or the article)
    strict: bool = False


@dataclass(frozen=True)
class Judgements:
    """Words that make "X called Y ..." an accusation or a rejection."""

    verbs: frozenset[str]
    accuse: frozenset[str]
    reject: frozenset[str]
    designating: frozenset[str] = frozenset()
    designations: frozenset[str] = frozenset()

    def kind(self, word: str) -> str | None:
        if word in self.reject:
            return "reject"
        if word in self.accuse:
            return "accuse"
        return None


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, Reading]
    nouns: dict[str, Reading]
    support_verbs: frozenset[str]
    mode_words: dict[str, dict[str, frozenset[str]]]
    mode_cameo: dict[str, str]
    surface_forms: frozenset[str] = field(default=frozenset())
    # forms of triggers that need two named sides ("abducted"): a sentence whose
    # only triggers these are is worth parsing only with two actors in it
    strict_forms: frozenset[str] = field(default=frozenset())
    # forms of verbs that are triggers only with certain objects ("signed" with a
    # treaty, "lifted" sanctions): the words one of which a sentence must hold
    gates: dict[str, frozenset[str]] = field(default_factory=dict)
    # forms only a verb reading has ("research", "forces"): after "the" or "its" a noun, no trigger
    verb_only: frozenset[str] = field(default=frozenset())
    people: frozenset[str] = field(default=frozenset())  # nouns for people ("journalist")
    judgements: Judgements = field(default=Judgements(frozenset(), frozenset(), frozenset()))
    # "impose" + {restriction, curfew} -> a reading: verb and object patterns
    verb_patterns: dict[str, tuple[tuple[frozenset[str], Reading], ...]] = field(
        default_factory=dict
    )
    places: frozenset[str] = field(default=frozenset())  # things attacked ("train", "village")

    def verb(self, lemma: str) -> Reading | None:
        return self.verbs.get(lemma)

    def verb_with(self, lemma: str, objects: set[str]) -> Reading | None:
        """The reading a verb pattern gives this verb with these object words."""
        for heads, reading in self.verb_patterns.get(lemma, ()):
            if heads & objects:
                return reading
        return None

    def noun(self, lemma: str) -> Reading | None:
        return self.nouns.get(lemma)

    def refine_mode(self, event_type: str, words: set[str]) -> tuple[str, str] | None:
        """(mode, cameo) for an object word of a type with mode refinements."""
        for mode, lemmas in self.mode_words.get(event_type, {}).items():
            if words & lemmas:
                return mode, self.mode_cameo.get(mode, "")
        return None


def verb_forms(lemma: str) -> set[str]:
    forms = {lemma, *_IRREGULAR.get(lemma, [])}
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied"})
    else:
        forms.add(lemma + "s")
    forms.update({stem + "ed", stem + "ing", lemma + "d" if lemma.endswith("e") else lemma + "ed"})
    # consonant doubling ("expelled", "banned"); extra forms cost nothing in a set
    if (
        len(lemma) >= 3
        and lemma[-1] not in "aeiouwxy"
        and lemma[-2] in "aeiou"
        and lemma[-3] not in "aeiou"
    ):
        forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
    return forms


def noun_forms(lemma: str) -> set[str]:
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return {lemma, lemma + "es"}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return {lemma, lemma[:-1] + "ies"}
    return {lemma, lemma + "s"}


def _words(lemma: str, key: str, raw: Any) -> frozenset[str]:
    """A list of words; YAML reads a bare on/off/yes/no as a boolean, so insist on text."""
    words = list(raw or ())
    if any(not isinstance(w, str) for w in words):
        raise KnowledgeBaseError(
            f"triggers.yaml: {lemma}: {key} holds a non-word (quote on/off/no)"
        )
    return frozenset(words)


def _reading(lemma: str, pos: str, raw: dict[str, Any], default_preps: frozenset[str]) -> Reading:
    if raw.get("type") not in EVENT_TYPES:
        raise KnowledgeBaseError(f"triggers.yaml: {lemma}: unknown event type {raw.get('type')!r}")
    if not str(raw.get("cameo", "")).isdigit():
        raise KnowledgeBaseError(f"triggers.yaml: {lemma}: cameo must be digits")
    return Reading(
        lemma=lemma,
        pos=pos,
        type=str(raw["type"]),
        mode=raw.get("mode"),
        cameo=str(raw["cameo"]),
        objects=_words(lemma, "objects", raw.get("objects")),
        target_preps=_words(lemma, "target_preps", raw.get("target_preps")) or default_preps,
        needs_target=bool(raw.get("needs_target")),
        needs_governor=_words(lemma, "needs_governor", raw.get("needs_governor")),
        needs_phone=bool(raw.get("needs_phone")),
        needs_clause=bool(raw.get("needs_clause")),
        plural_only=bool(raw.get("plural_only")),
        compound_only=bool(raw.get("compound_only")),
        reciprocal=bool(raw.get("reciprocal")),
    )


def parse_lexicon(data: dict[str, Any]) -> Lexicon:
    preps = _words("default_target_preps", "words", data.get("default_target_preps"))
    verbs = {k: _reading(k, "VERB", v, preps) for k, v in (data.get("verbs") or {}).items()}
    nouns = {k: _reading(k, "NOUN", v, preps) for k, v in (data.get("nouns") or {}).items()}
    modes_raw = data.get("modes") or {}
    mode_cameo = {str(k): str(v) for k, v in (modes_raw.get("cameo_by_mode") or {}).items()}
    mode_words = {
        t: {m: frozenset(ws) for m, ws in spec.items()}
        for t, spec in modes_raw.items()
        if t in EVENT_TYPES
    }
    forms: set[str] = set()
    for lemma in verbs:
        forms |= verb_forms(lemma)
    for lemma, reading in nouns.items():
        if reading.compound_only:
            continue  # "phone" only as in "phone call", whose "call" is a trigger itself
        found = noun_forms(lemma)
        if reading.plural_only:
            found = found - {lemma}  # "talks", "sanctions": the singular is no trigger
        forms |= found
    return Lexicon(
        verbs=verbs,
        nouns=nouns,
        support_verbs=frozenset(data.get("support_verbs") or ()),
        mode_words=mode_words,
        mode_cameo=mode_cameo,
        surface_forms=frozenset(forms),
    )


def _data(name: str) -> Any:
    path = importlib.resources.files("readout.events").joinpath(f"data/{name}")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"{name} does not parse: {exc}") from None


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    lexicon = parse_lexicon(_data("triggers.yaml"))
    from readout.events.cameo import load_cameo_verbs
    from readout.events.cameo_readings import with_cameo

    use = _data("cameo_use.yaml") or {}
    lexicon = with_cameo(
        lexicon, load_cameo_verbs(), _words("cameo_use.yaml", "skip", use.get("skip"))
    )
    patients = _data("patients.yaml") or {}
    judged = _data("judgements.yaml") or {}
    designating = _words("judgements.yaml", "designating", judged.get("designating"))
    designations = _words("judgements.yaml", "designations", judged.get("designations"))
    # a designating verb is worth parsing only beside a designation word
    designated = frozenset(f for lemma in designating for f in verb_forms(lemma))
    gates = _gates(lexicon)
    return replace(
        lexicon,
        people=_words("patients.yaml", "people", patients.get("people")),
        places=_words("patients.yaml", "places", patients.get("places")),
        judgements=Judgements(
            verbs=_words("judgements.yaml", "verbs", judged.get("verbs")),
            accuse=_words("judgements.yaml", "accuse", judged.get("accuse")),
            reject=_words("judgements.yaml", "reject", judged.get("reject")),
            designating=designating,
            designations=designations,
        ),
        surface_forms=lexicon.surface_forms | designated,
        gates={**gates, **{form: designations for form in designated - lexicon.surface_forms}},
        verb_only=_verb_only(lexicon) | (designated - lexicon.surface_forms),
    )


def _verb_only(lexicon: Lexicon) -> frozenset[str]:
    """Surface forms no noun reading shares: a noun there is no event word."""
    verbal = {form for lemma in lexicon.verbs for form in verb_forms(lemma)}
    nominal = {form for lemma in lexicon.nouns for form in noun_forms(lemma)}
    return frozenset(verbal - nominal)


def _gates(lexicon: Lexicon) -> dict[str, frozenset[str]]:
    """Forms that can only be triggers beside one of their words: a verb's
    objects ("signed" + "treaty"), an event noun's governing verbs ("treaty" +
    "signed")."""
    free: set[str] = set()  # forms some ungated reading or noun may use
    gated: dict[str, set[str]] = {}
    for lemma, reading in lexicon.verbs.items():
        if not reading.objects:
            free |= verb_forms(lemma)
            continue
        words = set(reading.objects)
        for heads, _ in lexicon.verb_patterns.get(lemma, ()):
            words |= heads
        words |= {form for w in list(words) for form in noun_forms(w)}
        for form in verb_forms(lemma):
            gated.setdefault(form, set()).update(words)
    for lemma, noun in lexicon.nouns.items():
        if noun.needs_governor and not noun.compound_only:
            # "a treaty" is an event only after "sign", "ratify", ...: one must be there
            governors = {form for verb in noun.needs_governor for form in verb_forms(verb)}
            for form in noun_forms(lemma):
                gated.setdefault(form, set()).update(governors)
        else:
            free |= noun_forms(lemma)
    free.add("call")  # "called on X": read by its own rule, with no object
    return {form: frozenset(words) for form, words in gated.items() if form not in free}
