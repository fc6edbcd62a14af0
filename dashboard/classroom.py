"""Classroom mode: outlet names hidden behind letters, larger text, plain-language notes."""

from __future__ import annotations

import string
from collections.abc import Sequence

import pandas as pd
import streamlit as st

from analysis.compare import queries
from dashboard import cache

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


def is_on() -> bool:
    """Whether classroom mode is on for this session."""
    return bool(st.session_state.get("classroom", False))


def names_hidden() -> bool:
    return is_on() and not st.session_state.get("reveal_names", False)


def outlet_labels() -> dict[str, str]:
    """How each outlet is shown: its name, or "Outlet A" in classroom mode."""
    outlets = cache.run(queries.outlet_names)
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
