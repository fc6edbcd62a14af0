"""A store of over a thousand outlets: every page draws without an error, charts with
one mark per outlet show the largest outlets with a note, and warnings stay short."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis.compare import queries
from tests.fixture_stores import build_many_outlets_store

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
#: Over 1,000 outlets: the Overview's five measures per outlet then make more rows than
#: Altair's 5,000-row limit, which ended five pages with a MaxRowsError traceback.
MANY = 1_100
PAGES = [
    "views/overview.py",
    "views/sentiment.py",
    "views/framing.py",
    "views/bias_types.py",
    "views/attribution.py",
    "views/over_time.py",
    "views/compare.py",
    "views/terms.py",
    "views/word_choice.py",
    "views/stories.py",
    "views/reader.py",
    "views/compare_articles.py",
    "views/validate.py",
    "views/methods.py",
    "views/data.py",
]


@pytest.fixture(scope="module")
def many_outlets(tmp_path_factory) -> Path:
    return build_many_outlets_store(tmp_path_factory.mktemp("many") / "many.duckdb", MANY)


def run_page(page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    if page != "views/overview.py":
        at.switch_page(page)
        at.run()
    return at


@pytest.mark.parametrize("page", PAGES)
def test_every_page_draws_a_thousand_outlets_without_an_error(page, many_outlets, slant_db):
    slant_db(many_outlets)
    at = run_page(page)
    assert [e.message for e in at.exception] == []


@pytest.mark.parametrize("page", ["views/overview.py", "views/framing.py", "views/stories.py"])
def test_per_outlet_charts_say_they_show_the_largest_outlets(page, many_outlets, slant_db):
    slant_db(many_outlets)
    notes = [i.value for i in run_page(page).info]
    wanted = f"{queries.TOP_OUTLETS} outlets with the most articles, of the {MANY:,}"
    assert any(wanted in note for note in notes), notes


def test_the_small_n_warning_names_ten_outlets_and_counts_the_rest(many_outlets, slant_db):
    slant_db(many_outlets)
    warnings = [w.value for w in run_page("views/overview.py").warning if "Fewer than" in w.value]
    assert len(warnings) == 1
    assert f"… and {queries.TOP_OUTLETS - 10} more" in warnings[0]
    assert warnings[0].count("(n=") == 10
