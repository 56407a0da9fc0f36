"""The write token: POST is refused unless the server was started with one."""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request

BEARER = "bearer "


def check_write_token(request: Request) -> None:
    """Raise 403 when writing is off, 401 when the bearer token is missing or wrong."""
    expected: str | None = request.app.state.token
    if not expected:
        raise HTTPException(403, "writing is disabled: start the server with --token")
    header = request.headers.get("authorization", "")
    given = header[len(BEARER) :] if header.lower().startswith(BEARER) else ""
    # compare_digest on bytes: constant time, and no error on non-ASCII input.
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(
            401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"}
        )
