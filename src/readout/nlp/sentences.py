"""Fast rule-based sentence splitting with character offsets.

spaCy's parser would split sentences too, but we only parse the sentences that
can hold an event, so the split has to come first and cost almost nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a period does not end a sentence.
_ABBREV = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt adm sen rep gov pres st jr sr
    no vs etc inc ltd corp co dept univ approx fig est jan feb mar apr jun jul aug
    sep sept oct nov dec mon tue wed thu fri sat sun rev hon amb""".split()
)

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) then
# whitespace and an opening quote, bracket, digit or capital letter.
_BOUNDARY = re.compile(r"""[.!?…]+["'”’)\]]*\s+(?=["'“‘(\[]?[A-Z0-9À-Ý])""")
_PARAGRAPH = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True)
class Sentence:
    start: int  # character offsets into the article text
    end: int
    text: str
    paragraph: int  # index of the paragraph (line block) it belongs to


def _ends_with_abbreviation(chunk: str) -> bool:
    match = re.search(r"(\b[\w.]+)\.\W*$", chunk.rstrip())
    if not match:
        return False
    word = match.group(1)
    if word.lower().rstrip(".") in _ABBREV:
        return True
    # Initials and dotted acronyms: "U.S.", "J.", "U.N."
    return bool(re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word))


def _split_block(text: str, offset: int, paragraph: int) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        candidate = text[start:end]
        if _ends_with_abbreviation(text[start : match.start() + 1]) and not _acronym_ends(
            text, match
        ):
            continue
        if candidate.strip():
            out.append(_make(text, start, end, offset, paragraph))
        start = end
    if text[start:].strip():
        out.append(_make(text, start, len(text), offset, paragraph))
    return out


def _acronym_ends(text: str, match: re.Match[str]) -> bool:
    """'... imposed by the U.S. The next day ...': an acronym can end a sentence
    when the next word is a common sentence opener."""
    following = text[match.end() : match.end() + 12].split(" ")[0]
    return following in {"The", "It", "He", "She", "They", "We", "This", "That", "But", "In", "On"}


def _make(text: str, start: int, end: int, offset: int, paragraph: int) -> Sentence:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk.rstrip())
    return Sentence(offset + start + lead, offset + start + trail, chunk[lead:trail], paragraph)


def split_sentences(text: str) -> list[Sentence]:
    """Split an article into sentences, each with offsets and a paragraph index."""
    sentences: list[Sentence] = []
    pos = 0
    paragraph = 0
    for match in _PARAGRAPH.finditer(text + "\n"):
        block = text[pos : match.start()]
        if block.strip():
            sentences.extend(_split_block(block, pos, paragraph))
            paragraph += 1
        pos = match.end()
    return sentences
