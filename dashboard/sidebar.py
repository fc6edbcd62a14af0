"""The shared sidebar: filters (outlets, dates, sections, search) and classroom mode."""

from __future__ import annotations

import streamlit as st

from analysis.compare import queries
from analysis.compare.queries import Filters
from dashboard import cache, classroom, url_state

_FILTERS = "_slant_filters"


def sidebar_filters() -> Filters:
    """Draw the shared sidebar (filters, classroom mode) and return the chosen filters.

    The result is also kept in session state for pages (see :func:`filters`).
    """
    outlets = cache.run(queries.outlet_names)
    sections = cache.run(queries.section_names)
    bounds = cache.run(queries.date_bounds)
    url_state.seed_from_url(outlets, sections, bounds)

    sb = st.sidebar
    sb.header("Filters")
    names = {o: o for o in outlets}
    if classroom.names_hidden():
        names = {o: f"Outlet {c}" for o, c in classroom.outlet_letters(outlets).items()}
    st.session_state["f_outlets"] = [
        o for o in st.session_state.get("f_outlets", []) if o in outlets
    ]
    chosen_outlets = sb.multiselect(
        "Outlets",
        outlets,
        key="f_outlets",
        format_func=lambda o: names.get(o, o),
        placeholder="All outlets",
        help="Leave empty to include every outlet.",
    )
    start = end = None
    first, last = bounds
    if first and last:
        if "f_dates" not in st.session_state:
            st.session_state["f_dates"] = (first, last)
        picked = sb.date_input(
            "Published between",
            key="f_dates",
            min_value=first,
            max_value=last,
            format="YYYY-MM-DD",
        )
        picked = tuple(picked) if isinstance(picked, list | tuple) else (picked,)
        if len(picked) == 2:
            start = picked[0] if picked[0] != first else None
            end = picked[1] if picked[1] != last else None
    chosen_sections: list[str] = []
    if sections:
        chosen_sections = sb.multiselect(
            "Section", sections, key="f_sections", placeholder="All sections"
        )
    search = sb.text_input(
        "Search title and text",
        key="f_search",
        placeholder="e.g. ceasefire",
        help="Case-insensitive; matches part of a word too.",
    )
    sb.divider()
    sb.toggle(
        "Classroom mode",
        key="classroom",
        help="Hides outlet names behind letters, enlarges text and explains each measure "
        "in plain words.",
    )
    if classroom.is_on():
        revealed = st.session_state.get("reveal_names", False)
        if sb.button("Hide outlet names" if revealed else "Reveal outlet names"):
            st.session_state["reveal_names"] = not revealed
            st.rerun()
        st.markdown(classroom.CLASSROOM_CSS, unsafe_allow_html=True)  # constant CSS only

    filters = Filters(
        outlets=tuple(chosen_outlets),
        start=start,
        end=end,
        sections=tuple(chosen_sections),
        search=(search or "").strip(),
    )
    st.session_state[_FILTERS] = filters
    url_state.write_url(filters, bounds)
    return filters


def filters() -> Filters:
    """The filters chosen in the sidebar this run (all articles if none)."""
    return st.session_state.get(_FILTERS, Filters())
