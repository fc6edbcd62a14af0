"""Outlet comparisons the Attribution page draws: source-type and attribution-kind mixes."""

from __future__ import annotations

import pytest

from analysis import store
from analysis.compare import outlet_comparisons
from analysis.compare.queries import Filters
from analysis.measures.attribution.source_types import SOURCE_TYPES
from tests import fixture_stores as fx


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    path = fx.build_fixture_store(tmp_path_factory.mktemp("mix") / "fixture.duckdb")
    connection = store.connect(path, read_only=True)
    yield connection
    connection.close()


def test_source_type_shares_of_an_outlet_add_up_to_one(con):
    mix = outlet_comparisons.source_type_mix(con, Filters())
    assert mix.groupby("outlet")["share"].sum().to_numpy() == pytest.approx(1.0)
    assert {"outlet", "source_type", "n", "share", "ci_low", "ci_high"} <= set(mix.columns)


def test_attribution_kinds_are_shares_of_all_attributions(con):
    mix = outlet_comparisons.attribution_kind_mix(con, Filters())
    assert (mix["kind"] == "speech").all() and mix["share"].to_numpy() == pytest.approx(1.0)


def test_every_source_type_has_a_label():
    assert set(SOURCE_TYPES) | {"unknown"} == set(outlet_comparisons.SOURCE_TYPE_LABELS)
