"""Specification of scoring runs: one transaction that adds, skips duplicates and re-scores."""

import dataclasses

import pytest

from analysis import store
from analysis.ingest.articles import make_article
from analysis.runs.scoring import RunSummary, ingest_into_store, rescore_store, unique_articles
from analysis.text.lexicons import Term


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


def test_a_run_writes_under_duckdbs_memory_cap(tmp_path, lexicons, monkeypatch):
    limits = []
    load = store.load_staged

    def load_and_note_the_cap(con, *args):
        limits.append(con.execute("SELECT current_setting('memory_limit')").fetchone()[0])
        return load(con, *args)

    monkeypatch.setattr(store, "load_staged", load_and_note_the_cap)
    assert ingest_into_store(tmp_path / "s.duckdb", articles(3), lexicons, workers=1).added == 3
    assert limits == ["128.0 MiB"]  # the base cap; 3 new articles add nothing visible


def test_duplicates_are_counted_across_and_within_id_batches(tmp_path, lexicons):
    ingest_into_store(tmp_path / "s.duckdb", articles(1), lexicons, workers=1)
    con = store.connect(tmp_path / "s.duckdb")
    summary = RunSummary()
    t0, t1, t2 = articles(3)  # t0 is stored already
    # In id batches of two: [t1, t1] [t2, t0] [t2].
    kept = list(unique_articles([t1, t1, t2, t0, t2], summary, con, batch=2))
    assert kept == [t1, t2] and summary.duplicates == 3


def stored_rows(db):
    con = store.connect(db, read_only=True)
    try:
        return {
            table: con.execute(
                f"SELECT * {'EXCLUDE (ingested_at)' if table == 'articles' else ''} "
                f"FROM {table} ORDER BY ALL"
            ).fetchall()
            for table in (*store.STAGED_TABLES, *store.ROLLUP_TABLES)
        }
    finally:
        con.close()


def test_a_pool_stores_what_one_process_stores_and_rescoring_replaces_every_row(
    tmp_path, lexicons, sample_articles
):
    runs = {}
    for workers in (1, 2):  # 2: the workers write the staging files themselves
        db = tmp_path / f"{workers}.duckdb"
        assert ingest_into_store(db, sample_articles[:15], lexicons, workers=workers).added == 15
        runs[workers] = stored_rows(db)
        rescored = rescore_store(db, lexicons, workers=workers, rescore_all=True)
        assert rescored.rescored == 15 and stored_rows(db) == runs[workers]  # nothing doubled
    assert runs[1] == runs[2] and len(runs[1]["evidence"]) > 100


def test_staging_left_by_a_killed_run_of_this_store_is_removed_at_the_next_run(tmp_path, lexicons):
    # Issue 17: kill -9 during an ingest left .staging-* folders (up to 36 MB) for good.
    left = tmp_path / ".s.duckdb.staging-killed"
    (left / "articles").mkdir(parents=True)
    (left / "articles" / "part-0.parquet").write_bytes(b"x" * 1000)
    other_store = tmp_path / ".other.duckdb.staging-running"
    other_store.mkdir()
    ingest_into_store(tmp_path / "s.duckdb", articles(2), lexicons, workers=1)
    assert not left.exists()
    assert other_store.exists()
    assert not list(tmp_path.glob(".s.duckdb.staging-*"))
