"""Drawing validation samples: seeded, stratified, with recall sentences."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis import store
from analysis.compare.validation_sample import (
    SampleError,
    SampleRequest,
    allocate,
    draw_sample,
    missed_spans,
    paragraph_bounds,
)
from tests import fixture_stores as fx


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    path = fx.build_fixture_store(tmp_path_factory.mktemp("sample") / "fixture.duckdb")
    connection = store.connect(path, read_only=True)
    yield connection
    connection.close()


def test_equal_allocation_gives_each_outlet_the_same_number_and_the_rest_to_others():
    assert allocate({"A": 10, "B": 2, "C": 10}, 12, "equal") == {"A": 5, "B": 2, "C": 5}


def test_proportional_allocation_follows_each_outlets_share():
    assert allocate({"A": 30, "B": 10}, 8, "proportional") == {"A": 6, "B": 2}


def test_allocation_never_asks_more_than_there_is():
    assert allocate({"A": 3, "B": 2}, 50, "equal") == {"A": 3, "B": 2}


def test_the_same_seed_draws_the_same_sample(con):
    request = SampleRequest("attribution", n=12, recall=5, stratify_by="outlet", seed=7)
    first = draw_sample(con, request)[1]
    again = draw_sample(con, request)[1]
    pd.testing.assert_frame_equal(first, again)


def test_another_seed_draws_another_sample(con):
    a = draw_sample(con, SampleRequest("attribution", n=12, seed=1))[1]
    b = draw_sample(con, SampleRequest("attribution", n=12, seed=2))[1]
    keys = ["article_id", "start"]
    assert a[keys].values.tolist() != b[keys].values.tolist()


def test_stratified_equal_sample_takes_as_many_items_from_each_outlet(con):
    record, items = draw_sample(
        con, SampleRequest("attribution", n=12, stratify_by="outlet", seed=3)
    )
    assert items.groupby("outlet").size().tolist() == [3, 3, 3, 3]
    assert record["allocation"] == "equal"
    assert set(record["population"]["evidence_rows"]) == set(fx.OUTLETS)


def test_precision_items_copy_the_evidence_row_and_its_stamps(con):
    items = draw_sample(con, SampleRequest("attribution", n=5, seed=0))[1]
    row = items.iloc[0]
    text = con.execute(
        "SELECT text FROM articles WHERE article_id = ?", [row["article_id"]]
    ).fetchone()[0]
    assert text[row["start"] : row["end"]] == row["text"]
    assert (row["item_kind"], row["kind"]) == ("precision", "attribution")
    assert (row["analysis_version"], row["lexicon_hash"]) == (fx.VERSION, fx.LEXICON_HASH)


def test_recall_items_are_body_sentences_with_the_machines_spans_in_them(con):
    items = draw_sample(con, SampleRequest("attribution", n=0, recall=20, seed=5))[1]
    assert set(items["item_kind"]) == {"recall"}
    for row in items.itertuples():
        spans = json.loads(row.found_spans)
        assert row.found == len(spans)
        assert all(row.start < b and a < row.end for a, b in spans)
    assert {0, 1} <= set(items["found"])  # sentences with and without evidence


def test_a_measure_without_evidence_is_refused_with_the_measures_there_are(con):
    with pytest.raises(SampleError, match="measures here: attribution, framing, hedge, target"):
        draw_sample(con, SampleRequest("sarcasm", n=5))


def test_paragraph_bounds_are_the_lines_holding_the_span():
    assert paragraph_bounds("one\ntwo three\nfour", 6, 9) == (4, 13)


def test_missed_spans_take_copied_text_or_offsets_within_the_sentence():
    sentence = "Aid workers said so."
    assert missed_spans(sentence, 100, ["aid workers", "12-16"]) == [
        [100, 111, "Aid workers"],
        [112, 116, "said"],
    ]
    with pytest.raises(ValueError, match="nowhere"):
        missed_spans(sentence, 0, ["nowhere"])
