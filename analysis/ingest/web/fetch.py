"""Polite, robust fetching of web pages, with an on-disk cache.

A research crawler must not hammer news sites and must survive their quirks:
robots.txt is obeyed, each host gets at most one request per ``per_host_delay``
seconds (across all threads), 429 and 5xx answers are retried with exponential
backoff (honouring ``Retry-After`` up to a cap), bodies are streamed and
abandoned past ``max_bytes``, and redirects are followed by hand so loops and
robots rules are caught at every hop.

Every page that was fetched is kept on disk, keyed by a hash of its URL, so a
re-run (or a run resumed after an interruption) fetches nothing twice, and
``offline=True`` answers from the cache alone. Only pages are kept, never an error
answer (a 404 may be a page not published yet), and the cache holds at most
``max_cache_bytes``: past that the oldest entries go. It lives beside the store
(``slant ingest``, the Data page) or the output folder (``slant analyze``), never in
whatever folder the command happened to start in.

Proxies from the environment (``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY``) are not
used: a proxy connects where the URL says after our address check, so private
addresses would be reachable through it. Every request goes straight to the host.

Failures never raise: a :class:`FetchResult` carries a short reason such as
``"HTTP 404"``, ``"timeout after 15 s"`` or ``"robots.txt disallows"``.

Only public addresses are fetched unless ``allow_private_addresses`` is set (see
:mod:`analysis.ingest.web.addresses`): every hop's host is resolved and checked, and
a refused host gets one reason whatever is behind it. ``timeout`` is one deadline
for the whole request (connect, headers and body).
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import json
import os
import re
import tempfile
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from analysis.ingest.web.addresses import (
    REFUSED,
    PublicOnlyTransport,
    deadline,
    refused_addresses,
    resolve,
)

DEFAULT_USER_AGENT = "Slant/0.1 (+https://github.com/slant-media/slant; research crawler)"
#: The cache folder's name beside the store (or the output folder of ``slant analyze``).
CACHE_DIR_NAME = "web-cache"
#: Most bytes the page cache keeps (about 40,000 pages at a typical 25 kB compressed).
DEFAULT_CACHE_BYTES = 1_000_000_000

#: Longest Retry-After we wait for; a server asking for more gets its answer reported instead.
MAX_RETRY_AFTER = 60.0
#: Longest crawl-delay from robots.txt we honour (some sites ask for absurd values).
MAX_CRAWL_DELAY = 30.0
#: Content types we read; anything else (PDF, images, video) is refused before download.
_TEXT_TYPES = re.compile(
    r"^(text/|application/(xhtml\+xml|xml|(x-)?(rss|atom|rdf)\+xml|x-rss|x-atom|rss|atom)\b)"
)
_REDIRECTS = {301, 302, 303, 307, 308}
_CHARSET_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
# Only pages are cached: an error (404, 5xx) or our own refusal (a content type or size
# we do not read) is asked again next run, since the page may be there by then.
_CACHEABLE = set(range(200, 300))


@dataclass(slots=True)
class FetchResult:
    """The outcome of fetching one URL.

    ``text`` is the decoded body (``None`` on failure); ``error`` is a short reason
    (``None`` on success); ``final_url`` is where redirects ended.
    """

    url: str
    final_url: str
    status: int | None
    text: str | None
    error: str | None
    from_cache: bool
    content_type: str = ""

    @property
    def ok(self) -> bool:
        return self.error is None and self.text is not None


def _format_seconds(seconds: float) -> str:
    return f"{seconds:g} s"


def _format_bytes(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:g} MB"
    if n >= 1_000:
        return f"{n / 1_000:g} kB"
    return f"{n} bytes"


def cache_key(url: str) -> str:
    """The cache file stem for ``url``: SHA-256 of the URL without its #fragment."""
    return hashlib.sha256(urldefrag(url)[0].encode("utf-8")).hexdigest()


def decode_html(body: bytes, content_type: str = "") -> str:
    """Decode by the header's charset, else a <meta charset>, else UTF-8 (lossy)."""
    match = re.search(r"charset=([^\s;]+)", content_type, re.I)
    charset = match.group(1).strip("\"'") if match else None
    if not charset:
        meta = _CHARSET_META.search(body[:4096])
        charset = meta.group(1).decode("ascii", "ignore") if meta else "utf-8"
    try:
        return body.decode(charset, errors="replace")
    except LookupError:  # an unknown charset name
        return body.decode("utf-8", errors="replace")


