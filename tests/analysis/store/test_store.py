"""Specification of the store: batches, transactions, stale results after a lexicon change."""

import dataclasses

import pytest

from analysis import store
from analysis.errors import StoreUnavailable
from analysis.ingest.articles import make_article
from analysis.pipeline import ANALYSIS_VERSION, Analyzer
from analysis.store import rollups
from analysis.text.lexicons import Term


def articles(n=3):
    return [
        make_article(
            outlet=f"Outlet {i % 2}", title=f"Story {i}", text=f"The regime said {i}. It rained."
        )
        for i in range(n)
    ]


def test_a_batch_writes_articles_scores_and_evidence(tmp_path, analyzer):
    con = store.connect(tmp_path / "s.duckdb")
    batch = articles()
    store.write_batch(con, batch, [analyzer.analyze(a) for a in batch])
    counts = [
        con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "scores")
    ]
    assert counts == [3, 3]
    assert con.execute("SELECT count(*) FROM evidence WHERE kind='framing'").fetchone()[0] == 3


def test_stored_evidence_keeps_the_offset_invariant(tmp_path, analyzer):
    con = store.connect(tmp_path / "s.duckdb")
    batch = articles()
    store.write_batch(con, batch, [analyzer.analyze(a) for a in batch])
    rows = con.execute(
        'SELECT substring(a.text, e.start + 1, e."end" - e.start) = e.text FROM evidence e '
        "JOIN articles a USING (article_id) WHERE e.field = 'text'"
    ).fetchall()
    assert rows and all(ok for (ok,) in rows)


def test_a_failed_run_leaves_the_store_as_it_was(tmp_path, analyzer):
    con = store.connect(tmp_path / "s.duckdb")
    first = articles(1)
    store.write_batch(con, first, [analyzer.analyze(a) for a in first])
    second = articles(3)[1:]
    with pytest.raises(RuntimeError), store.transaction(con):
        store.write_batch(con, second, [analyzer.analyze(a) for a in second])
        raise RuntimeError("disk full half-way")
    assert store.article_count(con) == 1


def test_writing_an_article_again_replaces_its_results_instead_of_adding(tmp_path, analyzer):
    con = store.connect(tmp_path / "s.duckdb")
    batch = articles()
    results = [analyzer.analyze(a) for a in batch]
    store.write_batch(con, batch, results)
    store.write_batch(con, batch, results)
    assert con.execute("SELECT count(*) FROM evidence").fetchone()[0] == sum(
        len(r.evidence) for r in results
    )
    assert store.article_count(con) == 3


def test_a_changed_lexicon_makes_every_result_stale(tmp_path, analyzer, lexicons):
    con = store.connect(tmp_path / "s.duckdb")
    batch = articles()
    store.write_batch(con, batch, [analyzer.analyze(a) for a in batch])
    assert store.stale_article_ids(con, lexicons.hash, ANALYSIS_VERSION) == []
    assert len(store.stale_article_ids(con, "another-hash", ANALYSIS_VERSION)) == 3


def test_rescoring_with_a_new_lexicon_leaves_no_old_rows(tmp_path, analyzer, lexicons):
    import dataclasses

    from analysis.text.lexicons import Term

    con = store.connect(tmp_path / "s.duckdb")
    batch = articles()
    store.write_batch(con, batch, [analyzer.analyze(a) for a in batch])
    smaller = dataclasses.replace(
        lexicons, framing=[Term("rained", "weather", "test")], hash="new-hash"
    )
    new = Analyzer(smaller)
    store.write_batch(con, [], [new.analyze(a) for a in store.iter_articles(con)])
    hashes = con.execute("SELECT DISTINCT lexicon_hash FROM scores").fetchall()
    labels = con.execute("SELECT DISTINCT label FROM evidence WHERE kind='framing'").fetchall()
    assert hashes == [("new-hash",)] and labels == [("weather",)]


def test_iter_articles_round_trips_articles(tmp_path, analyzer):
    con = store.connect(tmp_path / "s.duckdb")
    batch = [make_article(outlet="W", text="One.", published="2026-01-02T03:04:05+02:00")]
    store.write_batch(con, batch, [analyzer.analyze(a) for a in batch])
    assert list(store.iter_articles(con)) == batch


def test_the_fingerprint_changes_when_the_store_changes(tmp_path, analyzer):
    path = tmp_path / "s.duckdb"
    con = store.connect(path)
    con.execute("CHECKPOINT")
    before = store.fingerprint(path)
    batch = articles()
    store.write_batch(con, batch, [analyzer.analyze(a) for a in batch])
    con.execute("CHECKPOINT")
    assert store.fingerprint(path) != before


