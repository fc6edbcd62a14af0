"""Web inputs to Articles: URLs, URL lists, feeds, saved pages, and rows that lack text.

Every request goes to a local server on 127.0.0.1 (tests/fixtures/web/server.py).
"""

from __future__ import annotations

import csv
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from analysis.ingest.url_lists import is_url_list
from analysis.ingest.web.fetch import Fetcher
from analysis.ingest.web.inputs import fill_missing_text, iter_web_inputs
from analysis.ingest.web.kinds import is_web_input
from analysis.records import Article, Rejected
from tests.paths import FIXTURES

WEB_FIXTURES = FIXTURES / "web"


@pytest.fixture
def cache(tmp_path):
    return tmp_path / "cache"


@pytest.fixture
def fetcher(cache):
    with Fetcher(
        cache, per_host_delay=0, timeout=5, retries=0, backoff=0, allow_private_addresses=True
    ) as f:
        yield f


def fixture_copy(name: str, site, folder: Path) -> Path:
    """A fixture file with ``{base}`` pointing at the running server."""
    path = folder / name
    text = (WEB_FIXTURES / name).read_text(encoding="utf-8")
    path.write_text(text.replace("{base}", site.base), encoding="utf-8")
    return path


def articles(items) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def rejected(items) -> list[Rejected]:
    return [i for i in items if isinstance(i, Rejected)]


