"""The Data page fetches pasted URLs and feeds in a background job, shows its progress with a
Cancel button while it runs, and lists every address that failed once it ends."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from dashboard import web_fetch_job

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "dashboard" / "app.py")
FIXTURES = ROOT / "tests" / "fixtures" / "web"


def data_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.switch_page("views/data.py").run()
    return at


def fetch(at: AppTest, db: Path) -> AppTest:
    """Click "Fetch and score", let the background job end, and show the page again."""
    at.button(key="fetch").click().run()
    job = web_fetch_job.latest(db)
    assert job is not None and job.wait(120)
    return at.run()


def test_a_pasted_feed_is_fetched_scored_and_failures_listed(site, tmp_path, slant_db, monkeypatch):
    db = slant_db(tmp_path / "web.duckdb")
    monkeypatch.setenv("SLANT_ALLOW_PRIVATE_ADDRESSES", "1")  # the test site is on 127.0.0.1
    at = data_page()
    at.text_area(key="web_inputs").input(f"{site.base}/feed.rss\n{site.base}/missing\nnot a url")
    fetch(at, db)
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


def test_an_address_on_the_server_network_is_refused_by_default(site, tmp_path, slant_db):
    db = slant_db(tmp_path / "web.duckdb")
    at = data_page()
    at.text_area(key="web_inputs").input(f"{site.base}/feed.rss\nhttp://[::1]:9/admin")
    fetch(at, db)
    assert not at.exception, [e.value for e in at.exception]
    failures = next(d.value for d in at.dataframe if "reason" in d.value.columns)
    assert set(failures["reason"]) == {"address not allowed (private or local network)"}
    assert site.requests == []


def test_at_most_fifty_addresses_are_fetched_at_once(tmp_path, slant_db):
    db = slant_db(tmp_path / "web.duckdb")
    at = data_page()
    pasted = "\n".join(f"http://10.0.0.{k}/" for k in range(1, 53))
    at.text_area(key="web_inputs").input(pasted)
    fetch(at, db)
    failures = next(d.value for d in at.dataframe if "reason" in d.value.columns)
    capped = failures[failures["reason"].str.startswith("not fetched: at most 50")]
    assert capped["address"].tolist() == ["http://10.0.0.51/", "http://10.0.0.52/"]


def test_fetching_runs_in_the_background_with_progress_and_a_cancel_button(
    site, tmp_path, slant_db, monkeypatch
):
    db = slant_db(tmp_path / "web.duckdb")
    monkeypatch.setenv("SLANT_ALLOW_PRIVATE_ADDRESSES", "1")
    at = data_page()
    # Five slow pages (2 s each, a pause between them): the job outlasts the page runs below.
    slow = [f"{site.base}/slow?{k}" for k in range(5)] + [f"{site.base}/feed.rss"]
    at.text_area(key="web_inputs").input("\n".join(slow))
    at.button(key="fetch").click().run()  # returns while the pages are still being fetched
    assert not at.exception, [e.value for e in at.exception]
    (bar,) = at.get("progress")
    assert "of 6" in bar.proto.text
    assert at.button(key="fetch").disabled
    at.button(key="cancel_fetch").click().run()
    assert web_fetch_job.latest(db).wait(60)
    at.run()
    assert "Cancelled; nothing was written." in " ".join(w.value for w in at.warning)
    assert not at.button(key="fetch").disabled
    assert "/feed.rss" not in site.requests
