"""Who did it and to whom: source and target from the dependency parse.

Works on one parsed sentence. ``MentionIndex`` maps tokens to the actor
mentions found by the knowledge-base resolver, so argument finding only has to
follow dependency arcs: subjects and objects, prepositional objects, "between X
and Y", possessives ("Russia's invasion"), demonym modifiers ("Western
sanctions"), compounds ("Trump-Putin call"), passives ("by X"), appositions,
coordination ("Britain and France urged ...") and control ("urged X to ...").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from readout.actors.resolve import ActorMention
from readout.model import Actor

Token = Any  # spacy.tokens.Token

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")

# Verbs whose object is the understood subject of their complement.
OBJECT_CONTROL = frozenset(
    "urge ask call press tell encourage force push persuade invite order pressure "
    "implore warn advise allow permit help".split()
)
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
MODIFIER_DEPS = ("compound", "amod", "poss", "nmod", "npadvmod")


class MentionIndex:
    """Token index -> actor mention, for one sentence."""

    def __init__(
        self,
        doc: Any,
        mentions: list[ActorMention],
        recent: list[Actor],
        home: str | None = None,
    ) -> None:
        self.tokens: list[Token] = list(doc)  # made once: each ``for t in doc`` builds them anew
        self.by_token: dict[int, ActorMention] = {}
        if mentions:
            for tok in self.tokens:
                start, end = tok.idx, tok.idx + len(tok)
                for m in mentions:
                    if start < m.end and end > m.start:
                        self.by_token[tok.i] = m
        # "military aid", "police station": a bare agent word modifying a noun
        # is no actor unless a country names it ("Russian military aid")
        for i, m in list(self.by_token.items()):
            tok = self.tokens[i]
            if (
                m.from_home
                and tok.dep_ in ("amod", "compound")
                and self.by_token.get(tok.head.i) is not m
            ):
                del self.by_token[i]
        self.recent = recent
        self.home = frozenset(m.actor for m in mentions if m.from_home)
        self.home_country = home
        self.event_words: frozenset[int] = frozenset()  # tokens that are event nouns
        self.event_words_type: dict[int, str] = {}  # ... and the event type each names
        self.event_verbs_type: dict[int, str] = {}  # verbs that are triggers, and their type
        self.notes: list[tuple[int, str]] | None = None  # why a trigger made no event

    def note(self, tok: Token, why: str) -> None:
        """Record why ``tok`` made no event (read by ``readout explain``)."""
        if self.notes is not None:
            self.notes.append((int(tok.i), why))

    def at(self, tok: Token) -> ActorMention | None:
        return self.by_token.get(tok.i)

    def actor_at(self, tok: Token) -> Actor | None:
        m = self.at(tok)
        if m is not None:
            return m.actor
        if tok.lower_ in PERSON_PRONOUNS:
            return self._last_person(tok)
        return None

    def _last_person(self, tok: Token) -> Actor | None:
        # the subject of the pronoun's clause ("Orban did not meet Putin during
        # his visit"), else the nearest person before it, else in the text before
        for anc in tok.ancestors:
            if anc.pos_ in ("VERB", "AUX"):
                for child in anc.children:
                    if child.dep_ == "nsubj" and child.i < tok.i:
                        m = self.by_token.get(child.i)
                        if m is not None and m.actor.kind == "person":
                            return m.actor
                break
        for prev in reversed(list(tok.doc[: tok.i])):
            m = self.by_token.get(prev.i)
            if m is not None and m.actor.kind == "person":
                return m.actor
            if m is None and _unknown_name(prev):
                return None  # "Mehdiyev said he ...": someone readout does not know
        for actor in reversed(self.recent):
            if actor.kind == "person":
                return actor
        return None


def _unknown_name(tok: Token) -> bool:
    """A capitalised name the sentence uses that no actor mention covers."""
    return bool(
        tok.pos_ == "PROPN"
        and tok.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "pobj", "appos")
        and tok.text[:1].isupper()
        and tok.text[1:].islower()
        and tok.i > 0
    )


def noun_actors(tok: Token, index: MentionIndex, depth: int = 2) -> list[Actor]:
    """Actors named by a noun phrase headed at ``tok`` (with its conjuncts)."""
    out: list[Actor] = []
    for head in [tok, *conjuncts(tok)]:
        mention = index.at(head)
        if mention is not None and mention.also is not None:
            out.extend(a for a in (mention.also, mention.actor) if a not in out)
            continue
        actor = _head_actor(head, index, depth)
        if actor is not None and actor not in out:
            out.append(actor)
    if out:
        extra = [a for a in _coordinated_in_subtree(tok, index) if a not in out]
        # "the Turkish and Iranian presidents": a bare demonym shares the head
        out = [a for a in extra if a.kind == out[0].kind or _demonym(a)] + out
    return out


# Edges inside a noun phrase that may lead to the actor it names ("the
# brutality of the Myanmar military", "officials in the EU"); clauses
# ("who ...", "that ...") are left out: they name other events' actors.
# Modifiers ("Chinese tourists") are read by ``noun_actors``, only for heads
# that a country's adjective makes that country's ("Chinese officials").
_PHRASE_EDGES = frozenset({"poss", "nmod", "appos", "prep", "pobj", "conj"})
_MODIFIER_EDGES = frozenset({"compound", "amod"})
# Prepositions of time, manner or cause lead away from the phrase's owner.
_AWAY = frozenset(
    "during after before since until amid despite because due following over about "
    "like than as including".split()
)


# Heads that locate or frame an event rather than name its party.
_OPAQUE = frozenset(
    "sideline sidelines margin margins eve occasion anniversary day week month year basis "
    "issue topic subject matter question sake front side part way time".split()
)


def phrase_actors(
    tok: Token,
    index: MentionIndex,
    max_depth: int = 4,
    *,
    modifiers: bool = True,
    into_events: bool = True,
) -> list[Actor]:
    """Actors a noun phrase names: its head and conjuncts, else the nearest
    actors inside it, named ones before the home country's agents. Another
    event named inside ("rejected a summit hosted by Peru") lends its parties
    unless ``into_events`` is off (hosting "talks between X and Y"). As an
    event's target, a country's adjective names that country ("tariffs on
    Chinese steel"); as a doer it does not ("Chinese tourists visited ...")."""
    edges = _PHRASE_EDGES | _MODIFIER_EDGES if modifiers else _PHRASE_EDGES
    direct = noun_actors(tok, index)
    if direct and not all(a in index.home for a in direct):
        return direct
    if tok.lemma_.lower() in _OPAQUE or (tok.i in index.event_words and not into_events):
        return direct  # "on the sidelines of the UN assembly" names a place, not a party
    found: list[Actor] = []
    frontier = [c for c in tok.children if _inside(c, edges)]
    seen = {tok.i}
    for _ in range(max_depth):
        nxt: list[Token] = []
        for node in sorted(frontier, key=lambda t: abs(t.i - tok.i)):
            if node.i in seen:
                continue
            seen.add(node.i)
            for actor in noun_actors(node, index, depth=1):
                if actor not in found:
                    found.append(actor)
            if node.i in index.event_words and not into_events:
                continue  # "host talks between X and Y": the talks have their own sides
            nxt.extend(c for c in node.children if _inside(c, edges))
        if any(a not in index.home for a in found):
            break  # the nearest level that names someone
        frontier = nxt
    named = [a for a in found if a not in index.home]
    if named:
        return named
    return direct or found


def _inside(child: Token, edges: frozenset[str]) -> bool:
    if (child.dep_ == "acl" and child.tag_ == "VBN") or child.dep_ == "agent":
        return True  # "a summit hosted by Peru", "restrictions imposed by the EU"
    if child.dep_ not in edges:
        return False
    return not (child.dep_ == "prep" and child.lower_ in _AWAY)


def _demonym(actor: Actor) -> bool:
    return actor.kind == "state" and actor.sector is None


def _coordinated_in_subtree(tok: Token, index: MentionIndex) -> list[Actor]:
    """'X and Y' that the parser folded into one phrase (Y's subtree holding X
    as an apposition): other full actors before the head joined by 'and'."""
    left = [t for t in tok.subtree if t.i < tok.i]
    if not any(t.dep_ == "cc" and t.lower_ == "and" for t in left):
        return []
    head_mention = index.at(tok)
    found: list[Actor] = []
    for t in left:
        m = index.at(t)
        if m is None or m is head_mention or m.actor in found:
            continue
        if any(a.dep_ == "prep" for a in t.ancestors if a.i > t.i and a.i < tok.i):
            continue
        found.append(m.actor)
    return found


def _head_actor(tok: Token, index: MentionIndex, depth: int) -> Actor | None:
    actor = index.actor_at(tok)
    if actor is not None:
        return actor
    if depth <= 0 or tok.pos_ in ("VERB", "AUX"):
        return None
    # "Russian officials", "Moscow's envoy", "the U.S. side": look at modifiers,
    # but "Chinese tourists" are not China
    lemma = tok.lemma_.lower()
    if lemma not in GROUP_HEADS | PLACE_HEADS | ACT_HEADS | CROWD_HEADS:
        return None
    # a pronoun ("his Saudi counterpart") only when nothing else names the owner
    modifiers = sorted(
        (c for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod", "appos")),
        key=lambda c: c.pos_ == "PRON",
    )
    for child in modifiers:
        found = _head_actor(child, index, depth - 1)
        if found is not None:
            return found
    # "the leaders of Russia and Ukraine", "officials from Britain", "a proposal from
    # Egypt", "thousands of Jordanians"
    if tok.pos_ in ("NOUN", "PROPN", "NUM"):
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "by"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found = _head_actor(pobj, index, depth - 1)
                        if found is not None:
                            return found
    return None


GROUP_HEADS = frozenset(
    "leader official minister government president side delegation team force troop army "
    "military diplomat authority representative envoy ambassador head spokesman spokeswoman "
    "spokesperson administration regime ministry member country nation state premier "
    "counterpart negotiator lawmaker parliament congress senate cabinet chancellor king "
    "monarch prince commander general official agency service department intelligence "
    "police militant rebel fighter separatist insurgent court prosecutor judge junta "
    "leadership office coalition camp".split()
)


# Acts whose author, named by a modifier, is the one acted upon:
# "condemned the North Korean missile launch", "rejected a proposal from Egypt".
ACT_HEADS = frozenset(
    "launch test decision move action attack invasion policy plan program programme "
    "position stance cause effort sovereignty independence statehood integrity election "
    "statement remark comment behavior behaviour conduct aggression provocation violation "
    "strike incursion buildup proposal offer request demand initiative call bid claim "
    "occupation annexation expansion activity activities operation".split()
)

# "thousands of Jordanians", "dozens of protesters from Serbia"
CROWD_HEADS = frozenset("thousand hundred dozen million crowd group".split())

# Heads whose country modifier names the state they belong to.
PLACE_HEADS = frozenset(
    "territory soil border city town village region province position target base ship vessel "
    "embassy consulate interest citizen national soldier diplomat counterpart partner ally "
    "warship jet aircraft plane drone navy coast guard airspace water port capital "
    "authorities people counterparts allies company firm maker manufacturer business bank "
    "exporter producer operator carrier entity interests assets tanker freighter boat convoy "
    "fishermen crew".split()
)


def conjuncts(tok: Token) -> list[Token]:
    out = []
    for child in tok.children:
        if child.dep_ == "conj":
            out.append(child)
            out.extend(conjuncts(child))
    return out


def subject_of(verb: Token, index: MentionIndex) -> list[Actor]:
    """Actors doing ``verb``: its subject, the passive agent, or inherited."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            if child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
                return noun_actors(verb.head, index) or _member_of(verb.head, index)
            if child.lower_ in ("it", "they") and verb.dep_ == "ccomp":
                # "Germany said it would send ...": the speaker is the subject
                speaker = subject_of(verb.head, index)
                if speaker and speaker[0].kind != "person":
                    return speaker
            return phrase_actors(child, index, modifiers=False)
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return noun_actors(pobj, index)
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return []
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and verb.tag_ == "VBG"):
        if verb.dep_ == "xcomp" and head.lemma_ in OBJECT_CONTROL:
            obj = direct_objects(head)
            if obj:
                return noun_actors(obj[0], index)
        if verb.dep_ == "xcomp":
            # raising: "Rubio is expected to visit", "the talks are set to resume"
            for child in head.children:
                if child.dep_ == "nsubjpass":
                    return noun_actors(child, index)
        return subject_of(head, index)
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        return subject_of(head, index)
    if by_means(verb):
        return subject_of(head.head, index)  # "France responded by destroying ..."
    if verb.dep_ == "relcl" and verb.tag_ != "VBN":
        return noun_actors(head, index)
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return noun_actors(head, index)  # "Russian forces, pushing into ..."
    return []


def _member_of(group: Token, index: MentionIndex) -> list[Actor]:
    """'Canada and Belgium are among (the) countries that have banned ...',
    'Chile is one of the states that voted ...': the members named are the doers."""
    prep = group.head
    if group.dep_ != "pobj" or prep.lower_ not in ("among", "of"):
        return []
    holder = prep.head
    if prep.lower_ == "of" and holder.lower_ == "one":
        holder = holder.head
    if holder.pos_ in ("VERB", "AUX"):
        return [a for c in holder.children if c.dep_ == "nsubj" for a in noun_actors(c, index)]
    return []


def by_means(verb: Token) -> bool:
    """'responded by destroying', 'retaliated by expelling': the gerund is the
    means of the verb it hangs from, done by that verb's subject."""
    prep = verb.head
    return (
        verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and prep.lower_ == "by"
        and prep.head.pos_ in ("VERB", "AUX")
    )


def direct_objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj", "obj")]


def prep_objects(tok: Token, preps: Iterable[str]) -> list[Token]:
    wanted = set(preps)
    out: list[Token] = []
    for child in tok.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in wanted:
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def between(tok: Token) -> list[Token]:
    """'between X and Y' attached to a noun (or its head)."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("between", "among"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return [pobj, *conjuncts(pobj)]
    return []


def modifier_actors(noun: Token, index: MentionIndex) -> list[Actor]:
    """Actors in the modifiers of an event noun: poss, amod, compound (in order)."""
    out: list[Actor] = []
    for child in sorted(noun.children, key=lambda c: c.i):
        if child.i > noun.i or child.dep_ not in (*MODIFIER_DEPS, "det"):
            continue
        for tok in [child, *[c for c in child.subtree if c.i != child.i]]:
            actor = index.actor_at(tok)
            if actor is not None and actor not in out:
                out.append(actor)
    return out


# Clauses whose subject is not the doer of an event inside them: "Pollack said
# the North Koreans ...", "experts expect talks ...".
_NOT_AGENT_CLAUSES = frozenset({"ccomp", "relcl", "csubj", "parataxis"})


def governing_actors(tok: Token, index: MentionIndex, exclude: list[Actor]) -> list[Actor]:
    """The actor of the nearest clause or noun phrase an event word sits in
    (never one named inside the event word's own phrase: "negotiations with
    China must continue" are not China's)."""
    own = {t.i for t in tok.subtree}
    exclude = exclude + [m.actor for i, m in index.by_token.items() if i in own]
    node = tok
    for _ in range(5):
        head = node.head
        if head.i == node.i:
            return []
        if node.dep_ in _NOT_AGENT_CLAUSES:
            # "Scholz said talks with China must continue": the speaker wants them
            if node.dep_ == "ccomp" and head.lemma_ in ("say", "tell", "insist", "stress"):
                found = [a for a in subject_of(head, index) if a not in exclude]
                return found
            return []
        if head.pos_ in ("VERB", "AUX"):
            if head.lemma_ in REPORTING_VERBS:
                return []
            if index.event_verbs_type.get(head.i) in ("ACCUSE", "REJECT"):
                return []  # "Islamabad blamed the attacks on ...": not Islamabad's attacks
            subjects = subject_of(head, index) or [
                a for c in head.children if c.dep_ == "nsubjpass" for a in noun_actors(c, index)
            ]
            found = [a for a in subjects if a not in exclude]
            if found:
                return found
        elif head.pos_ in ("NOUN", "PROPN"):
            found = [a for a in modifier_actors(head, index) if a not in exclude]
            if found:
                return found
            if head.i not in index.event_words:
                return []  # "the risks of supporting X": whose risks, the noun does not say
        node = head
    return []


REPORTING_VERBS = frozenset(
    "say tell report claim state add note write insist believe think expect suggest "
    "argue warn predict fear hope".split()
)
