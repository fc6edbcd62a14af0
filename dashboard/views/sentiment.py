"""Sentiment: distribution per outlet, headline vs body, and sentiment toward targets."""

from __future__ import annotations

import streamlit as st

from analysis.compare import queries
from analysis.measures.registry import SMALL_N
from dashboard import cache, charts, classroom, components, sidebar, url_state, validation_note

st.title("Sentiment")
filters = components.per_outlet(sidebar.filters())

boxes = cache.run(queries.sentiment_boxes, filters, "sentiment")
if boxes.empty:
    components.nothing_selected("No scored articles match the current filters.")
    st.stop()
boxes = classroom.relabel(boxes)

st.subheader("How positive or negative each outlet's articles are")
components.n_badge(boxes["n"].sum())
components.small_n_warning(boxes)
components.chart(charts.box_summary(boxes, "Article sentiment"), "sentiment_distribution", boxes)
components.explain("sentiment")

st.subheader("Outlets compared, with 95% intervals")
components.outlet_comparison(
    filters, ("sentiment", "negative_share", "headline_sentiment"), "sentiment"
)

st.subheader("Headline versus body")
hvb = classroom.relabel(cache.run(queries.headline_vs_body, filters))
st.caption("Mean sentiment of headlines and of article bodies; n beside each bar in the tooltip.")
components.chart(
    charts.grouped_bars(hvb, "mean", "part", "Mean sentiment (-1 to +1)", "Part of article"),
    "sentiment_headline_vs_body",
    hvb,
)
components.table(
    hvb.rename(columns={"outlet": "Outlet", "part": "Part", "n": "n", "mean": "Mean sentiment"})
)
components.explain("headline_sentiment")

st.subheader("Sentiment toward targets")
validation_note.show("target")
matrix = cache.run(queries.target_matrix, filters)
if matrix.empty:
    st.info(
        "No target (person, group or government from the targets lexicon) is mentioned in "
        "these articles."
    )
    st.stop()
st.caption(
    "Each cell: sentiment toward the target itself (each mention scored by a model trained "
    "on NewsMTSC, from the words in the target's own clause and its role, not the whole "
    "sentence's tone; P(positive) - P(negative), -1 to +1), averaged per article and then "
    "over the outlet's articles, with the number of articles. Cells marked ! rest on fewer "
    f"than {SMALL_N} articles."
)
shown = classroom.relabel(matrix)
components.chart(
    charts.heatmap(
        shown,
        "target",
        "Target",
        "mean",
        "Sentiment toward the target",
        "articles",
        diverging=True,
    ),
    "sentiment_targets",
    shown,
    stretch=False,
)
small_cells = int((shown["articles"] < SMALL_N).sum())
if small_cells:
    st.warning(
        f"{small_cells} of {len(shown)} cells rest on fewer than {SMALL_N} articles (faded, marked !): "
        "treat them as anecdotes, not patterns.",
        icon=":material/warning:",
    )
unscored_cells = int(shown["mean"].isna().sum())
if unscored_cells:
    st.info(
        f"{unscored_cells} of {len(shown)} cells (–) have no score toward the target: their "
        "articles were scored by an earlier version of Slant, before target-scoped sentiment. "
        f"`slant rescore --db {cache.store_path()}` scores them with this version.",
        icon=":material/update:",
    )
components.explain("target_scoped_sentiment")

st.markdown("**The sentences behind a cell**")
outlets = sorted(matrix["outlet"].unique())
targets = sorted(matrix["target"].unique())
labels = classroom.outlet_labels()
left, right = st.columns(2)
with left:
    st.selectbox(
        "Outlet",
        outlets,
        key=url_state.url_choice("cell_outlet", outlets),
        format_func=lambda o: labels.get(o, o),
    )
with right:
    st.selectbox("Target", targets, key=url_state.url_choice("cell_target", targets))
# In classroom mode the outlet stays out of the URL, which students can read.
url_state.publish("cell_target", *([] if classroom.names_hidden() else ["cell_outlet"]))
outlet, target = st.session_state["cell_outlet"], st.session_state["cell_target"]
sentences = cache.run(queries.target_sentences, filters, outlet, target)
if sentences.empty:
    st.info("This outlet does not mention this target in the selected articles.")
else:
    components.n_badge(sentences["article_id"].nunique(), "articles")
    components.n_badge(len(sentences), "sentences")
    components.table(
        sentences[["published", "title", "sentence", "toward", "because", "score", "field"]].rename(
            columns={
                "published": "Published",
                "title": "Title",
                "field": "Where",
                "sentence": "Sentence",
                "toward": "Toward the target (article)",
                "because": "Because",
                "score": "Whole sentence (VADER)",
            }
        ),
        Published=st.column_config.DatetimeColumn(format="YYYY-MM-DD", width="small"),
        Title=st.column_config.TextColumn(width="small"),
        Where=st.column_config.TextColumn(width="small"),
        Sentence=st.column_config.TextColumn(width="medium"),
        Because=st.column_config.TextColumn(width="medium"),
        **{
            "Toward the target (article)": st.column_config.NumberColumn(format="%.3f"),
            "Whole sentence (VADER)": st.column_config.NumberColumn(format="%.3f"),
        },
    )
    components.csv_button(sentences, "target_sentences")
