"""Events whose trigger is a verb: who did it (the subject, inherited through
control, raising and coordination) and to whom (object, passive subject,
prepositional objects, the complement clause)."""

from __future__ import annotations

from typing import Any

from readout.events.arguments import (
    MentionIndex,
    direct_objects,
    modifier_actors,
    noun_actors,
    prep_objects,
    subject_of,
)
from readout.events.candidate import Candidate, pairs
from readout.events.lexicon import Lexicon, Reading
from readout.model import Actor

Token = Any

_PHONE_WORDS = frozenset({"phone", "telephone", "video", "conference", "zoom"})
_OBJECT_PREPS = ("with", "for", "of", "on")
# Types whose target may be implied by the phrase around the trigger.
_CONTEXT_TARGET = frozenset({"ASSAULT", "COERCE", "SANCTION", "RETREAT", "MOBILIZE", "THREATEN"})


def verb_events(
    verb: Token, reading: Reading, index: MentionIndex, lexicon: Lexicon, claimed: set[int]
) -> list[Candidate]:
    if verb.lemma_ == "call":
        return _call_on(verb, index)
    objects = direct_objects(verb)
    object_words = {o.lemma_.lower() for o in objects}
    object_words.update(o.lower_.rstrip("s") for o in objects)  # "the Abraham Accords"
    for o in objects:
        object_words.update(c.lemma_.lower() for c in o.children if c.dep_ in ("compound", "amod"))
    for pobj in prep_objects(verb, _OBJECT_PREPS):
        object_words.add(pobj.lemma_.lower())
    if reading.objects and not (object_words & reading.objects):
        return []
    if _is_phrasal_other(verb):
        return []
    mode, cameo = reading.mode, reading.cameo
    refined = lexicon.refine_mode(reading.type, object_words)
    if refined and reading.mode is None:
        mode, cameo = refined[0], refined[1] or cameo
    if reading.type == "CONSULT" and _by_phone(verb):
        mode, cameo = "phone", "041"  # "spoke with X by telephone"
    for o in objects:
        if reading.objects and o.lemma_.lower() in reading.objects:
            claimed.add(o.i)
    sources = subject_of(verb, index)
    targets = _verb_targets(verb, reading, index)
    if not targets and reading.type in ("REJECT", "REQUEST", "THREATEN"):
        targets = complement_targets(verb, reading, index)
    if sources and not targets and reading.type in _CONTEXT_TARGET:
        targets = _dependent_actor(verb, sources, index)
    return pairs(verb, reading, mode, cameo, sources, targets)


def _dependent_actor(verb: Token, sources: list[Actor], index: MentionIndex) -> list[Actor]:
    """'the U.S. withdrew, citing Russia's deployment': an actor among the
    verb's adverbial dependents, when the verb names no target itself."""
    for child in verb.children:
        if child.dep_ not in ("advcl", "prep", "npadvmod", "advmod"):
            continue
        for tok in child.subtree:
            actor = index.actor_at(tok)
            if actor is not None and all(actor.country != s.country for s in sources):
                return [actor]
    return []


def _call_on(verb: Token, index: MentionIndex) -> list[Candidate]:
    """'called on X to ...' is a request to X; other senses of 'call' are not events."""
    from readout.events.lexicon import Reading

    targets = [a for p in prep_objects(verb, ("on", "upon")) for a in noun_actors(p, index)]
    if not targets:
        return []
    reading = Reading("call", "VERB", "REQUEST", None, "020")
    return pairs(verb, reading, None, "020", subject_of(verb, index), targets)


def _verb_targets(verb: Token, reading: Reading, index: MentionIndex) -> list[Actor]:
    targets: list[Actor] = []
    # passive: "he was criticized by ...", "Kyiv was attacked overnight"
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            targets.extend(a for a in noun_actors(child, index) if a not in targets)
    for obj in direct_objects(verb):
        targets.extend(a for a in noun_actors(obj, index) if a not in targets)
        if not targets:
            # "supplied weapons to X" handled by preps; "warned Western nations" by the object
            pass
    for pobj in prep_objects(verb, reading.target_preps):
        targets.extend(a for a in noun_actors(pobj, index) if a not in targets)
    if not targets and reading.objects:
        # "lifted sanctions on Syria": the target hangs on the object noun
        for obj in direct_objects(verb):
            for pobj in prep_objects(obj, reading.target_preps):
                targets.extend(a for a in noun_actors(pobj, index) if a not in targets)
    if not targets:
        # "advocated for U.S. permission": the actor modifying the object
        for pobj in prep_objects(verb, ("for",)):
            targets.extend(a for a in modifier_actors(pobj, index) if a not in targets)
    return targets


def complement_targets(verb: Token, reading: Reading, index: MentionIndex) -> list[Actor]:
    """'refused to supply X with ...', 'urged ... not to make concessions to Y',
    'demanded that X withdraw'."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp", "acl") and child.pos_ in ("VERB", "AUX"):
            found: list[Actor] = []
            if child.dep_ == "ccomp" and reading.type == "REQUEST":
                found.extend(
                    a
                    for c in child.children
                    if c.dep_ in ("nsubj", "nsubjpass")
                    for a in noun_actors(c, index)
                )
            for obj in direct_objects(child):
                found.extend(noun_actors(obj, index))
            for pobj in prep_objects(child, ("to", "with", "on", "against", "into")):
                found.extend(noun_actors(pobj, index))
            if found:
                return found
    return []


def _by_phone(verb: Token) -> bool:
    return any(
        p.lower_ in ("by", "over", "via", "on")
        and any(c.lower_ in _PHONE_WORDS for c in p.children)
        for p in verb.children
        if p.dep_ == "prep"
    )


def _is_phrasal_other(verb: Token) -> bool:
    """'back down', 'hit back', 'strike out' are not the triggers' usual senses."""
    return any(c.dep_ == "prt" and c.lower_ in ("down", "out", "up", "off") for c in verb.children)
