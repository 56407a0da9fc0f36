"""Every trigger entry loads, names a PLOVER type and a CAMEO code, and is findable."""

import pytest

from readout.errors import KnowledgeBaseError
from readout.events.lexicon import load_lexicon, noun_forms, parse_lexicon, verb_forms
from readout.model import EVENT_TYPES


def test_every_entry_is_well_formed() -> None:
    lex = load_lexicon()
    for reading in [*lex.verbs.values(), *lex.nouns.values()]:
        assert reading.type in EVENT_TYPES, reading
        assert reading.cameo.isdigit() and 2 <= len(reading.cameo) <= 4, reading
        assert all(isinstance(w, str) for w in reading.target_preps | reading.objects)


def test_all_sixteen_types_have_triggers() -> None:
    lex = load_lexicon()
    types = {r.type for r in [*lex.verbs.values(), *lex.nouns.values()]}
    assert types == set(EVENT_TYPES)


@pytest.mark.parametrize(
    ("lemma", "form"),
    [("meet", "met"), ("expel", "expelled"), ("ban", "banned"), ("accuse", "accused"),
     ("urge", "urging"), ("supply", "supplied"), ("withdraw", "withdrew"), ("strike", "struck")],
)  # fmt: skip
def test_inflected_forms(lemma: str, form: str) -> None:
    assert form in verb_forms(lemma)
    assert form in load_lexicon().surface_forms


def test_noun_plurals() -> None:
    assert "sanctions" in noun_forms("sanction") and "talks" in noun_forms("talk")
    assert "allies" in noun_forms("ally")


def test_yaml_booleans_are_rejected() -> None:
    with pytest.raises(KnowledgeBaseError, match="quote"):
        parse_lexicon(
            {"verbs": {"meet": {"type": "CONSULT", "cameo": "040", "target_preps": [True]}}}
        )


def test_unknown_type_is_rejected() -> None:
    with pytest.raises(KnowledgeBaseError, match="unknown event type"):
        parse_lexicon({"verbs": {"meet": {"type": "GREET", "cameo": "040"}}})
