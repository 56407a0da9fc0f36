"""Compose raw matches into actor mentions with country, sector and role.

"Russian Foreign Minister Sergey Lavrov" is three matches (demonym, title,
person) and one actor; "the Russian foreign minister" is a title with a
country, resolved to whoever held the office on the article's date; "Senior
Hungarian officials" is a group; "British Prime Minister Keir Starmer" keeps
its country even when the knowledge base lacks the person.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from readout.actors.agents import load_agents
from readout.actors.context import ArticleContext
from readout.actors.kb import KnowledgeBase, Person, Title
from readout.actors.matcher import ActorMatcher, Entry, Match
from readout.actors.name_rules import (
    inside_other_name,
    named_before_title,
    prev_word_end,
    stale_surname,
    unknown_name_end,
)
from readout.model import Actor

_MODIFIERS = ("country", "demonym", "metonym", "capital", "institution", "org")
# What may stand between the parts of one actor phrase.
_JOIN = re.compile(
    r"^(?:\s+|['’]s?\s+(?:[a-z]+\s+)?|-)$"
)  # "Iran's elite troops", "the Nations' highest court"
_THE_TWO = re.compile(
    r"\b[Tt]he two (leaders|presidents|ministers|men|women|diplomats|heads of state|"
    r"countries|nations|states|sides|governments|neighbou?rs|capitals|rivals|allies)\b"
)
_VAGUE_TITLES = frozenset({"leader", "head", "chief", "chairman", "chairwoman", "director"})
_NAMED_ONLY = frozenset({"side"})  # titles that are a party only with their country named
_OF_WHAT = re.compile(r"\s+(?:of|from|at)\b")
_OWNED = re.compile(r"\b(?:its|their|his|her|our|your|my)\s+$", re.IGNORECASE)
_LED_BODIES = frozenset({"administration", "government", "cabinet", "camp", "team", "regime"})
_PEOPLE_WORDS = frozenset(
    {"leaders", "presidents", "ministers", "men", "women", "diplomats", "heads of state"}
)


@dataclass(frozen=True)
class ActorMention:
    start: int  # character offsets into the text given to resolve_mentions
    end: int
    text: str
    actor: Actor
    is_place: bool = False  # a capital, city or region: maybe a location, maybe an actor
    is_title_only: bool = False  # "the president-elect": resolved from context
    from_home: bool = False  # "the military": the article's home country, not named here
    also: Actor | None = None  # "the two leaders": the second of the pair


@dataclass(frozen=True)
class OutletMention:
    start: int
    end: int
    name: str
    country: str | None


class ActorResolver:
    def __init__(self, kb: KnowledgeBase, matcher: ActorMatcher | None = None) -> None:
        self.kb = kb
        titles = agent_titles(kb.titles)
        self._agents = frozenset(t.phrase for t in titles[len(kb.titles) :])
        self.matcher = matcher or ActorMatcher(kb, titles=titles)
        self._people = {p.id: p for p in kb.people}
        self._titles = {t.phrase: t for t in titles}
        self._countries = {c.code: c for c in kb.countries}
        self._orgs = {o.code: o for o in kb.organisations}
        self._outlets = {o.name: o for o in kb.outlets}
        self._person_state: dict[str, str | None] = {
            p.id: self._state_code(p.country) for p in kb.people
        }

    # -- public ---------------------------------------------------------
    def resolve(
        self,
        text: str,
        day: dt.date | None,
        recent: list[Actor] | None = None,
        pair: tuple[Actor, Actor] | None = None,
        context: ArticleContext | None = None,
        matches: list[Match] | None = None,
    ) -> tuple[list[ActorMention], list[OutletMention]]:
        """Actor and outlet mentions in ``text``; ``recent`` = people mentioned
        before (most recent last), for titles without a name; ``context`` = the
        article's home country and the people it introduced (updated here)."""
        context = context if context is not None else ArticleContext()
        if matches is None:
            matches = self.matcher.find(text)
        matches = [m for m in matches if not self._capitalised_agent(text, m)]
        actors: list[ActorMention] = []
        outlets: list[OutletMention] = []
        i = 0
        while i < len(matches):
            m = matches[i]
            if m.kinds == {"outlet"} or (
                "outlet" in m.kinds and not (m.kinds & {"person", "country", "org"})
            ):
                out = self._outlets.get(m.entries[0].key)
                outlets.append(
                    OutletMention(m.start, m.end, m.entries[0].key, out.country if out else None)
                )
                i += 1
                continue
            if inside_other_name(
                text, m, i > 0 and matches[i - 1].end == prev_word_end(text, m.start)
            ):
                i += 1  # "Hunter Biden", "Michael Jordan", "Paris Hilton": someone else
                continue
            chunk = self._chunk(text, matches, i)
            mention = self._compose(text, chunk, day, recent or [], context)
            if mention is not None:
                actors.append(mention)
            i += len(chunk)
            # a name read past the chunk ("President Santiago Pena") swallows its matches
            while mention is not None and i < len(matches) and matches[i].start < mention.end:
                i += 1
        named = [a for a in actors if not a.from_home]
        two = self._the_two(text, recent or [], named, pair)
        # "the two diplomats" is a pair named before, not the home country's diplomats
        actors = [a for a in actors if not any(t.start < a.end and a.start < t.end for t in two)]
        actors.extend(two)
        actors.extend(_introduced(text, actors, context))
        actors.sort(key=lambda m: m.start)
        return actors, outlets

    def _capitalised_agent(self, text: str, m: Match) -> bool:
        """'Hunter Biden', 'Judge Dredd': an agent noun written with a capital
        inside a sentence is part of a name, not the agent."""
        if not m.text[:1].isupper() or m.kinds != {"title"}:
            return False
        if not any(e.key in self._agents for e in m.entries):
            return False
        if " " not in m.text and re.match(r"\s+[A-Z][a-z]", text[m.end : m.end + 3]):
            return True  # "Hunter Biden" at the start of a sentence too
        return m.start > 0 and not re.search(r"[.!?:\n\"“‘']\s*$", text[: m.start])

    def matches(self, text: str) -> list[Match]:
        return self.matcher.find(text)

    def home_votes(self) -> dict[str, str | None]:
        """Person id -> the state they serve (for the home-country vote)."""
        return self._person_state

    def _the_two(
        self,
        text: str,
        recent: list[Actor],
        found: list[ActorMention],
        pair: tuple[Actor, Actor] | None,
    ) -> list[ActorMention]:
        """'the two leaders' / 'the two countries': the last pair named together
        ("Armenia and Azerbaijan"), else the last two distinct people or states."""
        out = []
        for m in _THE_TWO.finditer(text):
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            people = m.group(1) in _PEOPLE_WORDS
            two = self._pair_for(people, recent, pair)
            if two is not None:
                out.append(ActorMention(m.start(), m.end(), m.group(), two[1], also=two[0]))
        return out

    def _pair_for(
        self, people: bool, recent: list[Actor], pair: tuple[Actor, Actor] | None
    ) -> tuple[Actor, Actor] | None:
        named = pair if pair is not None and pair[0].country != pair[1].country else None
        if people:
            # "the two leaders": people named together, else the last two people,
            # else the states named together
            if named and all(a.kind == "person" for a in named):
                return named
            return self._last_two(recent, people=True) or (
                (self._state(named[0]), self._state(named[1])) if named else None
            )
        if named:
            return (self._state(named[0]), self._state(named[1]))
        return self._last_two(recent, people=False)

    def _last_two(self, recent: list[Actor], *, people: bool) -> tuple[Actor, Actor] | None:
        found: list[Actor] = []
        for actor in reversed(recent):
            if people and actor.kind != "person":
                continue
            if actor.country and all(actor.country != a.country for a in found):
                found.append(actor if people else self._state(actor))
            if len(found) == 2:
                return (found[1], found[0])
        return None

    def _state(self, actor: Actor) -> Actor:
        country = self._countries.get(actor.country or "")
        if country is None:
            return actor
        return Actor(country.name, country.code, "GOV", None, "state")

    # -- chunking -------------------------------------------------------
    def _chunk(self, text: str, matches: list[Match], i: int) -> list[Match]:
        """Greedy [modifier] [title]* [person] run of adjacent matches."""
        chunk = [matches[i]]
        stage = _stage(matches[i])
        j = i + 1
        while j < len(matches) and stage < 3:
            nxt = matches[j]
            gap = text[chunk[-1].end : nxt.start]
            if not _JOIN.match(gap):
                break
            nstage = _stage(nxt)
            # a modifier may be followed by titles or a person; titles by titles or a person
            if nstage < stage or (nstage == stage and stage != 2) or nstage == 0:
                break
            if "-" in gap and nstage != 2:
                break  # "U.S.-Russia" is two actors
            chunk.append(nxt)
            stage = nstage
            j += 1
        # "the Biden administration", "Orban's government": a body named after its head
        if stage == 3 and j < len(matches) and _JOIN.match(text[chunk[-1].end : matches[j].start]):
            body = matches[j].first("title")
            if body is not None and body.key in _LED_BODIES:
                chunk.append(matches[j])
        return chunk

    # -- composing ------------------------------------------------------
    def _compose(
        self,
        text: str,
        chunk: list[Match],
        day: dt.date | None,
        recent: list[Actor],
        context: ArticleContext,
    ) -> ActorMention | None:
        start, end = chunk[0].start, chunk[-1].end
        modifier = next((m for m in chunk if _stage(m) == 1), None)
        titles = [self._titles[e.key] for m in chunk for e in m.entries if e.kind == "title"]
        person_match = next((m for m in chunk if m.first("person")), None)
        country = self._modifier_country(modifier) if modifier else None

        if person_match is not None:
            entry = person_match.first("person")
            assert entry is not None
            person = self._people[entry.key]
            if len(chunk) == 1 and stale_surname(person, person_match.text, day, recent):
                return None  # "Bennett" two years after Naftali Bennett left office
            mention = self._person_mention(text, start, end, person, day, country)
            if not person.surnames and " " in person_match.text.strip():
                context.remember(mention.actor)  # later "Bashir" is Omar al-Bashir
            if titles and chunk[-1] is not person_match:  # "the Biden administration"
                body = self._titles[titles[-1].phrase]
                actor = Actor(
                    text[start:end], mention.actor.country, body.sector, body.role, "group"
                )
                return ActorMention(start, end, text[start:end], actor)
            return mention
        if titles:
            country = country or titles[-1].country
            if country is None and len(titles) > 1 and not titles[0].person:
                # "the court's president, Judge X": the body named before is theirs
                owner = self._from_recent(titles[0], recent, day)
                country = owner.country if owner is not None else None
            return self._title_mention(text, chunk, titles[-1], country, day, recent, context)
        if modifier is not None:
            return self._modifier_mention(modifier)
        return None

    def _title_mention(
        self,
        text: str,
        chunk: list[Match],
        title: Title,
        country: str | None,
        day: dt.date | None,
        recent: list[Actor],
        context: ArticleContext,
    ) -> ActorMention | None:
        """'Judge Joan Donoghue', 'the Kenyan court', 'the military', 'the
        president': a named holder, a body of a country, or the holder of the
        office in the article's home country."""
        start, end = chunk[0].start, chunk[-1].end
        if title.person or _singular(title.phrase):
            named = self._named_holder(text, start, end, title, country, context)
            if named is not None:
                return named
        if country is None and title.phrase in _NAMED_ONLY:
            return None  # "the other side", "both sides": only "the Chinese side" is a party
        if country is None:
            resolved = self._from_recent(title, recent, day)
            if resolved is not None:
                return ActorMention(start, end, text[start:end], resolved, is_title_only=True)
            country = context.home
            if country is None or _OWNED.search(text[max(0, start - 8) : start]):
                return None  # "its ambassador": whose, the parse tells
            if title.person and (title.phrase in _VAGUE_TITLES or _OF_WHAT.match(text[end:])):
                return None  # "the leader of al-Qaida" is not the home country's leader
            if title.person:
                holder = self._holder(country, title, day)
                if holder is None:
                    return None
                mention = self._person_mention(text, start, end, holder, day, country)
                return replace(mention, is_title_only=True)
            name = _clean_name(text[start:end])
            actor = Actor(name, country, title.sector, title.role, "group")
            return ActorMention(start, end, text[start:end], actor, from_home=True)
        if title.person:
            holder = self._holder(country, title, day)
            if holder is not None:
                return self._person_mention(text, start, end, holder, day, country)
        name = _clean_name(text[start:end])
        kind = "person" if title.person else "group"
        return ActorMention(
            start, end, text[start:end], Actor(name, country, title.sector, title.role, kind)
        )

    def _named_holder(
        self,
        text: str,
        start: int,
        end: int,
        title: Title,
        country: str | None,
        context: ArticleContext,
    ) -> ActorMention | None:
        """A person the knowledge base lacks, named right after a title
        ("Interior Minister Fred Matiangi") or before an apposition that gives
        the title ("Blessed Mhlanga, a journalist")."""
        name_end = unknown_name_end(text, end)
        span = (end, name_end) if name_end is not None else named_before_title(text, start)
        if span is None and text[end : end + 2] == ", ":
            # "the country's president, Hakainde Hichilema, said": an apposition
            after = unknown_name_end(text, end + 1)
            if after is not None and text[after : after + 1] in (",", ".", ""):
                span, name_end = (end + 2, after), after
        if span is None:
            return None
        where = country or context.home
        name = text[span[0] : span[1]].strip()
        actor = Actor(name, where, title.sector, title.role, "person")
        context.remember(actor)
        if name_end is not None:
            return ActorMention(start, name_end, text[start:name_end], actor, from_home=not country)
        return ActorMention(span[0], span[1], name, actor, from_home=not country)

    def _person_mention(
        self,
        text: str,
        start: int,
        end: int,
        person: Person,
        day: dt.date | None,
        country: str | None,
    ) -> ActorMention:
        role = person.role_at(day)
        actor = Actor(
            name=person.name,
            country=(self._state_code(role.country) or role.country) if role else country,
            sector=role.sector if role else None,
            role=role.title if role else None,
            kind="person",
            kb_id=person.id,
        )
        return ActorMention(start, end, text[start:end], actor)

    def _modifier_country(self, m: Match) -> str | None:
        entry = m.first(*_MODIFIERS) or m.first("place")
        if entry is None:
            return None
        if entry.kind == "org":
            return self._state_code(entry.key) or entry.key
        return entry.key

    def _state_code(self, code: str | None) -> str | None:
        """The state an actor code stands for: a state itself, or the home of
        an armed group, party or national body ('TALIBAN' -> AFG); None for an
        international organisation or region."""
        if code is None:
            return None
        if code in self._countries:
            return code
        org = self._orgs.get(code)
        if org is not None and org.country and org.sector not in ("IGO", "REG"):
            return org.country
        return None

    def _modifier_mention(self, m: Match) -> ActorMention | None:
        entry = m.first(*_MODIFIERS)
        if entry is None:
            entry = m.first("place")
            if entry is None:
                return None
            actor = Actor(m.text, entry.key, None, None, "place")
            return ActorMention(m.start, m.end, m.text, actor, is_place=True)
        return ActorMention(
            m.start,
            m.end,
            m.text,
            self._entry_actor(entry, m.text),
            is_place=entry.kind == "capital",
        )

    def _entry_actor(self, entry: Entry, text: str) -> Actor:
        if entry.kind == "org":
            org = self._orgs[entry.key]
            home = self._state_code(org.code)
            if home is not None:  # the Taliban, Hamas, a party: their country's code
                return Actor(org.name, home, org.sector, None, "group", kb_id=org.code)
            kind = "region" if org.sector == "REG" else "organisation"
            return Actor(org.name, org.code, org.sector, None, kind, kb_id=org.code)
        country = self._countries.get(entry.key)
        name = country.name if country else entry.key
        if entry.kind in ("metonym", "institution"):
            return Actor(_clean_name(text), entry.key, entry.sector or "GOV", None, "institution")
        if entry.kind == "demonym":
            return Actor(name, entry.key, None, None, "state")
        return Actor(name, entry.key, "GOV", None, "state")

    def _holder(self, country: str, title: Title, day: dt.date | None) -> Person | None:
        for kb_title in title.kb_titles:
            holder = self.kb.holder(country, kb_title, day)
            if holder is not None:
                return holder
        return None

    def _from_recent(self, title: Title, recent: list[Actor], day: dt.date | None) -> Actor | None:
        """'the president-elect' = the last person mentioned who held that office;
        'the court' = the last court named ('the United Nations' highest court')."""
        if not title.person:
            for actor in reversed(recent):
                if (
                    actor.kind != "person"
                    and actor.sector == title.sector
                    and title.phrase in actor.name.lower().split()
                ):
                    return actor
            return None
        if not title.kb_titles:
            return None
        for actor in reversed(recent):
            if actor.kind == "person" and actor.role in title.kb_titles:
                return actor
        return None


