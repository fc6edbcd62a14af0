"""Specification of the outlet-name resolver: one order for every input, names cleaned."""

import pytest

from analysis.ingest.outlets import (
    Outlet,
    clean_name,
    known_outlets,
    resolve_outlet,
    row_outlet,
    strip_site_affix,
)


def test_the_outlet_given_beats_everything():
    chosen = resolve_outlet(
        given="Wire", outlet_map={"nytimes.com": "NYT"}, url="https://nytimes.com/a"
    )
    assert chosen == Outlet("Wire", "given")


def test_the_users_map_beats_the_bundled_table_and_the_page():
    chosen = resolve_outlet(
        outlet_map={"nytimes.com": "NYT"}, url="https://www.nytimes.com/a", stated=["NYTimes"]
    )
    assert chosen == Outlet("NYT", "map")


def test_a_well_known_site_gets_its_name_from_the_bundled_table_whatever_the_page_says():
    chosen = resolve_outlet(url="https://www.sfgate.com/news/a", stated=["Associated Press"])
    assert chosen == Outlet("SFGATE", "known")


def test_the_bundled_table_lists_a_few_hundred_news_sites():
    assert len(known_outlets()) >= 300
    assert known_outlets()["usatoday.com"] == "USA Today"


def test_the_page_name_wins_for_a_site_not_in_any_table():
    chosen = resolve_outlet(url="https://kestriaherald.example/a", stated=["The Kestria Herald"])
    assert chosen == Outlet("The Kestria Herald", "page")


def test_a_wire_service_named_by_a_page_on_another_site_is_not_its_outlet():
    chosen = resolve_outlet(url="https://kestriaherald.example/a", stated=["Associated Press"])
    assert chosen == Outlet("kestriaherald.example", "domain")


def test_the_next_stated_name_is_tried_when_the_first_is_junk():
    chosen = resolve_outlet(
        url="https://kestria.example/a", stated=["Copyright 2014", "Kestria Post"]
    )
    assert chosen.name == "Kestria Post"


def test_a_title_part_naming_the_domain_is_the_name_before_the_bare_domain():
    chosen = resolve_outlet(
        url="https://www.kestriapost.example/a", title="Budget cut | Kestria Post"
    )
    assert chosen == Outlet("Kestria Post", "title")


def test_the_domain_falls_back_without_port_or_www():
    assert resolve_outlet(url="http://www.kestria.example:8080/a") == Outlet(
        "kestria.example", "domain"
    )


def test_a_page_without_url_or_name_takes_the_folder():
    assert resolve_outlet(folder="herald") == Outlet("herald", "folder")


def test_a_url_stated_as_the_site_name_stands_in_for_the_missing_url():
    assert resolve_outlet(stated=["http://www.tmz.com"]) == Outlet("TMZ", "known")


@pytest.mark.parametrize(
    ("stated", "cleaned"),
    [
        ("https://www.hawaiinewsnow.com", ""),  # a URL
        ("livescience.com", ""),  # a raw domain
        ("SIMPLYFOUND.COM | BY: JOE WEE", ""),  # a domain after its tagline goes
        ("Copyright 2014", ""),  # a copyright line and nothing else
        ("© 2014 Gray Television. All rights reserved.", ""),  # the owner, not the outlet
        ("Hosted", ""),  # a generic word
        ("Wday_", ""),  # a handle
        ("@KestriaNews", ""),
        ("Mozilla Hacks – the Web developer blog", "Mozilla Hacks"),  # a tagline after a dash
        ("Kestria Post | News you can use", "Kestria Post"),  # a tagline after a bar
        ("Salon.com", "Salon.com"),  # a site that spells its name as its domain
        ("Yahoo!ニュース", "Yahoo!ニュース"),
    ],
)
def test_stated_names_are_cleaned(stated, cleaned):
    assert clean_name(stated) == cleaned


def test_a_stated_name_equal_to_the_headline_is_no_name():
    assert clean_name("Veteran wraps baby in flag", title="Veteran Wraps Baby in Flag") == ""


@pytest.mark.parametrize(
    ("title", "names", "stripped"),
    [
        ("Apple ships a phone – TechCrunch", ["TechCrunch"], "Apple ships a phone"),
        ("Windows 12 arrives | ZDNet", ["ZDNet"], "Windows 12 arrives"),
        ("BBC News - Flooding closes roads", ["BBC News"], "Flooding closes roads"),
        ("Fox News host leaves the network", ["Fox News"], "Fox News host leaves the network"),
        ("Vote - what it means for you", ["Kestria Post"], "Vote - what it means for you"),
    ],
)
def test_a_title_loses_only_a_prefix_or_suffix_that_is_the_outlet_name(title, names, stripped):
    assert strip_site_affix(title, names) == stripped


def test_a_title_loses_a_suffix_that_names_the_site_of_its_url():
    url = "https://www.kestriaherald.example/politics/budget"
    assert strip_site_affix("Budget passes | Kestria Herald", ["KH"], url) == "Budget passes"
    assert strip_site_affix("Budget passes | Kestria Herald", ["KH"]) == (
        "Budget passes | Kestria Herald"
    )


def test_a_table_row_with_a_domain_as_outlet_is_named_by_the_table_or_the_map():
    assert row_outlet("nytimes.com", "", None) == "The New York Times"
    assert row_outlet("kestria.example", "", {"kestria.example": "Kestria"}) == "Kestria"


def test_the_map_renames_a_row_with_text_by_its_url():
    mapped = row_outlet("The Times", "https://www.nytimes.com/a", {"nytimes.com": "NYT"})
    assert mapped == "NYT"
