import math

import numpy as np
import pandas as pd
import pytest

from analysis.compare import stats


def two_outlets(shift: float, n: int = 40, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "outlet": ["Alpha"] * n + ["Beta"] * n,
            "sentiment": np.r_[rng.normal(0.0, 0.2, n), rng.normal(shift, 0.2, n)],
        }
    )


# ---------------------------------------------------------------- group_estimates


def test_group_estimates_is_the_mean_of_each_groups_articles():
    frame = pd.DataFrame({"outlet": ["A", "A", "A", "B", "B"], "x": [1.0, 2.0, 3.0, 10.0, 20.0]})
    result = stats.group_estimates(frame, "x", n_boot=200)
    assert result["group"].tolist() == ["A", "B"]
    assert result["estimate"].tolist() == [2.0, 15.0]
    assert result["n"].tolist() == [3, 2]


def test_group_estimates_drops_missing_values_and_counts_only_articles_with_a_value():
    frame = pd.DataFrame({"outlet": ["A", "A", "A"], "x": [1.0, np.nan, 3.0]})
    result = stats.group_estimates(frame, "x", n_boot=200)
    assert result.loc[0, "n"] == 2
    assert result.loc[0, "estimate"] == 2.0


def test_group_with_a_single_article_gets_no_interval():
    frame = pd.DataFrame({"outlet": ["A", "B", "B"], "x": [1.0, 2.0, 4.0]})
    result = stats.group_estimates(frame, "x", n_boot=200).set_index("group")
    assert math.isnan(result.loc["A", "ci_low"]) and math.isnan(result.loc["A", "ci_high"])
    assert not math.isnan(result.loc["B", "ci_low"])


def test_bootstrap_interval_contains_the_estimate_and_lies_within_the_data_range():
    frame = two_outlets(0.0)
    for row in stats.group_estimates(frame, "sentiment", n_boot=300).itertuples():
        values = frame.loc[frame.outlet == row.group, "sentiment"]
        assert values.min() <= row.ci_low <= row.estimate <= row.ci_high <= values.max()


def test_bootstrap_is_reproducible_with_the_same_seed():
    frame = two_outlets(0.1)
    first = stats.group_estimates(frame, "sentiment", n_boot=300, seed=7)
    second = stats.group_estimates(frame, "sentiment", n_boot=300, seed=7)
    pd.testing.assert_frame_equal(first, second)


def test_a_groups_interval_does_not_change_when_other_groups_are_filtered_out():
    frame = two_outlets(0.1)
    both = stats.group_estimates(frame, "sentiment", n_boot=300).set_index("group")
    alone = stats.group_estimates(frame[frame.outlet == "Beta"], "sentiment", n_boot=300)
    assert alone.loc[0, "ci_low"] == both.loc["Beta", "ci_low"]


def test_wider_confidence_level_gives_a_wider_interval():
    frame = two_outlets(0.0)
    narrow = stats.group_estimates(frame, "sentiment", n_boot=400, ci=0.8).iloc[0]
    wide = stats.group_estimates(frame, "sentiment", n_boot=400, ci=0.99).iloc[0]
    assert wide.ci_low < narrow.ci_low and wide.ci_high > narrow.ci_high


def _large_skewed_group(n: int = 30_000) -> pd.DataFrame:
    rng = np.random.default_rng(2026)
    return pd.DataFrame({"outlet": "Wire", "x": rng.exponential(0.3, n) - 0.2})


def test_a_large_group_gets_a_normal_interval_that_agrees_with_the_bootstrap():
    frame = _large_skewed_group()
    normal = stats.group_estimates(frame, "x").iloc[0]
    boot = stats.group_estimates(frame, "x", normal_above=10**9).iloc[0]
    assert (normal.method, boot.method) == ("normal", "bootstrap")
    half = (boot.ci_high - boot.ci_low) / 2
    assert normal.ci_low == pytest.approx(boot.ci_low, abs=0.1 * half)
    assert normal.ci_high == pytest.approx(boot.ci_high, abs=0.1 * half)


def test_small_groups_still_bootstrap():
    result = stats.group_estimates(two_outlets(0.1), "sentiment", n_boot=200)
    assert result["method"].tolist() == ["bootstrap", "bootstrap"]


