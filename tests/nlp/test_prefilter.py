"""The cheap pass: which sentences are worth parsing."""

from __future__ import annotations

from dataclasses import dataclass

from readout.events.lexicon import load_lexicon
from readout.model import Article
from readout.nlp.prefilter import near_actor, trigger_words
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


def test_an_agent_the_text_does_not_place_must_be_close() -> None:
    text = "Police said on a rainy and windy day in the north that officers arrested two men."
    far = At(text.index("Police"), from_home=True)
    assert not near_actor(text, {"arrested"}, [far])
    assert near_actor(text, {"arrested"}, [At(text.index("officers"), from_home=True)])
    named = "Peru, after weeks of quiet talks, recalled its envoy."
    assert near_actor(named, {"recalled"}, [At(0)])


def test_sentences_are_sorted_by_what_they_can_hold(extractor: Extractor) -> None:
    text = (
        "Storms Hit Coast\n\n"
        "Rain fell on Lima.\n\n"
        "Peruvian rebels abducted someone.\n\n"
        "Peru recalled its ambassador from Chile."
    )
    verdicts = [v for _, v in extractor.scan(Article("a.txt", text, title="Storms Hit Coast"))]
    assert verdicts[0] == HEADLINE
    assert verdicts[1] == NO_TRIGGER
    assert verdicts[2] == NO_PAIR  # "abducted" needs two named sides
    assert verdicts[3] == PARSED
    assert FAR  # named in the report of explain
