"""Event mentions from one parsed sentence: triggers, arguments, mode, CAMEO.

Status, dates and attribution are read by ``readout.context``; this module
finds *what* happened and *between whom*: verb triggers in
``readout.events.verbs``, noun triggers in ``readout.events.nouns``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from readout.events.arguments import MentionIndex, conjuncts, governing_actors
from readout.events.candidate import SYMMETRIC, Candidate
from readout.events.lexicon import Lexicon, Reading
from readout.events.nouns import noun_events
from readout.events.statements import judgement_events, statement_events
from readout.events.verbs import stative_passive, verb_events, words_of_objects


def find_events(doc: Any, index: MentionIndex, lexicon: Lexicon) -> list[Candidate]:
    out: list[Candidate] = []
    claimed: set[int] = set()  # nouns already used as a verb's object reading
    nouns: list[tuple[Any, Reading]] = []
    verbs: list[tuple[Any, str]] = []
    for t in index.tokens:
        pos = t.pos_
        if pos in ("NOUN", "PROPN"):
            reading = lexicon.noun(t.lemma_.lower())
            if reading is not None:
                nouns.append((t, reading))
                if not reading.plural_only or t.tag_ in ("NNS", "NNPS"):
                    index.event_words_type[t.i] = reading.type  # "in charge of" is no charge
        elif pos in ("VERB", "AUX"):
            lemma = t.lemma_.lower()
            verb = lexicon.verb(lemma)
            if verb is not None:
                index.event_verbs_type[t.i] = verb.type
            if pos == "VERB" or t.dep_ == "ROOT":
                verbs.append((t, lemma))
    index.event_words = frozenset(index.event_words_type)
    for tok, lemma in verbs:
        reading = lexicon.verb(lemma)
        if reading is None and lemma in lexicon.verb_patterns:
            reading = lexicon.verb_with(lemma, words_of_objects(tok))
        if reading is not None:
            out.extend(verb_events(tok, reading, index, lexicon, claimed))
    for tok, reading in nouns:
        if tok.i not in claimed and not index.at(tok):
            out.extend(noun_events(tok, reading, index, lexicon))
    out.extend(statement_events(doc, index))
    out.extend(judgement_events(doc, index, lexicon.judgements))
    return [_with_agent(c, index) for c in _outer(out, index)]


# A refusal, threat or demand contains the act refused, threatened or asked
# for ("refused to supply X with missiles", "threatened to impose sanctions"):
# that act did not happen, and the sentence reports one event, the outer one.
_GOVERNING = frozenset({"REJECT", "THREATEN", "REQUEST"})
_COMPLEMENTS = frozenset({"xcomp", "ccomp", "acl"})


def _outer(cands: list[Candidate], index: MentionIndex) -> list[Candidate]:
    inside: set[int] = set()
    for c in cands:
        if c.reading.type in _GOVERNING:
            for child in c.trigger.children:
                if child.dep_ in _COMPLEMENTS:
                    inside.update(t.i for t in child.subtree)
    kept = []
    for c in cands:
        if c.trigger.i in inside and c.reading.type not in _GOVERNING:
            index.note(c.trigger, "the act inside a refusal, threat or request is not an event")
        else:
            kept.append(c)
    return kept


def _with_agent(cand: Candidate, index: MentionIndex) -> Candidate:
    """An event word with no subject of its own takes the actor of the clause
    it sits in: 'Trump revised his stance on supporting Ukraine', 'Pyongyang
    issued warnings demanding that Washington ...'."""
    if cand.source is not None or cand.anaphor or stative_passive(cand.trigger):
        return cand  # "two soldiers stand accused": the clause's actors are the accused
    exclude = [cand.target] if cand.target is not None else []
    found = governing_actors(cand.trigger, index, exclude)
    if not found or (cand.target is None and len(found) < 2 and cand.trigger.pos_ != "VERB"):
        return cand  # a sideless event word takes only a pair named together
    if cand.target is None and len(found) >= 2 and cand.reading.type in SYMMETRIC:
        # "Washington and Pyongyang have been locked since talks failed"
        return replace(cand, source=found[0], target=found[1], patient=None)
    return replace(cand, source=found[0])


__all__ = ["SYMMETRIC", "Candidate", "conjuncts", "find_events"]
