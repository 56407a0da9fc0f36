"""Request bodies: capped before anything is read, and read only after the token checks out.

A pure ASGI middleware in front of the application. For a request that may
carry a body (anything but GET, HEAD and OPTIONS):

1. a declared Content-Length over MAX_BODY_BYTES is answered 413 at once;
2. a write to the API without the right bearer token is answered 401/403
   before a byte of the body is read (a 200 MB POST costs nothing);
3. a body sent without a length (chunked) is counted as it arrives and cut
   off with 413 at the limit.

An answer given before the body was read closes the connection, so the
unread body can never be taken for the next request.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import HTTPException

from readout.api.auth import WWW_AUTHENTICATE, token_problem
from readout.limits import MAX_BODY_BYTES

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_NO_BODY = frozenset({"GET", "HEAD", "OPTIONS"})


class BodyGate:
    def __init__(
        self, app: ASGIApp, *, token: Callable[[], str | None], max_bytes: int = MAX_BODY_BYTES
    ) -> None:
        self.app = app
        self.token = token
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in _NO_BODY:
            await self.app(scope, receive, send)
            return
        headers = {key.lower(): value for key, value in scope["headers"]}
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await _refuse(send, 413, f"request body is larger than {self.max_bytes:,} bytes")
            return
        if scope["path"].startswith("/api/"):
            auth = headers.get(b"authorization", b"").decode("latin-1")
            problem = token_problem(self.token(), auth)
            if problem is not None:
                extra = WWW_AUTHENTICATE if problem[0] == 401 else {}
                await _refuse(send, *problem, extra)
                return
        await self.app(scope, self._counted(receive), send)

    def _counted(self, receive: Receive) -> Receive:
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise HTTPException(
                        413,
                        f"request body is larger than {self.max_bytes:,} bytes",
                        headers={"Connection": "close"},
                    )
            return message

        return counted


async def _refuse(
    send: Send, status: int, message: str, extra: dict[str, str] | None = None
) -> None:
    body = json.dumps({"error": {"code": status, "message": message}}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
        *((k.lower().encode(), v.encode()) for k, v in (extra or {}).items()),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
