"""The validation tables: samples, items and codes beside the measures."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import store
from analysis.compare.validation_sample import SampleRequest, draw_sample
from analysis.store import validation as tables
from tests import fixture_stores as fx


@pytest.fixture
def path(tmp_path):
    return fx.build_fixture_store(tmp_path / "fixture.duckdb")


def _store_sample(con, n=4):
    record, items = draw_sample(con, SampleRequest("framing", n=n, seed=1))
    sample_id = tables.new_sample_id(con, "framing")
    items = tables.number_items(items, sample_id)
    tables.save_sample(con, {**record, "sample_id": sample_id}, items)
    return sample_id, items


def code(item_id, coder, value, sample_id="framing-1"):
    return pd.DataFrame(
        [{"sample_id": sample_id, "item_id": item_id, "coder": coder, "code": value}]
    )


def test_a_store_without_validation_tables_reads_as_empty(path):
    con = store.connect(path, read_only=True)
    try:
        assert tables.samples(con).empty
        assert tables.sample_items(con, "x").empty
        assert tables.sample_codes(con).empty
    finally:
        con.close()


def test_a_stored_sample_keeps_its_items_in_coding_order_with_ids(path):
    con = store.connect(path)
    sample_id, items = _store_sample(con)
    stored = tables.sample_items(con, sample_id)
    assert sample_id == "framing-1"
    assert stored["item_id"].tolist() == [
        "framing-1/001",
        "framing-1/002",
        "framing-1/003",
        "framing-1/004",
    ]
    assert stored["text"].tolist() == items["text"].tolist()
    assert tables.new_sample_id(con, "framing") == "framing-2"


def test_coding_an_item_again_replaces_the_coders_code(path):
    con = store.connect(path)
    sample_id, items = _store_sample(con)
    first = items["item_id"].iloc[0]
    tables.save_codes(con, code(first, "ann", "wrong"))
    tables.save_codes(con, code(first, "ann", "correct"))
    tables.save_codes(con, code(first, "bob", "wrong"))
    codes = tables.sample_codes(con, sample_id)
    assert codes[["coder", "code"]].values.tolist() == [["ann", "correct"], ["bob", "wrong"]]


def test_codes_never_change_the_measures(path):
    con = store.connect(path)
    before = con.execute("SELECT count(*), sum(start) FROM evidence").fetchone()
    scores = con.execute("SELECT sum(framing_count) FROM scores").fetchone()
    sample_id, items = _store_sample(con)
    tables.save_codes(con, code(items["item_id"].iloc[0], "ann", "wrong"))
    assert con.execute("SELECT count(*), sum(start) FROM evidence").fetchone() == before
    assert con.execute("SELECT sum(framing_count) FROM scores").fetchone() == scores


def test_samples_list_their_coders_and_codes(path):
    con = store.connect(path)
    sample_id, items = _store_sample(con)
    tables.save_codes(con, code(items["item_id"].iloc[0], "ann", "correct"))
    tables.save_codes(con, code(items["item_id"].iloc[1], "bob", "skip"))
    row = tables.samples(con, "framing").iloc[0]
    assert (row["sample_id"], row["coders"], row["codes"]) == (sample_id, 2, 2)
    assert tables.samples(con, "attribution").empty


def test_items_grow_the_columns_the_evidence_table_gained(path):
    con = store.connect(path)
    tables.ensure_tables(con)
    con.execute("ALTER TABLE evidence ADD COLUMN stance_score DOUBLE")
    tables.ensure_tables(con)
    columns = dict(
        (name, kind) for name, kind, *_ in con.execute("DESCRIBE validation_items").fetchall()
    )
    assert columns["stance_score"] == "DOUBLE"


def test_the_measure_summary_knows_whether_the_store_was_rescored_since(path):
    from analysis.compare.validation_results import measure_summary

    con = store.connect(path)
    sample_id, items = _store_sample(con)
    tables.save_codes(con, code(items["item_id"].iloc[0], "ann", "correct", sample_id))
    assert measure_summary(con, "framing")["current"] is True
    con.execute("UPDATE scores SET analysis_version = 'test-2'")
    numbers = measure_summary(con, "framing")
    assert numbers["current"] is False
    assert numbers["scored_with"] == [f"test-2 / {fx.LEXICON_HASH}"]
