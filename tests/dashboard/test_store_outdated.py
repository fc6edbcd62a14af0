"""A store made by an earlier Slant (its tables lack columns this version reads) gets a page
saying what to do, not a database error; `slant dashboard` adds the columns on start, and
pages of cells its articles were scored without say how to score them."""

import shutil

import duckdb
from streamlit.testing.v1 import AppTest

from analysis.cli import main as cli
from analysis.store.schema import LATE_COLUMNS
from tests.paths import ROOT

APP = str(ROOT / "dashboard" / "app.py")


def as_made_by_an_earlier_version(source, path):
    shutil.copy(source, path)
    con = duckdb.connect(str(path))
    for table, column in LATE_COLUMNS:
        con.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    con.close()
    return path


def shown(at: AppTest) -> str:
    return " ".join(e.value for kind in ("error", "warning", "info") for e in at.get(kind))


def open_page(page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception][:1]
    return at


def test_pages_on_an_older_store_say_how_to_bring_it_up_to_date(fixture_store, slant_db, tmp_path):
    old = slant_db(as_made_by_an_earlier_version(fixture_store, tmp_path / "old.duckdb"))
    for page in (None, "views/sentiment.py", "views/attribution.py", "views/data.py"):
        text = shown(open_page(page))
        assert "made by an earlier version of Slant" in text, page
        assert "target_sentiment.scoped_sentiment" in text
        assert f"slant dashboard --db {old}" in text


def test_slant_dashboard_adds_the_columns_and_the_pages_open(
    fixture_store, slant_db, tmp_path, monkeypatch
):
    old = slant_db(as_made_by_an_earlier_version(fixture_store, tmp_path / "old.duckdb"))
    monkeypatch.setattr(cli.subprocess, "call", lambda command, env: 0)
    assert cli.main(["dashboard", "--db", str(old), "--port", "8999"]) == 0
    at = open_page("views/sentiment.py")
    assert "made by an earlier version" not in shown(at)
    # The stored target rows have no scoped score until they are scored again.
    assert f"slant rescore --db {old}" in shown(at)
