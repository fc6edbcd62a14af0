"""Bias types: each kind of media bias a reader can see, per outlet, with examples."""

from __future__ import annotations

import streamlit as st

from analysis.compare import bias_types
from dashboard import cache, charts, classroom, components, sidebar, url_state

md = components.escape_md

st.title("Bias types")
filters = components.per_outlet(sidebar.filters())
st.caption(
    f"The names of these types come from {bias_types.ALLSIDES}, a typology many teachers "
    "use. The definitions, the exercises and the way each type is measured are Slant's. "
    "A rate is a lead to read the examples, not a verdict: the same word is loaded in one "
    "sentence and plain description in another."
)
own_voice = components.voice_switch()
estimates = classroom.relabel(cache.run(bias_types.type_estimates, filters, own_voice))
if estimates.empty:
    components.nothing_selected("No scored articles match the current filters.")
    st.stop()


def example_lines(key: str, kind: str = "framing") -> None:
    examples = classroom.relabel(
        cache.run(bias_types.type_examples, filters, key, own_voice, 3, kind)
    )
    if examples.empty:
        st.caption("No example in the selected articles.")
        return
    lines = []
    for row in examples.to_dict("records"):
        sentence, start, end = row["sentence"], int(row["term_start"]), int(row["term_end"])
        quoted = (
            md(sentence[:start]) + "**" + md(sentence[start:end]) + "**" + md(sentence[end:])
            if 0 <= start < end <= len(sentence)
            else md(sentence)
        )
        link = url_state.reader_link(row["article_id"])
        lines.append(f"- {quoted} — {md(row['outlet'])}, [open in the reader]({link})")
    st.markdown("\n".join(lines))


for bias_type in bias_types.BIAS_TYPES:
    st.subheader(bias_type.name)
    st.markdown(md(bias_type.definition))
    if classroom.is_on():
        st.info(f"**Exercise.** {md(bias_type.exercise)}", icon=":material/school:")
    part = estimates[estimates["bias_type"] == bias_type.key]
    if part.empty:
        if bias_type.words or bias_type.family:
            whose = " in the outlets' own words" if own_voice and bias_type.words else ""
            st.caption(f"No match in the selected articles{whose}. " + md(bias_type.how))
        else:
            st.caption(md(bias_type.how))
        continue
    unit = part["unit"].iloc[0]
    shown = part.assign(measure_label=f"{bias_type.name} ({unit})")
    components.small_n_warning(shown)
    components.chart(
        charts.interval_multiples(shown, columns=1),
        f"bias_type_{bias_type.key}",
        shown,
        stretch=False,
    )
    st.caption(md(bias_type.how) + " Each outlet: mean per article, line: 95% interval.")
    if bias_type.words:
        st.markdown("**Examples**" + (" (the outlet's own words)" if own_voice else ""))
        example_lines(bias_type.key)
    elif bias_type.family:
        st.markdown("**Examples**")
        example_lines(
            bias_type.category or bias_type.key, bias_type.evidence_kind or bias_type.family
        )
