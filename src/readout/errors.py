"""The one exception type readout raises for problems a user can fix.

    ReadoutError              any user-facing failure; str() is one line
    ├── InputError            a file or record that cannot be read as an article
    ├── KnowledgeBaseError    an actor or lexicon data file that does not load
    └── StoreError            the database cannot be opened or written

Every message names the thing at fault (usually a file path), so the CLI can
print ``readout: <message>`` and move on to the next file without a traceback.
"""

from __future__ import annotations


class ReadoutError(Exception):
    """A problem the user can act on. ``str(err)`` is a single line."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        one_line = " ".join(message.split())
        super().__init__(f"{path}: {one_line}" if path else one_line)


class InputError(ReadoutError):
    """A file or feed record that is not a readable article."""


class KnowledgeBaseError(ReadoutError):
    """An actor, lexicon or pattern data file that is malformed."""


class StoreError(ReadoutError):
    """The DuckDB store cannot be opened, migrated or written."""
