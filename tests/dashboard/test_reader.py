"""The article reader and "Compare two articles": their store reads and their pages.

Stores come from ``conftest.py`` (30 hand-made articles, a hostile one, an empty
one) plus a small store of two outlets covering the same events, built here.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis import store
from analysis.compare import article_reads
from analysis.compare.article_reads import ArticleProfile, describe_differences
from analysis.compare.queries import Filters
from analysis.records import AnalysisResult, Article, Evidence, SentenceScore

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
READER = "views/reader.py"
COMPARE = "views/compare_articles.py"

# --------------------------------------------------------------------------- event store

EVENT_TEXTS = {
    # (outlet, event): text; the Ledger says "assassination", the Post "killing".
    ("Daily Ledger", "e1"): "The assassination of the envoy shocked the capital.",
    ("Northern Post", "e1"): (
        "Officials said the killing was planned. Sources claimed more were at risk. "
        "A diplomat said talks would go on."
    ),
    ("Daily Ledger", "e2"): "Markets were calm on Tuesday.",
}


def _event_article(outlet: str, event: str, day: int) -> tuple[Article, AnalysisResult]:
    text = EVENT_TEXTS[(outlet, event)]
    article_id = f"{outlet.split()[0].lower()}-{event}"
    article = Article(
        article_id=article_id,
        outlet=outlet,
        text=text,
        title=f"{outlet} on {event}",
        published=datetime(2025, 3, day, 9, tzinfo=UTC),
        event_id=event,
    )
    evidence = []
    for term in ("assassination", "killing"):
        if (pos := text.find(term)) >= 0:
            evidence.append(
                Evidence(article_id, "text", "framing", "violence", pos, pos + len(term), term)
            )
    for source, cue, cue_class, anonymous in (
        ("Officials", "said", "neutral", True),
        ("Sources", "claimed", "distancing", True),
        ("A diplomat", "said", "neutral", True),
    ):
        if (pos := text.find(source)) >= 0:
            end = text.index(".", pos)
            cue_at = text.index(cue, pos)
            evidence.append(
                Evidence(
                    article_id,
                    "text",
                    "attribution",
                    cue_class,
                    pos,
                    end,
                    text[pos:end],
                    source=source,
                    cue=cue,
                    cue_class=cue_class,
                    quote_type="indirect",
                    anonymous=anonymous,
                    source_start=pos,
                    source_end=pos + len(source),
                    cue_start=cue_at,
                    cue_end=cue_at + len(cue),
                )
            )
    attributions = sum(e.kind == "attribution" for e in evidence)
    result = AnalysisResult(
        article_id=article_id,
        scores={
            "words": len(text.split()),
            "sentiment": -0.5 if "assassination" in text else -0.1,
            "framing_per_1k": 1000 / len(text.split()),
            "attributions": attributions,
            "anonymous_share": 1.0 if attributions else None,
        },
        category_counts={("framing", "violence"): 1},
        evidence=evidence,
        sentences=[SentenceScore("text", 0, 0, len(text), -0.3)],
        analysis_version="test",
        lexicon_hash="test",
    )
    return article, result


@pytest.fixture(scope="module")
def event_store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("events") / "events.duckdb"
    pairs = [
        _event_article("Daily Ledger", "e1", 1),
        _event_article("Northern Post", "e1", 2),
        _event_article("Daily Ledger", "e2", 3),
    ]
    con = store.connect(path)
    try:
        store.write_batch(con, [a for a, _ in pairs], [r for _, r in pairs])
    finally:
        con.close()
    return path


@pytest.fixture
def con_to():
    opened = []

    def open_(path):
        con = store.connect(path, read_only=True)
        opened.append(con)
        return con

    yield open_
    for con in opened:
        con.close()


# --------------------------------------------------------------------------- store reads


def test_article_list_is_in_reading_order(fixture_store, con_to):
    listing = article_reads.article_list(con_to(fixture_store))
    assert list(listing["published"]) == sorted(listing["published"])
    assert len(listing) == 30


def test_article_list_applies_the_filters(fixture_store, con_to):
    listing = article_reads.article_list(con_to(fixture_store), Filters(outlets=("Valley Voice",)))
    assert set(listing["outlet"]) == {"Valley Voice"}


def test_neighbours_walk_the_filtered_list(fixture_store, con_to):
    con = con_to(fixture_store)
    filters = Filters(outlets=("Harbor Times",))
    ids = list(article_reads.article_list(con, filters)["article_id"])
    around = article_reads.neighbours(con, filters, ids[1])
    assert (around.previous, around.next) == (ids[0], ids[2])
    assert (around.position, around.total) == (2, len(ids))


def test_first_article_has_no_previous(fixture_store, con_to):
    con = con_to(fixture_store)
    first = article_reads.article_list(con)["article_id"].iloc[0]
    assert article_reads.neighbours(con, Filters(), first).previous is None


def test_article_outside_the_filter_has_no_neighbours(fixture_store, con_to):
    con = con_to(fixture_store)
    around = article_reads.neighbours(con, Filters(outlets=("Valley Voice",)), "a00")
    assert (around.previous, around.next, around.position) == (None, None, None)
    assert around.total > 0


def test_unknown_article_detail_is_none(fixture_store, con_to):
    assert article_reads.article_detail(con_to(fixture_store), "no-such-id") is None


def test_article_detail_carries_the_scores(fixture_store, con_to):
    detail = article_reads.article_detail(con_to(fixture_store), "a03")
    assert detail["outlet"] and detail["text"]
    assert detail["attributions"] == 3


def test_every_evidence_row_matches_the_article_text(fixture_store, con_to):
    con = con_to(fixture_store)
    detail = article_reads.article_detail(con, "a03")
    for row in article_reads.article_evidence(con, "a03").itertuples():
        assert detail[row.field][row.start : row.end] == row.text


def test_evidence_lists_title_rows_first(fixture_store, con_to):
    fields = list(article_reads.article_evidence(con_to(fixture_store), "a03")["field"])
    assert fields == sorted(fields, key=lambda f: f != "title")
    assert "title" in fields


def test_framing_categories_are_every_category_in_the_store(fixture_store, con_to):
    assert article_reads.framing_categories(con_to(fixture_store)) == [
        "conflict",
        "delegitimizing",
    ]


def test_shared_events_need_two_outlets(event_store, con_to):
    events = article_reads.shared_events(con_to(event_store))
    assert list(events["event_id"]) == ["e1"]


def test_default_pair_takes_two_outlets_of_the_same_event(event_store, con_to):
    pair = article_reads.default_pair(con_to(event_store))
    assert pair == ("daily-e1", "northern-e1")


def test_default_pair_without_events_takes_two_outlets(fixture_store, con_to):
    con = con_to(fixture_store)
    a, b = article_reads.default_pair(con)
    assert (
        article_reads.article_detail(con, a)["outlet"]
        != (article_reads.article_detail(con, b)["outlet"])
    )


def test_summary_counts_anonymous_sources(event_store, con_to):
    lines = article_reads.compare_summary(con_to(event_store), "daily-e1", "northern-e1")
    assert "Article B quotes three anonymous sources, Article A none." in lines


def test_summary_contrasts_word_choice_within_a_category(event_store, con_to):
    lines = article_reads.compare_summary(con_to(event_store), "daily-e1", "northern-e1")
    assert "Article A uses 'assassination' where Article B says 'killing' (violence)." in lines


def test_summary_names_loaded_cue_verbs():
    a = ArticleProfile()
    b = ArticleProfile(attributions=1, cue_classes={"distancing": 1})
    b.cues = {"distancing": {"claimed": 1}}
    lines = describe_differences(a, b)
    assert "Article B uses distancing cue verbs ('claimed') once, Article A never." in lines


def test_summary_of_identical_profiles_mentions_no_difference():
    lines = describe_differences(ArticleProfile(), ArticleProfile())
    assert lines == []


def test_summary_uses_the_given_names():
    lines = describe_differences(
        ArticleProfile(), ArticleProfile(attributions=1, anonymous=1), names=("Left", "Right")
    )
    assert lines[0] == "Right quotes one anonymous source, Left none."


# --------------------------------------------------------------------------- pages


def run_page(page: str, params: dict | None = None, state: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    for key, value in (state or {}).items():
        at.session_state[key] = value
    at.run()
    at.switch_page(page)
    return at.run()


def picked(at: AppTest, key: str) -> str:
    """The value of the article picker storing its choice under ``key`` (names shown)."""
    return at.selectbox(key=f"{key}__names").value


def html_bodies(at: AppTest) -> str:
    return "\n".join(h.value for h in at.html)


def test_reader_opens_the_article_named_in_the_url(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page(READER, {"article": "a03"})
    assert not at.exception
    assert picked(at, "article") == "a03"
    assert "Kestrian government faces protests" in html_bodies(at)


def test_reader_marks_the_articles_evidence(fixture_store, slant_db):
    slant_db(fixture_store)
    body = html_bodies(run_page(READER, {"article": "a03"}))
    for kind in ("framing", "quote", "source", "cue", "hedge"):
        assert f'data-kind="{kind}"' in body


def test_reader_shows_the_scores_as_metrics(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page(READER, {"article": "a03"})
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Attributions"] == "3"
    assert set(metrics) >= {"Sentiment", "Framing /1k", "Anonymous", "Hedges /1k"}


def test_reader_lists_the_evidence_in_a_table_with_csv_download(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page(READER, {"article": "a03"})
    table = at.dataframe[0].value
    assert {"kind", "label", "text"} <= set(table.columns)
    assert len(table) > 0
    assert at.get("download_button")


def test_reader_next_button_opens_the_next_article_and_updates_the_url(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page(READER, {"article": "a03"})
    at.button(key="reader_next").click().run()
    assert picked(at, "article") == "a04"
    assert at.query_params["article"] == "a04"


def test_reader_previous_button_is_disabled_on_the_first_article(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page(READER, {"article": "a00"})
    assert at.button(key="reader_previous").disabled


def test_reader_shows_a_hostile_article_escaped(hostile_store, slant_db):
    slant_db(hostile_store)
    at = run_page(READER, {"article": "evil"})
    assert not at.exception
    body = html_bodies(at)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script" not in body
    assert "<img" not in body
    assert not [tag for tag in re.findall(r"<[^>]*>", body) if "onerror" in tag]


def test_reader_hides_the_outlet_name_in_classroom_mode(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page(READER, {"article": "a03", "classroom": "1"})
    text = "\n".join(m.value for m in at.markdown)
    assert "Outlet " in text
    assert "Daily Ledger" not in text and "Northern Post" not in text


def test_compare_page_shows_two_articles_of_the_same_event(event_store, slant_db):
    slant_db(event_store)
    at = run_page(COMPARE)
    assert not at.exception
    assert at.selectbox(key="event").value == "e1"
    assert (picked(at, "article_a"), picked(at, "article_b")) == (
        "daily-e1",
        "northern-e1",
    )
    body = html_bodies(at)
    assert "assassination" in body and "killing" in body


def test_compare_page_summarises_the_differences(event_store, slant_db):
    slant_db(event_store)
    text = "\n".join(m.value for m in run_page(COMPARE).markdown)
    assert "assassination" in text
    assert "three anonymous sources" in text


def test_compare_page_shows_both_articles_scores_side_by_side(event_store, slant_db):
    slant_db(event_store)
    table = run_page(COMPARE).dataframe[0].value
    assert list(table.columns) == ["Measure", "Article A", "Article B"]
    attributions = table.set_index("Measure").loc["Attributions"]
    assert (attributions["Article A"], attributions["Article B"]) == ("0", "3")


def test_compare_summary_quotes_words_without_html_entities(event_store, slant_db):
    slant_db(event_store)
    text = "\n".join(m.value for m in run_page(COMPARE).markdown)
    assert "'assassination'" in text
    assert "&#x27;" not in text


def test_compare_page_hides_outlet_names_until_revealed(event_store, slant_db):
    slant_db(event_store)
    at = run_page(COMPARE, {"classroom": "1"})
    text = "\n".join(m.value for m in at.markdown)
    assert "Outlet A" in text and "Daily Ledger" not in text
    at.button(key="compare_reveal").click().run()
    assert "Daily Ledger" in "\n".join(m.value for m in at.markdown)


def test_compare_pickers_show_outlet_names_once_revealed(event_store, slant_db):
    slant_db(event_store)
    at = run_page(COMPARE, {"classroom": "1"})
    assert "Outlet A" in at.selectbox(key="article_a__letters").format_func("daily-e1")
    at.button(key="compare_reveal").click().run()
    assert at.selectbox(key="article_a__names").value == "daily-e1"
    assert "Daily Ledger" in at.selectbox(key="article_a__names").format_func("daily-e1")


def test_reader_selectbox_choice_moves_prev_and_next(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page(READER, {"article": "a03"})
    at.selectbox(key="article__names").select("a10").run()
    assert at.query_params["article"] == "a10"
    at.button(key="reader_next").click().run()
    assert picked(at, "article") == "a11"


def test_compare_page_with_one_article_says_so(event_store, slant_db):
    slant_db(event_store)
    at = run_page(COMPARE, {"outlet": "Northern Post"})
    assert not at.exception
    assert any("Fewer than two articles" in i.value for i in at.info)


def test_reader_on_an_empty_store_shows_a_message(empty_store, slant_db):
    slant_db(empty_store)
    at = run_page(READER)
    assert not at.exception
    assert at.info


def test_compare_page_on_an_empty_store_shows_a_message(empty_store, slant_db):
    slant_db(empty_store)
    at = run_page(COMPARE)
    assert not at.exception
    assert at.info


def test_reader_lists_each_targets_sentiment_with_its_reasons(fixture_store, slant_db):
    slant_db(fixture_store)
    at = run_page(READER, {"article": "a03"})
    targets = at.dataframe[1].value
    assert {"target", "toward the target", "sentence VADER", "because"} <= set(targets.columns)
