"""Guess the legacy code page of text that is not UTF-8, only on evidence.

Each candidate code page decodes the bytes, and the text is scored for what
mis-decoding produces: control characters, symbols inside words ("spotka³"),
words that mix scripts or flip case mid-word ("пРЕЗИДЕНТ"), Latin words made
mostly of accented letters ("Ïðåçèäåíò"), accented words no one language
spells ("Pøedseda": the text's best-fitting language must explain them),
Japanese without kana, and runs of Chinese characters without one of the
most common characters. The candidate with the fewest
such faults wins; on a tie the earlier one in ``CANDIDATES`` wins, so Western
code pages come before exotic ones and short texts without evidence stay
Windows-1252. A charset the document declares (``<meta charset>``) is used
when it decodes the bytes cleanly. Text whose best reading is still mostly
faults is refused rather than guessed.
"""

from __future__ import annotations

import codecs
import itertools
import re
import unicodedata

# In order of preference on a tie.
CANDIDATES: tuple[str, ...] = (
    "cp1252",  # Western European; a superset of ISO-8859-1's printable characters
    "iso8859_15",
    "cp1250",  # Central European
    "iso8859_2",
    "cp1254",  # Turkish
    "cp1251",  # Cyrillic
    "koi8_r",
    "cp1253",  # Greek
    "iso8859_7",
    "cp932",  # Japanese (Shift_JIS)
    "euc_jp",
    "gb18030",  # Chinese (GB2312, GBK)
    "big5",
    "cp949",  # Korean (EUC-KR)
)
# Score only the beginning of big texts: the evidence is there, and scoring stays fast.
SAMPLE_BYTES = 65_536
# Above this share of faulty words the best reading is still a guess: refuse it.
MAX_FAULT_SHARE = 0.25

