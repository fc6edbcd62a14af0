"""Fixtures for the dashboard tests; the stores themselves are built in tests/fixture_stores.py."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from analysis import ingest, pipeline, store
from analysis.records import Rejected
from analysis.text import lexicons
from tests.fixture_stores import (  # noqa: F401 (the page tests import these from conftest)
    HOSTILE_IMG,
    HOSTILE_SCRIPT,
    OUTLETS,
    build_fixture_store,
    build_hostile_store,
)


@pytest.fixture(scope="session")
def fixture_store(tmp_path_factory) -> Path:
    return build_fixture_store(tmp_path_factory.mktemp("store") / "fixture.duckdb")


@pytest.fixture(scope="session")
def empty_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("empty") / "empty.duckdb"
    store.connect(path).close()
    return path


@pytest.fixture(scope="session")
def hostile_store(tmp_path_factory) -> Path:
    return build_hostile_store(tmp_path_factory.mktemp("hostile") / "hostile.duckdb")


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory) -> Path:
    """The bundled demo corpus ingested and analysed."""
    sample = Path(__file__).resolve().parents[2] / "data" / "sample"
    path = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    lex = lexicons.load_lexicons(Path(__file__).resolve().parents[2] / "data" / "lexicons")
    analyzer = pipeline.Analyzer(lex)
    articles = [a for a in ingest.load_paths([sample]) if not isinstance(a, Rejected)]
    con = store.connect(path)
    try:
        store.write_batch(con, articles, [analyzer.analyze(a) for a in articles])
    finally:
        con.close()
    return path


@pytest.fixture
def slant_db(monkeypatch):
    """Point the app at a store: ``slant_db(path)`` sets SLANT_DB for this test."""

    def point(path: os.PathLike) -> Path:
        monkeypatch.setenv("SLANT_DB", str(path))
        return Path(path)

    return point
