"""Limits on how much one request may ask for, and page arithmetic."""

from __future__ import annotations

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000


def page_count(total: int, size: int) -> int:
    """How many pages of ``size`` hold ``total`` rows; an empty list is one page."""
    return max(1, -(-total // size))


def page_offset(page_no: int, size: int) -> int:
    """The offset of the first row on page ``page_no`` (counted from 1)."""
    return (max(1, page_no) - 1) * size
