"""readout: news articles in; a sourced, dated record of who did what to whom out.

    >>> from readout import Extractor, Article
    >>> events = Extractor().extract(Article("a.txt", "Spain recalled its ambassador from Argentina."))

The public API is exactly what ``__all__`` lists; a test pins it.
"""

from readout.actors.kb import KnowledgeBase, load_kb
from readout.errors import InputError, KnowledgeBaseError, ReadoutError, StoreError
from readout.ingest import clean_text, discover, read_source
from readout.model import Actor, Article, Attribution, DateSpan, Event, Evidence, Location
from readout.output import event_to_dict
from readout.pipeline import Extractor

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Attribution",
    "DateSpan",
    "Event",
    "Evidence",
    "Extractor",
    "InputError",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "Location",
    "ReadoutError",
    "StoreError",
    "__version__",
    "clean_text",
    "discover",
    "event_to_dict",
    "load_kb",
    "read_source",
]
