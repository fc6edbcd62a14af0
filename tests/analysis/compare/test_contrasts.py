from pathlib import Path

import pandas as pd
import pytest

from analysis.compare import contrasts
from analysis.text.lexicons import LexiconError

CONTRASTS = pd.DataFrame(
    [
        ("killing", "assassination", "assassinat*", ""),
        ("killing", "strike", "strike", ""),
        ("killing", "strike", "drone strike*", ""),
        ("killing", "killing", "killed", ""),
        ("government", "regime", "regime", ""),
        ("government", "government", "government", ""),
        ("sovereignty", "breach", "breach* of * sovereignty", ""),
    ],
    columns=["group", "alternative", "pattern", "note"],
)


@pytest.fixture
def articles() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": ["o1", "o2", "w1"],
            "outlet": ["Ostrel", "Ostrel", "Wire"],
            "published": pd.to_datetime(["2026-01-08", "2026-01-09", "2026-01-08"]),
            "title": [
                "Alliance assassinates commander",
                "Regime silent",
                "Drone strike kills commander",
            ],
            "text": [
                "The assassination was a breach of the Arab country\u2019s sovereignty, the regime said.",
                "The regime and the Regime's allies. Assassinations continue.",
                "A drone strike killed the commander. The government said the strike was lawful.",
            ],
        }
    )


def test_each_outlet_gets_counts_per_alternative(articles):
    table = contrasts.contrast_table(articles, CONTRASTS).set_index(["group", "alternative"])
    assert table.loc[("Ostrel", "assassination"), "count"] == 3
    # "Regime's" is its own token; the bundled file lists "regime's" as a separate row.
    assert table.loc[("Ostrel", "regime"), "count"] == 3
    assert table.loc[("Wire", "strike"), "count"] == 3
    assert table.loc[("Wire", "killing"), "count"] == 1
    assert table.loc[("Wire", "government"), "count"] == 1


def test_rows_sharing_an_alternative_are_counted_together(articles):
    table = contrasts.contrast_table(articles, CONTRASTS)
    wire = table[(table.group == "Wire") & (table.contrast_group == "killing")]
    assert wire["alternative"].tolist() == ["assassination", "strike", "killing"]


def test_longest_match_wins_where_patterns_overlap(articles):
    matches = contrasts.contrast_matches(articles[articles.article_id == "w1"], CONTRASTS)
    strikes = matches[matches.alternative == "strike"]
    assert strikes["text"].tolist() == ["Drone strike", "drone strike", "strike"]


def test_share_is_within_the_contrast_group_for_that_outlet(articles):
    table = contrasts.contrast_table(articles, CONTRASTS).set_index(["group", "alternative"])
    assert table.loc[("Wire", "strike"), "share"] == pytest.approx(3 / 4)
    assert table.loc[("Wire", "killing"), "share"] == pytest.approx(1 / 4)
    assert table.loc[("Ostrel", "regime"), "share"] == 1.0


def test_outlet_that_uses_no_alternative_of_a_group_has_zero_counts_and_no_share(articles):
    table = contrasts.contrast_table(articles, CONTRASTS).set_index(["group", "alternative"])
    assert table.loc[("Wire", "breach"), "count"] == 0
    assert pd.isna(table.loc[("Wire", "breach"), "share"])


def test_articles_counts_distinct_articles_not_matches(articles):
    table = contrasts.contrast_table(articles, CONTRASTS).set_index(["group", "alternative"])
    assert table.loc[("Ostrel", "assassination"), "articles"] == 2
    assert table.loc[("Ostrel", "regime"), "articles"] == 2


def test_gap_pattern_matches_up_to_four_words_and_curly_apostrophes(articles):
    matches = contrasts.contrast_matches(articles, CONTRASTS)
    breach = matches[matches.alternative == "breach"]
    assert breach["text"].tolist() == ["breach of the Arab country\u2019s sovereignty"]


