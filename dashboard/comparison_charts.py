"""Altair builders for the comparison pages: pure functions of small frames.

No builder reads the store or computes a statistic: each takes a frame that
``analysis.compare.stats``, ``analysis.compare.terms``, ``analysis.compare.contrasts`` or
``analysis.compare.stories`` returned (outlets already relabelled for classroom mode)
and returns a chart with tooltips and plain-word axis titles, sized for 1280 px.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from analysis.measures.registry import SMALL_N
from dashboard.charts import FIT_WIDTH, PAD

SIDE_COLORS = ["#1f4e79", "#d95f02"]
SMALL_COLOR = "#d62728"


def _fmt(value: float) -> str:
    if value is None or pd.isna(value):
        return "n/a"
    return f"{value:.3f}" if abs(value) < 10 else f"{value:,.1f}"


def interval_chart(frame: pd.DataFrame, x_title: str) -> alt.LayerChart:
    """Each side's mean (point) and 95% bootstrap interval (rule), labelled with n.

    ``frame``: side, n, estimate, ci_low, ci_high (one row per side, in display order).
    A side resting on fewer than 5 articles is drawn in red.
    """
    data = frame.copy()
    data["small"] = data["n"] < SMALL_N
    data["n_label"] = [
        f"{_fmt(e)}  (n = {int(n)})" for e, n in zip(data["estimate"], data["n"], strict=True)
    ]
    order = data["side"].tolist()
    y = alt.Y("side:N", title=None, sort=order, axis=alt.Axis(labelLimit=260, labelFontSize=13))
    tooltip = [
        alt.Tooltip("side:N", title="Side"),
        alt.Tooltip("estimate:Q", title="Mean per article", format=".3f"),
        alt.Tooltip("ci_low:Q", title="95% interval from", format=".3f"),
        alt.Tooltip("ci_high:Q", title="95% interval to", format=".3f"),
        alt.Tooltip("n:Q", title="Articles (n)"),
    ]
    # Red marks a side resting on fewer than 5 articles (the page warns in words too).
    color = alt.condition("datum.small", alt.value(SMALL_COLOR), alt.value(SIDE_COLORS[0]))
    base = alt.Chart(data).encode(y=y, tooltip=tooltip)
    rule = base.mark_rule(strokeWidth=3).encode(
        x=alt.X("ci_low:Q", title=f"{x_title} (point: mean; line: 95% interval)"),
        x2="ci_high:Q",
        color=color,
    )
    point = base.mark_point(filled=True, size=160).encode(x="estimate:Q", color=color)
    label = base.mark_text(align="left", dx=10, dy=-14, fontSize=12, color="#333").encode(
        x="estimate:Q", text="n_label:N"
    )
    return alt.layer(rule, point, label).properties(
        height=70 * max(1, len(data)) + 20, autosize=FIT_WIDTH
    )


def difference_chart(row: dict, x_title: str) -> alt.LayerChart:
    """The difference A - B (point) with its 95% bootstrap interval (rule) and a zero line.

    ``row``: label (e.g. "A minus B"), difference, ci_low, ci_high. The label goes in
    the tooltip and the title, not on an axis, so the plot keeps its width.
    """
    data = pd.DataFrame([row])
    data["y"] = ""
    tooltip = [
        alt.Tooltip("label:N", title="Difference"),
        alt.Tooltip("difference:Q", title=f"Difference in {x_title}", format=".3f"),
        alt.Tooltip("ci_low:Q", title="95% interval from", format=".3f"),
        alt.Tooltip("ci_high:Q", title="95% interval to", format=".3f"),
    ]
    y = alt.Y("y:N", title=None, axis=None)
    base = alt.Chart(data).encode(y=y, tooltip=tooltip)
    zero = (
        alt.Chart(pd.DataFrame({"x": [0.0]}))
        .mark_rule(strokeDash=[4, 4], color="#888")
        .encode(x="x:Q")
    )
    rule = base.mark_rule(strokeWidth=3, color="#555").encode(
        x=alt.X("ci_low:Q", title="Difference with 95% interval (dashed: none)"),
        x2="ci_high:Q",
    )
    point = base.mark_point(filled=True, size=160, color="#222").encode(x="difference:Q")
    return alt.layer(zero, rule, point).properties(
        height=60,
        autosize=FIT_WIDTH,
        title=alt.TitleParams(str(row["label"]), fontSize=12, fontWeight="normal", anchor="start"),
    )


def terms_scatter(
    frame: pd.DataFrame, label_a: str, label_b: str, labelled: int = 12
) -> alt.LayerChart:
    """The classic distinctive-terms plot: frequency (log x) against z-score (y).

    ``frame``: term, frequency, z, side, count_a, count_b and optionally in_lexicon.
    The ``labelled`` strongest terms of each side are written on the chart.
    """
    data = frame[frame["frequency"] > 0].copy()
    data["leans"] = [label_a if z >= 0 else label_b for z in data["z"]]
    chosen = _spread_labels(data[data["z"] > 0], labelled) | _spread_labels(
        data[data["z"] < 0], labelled
    )
    data["labelled"] = data["term"].isin(chosen)
    if "in_lexicon" not in data:
        data["in_lexicon"] = False
    data["lexicon"] = data["in_lexicon"].map({True: "yes", False: "no"})
    color = alt.Color(
        "leans:N",
        title="More typical of",
        scale=alt.Scale(domain=[label_a, label_b], range=SIDE_COLORS),
        legend=alt.Legend(orient="bottom", labelLimit=300),
    )
    tooltip = [
        alt.Tooltip("term:N", title="Term"),
        alt.Tooltip("z:Q", title="z-score", format=".2f"),
        alt.Tooltip("frequency:Q", title="Uses, both sides"),
        alt.Tooltip("count_a:Q", title=f"Uses by {label_a}"),
        alt.Tooltip("count_b:Q", title=f"Uses by {label_b}"),
        alt.Tooltip("lexicon:N", title="In framing lexicon"),
    ]
    x = alt.X("frequency:Q", title="How often the term is used (log scale)").scale(type="log")
    y = alt.Y("z:Q", title=f"z-score (up: more typical of {label_a}; down: of {label_b})")
    base = alt.Chart(data).encode(x=x, y=y, tooltip=tooltip)
    points = base.mark_circle(size=45).encode(
        color=color,
        opacity=alt.condition("datum.labelled", alt.value(0.95), alt.value(0.35)),
    )
    labels = (
        base.transform_filter("datum.labelled")
        .mark_text(align="left", dx=6, fontSize=12, fontWeight="bold")
        .encode(text="term:N", color=color)
    )
    zero = alt.Chart(pd.DataFrame({"y": [0.0]})).mark_rule(color="#999").encode(y="y:Q")
    return alt.layer(zero, points, labels).properties(height=460, autosize=FIT_WIDTH)


def _spread_labels(frame: pd.DataFrame, count: int) -> set[str]:
    """The strongest terms by |z| whose labels would not sit on top of each other.

    Vega-Lite does not move overlapping text marks, so a term is skipped when an already
    chosen one is close to it both along the log-frequency axis and the z axis.
    """
    if frame.empty:
        return set()
    z_span = max(1e-9, float(frame["z"].abs().max()))
    ordered = frame.assign(_abs=frame["z"].abs()).sort_values(
        ["_abs", "frequency"], ascending=[False, False]
    )
    picked: list[tuple[float, float, str]] = []
    for term, freq, z in ordered[["term", "frequency", "z"]].itertuples(index=False):
        x = math.log10(freq)
        if all(abs(x - px) > 0.4 or abs(z - pz) > 0.09 * z_span for px, pz, _ in picked):
            picked.append((x, z, term))
            if len(picked) == count:
                break
    return {term for _, _, term in picked}


def contrast_shares(frame: pd.DataFrame) -> alt.Chart:
    """Which alternative each outlet uses, as 100% stacked bars with counts in the tooltips.

    ``frame``: outlet, alternative, count, share, total (the outlet's matches in
    this contrast group) and ``order`` (the alternative's position in the lexicon).
    Outlets with no match get an empty bar and "n = 0" in the axis label.
    """
    data = frame.copy()
    data["outlet_n"] = [
        f"{o} (n = {int(t)})" for o, t in zip(data["outlet"], data["total"], strict=True)
    ]
    alternatives = (
        data.drop_duplicates("alternative").sort_values("order")["alternative"].tolist()
        if "order" in data
        else sorted(data["alternative"].unique())
    )
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y(
                "outlet_n:N",
                title=None,
                sort="ascending",
                axis=alt.Axis(labelLimit=220),
            ),
            x=alt.X(
                "count:Q",
                stack="normalize",
                title="Share of the outlet's matches",
                axis=alt.Axis(format="%"),
            ),
            color=alt.Color(
                "alternative:N",
                title="Wording",
                sort=alternatives,
                scale=alt.Scale(scheme="tableau10"),
                legend=alt.Legend(orient="bottom", columns=2, labelLimit=170),
            ),
            order=alt.Order("order:Q") if "order" in data else alt.Order("alternative:N"),
            tooltip=[
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("alternative:N", title="Wording"),
                alt.Tooltip("count:Q", title="Matches"),
                alt.Tooltip("share:Q", title="Share", format=".0%"),
                alt.Tooltip("total:Q", title="All matches in group (n)"),
                alt.Tooltip("articles:Q", title="Articles using it"),
            ],
        )
        .properties(height=max(120, 42 * data["outlet"].nunique()), autosize=FIT_WIDTH)
    )


def coverage_matrix(frame: pd.DataFrame) -> alt.LayerChart:
    """Story x outlet grid: filled where the outlet covered the story, empty where not.

    ``frame``: story (display label, unique), rank (display order), outlet,
    articles (that outlet's articles in the story; 0 = not covered), date.
    """
    data = frame.copy()
    data["covered"] = data["articles"].map(lambda n: "covered" if n > 0 else "not covered")
    data["cell"] = data["articles"].map(lambda n: str(int(n)) if n > 0 else "")
    stories = data.drop_duplicates("story").sort_values("rank")["story"].tolist()
    n_outlets = max(1, data["outlet"].nunique())
    cell = max(56, min(110, 520 // n_outlets))
    base = alt.Chart(data).encode(
        x=alt.X(
            "outlet:N",
            title=None,
            sort="ascending",
            axis=alt.Axis(orient="top", labelAngle=-20, labelLimit=180, labelOverlap=False),
        ),
        y=alt.Y(
            "story:N", title=None, sort=stories, axis=alt.Axis(labelLimit=360, labelOverlap=False)
        ),  # fmt: skip
        tooltip=[
            alt.Tooltip("story:N", title="Story"),
            alt.Tooltip("date:N", title="First published"),
            alt.Tooltip("outlet:N", title="Outlet"),
            alt.Tooltip("articles:Q", title="Articles"),
            alt.Tooltip("covered:N", title="Coverage"),
        ],
    )
    rect = base.mark_rect(stroke="#ccc").encode(
        color=alt.Color(
            "covered:N",
            title="Coverage",
            scale=alt.Scale(domain=["covered", "not covered"], range=["#1f4e79", "#f3f5f8"]),
            legend=alt.Legend(orient="bottom"),
        )
    )
    text = base.mark_text(color="white", fontSize=12).encode(text="cell:N")
    return alt.layer(rect, text).properties(
        width=cell * n_outlets, height=26 * max(1, len(stories)), autosize=PAD
    )
