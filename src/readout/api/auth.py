"""The write token: POST is refused unless the server was started with one."""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request

BEARER = "bearer "
WWW_AUTHENTICATE = {"WWW-Authenticate": "Bearer"}


def token_problem(expected: str | None, header: str) -> tuple[int, str] | None:
    """(status, message) when a request with this Authorization header may not write."""
    if not expected:
        return 403, "writing is disabled: start the server with --token"
    given = header[len(BEARER) :] if header.lower().startswith(BEARER) else ""
    # compare_digest on bytes: constant time, and no error on non-ASCII input.
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        return 401, "missing or wrong bearer token"
    return None


def check_write_token(request: Request) -> None:
    """Raise 403 when writing is off, 401 when the bearer token is missing or wrong."""
    problem = token_problem(request.app.state.token, request.headers.get("authorization", ""))
    if problem is not None:
        status, message = problem
        raise HTTPException(status, message, headers=WWW_AUTHENTICATE if status == 401 else None)