def test_every_match_points_at_its_text(articles):
    matches = contrasts.contrast_matches(articles, CONTRASTS)
    by_id = articles.set_index("article_id")
    for row in matches.itertuples():
        assert by_id.loc[row.article_id, row.field][row.start : row.end] == row.text


def test_table_can_group_by_another_column(articles):
    articles = articles.assign(bloc=["state", "state", "wire"])
    table = contrasts.contrast_table(articles, CONTRASTS, group="bloc")
    assert sorted(table["group"].unique()) == ["state", "wire"]


def test_contexts_show_the_words_around_each_match(articles):
    rows = contrasts.contrast_contexts(articles, CONTRASTS, "government", "regime", width=12)
    assert rows["article_id"].tolist() == ["o1", "o2", "o2"]
    first = rows.iloc[0]
    assert (first["field"], first["left"], first["match"]) == ("text", "eignty, the ", "regime")
    assert rows.iloc[1]["field"] == "title"


def test_contexts_stop_at_the_limit(articles):
    assert len(contrasts.contrast_contexts(articles, CONTRASTS, limit=2)) == 2


def test_load_contrasts_reads_the_csv(tmp_path: Path):
    path = tmp_path / "contrasts.csv"
    path.write_text(
        "group,alternative,pattern,note\nwar,invasion,invasion,plain\n", encoding="utf-8"
    )
    assert contrasts.load_contrasts(path).to_dict("records") == [
        {
            "group": "war",
            "alternative": "invasion",
            "pattern": "invasion",
            "note": "plain",
            "context": "",
        }
    ]


def test_load_contrasts_names_the_line_of_a_bad_pattern(tmp_path: Path):
    path = tmp_path / "contrasts.csv"
    path.write_text("group,alternative,pattern,note\nwar,invasion,* invasion,\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"contrasts.csv, line 2: .*start and end with a word"):
        contrasts.load_contrasts(path)


def test_load_contrasts_names_a_missing_column(tmp_path: Path):
    path = tmp_path / "contrasts.csv"
    path.write_text("group,pattern\nwar,invasion\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="missing column alternative"):
        contrasts.load_contrasts(path)


def test_bundled_contrasts_file_loads():
    table = contrasts.load_contrasts()
    assert {"group", "alternative", "pattern"} <= set(table.columns) and len(table) > 0


CONTEXT = pd.DataFrame(
    [
        ("killing", "killing", "killed", "", "commander*|general"),
        ("killing", "strike", "strike", "", "commander*|general"),
        ("label", "regime", "regime", "", ""),
    ],
    columns=["group", "alternative", "pattern", "note", "context"],
)


def context_articles(*texts: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(len(texts))],
            "outlet": ["O"] * len(texts),
            "title": [""] * len(texts),
            "text": list(texts),
        }
    )


def test_a_wording_with_a_context_counts_only_near_a_context_word():
    frame = context_articles(
        "A drone strike on Tuesday killed the commander of the brigade.",
        "Two people were killed in a car crash. Workers went on strike.",
    )
    matches = contrasts.contrast_matches(frame, CONTEXT)
    assert sorted(matches["text"]) == ["killed", "strike"]
    assert set(matches["article_id"]) == {"a0"}


def test_a_context_word_too_far_away_does_not_count():
    frame = context_articles(
        "The general spoke on Monday about many things for an hour, and later two were killed."
    )
    assert contrasts.contrast_matches(frame, CONTEXT).empty


def test_a_wording_without_a_context_counts_everywhere():
    frame = context_articles("The regime met the press.")
    assert contrasts.contrast_matches(frame, CONTEXT)["text"].tolist() == ["regime"]


def test_a_context_pattern_that_does_not_compile_is_reported_with_its_line(tmp_path):
    path = tmp_path / "contrasts.csv"
    path.write_text(
        "group,alternative,pattern,note,context\nk,killing,killed,n,commander|* of\n",
        encoding="utf-8",
    )
    with pytest.raises(LexiconError, match=r"contrasts.csv, line 2: '\* of'"):
        contrasts.load_contrasts(path)
