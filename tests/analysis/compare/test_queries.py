"""The dashboard's SQL aggregations, checked against numbers computed by hand from the
fixture articles (tests/dashboard/conftest.py)."""

from __future__ import annotations

from datetime import date
from statistics import mean, median

import pandas as pd
import pytest

from analysis import store
from analysis.compare import queries
from analysis.compare.queries import Filters
from tests import fixture_stores as fx  # noqa: E402

SPECS = fx.FIXTURE_SPECS


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    path = fx.build_fixture_store(tmp_path_factory.mktemp("queries") / "fixture.duckdb")
    connection = store.connect(path, read_only=True)
    yield connection
    connection.close()


def by_outlet(specs=SPECS):
    groups: dict[str, list] = {}
    for spec in specs:
        groups.setdefault(spec.outlet, []).append(spec)
    return groups


def test_corpus_summary_counts_articles_outlets_words_and_dates(con):
    summary = queries.corpus_summary(con)
    assert summary["articles"] == 30
    assert summary["outlets"] == 4
    assert summary["words"] == sum(s.words for s in SPECS)
    assert summary["first"].date() == min(s.published for s in SPECS).date()
    assert summary["last"].date() == max(s.published for s in SPECS).date()


def test_outlet_filter_keeps_only_the_chosen_outlets(con):
    frame = queries.outlet_counts(con, Filters(outlets=("Valley Voice", "Daily Ledger")))
    assert frame["outlet"].tolist() == ["Daily Ledger", "Valley Voice"]
    assert frame["articles"].tolist() == [
        len(by_outlet()["Daily Ledger"]),
        len(by_outlet()["Valley Voice"]),
    ]


def test_date_filter_includes_both_end_days(con):
    start, end = date(2025, 2, 1), date(2025, 2, 28)
    expected = [s for s in SPECS if start <= s.published.date() <= end]
    assert queries.corpus_summary(con, Filters(start=start, end=end))["articles"] == len(expected)
    first_day = SPECS[0].published.date()
    assert queries.corpus_summary(con, Filters(start=first_day, end=first_day))["articles"] == 1


def test_section_filter_keeps_only_that_section(con):
    expected = sum(1 for s in SPECS if s.section == "Politics")
    assert queries.corpus_summary(con, Filters(sections=("Politics",)))["articles"] == expected


def test_search_matches_title_or_text_case_insensitively(con):
    in_text = sum(1 for s in SPECS if "brutal" in s.text.lower())
    assert queries.corpus_summary(con, Filters(search="BRUTAL"))["articles"] == in_text
    assert queries.corpus_summary(con, Filters(search="day 1"))["articles"] == sum(
        1 for s in SPECS if "day 1" in s.title
    )


def test_search_treats_percent_and_underscore_as_plain_characters(con):
    assert queries.corpus_summary(con, Filters(search="%"))["articles"] == 0
    assert queries.corpus_summary(con, Filters(search="_"))["articles"] == 0


def test_filters_that_match_nothing_give_empty_frames_not_errors(con):
    nothing = Filters(search="no such phrase anywhere")
    assert queries.corpus_summary(con, nothing)["articles"] == 0
    for name in (
        "outlet_counts",
        "sentiment_boxes",
        "framing_rates",
        "attribution_summary",
        "cue_classes",
        "target_matrix",
        "headline_vs_body",
    ):
        assert getattr(queries, name)(con, nothing).empty, name
    assert queries.measure_over_time(con, nothing, "sentiment").empty


def test_measure_values_returns_one_row_per_scored_article(con):
    frame = queries.measure_values(con, Filters(), "sentiment")
    assert len(frame) == 30
    assert sorted(frame["sentiment"]) == sorted(s.sentiment for s in SPECS)


def test_unknown_measure_is_refused_before_reaching_sql(con):
    with pytest.raises(ValueError, match="unknown measure"):
        queries.measure_values(con, Filters(), "sentiment; DROP TABLE articles")


