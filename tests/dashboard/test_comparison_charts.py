"""The comparison pages' Altair builders, checked through chart.to_dict()."""

from __future__ import annotations

import pandas as pd

from dashboard import comparison_charts as cc


def layers(spec: dict) -> list[dict]:
    return spec.get("layer", [spec])


def marks(spec: dict) -> list[str]:
    return [
        (layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"])
        for layer in layers(spec)
    ]


def tooltip_titles(spec: dict) -> set[str]:
    titles = set()
    for layer in layers(spec):
        for tip in layer.get("encoding", {}).get("tooltip", []):
            titles.add(tip.get("title"))
    return titles


def data_rows(spec: dict) -> list[dict]:
    """The chart's main data (the largest inline dataset; helper lines have one row)."""
    return max(spec["datasets"].values(), key=len)


ESTIMATES = pd.DataFrame(
    {
        "side": ["state media", "wire services"],
        "n": [40, 3],
        "estimate": [0.12, -0.05],
        "ci_low": [0.05, -0.3],
        "ci_high": [0.2, 0.2],
    }
)


def test_interval_chart_draws_point_and_rule_with_n_in_labels_and_tooltips():
    spec = cc.interval_chart(ESTIMATES, "Sentiment").to_dict()
    assert marks(spec) == ["rule", "point", "text"]
    assert {"Articles (n)", "95% interval from", "95% interval to"} <= tooltip_titles(spec)
    rule = layers(spec)[0]["encoding"]
    assert rule["x"]["field"] == "ci_low" and rule["x2"]["field"] == "ci_high"
    assert "95% interval" in rule["x"]["title"]
    labels = [row["n_label"] for row in data_rows(spec)]
    assert labels == ["0.120  (n = 40)", "-0.050  (n = 3)"]


def test_interval_chart_marks_a_side_with_fewer_than_5_articles():
    spec = cc.interval_chart(ESTIMATES, "Sentiment").to_dict()
    assert [row["small"] for row in data_rows(spec)] == [False, True]
    assert "datum.small" in str(layers(spec)[1]["encoding"]["color"])


def test_difference_chart_has_a_zero_line_and_the_interval():
    spec = cc.difference_chart(
        {"label": "A minus B", "difference": 0.1, "ci_low": -0.02, "ci_high": 0.2}, "sentiment"
    ).to_dict()
    assert marks(spec) == ["rule", "rule", "point"]
    assert spec["title"]["text"] == "A minus B"
    assert "Difference in sentiment" in tooltip_titles(spec)


TERMS = pd.DataFrame(
    {
        "term": ["regime", "junta", "government", "troops", "rare word", "common"],
        "frequency": [50, 20, 60, 30, 2, 400],
        "z": [4.0, 3.0, -3.5, -2.0, 0.5, 0.1],
        "side": ["A", "A", "B", "B", "A", "A"],
        "count_a": [45, 18, 5, 4, 2, 200],
        "count_b": [5, 2, 55, 26, 0, 200],
        "in_lexicon": [True, False, False, False, False, False],
    }
)


def test_terms_scatter_uses_a_log_frequency_axis_and_labels_the_top_terms():
    spec = cc.terms_scatter(TERMS, "Outlet A", "the rest", labelled=2).to_dict()
    points = layers(spec)[1]
    assert points["encoding"]["x"]["scale"]["type"] == "log"
    assert "z-score" in points["encoding"]["y"]["title"]
    labelled = {row["term"] for row in data_rows(spec) if row["labelled"]}
    assert labelled == {"regime", "junta", "government", "troops"}
    assert {"Term", "z-score", "Uses by Outlet A", "In framing lexicon"} <= tooltip_titles(spec)
    assert "text" in marks(spec)


def test_terms_scatter_does_not_label_terms_that_would_overlap():
    crowded = pd.DataFrame(
        {
            "term": ["a b", "a b c", "b c", "far"],
            "frequency": [31, 31, 31, 300],
            "z": [4.6, 4.6, 4.6, 2.0],
            "side": ["A"] * 4,
            "count_a": [31, 31, 31, 200],
            "count_b": [0, 0, 0, 100],
        }
    )
    spec = cc.terms_scatter(crowded, "A", "B", labelled=3).to_dict()
    labelled = [row["term"] for row in data_rows(spec) if row["labelled"]]
    assert len(labelled) == 2 and "far" in labelled


SHARES = pd.DataFrame(
    {
        "outlet": ["X", "X", "Y", "Y"],
        "alternative": ["invasion", "operation", "invasion", "operation"],
        "count": [3, 1, 0, 0],
        "share": [0.75, 0.25, float("nan"), float("nan")],
        "articles": [3, 1, 0, 0],
        "total": [4, 4, 0, 0],
        "order": [0, 1, 0, 1],
    }
)


def test_contrast_shares_stack_to_100_percent_with_counts_in_tooltips_and_n_on_the_axis():
    spec = cc.contrast_shares(SHARES).to_dict()
    encoding = spec["encoding"]
    assert encoding["x"]["stack"] == "normalize"
    assert encoding["color"]["sort"] == ["invasion", "operation"]
    assert {"Matches", "Share", "All matches in group (n)"} <= tooltip_titles(spec)
    assert {row["outlet_n"] for row in data_rows(spec)} == {"X (n = 4)", "Y (n = 0)"}


def test_coverage_matrix_marks_blind_spots_and_keeps_the_story_order():
    frame = pd.DataFrame(
        {
            "story": ["S2 · vote", "S2 · vote", "S1 · strike", "S1 · strike"],
            "rank": [0, 0, 1, 1],
            "outlet": ["X", "Y", "X", "Y"],
            "articles": [2, 0, 1, 1],
            "date": ["2026-01-02"] * 2 + ["2026-01-01"] * 2,
        }
    )
    spec = cc.coverage_matrix(frame).to_dict()
    assert marks(spec) == ["rect", "text"]
    rows = data_rows(spec)
    assert [r["covered"] for r in rows] == ["covered", "not covered", "covered", "covered"]
    assert layers(spec)[0]["encoding"]["y"]["sort"] == ["S2 · vote", "S1 · strike"]
    assert {"Story", "Outlet", "Articles", "Coverage"} <= tooltip_titles(spec)


def test_builders_keep_hostile_strings_as_data_not_markup():
    hostile = "<img src=x onerror=alert(1)>"
    frame = ESTIMATES.assign(side=[hostile, "B"])
    spec = cc.interval_chart(frame, "Sentiment").to_dict()
    assert data_rows(spec)[0]["side"] == hostile  # Vega renders text marks as text
