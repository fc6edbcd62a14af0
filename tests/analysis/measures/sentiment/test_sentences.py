"""SentenceScorer scores sentences as vaderSentiment does, after folding curly quotes."""

from __future__ import annotations

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.measures.sentiment.sentences import SentenceScorer, summarize
from analysis.text import fold_quotes, split_sentences

VADER = SentimentIntensityAnalyzer()
SCORER = SentenceScorer()

ARTICLE = (
    "The ceasefire appeared to be holding on Saturday. Aid agencies welcomed the pause "
    "but warned that the crisis was far from over. \u201cWe are deeply grateful for the "
    "support,\u201d a UN spokesperson said. It isn\u2019t good enough, critics said!\n\n"
    "Nobody wins a war like this. Officials met on Tuesday. WHAT A GREAT DAY \U0001f601"
)


def vader_compound(sentence: str) -> float:
    return VADER.polarity_scores(fold_quotes(sentence))["compound"]


def test_compounds_are_vader_scores_of_the_folded_sentences():
    spans = split_sentences(ARTICLE)
    assert len(spans) == 7
    expected = [vader_compound(ARTICLE[a:b]) for a, b in spans]
    assert SCORER.compounds(ARTICLE, spans) == expected
    assert [SCORER.compound(ARTICLE[a:b]) for a, b in spans] == expected


def test_curly_apostrophe_negates_after_folding():
    # "isn’t" folds to "isn't", which negates "good".
    assert (
        SCORER.compound("It isn\u2019t good") == VADER.polarity_scores("It isn't good")["compound"]
    )
    assert SCORER.compound("It isn\u2019t good") < 0


def test_compounds_of_no_spans_is_empty():
    assert SCORER.compounds(ARTICLE, []) == []


@pytest.mark.parametrize(
    ("compounds", "expected"),
    [([], (None, None, None)), ([0.5, -0.5, 0.0, 0.6], (0.15, 0.25, 0.5))],
)
def test_summarize(compounds, expected):
    assert summarize(compounds) == expected


def test_a_sentence_scoring_exactly_at_a_threshold_counts_on_that_side():
    assert summarize([-0.05, 0.05, 0.0, -0.0499]) == (pytest.approx(-0.0499 / 4), 0.25, 0.25)
