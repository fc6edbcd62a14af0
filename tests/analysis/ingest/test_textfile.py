"""Specification of .txt articles shaped like a page copied from a news site."""

from analysis.ingest import load_paths
from analysis.records import Article


def read_one(path, **options):
    items = list(load_paths([path], **options))
    assert len(items) == 1
    return items[0]


def test_the_breadcrumb_becomes_the_section(seed_shaped_file):
    assert read_one(seed_shaped_file).section == "Kestria"


def test_the_line_after_the_breadcrumb_becomes_the_title(seed_shaped_file):
    assert (
        read_one(seed_shaped_file).title
        == "Alliance says it will expand training mission in Kestria"
    )


def test_the_photo_credit_is_kept_as_caption_and_left_out_of_the_text(seed_shaped_file):
    article = read_one(seed_shaped_file)
    assert article.caption == "Meridian Alliance Secretary-General Tomas Ekwall (Photo by Staff)"
    assert "(Photo by" not in article.text


def test_known_site_boilerplate_is_removed_with_everything_after_it(seed_shaped_file):
    text = read_one(seed_shaped_file).text
    assert "alternate addresses" not in text and "Roku" not in text
    assert text.endswith("breach of the small country\u2019s sovereignty.")


def test_known_boilerplate_names_the_outlet(seed_shaped_file):
    assert read_one(seed_shaped_file).outlet == "Press TV"


def test_the_outlet_option_wins_over_boilerplate(seed_shaped_file):
    assert read_one(seed_shaped_file, outlet="Other").outlet == "Other"


def test_non_breaking_spaces_are_gone_and_curly_quotes_stay(seed_shaped_file):
    text = read_one(seed_shaped_file).text
    assert "\u00a0" not in text and "\u201cWe agreed" in text


def test_no_date_is_invented(seed_shaped_file):
    assert read_one(seed_shaped_file).published is None


def test_the_published_option_dates_a_text_file(seed_shaped_file):
    assert (
        read_one(seed_shaped_file, published="2020-04-03")
        .published.isoformat()
        .startswith("2020-04-03")
    )


def test_front_matter_sets_outlet_date_and_url(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "---\noutlet: Gazette\npublished: 2026-03-01T08:00:00+01:00\nurl: https://g.example/a\n---\n"
        "Bridge reopens\n\nThe bridge at Lower Sallow reopened on Monday.\n",
        encoding="utf-8",
    )
    article = read_one(path)
    assert (article.outlet, article.url, article.title) == (
        "Gazette",
        "https://g.example/a",
        "Bridge reopens",
    )
    assert article.published.isoformat() == "2026-03-01T07:00:00+00:00"


def test_the_sub_folder_names_the_outlet_when_nothing_else_does(tmp_path):
    folder = tmp_path / "corpus" / "Valley Gazette"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(
        "Bridge reopens\n\nThe bridge reopened on Monday.\n", encoding="utf-8"
    )
    items = list(load_paths([tmp_path / "corpus"]))
    assert [a.outlet for a in items if isinstance(a, Article)] == ["Valley Gazette"]


def test_a_lone_file_with_no_outlet_hint_is_unknown(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Bridge reopens\n\nThe bridge reopened on Monday.\n", encoding="utf-8")
    assert read_one(path).outlet == "unknown"


def test_a_text_file_with_only_boilerplate_is_rejected(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(
        "Press TV\u2019s website can also be accessed at the following alternate addresses:\n",
        encoding="utf-8",
    )
    item = read_one(path)
    assert not isinstance(item, Article) and "no article text" in item.problem
