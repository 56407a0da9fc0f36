"""readout.ingest: find documents, read any supported format, clean the text.

discover(paths)            -> (doc, path) for files, folders (recursive) and "-" (stdin)
read_source(doc, path)     -> Articles from .txt/.md, .html, .jsonl, .warc(.gz) or stdin
clean_text(text)           -> CleanText: text without menus, credits, bylines, link lists
"""

from __future__ import annotations

from readout.ingest.clean import CleanText, clean_text
from readout.ingest.discover import discover
from readout.ingest.readers import read_source

__all__ = ["CleanText", "clean_text", "discover", "read_source"]
