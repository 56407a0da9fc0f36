"""What one sentence leaves to the rest of the article.

After the mentions of an article are merged, some events still lack what
their own sentence did not say but an earlier one did: "During the
discussion, Rubio reaffirmed ..." happened when the discussion did.
"""

from __future__ import annotations

import re
from dataclasses import replace

from readout.model import Actor, Event

FRAMED_BY = "framed_by"  # extras key: the event type of a framing "during the ..." noun
ANSWERS = "answers"  # extras key: "denied the request" answers a REQUEST
PATIENT = "patient"  # extras key: the target's phrase when it names no known actor

# Acts done to someone the text need not name as an actor: the militants'
# train, the court's defendant, a banned book's author, the arrested journalist.
_PATIENT_TYPES = frozenset(
    {"COERCE", "ASSAULT", "SANCTION", "ACCUSE", "REJECT", "REQUEST", "THREATEN", "PROTEST"}
)
# Acts a state does to its own people without the text naming who acted:
# "he was arrested", "the book was banned".
_STATE_ACTS = frozenset({"COERCE"})
_HOME_RESTRICTIONS = frozenset({"restriction", "curb", "curfew", "limit"})


def inherit_frame_dates(events: list[Event]) -> list[Event]:
    """An undated event framed by 'during/at/after the <event>' takes the date
    of the latest earlier event of that type that has one."""
    out: list[Event] = []
    for event in events:
        frame = dict(event.extras).get(FRAMED_BY)
        if event.date is None and frame is not None:
            start = event.evidence[0].start if event.evidence else 0
            for earlier in reversed(out):
                first = earlier.evidence[0].start if earlier.evidence else 0
                if earlier.type == frame and earlier.date is not None and first <= start:
                    event = replace(event, date=earlier.date)
                    break
        out.append(event)
    return out


def answer_targets(events: list[Event]) -> list[Event]:
    """'Trump denied the request': the target is whoever made the latest
    earlier request (an event of the answered type) in the article."""
    out: list[Event] = []
    for event in events:
        answered = dict(event.extras).get(ANSWERS)
        if event.target is None and answered is not None:
            for earlier in reversed(out):
                author = earlier.source
                if earlier.type == answered and author is not None and author != event.source:
                    event = replace(event, target=author)
                    break
        out.append(event)
    return out


def home_sides(events: list[Event], home: str | None) -> list[Event]:
    """In a story about one country, the unnamed party of an act done to
    someone is one of its people ("militants attacked a passenger train",
    "the Taliban banned her book"), and the unnamed doer of an arrest or a
    ban is its state ("he was arrested in 2022")."""
    if home is None:
        return events
    out: list[Event] = []
    for event in events:
        patient = dict(event.extras).get(PATIENT)
        if event.target is None and patient and event.type in _PATIENT_TYPES:
            event = replace(event, target=Actor(patient, home, None, None, "group"))
        if (
            event.type == "SANCTION"
            and event.target is None
            and event.source is not None
            and event.source.country == home
            and event.trigger.lower().rstrip("s") in _HOME_RESTRICTIONS
            and not _trade_measure(event)
        ):
            # "the Taliban imposed restrictions on printing books": restrictions
            # a state imposes at home bind its own people (CAMEO 1721, as
            # PETRARCH2 codes "impose restrictions")
            people = Actor("its people", home, None, None, "group")
            event = replace(event, type="COERCE", mode="restrict", cameo="1721", target=people)
        if (
            event.source is None
            and event.type in _STATE_ACTS
            and event.target is not None
            and event.target.country == home
        ):
            event = replace(event, source=Actor("authorities", home, "GOV", None, "group"))
        out.append(event)
    return out


# Sectors that speak for a state: their protests are diplomatic, at a party
# the text must name ("China protested").
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "IGO", "JUD", "LEG", "SPY"})


def protest_targets(events: list[Event]) -> list[Event]:
    """A people's protest at no one named is at its own government: "tens of
    thousands of Sudanese began protesting" is Sudan's people against Sudan's
    state, as CAMEO codes domestic protest."""
    out: list[Event] = []
    for event in events:
        source = event.source
        if (
            event.type == "PROTEST"
            and event.target is None
            and source is not None
            and source.country
            and source.sector not in _STATE_SECTORS
        ):
            event = replace(event, target=Actor("government", source.country, "GOV", None, "group"))
        out.append(event)
    return out


_TRADE = re.compile(r"\b(?:export|import|trade|travel|visa)s?\s+(\w+)", re.IGNORECASE)


def _trade_measure(event: Event) -> bool:
    """'export restrictions', 'trade curbs': measures at the border, not at home."""
    sentence = event.evidence[0].sentence if event.evidence else ""
    return any(m.group(1).lower() == event.trigger.lower() for m in _TRADE.finditer(sentence))


_THERE = re.compile(
    r"^(?:There|Then|At the time|At that time|On that occasion|At the meeting|At the summit)\b"
)
_NEAR = 400  # characters: the sentence before, or the one before that


def inherit_scene_dates(events: list[Event]) -> list[Event]:
    """'Talks failed at the Hanoi Summit held in February. There, Kim asked
    Trump for sanctions relief. Trump denied the request': a sentence that
    opens in the scene just dated, and an answer to a request made just
    before, happened then."""
    out: list[Event] = []
    for event in events:
        if event.date is None and event.evidence:
            here = event.evidence[0]
            answered = dict(event.extras).get(ANSWERS) or (
                "REQUEST" if event.type == "REJECT" else None
            )
            for earlier in reversed(out):
                there = earlier.evidence[0] if earlier.evidence else None
                if earlier.date is None or there is None or there.start > here.start:
                    continue
                if here.start - there.end > _NEAR:
                    break
                scene = _THERE.match(here.sentence) and there.start < here.start
                answer = answered == earlier.type and earlier.target == event.source
                if scene or answer:
                    event = replace(event, date=earlier.date)
                    break
        out.append(event)
    return out
