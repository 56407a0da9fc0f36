"""Event mentions from one parsed sentence: triggers, arguments, mode, CAMEO.

Status, dates and attribution are read by ``readout.context``; this module
finds *what* happened and *between whom*.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from readout.events.arguments import (
    MentionIndex,
    between,
    conjuncts,
    direct_objects,
    modifier_actors,
    noun_actors,
    prep_objects,
    subject_of,
)
from readout.events.lexicon import Lexicon, Reading
from readout.model import Actor

Token = Any

SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})
_PHONE_WORDS = frozenset({"phone", "telephone", "video", "conference", "zoom"})
_OBJECT_PREPS = ("with", "for", "of", "on")
# Nouns whose "of X" names the target (the one invaded, annexed, sanctioned).
_OF_TARGET = frozenset(
    {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "AID", "REQUEST", "ACCUSE", "SUPPORT"}
)


@dataclass(frozen=True)
class Candidate:
    """An event read from a sentence, before status, dates and attribution."""

    trigger: Token
    reading: Reading
    mode: str | None
    cameo: str
    source: Actor | None
    target: Actor | None
    anaphor: bool = False  # "the call", "their conversation": an event named before


# Types whose target may be implied by the phrase around the trigger.
_CONTEXT_TARGET = frozenset({"ASSAULT", "COERCE", "SANCTION", "RETREAT", "MOBILIZE", "THREATEN"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "their", "its", "such", "no"})


def find_events(doc: Any, index: MentionIndex, lexicon: Lexicon) -> list[Candidate]:
    out: list[Candidate] = []
    claimed: set[int] = set()  # nouns already used as a verb's object reading
    for tok in doc:
        if tok.pos_ in ("VERB",) or (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
            reading = lexicon.verb(tok.lemma_.lower())
            if reading is not None:
                out.extend(_verb_events(tok, reading, index, lexicon, claimed))
    for tok in doc:
        if tok.pos_ in ("NOUN", "PROPN") and tok.i not in claimed:
            reading = lexicon.noun(tok.lemma_.lower())
            if reading is not None and not index.at(tok):
                out.extend(_noun_events(tok, reading, index, lexicon))
    return out


# -- verbs ----------------------------------------------------------------
def _verb_events(
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
        targets = _complement_targets(verb, reading, index)
    if sources and not targets and reading.type in _CONTEXT_TARGET:
        targets = _dependent_actor(verb, sources, index)
    return _pairs(verb, reading, mode, cameo, sources, targets)


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


def _ancestor_actor(noun: Token, sources: list[Actor], index: MentionIndex) -> list[Actor]:
    """'the war in Ukraine, which began with the Russian invasion': the place
    or party named by the phrases the event noun sits in."""
    node = noun
    for _ in range(4):
        if node.head.i == node.i:
            break
        node = node.head
        for pobj in prep_objects(node, ("in", "against", "on", "into", "of")):
            for actor in noun_actors(pobj, index):
                if all(actor.country != s.country for s in sources):
                    return [actor]
    return []


def _call_on(verb: Token, index: MentionIndex) -> list[Candidate]:
    """'called on X to ...' is a request to X; other senses of 'call' are not events."""
    from readout.events.lexicon import Reading

    targets = [a for p in prep_objects(verb, ("on", "upon")) for a in noun_actors(p, index)]
    if not targets:
        return []
    reading = Reading("call", "VERB", "REQUEST", None, "020")
    return _pairs(verb, reading, None, "020", subject_of(verb, index), targets)


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


def _complement_targets(verb: Token, reading: Reading, index: MentionIndex) -> list[Actor]:
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


# -- nouns ----------------------------------------------------------------
def _noun_events(
    noun: Token, reading: Reading, index: MentionIndex, lexicon: Lexicon
) -> list[Candidate]:
    if reading.plural_only and noun.tag_ not in ("NNS", "NNPS"):
        return []
    if reading.compound_only:
        return []
    governor = noun.head if noun.dep_ in ("dobj", "nsubjpass", "attr", "pobj") else None
    if reading.needs_governor and (
        governor is None or governor.lemma_ not in reading.needs_governor
    ):
        return []
    if reading.needs_phone and not _is_phone_call(noun):
        return []
    if noun.dep_ == "compound":
        return []  # "sanctions regime", "aid package" as modifiers: the head decides
    mode, cameo = reading.mode, reading.cameo
    refined = lexicon.refine_mode(reading.type, _np_words(noun))
    if refined and reading.mode is None:
        mode, cameo = refined[0], refined[1] or cameo

    pair = [a for t in between(noun) for a in noun_actors(t, index)]
    if len(pair) >= 2:
        return _pairs(noun, reading, mode, cameo, [pair[0]], [pair[1]])
    mods = modifier_actors(noun, index)
    targets = []
    for pobj in prep_objects(noun, reading.target_preps):
        targets.extend(noun_actors(pobj, index))
    if reading.type in _OF_TARGET:
        for pobj in prep_objects(noun, ("of",)):
            targets.extend(noun_actors(pobj, index))
    if reading.needs_clause:
        targets.extend(_clause_subject(noun, index))
        if not targets:
            return []
    sources: list[Actor] = []
    for pobj in prep_objects(noun, ("by",)):
        sources.extend(noun_actors(pobj, index))  # "a visit by Modi to Mauritius"
    if len(mods) >= 2 and not targets and not sources:
        sources, targets = [mods[0]], [mods[1]]
    elif mods and not sources:
        sources = [mods[0]]
    if not sources and reading.type == "CONSULT" and noun.dep_ == "pobj":
        # "Sanchez said during a visit to Beijing": the speaker made the visit
        prep = noun.head
        if prep.lower_ in (
            "during",
            "on",
            "after",
            "before",
            "ahead",
            "from",
        ) and prep.head.pos_ in (
            "VERB",
            "AUX",
        ):
            sources = subject_of(prep.head, index)
    support = _support_verb(noun, lexicon)
    if support is not None:
        if not sources:
            sources = subject_of(support, index)
        if not sources and reading.type == "AGREE":
            # "it fell to the Biden administration to finalize an extension"
            sources = _sole_actor(noun.doc, index)
        if not targets:
            for pobj in prep_objects(support, reading.target_preps):
                targets.extend(noun_actors(pobj, index))
            for obj in direct_objects(support):
                if obj.i != noun.i:
                    targets.extend(noun_actors(obj, index))
    if len(pair) == 1 and not targets:
        targets = pair
    if not targets and reading.type in ("REJECT", "REQUEST", "THREATEN"):
        targets = _complement_targets(noun, reading, index)
    if sources and not targets and reading.type in _CONTEXT_TARGET:
        targets = _ancestor_actor(noun, sources, index)
    if not sources and not targets and not pair:
        if any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in noun.children):
            return [Candidate(noun, reading, mode, cameo, None, None, anaphor=True)]
        return []
    return _pairs(noun, reading, mode, cameo, sources, targets)


def _sole_actor(doc: Any, index: MentionIndex) -> list[Actor]:
    """The one actor a sentence names, if it names exactly one."""
    found = {id(m): m.actor for m in (index.at(t) for t in doc) if m is not None}
    actors = list({(a.country, a.name): a for a in found.values()}.values())
    return actors if len(actors) == 1 else []


def _support_verb(noun: Token, lexicon: Lexicon) -> Token | None:
    """The verb that carries an event noun: 'held talks', 'imposed sanctions'."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.lemma_ in lexicon.support_verbs:
        return head
    # "announced $300 million in military aid": the amount carries the noun
    if (
        noun.dep_ == "pobj"
        and head.lower_ in ("in", "of")
        and head.head.pos_ in ("NUM", "SYM", "NOUN")
    ):
        amount = head.head
        if amount.dep_ == "dobj" and amount.head.lemma_ in lexicon.support_verbs:
            return amount.head
    if noun.dep_ == "pobj" and head.head.lemma_ in ("engage", "take", "participate"):
        return head.head
    return None


