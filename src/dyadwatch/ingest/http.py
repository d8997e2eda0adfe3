"""URL reader (httpx): fetched only when the user passes an http(s) URL.

A timeout, a size limit and a user agent keep one slow or huge server from stalling a run;
the URL guard (``urlguard``) refuses non-public addresses unless ``allow_private`` is set.
Feeds are recognised by content type or by their first bytes and read entry by entry.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx

from dyadwatch import __version__
from dyadwatch.ingest.common import MAX_BYTES, Payload, ReadError, decode_text
from dyadwatch.ingest.feeds import looks_like_feed, read_feed
from dyadwatch.ingest.urlguard import check_url, request_guard
from dyadwatch.models import IngestError, RawDocument

TIMEOUT_S = 20.0
USER_AGENT = f"dyadwatch/{__version__} (+offline news event coder)"


def is_url(item: str) -> bool:
    return item.lower().startswith(("http://", "https://"))


def make_client(transport: httpx.BaseTransport | None = None, allow_private: bool = False) -> httpx.Client:
    """The HTTP client every fetch uses (tests pass a mock transport); each request and redirect is guarded."""
    return httpx.Client(
        timeout=TIMEOUT_S,
        follow_redirects=True,
        headers={"User-Agent": USER_AGENT},
        transport=transport,
        event_hooks={"request": [request_guard(allow_private)]},
    )


def fetch(
    url: str, max_bytes: int = MAX_BYTES, client: httpx.Client | None = None, allow_private: bool = False
) -> Payload:
    """Download a URL into memory, stopping as soon as it passes the size limit."""
    check_url(url, allow_private)  # before opening a client; redirects are checked by the client's hook
    own = client is None
    client = client or make_client(allow_private=allow_private)
    try:
        with client.stream("GET", url) as response:
            if response.status_code != 200:
                raise ReadError(f"HTTP {response.status_code}")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise ReadError(f"response too large (> limit {max_bytes:,} bytes)")
                chunks.append(chunk)
            content_type = response.headers.get("content-type", "")
    except httpx.HTTPError as exc:
        raise ReadError(f"download failed: {exc.__class__.__name__}: {exc}") from exc
    finally:
        if own:
            client.close()
    return Payload(where=url, name=_name_for(content_type), data=b"".join(chunks))


def read_url(
    url: str, max_bytes: int = MAX_BYTES, client: httpx.Client | None = None, allow_private: bool = False
) -> Iterator[RawDocument | IngestError]:
    """Fetch a URL and yield its page, its feed entries, or its plain text."""
    try:
        payload = fetch(url, max_bytes, client, allow_private)
    except ReadError as exc:
        yield IngestError(path=url, reason=str(exc))
        return
    if payload.name == "feed.xml" or looks_like_feed(payload.data):
        yield from read_feed(payload)
    elif payload.name == "page.txt":
        try:
            text = decode_text(payload.data)
        except ReadError as exc:
            yield IngestError(path=url, reason=str(exc))
            return
        yield RawDocument(source_path=url, text=text, url=url, fmt="txt")
    elif payload.name == "page.html":
        yield RawDocument(source_path=url, html=decode_text_lenient(payload.data), url=url, fmt="html")
    else:
        yield IngestError(path=url, reason="unsupported content type (not HTML, text or a feed)")


def decode_text_lenient(data: bytes) -> str:
    try:
        return decode_text(data)
    except ReadError:
        return data.decode("utf-8", errors="replace")


def _name_for(content_type: str) -> str:
    kind = content_type.split(";")[0].strip().lower()
    if kind in {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}:
        return "feed.xml"
    if kind in {"text/html", "application/xhtml+xml", "", "application/xml", "text/xml"}:
        return "page.html"
    if kind == "text/plain":
        return "page.txt"
    return "other.bin"