def test_opening_a_missing_store_read_only_says_how_to_create_one(tmp_path):
    with pytest.raises(StoreUnavailable, match="slant ingest"):
        store.connect(tmp_path / "none.duckdb", read_only=True)


def _rollup_rows(con):
    return {
        t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
        for t in store.ROLLUP_TABLES
    }


def test_write_batch_keeps_the_rollups_equal_to_a_full_rebuild_after_rescoring(
    tmp_path, analyzer, lexicons
):
    con = store.connect(tmp_path / "s.duckdb")
    batch = articles(5)
    store.write_batch(con, batch[:3], [analyzer.analyze(a) for a in batch[:3]])
    store.write_batch(con, batch[3:], [analyzer.analyze(a) for a in batch[3:]])
    smaller = dataclasses.replace(lexicons, framing=[Term("rained", "weather", "t")], hash="h2")
    store.write_batch(con, [], [Analyzer(smaller).analyze(a) for a in batch[:2]])
    kept = _rollup_rows(con)
    store.rebuild_rollups(con)
    assert kept == _rollup_rows(con)
    assert sum(row[3] for row in kept["rollup_articles"]) == 5  # column 3: articles


def test_a_store_made_before_the_rollups_gets_them_when_opened_for_writing(tmp_path, analyzer):
    path = tmp_path / "s.duckdb"
    con = store.connect(path)
    batch = articles()
    store.write_batch(con, batch, [analyzer.analyze(a) for a in batch])
    expected = _rollup_rows(con)
    for table in store.ROLLUP_TABLES:
        con.execute(f"DROP TABLE {table}")
    con.close()
    con = store.connect(path)
    assert store.rollups_current(con) and _rollup_rows(con) == expected


def test_a_read_only_connection_to_a_store_without_rollups_still_answers(tmp_path, analyzer):
    from analysis.compare import queries

    path = tmp_path / "s.duckdb"
    con = store.connect(path)
    batch = articles()
    store.write_batch(con, batch, [analyzer.analyze(a) for a in batch])
    for table in store.ROLLUP_TABLES:
        con.execute(f"DROP TABLE {table}")
    con.close()
    con = store.connect(path, read_only=True)
    assert not store.has_rollups(con)
    assert queries.corpus_summary(con)["articles"] == 3


def test_rows_loaded_without_write_batch_make_the_rollups_not_current(tmp_path, analyzer):
    con = store.connect(tmp_path / "s.duckdb")
    batch = articles()
    store.write_batch(con, batch[:2], [analyzer.analyze(a) for a in batch[:2]])
    assert store.rollups_current(con)
    con.register("_one", store.articles_frame(batch[2:]))
    con.execute("INSERT INTO articles SELECT * FROM _one")
    assert not store.rollups_current(con)


@pytest.mark.parametrize("chunk_articles", [50_000, 2])
def test_a_staged_load_adds_each_new_article_once_and_keeps_the_rollups_exact(
    tmp_path, analyzer, lexicons, monkeypatch, chunk_articles
):
    monkeypatch.setattr(rollups, "ROLLUP_CHUNK_ARTICLES", chunk_articles)  # 2: cells in chunks
    con = store.connect(tmp_path / "s.duckdb")
    batch = articles(5)
    results = [analyzer.analyze(a) for a in batch]
    store.write_batch(con, batch[:1], results[:1])  # already stored
    schemas = store.staging_schemas(con)
    store.write_staged(tmp_path / "staging", schemas, batch[:3], results[:3], "a", part=0)
    store.write_staged(tmp_path / "staging", schemas, batch[2:], results[2:], "b", part=1)
    with store.transaction(con):
        added, skipped = store.load_staged(
            con, tmp_path / "staging", lexicons.hash, ANALYSIS_VERSION, lexicons.files
        )
    assert (added, skipped) == (4, 2)
    assert store.article_count(con) == 5
    assert con.execute("SELECT count(*) FROM evidence").fetchone()[0] == sum(
        len(r.evidence) for r in results
    )
    kept = _rollup_rows(con)
    store.rebuild_rollups(con)
    assert store.rollups_current(con) and kept == _rollup_rows(con)  # batch[2] staged twice


