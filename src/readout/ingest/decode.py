"""Decode a document's bytes to normalised text, trusting only evidence.

1. A byte-order mark names the encoding.
2. Strict UTF-8.
3. UTF-8 but for a few bad bytes (there are more valid multi-byte UTF-8
   characters than bad bytes): stays UTF-8, each bad byte becomes U+FFFD, and a
   one-line warning goes to the ``readout.ingest`` logger.
4. Otherwise a legacy code page, chosen by ``charset.guess_encoding`` (Western
   code pages first; refused when no reading is plausible).

Every failure becomes one ``InputError`` line naming the file, so a caller
can report it and move on to the next document.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from readout.errors import InputError
from readout.ingest.charset import guess_encoding

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
# Above this share of control characters a decoded "text" is really binary.
_MAX_CONTROL_SHARE = 0.02
log = logging.getLogger("readout.ingest")


def decode_bytes(doc: str, data: bytes) -> str:
    """Decode bytes to text (see the module's rules), then normalise it."""
    if not data.strip():
        raise InputError("file is empty or contains only whitespace", path=doc)
    text = _decode_with_bom(doc, data)
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


def _decode_with_bom(doc: str, data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                text = data.decode(encoding, errors="replace")
                _warn_replaced(doc, text.count("\ufffd"), encoding.upper())
                return text
    return None


def _decode_without_bom(doc: str, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = len(text) - len(text.encode("ascii", "ignore")) - bad
    if valid >= bad:  # real UTF-8 with a few damaged bytes
        _warn_replaced(doc, bad, "UTF-8")
        return text
    encoding = guess_encoding(data)
    if encoding is None:
        raise InputError("cannot decode the text (unknown character encoding)", path=doc)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:  # the guess was made on the beginning of a big file
        text = data.decode(encoding, errors="replace")
        _warn_replaced(doc, text.count("\ufffd"), encoding)
        return text


def _warn_replaced(doc: str, count: int, encoding: str) -> None:
    what = "1 byte that is" if count == 1 else f"{count} bytes that are"
    log.warning("%s: %s not valid %s replaced with U+FFFD", doc, what, encoding)


def _looks_binary(text: str) -> bool:
    """True when too many characters are controls or replacement characters."""
    sample = text[:20_000]
    odd = len(_ODD_CHARS.findall(sample))
    return odd > _MAX_CONTROL_SHARE * max(len(sample), 1)
