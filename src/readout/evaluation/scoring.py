"""Scoring extracted events against a gold file.

The matching rules are those of the project's shared scorer, so the numbers of
``readout eval`` and of that scorer agree: a prediction matches a gold event
when its type is accepted and the countries of its two sides fit (either order
for symmetric gold events); date and status are judged on matched pairs;
optional gold events are neutral; same-country predictions are set aside.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

_CODE_ALIASES = {
    "US": "USA",
    "UK": "GBR",
    "GB": "GBR",
    "RU": "RUS",
    "UA": "UKR",
    "FR": "FRA",
    "CN": "CHN",
}

Json = dict[str, Any]


def _code(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        value = value.get("country") or value.get("code")
        if not value:
            return None
    code = str(value).strip().upper()
    return _CODE_ALIASES.get(code, code)


def _accepted(value: Any) -> set[str | None]:
    if isinstance(value, list):
        return {_code(v) for v in value}
    return {_code(value)}


def _span(value: Any) -> tuple[dt.date, dt.date] | None:
    """Inclusive range of 'YYYY', 'YYYY-MM', 'YYYY-MM-DD' or {start, end}."""
    if value is None:
        return None
    if isinstance(value, dict):
        first, last = _span(value.get("start")), _span(value.get("end") or value.get("start"))
        return (first[0], last[1]) if first and last else None
    parts = str(value)[:10].split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2:
            return dt.date(year, month, 1), dt.date(
                year, month, calendar.monthrange(year, month)[1]
            )
        day = dt.date.fromisoformat(str(value)[:10])
        return day, day
    except ValueError:
        return None


def date_matches(gold: Any, pred: Any) -> bool:
    """The prediction lies within the gold range, one day of slack each side."""
    want = _span(gold)
    if want is None:
        return True
    got = _span(pred)
    if got is None:
        return False
    slack = dt.timedelta(days=1)
    return want[0] - slack <= got[0] and got[1] <= want[1] + slack


def _fits(code: str | None, accepted: set[str | None]) -> bool:
    return "*" in accepted or code in accepted


def actors_match(gold: Json, pred: Json) -> bool:
    src, tgt = _accepted(gold.get("source")), _accepted(gold.get("target"))
    ps, pt = _code(pred.get("source")), _code(pred.get("target"))
    if _fits(ps, src) and _fits(pt, tgt):
        return True
    return bool(gold.get("symmetric")) and _fits(pt, src) and _fits(ps, tgt)


def _types(gold: Json) -> set[str]:
    t = gold["type"]
    return set(t) if isinstance(t, list) else {t}


def _statuses(gold: Json, pred_type: str | None) -> set[str]:
    by_type = gold.get("status_by_type") or {}
    if pred_type in by_type:
        return {str(s) for s in by_type[pred_type]}
    s = gold.get("status")
    return {str(x) for x in s} if isinstance(s, list) else {str(s)}


def _said(pred: Json) -> str:
    return " ".join(
        json.dumps(a, ensure_ascii=False) for a in pred.get("attribution") or []
    ).lower()


@dataclass
class Tally:
    tp: int = 0
    tp_full: int = 0
    fp: int = 0
    fn: int = 0
    dates: int = 0
    dates_ok: int = 0
    statuses: int = 0
    statuses_ok: int = 0
    attrib: int = 0
    attrib_ok: int = 0
    lines: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in (
            "tp",
            "tp_full",
            "fp",
            "fn",
            "dates",
            "dates_ok",
            "statuses",
            "statuses_ok",
            "attrib",
            "attrib_ok",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.lines.extend(other.lines)


def pair_up(golds: list[Json], preds: list[Json]) -> list[tuple[int, int, bool, bool]]:
    """Greedy one-to-one pairs, required gold events first, then right date/status."""
    scored = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if p.get("type") in _types(g) and actors_match(g, p):
                d = date_matches(g.get("date"), p.get("date"))
                s = p.get("status") in _statuses(g, p.get("type"))
                scored.append((10 * (not g.get("optional")) + d + s, gi, pi, d, s))
    scored.sort(key=lambda row: -row[0])
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi, d, s in scored:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi, d, s))
    return pairs


def score_document(
    golds: list[Json], preds: list[Json], name: str = "", scope: str = "international"
) -> Tally:
    """Match one document's predictions to its gold events. In the default
    international scope, events within one country are set aside on both
    sides; ``scope="all"`` keeps them."""
    if scope == "international":
        preds = [p for p in preds if not _domestic(p)]
        golds = [g for g in golds if not _domestic_gold(g)]
    tally = Tally()
    pairs = pair_up(golds, preds)
    for gi, pi, d, s in pairs:
        g, p = golds[gi], preds[pi]
        if g.get("date") is not None:
            tally.dates += 1
            tally.dates_ok += d
        tally.statuses += 1
        tally.statuses_ok += s
        said = _said(p)
        for who in (g.get("said_by") or []) + (g.get("denied_by") or []):
            tally.attrib += 1
            tally.attrib_ok += who.lower() in said
        if not g.get("optional"):
            tally.tp += 1
            tally.tp_full += d and s
    matched_g = {gi for gi, *_ in pairs}
    matched_p = {pi for _, pi, *_ in pairs}
    for gi, g in enumerate(golds):
        if gi not in matched_g and not g.get("optional"):
            tally.fn += 1
            tally.lines.append(
                f"{name}: missed {g.get('id')} {g['type']} {g.get('source')}->{g.get('target')}"
            )
    for pi, p in enumerate(preds):
        if pi not in matched_p:
            tally.fp += 1
            tally.lines.append(
                f"{name}: extra {p.get('type')} {_code(p.get('source'))}->{_code(p.get('target'))}"
            )
    return tally


def _domestic(pred: Json) -> bool:
    s, t = _code(pred.get("source")), _code(pred.get("target"))
    return s is not None and s == t


def _domestic_gold(gold: Json) -> bool:
    """Both sides one and the same country (not 'any actor')."""
    s, t = _accepted(gold.get("source")), _accepted(gold.get("target"))
    return len(s) == 1 and s == t and not (s & {"*", None})


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def summarize(total: Tally) -> dict[str, float]:
    p = _ratio(total.tp, total.tp + total.fp)
    r = _ratio(total.tp, total.tp + total.fn)
    pf = _ratio(total.tp_full, total.tp + total.fp)
    rf = _ratio(total.tp_full, total.tp + total.fn)
    return {
        "event_f1": round(_f1(p, r), 3),
        "full_f1": round(_f1(pf, rf), 3),
        "precision": round(p, 3),
        "recall": round(r, 3),
        "date_acc": round(_ratio(total.dates_ok, total.dates), 3),
        "status_acc": round(_ratio(total.statuses_ok, total.statuses), 3),
        "attribution_recall": round(_ratio(total.attrib_ok, total.attrib), 3),
        "tp": total.tp,
        "fp": total.fp,
        "fn": total.fn,
    }


def score(
    gold_docs: Iterable[Json], predictions: dict[str, list[Json]], scope: str = "international"
) -> tuple[dict[str, float], Tally]:
    """Score predictions (by document file name) against gold documents."""
    total = Tally()
    for gold in gold_docs:
        found = predictions.get(gold["doc"], [])
        total.add(score_document(gold["events"], found, gold["doc"], scope))
    return summarize(total), total