def _stage(m: Match) -> int:
    kinds = m.kinds
    if "person" in kinds:
        return 3
    if "title" in kinds:
        return 2
    if kinds & set(_MODIFIERS) or "place" in kinds:
        return 1
    return 0


def _clean_name(text: str) -> str:
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    return text


def _singular(phrase: str) -> bool:
    """'judge', 'official' may head a name; 'judges', 'troops' may not."""
    last = phrase.split()[-1]
    return not last.endswith("s") or last.endswith("ss")


def _introduced(
    text: str, found: list[ActorMention], context: ArticleContext
) -> list[ActorMention]:
    """Later mentions of people this article introduced ('Gachagua')."""
    out: list[ActorMention] = []
    for name in sorted(context.names, key=len, reverse=True):
        actor = context.names[name]
        if actor.kind == "ambiguous" or name not in text:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if any(f.start < m.end() and m.start() < f.end for f in (*found, *out)):
                continue
            out.append(ActorMention(m.start(), m.end(), name, actor))
    return out


# Agent sectors that name people of no particular side ("man", "people"): the
# knowledge base's own group labels cover the ones that act.
_NO_SIDE = frozenset({"PPL"})
# ... and weapons, which the agent list files under MIL ("cruise missiles")
_WEAPONS = frozenset(
    "missile missiles rocket rockets bomb bombs shell shells weapon weapons gun guns "
    "ammunition munitions warhead warheads".split()
)


def agent_titles(curated: tuple[Title, ...]) -> tuple[Title, ...]:
    """The knowledge base's titles, then the field's agent nouns as group
    labels ("militants", "insurgents", "lawmakers"); a curated title wins."""
    known = {t.phrase for t in curated}
    extra = [
        Title(agent.phrase, agent.singular or agent.phrase, agent.sector, False)
        for agent in load_agents().values()
        if agent.phrase not in known
        and agent.sector not in _NO_SIDE
        and agent.phrase.split()[-1] not in _WEAPONS
    ]
    return (*curated, *extra)
