"""Events whose trigger is a verb: who did it (the subject, inherited through
control, raising and coordination) and to whom (object, passive subject,
prepositional objects, the complement clause)."""

from __future__ import annotations

from typing import Any

from readout.events.arguments import (
    MentionIndex,
    by_means,
    direct_objects,
    modifier_actors,
    noun_actors,
    phrase_actors,
    prep_objects,
    subject_of,
)
from readout.events.candidate import SYMMETRIC, Candidate, pairs, same
from readout.events.lexicon import Lexicon, Reading
from readout.model import Actor

Token = Any

_PHONE_WORDS = frozenset({"phone", "telephone", "video", "conference", "zoom"})
_OBJECT_PREPS = ("with", "for", "of", "on")
# Types whose target may be implied by the phrase around the trigger.
_CONTEXT_TARGET = frozenset({"ASSAULT", "COERCE", "SANCTION", "RETREAT", "MOBILIZE", "THREATEN"})
# Types that answer another's act: the act's author is the target.
_ANSWERS = frozenset({"REJECT", "ACCUSE", "SUPPORT", "AGREE", "CONCEDE"})
# "demanded that X withdraw", "accused ... that X": the clause's subject is the target
_CLAUSE_SUBJECT_TARGET = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT"})
_COMPLEMENT_PREPS = (
    "to",
    "with",
    "on",
    "against",
    "into",
    "by",
    "from",
    "for",
    "toward",
    "towards",
)


def verb_events(
    verb: Token, reading: Reading, index: MentionIndex, lexicon: Lexicon, claimed: set[int]
) -> list[Candidate]:
    if verb.lemma_ == "call":
        return _call_on(verb, index)
    if verb.lemma_ == "ask" and _asks_a_question(verb):
        index.note(verb, "asking a question ('asked whether ...') is no request")
        return []
    objects = direct_objects(verb)
    object_words = words_of_objects(verb)
    if reading.objects and not (object_words & reading.objects):
        # the field's dictionary may code this verb with this object ("impose a curfew")
        patterned = lexicon.verb_with(verb.lemma_.lower(), object_words)
        if patterned is None:
            index.note(verb, f"its object is none of the words it needs ({_some(reading.objects)})")
            return []
        reading = patterned
    if _is_phrasal_other(verb):
        index.note(verb, "a phrasal verb in another sense ('back down', 'hit back')")
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
    targets = _others(_verb_targets(verb, reading, index), sources)
    if stative_passive(verb):
        # "two soldiers stand accused": the subject is the one it is done to
        targets = sources or subject_of(verb.head, index)
        sources = [a for c in verb.children if c.dep_ == "agent" for a in noun_actors(c, index)]
    if reading.strict:
        own = any(c.dep_ in ("nsubj", "agent") for c in verb.children) or by_means(verb)
        if not own or not sources or not targets:
            index.note(verb, "a dictionary verb needs both sides named as its own arguments")
            return []
        return pairs(verb, reading, mode, cameo, sources, targets)
    if not targets:
        targets = _others(complement_targets(verb, reading, index), sources)
    if sources and not targets and reading.type in _CONTEXT_TARGET:
        targets = _dependent_actor(verb, sources, index)
    patient = answers = None
    if not targets:
        patient, answers = _unnamed_target(verb, reading, index, lexicon)
    if reading.needs_target and not targets and patient is None:
        index.note(verb, "this word is an event only with a target, and none was found")
    return pairs(verb, reading, mode, cameo, sources, targets, patient, answers)


_AUDIENCES = frozenset(
    {"reporter", "journalist", "press", "media", "newsman", "correspondent", "crowd", "audience"}
)
_STATIVE = frozenset({"stand", "remain", "be", "get", "become", "feel", "seem"})


def stative_passive(verb: Token) -> bool:
    """'stand accused', 'remain detained', 'got arrested': a participle after a
    linking verb is a passive whose subject is the linking verb's."""
    if verb.tag_ != "VBN":
        return False
    if verb.dep_ in ("acomp", "oprd"):
        return bool(verb.head.lemma_.lower() in _STATIVE)
    # "Accused of spying, the journalist fled": a bare participle clause
    return verb.dep_ == "advcl" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children
    )


