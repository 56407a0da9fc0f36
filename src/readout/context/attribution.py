"""Who says an event happened: outlets, officials, institutions, unnamed sources.

``read_attribution`` finds the sources of the event at one trigger token in
its parsed sentence: "according to X", the subject of a speech verb ("X said",
"X reported", "X denied"), "as X reported", the sources an outlet cites
("citing unnamed sources"), an outlet quoting a source ("a source quoted by
Axios"), the agent of a description ("described by the agency as"), and the
outlets whose reports a denial names ("denied a report by the Post").

Cues whose verb governs the trigger's clause win over other speech verbs of
the sentence. Each source gets a stance towards the event: a denial, or a
speaker whose clause negates the event, ``denies``; "confirmed" and the like
``confirms``; everything else ``asserts``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Token

from readout.context import status, status_lexicon
from readout.context.attribution_lexicon import default_outlets, lexicon
from readout.model import Actor, Attribution, Stance

Lookup = Callable[[str], Actor | None]
CITING_VERBS = frozenset({"cite", "quote"})
NAME_DEPS = frozenset({"det", "compound", "poss", "amod", "nummod", "nmod", "quantmod"})
PUBLISHING_VERBS = frozenset({"report", "write", "publish", "broadcast"})


@dataclass(frozen=True)
class Claim:
    """One cue: a token naming a source, and what the cue says about the event."""

    holder: Token
    stance: str
    hedged: bool
    governs: bool  # the cue governs the trigger's clause
    # "outlet": counts only as an outlet ("told Reuters"); "known": only when the name
    # is a known outlet or actor (a subject spaCy mis-tagged as a modifier)
    need: str = ""


def read_attribution(
    trigger: Token,
    lookup: Lookup,
    *,
    previous: Sequence[str] = (),
    outlets: Mapping[str, str] | None = None,
    reading: status.StatusReading | None = None,
) -> list[Attribution]:
    """The distinct sources of the event at ``trigger``, each with its stance
    (``reading``: the trigger's status, when the caller has read it already)."""
    claims = list(_claims(trigger, reading or status.read_status(trigger)))
    governing = [c for c in claims if c.governs]
    namer = _Namer(lookup, default_outlets() if outlets is None else outlets, previous)
    found: dict[str, Attribution] = {}
    for claim in governing or claims:
        for holder in _expand(claim.holder):
            source = namer.attribution(holder, claim)
            if source is not None and source.name not in found:
                found[source.name] = source
    return list(found.values())


def _claims(trigger: Token, reading: status.StatusReading) -> Iterator[Claim]:
    lex = lexicon()
    negative = reading.status in ("negated", "denied")
    denier = status.denial_head(trigger)
    ancestors = set(t.i for t in trigger.ancestors)
    for tok in trigger.sent:
        if tok == trigger:
            continue
        if tok.lower_ == "according":
            for holder in _objects_of(tok, "to"):
                yield Claim(holder, "denies" if negative else "asserts", False, True)
            continue
        if tok.pos_ not in ("VERB", "AUX") and tok != denier:
            continue
        stance = "denies" if tok == denier else lex.stance_of(tok.lemma_.lower())
        if stance is None:
            continue
        if status.negation_of(tok):
            continue  # "could not verify", "would neither confirm nor deny": no stance
        above = tok.i in ancestors
        governs = above or _is_as_clause(tok, ancestors, trigger)
        governs = governs or _cites_for_governor(tok, ancestors) or _refers_back(tok, trigger)
        if above and stance == "asserts" and _through_report(trigger, tok):
            continue  # "X responded to reports that ...": the reports assert, not X
        if stance == "denies" and above and tok != denier:
            continue  # "rejected calls to negotiate": a refusal, not a denial of a report
        if stance != "denies" and governs and negative:
            stance = "denies"  # "X said there was no call"
        hedged = tok.lemma_.lower() in lex.hedging_verbs
        yield from _speech_claims(tok, stance, hedged, governs)
    if denier is not None:
        yield from _reported_by(trigger, denier)


def _speech_claims(verb: Token, stance: str, hedged: bool, governs: bool) -> Iterator[Claim]:
    lemma = verb.lemma_.lower()
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or verb.dep_ == "acl"
    for child in verb.children:
        if child.dep_ in ("nsubj", "agent"):
            for holder in [child] if child.dep_ == "nsubj" else _objects_of(child, None):
                yield Claim(holder, stance, hedged, governs)
        elif child.dep_ in ("dobj", "dative") and lemma in CITING_VERBS and not passive:
            yield Claim(child, "asserts" if stance != "denies" else stance, hedged, governs)
        elif child.dep_ in ("dobj", "dative") and lemma == "tell":
            yield Claim(child, stance, hedged, governs, need="outlet")
    if not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children):
        yield from _subjectless(verb, Claim(verb, stance, hedged, governs))
    if passive and verb.dep_ == "acl" and lemma in CITING_VERBS:
        yield Claim(verb.head, stance, hedged, governs)  # "a source quoted by Axios"


