"""Validation statistics against published worked examples and hand-computed values."""

from __future__ import annotations

import math

import pytest

from analysis.compare.validation_stats import (
    cohens_kappa,
    krippendorff_alpha_nominal,
    precision,
    recall,
    stratified_precision,
    wilson_interval,
)

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example of
# reliability data with missing values: 4 coders (rows) x 12 units; nominal alpha = 0.743.
_ = None
KRIPPENDORFF_EXAMPLE = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]

# A designed fixture: two coders, ten items. C = correct, W = wrong, None = skipped.
CODER_A = ["C", "C", "C", "C", "C", "C", "C", "W", "W", None]
CODER_B = ["C", "C", "C", "C", "C", "W", "W", "W", "C", "C"]


def test_alpha_matches_krippendorffs_published_nominal_example():
    assert round(krippendorff_alpha_nominal(KRIPPENDORFF_EXAMPLE), 3) == 0.743


def test_alpha_on_the_designed_fixture_matches_the_hand_computation():
    # Units 1-9 are pairable (unit 10 has one code). Coincidences: o_CC = 10, o_WW = 2,
    # o_CW = o_WC = 3; n_C = 13, n_W = 5, n = 18; alpha = 1 - 17 * 6 / (2 * 13 * 5).
    assert krippendorff_alpha_nominal([CODER_A, CODER_B]) == pytest.approx(1 - 102 / 130)


def test_alpha_is_one_when_coders_agree_on_varied_codes():
    assert krippendorff_alpha_nominal([["C", "W", "C"], ["C", "W", "C"]]) == pytest.approx(1.0)


def test_alpha_is_undefined_without_variation():
    assert math.isnan(krippendorff_alpha_nominal([["C", "C"], ["C", "C"]]))


def test_alpha_is_undefined_when_no_unit_has_two_codes():
    assert math.isnan(krippendorff_alpha_nominal([["C", None], [None, "W"]]))


def test_alpha_refuses_rows_of_different_lengths():
    with pytest.raises(ValueError, match="one entry per unit"):
        krippendorff_alpha_nominal([["C", "W"], ["C"]])


def test_kappa_on_the_designed_fixture_matches_the_hand_computation():
    # Items both coded: 1-9. p_o = 6/9; A: 7 C, 2 W; B: 6 C, 3 W; p_e = (42 + 6) / 81.
    pairs = [(a, b) for a, b in zip(CODER_A, CODER_B, strict=True) if a and b]
    first, second = zip(*pairs, strict=True)
    assert cohens_kappa(first, second) == pytest.approx(6 / 33)


def test_kappa_is_one_for_perfect_agreement_and_undefined_without_variation():
    assert cohens_kappa("CWC", "CWC") == pytest.approx(1.0)
    assert math.isnan(cohens_kappa("CCC", "CCC"))


def test_kappa_refuses_codes_of_different_lengths():
    with pytest.raises(ValueError, match="differ in length"):
        cohens_kappa("CW", "C")


@pytest.mark.parametrize(
    ("successes", "n", "low", "high"),
    # Newcombe (1998), "Two-sided confidence intervals for the single proportion",
    # Table I, method 3 (Wilson score interval without continuity correction).
    [
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ],
)
def test_wilson_interval_matches_newcombes_table(successes, n, low, high):
    got = wilson_interval(successes, n)
    assert got == pytest.approx((low, high), abs=5e-5)


def test_wilson_interval_is_undefined_for_no_items():
    assert all(math.isnan(x) for x in wilson_interval(0, 0))


def test_precision_counts_each_item_once_as_its_coders_share_of_correct():
    # Items 1-5: 1 each; 6, 7, 9: 0.5; 8: 0; 10: only B coded, correct: 1 -> 7.5 of 10.
    items = [[c == "C" for c in (a, b) if c] for a, b in zip(CODER_A, CODER_B, strict=True)]
    result = precision(items)
    assert (result.successes, result.n, result.estimate) == (7.5, 10, 0.75)
    assert (result.low, result.high) == pytest.approx(wilson_interval(7.5, 10))


def test_precision_leaves_out_items_every_coder_skipped():
    assert precision([[True], [], [False]]).n == 2


def test_recall_is_found_over_found_plus_missed():
    result = recall(found=12, missed=4)
    assert (result.estimate, result.n) == (0.75, 16)


def test_stratified_precision_weights_each_outlet_by_its_share():
    # Outlet shares 0.75 and 0.25; precisions 1 (n = 2) and 0.5 (n = 2): 0.875.
    # Variance 0.25^2 * 0.5 * 0.5 / 2 = 0.0078125; effective n = 0.875 * 0.125 / it = 14.
    result = stratified_precision([(0.75, [[True], [True]]), (0.25, [[True], [False]])])
    assert result.estimate == pytest.approx(0.875)
    assert (result.low, result.high) == pytest.approx(wilson_interval(0.875 * 14, 14))
