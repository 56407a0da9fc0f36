"""The word lists behind ``readout.context.attribution``, read once from
``data/attribution.yaml``, and the outlet names it recognises."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, cast

import yaml

from readout.errors import KnowledgeBaseError, ReadoutError

LEXICON_PATH = Path(__file__).parent / "data" / "attribution.yaml"
SPECIAL_FIELDS = ("speech_verbs", "fallback_outlets")


@dataclass(frozen=True)
class AttributionLexicon:
    speech_verbs: dict[str, frozenset[str]]  # stance -> verb lemmas
    hedging_verbs: frozenset[str]
    document_nouns: frozenset[str]
    generic_outlets: frozenset[str]
    institution_heads: frozenset[str]
    expert_heads: frozenset[str]
    title_heads: frozenset[str]
    title_prefixes: frozenset[str]
    calendar_words: frozenset[str]
    media_nouns: frozenset[str]
    fallback_outlets: dict[str, str]  # lower-case alias -> canonical name

    def stance_of(self, lemma: str) -> str | None:
        for stance, verbs in self.speech_verbs.items():
            if lemma in verbs:
                return stance
        return None


def _fail(message: str) -> KnowledgeBaseError:
    return KnowledgeBaseError(message, path=str(LEXICON_PATH))


def _words(raw: object, key: str) -> frozenset[str]:
    if not isinstance(raw, list) or not all(isinstance(w, str) for w in raw):
        raise _fail(f"'{key}' must be a list of words")
    return frozenset(w.lower() for w in raw)


def _outlet_aliases(raw: object) -> dict[str, str]:
    if not isinstance(raw, list):
        raise _fail("'fallback_outlets' must be a list")
    aliases: dict[str, str] = {}
    for entry in raw:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise _fail(f"outlet entry without a name: {entry!r}")
        name = entry["name"]
        for alias in [name, *_words(entry.get("aliases", []), name)]:
            aliases[alias.lower()] = name
    return aliases


@cache
def lexicon() -> AttributionLexicon:
    """The attribution word lists, read once from ``data/attribution.yaml``."""
    try:
        raw = yaml.safe_load(LEXICON_PATH.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise _fail(f"cannot read attribution lexicon: {err}") from err
    if not isinstance(raw, dict) or not isinstance(raw.get("speech_verbs"), dict):
        raise _fail("attribution lexicon must be a mapping with 'speech_verbs'")
    lists = [f for f in AttributionLexicon.__dataclass_fields__ if f not in SPECIAL_FIELDS]
    missing = [key for key in [*lists, *SPECIAL_FIELDS] if key not in raw]
    if missing:
        raise _fail(f"missing keys {missing}")
    words = {key: _words(raw[key], key) for key in lists}
    return AttributionLexicon(
        speech_verbs={k: _words(v, k) for k, v in raw["speech_verbs"].items()},
        fallback_outlets=_outlet_aliases(raw["fallback_outlets"]),
        **cast(dict[str, Any], words),
    )


@cache
def default_outlets() -> Mapping[str, str]:
    """Outlet aliases (lower case) -> canonical name, from the actor knowledge base."""
    try:
        from readout.actors.kb import load_kb

        aliases: dict[str, str] = {}
        for outlet in load_kb().outlets:
            for alias in (outlet.name, *outlet.aliases):
                aliases[alias.lower()] = outlet.name
        return aliases or lexicon().fallback_outlets
    except (ImportError, AttributeError, OSError, ReadoutError):  # KB absent or unreadable
        return lexicon().fallback_outlets
