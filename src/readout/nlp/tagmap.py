"""A fast stand-in for spaCy's attribute ruler.

In en_core_web_sm the attribute ruler maps fine-grained tags to coarse POS and
morphology with a token Matcher over ~180 patterns, and costs about as much as
the tagger and parser together on short sentences. Its patterns only test a
token's tag, lower-case form and dependency label (and, in one pattern, those of
its neighbour), so we read them out of the loaded model and apply them with
dictionary lookups plus a short list of conditional rules.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

NAME = "readout_tag_map"

Test = tuple[str, frozenset[str]]  # ("IN" | "NOT_IN", values)
_ANY: Test = ("NOT_IN", frozenset())
_ATTRS = ("TAG", "LOWER", "DEP")

_BY_TAG: dict[str, dict[str, str]] = {}
_BY_WORD_TAG: dict[tuple[str, str], dict[str, str]] = {}
_BY_WORD: dict[str, dict[str, str]] = {}
# The rest, in pattern order: (token tests per position, index to set, attrs).
_RULES: list[tuple[tuple[dict[str, Test], ...], int, dict[str, str]]] = []


def _test(spec: Any) -> Test | None:
    if isinstance(spec, str):
        return ("IN", frozenset([spec]))
    if isinstance(spec, dict):
        for op in ("IN", "NOT_IN"):
            if isinstance(spec.get(op), list):
                return (op, frozenset(str(v) for v in spec[op]))
    return None


def _plain(tests: dict[str, Test], key: str) -> frozenset[str] | None:
    op, values = tests.get(key, _ANY)
    return values if op == "IN" and values else None


def load_from(ruler: Any) -> None:
    """Fill the lookup tables from an AttributeRuler's patterns."""
    for table in (_BY_TAG, _BY_WORD_TAG, _BY_WORD, _INDEX):
        table.clear()
    _RULES.clear()
    _UNINDEXED.clear()
    for entry in ruler.patterns:
        attrs = {
            str(k): str(v) for k, v in entry["attrs"].items() if k in ("POS", "MORPH", "LEMMA")
        }
        if not attrs:
            continue
        for pattern in entry["patterns"]:
            specs = []
            for token in pattern:
                tests = {k: _test(v) for k, v in token.items() if k in _ATTRS}
                if set(token) - set(_ATTRS) or any(t is None for t in tests.values()):
                    break  # a test we do not model (IS_SPACE, REGEX): leave it out
                specs.append({k: t for k, t in tests.items() if t is not None})
            else:
                _add(tuple(specs), int(entry.get("index", 0)), attrs)


def _add(specs: tuple[dict[str, Test], ...], index: int, attrs: dict[str, str]) -> None:
    if len(specs) == 1:
        tests = specs[0]
        tags, words = _plain(tests, "TAG"), _plain(tests, "LOWER")
        if set(tests) == {"TAG"} and tags:
            for tag in tags:
                _BY_TAG.setdefault(tag, {}).update(attrs)
            return
        if set(tests) == {"TAG", "LOWER"} and tags and words:
            for tag in tags:
                for word in words:
                    _BY_WORD_TAG.setdefault((word, tag), {}).update(attrs)
            return
        if set(tests) == {"LOWER"} and words:
            for word in words:
                _BY_WORD.setdefault(word, {}).update(attrs)
            return
    _RULES.append((specs, index, attrs))


def _apply(token: Any, attrs: dict[str, str]) -> None:
    if "POS" in attrs:
        token.pos_ = attrs["POS"]
    if "MORPH" in attrs:
        token.set_morph(None if attrs["MORPH"] == "_" else attrs["MORPH"])
    if "LEMMA" in attrs:
        token.lemma_ = attrs["LEMMA"]


_POSITION = {"TAG": 0, "LOWER": 1, "DEP": 2}


def _fits(features: tuple[str, str, str], tests: dict[str, Test]) -> bool:
    for key, (op, values) in tests.items():
        if (features[_POSITION[key]] in values) != (op == "IN"):
            return False
    return True


_NAMES: dict[int, str] = {}


def _name(strings: Any, key: int) -> str:
    found = _NAMES.get(key)
    if found is None:
        found = _NAMES[key] = strings[key] if key else ""
        if len(_NAMES) > 500_000:
            _NAMES.clear()
    return found


@Language.component(NAME)
def tag_map(doc: Doc) -> Doc:
    # read the columns as hashes in one call and name them from a cache:
    # building a Token per word to read its strings is the slow part
    strings = doc.vocab.strings
    features = [
        (_name(strings, tag), _name(strings, lower), _name(strings, dep))
        for tag, lower, dep in doc.to_array(["TAG", "LOWER", "DEP"]).tolist()
    ]
    for i, (tag, lower, _) in enumerate(features):
        for attrs in (_BY_TAG.get(tag), _BY_WORD_TAG.get((lower, tag)), _BY_WORD.get(lower)):
            if attrs:
                _apply(doc[i], attrs)
    if not _INDEX and _RULES:
        _build_index()
    for start, feats in enumerate(features):
        hits: set[int] = set(_UNINDEXED)
        for pos, value in enumerate(feats):
            hits.update(_INDEX.get((pos, value), ()))
        for r in sorted(hits):  # pattern order
            specs, index, attrs = _RULES[r]
            if start + len(specs) > len(features):
                continue
            if all(_fits(features[start + k], specs[k]) for k in range(len(specs))):
                _apply(doc[start + index], attrs)
    return doc


# (position in features, value) -> rules whose first token needs that value
_INDEX: dict[tuple[int, str], list[int]] = {}
_UNINDEXED: list[int] = []


def _build_index() -> None:
    for r, (specs, _, _) in enumerate(_RULES):
        key = next((k for k in ("LOWER", "DEP", "TAG") if specs[0].get(k, _ANY)[0] == "IN"), None)
        if key is None:
            _UNINDEXED.append(r)
            continue
        for value in specs[0][key][1]:
            _INDEX.setdefault((_POSITION[key], value), []).append(r)
