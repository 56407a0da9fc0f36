"""The public API is exactly what readout/__init__.py exports."""

import readout


def test_public_api_is_pinned() -> None:
    assert sorted(readout.__all__) == [
        "Actor", "Article", "Attribution", "DateSpan", "Event", "Evidence", "Extractor",
        "InputError", "KnowledgeBase", "KnowledgeBaseError", "Location", "ReadoutError",
        "StoreError", "__version__", "clean_text", "discover", "event_to_dict", "load_kb",
        "read_source",
    ]  # fmt: skip
    for name in readout.__all__:
        assert hasattr(readout, name), name


def test_library_use_without_the_cli(extractor: readout.Extractor) -> None:
    text = "Spain recalled its ambassador from Argentina on Monday."
    (event,) = extractor.extract(readout.Article("a.txt", text, published=None))
    data = readout.event_to_dict(event)
    assert (data["type"], data["source"]["country"], data["target"]["country"]) == (
        "SANCTION",
        "ESP",
        "ARG",
    )
    assert data["date"] is None  # "on Monday" with no publication date cannot be resolved
