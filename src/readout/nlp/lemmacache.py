"""spaCy's rule lemmatizer behind a cache.

The rule lemmatizer works out each token's lemma from its form and tag every
time; news repeats the same few thousand (word, tag) pairs, so a dictionary in
front of it saves most of its cost (about a fifth of the parse) with the same
lemmas.
"""

from __future__ import annotations

from typing import Any, cast

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc

NAME = "readout_lemma_cache"

_STATE: dict[str, Any] = {"lemmatizer": None}
# (orth, pos, morph) hashes -> lemma hash: hashes, not strings, so a Doc's
# columns are read and written as whole arrays, with no Token built per word
_CACHE: dict[tuple[int, int, int], int] = {}
_MAX = 200_000  # entries; news vocabulary stays far below this


def use(lemmatizer: Any) -> None:
    _STATE["lemmatizer"] = lemmatizer
    _CACHE.clear()


@Language.component(NAME)
def cached_lemmas(doc: Doc) -> Doc:
    lemmatizer = _STATE["lemmatizer"]
    strings = doc.vocab.strings
    columns = doc.to_array([LEMMA, ORTH, POS, MORPH])
    lemmas = columns[:, 0].copy()
    for i, (lemma, orth, pos, morph) in enumerate(columns.tolist()):
        if lemma != 0:
            continue  # set by the tag map's word patterns ("has" -> "have"), as spaCy keeps it
        # the rule lemmatizer reads the form, the POS and the morphology
        key = (orth, pos, morph)
        found = _CACHE.get(key)
        if found is None:
            found = strings.add(lemmatizer.rule_lemmatize(doc[i])[0])
            if len(_CACHE) < _MAX:
                _CACHE[key] = found
        lemmas[i] = found
    doc.from_array([LEMMA], cast(Any, lemmas.reshape(-1, 1)))
    return doc
