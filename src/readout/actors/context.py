"""What an article is about: its home country, and the people it introduces.

News names the actors inside one country by what they are, not by where they
are from: "the military removed Bashir", "militants attacked a train", "the
court suspended the case". Those actors belong to the country the story is
about, its *home*: the state the headline and the opening sentences name most.
A person the knowledge base does not know is introduced once with a role
("former deputy president Rigathi Gachagua", "Blessed Mhlanga, a journalist")
and later called by surname alone; the context remembers them for the rest of
the article.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from readout.actors.matcher import Match
from readout.model import Actor

# Opening sentences (the headline is the first) weigh more than the rest.
_LEAD = 3
_LEAD_WEIGHT = 3
# Kinds of knowledge-base match that point at a state.
_STATE_KINDS = ("country", "demonym", "capital", "metonym", "institution", "place")


@dataclass
class ArticleContext:
    """Article-wide facts the sentence-level resolver may use."""

    home: str | None = None
    names: dict[str, Actor] = field(default_factory=dict)  # name as written -> person

    def remember(self, actor: Actor) -> None:
        """A person introduced here: later 'Gachagua' is the same person."""
        words = actor.name.split()
        if len(words) < 2:
            return
        self.names.setdefault(actor.name, actor)
        surname = words[-1]
        # "Omar al-Bashir" is later "al-Bashir" and "Bashir"
        for short in {
            surname,
            surname.split("-", 1)[-1] if surname[:3] in ("al-", "el-") else surname,
        }:
            # two people introduced with one surname: the bare surname is ambiguous
            known = self.names.get(short)
            if known is not None and known.name != actor.name:
                self.names[short] = Actor(short, None, None, None, "ambiguous")
            else:
                self.names[short] = actor


def home_country(
    matches: Sequence[Sequence[Match]], person_country: dict[str, str | None]
) -> str | None:
    """The state an article is about, from the knowledge-base matches of its
    sentences (in order): the most named, the opening counting triple."""
    votes: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    position = 0
    for i, sentence in enumerate(matches):
        weight = _LEAD_WEIGHT if i < _LEAD else 1
        for m in sentence:
            code = _state_of(m, person_country)
            if code is None:
                continue
            votes[code] += weight
            first_seen.setdefault(code, position)
            position += 1
    if not votes:
        return None
    return max(votes, key=lambda code: (votes[code], -first_seen[code]))


def _state_of(m: Match, person_country: dict[str, str | None]) -> str | None:
    entry = m.first(*_STATE_KINDS)
    if entry is not None:
        return entry.key
    person = m.first("person")
    if person is not None:
        return person_country.get(person.key)
    return None
