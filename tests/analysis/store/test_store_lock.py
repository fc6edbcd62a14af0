"""Opening the store while another process (or another connection of this one) holds it:
wait a bounded time, then say so."""

import threading

import pytest

from analysis import store
from analysis.errors import StoreUnavailable
from tests.store_lock import lock_held


@pytest.fixture
def stored(tmp_path):
    path = tmp_path / "s.duckdb"
    store.connect(path).close()
    return path


def test_a_writer_waits_for_a_reader_in_another_process_to_let_go(stored):
    with lock_held(stored, "read", release_after=1.0):
        con = store.connect(stored)
    con.close()


def test_a_reader_waits_for_a_writer_in_another_process_to_let_go(stored):
    with lock_held(stored, "write", release_after=1.0):
        con = store.connect(stored, read_only=True)
    con.close()


def test_a_lock_held_past_the_wait_is_reported_as_store_unavailable(stored):
    with lock_held(stored, "write"), pytest.raises(StoreUnavailable, match="try again"):
        store.connect(stored, read_only=True, wait=0.3)


def test_a_writer_waits_for_a_read_connection_of_the_same_process(stored):
    reading = store.connect(stored, read_only=True)
    threading.Timer(1.0, reading.close).start()  # a dashboard query ending
    con = store.connect(stored)
    con.close()


def test_a_same_process_connection_held_past_the_wait_is_reported_as_store_busy(stored):
    from analysis.errors import StoreBusy

    writing = store.connect(stored)
    try:
        with pytest.raises(StoreBusy):
            store.connect(stored, read_only=True, wait=0.3)
    finally:
        writing.close()