def test_sentiment_boxes_give_median_and_mean_per_outlet(con):
    frame = queries.sentiment_boxes(con, Filters()).set_index("outlet")
    for outlet, specs in by_outlet().items():
        values = [s.sentiment for s in specs]
        assert frame.loc[outlet, "n"] == len(values)
        assert frame.loc[outlet, "median"] == pytest.approx(median(values))
        assert frame.loc[outlet, "mean"] == pytest.approx(mean(values))


def test_headline_vs_body_gives_both_means_per_outlet(con):
    frame = queries.headline_vs_body(con, Filters()).set_index(["outlet", "part"])
    specs = by_outlet()["Harbor Times"]
    assert frame.loc[("Harbor Times", "Headline"), "mean"] == pytest.approx(
        mean(s.headline_sentiment for s in specs)
    )
    assert frame.loc[("Harbor Times", "Body"), "mean"] == pytest.approx(
        mean(s.sentiment for s in specs)
    )


def test_target_matrix_averages_article_target_sentiment(con):
    frame = queries.target_matrix(con, Filters()).set_index("outlet")
    for outlet, specs in by_outlet().items():
        assert frame.loc[outlet, "articles"] == len(specs)
        assert frame.loc[outlet, "mean"] == pytest.approx(mean(s.target_sentiment for s in specs))


@pytest.mark.parametrize("rollups", [True, False])
def test_target_matrix_shows_the_target_scoped_sentiment_beside_the_sentence_mean(
    tmp_path, rollups
):
    path = fx.build_fixture_store(tmp_path / "scoped.duckdb")
    with store.connect(path) as writable:
        writable.execute("UPDATE target_sentiment SET scoped_sentiment = -0.5")
        store.rebuild_rollups(writable)
    with store.connect(path, read_only=True) as connection:
        frame = queries.target_matrix(connection, Filters(), rollups=rollups)
    frame = frame.set_index("outlet")
    for outlet, specs in by_outlet().items():
        assert frame.loc[outlet, "mean"] == pytest.approx(-0.5)
        assert frame.loc[outlet, "sentence_mean"] == pytest.approx(
            mean(s.target_sentiment for s in specs)
        )


def test_target_sentences_return_the_sentence_text_and_its_score(con):
    frame = queries.target_sentences(con, Filters(), "Daily Ledger", fx.TARGET)
    first = SPECS[0]  # a00, Daily Ledger
    rows = frame[frame["article_id"] == "a00"].set_index("field")
    assert rows.loc["text", "sentence"] == first.text.split(" announced")[0] + (
        " announced a crackdown on protesters."
    )
    assert rows.loc["text", "score"] == pytest.approx(first.target_sentiment)
    assert rows.loc["text", "toward"] == pytest.approx(first.target_sentiment)
    assert rows.loc["title", "sentence"] == first.title


def test_framing_rates_are_pooled_matches_per_thousand_words(con):
    frame = queries.framing_rates(con, Filters()).set_index(["outlet", "category"])
    specs = by_outlet()["Valley Voice"]
    words = sum(s.words for s in specs)
    matches = sum(s.framing.get("conflict", 0) for s in specs)
    assert frame.loc[("Valley Voice", "conflict"), "matches"] == matches
    assert frame.loc[("Valley Voice", "conflict"), "per_1k"] == pytest.approx(
        matches / words * 1000
    )


def test_framing_rates_list_unmatched_categories_as_zero(con):
    # Only every third article mentions "regime"; Harbor Times in January has none.
    frame = queries.framing_rates(
        con, Filters(outlets=("Harbor Times",), end=date(2025, 1, 20))
    ).set_index("category")
    assert frame.loc["conflict", "matches"] > 0
    assert "delegitimizing" not in frame.index or frame.loc["delegitimizing", "matches"] == 0


def test_framing_terms_rank_terms_by_matches_within_each_outlet(con):
    frame = queries.framing_terms(con, Filters())
    valley = frame[frame["outlet"] == "Valley Voice"].set_index("term")
    assert valley.loc["crackdown", "rank"] == 1
    assert valley.loc["crackdown", "matches"] == sum(
        s.text.count("crackdown") for s in by_outlet()["Valley Voice"]
    )


