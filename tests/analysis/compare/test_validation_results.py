"""Results of a coded sample on a designed fixture, against hand-computed values."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.compare.validation_results import (
    agreement,
    disagreements,
    format_summary,
    precision_table,
    recall_estimate,
    report_from,
    summary,
    weighted_precision,
)
from analysis.compare.validation_stats import wilson_interval

# Ten evidence items (five from outlet A, five from B) and two recall sentences; two
# coders. C = correct, W = wrong, S = skip. The same judgements as the statistics tests.
ANN = ["correct"] * 7 + ["wrong", "wrong", "skip"]
BOB = ["correct"] * 5 + ["wrong", "wrong", "wrong", "correct", "correct"]


def fixture() -> tuple[pd.DataFrame, pd.DataFrame]:
    items = pd.DataFrame(
        {
            "item_id": [f"s/{i:02d}" for i in range(1, 13)],
            "item_kind": ["precision"] * 10 + ["recall"] * 2,
            "outlet": ["A"] * 5 + ["B"] * 5 + ["A", "B"],
            "article_id": [f"a{i}" for i in range(12)],
            "text": [f"passage {i}" for i in range(12)],
            "label": "neutral",
            "source": "someone",
            "cue": "said",
            "found": [None] * 10 + [3, 0],
        }
    )
    codes = []
    for coder, judged in (("ann", ANN), ("bob", BOB)):
        for i, code in enumerate(judged, start=1):
            reason = "wrong source" if code == "wrong" else None
            codes.append({"item_id": f"s/{i:02d}", "coder": coder, "code": code, "reason": reason})
    codes += [
        {"item_id": "s/11", "coder": "ann", "code": "missed", "missed": 1},
        {"item_id": "s/12", "coder": "ann", "code": "none_missed", "missed": 0},
        {"item_id": "s/11", "coder": "bob", "code": "none_missed", "missed": 0},
        {"item_id": "s/12", "coder": "bob", "code": "missed", "missed": 2},
    ]
    frame = pd.DataFrame(codes).reindex(columns=["item_id", "coder", "code", "reason", "missed"])
    return items, frame


def test_precision_counts_each_item_once_as_its_coders_share():
    items, codes = fixture()
    row = precision_table(items, codes).iloc[0]
    # Items 1-5: 1 each; 6, 7, 9: 0.5; 8: 0; 10 (ann skipped, bob correct): 1 -> 7.5 of 10.
    assert (row["n"], row["correct"], row["precision"]) == (10, 7.5, 0.75)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx(wilson_interval(7.5, 10))


def test_precision_per_outlet():
    items, codes = fixture()
    table = precision_table(items, codes, "outlet").set_index("outlet")
    assert table["precision"].to_dict() == {"A": 1.0, "B": 0.5}
    assert table.loc["B", "ci_low"] == pytest.approx(wilson_interval(2.5, 5)[0])


def test_precision_per_coder_uses_each_coders_own_judgements():
    items, codes = fixture()
    table = precision_table(items, codes, "coder").set_index("coder")
    assert table["n"].to_dict() == {"ann": 9, "bob": 10}
    assert table["precision"].to_dict() == pytest.approx({"ann": 7 / 9, "bob": 0.7})


def test_kappa_and_alpha_match_the_hand_computation():
    items, codes = fixture()
    result = agreement(items, codes)
    assert result.coders == ["ann", "bob"]
    assert result.shared_items == 9
    assert result.kappa == pytest.approx(6 / 33)
    assert result.alpha == pytest.approx(1 - 102 / 130)
    assert result.pairs == [{"coders": ["ann", "bob"], "items": 9, "kappa": pytest.approx(6 / 33)}]


def test_one_coder_has_no_agreement_figures():
    items, codes = fixture()
    result = agreement(items, codes[codes["coder"] == "ann"])
    assert math.isnan(result.alpha) and math.isnan(result.kappa)


def test_disagreements_list_the_items_answered_differently_with_each_coders_answer():
    items, codes = fixture()
    table = disagreements(items, codes).set_index("item_id")
    assert table.index.tolist() == ["s/06", "s/07", "s/09", "s/11", "s/12"]
    assert table.loc["s/06", ["ann", "bob"]].tolist() == ["correct", "wrong (wrong source)"]
    assert table.loc["s/06", "disagreement"] == "judgement"
    assert table.loc["s/11", "disagreement"] == "what the machine missed"


def test_two_wrongs_with_different_reasons_are_a_disagreement_on_the_reason():
    items, codes = fixture()
    codes.loc[(codes["item_id"] == "s/08") & (codes["coder"] == "bob"), "reason"] = "wrong span"
    table = disagreements(items, codes).set_index("item_id")
    assert table.loc["s/08", "disagreement"] == "reason"
    assert table.loc["s/08", ["ann", "bob"]].tolist() == [
        "wrong (wrong source)",
        "wrong (wrong span)",
    ]


def test_recall_is_found_over_found_plus_missed_averaged_over_coders():
    items, codes = fixture()
    result = recall_estimate(items, codes)
    # Sentence 11: found 3, missed 1 and 0 -> 0.5; sentence 12: found 0, missed 0 and 2 -> 1.
    assert (result["found"], result["missed"]) == (3, 1.5)
    assert result["recall"] == pytest.approx(3 / 4.5)
    assert (result["sentences"], result["with_evidence"]) == (2, 1)


def test_the_summary_line_reads_like_the_issue_asks():
    items, codes = fixture()
    line = format_summary(summary(items, codes))
    low, high = wilson_interval(7.5, 10)
    assert line == (
        f"validated on this corpus: precision 0.75 [{low:.2f}, {high:.2f}], n = 10, "
        f"2 coders, alpha {1 - 102 / 130:.2f}"
    )
    assert format_summary(None) == "not validated on this corpus yet"


def test_nothing_coded_gives_no_summary():
    items, codes = fixture()
    assert summary(items, codes.iloc[0:0]) is None


def test_the_report_table_holds_precision_recall_and_agreement_rows():
    items, codes = fixture()
    report = report_from({"sample_id": "s", "seed": 3}, items, codes)
    metrics = report.table.set_index(["metric", "group"])["value"]
    assert metrics["precision", "all items"] == 0.75
    assert metrics["krippendorff_alpha", "ann, bob"] == pytest.approx(1 - 102 / 130)
    assert metrics["cohen_kappa", "ann vs bob"] == pytest.approx(6 / 33)
    assert report.provenance["seed"] == 3
    assert report.provenance["coders"] == ["ann", "bob"]


def test_weighted_precision_weights_outlets_by_their_share_of_the_evidence():
    items, codes = fixture()
    # A: precision 1.0 with 30 evidence rows; B: 0.5 with 10 -> 0.75 * 1 + 0.25 * 0.5.
    row = weighted_precision(items, codes, {"A": 30, "B": 10}).iloc[0]
    assert row["precision"] == pytest.approx(0.875)
    assert row["n"] == 10


def test_a_sample_stratified_by_outlet_reports_the_weighted_figure_too():
    items, codes = fixture()
    sample = {"stratify_by": "outlet", "population": '{"evidence_rows": {"A": 30, "B": 10}}'}
    table = report_from(sample, items, codes).table.set_index(["metric", "group"])["value"]
    weighted = table["precision", "all items, outlets weighted by their share of the evidence"]
    assert weighted == pytest.approx(0.875)


def test_the_summary_line_warns_when_the_store_was_rescored_since_the_sample():
    numbers = {"precision": 0.9, "ci_low": 0.8, "ci_high": 0.95, "n": 60, "coders": 1,
               "alpha": float("nan"), "current": False, "sampled_with": ["1.0 / aaa"],
               "scored_with": ["1.1 / bbb"]}  # fmt: skip
    assert format_summary(numbers).endswith(
        "; but the sample was drawn from analysis / lexicon 1.0 / aaa and the store is now "
        "scored with 1.1 / bbb: validate again"
    )
