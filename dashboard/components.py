"""Shared UI pieces: n badges, small-n warnings, "What does this measure?" notes,
chart display with PNG/SVG download, and CSV downloads through ``analysis.report.export``.

Everything shown here may contain untrusted text (outlet names, titles); it is
passed through :func:`escape_md` before reaching any markdown-rendering element.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence

import altair as alt
import pandas as pd
import streamlit as st

from analysis.compare import outlet_comparisons, queries
from analysis.compare.queries import Filters
from analysis.measures import registry
from analysis.measures.registry import SMALL_N
from analysis.report import export
from dashboard import cache, classroom, url_state

# Markdown syntax, plus "$" (LaTeX) and ":" (emoji and :color[...] codes) that Streamlit adds.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>$:])")


def escape_md(text) -> str:
    """``text`` safe for any markdown element: HTML escaped, markdown syntax neutralised.

    >>> escape_md("<b>*x*</b>")
    '&lt;b&gt;\\\\*x\\\\*&lt;/b&gt;'
    """
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=False))


# --------------------------------------------------------------------------- a busy store

STORE_BUSY = "The store is being updated by another program; this page will refresh"
#: How often a page showing STORE_BUSY looks at the store again (seconds).
STORE_RECHECK_SECONDS = 5


@st.fragment(run_every=STORE_RECHECK_SECONDS)
def _rerun_once_the_store_opens() -> None:
    import duckdb

    from analysis import store
    from analysis.errors import StoreUnavailable

    try:
        store.connect(cache.store_path(), read_only=True, wait=0).close()
    except (StoreUnavailable, duckdb.Error):
        return
    st.rerun()  # from a fragment: the whole page runs again


def store_busy() -> None:
    """A plain message (no traceback, path or process id) while another program writes to
    the store, and a full rerun as soon as the store opens again."""
    st.info(STORE_BUSY, icon=":material/hourglass_top:")
    _rerun_once_the_store_opens()


def store_outdated() -> None:
    """What to do with a store made by an earlier Slant, whose tables lack columns this
    version reads (a read-only page cannot add them)."""
    from analysis import store

    path = cache.store_path()
    missing = ", ".join(cache.run(store.missing_columns))
    st.warning(
        "This store was made by an earlier version of Slant: its tables lack columns this "
        f"version reads ({missing}). Stop the dashboard and start it again with "
        f"`slant dashboard --db {path}`, which adds them; then `slant rescore --db {path}` "
        "scores its articles with this version.",
        icon=":material/update:",
    )


# --------------------------------------------------------------------------- explanations


def measure_label(key: str) -> str:
    return registry.label(key)


def explain(*keys: str) -> None:
    """A "What does this measure?" expander for ``keys``; in classroom mode the plain
    explanation is also shown beside the measure, always visible."""
    notes = [registry.measure(k) for k in keys]
    if not notes:
        return
    if classroom.is_on():
        for note in notes:
            st.info(f"**{escape_md(note.label)}:** {note.plain}", icon=":material/school:")
    with st.expander("What does this measure?"):
        for note in notes:
            unit = f" *Unit: {note.unit}.*" if note.unit else ""
            st.markdown(f"**{escape_md(note.label)}.** {note.method}{unit}")


# --------------------------------------------------------------------------- n and warnings


def n_badge(n: int, what: str = "articles") -> None:
    st.caption(f"n = {int(n):,} {escape_md(what)}")


#: The most outlets a small-n warning names; the rest are counted.
SMALL_N_NAMED = 10


def small_n_warning(frame: pd.DataFrame, n_col: str = "n", group_col: str = "outlet") -> None:
    """A visible warning naming the groups with fewer than 5 articles (the first
    :data:`SMALL_N_NAMED`, then how many more)."""
    if frame is None or frame.empty or n_col not in frame.columns:
        return
    small = frame[frame[n_col] < SMALL_N][[group_col, n_col]].drop_duplicates()
    if small.empty:
        return
    names = ", ".join(
        f"{escape_md(g)} (n={int(n)})" for g, n in small.head(SMALL_N_NAMED).itertuples(index=False)
    )
    if len(small) > SMALL_N_NAMED:
        names += f" … and {len(small) - SMALL_N_NAMED:,} more"
    st.warning(
        f"Fewer than {SMALL_N} articles behind: {names}. Treat these numbers as anecdotes, "
        "not patterns.",
        icon=":material/warning:",
    )


def per_outlet(filters: Filters) -> Filters:
    """The filters for charts with one mark per outlet: at most ``queries.TOP_OUTLETS``
    outlets, those with the most articles, with a note on the page when others are
    left out (a chart of thousands of outlets is unreadable and too big to draw)."""
    selection = cache.run(queries.largest_outlets, filters)
    if selection.capped:
        st.info(escape_md(selection.note()), icon=":material/filter_list:")
    return selection.filters


def nothing_selected(message: str = "No articles match the current filters.") -> None:
    st.info(message + " Widen the date range, pick more outlets or clear the search.")


# --------------------------------------------------------------------------- downloads


VOICES = {
    "own": "The outlet's own words",
    "all": "All words, quotes included",
}


def voice_switch() -> bool:
    """The "whose words" switch (URL param ``voice``): True for the outlet's own words
    only, the default, so a minister's "regime" quoted by an outlet is not the outlet's."""
    st.radio(
        "Whose words",
        list(VOICES),
        key=url_state.url_choice("voice", list(VOICES), "own"),
        format_func=VOICES.get,
        horizontal=True,
        help="Own words: framing terms outside quotes and paraphrases of sources (found by "
        "the attribution measure, which misses some). All words: every match.",
    )
    url_state.publish("voice")
    return st.session_state["voice"] == "own"


def csv_button(frame: pd.DataFrame, name: str, label: str = "Download data (CSV)") -> None:
    """A download button for ``frame`` as formula-injection-safe CSV."""
    st.download_button(
        label,
        data=export.to_csv(frame),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"csv_{name}",
        icon=":material/download:",
        on_click="ignore",
    )


def _renderer(spec: dict, fmt: str) -> Callable[[], bytes | str]:
    def render():  # runs on click, outside the session: uses only ``spec``
        import vl_convert as vlc

        if fmt == "svg":
            return vlc.vegalite_to_svg(spec)
        return vlc.vegalite_to_png(spec, scale=2)

    return render


def chart(
    figure: alt.TopLevelMixin, name: str, frame: pd.DataFrame | None = None, stretch=True
) -> None:
    """Draw an Altair chart with PNG/SVG downloads (vl-convert) and the data as CSV.

    Streamlit turns vega-embed's own action menu off, so the image downloads are
    rendered here, on click only.
    """
    st.altair_chart(figure, width="stretch" if stretch else "content")
    with st.popover("Download", icon=":material/download:"):
        try:
            import vl_convert  # noqa: F401
        except ImportError:
            st.caption("Install vl-convert-python for PNG and SVG downloads.")
        else:
            spec = figure.to_dict()
            if isinstance(spec.get("autosize"), dict) and spec["autosize"].get("type") == "fit-x":
                # A page-wide chart has no width of its own; give the image one.
                spec = {**spec, "width": 760, "autosize": {"type": "pad"}}
            st.download_button(
                "Chart as PNG",
                data=_renderer(spec, "png"),
                file_name=f"{name}.png",
                mime="image/png",
                key=f"png_{name}",
                icon=":material/image:",
                on_click="ignore",
            )
            st.download_button(
                "Chart as SVG",
                data=_renderer(spec, "svg"),
                file_name=f"{name}.svg",
                mime="image/svg+xml",
                key=f"svg_{name}",
                icon=":material/image:",
                on_click="ignore",
            )
        if frame is not None:
            csv_button(frame, name, label="Data as CSV")


def table(frame: pd.DataFrame, height: int | str = "auto", **column_config) -> None:
    """An escaped, sortable table (st.dataframe never renders cell text as HTML)."""
    st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        height=height,
        column_config=column_config or None,
    )


def context_lines(lines: pd.DataFrame, match_title: str = "Term", shown: str = "") -> None:
    """Keyword-in-context lines (outlet, date, title, before, match, after) with a
    link to each article in the reader; outlets relabelled in classroom mode."""
    lines = classroom.relabel(lines)
    lines["reader"] = [url_state.reader_link(i) for i in lines["article_id"]]
    n_badge(lines["article_id"].nunique(), f"articles{f' ({shown})' if shown else ''}")
    table(
        lines[["outlet", "published", "title", "left", "match", "right", "reader"]],
        outlet=st.column_config.TextColumn("Outlet"),
        published=st.column_config.DatetimeColumn("Published", format="YYYY-MM-DD"),
        title=st.column_config.TextColumn("Title", width="medium"),
        left=st.column_config.TextColumn("Before", width="medium"),
        match=st.column_config.TextColumn(match_title),
        right=st.column_config.TextColumn("After", width="medium"),
        reader=st.column_config.LinkColumn("Article", display_text="Open in reader"),
    )


#: Plain column names for a table of pairwise comparisons (analysis.compare.stats.pairwise).
PAIR_COLUMNS = {
    "group_a": "First outlet",
    "group_b": "Second outlet",
    "n_a": "n first",
    "n_b": "n second",
    "mean_a": "Mean first",
    "mean_b": "Mean second",
    "difference": "Difference",
    "ci_low": "95% CI from",
    "ci_high": "95% CI to",
    "cliffs_delta": "Cliff's delta",
    "p_value": "p",
    "p_adjusted": "Adjusted p",
    "significant": "Clear difference",
    "sentence": "In words",
}


def outlet_comparison(filters, measures: Sequence[str], key: str) -> None:
    """Each outlet's mean of ``measures`` with 95% intervals, and every pair of outlets
    tested on a chosen measure, with a plain-language sentence per pair."""
    from dashboard import charts

    long = classroom.relabel(
        cache.run(outlet_comparisons.outlet_estimates_long, filters, tuple(measures))
    )
    if long.empty:
        nothing_selected("No scored articles match the current filters.")
        return
    long.insert(2, "measure_label", [measure_label(m) for m in long["measure"]])
    chart(charts.interval_multiples(long), f"{key}_intervals", long, stretch=False)
    with st.expander("Are the differences between outlets real?"):
        chosen = st.selectbox(
            "Measure", list(measures), format_func=measure_label, key=f"{key}_pair_measure"
        )
        tested = cache.run(queries.largest_outlets, filters, outlet_comparisons.PAIRWISE_OUTLETS)
        if tested.capped:
            st.caption(
                f"The {len(tested.shown)} outlets with the most articles are tested, of the "
                f"{tested.total} shown."
            )
        with st.spinner("Testing every pair of outlets…"):
            pairs = cache.run(outlet_comparisons.outlet_pairs, tested.filters, chosen)
        if pairs.empty:
            st.info("Testing needs articles from at least two outlets.")
            return
        if classroom.names_hidden():
            pairs = _hide_outlets(pairs, classroom.outlet_labels())
        pairs = pairs.sort_values("p_adjusted")
        for sentence in pairs.loc[pairs["significant"], "sentence"].head(6):
            st.markdown(f"- {escape_md(sentence)}")
        if not pairs["significant"].any():
            st.markdown("No pair of outlets differs clearly on this measure.")
        st.caption(
            "Permutation test on the difference of means, 95% bootstrap interval over "
            "articles (seeded, so the numbers are reproducible), Cliff's delta as effect "
            "size, p adjusted for the number of pairs (Benjamini-Hochberg). Outlets with more "
            f"than {outlet_comparisons.PAIRWISE_SAMPLE:,} articles are tested on a seeded sample of that many."
        )
        plain = pairs.rename(columns=PAIR_COLUMNS)
        table(plain)
        csv_button(plain, f"{key}_pairwise")


def _hide_outlets(pairs: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """Classroom mode: outlet names in the pair columns and sentences become letters."""

    def hide(text: str) -> str:
        # Longest names first, so "Daily Clarion" never half-replaces "The Daily Clarion".
        for outlet in sorted(labels, key=len, reverse=True):
            text = text.replace(outlet, labels[outlet])
        return text

    return pairs.assign(
        group_a=pairs["group_a"].map(lambda o: labels.get(o, o)),
        group_b=pairs["group_b"].map(lambda o: labels.get(o, o)),
        sentence=pairs["sentence"].map(hide),
    )
