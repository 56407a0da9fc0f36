"""Whether an event happened: its status and whether the text hedges it.

``read_status`` looks at the trigger token's own auxiliaries and modifiers,
then climbs the dependency tree through the verbs and nouns that govern it
("postponed the summit", "plans to meet", "the cancellation of the talks").
It stops at verbs of reported speech ("said", "reported"): what a speaker says
does not change the status, except that a past reporting verb turns "would"
into a plan ("Putin said he would meet Trump").

When several cues apply, the strongest wins, in this order::

    denied > cancelled > postponed > negated > hypothetical > planned > ongoing > occurred

So "would have met" is hypothetical, "no plans to meet" is negated, and
"denied reports that they met" is denied. A negated postponing or cancelling
verb ("did not postpone the summit") cancels its own cue and leaves the event
at its default, occurred; a negated refusal ("did not rule out talks") makes
the event hypothetical. A verb's negation reaches an event noun only through
support verbs ("did not hold talks", "no call took place"), not through others
("did not attend the summit" says nothing about whether the summit happened).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from readout.context.status_lexicon import lexicon

PRIORITY: tuple[str, ...] = (
    "denied", "cancelled", "postponed", "negated", "hypothetical", "planned", "ongoing", "occurred",
)  # fmt: skip

# Dependency relations along which a governor's tense, modals and negation
# carry over to the trigger: the trigger is part of the governor's own clause.
TIGHT_DEPS = frozenset(
    {"xcomp", "dobj", "nsubj", "nsubjpass", "attr", "oprd", "compound", "appos", "dative",
     "pobj", "pcomp", "prep", "agent", "npadvmod", "conj", "acl", "amod", "nmod", "poss", "advcl"}
)  # fmt: skip
MAX_CLIMB = 12


@dataclass(frozen=True)
class StatusReading:
    status: str  # occurred | ongoing | planned | postponed | cancelled | negated | hypothetical | denied
    hedged: bool
    cue: str  # the word(s) that decided it; "" for the default occurred


@dataclass(frozen=True)
class Hop:
    """One step up from the trigger: the governor reached and how."""

    node: Token
    tight: bool  # the governor's tense and negation carry over
    via_xcomp: bool
    prep: str  # the preposition passed on the way ("for" in "calls for talks")


def _is_finite_clause(token: Token) -> bool:
    """A clause with its own subject or auxiliary stands on its own; "for the
    two leaders to meet" is an infinitive even with its subject."""
    if any(c.tag_ == "TO" for c in token.children) and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in token.children
    ):
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") and c.tag_ != "TO"
        for c in token.children
    )


def _is_set_off_participle(token: Token) -> bool:
    """'Asked about the call, X declined': a participle clause before its head or after a comma."""
    if token.dep_ != "advcl" or token.tag_ not in ("VBN", "VBG"):
        return False
    left = token.left_edge
    return token.i < token.head.i or (left.i > 0 and token.doc[left.i - 1].text == ",")


def _hop_kind(token: Token) -> str:
    """How ``token`` attaches to its head: "tight", "clausal" or "stop"."""
    dep = token.dep_
    if dep == "relcl" or dep == "parataxis":
        return "stop"
    if dep in ("ccomp", "csubj"):
        return "clausal"
    if (dep == "acl" and token.tag_ in ("VBN", "VBD")) or _is_set_off_participle(token):
        return "stop"  # "sanctions imposed in 2022", "asked about the call, ...": own time
    if dep == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return "stop"  # "China proposed a floor, but the EU refused": a clause of its own
    if dep in ("advcl", "conj", "acl") and token.pos_ in ("VERB", "AUX"):
        # "after they met", "because talks failed": own time and mood; but "plans
        # for the two leaders to meet" is the noun's infinitive complement
        if any(c.dep_ == "mark" and c.lower_ not in ("to", "for") for c in token.children):
            return "stop"
        return "clausal" if _is_finite_clause(token) else "tight"
    return "tight" if dep in TIGHT_DEPS else "stop"