_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
# Words: runs of anything but spaces and punctuation (ASCII, general, CJK, and the
# Spanish and French marks that stand next to words: ¡ ¿ « »).
_TOKEN = re.compile(
    r"[^\s!-/:-@\[-`{-~\u00a0\u00a1\u00ab\u00bb\u00bf\u2000-\u206f\u3000-\u303f\uff01-\uff0f]+"
)
# A symbol or punctuation mark with no space on either side ("‚М", "Н‰О"), other
# than apostrophes, hyphens, dashes and dots that do stand between words.
_GLUED_SYMBOL = re.compile(
    r"(?<=\S)[\u0080-\u00bf\u2012\u2015-\u2018\u201a-\u2025\u2027-\u2bff](?=\S)"
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")
# The accented letters of languages written in the Latin code pages above (lower case).
_LANGUAGE_LETTERS: dict[str, str] = {
    "French": "àâæçéèêëîïôœùûüÿ",
    "German": "äöüß",
    "Spanish": "áéíñóúü",
    "Portuguese": "áâãàçéêíóôõú",
    "Italian": "àèéìíîòóùú",
    "Dutch": "áéëïóöü",
    "Danish/Norwegian": "æøåé",
    "Swedish/Finnish": "åäöé",
    "Icelandic": "áðéíóúýþæö",
    "Polish": "ąćęłńóśźż",
    "Czech": "áčďéěíňóřšťúůýž",
    "Slovak": "áäčďéíĺľňóôŕšťúýž",
    "Croatian/Slovene": "čćđšž",
    "Hungarian": "áéíóöőúüű",
    "Romanian": "ăâîșşțţ",
    "Turkish": "çğıöşüî",
    "Albanian": "çë",
}
_LANGUAGES = {name: frozenset(letters) for name, letters in _LANGUAGE_LETTERS.items()}
_JAPANESE = frozenset({"cp932", "euc_jp"})
_CHINESE = frozenset({"gb18030", "big5"})
# Very common Chinese characters, simplified and traditional: real text has them in
# nearly every clause; Chinese decoded with the wrong code page rarely does.
_COMMON_HAN = frozenset(
    "的一是不了在人有我他这這个個们們中来來上大为為和国國地到以说說时時要就出会會可也你对對生"
    "能而子那得于於着著下自之年过過发發后後作里裡用道行所然家种種事成方多经經么麼去法学學如都同"
    "现現当當没沒动動面起看定天分还還进進好小部其些主样樣理心她本前开開但因只从從想实實日军軍者"
    "意无無力它与與长長把机機十民第公此已工使情明性知全三又关關点點正业業外将將两兩高间間由问問"
    "很最重并並物手应應战戰向头頭文体體政美相见見被利什二等产產或新己制身果加西斯月话話合回特代"
    "内內信表化老给給世位次度门門任常先海通教原东東提立及比员員解水名真论論处處走各入口认認条條"
    "平系气氣题題活更别別打女变變四总總何电電数數安少报報才结結反受目太量再感建务務做接必场場件"
    "计計管期市直德资資命山金指许許统統区區保至队隊形社空决決治展马馬科司五基书書非则則北南京"
)


def declared_charset(data: bytes) -> str | None:
    """The Python codec of a charset the document declares near its top, if Python knows it."""
    found = _DECLARED.search(data[:4096])
    if found is None:
        return None
    try:
        return codecs.lookup(found.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def guess_encoding(data: bytes) -> str | None:
    """The most plausible legacy code page for ``data``, or None when none is plausible."""
    sample = _sample(data)
    declared = declared_charset(sample)
    if declared in ("iso8859-1", "ascii"):
        declared = "cp1252"  # as browsers read them
    if declared is not None and not declared.startswith("utf") and _decodes(data, declared):
        return declared
    best: tuple[float, int, str] | None = None
    for rank, encoding in enumerate(CANDIDATES):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        faults, words = score(text, encoding)
        share = faults / max(words, 1)
        if best is None or (share, rank) < best[:2]:
            best = (share, rank, encoding)
    if best is None or best[0] > MAX_FAULT_SHARE:
        return None
    return best[2]


def score(text: str, encoding: str = "") -> tuple[float, int]:
    """(faults, words): how much of ``text`` looks mis-decoded, and how many words it has."""
    faults = 5.0 * len(_CONTROL.findall(text)) + len(_GLUED_SYMBOL.findall(text))
    tokens = _TOKEN.findall(text)
    accented: list[frozenset[str]] = []
    han = kana = 0
    for token in tokens:
        faults += _word_faults(token)
        letters = frozenset(ch for ch in token.lower() if ch.isalpha() and not ch.isascii())
        if letters and all(_script(ch) == "LATIN" for ch in letters):
            accented.append(letters)
        if encoding in _CHINESE and _is_han_run(token) and not _COMMON_HAN.intersection(token):
            faults += 1
        kana += sum(_script(ch) in ("HIRAGANA", "KATAKANA") for ch in token)
        han += sum(_script(ch) == "CJK" for ch in token)
    faults += _unexplained(accented)
    if encoding in _JAPANESE and han >= 10 and not kana:
        faults += han / 4  # Japanese prose always has kana
    return faults, len(tokens)


def _unexplained(words: list[frozenset[str]]) -> int:
    """Accented words that the language explaining most of them cannot spell."""
    if not words:
        return 0
    best = max(sum(letters <= alphabet for letters in words) for alphabet in _LANGUAGES.values())
    return len(words) - best


def _is_han_run(token: str) -> bool:
    return len(token) >= 4 and all(_script(ch) == "CJK" for ch in token)


def _word_faults(token: str) -> float:
    if token.isascii():
        return 0.0
    letters = [ch for ch in token if ch.isalpha()]
    if not letters:
        return 0.0
    faults = 0.0
    scripts = {_script_group(ch) for ch in letters}
    if len(scripts) > 1:
        faults += 1
    # A symbol inside a word: "spotka³", "£odzi".
    if any(not ch.isalnum() and not ch.isascii() for ch in token):
        faults += 1
    # Upper case after lower case within a non-ASCII word.
    for first, second in itertools.pairwise(token):
        if first.islower() and second.isupper() and not (first.isascii() and second.isascii()):
            faults += 1
            break
    if scripts == {"LATIN"} and len(letters) >= 3:
        accented = sum(not ch.isascii() for ch in letters)
        if accented * 2 > len(letters):
            faults += 1
    return faults


def _script(ch: str) -> str:
    """The script of a letter, by the first word of its Unicode name ("CJK" for Han)."""
    if ch.isascii():
        return "LATIN"
    first = unicodedata.name(ch, "OTHER").split(" ", 1)[0]
    return "CJK" if first in ("CJK", "IDEOGRAPHIC") else first


def _script_group(ch: str) -> str:
    """Scripts that share words: Japanese writes Han and kana together."""
    script = _script(ch)
    return "CJK" if script in ("HIRAGANA", "KATAKANA", "HALFWIDTH", "FULLWIDTH") else script


def _sample(data: bytes) -> bytes:
    """The first SAMPLE_BYTES, cut at a line end so no multi-byte character is split."""
    if len(data) <= SAMPLE_BYTES:
        return data
    cut = data.rfind(b"\n", 0, SAMPLE_BYTES)
    return data[: cut + 1] if cut > 0 else data[: SAMPLE_BYTES * 4]


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True
