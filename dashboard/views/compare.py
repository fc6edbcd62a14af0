"""Compare outlets: two outlets (or two user-defined groups of outlets) on one measure,
with bootstrap intervals, a permutation test, Cliff's delta and every pair at once."""

from __future__ import annotations

import math

import streamlit as st

from analysis.compare import comparison_reads, outlet_comparisons, queries, stats
from analysis.measures import registry
from dashboard import cache, classroom, comparison_charts, components, sidebar, url_state

# --------------------------------------------------------------------------- helpers

md = components.escape_md


def pick(label: str, key: str, options: list, default, multi: bool = False, **kwargs):
    """A selectbox/multiselect of outlets whose choice lives in ``st.session_state[key]``.

    The widget key changes with classroom mode, so the browser never keeps showing an
    outlet name after "Hide outlet names". The first choice comes from the URL (names,
    or Outlet letters in classroom mode).
    """
    if key not in st.session_state:
        st.session_state[key] = _from_url(key, options, multi) or default
    value = st.session_state[key]
    if multi:
        value = [v for v in value if v in options]
    elif value not in options:
        value = default
    widget = f"{key}__{'letters' if classroom.names_hidden() else 'names'}"
    current = st.session_state.get(widget)
    invalid = (
        current is None
        or (multi and any(v not in options for v in current))
        or (not multi and current not in options)
    )
    if invalid:  # a new widget (first run, classroom switch) or a stale choice
        st.session_state[widget] = value
    box = st.multiselect if multi else st.selectbox
    choice = box(label, options, key=widget, format_func=classroom.label, **kwargs)
    st.session_state[key] = choice
    return choice


def _from_url(key: str, options: list, multi: bool):
    letters = {f"{code}": name for name, code in classroom.outlet_letters(
        cache.run(queries.outlet_names)).items()}  # fmt: skip
    found = []
    for raw in st.query_params.get_all(key):
        name = raw if raw in options else letters.get(raw) if classroom.is_on() else None
        if name in options and name not in found:
            found.append(name)
    if multi:
        return found or None
    return found[0] if found else None


def publish_outlets(key: str) -> None:
    """Write an outlet choice to the URL: names, or letters when names are hidden."""
    value = st.session_state.get(key)
    values = value if isinstance(value, list) else [] if value is None else [value]
    if classroom.names_hidden():
        letters = classroom.outlet_letters(cache.run(queries.outlet_names))
        values = [letters.get(v, v) for v in values]
    if st.query_params.get_all(key) == values:
        return
    if values:
        st.query_params[key] = values if len(values) > 1 else values[0]
    elif key in st.query_params:
        del st.query_params[key]


def fmt(value) -> str:
    return stats.format_number(value) if value is not None else "n/a"


TEST_NOTE = """
**How the two sides are compared.** Each side's number is the **mean of its articles'
values**; the line around it is a **95% bootstrap interval**: the articles are resampled
with replacement 1,000 times and the middle 95% of the resampled means is kept (articles
are the unit, not sentences or words).

The **p-value** comes from a two-sided **permutation test** on the difference of means:
the articles' side labels are shuffled 2,000 times and p is the share of shuffles giving a
difference at least as large as the real one. **Cliff's delta** is the effect size: the
chance that an article from the first side scores higher than one from the second, minus
the reverse (from -1 to +1; around 0.15 is small, 0.33 medium, 0.47 large). It ignores
outliers and skew. All random draws are **seeded**, so the same data gives the same
numbers every time.

When many pairs are tested at once, some look different by chance alone; the table of all
pairs therefore shows p-values adjusted with the **Benjamini-Hochberg** correction (which
controls the share of false discoveries), and a difference is only claimed when the
adjusted p is below 0.05. A difference that is "not clear" is not proof of no difference:
with few articles only large gaps can be detected.
"""

# --------------------------------------------------------------------------- page

st.title("Compare outlets")
filters = sidebar.filters()

counts = cache.run(queries.outlet_counts, filters)
outlets = counts["outlet"].tolist()
if len(outlets) < 2:
    components.nothing_selected(
        "Comparing needs articles from at least two outlets; "
        + ("none match" if not outlets else "only one matches")
        + " the current filters."
    )
    st.stop()

MODES = {"outlets": "Two outlets", "groups": "Two groups of outlets"}
measures = cache.run(comparison_reads.measure_names, filters)
top = st.columns([1.2, 2])
with top[0]:
    st.radio(
        "Compare",
        list(MODES),
        key=url_state.url_choice("cmp_mode", list(MODES), "outlets"),
        format_func=MODES.get,
        horizontal=True,
    )
