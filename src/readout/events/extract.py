"""Event mentions from one parsed sentence: triggers, arguments, mode, CAMEO.

Status, dates and attribution are read by ``readout.context``; this module
finds *what* happened and *between whom*: verb triggers in
``readout.events.verbs``, noun triggers in ``readout.events.nouns``.
"""

from __future__ import annotations

from typing import Any

from readout.events.arguments import MentionIndex, conjuncts
from readout.events.candidate import SYMMETRIC, Candidate
from readout.events.lexicon import Lexicon
from readout.events.nouns import noun_events
from readout.events.verbs import verb_events


def find_events(doc: Any, index: MentionIndex, lexicon: Lexicon) -> list[Candidate]:
    out: list[Candidate] = []
    claimed: set[int] = set()  # nouns already used as a verb's object reading
    for tok in doc:
        if tok.pos_ in ("VERB",) or (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
            reading = lexicon.verb(tok.lemma_.lower())
            if reading is not None:
                out.extend(verb_events(tok, reading, index, lexicon, claimed))
    for tok in doc:
        if tok.pos_ in ("NOUN", "PROPN") and tok.i not in claimed:
            reading = lexicon.noun(tok.lemma_.lower())
            if reading is not None and not index.at(tok):
                out.extend(noun_events(tok, reading, index, lexicon))
    return out


__all__ = ["SYMMETRIC", "Candidate", "conjuncts", "find_events"]
