"""Word choice: which of several names for the same thing each outlet uses
("invasion" or "special military operation"), with the sentences behind every count."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from analysis import store
from analysis.compare import comparison_reads, contrasts
from analysis.measures.registry import SMALL_N
from analysis.text.lexicons import LexiconError
from dashboard import cache, classroom, comparison_charts, components, sidebar, url_state

# --------------------------------------------------------------------------- helpers


md = components.escape_md


@st.cache_data(ttl=cache.CACHE_TTL, max_entries=8, show_spinner=False)
def load_contrasts(path: str, stamp: float) -> pd.DataFrame:
    """The contrasts lexicon (``stamp``: the file's mtime, so an edit is seen)."""
    return contrasts.load_contrasts(path)


@st.cache_data(
    ttl=cache.CACHE_TTL,
    max_entries=cache.PAGE_RESULT_ENTRIES,
    show_spinner="Counting word choices…",
)
def _matches(fingerprint: str, path: str, filters, contrasts_path: str, stamp: float):
    texts = cache.run(comparison_reads.article_texts, filters).frame
    table = load_contrasts(contrasts_path, stamp)
    matches = contrasts.contrast_matches(texts, table)
    return matches, contrasts.contrast_table(texts, table, matches=matches)


def group_title(group: str) -> str:
    return group.replace("_", " ").capitalize()


# --------------------------------------------------------------------------- page

st.title("Word choice")
filters = components.per_outlet(sidebar.filters())
st.caption(
    "The same thing can be named in several ways: an 'invasion' or a 'special military "
    "operation', 'militants' or 'freedom fighters'. Each group below lists the wordings from "
    "the contrasts lexicon and shows which one each outlet picks."
)

texts = cache.run(comparison_reads.article_texts, filters)
if texts.frame.empty:
    components.nothing_selected()
    st.stop()
if texts.note():
    st.warning(texts.note(), icon=":material/content_cut:")

contrasts_file = Path(contrasts.DEFAULT_CONTRASTS)
try:
    stamp = contrasts_file.stat().st_mtime
    lexicon = load_contrasts(str(contrasts_file), stamp)
except (OSError, LexiconError) as error:
    st.error(f"The contrasts lexicon could not be read: {md(error)}")
    st.stop()

path = cache.store_path()
matches, table = _matches(store.fingerprint(path), str(path), filters, str(contrasts_file), stamp)
components.n_badge(len(texts.frame))
if matches.empty:
    st.info("None of the wordings in the contrasts lexicon occurs in these articles.")
    st.stop()

order = {
    (g, a): i
    for i, (g, a) in enumerate(lexicon[["group", "alternative"]].drop_duplicates().itertuples(index=False))
}  # fmt: skip
table = classroom.relabel(table.rename(columns={"group": "outlet"}))
table["order"] = [
    order.get((g, a), 0) for g, a in zip(table["contrast_group"], table["alternative"], strict=True)
]
table["total"] = table.groupby(["outlet", "contrast_group"])["count"].transform("sum")
used = table.groupby("contrast_group", sort=False)["count"].sum()
groups = [g for g in dict.fromkeys(lexicon["group"]) if used.get(g, 0) > 0]
unused = [g for g in dict.fromkeys(lexicon["group"]) if used.get(g, 0) == 0]

with st.expander("What does this measure?"):
    st.markdown(
        "Each chart counts the matches of every wording of one contrast group in an outlet's "
        "headlines and texts, and shows each wording's share of that outlet's matches in the "
        "group (n = matches). Wordings come from `data/lexicons/contrasts.csv`; where two "
        "patterns overlap, the longer match wins ('special military operation' is not also "
        "counted as 'operation'). A lexicon finds words, not meanings: 'operation' may name a "
        "surgery. Open the sentences below before concluding. Outlets with few matches "
        "(n under 5) say little about a habit."
    )


def draw_group(group: str) -> None:
    part = table[table["contrast_group"] == group]
    st.markdown(f"#### {md(group_title(group))}")
    totals = part.drop_duplicates("outlet")[["outlet", "total"]]
    in_articles = matches.loc[matches["contrast_group"] == group, "article_id"].nunique()
    st.caption(
        f"n = {int(part['count'].sum()):,} matches in {in_articles:,} articles (beside each "
        "outlet: its matches). Hover a bar for counts and shares."
    )
    small = totals[totals["total"] < SMALL_N]
    if not small.empty and len(small) < len(totals):
        st.caption(
            f":material/warning: Fewer than {SMALL_N} matches (read as anecdotes): "
            + md(", ".join(f"{o} (n = {int(t)})" for o, t in small.itertuples(index=False)))
        )
    elif not small.empty:
        st.warning("Every outlet has fewer than 5 matches here: read these shares as anecdotes.")
    components.chart(
        comparison_charts.contrast_shares(part),
        f"word_choice_{group}",
        part.drop(columns=["order"]),
    )
    with st.expander("The counts as a table"):
        wide = part.pivot_table(
            index="alternative", columns="outlet", values="count", aggfunc="sum", fill_value=0
        )
        wide = wide.loc[sorted(wide.index, key=lambda a: order.get((group, a), 0))]
        wide.columns.name = None
        components.table(wide.reset_index().rename(columns={"alternative": "Wording"}))


# Two groups side by side keep the page short enough to scan.
for first in range(0, len(groups), 2):
    for column, group in zip(st.columns(2, gap="large"), groups[first : first + 2], strict=False):
        with column:
            draw_group(group)
if unused:
    st.caption(
        "Not found in these articles: " + md(", ".join(group_title(g) for g in unused)) + "."
    )

# --------------------------------------------------------------------------- contexts

st.subheader("The sentences behind a count")
c1, c2 = st.columns(2)
with c1:
    st.selectbox(
        "Contrast group",
        groups,
        key=url_state.url_choice("wc_group", groups),
        format_func=group_title,
    )
group = st.session_state["wc_group"]
alternatives = [
    a for a in dict.fromkeys(lexicon.loc[lexicon["group"] == group, "alternative"])
    if ((matches["contrast_group"] == group) & (matches["alternative"] == a)).any()
]  # fmt: skip
with c2:
    if st.session_state.get("wc_alternative") not in alternatives:
        st.session_state.pop("wc_alternative", None)
    st.selectbox("Wording", alternatives, key=url_state.url_choice("wc_alternative", alternatives))
url_state.publish("wc_group", "wc_alternative")
alternative = st.session_state["wc_alternative"]
lines = contrasts.contrast_contexts(
    texts.frame, lexicon, group, alternative, matches=matches, limit=100
)
if lines.empty:
    st.info("This wording does not occur in the selected articles.")
else:
    components.context_lines(lines, "Wording", shown="first 100 matches shown")
    components.csv_button(lines, "word_choice_contexts")
components.csv_button(
    table.drop(columns=["order"]), "word_choice_counts", label="Download all counts (CSV)"
)