def csv_rows(path: Path) -> list[tuple[int, dict]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return [(reader.line_num, row) for row in reader]


# -- routing ---------------------------------------------------------------------------------


def test_http_url_is_a_web_input():
    assert is_web_input("https://kestriaherald.example/politics/maren-budget")


def test_txt_of_urls_is_a_url_list(site, tmp_path):
    path = fixture_copy("urls.txt", site, tmp_path)
    assert is_url_list(path)
    assert is_web_input(path)


def test_txt_article_that_starts_with_its_url_is_not_a_url_list(tmp_path):
    path = tmp_path / "press-article.txt"
    path.write_text(
        "https://valleypost.example/region/hostages\n\n"
        "Sallow Valley Front frees twelve hostages\n\n"
        "The Sallow Valley Front released twelve hostages on Saturday.\n",
        encoding="utf-8",
    )
    assert not is_url_list(path)
    assert not is_web_input(path)


def test_html_file_feed_file_and_folder_of_pages_are_web_inputs(tmp_path):
    assert is_web_input(WEB_FIXTURES / "articles" / "maren-budget.html")
    assert is_web_input(WEB_FIXTURES / "feed.atom")
    assert is_web_input(WEB_FIXTURES / "articles")


def test_csv_and_folder_without_pages_are_not_web_inputs(tmp_path):
    (tmp_path / "a.txt").write_text("Just an article.\n", encoding="utf-8")
    assert not is_web_input(WEB_FIXTURES / "mediacloud.csv")
    assert not is_web_input(tmp_path)


# -- URLs and URL lists ----------------------------------------------------------------------


def test_page_url_becomes_one_article_with_the_site_name_as_outlet(site, fetcher):
    url = f"{site.base}/articles/maren-budget.html"
    (article,) = iter_web_inputs([url], fetcher=fetcher)
    assert article.outlet == "The Kestria Herald"
    assert article.url == url
    assert article.source_file == url
    assert article.title == "Maren unveils austerity budget as unions threaten strikes"


def test_outlet_map_names_the_outlet_of_fetched_pages(site, fetcher):
    url = f"{site.base}/articles/valley-front.html"
    (article,) = iter_web_inputs([url], fetcher=fetcher, outlet_map={"127.0.0.1": "Local Post"})
    assert article.outlet == "Local Post"


def test_url_list_yields_articles_and_rejects_dead_links_with_their_line(site, fetcher, tmp_path):
    path = fixture_copy("urls.txt", site, tmp_path)
    items = list(iter_web_inputs([path], fetcher=fetcher))
    assert [a.title for a in articles(items)] == [
        "Maren unveils austerity budget as unions threaten strikes",
        "Sallow Valley Front frees twelve hostages after week of talks",
    ]
    assert rejected(items) == [Rejected(str(path), 5, f"HTTP 404 ({site.base}/missing)")]


def test_txt_article_passed_as_web_input_is_rejected_as_not_a_list(tmp_path, fetcher):
    path = tmp_path / "article.txt"
    path.write_text("Maren speaks\n\nThe prime minister spoke today.\n", encoding="utf-8")
    (item,) = iter_web_inputs([path], fetcher=fetcher)
    assert isinstance(item, Rejected)
    assert item.problem.startswith("not a URL list")


def test_robots_disallowed_url_is_rejected_with_the_reason(site, fetcher):
    url = f"{site.base}/private/secret.html"
    (item,) = iter_web_inputs([url], fetcher=fetcher)
    assert item == Rejected(url, None, "robots.txt disallows")


def test_same_article_reached_twice_comes_twice_with_one_id_for_the_store_to_count(site, fetcher):
    url = f"{site.base}/articles/valley-front.html"
    items = list(iter_web_inputs([url, url], fetcher=fetcher))
    assert len(items) == 2 and items[0].article_id == items[1].article_id


def test_progress_hears_about_every_page(site, fetcher):
    heard = []
    urls = [f"{site.base}/articles/valley-front.html", f"{site.base}/missing"]
    list(iter_web_inputs(urls, fetcher=fetcher, progress=lambda u, s: heard.append((u, s))))
    assert heard == [(urls[0], "fetched"), (urls[1], "HTTP 404")]


def test_missing_local_path_is_rejected(fetcher, tmp_path):
    (item,) = iter_web_inputs([tmp_path / "nope.html"], fetcher=fetcher)
    assert isinstance(item, Rejected)
    assert item.problem.startswith("no such file")


# -- feeds -----------------------------------------------------------------------------------


def test_rss_feed_url_yields_the_articles_its_entries_link_to(site, fetcher):
    items = list(iter_web_inputs([f"{site.base}/feed.rss"], fetcher=fetcher))
    assert [a.url for a in articles(items)] == [
        f"{site.base}/articles/maren-budget.html",
        f"{site.base}/articles/valley-front.html",
    ]


def test_rss_feed_entries_that_fail_are_rejected_one_by_one(site, fetcher):
    items = list(iter_web_inputs([f"{site.base}/feed.rss"], fetcher=fetcher))
    problems = {r.source_file: r.problem for r in rejected(items)}
    assert problems[f"{site.base}/missing"] == "HTTP 404"
    assert problems[f"{site.base}/articles/section-front.html"].startswith("not an article")


def test_atom_feed_file_yields_the_articles_its_entries_link_to(site, fetcher, tmp_path):
    path = fixture_copy("feed.atom", site, tmp_path)
    items = list(iter_web_inputs([path], fetcher=fetcher))
    assert [a.outlet for a in articles(items)] == ["Meridian Courier", "Corvell Tribune"]


def test_feed_entry_date_fills_in_for_a_page_without_one(site, fetcher, tmp_path):
    path = fixture_copy("feed.atom", site, tmp_path)
    drones = articles(iter_web_inputs([path], fetcher=fetcher))[1]
    assert drones.published == datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


def test_page_date_beats_the_feed_entry_date(site, fetcher):
    budget = articles(iter_web_inputs([f"{site.base}/feed.rss"], fetcher=fetcher))[0]
    assert budget.published == datetime(2026, 11, 20, 7, 30, tzinfo=UTC)


def test_full_text_rss_feed_is_read_offline_from_its_entries_with_no_fetch(cache):
    with Fetcher(cache, offline=True) as offline:
        items = list(iter_web_inputs([WEB_FIXTURES / "fulltext.rss"], fetcher=offline))
        assert offline.requests_sent == 0
    bus, dock = articles(items)[:2]
    assert bus.text.startswith("The Corvell city council voted on Wednesday")
    assert bus.text.endswith("before the parking charges take effect in March.")
    assert "trackRead" not in dock.text
    assert (bus.author, bus.published) == ("Edda Brun", datetime(2026, 11, 25, 12, tzinfo=UTC))


def test_full_text_feed_entry_title_loses_the_outlet_suffix(cache):
    with Fetcher(cache, offline=True) as offline:
        bus = articles(iter_web_inputs([WEB_FIXTURES / "fulltext.rss"], fetcher=offline))[0]
    assert (bus.outlet, bus.title) == (
        "Corvell Tribune",
        "Corvell council approves bus fare freeze",
    )


def test_a_repeated_feed_entry_comes_again_with_the_same_id_for_the_store_to_count(cache):
    with Fetcher(cache, offline=True) as offline:
        items = articles(iter_web_inputs([WEB_FIXTURES / "fulltext.rss"], fetcher=offline))
    assert [a.url.rsplit("/", 1)[1] for a in items] == ["bus-fares", "dock-strike", "bus-fares"]
    assert items[0].article_id == items[2].article_id


def test_full_text_atom_feed_entry_content_is_the_article(cache):
    with Fetcher(cache, offline=True) as offline:
        (summit,) = iter_web_inputs([WEB_FIXTURES / "fulltext.atom"], fetcher=offline)
    assert summit.outlet == "Meridian Courier"
    assert summit.text.startswith("Defence ministers of the Meridian Alliance ended their summit")


def test_a_feed_served_as_x_rss_xml_yields_its_articles(site, fetcher):
    items = list(iter_web_inputs([f"{site.base}/x-rss/feed.rss"], fetcher=fetcher))
    assert len(articles(items)) == 2


def test_feed_without_entries_is_rejected(fetcher, tmp_path):
    path = tmp_path / "empty.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
                    "</channel></rss>", encoding="utf-8")  # fmt: skip
    (item,) = iter_web_inputs([path], fetcher=fetcher)
    assert item == Rejected(str(path), None, "feed has no entries")


