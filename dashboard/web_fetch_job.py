"""The Data page's "Fetch from the web" as a background job, one per store at a time.

Fetching is slow on purpose (robots.txt, a pause between requests to one site, one
deadline per request), so it runs in a worker thread of the dashboard process: the page
run only starts the job and then shows :meth:`WebFetchJob.progress`, polled by a
fragment. The job fetches every address, then scores and stores what it extracted with
the same run as ``slant ingest`` (``ingest_into_store``: one transaction), so a failure
or a cancel leaves the store exactly as it was. Pages already fetched stay in the web
cache beside the store, so fetching them again costs nothing.

Nothing here touches Streamlit: the worker thread has no session, and the tests drive a
job directly.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from analysis.errors import SlantError, StoreBusy

#: One job reads at most this many pasted addresses and this many entries of each feed:
#: the fetching runs on the shared server, one page a second per site.
MAX_WEB_ADDRESSES = 50
MAX_WEB_FEED_ENTRIES = 200

NOT_A_URL = "not a web address (it must start with http:// or https://)"

_log = logging.getLogger(__name__)


class JobRunning(SlantError):
    """A fetch into this store is already running; one at a time per store."""


class _Cancelled(Exception):
    """Raised inside the worker at the next page or scoring step after a cancel."""


@dataclass
class WebFetchJob:
    """One fetch-and-score run into ``store``; its fields are read by the page while it runs."""

    store: Path
    urls: list[str]
    outlet: str | None
    lexicons: object
    allow_private: bool
    #: fetching -> scoring -> done; or cancelled / failed (nothing written in either).
    state: str = "fetching"
    addresses_done: int = 0
    pages: int = 0
    failed_pages: int = 0
    articles: int = 0
    scored: int = 0
    added: int = 0
    duplicates: int = 0
    failures: list[dict] = field(default_factory=list)
    message: str = ""
    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    finished: datetime | None = None
    _cancel: threading.Event = field(default_factory=threading.Event, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _thread: threading.Thread | None = field(default=None, repr=False)

    @property
    def running(self) -> bool:
        return self.state in ("fetching", "scoring")

    def cancel(self) -> None:
        """Stop at the next page (or scoring step); nothing is written."""
        self._cancel.set()

    @property
    def cancelling(self) -> bool:
        return self._cancel.is_set() and self.running

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the job to end; True if it has."""
        if self._thread is not None:
            self._thread.join(timeout)
        return not self.running

    def progress(self) -> dict:
        """A consistent copy of the job's counts and failures for the page to show."""
        with self._lock:
            return {
                "state": self.state,
                "cancelling": self.cancelling,
                "addresses": len(self.urls),
                "addresses_done": self.addresses_done,
                "pages": self.pages,
                "failed_pages": self.failed_pages,
                "articles": self.articles,
                "scored": self.scored,
                "added": self.added,
                "duplicates": self.duplicates,
                "failures": list(self.failures),
                "message": self.message,
                "started": self.started,
                "finished": self.finished,
            }

    # ----------------------------------------------------------------- the worker

    def _stop_if_cancelled(self) -> None:
        if self._cancel.is_set():
            raise _Cancelled

    def _page_done(self, url: str, outcome: str) -> None:
        with self._lock:
            self.pages += 1
            if outcome not in ("cached", "fetched"):
                self.failed_pages += 1
        self._stop_if_cancelled()

    def _scoring(self, run) -> None:
        with self._lock:
            self.scored = run.added
        self._stop_if_cancelled()

    def _fetch(self) -> list:
        from analysis.ingest.web.fetch import Fetcher
        from analysis.ingest.web.inputs import iter_web_inputs
        from analysis.records import Rejected

        found = []
        cache_dir = self.store.parent / "web-cache"
        with Fetcher(cache_dir=cache_dir, allow_private_addresses=self.allow_private) as fetcher:
            for url in self.urls:
                self._stop_if_cancelled()
                # One address at a time, so the page can say "address n of N".
                for item in iter_web_inputs(
                    [url],
                    fetcher=fetcher,
                    outlet=self.outlet,
                    progress=self._page_done,
                    max_feed_entries=MAX_WEB_FEED_ENTRIES,
                ):
                    with self._lock:
                        if isinstance(item, Rejected):
                            self.failures.append(
                                {"address": item.source_file, "reason": item.problem}
                            )
                        else:
                            found.append(item)
                            self.articles += 1
                with self._lock:
                    self.addresses_done += 1
        return found

    def _run(self) -> None:
        from analysis.runs.scoring import ingest_into_store

        try:
            articles = self._fetch()
            with self._lock:
                self.state = "scoring"
            # One worker: the dashboard process serves other users while it scores.
            run = ingest_into_store(
                self.store, articles, self.lexicons, workers=1, progress=self._scoring
            )
            with self._lock:
                self.added, self.duplicates = run.added, run.duplicates
                self.state = "done"
        except _Cancelled:
            with self._lock:
                self.state = "cancelled"
                self.message = "Cancelled; nothing was written."
        except StoreBusy:
            with self._lock:
                self.state = "failed"
                self.message = (
                    "The store is being updated by another program; nothing was written. "
                    "Fetch again when it is done (pages already fetched are cached)."
                )
        except Exception as error:  # a page or network problem must never kill the server
            _log.exception("web fetch into %s failed", self.store)
            kind = "" if isinstance(error, SlantError) else f" ({type(error).__name__})"
            with self._lock:
                self.state = "failed"
                self.message = f"Fetching stopped and nothing was written{kind}."
        finally:
            with self._lock:
                self.finished = datetime.now(UTC)


_JOBS: dict[Path, WebFetchJob] = {}
_JOBS_LOCK = threading.Lock()


def _key(store: Path) -> Path:
    return Path(store).resolve()


def latest(store: Path) -> WebFetchJob | None:
    """The running job of ``store``, or else its last finished one (None if never fetched)."""
    with _JOBS_LOCK:
        return _JOBS.get(_key(store))


def start(
    store: Path,
    inputs: list[str],
    *,
    outlet: str | None,
    lexicons,
    allow_private: bool = False,
) -> WebFetchJob:
    """Start fetching ``inputs`` (pasted lines) into ``store`` in a worker thread.

    Lines that are not web addresses and addresses past :data:`MAX_WEB_ADDRESSES` are
    listed as failures straight away. Raises :class:`JobRunning` while another fetch into
    this store runs.
    """
    from analysis.ingest.web.inputs import is_url

    urls = [text for text in inputs if is_url(text)]
    failures = [{"address": text, "reason": NOT_A_URL} for text in inputs if not is_url(text)]
    failures += [
        {"address": text, "reason": f"not fetched: at most {MAX_WEB_ADDRESSES} addresses at once"}
        for text in urls[MAX_WEB_ADDRESSES:]
    ]
    job = WebFetchJob(
        store=Path(store),
        urls=urls[:MAX_WEB_ADDRESSES],
        outlet=outlet,
        lexicons=lexicons,
        allow_private=allow_private,
        failures=failures,
    )
    with _JOBS_LOCK:
        running = _JOBS.get(_key(store))
        if running is not None and running.running:
            raise JobRunning("A fetch into this store is already running; wait for it to end.")
        job._thread = threading.Thread(
            target=job._run, name=f"slant-web-fetch-{Path(store).name}", daemon=True
        )
        _JOBS[_key(store)] = job
        job._thread.start()
    return job
