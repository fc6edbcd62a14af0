"""Altair chart builders: pure functions of small, already aggregated frames.

No builder queries the store or computes a statistic; each takes the frame a
query in ``analysis.compare.queries`` (or ``analysis.compare.stats``) returned, with outlets
already relabelled for classroom mode, and returns a chart with tooltips and
plain-word axis titles, sized to read at 1280 px.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis.measures.registry import SMALL_N

CUE_ORDER = ["neutral", "distancing", "emotive", "conceding", "asserting"]
CUE_COLORS = ["#8c8c8c", "#d95f02", "#e7298a", "#1b9e77", "#7570b3"]
DIVERGING = "redblue"
FACET_WIDTH = 230
# Streamlit's theme fits the whole chart (axes and legends included) into the height;
# these keep the height for the plot itself and fit only the width to the page.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")
PAD = alt.AutoSizeParams(type="pad")
#: The most columns a heatmap sets side by side with "value (n=...)" in 80-pixel cells;
#: past it the cells hold the value alone (n in the tooltip) and narrow to fit the page.
HEATMAP_ACROSS = 8
#: Width of the page's chart area the narrowed cells share (a 1280-pixel window, sidebar open).
HEATMAP_COMPACT_WIDTH = 660


def _outlet_axis(title: str = "Outlet") -> alt.Y:
    return alt.Y("outlet:N", title=title, sort="ascending", axis=alt.Axis(labelLimit=220))


def interval_multiples(
    frame: pd.DataFrame,
    columns: int = 2,
    x_title: str = "Mean per article (line: 95% interval)",
    value_title: str = "Mean",
) -> alt.FacetChart:
    """Point (estimate) and rule (95% interval) per outlet, one small chart per measure.

    ``frame``: outlet, measure_label, n, estimate, ci_low, ci_high (small: n < 5).
    """
    data = frame.assign(small=frame["n"] < SMALL_N)
    base = alt.Chart().encode(y=_outlet_axis(""))
    tooltip = [
        alt.Tooltip("outlet:N", title="Outlet"),
        alt.Tooltip("measure_label:N", title="Measure"),
        alt.Tooltip("estimate:Q", title=value_title, format=".3f"),
        alt.Tooltip("ci_low:Q", title="95% interval from", format=".3f"),
        alt.Tooltip("ci_high:Q", title="95% interval to", format=".3f"),
        alt.Tooltip("n:Q", title="Articles (n)"),
    ]
    rule = base.mark_rule(strokeWidth=2, color="#4c78a8").encode(
        x=alt.X("ci_low:Q", title=x_title),
        x2="ci_high:Q",
        tooltip=tooltip,
    )
    point = base.mark_point(filled=True, size=80).encode(
        x="estimate:Q",
        color=alt.Color(
            "small:N",
            title=f"Fewer than {SMALL_N} articles",
            scale=alt.Scale(domain=[False, True], range=["#1f4e79", "#d62728"]),
        ),
        tooltip=tooltip,
    )
    return (
        alt.layer(rule, point, data=data)
        .properties(width=FACET_WIDTH, height=max(80, 28 * data["outlet"].nunique()))
        .facet(facet=alt.Facet("measure_label:N", title=None), columns=columns)
        .resolve_scale(x="independent")
    )


def box_summary(frame: pd.DataFrame, title: str = "Sentiment per article") -> alt.LayerChart:
    """A box plot from precomputed quantiles: outlet, n, low, q1, median, q3, high, mean."""
    tooltip = [
        alt.Tooltip("outlet:N", title="Outlet"),
        alt.Tooltip("n:Q", title="Articles (n)"),
        alt.Tooltip("median:Q", title="Median", format=".3f"),
        alt.Tooltip("q1:Q", title="25th percentile", format=".3f"),
        alt.Tooltip("q3:Q", title="75th percentile", format=".3f"),
        alt.Tooltip("low:Q", title="5th percentile", format=".3f"),
        alt.Tooltip("high:Q", title="95th percentile", format=".3f"),
        alt.Tooltip("mean:Q", title="Mean", format=".3f"),
    ]
    base = alt.Chart(frame).encode(y=_outlet_axis(), tooltip=tooltip)
    whisker = base.mark_rule(color="#555").encode(
        x=alt.X(
            "low:Q",
            title=f"{title} (box: middle half of articles; line: 5th-95th percentile)",
            scale=alt.Scale(domain=[-1, 1]),
        ),
        x2="high:Q",
    )
    box = base.mark_bar(size=18, color="#9ecae1", stroke="#3182bd").encode(x="q1:Q", x2="q3:Q")
    median = base.mark_tick(color="#08306b", size=18, thickness=3).encode(x="median:Q")
    zero = (
        alt.Chart(pd.DataFrame({"x": [0]}))
        .mark_rule(strokeDash=[4, 4], color="#999")
        .encode(x="x:Q")
    )
    height = max(120, 40 * frame["outlet"].nunique())
    return alt.layer(zero, whisker, box, median).properties(height=height, autosize=FIT_WIDTH)


def grouped_bars(
    frame: pd.DataFrame, value: str, group: str, x_title: str, group_title: str
) -> alt.Chart:
    """Horizontal bars per outlet, one per ``group`` value (offset), e.g. headline vs body."""
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=_outlet_axis(),
            yOffset=alt.YOffset(f"{group}:N"),
            x=alt.X(f"{value}:Q", title=x_title),
            color=alt.Color(f"{group}:N", title=group_title),
            tooltip=[
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip(f"{group}:N", title=group_title),
                alt.Tooltip(f"{value}:Q", title=x_title, format=".3f"),
                alt.Tooltip("n:Q", title="Articles (n)"),
            ],
        )
        .properties(height=max(120, 50 * frame["outlet"].nunique()), autosize=FIT_WIDTH)
    )


def heatmap(
    frame: pd.DataFrame,
    row: str,
    row_title: str,
    value: str,
    value_title: str,
    n_col: str,
    diverging: bool = False,
    value_format: str = ".2f",
) -> alt.LayerChart:
    """``row`` x outlet heatmap, each cell labelled "value (n)"; cells resting on fewer
    than 5 articles are faded and marked "!".

    Outlets are the columns while at most :data:`HEATMAP_ACROSS` of them (or no more than
    the rows) fit across the page; more outlets than that become the rows instead, so
    the chart grows downwards rather than past the page's right edge. When even the
    shorter side holds more than :data:`HEATMAP_ACROSS` columns, cells show the value
    alone (n stays in the tooltip, "!" still marks a small group), narrowed to fit.

    ``frame``: outlet, <row>, <value>, <n_col>.
    """
    data = frame.copy()
    data["small"] = data[n_col] < SMALL_N
    data["cell_label"] = [
        f"{v:{value_format}} (n={int(n)}){' !' if s else ''}" if pd.notna(v) else f"– (n={int(n)})"
        for v, n, s in zip(data[value], data[n_col], data["small"], strict=True)
    ]
    top = data[value].abs().max() if data[value].notna().any() else 1.0
    threshold = 0.5 if diverging else 0.6 * (top or 1.0)
    data["dark"] = (data[value].abs() > threshold) & ~data["small"]
    scale = (
        alt.Scale(scheme=DIVERGING, domain=[-1, 1], domainMid=0)
        if diverging
        else alt.Scale(scheme="oranges")
    )
    n_outlets = max(1, data["outlet"].nunique())
    n_rows = max(1, data[row].nunique())
    across, across_title, down, down_title = "outlet", "Outlet", row, row_title
    if n_outlets > HEATMAP_ACROSS and n_outlets > n_rows:
        across, across_title, down, down_title = row, row_title, "outlet", "Outlet"
    n_across, n_down = (n_outlets, n_rows) if across == "outlet" else (n_rows, n_outlets)
    compact = n_across > HEATMAP_ACROSS
    if compact:
        # Twelve outlets by fourteen categories do not fit "0.20 (n=12)" cells either
        # way round: keep the value (and the "!" of a small group) in a narrower cell.
        data["cell_label"] = [
            f"{v:{value_format}}{' !' if s else ''}" if pd.notna(v) else "–"
            for v, s in zip(data[value], data["small"], strict=True)
        ]
        cell_width = max(44, HEATMAP_COMPACT_WIDTH // n_across)
    else:
        cell_width = max(80, min(130, 600 // n_across))
    base = alt.Chart(data).encode(
        x=alt.X(
            f"{across}:N",
            title=across_title,
            sort="ascending",
            # Each label is cut short of its cell's width, so none overlaps: without
            # labelOverlap=False Vega still hid every other outlet name.
            axis=alt.Axis(
                orient="top",
                labelAngle=-40 if compact else 0,
                labelLimit=160 if compact else cell_width - 20,
                labelOverlap=False,
                labelFlush=False,
                labelAlign="left" if compact else "center",
            ),
        ),
        y=alt.Y(
            f"{down}:N",
            title=down_title,
            sort="ascending",
            axis=alt.Axis(labelLimit=160 if compact else 220),
        ),
    )
    tooltip = [
        alt.Tooltip("outlet:N", title="Outlet"),
        alt.Tooltip(f"{row}:N", title=row_title),
        alt.Tooltip(f"{value}:Q", title=value_title, format=value_format),
        alt.Tooltip(f"{n_col}:Q", title="Articles (n)"),
        alt.Tooltip("small:N", title="Fewer than 5 articles"),
    ]
    rect = base.mark_rect(stroke="white").encode(
        color=alt.Color(
            f"{value}:Q",
            title=value_title,
            scale=scale,
            legend=alt.Legend(orient="bottom", titleLimit=300),
        ),
        opacity=alt.condition("datum.small", alt.value(0.4), alt.value(1.0)),
        tooltip=tooltip,
    )
    text = base.mark_text(fontSize=11 if compact else 12).encode(
        text="cell_label:N",
        color=alt.condition("datum.dark", alt.value("white"), alt.value("black")),
        tooltip=tooltip,
    )
    return alt.layer(rect, text).properties(
        width=cell_width * n_across, height=max(60, 30 * n_down), autosize=PAD
    )


def top_bars(
    frame: pd.DataFrame,
    item: str,
    item_title: str,
    value: str,
    value_title: str,
    color: str | None = None,
    color_title: str = "",
    columns: int = 2,
) -> alt.FacetChart:
    """Top items per outlet as bars, one small chart per outlet (independent item axes)."""
    encode = {
        "y": alt.Y(f"{item}:N", title=item_title, sort="-x", axis=alt.Axis(labelLimit=150)),
        "x": alt.X(f"{value}:Q", title=value_title),
        "tooltip": [
            alt.Tooltip("outlet:N", title="Outlet"),
            alt.Tooltip(f"{item}:N", title=item_title),
            alt.Tooltip(f"{value}:Q", title=value_title),
            *([alt.Tooltip(f"{color}:N", title=color_title)] if color else []),
            *([alt.Tooltip("articles:Q", title="Articles")] if "articles" in frame else []),
        ],
    }
    if color:
        encode["color"] = alt.Color(
            f"{color}:N", title=color_title, legend=alt.Legend(orient="bottom", columns=4)
        )
    per = max(1, frame.groupby("outlet")[item].nunique().max() if not frame.empty else 1)
    return (
        alt.Chart(frame)
        .mark_bar()
        .encode(**encode)
        .properties(width=200, height=max(80, 20 * per))
        .facet(facet=alt.Facet("outlet:N", title=None), columns=columns)
        .resolve_scale(y="independent")
    )


def stacked_shares(frame: pd.DataFrame) -> alt.Chart:
    """Cue classes per outlet as 100% stacked bars: outlet, cue_class, attributions, share."""
    order = {c: i for i, c in enumerate(CUE_ORDER)}
    data = frame.assign(order=frame["cue_class"].map(lambda c: order.get(c, len(order))))
    extra = sorted(set(data["cue_class"]) - set(CUE_ORDER))
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=_outlet_axis(),
            x=alt.X(
                "attributions:Q",
                stack="normalize",
                title="Share of attributions",
                axis=alt.Axis(format="%"),
            ),
            color=alt.Color(
                "cue_class:N",
                title="Cue verb stance",
                legend=alt.Legend(orient="bottom"),
                scale=alt.Scale(
                    domain=CUE_ORDER + extra, range=CUE_COLORS + ["#bbbbbb"] * len(extra)
                ),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("cue_class:N", title="Stance"),
                alt.Tooltip("attributions:Q", title="Attributions"),
                alt.Tooltip("share:Q", title="Share", format=".0%"),
            ],
        )
        .properties(height=max(120, 40 * data["outlet"].nunique()), autosize=FIT_WIDTH)
    )


def share_bars(frame: pd.DataFrame, parts: dict[str, str], x_title: str) -> alt.Chart:
    """Stacked 100% bars of counts per outlet; ``parts`` maps column -> plain label.

    ``frame`` is wide: outlet, <part columns>, attributions.
    """
    long = frame.melt(
        id_vars=["outlet", "attributions"],
        value_vars=list(parts),
        var_name="part",
        value_name="count",
    )
    long["part"] = long["part"].map(parts)
    return (
        alt.Chart(long)
        .mark_bar()
        .encode(
            y=_outlet_axis(),
            x=alt.X("count:Q", stack="normalize", title=x_title, axis=alt.Axis(format="%")),
            color=alt.Color(
                "part:N",
                title="Kind",
                sort=list(parts.values()),
                legend=alt.Legend(orient="bottom", columns=2),
            ),
            order=alt.Order("part:N"),
            tooltip=[
                alt.Tooltip("outlet:N", title="Outlet"),
                alt.Tooltip("part:N", title="Kind"),
                alt.Tooltip("count:Q", title="Attributions"),
                alt.Tooltip("attributions:Q", title="All attributions (n)"),
            ],
        )
        .properties(height=max(120, 40 * frame["outlet"].nunique()), autosize=FIT_WIDTH)
    )


def over_time(frame: pd.DataFrame, y_title: str, bucket: str) -> alt.VConcatChart:
    """Mean per bucket (points) and rolling mean (line) per outlet, article counts below.

    ``frame``: outlet, bucket (datetime), articles, mean, rolling.
    """
    time_unit = {"day": "yearmonthdate", "week": "yearmonthdate", "month": "yearmonth"}[bucket]
    x = alt.X(f"{time_unit}(bucket):T", title=f"Published ({bucket})", scale=alt.Scale(padding=24))
    tooltip = [
        alt.Tooltip("outlet:N", title="Outlet"),
        alt.Tooltip(f"{time_unit}(bucket):T", title=bucket.capitalize()),
        alt.Tooltip("mean:Q", title="Mean this " + bucket, format=".3f"),
        alt.Tooltip("rolling:Q", title="Rolling mean", format=".3f"),
        alt.Tooltip("articles:Q", title="Articles (n)"),
    ]
    # Ten colours keep outlets apart best; past ten, twenty beat ten repeated.
    scheme = "tableau10" if frame["outlet"].nunique() <= 10 else "tableau20"
    color = alt.Color(
        "outlet:N",
        title="Outlet",
        scale=alt.Scale(scheme=scheme),
        legend=alt.Legend(orient="bottom", columns=3, labelLimit=220),
    )
    base = alt.Chart(frame).encode(x=x, color=color)
    line = base.mark_line(strokeWidth=2).encode(
        y=alt.Y("rolling:Q", title=y_title), tooltip=tooltip
    )
    points = base.mark_point(filled=True, opacity=0.5).encode(
        y="mean:Q",
        size=alt.Size("articles:Q", title="Articles in bucket", scale=alt.Scale(range=[20, 200])),
        tooltip=tooltip,
    )
    counts = (
        base.mark_bar(opacity=0.8)
        .encode(
            y=alt.Y("sum(articles):Q", title="Articles"),
            tooltip=tooltip,
        )
        .properties(height=110, width=640)
    )
    top = alt.layer(line, points).properties(height=320, width=640)
    return alt.vconcat(top, counts).resolve_scale(size="independent")
