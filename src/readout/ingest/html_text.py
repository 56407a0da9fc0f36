"""A lenient reading of a whole HTML body: every visible block of text, in order.

The fallback for pages trafilatura gives up on: markup nested too deep for
lxml (256 ``<div>``s), or broken so that its tree keeps one paragraph of four.
Python's ``html.parser`` reads tags one by one, so neither depth nor unclosed
tags can lose text. Scripts, styles, navigation, footers and elements whose
class or id names comments, menus, sharing or adverts are left out.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP_TAGS = frozenset(
    "script style noscript template svg math head nav footer aside form button select "
    "iframe object canvas".split()
)
_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr td th table section article blockquote pre "
    "hr dd dt dl figcaption figure header main title body html".split()
)
_VOID_TAGS = frozenset("br hr img input meta link area base col embed source track wbr".split())
_BOILERPLATE = re.compile(
    r"comment|sidebar|related|share|sharing|social|promo|advert|cookie|newsletter|menu|"
    r"breadcrumb|footer|navigation",
    re.I,
)
# A block counts as prose (for comparing extractions) from this many characters on.
PROSE_CHARS = 60


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.title: str | None = None
        self._current: list[str] = []
        self._skipping: list[str] = []  # tag names that opened skipped regions
        self._depth = 0  # nesting of the innermost skipped tag's name inside itself
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and self.title is None:
            self._in_title = True
            return
        if self._skipping:
            if tag == self._skipping[-1] and tag not in _VOID_TAGS:
                self._depth += 1
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in _VOID_TAGS:
            return
        marks = " ".join(value or "" for name, value in attrs if name in ("class", "id", "role"))
        if tag in _SKIP_TAGS or (marks and _BOILERPLATE.search(marks)):
            self._skipping.append(tag)
            self._depth = 0

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
            return
        if self._skipping:
            if tag == self._skipping[-1]:
                if self._depth:
                    self._depth -= 1
                else:
                    self._skipping.pop()
            return
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = " ".join(data.split()) or None
        elif not self._skipping:
            self._current.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []

    def close(self) -> None:
        super().close()
        self._flush()


def lenient_blocks(html: str) -> tuple[list[str], str | None]:
    """The visible text blocks of the page in order, and its <title>."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.blocks, collector.title


def prose_coverage(blocks: list[str], extracted: str) -> float:
    """The share of the page's prose (long blocks) that ``extracted`` kept, from 0 to 1."""
    prose = [block for block in blocks if len(block) >= PROSE_CHARS]
    total = sum(len(block) for block in prose)
    if not total:
        return 1.0
    flat = " ".join(extracted.split())
    kept = sum(len(block) for block in prose if block[:PROSE_CHARS] in flat)
    return kept / total