def _retry_after(value: str | None) -> float | None:
    """Seconds asked for by a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class _Failure(Exception):
    """A fetch failed for a reason worth reporting; ``retry`` says whether trying again may help."""

    def __init__(self, reason: str, status: int | None = None, retry: bool = False, wait=None):
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry = retry
        self.wait = wait


class Fetcher:
    """Fetches pages politely and caches them on disk.

    >>> with Fetcher("stores/web-cache", per_host_delay=1.0) as fetcher:  # doctest: +SKIP
    ...     for result in fetcher.fetch_many(urls):
    ...         print(result.url, result.error or "ok")

    ``timeout`` is the most one request may take, from connecting to the last byte of
    the body (a server dripping headers or body is cut off at it); a timed-out request
    is not tried again unless it never connected. Hosts that resolve to a loopback,
    private, link-local, multicast or reserved address are refused unless
    ``allow_private_addresses`` (a researcher fetching from their own network).

    ``per_host_delay`` is the minimum gap between two requests to the same host,
    enforced across the worker threads of :meth:`fetch_many` (a robots.txt
    ``Crawl-delay`` raises it for that host, up to 30 s). ``retries`` is the
    number of extra attempts after a 429, a 5xx, a timeout or a dropped
    connection, waiting ``backoff * 2**attempt`` seconds (or what Retry-After
    asks) in between; a server asking for more than 60 s is reported, not waited for.
    """

    def __init__(
        self,
        cache_dir: str | os.PathLike,
        user_agent: str = DEFAULT_USER_AGENT,
        per_host_delay: float = 1.0,
        timeout: float = 15,
        retries: int = 3,
        max_bytes: int = 5_000_000,
        max_redirects: int = 5,
        concurrency: int = 4,
        offline: bool = False,
        respect_robots: bool = True,
        backoff: float = 1.0,
        transport: httpx.BaseTransport | None = None,
        allow_private_addresses: bool = False,
        max_cache_bytes: int = DEFAULT_CACHE_BYTES,
    ):
        self.cache_dir = Path(cache_dir)
        self.max_cache_bytes = max_cache_bytes
        self._cache_bytes: int | None = None  # counted at the first write
        self._cache_lock = threading.Lock()
        self.user_agent = user_agent
        self.per_host_delay = per_host_delay
        self.timeout = timeout
        self.retries = retries
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.concurrency = max(1, int(concurrency))
        self.offline = offline
        self.respect_robots = respect_robots
        self.backoff = backoff
        self._transport = transport
        self.allow_private_addresses = allow_private_addresses
        self._client: httpx.Client | None = None
        self._client_lock = threading.Lock()
        self._slots: dict[str, float] = {}  # host -> earliest time of its next request
        self._slot_lock = threading.Lock()
        self._robots: dict[str, RobotFileParser | None] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._robots_lock = threading.Lock()
        self._host_delay: dict[str, float] = {}
        #: Requests actually sent over the network (robots.txt included), for reports.
        self.requests_sent = 0

    # -- lifecycle -------------------------------------------------------------------------

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        with self._client_lock:
            if self._client is not None:
                self._client.close()
                self._client = None

    @property
    def client(self) -> httpx.Client:
        with self._client_lock:
            if self._client is None:
                self._client = httpx.Client(
                    headers={"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate"},
                    timeout=httpx.Timeout(self.timeout),
                    follow_redirects=False,
                    trust_env=False,  # no proxy from the environment (see the module doc)
                    limits=httpx.Limits(max_connections=self.concurrency * 2),
                    transport=self._transport
                    or PublicOnlyTransport(
                        allow_private=self.allow_private_addresses,
                        max_connections=self.concurrency * 2,
                    ),
                )
            return self._client

    # -- public API ------------------------------------------------------------------------

    def fetch(self, url: str, refresh: bool = False) -> FetchResult:
        """Fetch one URL (from the cache when it is there); never raises.

        ``refresh=True`` asks the network even for a cached URL (a feed gains
        entries between runs); offline, the cached copy is still used.
        """
        url = url.strip()
        cached = self._read_cache(url) if not refresh or self.offline else None
        if cached is not None:
            return cached
        if self.offline:
            return FetchResult(url, url, None, None, "not in cache (offline)", False)
        scheme = urlsplit(url).scheme.lower()
        if scheme not in ("http", "https") or not urlsplit(url).hostname:
            return FetchResult(url, url, None, None, "not an http(s) URL", False)
        try:
            final_url, status, content_type, text = self._fetch_following_redirects(url)
        except _Failure as failure:
            return FetchResult(url, url, failure.status, None, failure.reason, False)
        error = None if 200 <= status < 300 else f"HTTP {status}"
        result = FetchResult(url, final_url, status, text if error is None else None, error, False)
        result.content_type = content_type
        if status in _CACHEABLE:
            self._write_cache(result)
        return result

    def fetch_many(self, urls: Iterable[str]) -> Iterator[FetchResult]:
        """Fetch URLs with at most ``concurrency`` requests in flight; results in input order.

        The per-host delay holds across threads, so many URLs on one host are
        still fetched one ``per_host_delay`` apart; different hosts overlap.
        """
        window = self.concurrency * 4  # enough look-ahead to keep every worker busy
        with ThreadPoolExecutor(
            max_workers=self.concurrency, thread_name_prefix="slant-fetch"
        ) as pool:
            pending: deque[Future[FetchResult]] = deque()
            try:
                for url in urls:
                    pending.append(pool.submit(self.fetch, url))
                    if len(pending) >= window:
                        yield pending.popleft().result()
                while pending:
                    yield pending.popleft().result()
            finally:  # the caller stopped early (Ctrl-C, break): drop what has not started
                for future in pending:
                    future.cancel()

    def is_cached(self, url: str) -> bool:
        return self._cache_path(url).exists()

    # -- network ---------------------------------------------------------------------------

    def _fetch_following_redirects(self, url: str) -> tuple[str, int, str, str | None]:
        seen = {urldefrag(url)[0]}
        current = url
        for _hop in range(self.max_redirects + 1):
            self._check_host(current)
            if self.respect_robots and not self._robots_allow(current):
                raise _Failure("robots.txt disallows")
            status, headers, body = self._get_with_retries(current)
            if status in _REDIRECTS and headers.get("location"):
                target = urljoin(current, headers["location"])
                if urlsplit(target).scheme.lower() not in ("http", "https"):
                    raise _Failure(f"redirect to a non-http URL ({target[:80]})", status)
                if urldefrag(target)[0] in seen:
                    raise _Failure("redirect loop", status)
                seen.add(urldefrag(target)[0])
                current = target
                continue
            content_type = headers.get("content-type", "")
            text = decode_html(body, content_type) if body is not None else None
            return current, status, content_type, text
        raise _Failure(f"too many redirects (> {self.max_redirects})")

    def _check_host(self, url: str) -> None:
        """Refuse a URL whose host resolves to a non-public address (every hop is checked).

        The transport checks again where it connects (so a DNS answer that changes in
        between gains nothing); this check also covers requests sent through a proxy.
        """
        if self.allow_private_addresses or self._transport is not None:
            return
        parts = urlsplit(url)
        try:
            addresses = resolve(parts.hostname or "", parts.port or 443)
        except (OSError, UnicodeError):
            raise _Failure("connection failed (cannot resolve the host)") from None
        if refused_addresses(addresses):
            raise _Failure(REFUSED)

    def _get_with_retries(self, url: str) -> tuple[int, httpx.Headers, bytes | None]:
        attempt = 0
        while True:
            try:
                return self._get_once(url)
            except _Failure as failure:
                if not failure.retry or attempt >= self.retries:
                    if attempt and failure.reason.startswith("timeout"):
                        failure.reason += f" ({attempt + 1} tries)"
                    raise
                wait = self.backoff * (2**attempt)
                if failure.wait is not None:
                    if failure.wait > MAX_RETRY_AFTER:  # come back much later: not this run
                        failure.reason += f" (server asks to wait {failure.wait:.0f} s)"
                        raise
                    wait = failure.wait
                time.sleep(wait)
                attempt += 1

    def _get_once(self, url: str) -> tuple[int, httpx.Headers, bytes | None]:
        """One GET: (status, headers, body) for 2xx and redirects; raises _Failure otherwise."""
        self._wait_for_slot(url)
        with self._slot_lock:
            self.requests_sent += 1
        timed_out = f"timeout after {_format_seconds(self.timeout)}"
        ends = time.monotonic() + self.timeout
        try:
            with deadline(self.timeout), self.client.stream("GET", url) as response:
                status = response.status_code
                if status == 429 or status >= 500:
                    raise _Failure(
                        f"HTTP {status}",
                        status,
                        retry=True,
                        wait=_retry_after(response.headers.get("retry-after")),
                    )
                if status in _REDIRECTS:
                    return status, response.headers, None
                if not 200 <= status < 300:
                    raise _Failure(f"HTTP {status}", status)
                content_type = response.headers.get("content-type", "")
                if content_type and not _TEXT_TYPES.match(content_type.lower()):
                    kind = content_type.split(";")[0].strip()
                    raise _Failure(f"not a web page ({kind})", status)
                too_large = _Failure(f"too large (> {_format_bytes(self.max_bytes)})", status)
                length = response.headers.get("content-length", "")
                if length.isdigit() and int(length) > self.max_bytes:
                    raise too_large
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise too_large
                    if time.monotonic() > ends:  # a drip-feeding server ends too
                        raise _Failure(timed_out)
                    chunks.append(chunk)
                return status, response.headers, b"".join(chunks)
        except httpx.TimeoutException as exc:
            # Only a connection never made is worth another try: a server that answers
            # too slowly answers as slowly the next time.
            raise _Failure(timed_out, retry=isinstance(exc, httpx.ConnectTimeout)) from None
        except httpx.TooManyRedirects:
            raise _Failure("redirect loop") from None
        except httpx.ConnectError as exc:
            if str(exc) == REFUSED:
                raise _Failure(REFUSED) from None
            reason = str(exc).strip() or type(exc).__name__
            raise _Failure(f"connection failed ({reason[:120]})", retry=True) from None
        except (httpx.TransportError, httpx.DecodingError) as exc:
            reason = str(exc).strip() or type(exc).__name__
            raise _Failure(f"connection failed ({reason[:120]})", retry=True) from None

    def _wait_for_slot(self, url: str) -> None:
        """Sleep until this host may be asked again; reserves the slot under a lock."""
        host = (urlsplit(url).hostname or "").lower()
        delay = max(self.per_host_delay, self._host_delay.get(host, 0.0))
        with self._slot_lock:
            now = time.monotonic()
            slot = max(now, self._slots.get(host, now))
            self._slots[host] = slot + delay
        if slot > now:
            time.sleep(slot - now)

    # -- robots.txt ------------------------------------------------------------------------

    def _robots_allow(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        with self._robots_lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:  # one robots.txt request per host, even with many threads asking at once
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin, (parts.hostname or "").lower())
        parser = self._robots[origin]
        return parser is None or parser.can_fetch(self.user_agent, url)

    def _load_robots(self, origin: str, host: str) -> RobotFileParser | None:
        """The host's robots.txt rules; ``None`` (allow all) when it has none or is unreachable."""
        try:
            status, _headers, body = self._get_once(origin + "/robots.txt")
        except _Failure:
            return None  # no robots.txt (4xx) or unreachable: nothing forbids us
        if status != 200 or body is None:
            return None
        parser = RobotFileParser(origin + "/robots.txt")
        parser.parse(decode_html(body, "").splitlines())
        delay = parser.crawl_delay(self.user_agent)
        if delay:
            self._host_delay[host] = min(float(delay), MAX_CRAWL_DELAY)
        return parser

    # -- cache -----------------------------------------------------------------------------

    def _cache_path(self, url: str) -> Path:
        key = cache_key(url)
        return self.cache_dir / key[:2] / f"{key}.json.gz"

    def _read_cache(self, url: str) -> FetchResult | None:
        path = self._cache_path(url)
        try:
            with gzip.open(path, "rt", encoding="utf-8") as handle:
                data = json.load(handle)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, EOFError):
            return None  # a torn or corrupt entry: fetch again (unless offline)
        if data.get("error"):
            return None  # an error cached by an older version: ask again
        data["from_cache"] = True
        data["url"] = url
        return FetchResult(**{k: data.get(k) for k in FetchResult.__slots__ if k in data})

    def _write_cache(self, result: FetchResult) -> None:
        path = self._cache_path(result.url)
        path.parent.mkdir(parents=True, exist_ok=True)
        record = asdict(result)
        record.pop("from_cache")
        record["fetched_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        # Write then rename, so an interrupted run never leaves a half-written entry.
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as raw, gzip.open(raw, "wt", encoding="utf-8") as handle:
                json.dump(record, handle)
            replaced = _size(path)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self._count_cached(_size(path) - replaced)

    def _count_cached(self, added: int) -> None:
        """Keep the cache under ``max_cache_bytes``: past it, the oldest entries are removed
        until it is back to 90% (so the folder is not listed again for every page)."""
        with self._cache_lock:
            if self._cache_bytes is None:
                self._cache_bytes = sum(size for _, size, _ in self._cache_entries())
            else:
                self._cache_bytes += added
            if self._cache_bytes <= self.max_cache_bytes:
                return
            for _, size, path in sorted(self._cache_entries()):
                if self._cache_bytes <= 0.9 * self.max_cache_bytes:
                    break
                path.unlink(missing_ok=True)
                self._cache_bytes -= size

    def _cache_entries(self) -> Iterator[tuple[float, int, Path]]:
        """``(modified, size, path)`` of every cached page."""
        for path in self.cache_dir.glob("*/*.json.gz"):
            try:
                stat = path.stat()
            except OSError:  # removed meanwhile
                continue
            yield stat.st_mtime, stat.st_size, path


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