def test_keyword_in_context_rebuilds_the_article_text_around_the_match(con):
    frame = queries.keyword_in_context(con, Filters(outlets=("Daily Ledger",)), "CRACKDOWN")
    row = frame.iloc[0]
    text = next(s.text for s in SPECS if f"a{s.index:02d}" == row["article_id"])
    assert row["left"] + row["match"] + row["right"] in text
    assert row["match"] == "crackdown"
    assert len(frame) == sum(s.text.count("crackdown") for s in by_outlet()["Daily Ledger"])


def test_attribution_summary_shares_are_over_all_attributions(con):
    frame = queries.attribution_summary(con, Filters()).set_index("outlet")
    specs = by_outlet()["Valley Voice"]
    total = sum(sum(s.cue.values()) for s in specs)
    assert frame.loc["Valley Voice", "attributions"] == total
    assert frame.loc["Valley Voice", "anonymous_share"] == pytest.approx(
        sum(s.anonymous for s in specs) / total
    )
    assert frame.loc["Valley Voice", "direct_share"] == pytest.approx(
        sum(s.direct for s in specs) / total
    )


def test_cue_class_shares_sum_to_one_per_outlet(con):
    frame = queries.cue_classes(con, Filters())
    sums = frame.groupby("outlet")["share"].sum()
    assert sums.tolist() == pytest.approx([1.0] * 4)
    daily = frame[frame["outlet"] == "Daily Ledger"].set_index("cue_class")
    assert daily.loc["distancing", "attributions"] == sum(
        s.cue.get("distancing", 0) for s in by_outlet()["Daily Ledger"]
    )


def test_top_sources_name_the_speaker_or_else_the_source_phrase(con):
    frame = queries.top_sources(con, Filters())
    valley = frame[frame["outlet"] == "Valley Voice"].set_index("source")
    assert valley.loc["Residents", "attributions"] == len(by_outlet()["Valley Voice"])
    assert bool(valley.loc["Residents", "anonymous"]) is True
    assert valley.loc["the minister", "anonymous"] == False  # noqa: E712


def test_measure_over_time_buckets_by_month_with_a_rolling_mean(con):
    frame = queries.measure_over_time(
        con, Filters(outlets=("Daily Ledger",)), "sentiment", "month", window=2
    )
    specs = by_outlet()["Daily Ledger"]
    months = sorted({(s.published.year, s.published.month) for s in specs})
    assert len(frame) == len(months)
    jan = [s.sentiment for s in specs if s.published.month == 1]
    feb = [s.sentiment for s in specs if s.published.month == 2]
    assert frame["articles"].iloc[0] == len(jan)
    assert frame["mean"].iloc[0] == pytest.approx(mean(jan))
    assert frame["rolling"].iloc[1] == pytest.approx(mean(jan + feb))


def test_target_over_time_answers_sentiment_toward_a_target_by_month(con):
    frame = queries.target_over_time(con, Filters(), fx.TARGET, "month")
    march = [s.target_sentiment for s in by_outlet()["Harbor Times"] if s.published.month == 3]
    row = frame[(frame["outlet"] == "Harbor Times") & (frame["bucket"].dt.month == 3)]
    assert row["mean"].iloc[0] == pytest.approx(mean(march))
    assert row["articles"].iloc[0] == len(march)


def test_unknown_time_bucket_is_refused(con):
    with pytest.raises(ValueError, match="unknown time bucket"):
        queries.measure_over_time(con, Filters(), "sentiment", "fortnight")


def test_article_scores_export_has_one_row_per_filtered_article(con):
    frame = queries.article_scores(con, Filters(outlets=("Northern Post",)))
    assert len(frame) == len(by_outlet()["Northern Post"])
    assert {"title", "sentiment", "lexicon_hash", "analysis_version"} <= set(frame.columns)


def test_evidence_rows_can_be_limited_to_some_kinds(con):
    frame = queries.evidence_rows(con, Filters(), kinds=("hedge",))
    assert set(frame["kind"]) == {"hedge"}
    assert len(frame) == sum(s.text.count("reportedly") for s in SPECS)


