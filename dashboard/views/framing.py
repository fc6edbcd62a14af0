"""Framing: loaded-term rates per category per outlet, top terms and terms in context."""

from __future__ import annotations

import streamlit as st

from analysis.compare import queries
from analysis.measures.registry import SMALL_N
from dashboard import cache, charts, classroom, components, sidebar, url_state, validation_note

st.title("Framing")
validation_note.show("framing")
validation_note.show("hedge")
filters = components.per_outlet(sidebar.filters())

own_voice = components.voice_switch()
rates = cache.run(queries.framing_rates, filters, own_voice)
if rates.empty:
    components.nothing_selected(
        "No framing term from the lexicon occurs in the articles that match the filters."
    )
    st.stop()
rates = classroom.relabel(rates)

st.subheader("Framing terms per 1,000 words, by category")
st.caption(
    "Pooled rate: all matches of the category in an outlet's articles divided by all their "
    f"words, times 1,000. n = articles. Cells marked ! rest on fewer than {SMALL_N} articles. "
    + (
        "Only the outlet's own words: matches inside quotes and paraphrases are left out."
        if own_voice
        else "All matches, quoted words included."
    )
)
components.small_n_warning(rates.drop_duplicates("outlet").rename(columns={"articles": "n"}))
components.chart(
    charts.heatmap(
        rates, "category", "Framing category", "per_1k", "Matches per 1,000 words", "articles"
    ),
    "framing_rates",
    rates,
    stretch=False,
)
components.explain("framing_per_1k")

st.subheader("Outlets compared, with 95% intervals")
st.caption(
    "Mean of each article's rate, so every article counts once whatever its length (the "
    "heatmap above pools all words instead). Per-category comparisons: Compare outlets page."
)
components.outlet_comparison(filters, ("framing_per_1k", "hedges_per_1k"), "framing")

st.subheader("Most frequent terms per outlet")
top = classroom.relabel(cache.run(queries.framing_terms, filters, 10))
components.chart(
    charts.top_bars(
        top, "term", "Term", "matches", "Matches", color="category", color_title="Category"
    ),
    "framing_top_terms",
    top,
    stretch=False,
)

st.subheader("All terms")
table = classroom.relabel(cache.run(queries.framing_term_table, filters))
wide = table.pivot_table(
    index=["term", "category"], columns="outlet", values="matches", fill_value=0, aggfunc="sum"
)
wide["All outlets"] = wide.sum(axis=1)
wide = wide.sort_values("All outlets", ascending=False).reset_index()
wide.columns.name = None
components.table(
    wide.rename(columns={"term": "Term", "category": "Category"}),
    height=300 if len(wide) > 8 else "auto",
)
components.csv_button(table, "framing_terms")

st.subheader("A term in context")
terms = wide["term"].tolist()
st.selectbox(
    "Term",
    terms,
    key=url_state.url_choice("term", terms),
    help="Lines from the selected articles where this term was matched.",
)
url_state.publish("term")
term = st.session_state["term"]
lines = cache.run(queries.keyword_in_context, filters, term)
if lines.empty:
    st.info("This term does not occur in the selected articles.")
else:
    components.context_lines(lines, "Term")
    components.csv_button(lines, "framing_in_context")
