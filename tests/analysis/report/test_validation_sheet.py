"""Coding sheets: formula-safe export, and imports that name every bad row."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from analysis.report.export import to_csv
from analysis.report.validation_sheet import SheetError, read_sheet, sheet_frame

FIRST = "=SUM(A1) was typed by a spreadsheet prankster."
SECOND = "Officials said the plan failed."
TEXT = f"{FIRST}\n{SECOND} Nothing else."
AT = TEXT.index(SECOND)


def items() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "sample_id": ["s-1", "s-1"],
            "item_id": ["s-1/001", "s-1/002"],
            "position": [1, 2],
            "item_kind": ["precision", "recall"],
            "outlet": ["Wire", "Wire"],
            "article_id": ["a1", "a1"],
            "field": ["text", "text"],
            "kind": ["attribution", "attribution"],
            "label": ["neutral", ""],
            "start": [0, AT],
            "end": [len(FIRST), AT + len(SECOND)],
            "text": [FIRST, SECOND],
            "source": ["prankster", None],
            "speaker": ["", None],
            "cue": ["typed", None],
            "cue_class": ["neutral", None],
            "quote_type": ["indirect", None],
            "found": [None, 0],
            "found_spans": [None, "[]"],
        }
    )


def sheet_bytes(**filled) -> bytes:
    frame = sheet_frame(items(), {("a1", "text"): TEXT})
    for column, values in filled.items():
        frame[column] = values
    return to_csv(frame)


def test_the_sheet_marks_the_span_in_its_paragraph_and_neutralises_formulas():
    raw = pd.read_csv(io.BytesIO(sheet_bytes()), dtype=str, keep_default_na=False)
    assert raw.loc[0, "context"] == f"[[{FIRST}]]"
    assert raw.loc[0, "highlighted"] == "'" + FIRST
    assert raw.loc[1, "context"] == f"[[{SECOND}]] Nothing else."


def test_a_filled_sheet_becomes_codes():
    data = sheet_bytes(
        code=["Wrong", "missed"],
        reason=["not an attribution", ""],
        missed_text=["", "Officials said | 15-31"],
        coder=["ann", "ann"],
    )
    codes = read_sheet(data, items(), name="s.csv")
    assert codes[["item_id", "coder", "code"]].values.tolist() == [
        ["s-1/001", "ann", "wrong"],
        ["s-1/002", "ann", "missed"],
    ]
    assert codes.loc[0, "reason"] == "not an attribution"
    assert codes.loc[1, "missed"] == 2


def test_rows_without_a_code_are_not_imported():
    codes = read_sheet(sheet_bytes(code=["correct", ""], coder=["ann", ""]), items())
    assert codes["item_id"].tolist() == ["s-1/001"]


def test_the_coder_option_overrides_the_sheet():
    codes = read_sheet(
        sheet_bytes(code=["correct", "skip"], coder=["x", "y"]), items(), coder="bob"
    )
    assert set(codes["coder"]) == {"bob"}


@pytest.mark.parametrize(
    ("filled", "message"),
    [
        ({"code": ["maybe", ""]}, "row 2: code 'maybe' is not possible for a precision item"),
        ({"code": ["", "correct"]}, "row 3: code 'correct' is not possible for a recall item"),
        (
            {"item": ["s-9/001", "s-1/002"], "code": ["correct", ""]},
            "row 2: item 's-9/001' is not in this store",
        ),
        (
            {"code": ["wrong", ""], "reason": ["bad vibes", ""]},
            "row 2: reason 'bad vibes' is not one of",
        ),
        (
            {"code": ["correct", ""], "reason": ["wrong source", ""]},
            "row 2: a reason goes with 'wrong' only",
        ),
        ({"code": ["", "missed"]}, "row 3: 'missed' needs the missed passage"),
        (
            {"code": ["", "missed"], "missed_text": ["", "nowhere"]},
            "row 3: missed passage 'nowhere' does not occur",
        ),
        (
            {"code": ["", "nothing missed"], "missed_text": ["", "Officials"]},
            "row 3: missed_text is filled",
        ),
    ],
)
def test_an_impossible_row_is_named_and_nothing_is_imported(filled, message):
    filled.setdefault("coder", ["ann", "ann"])
    with pytest.raises(SheetError, match="nothing was imported") as caught:
        read_sheet(sheet_bytes(**filled), items(), name="s.csv")
    assert f"s.csv, {message}" in str(caught.value)


def test_a_row_without_a_coder_is_named():
    with pytest.raises(SheetError, match="row 2: no coder; fill the coder column or pass --coder"):
        read_sheet(sheet_bytes(code=["correct", ""]), items(), name="s.csv")


def test_the_same_item_twice_for_one_coder_is_named():
    frame = pd.read_csv(io.BytesIO(sheet_bytes(code=["correct", ""], coder=["ann", ""])), dtype=str)
    doubled = pd.concat([frame, frame.iloc[[0]]]).to_csv(index=False).encode()
    with pytest.raises(SheetError, match="row 4: item s-1/001 is coded twice by ann"):
        read_sheet(doubled, items(), name="s.csv")


def test_a_sheet_without_a_code_column_says_how_to_get_one():
    with pytest.raises(SheetError, match="no code column"):
        read_sheet(b"item,notes\ns-1/001,x\n", items(), name="s.csv")
