"""Polite HTTP for the watcher: conditional GET, per-host delay, robots.txt, timeouts, byte caps.

Every request goes through the URL guard (redirect hops included), carries a user agent that
names dyadwatch, waits ``host_delay`` after the previous request to the same host, and is read
as a stream that stops at ``max_bytes`` or after three times the timeout in total (a server that
trickles bytes cannot hold a round). robots.txt is fetched once per host per hour (RFC 9309:
a 4xx answer allows everything, a 5xx or unreachable one disallows everything).
"""

from __future__ import annotations

import threading
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from dyadwatch import __version__
from dyadwatch.ingest.common import ReadError
from dyadwatch.ingest.urlguard import check_url, request_guard
from dyadwatch.watch.config import Settings

ROBOTS_TTL_S = 3600.0
ROBOTS_MAX_BYTES = 500_000
PRODUCT = "dyadwatch"


class FetchError(Exception):
    """Why one URL could not be fetched (status, timeout, size, guard, robots.txt)."""


@dataclass
class Response:
    url: str
    status: int  # 200, or 304 for a conditional GET that found nothing new
    data: bytes = b""
    etag: str = ""
    last_modified: str = ""
    content_type: str = ""


def user_agent(contact: str = "") -> str:
    extra = f"; {contact}" if contact else ""
    return f"{PRODUCT}/{__version__} (news event monitor{extra})"


class Fetcher:
    """One httpx client plus the politeness state (last request per host, robots.txt per origin)."""

    def __init__(
        self,
        settings: Settings,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        stop: threading.Event | None = None,
    ) -> None:
        self.settings = settings
        self.agent = user_agent(settings.contact)
        self.clock = clock
        self.stop = stop or threading.Event()
        timeout = httpx.Timeout(settings.timeout)
        self.client = httpx.Client(
            timeout=timeout,
            follow_redirects=True,
            max_redirects=5,
            headers={"User-Agent": self.agent},
            transport=transport,
            event_hooks={"request": [request_guard(settings.allow_private)]},
        )
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser, str]] = {}

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, etag: str = "", last_modified: str = "") -> Response:
        """GET a URL (conditionally when a validator is given); raise FetchError with the reason."""
        try:
            check_url(url, self.settings.allow_private)
        except ReadError as exc:
            raise FetchError(str(exc)) from exc
        robots, note = self._robots_for(url)
        if not robots.can_fetch(PRODUCT, url):
            raise FetchError(f"disallowed by robots.txt for {PRODUCT}" + (f": {note}" if note else ""))
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._get(url, headers, self.settings.max_bytes)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt of the URL's origin lets dyadwatch fetch it."""
        return self._robots_for(url)[0].can_fetch(PRODUCT, url)

    def _robots_for(self, url: str) -> tuple[urllib.robotparser.RobotFileParser, str]:
        """The origin's parsed robots.txt (cached for an hour) and a note on how it was obtained."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(origin)
        if cached is None or self.clock() - cached[0] > ROBOTS_TTL_S:
            cached = (self.clock(), *self._load_robots(origin))
            self._robots[origin] = cached
        return cached[1], cached[2]

    def _load_robots(self, origin: str) -> tuple[urllib.robotparser.RobotFileParser, str]:
        """RFC 9309: no file (4xx) allows everything; a 5xx or no answer disallows everything."""
        parser = urllib.robotparser.RobotFileParser()
        try:
            response = self._get(f"{origin}/robots.txt", {}, ROBOTS_MAX_BYTES, accept_errors=True)
        except FetchError as exc:
            parser.disallow_all = True
            return parser, f"robots.txt unreachable ({exc}), so everything counts as disallowed"
        if 400 <= response.status < 500:
            parser.allow_all = True
            return parser, ""
        if response.status >= 500:
            parser.disallow_all = True
            return parser, f"robots.txt answered HTTP {response.status}, so everything counts as disallowed"
        parser.parse(response.data.decode("utf-8", errors="replace").splitlines())
        return parser, ""

    def _get(self, url: str, headers: dict[str, str], max_bytes: int, accept_errors: bool = False) -> Response:
        self._wait_for_host(urlsplit(url).netloc)
        started = self.clock()
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return _response(response, 304, b"")
                if response.status_code != 200 and not accept_errors:
                    raise FetchError(f"HTTP {response.status_code}")
                data = self._read(response, max_bytes, started)
                return _response(response, response.status_code, data)
        except httpx.TimeoutException as exc:
            raise FetchError(f"timed out after {self.settings.timeout:g} s ({exc.__class__.__name__})") from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"download failed: {exc.__class__.__name__}: {exc}") from exc
        except ReadError as exc:  # the URL guard refused a redirect target
            raise FetchError(str(exc)) from exc

    def _read(self, response: httpx.Response, max_bytes: int, started: float) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(f"response too large ({int(declared):,} bytes declared > limit {max_bytes:,})")
        chunks: list[bytes] = []
        size = 0
        budget = 3 * self.settings.timeout
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(f"response too large (more than the limit of {max_bytes:,} bytes)")
            if self.clock() - started > budget:
                raise FetchError(f"response too slow (not complete after {budget:g} s)")
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_for_host(self, host: str) -> None:
        """Sleep until ``host_delay`` has passed since the last request to this host (stop cuts it short)."""
        last = self._last_request.get(host)
        if last is not None:
            remaining = last + self.settings.host_delay - self.clock()
            if remaining > 0:
                self.stop.wait(remaining)
        self._last_request[host] = self.clock()


def _response(response: httpx.Response, status: int, data: bytes) -> Response:
    return Response(
        url=str(response.url),
        status=status,
        data=data,
        etag=response.headers.get("etag", ""),
        last_modified=response.headers.get("last-modified", ""),
        content_type=response.headers.get("content-type", ""),
    )