def test_moments_stand_in_for_the_values_of_a_large_group():
    frame = _large_skewed_group()
    x = frame["x"]
    moments = pd.DataFrame({"outlet": ["Wire"], "n": [len(x)], "mean": [x.mean()], "sd": [x.std()]})
    small = two_outlets(0.1)
    from_values = stats.group_estimates(pd.concat([small, frame]), "x").set_index("group")
    from_moments = stats.group_estimates(small.assign(x=np.nan), "x", moments=moments)
    row = from_moments.set_index("group").loc["Wire"]
    assert row["method"] == "normal" and row["n"] == len(x)
    assert row["ci_low"] == pytest.approx(from_values.loc["Wire", "ci_low"], rel=1e-9)


# ---------------------------------------------------------------- pooled_rate


def test_pooled_rate_weighs_words_while_the_article_mean_weighs_articles():
    frame = pd.DataFrame({"outlet": ["A", "A"], "framing_count": [1, 0], "words": [100, 900]})
    row = stats.pooled_rate(frame, "framing_count", "words", n_boot=200).iloc[0]
    assert row.pooled == pytest.approx(1.0)  # 1 match in 1,000 words
    assert row.article_mean == pytest.approx(5.0)  # mean of 10 and 0 per 1,000
    assert row.matches == 1 and row.words == 1000 and row.n == 2


def test_pooled_rate_leaves_out_articles_without_words():
    frame = pd.DataFrame({"outlet": ["A", "A", "A"], "c": [2, 5, 1], "words": [1000, 0, 1000]})
    row = stats.pooled_rate(frame, "c", "words", n_boot=200).iloc[0]
    assert row.n == 2 and row.pooled == pytest.approx(1.5)


def test_pooled_rate_intervals_bracket_their_estimates():
    rng = np.random.default_rng(3)
    words = rng.integers(200, 900, 60)
    frame = pd.DataFrame({"outlet": "A", "c": rng.poisson(words / 200), "words": words})
    row = stats.pooled_rate(frame, "c", "words", n_boot=300).iloc[0]
    assert row.pooled_low <= row.pooled <= row.pooled_high
    assert row.article_low <= row.article_mean <= row.article_high


# ---------------------------------------------------------------- compare_groups


def test_identical_groups_show_no_difference():
    values = np.linspace(-1, 1, 30)
    result = stats.compare_groups(values, values.copy(), n_perm=300, n_boot=300)
    assert result["difference"] == 0
    assert result["cliffs_delta"] == 0
    assert result["p_value"] > 0.9


def test_shifted_groups_differ_significantly_with_the_right_sign():
    frame = two_outlets(-0.3)
    alpha = frame.loc[frame.outlet == "Alpha", "sentiment"]
    beta = frame.loc[frame.outlet == "Beta", "sentiment"]
    result = stats.compare_groups(beta, alpha, n_perm=500, n_boot=300)
    assert result["difference"] < 0
    assert result["ci_high"] < 0
    assert result["cliffs_delta"] < -0.5
    assert result["p_value"] < 0.01


def test_permutation_p_value_is_never_zero():
    result = stats.compare_groups(np.arange(20.0), np.arange(20.0) + 100, n_perm=200, n_boot=200)
    assert result["p_value"] == pytest.approx(1 / 201)


def test_comparison_is_reproducible_with_the_same_seed():
    frame = two_outlets(0.05)
    a, b = (frame.loc[frame.outlet == o, "sentiment"] for o in ("Alpha", "Beta"))
    assert stats.compare_groups(a, b, n_perm=300, seed=4) == stats.compare_groups(
        a, b, n_perm=300, seed=4
    )


def test_comparison_with_a_single_value_reports_no_test():
    result = stats.compare_groups([1.0], [1.0, 2.0, 3.0], n_perm=200)
    assert math.isnan(result["p_value"]) and math.isnan(result["ci_low"])
    assert result["difference"] == -1.0


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ([3, 4, 5], [1, 2], 1.0),
        ([1, 2], [3, 4, 5], -1.0),
        ([1, 2, 3], [1, 2, 3], 0.0),
        # pairs: (2,1)>, (2,3)<, (4,1)>, (4,3)> -> (3 - 1) / 4
        ([2, 4], [1, 3], 0.5),
        # a tie counts as neither: (1,1)=, (1,0)> -> (1 - 0) / 2
        ([1], [1, 0], 0.5),
    ],
)
def test_cliffs_delta_matches_hand_counted_pairs(a, b, expected):
    assert stats.cliffs_delta(a, b) == pytest.approx(expected)


