"""Response headers that keep a page of untrusted article text inert, and hosts the app answers to."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# No remote origin anywhere: scripts are the app's own files (plotly.js from the installed package),
# chart data travels in non-executable JSON script elements. Plotly sets inline styles, hence style 'unsafe-inline'.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


def allowed_hosts(bind_host: str) -> list[str]:
    """Bound to loopback, answer only loopback Host headers (a DNS-rebinding page cannot read the store)."""
    if bind_host in LOOPBACK_HOSTS:
        return list(LOOPBACK_HOSTS)
    return ["*"]


class SecurityHeaders:
    """ASGI middleware adding SECURITY_HEADERS to every response (errors included)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items() if k.encode() not in present]
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, send_with_headers)
