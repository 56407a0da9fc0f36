"""The one exception type readout raises for problems a user can fix.

    ReadoutError              any user-facing failure; str() is one line
    ├── InputError            a file or record that cannot be read as an article
    ├── ExtractionError       an article the extractor failed on (the others go on)
    ├── KnowledgeBaseError    an actor or lexicon data file that does not load
    └── StoreError            the database cannot be opened or written

Every message names the thing at fault (usually a file path), so the CLI can
print ``readout: <message>`` and move on to the next file without a traceback.
Messages are one printable line: control characters (from file names, or from
the bytes of a damaged file) are shown as ``\\xNN`` escapes, never sent raw.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with control characters (other than tab and newline) escaped as ``\\xNN``."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class ReadoutError(Exception):
    """A problem the user can act on. ``str(err)`` is a single line."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        one_line = " ".join(printable(message).split())
        super().__init__(f"{printable(path)}: {one_line}" if path else one_line)


class InputError(ReadoutError):
    """A file or feed record that is not a readable article."""


class ExtractionError(ReadoutError):
    """An article the extractor failed on; the other articles are still read."""


class KnowledgeBaseError(ReadoutError):
    """An actor, lexicon or pattern data file that is malformed."""


class StoreError(ReadoutError):
    """The DuckDB store cannot be opened, migrated or written."""