# -- saved pages -----------------------------------------------------------------------------


def test_folder_of_saved_pages_is_extracted_without_fetching(site, fetcher, tmp_path):
    folder = tmp_path / "saved"
    shutil.copytree(WEB_FIXTURES / "articles", folder)
    items = list(iter_web_inputs([folder], fetcher=fetcher))
    assert sorted(Path(a.source_file).name for a in articles(items)) == [
        "alliance-summit.html",
        "hostile.html",
        "maren-budget.html",
        "valley-front.html",
    ]
    assert sorted(Path(r.source_file).name for r in rejected(items)) == [
        "section-front.html",
        "thin.html",
    ]
    assert site.requests == []


# -- resuming --------------------------------------------------------------------------------


def test_rerun_offline_after_the_server_stops_yields_the_same_articles(site, cache, tmp_path):
    feed = f"{site.base}/feed.rss"
    with Fetcher(cache, per_host_delay=0, retries=0, allow_private_addresses=True) as online:
        first = articles(iter_web_inputs([feed], fetcher=online))
    site.stop()
    with Fetcher(cache, offline=True) as offline:
        second = articles(iter_web_inputs([feed], fetcher=offline))
    assert [a.as_dict() for a in second] == [a.as_dict() for a in first]
    assert len(second) == 2


def test_offline_run_rejects_pages_never_fetched(site, cache):
    url = f"{site.base}/articles/maren-budget.html"
    with Fetcher(cache, offline=True) as offline:
        (item,) = iter_web_inputs([url], fetcher=offline)
    assert item == Rejected(url, None, "not in cache (offline)")


# -- Media Cloud / GDELT rows without text ---------------------------------------------------


def test_media_cloud_row_without_text_is_filled_from_its_page(site, fetcher, tmp_path):
    path = fixture_copy("mediacloud.csv", site, tmp_path)
    line, row = csv_rows(path)[0]
    article = fill_missing_text(row, fetcher=fetcher, source_file=str(path), row_number=line)
    assert article.text.startswith("Prime Minister Ilsa Maren presented a budget")
    assert article.outlet == "The Kestria Herald"
    assert article.published == datetime(2026, 11, 20, 7, 30, tzinfo=UTC)
    assert article.article_id == "The Kestria Herald:9001"  # scoped by outlet
    assert article.url == f"{site.base}/articles/maren-budget.html"


def test_row_values_beat_what_the_page_says(site, fetcher):
    row = {
        "outlet": "Valley Post Online",
        "title": "Hostages freed",
        "published": "2026-11-22T17:00:00Z",
        "url": f"{site.base}/articles/valley-front.html",
    }
    article = fill_missing_text(row, fetcher=fetcher)
    assert (article.outlet, article.title) == ("Valley Post Online", "Hostages freed")
    assert article.published == datetime(2026, 11, 22, 17, 0, tzinfo=UTC)


