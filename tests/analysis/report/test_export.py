"""CSV exports: formula-injection safe, numbers stay numbers, a JSON companion beside."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

import pandas as pd
import pyarrow as pa
import pytest

from analysis.report import export


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r", "\n"])
def test_text_cell_starting_with_a_formula_character_gets_a_quote(prefix):
    frame = pd.DataFrame({"title": [f'{prefix}HYPERLINK("http://x")', "plain"]})
    back = pd.read_csv(io.BytesIO(export.to_csv(frame)), dtype=str, keep_default_na=False)
    assert back["title"].iloc[0] == f'\'{prefix}HYPERLINK("http://x")'
    assert back["title"].iloc[1] == "plain"


def test_text_that_only_contains_formula_characters_later_is_untouched():
    frame = pd.DataFrame({"title": ["a = b", "x@y.org", "well-known"]})
    back = pd.read_csv(io.BytesIO(export.to_csv(frame)), dtype=str)
    assert back["title"].tolist() == ["a = b", "x@y.org", "well-known"]


def test_negative_number_column_stays_numeric():
    frame = pd.DataFrame({"sentiment": [-0.5, 0.25, -1.0], "words": [10, -3, 7]})
    back = pd.read_csv(io.BytesIO(export.to_csv(frame)))
    assert back["sentiment"].dtype.kind == "f"
    assert back["sentiment"].tolist() == [-0.5, 0.25, -1.0]
    assert back["words"].dtype.kind == "i"
    assert back["words"].tolist() == [10, -3, 7]


def test_missing_values_stay_empty_cells():
    frame = pd.DataFrame({"source": ["x", None], "share": [0.5, None]})
    back = pd.read_csv(io.BytesIO(export.to_csv(frame)))
    assert back["source"].isna().tolist() == [False, True]
    assert back["share"].isna().tolist() == [False, True]


def test_column_names_are_neutralised_too():
    frame = pd.DataFrame({"=cmd": ["a"]})
    assert export.to_csv(frame).decode().splitlines()[0] == "'=cmd"


def test_dates_are_written_as_dates_not_quoted():
    frame = pd.DataFrame({"published": pd.to_datetime(["2025-01-02 12:00"])})
    assert export.to_csv(frame).decode().splitlines()[1] == "2025-01-02 12:00:00"


def test_write_export_writes_csv_and_json_companion(tmp_path):
    frame = pd.DataFrame({"outlet": ["@evil"], "sentiment": [-0.2]})
    meta = export.metadata(
        "article_scores",
        filters={"outlets": ["@evil"], "start": "2025-01-01"},
        lexicon_hash="abc123",
        analysis_version="1.0",
        exported_at=datetime(2025, 5, 1, 12, tzinfo=UTC),
    )
    csv_path, json_path = export.write_export(frame, tmp_path / "scores.csv", meta)
    assert csv_path.read_text().splitlines()[1] == "'@evil,-0.2"
    companion = json.loads(json_path.read_text())
    assert json_path.name == "scores.json"
    assert companion["filters"] == {"outlets": ["@evil"], "start": "2025-01-01"}
    assert companion["lexicon_hash"] == "abc123"
    assert companion["analysis_version"] == "1.0"
    assert companion["exported_at"] == "2025-05-01T12:00:00+00:00"
    assert companion["rows"] == 1


def test_metadata_records_the_time_of_export_when_not_given():
    meta = export.metadata("evidence")
    assert datetime.fromisoformat(meta["exported_at"]).tzinfo is not None


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r", "\n", " =", "   @"])
def test_arrow_text_cell_a_spreadsheet_would_run_gets_a_quote(prefix):
    table = pa.table({"title": [f"{prefix}HYPERLINK(1)", "plain", None]})
    safe = export.neutralise_arrow(table)
    assert safe.column("title").to_pylist() == [f"'{prefix}HYPERLINK(1)", "plain", None]


@pytest.mark.parametrize("prefix", [" =", "  +", " -", " @"])
def test_text_cell_with_leading_spaces_before_a_formula_gets_a_quote(prefix):
    frame = pd.DataFrame({"title": [f"{prefix}1+1"]})
    back = pd.read_csv(io.BytesIO(export.to_csv(frame)), dtype=str, keep_default_na=False)
    assert back["title"].iloc[0] == f"'{prefix}1+1"


def test_arrow_neutralising_leaves_numbers_and_later_formula_characters_alone():
    table = pa.table({"text": ["a = b", "x@y.org", " plain"], "sentiment": [-0.5, 0.25, -1.0]})
    safe = export.neutralise_arrow(table)
    assert safe.column("text").to_pylist() == ["a = b", "x@y.org", " plain"]
    assert safe.column("sentiment").to_pylist() == [-0.5, 0.25, -1.0]
    assert safe.schema.field("sentiment").type == pa.float64()


def test_arrow_column_names_are_neutralised_too():
    assert export.neutralise_arrow(pa.table({"=cmd": ["a"]})).column_names == ["'=cmd"]


def test_arrow_formula_cells_are_found_in_every_chunk_slice_and_string_width():
    chunked = pa.table({"t": pa.chunked_array([["plain", ""], [None, "=1+1"]])})
    sliced = pa.table({"t": pa.array(["ok", "", "@x"]).slice(1)})
    large = pa.table({"t": pa.array(["ok", " -2"], pa.large_string())})
    assert export.neutralise_arrow(chunked).column("t").to_pylist() == ["plain", "", None, "'=1+1"]
    assert export.neutralise_arrow(sliced).column("t").to_pylist() == ["", "'@x"]
    assert export.neutralise_arrow(large).column("t").to_pylist() == ["ok", "' -2"]


def test_arrow_column_whose_cells_only_look_safe_from_their_first_byte_is_untouched():
    table = pa.table({"t": ["éclair", "“=quoted”", "x-1"]})
    assert export.neutralise_arrow(table).column("t").to_pylist() == ["éclair", "“=quoted”", "x-1"]