def test_new_article_ids_are_those_neither_stored_nor_taken_earlier_in_the_run(tmp_path, analyzer):
    con = store.connect(tmp_path / "s.duckdb")
    stored = articles(1)
    store.write_batch(con, stored, [analyzer.analyze(a) for a in stored])
    sid = stored[0].article_id
    assert store.new_article_ids(con, [sid, "a", "b", "a"]) == {"a", "b"}
    assert store.new_article_ids(con, ["b", "c"]) == {"c"}
    assert store.new_article_ids(con, []) == set()
    with pytest.raises(RuntimeError), store.transaction(con):
        assert store.new_article_ids(con, ["d"]) == {"d"}
        raise RuntimeError("the run failed")
    assert store.new_article_ids(con, ["d"]) == {"d"}  # a rolled-back run took nothing


def test_bounded_memory_caps_duckdb_for_the_block_and_then_resets_it(tmp_path):
    con = store.connect(tmp_path / "s.duckdb")

    def limit():
        return con.execute("SELECT current_setting('memory_limit')").fetchone()[0]

    default = limit()
    with store.bounded_memory(con):
        assert limit() == "128.0 MiB"
        store.cap_memory(con, new_articles=1_000_000)  # room for the run's key index
        assert limit() == "250.0 MiB"
    with pytest.raises(RuntimeError), store.bounded_memory(con):
        raise RuntimeError("failed inside")
    assert limit() == default


def test_staged_files_of_a_table_share_one_schema_whatever_the_batch_holds(tmp_path, analyzer):
    import pyarrow.parquet as pq

    con = store.connect(tmp_path / "s.duckdb")
    undated = articles(2)  # published and every score column that can be empty, empty
    dated = [make_article(outlet="W", title="D", text="One.", published="2026-01-02")]
    schemas = store.staging_schemas(con)
    for name, batch in (("a", undated), ("b", dated)):
        store.write_staged(
            tmp_path / "staging", schemas, batch, [analyzer.analyze(a) for a in batch], name
        )
    files = sorted((tmp_path / "staging").glob("*/*.parquet"))
    assert len(files) > len(store.STAGED_TABLES)  # both batches, most tables
    for file in files:
        assert pq.read_schema(file).remove_metadata() == schemas[file.parent.name]


def test_a_staged_load_with_replace_swaps_the_results_of_stored_articles(
    tmp_path, analyzer, lexicons
):
    con = store.connect(tmp_path / "s.duckdb")
    batch = articles(4)
    store.write_batch(con, batch, [analyzer.analyze(a) for a in batch])
    smaller = dataclasses.replace(
        lexicons, framing=[Term("regime", "delegitimizing", "t")], hash="x"
    )
    rescored = [Analyzer(smaller).analyze(a) for a in batch[:3]]
    staging = tmp_path / "staging"
    schemas = store.staging_schemas(con)
    store.write_staged(staging, schemas, batch[:3], rescored, "a", with_articles=False)
    assert not (staging / "articles").exists()
    with store.transaction(con):
        loaded, skipped = store.load_staged(con, staging, "x", ANALYSIS_VERSION, replace=True)
    assert (loaded, skipped) == (3, 0) and store.article_count(con) == 4
    hashes = con.execute("SELECT lexicon_hash, count(*) FROM scores GROUP BY 1 ORDER BY 1")
    assert hashes.fetchall() == [(lexicons.hash, 1), ("x", 3)]
    evidence = con.execute(
        "SELECT count(*) FROM evidence WHERE article_id IN (SELECT article_id FROM scores "
        "WHERE lexicon_hash = 'x')"
    ).fetchone()[0]
    assert evidence == sum(len(r.evidence) for r in rescored)
    kept = _rollup_rows(con)
    store.rebuild_rollups(con)
    assert store.rollups_current(con) and kept == _rollup_rows(con)


def test_evidence_rows_follow_the_evidence_tables_columns(analyzer):
    # store.result_columns reads rows with records.evidence_row (Evidence's field order)
    # and names them by EVIDENCE_COLUMNS: the two orders must be one.
    from analysis.records import EVIDENCE_COLUMNS, evidence_row

    [result] = [analyzer.analyze(a) for a in articles(1)]
    row = result.evidence[0]
    assert evidence_row(row) == tuple(getattr(row, c) for c in EVIDENCE_COLUMNS)
    columns = store.result_columns([result])["evidence"]
    assert list(columns) == list(EVIDENCE_COLUMNS)
    assert [columns[c][0] for c in EVIDENCE_COLUMNS] == list(evidence_row(row))
