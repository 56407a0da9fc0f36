"""Events that are statements: what a speaker says another must do, and what
a speaker calls another's act.

"The spokesperson told reporters the U.N. must maintain sanctions" is a
request by the spokesperson's side to the U.N., though no request word is
used: a verb of saying whose reported clause has an actor as its subject and
a modal of obligation ("must", "should", "has to") asks that actor to act.
"""

from __future__ import annotations

from typing import Any

from readout.events.arguments import MentionIndex, noun_actors, phrase_actors, subject_of
from readout.events.candidate import Candidate, pairs
from readout.events.lexicon import Judgements, Reading

Token = Any

SAYING = frozenset(
    "say tell stress insist add argue write declare reiterate emphasize emphasise demand".split()
)
_OBLIGATION = frozenset({"must", "should", "ought"})
_NEED = frozenset({"need", "have"})  # "needs to", "has to"
_REQUEST = Reading("say", "VERB", "REQUEST", None, "020")


def statement_events(doc: Any, index: MentionIndex) -> list[Candidate]:
    out: list[Candidate] = []
    for verb in index.tokens:
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


def judgement_events(doc: Any, index: MentionIndex, words: Judgements) -> list[Candidate]:
    """'Macron called Chinese subsidies "unbearable"': ACCUSE, its target the
    actor the object names; 'Tehran called the allegations "baseless"':
    REJECT, its target whoever made them (or the actor named)."""
    out: list[Candidate] = []
    for verb in index.tokens:
        if verb.pos_ == "VERB" and verb.lemma_ in words.designating:
            out.extend(_designation(verb, index, words))
            continue
        if verb.pos_ != "VERB" or verb.lemma_ not in words.verbs:
            continue
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        description = _description(verb)
        if not objects or description is None:
            continue
        kind = words.kind(description)
        if kind is None:
            continue
        reading = _ACCUSE if kind == "accuse" else _REJECT
        targets = [a for obj in objects for a in phrase_actors(obj, index)]
        speakers = subject_of(verb, index)
        answers = None
        if not targets and kind == "reject":
            answered = [index.event_words_type.get(o.i) for o in objects]
            answers = next((t for t in answered if t), "ACCUSE")
        out.extend(
            pairs(verb, reading, reading.mode, reading.cameo, speakers, targets, answers=answers)
        )
    return out


def _designation(verb: Token, index: MentionIndex, words: Judgements) -> list[Candidate]:
    """'Washington designated the group a terrorist organisation': a sanction
    by the subject on the actor designated."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objects:
        return []
    said = [
        t
        for c in verb.children
        if c.dep_ not in ("nsubj", "nsubjpass", "agent")
        for t in c.subtree
        if t.lemma_.lower() in words.designations
    ]
    if not said:
        return []
    targets = [a for obj in objects for a in noun_actors(obj, index)]
    speakers = subject_of(verb, index)
    return pairs(verb, _DESIGNATE, None, "172", speakers, targets)


def _description(verb: Token) -> str | None:
    """The word that describes the object: 'called it unbearable', 'described
    it as a provocation', 'dismissed them as fabricated'."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    for child in [*verb.children, *(c for o in objects for c in o.children)]:
        if child.dep_ in _DESCRIBING and child.pos_ in ("ADJ", "NOUN", "VERB"):
            return str(child.lemma_).lower()
        if child.dep_ == "prep" and child.lower_ == "as":
            for pobj in child.children:
                if pobj.dep_ in ("pobj", "amod") or pobj.pos_ == "ADJ":
                    return str(pobj.lemma_).lower()
    return None


_DESCRIBING = frozenset({"oprd", "xcomp", "ccomp", "acomp"})
_ACCUSE = Reading("call", "VERB", "ACCUSE", "criticize", "111")
_REJECT = Reading("call", "VERB", "REJECT", None, "120")
_DESIGNATE = Reading("designate", "VERB", "SANCTION", None, "172")
