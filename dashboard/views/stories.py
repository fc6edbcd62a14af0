"""Stories: articles from different outlets about the same event, which outlets covered
each story (and which did not), and one story read side by side."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis import store
from analysis.compare import comparison_reads, queries, stories
from dashboard import cache, classroom, comparison_charts, components, sidebar, url_state

# --------------------------------------------------------------------------- helpers


md = components.escape_md


@st.cache_data(
    ttl=cache.CACHE_TTL,
    max_entries=cache.PAGE_RESULT_ENTRIES,
    show_spinner="Grouping articles into stories…",
)
def _stories(
    fingerprint: str, path: str, filters, threshold: float, window: float, outlets: tuple | None
):
    texts = cache.run(comparison_reads.article_texts, filters).frame
    found = stories.cluster_stories(texts, threshold=threshold, window_days=window)
    return found, stories.story_table(texts, found, outlets)


def joined(values, label=lambda v: v) -> str:
    return "; ".join(str(label(v)) for v in values) if isinstance(values, list) else ""


def day(value) -> str:
    return (
        "undated" if value is None or pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")
    )


def signed(value) -> str:
    return "—" if value is None or pd.isna(value) else f"{value:+.2f}"


# --------------------------------------------------------------------------- page

st.title("Stories")
filters = sidebar.filters()
st.caption(
    "Comparing outlets is fairest story by story: one outlet may look more negative only "
    "because it covered the bombing and not the trade fair. Articles about the same event, "
    "published within a few days of each other, are grouped into a story."
)

texts = cache.run(comparison_reads.article_texts, filters)
if texts.frame.empty:
    components.nothing_selected()
    st.stop()
if texts.note():
    st.warning(texts.note(), icon=":material/content_cut:")

c1, c2 = st.columns(2)
with c1:
    st.slider(
        "How similar articles must be to join a story",
        min_value=0.05,
        max_value=0.60,
        step=0.01,
        key=url_state.url_choice(
            "st_threshold", [round(x / 100, 2) for x in range(5, 61)], stories.DEFAULT_THRESHOLD
        ),
        help="Mean word-overlap (TF-IDF cosine) between two groups of articles needed to "
        f"merge them. Lower: broader stories; higher: tighter ones. Default "
        f"{stories.DEFAULT_THRESHOLD}.",
    )
with c2:
    st.number_input(
        "Days apart at most",
        min_value=0.5,
        max_value=60.0,
        step=0.5,
        key=url_state.url_choice(
            "st_window", [x / 2 for x in range(1, 121)], stories.DEFAULT_WINDOW_DAYS
        ),
        help="Articles published further apart than this are never compared directly.",
    )
url_state.publish("st_threshold", "st_window")
threshold = float(st.session_state["st_threshold"])
window = float(st.session_state["st_window"])

path = cache.store_path()
# One column per outlet in the coverage chart, and blind spots named, among the largest.
columns = cache.run(queries.largest_outlets, filters)
found, table = _stories(
    store.fingerprint(path),
    str(path),
    filters,
    threshold,
    window,
    columns.shown if columns.capped else None,
)
if table.empty:
    st.info("No story could be formed from these articles.")
    st.stop()

outlets = sorted(texts.frame["outlet"].unique())
multi = table[table["outlets_covering"] > 1]
components.n_badge(len(texts.frame))
st.markdown(
    f"**{len(table):,} stories**, {len(multi):,} of them covered by more than one outlet, "
    f"from {len(outlets)} outlets."
)

with st.expander("How are stories found?"):
    st.markdown(
        "Each article becomes a list of weighted words (TF-IDF over its headline and the "
        "start of its text, the headline counting extra). Articles published within the "
        "chosen number of days are compared, and groups of articles are merged while the "
        "**average** similarity between them stays above the threshold, so one shared "
        "background paragraph cannot chain two different events together. A story's name "
        "is its most characteristic words; its date is its first article's. The grouping is "
        "automatic: check a story's articles before relying on it."
    )

# --------------------------------------------------------------------------- coverage

st.subheader("Which outlets covered which story")
TOP = 30
shown = table.head(TOP).copy()
shown["story"] = [
    f"{sid} · {label[:60]}"
    for sid, label in zip(shown["story_id"], shown["story_label"], strict=True)
]
shown["rank"] = range(len(shown))
located = found.merge(texts.frame[["article_id", "outlet"]], on="article_id")
per_cell = located.groupby(["story_id", "outlet"]).size().rename("articles").reset_index()
if columns.capped:
    st.info(
        md(columns.note()) + " Blind spots below are named among these outlets too.",
        icon=":material/filter_list:",
    )
grid = shown[["story_id", "story", "rank", "story_date"]].merge(
    pd.DataFrame({"outlet": list(columns.shown)}), how="cross"
)
grid = grid.merge(per_cell, on=["story_id", "outlet"], how="left")
grid["articles"] = grid["articles"].fillna(0).astype("int64")
grid["date"] = grid["story_date"].map(day)
grid = classroom.relabel(grid)
st.caption(
    f"The {min(TOP, len(table))} most widely covered stories (most outlets, then most "
    "articles); a filled cell holds the outlet's number of articles, an empty one is a "
    "blind spot."
)
components.chart(
    comparison_charts.coverage_matrix(grid[["story", "rank", "outlet", "articles", "date"]]),
    "story_coverage",
    grid[["story_id", "story", "outlet", "articles", "date"]],
    stretch=False,
)

st.subheader("Stories ranked by coverage")
names = classroom.outlet_labels()  # once: a lookup per name would re-read every outlet
view = table.assign(
    story_date=table["story_date"].map(day),
    covering=table["covering"].map(lambda v: joined(v, lambda o: names.get(o, o))),
    missing=table["missing"].map(lambda v: joined(v, lambda o: names.get(o, o))),
)
components.table(
    view[
        [
            "story_id",
            "story_label",
            "story_date",
            "articles",
            "outlets_covering",
            "missing",
            "covering",
        ]
    ],  # fmt: skip
    height=360,
    story_id=st.column_config.TextColumn("Story"),
    story_label=st.column_config.TextColumn("About", width="medium"),
    story_date=st.column_config.TextColumn("First published"),
    articles=st.column_config.NumberColumn("Articles"),
    outlets_covering=st.column_config.NumberColumn("Outlets covering"),
    covering=st.column_config.TextColumn("Covered by", width="medium"),
    missing=st.column_config.TextColumn("Not covered by (blind spots)", width="medium"),
)
components.csv_button(view, "stories", label="Download the story table (CSV)")

# --------------------------------------------------------------------------- side by side

st.subheader("One story, side by side")
story_ids = table["story_id"].tolist()
labels = dict(zip(table["story_id"], table["story_label"], strict=True))
sizes = dict(zip(table["story_id"], table["outlets_covering"], strict=True))
st.selectbox(
    "Story",
    story_ids,
    key=url_state.url_choice("story", story_ids),
    format_func=lambda s: f"{s} · {labels.get(s, '')} ({sizes.get(s, 0)} outlets)",
)
url_state.publish("story")
story_id = st.session_state["story"]
ids = found.loc[found["story_id"] == story_id, "article_id"].tolist()
versions = stories.side_by_side(
    texts.frame,
    cache.run(comparison_reads.story_scores, tuple(ids)),
    cache.run(comparison_reads.story_evidence, tuple(ids)),
    story_id,
    stories=found,
)
if versions.empty:
    st.info("This story has no article under the current filters.")
    st.stop()
if len(versions) < 2:
    st.info("Only one article tells this story, so there is nothing to set beside it.")
versions = classroom.relabel(versions)
st.caption(
    "Sentiment: VADER, mean over the body's sentences, and the headline alone (-1 to +1). "
    "'Only in this version': words this article uses and no other article of the story "
    "does. Click a headline to read the article with its evidence marked."
)


def listed(values, limit: int = 6) -> str:
    """Distinct values in order, with a count for repeats, at most ``limit`` shown; escaped."""
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    items = [f"{v} ×{n}" if n > 1 else v for v, n in counts.items()]
    more = f" and {len(items) - limit} more" if len(items) > limit else ""
    return md("; ".join(items[:limit]) + more) if items else "none"


def card(row: dict) -> None:
    with st.container(border=True):
        headline = row["headline"] or "(untitled)"
        st.markdown(f"**[{md(headline)}]({url_state.reader_link(row['article_id'])})**")
        framing = row["framing_per_1k"]
        st.caption(
            f"{day(row['published'])} · sentiment {signed(row['sentiment'])} · headline "
            f"{signed(row['headline_sentiment'])} · framing "
            f"{'—' if pd.isna(framing) else f'{framing:.1f}'} per 1,000 words"
        )
        st.markdown(
            f"**Framing terms:** {listed(row['framing_terms'])}  \n"
            f"**Named sources:** {listed(row['named_sources'], 4)}  \n"
            f"**Anonymous sources:** {listed(row['anonymous_sources'], 4)}  \n"
            f"**Cue verbs:** {listed([c.lower() for c in row['cue_verbs']])}"
        )
        own = row["own_terms"]
        st.markdown(
            "*Only in this version:* " + (" · ".join(f"**{md(t)}**" for t in own) if own else "—")
        )


# One column per outlet (three to a row), its articles on this story stacked in it.
by_outlet = {o: part.to_dict("records") for o, part in versions.groupby("outlet", sort=True)}
names = list(by_outlet)
PER_ROW = 3
for first in range(0, len(names), PER_ROW):
    row_names = names[first : first + PER_ROW]
    for column, outlet in zip(st.columns(PER_ROW, gap="medium"), row_names, strict=False):
        with column:
            st.markdown(f"#### {md(outlet)}")
            for record in by_outlet[outlet]:
                card(record)
export = versions.assign(
    **{
        c: versions[c].map(joined)
        for c in ("framing_terms", "named_sources", "anonymous_sources", "cue_verbs", "own_terms")
    }
)
components.csv_button(export, f"story_{story_id}", label="Download this story side by side (CSV)")
components.explain("sentiment", "framing_per_1k", "anonymous_share")
