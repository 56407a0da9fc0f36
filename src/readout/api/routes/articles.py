"""GET /articles, /articles/{id}; POST /articles (ingest, only with the write token)."""

from __future__ import annotations

import dataclasses
import hashlib
import threading
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse

from readout.api.auth import check_write_token
from readout.api.models import ERRORS, ArticleIn, ErrorOut
from readout.errors import InputError
from readout.model import Article
from readout.query.params import Limit, Offset

if TYPE_CHECKING:
    from readout.pipeline import Extractor

router = APIRouter(tags=["articles"])

_extractor_lock = threading.Lock()


@router.get("/articles", responses=ERRORS)
def list_articles(request: Request, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Stored articles with their number of events."""
    with request.app.state.access.read() as store:
        items = store.articles(limit=limit, offset=offset)
    return {"limit": limit, "offset": offset, "items": items}


@router.get("/articles/{article_id}", responses=ERRORS)
def get_article(
    request: Request, article_id: Annotated[str, Path(max_length=100)]
) -> dict[str, Any]:
    """One article: its cleaned text and the events read from it, with offsets."""
    with request.app.state.access.read() as store:
        found: dict[str, Any] | None = store.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return found


WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    401: {"model": ErrorOut, "description": "missing or wrong bearer token"},
    403: {"model": ErrorOut, "description": "writing is disabled on this server"},
}


@router.post(
    "/articles",
    status_code=201,
    responses=WRITE_ERRORS,
    dependencies=[Depends(check_write_token)],
)
def post_article(request: Request, body: ArticleIn) -> JSONResponse:
    """Read events from one article and store them (needs ``Authorization: Bearer``)."""
    article = article_from_body(body)
    try:
        events = extractor(request).extract(article)
    except InputError as exc:
        raise HTTPException(422, str(exc)) from exc
    result = request.app.state.access.add(article, events)
    payload: dict[str, Any] = jsonable_encoder(dataclasses.asdict(result))
    payload.update({"doc": article.doc, "mentions_read": len(events)})
    return JSONResponse(payload, status_code=201)


def article_from_body(body: ArticleIn) -> Article:
    """An Article named by its URL, or by a hash of its text when it has none."""
    doc = body.url or "api:" + hashlib.sha256(body.text.encode()).hexdigest()[:16]
    return Article(
        doc=doc,
        text=body.text,
        title=body.title,
        url=body.url,
        outlet=body.outlet,
        published=body.published,
        published_source="metadata" if body.published else "unknown",
    )


def extractor(request: Request) -> Extractor:
    """The app's Extractor, built on first use (loading spaCy takes a moment)."""
    with _extractor_lock:
        found: Extractor | None = getattr(request.app.state, "extractor", None)
        if found is None:
            # Imported on first POST: a read-only server never loads the NLP stack.
            from readout.pipeline import Extractor

            found = Extractor()
            request.app.state.extractor = found
        return found
