"""The cheap pass: which sentences are worth parsing."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from readout.events.lexicon import load_lexicon
from readout.model import Article
from readout.nlp.prefilter import flanked, near_actor, trigger_words
from readout.pipeline import FAR, HEADLINE, NO_PAIR, NO_TRIGGER, PARSED, Extractor


@dataclass(frozen=True)
class At:
    start: int
    from_home: bool = False


def test_a_gated_verb_counts_only_beside_its_object_words() -> None:
    lexicon = load_lexicon()
    signed = "Chile and Peru signed a treaty."
    assert "signed" in trigger_words(signed, lexicon.surface_forms, lexicon.gates)
    autograph = "The singer signed autographs."
    assert "signed" not in trigger_words(autograph, lexicon.surface_forms, lexicon.gates)


def test_a_verb_form_after_a_determiner_is_a_noun() -> None:
    lexicon = load_lexicon()
    verb_only = lexicon.verb_only
    assert "forces" in verb_only and "attack" not in verb_only
    args = (lexicon.surface_forms, lexicon.gates, verb_only)
    assert "forces" not in trigger_words("Its forces stayed in barracks.", *args)
    assert "forces" not in trigger_words("Chile's forces stayed in barracks.", *args)
    assert "forces" in trigger_words("Chile forces Peru to pay.", *args)
    # a noun reading makes the form a trigger after a determiner too
    assert "attack" in trigger_words("The attack on Peru failed.", *args)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The report by the Lima Research Institute was read.", "research"),
        ("A Chilean Air Force jet landed in Peru.", "force"),
        ("Trade fell in March 2020 when Peru closed ports.", "march"),
    ],
)
def test_a_trigger_form_inside_a_name_is_no_trigger(text: str, word: str) -> None:
    lexicon = load_lexicon()
    assert word not in trigger_words(text, lexicon.surface_forms, lexicon.gates, lexicon.verb_only)


@pytest.mark.parametrize(
    "text",
    ["Research by Peru found more.", "“Force them out,” he said of Chile.", "Peru said: Ban it."],
)
def test_a_capital_opening_a_sentence_or_quote_is_no_name(text: str) -> None:
    lexicon = load_lexicon()
    assert trigger_words(text, lexicon.surface_forms, lexicon.gates, lexicon.verb_only)


def test_an_event_noun_needing_a_verb_counts_only_beside_one() -> None:
    lexicon = load_lexicon()
    args = (lexicon.surface_forms, lexicon.gates, lexicon.verb_only)
    assert "treaty" not in trigger_words("The 1904 treaty drew the border with Chile.", *args)
    assert "treaty" in trigger_words("Peru and Chile ratified the treaty.", *args)


def test_an_agent_the_text_does_not_place_must_be_close() -> None:
    text = "Police said on a rainy and windy day in the north that officers arrested two men."
    far = At(text.index("Police"), from_home=True)
    assert not near_actor(text, {"arrested"}, [far])
    assert near_actor(text, {"arrested"}, [At(text.index("officers"), from_home=True)])
    named = "Peru, after weeks of quiet talks, recalled its envoy."
    assert near_actor(named, {"recalled"}, [At(0)])


def test_a_verb_needing_both_sides_needs_an_actor_on_each_side() -> None:
    text = "Peru expelled Chile's envoy."
    peru, chile = At(text.index("Peru")), At(text.index("Chile"))
    assert flanked(text, {"expelled"}, [peru, chile])
    assert not flanked(text, {"expelled"}, [peru])
    both_before = "Peru and Chile, in a long and bitter quarrel over fishing rights, expelled them."
    assert not flanked(both_before, {"expelled"}, [At(0), At(both_before.index("Chile"))])
    far = "Peru, whose navy had for many weeks been watching the disputed waters, expelled Chile."
    assert not flanked(far, {"expelled"}, [At(0), At(far.index("Chile"))])


def test_sentences_are_sorted_by_what_they_can_hold(extractor: Extractor) -> None:
    text = (
        "Storms Hit Coast\n\n"
        "Rain fell on Lima.\n\n"
        "Peruvian rebels abducted someone.\n\n"
        "Peru recalled its ambassador from Chile.\n\n"
        "Peru and Chile, in a long and bitter quarrel over fishing rights, abducted them."
    )
    verdicts = [v for _, v in extractor.scan(Article("a.txt", text, title="Storms Hit Coast"))]
    assert verdicts[0] == HEADLINE
    assert verdicts[1] == NO_TRIGGER
    assert verdicts[2] == NO_PAIR  # "abducted" needs two named sides
    assert verdicts[3] == PARSED
    assert verdicts[4] == NO_PAIR  # two sides, but neither is the verb's object
    assert FAR  # named in the report of explain