def _is_reporting_head(node: Token, via_xcomp: bool) -> bool:
    lex = lexicon()
    if node.lemma_.lower() not in lex.reporting_verbs:
        return False
    # "is said to have met": a passive hedge, not a speaker
    return not (via_xcomp and any(c.dep_ == "auxpass" for c in node.children))


def governors(trigger: Token) -> Iterator[Hop]:
    """The governing tokens whose meaning bears on the trigger's status.

    Stops before a reporting verb ("said") and at relative or temporal clauses.
    """
    token, tight, prep = trigger, True, ""
    for _ in range(MAX_CLIMB):
        head = token.head
        if head == token:
            return
        kind = _hop_kind(token)
        if kind == "stop":
            return
        tight = tight and kind == "tight"
        via_xcomp = token.dep_ == "xcomp"
        if head.dep_ == "prep" or head.pos_ == "ADP":
            prep = head.lower_
            if head.lower_ in lexicon().negating_preps:
                yield Hop(head, tight, via_xcomp, prep)
            token = head
            continue
        if _is_reporting_head(head, via_xcomp):
            return
        yield Hop(head, tight, via_xcomp, prep)
        token, prep = head, ""


def reporting_head(trigger: Token) -> Token | None:
    """The reporting verb ("said", "told") whose content holds the trigger."""
    token = trigger
    for _ in range(MAX_CLIMB):
        head = token.head
        if head == token or _hop_kind(token) == "stop":
            return None
        if head.pos_ != "ADP" and _is_reporting_head(head, token.dep_ == "xcomp"):
            return head
        token = head
    return None


def _lemma_keys(node: Token, prep: str) -> set[str]:
    lemma = node.lemma_.lower()
    keys = {lemma, node.lower_}
    # particles: "call off", "put off"; spaCy sometimes tags "back" in "push back" as advmod
    keys.update(
        f"{lemma} {c.lower_}"
        for c in node.children
        if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in ("back", "off", "out"))
    )
    if prep:
        keys.add(f"{lemma} {prep}")
    for child in node.children:  # "put on hold"
        if child.dep_ == "prep":
            keys.update(f"{lemma} {child.lower_} {obj.lower_}" for obj in child.children)
    return keys


def negation_of(node: Token) -> str:
    """The negation word on ``node`` ("not", "never", "no talks"), or ""."""
    negations = lexicon().negations
    for child in node.children:
        if child.dep_ == "neg" or (child.dep_ in ("det", "advmod") and child.lower_ in negations):
            return child.lower_
        if child.dep_ == "preconj" and child.lower_ == "neither":  # "neither confirm nor deny"
            return child.lower_
    if node.dep_ == "conj" and any(c.lower_ == "nor" for c in node.head.children):
        return "nor"
    return ""


def _own_cues(node: Token, reported: bool, negation: bool = True) -> Iterator[tuple[str, str]]:
    """Cues in the node's own auxiliaries, marks and modifiers."""
    lex = lexicon()
    neg = negation_of(node) if negation else ""
    if neg:
        yield "negated", neg
    for child in node.children:
        word, dep = child.lower_, child.dep_
        lemma = child.lemma_.lower()
        if dep == "aux" and child.tag_ == "MD":
            if lemma in lex.future_aux or word in ("'ll", "wo"):
                yield "planned", word
            elif lemma == "would" and reported:
                yield "planned", word  # "said he would meet": a plan in reported speech
            elif lemma in lex.modal_aux or word in ("ca",):
                yield "hypothetical", word
        elif dep == "mark" and word in lex.conditional_marks:
            yield "hypothetical", word
        elif dep in ("amod", "det", "advmod", "compound", "acl", "nmod"):
            yield from _modifier_cues(child)
    if _is_present_progressive(node):
        yield "ongoing", node.lower_


def _modifier_cues(child: Token) -> Iterator[tuple[str, str]]:
    lex = lexicon()
    for status, words in lex.modifiers.items():
        if child.lower_ in words or (child.dep_ == "acl" and child.lemma_.lower() in words):
            yield status, child.lower_
    if child.dep_ == "acl" and child.tag_ == "VBN":  # "talks scheduled for June 2"
        for status, words in lex.governors.items():
            if status in ("postponed", "cancelled", "planned") and child.lemma_.lower() in words:
                yield status, child.lower_


