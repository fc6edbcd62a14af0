import numpy as np
import pandas as pd
import pytest

from analysis.compare import terms

FILLER = (
    "officials met on monday to discuss the budget and the road programme "
    "while residents waited for news about the weather and the harvest"
).split()


def corpus(seed: int = 0, n: int = 30) -> pd.DataFrame:
    """Two outlets writing the same filler, each with one planted phrase of its own."""
    rng = np.random.default_rng(seed)
    rows = []
    for k in range(n):
        for outlet, planted in (("Herald", "puppet regime"), ("Wire", "elected government")):
            words = list(rng.choice(FILLER, 60))
            words[20:20] = planted.split()
            rows.append(
                {
                    "article_id": f"{outlet}-{k}",
                    "outlet": outlet,
                    "published": pd.Timestamp("2025-01-01") + pd.Timedelta(days=k),
                    "title": f"Report {k}",
                    "text": " ".join(words),
                }
            )
    return pd.DataFrame(rows)


def test_planted_phrase_tops_its_outlets_distinctive_terms():
    result = terms.distinctive_terms(corpus(), "Herald")
    top = result.head(3)["term"].tolist()
    assert "puppet regime" in top
    assert result.iloc[0]["side"] == "Herald"


def test_other_outlets_planted_phrase_leans_to_the_other_side():
    result = terms.distinctive_terms(corpus(), "Herald").set_index("term")
    assert result.loc["elected government", "z"] < -3
    assert result.loc["elected government", "side"] == "the rest"


def test_shared_filler_is_not_distinctive():
    result = terms.distinctive_terms(corpus(), "Herald").set_index("term")
    assert abs(result.loc["budget", "z"]) < 3


def test_counts_are_per_group_and_frequency_is_their_sum():
    result = terms.distinctive_terms(corpus(n=10), "Herald").set_index("term")
    row = result.loc["puppet regime"]
    assert (row.count_a, row.count_b, row.frequency) == (10, 0, 10)


def test_z_matches_the_fightin_words_formula():
    frame = pd.DataFrame(
        {
            "outlet": ["A", "B"],
            "text": ["alpha alpha alpha beta", "beta beta gamma alpha"],
        }
    )
    result = terms.distinctive_terms(frame, "A", min_df=1, ngram_range=(1, 1))
    result = result.set_index("term")
    # Prior = corpus counts: alpha 4, beta 3, gamma 1 (a_0 = 8); n_a = n_b = 4.
    y_a, y_b, a_w, a_0, n = 3, 1, 4, 8, 4
    delta = np.log((y_a + a_w) / (n + a_0 - y_a - a_w)) - np.log(
        (y_b + a_w) / (n + a_0 - y_b - a_w)
    )
    z = delta / np.sqrt(1 / (y_a + a_w) + 1 / (y_b + a_w))
    assert result.loc["alpha", "delta"] == pytest.approx(delta)
    assert result.loc["alpha", "z"] == pytest.approx(z)


def test_group_can_be_compared_with_another_group_rather_than_the_rest():
    frame = corpus(n=10)
    third = frame[frame.outlet == "Wire"].assign(
        outlet="Gazette", article_id=lambda f: "G" + f.article_id
    )
    frame = pd.concat([frame, third], ignore_index=True)
    result = terms.distinctive_terms(frame, "Herald", "Wire").set_index("term")
    assert result.loc["puppet regime", "count_b"] == 0
    assert result.loc["elected government", "count_b"] == 10
    assert result.loc["elected government", "side"] == "Wire"


def test_several_outlets_can_form_one_side():
    frame = corpus(n=10)
    result = terms.distinctive_terms(frame, ["Herald", "Wire"], min_df=1)
    assert result.empty  # nothing is left to compare against


def test_phrases_made_of_stop_words_or_edged_by_them_are_dropped():
    frame = pd.DataFrame(
        {"outlet": ["A", "B"] * 3, "text": ["breach of the sovereignty of the state"] * 6}
    )
    found = set(terms.distinctive_terms(frame, "A", min_df=1)["term"])
    assert "of the" not in found and "sovereignty of" not in found
    assert "breach" in found and "sovereignty" in found


def test_no_phrase_spans_the_title_and_the_body_or_two_sentences():
    frame = pd.DataFrame(
        {
            "outlet": ["A", "B"] * 2,
            "title": ["Talks in Varn 2025"] * 4,
            "text": ["Border guards waited. Farmers protested; prices rose: wheat fell."] * 4,
        }
    )
    found = set(terms.distinctive_terms(frame, "A", min_df=1)["term"])
    assert {"border guards", "farmers protested", "talks in varn", "varn 2025"} <= found
    assert not found & {"2025 border", "waited farmers", "protested prices", "rose wheat"}


