"""A page opened while another program (``slant ingest``) holds the store says so in plain
words and refreshes itself, instead of showing a traceback with paths and process ids."""

import importlib
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import cache
from tests.store_lock import lock_held

# The module, not the function analysis.store re-exports under the same name.
store_connect = importlib.import_module("analysis.store.connect")

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "dashboard" / "app.py")
BUSY = "The store is being updated by another program; this page will refresh"


@pytest.fixture
def busy_wait(monkeypatch):
    monkeypatch.setattr(store_connect, "LOCK_WAIT_SECONDS", 0.3)
    monkeypatch.setattr(cache, "READ_WAIT_SECONDS", 0.3)


def shown(at: AppTest) -> str:
    return " ".join(
        e.value for kind in ("error", "warning", "info", "markdown", "code") for e in at.get(kind)
    )


@pytest.fixture
def store_copy(fixture_store, slant_db, tmp_path):
    return slant_db(shutil.copy(fixture_store, tmp_path / "busy.duckdb"))


def assert_busy_said_plainly(at: AppTest, db: Path) -> None:
    assert not at.exception, [e.value for e in at.exception][:1]
    text = shown(at)
    assert BUSY in text
    assert "PID" not in text and str(db) not in text


@pytest.mark.parametrize("page", ["views/terms.py", "views/sentiment.py"])
def test_a_page_opened_as_an_ingest_starts_says_the_store_is_being_updated(
    store_copy, busy_wait, page
):
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()  # the store was free: its status is now cached as ready
    assert not at.exception
    with lock_held(store_copy, "write"):
        at.switch_page(page).run()
    assert_busy_said_plainly(at, store_copy)


def test_the_dashboard_opened_during_an_ingest_says_the_store_is_being_updated(
    store_copy, busy_wait
):
    at = AppTest.from_file(APP, default_timeout=90)
    with lock_held(store_copy, "write"):
        at.run()
    assert_busy_said_plainly(at, store_copy)


def test_the_data_page_during_an_ingest_says_so_and_still_offers_uploads(store_copy, busy_wait):
    at = AppTest.from_file(APP, default_timeout=90)
    with lock_held(store_copy, "write"):
        at.run()
        at.switch_page("views/data.py").run()
    assert not at.exception, [e.value for e in at.exception][:1]
    assert BUSY in shown(at)
    assert at.button(key="load")


def test_loading_files_while_another_program_writes_says_so_without_path_or_pid(
    store_copy, busy_wait
):
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.switch_page("views/data.py").run()
    row = b"outlet,title,text\nWire,Vote,Officials said the vote was held on Sunday.\n"
    at.file_uploader(key="uploads_0").set_value(("one.csv", row, "text/csv")).run()
    with lock_held(store_copy, "write"):
        at.button(key="load").click().run()
    assert not at.exception, [e.value for e in at.exception][:1]
    # (The page's "The store" section names the store file on purpose; the message does not.)
    said = " ".join(e.value for kind in ("error", "warning") for e in at.get(kind))
    assert "being updated by another program, so nothing was written" in said
    assert "PID" not in said and str(store_copy.parent) not in said
