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
from dataclasses import dataclass

from readout.actors.kb import KnowledgeBase, Person, Title
from readout.actors.matcher import ActorMatcher, Entry, Match
from readout.model import Actor

_MODIFIERS = ("country", "demonym", "metonym", "capital", "institution", "org")
# What may stand between the parts of one actor phrase.
_JOIN = re.compile(r"^(?:\s+|['’]s\s+|-)$")
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*[a-z][\w'’.-]*|[A-Z]\.")
_THE_TWO = re.compile(
    r"\b[Tt]he two (leaders|presidents|ministers|men|women|diplomats|heads of state|"
    r"countries|nations|states|sides|governments|neighbou?rs|capitals|rivals|allies)\b"
)
_PEOPLE_WORDS = frozenset(
    {"leaders", "presidents", "ministers", "men", "women", "diplomats", "heads of state"}
)
_NAME_STOP = frozenset({"The", "On", "In", "And", "But", "As", "At", "For", "Of", "To", "With"})


@dataclass(frozen=True)
class ActorMention:
    start: int  # character offsets into the text given to resolve_mentions
    end: int
    text: str
    actor: Actor
    is_place: bool = False  # a capital, city or region: maybe a location, maybe an actor
    is_title_only: bool = False  # "the president-elect": resolved from context
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
        self.matcher = matcher or ActorMatcher(kb)
        self._people = {p.id: p for p in kb.people}
        self._titles = {t.phrase: t for t in kb.titles}
        self._countries = {c.code: c for c in kb.countries}
        self._orgs = {o.code: o for o in kb.organisations}
        self._outlets = {o.name: o for o in kb.outlets}

    # -- public ---------------------------------------------------------
    def resolve(
        self,
        text: str,
        day: dt.date | None,
        recent: list[Actor] | None = None,
        pair: tuple[Actor, Actor] | None = None,
    ) -> tuple[list[ActorMention], list[OutletMention]]:
        """Actor and outlet mentions in ``text``; ``recent`` = people mentioned
        before (most recent last), for titles without a name."""
        matches = self.matcher.find(text)
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
            if _inside_other_name(
                text, m, i > 0 and matches[i - 1].end == _prev_word_end(text, m.start)
            ):
                i += 1  # "Hunter Biden", "Michael Jordan", "Paris Hilton": someone else
                continue
            chunk = self._chunk(text, matches, i)
            mention = self._compose(text, chunk, day, recent or [])
            if mention is not None:
                actors.append(mention)
            i += len(chunk)
            # a name read past the chunk ("President Santiago Pena") swallows its matches
            while mention is not None and i < len(matches) and matches[i].start < mention.end:
                i += 1
        actors.extend(self._the_two(text, recent or [], actors, pair))
        actors.sort(key=lambda m: m.start)
        return actors, outlets

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
        return chunk

    # -- composing ------------------------------------------------------
    def _compose(
        self, text: str, chunk: list[Match], day: dt.date | None, recent: list[Actor]
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
            if len(chunk) == 1 and _stale_surname(person, person_match.text, day, recent):
                return None  # "Bennett" two years after Naftali Bennett left office
            return self._person_mention(text, start, end, person, day, country)
        if titles:
            title = titles[-1]
            if title.person:
                name_end = _unknown_name_end(text, end)
                if name_end is not None and country:
                    name = text[end:name_end].strip()
                    actor = Actor(name, country, title.sector, title.role, "person")
                    return ActorMention(start, name_end, text[start:name_end], actor)
            if country is None:
                resolved = self._from_recent(title, recent, day)
                if resolved is None:
                    return None
                return ActorMention(start, end, text[start:end], resolved, is_title_only=True)
            if title.person:
                holder = self._holder(country, title, day)
                if holder is not None:
                    return self._person_mention(text, start, end, holder, day, country)
            name = _clean_name(text[start:end])
            kind = "person" if title.person else "group"
            return ActorMention(
                start, end, text[start:end], Actor(name, country, title.sector, title.role, kind)
            )
        if modifier is not None:
            return self._modifier_mention(modifier)
        return None

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
            country=role.country if role else country,
            sector=role.sector if role else None,
            role=role.title if role else None,
            kind="person",
            kb_id=person.id,
        )
        return ActorMention(start, end, text[start:end], actor)

    def _modifier_country(self, m: Match) -> str | None:
        entry = m.first(*_MODIFIERS) or m.first("place")
        return entry.key if entry else None

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
        """'the president-elect' = the last person mentioned who held that office."""
        if not title.person or not title.kb_titles:
            return None
        for actor in reversed(recent):
            if actor.kind == "person" and actor.role in title.kb_titles:
                return actor
        return None


_SOLO_KINDS = frozenset({"person", "country", "capital", "place", "demonym"})
_PREV_WORD = re.compile(r"([A-Z][a-z]+)\s+$")
_NEXT_WORD = re.compile(r"^\s+([A-Z][a-z]+)\b")
_NOT_A_FIRST_NAME = frozenset(
    "The A An In On At As By For From To With And But Or Then When While After Before Since "
    "If That This These Those Last Next Former Late Both Neither Meanwhile However Still Yet "
    "Mr Mrs Ms Dr President Minister Premier Chancellor King Queen Prince Sheikh General Leader "
    "Senator Secretary Ambassador Envoy Spokesman Spokeswoman Spokesperson Foreign Prime "
    "Defence Defense Interior Deputy Acting Vice Chief Supreme Crown Emir Sultan Pope Chairman "
    "Why What How Where Who Whom Whose Many Some Most All Several Such Under Over Against During "
    "Despite Including Like Unlike Amid Among Between Without Within Beyond Into Onto Toward "
    "Towards Through Across Along Around Behind Beside Besides Near Opposite Outside Inside Per "
    "Via Versus Is Was Are Were Has Had Have Will Would Could Should May Might Must Can Did Does "
    "Do Not No Yes Only Even Also Already Now Today Yesterday Tomorrow Monday Tuesday Wednesday "
    "Thursday Friday Saturday Sunday January February March April June July August September "
    "October November December Western Eastern Northern Southern Central North South East West "
    "Republican Republicans Democrat Democrats Democratic Conservative Liberal Labour Incumbent "
    "Candidate Presidents Leaders Ministers Officials Critics Supporters Allies Rivals Mayor "
    "Governor Police Court Embassy City Region Province Oblast State Government Regime Forces "
    "Army Navy Military Troops Authorities Parliament Congress Senate".split()
)


def _prev_word_end(text: str, start: int) -> int:
    found = _PREV_WORD.search(text[max(0, start - 30) : start])
    return start - len(found.group(0)) + len(found.group(1)) if found else -1


def _inside_other_name(text: str, m: Match, prev_is_match: bool) -> bool:
    """A one-word surname, country or city that is part of another name: an
    unknown capitalised word right before it ("Hunter Biden"), or, for a place,
    right after it ("Paris Hilton")."""
    if (
        " " in m.text
        or not (m.kinds & _SOLO_KINDS)
        or m.kinds & {"title", "org", "outlet", "demonym"}
    ):
        return False  # "Senior Hungarian officials": demonyms follow adjectives
    before = _PREV_WORD.search(text[max(0, m.start - 30) : m.start])
    if before and not prev_is_match and before.group(1) not in _NOT_A_FIRST_NAME:
        first = m.start - len(before.group(0))
        at_start = first == 0 or bool(re.search(r"[.!?\n]\s*$", text[:first]))
        # "Underlining India's ...", "Visiting China, ...": a sentence may open
        # with a verb; a first name is sure only before a surname there
        if not at_start or "person" in m.kinds:
            return True
    if m.kinds & {"capital", "place"} and not m.kinds & {"country", "person"}:
        after = _NEXT_WORD.match(text[m.end : m.end + 30])
        if after and after.group(1) not in _NOT_A_FIRST_NAME:
            return True
    return False


_STALE_AFTER = dt.timedelta(days=2 * 365)


def _stale_surname(person: Person, text: str, day: dt.date | None, recent: list[Actor]) -> bool:
    """A bare surname names a KB person only while they matter: in office (or
    out of it for under two years) at the article's date, or named in full
    earlier in the article. Otherwise it is more likely someone else."""
    if day is None or " " in text.strip() or any(a.kb_id == person.id for a in recent):
        return False
    if any(r.holds_on(day) or (r.start is not None and r.start > day) for r in person.roles):
        return False
    ends = [r.end for r in person.roles if r.end is not None]
    return bool(ends) and day - max(ends) > _STALE_AFTER


def _stage(m: Match) -> int:
    kinds = m.kinds
    if "person" in kinds:
        return 3
    if "title" in kinds:
        return 2
    if kinds & set(_MODIFIERS) or "place" in kinds:
        return 1
    return 0


def _unknown_name_end(text: str, pos: int) -> int | None:
    """End of 1-3 capitalised words right after ``pos`` (a name the KB lacks)."""
    words = 0
    cur = pos
    end = None
    while words < 3:
        m = re.match(r"\s+(\S+)", text[cur:])
        if not m:
            break
        word = m.group(1).rstrip(",;:")
        core = word.rstrip("’'s").rstrip(".") if word.endswith(("’s", "'s")) else word
        if core.endswith(".") and len(core) > 2:
            core, word = core[:-1], ""  # "Santiago Pena." ends the sentence and the name
        if not _NAME_WORD.fullmatch(core) or core in _NAME_STOP:
            break
        end = cur + m.start(1) + len(core)
        words += 1
        cur = cur + m.end()
        if core != word:
            break  # a possessive ends the name
    return end if words else None


def _clean_name(text: str) -> str:
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    return text