with top[1]:
    st.selectbox(
        "Measure",
        measures,
        key=url_state.url_choice("cmp_measure", measures, "sentiment"),
        format_func=registry.label,
        help="Every per-article measure, including each framing category's rate and each "
        "cue-verb stance's share.",
    )
url_state.publish("cmp_mode", "cmp_measure")
mode, measure = st.session_state["cmp_mode"], st.session_state["cmp_measure"]

error = None
if mode == "outlets":
    left, right = st.columns(2)
    with left:
        a = pick("First outlet", "cmp_a", outlets, outlets[0])
    with right:
        b = pick("Second outlet", "cmp_b", outlets, outlets[1])
    publish_outlets("cmp_a")
    publish_outlets("cmp_b")
    sides = ((classroom.label(a), (a,)), (classroom.label(b), (b,)))
    if a == b:
        error = "Choose two different outlets."
else:
    st.caption(
        "Name two groups and put outlets in them, e.g. 'state media' and 'wire services'. "
        "An outlet may be in one group only. The groups are kept in the page address."
    )
    half = max(1, len(outlets) // 2)
    left, right = st.columns(2)
    chosen = []
    for column, side, default_name, default_members in (
        (left, "a", "Group 1", outlets[:half]),
        (right, "b", "Group 2", outlets[half:]),
    ):
        with column:
            name_key = f"grp_{side}"
            if name_key not in st.session_state:  # kept across page switches
                st.session_state[name_key] = st.query_params.get(name_key) or default_name
            st.session_state.setdefault(f"{name_key}__w", st.session_state[name_key])
            name = st.text_input("Group name", key=f"{name_key}__w", max_chars=60).strip()
            st.session_state[name_key] = name
            members = pick(
                f"Outlets in {name or 'this group'}",
                f"grp_{side}_outlets",
                outlets,
                default_members,
                multi=True,
                placeholder="Choose outlets",
            )
            url_state.publish(name_key)
            publish_outlets(f"grp_{side}_outlets")
            chosen.append((name or default_name, tuple(members)))
    st.session_state["cmp_groups"] = {name: list(members) for name, members in chosen}
    (name_a, members_a), (name_b, members_b) = chosen
    if not members_a or not members_b:
        error = "Put at least one outlet in each group."
    elif set(members_a) & set(members_b):
        shared = ", ".join(classroom.label(o) for o in sorted(set(members_a) & set(members_b)))
        error = f"{shared} is in both groups; put each outlet in one group only."
    elif name_a == name_b:
        error = "Give the two groups different names."
    sides = tuple(chosen)

if error:
    st.info(md(error))
    st.stop()

result = cache.run(outlet_comparisons.two_sides, filters, measure, sides)
estimates, pair = result["estimates"], result["pair"]
label_a, label_b = sides[0][0], sides[1][0]

if estimates["n"].sum() == 0:
    components.nothing_selected(
        f"No article on either side has a value for {registry.measure(measure).phrase}."
    )
    components.explain(measure)
    st.stop()

# The headline sentence, from analysis.compare.stats, escaped (it carries outlet/group names).
st.info(md(pair["sentence"]), icon=":material/balance:")

components.small_n_warning(estimates, group_col="side")
chart_col, numbers_col = st.columns([5, 4], gap="large")
with chart_col:
    st.markdown(f"**{md(registry.label(measure))}: mean per article with 95% interval**")
    components.chart(
        comparison_charts.interval_chart(estimates, registry.label(measure)),
        f"compare_{measure}",
        estimates,
    )
    components.n_badge(int(estimates["n"].sum()), "articles with a value")
with numbers_col:
    m1, m2, m3 = st.columns(3)
    m1.metric(
        "Difference",
        fmt(pair["difference"]),
        help="Mean of the first side minus mean of the second.",
    )
    m2.metric(
        "Cliff's delta",
        "n/a" if math.isnan(pair["cliffs_delta"]) else f"{pair['cliffs_delta']:+.2f}",
        help="-1 to +1: the chance an article from the first side scores higher than one "
        "from the second, minus the reverse.",
    )
    p_text = stats.format_p(pair["p_adjusted"])
    m3.metric(
        "p-value",
        p_text.replace("= ", ""),
        help="Two-sided permutation test. One planned comparison, so the Benjamini-Hochberg "
        "adjustment leaves p as it is; the table of every pair below adjusts across all pairs.",
    )
    if not math.isnan(pair["ci_low"]):
        st.caption(
            f"95% interval of the difference: {fmt(pair['ci_low'])} to {fmt(pair['ci_high'])}. "
            f"n = {int(pair['n_a'])} vs {int(pair['n_b'])} articles."
        )
        components.chart(
            comparison_charts.difference_chart(
                {
                    "label": f"{label_a} minus {label_b}",
                    "difference": pair["difference"],
                    "ci_low": pair["ci_low"],
                    "ci_high": pair["ci_high"],
                },
                registry.measure(measure).phrase,
            ),
            f"compare_{measure}_difference",
        )

pooled = result["pooled"]
if pooled is not None and not pooled.empty:
    st.markdown("**Per-article mean and pooled rate**")
    st.caption(
        "The test above uses the **per-article mean** (every article counts once, however "
        "long). The **pooled rate** divides all matches of a side by all its words, so long "
        "articles weigh more. When the two disagree, a few long or short articles are "
        "driving the number."
    )
    components.table(
        pooled.rename(columns={"group": "side"}),
        side=st.column_config.TextColumn("Side"),
        n=st.column_config.NumberColumn("Articles (n)"),
        matches=st.column_config.NumberColumn("Matches", format="%d"),
        words=st.column_config.NumberColumn("Words", format="%d"),
        pooled=st.column_config.NumberColumn("Pooled rate per 1,000 words", format="%.2f"),
        pooled_low=st.column_config.NumberColumn("Pooled: 95% from", format="%.2f"),
        pooled_high=st.column_config.NumberColumn("Pooled: 95% to", format="%.2f"),
        article_mean=st.column_config.NumberColumn("Mean of article rates", format="%.2f"),
        article_low=st.column_config.NumberColumn("Mean: 95% from", format="%.2f"),
        article_high=st.column_config.NumberColumn("Mean: 95% to", format="%.2f"),
    )

with st.expander("How is this tested?"):
    st.markdown(TEST_NOTE)
components.explain(measure)

# --------------------------------------------------------------------------- all pairs

st.subheader("Every pair of outlets")
MAX_OUTLETS = 12
ranked = counts.sort_values(["articles", "outlet"], ascending=[False, True])
shown = sorted(ranked["outlet"].head(MAX_OUTLETS))
if len(outlets) > MAX_OUTLETS:
    st.caption(
        f"The {MAX_OUTLETS} outlets with the most articles are compared "
        f"({len(outlets)} match the filters); filter the outlets to choose others."
    )
labels = tuple((o, classroom.label(o)) for o in shown)
pairs = cache.run(outlet_comparisons.pairs_among, filters, measure, labels)
st.caption(
    f"{len(pairs)} pairs on {md(registry.measure(measure).phrase)}; p-values are "
    "Benjamini-Hochberg adjusted across these pairs. Sorted by adjusted p."
)
pairs = pairs.sort_values(["p_adjusted", "group_a", "group_b"], na_position="last")
view = pairs.assign(
    interval=[
        "n/a" if math.isnan(lo) else f"{fmt(lo)} to {fmt(hi)}"
        for lo, hi in zip(pairs["ci_low"], pairs["ci_high"], strict=True)
    ]
)
components.table(
    view[
        [
            "group_a",
            "group_b",
            "n_a",
            "n_b",
            "difference",
            "interval",
            "cliffs_delta",
            "p_adjusted",
            "significant",
            "sentence",
        ]
    ],  # fmt: skip
    height=min(420, 38 + 35 * len(pairs)),
    group_a=st.column_config.TextColumn("Outlet A"),
    group_b=st.column_config.TextColumn("Outlet B"),
    n_a=st.column_config.NumberColumn("n A"),
    n_b=st.column_config.NumberColumn("n B"),
    difference=st.column_config.NumberColumn("A − B", format="%.3f"),
    interval=st.column_config.TextColumn("95% interval"),
    cliffs_delta=st.column_config.NumberColumn("Cliff's delta", format="%.2f"),
    p_adjusted=st.column_config.NumberColumn("p (BH adjusted)", format="%.4f"),
    significant=st.column_config.CheckboxColumn("Clear difference"),
    sentence=st.column_config.TextColumn("In words", width="large"),
)
st.caption("The CSV also holds each side's mean and the unadjusted p-value.")
components.csv_button(pairs, f"compare_pairs_{measure}")
