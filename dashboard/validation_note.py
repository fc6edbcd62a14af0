"""The one-line validation note under a measure: "validated on this corpus: precision
0.87 [0.80, 0.92], n = 120, 2 coders, alpha 0.81", or "not validated on this corpus yet"
with a link to the Validate page. The numbers come from
``analysis.compare.validation_results.measure_summary``."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from analysis.compare.validation_results import format_summary
from analysis.errors import StoreUnavailable
from dashboard import classroom, components
from dashboard import validation_data as data

#: How each evidence kind is named in the note.
NAMES = {
    "attribution": "Attribution",
    "framing": "Framing terms",
    "hedge": "Hedges",
    "target": "Target mentions",
}


def _link(params: dict) -> str:
    if classroom.is_on():
        params = {**params, "classroom": "1"}
    return "validate" + ("?" + urlencode(params) if params else "")


def show(measure: str) -> None:
    """Draw the note for the evidence kind ``measure``."""
    name = NAMES.get(measure, measure.capitalize())
    try:
        numbers = data.measure_summary(measure)
    except StoreUnavailable:
        return
    # Numbers and fixed words only, so no escaping (escaping would show the backslashes
    # in a test's view of the caption, and nothing here comes from the corpus).
    text = format_summary(numbers)
    if numbers:
        link = _link({"sample": numbers["sample_id"]})
        line = (
            f"**{components.escape_md(name)}** {text} "
            f"([sample {components.escape_md(numbers['sample_id'])}]({link}))"
        )
        if numbers.get("current") is False:
            # Re-scored since the sample was drawn: the figure describes older results.
            st.warning(line, icon=":material/history:")
        else:
            st.caption(":material/verified: " + line)
    else:
        st.caption(
            f":material/help: **{components.escape_md(name)}**: {text}. "
            f"[Validate it on a sample]({_link({})})"
        )
