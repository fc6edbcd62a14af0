"""Opening the store: connections, the file's fingerprint, transactions and memory caps.

Long write runs bulk-load under :func:`bounded_memory`, so their memory stays flat
in the number of articles (see ``bench/README.md``, "Ingest memory").
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from analysis.config import DEFAULT_DB  # noqa: E402  (re-exported: the store's default file)
from analysis.errors import StoreBusy, StoreUnavailable
from analysis.store.rollups import rebuild_rollups, rollups_current
from analysis.store.schema import MIGRATIONS, SCHEMA

#: How long opening the store waits for another process's lock (a dashboard query holds
#: it for milliseconds, an ingest for the length of its run) before giving up.
LOCK_WAIT_SECONDS = 10.0
#: The first pause between attempts; each pause doubles, up to LOCK_RETRY_MAX_PAUSE.
LOCK_RETRY_FIRST_PAUSE = 0.05
LOCK_RETRY_MAX_PAUSE = 1.0

# Says once per open that it waits, so a command that sits still for seconds says why
# (`slant` prints it on stderr).
_log = logging.getLogger(__name__)


def _held_by_another_process(error: duckdb.Error) -> bool:
    """Another process holds the file's lock (IOException), or a connection of this process
    opened it the other way, read-only vs. read-write (ConnectionException): the dashboard's
    background fetch writing while a page reads."""
    text = str(error).lower()
    return "lock" in text or "different configuration" in text


def _open(path: Path, read_only: bool, wait: float):
    """Open ``path``, retrying with a growing pause while another process holds its lock.

    DuckDB lets one process write a file, or several read it, at a time (and one process
    open it one way at a time): ``slant ingest`` and a dashboard query collide for a
    moment, and one of them waits instead of failing.
    """
    deadline = time.monotonic() + wait
    pause = LOCK_RETRY_FIRST_PAUSE
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            left = deadline - time.monotonic()
            if _held_by_another_process(exc) and left > 0:
                if pause == LOCK_RETRY_FIRST_PAUSE:
                    _log.warning(
                        "%s: another program (a running `slant ingest`, or the dashboard's "
                        "Data page loading files) is using the store; waiting up to %.0f s",
                        path,
                        wait,
                    )
                time.sleep(min(pause, left))
                pause = min(pause * 2, LOCK_RETRY_MAX_PAUSE)
                continue
            kind = StoreBusy if _held_by_another_process(exc) else StoreUnavailable
            raise kind(
                f"{path}: the store could not be opened ({exc}); close the program using it "
                "(a running dashboard or ingest) and try again"
            ) from exc


def connect(
    path: str | os.PathLike = DEFAULT_DB, read_only: bool = False, wait: float | None = None
):
    """Open (and if needed create) the store at ``path``, waiting up to ``wait`` seconds
    (default :data:`LOCK_WAIT_SECONDS`) while another process holds its lock.

    A write connection first brings the roll-ups up to date when they are missing or
    do not cover the stored articles (:func:`rollups_current`); a read-only one never
    writes, and the queries fall back to the base tables on such a store.
    """
    path = Path(path)
    wait = LOCK_WAIT_SECONDS if wait is None else wait
    if read_only:
        if not path.exists():
            raise StoreUnavailable(
                f"{path}: no store here yet. Create one with `slant ingest FILES --db {path}`."
            )
        return _open(path, read_only=True, wait=wait)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = _open(path, read_only=False, wait=wait)
    con.execute(SCHEMA)
    con.execute(MIGRATIONS)
    if not rollups_current(con):
        # A store from before the roll-ups, or written in bulk without them.
        with transaction(con):
            rebuild_rollups(con)
    return con


def fingerprint(path: str | os.PathLike) -> str:
    """A cheap token that changes whenever the store file changes (for cache keys)."""
    path = Path(path)
    parts = []
    for candidate in (path, path.with_name(path.name + ".wal")):
        if candidate.exists():
            stat = candidate.stat()
            parts.append(f"{stat.st_mtime_ns}:{stat.st_size}")
    return "|".join(parts) or "missing"


#: DuckDB's memory for a write run's spillable work: the open transaction's pending rows,
#: sorts, joins, aggregates. Beyond it DuckDB spills to ``<store>.tmp`` (its default
#: temp_directory, removed when the connection closes).
WRITE_MEMORY_BASE = 128 * 2**20
#: ...plus this much per new article for what it keeps in memory until the commit: the
#: primary-key indexes (articles, scores) of the new rows, about 80 bytes per article.
WRITE_MEMORY_PER_ARTICLE = 128


def cap_memory(con, new_articles: int = 0) -> None:
    """Cap DuckDB's memory for a write run adding ``new_articles`` (see :func:`bounded_memory`)."""
    limit = WRITE_MEMORY_BASE + new_articles * WRITE_MEMORY_PER_ARTICLE
    con.execute(f"SET memory_limit = '{limit // 2**20}MiB'")


@contextmanager
def bounded_memory(con) -> Iterator[None]:
    """``with bounded_memory(con):`` caps DuckDB's memory for a long write run
    (:func:`cap_memory`; a run raises the cap by its article count before its bulk load).

    Why: DuckDB keeps the rows an open transaction appends in its buffer pool until the
    commit (a table's rows go to the file early only in full row groups of 122,880
    rows, so below that every article text of a run stays in memory), and it caches the
    blocks it has written. Its default cap is 80 % of RAM, so nothing was evicted and an
    ingest grew by ~13 KB per article (1.79 GB at 100k, the peak at the commit). Under
    the cap it spills the pending rows to disk and reads them back at the commit.
    ``memory_limit`` is global to the database instance, so it is reset afterwards (the
    store's connections never set it otherwise).
    """
    cap_memory(con)
    try:
        yield
    finally:
        con.execute("RESET memory_limit")


class transaction:
    """``with transaction(con):`` commits on success and rolls back on any error,
    so a run that fails half-way leaves the store exactly as it was."""

    def __init__(self, con):
        self.con = con

    def __enter__(self):
        self.con.execute("BEGIN TRANSACTION")
        return self.con

    def __exit__(self, exc_type, exc, tb):
        self.con.execute("ROLLBACK" if exc_type else "COMMIT")
        return False
