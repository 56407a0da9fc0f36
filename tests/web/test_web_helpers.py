"""Pure helpers of the pages: escaping, URLs, highlight segments, timeline layout."""

from __future__ import annotations

import pytest

from readout.web.highlight import Span, segments
from readout.web.render import path_part, query, render, safe_href
from readout.web.timeline_svg import layout, ticks


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/a?b=1", "https://news.example/a?b=1"),
        ("http://news.example/", "http://news.example/"),
        ("javascript:alert(1)", None),
        ("JaVaScRiPt:alert(1)", None),
        (" data:text/html,<script>x</script>", None),
        ("//evil.example/x", None),
        ("https://", None),
        ("http://[broken", None),
        (None, None),
    ],
)
def test_only_http_urls_become_links(url: object, expected: str | None) -> None:
    assert safe_href(url) == expected


def test_path_parts_and_queries_are_encoded() -> None:
    assert path_part("country:RUS") == "country%3ARUS"
    assert path_part('a/../b"<x>') == "a%2F..%2Fb%22%3Cx%3E"
    assert query({"actor": "A&B=<c>", "type": "", "page": 2}) == "actor=A%26B%3D%3Cc%3E&page=2"


def test_segments_cover_the_text_and_split_at_span_edges() -> None:
    text = "Alpha met Beta. Gamma <b>left</b>."
    pieces = segments(text, [Span(0, 15, "e-1"), Span(10, 34, "e-2"), Span(40, 50, "e-3")])
    assert "".join(p.text for p in pieces) == text
    assert [(p.text, p.event_ids) for p in pieces] == [
        ("Alpha met ", ("e-1",)),
        ("Beta.", ("e-1", "e-2")),
        (" Gamma <b>left</b>.", ("e-2",)),
    ]


def test_segments_mark_the_focus_and_ignore_bad_offsets() -> None:
    text = "One. Two. Three."
    pieces = segments(text, [Span(5, 9, "e-1"), Span(9, 3, "e-bad")], focus=(5, 9))
    assert [(p.text, p.focus) for p in pieces] == [
        ("One. ", False),
        ("Two.", True),
        (" Three.", False),
    ]


def test_article_template_escapes_marked_text() -> None:
    from readout.web.highlight import Segment

    html = render(
        "article.html",
        title="<t>",
        article={"title": "<script>x</script>", "doc": "d", "events": []},
        segments=[Segment("<img src=x onerror=alert(1)>", 0, ("e-1",), True)],
        focused=True,
    )
    assert "<img src=x" not in html and "<script>x</script>" not in html
    assert '<mark class="focus" id="focus" data-events="e-1"' in html
    assert "&lt;img src=x onerror=alert(1)&gt;</mark>" in html


def event(event_id: str, type_: str, status: str, start: str, end: str | None = None) -> dict:
    return {
        "id": event_id,
        "type": type_,
        "status": status,
        "date": {"start": start, "end": end or start, "precision": "day", "text": ""},
        "source": {"name": "A"},
        "target": None,
    }


def test_layout_puts_types_in_lanes_and_dates_in_order() -> None:
    chart = layout(
        [
            event("e-2", "ASSAULT", "occurred", "2026-03-01"),
            event("e-1", "CONSULT", "planned", "2026-01-01", "2026-01-31"),
            event("e-3", "CONSULT", "denied", "2026-02-01"),
            {"id": "e-4", "type": "AID", "status": "occurred", "date": None},
        ]
    )
    assert [name for name, _ in chart.lanes] == ["CONSULT", "ASSAULT"]
    xs = {m.event_id: m for m in chart.markers}
    assert set(xs) == {"e-1", "e-2", "e-3"}
    assert xs["e-1"].x < xs["e-3"].x < xs["e-2"].x
    assert xs["e-1"].x_end > xs["e-1"].x  # a month-long span is drawn as a bar
    assert xs["e-1"].y == xs["e-3"].y != xs["e-2"].y
    assert all(110 <= m.x <= 940 for m in chart.markers)
    assert layout([]).markers == []


def test_layout_crosses_a_year_end() -> None:
    chart = layout(
        [
            event("e-1", "AID", "occurred", "2025-12-31"),
            event("e-2", "AID", "occurred", "2026-03-01"),
        ]
    )
    assert [t.label for t in chart.ticks][:2] == ["Jan 2026", "Feb 2026"]


def test_close_markers_in_one_lane_move_to_another_row() -> None:
    chart = layout([event(f"e-{i}", "CONSULT", "occurred", "2026-01-05") for i in range(2)])
    assert chart.markers[0].y != chart.markers[1].y


@pytest.mark.parametrize(
    ("first", "last", "first_label"),
    [
        ("2026-01-01", "2026-01-20", "01 Jan"),
        ("2025-01-10", "2026-01-10", "Feb 2025"),
        ("2000-05-01", "2026-01-01", "2002"),
    ],
)
def test_ticks_pick_a_readable_unit(first: str, last: str, first_label: str) -> None:
    import datetime as dt

    found = ticks(dt.date.fromisoformat(first), dt.date.fromisoformat(last))
    assert found[0][1] == first_label
    assert 2 <= len(found) <= 27