def _clause_subject(noun: Token, index: MentionIndex) -> list[Actor]:
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "relcl") and child.pos_ in ("VERB", "AUX"):
            if not any(c.lower_ == "that" and c.dep_ == "mark" for c in child.children):
                continue
            return subject_of(child, index)
    return []


def _is_phone_call(noun: Token) -> bool:
    kids = {c.lower_ for c in noun.children}
    if kids & _PHONE_WORDS:
        return True
    if any(c.dep_ == "compound" and c.lower_ in _PHONE_WORDS for c in noun.subtree):
        return True
    if any(c.dep_ == "prep" and c.lower_ in ("between", "with") for c in noun.children):
        return True
    # "the call" after a call was reported: the same call, unless it is a call for/on something
    if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return not any(_appeal_prep(c) for c in noun.children)
    return noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_ in (
        "hold",
        "have",
        "make",
        "conduct",
    )


_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december".split()
)


def _appeal_prep(prep: Token) -> bool:
    """'a call for talks', 'a call to arms', 'a call on Russia to ...' (but not 'on Monday')."""
    if prep.dep_ != "prep" or prep.lower_ not in ("for", "on", "to"):
        return False
    if prep.lower_ == "on":
        return not any(c.lower_ in _TIME_WORDS or c.like_num for c in prep.subtree)
    return True


def _np_words(noun: Token) -> set[str]:
    words = {noun.lemma_.lower()}
    words.update(c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod"))
    if noun.dep_ in ("dobj", "pobj"):
        words.update(c.lemma_.lower() for c in noun.head.children if c.dep_ == "dobj")
    return words


# -- assembling -------------------------------------------------------------
def _pairs(
    trigger: Token,
    reading: Reading,
    mode: str | None,
    cameo: str,
    sources: list[Actor],
    targets: list[Actor],
) -> list[Candidate]:
    """One candidate per (source, target); coordinated subjects of a symmetric
    event are its two sides ("Lavrov and Rubio held a call")."""
    if reading.type in SYMMETRIC and len(sources) >= 2:
        sources, targets = sources[:1], sources[1:]  # "X and Y signed ..." at wherever
    elif reading.reciprocal and len(sources) >= 2 and not targets:
        sources, targets = sources[:1], sources[1:]
    if reading.needs_target and not targets:
        return []
    out = []
    no_one: list[Actor | None] = [None]
    for s in [*sources] or no_one:
        for t in [*targets] or no_one:
            if s is not None and t is not None and _same(s, t):
                continue
            out.append(Candidate(trigger, reading, mode, cameo, s, t))
    return out


def _same(a: Actor, b: Actor) -> bool:
    if a.kb_id and a.kb_id == b.kb_id:
        return True
    return a.name == b.name and a.country == b.country


__all__ = ["Candidate", "conjuncts", "find_events"]
