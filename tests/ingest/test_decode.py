"""Decoding bytes from many encodings, and the one-line errors for bad files."""

from __future__ import annotations

import pytest

from readout.errors import InputError
from readout.ingest.decode import decode_bytes, normalise_text

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


# Constructed sentences in each language whose legacy code pages readout claims to read.
SHORT = {
    "French": "Le président a rencontré le ministre à Genève pour discuter de la sécurité.",
    "German": "Der Außenminister traf sich am Dienstag in München mit seinem Amtskollegen.",
    "Spanish": "¿Qué dijo el presidente? Se reunió con el ministro en Bogotá el miércoles.",
    "Polish": "Prezydent spotkał się z premierem w Łodzi we wtorek, poinformowała kancelaria.",
    "Czech": "Předseda vlády se ve čtvrtek setkal s ministrem zahraničí v Praze.",
    "Turkish": "Erdoğan ve Putin Soçi'de görüştü, Dışişleri Bakanlığı açıkladı.",
    "Russian": "Президент России встретился с министром иностранных дел в Москве.",
    "Ukrainian": "Міністр закордонних справ України зустрівся з колегою у Києві.",
    "Greek": "Ο πρωθυπουργός συναντήθηκε με τον πρόεδρο στην Αθήνα την Τρίτη.",
    "Japanese": "日本の首相は火曜日に東京で米国の大統領と会談した。",
    "Chinese": "中国外交部长周二在北京会见了美国国务卿。",
    "Korean": "한국 대통령은 화요일 서울에서 미국 국무장관을 만났다.",
}
CLAIMED = [
    ("French", "cp1252"),
    ("French", "latin-1"),
    ("French", "iso8859-15"),
    ("German", "cp1252"),
    ("Spanish", "latin-1"),
    ("Polish", "cp1250"),
    ("Polish", "iso8859-2"),
    ("Czech", "cp1250"),
    ("Czech", "iso8859-2"),
    ("Turkish", "cp1254"),
    ("Turkish", "iso8859-9"),
    ("Russian", "cp1251"),
    ("Russian", "koi8-r"),
    ("Ukrainian", "cp1251"),
    ("Greek", "cp1253"),
    ("Greek", "iso8859-7"),
    ("Japanese", "shift_jis"),
    ("Japanese", "euc-jp"),
    ("Chinese", "gbk"),
    ("Chinese", "gb18030"),
    ("Korean", "euc-kr"),
]


@pytest.mark.parametrize("length", ["short", "long"])
@pytest.mark.parametrize(
    ("language", "encoding"), CLAIMED, ids=[f"{lang}-{enc}" for lang, enc in CLAIMED]
)
def test_claimed_legacy_encodings(language: str, encoding: str, length: str) -> None:
    text = SHORT[language] if length == "short" else "\n".join([SHORT[language]] * 40)
    assert decode_bytes("doc.txt", text.encode(encoding)) == text


# Short English texts with one or two Western accents: the kind that came back as
# CJK or hp_roman8 when the detector chose among every code page it knew.
SHORT_WESTERN = [
    "Café talks resumed.",
    "Señor Pérez met the envoy.",
    "The naïve plan failed.",
    "Zürich hosted the talks on Monday.",
    "Officials in Besançon said so.",
    "Ålesund port reopened.",
    "Müller resigned.",
    "São Tomé signed the accord.",
    "élan",
]


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
@pytest.mark.parametrize("text", SHORT_WESTERN)
def test_short_western_texts_stay_western(text: str, encoding: str) -> None:
    assert decode_bytes("doc.txt", text.encode(encoding)) == text


def test_utf8_with_a_bad_byte_stays_utf8_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    good = "President Erdoğan met Putin in Sochi on Monday, the Kremlin said.".encode()
    data = good[:35] + b"\xff" + good[35:]
    with caplog.at_level("WARNING", logger="readout.ingest"):
        text = decode_bytes("bad.txt", data)
    assert "Erdoğan" in text and text.count("\ufffd") == 1
    assert caplog.messages == ["bad.txt: 1 byte that is not valid UTF-8 replaced with U+FFFD"]


def test_declared_charset_wins_when_it_decodes() -> None:
    html = '<html><head><meta charset="windows-1251"></head><body>Москва</body></html>'
    assert decode_bytes("p.html", html.encode("cp1251")) == html


def test_random_bytes_are_refused_not_guessed() -> None:
    noise = bytes((i * 7919 + 13) % 251 + 1 for i in range(4000))
    with pytest.raises(InputError, match=r"(binary|cannot decode)"):
        decode_bytes("noise.bin", noise)
