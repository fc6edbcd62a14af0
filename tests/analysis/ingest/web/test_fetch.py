"""The polite fetcher: robots.txt, retries, timeouts, size and redirect limits, the cache.

Every request goes to a local server on 127.0.0.1 (tests/fixtures/web/server.py).
"""

from __future__ import annotations

import os
import socket

import pytest

from analysis.ingest.web.fetch import Fetcher, _format_bytes, _retry_after, cache_key
from tests.paths import FIXTURES

WEB_FIXTURES = FIXTURES / "web"


@pytest.fixture
def make_fetcher(tmp_path):
    made = []

    def make(**options):
        settings = {"per_host_delay": 0, "timeout": 5, "retries": 1, "backoff": 0}
        settings["allow_private_addresses"] = True  # the test server is on 127.0.0.1
        settings.update(options)
        fetcher = Fetcher(tmp_path / "cache", **settings)
        made.append(fetcher)
        return fetcher

    yield make
    for fetcher in made:
        fetcher.close()


def test_fetch_returns_the_page_text_and_status(site, make_fetcher):
    result = make_fetcher().fetch(f"{site.base}/articles/maren-budget.html")
    assert result.ok
    assert result.status == 200
    assert "Ilsa Maren presented a budget" in result.text
    assert result.from_cache is False


def test_second_fetch_is_served_from_the_cache_without_a_request(site, make_fetcher):
    fetcher = make_fetcher()
    url = f"{site.base}/articles/maren-budget.html"
    first = fetcher.fetch(url)
    second = fetcher.fetch(url)
    assert second.from_cache is True
    assert second.text == first.text
    assert site.count("/articles/maren-budget.html") == 1


def test_cache_survives_a_new_fetcher_so_a_rerun_fetches_nothing_twice(site, make_fetcher):
    url = f"{site.base}/articles/valley-front.html"
    make_fetcher().fetch(url)
    again = make_fetcher().fetch(url)
    assert again.from_cache is True
    assert site.count("/articles/valley-front.html") == 1


def test_offline_fetcher_answers_from_the_cache_after_the_server_is_gone(site, make_fetcher):
    url = f"{site.base}/articles/valley-front.html"
    online = make_fetcher().fetch(url)
    site.stop()
    offline = make_fetcher(offline=True).fetch(url)
    assert offline.ok and offline.from_cache
    assert offline.text == online.text


def test_offline_fetcher_reports_a_page_not_in_the_cache(site, make_fetcher):
    result = make_fetcher(offline=True).fetch(f"{site.base}/articles/valley-front.html")
    assert result.error == "not in cache (offline)"
    assert site.requests == []


def test_robots_txt_disallowed_page_is_never_requested(site, make_fetcher):
    result = make_fetcher().fetch(f"{site.base}/private/secret.html")
    assert result.error == "robots.txt disallows"
    assert "/private/secret.html" not in site.requests


def test_robots_txt_is_read_once_per_host(site, make_fetcher):
    fetcher = make_fetcher()
    fetcher.fetch(f"{site.base}/articles/maren-budget.html")
    fetcher.fetch(f"{site.base}/articles/valley-front.html")
    assert site.count("/robots.txt") == 1


def test_robots_txt_can_be_ignored_when_asked(site, make_fetcher):
    result = make_fetcher(respect_robots=False).fetch(f"{site.base}/private/secret.html")
    assert result.ok
    assert "/robots.txt" not in site.requests


def test_missing_page_is_reported_as_http_404(site, make_fetcher):
    result = make_fetcher().fetch(f"{site.base}/missing")
    assert result.error == "HTTP 404"
    assert result.status == 404
    assert result.text is None


def test_a_404_is_not_cached_so_a_rerun_asks_again(site, make_fetcher):
    # Issue 17: 404s were cached, so a page published after the first run never arrived.
    make_fetcher().fetch(f"{site.base}/missing")
    again = make_fetcher().fetch(f"{site.base}/missing")
    assert again.error == "HTTP 404" and not again.from_cache
    assert site.count("/missing") == 2
    assert make_fetcher(offline=True).fetch(f"{site.base}/missing").error == (
        "not in cache (offline)"
    )


