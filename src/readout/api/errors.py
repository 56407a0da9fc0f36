"""One error shape for the whole API: ``{"error": {"code": int, "message": str}}``.

Pages outside ``/api`` get the same code and message as a small HTML page, so a
person following a broken link sees words rather than JSON. Every 5xx answer
says ``Connection: close``, so a client never reuses a connection the server
is about to drop; and it names no file, path or process: those go to the
server's log.
"""

from __future__ import annotations

import logging
from typing import Any

import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from readout.errors import ReadoutError
from readout.query.access import StoreBusy
from readout.web.render import render_error

log = logging.getLogger("readout.api")

API_PREFIX = "/api/"


def error_body(code: int, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def error_response(
    request: Request, code: int, message: str, headers: dict[str, str] | None = None
) -> Response:
    """The error as JSON for the API and the docs, as a page for the web UI."""
    if code >= 500:
        headers = {**(headers or {}), "Connection": "close"}
    if request.url.path.startswith(API_PREFIX) or request.url.path.endswith(".json"):
        return JSONResponse(error_body(code, message), status_code=code, headers=headers)
    return HTMLResponse(render_error(code, message), status_code=code, headers=headers)


def validation_message(exc: RequestValidationError) -> str:
    """The first few validation problems as one line: 'query.limit: ...; ...'."""
    parts = []
    for problem in exc.errors()[:3]:
        where = ".".join(str(p) for p in problem.get("loc", ()))
        parts.append(f"{where}: {problem.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        headers = dict(exc.headers) if exc.headers else None
        return error_response(request, exc.status_code, str(exc.detail), headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, validation_message(exc))

    @app.exception_handler(StoreBusy)
    async def store_busy(request: Request, exc: StoreBusy) -> Response:
        message = "another process is writing the store; try again when it has finished"
        return error_response(request, 503, message, {"Retry-After": "10"})

    @app.exception_handler(ReadoutError)
    async def store_unavailable(request: Request, exc: ReadoutError) -> Response:
        log.error("store error on %s: %s", request.url.path, exc)
        return error_response(request, 503, "the store cannot be read right now; try again later")

    @app.exception_handler(duckdb.Error)
    async def database_error(request: Request, exc: duckdb.Error) -> Response:
        log.error("database error on %s: %s", request.url.path, exc)
        return error_response(request, 503, "the store cannot be read right now; try again later")

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(request, 500, "internal server error")
