"""Loading spaCy once, for the life of the process."""

from __future__ import annotations

import gc

from readout.nlp.parse import load_nlp
from readout.pipeline import Extractor


def test_the_loaded_model_and_knowledge_base_are_out_of_the_collectors_sight(
    extractor: Extractor,
) -> None:
    # long-lived objects frozen: the cyclic collector's full passes skip them
    assert extractor.kb is not None
    load_nlp()
    assert gc.get_freeze_count() > 100_000


def test_the_model_is_loaded_once() -> None:
    assert load_nlp() is load_nlp()
