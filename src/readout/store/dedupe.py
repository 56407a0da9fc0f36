"""Exact and near-duplicate detection for articles.

Exact: a SHA-256 of the normalised text (case, punctuation and spacing ignored).
Near: MinHash over word 5-shingles with 128 hash functions, and LSH bands to
find candidates cheaply; a candidate is a duplicate when the estimated Jaccard
similarity of the two signatures is at least ``NEAR_DUP_THRESHOLD``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np

NUM_PERM = 128
SHINGLE = 5
BANDS = 16  # 16 bands x 8 rows: a pair at Jaccard 0.9 shares a band with p > 0.999
ROWS = NUM_PERM // BANDS
NEAR_DUP_THRESHOLD = 0.9

_PRIME = np.uint64(4294967311)  # the first prime above 2**32
_WORD = re.compile(r"\w+")


def _permutations() -> tuple[np.ndarray, np.ndarray]:
    # Fixed coefficients derived from hashlib, so signatures are stable across runs.
    a = np.empty(NUM_PERM, dtype=np.uint64)
    b = np.empty(NUM_PERM, dtype=np.uint64)
    for i in range(NUM_PERM):
        digest = hashlib.sha256(f"readout-minhash-{i}".encode()).digest()
        # a < 2**31 and b < 2**31 keep a*x + b below 2**64 for 32-bit x.
        a[i] = (int.from_bytes(digest[:4], "little") >> 1) | 1
        b[i] = int.from_bytes(digest[4:8], "little") >> 1
    return a, b


_A, _B = _permutations()


def words(text: str) -> list[str]:
    """The text's words, case-folded and without accents' compatibility forms."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def text_hash(text: str) -> str:
    """A hash that is equal for texts differing only in case, punctuation or spacing."""
    return hashlib.sha256(" ".join(words(text)).encode("utf-8")).hexdigest()


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    tokens = words(text)
    if len(tokens) <= size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def _hash32(shingle: str) -> int:
    return int.from_bytes(
        hashlib.blake2b(shingle.encode("utf-8"), digest_size=4).digest(), "little"
    )


def minhash(text: str) -> list[int]:
    """The 128-value MinHash signature of the text's word 5-shingles."""
    found = shingles(text)
    if not found:
        return [int(_PRIME)] * NUM_PERM
    x = np.fromiter((_hash32(s) for s in found), dtype=np.uint64, count=len(found))
    values = (np.outer(x, _A) + _B) % _PRIME
    return [int(v) for v in values.min(axis=0)]


def similarity(sig_a: list[int], sig_b: list[int]) -> float:
    """Estimated Jaccard similarity: the share of positions where signatures agree."""
    if len(sig_a) != len(sig_b) or not sig_a:
        return 0.0
    same = sum(1 for a, b in zip(sig_a, sig_b, strict=True) if a == b)
    return same / len(sig_a)


def lsh_buckets(signature: list[int]) -> list[tuple[int, str]]:
    """One bucket key per band: articles sharing any bucket are near-dup candidates."""
    out: list[tuple[int, str]] = []
    for band in range(BANDS):
        rows = signature[band * ROWS : (band + 1) * ROWS]
        key = hashlib.blake2b(",".join(map(str, rows)).encode(), digest_size=8).hexdigest()
        out.append((band, f"{band}:{key}"))
    return out
