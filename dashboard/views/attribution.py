"""Attribution: who is quoted, how (direct, indirect, mixed), how often anonymously,
and with which cue verbs."""

from __future__ import annotations

import streamlit as st

from analysis.compare import outlet_comparisons, queries
from dashboard import cache, charts, classroom, components, sidebar, validation_note


def share_chart(shares, group: str, labels: dict, chart_key: str, empty: str, **layout) -> None:
    """Each outlet's share of attributions per ``group`` value, one small chart per value,
    with the 95% intervals ``analysis.compare.outlet_comparisons`` computed."""
    if shares.empty:
        st.info(empty)
        return
    components.chart(
        charts.interval_multiples(
            shares.assign(measure_label=shares[group].map(labels), estimate=shares["share"]),
            x_title="Share of attributions (line: 95% interval)",
            value_title="Share",
            **layout,
        ),
        chart_key,
        shares,
    )


st.title("Attribution")
validation_note.show("attribution")
filters = components.per_outlet(sidebar.filters())

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

st.subheader("Who gets a voice: source types")
st.caption(
    "Share of each outlet's attributions by the type of source quoted (officials, "
    "politicians, experts, organisations, documents, ordinary people, named people with "
    "no stated role, anonymous sources), pooled over attributions; the line is a 95% "
    "interval over articles (bootstrap). Types come from the source's title and nouns "
    "(data/lexicons/source_types.csv)."
)


share_chart(
    classroom.relabel(cache.run(outlet_comparisons.source_type_mix, filters)),
    "source_type",
    outlet_comparisons.SOURCE_TYPE_LABELS,
    "attribution_source_types",
    "No attribution in these articles.",
    # Two per row: three plus the legend overflow the page and cut the legend off.
    columns=2,
)

st.subheader("Speech, belief and evidence")
st.caption(
    "Belief: the writer states what a source thinks, wants or plans ('believes', 'wants', "
    "'is expected to'). Evidence: a poll, study or document is the source ('a poll shows'). "
    "Both are kept out of the cue-verb stances below, whose shares are over speech only."
)
kinds = classroom.relabel(cache.run(outlet_comparisons.attribution_kind_mix, filters))
share_chart(
    kinds[kinds["kind"] != "speech"],
    "kind",
    outlet_comparisons.ATTRIBUTION_KIND_LABELS,
    "attribution_kinds",
    "No belief or evidence attribution in these articles.",
)

st.subheader("Cue verbs by stance (speech only)")
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
    source_type=st.column_config.TextColumn("Source type"),
    cue=st.column_config.TextColumn("Cue verb"),
    cue_class=st.column_config.TextColumn("Stance"),
    quote_type=st.column_config.TextColumn("Quotation"),
    anonymous=st.column_config.CheckboxColumn("Anonymous"),
    attributions=st.column_config.NumberColumn("Attributions"),
    articles=st.column_config.NumberColumn("Articles"),
)
components.csv_button(sources, "quoted_sources")
