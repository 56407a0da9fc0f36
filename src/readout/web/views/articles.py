"""/articles and /articles/{id}: the cleaned text with evidence highlighted."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from readout.query.params import Offset
from readout.web.highlight import Span, segments
from readout.web.views.common import access, not_found, page

router = APIRouter()
PAGE_SIZE = 100
Offset10M = Annotated[int | None, Query(ge=0, le=10_000_000)]


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, offset: Offset = 0) -> HTMLResponse:
    with access(request).read() as store:
        items = store.articles(limit=PAGE_SIZE, offset=offset)
        total = store.stats().get("articles", len(items))
    return page(
        "articles.html",
        title="Articles",
        active="/articles",
        items=items,
        offset=offset,
        page_size=PAGE_SIZE,
        total=total,
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request, article_id: str, start: Offset10M = None, end: Offset10M = None
) -> HTMLResponse:
    with access(request).read() as store:
        article = store.article(article_id[:100])
    if article is None:
        raise not_found("article")
    focus = (start, end) if start is not None and end is not None and start < end else None
    pieces = segments(str(article.get("text") or ""), evidence_spans(article), focus)
    return page(
        "article.html",
        title=str(article.get("title") or article.get("doc") or "Article"),
        article=article,
        segments=pieces,
        focused=focus is not None,
    )


def evidence_spans(article: dict[str, Any]) -> list[Span]:
    """The evidence offsets of the article's events (each event's own mention)."""
    spans = []
    for event in article.get("events") or []:
        start, end = event.get("start"), event.get("end")
        if isinstance(start, int) and isinstance(end, int):
            spans.append(Span(start, end, str(event.get("id"))))
    return spans
