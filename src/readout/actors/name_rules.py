"""Names the knowledge base may not know, and names that are someone else's.

Helpers of the actor resolver, all plain text tests: a capitalised name right
after a title ("Judge Joan Donoghue"), a name before an apposition that says
what the person is ("Blessed Mhlanga, a journalist with ..."), a surname that
is part of another person's name ("Hunter Biden"), and a surname of someone
long out of office.
"""

from __future__ import annotations

import datetime as dt
import re

from readout.actors.kb import Person
from readout.actors.matcher import Match
from readout.model import Actor

_NAME_WORD = re.compile(
    r"[A-Z][\w'’.-]*[a-z][\w'’.-]*|[A-Z]\.|(?:al|el|ad|ar|as|ash|at|az)-[A-Z][\w'’-]*[a-z]"
)
# Lower-case words inside a name: "Osama bin Laden", "Ursula von der Leyen"
_PARTICLES = frozenset("bin bint ibn de da del della van von der den du la le dos das di".split())
_PARTICLED = re.compile(r"(?:\s+(?:" + "|".join(sorted(_PARTICLES)) + r"))*\s+[A-Z]")
_NAME_STOP = frozenset({"The", "On", "In", "And", "But", "As", "At", "For", "Of", "To", "With"})


_SOLO_KINDS = frozenset({"person", "country", "capital", "place", "demonym"})
_PREV_WORD = re.compile(r"([A-Z][a-z]+)\s+$")
_NEXT_WORD = re.compile(r"^\s+([A-Z][a-z]+)\b")
NOT_A_FIRST_NAME = frozenset(
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
    "Army Navy Military Troops Authorities Parliament Congress Senate Press Source Sources "
    "Officials Official Spokesman Correspondent Briefing Statement".split()
)


def prev_word_end(text: str, start: int) -> int:
    found = _PREV_WORD.search(text[max(0, start - 30) : start])
    return start - len(found.group(0)) + len(found.group(1)) if found else -1


def inside_other_name(text: str, m: Match, prev_is_match: bool) -> bool:
    """A one-word surname, country or city that is part of another name: an
    unknown capitalised word right before it ("Hunter Biden"), or, for a place,
    right after it ("Paris Hilton")."""
    if re.search(r"\b(?:anti|pro|non|ex)-$", text[max(0, m.start - 5) : m.start], re.IGNORECASE):
        return True  # "anti-Pakistan fighters", "pro-Russian separatists" are neither
    if m.kinds & {"institution", "metonym"} and " " not in m.text:
        # "the National Congress Party" is not Congress
        after = _NEXT_WORD.match(text[m.end : m.end + 30])
        before = _PREV_WORD.search(text[max(0, m.start - 30) : m.start])
        return bool(
            (after and after.group(1) not in NOT_A_FIRST_NAME)
            or (before and not prev_is_match and before.group(1) not in NOT_A_FIRST_NAME)
        )
    if (
        " " in m.text
        or not (m.kinds & _SOLO_KINDS)
        or m.kinds & {"title", "org", "outlet", "demonym"}
    ):
        return False  # "Senior Hungarian officials": demonyms follow adjectives
    before = _PREV_WORD.search(text[max(0, m.start - 30) : m.start])
    if before and not prev_is_match and before.group(1) not in NOT_A_FIRST_NAME:
        first = m.start - len(before.group(0))
        at_start = first == 0 or bool(re.search(r"[.!?\n]\s*$", text[:first]))
        # "Underlining India's ...", "Visiting China, ...": a sentence may open
        # with a verb; a first name is sure only before a surname there
        if not at_start or "person" in m.kinds:
            return True
    if m.kinds & {"capital", "place"} and not m.kinds & {"country", "person"}:
        after = _NEXT_WORD.match(text[m.end : m.end + 30])
        if after and after.group(1) not in NOT_A_FIRST_NAME:
            return True
    return False


_STALE_AFTER = dt.timedelta(days=2 * 365)


def stale_surname(person: Person, text: str, day: dt.date | None, recent: list[Actor]) -> bool:
    """A bare surname names a KB person only while they matter: in office (or
    out of it for under two years) at the article's date, or named in full
    earlier in the article. Otherwise it is more likely someone else."""
    if day is None or " " in text.strip() or any(a.kb_id == person.id for a in recent):
        return False
    if any(r.holds_on(day) or (r.start is not None and r.start > day) for r in person.roles):
        return False
    ends = [r.end for r in person.roles if r.end is not None]
    return bool(ends) and day - max(ends) > _STALE_AFTER


def unknown_name_end(text: str, pos: int) -> int | None:
    """End of 1-3 capitalised words right after ``pos`` (a name the KB lacks)."""
    words = 0
    cur = pos
    end = None
    while words < 3:
        m = re.match(r"\s+(\S+)", text[cur:])
        if not m:
            break
        word = m.group(1).rstrip(",;:")
        core = word[:-2] if word.endswith(("’s", "'s")) else word
        if core.endswith(".") and len(core) > 2:
            core, word = core[:-1], ""  # "Santiago Pena." ends the sentence and the name
        if core in _PARTICLES and words and _PARTICLED.match(text[cur + m.end() :]):
            cur += m.end()  # "Osama bin Laden", "Ursula von der Leyen"
            continue
        if not _NAME_WORD.fullmatch(core) or core in _NAME_STOP or core in NOT_A_FIRST_NAME:
            break
        end = cur + m.start(1) + len(core)
        words += 1
        cur = cur + m.end()
        if core != word:
            break  # a possessive ends the name
    return end if words else None


# "Blessed Mhlanga, a journalist with ...", "Evans Revere, a former State
# Department official": one to three capitalised words, a comma, an article and
# up to three words before the title that says what the person is.
_APPOSED_NAME = re.compile(
    r"((?:[A-Z][\w'’.-]*[a-z][\w'’.-]*\s+){0,2}[A-Z][\w'’.-]*[a-z][\w'’.-]*),\s+"
    r"(?:a|an|the)\s+(?:[\w'’.-]+\s+){0,3}$"
)


def named_before_title(text: str, title_start: int) -> tuple[int, int] | None:
    """The span of a name the apposition ending at ``title_start`` describes."""
    found = _APPOSED_NAME.search(text[max(0, title_start - 90) : title_start])
    if found is None:
        return None
    base = max(0, title_start - 90)
    start, end = base + found.start(1), base + found.end(1)
    words = found.group(1).split()
    if any(w in NOT_A_FIRST_NAME for w in words):
        return None
    at_start = start == 0 or bool(re.search(r"[.!?\n\"“]\s*$", text[:start]))
    if len(words) == 1 and at_start:
        return None  # "Meanwhile, the ..." is no name; a lone word there is too weak
    return start, end
