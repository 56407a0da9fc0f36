"""Extract an article's main text and metadata from HTML with trafilatura.

A cascade, each step only when the previous one found nothing: trafilatura's
precise extractor, then its recall-oriented mode, then its plain html2txt.
When trafilatura gives up (an error, no text, or less than half of the page's
prose: markup too deep or too broken for its tree), a lenient reading of the
whole body (``html_text``) is used instead, so malformed pages keep their text.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from configparser import ConfigParser
from copy import deepcopy
from dataclasses import dataclass
from typing import Any

import trafilatura
from trafilatura.baseline import html2txt
from trafilatura.settings import DEFAULT_CONFIG

from readout.errors import InputError
from readout.ingest.html_text import lenient_blocks, prose_coverage
from readout.ingest.pubdate import parse_published

# trafilatura logs every page it cannot parse; readout reports its own one-line errors.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

MIN_EXTRACTED_CHARS = 40
# Below this share of the page's prose, trafilatura's text is taken to have lost the article.
MIN_PROSE_COVERAGE = 0.5
_HTML_TAG = re.compile(r"<html[\s>]", re.IGNORECASE)


@dataclass(frozen=True)
class HtmlArticle:
    text: str
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None


def extract_html(doc: str, html: str, *, url: str | None = None) -> HtmlArticle:
    """Return the main text and metadata of an HTML page, or raise InputError."""
    html = _as_document(html)
    meta: dict[str, Any] = {}
    text = ""
    try:
        meta = _bare_extraction(html, url, favor_recall=False)
        text = _text_of(meta)
        if not text:
            text = _text_of(_bare_extraction(html, url, favor_recall=True))
        if not text:
            text = html2txt(html).strip()
    except Exception:  # lxml and trafilatura raise many types on broken markup
        text = ""
    blocks, page_title = lenient_blocks(html)
    if not text or prose_coverage(blocks, text) < MIN_PROSE_COVERAGE:
        whole = "\n\n".join(blocks)
        text = whole if len(whole) > len(text) else text
    if not text:
        raise InputError("no article text found in the HTML", path=doc)
    return HtmlArticle(
        text=text,
        title=_string(meta, "title") or page_title,
        outlet=_string(meta, "sitename"),
        url=_string(meta, "url") or url,
        published=_published(meta),
    )


def _as_document(html: str) -> str:
    """Wrap a bare fragment in <html><body>: trafilatura ignores input without an html tag."""
    if _HTML_TAG.search(html[:5000]):
        return html
    return f"<html><body>{html}</body></html>"


@functools.cache
def _config() -> ConfigParser:
    """trafilatura's defaults, but short news items keep their paragraph structure.

    Below MIN_EXTRACTED_SIZE characters trafilatura swaps its result for a baseline
    that joins all paragraphs (and link lists) into one line.
    """
    config = deepcopy(DEFAULT_CONFIG)
    config["DEFAULT"]["MIN_EXTRACTED_SIZE"] = str(MIN_EXTRACTED_CHARS)
    return config


def _bare_extraction(html: str, url: str | None, *, favor_recall: bool) -> dict[str, Any]:
    # Only the page's own metadata dates: a deep search picks dates out of link lists.
    date_params = {"original_date": True, "extensive_search": False}
    result = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        favor_recall=favor_recall,
        date_extraction_params=date_params,
        config=_config(),
    )
    if result is None:
        return {}
    return result if isinstance(result, dict) else dict(result.as_dict())


def _text_of(meta: dict[str, Any]) -> str:
    text = meta.get("text")
    return text.strip() if isinstance(text, str) else ""


def _string(meta: dict[str, Any], key: str) -> str | None:
    value = meta.get(key)
    return value.strip() or None if isinstance(value, str) else None


def _published(meta: dict[str, Any]) -> dt.date | None:
    value = meta.get("date")
    return parse_published(value)
