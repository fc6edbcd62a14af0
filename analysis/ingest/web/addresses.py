"""Which network addresses a fetch may reach, and a transport that holds to it.

Slant fetches URLs a user typed into a shared dashboard. Without a check, the
server would fetch its own loopback, the lab's private network or a cloud
metadata address on the user's behalf (server-side request forgery), and its
error messages would map which internal ports answer. So by default only
public addresses are reached: loopback, private, link-local, shared (CGNAT),
multicast, reserved and unspecified addresses are refused, IPv4 and IPv6
alike (an IPv4 address mapped or tunnelled inside IPv6 is judged as IPv4).

The check runs where the connection is made: :class:`PublicOnlyTransport`
resolves the host itself, refuses the request if any of its addresses is not
public, and connects to the address it checked, so a DNS answer that changes
between check and connection (rebinding) cannot slip through; every redirect
hop is a new request and is checked again. The same transport enforces one
total deadline per request (connect, headers and body together): a server that
drips its headers a byte at a time is cut off like one that drips its body.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Iterable

import httpcore
import httpx

#: What a refused host is told: the same words for every refused address, so the
#: answers cannot be used to learn which internal hosts or ports exist.
REFUSED = "address not allowed (private or local network)"

_deadline = threading.local()


class AddressRefused(httpcore.ConnectError):
    """The host resolves to an address Slant does not fetch from."""


class DeadlinePassed(httpcore.ReadTimeout):
    """The request's total time ran out."""


def is_public(address: str) -> bool:
    """True for an address on the public internet.

    >>> [is_public(a) for a in ("93.184.216.34", "127.0.0.1", "10.1.2.3", "::1", "fe80::1")]
    [True, False, False, False, False]
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None and not is_public(str(embedded)):
            return False
        if ip in _NAT64:  # 64:ff9b::/96 carries an IPv4 address in its last 32 bits
            return is_public(str(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)))
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (a literal address is its own answer)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


def refused_addresses(addresses: Iterable[str]) -> list[str]:
    return [a for a in addresses if not is_public(a)]


class deadline:
    """``with deadline(seconds):`` every connect and read of this thread's request ends by then."""

    def __init__(self, seconds: float):
        self.seconds = seconds

    def __enter__(self):
        self._previous = getattr(_deadline, "at", None)
        _deadline.at = time.monotonic() + self.seconds
        return self

    def __exit__(self, *exc) -> None:
        _deadline.at = self._previous


def _remaining(timeout: float | None) -> float | None:
    """The timeout for one socket operation: the given one, shortened to the deadline."""
    at = getattr(_deadline, "at", None)
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise DeadlinePassed("deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose reads and writes end at the current request's deadline."""

    def __init__(self, stream: httpcore.NetworkStream):
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _remaining(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _remaining(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None):
        return _DeadlineStream(
            self._stream.start_tls(ssl_context, server_hostname, _remaining(timeout))
        )

    def get_extra_info(self, info: str):
        return self._stream.get_extra_info(info)


class _CheckedBackend(httpcore.NetworkBackend):
    """Resolves, checks and connects to the checked address itself (no second lookup)."""

    def __init__(self, allow_private: bool):
        self.allow_private = allow_private
        self._backend = httpcore.SyncBackend()

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        timeout = _remaining(timeout)
        try:
            addresses = resolve(host, port)
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}") from exc
        if not self.allow_private and refused_addresses(addresses):
            raise AddressRefused(REFUSED)
        last: Exception | None = None
        for address in addresses:
            try:
                stream = self._backend.connect_tcp(
                    address, port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
                continue
            return _DeadlineStream(stream)
        raise last or httpcore.ConnectError(f"cannot connect to {host}")

    def connect_unix_socket(self, *args, **kwargs):
        raise AddressRefused(REFUSED)

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class PublicOnlyTransport(httpx.HTTPTransport):
    """httpx's transport, connecting only to public addresses (unless ``allow_private``)
    and holding every request to the deadline set with :class:`deadline`."""

    def __init__(self, allow_private: bool = False, max_connections: int = 8, **kwargs):
        super().__init__(limits=httpx.Limits(max_connections=max_connections), **kwargs)
        # httpx builds its pool without a way to pass a network backend; rebuild it with one.
        self._pool = httpcore.ConnectionPool(
            ssl_context=self._pool._ssl_context,
            max_connections=max_connections,
            network_backend=_CheckedBackend(allow_private),
        )
