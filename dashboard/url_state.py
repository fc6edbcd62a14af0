"""URL state: the URL is the source of truth for a shared link.

On a session's first run the filters are read from ``st.query_params``; on every run
they are written back (Streamlit clears the params on a page switch, so they are set
again each run). URL keys: ``outlet`` and ``section`` (repeated), ``from``/``to``
(ISO dates), ``q`` (search), ``classroom=1``; pages add their own through
:func:`url_choice` and :func:`publish`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from urllib.parse import urlencode

import streamlit as st

from analysis.compare import queries
from analysis.compare.queries import Filters
from dashboard import cache, classroom

FILTER_KEYS = ("outlet", "section", "from", "to", "q", "classroom")
_SEEDED = "_slant_url_seeded"


def _url_values(key: str, valid: Sequence[str]) -> list[str]:
    """Valid values of a repeated URL key; a single comma-joined value is split too."""
    out: list[str] = []
    for raw in st.query_params.get_all(key):
        for value in [raw] if raw in valid else raw.split(","):
            if value in valid and value not in out:
                out.append(value)
    return out


def _parse_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def seed_from_url(outlets: list[str], sections: list[str], bounds) -> None:
    """On a session's first run, copy the URL's filters into the widget state."""
    if st.session_state.get(_SEEDED):
        return
    st.session_state[_SEEDED] = True
    is_classroom = st.query_params.get("classroom") in ("1", "true", "yes")
    st.session_state["classroom"] = is_classroom
    codes = {code: name for name, code in classroom.outlet_letters(outlets).items()}
    valid = list(outlets) + (list(codes) if is_classroom else [])
    wanted = []
    for value in _url_values("outlet", valid):
        name = codes.get(value, value) if value not in outlets else value
        if name not in wanted:
            wanted.append(name)
    st.session_state["f_outlets"] = wanted
    st.session_state["f_sections"] = _url_values("section", sections)
    st.session_state["f_search"] = st.query_params.get("q", "")
    first, last = bounds
    if first and last:
        start = _parse_date(st.query_params.get("from")) or first
        end = _parse_date(st.query_params.get("to")) or last
        start, end = max(min(start, last), first), min(max(end, first), last)
        st.session_state["f_dates"] = (min(start, end), max(start, end))


def write_url(filters: Filters, bounds) -> None:
    """Set the filter params from state (every run: a page switch clears them)."""
    params = st.query_params
    hide = classroom.names_hidden()
    letters = classroom.outlet_letters(cache.run(queries.outlet_names)) if hide else {}
    wanted: dict[str, str | list[str]] = {}
    if filters.outlets:
        wanted["outlet"] = [letters.get(o, o) if hide else o for o in filters.outlets]
    if filters.sections:
        wanted["section"] = list(filters.sections)
    if filters.start is not None:
        wanted["from"] = filters.start.isoformat()
    if filters.end is not None:
        wanted["to"] = filters.end.isoformat()
    if filters.search:
        wanted["q"] = filters.search
    if classroom.is_on():
        wanted["classroom"] = "1"
    for key in FILTER_KEYS:
        current = params.get_all(key)
        value = wanted.get(key)
        target = [] if value is None else [value] if isinstance(value, str) else value
        if current == target:
            continue
        if target:
            params[key] = target if len(target) > 1 else target[0]
        elif key in params:
            del params[key]


def url_choice(key: str, options: Sequence, default=None):
    """Seed a page widget's state from the URL param ``key`` (first time only) and
    return the widget key; call :func:`publish` after drawing the widget."""
    if key not in st.session_state:
        value = st.query_params.get(key)
        options = list(options)
        by_text = {str(o): o for o in options}
        if value in by_text:
            st.session_state[key] = by_text[value]
        elif default is not None and default in options:
            st.session_state[key] = default
        elif options:
            st.session_state[key] = options[0]
    return key


def publish(*keys: str) -> None:
    """Write page widget values to the URL so a link reopens the same view."""
    for key in keys:
        value = st.session_state.get(key)
        text = "" if value is None else str(value)
        if text:
            if st.query_params.get(key) != text:
                st.query_params[key] = text
        elif key in st.query_params:
            del st.query_params[key]


def share_query(extra: dict | None = None) -> str:
    """The current URL query string (filters and page params) plus ``extra``, for links."""
    pairs = []
    for key in st.query_params:
        if extra and key in extra:
            continue
        pairs.extend((key, v) for v in st.query_params.get_all(key))
    pairs.extend((extra or {}).items())
    return urlencode(pairs)


def reader_link(article_id: str) -> str:
    """A relative link that opens ``article_id`` in the Article reader (classroom mode kept)."""
    extra = {"classroom": "1"} if classroom.is_on() else {}
    return "reader?" + urlencode({"article": article_id, **extra})