def _is_present_progressive(node: Token) -> bool:
    if node.tag_ != "VBG" and not any(c.lower_ == "being" for c in node.children):
        return False
    auxes = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
    return any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes) or any(
        a.lower_ == "been" for a in auxes
    )


def _governor_cues(hop: Hop) -> Iterator[tuple[str, str]]:
    """Cues in a governor's meaning: "postponed", "plans to", "refused to"."""
    lex = lexicon()
    keys = _lemma_keys(hop.node, hop.prep)
    if hop.node.pos_ == "ADP":
        yield "negated", hop.node.lower_
        return
    lemma = hop.node.lemma_.lower()
    for status, words in lex.xcomp_governors.items():  # "is set to", "failed to"
        if hop.via_xcomp and lemma in words and (lemma != "go" or hop.node.tag_ == "VBG"):
            yield status, hop.node.lower_
    for status, words in lex.governors.items():
        if keys & words:
            yield status, hop.node.lower_


def denial_head(trigger: Token) -> Token | None:
    """The verb that denies the trigger's event, if the trigger sits in what it denies.

    "denied (reports) that X met Y", "dismissed reports of talks", "called
    reports of a call false", "said reports of talks were untrue".
    """
    lex = lexicon()
    token, via_report = trigger, False
    for _ in range(MAX_CLIMB):
        head = token.head
        if head == token or token.dep_ == "relcl":
            return None
        if token != trigger and token.lemma_.lower() in lex.report_nouns:
            via_report = True
        if token.dep_ == "nsubj":
            if via_report and _predicates_falsity(head):
                return _speaker_of(head)
        elif _denies_content(head, token, via_report, trigger):
            return head  # also "claims that ... were denied": nsubjpass
        token = head
    return None


def _denies_content(head: Token, token: Token, via_report: bool, trigger: Token) -> bool:
    lex = lexicon()
    lemma = head.lemma_.lower()
    if lemma in lex.denial_verbs and not negation_of(head):
        return lemma in lex.strict_denial_verbs or via_report or token.dep_ == "ccomp"
    return lemma in lex.labelling_verbs and via_report and _has_falsity_word(head, trigger)


def _predicates_falsity(verb: Token) -> bool:
    """'... were false', '... are fiction'."""
    lex = lexicon()
    return any(
        c.dep_ in ("acomp", "attr", "oprd") and c.lemma_.lower() in lex.falsity_words
        for c in verb.children
    )


def _has_falsity_word(verb: Token, trigger: Token) -> bool:
    lex = lexicon()
    return any(t.lemma_.lower() in lex.falsity_words and t != trigger for t in verb.subtree)


def _speaker_of(verb: Token) -> Token:
    """The reporting verb above a falsity predicate, or the predicate itself."""
    head = verb.head
    if verb.dep_ == "ccomp" and head.lemma_.lower() in lexicon().reporting_verbs:
        return head
    return verb


def is_denial_context(trigger: Token) -> bool:
    """True when the trigger's event is only mentioned to be denied."""
    return denial_head(trigger) is not None


def is_anonymous(noun: Token) -> bool:
    """'sources', 'a White House source', 'two officials': a source without a name."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lexicon().anonymous_heads:
        return False
    # "the diplomat" (singular, definite) points back to someone named before
    return not (noun.tag_ == "NN" and any(c.lower_ == "the" for c in noun.children))


def _hedge_at(token: Token, trigger: Token) -> str:
    """The hedge this token carries for the trigger's event, or ""."""
    lex = lexicon()
    for child in token.children:
        word = child.lower_
        if child.dep_ in ("advmod", "acomp") and word in lex.hedge_adverbs:
            return word
        if child.dep_ in ("amod", "acl") and word in lex.hedge_modifiers:
            return word
        if child.dep_ == "prep" and word == "according":
            unnamed = [t.lower_ for t in child.subtree if is_anonymous(t)]
            if unnamed:
                return "according to " + " ".join(unnamed)
    if token == trigger:
        return ""
    lemma = token.lemma_.lower()
    if token.lower_ in lex.hedge_adverbs:  # "is likely to meet"
        return token.lower_
    if lemma in lex.hedge_passives and any(c.dep_ == "auxpass" for c in token.children):
        return token.lower_  # "is said to have met"
    if lemma in lex.hedge_verbs and token.pos_ == "VERB":
        return token.lower_
    if lemma in lex.reporting_verbs and any(
        c.dep_ == "nsubj" and is_anonymous(c) for c in token.children
    ):
        return "sources"  # "sources say", "officials told"
    return ""


