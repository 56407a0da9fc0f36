"""The attribution word lists load completely, and a broken file fails in one line."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest
import yaml

from readout.context import attribution_lexicon as al


def test_lexicon_loads_every_entry() -> None:
    raw = yaml.safe_load(al.LEXICON_PATH.read_text(encoding="utf-8"))
    lex = al.lexicon()
    for stance, verbs in raw["speech_verbs"].items():
        assert lex.speech_verbs[stance] == {v.lower() for v in verbs}
        assert stance in ("asserts", "confirms", "denies")
    for key, words in raw.items():
        if key not in al.SPECIAL_FIELDS:
            assert getattr(lex, key) == {w.lower() for w in words}
    for entry in raw["fallback_outlets"]:
        for alias in [entry["name"], *entry["aliases"]]:
            assert lex.fallback_outlets[alias.lower()] == entry["name"]


@pytest.mark.parametrize(
    "content",
    [
        "speech_verbs: {asserts: [say]}\nhedging_verbs: claim\n",
        "speech_verbs: [say]\n",
        "- a list\n",
        "speech_verbs: {asserts: [say]}\n",
        "speech_verbs: {asserts: [say]\n",
    ],
)
def test_bad_lexicon_is_one_line_error(
    check_bad_lexicon: Callable[[ModuleType, str, str], None], content: str
) -> None:
    check_bad_lexicon(al, "attribution.yaml", content)


def test_fallback_outlets_when_the_knowledge_base_is_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import readout.actors.kb as kb

    def broken() -> None:
        raise OSError("no outlets file")

    monkeypatch.setattr(kb, "load_kb", broken)
    al.default_outlets.cache_clear()
    try:
        assert al.default_outlets()["ft"] == "Financial Times"
    finally:
        monkeypatch.undo()
        al.default_outlets.cache_clear()
