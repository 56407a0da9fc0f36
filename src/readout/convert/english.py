"""English word forms for the converters: plurals, singular heads, display names.

The sources write everything upper case with underscores for spaces
(``BASHAR_AL-ASSAD``, ``ARMED_FORCES``). Words are lower-cased for lexicon
data; names of people and organisations get a display form in proper case
(``Bashar al-Assad``, ``John McCain``, ``Ban Ki-Moon``).
"""

from __future__ import annotations

import re

# Singular heads that the suffix rules below would get wrong.
_SINGULAR = {
    "men": "man", "women": "woman", "children": "child", "people": "people",
    "police": "police", "personnel": "personnel", "media": "media", "data": "data",
    "news": "news", "series": "series", "species": "species", "crises": "crisis",
    "analyses": "analysis", "bases": "base", "theses": "thesis", "hypotheses": "hypothesis",
    "diagnoses": "diagnosis", "knives": "knife", "lives": "life", "wives": "wife",
    "thieves": "thief", "halves": "half", "shelves": "shelf", "wolves": "wolf",
    "feet": "foot", "teeth": "tooth", "mice": "mouse", "shoes": "shoe", "canoes": "canoe",
    "headquarters": "headquarters", "means": "means", "politics": "politics",
    "economics": "economics", "logistics": "logistics",
}  # fmt: skip
_NO_PLURAL_ENDINGS = ("ss", "us", "is")


def singular(word: str) -> str:
    """The singular of a lower-case English noun (rule-based; unknown words unchanged)."""
    if word in _SINGULAR:
        return _SINGULAR[word]
    if len(word) <= 3 or not word.endswith("s") or word.endswith(_NO_PLURAL_ENDINGS):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes", "zes")):
        return word[:-2]
    if word.endswith("oes"):
        return word[:-2]
    return word[:-1]


def plural(word: str) -> str:
    """The regular plural of a lower-case English noun phrase's last word."""
    head, _, last = word.rpartition(" ")
    prefix = head + " " if head else ""
    if last.endswith("man") and last not in {"human", "german", "roman", "ottoman", "shaman"}:
        return prefix + last[:-3] + "men"
    if last == "child":
        return prefix + "children"
    if last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        return prefix + last[:-1] + "ies"
    if last.endswith(("s", "x", "z", "ch", "sh")):
        return prefix + last + "es"
    return prefix + last + "s"


def looks_plural(word: str) -> bool:
    """A last word already in the plural: no further plural is made from it."""
    last = word.rpartition(" ")[2]
    return last in _SINGULAR or (
        last.endswith("s") and not last.endswith(_NO_PLURAL_ENDINGS) and len(last) > 3
    )


def words_of(source: str) -> list[str]:
    """The words of a source phrase: underscores and runs of blanks separate them."""
    return source.replace("_", " ").split()


def lower_phrase(source: str) -> str:
    return " ".join(words_of(source)).lower()


# ---------------------------------------------------------------- display names

# Lower case inside a name (never as its first word).
_PARTICLES = {
    "al", "el", "ad", "ash", "as", "at", "az", "ar", "an", "ud", "ul", "bin", "ibn", "bint",
    "de", "del", "della", "der", "den", "di", "da", "das", "dos", "du", "la", "le", "van",
    "von", "y", "of", "the", "and", "for", "in", "on", "to", "des", "et", "zu",
}  # fmt: skip
_ROMAN = re.compile(r"^(?=[IVXL])(X{0,3})(IX|IV|V?I{0,3})$")
_UPPER_WORDS = {
    "UN", "U.N.", "US", "U.S.", "USA", "UK", "U.K.", "EU", "E.U.", "NATO", "ISIS", "ISIL",
    "CIA", "FBI", "KGB", "FSB", "NSA", "IRA", "ETA", "PKK", "ANC", "OAS", "AU", "ASEAN",
    "OPEC", "IAEA", "WHO", "UNICEF", "UNESCO", "UNHCR", "NGO", "TV", "II", "III", "IV",
}  # fmt: skip
_ACRONYM_MAX = 6
_SHORT_ACRONYM = 4  # a one-word body this short is written as its acronym


def _cap(part: str) -> str:
    """One hyphen- and apostrophe-free piece of a word, capitalised."""
    if not part:
        return part
    lower = part.lower()
    if lower.startswith("mc") and len(part) > 2:
        return "Mc" + lower[2:].capitalize()
    return lower.capitalize()


def _display_word(word: str, first: bool, organisation: bool) -> str:
    bare = word.strip("().,")
    if _ROMAN.match(bare) and not first:
        return word
    if word in _UPPER_WORDS:
        return word
    if word.lower() in _PARTICLES and not first:
        return word.lower()
    if organisation and _is_acronym(word):
        return word
    if "." in bare and len(bare.replace(".", "")) <= 2:
        return word.upper() if len(bare) > 2 else word.capitalize()  # "U.S." / "B."
    pieces = word.split("-")
    out = []
    for index, piece in enumerate(pieces):
        lower = piece.lower()
        leading = first and index == 0
        if lower in _PARTICLES and not leading and len(pieces) > 1 and index < len(pieces) - 1:
            out.append(lower)  # "al-Assad", "bin-Laden"
            continue
        if lower in _PARTICLES and not leading and len(pieces) == 1:
            out.append(lower)
            continue
        out.append(_apostrophes(piece))
    return "-".join(out)


def _apostrophes(piece: str) -> str:
    if "'" not in piece:
        return _cap(piece)
    head, _, tail = piece.partition("'")
    if len(head) == 1 and tail:  # O'Brien, D'Alema, N'Djamena
        return head.upper() + "'" + _cap(tail)
    return _cap(head) + "'" + tail.lower()  # Ng'andu, Sha'bi


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "").replace("&", "")
    if not letters.isalpha() or len(letters) > _ACRONYM_MAX:
        return False
    return "." in word or not any(c in "AEIOUY" for c in letters[1:])


def display_name(source: str, *, organisation: bool = False) -> str:
    """The proper-case display form of an upper-case source name."""
    words = words_of(source)
    if organisation and len(words) == 1 and len(words[0].replace(".", "")) <= _SHORT_ACRONYM:
        return words[0]  # a short one-word body is an acronym: "FBI", "NASA", "DGSE"
    return " ".join(
        _display_word(word, index == 0, organisation) for index, word in enumerate(words)
    )
