"""Statistics for validating a measure against human coders: precision and recall with
Wilson intervals, Cohen's kappa and Krippendorff's alpha.

Plain data in, plain data out: the CLI report, the Validate page and the validation
line on each measure page all call these, so they show the same numbers.

Choices, stated once:

* **Precision** is estimated over items, not over codes: each item counts once, as the
  share of its coders who judged the machine right (1 or 0 with one coder, 0.5 when two
  coders disagree). With one coder this is the plain proportion. The interval is
  Wilson's score interval with n = items, which stays inside [0, 1] and behaves at
  small n and near 0 or 1, where the normal ("Wald") interval does not.
* **Recall** is estimated from a random sample of sentences: of the instances coders
  saw in them, the share the machine had marked (``found / (found + missed)``), again
  with a Wilson interval. Instances cluster in sentences, so the interval is somewhat
  too narrow when one sentence holds several misses.
* **Agreement** uses the judgements only (correct / wrong); a skipped item is a missing
  code. Cohen's kappa needs exactly two coders and the items both coded; Krippendorff's
  alpha (nominal) takes any number of coders and missing codes, and counts only units
  coded by at least two.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from itertools import permutations

#: z for a two-sided 95% interval (scipy.stats.norm.ppf(0.975)), written out so this
#: module imports nothing heavy.
Z_95 = 1.959963984540054


@dataclass(frozen=True, slots=True)
class Proportion:
    """An estimated share with its interval: ``successes`` of ``n`` (successes may be
    fractional when coders split on an item)."""

    estimate: float
    low: float
    high: float
    successes: float
    n: int


def wilson_interval(successes: float, n: float, z: float = Z_95) -> tuple[float, float]:
    """Wilson's score interval for ``successes`` out of ``n`` (95% by default).

    ``(nan, nan)`` when ``n`` is 0. Newcombe (1998), Table I: 81 of 263 gives
    0.2553 to 0.3662.

    >>> [round(x, 4) for x in wilson_interval(81, 263)]
    [0.2553, 0.3662]
    """
    if n <= 0:
        return math.nan, math.nan
    if not 0 <= successes <= n:
        raise ValueError(f"successes must lie between 0 and n={n}, got {successes}")
    p = successes / n
    z2 = z * z
    centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    half = z / (1 + z2 / n) * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    # Rounding can leave the bound a hair outside [0, 1] at p = 0 or 1.
    return max(0.0, centre - half), min(1.0, centre + half)


def proportion(successes: float, n: int) -> Proportion:
    """``successes / n`` with its Wilson interval (estimate NaN when ``n`` is 0)."""
    low, high = wilson_interval(successes, n)
    estimate = successes / n if n > 0 else math.nan
    return Proportion(estimate, low, high, successes, n)


def precision(item_judgements: Sequence[Sequence[bool]]) -> Proportion:
    """Precision over items, each given as the judgements of its coders (True = the
    machine was right). Items with no judgement (every coder skipped) are left out.

    >>> precision([[True], [True, False], [False], [True, True]]).estimate
    0.625
    """
    shares = [sum(j) / len(j) for j in item_judgements if len(j)]
    return proportion(sum(shares), len(shares))


def stratified_precision(strata: Sequence[tuple[float, Sequence[Sequence[bool]]]]) -> Proportion:
    """Precision of the whole population from a sample stratified by outlet: each stratum
    given as (its share of the population's evidence, its items' judgements).

    The estimate is the share-weighted mean of the strata's precisions. Its interval is
    Wilson's at the design's effective sample size (Kish: p(1-p) over the estimate's
    variance, sum of w_h^2 p_h (1 - p_h) / n_h), so it stays inside [0, 1]; with no
    variance (every stratum at 0 or 1) the plain item count stands in.

    >>> round(stratified_precision([(0.75, [[True], [True]]), (0.25, [[True], [False]])]).estimate, 3)
    0.875
    """
    weights, parts = [], []
    for weight, judgements in strata:
        p = precision(judgements)
        if p.n:
            weights.append(weight)
            parts.append(p)
    if not parts:
        return proportion(0, 0)
    total = sum(weights)
    weights = [w / total for w in weights]
    estimate = sum(w * p.estimate for w, p in zip(weights, parts, strict=True))
    variance = sum(
        w * w * p.estimate * (1 - p.estimate) / p.n for w, p in zip(weights, parts, strict=True)
    )
    n = sum(p.n for p in parts)
    effective = estimate * (1 - estimate) / variance if variance > 0 else n
    low, high = wilson_interval(estimate * effective, effective)
    return Proportion(estimate, low, high, estimate * n, n)


def recall(found: int, missed: int) -> Proportion:
    """Recall in a sentence sample: ``found`` instances the machine marked, ``missed``
    instances coders marked that it did not."""
    if found < 0 or missed < 0:
        raise ValueError("found and missed must be counts (0 or more)")
    return proportion(found, found + missed)


def cohens_kappa(first: Sequence[Hashable], second: Sequence[Hashable]) -> float:
    """Cohen's kappa for two coders' codes of the same items, in the same order.

    kappa = (p_o - p_e) / (1 - p_e), p_o the observed agreement and p_e the agreement
    expected from each coder's own code frequencies. NaN when there is no item or both
    coders used one and the same code throughout (p_e = 1: kappa is undefined).

    >>> round(cohens_kappa("yyyn", "yynn"), 4)
    0.5
    """
    if len(first) != len(second):
        raise ValueError(f"two coders' codes differ in length: {len(first)} and {len(second)}")
    n = len(first)
    if n == 0:
        return math.nan
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    count_a, count_b = Counter(first), Counter(second)
    expected = sum(count_a[c] * count_b[c] for c in count_a) / (n * n)
    if expected >= 1:
        return math.nan
    return (observed - expected) / (1 - expected)


def krippendorff_alpha_nominal(data: Sequence[Sequence[Hashable | None]]) -> float:
    """Krippendorff's alpha for nominal codes, from its definition.

    ``data`` is the reliability data matrix: one row per coder, one column per unit,
    ``None`` for a missing code. Units with fewer than two codes are unpairable and
    left out. With the coincidence matrix o_ck (each unit's ordered pairs of codes
    from different coders, weighted 1 / (m_u - 1)) and n_c its margins,

        alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c * n_k

    NaN when fewer than two pairable codes remain or only one value occurs (no
    variation: the expected disagreement is 0). Krippendorff (2011), "Computing
    Krippendorff's Alpha-Reliability", nominal example: 0.743 (see the tests).
    """
    if not data:
        return math.nan
    units = len(data[0])
    if any(len(row) != units for row in data):
        raise ValueError("every coder's row must have one entry per unit")
    coincidences: Counter = Counter()
    for u in range(units):
        values = [row[u] for row in data if row[u] is not None]
        m = len(values)
        if m < 2:
            continue
        for i, j in permutations(range(m), 2):
            coincidences[values[i], values[j]] += 1 / (m - 1)
    margins: Counter = Counter()
    for (c, _k), weight in coincidences.items():
        margins[c] += weight
    n = sum(margins.values())
    if n < 2:
        return math.nan
    observed = sum(w for (c, k), w in coincidences.items() if c != k)
    expected = sum(margins[c] * margins[k] for c in margins for k in margins if c != k)
    if expected == 0:
        return math.nan
    return 1 - (n - 1) * observed / expected