def _subjectless(verb: Token, claim: Claim) -> Iterator[Claim]:
    """Speakers of a verb without a subject of its own."""
    if verb.dep_ in ("advcl", "xcomp", "conj") and verb.lemma_.lower() not in CITING_VERBS:
        for child in verb.head.children:  # "X dismissed the claims, stating that ..."
            if child.dep_ == "nsubj":
                yield replace(claim, holder=child)
    for child in verb.lefts:  # "Axios reported", with Axios parsed as an adverb
        if child.dep_ in ("advmod", "npadvmod", "amod", "nmod") and child.is_title:
            yield replace(claim, holder=child, need="known")


def _objects_of(prep_holder: Token, prep: str | None) -> Iterator[Token]:
    """The objects of ``according to`` or of an agent ``by``."""
    for child in prep_holder.children:
        if prep is None and child.dep_ == "pobj":
            yield child
        elif prep is not None and child.lower_ == prep:
            yield from (c for c in child.children if c.dep_ == "pobj")


def _is_as_clause(verb: Token, ancestors: set[int], trigger: Token) -> bool:
    """'..., as Reuters reported', '..., Reuters reported, ...', 'the call, which X confirmed'."""
    if verb.dep_ == "relcl" and verb.head == trigger:
        return True
    if not (verb.head == trigger or verb.head.i in ancestors):
        return False
    return verb.dep_ == "parataxis" or (
        verb.dep_ == "advcl" and any(c.lower_ == "as" for c in verb.children)
    )


def _through_report(trigger: Token, verb: Token) -> bool:
    """Whether a report noun ("reports that", "rumours of") lies between trigger and verb."""
    report_nouns = status_lexicon.lexicon().report_nouns
    token = trigger.head
    while token != verb and token.head != token:
        if token.pos_ == "NOUN" and token.lemma_.lower() in report_nouns:
            return True
        token = token.head
    return False


def _refers_back(verb: Token, trigger: Token) -> bool:
    """'..., but the Kremlin denied it (the report, the call)': a verb about the event."""
    report_nouns = status_lexicon.lexicon().report_nouns
    return any(
        c.dep_ == "dobj"
        and (
            c.lower_ in ("it", "this", "that")
            or c.lemma_ in report_nouns
            or c.lemma_ == trigger.lemma_
        )
        for c in verb.children
    )


def _cites_for_governor(verb: Token, ancestors: set[int]) -> bool:
    """'citing unnamed sources' or 'quoted by Axios' under a governing speech verb."""
    if verb.lemma_.lower() not in CITING_VERBS:
        return False
    return any(a.i in ancestors for a in verb.ancestors)


def _reported_by(trigger: Token, denier: Token) -> Iterator[Claim]:
    """Authors of the reports a denial names: they assert the event."""
    lex = status_lexicon.lexicon()
    path = {trigger.i}
    token = trigger
    for _ in range(status.MAX_CLIMB):
        if token == denier or token.head == token:
            return
        token = token.head
        path.add(token.i)
        if token.lemma_.lower() not in lex.report_nouns:
            continue
        for author in _authors(token, path):
            yield Claim(author, "asserts", False, True)


def _authors(document: Token, skip: set[int]) -> Iterator[Token]:
    """'a Reuters report', 'the Post's report', 'a report by (in) the Post'."""
    for child in document.children:
        if child.i in skip:
            continue
        if child.dep_ in ("compound", "poss") and child.pos_ == "PROPN":
            yield child
        elif child.dep_ == "prep" and child.lower_ in ("by", "in", "from"):
            yield from (c for c in child.children if c.dep_ == "pobj")


