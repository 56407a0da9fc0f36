"""The word lists behind ``readout.context.status``, read once from ``data/status.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, cast

import yaml

from readout.errors import KnowledgeBaseError

LEXICON_PATH = Path(__file__).parent / "data" / "status.yaml"
GROUPED = ("governors", "modifiers", "xcomp_governors")  # status -> words


@dataclass(frozen=True)
class Lexicon:
    future_aux: frozenset[str]
    modal_aux: frozenset[str]
    governors: dict[str, frozenset[str]]
    xcomp_governors: dict[str, frozenset[str]]
    modifiers: dict[str, frozenset[str]]
    negations: frozenset[str]
    negating_preps: frozenset[str]
    conditional_marks: frozenset[str]
    denial_verbs: frozenset[str]
    strict_denial_verbs: frozenset[str]
    report_nouns: frozenset[str]
    falsity_words: frozenset[str]
    labelling_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_modifiers: frozenset[str]
    hedge_passives: frozenset[str]
    hedge_verbs: frozenset[str]
    anonymous_heads: frozenset[str]
    support_verbs: frozenset[str]


def _fail(message: str) -> KnowledgeBaseError:
    return KnowledgeBaseError(message, path=str(LEXICON_PATH))


def _words(raw: object, key: str) -> frozenset[str]:
    if not isinstance(raw, list) or not all(isinstance(w, str) for w in raw):
        raise _fail(f"'{key}' must be a list of words")
    return frozenset(w.lower() for w in raw)


def _groups(raw: object, key: str) -> dict[str, frozenset[str]]:
    if not isinstance(raw, dict):
        raise _fail(f"'{key}' must map a status to words")
    return {str(name): _words(words, f"{key}.{name}") for name, words in raw.items()}


@cache
def lexicon() -> Lexicon:
    """The status word lists, read once from ``data/status.yaml``."""
    try:
        raw = yaml.safe_load(LEXICON_PATH.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise _fail(f"cannot read status lexicon: {err}") from err
    if not isinstance(raw, dict):
        raise _fail("status lexicon must be a mapping")
    missing = [name for name in Lexicon.__dataclass_fields__ if name not in raw]
    if missing:
        raise _fail(f"missing keys {missing}")
    values = {
        name: _groups(raw[name], name) if name in GROUPED else _words(raw[name], name)
        for name in Lexicon.__dataclass_fields__
    }
    return Lexicon(**cast(dict[str, Any], values))  # each field's type checked above
