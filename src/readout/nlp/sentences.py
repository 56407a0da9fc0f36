"""Fast rule-based sentence splitting with character offsets.

spaCy's parser would split sentences too, but we only parse the sentences that
can hold an event, so the split has to come first and cost almost nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from readout.limits import MAX_SENTENCE_CHARS

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
# Characters before a sentence end in which to look for an abbreviation.
_LOOKBACK = 64


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
        # Only the last word matters: looking further back made long runs quadratic.
        tail = text[max(start, match.start() - _LOOKBACK) : match.start() + 1]
        if _ends_with_abbreviation(tail) and not _acronym_ends(text, match):
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
    """Split an article into sentences, each with offsets and a paragraph index.

    A "sentence" longer than MAX_SENTENCE_CHARS (a table or a list run together)
    is cut into pieces at clause or word boundaries, so later stages, whose cost
    grows faster than the length of a sentence, stay linear in the text.
    """
    sentences: list[Sentence] = []
    pos = 0
    paragraph = 0
    for match in _PARAGRAPH.finditer(text + "\n"):
        block = text[pos : match.start()]
        if block.strip():
            for sentence in _split_block(block, pos, paragraph):
                sentences.extend(cap_sentence(sentence))
            paragraph += 1
        pos = match.end()
    return sentences


_CLAUSE_END = re.compile(r"[;:,]\s")


def cap_sentence(sentence: Sentence, limit: int = MAX_SENTENCE_CHARS) -> list[Sentence]:
    """The sentence, or pieces of at most ``limit`` characters: cut after the last
    clause mark (; : ,) in the second half of the window, else the last space."""
    if len(sentence.text) <= limit:
        return [sentence]
    pieces: list[Sentence] = []
    text, start = sentence.text, 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max((m.end() for m in _CLAUSE_END.finditer(window, limit // 2)), default=-1)
        if cut < 0:
            space = window.rfind(" ", limit // 2)
            cut = space + 1 if space > 0 else limit
        pieces.append(_piece(sentence, start, start + cut))
        start += cut
    pieces.append(_piece(sentence, start, len(text)))
    return [p for p in pieces if p.text]


def _piece(sentence: Sentence, start: int, end: int) -> Sentence:
    chunk = sentence.text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk.rstrip())
    offset = sentence.start + start
    return Sentence(offset + lead, offset + trail, chunk[lead:trail], sentence.paragraph)
