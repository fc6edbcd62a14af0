"""`slant ingest` while another program holds the store: it says it waits, waits, then writes."""

import subprocess
import sys

from analysis import store
from tests.paths import ROOT
from tests.store_lock import lock_held


def test_ingest_waits_for_a_dashboard_query_holding_the_store(tmp_path):
    db = tmp_path / "s.duckdb"
    store.connect(db).close()
    corpus = tmp_path / "one.csv"
    corpus.write_text("outlet,title,text\nWire,Vote,Officials said the vote was held.\n")
    with lock_held(db, "read", release_after=1.0):
        done = subprocess.run(
            [sys.executable, "-m", "analysis.cli.main", "ingest", corpus, "--db", db],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 0, done.stderr
    con = store.connect(db, read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    finally:
        con.close()


def test_ingest_says_it_waits_while_another_program_writes_to_the_store(tmp_path):
    db = tmp_path / "s.duckdb"
    store.connect(db).close()
    corpus = tmp_path / "one.csv"
    corpus.write_text("outlet,title,text\nWire,Vote,Officials said the vote was held.\n")
    with lock_held(db, "write", release_after=1.5):
        done = subprocess.run(
            [sys.executable, "-m", "analysis.cli.main", "ingest", corpus, "--db", db],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert done.returncode == 0, done.stderr
    assert f"slant: {db}: another program" in done.stderr
    assert "waiting up to 10 s" in done.stderr
