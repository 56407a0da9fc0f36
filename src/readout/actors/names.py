"""When two names describe the same actor: the key both must share.

Used to let readout's curated knowledge base (and a user's files) win over the
data generated from the Phoenix dictionaries: a generated entry whose name or
alias has the same key as any curated name is left out. The key ignores case,
accents, punctuation, a leading "the" and British/American spellings, so
"the Kremlin", "KREMLIN" and "Kremlin" share one, as do "al-Qaida" and
"Al Qaeda".
"""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")
_SPELLINGS = {
    "organisation": "organization", "organisations": "organizations", "centre": "center",
    "defence": "defense", "programme": "program", "labour": "labor", "qaida": "qaeda",
}  # fmt: skip


def name_key(name: str) -> str:
    """Lower case, accents and punctuation gone, one space between words, no leading 'the'."""
    text = name if name.isascii() else unicodedata.normalize("NFKD", name)
    if not text.isascii():
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("'", "").replace("’", "")
    words = _NON_WORD.sub(" ", text.lower()).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(_SPELLINGS.get(word, word) for word in words)