PAGES = ("maren-budget", "valley-front", "alliance-summit", "hostile", "section-front")


def test_the_cache_keeps_under_its_limit_by_removing_the_oldest_pages(site, make_fetcher):
    # Issue 17: the cache grew without bound.
    fetcher = make_fetcher()
    urls = [f"{site.base}/articles/{name}.html" for name in PAGES]
    sizes = []
    for age, url in enumerate(urls):
        fetcher.fetch(url)
        entry = fetcher._cache_path(url)
        os.utime(entry, (1_000_000 + age, 1_000_000 + age))  # written in this order
        sizes.append(entry.stat().st_size)
    limit = sum(sizes)  # full: the next page is over the limit
    small = make_fetcher(max_cache_bytes=limit)
    assert small.fetch(f"{site.base}/articles/thin.html").ok
    kept = [small.is_cached(url) for url in urls]
    assert kept == sorted(kept) and not kept[0] and kept[-1]  # the oldest went first
    assert small.is_cached(f"{site.base}/articles/thin.html")
    held = sum(path.stat().st_size for path in small.cache_dir.glob("*/*.json.gz"))
    assert held <= 0.9 * limit  # down to 90%, so the folder is not listed for every page


def test_proxies_from_the_environment_are_not_used(site, make_fetcher, monkeypatch):
    # A proxy connects wherever the URL says, after our address check: it is not used.
    with socket.socket() as proxy:
        proxy.bind(("127.0.0.1", 0))
        proxy.listen()
        proxy.setblocking(False)
        address = f"http://127.0.0.1:{proxy.getsockname()[1]}"
        for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "all_proxy"):
            monkeypatch.setenv(name, address)
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.delenv("no_proxy", raising=False)
        result = make_fetcher().fetch(f"{site.base}/articles/maren-budget.html")
        assert result.ok  # straight from the site
        with pytest.raises(BlockingIOError):
            proxy.accept()  # nobody came through the proxy


def test_page_slower_than_the_timeout_is_reported_as_a_timeout(site, make_fetcher):
    result = make_fetcher(timeout=0.5, retries=0).fetch(f"{site.base}/slow")
    assert result.error == "timeout after 0.5 s"


def test_redirect_loop_is_reported(site, make_fetcher):
    result = make_fetcher().fetch(f"{site.base}/loop-a")
    assert result.error == "redirect loop"


def test_redirect_is_followed_to_the_final_url(site, make_fetcher):
    result = make_fetcher().fetch(f"{site.base}/moved")
    assert result.ok
    assert result.final_url == f"{site.base}/articles/maren-budget.html"


def test_more_redirects_than_allowed_is_an_error(site, make_fetcher):
    result = make_fetcher(max_redirects=0).fetch(f"{site.base}/moved")
    assert result.error == "too many redirects (> 0)"


def test_page_larger_than_max_bytes_is_too_large(site, make_fetcher):
    result = make_fetcher(max_bytes=10_000).fetch(f"{site.base}/big")
    assert result.error == "too large (> 10 kB)"


def test_page_streamed_past_max_bytes_without_a_length_is_too_large(site, make_fetcher):
    result = make_fetcher(max_bytes=10_000).fetch(f"{site.base}/big-stream")
    assert result.error == "too large (> 10 kB)"


def test_size_limit_is_named_in_megabytes_in_the_error():
    assert _format_bytes(5_000_000) == "5 MB"


def test_503_then_200_is_retried_and_succeeds(site, make_fetcher):
    result = make_fetcher(retries=2).fetch(f"{site.base}/flaky/budget")
    assert result.ok
    assert site.count("/flaky/budget") == 2


def test_persistent_503_is_reported_after_the_retries(site, make_fetcher):
    result = make_fetcher(retries=2).fetch(f"{site.base}/always-503")
    assert result.error == "HTTP 503"
    assert site.count("/always-503") == 3


