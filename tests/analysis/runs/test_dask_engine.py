"""Specification of the Dask engine: the store it builds is the local engine's, table by table."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analysis import store
from analysis.cli.main import main as slant
from analysis.runs.dask_engine import ingest_with_dask, plan_partitions
from tests.paths import ROOT

SAMPLE = ROOT / "data" / "sample" / "articles.jsonl"

# Every table, with the columns that order its rows completely.
TABLES = {
    "articles": ["article_id"],
    "scores": ["article_id"],
    "category_counts": ["article_id", "family", "category"],
    # (Two cues may share one span and class: "X said ... and asked ...".)
    "evidence": ["article_id", "field", "kind", "start", '"end"', "label", "cue_start"],
    "sentences": ["article_id", "field", "idx"],
    "target_sentiment": ["article_id", "target"],
    "lexicon_versions": ["lexicon_hash"],
}
# Stamps of the moment of writing, which differ between any two runs.
VOLATILE = {"articles": ["ingested_at"], "lexicon_versions": ["first_used"]}


def table(db: Path, name: str) -> pd.DataFrame:
    con = store.connect(db, read_only=True)
    try:
        frame = con.execute(f"SELECT * FROM {name} ORDER BY {', '.join(TABLES[name])}").df()
    finally:
        con.close()
    return frame.drop(columns=VOLATILE.get(name, []))


def assert_same_store(local: Path, distributed: Path) -> None:
    for name in TABLES:
        expected, got = table(local, name), table(distributed, name)
        assert len(got) == len(expected), name
        pd.testing.assert_frame_equal(got, expected, check_dtype=True, obj=name)


def local_ingest(paths: list[Path], db: Path) -> None:
    code = slant(["ingest", *map(str, paths), "--db", str(db), "--workers", "1"])
    assert code in (0, 1)


@pytest.fixture(scope="module")
def stores(tmp_path_factory, lexicons):
    """The sample corpus ingested by the local engine and by a 2-worker LocalCluster."""
    folder = tmp_path_factory.mktemp("dask")
    local, distributed = folder / "local.duckdb", folder / "dask.duckdb"
    local_ingest([SAMPLE], local)
    summary = ingest_with_dask(
        [SAMPLE], distributed, lexicons, workers=2, partition_rows=40, processes=False
    )
    return local, distributed, summary


def test_every_table_matches_the_local_engine(stores):
    local, distributed, _ = stores
    assert_same_store(local, distributed)


def test_the_summary_counts_what_was_added(stores):
    _, _, summary = stores
    assert summary["partitions"] == 4  # 135 lines in slices of about 40
    assert (summary["added"], summary["duplicates"], summary["rejected"]) == (135, 0, [])
    assert summary["total"] == 135


def test_a_second_run_adds_nothing_and_the_workers_score_nothing_again(stores, lexicons, tmp_path):
    local, _, _ = stores
    copy = tmp_path / "again.duckdb"
    copy.write_bytes(local.read_bytes())
    staging = tmp_path / "staging"
    summary = ingest_with_dask(
        [SAMPLE], copy, lexicons, workers=2, processes=False, staging=staging, keep_staging=True
    )
    assert (summary["added"], summary["duplicates"], summary["total"]) == (0, 135, 135)
    assert_same_store(local, copy)
    # The stored ids reach the workers as a file in the staging folder, not as a set.
    assert (staging / "_stored_ids.parquet").exists()
    assert not list(staging.glob("articles/*.parquet"))  # nothing was scored and staged


def test_parquet_row_groups_duplicates_and_rejects_match_the_local_engine(lexicons, tmp_path):
    rows = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()][:30]
    rows += rows[:5]  # duplicates in a later row group: the first occurrence wins
    rows.append({**rows[0], "id": "no-text", "text": ""})  # rejected with its row number
    path = tmp_path / "corpus.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=8)
    jsonl = tmp_path / "more.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in rows[10:20]) + "\nnot json\n")
    assert [p.kind for p in plan_partitions([path, jsonl], 10)] == ["parquet"] * 3 + ["jsonl"] * 2

    local, distributed = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    local_ingest([path, jsonl], local)
    summary = ingest_with_dask(
        [path, jsonl], distributed, lexicons, workers=2, partition_rows=10, processes=False
    )
    assert_same_store(local, distributed)
    assert summary["added"] == 30 and summary["duplicates"] == 15
    assert sorted((r.source_file, r.row) for r in summary["rejected"]) == [
        (str(path), 36),  # empty text
        (str(jsonl), 11),  # not JSON
    ]