def test_media_cloud_row_with_text_is_not_fetched(site, fetcher, tmp_path):
    path = fixture_copy("mediacloud.csv", site, tmp_path)
    line, row = csv_rows(path)[2]
    article = fill_missing_text(row, fetcher=fetcher, source_file=str(path), row_number=line)
    assert article.text.startswith("The Corvell city council voted on Wednesday")
    assert site.requests == []


def test_media_cloud_row_with_a_dead_link_is_rejected_with_its_row(site, fetcher, tmp_path):
    path = fixture_copy("mediacloud.csv", site, tmp_path)
    line, row = csv_rows(path)[3]
    item = fill_missing_text(row, fetcher=fetcher, source_file=str(path), row_number=line)
    assert item == Rejected(str(path), 5, f"HTTP 404 ({site.base}/missing)")


def test_gdelt_domain_is_named_by_the_outlet_map(site, fetcher, tmp_path):
    path = fixture_copy("gdelt.csv", site, tmp_path)
    _line, row = csv_rows(path)[0]
    mapping = {"kestriaherald.example": "Kestria Herald"}
    article = fill_missing_text(row, fetcher=fetcher, outlet_map=mapping)
    assert article.outlet == "Kestria Herald"
    assert article.published == datetime(2026, 11, 20, 7, 30, tzinfo=UTC)


def test_gdelt_domain_without_a_map_gives_way_to_the_site_name(site, fetcher, tmp_path):
    path = fixture_copy("gdelt.csv", site, tmp_path)
    _line, row = csv_rows(path)[1]
    assert fill_missing_text(row, fetcher=fetcher).outlet == "Meridian Courier"


def test_gdelt_row_for_a_disallowed_page_is_rejected(site, fetcher, tmp_path):
    path = fixture_copy("gdelt.csv", site, tmp_path)
    line, row = csv_rows(path)[2]
    item = fill_missing_text(row, fetcher=fetcher, source_file=str(path), row_number=line)
    assert item.problem == f"robots.txt disallows ({site.base}/private/secret.html)"
    assert item.row == 4


def test_row_with_neither_text_nor_url_is_rejected(fetcher):
    item = fill_missing_text({"outlet": "Valley Post", "title": "x"}, fetcher=fetcher)
    assert isinstance(item, Rejected)
    assert "fill in the text or url column" in item.problem


def test_a_feed_is_read_afresh_on_each_online_run_but_its_pages_are_not(site, cache):
    feed = f"{site.base}/feed.rss"
    for _run in range(2):
        with Fetcher(cache, per_host_delay=0, retries=0, allow_private_addresses=True) as fetcher:
            list(iter_web_inputs([feed], fetcher=fetcher))
    assert site.count("/feed.rss") == 2
    assert site.count("/articles/maren-budget.html") == 1


def test_saved_pages_naming_no_site_take_their_folder_as_outlet_told_once(fetcher, tmp_path):
    folder = tmp_path / "kestria-weekly"
    folder.mkdir()
    for name in ("one.html", "two.html"):
        shutil.copy(WEB_FIXTURES / "quirks" / "nameless.html", folder / name)
    notes = []
    items = list(iter_web_inputs([folder], fetcher=fetcher, notes=notes))
    assert [a.outlet for a in articles(items)] == ["kestria-weekly", "kestria-weekly"]
    assert notes == [
        "2 saved pages name no site and have no URL (one.html, two.html); outlet "
        "'kestria-weekly' from their folder (set it with --outlet NAME, or put each site's "
        "pages in a folder named after it)"
    ]


def test_a_feed_longer_than_the_cap_is_read_up_to_it_and_says_so(site, fetcher, tmp_path):
    items = "".join(
        f"<item><title>Entry {k}</title><link>{site.base}/missing-{k}</link></item>"
        for k in range(5)
    )
    feed = tmp_path / "long.rss"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>')
    rejected = [
        item
        for item in iter_web_inputs([feed], fetcher=fetcher, max_feed_entries=2)
        if isinstance(item, Rejected)
    ]
    fetched = sorted(path for path in site.requests if path.startswith("/missing"))
    assert fetched == ["/missing-0", "/missing-1"]
    assert "feed has 5 entries; only the first 2 were read" in rejected[0].problem
