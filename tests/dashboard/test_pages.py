"""Every page of the dashboard frame, headless through Streamlit's AppTest.

One page per AppTest instance (the entry file runs the shared frame, then the page).
Charts come back as unknown elements, so chart builders are tested through to_dict().
"""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pandas as pd
import pytest
from conftest import HOSTILE_IMG, HOSTILE_SCRIPT, OUTLETS
from streamlit.testing.v1 import AppTest

from dashboard import charts

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
PAGES = [
    "views/overview.py",
    "views/sentiment.py",
    "views/framing.py",
    "views/bias_types.py",
    "views/attribution.py",
    "views/over_time.py",
    "views/data.py",
]


def run_page(page: str, params: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(params or {})
    at.run()
    if page != "views/overview.py":
        at.switch_page(page)
        at.run()
    return at


def param(at: AppTest, key: str) -> list[str]:
    """A URL param as a list (AppTest gives a lone value as a plain string)."""
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def all_text(at: AppTest) -> str:
    """Every string the page shows: markdown-like bodies, table cells, widget labels/options."""
    parts = []
    for kind in (
        "markdown",
        "caption",
        "info",
        "warning",
        "error",
        "success",
        "title",
        "subheader",
        "header",
        "code",
        "text",
        "metric",
    ):
        parts.extend(str(getattr(e, "value", "")) for e in at.get(kind))
    for frame in at.dataframe:
        parts.append(frame.value.to_csv())
    for box in (*at.selectbox, *at.multiselect):
        parts.extend(
            str(box.format_func(o)) if hasattr(box, "format_func") else str(o) for o in box.options
        )
    return "\n".join(parts)


def markdown_bodies(at: AppTest) -> list[str]:
    bodies = []
    for kind in (
        "markdown",
        "caption",
        "info",
        "warning",
        "error",
        "success",
        "title",
        "subheader",
        "header",
    ):
        bodies.extend(str(e.value) for e in at.get(kind))
    return bodies


# --------------------------------------------------------------------------- rendering


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_without_exception_on_a_store_with_data(page, fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page(page)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "page drew nothing"


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_a_friendly_message_on_an_empty_store(page, empty_store, slant_db):
    slant_db(empty_store)
    at = run_page(page)
    assert not at.exception
    messages = " ".join(i.value for i in at.info)
    assert "No articles yet" in messages or "no articles yet" in messages


def test_missing_store_explains_how_to_load_data(tmp_path, slant_db):
    missing = slant_db(tmp_path / "nowhere.duckdb")
    at = run_page("views/overview.py")
    assert not at.exception
    assert "no Slant store here yet" in at.info[0].value
    assert f"slant ingest FILES --db {missing}" in [c.value for c in at.code]


def test_page_on_the_realistic_sample_renders_without_exception(sample_store, slant_db):
    slant_db(sample_store)
    for page in PAGES:
        at = run_page(page)
        assert not at.exception, (page, [e.value for e in at.exception])


# --------------------------------------------------------------------------- filters and URL


def test_choosing_an_outlet_changes_the_numbers_shown(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page("views/overview.py")
    assert metric(at, "Articles") == "30"
    at.multiselect(key="f_outlets").set_value(["Valley Voice"]).run()
    assert metric(at, "Articles") == "7"
    assert param(at, "outlet") == ["Valley Voice"]


def test_search_box_narrows_the_articles(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page("views/overview.py")
    at.text_input(key="f_search").set_value("brutal").run()
    assert metric(at, "Articles") == "7"
    assert param(at, "q") == ["brutal"]


def test_filters_are_read_back_from_the_url(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page(
        "views/overview.py",
        {"outlet": ["Daily Ledger", "Harbor Times"], "from": "2025-02-01", "to": "2025-02-28"},
    )
    assert at.multiselect(key="f_outlets").value == ["Daily Ledger", "Harbor Times"]
    assert metric(at, "Articles") == "4"  # a12, a13, a16, a17


def test_comma_joined_outlets_in_the_url_are_understood(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page("views/overview.py", {"outlet": "Daily Ledger,Valley Voice"})
    assert at.multiselect(key="f_outlets").value == ["Daily Ledger", "Valley Voice"]


def test_unknown_outlets_and_bad_dates_in_the_url_are_ignored(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page("views/overview.py", {"outlet": "Nobody", "from": "yesterday"})
    assert not at.exception
    assert metric(at, "Articles") == "30"


def test_filters_survive_a_page_switch(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page("views/overview.py", {"outlet": "Harbor Times"})
    at.switch_page("views/sentiment.py").run()
    assert param(at, "outlet") == ["Harbor Times"]
    assert "Harbor Times" in at.selectbox(key="cell_outlet").options


def test_page_choices_are_written_to_the_url(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page("views/over_time.py", {"measure": "framing_per_1k", "bucket": "week"})
    assert at.selectbox(key="measure").value == "framing_per_1k"
    assert param(at, "bucket") == ["week"]


def test_over_time_answers_target_sentiment_by_month(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page("views/over_time.py", {"measure": "Sentiment toward a target"})
    assert not at.exception
    assert at.selectbox(key="target").value == "Kestrian government"


def test_small_groups_get_a_visible_warning(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page("views/overview.py", {"from": "2025-01-01", "to": "2025-01-20"})
    assert any("Fewer than 5 articles" in w.value for w in at.warning)


def test_filters_matching_nothing_show_a_message_not_an_error(fixture_store, slant_db):
    slant_db(fixture_store)
    for page in PAGES[:-1]:
        at = run_page(page, {"q": "no such words anywhere"})
        assert not at.exception, page
        assert at.info, page


def test_framing_term_in_context_links_to_the_reader(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page("views/framing.py", {"term": "regime"})
    lines = at.dataframe[-1].value
    assert set(lines["match"]) == {"regime"}
    assert lines["reader"].iloc[0].startswith("reader?article=a")


def test_choosing_a_target_cell_lists_its_sentences(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page("views/sentiment.py")
    at.selectbox(key="cell_outlet").set_value("Valley Voice").run()
    sentences = at.dataframe[-1].value
    assert len(sentences) == 14  # 7 articles x (headline + first sentence)
    assert sentences["Sentence"].str.contains("Kestrian government").all()


# --------------------------------------------------------------------------- classroom mode


@pytest.mark.parametrize("page", PAGES[:-1])
def test_classroom_mode_hides_outlet_names(page, fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page(page, {"classroom": "1"})
    assert not at.exception
    text = all_text(at)
    for outlet in OUTLETS:
        assert outlet not in text, (page, outlet)
    assert "Outlet A" in text


def test_classroom_letters_are_stable_by_sorted_outlet_name(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page("views/overview.py", {"classroom": "1", "outlet": "D"})
    assert at.multiselect(key="f_outlets").value == ["Valley Voice"]
    assert at.dataframe[0].value["Outlet"].tolist() == ["Outlet D"]
    assert param(at, "outlet") == ["D"]


def test_reveal_button_shows_outlet_names_again(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page("views/overview.py", {"classroom": "1"})
    next(b for b in at.sidebar.button if b.label == "Reveal outlet names").click().run()
    assert "Daily Ledger" in at.dataframe[0].value["Outlet"].tolist()


def test_classroom_mode_explains_each_measure_in_plain_words(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page("views/sentiment.py", {"classroom": "1"})
    assert any("very negative" in i.value for i in at.info)


# --------------------------------------------------------------------------- hostile text


@pytest.mark.parametrize("page", PAGES)
def test_hostile_article_is_never_rendered_as_html(page, hostile_store, slant_db):
    slant_db(hostile_store)
    at = run_page(page)
    assert not at.exception
    for body in markdown_bodies(at):
        assert "<script" not in body.lower(), body
        assert "<img" not in body.lower(), body
    for element in at.get("markdown"):
        if getattr(element.proto, "allow_html", False):
            assert HOSTILE_SCRIPT not in element.value
            assert html.escape(HOSTILE_IMG) not in element.value


def test_hostile_outlet_name_in_a_small_n_warning_is_escaped(hostile_store, slant_db):
    slant_db(hostile_store)
    at = run_page("views/overview.py")
    warning = next(w.value for w in at.warning if "Fewer than 5" in w.value)
    assert "&lt;img" in warning and "<img" not in warning


# --------------------------------------------------------------------------- data page


def test_uploading_a_csv_adds_articles_and_lists_rejected_rows(tmp_path, slant_db):
    slant_db(tmp_path / "upload.duckdb")
    at = run_page("views/data.py")
    rows = (
        "outlet,title,text,published\n"
        "Test Wire,Talks resume,Negotiators said talks would resume on Monday.,2025-03-01\n"
        ",No outlet,This row has no outlet.,2025-03-02\n"
    )
    at.file_uploader(key="uploads_0").set_value(("articles.csv", rows.encode(), "text/csv"))
    at.button(key="load").click().run()
    assert not at.exception, [e.value for e in at.exception]
    success = " ".join(s.value for s in at.success)
    assert "Added 1 articles" in success
    rejected = next(d.value for d in at.dataframe if "problem" in d.value.columns)
    assert rejected["file"].tolist() == ["articles.csv"]
    assert "outlet" in rejected["problem"].iloc[0].lower()


def test_export_centre_offers_csv_and_json_for_each_export(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page("views/data.py")
    keys = {b.proto.id for b in at.get("download_button")}
    assert len(keys) == 8


def test_copying_a_store_changes_nothing_for_cached_numbers(fixture_store, tmp_path, slant_db):
    # The cache is keyed on the store's path and fingerprint, so a second store at another
    # path never sees the first one's numbers.
    copy = tmp_path / "copy.duckdb"
    shutil.copy(fixture_store, copy)
    slant_db(copy)
    at = run_page("views/overview.py", {"outlet": "Daily Ledger"})
    assert metric(at, "Articles") == "8"


# --------------------------------------------------------------------------- chart builders


def interval_frame():
    return pd.DataFrame(
        {
            "outlet": ["A", "B"],
            "measure_label": ["Sentiment", "Sentiment"],
            "n": [10, 3],
            "estimate": [0.1, -0.2],
            "ci_low": [0.0, -0.4],
            "ci_high": [0.2, 0.0],
        }
    )


def test_interval_chart_flags_groups_under_five_articles():
    spec = charts.interval_multiples(interval_frame()).to_dict()
    values = next(iter(spec["datasets"].values()))
    assert [v["small"] for v in values] == [False, True]


def test_every_chart_has_tooltips_and_titled_axes():
    frame = pd.DataFrame(
        {"outlet": ["A", "B"], "target": ["T", "T"], "mean": [0.2, -0.3], "articles": [6, 2]}
    )
    spec = charts.heatmap(frame, "target", "Target", "mean", "Mean", "articles", True).to_dict()
    for layer in spec["layer"]:
        assert layer["encoding"]["tooltip"]
    assert spec["layer"][0]["encoding"]["y"]["title"] == "Target"


def test_heatmap_marks_cells_with_fewer_than_five_articles():
    frame = pd.DataFrame(
        {"outlet": ["A", "B"], "target": ["T", "T"], "mean": [0.2, -0.3], "articles": [6, 2]}
    )
    spec = charts.heatmap(frame, "target", "Target", "mean", "Mean", "articles").to_dict()
    labels = [v["cell_label"] for v in next(iter(spec["datasets"].values()))]
    assert labels == ["0.20 (n=6)", "-0.30 (n=2) !"]


def test_over_time_chart_puts_article_counts_under_the_measure():
    frame = pd.DataFrame(
        {
            "outlet": ["A", "A"],
            "bucket": pd.to_datetime(["2025-01-01", "2025-02-01"]),
            "articles": [3, 4],
            "mean": [0.1, 0.2],
            "rolling": [0.1, 0.15],
        }
    )
    spec = charts.over_time(frame, "Sentiment", "month").to_dict()
    assert len(spec["vconcat"]) == 2
    assert spec["vconcat"][1]["encoding"]["y"]["title"] == "Articles"


@pytest.mark.parametrize("page", ["views/sentiment.py", "views/framing.py", "views/attribution.py"])
def test_measure_pages_test_every_pair_of_outlets(page, fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page(page)
    assert not at.exception
    pairs = next(d.value for d in at.dataframe if "Adjusted p" in d.value.columns)
    assert len(pairs) == len(OUTLETS) * (len(OUTLETS) - 1) // 2
    assert pairs["In words"].str.len().gt(0).all()


def test_a_heatmap_of_many_outlets_puts_them_down_the_side_not_past_the_page_edge():
    outlets = [f"Outlet {i:02d}" for i in range(charts.HEATMAP_ACROSS + 1)]
    frame = pd.DataFrame(
        {
            "outlet": outlets * 2,
            "category": ["conflict"] * len(outlets) + ["regime"] * len(outlets),
            "per_1k": 1.0,
            "articles": 6,
        }
    )
    spec = charts.heatmap(frame, "category", "Category", "per_1k", "Rate", "articles").to_dict()
    assert spec["layer"][0]["encoding"]["y"]["field"] == "outlet"
    assert spec["width"] == 2 * 130  # two category columns
    few = charts.heatmap(frame[frame["outlet"] == "Outlet 00"], "category", "Category", "per_1k", "Rate", "articles").to_dict()  # fmt: skip
    assert few["layer"][0]["encoding"]["x"]["field"] == "outlet"


def test_a_heatmap_too_wide_either_way_round_narrows_its_cells_to_the_value_alone():
    outlets = [f"Outlet {i:02d}" for i in range(12)]
    categories = [f"category_{j:02d}" for j in range(14)]
    frame = pd.DataFrame(
        [(o, c, 0.5, 12 if o != "Outlet 00" else 2) for o in outlets for c in categories],
        columns=["outlet", "category", "per_1k", "articles"],
    )
    spec = charts.heatmap(frame, "category", "Category", "per_1k", "Rate", "articles").to_dict()
    labels = {v["cell_label"] for v in next(iter(spec["datasets"].values()))}
    assert labels == {"0.50", "0.50 !"}
    assert spec["width"] <= charts.HEATMAP_COMPACT_WIDTH


def test_over_time_gives_more_than_ten_outlets_twenty_colours_not_ten_repeated():
    def spec_for(n_outlets):
        frame = pd.DataFrame(
            {
                "outlet": [f"Outlet {i:02d}" for i in range(n_outlets)],
                "bucket": pd.to_datetime(["2025-01-01"] * n_outlets),
                "articles": 3,
                "mean": 0.1,
                "rolling": 0.1,
            }
        )
        return charts.over_time(frame, "Sentiment", "month").to_dict()

    def scheme(spec):
        return spec["vconcat"][0]["layer"][0]["encoding"]["color"]["scale"]["scheme"]

    assert scheme(spec_for(5)) == "tableau10"
    assert scheme(spec_for(12)) == "tableau20"
