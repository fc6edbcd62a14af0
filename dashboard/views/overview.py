"""Overview: the corpus at a glance and each outlet's key measures with 95% intervals."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.compare import outlet_comparisons, queries
from analysis.measures import registry
from dashboard import cache, charts, classroom, components, sidebar


def _fmt(value: float, digits: int = 2) -> str:
    return "–" if pd.isna(value) else f"{value:.{digits}f}"


def estimates_frame(filters) -> pd.DataFrame:
    """Long frame: outlet, measure, measure_label, n, estimate, ci_low, ci_high."""
    long = cache.run(
        outlet_comparisons.outlet_estimates_long, filters, tuple(registry.KEY_MEASURES)
    )
    if not long.empty:
        long.insert(2, "measure_label", [components.measure_label(m) for m in long["measure"]])
    return long


# --------------------------------------------------------------------------- page

st.title("Overview")
filters = sidebar.filters()
summary = cache.run(queries.corpus_summary, filters)
if summary["articles"] == 0:
    components.nothing_selected()
    st.stop()

cols = st.columns(4)
cols[0].metric("Articles", f"{summary['articles']:,}")
cols[1].metric("Outlets", f"{summary['outlets']:,}")
cols[2].metric("Words", f"{summary['words']:,}")
first, last = summary["first"], summary["last"]
if first and last:
    cols[3].metric("Days covered", f"{(last.date() - first.date()).days + 1:,}")
    st.caption(f"Published from {first.date().isoformat()} to {last.date().isoformat()}.")
else:
    cols[3].metric("Days covered", "–")
if summary["scored"] < summary["articles"]:
    st.warning(
        f"{summary['articles'] - summary['scored']:,} of these articles have no scores yet; "
        "re-score on the Data page."
    )

filters = components.per_outlet(filters)  # the corpus above; the largest outlets below
counts = classroom.relabel(cache.run(queries.outlet_counts, filters))
components.small_n_warning(counts.rename(columns={"articles": "n"}))

st.subheader("Key measures per outlet")
st.caption(
    "Mean per article with a 95% interval (bootstrap over articles; for outlets with more "
    "than 20,000 articles the normal interval, which then agrees); n = articles with a value "
    "(articles with no attribution have no anonymous or direct-quote share)."
)
long = classroom.relabel(estimates_frame(filters))
if long.empty:
    components.nothing_selected("No scored articles match the current filters.")
    st.stop()

wide = counts[["outlet", "articles"]].rename(columns={"outlet": "Outlet", "articles": "Articles"})
for measure in registry.KEY_MEASURES:
    part = long[long["measure"] == measure]
    text = {
        row.outlet: f"{_fmt(row.estimate)} [{_fmt(row.ci_low)}, {_fmt(row.ci_high)}] n={row.n}"
        for row in part.itertuples(index=False)
    }
    wide[components.measure_label(measure)] = wide["Outlet"].map(text).astype(object).fillna("–")
components.table(wide)
components.csv_button(long, "overview_measures", label="Download these numbers (CSV)")

st.subheader("Each measure, outlet by outlet")
components.chart(charts.interval_multiples(long), "overview_intervals", long, stretch=False)
components.explain(*registry.KEY_MEASURES)
