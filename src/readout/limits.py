"""The limits that keep every input's cost bounded, in one place.

Each limit turns an input that would take unbounded time or memory into a
one-line error (or, for sentences, a split), so one hostile file never stalls
an ingest or a server. The README's "Limits" section lists them; a test
checks that it names each one.
"""

from __future__ import annotations

import datetime as dt

# A file that holds one article (text, HTML, a JSON document): read at most this much.
MAX_DOCUMENT_BYTES = 10_000_000
# One JSON Lines record (a feed itself may be any size: it is read line by line).
MAX_LINE_BYTES = 8_000_000
# One WARC record's payload.
MAX_RECORD_BYTES = MAX_DOCUMENT_BYTES
# An article's text after extraction and cleaning (about 160,000 words).
MAX_ARTICLE_CHARS = 1_000_000
# Longer "sentences" (tables, lists run together) are cut into pieces before parsing,
# so parsing time stays linear in the length of the text.
MAX_SENTENCE_CHARS = 1_000
# Articles extracted together: at most this many, and at most this many characters.
BATCH_ARTICLES = 32
BATCH_CHARS = 1_000_000
# A request body sent to the server (POST /api/v1/articles), checked before it is read.
MAX_BODY_BYTES = MAX_LINE_BYTES

# Dates readout reads and stores: publication dates outside are refused with a
# message, and dates read from text outside are left unresolved. The margin to
# Python's year 1 and year 9999 keeps all date arithmetic safe.
EARLIEST_DATE = dt.date(1000, 1, 1)
LATEST_DATE = dt.date(2999, 12, 31)

LIMITS: dict[str, int] = {
    "MAX_DOCUMENT_BYTES": MAX_DOCUMENT_BYTES,
    "MAX_LINE_BYTES": MAX_LINE_BYTES,
    "MAX_RECORD_BYTES": MAX_RECORD_BYTES,
    "MAX_ARTICLE_CHARS": MAX_ARTICLE_CHARS,
    "MAX_SENTENCE_CHARS": MAX_SENTENCE_CHARS,
    "BATCH_ARTICLES": BATCH_ARTICLES,
    "BATCH_CHARS": BATCH_CHARS,
    "MAX_BODY_BYTES": MAX_BODY_BYTES,
}


def calendar_problem(day: dt.date) -> str | None:
    """Why ``day`` is outside the dates readout handles, or None when it is inside."""
    if EARLIEST_DATE <= day <= LATEST_DATE:
        return None
    return f"{day.isoformat()} is outside the supported dates ({EARLIEST_DATE} to {LATEST_DATE})"
