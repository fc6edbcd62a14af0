"""Specification of scoring runs: one transaction that adds, skips duplicates and re-scores."""

import dataclasses

import pytest

from analysis import store
from analysis.ingest import make_article
from analysis.lexicons import Term
from analysis.scoring import ingest_into_store, rescore_store


def articles(n):
    return [
        make_article(outlet="Wire", title=f"T{i}", text=f"The regime met {i}.") for i in range(n)
    ]


def test_a_run_adds_new_articles_and_counts_duplicates(tmp_path, lexicons):
    db = tmp_path / "s.duckdb"
    first = ingest_into_store(db, articles(3), lexicons, workers=1)
    second = ingest_into_store(db, articles(4) + articles(1), lexicons, workers=1)
    assert (first.added, first.duplicates, first.total) == (3, 0, 3)
    assert (second.added, second.duplicates, second.total) == (1, 4, 4)


def test_a_run_that_fails_half_way_leaves_the_store_as_it_was(tmp_path, lexicons):
    db = tmp_path / "s.duckdb"
    ingest_into_store(db, articles(2), lexicons, workers=1)

    def broken_input():
        yield from articles(5)[2:]
        raise OSError("the disk went away")

    with pytest.raises(OSError):
        ingest_into_store(db, broken_input(), lexicons, workers=1, progress=None)
    con = store.connect(db, read_only=True)
    assert store.article_count(con) == 2


def test_a_changed_lexicon_rescores_only_what_is_stale(tmp_path, lexicons):
    db = tmp_path / "s.duckdb"
    ingest_into_store(db, articles(3), lexicons, workers=1)
    assert rescore_store(db, lexicons, workers=1).rescored == 0
    changed = dataclasses.replace(lexicons, framing=[Term("met", "meetings")], hash="changed")
    run = rescore_store(db, changed, workers=1)
    con = store.connect(db, read_only=True)
    labels = con.execute("SELECT DISTINCT label FROM evidence WHERE kind='framing'").fetchall()
    assert run.rescored == 3 and labels == [("meetings",)]


def test_progress_reports_each_written_batch(tmp_path, lexicons):
    seen = []
    ingest_into_store(
        tmp_path / "s.duckdb",
        articles(3),
        lexicons,
        workers=1,
        progress=lambda r: seen.append(r.added),
    )
    assert seen == [3]
