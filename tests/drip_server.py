"""A web server that answers one byte at a time: for the fetcher's deadline (tests and
``bench/fetch_deadline.py``)."""

from __future__ import annotations

import socket
import threading
import time


class DripServer:
    """Answers every connection one byte every ``gap`` seconds, until :meth:`stop` or for
    at most ``seconds``: headers that never end (``headers_only``), or headers at once and a
    10 kB body dripped. ``connections`` counts the connections it accepted."""

    def __init__(self, headers_only: bool, gap: float = 0.05, seconds: float = 20):
        self.connections = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(seconds)
        self.base = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        if headers_only:
            self._at_once, self._dripped = b"HTTP/1.1 200 OK\r\n", b"X-Slow: " + b"a" * 10_000
        else:
            self._at_once = (
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 10000\r\n\r\n"
            )
            self._dripped = b"x" * 10_000
        self._gap, self._ends = gap, time.monotonic() + seconds
        self._stopped = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _over(self) -> bool:
        return self._stopped.is_set() or time.monotonic() > self._ends

    def _serve(self) -> None:
        while not self._over():
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._drip, args=(conn,), daemon=True).start()

    def _drip(self, conn) -> None:
        with conn:
            try:
                conn.recv(4096)
                conn.sendall(self._at_once)
                for byte in self._dripped:
                    if self._over():
                        return
                    conn.sendall(bytes([byte]))
                    time.sleep(self._gap)
            except OSError:
                return

    def stop(self) -> None:
        self._stopped.set()
        self._listener.close()