def test_score_stamps_name_the_lexicon_and_version(con):
    frame = queries.score_stamps(con, Filters())
    assert frame.to_dict("records") == [
        {"lexicon_hash": fx.LEXICON_HASH, "analysis_version": fx.VERSION, "articles": 30}
    ]


def test_filter_options_are_independent_of_filters(con):
    assert queries.outlet_names(con) == sorted(fx.OUTLETS)
    assert queries.section_names(con) == ["Politics", "World"]
    first, last = queries.date_bounds(con)
    assert first == SPECS[0].published.date() and last == SPECS[-1].published.date()


# --------------------------------------------------------------------------- roll-ups


@pytest.fixture(scope="module")
def edge_con(tmp_path_factory):
    """The fixture store plus an article without date or section and one never scored."""
    import dataclasses
    from datetime import UTC, datetime

    from analysis.records import Article

    path = fx.build_fixture_store(tmp_path_factory.mktemp("edges") / "edges.duckdb")
    _, article, result = fx.make_spec(0)
    undated = Article(
        article_id="undated", outlet=article.outlet, text=article.text, title=article.title
    )
    result = dataclasses.replace(result, article_id="undated", evidence=[], targets=[])
    unscored = Article(
        article_id="unscored",
        outlet="Late Outlet",
        text="Nothing scored yet.",
        published=datetime(2025, 1, 2, 23, 59, tzinfo=UTC),
        section="World",
    )
    writer = store.connect(path)
    store.write_batch(writer, [undated], [result])
    store.write_batch(writer, [unscored], [])
    writer.close()
    connection = store.connect(path, read_only=True)
    yield connection
    connection.close()


def _rollup_calls():
    return {
        "corpus_summary": lambda c, f, r: queries.corpus_summary(c, f, rollups=r),
        "outlet_counts": lambda c, f, r: queries.outlet_counts(c, f, rollups=r),
        "outlet_means": lambda c, f, r: queries.outlet_means(
            c, f, ("sentiment", "words", "framing_per_1k", "anonymous_share"), rollups=r
        ),
        "measure_moments": lambda c, f, r: queries.measure_moments(c, f, "sentiment", rollups=r),
        "headline_vs_body": lambda c, f, r: queries.headline_vs_body(c, f, rollups=r),
        "target_names": lambda c, f, r: queries.target_names(c, f, rollups=r),
        "target_matrix": lambda c, f, r: queries.target_matrix(c, f, rollups=r),
        "framing_rates": lambda c, f, r: queries.framing_rates(c, f, rollups=r),
        "attribution_summary": lambda c, f, r: queries.attribution_summary(c, f, rollups=r),
        "cue_classes": lambda c, f, r: queries.cue_classes(c, f, rollups=r),
        "top_sources": lambda c, f, r: queries.top_sources(c, f, 3, rollups=r),
        "measure_over_time week": lambda c, f, r: queries.measure_over_time(
            c, f, "sentiment", "week", 3, rollups=r
        ),
        "measure_over_time day": lambda c, f, r: queries.measure_over_time(
            c, f, "words", "day", 2, rollups=r
        ),
        "target_over_time": lambda c, f, r: queries.target_over_time(
            c, f, fx.TARGET, "month", rollups=r
        ),
    }


ROLLUP_FILTERS = {
    "none": Filters(),
    "two outlets": Filters(outlets=("Valley Voice", "Daily Ledger")),
    "section": Filters(sections=("Politics",)),
    "dates": Filters(start=date(2025, 1, 20), end=date(2025, 2, 28)),
    "one day": Filters(start=SPECS[0].published.date(), end=SPECS[0].published.date()),
    "all but search": Filters(
        outlets=("Harbor Times", "Northern Post"), sections=("World",), start=date(2025, 1, 10)
    ),
    "nothing": Filters(outlets=("No Such Outlet",)),
}


