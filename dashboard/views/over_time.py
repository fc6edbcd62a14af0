"""Over time: any measure, or sentiment toward a target, by outlet per day/week/month."""

from __future__ import annotations

import streamlit as st

from analysis.compare import queries
from analysis.compare.queries import BUCKETS, MEASURE_COLUMNS
from analysis.measures.registry import SMALL_N
from dashboard import cache, charts, classroom, components, sidebar, url_state

st.title("Over time")
filters = components.per_outlet(sidebar.filters())

MEASURE_CHOICES = [m for m in MEASURE_COLUMNS if m not in ("sentences",)]
TARGET = "Sentiment toward a target"

targets = cache.run(queries.target_names, filters)
choices = MEASURE_CHOICES + ([TARGET] if not targets.empty else [])
c1, c2, c3, c4 = st.columns([2, 2, 1, 1])
with c1:
    st.selectbox(
        "Measure",
        choices,
        key=url_state.url_choice("measure", choices, "sentiment"),
        format_func=lambda m: m if m == TARGET else components.measure_label(m),
    )
measure = st.session_state["measure"]
target = None
if measure == TARGET:
    names = targets["target"].tolist()
    with c2:
        st.selectbox("Target", names, key=url_state.url_choice("target", names))
    target = st.session_state["target"]
with c3:
    st.selectbox("Time bucket", list(BUCKETS), key=url_state.url_choice("bucket", BUCKETS, "month"))
with c4:
    st.number_input(
        "Rolling window (buckets)",
        min_value=1,
        max_value=12,
        step=1,
        key=url_state.url_choice("window", range(1, 13), 3),
    )
url_state.publish("measure", "bucket", "window", *(["target"] if target else []))
bucket, window = st.session_state["bucket"], int(st.session_state["window"])

if target:
    frame = cache.run(queries.target_over_time, filters, target, bucket, window)
    y_title = f"Sentiment toward {target}"
    explain_key = "target_scoped_sentiment"
else:
    frame = cache.run(queries.measure_over_time, filters, measure, bucket, window)
    y_title = components.measure_label(measure)
    explain_key = measure
if frame.empty or frame["mean"].notna().sum() == 0:
    components.nothing_selected("No dated, scored articles match the current filters.")
    st.stop()
frame = classroom.relabel(frame)

st.caption(
    f"Points: mean per {bucket} (size = articles); line: rolling mean over the last {window} "
    f"{bucket}s with articles. Bars underneath: articles per {bucket}."
)
components.n_badge(int(frame["articles"].sum()))
small = frame[frame["articles"] < SMALL_N]
if not small.empty:
    st.warning(
        f"{len(small)} of {len(frame)} outlet-{bucket} points rest on fewer than {SMALL_N} articles; "
        "the rolling mean steadies them, single points may swing."
    )
components.chart(charts.over_time(frame, y_title, bucket), f"over_time_{bucket}", frame)
components.explain(explain_key)
with st.expander("The numbers"):
    components.table(frame)
