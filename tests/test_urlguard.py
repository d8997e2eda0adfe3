"""URL safety (issue 15): file:// and non-public addresses are refused unless allowed; redirects re-checked."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dyadwatch.ingest import iter_documents, urlguard
from dyadwatch.ingest.urlguard import UnsafeURLError, check_url, is_public
from dyadwatch.models import IngestError, RawDocument

PAGE = b"<html><head><title>Synthetic</title></head><body><p>Synthetic test page.</p></body></html>"


@pytest.mark.parametrize(
    "address", ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "::1", "fe80::1",
                "fc00::5", "0.0.0.0", "::ffff:127.0.0.1", "100.64.0.1", "224.0.0.1"],
)
def test_non_public_addresses(address: str) -> None:
    assert not is_public(address)


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses(address: str) -> None:
    assert is_public(address)


def test_every_resolved_address_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(urlguard, "resolve", lambda host: ["93.184.215.14", "10.0.0.7"])
    with pytest.raises(UnsafeURLError, match="10.0.0.7"):
        check_url("https://mixed.example/news")
    check_url("https://mixed.example/news", allow_private=True)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/"])
def test_other_schemes_are_refused_even_when_private_is_allowed(url: str) -> None:
    with pytest.raises(UnsafeURLError, match="only http and https"):
        check_url(url, allow_private=True)


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path == "/redirect-to-metadata":
            self.send_response(302)
            self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_ingest_refuses_loopback_and_file_urls_unless_allowed(server: str) -> None:
    refused = list(iter_documents([f"{server}/page", "file:///etc/hostname"]))
    assert all(isinstance(item, IngestError) for item in refused)
    assert "127.0.0.1" in refused[0].reason and "--allow-private" in refused[0].reason
    assert "only http and https" in refused[1].reason
    [page] = list(iter_documents([f"{server}/page"], allow_private=True))
    assert isinstance(page, RawDocument) and "Synthetic test page" in page.html


def test_redirect_target_is_checked_again(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first hop is allowed (loopback stands in for a public host here); the redirect is not."""
    monkeypatch.setattr(urlguard, "is_public", lambda address: address == "127.0.0.1")
    [error] = list(iter_documents([f"{server}/redirect-to-metadata"]))
    assert isinstance(error, IngestError) and "169.254.169.254" in error.reason
