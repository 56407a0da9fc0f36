"""Events that are statements: what a speaker says another must do.

"The spokesperson told reporters the U.N. must maintain sanctions" is a
request by the spokesperson's side to the U.N., though no request word is
used: a verb of saying whose reported clause has an actor as its subject and
a modal of obligation ("must", "should", "has to") asks that actor to act.
"""

from __future__ import annotations

from typing import Any

from readout.events.arguments import MentionIndex, noun_actors, subject_of
from readout.events.candidate import Candidate, pairs
from readout.events.lexicon import Reading

Token = Any

SAYING = frozenset(
    "say tell stress insist add argue write declare reiterate emphasize emphasise demand".split()
)
_OBLIGATION = frozenset({"must", "should", "ought"})
_NEED = frozenset({"need", "have"})  # "needs to", "has to"
_REQUEST = Reading("say", "VERB", "REQUEST", None, "020")


def statement_events(doc: Any, index: MentionIndex) -> list[Candidate]:
    out: list[Candidate] = []
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ not in SAYING:
            continue
        for clause in verb.children:
            if clause.dep_ != "ccomp" or not _obliged(clause):
                continue
            addressees = [
                a
                for c in clause.children
                if c.dep_ in ("nsubj", "nsubjpass")
                for a in noun_actors(c, index)
            ]
            speakers = subject_of(verb, index)
            if addressees and speakers:
                out.extend(pairs(verb, _REQUEST, None, "020", speakers, addressees))
    return out


def _obliged(clause: Token) -> bool:
    """'must maintain', 'should stop', 'needs to end', 'has to leave'."""
    for aux in clause.children:
        if aux.dep_ == "aux" and aux.lower_ in _OBLIGATION:
            return True
    if clause.lemma_ in _NEED:
        return any(c.dep_ == "xcomp" for c in clause.children)
    return False
