"""spaCy's rule lemmatizer behind a cache.

The rule lemmatizer works out each token's lemma from its form and tag every
time; news repeats the same few thousand (word, tag) pairs, so a dictionary in
front of it saves most of its cost (about a fifth of the parse) with the same
lemmas.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

NAME = "readout_lemma_cache"

_STATE: dict[str, Any] = {"lemmatizer": None}
_CACHE: dict[tuple[int, int, str], str] = {}
_MAX = 200_000  # entries; news vocabulary stays far below this


def use(lemmatizer: Any) -> None:
    _STATE["lemmatizer"] = lemmatizer
    _CACHE.clear()


@Language.component(NAME)
def cached_lemmas(doc: Doc) -> Doc:
    lemmatizer = _STATE["lemmatizer"]
    for token in doc:
        if token.lemma != 0:
            continue  # set by the tag map's word patterns ("has" -> "have"), as spaCy keeps it
        # the rule lemmatizer reads the form, the POS and the morphology
        key = (token.orth, token.pos, str(token.morph))
        lemma = _CACHE.get(key)
        if lemma is None:
            lemma = lemmatizer.rule_lemmatize(token)[0]
            if len(_CACHE) < _MAX:
                _CACHE[key] = lemma
        token.lemma_ = lemma
    return doc
