"""Attribution: who is quoted, how (direct, indirect, mixed), how often anonymously,
and with which cue verbs."""

from __future__ import annotations

import streamlit as st

from analysis.compare import queries
from dashboard import cache, charts, classroom, components, sidebar, validation_note

st.title("Attribution")
validation_note.show("attribution")
filters = sidebar.filters()

summary = cache.run(queries.attribution_summary, filters)
if summary.empty:
    components.nothing_selected()
    st.stop()
if summary["attributions"].sum() == 0:
    st.info("No attribution (a source with a cue verb such as 'said') was found in these articles.")
    st.stop()
summary = classroom.relabel(summary)

st.subheader("Anonymous sources and quotation style")
st.caption(
    "Shares are over all attributions of the outlet (pooled). n = articles; attributions "
    "are counted in the table."
)
components.small_n_warning(summary.rename(columns={"articles": "n"}))
components.table(
    summary[
        [
            "outlet",
            "articles",
            "attributions",
            "anonymous_share",
            "direct_share",
            "indirect_share",
            "mixed_share",
        ]
    ],
    outlet=st.column_config.TextColumn("Outlet"),
    articles=st.column_config.NumberColumn("Articles (n)"),
    attributions=st.column_config.NumberColumn("Attributions"),
    anonymous_share=st.column_config.NumberColumn("Anonymous", format="percent"),
    direct_share=st.column_config.NumberColumn("Direct quotes", format="percent"),
    indirect_share=st.column_config.NumberColumn("Indirect (paraphrase)", format="percent"),
    mixed_share=st.column_config.NumberColumn("Mixed", format="percent"),
)
left, right = st.columns(2)
with left:
    st.markdown("**Quotation style**")
    components.chart(
        charts.share_bars(
            summary,
            {"direct": "Direct quote", "indirect": "Indirect (paraphrase)", "mixed": "Mixed"},
            "Share of attributions",
        ),
        "attribution_quote_types",
        summary,
    )
with right:
    st.markdown("**Named and anonymous sources**")
    named = summary.assign(named=summary["attributions"] - summary["anonymous"])
    components.chart(
        charts.share_bars(
            named,
            {"named": "Named source", "anonymous": "Anonymous source"},
            "Share of attributions",
        ),
        "attribution_anonymous",
        named[["outlet", "attributions", "named", "anonymous"]],
    )
components.explain("anonymous_share", "direct_share")

st.subheader("Outlets compared, with 95% intervals")
st.caption("Mean of each article's share; articles that quote nobody have no share.")
components.outlet_comparison(filters, ("anonymous_share", "direct_share"), "attribution")

st.subheader("Cue verbs by stance")
cues = classroom.relabel(cache.run(queries.cue_classes, filters))
if cues.empty:
    st.info("No cue verb was classed in these articles.")
else:
    components.chart(charts.stacked_shares(cues), "attribution_cue_classes", cues)
    components.explain("cue_class")

st.subheader("Most quoted sources per outlet")
top = classroom.relabel(cache.run(queries.top_sources, filters, 8))
components.chart(
    charts.top_bars(
        top.assign(kind=top["anonymous"].map({True: "Anonymous", False: "Named"})),
        "source",
        "Source",
        "attributions",
        "Attributions",
        color="kind",
        color_title="Source",
    ),
    "attribution_top_sources",
    top,
    stretch=False,
)

st.subheader("Quoted sources")
sources = classroom.relabel(cache.run(queries.quoted_sources, filters))
components.n_badge(int(sources["attributions"].sum()), "attributions")
components.table(
    sources,
    height=360,
    outlet=st.column_config.TextColumn("Outlet"),
    source=st.column_config.TextColumn("Source phrase"),
    speaker=st.column_config.TextColumn("Speaker"),
    cue=st.column_config.TextColumn("Cue verb"),
    cue_class=st.column_config.TextColumn("Stance"),
    quote_type=st.column_config.TextColumn("Quotation"),
    anonymous=st.column_config.CheckboxColumn("Anonymous"),
    attributions=st.column_config.NumberColumn("Attributions"),
    articles=st.column_config.NumberColumn("Articles"),
)
components.csv_button(sources, "quoted_sources")
