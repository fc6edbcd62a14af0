"""Distinctive terms: the words and phrases that set one outlet (or group) apart,
each one a click away from the sentences it comes from, and from the user's lexicon."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import streamlit as st

from analysis import store
from analysis.compare import comparison_reads, queries, terms
from analysis.measures.registry import SMALL_N
from analysis.text import lexicons
from dashboard import cache, classroom, comparison_charts, components, sidebar, url_state

# --------------------------------------------------------------------------- helpers


md = components.escape_md


@st.cache_data(ttl=cache.CACHE_TTL, max_entries=8, show_spinner=False)
def framing_lexicon(directory: str, stamp: float) -> tuple[list[str], list[str]]:
    """Patterns and categories of the framing lexicon (``stamp``: the file's mtime)."""
    lex = lexicons.load_lexicons(directory)
    return [t.pattern for t in lex.framing], lex.framing_categories


@st.cache_data(
    ttl=cache.CACHE_TTL,
    max_entries=cache.PAGE_RESULT_ENTRIES,
    show_spinner="Finding distinctive terms…",
)
def _distinctive(
    fingerprint: str,
    path: str,
    filters,
    a: tuple,
    b: tuple | None,
    label_a: str,
    label_b: str,
    drop_self_names: bool = True,
) -> pd.DataFrame:
    texts = cache.run(comparison_reads.article_texts, filters).frame
    if b is not None:
        texts = texts[texts["outlet"].isin(set(a) | set(b))]  # the prior: these two sides
    result = terms.distinctive_terms(
        texts, list(a), list(b) if b is not None else None, drop_self_names=drop_self_names
    )
    # The side is named by the page's labels (classroom letters, group names).
    result["side"] = [label_a if z >= 0 else label_b for z in result["z"]]
    return result


def user_lexicon_path() -> Path:
    """``$SLANT_USER_LEXICON``, else beside the store (never in the installed package)."""
    return Path(
        os.environ.get("SLANT_USER_LEXICON")
        or comparison_reads.user_lexicon_path(cache.store_path())
    )


REST = "rest"

# --------------------------------------------------------------------------- page

st.title("Distinctive terms")
filters = sidebar.filters()

counts = cache.run(queries.outlet_counts, filters)
outlets = counts["outlet"].tolist()
if len(outlets) < 2:
    components.nothing_selected(
        "Distinctive terms need articles from at least two outlets; "
        + ("none match" if not outlets else "only one matches")
        + " the current filters."
    )
    st.stop()

# Sides: "o:<outlet>" or "g:<group>" (groups from the Compare outlets page).
groups = {
    name: [o for o in members if o in outlets]
    for name, members in st.session_state.get("cmp_groups", {}).items()
}
groups = {name: members for name, members in groups.items() if members}
options = [f"o:{o}" for o in outlets] + [f"g:{g}" for g in groups]


def side_label(option: str) -> str:
    if option == REST:
        return "All other outlets"
    kind, _, value = option.partition(":")
    return classroom.label(value) if kind == "o" else f"Group: {value}"


def members(option: str) -> list[str]:
    kind, _, value = option.partition(":")
    return [value] if kind == "o" else groups.get(value, [])


def url_side(key: str, choices: list[str], default: str) -> None:
    """Seed a side from the URL (outlet names, or letters in classroom mode)."""
    if key in st.session_state and st.session_state[key] in choices:
        return
    letters = {c: o for o, c in classroom.outlet_letters(cache.run(queries.outlet_names)).items()}
    raw = st.query_params.get(key, "")
    kind, _, value = raw.partition(":")
    if kind == "o" and value in letters and classroom.is_on():
        raw = f"o:{letters[value]}"
    st.session_state[key] = raw if raw in choices else default


def publish_side(key: str) -> None:
    value = st.session_state[key]
    if classroom.names_hidden() and value.startswith("o:"):
        value = "o:" + classroom.outlet_letters(cache.run(queries.outlet_names)).get(value[2:], "")
    if st.query_params.get(key) != value:
        st.query_params[key] = value


widget_suffix = "__letters" if classroom.names_hidden() else "__names"
url_side("terms_a", options, options[0])
url_side("terms_b", [REST, *options], REST)
left, right = st.columns(2)
for column, key, label, choices in (
    (left, "terms_a", "Terms typical of", options),
    (right, "terms_b", "Compared with", [REST, *options]),
):
    widget = key + widget_suffix
    if st.session_state.get(widget) not in choices:
        st.session_state[widget] = st.session_state[key]
    with column:
        st.session_state[key] = st.selectbox(label, choices, key=widget, format_func=side_label)
    publish_side(key)
if groups:
    st.caption("Groups come from the Compare outlets page.")
else:
    st.caption("Define groups of outlets (e.g. 'state media') on the Compare outlets page.")
keep_self_names = st.toggle(
    "Include outlet names and single letters",
    value=False,
    key="terms_keep_self_names",
    help="Off: words from the outlets' own names ('Fox', 'Fox News', 'Clarion') and one-letter "
    "words (initials such as the 'J' of 'Donald J. Trump') are left out, since they set an "
    "outlet apart only by naming it.",
)

side_a, side_b = st.session_state["terms_a"], st.session_state["terms_b"]
a = members(side_a)
b = None if side_b == REST else members(side_b)
label_a = side_label(side_a)
label_b = "all other outlets" if side_b == REST else side_label(side_b)
if b is not None and set(a) & set(b):
    st.info("The two sides share outlets; choose sides with no outlet in common.")
    st.stop()

texts = cache.run(comparison_reads.article_texts, filters)
if texts.note():
    st.warning(texts.note(), icon=":material/content_cut:")
n_a = int(texts.frame["outlet"].isin(a).sum())
n_b = int(
    (~texts.frame["outlet"].isin(a)).sum() if b is None else texts.frame["outlet"].isin(b).sum()
)
if n_a == 0 or n_b == 0:
    components.nothing_selected("One of the two sides has no article under the current filters.")
    st.stop()

path = cache.store_path()
result = _distinctive(
    store.fingerprint(path),
    str(path),
    filters,
    tuple(a),
    tuple(b) if b is not None else None,
    label_a,
    label_b,
    drop_self_names=not keep_self_names,
)
components.n_badge(n_a, f"articles from {md(label_a)}")  # n_badge does not escape
components.n_badge(n_b, f"articles from {md(label_b)}")
if min(n_a, n_b) < SMALL_N:
    st.warning(
        f"Fewer than {SMALL_N} articles on one side ({n_a} vs {n_b}): the terms below describe a "
        "handful of articles, not an outlet's habits.",
        icon=":material/warning:",
    )
if result.empty:
    st.info(
        "No term occurs in at least two articles here, so there is nothing to compare. "
        "Widen the filters."
    )
    st.stop()

lexicon_dir = str(lexicons.DEFAULT_DIR)
framing_file = Path(lexicon_dir) / "framing.csv"
try:
    patterns, categories = framing_lexicon(lexicon_dir, framing_file.stat().st_mtime)
except (OSError, lexicons.LexiconError) as error:
    patterns, categories = [], []
    st.warning(f"The framing lexicon could not be read: {md(error)}")

PLOT_PER_SIDE, TABLE_PER_SIDE = 400, 40
strongest = pd.concat([result.head(PLOT_PER_SIDE), result[result["z"] < 0].tail(PLOT_PER_SIDE)])
strongest = strongest.drop_duplicates("term")
strongest = strongest.assign(
    in_lexicon=terms.in_lexicon(strongest["term"], patterns).to_numpy() if patterns else False
)

st.subheader(f"Which words set {md(label_a)} apart from {md(label_b)}")
st.caption(
    "Each dot is a word or phrase (up to three words within one sentence, used in at least "
    "two articles). "
    "Up: more typical of the first side; down: of the second; right: used more often. "
    f"The strongest {PLOT_PER_SIDE} terms of each side are drawn; the 12 strongest of each "
    "side are named."
)
components.chart(
    comparison_charts.terms_scatter(strongest, label_a, label_b),
    "distinctive_terms",
    strongest,
)
with st.expander("What does this measure?"):
    st.markdown(
        "**z-score of the weighted log-odds ratio** (Monroe, Colaresi & Quinn 2008, "
        "'Fightin' Words'). For every term, the odds that a word of the first side is this "
        "term are compared with the same odds for the second side; the whole corpus serves "
        "as a prior, so a rare word needs more evidence than a common one before it counts "
        "as distinctive. |z| above about 2 is unlikely to be chance for that one term; with "
        "thousands of terms some will pass by chance, so read the contexts before drawing "
        "conclusions. A distinctive word is not necessarily a loaded one: it may simply be "
        "the topic an outlet covers more."
    )

table = pd.concat(
    [strongest[strongest["z"] >= 0].head(TABLE_PER_SIDE), strongest[strongest["z"] < 0].tail(TABLE_PER_SIDE).iloc[::-1]]
)  # fmt: skip
st.subheader("The strongest terms of each side")
components.table(
    table[["term", "count_a", "count_b", "z", "side", "in_lexicon"]],
    height=360,
    term=st.column_config.TextColumn("Term"),
    count_a=st.column_config.NumberColumn(f"Uses by {label_a}"),
    count_b=st.column_config.NumberColumn(f"Uses by {label_b}"),
    z=st.column_config.NumberColumn("z-score", format="%.2f"),
    side=st.column_config.TextColumn("More typical of"),
    in_lexicon=st.column_config.CheckboxColumn(
        "In framing lexicon", help="A framing lexicon pattern already matches (part of) it."
    ),
)
components.csv_button(result, "distinctive_terms_all", label="Download every term (CSV)")

# --------------------------------------------------------------------------- in context

st.subheader("A term in context")
term_options = table["term"].tolist()
st.selectbox(
    "Term",
    term_options,
    key=url_state.url_choice("terms_term", term_options),
    help="From the table.",
)
url_state.publish("terms_term")
term = st.session_state["terms_term"]
lines = cache.run(
    comparison_reads.term_context_lines, filters, term, None if b is None else (*a, *b)
)
if lines.empty:
    st.info("This term does not occur in the selected articles.")
else:
    components.context_lines(lines, "Term", shown="first 50 uses shown")

# --------------------------------------------------------------------------- my lexicon

st.subheader("Add the term to my lexicon")
target = user_lexicon_path()
NEW = "(a new category)"
with st.form("add_term", border=True):
    st.markdown(f"Term: **{md(term)}**")
    c1, c2 = st.columns(2)
    category = c1.selectbox("Category", [*categories, NEW], key="lex_category")
    new_category = c2.text_input(
        "New category", key="lex_new_category", placeholder="e.g. dehumanising"
    )
    note = st.text_input(
        "Note: why is this term loaded, who uses it, what is the neutral word?",
        key="lex_note",
        max_chars=300,
    )
    seed = st.checkbox(
        "Start a new file with a copy of the standard framing terms",
        value=True,
        key="lex_seed",
        help="`slant rescore --lexicon FILE` uses FILE instead of the standard framing.csv; "
        "starting from a copy keeps the standard terms counted.",
    )
    submitted = st.form_submit_button("Add to my lexicon", icon=":material/playlist_add:")
if submitted:
    picked = new_category if category == NEW or new_category.strip() else category
    try:
        done = comparison_reads.append_user_term(
            term, picked, note, target, seed_from=framing_file if seed else None
        )
    except (comparison_reads.UserLexiconError, OSError) as error:
        st.error(md(error))
    else:
        (st.success if done.added else st.info)(md(done.message()))
        st.markdown("Re-score the store with it from a terminal:")
        st.code(f"slant rescore --lexicon {done.path} --db {cache.store_path()}", language="bash")
        st.caption("or load it on the Data page.")
else:
    st.caption(f"Terms are added to {md(target)} (pattern, category, note).")
