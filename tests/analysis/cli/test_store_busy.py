"""`slant ingest` while another program holds the store: it says it waits, waits, then writes."""

import subprocess
import sys

from analysis import store
from tests.paths import ROOT
from tests.store_lock import lock_held


def ingest_while_held(tmp_path, mode: str, release_after: float):
    """``slant ingest`` of one article while another process holds the store (``mode``) for
    ``release_after`` seconds; the finished process and the store's path."""
    db = tmp_path / "s.duckdb"
    store.connect(db).close()
    corpus = tmp_path / "one.csv"
    corpus.write_text("outlet,title,text\nWire,Vote,Officials said the vote was held.\n")
    with lock_held(db, mode, release_after=release_after):
        done = subprocess.run(
            [sys.executable, "-m", "analysis.cli.main", "ingest", corpus, "--db", db],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
    return done, db


def test_ingest_waits_for_a_dashboard_query_holding_the_store(tmp_path):
    done, db = ingest_while_held(tmp_path, "read", 1.0)
    assert done.returncode == 0, done.stderr
    con = store.connect(db, read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    finally:
        con.close()


def test_ingest_says_it_waits_while_another_program_writes_to_the_store(tmp_path):
    done, db = ingest_while_held(tmp_path, "write", 1.5)
    assert done.returncode == 0, done.stderr
    assert f"slant: {db}: another program" in done.stderr
    assert "waiting up to 10 s" in done.stderr