_QUESTION_WORDS = frozenset(
    {"whether", "if", "what", "why", "how", "who", "when", "where", "which"}
)


def _asks_a_question(verb: Token) -> bool:
    """'asked whether the talks would resume', '"why now?" she asked': a
    question, where a request asks someone to act or for something."""
    if any(c.dep_ in ("xcomp",) or (c.dep_ == "prep" and c.lower_ == "for") for c in verb.children):
        return False
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "about":
            return True  # "asked Somalia about the talks"
        if child.dep_ == "ccomp" and any(
            t.lower_ in _QUESTION_WORDS for t in child.subtree if t.i < child.i
        ):
            return True
    # the question quoted before the verb: '"What did it gain," she asked'
    return verb.dep_ in ("parataxis", "ccomp") or any(
        c.dep_ in ("ccomp", "dobj") and c.i < verb.i for c in verb.children
    )


def _some(words: frozenset[str]) -> str:
    listed = sorted(words)
    return ", ".join(listed[:4]) + (", ..." if len(listed) > 4 else "")


def _unnamed_target(
    verb: Token, reading: Reading, index: MentionIndex, lexicon: Lexicon
) -> tuple[str | None, str | None]:
    """The phrase in the target's place when it names no actor but someone
    (or, for an attack, something) all the same, and, when it is an event
    noun ("denied the request"), the type of the event it answers."""
    slots = [c for c in verb.children if c.dep_ == "nsubjpass"] + direct_objects(verb)
    slots += prep_objects(verb, reading.target_preps)
    things = lexicon.places if reading.type in ("ASSAULT", "COERCE") else frozenset()
    for slot in slots:
        if slot.i in index.event_words:
            return None, index.event_words_type.get(slot.i)
        if _someone(slot, lexicon.people, things):
            words = [t for t in slot.subtree if t.i <= slot.i and t.dep_ != "punct"]
            return " ".join(t.text for t in words)[:80], None
    if reading.type == "REJECT" and not slots and not _has_complement(verb):
        return None, "REQUEST"  # "the Chinese side proposed ..., but the European side refused"
    return None, None


def _has_complement(verb: Token) -> bool:
    return any(c.dep_ in ("xcomp", "ccomp", "dobj", "prep", "advcl") for c in verb.children)


def _someone(tok: Token, people: frozenset[str], things: frozenset[str]) -> bool:
    """'him', 'a journalist', 'Gachagua', 'a passenger train' (for an attack),
    'her book' (its author)."""
    if tok.pos_ == "PRON":
        return tok.lower_ in _PERSONAL
    lemma = tok.lemma_.lower()
    if lemma in _CALENDAR or tok.ent_type_ in ("DATE", "TIME"):
        return False  # "protested on Monday": a day, not a party
    if tok.pos_ == "PROPN" or lemma in people or lemma in things:
        return True
    return any(c.dep_ == "poss" and c.lower_ in _PERSONAL_POSS for c in tok.children)


_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may"
    " june july august september october november december".split()
)
_PERSONAL = frozenset({"him", "her", "them", "us", "me", "he", "she", "they", "we", "you"})
_PERSONAL_POSS = frozenset({"his", "her", "their", "our", "my", "your"})


# Pronouns that stand for no one in particular ("it", "this", "what")
_NOT_PATIENTS = frozenset(
    {"it", "this", "that", "what", "which", "something", "anything", "nothing"}
)


def _others(found: list[Actor], sources: list[Actor]) -> list[Actor]:
    """Targets other than the source itself ('Kenya ... its dispute')."""
    return [a for a in found if not any(same(a, s) for s in sources)]


