"""The Data page fetches pasted URLs and feeds, and lists every address that failed."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "dashboard" / "app.py")
FIXTURES = ROOT / "tests" / "fixtures" / "web"


def data_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.switch_page("views/data.py").run()
    return at


def test_a_pasted_feed_is_fetched_scored_and_failures_listed(site, tmp_path, slant_db):
    slant_db(tmp_path / "web.duckdb")
    at = data_page()
    at.text_area(key="web_inputs").input(f"{site.base}/feed.rss\n{site.base}/missing\nnot a url")
    at.button(key="fetch").click().run()
    assert not at.exception, [e.value for e in at.exception]
    success = " ".join(s.value for s in at.success)
    assert "Added 2 articles from the web" in success
    failures = next(d.value for d in at.dataframe if "reason" in d.value.columns)
    reasons = dict(zip(failures["address"], failures["reason"], strict=True))
    assert reasons[f"{site.base}/missing"] == "HTTP 404"
    assert "not a web address" in reasons["not a url"]


def test_fetching_nothing_asks_for_an_address(tmp_path, slant_db):
    slant_db(tmp_path / "web.duckdb")
    at = data_page()
    at.button(key="fetch").click().run()
    assert "Paste at least one address" in " ".join(w.value for w in at.warning)