def test_cliffs_delta_agrees_with_brute_force_on_random_data():
    rng = np.random.default_rng(0)
    a, b = rng.integers(0, 5, 25), rng.integers(0, 5, 31)
    brute = np.sign(a[:, None] - b[None, :]).mean()
    assert stats.cliffs_delta(a, b) == pytest.approx(brute)


# ---------------------------------------------------------------- BH


def test_bh_adjust_matches_the_textbook_example():
    # Benjamini & Hochberg (1995), the 15 p-values of their worked example; only the
    # four smallest survive at FDR 0.05.
    p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344,
         0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.0]  # fmt: skip
    adjusted = stats.bh_adjust(p)
    assert (adjusted < 0.05).sum() == 4
    assert adjusted[0] == pytest.approx(0.0015)
    assert adjusted[3] == pytest.approx(0.0095 * 15 / 4)
    assert adjusted[-1] == 1.0


def test_bh_adjust_keeps_the_original_order_and_is_monotone_in_p():
    p = np.array([0.04, 0.01, 0.03, 0.2])
    adjusted = stats.bh_adjust(p)
    assert adjusted.tolist() == pytest.approx([0.04 * 4 / 3, 0.04, 0.04 * 4 / 3, 0.2])
    assert np.all(np.diff(adjusted[np.argsort(p)]) >= 0)


def test_bh_adjust_ignores_missing_p_values():
    adjusted = stats.bh_adjust([0.01, np.nan, 0.02])
    assert math.isnan(adjusted[1])
    assert adjusted[[0, 2]].tolist() == pytest.approx([0.02, 0.02])


# ---------------------------------------------------------------- pairwise and sentences


def test_pairwise_compares_every_pair_once():
    rng = np.random.default_rng(2)
    frame = pd.DataFrame({"outlet": np.repeat(list("ABCD"), 10), "sentiment": rng.normal(size=40)})
    table = stats.pairwise(frame, "sentiment", n_perm=200, n_boot=200)
    assert list(zip(table.group_a, table.group_b, strict=True)) == [
        ("A", "B"), ("A", "C"), ("A", "D"), ("B", "C"), ("B", "D"), ("C", "D"),
    ]  # fmt: skip
    assert (table.p_adjusted >= table.p_value).all()


def test_pairwise_limits_itself_to_the_groups_asked_for():
    frame = pd.DataFrame({"outlet": np.repeat(list("ABC"), 5), "sentiment": np.arange(15.0)})
    table = stats.pairwise(frame, "sentiment", groups=["C", "A"], n_perm=200, n_boot=200)
    assert table[["group_a", "group_b"]].values.tolist() == [["C", "A"]]


def test_sentence_names_the_direction_of_a_clear_difference():
    frame = two_outlets(0.3)
    row = stats.pairwise(frame, "sentiment", n_perm=2000, n_boot=300).iloc[0]
    assert row.significant
    assert row.sentence.startswith("Alpha's articles are more negative than Beta's: difference -0.")
    assert "(95% CI " in row.sentence and "Cliff's delta -0." in row.sentence
    assert "adjusted p < 0.001" in row.sentence and row.sentence.endswith("n = 40 vs 40.")


def test_sentence_says_no_clear_difference_when_adjusted_p_is_not_small():
    frame = two_outlets(0.0, seed=5)
    row = stats.pairwise(frame, "sentiment", n_perm=300, n_boot=300).iloc[0]
    assert not row.significant
    assert row.sentence.startswith(
        "No clear difference in mean sentence sentiment between Alpha and Beta: "
    )


def test_sentence_uses_the_measures_own_wording():
    frame = pd.DataFrame(
        {
            "outlet": ["Wire"] * 20 + ["Herald"] * 20,
            "anonymous_share": [0.0, 0.1] * 10 + [0.6, 0.7] * 10,
        }
    )
    row = stats.pairwise(frame, "anonymous_share", n_perm=300, n_boot=300).iloc[0]
    assert row.sentence.startswith("Herald's articles rely more on anonymous sources than Wire's")


@pytest.mark.parametrize(
    ("p", "text"), [(0.0004, "< 0.001"), (0.0031, "= 0.003"), (0.049, "= 0.049"), (0.5, "= 0.50")]
)
def test_p_values_are_printed_plainly(p, text):
    assert stats.format_p(p) == text