def words_of_objects(verb: Token) -> set[str]:
    """The lemmas a verb's objects are read by: 'imposed strict curfews' ->
    curfew, strict; 'signed the Abraham Accords' -> accord."""
    objects = direct_objects(verb)
    words = {o.lemma_.lower() for o in objects}
    words.update(o.lower_.rstrip("s") for o in objects)  # "the Abraham Accords"
    for o in objects:
        words.update(c.lemma_.lower() for c in o.children if c.dep_ in ("compound", "amod"))
    for pobj in prep_objects(verb, _OBJECT_PREPS):
        words.add(pobj.lemma_.lower())
    return words


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

    # "calling on authorities at home and in Europe": the parties named first
    targets = [a for p in prep_objects(verb, ("on", "upon")) for a in phrase_actors(p, index)]
    if not targets:
        index.note(verb, "'call' without 'on X' is no request")
        return []
    reading = Reading("call", "VERB", "REQUEST", None, "020")
    return pairs(verb, reading, None, "020", subject_of(verb, index), targets)


def _verb_targets(verb: Token, reading: Reading, index: MentionIndex) -> list[Actor]:
    """The verb's own arguments first ("warned Putin against escalation"), the
    actors inside them only when those name none ("condemned the brutality of
    the Myanmar military", "banned imports from Europe")."""
    targets: list[Actor] = []

    def add(found: list[Actor]) -> None:
        targets.extend(a for a in found if a not in targets)

    passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
    objects = direct_objects(verb)
    preps = prep_objects(verb, reading.target_preps)
    if reading.type == "CONSULT":
        # "speaking to reporters in Nairobi": an audience, not a party
        objects = [o for o in objects if o.lemma_.lower() not in _AUDIENCES]
        preps = [p for p in preps if p.lemma_.lower() not in _AUDIENCES]
    for tok in (*passive, *objects, *preps):
        add(noun_actors(tok, index))
    if targets and not all(a in index.home for a in targets):
        return targets
    # "met with officials in the EU, Belgium and Italy": the named ones, not the
    # home country's; the object of talks or a deal is its topic ("negotiate an
    # end to the war")
    home_only, targets = targets, []
    # (but "met officials in Uganda" names a partner: an agent's own phrase may say where)
    inner = objects if reading.type not in SYMMETRIC else [o for o in objects if index.at(o)]
    for tok in (*passive, *inner, *preps):
        found = phrase_actors(tok, index, into_events=reading.type not in SYMMETRIC)
        add([a for a in found if a not in index.home])
    if not targets:
        targets = home_only
    if not targets and reading.objects:
        # "lifted sanctions on Syria": the target hangs on the object noun
        for obj in objects:
            for pobj in prep_objects(obj, reading.target_preps):
                add(phrase_actors(pobj, index))
    if not targets and reading.type in _ANSWERS:
        # "rejected Kenya's request", "welcomed China's proposal": whose it was
        for obj in objects:
            if obj.i in index.event_words:
                add(modifier_actors(obj, index))
    if not targets:
        # "advocated for U.S. permission": the actor modifying the object
        for pobj in prep_objects(verb, ("for",)):
            add(modifier_actors(pobj, index))
    return targets


def complement_targets(
    verb: Token, reading: Reading, index: MentionIndex, depth: int = 2
) -> list[Actor]:
    """'refused to attend a hearing by X', 'urged ... not to make concessions
    to Y', 'demanded that X withdraw', 'threatened to use force against X'."""
    inward = reading.type not in SYMMETRIC
    for child in verb.children:
        if child.pos_ not in ("VERB", "AUX"):
            continue
        # "a proposal for the AU to mediate": a for-to clause, its subject asked
        for_to = child.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "for" for c in child.children
        )
        if child.dep_ not in ("xcomp", "ccomp", "acl") and not for_to:
            continue
        found: list[Actor] = []
        if (child.dep_ == "ccomp" or for_to) and reading.type in _CLAUSE_SUBJECT_TARGET:
            for c in child.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    found.extend(phrase_actors(c, index, into_events=inward))
        for obj in direct_objects(child):
            found.extend(phrase_actors(obj, index, into_events=inward))
        for pobj in prep_objects(child, _COMPLEMENT_PREPS):
            found.extend(phrase_actors(pobj, index, into_events=inward))
        if not found and depth > 1:
            found = complement_targets(child, reading, index, depth - 1)
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
