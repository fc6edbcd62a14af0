"""A store made by an earlier Slant lacks columns added since: a read-only connection names
them, and a write connection adds them without losing what is stored."""

import duckdb

from analysis import store
from analysis.store.schema import LATE_COLUMNS


def older_store(path, dropped=(("target_sentiment", "scoped_sentiment"), ("evidence", "voice"))):
    con = store.connect(path)
    con.execute("INSERT INTO articles (article_id, outlet, text) VALUES ('a1', 'O', 'Text.')")
    for table, column in dropped:
        con.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    con.close()
    return path


def test_a_store_of_this_version_lacks_no_column(tmp_path):
    store.connect(tmp_path / "new.duckdb").close()
    con = duckdb.connect(str(tmp_path / "new.duckdb"), read_only=True)
    assert store.missing_columns(con) == []


def test_a_read_only_connection_names_the_columns_an_older_store_lacks(tmp_path):
    path = older_store(tmp_path / "old.duckdb")
    con = store.connect(path, read_only=True)
    assert store.missing_columns(con) == ["evidence.voice", "target_sentiment.scoped_sentiment"]


def test_a_write_connection_adds_every_late_column_and_keeps_the_articles(tmp_path):
    dropped = tuple(LATE_COLUMNS)
    path = older_store(tmp_path / "old.duckdb", dropped)
    con = store.connect(path)
    assert store.missing_columns(con) == []
    assert con.execute("SELECT article_id FROM articles").fetchall() == [("a1",)]


def test_the_late_columns_are_those_the_schema_adds_to_existing_tables():
    assert ("target_sentiment", "scoped_sentiment") in LATE_COLUMNS
    assert ("evidence", "source_type") in LATE_COLUMNS
    assert ("rollup_targets", "sum_scoped") in LATE_COLUMNS