def _expand(holder: Token) -> Iterator[Token]:
    """The holder, the names it stands for, and its conjuncts ("Reuters and the Post")."""
    lex = lexicon()
    stack = [holder]
    while stack:
        token = stack.pop(0)
        stack.extend(c for c in token.children if c.dep_ == "conj")
        named = [c for c in token.children if c.dep_ == "appos" and _is_name(c)]
        if token.pos_ == "NOUN" and named:
            yield named[0]  # "the Kremlin spokesman, Dmitry Peskov,"
        elif token.pos_ == "NOUN" and token.lemma_.lower() in lex.document_nouns:
            yield from _authors(token, set())  # "a Kremlin statement said"
        else:
            yield token


def _is_name(token: Token) -> bool:
    """A proper name, not a date in apposition ("the ministry on Friday, May 3,")."""
    calendar = lexicon().calendar_words
    return (
        token.pos_ == "PROPN"
        and token.ent_type_ not in ("DATE", "TIME")
        and not any(t.lower_ in calendar for t in token.subtree)
    )


@dataclass(frozen=True)
class _Namer:
    lookup: Lookup
    outlets: Mapping[str, str]
    previous: Sequence[str]

    def attribution(self, holder: Token, claim: Claim) -> Attribution | None:
        if holder.pos_ == "PRON" or holder.ent_type_ in ("DATE", "TIME"):
            return None
        if holder.lower_ in lexicon().calendar_words:
            return None  # "on Friday, May 3," parsed as a second subject
        text = _phrase(holder)
        stance: Stance = "denies" if claim.stance == "denies" else "asserts"
        if claim.stance == "confirms":
            stance = "confirms"
        outlet = self._outlet(holder, text)
        if outlet is not None:
            return Attribution(outlet, "outlet", stance, claim.hedged)
        if claim.need == "outlet":
            return None
        if claim.need == "known" and self._lookup(holder, text) is None:
            return None
        return self._speaker(holder, text, stance, claim)

    def _speaker(
        self, holder: Token, text: str, stance: Stance, claim: Claim
    ) -> Attribution | None:
        lex = lexicon()
        head = holder.lemma_.lower()
        if status.is_anonymous(holder):
            return Attribution(text, "anonymous", stance, True, self._country(holder))
        if holder.pos_ == "NOUN" and head in lex.expert_heads:
            return Attribution(text, "expert", stance, claim.hedged)
        actor = self._lookup(holder, text)
        if actor is not None and actor.kind == "person":
            return Attribution(actor.name, "official", stance, claim.hedged, actor.country)
        if actor is not None:
            return Attribution(text, "institution", stance, claim.hedged, actor.country)
        if holder.pos_ in ("NOUN", "PROPN") and head in lex.institution_heads:
            return Attribution(text, "institution", stance, claim.hedged, self._country(holder))
        if holder.pos_ == "NOUN" and head in lex.title_heads:
            return Attribution(text, "official", stance, claim.hedged, self._country(holder))
        if holder.pos_ != "PROPN" and not (holder.pos_ == "NOUN" and holder.is_title):
            return None  # a capitalised unknown noun is a name spaCy mis-tagged ("Trump")
        if holder.ent_type_ in ("GPE", "NORP", "LOC"):
            return Attribution(text, "institution", stance, claim.hedged)
        return Attribution(_person_name(holder), "official", stance, claim.hedged)

    def _outlet(self, holder: Token, text: str) -> str | None:
        for key in _outlet_keys(holder, text):
            if key in self.outlets:
                return self.outlets[key]
        if holder.pos_ == "NOUN" and holder.lower_ in lexicon().media_nouns:
            return text  # "Chinese state media"
        if _is_generic_outlet(holder):
            before = holder.doc[holder.sent.start : holder.i].text
            return _last_outlet([*self.previous, before], self.outlets)
        publishes = holder.head.lemma_.lower() in PUBLISHING_VERBS
        if holder.pos_ == "PROPN" and publishes and self._lookup(holder, text) is None:
            return _proper_phrase(holder, text)  # an unknown name that reports is an outlet
        return None

    def _lookup(self, holder: Token, text: str) -> Actor | None:
        for name in dict.fromkeys([text, _name_run(holder), f"the {text}"]):
            actor = self.lookup(name)
            if actor is not None:
                return actor
        return None

    def _country(self, holder: Token) -> str | None:
        """The country of an unnamed source: 'a White House source', 'Russian officials'."""
        for child in holder.children:
            if child.dep_ in ("compound", "amod", "poss", "nmod") and child.pos_ in (
                "PROPN",
                "ADJ",
            ):
                actor = self.lookup(_name_run(child))
                if actor is not None and actor.country:
                    return actor.country
        return None


