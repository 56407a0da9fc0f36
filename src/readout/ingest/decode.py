"""Read a file's bytes safely and decode them to normalised text.

Every failure becomes one ``InputError`` line naming the file, so a caller
can report it and move on to the next document.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from readout.errors import InputError

# Byte-order marks, longest first so UTF-32 is not mistaken for UTF-16.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters (other than tab, newlines, form feed) and U+FFFD mark binary data.
_ODD_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_TIE_BREAK_ENCODING = "cp1252"
# Above this share of control characters a decoded "text" is really binary.
_MAX_CONTROL_SHARE = 0.02


def check_file(doc: str, path: Path) -> None:
    """Raise InputError unless ``path`` is an existing, readable file (reads nothing)."""
    if not path.exists():
        raise InputError("no such file", path=doc)
    if path.is_dir():
        raise InputError("is a directory, not a file", path=doc)
    if not os.access(path, os.R_OK):
        raise InputError("cannot read file (permission denied)", path=doc)


def read_file_bytes(doc: str, path: Path, max_bytes: int) -> bytes:
    """Return the file's bytes, or raise InputError for missing, folder, unreadable, too big."""
    check_file(doc, path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"file is too large ({size} bytes; limit {max_bytes})", path=doc)
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror or exc})", path=doc) from exc


def read_stream_bytes(doc: str, stream: BinaryIO, max_bytes: int) -> bytes:
    """Read at most ``max_bytes`` from a stream; one byte more means it is too large."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"input is too large (limit {max_bytes} bytes)", path=doc)
    return data


def decode_bytes(doc: str, data: bytes) -> str:
    """Decode bytes to text: BOM, else UTF-8, else charset-normalizer; then normalise."""
    if not data.strip():
        raise InputError("file is empty or contains only whitespace", path=doc)
    text = _decode_with_bom(data)
    if text is None:
        if b"\x00" in data:
            raise InputError("looks like a binary file (contains NUL bytes)", path=doc)
        text = _decode_without_bom(doc, data)
    if _looks_binary(text):
        raise InputError("looks like a binary file (mostly non-text characters)", path=doc)
    text = normalise_text(text)
    if not text.strip():
        raise InputError("file is empty or contains only whitespace", path=doc)
    return text


def normalise_text(text: str) -> str:
    """Unify newlines, compose characters (NFC) and turn non-breaking spaces into spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2007", " ")


def _decode_with_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _decode_without_bom(doc: str, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError("cannot decode the text (unknown character encoding)", path=doc)
    # On short texts several code pages score the same; for English-language news
    # the usual legacy encoding is Windows-1252, so it wins a tie.
    for match in matches:
        tied = match.chaos == best.chaos and match.coherence == best.coherence
        if tied and match.encoding == _TIE_BREAK_ENCODING:
            return str(match)
    return str(best)


def _looks_binary(text: str) -> bool:
    """True when too many characters are controls or replacement characters."""
    sample = text[:20_000]
    odd = len(_ODD_CHARS.findall(sample))
    return odd > _MAX_CONTROL_SHARE * max(len(sample), 1)
