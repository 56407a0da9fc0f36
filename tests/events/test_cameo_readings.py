"""The field's verb dictionary under readout's own lexicon."""

from __future__ import annotations

from collections.abc import Callable

from readout.events.lexicon import load_lexicon
from readout.model import Event

Read = Callable[..., list[Event]]


def test_a_specific_dictionary_verb_becomes_a_strict_reading() -> None:
    lexicon = load_lexicon()
    abduct = lexicon.verb("abduct")
    assert abduct is not None and abduct.type == "ASSAULT" and abduct.strict
    # a broad class's verb is left out ("compete" sits under VERBAL_CONFLICT)
    assert lexicon.verb("compete") is None
    # readout's curated reading wins over the dictionary's
    arrest = lexicon.verb("arrest")
    assert arrest is not None and not arrest.strict


def test_a_verb_pattern_codes_a_verb_by_its_object() -> None:
    lexicon = load_lexicon()
    shelve = lexicon.verb_with("shelve", {"plan"})
    assert shelve is not None and shelve.type == "REJECT"
    assert lexicon.verb_with("shelve", {"sandwich"}) is None


def test_a_strict_reading_needs_both_sides_as_its_own_arguments(read_events: Read) -> None:
    got = {(e.type, e.source and e.source.country, e.target and e.target.country)
           for e in read_events("Chadian rebels abducted two Nigerian aid workers on Monday.")}  # fmt: skip
    assert ("ASSAULT", "TCD", "NGA") in got
    # no target named: a dictionary verb alone says too little
    assert read_events("Chadian rebels abducted people near the border.") == []
