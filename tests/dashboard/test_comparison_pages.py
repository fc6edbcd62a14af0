"""The comparison pages (compare, distinctive terms, word choice, stories) through AppTest.

One page per AppTest instance; the entry file runs the frame, then the page.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from conftest import HOSTILE_IMG, HOSTILE_SCRIPT, OUTLETS
from streamlit.testing.v1 import AppTest

from dashboard import components

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
PAGES = [
    "views/compare.py",
    "views/terms.py",
    "views/word_choice.py",
    "views/stories.py",
]


def run_page(page: str, params: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params.update(params or {})
    at.run()
    at.switch_page(page)
    at.run()
    return at


def bodies(at: AppTest) -> list[str]:
    out = []
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "title",
                 "subheader", "header"):  # fmt: skip
        out.extend(str(e.value) for e in at.get(kind))
    return out


def all_text(at: AppTest) -> str:
    parts = bodies(at)
    parts.extend(str(m.value) for m in at.metric)
    for frame in at.dataframe:
        parts.append(frame.value.to_csv())
    for box in (*at.selectbox, *at.multiselect):
        parts.extend(str(box.format_func(o)) for o in box.options)
    return "\n".join(parts)


def sentence(at: AppTest) -> str:
    return next(i.value for i in at.info if "between" in i.value or "articles" in i.value)


@pytest.fixture(autouse=True)
def user_lexicon(tmp_path, monkeypatch) -> Path:
    """Never write to data/lexicons from a test."""
    path = tmp_path / "user_framing.csv"
    monkeypatch.setenv("SLANT_USER_LEXICON", str(path))
    return path


# --------------------------------------------------------------------------- rendering


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_without_exception_on_the_fixture_store(page, fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page(page)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "page drew nothing"


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_a_friendly_message_on_an_empty_store(page, empty_store, slant_db):
    slant_db(empty_store)
    at = run_page(page)
    assert not at.exception
    assert any("no articles yet" in i.value.lower() for i in at.info)


def test_pages_render_on_the_realistic_sample(sample_store, slant_db):
    slant_db(sample_store)
    for page in PAGES:
        at = run_page(page)
        assert not at.exception, (page, [e.value for e in at.exception])


@pytest.mark.parametrize("page", PAGES)
def test_a_filter_matching_nothing_shows_a_message_not_an_error(page, fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page(page, {"q": "no article says this"})
    assert not at.exception
    assert at.info, "an empty selection should say so"


# --------------------------------------------------------------------------- compare


def test_compare_states_the_result_in_a_sentence_with_the_chosen_outlets(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page("views/compare.py", {"cmp_a": "Daily Ledger", "cmp_b": "Valley Voice"})
    text = sentence(at)
    assert "Daily Ledger" in text and "Valley Voice" in text
    assert "n = 8 vs 7" in text
    assert [m.label for m in at.metric] == ["Difference", "Cliff's delta", "p-value"]


def test_changing_the_outlets_or_the_measure_changes_the_sentence(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page("views/compare.py")
    first = sentence(at)
    at.selectbox(key="cmp_b__names").set_value("Valley Voice").run()
    second = sentence(at)
    assert second != first and "Valley Voice" in second
    assert at.query_params["cmp_b"] in ("Valley Voice", ["Valley Voice"])
    at.selectbox(key="cmp_measure").set_value("anonymous_share").run()
    third = sentence(at)
    assert third != second and "anonymous" in third


def test_per_category_measures_can_be_compared(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page("views/compare.py", {"cmp_measure": "framing_delegitimizing_per_1k"})
    assert not at.exception
    assert "'delegitimizing' framing terms" in sentence(at)
    options = at.selectbox(key="cmp_measure").options
    assert "cue_distancing_share" in options or "'distancing'" in " ".join(options).lower()


def test_a_rate_shows_the_pooled_rate_beside_the_per_article_mean(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page("views/compare.py", {"cmp_measure": "framing_per_1k"})
    assert any("pooled rate" in c.value.lower() for c in at.caption)
    pooled = at.dataframe[0].value
    assert {"pooled", "article_mean"} <= set(pooled.columns)


def test_every_pair_is_tested_with_bh_adjusted_p_values(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page("views/compare.py")
    pairs = at.dataframe[-1].value
    assert len(pairs) == 6  # 4 outlets
    assert "p_adjusted" in pairs.columns
    assert (pairs["p_adjusted"] >= 0).all()
    assert at.get("download_button"), "the pairs should be downloadable"


def test_groups_of_outlets_can_be_compared_and_are_kept_in_the_url(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page(
        "views/compare.py",
        {
            "cmp_mode": "groups",
            "grp_a": "ledger and times",
            "grp_a_outlets": ["Daily Ledger", "Harbor Times"],
            "grp_b": "the rest",
            "grp_b_outlets": ["Northern Post", "Valley Voice"],
        },
    )
    assert not at.exception
    text = sentence(at)
    assert "ledger and times" in text and "the rest" in text
    assert "n = 16 vs 14" in text
    assert at.query_params["grp_a"] in ("ledger and times", ["ledger and times"])


def test_an_outlet_in_both_groups_is_explained_not_raised(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page(
        "views/compare.py",
        {"cmp_mode": "groups", "grp_a_outlets": "Daily Ledger", "grp_b_outlets": "Daily Ledger"},
    )
    assert not at.exception
    assert any("both groups" in i.value for i in at.info)


def test_the_same_outlet_twice_is_explained(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page("views/compare.py", {"cmp_a": "Daily Ledger", "cmp_b": "Daily Ledger"})
    assert any("two different outlets" in i.value for i in at.info)


# --------------------------------------------------------------------------- classroom


@pytest.mark.parametrize("page", PAGES)
def test_classroom_mode_hides_outlet_names(page, fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page(page, {"classroom": "1"})
    assert not at.exception
    text = all_text(at)
    for outlet in OUTLETS:
        assert outlet not in text, (page, outlet)
    assert "Outlet A" in text
    for key in ("cmp_a", "cmp_b", "terms_a"):
        value = at.query_params.get(key)
        if value:
            assert not any(o in str(value) for o in OUTLETS), (key, value)


def test_classroom_letters_in_the_url_choose_the_outlets(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page("views/compare.py", {"classroom": "1", "cmp_a": "B", "cmp_b": "D"})
    text = sentence(at)
    assert "Outlet B" in text and "Outlet D" in text
    assert "Harbor Times" not in text


# --------------------------------------------------------------------------- hostile strings


@pytest.mark.parametrize("page", PAGES)
def test_hostile_outlet_names_and_titles_are_escaped(page, hostile_store, slant_db):
    slant_db(hostile_store)
    at = run_page(
        page, {"cmp_a": "Daily Ledger", "cmp_b": HOSTILE_IMG, "terms_a": f"o:{HOSTILE_IMG}"}
    )
    assert not at.exception, [e.value for e in at.exception]
    for body in bodies(at):
        for payload in (HOSTILE_SCRIPT, HOSTILE_IMG):
            assert payload not in body, (page, body)
    assert HOSTILE_SCRIPT not in "".join(str(e.value) for e in at.get("markdown"))


def test_hostile_outlet_name_reaches_the_compare_sentence_only_escaped(hostile_store, slant_db):
    slant_db(hostile_store)
    at = run_page("views/compare.py", {"cmp_a": "Daily Ledger", "cmp_b": HOSTILE_IMG})
    text = sentence(at)
    assert HOSTILE_IMG not in text
    assert components.escape_md(HOSTILE_IMG) in text


# --------------------------------------------------------------------------- terms


def test_terms_page_lists_terms_with_a_lexicon_marker_and_contexts(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page("views/terms.py", {"terms_a": "o:Valley Voice"})
    table = at.dataframe[0].value
    assert {"term", "z", "side", "in_lexicon"} <= set(table.columns)
    assert "brutal" in set(table["term"])  # only Valley Voice has "crackdown was brutal"
    assert table["in_lexicon"].dtype == bool
    at.selectbox(key="terms_term").set_value("brutal").run()
    lines = at.dataframe[1].value
    assert set(lines["match"].str.lower()) == {"brutal"}
    assert lines["reader"].str.startswith("reader?article=").all()


def test_terms_page_compares_with_another_outlet(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page("views/terms.py", {"terms_a": "o:Valley Voice", "terms_b": "o:Daily Ledger"})
    assert not at.exception
    assert any("Daily Ledger" in s.value for s in at.subheader)


def test_add_to_my_lexicon_appends_once_and_says_where(fixture_store, slant_db, user_lexicon):
    slant_db(fixture_store)
    at = run_page("views/terms.py", {"terms_a": "o:Valley Voice", "terms_term": "brutal"})
    at.text_input(key="lex_new_category").set_value("Moral outrage")
    at.text_input(key="lex_note").set_value("=evaluative adjective")
    at.checkbox(key="lex_seed").uncheck()
    at.button[0].click().run()
    assert not at.exception
    assert any(components.escape_md(user_lexicon) in s.value for s in at.success)
    assert any("slant rescore --lexicon" in c.value for c in at.code)
    with user_lexicon.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows == [
        {"pattern": "brutal", "category": "moral_outrage", "note": "'=evaluative adjective"}
    ]
    at.button[0].click().run()
    assert any("already" in i.value for i in at.info)
    with user_lexicon.open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 1


def test_add_to_my_lexicon_writes_beside_the_store(fixture_store, slant_db, tmp_path, monkeypatch):
    # It wrote into the installed package's data/lexicons/user_framing.csv (issue 17).
    monkeypatch.delenv("SLANT_USER_LEXICON")
    db = shutil.copy(fixture_store, tmp_path / "class.duckdb")
    slant_db(db)
    at = run_page("views/terms.py", {"terms_a": "o:Valley Voice", "terms_term": "brutal"})
    at.text_input(key="lex_new_category").set_value("Moral outrage")
    at.checkbox(key="lex_seed").uncheck()
    at.button[0].click().run()
    assert not at.exception
    written = tmp_path / "lexicons" / "user_framing.csv"
    with written.open(encoding="utf-8", newline="") as handle:
        assert [row["pattern"] for row in csv.DictReader(handle)] == ["brutal"]


# --------------------------------------------------------------------------- word choice and stories


def test_word_choice_shows_contexts_for_a_chosen_wording(sample_store, slant_db):
    slant_db(sample_store)
    at = run_page("views/word_choice.py")
    assert not at.exception
    group = at.selectbox(key="wc_group").value
    wording = at.selectbox(key="wc_alternative").value
    lines = at.dataframe[-1].value
    assert {"outlet", "left", "match", "right", "reader"} <= set(lines.columns)
    assert group and wording and len(lines) > 0


def test_stories_page_ranks_stories_and_sets_one_side_by_side(sample_store, slant_db):
    slant_db(sample_store)
    at = run_page("views/stories.py")
    assert not at.exception
    table = at.dataframe[0].value
    assert {"story_id", "outlets_covering", "missing", "covering"} <= set(table.columns)
    assert table["outlets_covering"].is_monotonic_decreasing
    headlines = [m.value for m in at.markdown if "](reader?article=" in m.value]
    assert len(headlines) >= 2
    assert len(at.get("download_button")) >= 2


def test_the_story_threshold_changes_the_stories(sample_store, slant_db):
    slant_db(sample_store)
    at = run_page("views/stories.py")
    before = len(at.dataframe[0].value)
    at.slider(key="st_threshold").set_value(0.5).run()
    assert not at.exception
    assert len(at.dataframe[0].value) > before
    assert at.query_params["st_threshold"] in ("0.5", ["0.5"])


def test_terms_page_leaves_outlet_names_out_unless_switched_on(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page("views/terms.py", {"terms_a": "o:Valley Voice"})
    switch = at.toggle(key="terms_keep_self_names")
    assert switch.value is False
    switch.set_value(True).run()
    assert not at.exception and at.dataframe[0].value is not None