def _assert_same(got, want):
    if isinstance(want, dict):
        assert got == want
    else:
        pd.testing.assert_frame_equal(got, want, check_exact=False, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("filters", ROLLUP_FILTERS.values(), ids=ROLLUP_FILTERS.keys())
@pytest.mark.parametrize("name", list(_rollup_calls()))
def test_rollup_answers_equal_the_base_table_sql(edge_con, name, filters):
    call = _rollup_calls()[name]
    assert queries._use_rollups(edge_con, filters)
    assert not queries._use_rollups(edge_con, filters, rollups=False)
    _assert_same(call(edge_con, filters, True), call(edge_con, filters, False))


def test_a_text_search_reads_the_base_tables(con):
    assert queries._use_rollups(con, Filters())
    assert not queries._use_rollups(con, Filters(search="brutal"))


def test_outlet_means_give_n_and_mean_of_each_measure(con):
    frame = queries.outlet_means(con, Filters(), ("words", "sentiment")).set_index(
        ["outlet", "measure"]
    )
    ledger = by_outlet()["Daily Ledger"]
    assert frame.loc[("Daily Ledger", "words"), "n"] == len(ledger)
    assert frame.loc[("Daily Ledger", "sentiment"), "mean"] == pytest.approx(
        mean(s.sentiment for s in ledger)
    )


def test_measure_moments_give_n_mean_and_sample_sd_per_outlet(con):
    from statistics import stdev

    frame = queries.measure_moments(con, Filters(), "sentiment").set_index("outlet")
    ledger = [s.sentiment for s in by_outlet()["Daily Ledger"]]
    row = frame.loc["Daily Ledger"]
    assert row["n"] == len(ledger)
    assert row["mean"] == pytest.approx(mean(ledger))
    assert row["sd"] == pytest.approx(stdev(ledger))


def test_measure_values_can_leave_out_groups_larger_than_a_limit(con):
    sizes = {o: len(v) for o, v in by_outlet().items()}
    limit = min(sizes.values())
    frame = queries.measure_values(con, Filters(), "sentiment", max_group_n=limit)
    assert set(frame["outlet"]) == {o for o, n in sizes.items() if n <= limit}


def test_source_type_counts_hold_every_attribution_once_untyped_as_unknown(con):
    counts = queries.source_type_counts(con, Filters())
    total = queries.attribution_summary(con, Filters())["attributions"].sum()
    assert counts["n"].sum() == total
    assert set(counts["source_type"]) == {"unknown"}  # the fixture's rows carry no type


def test_attribution_kind_counts_group_the_stance_classes_as_speech(con):
    kinds = queries.attribution_kind_counts(con, Filters())
    assert set(kinds["kind"]) == {"speech"}
    assert kinds["n"].sum() == queries.attribution_summary(con, Filters())["attributions"].sum()


@pytest.fixture(scope="module")
def many_con(tmp_path_factory):
    path = tmp_path_factory.mktemp("many") / "many.duckdb"
    con = store.connect(fx.build_many_outlets_store(path, 40), read_only=True)
    yield con
    con.close()


def test_largest_outlets_keeps_the_outlets_with_most_articles_and_narrows_the_filters(many_con):
    selection = queries.largest_outlets(many_con, Filters(), limit=10)
    assert selection.total == 40 and selection.capped
    assert len(selection.shown) == 10
    assert {fx.many_outlet_name(i) for i in range(3)} <= set(selection.shown)  # 3 articles each
    assert selection.filters.outlets == selection.shown
    assert "10 outlets with the most articles, of the 40" in selection.note()


def test_largest_outlets_ranks_only_the_outlets_chosen_in_the_filters(many_con):
    chosen = tuple(fx.many_outlet_name(i) for i in range(2, 20))
    selection = queries.largest_outlets(many_con, Filters(outlets=chosen), limit=5)
    assert selection.total == 18
    assert set(selection.shown) <= set(chosen) and fx.many_outlet_name(2) in selection.shown


def test_largest_outlets_leaves_filters_alone_when_every_outlet_fits(many_con):
    filters = Filters(search="crackdown")
    selection = queries.largest_outlets(many_con, filters, limit=40)
    assert not selection.capped and selection.note() == ""
    assert selection.filters == filters and len(selection.shown) == 40