def test_server_errors_are_not_cached(site, make_fetcher):
    make_fetcher(retries=0).fetch(f"{site.base}/always-503")
    make_fetcher(retries=0).fetch(f"{site.base}/always-503")
    assert site.count("/always-503") == 2


def test_refused_connection_is_reported(make_fetcher):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = make_fetcher(retries=0, respect_robots=False).fetch(f"http://127.0.0.1:{port}/x")
    assert result.error.startswith("connection failed")


def test_non_http_url_is_refused_without_fetching(make_fetcher):
    result = make_fetcher().fetch("file:///etc/passwd")
    assert result.error == "not an http(s) URL"


def test_fetch_many_yields_every_result_in_input_order(site, make_fetcher):
    urls = [
        f"{site.base}/articles/maren-budget.html",
        f"{site.base}/missing",
        f"{site.base}/articles/valley-front.html",
        f"{site.base}/articles/alliance-summit.html",
    ]
    results = list(make_fetcher(concurrency=3).fetch_many(urls))
    assert [r.url for r in results] == urls
    assert [r.error for r in results] == [None, "HTTP 404", None, None]


def test_cache_entries_are_keyed_by_url_without_fragment():
    assert cache_key("https://a.example/x#comments") == cache_key("https://a.example/x")
    assert cache_key("https://a.example/x") != cache_key("https://a.example/y")


def test_retry_after_accepts_seconds_and_ignores_nonsense():
    assert _retry_after("7") == 7.0
    assert _retry_after("soon") is None
    assert _retry_after(None) is None


def test_requests_to_one_host_are_spaced_by_the_per_host_delay(site, make_fetcher, monkeypatch):
    waits = []
    monkeypatch.setattr("analysis.ingest.web.fetch.time.sleep", waits.append)  # record, never wait
    urls = [f"{site.base}/articles/{n}.html" for n in ("maren-budget", "valley-front", "thin")]
    results = list(make_fetcher(per_host_delay=10, concurrency=3).fetch_many(urls))
    assert all(r.ok for r in results)
    # robots.txt plus three pages: each request after the first waits its turn.
    assert sorted(round(w, -1) for w in waits) == [10, 20, 30]


def test_refresh_asks_the_network_even_for_a_cached_page(site, make_fetcher):
    fetcher = make_fetcher()
    url = f"{site.base}/articles/valley-front.html"
    fetcher.fetch(url)
    again = fetcher.fetch(url, refresh=True)
    assert again.ok and not again.from_cache
    assert site.count("/articles/valley-front.html") == 2


def test_server_asking_to_wait_longer_than_the_cap_is_reported_not_waited_for(site, make_fetcher):
    result = make_fetcher(retries=3).fetch(f"{site.base}/rate-limited")
    assert result.error == "HTTP 429 (server asks to wait 3600 s)"
    assert site.count("/rate-limited") == 1


def test_a_feed_served_as_x_rss_xml_is_read(site, make_fetcher):
    result = make_fetcher().fetch(f"{site.base}/x-rss/feed.rss")
    assert result.ok and "<rss" in result.text


def test_a_refused_content_type_is_asked_again_next_time_not_cached(site, make_fetcher):
    first = make_fetcher().fetch(f"{site.base}/report.pdf")
    make_fetcher().fetch(f"{site.base}/report.pdf")
    assert first.error == "not a web page (application/pdf)"
    assert site.count("/report.pdf") == 2


def test_offline_a_refusal_cached_by_an_older_version_is_not_repeated(site, make_fetcher):
    online = make_fetcher()
    url = f"{site.base}/x-rss/feed.rss"
    online._write_cache(  # what a version that refused x-rss+xml left in the cache
        type(online.fetch(url))(
            url, url, 200, None, "not a web page (application/x-rss+xml)", False
        )
    )
    assert make_fetcher(offline=True).fetch(url).error == "not in cache (offline)"
