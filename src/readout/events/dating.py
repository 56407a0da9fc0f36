"""Which time expression belongs to which event, within one parsed sentence.

An expression belongs to the event trigger it modifies directly ("the October
20 phone call", "the 1987 agreement"), else to the nearest trigger of its own
clause ("met on Sunday", "the invasion in early 2022"). An expression in a
reporting clause ("the Kremlin on Monday denied reports that ...") dates the
report, not the event inside it.
"""

from __future__ import annotations

from typing import Any

from readout.context.timex import TimeMention

Token = Any
_MODIFIER_EDGES = frozenset({"compound", "amod", "nummod", "npadvmod", "nmod", "poss"})


REPORTING = frozenset(
    "say report deny tell confirm claim state add note write insist dismiss reject "
    "acknowledge reveal disclose allege cite quote comment respond brief".split()
)
_NOT_CLAUSE = frozenset({"prep", "pcomp", "acl", "amod"})  # "following", "scheduled for"


def clause_head(tok: Token) -> Token:
    node = tok
    while node.head.i != node.i and (node.pos_ not in ("VERB", "AUX") or node.dep_ in _NOT_CLAUSE):
        node = node.head
    return node


def _span_root(doc: Any, mention: TimeMention) -> Token | None:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    toks = list(span) if span is not None else []
    if not toks:
        return None
    inside = {t.i for t in toks}
    for t in toks:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return toks[0]


def attach_times(
    doc: Any, mentions: list[TimeMention], triggers: list[Token]
) -> dict[int, list[TimeMention]]:
    """trigger token index -> the time expressions that date it."""
    trigger_ids = {t.i for t in triggers}
    out: dict[int, list[TimeMention]] = {}
    for mention in mentions:
        root = _span_root(doc, mention)
        if root is None:
            continue
        owner = _direct_owner(root, trigger_ids)
        owners = [owner] if owner is not None else _clause_owners(root, triggers)
        owners += [t for t in _occasion(root, triggers) if t not in owners]
        for found in owners:
            out.setdefault(found, []).append(mention)
    return out


def _direct_owner(root: Token, trigger_ids: set[int]) -> int | None:
    """Walk up through the noun phrase the expression modifies."""
    node, edge = root, root.dep_
    while node.head.i != node.i:
        parent = node.head
        if parent.i in trigger_ids:
            return int(parent.i)
        if parent.pos_ in ("NOUN", "PROPN") and edge in _MODIFIER_EDGES:
            return None  # "the 2016 election": the year belongs to that noun
        if parent.pos_ in ("VERB", "AUX") and parent.dep_ not in _NOT_CLAUSE:
            return None
        node, edge = parent, parent.dep_
    return None


def _clause_owners(root: Token, triggers: list[Token]) -> list[int]:
    owner = _clause_owner(root, triggers)
    return [] if owner is None else [owner]


def _occasion(root: Token, triggers: list[Token]) -> list[int]:
    """For a time in a set-off participle ("Speaking to reporters in Nairobi on
    Tuesday, the minister praised ..."), the main clause's triggers: one occasion."""
    head = clause_head(root)
    if not _set_off_participle(head) or head.lemma_ in REPORTING:
        return []
    return [int(t.i) for t in triggers if clause_head(t).i == head.head.i]


def _clause_owner(root: Token, triggers: list[Token]) -> int | None:
    head = clause_head(root)
    if head.lemma_ in REPORTING:
        return None  # "denied on Tuesday reports that ...": the date of the report
    same = [t for t in triggers if clause_head(t).i == head.i]
    if not same:
        # "unraveled in 2019 when the U.S. withdrew": the time of the main
        # clause holds for a 'when' clause attached to it
        same = [t for t in triggers if _in_when_clause(clause_head(t), head)]
    if not same:
        return None
    return int(min(same, key=lambda t: abs(t.i - root.i)).i)


def _in_when_clause(clause: Token, main: Token) -> bool:
    if clause.head.i != main.i:
        return False
    if clause.dep_ == "xcomp":
        return True  # "In 2019 it decided to impose sanctions"
    if clause.dep_ != "advcl":
        return False
    if _set_off_participle(clause):
        return True  # "Speaking to NATO chiefs in Paris Tuesday, ...": the same occasion
    return any(c.dep_ == "advmod" and c.lower_ in ("when", "as") for c in clause.children)


def _set_off_participle(clause: Token) -> bool:
    return bool(
        clause.dep_ == "advcl"
        and clause.tag_ == "VBG"
        and not any(c.dep_ in ("nsubj", "mark") for c in clause.children)
    )


_DURING = frozenset({"during", "at", "on", "after", "in"})
_THE = frozenset({"the", "this", "that", "their", "its", "his", "her"})


def framing_event(trigger: Token, is_event_noun: Any) -> str | None:
    """'During the discussion, Rubio reaffirmed ...': the lemma of a definite
    event noun that frames the trigger's clause, whose date the event shares."""
    frame = framing_noun(trigger, is_event_noun)
    return None if frame is None else str(frame.lemma_.lower())


def framing_noun(trigger: Token, is_event_noun: Any) -> Token | None:
    """The framing event noun itself ("failed at the summit held in February")."""
    clause = clause_head(trigger)
    for node in (trigger, clause):
        for prep in node.children:
            if prep.dep_ != "prep" or prep.lower_ not in _DURING:
                continue
            for pobj in prep.children:
                if (
                    pobj.dep_ == "pobj"
                    and pobj.i != trigger.i
                    and is_event_noun(pobj.lemma_.lower())
                    and any(c.dep_ in ("det", "poss") and c.lower_ in _THE for c in pobj.children)
                ):
                    return pobj
    return None


# Verbs whose saying is the act itself: an announced cut in ties is cut when
# announced, and a demand or a threat is made when said.
PERFORMATIVE = frozenset(
    "announce declare decide vote order decree pledge promise vow proclaim".split()
)
SAYING = frozenset("say tell state add stress insist warn write reiterate".split())
VERBAL_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT", "SUPPORT"})


def borrowed_times(
    doc: Any, mentions: list[TimeMention], trigger: Token, event_type: str
) -> list[TimeMention]:
    """Times for a trigger with none of its own: its coordinated verb's
    ('visited Europe in late September and met officials'), or the time of
    the announcement or statement that makes the event ('In December,
    Mogadishu announced it was cutting ties'; 'Scholz said on Wednesday that
    talks must continue')."""
    if not mentions:
        return []
    roots = [(m, _span_root(doc, m)) for m in mentions]
    node = trigger
    for _ in range(4):
        head = node.head
        if head.i == node.i:
            return []
        coordinated = node.dep_ == "conj" and head.pos_ in ("VERB", "AUX")
        speech = node.dep_ in ("ccomp", "xcomp") and (
            head.lemma_ in PERFORMATIVE or (head.lemma_ in SAYING and event_type in VERBAL_TYPES)
        )
        if coordinated or speech:
            found = [m for m, r in roots if r is not None and clause_head(r).i == head.i]
            if found:
                return found
        if node.dep_ in ("ccomp", "relcl", "advcl") and not speech:
            return []
        node = head
    return []
