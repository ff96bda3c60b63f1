"""The server's guards: request size limit, security headers (on every
answer, the server's own 413, 400 and 500 included), the `Host` check,
bearer token.

Why plain ASGI middleware for the size limit: it must stop a body *while it
streams in*, before any handler buffers it, whether or not the client sent an
honest Content-Length.
"""

from __future__ import annotations

import hmac
import json

from fastapi import HTTPException, Request
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: Content Security Policy for every answer: scripts only from this server (no
#: inline script, no CDN), so even a report text that slipped past escaping
#: could not run. Plotly injects its own <style> elements, hence 'unsafe-inline'
#: for styles only.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)


def _json_response(status: int, detail: str) -> tuple[Message, Message]:
    body = json.dumps({"detail": detail}).encode()
    start = {
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
    }
    return start, {"type": "http.response.body", "body": body}


class BodySizeLimit:
    """Answer 413 to any request whose body is larger than `max_bytes`."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        detail = f"request body larger than {self.max_bytes} bytes"
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared < 0 or declared > self.max_bytes:
                    for message in _json_response(413 if declared >= 0 else 400, detail):
                        await send(message)
                    return
        seen = 0
        started = False
        answered = False

        async def counting_receive() -> Message:
            nonlocal seen, answered
            if answered:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes and not started:
                    # Answer now, then tell the app the client went away: the
                    # app stops reading and whatever it answers is dropped.
                    answered = True
                    for reply in _json_response(413, detail):
                        await send(reply)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if answered:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        await self.app(scope, counting_receive, guarded_send)


class SecurityHeaders:
    """Add CSP and the usual hardening headers to every HTTP answer."""

    HEADERS = [
        (b"content-security-policy", CSP.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
    ]

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = dict(message)
                message["headers"] = list(message.get("headers", [])) + self.HEADERS
            await send(message)

        await self.app(scope, receive, with_headers)


def server_error_response() -> JSONResponse:
    """The answer to an unexpected exception. It is sent by Starlette's
    outermost middleware, past `SecurityHeaders`, so it carries them itself,
    and it says nothing of the exception (that goes to the server's log)."""
    headers = {name.decode(): value.decode() for name, value in SecurityHeaders.HEADERS}
    return JSONResponse({"detail": "internal server error"}, status_code=500, headers=headers)


def require_token(request: Request) -> None:
    """FastAPI dependency: the request must carry `Authorization: Bearer <token>`."""
    expected = request.app.state.settings.token
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    # Bytes, not str: compare_digest refuses non-ASCII strings (a 500), and a
    # header may hold any byte.
    matches = bool(expected) and hmac.compare_digest(given.strip().encode("utf-8"), expected.encode("utf-8"))
    if not expected or scheme.lower() != "bearer" or not matches:
        raise HTTPException(
            status_code=401,
            detail="a valid bearer token is required (Authorization: Bearer <DIPLOGRAPH_TOKEN>)",
            headers={"WWW-Authenticate": "Bearer"},
        )
