"""Events whose trigger is a noun ("talks", "sanctions", "the invasion"): the
sides from 'between X and Y', possessives and modifiers, 'by'/'of'/'on'
phrases, and the verb that carries the noun ("held talks with")."""

from __future__ import annotations

from typing import Any

from readout.events.arguments import (
    MentionIndex,
    between,
    direct_objects,
    modifier_actors,
    noun_actors,
    phrase_actors,
    prep_objects,
    subject_of,
)
from readout.events.candidate import SYMMETRIC, Candidate, pairs
from readout.events.lexicon import Lexicon, Reading
from readout.events.verbs import complement_targets
from readout.model import Actor

Token = Any

_PHONE_WORDS = frozenset({"phone", "telephone", "video", "conference", "zoom"})
# Nouns whose "of X" names the target (the one invaded, annexed, sanctioned).
_OF_TARGET = frozenset(
    {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "AID", "REQUEST", "ACCUSE", "SUPPORT"}
)


_CONTEXT_TARGET = frozenset({"ASSAULT", "COERCE", "SANCTION", "RETREAT", "MOBILIZE", "THREATEN"})
# Nouns of acts done to a person, whose owner is the person it befell
_PATIENT_OWNER = frozenset({"COERCE", "ASSAULT", "RETREAT"})
# Heads that only measure or schedule the event word before them ("a tariff
# increase on X", "an aid package for Y"): the sides are the head's.
_CARRIER_HEADS = frozenset(
    {"increase", "hike", "rise", "raise", "boost", "plan", "package", "measure", "extension"}
)
_GOODS = frozenset({"import", "export", "good", "product", "shipment", "sale"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "their", "its", "such", "no"})


def noun_events(
    noun: Token, reading: Reading, index: MentionIndex, lexicon: Lexicon
) -> list[Candidate]:
    if reading.plural_only and noun.tag_ not in ("NNS", "NNPS"):
        index.note(noun, "an event noun only in the plural ('talks', 'sanctions')")
        return []
    if reading.compound_only:
        index.note(noun, "an event word only inside a compound ('phone call')")
        return []
    governor = noun.head if noun.dep_ in ("dobj", "nsubjpass", "attr", "pobj") else None
    if reading.needs_governor and (
        governor is None or governor.lemma_ not in reading.needs_governor
    ):
        index.note(noun, "an event noun only after certain verbs ('sign a treaty')")
        return []
    if reading.needs_phone and not _is_phone_call(noun):
        index.note(noun, "'call' here is not a phone call")
        return []
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in _CARRIER_HEADS:
        noun = noun.head  # "a tariff increase on Chinese cars": the head carries its sides
    if noun.dep_ == "compound":
        index.note(noun, "modifies another noun ('sanctions regime'): the head decides")
        return []  # "sanctions regime", "aid package" as modifiers: the head decides
    mode, cameo = reading.mode, reading.cameo
    refined = lexicon.refine_mode(reading.type, _np_words(noun))
    if refined and reading.mode is None:
        mode, cameo = refined[0], refined[1] or cameo

    pair = [a for t in between(noun) for a in phrase_actors(t, index, into_events=False)]
    if len(pair) >= 2:
        return pairs(noun, reading, mode, cameo, [pair[0]], [pair[1]])
    mods = modifier_actors(noun, index)
    targets: list[Actor] = []
    inward = reading.type not in SYMMETRIC
    # "sanctions imposed on X", "a proposal made for X to ...": the participle's phrases
    carriers = [noun, *(c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN")]
    importers = _importers(carriers, reading, index)
    for pobj in (p for c in carriers for p in prep_objects(c, reading.target_preps)):
        targets.extend(
            a for a in phrase_actors(pobj, index, into_events=inward) if a not in importers
        )
    if reading.type in _OF_TARGET:
        for pobj in prep_objects(noun, ("of",)):
            targets.extend(phrase_actors(pobj, index, into_events=inward))
    if reading.needs_clause:
        targets.extend(_clause_subject(noun, index))
        if not targets:
            index.note(noun, "needs a 'that' clause naming who")
            return []
    sources: list[Actor] = list(importers) or _accused(noun, index)
    for pobj in prep_objects(noun, ("by",)):
        sources.extend(noun_actors(pobj, index))  # "a visit by Modi to Mauritius"
    if len(mods) >= 2 and _coordinated(noun, index):
        sources = sources or mods  # "a Chinese and Russian proposal": both made it
    elif len(mods) >= 2 and not targets and not sources:
        sources, targets = [mods[0]], [mods[1]]
    elif mods and not targets and reading.type in _PATIENT_OWNER and mods[0].kind == "person":
        targets = [mods[0]]  # "Mhlanga's arrest", "Navalny's killing": the one it befell
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
        for carrier in carriers:
            targets = targets or complement_targets(carrier, reading, index)
    if sources and not targets and reading.type in _CONTEXT_TARGET:
        targets = _ancestor_actor(noun, sources, index)
    if not sources and not targets and not pair:
        if any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in noun.children):
            return [Candidate(noun, reading, mode, cameo, None, None, anaphor=True)]
        # no side in its own phrase: the clause it sits in may name them
        # ("Washington and Pyongyang have been at odds since talks failed")
        if reading.type not in SYMMETRIC:
            index.note(noun, "names no side, and is no reference back to an earlier event")
            return []
        return [Candidate(noun, reading, mode, cameo, None, None)]
    return pairs(noun, reading, mode, cameo, sources, targets)


def _sole_actor(doc: Any, index: MentionIndex) -> list[Actor]:
    """The one actor a sentence names, if it names exactly one."""
    found = {id(m): m.actor for m in (index.at(t) for t in index.tokens) if m is not None}
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


# Verbs whose "of"/"with" object is an act of the one accused ("accused Russia
# of the attack", "stand accused of the bombing", "were charged with the killing")
_ACCUSING = frozenset({"accuse", "suspect", "blame", "convict", "charge", "indict", "implicate"})


def _accused(noun: Token, index: MentionIndex) -> list[Actor]:
    """The doer of an act someone is accused of: the one accused."""
    prep = noun.head
    verb = prep.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("of", "with", "for"):
        return []
    if verb.lemma_.lower() not in _ACCUSING or verb.pos_ != "VERB":
        return []
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return noun_actors(child, index)
    if verb.dep_ in ("acomp", "oprd", "xcomp", "advcl"):  # "stand accused of"
        return [a for c in verb.head.children if c.dep_ == "nsubj" for a in noun_actors(c, index)]
    return []


def _importers(carriers: list[Token], reading: Reading, index: MentionIndex) -> list[Actor]:
    """Who imposes a duty 'on X imports to Y': the country the goods go to."""
    if reading.type != "SANCTION":
        return []
    goods = [p for c in carriers for p in prep_objects(c, ("on",)) if p.lemma_.lower() in _GOODS]
    if not goods:
        return []
    places = [p for c in (*carriers, *goods) for p in prep_objects(c, ("to", "into"))]
    return [a for p in places for a in phrase_actors(p, index, into_events=False)]


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


def _coordinated(noun: Token, index: MentionIndex) -> bool:
    """Two actors modify the noun as one coordinated phrase ('Chinese and Russian')."""
    return any(
        child.dep_ in ("amod", "compound", "poss", "nmod")
        and index.actor_at(child)
        and any(c.dep_ == "conj" and index.actor_at(c) for c in child.children)
        for child in noun.children
    )
