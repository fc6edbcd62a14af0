"""Bias types per outlet: rates with intervals, in the outlet's own voice by default."""

import pytest

from analysis import store
from analysis.compare import bias_types
from analysis.compare.queries import Filters
from analysis.ingest.articles import make_article
from analysis.text.lexicons import load_lexicons

OWN = "The senator slammed the plan on Monday. Voters met in the hall."
QUOTED = 'The senator said: "They slammed the plan." Voters met in the hall.'
PLAIN = "The senator spoke about the plan on Monday. Voters met in the hall."


@pytest.fixture
def con(tmp_path, analyzer):
    con = store.connect(tmp_path / "s.duckdb")
    batch = (
        [make_article(outlet="Spin Daily", title=f"Story {i}", text=OWN) for i in range(3)]
        + [make_article(outlet="Quote Post", title=f"Story {i}", text=QUOTED) for i in range(2)]
        + [make_article(outlet="Quote Post", title="Story 9", text=PLAIN)]
    )
    store.write_batch(con, batch, [analyzer.analyze(a) for a in batch])
    yield con
    con.close()


def spin(frame):
    return frame[frame["bias_type"] == "spin"].set_index("outlet")


def test_an_outlets_rate_is_its_mean_per_article_rate(con):
    rates = spin(bias_types.type_estimates(con, Filters(), own_voice=True))
    assert rates.loc["Spin Daily", "estimate"] == pytest.approx(1000 / 12)
    assert rates.loc["Spin Daily", "n"] == 3


def test_own_voice_leaves_out_quoted_words_and_the_switch_counts_them(con):
    own = spin(bias_types.type_estimates(con, Filters(), own_voice=True))
    every = spin(bias_types.type_estimates(con, Filters(), own_voice=False))
    assert own.loc["Quote Post", "estimate"] == 0
    assert every.loc["Quote Post", "estimate"] > 0


def test_types_that_are_not_words_come_from_their_measures(con):
    estimates = bias_types.type_estimates(con, Filters())
    assert {"negativity", "omission_of_source_attribution"} <= set(estimates["bias_type"])


def test_examples_are_sentences_from_different_articles_with_the_term_marked(con):
    examples = bias_types.type_examples(con, Filters(), "spin", own_voice=False)
    assert len(examples) == 3 and examples["article_id"].is_unique
    for row in examples.itertuples():
        assert row.sentence[row.term_start : row.term_end] == row.term == "slammed"


def test_own_voice_examples_leave_out_quotes(con):
    examples = bias_types.type_examples(con, Filters(), "spin", own_voice=True)
    assert set(examples["outlet"]) == {"Spin Daily"}


def test_every_word_type_is_a_category_of_the_shipped_lexicon():
    shipped = set(load_lexicons().bias_types)
    assert {t.key for t in bias_types.BIAS_TYPES if t.words} == shipped


def test_every_type_has_a_definition_an_exercise_and_a_method():
    for bias_type in bias_types.BIAS_TYPES:
        assert bias_type.definition and bias_type.exercise and bias_type.how, bias_type.key


def test_unsubstantiated_claims_are_a_rate_with_examples(tmp_path, analyzer):
    con = store.connect(tmp_path / "claims.duckdb")
    batch = [
        make_article(outlet="Verdict Times", title=f"T{i}", text="The plan failed to pass.")
        for i in range(2)
    ] + [make_article(outlet="Plain News", title="T", text="The plan did not pass.")]
    store.write_batch(con, batch, [analyzer.analyze(a) for a in batch])
    rates = bias_types.type_estimates(con, Filters())
    claims = rates[rates["bias_type"] == "unsubstantiated_claims"].set_index("outlet")
    assert claims.loc["Verdict Times", "estimate"] == pytest.approx(1000 / 5)
    assert claims.loc["Plain News", "estimate"] == 0
    examples = bias_types.type_examples(con, Filters(), "unsubstantiated_claims", kind="claim")
    assert set(examples["term"]) == {"failed to"}
    con.close()


def test_mind_reading_is_the_rate_of_belief_attributions_with_examples(tmp_path, analyzer):
    con = store.connect(tmp_path / "beliefs.duckdb")
    text = "The minister believes the plan will fail. Voters met in the hall."
    batch = [make_article(outlet="Mind Post", title=f"T{i}", text=text) for i in range(2)] + [
        make_article(outlet="Plain News", title="T", text=PLAIN)
    ]
    store.write_batch(con, batch, [analyzer.analyze(a) for a in batch])
    rates = bias_types.type_estimates(con, Filters())
    minds = rates[rates["bias_type"] == "mind_reading"].set_index("outlet")
    assert minds.loc["Mind Post", "estimate"] == pytest.approx(1000 / 12)
    assert minds.loc["Plain News", "estimate"] == 0
    examples = bias_types.type_examples(con, Filters(), "belief", kind="attribution")
    assert len(examples) == 2 and examples["term"].str.contains("believes").all()
    con.close()
