"""Validity: Slant recovers the house styles the sample corpus was designed with.

data/sample/README.md states each fictional outlet's designed style; if these
tests fail, either a measure broke or the corpus no longer shows what it claims.
"""

import pandas as pd
import pytest

from analysis.compare.stats import pairwise
from analysis.compare.stories import adjusted_rand_index, cluster_stories, purity
from analysis.compare.terms import distinctive_terms
from analysis.report.tables import tables_for_results

STATE = "Ostrel Broadcast"
WIRE = "Continental Wire"
TABLOID = "The Daily Clarion"
OPINION = "Frontline Review"


@pytest.fixture(scope="module")
def scored(analyzer, lexicons, sample_articles):
    results = [analyzer.analyze(a) for a in sample_articles]
    wide, _, _ = tables_for_results(
        sample_articles, results, lexicons.framing_categories, lexicons.cue_classes
    )
    return wide.to_pandas()


@pytest.fixture(scope="module")
def texts(sample_articles):
    return pd.DataFrame(
        [
            {
                "article_id": a.article_id,
                "outlet": a.outlet,
                "title": a.title,
                "text": a.text,
                "published": a.published,
                "event_id": a.event_id,
            }
            for a in sample_articles
        ]
    )


def highest(frame, measure):
    return frame.groupby("outlet")[measure].mean().idxmax()


def lowest(frame, measure):
    return frame.groupby("outlet")[measure].mean().idxmin()


def test_the_state_broadcaster_has_the_most_sovereignty_and_occupation_framing(scored):
    assert highest(scored, "framing_sovereignty_occupation_per_1k") == STATE


def test_the_state_broadcaster_differs_from_the_wire_after_correction(scored):
    table = pairwise(scored, "framing_sovereignty_occupation_per_1k", n_perm=2000, n_boot=500)
    pair = table[table.group_a.isin([STATE, WIRE]) & table.group_b.isin([STATE, WIRE])].iloc[0]
    assert pair["significant"] and pair["p_adjusted"] < 0.05


def test_the_tabloid_has_the_highest_emotive_cue_share(scored):
    assert highest(scored, "cue_emotive_share") == TABLOID


def test_the_tabloid_relies_most_on_anonymous_sources(scored):
    assert highest(scored, "anonymous_share") == TABLOID


def test_the_wire_service_has_the_lowest_anonymous_share(scored):
    assert lowest(scored, "anonymous_share") == WIRE


def test_the_opinion_site_hedges_the_most(scored):
    assert highest(scored, "hedges_per_1k") == OPINION


def test_the_state_broadcasters_distinctive_terms_include_its_house_vocabulary(texts):
    top = distinctive_terms(texts, STATE, limit=20)
    top_terms = set(top.loc[top["side"] == STATE, "term"].head(20))
    house = {"occupation", "occupying forces", "regime", "sovereignty", "martyrs", "assassination"}
    assert len(top_terms & house) >= 3, top_terms


def test_story_clustering_recovers_the_sample_events(texts):
    stories = cluster_stories(texts)
    assert adjusted_rand_index(texts["event_id"], stories["story_id"]) >= 0.8
    assert purity(texts["event_id"], stories["story_id"]) >= 0.8
