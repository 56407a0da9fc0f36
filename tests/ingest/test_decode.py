"""Decoding bytes from many encodings, and the one-line errors for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from readout.errors import InputError
from readout.ingest.decode import decode_bytes, normalise_text, read_file_bytes

# A constructed news sentence with accents, curly quotes and a euro sign.
SENTENCE = "Le ministre a déclaré à Paris que l’accord coûtera 5 € par habitant."
LATIN_SENTENCE = "Le ministre a déclaré à Paris que l'accord coûtera cinq francs."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (SENTENCE.encode("utf-8"), SENTENCE),
        (SENTENCE.encode("utf-8-sig"), SENTENCE),
        (SENTENCE.encode("cp1252"), SENTENCE),
        (LATIN_SENTENCE.encode("latin-1"), LATIN_SENTENCE),
        (SENTENCE.encode("utf-16"), SENTENCE),  # with a BOM
        (SENTENCE.encode("utf-32"), SENTENCE),
    ],
    ids=["utf-8", "utf-8-bom", "cp1252", "latin-1", "utf-16", "utf-32"],
)
def test_decodes_common_encodings(data: bytes, expected: str) -> None:
    assert decode_bytes("doc.txt", data) == expected


def test_cp1252_paragraphs_decode() -> None:
    text = "Officials said the talks were “constructive” — and would resume.\n" * 20
    assert decode_bytes("doc.txt", text.encode("cp1252")) == text


def test_normalises_newlines_nfc_and_nbsp() -> None:
    raw = "First line\r\nSecond\rThird\u00a0word cafe\u0301"
    assert normalise_text(raw) == "First line\nSecond\nThird word café"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\t \r\n ", "empty"),
        ("   \n ".encode("utf-16"), "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(64), "binary"),
        (bytes(range(1, 32)) * 40, "binary"),
    ],
    ids=["empty", "whitespace", "utf16-whitespace", "png", "control-bytes"],
)
def test_bad_bytes_raise_one_line_input_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as err:
        decode_bytes("bad.txt", data)
    assert str(err.value).startswith("bad.txt: ")
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.txt: no such file"):
        read_file_bytes("nope.txt", tmp_path / "nope.txt", 100)


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_file_bytes("folder", tmp_path, 100)


def test_file_larger_than_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Talks continued. " * 20)
    with pytest.raises(InputError, match="too large"):
        read_file_bytes("big.txt", path, 100)
    assert read_file_bytes("big.txt", path, 1000).startswith(b"Talks")
