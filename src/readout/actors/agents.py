"""Agent nouns and their sectors: "police" is COP, "rebels" REB, "lawmakers" LEG.

Loaded from ``data/agents.yaml``, generated from PETRARCH2's Phoenix.agents.txt
(see THIRD_PARTY_NOTICES.md). Every form is a key, singular and plural alike,
so a matcher looks a lower-case phrase up directly::

    agents = load_agents()
    agents["security forces"]  # Agent(phrase='security forces', sector='COP', ...)

The country of an agent is not in the data: it comes from the text ("Kenyan
police") or the article's context.
"""

from __future__ import annotations

import functools
import importlib.resources
import pathlib
import re
from dataclasses import dataclass
from typing import Any

import yaml

from readout.bulk import collector_paused
from readout.errors import KnowledgeBaseError

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CODE = re.compile(r"[A-Z]{3}")
DEFAULT_LABEL = "readout/actors/data/agents.yaml"


@dataclass(frozen=True)
class Agent:
    phrase: str  # lower case, as written in news ("police officers")
    sector: str  # CAMEO agent code: COP, MIL, REB, CVL, OPP, JUD, LEG, GOV, MED, ...
    secondary: tuple[str, ...] = ()  # further codes ("arms industry": BUS, then MIL)
    singular: str = ""  # the singular phrase this form belongs to

    @property
    def plural(self) -> bool:
        return self.phrase != self.singular


class _Bad(Exception):
    pass


def _codes(entry: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
    sector = entry.get("sector")
    secondary = entry.get("secondary") or []
    if not isinstance(sector, str) or not _CODE.fullmatch(sector):
        raise _Bad("'sector' must be a three-letter code")
    if not isinstance(secondary, list) or not all(
        isinstance(c, str) and _CODE.fullmatch(c) for c in secondary
    ):
        raise _Bad("'secondary' must be a list of three-letter codes")
    return sector, tuple(secondary)


def _forms(entry: dict[str, Any]) -> tuple[str, list[str]]:
    phrase = entry.get("phrase")
    plurals = entry.get("plural") or []
    if not isinstance(phrase, str) or not phrase.strip():
        raise _Bad("'phrase' must be text")
    if not isinstance(plurals, list) or not all(isinstance(p, str) for p in plurals):
        raise _Bad("'plural' must be a list of text")
    return phrase.lower(), [p.lower() for p in plurals]


def parse_agents(text: str, label: str) -> dict[str, Agent]:
    """Every form of every agent in an agents file, keyed by its lower-case phrase."""
    try:
        doc = yaml.load(text, Loader=_BaseLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise KnowledgeBaseError(f"{label}: not valid YAML{where}") from None
    entries = doc.get("agents") if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        raise KnowledgeBaseError(f"{label}: top level must be a mapping with an 'agents' list")
    out: dict[str, Agent] = {}
    for index, entry in enumerate(entries):
        try:
            if not isinstance(entry, dict):
                raise _Bad("must be a mapping")
            phrase, plurals = _forms(entry)
            sector, secondary = _codes(entry)
        except _Bad as err:
            raise KnowledgeBaseError(f"{label}: agents entry {index + 1}: {err}") from None
        for form in (phrase, *plurals):
            out.setdefault(form, Agent(form, sector, secondary, phrase))
    return out


@functools.lru_cache(maxsize=1)
def _packaged() -> dict[str, Agent]:
    source = importlib.resources.files("readout.actors") / "data" / "agents.yaml"
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise KnowledgeBaseError(f"{DEFAULT_LABEL}: cannot read ({type(err).__name__})") from None
    with collector_paused():
        return parse_agents(text, DEFAULT_LABEL)


def load_agents(path: pathlib.Path | None = None) -> dict[str, Agent]:
    """Agents by lower-case phrase: the packaged file (cached), or the file at ``path``.

    The packaged mapping is shared between callers: treat it as read-only.
    """
    if path is None:
        return _packaged()
    try:
        text = pathlib.Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise KnowledgeBaseError(f"{path}: cannot read ({type(err).__name__})") from None
    with collector_paused():
        return parse_agents(text, str(path))
