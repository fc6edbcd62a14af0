"""Dashboard state: the store path, cached queries, sidebar filters, URL state, classroom mode.

The URL is the source of truth for a shared link: on a session's first run the
filters are read from ``st.query_params``; on every run they are written back
(Streamlit clears the params on a page switch, so they are set again each run).

URL keys: ``outlet`` and ``section`` (repeated), ``from``/``to`` (ISO dates),
``q`` (search), ``classroom=1``; pages add their own through :func:`url_choice`.
"""

from __future__ import annotations

import importlib
import os
import string
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import duckdb
import pandas as pd
import streamlit as st

from analysis import store
from analysis.compare import queries
from analysis.compare.queries import Filters
from analysis.errors import StoreUnavailable

DB_ENV = "SLANT_DB"
CACHE_TTL = 600
CACHE_ENTRIES = 512

FILTER_KEYS = ("outlet", "section", "from", "to", "q", "classroom")
_SEEDED = "_slant_url_seeded"
_FILTERS = "_slant_filters"
_PAGE_KEYS = "_slant_page_url_keys"

# Larger text for a projector; a constant, never built from data.
CLASSROOM_CSS = """
<style>
[data-testid="stAppViewContainer"] p, [data-testid="stAppViewContainer"] li,
[data-testid="stAppViewContainer"] label { font-size: 1.2rem !important; }
[data-testid="stAppViewContainer"] h1 { font-size: 2.6rem !important; }
[data-testid="stAppViewContainer"] h2 { font-size: 2.0rem !important; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * { font-size: 2.6rem !important; }
</style>
"""


# --------------------------------------------------------------------------- store


def store_path() -> Path:
    """``$SLANT_DB`` or ``data/slant.duckdb``."""
    return Path(os.environ.get(DB_ENV) or store.DEFAULT_DB)


@st.cache_data(ttl=CACHE_TTL, max_entries=CACHE_ENTRIES, show_spinner=False)
def _cached(fingerprint: str, path: str, name: str, filters: Filters | None, args: tuple):
    # ``fingerprint`` is only part of the key: a changed store file gives a new entry.
    try:
        con = store.connect(path, read_only=True)
    except duckdb.Error as error:  # not a DuckDB file, or another error opening it
        raise StoreUnavailable(str(error)) from error
    try:
        function = getattr(queries, name)
        return function(con, *args) if filters is None else function(con, filters, *args)
    finally:
        con.close()


def query(name: str, filters: Filters | None = None, *args):
    """Run ``analysis.compare.queries.<name>(con, filters, *args)`` on the store, cached.

    Keyed on the store fingerprint, the query name, the filters and the arguments.
    """
    path = store_path()
    return _cached(store.fingerprint(path), str(path), name, filters, tuple(args))


@st.cache_data(ttl=CACHE_TTL, max_entries=CACHE_ENTRIES, show_spinner=False)
def _cached_read(fingerprint: str, path: str, module: str, name: str, args: tuple):
    try:
        con = store.connect(path, read_only=True)
    except duckdb.Error as error:  # not a DuckDB file, or another error opening it
        raise StoreUnavailable(str(error)) from error
    try:
        return getattr(importlib.import_module(f"analysis.compare.{module}"), name)(con, *args)
    finally:
        con.close()


def read(module: str, name: str, *args):
    """Run ``analysis.compare.<module>.<name>(con, *args)`` on the store, cached like :func:`query`.

    For the page-specific reads in ``analysis.compare.article_reads`` and ``analysis.compare.comparison_reads``.
    """
    path = store_path()
    return _cached_read(store.fingerprint(path), str(path), module, name, tuple(args))


@st.cache_data(ttl=CACHE_TTL, max_entries=CACHE_ENTRIES, show_spinner=False)
def _cached_estimates(fingerprint: str, path: str, filters: Filters, measure: str):
    from analysis.compare import stats

    # Large outlets get a normal interval from moments summed in SQL; only the values of
    # outlets small enough to bootstrap are fetched (a million rows never reach pandas).
    moments = _cached(fingerprint, path, "measure_moments", filters, (measure,))
    values = _cached(fingerprint, path, "measure_values", filters, (measure, stats.NORMAL_ABOVE))
    return stats.group_estimates(values, measure, group="outlet", moments=moments)


def estimates(filters: Filters, measure: str) -> pd.DataFrame:
    """Per-outlet mean of ``measure`` with a 95% bootstrap interval (analysis.compare.stats)."""
    path = store_path()
    return _cached_estimates(store.fingerprint(path), str(path), filters, measure)


def estimates_long(filters: Filters, measures: Sequence[str]) -> pd.DataFrame:
    """Long frame for several measures: outlet, measure, n, estimate, ci_low, ci_high."""
    parts = []
    for measure in measures:
        est = estimates(filters, measure).rename(columns={"group": "outlet"})
        est.insert(1, "measure", measure)
        parts.append(est)
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


#: Articles per outlet the pairwise tests use at most (a seeded sample above that).
PAIRWISE_SAMPLE = 5_000


