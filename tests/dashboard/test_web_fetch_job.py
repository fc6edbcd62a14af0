"""The Data page's web fetch runs as a background job: progress while it runs, one job per
store, a cancel that writes nothing, and a failure that loses nothing already stored."""

import importlib
import shutil

import pytest

from analysis import store
from analysis.text import lexicons as lexicon_files
from dashboard import web_fetch_job
from tests.store_lock import lock_held

# The module, not the function analysis.store re-exports under the same name.
store_connect = importlib.import_module("analysis.store.connect")


@pytest.fixture(scope="module")
def lexicons():
    return lexicon_files.load_lexicons(lexicon_files.DEFAULT_DIR)


@pytest.fixture
def db(fixture_store, tmp_path):
    return shutil.copy(fixture_store, tmp_path / "web.duckdb")


def article_count(db) -> int:
    con = store.connect(db, read_only=True)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


def start(db, site, paths, lexicons):
    urls = [f"{site.base}{path}" for path in paths]
    return web_fetch_job.start(db, urls, outlet=None, lexicons=lexicons, allow_private=True)


def test_a_feed_is_fetched_and_stored_by_the_job_with_its_progress_counted(db, site, lexicons):
    before = article_count(db)
    job = start(db, site, ["/feed.rss", "/missing"], lexicons)
    assert job.wait(120)
    done = job.progress()
    assert done["state"] == "done"
    assert (done["addresses"], done["addresses_done"]) == (2, 2)
    # The feed, its four entries (one of them a 404) and the pasted address that is a 404.
    assert (done["pages"], done["failed_pages"]) == (6, 2)
    assert done["articles"] == 2 and done["added"] == 2
    assert {"address": f"{site.base}/missing", "reason": "HTTP 404"} in done["failures"]
    assert article_count(db) == before + 2
    assert web_fetch_job.latest(db) is job


def test_one_fetch_at_a_time_per_store(db, site, lexicons):
    job = start(db, site, ["/slow", "/slow?2"], lexicons)
    try:
        with pytest.raises(web_fetch_job.JobRunning):
            start(db, site, ["/feed.rss"], lexicons)
    finally:
        job.cancel()
        job.wait(60)
    assert "/feed.rss" not in site.requests


def test_a_cancelled_fetch_writes_nothing(db, site, lexicons):
    before = article_count(db)
    job = start(db, site, ["/slow", "/slow?2", "/feed.rss"], lexicons)
    job.cancel()
    assert job.wait(60)
    assert job.progress()["state"] == "cancelled"
    assert "nothing was written" in job.progress()["message"]
    assert article_count(db) == before
    assert "/feed.rss" not in site.requests


def test_a_fetch_that_cannot_write_keeps_what_was_stored(db, site, lexicons, monkeypatch):
    monkeypatch.setattr(store_connect, "LOCK_WAIT_SECONDS", 0.3)
    before = article_count(db)
    with lock_held(db, "write"):
        job = start(db, site, ["/feed.rss"], lexicons)
        assert job.wait(120)
    failed = job.progress()
    assert failed["state"] == "failed"
    assert "being updated by another program; nothing was written" in failed["message"]
    assert str(db) not in failed["message"]
    assert article_count(db) == before