def _phrase(holder: Token) -> str:
    """The holder's name as written, without a leading article or trailing clauses."""
    tokens = [holder]
    for child in holder.children:
        of_name = child.lower_ == "of" or (child.lower_ == "for" and holder.pos_ == "PROPN")
        if child.dep_ in NAME_DEPS or (child.dep_ == "prep" and of_name):
            tokens.extend(child.subtree)
    tokens.sort(key=lambda t: t.i)
    while tokens and (tokens[0].dep_ in ("det", "punct") or tokens[0].tag_ == "PRP$"):
        tokens.pop(0)
    if not tokens:
        return holder.text
    return holder.doc[tokens[0].i : tokens[-1].i + 1].text.strip()


def _is_generic_outlet(holder: Token) -> bool:
    """'the newspaper', 'the news agency'; not 'Ukraine's intelligence agency'."""
    if holder.pos_ != "NOUN" or holder.lemma_.lower() not in lexicon().generic_outlets:
        return False
    return all(c.dep_ == "det" or c.lower_ == "news" for c in holder.lefts)


def _proper_phrase(holder: Token, text: str) -> str:
    """'Times of Israel' from 'The Times of Israel', 'RIA Novosti' from 'state agency RIA Novosti'."""
    start = _name_run(holder).split()[0]
    at = text.find(start)
    return text[at:] if at >= 0 else text


def _name_run(token: Token) -> str:
    """'Dmitry Peskov' for Peskov, 'White House' for House: the proper-noun run ending here."""
    start = token.i
    while start > token.sent.start and token.doc[start - 1].pos_ == "PROPN" == token.pos_:
        start -= 1
    end = token.i + 1
    return token.doc[start:end].text


def _person_name(token: Token) -> str:
    """'Hakan Fidan' for 'Foreign Minister Hakan Fidan': the name run without its title."""
    lex = lexicon()
    run = _name_run(token).split()
    while len(run) > 1 and run[0].lower() in lex.title_heads | lex.title_prefixes:
        run.pop(0)
    return " ".join(run)


def _outlet_keys(holder: Token, text: str) -> list[str]:
    lower = text.lower()
    bare = lower.removeprefix("the ")
    return [lower, bare, f"the {bare}", _name_run(holder).lower()]


def _last_outlet(texts: Sequence[str], outlets: Mapping[str, str]) -> str | None:
    """The outlet named last in ``texts`` (the paragraph so far), if any."""
    for text in reversed(texts):
        lower = text.lower()
        best, best_at = None, -1
        for alias, name in outlets.items():
            at = _rfind_word(lower, alias)
            if at > best_at or (at == best_at and best is not None and len(name) > len(best)):
                best, best_at = name, at
        if best is not None and best_at >= 0:
            return best
    return None


def _rfind_word(text: str, word: str) -> int:
    """The last position of ``word`` in ``text`` as a whole word, or -1."""
    end = len(text)
    while True:
        at = text.rfind(word, 0, end)
        if at < 0:
            return -1
        after = at + len(word)
        if (at == 0 or not text[at - 1].isalnum()) and (
            after >= len(text) or not text[after].isalnum()
        ):
            return at
        end = at + len(word) - 1


def status_with_sources(status_: str, sources: Sequence[Attribution]) -> str:
    """``disputed`` when some sources assert or confirm the event and others deny it."""
    stances = {source.stance for source in sources}
    if "denies" in stances and stances & {"asserts", "confirms"}:
        return "disputed"
    return status_
