"""Store reads for the comparison pages, and appends to the user's framing lexicon."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from analysis import store
from analysis.compare import comparison_reads, terms
from analysis.compare.comparison_reads import UserLexiconError, append_user_term
from analysis.compare.queries import Filters
from tests import fixture_stores as fixtures  # noqa: E402

SPECS = fixtures.FIXTURE_SPECS


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    path = fixtures.build_fixture_store(tmp_path_factory.mktemp("cmp") / "fixture.duckdb")
    connection = store.connect(path, read_only=True)
    yield connection
    connection.close()


# --------------------------------------------------------------------------- measures


def test_measure_names_list_scores_then_framing_categories_then_cue_classes(con):
    names = comparison_reads.measure_names(con)
    assert names[: len(store.SCORE_COLUMNS)] == list(store.SCORE_COLUMNS)
    assert names[len(store.SCORE_COLUMNS) :] == [
        "framing_conflict_per_1k",
        "framing_delegitimizing_per_1k",
        "cue_distancing_share",
        "cue_neutral_share",
    ]


def test_measure_frame_of_a_score_column_respects_the_filters(con):
    frame = comparison_reads.measure_frame(con, Filters(outlets=("Valley Voice",)), "sentiment")
    expected = {f"a{s.index:02d}": s.sentiment for s in SPECS if s.outlet == "Valley Voice"}
    assert dict(zip(frame["article_id"], frame["sentiment"], strict=True)) == expected


def test_measure_frame_of_a_rate_carries_matches_and_words_for_pooling(con):
    frame = comparison_reads.measure_frame(con, Filters(), "framing_per_1k").set_index("article_id")
    spec = SPECS[3]
    row = frame.loc["a03"]
    assert row["matches"] == sum(spec.framing.values())
    assert row["words"] == spec.words
    assert row["framing_per_1k"] == pytest.approx(row["matches"] / spec.words * 1000)


def test_framing_category_rate_is_zero_when_the_article_has_words_but_no_match(con):
    frame = comparison_reads.measure_frame(con, Filters(), "framing_delegitimizing_per_1k")
    frame = frame.set_index("article_id")
    assert len(frame) == 30
    for spec in SPECS:
        expected = spec.framing.get("delegitimizing", 0) / spec.words * 1000
        assert frame.loc[f"a{spec.index:02d}", "framing_delegitimizing_per_1k"] == pytest.approx(
            expected
        )


def test_cue_share_divides_by_the_articles_attributions(con):
    frame = comparison_reads.measure_frame(con, Filters(), "cue_distancing_share")
    frame = frame.set_index("article_id")
    for spec in SPECS:
        total = sum(spec.cue.values())
        assert frame.loc[f"a{spec.index:02d}", "cue_distancing_share"] == pytest.approx(
            spec.cue.get("distancing", 0) / total
        )


def test_measure_frame_can_be_limited_to_some_outlets(con):
    frame = comparison_reads.measure_frame(
        con, Filters(), "sentiment", outlets=["Daily Ledger", "Harbor Times"]
    )
    assert set(frame["outlet"]) == {"Daily Ledger", "Harbor Times"}
    assert comparison_reads.measure_frame(con, Filters(), "sentiment", outlets=[]).empty


def test_an_unknown_measure_is_refused_before_reaching_sql(con):
    with pytest.raises(ValueError, match="unknown measure"):
        comparison_reads.measure_frame(con, Filters(), "words; DROP TABLE articles")


def test_is_rate_knows_rates_from_shares():
    assert comparison_reads.is_rate("framing_per_1k")
    assert comparison_reads.is_rate("framing_conflict_per_1k")
    assert comparison_reads.is_rate("hedges_per_1k")
    assert not comparison_reads.is_rate("cue_neutral_share")
    assert not comparison_reads.is_rate("sentiment")


# --------------------------------------------------------------------------- texts


def test_article_texts_returns_title_and_text_of_the_filtered_articles(con):
    texts = comparison_reads.article_texts(
        con, Filters(start=date(2025, 2, 1), end=date(2025, 2, 28))
    )
    assert not texts.capped and texts.note() == ""
    expected = {
        f"a{s.index:02d}" for s in SPECS if s.published.date().isoformat().startswith("2025-02")
    }
    assert set(texts.frame["article_id"]) == expected
    row = texts.frame.set_index("article_id").loc["a12"]
    assert row["text"] == SPECS[12].text and row["title"] == SPECS[12].title
    assert list(texts.frame.columns) == ["article_id", "outlet", "published", "title", "text"]


def test_article_texts_keeps_the_most_recent_when_capped_and_says_so(con):
    texts = comparison_reads.article_texts(con, Filters(), cap=5)
    assert texts.capped and texts.total == 30 and len(texts.frame) == 5
    assert set(texts.frame["article_id"]) == {f"a{k:02d}" for k in range(25, 30)}
    assert "5 most recent of the 30" in texts.note()


@pytest.mark.parametrize(
    "term", ["crackdown", "restore order", "Kestrian government", "brutal", "regime", "absent"]
)
@pytest.mark.parametrize("outlets", [None, (fixtures.OUTLETS[0], fixtures.OUTLETS[3])])
def test_term_context_lines_searched_in_duckdb_equal_the_scan_of_every_text(con, term, outlets):
    filters = Filters(search="protests")
    texts = comparison_reads.article_texts(con, filters).frame
    if outlets is not None:
        texts = texts[texts["outlet"].isin(outlets)]
    expected = terms.term_contexts(texts, term, width=20, limit=7)
    found = comparison_reads.term_context_lines(con, filters, term, outlets, width=20, limit=7)
    assert found.equals(expected)


def test_term_context_lines_read_only_the_articles_holding_the_term(con, monkeypatch):
    scanned = []
    real = terms.term_contexts
    monkeypatch.setattr(
        terms,
        "term_contexts",
        lambda frame, *a, **k: scanned.append(len(frame)) or real(frame, *a, **k),
    )
    monkeypatch.setattr(comparison_reads, "CONTEXT_BATCH", 3)
    lines = comparison_reads.term_context_lines(con, Filters(), "brutal", limit=50)
    valley = sum(spec.outlet == "Valley Voice" for spec in SPECS)  # only its texts say "brutal"
    assert lines["article_id"].nunique() == valley
    assert sum(scanned) == valley and len(scanned) > 1  # in batches


def test_story_scores_and_evidence_cover_only_the_given_articles(con):
    scores = comparison_reads.story_scores(con, ("a01", "a02"))
    assert sorted(scores["article_id"]) == ["a01", "a02"]
    assert "sentiment" in scores and "lexicon_hash" not in scores
    evidence = comparison_reads.story_evidence(con, ["a03"])
    assert set(evidence["article_id"]) == {"a03"}
    assert set(evidence["kind"]) == {"framing", "attribution"}
    assert comparison_reads.story_evidence(con, []).empty


# --------------------------------------------------------------------------- user lexicon


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_my_lexicon_lives_beside_the_store_not_in_the_installed_package(tmp_path):
    from analysis.text.lexicons import DEFAULT_DIR

    where = comparison_reads.user_lexicon_path(tmp_path / "class" / "slant.duckdb")
    assert where == tmp_path / "class" / "lexicons" / "user_framing.csv"
    assert DEFAULT_DIR not in where.parents


def test_append_creates_the_file_with_a_header(tmp_path):
    target = tmp_path / "lex" / "user_framing.csv"
    done = append_user_term("Kyiv regime", "Legitimacy labels", "Delegitimises.", target)
    assert done.added and done.created
    assert target.read_text(encoding="utf-8").splitlines()[0] == "pattern,category,note"
    assert read_rows(target) == [
        {"pattern": "kyiv regime", "category": "legitimacy_labels", "note": "Delegitimises."}
    ]
    assert str(target) in done.message()


def test_append_never_duplicates_a_pattern(tmp_path):
    target = tmp_path / "user.csv"
    append_user_term("regime", "labels", "", target)
    again = append_user_term("  REGIME ", "other", "", target)
    assert not again.added
    assert "already" in again.message()
    assert [r["pattern"] for r in read_rows(target)] == ["regime"]


def test_append_to_a_file_without_a_final_newline_starts_a_new_row(tmp_path):
    target = tmp_path / "user.csv"
    target.write_text("pattern,category,note\nregime,labels,x", encoding="utf-8")
    append_user_term("junta", "labels", "y", target)
    assert [r["pattern"] for r in read_rows(target)] == ["regime", "junta"]


def test_a_new_file_can_start_as_a_copy_of_the_standard_lexicon(tmp_path):
    seed = tmp_path / "framing.csv"
    seed.write_text("pattern,category,note\nregime,labels,Loaded.\n", encoding="utf-8")
    target = tmp_path / "user.csv"
    append_user_term("junta", "labels", "", target, seed_from=seed)
    assert [r["pattern"] for r in read_rows(target)] == ["regime", "junta"]
    assert not append_user_term("regime", "labels", "", target, seed_from=seed).added


def test_notes_are_one_line_and_never_a_spreadsheet_formula(tmp_path):
    target = tmp_path / "user.csv"
    for k, prefix in enumerate(["=", "+", "-", "@", "\t", "\r", "\n"]):
        append_user_term(f"term{k}", "c", f"{prefix}cmd|' /C calc'!A0\nsecond line", target)
    for row in read_rows(target):
        assert not row["note"].startswith(("=", "+", "-", "@", "\t", "\r", "\n")), row
        assert "\n" not in row["note"]


@pytest.mark.parametrize("term", ["", "   ", "=HYPERLINK(x)", "<script>", "*", "a * "])
def test_a_term_that_is_not_a_pattern_is_refused_with_a_reason(tmp_path, term):
    with pytest.raises(UserLexiconError):
        append_user_term(term, "labels", "", tmp_path / "user.csv")


def test_an_empty_category_is_refused(tmp_path):
    with pytest.raises(UserLexiconError, match="category"):
        append_user_term("regime", " !! ", "", tmp_path / "user.csv")


def test_a_file_that_is_not_a_framing_lexicon_is_left_alone(tmp_path):
    target = tmp_path / "user.csv"
    target.write_text("cue,cue_class,note\nsaid,neutral,x\n", encoding="utf-8")
    with pytest.raises(UserLexiconError, match="pattern"):
        append_user_term("regime", "labels", "", target)
    assert target.read_text(encoding="utf-8") == "cue,cue_class,note\nsaid,neutral,x\n"


def test_the_appended_file_loads_as_a_framing_lexicon(tmp_path):
    from analysis.text.lexicons import load_framing

    target = tmp_path / "user.csv"
    append_user_term("kyiv regime", "legitimacy_labels", "Delegitimises, on purpose.", target)
    append_user_term("assassinat*", "violence", "", target)
    terms = load_framing(target)
    assert [(t.pattern, t.category) for t in terms] == [
        ("kyiv regime", "legitimacy_labels"),
        ("assassinat*", "violence"),
    ]
