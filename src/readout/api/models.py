"""Request bodies and the documented error shape."""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel, Field, field_validator

from readout.limits import MAX_ARTICLE_CHARS, calendar_problem

# Terminal escape sequences (CSI ... final byte; OSC ... BEL or ST) carry no words.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?")


def _has_letters(text: str) -> bool:
    """True when something is left to read once escape sequences are taken out."""
    return any(ch.isalpha() for ch in _ESCAPES.sub("", text))


class ErrorDetail(BaseModel):
    code: int
    message: str


class ErrorOut(BaseModel):
    error: ErrorDetail


class ArticleIn(BaseModel):
    """An article to ingest; only ``text`` is required."""

    text: str = Field(min_length=1, max_length=MAX_ARTICLE_CHARS)
    title: str | None = Field(default=None, max_length=1_000)
    url: str | None = Field(default=None, max_length=2_000)
    outlet: str | None = Field(default=None, max_length=200)
    published: dt.date | None = None

    @field_validator("text")
    @classmethod
    def _has_words(cls, text: str) -> str:
        if not _has_letters(text):
            raise ValueError("the text has no words (only spaces, punctuation or control codes)")
        return text

    @field_validator("published")
    @classmethod
    def _in_calendar(cls, day: dt.date | None) -> dt.date | None:
        problem = calendar_problem(day) if day is not None else None
        if problem:
            raise ValueError(problem)
        return day


ERRORS: dict[int | str, dict[str, object]] = {
    404: {"model": ErrorOut, "description": "not found"},
    422: {"model": ErrorOut, "description": "invalid parameters"},
}
