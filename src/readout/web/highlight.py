"""Cut an article's text into plain and highlighted pieces by evidence offsets.

The template escapes each piece and wraps highlighted ones in ``<mark>``; the
text itself is never treated as markup, so offsets can't split a tag open.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    event_id: str


@dataclass(frozen=True)
class Segment:
    text: str
    start: int
    event_ids: tuple[str, ...] = ()
    focus: bool = False  # inside the span the reader came to see


def valid_spans(spans: list[Span], length: int) -> list[Span]:
    """Spans clamped into the text; empty or inverted ones dropped."""
    kept = []
    for span in spans:
        start, end = max(0, span.start), min(length, span.end)
        if start < end:
            kept.append(Span(start, end, span.event_id))
    return kept


def segments(text: str, spans: list[Span], focus: tuple[int, int] | None = None) -> list[Segment]:
    """The text in order, split at every span edge; each piece knows its events."""
    spans = valid_spans(spans, len(text))
    cuts = {0, len(text)}
    for span in spans:
        cuts.update((span.start, span.end))
    if focus is not None:
        cuts.update(edge for edge in focus if 0 <= edge <= len(text))
    edges = sorted(cuts)
    pieces = []
    for start, end in itertools.pairwise(edges):
        ids = tuple(dict.fromkeys(s.event_id for s in spans if s.start <= start and end <= s.end))
        inside = focus is not None and focus[0] <= start and end <= focus[1]
        pieces.append(Segment(text[start:end], start, ids, inside and bool(ids)))
    return pieces
