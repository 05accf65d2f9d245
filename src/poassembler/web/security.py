"""Refuse requests that do not come from this app's own pages.

- Host check: only the loopback names of the port we serve on (a DNS-rebinding page sends its own host).
- CSRF: every POST carries the server's secret token (form field or `X-CSRF-Token` header, which the
  pages' htmx requests send), and its Origin, when the browser sends one, is ours.
- Headers: a content security policy that allows only our own scripts and styles, no framing.
"""

from __future__ import annotations

import secrets

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")

SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",  # "no-referrer" would make the browser send `Origin: null`
    "cache-control": "no-store",
}


def new_token() -> str:
    return secrets.token_urlsafe(32)


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """The Host header values a request to us may carry."""
    names = set(LOOPBACK_NAMES) | {host if ":" not in host else f"[{host}]"}
    return frozenset(f"{name}:{port}" for name in names) | (frozenset(names) if port == 80 else frozenset())


class HostCheck:
    """ASGI middleware: 400 for a request whose Host is not one of ours; security headers on every answer."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str]):
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = Headers(scope=scope).get("host", "")
        if host.lower() not in self.hosts:
            response = PlainTextResponse("Refused: this server answers only requests to its own local address.", 400)
            await response(scope, receive, send)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = message.setdefault("headers", [])
                present = {name.lower() for name, _ in headers}
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items() if k.encode() not in present]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def origin_ok(headers: Headers, hosts: frozenset[str]) -> bool:
    """A request without Origin (older browsers, same-origin GET) passes; one with Origin must be ours."""
    origin = headers.get("origin")
    if origin is None:
        return True
    return origin.removeprefix("http://") in hosts


def token_ok(sent: str | None, expected: str) -> bool:
    return bool(sent) and secrets.compare_digest(str(sent), expected)