def test_a_decimal_point_is_no_sentence_end():
    frame = pd.DataFrame({"outlet": ["A", "B"], "text": ["Prices rose 3.5 percent overnight."] * 2})
    found = set(terms.distinctive_terms(frame, "A", min_df=1)["term"])
    assert "3 5 percent" in found


def test_every_counted_term_is_one_worth_showing():
    matrix, found = terms.term_counts(corpus(n=5), min_df=1)
    assert len(found) and all(terms._keep_term(t) for t in found)
    assert "puppet regime" in found and "the budget" not in found


def test_curly_apostrophes_and_hyphens_stay_inside_one_term():
    frame = pd.DataFrame(
        {"outlet": ["A", "B"], "text": ["Kestria\u2019s US-led coalition", "Kestria's US-led push"]}
    )
    found = set(terms.distinctive_terms(frame, "A", min_df=1)["term"])
    assert "kestria's" in found and "us-led" in found
    assert "kestria\u2019s" not in found


def test_limit_keeps_the_strongest_terms_of_each_side():
    result = terms.distinctive_terms(corpus(), "Herald", limit=2)
    assert (result.side == "Herald").sum() == 2
    assert (result.side == "the rest").sum() == 2


def test_in_lexicon_marks_terms_a_pattern_matches_inside():
    flags = terms.in_lexicon(
        ["puppet regime", "elected government", "assassination plot"],
        ["regime", "assassinat*", "breach* of * sovereignty"],
    )
    assert flags.tolist() == [True, False, True]


def test_in_lexicon_accepts_a_callable():
    flags = terms.in_lexicon(["a", "bb"], lambda term: len(term) > 1)
    assert flags.tolist() == [False, True]


def test_term_contexts_show_each_occurrence_with_its_surroundings():
    frame = pd.DataFrame(
        {
            "article_id": ["1", "2"],
            "outlet": ["A", "B"],
            "published": pd.to_datetime(["2025-01-02", "2025-01-01"]),
            "title": ["Puppet Regime falls", "Nothing"],
            "text": ["They called it a puppet\nregime, again.", "No match in anti-regime text."],
        }
    )
    rows = terms.term_contexts(frame, "puppet regime", width=10)
    assert rows[["article_id", "field", "match"]].values.tolist() == [
        ["1", "title", "Puppet Regime"],
        ["1", "text", "puppet\nregime"],
    ]
    assert rows.iloc[1]["left"] == "lled it a "
    assert rows.iloc[1]["right"] == ", again."


def test_term_contexts_respect_word_boundaries_and_curly_apostrophes():
    frame = pd.DataFrame(
        {
            "article_id": ["1"],
            "outlet": ["A"],
            "published": [pd.Timestamp("2025-01-01")],
            "title": [""],
            "text": ["The regimes and anti-regime groups; Kestria\u2019s regime."],
        }
    )
    text = frame.loc[0, "text"]
    assert terms.term_contexts(frame, "regime")["start"].tolist() == [text.rindex("regime")]
    assert terms.term_contexts(frame, "kestria's")["match"].tolist() == ["Kestria\u2019s"]


def test_term_contexts_stop_at_the_limit_in_date_order():
    frame = corpus(n=5)
    rows = terms.term_contexts(frame, "puppet regime", limit=3)
    assert len(rows) == 3
    assert rows["published"].is_monotonic_increasing


def self_naming_corpus() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "outlet": ["Fox News"] * 3 + ["The Daily Clarion"] * 3,
            "text": [
                "Donald J. Trump told Fox News the border plan would pass.",
                "Fox News reported that Donald J. Trump backed the border plan.",
                "A Fox News host asked about the border plan.",
                "The Daily Clarion learned the senate vote on the budget was delayed.",
                "Senators told the Daily Clarion the budget vote would slip.",
                "The budget vote, the Clarion said, was a test for the senate.",
            ],
        }
    )


def test_outlet_self_names_their_parts_and_one_letter_words_are_left_out_by_default():
    found = set(terms.distinctive_terms(self_naming_corpus(), "Fox News")["term"])
    assert {"border plan", "budget vote"} <= found
    assert not {"fox", "fox news", "fox news host", "news", "clarion", "daily clarion", "j"} & found


def test_the_switch_keeps_self_names_and_single_letters():
    found = set(
        terms.distinctive_terms(self_naming_corpus(), "Fox News", drop_self_names=False)["term"]
    )
    assert {"fox news", "fox", "j"} <= found


def test_a_and_i_inside_a_phrase_are_words_not_initials():
    assert not terms.self_name_filter(["Fox News"])("deployment a threat")
