"""Remove page furniture from article text and find its title and date line.

The rules are general (menus, date lines, credits, bylines, link lists),
line-based and pure string work, so cleaning costs about a millisecond.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from readout.ingest.boilerplate import (
    is_byline,
    is_credit_line,
    is_furniture_line,
    is_headline_like,
    is_menu_line,
    is_related_marker,
)
from readout.ingest.dates import match_leading_date

# A publication date line is only believed near the top of the text.
DATE_WINDOW = 5
# Fewer consecutive headline-like lines than this are subheadings, not a link list.
MIN_HEADLINE_RUN = 3


@dataclass(frozen=True)
class CleanText:
    text: str
    published: dt.date | None
    title: str | None
    dropped: tuple[str, ...]


def clean_text(text: str) -> CleanText:
    """Drop boilerplate lines; report the title, the dateline's date and what was dropped."""
    lines = [line.strip() for line in text.split("\n")]
    keep = [bool(line) for line in lines]
    published = _drop_top_date_lines(lines, keep)
    _drop_furniture(lines, keep)
    _drop_marked_link_lists(lines, keep)
    title_index = _title_index(lines, keep)
    _drop_trailing_headlines(lines, keep, title_index)
    dropped = tuple(line for line, kept in zip(lines, keep, strict=True) if line and not kept)
    dropped += _trim_contributor_credit(lines, keep)
    return CleanText(
        text=_assemble(lines, keep),
        published=published,
        title=lines[title_index] if title_index is not None else None,
        dropped=dropped,
    )


def _nonblank(lines: list[str], keep: list[bool]) -> list[int]:
    return [i for i, line in enumerate(lines) if line and keep[i]]


def _drop_top_date_lines(lines: list[str], keep: list[bool]) -> dt.date | None:
    """Drop date lines (optionally followed by a menu) among the first lines; return the first date."""
    published: dt.date | None = None
    for i in _nonblank(lines, keep)[:DATE_WINDOW]:
        found = match_leading_date(lines[i])
        if found is None:
            continue
        date, rest = found
        if rest and not is_menu_line(rest):
            continue
        keep[i] = False
        published = published or date
    return published


def _drop_furniture(lines: list[str], keep: list[bool]) -> None:
    for i in _nonblank(lines, keep):
        line = lines[i]
        if is_menu_line(line) or is_credit_line(line) or is_byline(line) or is_furniture_line(line):
            keep[i] = False


def _drop_marked_link_lists(lines: list[str], keep: list[bool]) -> None:
    """After a "Related" / "Read more" marker, drop the marker and the headlines under it."""
    indices = _nonblank(lines, keep)
    position = 0
    while position < len(indices):
        i = indices[position]
        position += 1
        if not is_related_marker(lines[i]):
            continue
        keep[i] = False
        while position < len(indices) and is_headline_like(lines[indices[position]]):
            keep[indices[position]] = False
            position += 1


def _title_index(lines: list[str], keep: list[bool]) -> int | None:
    """The first kept line, when it is headline-like and body text follows it."""
    indices = _nonblank(lines, keep)
    if len(indices) < 2 or not is_headline_like(lines[indices[0]]):
        return None
    rest = indices[1:]
    if any(not is_headline_like(lines[i]) for i in rest):
        return indices[0]
    return None


def _drop_trailing_headlines(lines: list[str], keep: list[bool], title_index: int | None) -> None:
    """Drop a run of at least three headline-like lines that ends the article."""
    indices = [i for i in _nonblank(lines, keep) if i != title_index]
    run: list[int] = []
    for i in reversed(indices):
        if not is_headline_like(lines[i]):
            break
        run.append(i)
    # Never empty the article: some body text must remain before the run.
    if len(run) >= MIN_HEADLINE_RUN and len(run) < len(indices):
        for i in run:
            keep[i] = False


# "Jane Roe contributed to this report." closing the last paragraph: a credit, not news
_CONTRIBUTOR = re.compile(
    r"(?:^|(?<=[.!?”\"’]\s))[^.!?\n]{1,120}?\bcontributed (?:to this (?:report|story|article)"
    r"|reporting)\b[^.!?\n]{0,80}[.!]?\s*$"
)


def _trim_contributor_credit(lines: list[str], keep: list[bool]) -> tuple[str, ...]:
    """Cut a contributor credit from the end of the last kept line; what was cut."""
    indices = _nonblank(lines, keep)
    if not indices:
        return ()
    i = indices[-1]
    found = _CONTRIBUTOR.search(lines[i])
    if found is None:
        return ()
    lines[i] = lines[i][: found.start()].rstrip()
    keep[i] = bool(lines[i])
    return (found.group().strip(),)


def _assemble(lines: list[str], keep: list[bool]) -> str:
    """Join the kept lines, keeping paragraph breaks but no runs of blank lines."""
    out: list[str] = []
    for line, kept in zip(lines, keep, strict=True):
        if kept:
            out.append(line)
        elif not line and out and out[-1]:
            out.append("")
    return "\n".join(out).strip()
