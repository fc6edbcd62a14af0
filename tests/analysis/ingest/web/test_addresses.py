"""The fetcher reaches public addresses only (unless told), and every request has one deadline.

Reproduces issue 17: from the dashboard, http://127.0.0.1:<port>/internal, [::1] and a
redirect to localhost were fetched and stored, the failure reasons told open ports
from closed ones, and a server dripping its headers was never cut off. Every server
here runs on 127.0.0.1 and stops on its own, so no test can hang.
"""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from analysis.ingest.web import addresses
from analysis.ingest.web.addresses import REFUSED, is_public
from analysis.ingest.web.fetch import Fetcher
from tests.drip_server import DripServer


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "100.64.0.1",  # shared (carrier-grade NAT)
        "0.0.0.0",
        "224.0.0.1",
        "240.0.0.1",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "ff02::1",
        "::ffff:127.0.0.1",  # IPv4-mapped
        "2002:7f00:1::",  # 6to4 around 127.0.0.1
        "64:ff9b::a00:1",  # NAT64 around 10.0.0.1
        "not an address",
    ],
)
def test_a_non_public_address_is_not_public(address):
    assert not is_public(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
def test_a_public_address_is_public(address):
    assert is_public(address)


@pytest.fixture
def fetcher(tmp_path):
    made = []

    def make(**options):
        settings = {"per_host_delay": 0, "timeout": 5, "retries": 0, "backoff": 0}
        made.append(Fetcher(tmp_path / "cache", **{**settings, **options}))
        return made[-1]

    yield make
    for each in made:
        each.close()


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_a_url_on_this_machine_is_refused_and_never_requested(site, fetcher, host):
    url = site.base.replace("127.0.0.1", host) + "/articles/maren-budget.html"
    result = fetcher().fetch(url)
    assert result.error == REFUSED
    assert site.requests == []


def test_an_ipv6_loopback_url_is_refused(fetcher):
    assert fetcher().fetch("http://[::1]:8080/internal").error == REFUSED


def test_an_open_and_a_closed_port_give_the_same_reason(site, fetcher):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    open_port = fetcher().fetch(f"{site.base}/articles/maren-budget.html")
    closed_port = fetcher().fetch(f"http://127.0.0.1:{closed}/x")
    assert open_port.error == closed_port.error == REFUSED


def test_a_refused_address_is_not_cached(site, fetcher, tmp_path):
    url = f"{site.base}/articles/maren-budget.html"
    fetcher().fetch(url)
    assert fetcher(allow_private_addresses=True).fetch(url).ok


def test_a_redirect_to_a_loopback_address_is_refused_at_that_hop(redirector, fetcher, monkeypatch):
    # The first hop (127.0.0.1) is let through as if it were public; its redirect
    # points at [::1], which must be refused before anything connects there.
    monkeypatch.setattr(addresses, "is_public", lambda address: address == "127.0.0.1")
    result = fetcher(respect_robots=False).fetch(f"{redirector.base}/moved")
    assert redirector.requests == ["/moved"]
    assert result.error == REFUSED


def test_the_transport_refuses_a_host_that_resolves_to_loopback_later(site, fetcher, monkeypatch):
    """DNS rebinding: the URL check saw a public address, the connection would not."""
    seen = []

    def resolve_public_first(host, port):
        seen.append(host)
        return ["93.184.216.34"] if len(seen) == 1 else ["127.0.0.1"]

    from analysis.ingest.web import fetch as fetch_module

    monkeypatch.setattr(fetch_module, "resolve", resolve_public_first)
    monkeypatch.setattr(addresses, "resolve", resolve_public_first)
    result = fetcher(respect_robots=False).fetch(f"{site.base}/articles/maren-budget.html")
    assert seen == ["127.0.0.1", "127.0.0.1"]  # checked by the URL, then where it connects
    assert result.error == REFUSED
    assert site.requests == []


@pytest.mark.parametrize("headers_only", [True, False], ids=["headers", "body"])
def test_a_dripping_server_is_cut_off_at_the_deadline_and_not_asked_again(fetcher, headers_only):
    server = DripServer(headers_only)
    try:
        result = fetcher(
            timeout=0.5, retries=3, respect_robots=False, allow_private_addresses=True
        ).fetch(f"{server.base}/slow")
    finally:
        server.stop()
    assert result.error == "timeout after 0.5 s"
    assert server.connections == 1


class _Redirector(ThreadingHTTPServer):
    """Answers every GET with a redirect to http://[::1]:9/internal; logs the paths."""

    def __init__(self):
        self.requests: list[str] = []
        log = self.requests

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                log.append(self.path)
                self.send_response(302)
                self.send_header("Location", "http://[::1]:9/internal")
                self.end_headers()

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture
def redirector():
    server = _Redirector()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()
