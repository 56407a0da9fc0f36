"""The FastAPI application: REST under /api/v1, the web pages, an offline /docs."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from readout.api.bodies import BodyGate
from readout.api.errors import install_error_handlers
from readout.api.routes import api_router
from readout.query.access import StoreAccess
from readout.web.render import render
from readout.web.views import page_router

WEB_DIR = Path(__file__).resolve().parent.parent / "web"

# Scripts and styles only from our own files: data can never become code.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def create_app(db_path: str, *, token: str | None = None, verify: bool = True) -> FastAPI:
    """The app over the database at ``db_path``; POST is enabled only with ``token``.

    The database is opened at once (and with ``verify`` read in full): a missing,
    damaged or foreign one raises StoreError here, before anything is served."""
    access = StoreAccess(db_path)
    access.prepare(verify=verify)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        access.close()

    app = FastAPI(
        lifespan=lifespan,
        title="readout",
        summary="Who did what to whom, read from news articles, with sources and dates.",
        version="1",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    app.state.access = access
    app.state.token = token or None
    app.add_middleware(BodyGate, token=lambda: app.state.token)
    install_error_handlers(app)
    app.middleware("http")(add_security_headers)
    app.include_router(api_router())
    app.add_api_route("/docs", docs_page, include_in_schema=False, response_class=HTMLResponse)
    app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")
    app.include_router(page_router())
    return app


async def add_security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def docs_page() -> HTMLResponse:
    """The API reference, drawn in the browser from openapi.json by a local script."""
    return HTMLResponse(render("docs.html", title="API reference"))


def app_for_worker() -> FastAPI:
    """The app for one of ``readout serve --workers N``'s processes, configured by the
    environment the command set (it has already checked the database)."""
    db = os.environ["READOUT_SERVE_DB"]
    return create_app(db, token=os.environ.get("READOUT_TOKEN") or None, verify=False)
