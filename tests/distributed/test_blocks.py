"""Blocking never separates two mentions the store's merge rules would join.

If this fails after a change to ``store.merge`` (new windows, new matching rules),
widen ``distributed.blocks`` to match: a run would otherwise differ from an ingest.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from readout.distributed.blocks import reach, side_groups
from readout.store.merge import SYMMETRIC_TYPES, EventFacts, MentionFacts, Side, Span, choose_event

SIDES = [
    Side("country:RUS", None, "RUS"),
    Side("sergey-lavrov", "sergey-lavrov", "RUS"),
    Side("vladimir-putin", "vladimir-putin", "RUS"),
    Side("country:USA", None, "USA"),
    Side("marco-rubio", "marco-rubio", "USA"),
    Side("nato", "nato", "NATO"),
    Side("rebels", None, None),
    Side("a-spokesman", None, None),
]
DAY0 = dt.date(2025, 1, 1)

days = st.integers(min_value=0, max_value=120)
sides = st.one_of(st.none(), st.sampled_from(SIDES))


@st.composite
def spans(draw: st.DrawFn) -> Span | None:
    if draw(st.booleans()):
        return None
    start = DAY0 + dt.timedelta(draw(days))
    width = draw(st.sampled_from([0, 0, 1, 6, 30, 364]))
    return Span(start, start + dt.timedelta(width), "day" if width == 0 else "month")


# Articles a1..a3; a3 is a near-duplicate of a1 (mention facts name both, as the store does).
ARTICLES = {"a1": frozenset({"a1"}), "a2": frozenset({"a2"}), "a3": frozenset({"a3", "a1"})}


def own(articles: frozenset[str]) -> str:
    """The mention's own article: the one that is not its original."""
    return "a3" if "a3" in articles else min(articles)


def family(articles: frozenset[str]) -> str:
    """The original if there is one, else the article itself (as blocks.py keys it)."""
    return "a1" if "a1" in articles else own(articles)


@st.composite
def mentions(draw: st.DrawFn) -> MentionFacts:
    published = draw(st.one_of(st.none(), days.map(lambda d: DAY0 + dt.timedelta(d))))
    return MentionFacts(
        draw(st.sampled_from(["CONSULT", "ACCUSE"])),
        draw(st.sampled_from([None, "meet", "visit", "phone"])),
        draw(sides),
        draw(sides),
        draw(spans()),
        published,
        draw(st.sampled_from([None, "Geneva", "Doha"])),
        ARTICLES[draw(st.sampled_from(sorted(ARTICLES)))],
    )


def _pair(m: MentionFacts, groups: dict[str, str]) -> tuple[str, str, str]:
    a = groups[m.source.key] if m.source else "-"
    b = groups[m.target.key] if m.target else "-"
    if m.type in SYMMETRIC_TYPES and b < a:
        a, b = b, a
    return (m.type, a, b)


def _overlap(x: tuple[dt.date, dt.date] | None, y: tuple[dt.date, dt.date] | None) -> bool:
    return x is not None and y is not None and x[0] <= y[1] and y[0] <= x[1]


@st.composite
def pairs(draw: st.DrawFn) -> tuple[MentionFacts, MentionFacts]:
    """Two mentions, the second mostly a near copy of the first: the cases that merge."""
    m = draw(mentions())
    n = draw(mentions())
    edges = [-38, -37, -31, -30, -29, -28, -8, -7, -6, -2, -1, 0, 1, 2, 6, 7, 8, 28, 29, 30, 31]
    shift = dt.timedelta(draw(st.one_of(st.sampled_from(edges), st.integers(-45, 45))))
    if draw(st.booleans()):
        start = (m.span.start if m.span else m.published or DAY0) + shift
        width = dt.timedelta(draw(st.sampled_from([0, 1, 30])))
        span = Span(start, start + width, "day")
        n = MentionFacts(
            m.type if draw(st.integers(0, 9)) else n.type,
            n.mode,
            m.source if draw(st.integers(0, 4)) else n.source,
            m.target if draw(st.integers(0, 4)) else n.target,
            span if draw(st.booleans()) else n.span,
            m.published + shift if m.published and draw(st.booleans()) else n.published,
            n.location,
            m.articles if draw(st.booleans()) else n.articles,
        )
    return m, n


@settings(max_examples=1500, deadline=None)
@given(pairs())
def test_a_mention_only_joins_an_event_of_its_own_block(
    pair: tuple[MentionFacts, MentionFacts],
) -> None:
    m, n = pair
    # ``n`` started an event (an event's date and sides are always one of its reports').
    reports = frozenset({own(n.articles)})  # the article it was read from
    event = EventFacts(
        "e-1", n.type, n.mode, n.source, n.target, n.span, n.published, 1, n.location, reports
    )
    if choose_event(m, [event]) is None:
        return
    groups = side_groups((s.key, s.country) for s in SIDES)
    assert _pair(m, groups) == _pair(n, groups)
    reach_m = reach(m.span.start if m.span else None, m.span.end if m.span else None, m.published)
    reach_n = reach(n.span.start if n.span else None, n.span.end if n.span else None, n.published)
    assert _overlap(reach_m, reach_n) or family(m.articles) == family(n.articles)


def test_keys_sharing_a_country_are_one_group() -> None:
    groups = side_groups([("lavrov", "RUS"), ("country:RUS", "RUS"), ("rubio", "USA"), ("x", None)])
    assert groups["lavrov"] == groups["country:RUS"] != groups["rubio"]
    assert groups["x"] not in {groups["lavrov"], groups["rubio"]}
