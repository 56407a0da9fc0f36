"""Exact hashes and MinHash near-duplicate detection."""

from __future__ import annotations

import random

from readout.store import dedupe

WORDS = [
    "minister",
    "talks",
    "border",
    "trade",
    "summit",
    "delegation",
    "capital",
    "agreement",
    "envoy",
    "ceasefire",
    "parliament",
    "sanctions",
    "pipeline",
    "council",
    "embassy",
    "vote",
    "statement",
    "security",
    "region",
]


def article(seed: int, length: int = 200) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) + str(rng.randint(0, 40)) for _ in range(length))


def test_text_hash_ignores_case_spacing_and_punctuation() -> None:
    a = "The envoy arrived in Ankara on Monday."
    assert dedupe.text_hash(a) == dedupe.text_hash("the  envoy arrived, in ANKARA on Monday")
    assert dedupe.text_hash(a) != dedupe.text_hash("The envoy arrived in Baku on Monday.")


def test_signature_is_stable_and_128_long() -> None:
    text = article(1)
    assert dedupe.minhash(text) == dedupe.minhash(text)
    assert len(dedupe.minhash(text)) == dedupe.NUM_PERM


def test_one_changed_word_is_a_near_duplicate() -> None:
    text = article(2)
    words = text.split()
    words[100] = "Ankara"
    sim = dedupe.similarity(dedupe.minhash(text), dedupe.minhash(" ".join(words)))
    assert sim >= dedupe.NEAR_DUP_THRESHOLD


def test_different_articles_are_not() -> None:
    sim = dedupe.similarity(dedupe.minhash(article(3)), dedupe.minhash(article(4)))
    assert sim < 0.2


def test_estimate_tracks_true_jaccard() -> None:
    text = article(5, 400)
    words = text.split()
    half = " ".join(words[:200] + article(6, 200).split())
    true = len(dedupe.shingles(text) & dedupe.shingles(half)) / len(
        dedupe.shingles(text) | dedupe.shingles(half)
    )
    estimate = dedupe.similarity(dedupe.minhash(text), dedupe.minhash(half))
    assert abs(estimate - true) < 0.12


def test_near_duplicates_share_a_band() -> None:
    text = article(7)
    words = text.split()
    words[50] = "changed"
    a = set(dedupe.lsh_buckets(dedupe.minhash(text)))
    b = set(dedupe.lsh_buckets(dedupe.minhash(" ".join(words))))
    assert a & b
    assert not a & set(dedupe.lsh_buckets(dedupe.minhash(article(8))))


def test_short_and_empty_texts() -> None:
    assert dedupe.shingles("") == set()
    assert dedupe.shingles("only three words") == {"only three words"}
    assert dedupe.similarity(dedupe.minhash(""), dedupe.minhash("")) == 1.0
    assert dedupe.similarity([], []) == 0.0
