"""Reading a PETRARCH dictionary file: numbered lines without their comments.

The dictionaries mark comments with ``#`` (anywhere on a line) and, as a
legacy of TABARI, with ``;``. Each converter reads :class:`Line` records so
that what it drops or rejects can be named by file and line number.
"""

from __future__ import annotations

import pathlib
from dataclasses import dataclass

from readout.errors import KnowledgeBaseError


@dataclass(frozen=True)
class Line:
    number: int  # 1-based, as an editor shows it
    raw: str  # the line as written, without its newline
    text: str  # the line before any comment, right-stripped
    comment: str  # what followed the comment mark, stripped


@dataclass(frozen=True)
class Dropped:
    """A source entry the converter leaves out, and why (reported, not raised)."""

    file: str
    line: int
    reason: str
    text: str


PETRARCH_MARKS = ("#", ";")


def split_comment(raw: str, marks: tuple[str, ...] = PETRARCH_MARKS) -> tuple[str, str]:
    """(text, comment): the comment starts at the first of ``marks``."""
    cut = len(raw)
    for mark in marks:
        at = raw.find(mark)
        if at != -1:
            cut = min(cut, at)
    return raw[:cut].rstrip(), raw[cut + 1 :].strip()


def parse_lines(text: str, marks: tuple[str, ...] = PETRARCH_MARKS) -> list[Line]:
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        body, comment = split_comment(raw, marks)
        lines.append(Line(number, raw, body, comment))
    return lines


def read_lines(path: pathlib.Path, marks: tuple[str, ...] = PETRARCH_MARKS) -> list[Line]:
    """Every line of a UTF-8 dictionary file, or a one-line error naming it."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise KnowledgeBaseError(f"{path}: cannot read ({type(err).__name__})") from None
    return parse_lines(text, marks)


def fail(path: str | pathlib.Path, line: int, message: str) -> KnowledgeBaseError:
    """The error for a structural problem at one line of a source file."""
    return KnowledgeBaseError(f"{path}:{line}: {message}")
