"""The dashboard's store reads: the store path, and analysis functions run on it, cached.

Pages never open the store or compute a statistic: they call :func:`run` with a function
from ``analysis.compare`` (``run(queries.outlet_counts, filters)``), which opens the store
read-only, calls ``function(con, *args)`` and caches the result per store fingerprint,
function and arguments. Calls are ordinary function references, so an editor's
go-to-definition and a type checker can follow them.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import duckdb
import streamlit as st

from analysis import store
from analysis.compare import comparison_reads, queries
from analysis.errors import StoreBusy, StoreUnavailable

DB_ENV = "SLANT_DB"
CACHE_TTL = 600
#: Entries of the cache of small results (aggregates of a few thousand rows at most).
CACHE_ENTRIES = 256
#: Reads whose result grows with the store (the filtered articles' full texts: some
#: 45 MB for 9,000 articles), cached apart in :data:`BULKY_ENTRIES` entries, so each new
#: search or filter replaces one instead of adding one until the TTL.
BULKY_READS = (comparison_reads.article_texts,)
BULKY_ENTRIES = 2
#: Entries of a page's own cache of results computed from those texts (distinctive
#: terms, stories, word choices: a few MB each on a 20,000-article store).
PAGE_RESULT_ENTRIES = 8

T = TypeVar("T")


def store_path() -> Path:
    """``$SLANT_DB`` or ``data/slant.duckdb``."""
    return Path(os.environ.get(DB_ENV) or store.DEFAULT_DB)


#: How long a page's read waits while another program (``slant ingest``) or this process
#: (the Data page's background fetch, the Validate page storing a code) writes to the
#: store, before the page says the store is being updated.
READ_WAIT_SECONDS = 5.0


def read_connection(path: str):
    """A read-only connection to the store, waiting out a short write (StoreBusy after that)."""
    try:
        return store.connect(path, read_only=True, wait=READ_WAIT_SECONDS)
    except duckdb.Error as error:  # not a DuckDB file, or another error opening it
        raise StoreUnavailable(str(error)) from error


def _read(path: str, function: Callable, args: tuple):
    con = read_connection(path)
    try:
        return function(con, *args)
    finally:
        con.close()


# ``_function`` is left out of the key (leading underscore); ``name`` names it, and
# ``fingerprint`` makes a changed store file a new entry.
@st.cache_data(ttl=CACHE_TTL, max_entries=CACHE_ENTRIES, show_spinner=False)
def _cached(fingerprint: str, path: str, _function: Callable, name: str, args: tuple):
    return _read(path, _function, args)


@st.cache_data(ttl=CACHE_TTL, max_entries=BULKY_ENTRIES, show_spinner=False)
def _cached_bulky(fingerprint: str, path: str, _function: Callable, name: str, args: tuple):
    return _read(path, _function, args)


def run(function: Callable[..., T], *args) -> T:
    """``function(con, *args)`` on the store, cached per store fingerprint, function and args.

    ``function`` is a store read or comparison from ``analysis.compare``; its arguments
    must be hashable by Streamlit (filters, strings, numbers, tuples).
    """
    path = store_path()
    name = f"{function.__module__}.{function.__qualname__}"
    cached = _cached_bulky if function in BULKY_READS else _cached
    return cached(store.fingerprint(path), str(path), function, name, args)


def store_status() -> str:
    """'missing', 'empty', 'busy' (another program is writing to it), 'unavailable',
    'outdated' (made by an earlier Slant: tables lack columns this version reads) or 'ready'."""
    path = store_path()
    if not path.exists():
        return "missing"
    try:
        if run(store.missing_columns):
            return "outdated"
        return "empty" if run(queries.is_empty) else "ready"
    except StoreBusy:
        return "busy"
    except StoreUnavailable:
        return "unavailable"
