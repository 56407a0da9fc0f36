"""Request bodies and the documented error shape."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, Field


class ErrorDetail(BaseModel):
    code: int
    message: str


class ErrorOut(BaseModel):
    error: ErrorDetail


class ArticleIn(BaseModel):
    """An article to ingest; only ``text`` is required."""

    text: str = Field(min_length=1, max_length=1_000_000)
    title: str | None = Field(default=None, max_length=1_000)
    url: str | None = Field(default=None, max_length=2_000)
    outlet: str | None = Field(default=None, max_length=200)
    published: dt.date | None = None


ERRORS: dict[int | str, dict[str, object]] = {
    404: {"model": ErrorOut, "description": "not found"},
    422: {"model": ErrorOut, "description": "invalid parameters"},
}
