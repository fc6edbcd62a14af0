"""Extracting the article from a news page: body only, metadata right, junk rejected."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import trafilatura

from analysis.ingest.web.extract import (
    domain_of,
    extract_article,
    load_outlet_map,
    lookup_outlet,
)
from analysis.records import Article, Rejected
from tests.paths import FIXTURES

PAGES = FIXTURES / "web" / "articles"


def page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def budget() -> Article:
    article = extract_article(page("maren-budget.html"), source_file="maren-budget.html")
    assert isinstance(article, Article)
    return article


def test_body_paragraphs_are_kept(budget):
    assert budget.text.startswith("Prime Minister Ilsa Maren presented a budget on Thursday")
    assert "“We cannot spend money we do not have,” Maren said" in budget.text
    assert budget.text.endswith("could slow growth in the coming year.")


def test_paragraphs_are_separated_by_a_blank_line(budget):
    assert budget.text.count("\n\n") == 4


@pytest.mark.parametrize(
    "furniture",
    [
        "Subscribe for 1 crown a week",  # navigation
        "Harbour strike enters its third week",  # related links
        "Morning Briefing",  # newsletter box
        "We use cookies",  # cookie banner
        "This government is a disgrace",  # reader comments
        "Kestria Herald Media Group",  # footer
        "Home / Politics",  # breadcrumb
        "dataLayer",  # inline script
    ],
)
def test_page_furniture_is_not_in_the_text(budget, furniture):
    assert furniture not in budget.text


def test_headline_is_the_title_and_not_repeated_in_the_text(budget):
    assert budget.title == "Maren unveils austerity budget as unions threaten strikes"
    assert budget.title not in budget.text


def test_publication_time_keeps_its_hour_and_becomes_utc(budget):
    assert budget.published == datetime(2026, 11, 20, 7, 30, tzinfo=UTC)


def test_author_comes_from_the_page(budget):
    assert budget.author == "Tomas Vell"


def test_outlet_is_the_site_name_when_nothing_else_is_given(budget):
    assert budget.outlet == "The Kestria Herald"


def test_saved_page_takes_its_canonical_url(budget):
    assert budget.url == "https://www.kestriaherald.example/politics/2026/11/20/maren-budget"


def test_json_ld_date_and_author_are_read():
    article = extract_article(page("alliance-summit.html"))
    assert article.published == datetime(2026, 11, 21, 14, 5, tzinfo=UTC)
    assert article.author == "Ana Rusk"
    assert "Share this article" not in article.text
    assert "ironbridge" not in article.text
    assert "Alliance orders new patrol drones" not in article.text


def test_explicit_outlet_beats_map_and_site_name():
    article = extract_article(
        page("maren-budget.html"),
        outlet="Herald (print)",
        outlet_map={"kestriaherald.example": "X"},
    )
    assert article.outlet == "Herald (print)"


def test_outlet_map_beats_the_site_name_and_folds_www():
    article = extract_article(
        page("maren-budget.html"), outlet_map={"kestriaherald.example": "Kestria Herald"}
    )
    assert article.outlet == "Kestria Herald"


def test_domain_is_the_outlet_when_the_page_names_no_site():
    html = page("valley-front.html").replace(
        '<meta property="og:site_name" content="Valley Post">', ""
    )
    article = extract_article(html, url="https://www.valleypost.example/region/hostages")
    assert article.outlet == "valleypost.example"


def test_same_page_gets_the_same_id_every_time():
    first = extract_article(page("valley-front.html"), url="http://valleypost.example/a")
    second = extract_article(page("valley-front.html"), url="http://valleypost.example/a")
    assert first.article_id == second.article_id


def test_section_front_without_an_article_is_rejected():
    result = extract_article(page("section-front.html"), source_file="section-front.html")
    assert isinstance(result, Rejected)
    assert result.problem.startswith("not an article")
    assert result.source_file == "section-front.html"


def test_one_paragraph_brief_is_rejected_as_too_short():
    result = extract_article(page("thin.html"))
    assert isinstance(result, Rejected)
    assert result.problem == "not an article (only 11 words of main text; need 50)"


def test_empty_page_is_rejected():
    assert isinstance(extract_article(""), Rejected)


@pytest.mark.parametrize(
    "leak", ["alert", "<script", "onerror", "onload", "javascript:", "evil.example", "iframe"]
)
def test_hostile_html_does_not_leak_into_text_or_title(leak):
    article = extract_article(page("hostile.html"))
    assert isinstance(article, Article)
    assert leak not in article.text
    assert leak not in article.title


def test_hostile_page_keeps_its_real_paragraphs():
    article = extract_article(page("hostile.html"))
    assert "forty patrol drones" in article.text
    assert "three hundred pages of documents" in article.text


def test_outlet_map_file_is_read_with_its_header_and_urls(tmp_path):
    path = tmp_path / "outlets.csv"
    path.write_text(
        "domain,outlet\nwww.kestriaherald.example,Kestria Herald\n"
        "https://valleypost.example/,Valley Post\n",
        encoding="utf-8",
    )
    assert load_outlet_map(path) == {
        "kestriaherald.example": "Kestria Herald",
        "valleypost.example": "Valley Post",
    }


def test_outlet_map_row_without_an_outlet_names_the_file_and_row(tmp_path):
    path = tmp_path / "outlets.csv"
    path.write_text("domain,outlet\nkestriaherald.example\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"outlets.csv, row 2: expected 'domain,outlet'"):
        load_outlet_map(path)


def test_subdomain_maps_to_its_parent_domain():
    mapping = {"kestriaherald.example": "Kestria Herald"}
    assert lookup_outlet("https://live.kestriaherald.example/x", mapping) == "Kestria Herald"
    assert lookup_outlet("https://other.example/x", mapping) is None


def test_domain_drops_www_and_port():
    assert domain_of("https://www.ValleyPost.example:8080/a") == "valleypost.example"


def test_xhtml_page_with_an_xml_declaration_is_read():
    html = '<?xml version="1.0" encoding="utf-8"?>\n' + page("maren-budget.html")
    article = extract_article(html)
    assert article.published == datetime(2026, 11, 20, 7, 30, tzinfo=UTC)


# -- real-world quirks (tests/fixtures/web/quirks) --------------------------------------------

QUIRKS = FIXTURES / "web" / "quirks"


def quirk(name: str, **options) -> Article | Rejected:
    html = (QUIRKS / name).read_text(encoding="utf-8")
    return extract_article(html, source_file=name, **options)


def test_a_placeholder_date_is_passed_over_for_the_next_one_the_page_states():
    assert quirk("placeholder-date.html").published == datetime(2026, 11, 19, 22, 40, tzinfo=UTC)


def test_a_page_whose_only_date_is_a_placeholder_is_stored_undated_with_a_note():
    notes = []
    article = quirk("only-placeholder-date.html", notes=notes)
    assert article.published is None
    assert notes == [
        "only-placeholder-date.html: the page's date 0001-01-01T00:00:00Z cannot be a "
        "publication date; stored without one"
    ]


def test_site_name_and_canonical_url_pushed_into_the_body_by_broken_markup_are_read():
    article = quirk("meta-in-body.html")
    assert article.outlet == "Kestria Post"
    assert article.url == "https://kestriapost.example/politics/budget-passes"


def test_a_title_suffix_repeating_the_outlet_name_is_dropped():
    assert quirk("placeholder-date.html").title == "Kestria budget passes after late-night vote"


def test_a_page_naming_no_site_takes_its_folder_as_outlet_and_says_so():
    notes = []
    article = quirk("nameless.html", folder="kestria-weekly", notes=notes)
    assert article.outlet == "kestria-weekly"
    assert notes == [
        "nameless.html: the page names no site and has no URL; outlet 'kestria-weekly' "
        "from its folder (set it with --outlet NAME)"
    ]


def test_a_page_too_short_with_favor_precision_is_tried_again_with_trafilaturas_defaults(
    monkeypatch,
):
    real = trafilatura.bare_extraction
    calls = []

    def precise_drops_most(html, **options):
        calls.append(options["favor_precision"])
        document = real(html, **options)
        if options["favor_precision"]:
            document.text = " ".join(document.text.split()[:20])
        return document

    monkeypatch.setattr(trafilatura, "bare_extraction", precise_drops_most)
    article = quirk("nameless.html", folder="kestria-weekly")
    assert calls == [True, False]
    assert isinstance(article, Article) and len(article.text.split()) > 50
