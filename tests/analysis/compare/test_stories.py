from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.cli.stories import run_stories
from analysis.compare import stories
from tests.fixtures.economy_corpus import articles as economy_articles


@pytest.fixture(scope="module")
def economy() -> pd.DataFrame:
    return pd.DataFrame(economy_articles()).rename(columns={"id": "article_id"})


@pytest.fixture(scope="module")
def economy_stories(economy) -> pd.DataFrame:
    return stories.cluster_stories(economy)


def article(article_id, outlet, published, title, text):
    return {
        "article_id": article_id,
        "outlet": outlet,
        "published": pd.Timestamp(published),
        "title": title,
        "text": text,
    }


def test_economy_corpus_stories_match_its_events(economy, economy_stories):
    assert stories.adjusted_rand_index(economy["event_id"], economy_stories["story_id"]) >= 0.8
    assert stories.purity(economy["event_id"], economy_stories["story_id"]) >= 0.9


def test_every_article_gets_one_story_in_input_order(economy, economy_stories):
    assert economy_stories.columns.tolist() == stories.STORY_COLUMNS
    assert economy_stories["article_id"].tolist() == economy["article_id"].tolist()


def test_story_ids_are_numbered_by_date(economy_stories):
    firsts = economy_stories.groupby("story_id")["story_date"].min().sort_index()
    assert firsts.is_monotonic_increasing
    assert firsts.index[0] == "S0001"


def test_story_date_is_the_earliest_publication_day(economy, economy_stories):
    merged = economy_stories.merge(economy[["article_id", "published"]], on="article_id")
    earliest = pd.to_datetime(merged["published"], utc=True).dt.tz_localize(None)
    earliest = earliest.groupby(merged["story_id"]).min().dt.normalize()
    assert (merged.groupby("story_id")["story_date"].first() == earliest).all()


def test_story_label_names_the_event_in_a_few_terms(economy, economy_stories):
    merged = economy_stories.merge(economy[["article_id", "event_id"]], on="article_id")
    label = merged.loc[merged.event_id == "port-strike", "story_label"].iloc[0]
    terms = label.split(", ")
    assert 1 <= len(terms) <= 4
    assert {"kessel", "port", "brek", "dockworkers", "harbour"} & set(terms)
    assert not any(t.replace(" ", "").isdigit() for t in terms)


def test_articles_far_apart_in_time_are_not_one_story():
    text = "Nordbank agrees to buy Coastal Savings in a deal worth 3.1 billion crowns."
    frame = pd.DataFrame(
        [
            article("a", "Herald", "2025-03-01", "Nordbank deal", text),
            article("b", "Wire", "2025-03-02", "Nordbank deal", text),
            article("c", "Herald", "2025-04-20", "Nordbank deal", text),
        ]
    )
    result = stories.cluster_stories(frame, window_days=3)
    ids = result["story_id"].tolist()
    assert ids[0] == ids[1] != ids[2]


def test_unrelated_articles_on_the_same_day_stay_apart():
    frame = pd.DataFrame(
        [
            article("a", "Herald", "2025-03-01", "Dockers strike", "Dockworkers at Kessel strike."),
            article("b", "Wire", "2025-03-01", "Kessel strike", "Kessel dockworkers strike."),
            article("c", "Herald", "2025-03-01", "Harvest aid", "Farmers get drought aid."),
        ]
    )
    ids = stories.cluster_stories(frame)["story_id"].tolist()
    assert ids[0] == ids[1] != ids[2]


def test_undated_articles_are_still_clustered():
    frame = pd.DataFrame(
        [
            article("a", "Herald", None, "Dockers strike", "Dockworkers at Kessel strike."),
            article("b", "Wire", "2025-03-01", "Kessel strike", "Kessel dockworkers strike."),
        ]
    )
    result = stories.cluster_stories(frame)
    assert result["story_id"].nunique() == 1


def test_a_higher_threshold_never_makes_fewer_stories(economy):
    counts = [
        stories.cluster_stories(economy, threshold=t)["story_id"].nunique()
        for t in (0.05, 0.12, 0.3, 0.6)
    ]
    assert counts == sorted(counts)


def test_average_linkage_does_not_chain_through_one_bridging_article():
    # a-b and c-d are tight pairs; x is a little similar to b and to c only.
    ids = {"a": 0, "b": 1, "x": 2, "c": 3, "d": 4}
    edges = [("a", "b", 0.9), ("c", "d", 0.9), ("b", "x", 0.3), ("x", "c", 0.3)]
    i = [ids[p] for p, _, _ in edges]
    j = [ids[q] for _, q, _ in edges]
    labels = stories.average_linkage(
        5, np.array(i), np.array(j), np.array([s for *_, s in edges]), 0.25
    )
    assert labels[0] == labels[1] and labels[3] == labels[4]
    assert labels[1] != labels[3]


def test_empty_frame_gives_an_empty_story_table():
    empty = pd.DataFrame(columns=["article_id", "outlet", "published", "title", "text"])
    assert stories.cluster_stories(empty).columns.tolist() == stories.STORY_COLUMNS


