"""The dashboard's caches stay bounded: every cache has an entry limit, and the reads
that grow with the store (full article texts) are kept in a cache of a few entries."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import streamlit as st

from analysis.compare import comparison_reads, queries
from analysis.compare.queries import Filters
from dashboard import cache

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"


def cache_decorators():
    """(file, line, keyword names) of every st.cache_data / st.cache_resource decorator."""
    for path in sorted(DASHBOARD.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef):
                continue
            for decorator in node.decorator_list:
                call = decorator if isinstance(decorator, ast.Call) else None
                target = call.func if call else decorator
                if isinstance(target, ast.Attribute) and target.attr in (
                    "cache_data",
                    "cache_resource",
                ):
                    names = {k.arg for k in call.keywords} if call else set()
                    yield path.relative_to(DASHBOARD.parent), node.lineno, names


def test_every_dashboard_cache_has_an_entry_limit_and_a_lifetime():
    found = list(cache_decorators())
    assert found, "no cache found: the scan is broken"
    unbounded = [f"{p}:{line}" for p, line, names in found if not {"max_entries", "ttl"} <= names]
    assert unbounded == []


@pytest.fixture
def counted_reads(fixture_store, slant_db, monkeypatch):
    """Store reads the cache makes (one per miss), with the caches emptied first."""
    slant_db(fixture_store)
    st.cache_data.clear()
    opened: list[str] = []
    real = cache.read_connection

    def counting(path):
        opened.append(path)
        return real(path)

    monkeypatch.setattr(cache, "read_connection", counting)
    yield opened
    st.cache_data.clear()


SEARCHES = ["crackdown", "minister", "order", "protests", "regime", "stable"]


def test_new_searches_replace_old_text_reads_instead_of_piling_up(counted_reads):
    for word in SEARCHES:
        cache.run(comparison_reads.article_texts, Filters(search=word))
    assert len(SEARCHES) > cache.BULKY_ENTRIES
    counted_reads.clear()
    cache.run(comparison_reads.article_texts, Filters(search=SEARCHES[0]))
    assert len(counted_reads) == 1  # the oldest texts were dropped, so they are read again
    counted_reads.clear()
    cache.run(comparison_reads.article_texts, Filters(search=SEARCHES[0]))
    assert counted_reads == []  # and the newest are kept


def test_small_results_stay_cached_while_text_reads_come_and_go(counted_reads):
    cache.run(queries.outlet_counts, Filters())
    for word in SEARCHES:
        cache.run(comparison_reads.article_texts, Filters(search=word))
    counted_reads.clear()
    cache.run(queries.outlet_counts, Filters())
    assert counted_reads == []
