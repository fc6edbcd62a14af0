"""A write that fails (a full disk) is told in plain words, and the store keeps what it had.

Reproduced issue 17 first: a full disk ended `slant ingest` with a raw DuckDB
"FATAL Error: ... database has been invalidated" traceback and a request to report a bug.
"""

from __future__ import annotations

import errno
import resource
import signal
import subprocess
import sys

import duckdb
import pytest

from analysis import store
from analysis.errors import StoreWriteFailed
from analysis.ingest.articles import make_article
from analysis.runs.scoring import ingest_into_store
from tests.paths import ROOT

#: What DuckDB raised when the disk filled during the commit's checkpoint (seen on a 30 MB tmpfs).
INVALIDATED = (
    "FATAL Error: Failed: database has been invalidated because of a previous fatal error. "
    "The database must be restarted prior to being used again.\n"
    'Original error: "Failed to create checkpoint because of error: Could not write file '
    '"/stores/s.duckdb": No space left on device"'
)


def articles(n, start=0):
    return [
        make_article(outlet="Wire", title=f"T{i}", text=f"The regime met {i}.")
        for i in range(start, start + n)
    ]


@pytest.fixture
def two_article_store(tmp_path, lexicons):
    db = tmp_path / "s.duckdb"
    ingest_into_store(db, articles(2), lexicons, workers=1)
    return db


def test_a_full_disk_at_the_commit_is_told_plainly_and_the_store_keeps_its_articles(
    two_article_store, lexicons, monkeypatch
):
    def invalidated(*args, **kwargs):
        raise duckdb.FatalException(INVALIDATED)

    monkeypatch.setattr(store, "load_staged", invalidated)
    with pytest.raises(StoreWriteFailed) as failed:
        ingest_into_store(two_article_store, articles(3, start=2), lexicons, workers=1)
    assert str(failed.value) == (
        f"the disk holding the store {two_article_store} is full, so this run could not be "
        "written. Nothing from it was added; the store still holds its 2 articles. Free some "
        "space on that disk (or use a store on another disk), then run it again."
    )
    with store.connect(two_article_store, read_only=True) as con:
        assert store.article_count(con) == 2


def test_a_full_disk_while_staging_results_is_told_plainly(
    two_article_store, lexicons, monkeypatch
):
    def no_space(*args, **kwargs):  # pyarrow's error when the staging folder's disk fills
        raise OSError(errno.ENOSPC, "Error writing bytes to file. Detail: [errno 28] ...")

    monkeypatch.setattr(store, "write_staged", no_space)
    with pytest.raises(StoreWriteFailed, match="is full, so this run could not be written"):
        ingest_into_store(two_article_store, articles(3, start=2), lexicons, workers=1)


def test_another_failed_write_says_nothing_was_added_and_what_to_check(
    two_article_store, lexicons, monkeypatch
):
    def io_error(*args, **kwargs):
        raise duckdb.IOException('IO Error: Could not write file "s.duckdb.wal": Input/output')

    monkeypatch.setattr(store, "load_staged", io_error)
    with pytest.raises(StoreWriteFailed) as failed:
        ingest_into_store(two_article_store, articles(1, start=2), lexicons, workers=1)
    assert "failed, so nothing from this run was added; the store still holds its 2" in str(
        failed.value
    )
    assert "Check that the disk is healthy and the folder is writable" in str(failed.value)


def test_a_bug_in_a_write_is_not_dressed_up_as_a_full_disk(
    two_article_store, lexicons, monkeypatch
):
    def bug(*args, **kwargs):
        raise duckdb.BinderException("Binder Error: Referenced column not found")

    monkeypatch.setattr(store, "load_staged", bug)
    with pytest.raises(duckdb.BinderException):
        ingest_into_store(two_article_store, articles(1, start=2), lexicons, workers=1)


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="needs RLIMIT_FSIZE (POSIX)")
def test_slant_ingest_that_cannot_grow_its_files_exits_2_with_a_message_not_a_traceback(
    two_article_store,
):
    # A real failed write, without root: no file of the run may grow past 500 KB
    # (the write fails with EFBIG, as a full disk fails with ENOSPC).
    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (500_000, 500_000))

    done = subprocess.run(
        [sys.executable, "-m", "analysis.cli.main", "ingest", ROOT / "data" / "sample"]
        + ["--db", str(two_article_store), "--workers", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=small_files,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert (
        f"slant: error: the store {two_article_store} reached the largest file this system "
        "lets Slant write (ulimit -f), so this run could not be written. Nothing from it was "
        "added; the store still holds its 2 articles." in done.stderr
    )
    with store.connect(two_article_store, read_only=True) as con:
        assert store.article_count(con) == 2