def is_hedged(trigger: Token) -> str:
    """The hedge on the trigger's event ("reportedly", "is said to"), or ""."""
    token: Token = trigger
    for _ in range(MAX_CLIMB):
        hedge = _hedge_at(token, trigger)
        if hedge:
            return hedge
        if token.head == token or token.dep_ == "relcl":
            break
        token = token.head
    return ""


def read_status(trigger: Token) -> StatusReading:
    """The status of the event whose trigger is ``trigger``, with the cue that decided it."""
    hedge = bool(is_hedged(trigger))
    denier = denial_head(trigger)
    if denier is not None:
        return StatusReading("denied", hedge, denier.lower_)
    reporter = reporting_head(trigger)
    # "said", "has said", and "..., adding that" after a past verb
    reported = reporter is not None and (
        reporter.tag_ in ("VBD", "VBN") or reporter.head.tag_ in ("VBD", "VBN")
    )
    found: dict[str, str] = {}
    for status, cue in _all_cues(trigger, reported):
        found.setdefault(status, cue)
    # The trigger's own modifier ("negotiations scheduled for June 2") outweighs
    # a weak cue further up ("prospects for ..."); postponing, cancelling and
    # negating from above still win ("postponed the planned summit").
    own = {status: cue for status, cue in _own_cues(trigger, reported)}
    decisive = set(found) & _DECISIVE or (
        "hypothetical" in found and found["hypothetical"].lower() in _MODALS
    )
    if own and not decisive:
        found = own
    for status in PRIORITY:
        if status in found:
            return StatusReading(status, hedge, found[status])
    return StatusReading("occurred", hedge, "")


_DECISIVE = frozenset({"cancelled", "postponed", "negated"})
_MODALS = frozenset({"could", "would", "might", "may", "should", "if", "unless", "whether"})


def _all_cues(trigger: Token, reported: bool) -> Iterator[tuple[str, str]]:
    yield from _own_cues(trigger, reported)
    carries_negation = True
    verbs_seen = 0
    for hop in governors(trigger):
        cues = list(_governor_cues(hop))
        if trigger.pos_ != "VERB" and trigger.dep_ in ("nsubj", "nsubjpass") and not verbs_seen:
            cues.extend(_raised_subject_cues(hop.node))
        negated = negation_of(hop.node)
        if negated and any(s in ("postponed", "cancelled") for s, _ in cues):
            return  # "did not postpone the summit": the event stands as it was
        if negated and any(s == "negated" for s, _ in cues):
            yield "hypothetical", negated  # "did not rule out talks", "did not refuse to"
            return
        if hop.node.pos_ in ("VERB", "AUX") and verbs_seen == 0 and trigger.pos_ != "VERB":
            carries_negation = _negation_reaches_noun(trigger, hop.node)
        verbs_seen += hop.node.pos_ in ("VERB", "AUX")
        yield from cues
        if hop.tight:
            yield from _own_cues(hop.node, reported, negation=carries_negation)


def _raised_subject_cues(verb: Token) -> Iterator[tuple[str, str]]:
    """'The truce is due (set, likely) to take effect': the noun's own event is ahead."""
    support = lexicon().support_verbs
    for node in [verb, *(c for c in verb.children if c.dep_ == "acomp")]:
        if any(c.dep_ == "xcomp" and c.lemma_.lower() in support for c in node.children):
            yield from _governor_cues(Hop(node, True, True, ""))


def _negation_reaches_noun(trigger: Token, verb: Token) -> bool:
    """'did not hold talks', 'talks did not take place': yes; 'did not attend the summit': no."""
    if verb.lemma_.lower() in lexicon().support_verbs:
        return True
    return trigger.head == verb and trigger.dep_ in ("nsubj", "nsubjpass")