@st.cache_data(ttl=CACHE_TTL, max_entries=64, show_spinner="Testing every pair of outlets…")
def _cached_pairwise(fingerprint: str, path: str, filters: Filters, measure: str):
    from analysis.compare import stats

    values = _cached(fingerprint, path, "measure_values", filters, (measure,))
    return stats.pairwise(values, measure, n_perm=2000, n_boot=500, max_per_group=PAIRWISE_SAMPLE)


def pairwise(filters: Filters, measure: str) -> pd.DataFrame:
    """Every pair of outlets compared on ``measure`` (analysis.compare.stats.pairwise), cached."""
    path = store_path()
    return _cached_pairwise(store.fingerprint(path), str(path), filters, measure)


def store_status() -> str:
    """'missing', 'empty', 'unavailable' or 'ready'."""
    path = store_path()
    if not path.exists():
        return "missing"
    try:
        return "empty" if query("is_empty") else "ready"
    except StoreUnavailable:
        return "unavailable"


# --------------------------------------------------------------------------- URL helpers


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


def outlet_letters(outlets: Sequence[str]) -> dict[str, str]:
    """Stable classroom letters by sorted outlet name: A..Z, then AA, AB...

    >>> outlet_letters(["Zeta", "Alpha"])
    {'Alpha': 'A', 'Zeta': 'B'}
    """
    letters = {}
    for i, name in enumerate(sorted(outlets)):
        code, n = "", i
        while True:
            code = string.ascii_uppercase[n % 26] + code
            n = n // 26 - 1
            if n < 0:
                break
        letters[name] = code
    return letters


# --------------------------------------------------------------------------- classroom mode


def classroom() -> bool:
    return bool(st.session_state.get("classroom", False))


def names_hidden() -> bool:
    return classroom() and not st.session_state.get("reveal_names", False)


def outlet_labels() -> dict[str, str]:
    """How each outlet is shown: its name, or "Outlet A" in classroom mode."""
    outlets = query("outlet_names")
    if not names_hidden():
        return {o: o for o in outlets}
    return {o: f"Outlet {code}" for o, code in outlet_letters(outlets).items()}


def label(outlet: str) -> str:
    return outlet_labels().get(outlet, outlet)


def relabel(frame: pd.DataFrame, column: str = "outlet") -> pd.DataFrame:
    """A copy of ``frame`` whose outlet column shows classroom labels when names are hidden."""
    if frame is None or column not in frame.columns or not names_hidden():
        return frame
    labels = outlet_labels()
    out = frame.copy()
    out[column] = out[column].map(lambda o: labels.get(o, o))
    return out


# --------------------------------------------------------------------------- sidebar


def _seed_from_url(outlets: list[str], sections: list[str], bounds) -> None:
    """On a session's first run, copy the URL's filters into the widget state."""
    if st.session_state.get(_SEEDED):
        return
    st.session_state[_SEEDED] = True
    is_classroom = st.query_params.get("classroom") in ("1", "true", "yes")
    st.session_state["classroom"] = is_classroom
    codes = {code: name for name, code in outlet_letters(outlets).items()}
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


def _write_url(filters: Filters, bounds) -> None:
    """Set the filter params from state (every run: a page switch clears them)."""
    params = st.query_params
    hide = names_hidden()
    letters = outlet_letters(query("outlet_names")) if hide else {}
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
    if classroom():
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


def sidebar_filters() -> Filters:
    """Draw the shared sidebar (filters, classroom mode) and return the chosen filters.

    The result is also kept in session state for pages (see :func:`filters`).
    """
    outlets = query("outlet_names")
    sections = query("section_names")
    bounds = query("date_bounds")
    _seed_from_url(outlets, sections, bounds)

    sb = st.sidebar
    sb.header("Filters")
    names = {o: o for o in outlets}
    if names_hidden():
        names = {o: f"Outlet {c}" for o, c in outlet_letters(outlets).items()}
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
    if classroom():
        revealed = st.session_state.get("reveal_names", False)
        if sb.button("Hide outlet names" if revealed else "Reveal outlet names"):
            st.session_state["reveal_names"] = not revealed
            st.rerun()
        st.markdown(CLASSROOM_CSS, unsafe_allow_html=True)  # constant CSS only

    filters = Filters(
        outlets=tuple(chosen_outlets),
        start=start,
        end=end,
        sections=tuple(chosen_sections),
        search=(search or "").strip(),
    )
    st.session_state[_FILTERS] = filters
    _write_url(filters, bounds)
    return filters


def filters() -> Filters:
    """The filters chosen in the sidebar this run (all articles if none)."""
    return st.session_state.get(_FILTERS, Filters())


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
    from urllib.parse import urlencode

    pairs = []
    for key in st.query_params:
        if extra and key in extra:
            continue
        pairs.extend((key, v) for v in st.query_params.get_all(key))
    pairs.extend((extra or {}).items())
    return urlencode(pairs)


def reader_link(article_id: str) -> str:
    """A relative link that opens ``article_id`` in the Article reader (classroom mode kept)."""
    extra = {"classroom": "1"} if classroom() else {}
    return "reader?" + urlencode({"article": article_id, **extra})
