"""What one sentence leaves to the rest of the article.

After the mentions of an article are merged, some events still lack what
their own sentence did not say but an earlier one did: "During the
discussion, Rubio reaffirmed ..." happened when the discussion did.
"""

from __future__ import annotations

from dataclasses import replace

from readout.model import Event

FRAMED_BY = "framed_by"  # extras key: the event type of a framing "during the ..." noun


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
