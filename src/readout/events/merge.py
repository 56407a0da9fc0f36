"""One event, many mentions within one article: merge them.

Articles repeat themselves ("the call", "their conversation", "the October 20
call between Rubio and Lavrov"): a mention of the same type and mode between
the same actors at a compatible time is the same event, and its sources add up.
"""

from __future__ import annotations

from dataclasses import replace

from readout.model import Actor, Attribution, DateSpan, Event

SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})
_STATUS_ORDER = (
    "cancelled", "postponed", "occurred", "ongoing", "planned", "hypothetical", "negated", "denied",
)  # fmt: skip


def _actor_fits(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return a is b
    if a.country != b.country:
        return False
    if a.kind == "person" and b.kind == "person":
        return a.name == b.name
    return True


def _sides_fit(x: Event, y: Event) -> bool:
    if _actor_fits(x.source, y.source) and _actor_fits(x.target, y.target):
        return True
    return (
        x.type in SYMMETRIC and _actor_fits(x.source, y.target) and _actor_fits(x.target, y.source)
    )


def _dates_fit(a: DateSpan | None, b: DateSpan | None) -> bool:
    if a is None or b is None:
        return True
    return a.start <= b.end and b.start <= a.end


def _modes_fit(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


_HAPPENED = frozenset({"occurred", "ongoing"})
# "during the discussion" (it happened) cannot mean talks still to come
_NOT_YET = frozenset({"planned", "hypothetical", "negated", "cancelled", "postponed"})


def _statuses_fit(a: str, b: str) -> bool:
    """'did not meet' and 'met' are two events, not one disputed event."""
    return not ({a, b} & {"negated"} and {a, b} & _HAPPENED)


def same_event(x: Event, y: Event) -> bool:
    return (
        x.type == y.type
        and _statuses_fit(x.status, y.status)
        and _modes_fit(x.mode, y.mode)
        and _sides_fit(x, y)
        and _dates_fit(x.date, y.date)
    )


def _narrower(a: DateSpan | None, b: DateSpan | None) -> DateSpan | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if (a.end - a.start) <= (b.end - b.start) else b


def combined_status(
    statuses: list[str], attribution: tuple[Attribution, ...], event_type: str = ""
) -> str:
    """Asserted by some and denied by others: disputed. Denying an accusation
    disputes its content, not that it was made."""
    denial_counts = event_type not in ("ACCUSE", "THREATEN")
    denied = "denied" in statuses or (
        denial_counts and any(a.stance == "denies" for a in attribution)
    )
    asserted = any(s in ("occurred", "ongoing") for s in statuses) or any(
        a.stance in ("asserts", "confirms") and a.kind != "publisher" for a in attribution
    )
    if denied and asserted:
        return "disputed"
    if "disputed" in statuses:
        return "disputed"
    for status in _STATUS_ORDER:
        if status in statuses:
            return status
    return statuses[0]


def _merge_two(x: Event, y: Event) -> Event:
    attribution = list(x.attribution)
    for a in y.attribution:
        if not any(b.name == a.name and b.stance == a.stance for b in attribution):
            attribution.append(a)
    statuses = [x.status, y.status]
    statuses.extend(s for k, s in x.extras + y.extras if k == "status")
    status = combined_status(statuses, tuple(attribution), x.type)
    # the merged event is no longer a bare anaphor, even if ``y`` was one
    kept = [e for e in x.extras + y.extras if e != ("anaphor", "1") or e in x.extras]
    extras = tuple(dict.fromkeys([*kept, ("status", x.status), ("status", y.status)]))
    return replace(
        x,
        mode=x.mode or y.mode,
        source=_fuller(x.source, y.source),
        target=_fuller(x.target, y.target),
        date=_narrower(x.date, y.date),
        status=status,
        hedged=x.hedged and y.hedged,
        location=x.location or y.location,
        attribution=tuple(attribution),
        evidence=x.evidence + y.evidence,
        extras=extras,
    )


def _fuller(a: Actor | None, b: Actor | None) -> Actor | None:
    """Prefer the named person over the bare state."""
    if a is None:
        return b
    if b is not None and a.kind != "person" and b.kind == "person" and a.country == b.country:
        return b
    return a


def _adverbial(date: DateSpan) -> bool:
    """'reported the call on Monday' (maybe the report's day) rather than a date
    that names the thing ('the 1987 agreement')."""
    first = date.text.split()[0].lower() if date.text.split() else ""
    return first in ("on", "in", "at", "during", "last", "this", "earlier", "since")


def is_anaphor(event: Event) -> bool:
    return ("anaphor", "1") in event.extras


def _anaphor_claims(event: Event) -> Event:
    """A later 'the call' brings its sources; a denial counts only when the
    mention itself is denied ("there was no call"), not one elsewhere in its
    sentence."""
    if event.date is not None and _adverbial(event.date):
        event = replace(event, date=None)  # maybe the day of the report, not of the event
    if event.status in ("denied", "negated"):
        return event
    kept = tuple(a for a in event.attribution if a.stance != "denies")
    return replace(event, attribution=kept)


def merge_mentions(events: list[Event]) -> list[Event]:
    """Merge mentions of one event; an anaphoric mention ("the call") joins
    the latest earlier event of its type, or is dropped."""
    merged: list[Event] = []
    for event in events:
        if is_anaphor(event):
            event = _anaphor_claims(event)
            for i in range(len(merged) - 1, -1, -1):
                existing = merged[i]
                if (
                    existing.type == event.type
                    and _modes_fit(existing.mode, event.mode)
                    and _dates_fit(existing.date, event.date)
                    and not (event.status in _HAPPENED and existing.status in _NOT_YET)
                    # "the 1987 agreement" is not just "the agreement": its own
                    # date must agree with a date of the event it names
                    and (event.date is None or existing.date is not None)
                ):
                    merged[i] = _merge_two(existing, event)
                    break
            continue
        for i, existing in enumerate(merged):
            if same_event(existing, event):
                merged[i] = _merge_two(existing, event)
                break
        else:
            merged.append(event)
    return merged


def implied_partners(events: list[Event]) -> list[Event]:
    """Complete an agreement whose sentence names one party ("the Biden
    administration finalized an extension") from the latest earlier agreement
    of that party ("the pact between the U.S. and Russia"): its other party."""
    out: list[Event] = []
    for event in events:
        known = event.source or event.target
        if (
            event.type == "AGREE"
            and known is not None
            and (event.source is None or event.target is None)
        ):
            for earlier in reversed(out):
                if earlier.type != "AGREE" or earlier.source is None or earlier.target is None:
                    continue
                others = [a for a in (earlier.source, earlier.target) if a.country != known.country]
                if len(others) == 1:
                    event = replace(
                        event, source=known, target=others[0],
                        extras=(*event.extras, ("implied_partner", "1")),
                    )  # fmt: skip
                    break
        out.append(event)
    return out