def test_story_table_ranks_by_coverage_and_names_blind_spots(economy, economy_stories):
    table = stories.story_table(economy, economy_stories)
    assert table["outlets_covering"].is_monotonic_decreasing
    everyone = sorted(economy["outlet"].unique())
    for row in table.itertuples():
        assert sorted(row.covering + row.missing) == everyone
    merged = economy_stories.merge(economy[["article_id", "event_id"]], on="article_id")
    merger = merged.loc[merged.event_id == "bank-merger", "story_id"].iloc[0]
    row = table.set_index("story_id").loc[merger]
    assert row["missing"] == ["People's Voice", "The Sentinel"]
    assert row["articles"] == 4


def test_side_by_side_shows_each_outlets_version_of_a_story(economy, economy_stories):
    merged = economy_stories.merge(economy[["article_id", "event_id"]], on="article_id")
    story_id = merged.loc[merged.event_id == "budget", "story_id"].iloc[0]
    ids = merged.loc[merged.story_id == story_id, "article_id"].tolist()
    scores = pd.DataFrame({"article_id": ids, "sentiment": 0.1, "framing_per_1k": 2.0})
    evidence = pd.DataFrame(
        [
            {"article_id": ids[0], "field": "text", "kind": "framing", "start": 5, "text": "gift"},
            {
                "article_id": ids[0], "field": "text", "kind": "attribution", "start": 9,
                "source": "Olaf Strand", "anonymous": False, "cue": "told",
            },
            {
                "article_id": ids[0], "field": "text", "kind": "attribution", "start": 20,
                "source": "officials", "anonymous": True, "cue": "said",
            },
        ]
    )  # fmt: skip
    view = stories.side_by_side(economy, scores, evidence, story_id, stories=economy_stories)
    assert len(view) == 5 and view["outlet"].is_unique
    first = view.set_index("article_id").loc[ids[0]]
    assert first["framing_terms"] == ["gift"]
    assert first["named_sources"] == ["Olaf Strand"]
    assert first["anonymous_sources"] == ["officials"]
    assert first["cue_verbs"] == ["told", "said"]
    assert view["sentiment"].tolist() == [0.1] * 5


def test_side_by_side_lists_terms_only_one_version_uses(economy, economy_stories):
    merged = economy_stories.merge(economy[["article_id", "event_id"]], on="article_id")
    story_id = merged.loc[merged.event_id == "budget", "story_id"].iloc[0]
    view = stories.side_by_side(economy, None, None, story_id, stories=economy_stories)
    voice = view.set_index("outlet").loc["People's Voice", "own_terms"]
    assert any("working families" in t or "real wages" in t or "unions" in t for t in voice)
    for row in view.itertuples():
        others = " ".join(
            (r.headline + " " + economy.set_index("article_id").loc[r.article_id, "text"]).lower()
            for r in view.itertuples()
            if r.article_id != row.article_id
        )
        assert all(f" {t} " not in f" {others} " for t in row.own_terms if " " not in t)


def test_purity_and_ari_of_a_perfect_clustering_are_one():
    truth = ["a", "a", "b", "b"]
    assert stories.adjusted_rand_index(truth, [1, 1, 2, 2]) == 1.0
    assert stories.purity(truth, [1, 1, 2, 2]) == 1.0
    assert stories.purity(truth, [1, 1, 1, 1]) == 0.5


def test_stories_cli_writes_a_story_for_every_stored_article(tmp_path: Path, economy):
    from analysis import store
    from analysis.ingest.articles import make_article

    db = tmp_path / "slant.duckdb"
    con = store.connect(db)
    records = [
        make_article(
            outlet=r["outlet"], text=r["text"], title=r["title"], published=r["published"],
            url=r["url"], event_id=r["event_id"],
        )
        for r in economy_articles()
    ]  # fmt: skip
    store.write_batch(con, records, [])
    con.close()
    out = tmp_path / "stories.csv"
    assert run_stories(db, out, threshold=0.12, window_days=3) == 0
    written = pd.read_csv(out)
    assert written.columns.tolist() == stories.STORY_COLUMNS
    assert sorted(written["article_id"]) == sorted(r.article_id for r in records)
    assert written["story_id"].nunique() == 10
    assert written["story_date"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()


def test_stories_cli_names_a_missing_store(tmp_path: Path, capsys):
    assert run_stories(tmp_path / "none.duckdb", tmp_path / "out.csv", 0.12, 3) == 2
    assert "none.duckdb" in capsys.readouterr().err


def _same_topic(n: int, published) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": [f"a{k}" for k in range(n)],
            "title": ["Budget vote in the assembly"] * n,
            "text": [f"The assembly voted on the budget today, item {k}." for k in range(n)],
            "published": [published] * n,
        }
    )


@pytest.mark.parametrize(
    "published", [pd.Timestamp("2026-01-05"), None], ids=["one-day", "undated"]
)
def test_each_article_keeps_a_bounded_number_of_neighbours(published):
    # Issue 17: every pair of one day's (or undated) articles was kept, so memory grew
    # with articles²: 5,000 of one day took 5.1 GB. Now each keeps at most `neighbours`.
    frame = _same_topic(120, published)
    matrix, _terms = stories.vectorize(frame)
    i, j, _sims = stories.similarity_edges(
        matrix, stories._days(frame), window_days=3.0, floor=0.01, neighbours=5
    )
    assert len(i) <= 120 * 5
    assert len(set(zip(i.tolist(), j.tolist(), strict=True))) == len(i)


def test_a_story_of_more_articles_than_neighbours_is_still_one_story():
    frame = _same_topic(120, pd.Timestamp("2026-01-05"))
    found = stories.cluster_stories(frame)
    assert found["story_id"].nunique() == 1