def test_possessive_of_a_name_ending_in_s():
    frame = pd.DataFrame(
        {"outlet": ["Reuters"] * 10 + ["Tass"] * 10, "words": [100] * 10 + [900] * 10}
    )
    row = stats.pairwise(frame, "words", n_perm=200, n_boot=200).iloc[0]
    assert row.sentence.startswith("Reuters' articles are shorter than Tass'")


# ---------------------------------------------------------------- groups


def test_assign_groups_maps_outlets_to_user_groups_and_leaves_others_out():
    frame = pd.DataFrame({"outlet": ["RIA", "Reuters", "AP", "Blog"]})
    groups = stats.assign_groups(
        frame, {"state media": ["RIA"], "wire services": ["Reuters", "AP"]}
    )
    assert groups.tolist()[:3] == ["state media", "wire services", "wire services"]
    assert pd.isna(groups.iloc[3])


def test_assign_groups_refuses_an_outlet_in_two_groups():
    frame = pd.DataFrame({"outlet": ["RIA"]})
    with pytest.raises(ValueError, match="'RIA' is listed in both"):
        stats.assign_groups(frame, {"state": ["RIA"], "wire": ["RIA"]})


def test_groups_from_assign_groups_can_be_compared():
    frame = pd.DataFrame(
        {"outlet": ["RIA", "TASS", "AP", "Reuters"] * 10, "sentiment": [-0.5, -0.4, 0.2, 0.3] * 10}
    )
    frame["bloc"] = stats.assign_groups(
        frame, {"state media": ["RIA", "TASS"], "wire services": ["AP", "Reuters"]}
    )
    table = stats.pairwise(frame, "sentiment", group="bloc", n_perm=200, n_boot=200)
    assert table.loc[0, "sentence"].startswith(
        "state media's articles are more negative than wire services'"
    )


def test_pairwise_can_test_a_seeded_sample_of_large_groups():
    rng = np.random.default_rng(3)
    frame = pd.DataFrame(
        {
            "outlet": ["A"] * 5000 + ["B"] * 5000,
            "sentiment": np.r_[rng.normal(0.0, 1, 5000), rng.normal(0.3, 1, 5000)],
        }
    )
    first = stats.pairwise(frame, "sentiment", n_perm=200, n_boot=200, max_per_group=400)
    again = stats.pairwise(frame, "sentiment", n_perm=200, n_boot=200, max_per_group=400)
    assert (first.n_a.iloc[0], first.n_b.iloc[0]) == (400, 400)
    assert first.equals(again) and bool(first.significant.iloc[0])


# --------------------------------------------------------------------------- category shares


def _type_counts():
    # Outlet A: 3 articles; B: 1 article. n = attributions of a type in an article.
    return pd.DataFrame(
        {
            "outlet": ["A", "A", "A", "A", "B"],
            "article_id": ["a1", "a1", "a2", "a3", "b1"],
            "source_type": ["official", "ordinary", "official", "ordinary", "official"],
            "n": [2, 1, 1, 4, 3],
        }
    )


def test_category_shares_are_pooled_over_the_groups_items():
    shares = stats.category_shares(_type_counts(), "source_type")
    a = shares[shares["group"] == "A"].set_index("category")
    assert a.loc["official", "share"] == pytest.approx(3 / 8)
    assert a.loc["ordinary", "share"] == pytest.approx(5 / 8)
    assert (a["n"] == 3).all() and (a["total"] == 8).all()


def test_category_share_intervals_bracket_the_share_and_need_two_articles():
    shares = stats.category_shares(_type_counts(), "source_type")
    a = shares[shares["group"] == "A"]
    assert ((a["ci_low"] <= a["share"]) & (a["share"] <= a["ci_high"])).all()
    b = shares[shares["group"] == "B"]
    assert b["ci_low"].isna().all() and b["ci_high"].isna().all()


def test_category_shares_of_large_groups_use_the_normal_interval_around_the_share():
    shares = stats.category_shares(_type_counts(), "source_type", normal_above=1)
    a = shares[shares["group"] == "A"]
    assert (a["share"] - a["ci_low"]).to_numpy() == pytest.approx(
        (a["ci_high"] - a["share"]).to_numpy()
    )
