"""URL safety: only http(s) URLs whose host resolves to public addresses are fetched.

A news URL that points at ``localhost``, a private network (10/8, 192.168/16, fc00::/7 ...),
a link-local address (169.254.169.254 is the cloud metadata service) or a non-HTTP scheme
(``file://``) is refused unless the user explicitly allows private addresses
(``--allow-private``, or ``allow_private = true`` in a watch sources file). Every address the
host resolves to is checked, and so is every redirect target (the guard runs as an httpx
request hook, which fires for each hop).

Not covered: a DNS answer that changes between this check and the connection (rebinding).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit

import httpx

from dyadwatch.ingest.common import ReadError

ALLOWED_SCHEMES = ("http", "https")


class UnsafeURLError(ReadError):
    """A URL refused before any byte was sent; the reason says why and how to allow it."""


def resolve(host: str) -> list[str]:
    """Every address the host resolves to (IPv4 and IPv6); tests replace this function."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise ReadError(f"cannot resolve host {host!r}: {exc}") from exc
    return sorted({str(info[4][0]) for info in infos})


def is_public(address: str) -> bool:
    """False for loopback, private, link-local, multicast, reserved and unspecified addresses."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_url(url: str, allow_private: bool = False) -> None:
    """Raise UnsafeURLError unless ``url`` is http(s) and its host resolves only to public addresses."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise UnsafeURLError(f"refused {url!r}: only http and https URLs are fetched (not {parts.scheme or 'none'})")
    host = parts.hostname
    if not host:
        raise UnsafeURLError(f"refused {url!r}: no host name")
    if allow_private:
        return
    for address in _addresses(host):
        if not is_public(address):
            raise UnsafeURLError(
                f"refused {url!r}: host {host} resolves to the non-public address {address} "
                "(loopback, private or link-local); pass --allow-private to fetch it anyway"
            )


def _addresses(host: str) -> list[str]:
    try:
        return [str(ipaddress.ip_address(host.strip("[]")))]
    except ValueError:
        return resolve(host)


def request_guard(allow_private: bool = False) -> Callable[[httpx.Request], None]:
    """An httpx ``request`` event hook that checks every request, redirects included."""

    def guard(request: httpx.Request) -> None:
        check_url(str(request.url), allow_private)

    return guard
