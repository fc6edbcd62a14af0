"""Honest statistics for comparing outlets: intervals, tests, effect sizes, plain words.

Every function takes plain pandas/numpy data and returns plain data, so the
dashboard and the CLI show the same numbers and neither computes its own.

Choices, stated once:

* An outlet's score on a measure is the mean of the per-article values; the
  interval is a percentile bootstrap over articles (articles are the unit
  that was sampled, not sentences or words), or above 20,000 articles the
  normal interval, which the bootstrap converges to (``group_estimates``).
* Two groups are compared with a two-sided permutation test on the difference
  of means, a bootstrap interval for that difference and Cliff's delta (the
  probability that an article from A scores higher than one from B, minus the
  reverse), which does not care about outliers or skew.
* Many pairs are many tests: p-values are Benjamini-Hochberg adjusted over the
  pairs shown, and the sentence only claims a difference when the adjusted p
  is below 0.05.
* Random draws are seeded from ``seed`` and the group names, so a group's
  interval does not change when another outlet is filtered in or out.
"""

from __future__ import annotations

import itertools
import math
import zlib

import numpy as np
import pandas as pd
from scipy.stats import rankdata

from analysis.measures import registry
from analysis.measures.registry import Measure

# Keep each vectorised resampling block to about this many numbers (~16 MB of float64).
_BLOCK_ELEMENTS = 2_000_000


# --------------------------------------------------------------------------- seeding


def _rng(seed: int, *names: object) -> np.random.Generator:
    """A generator seeded by ``seed`` and stable hashes of ``names`` (not Python's ``hash``)."""
    keys = [zlib.crc32(str(name).encode("utf-8")) for name in names]
    return np.random.default_rng([int(seed), *keys])


def _block_rows(n: int, total: int) -> int:
    return max(1, min(total, _BLOCK_ELEMENTS // max(n, 1)))


def bootstrap_means(values: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """``n_boot`` means of ``values`` resampled with replacement, in memory-bounded blocks."""
    values = np.asarray(values, dtype=float)
    n = len(values)
    out = np.empty(n_boot)
    step = _block_rows(n, n_boot)
    for start in range(0, n_boot, step):
        rows = min(step, n_boot - start)
        out[start : start + rows] = values[rng.integers(0, n, size=(rows, n))].mean(axis=1)
    return out


def _bootstrap_ratios(
    numerator: np.ndarray, denominator: np.ndarray, n_boot: int, rng: np.random.Generator
) -> np.ndarray:
    """Ratio of sums over articles resampled with replacement (pairs stay together)."""
    n = len(numerator)
    out = np.empty(n_boot)
    step = _block_rows(n, n_boot)
    for start in range(0, n_boot, step):
        rows = min(step, n_boot - start)
        idx = rng.integers(0, n, size=(rows, n))
        den = denominator[idx].sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            out[start : start + rows] = numerator[idx].sum(axis=1) / den
    return out


def _percentile_interval(draws: np.ndarray, ci: float) -> tuple[float, float]:
    draws = draws[np.isfinite(draws)]
    if len(draws) == 0:
        return math.nan, math.nan
    tail = (1 - ci) / 2 * 100
    low, high = np.percentile(draws, [tail, 100 - tail])
    return float(low), float(high)


# --------------------------------------------------------------------------- estimates


#: Above this many articles in a group, :func:`group_estimates` uses the normal interval
#: (mean +- z * sd / sqrt(n)): the percentile bootstrap converges to it, and at this n the
#: two differ by less than the bootstrap's own Monte Carlo noise, at a thousandth of the cost.
NORMAL_ABOVE = 20_000


def _normal_interval(mean: float, sd: float, n: int, ci: float) -> tuple[float, float]:
    from scipy.stats import norm

    if n < 2 or not math.isfinite(sd):
        return math.nan, math.nan
    half = float(norm.ppf(0.5 + ci / 2)) * sd / math.sqrt(n)
    return mean - half, mean + half


def group_estimates(
    frame: pd.DataFrame,
    measure: str,
    group: str = "outlet",
    n_boot: int = 1000,
    seed: int = 0,
    ci: float = 0.95,
    moments: pd.DataFrame | None = None,
    normal_above: int = NORMAL_ABOVE,
) -> pd.DataFrame:
    """Mean of ``measure`` per group with an interval over articles.

    The interval is a percentile bootstrap (``n_boot`` draws) for groups of up to
    ``normal_above`` articles and the normal interval mean +- z * sd / sqrt(n) above
    that, where the bootstrap is indistinguishable from it and costs seconds per
    group; the column ``method`` says which ("bootstrap" | "normal").

    ``moments`` (columns ``group``, n, mean, sd, e.g. from
    :func:`analysis.compare.queries.measure_moments`) may stand in for the values of large
    groups: a group present there and absent from ``frame`` gets the normal interval
    from its moments, so a caller need not load a million values. Pass the values of
    the small groups in ``frame`` (``queries.measure_values(..., max_group_n=...)``).

    Rows whose measure is missing are dropped (``n`` counts articles with a
    value); a group with fewer than two articles gets no interval (NaN).
    Groups come out sorted by name.

    >>> frame = pd.DataFrame({"outlet": ["A", "A", "B"], "sentiment": [0.1, 0.3, 0.5]})
    >>> group_estimates(frame, "sentiment")[["group", "n", "estimate"]].to_dict("records")
    [{'group': 'A', 'n': 2, 'estimate': 0.2}, {'group': 'B', 'n': 1, 'estimate': 0.5}]
    """
    columns = ["group", "n", "estimate", "ci_low", "ci_high", "method"]
    data = frame[[group, measure]].dropna()
    rows = []
    for name, values in data.groupby(group, sort=True)[measure]:
        values = values.to_numpy(dtype=float)
        n = len(values)
        mean = float(values.mean())
        low = high = math.nan
        method = "bootstrap"
        if n > normal_above:
            method = "normal"
            low, high = _normal_interval(mean, float(values.std(ddof=1)), n, ci)
        elif n >= 2:
            low, high = _percentile_interval(
                bootstrap_means(values, n_boot, _rng(seed, measure, name)), ci
            )
        rows.append((name, n, mean, low, high, method))
    if moments is not None and len(moments):
        seen = {row[0] for row in rows}
        for row in moments.itertuples(index=False):
            name = getattr(row, group)
            if name in seen or row.n < 1:
                continue
            low, high = _normal_interval(float(row.mean), float(row.sd), int(row.n), ci)
            rows.append((name, int(row.n), float(row.mean), low, high, "normal"))
    result = pd.DataFrame(rows, columns=columns)
    result = result.sort_values("group", kind="stable").reset_index(drop=True)
    result["n"] = result["n"].astype("int64")
    return result


def pooled_rate(
    frame: pd.DataFrame,
    count_col: str,
    words_col: str = "words",
    group: str = "outlet",
    per: float = 1000,
    n_boot: int = 1000,
    seed: int = 0,
    ci: float = 0.95,
) -> pd.DataFrame:
    """A rate per ``per`` words per group, computed both ways, each with a bootstrap interval.

    * ``pooled`` = all matches / all words of the group: long articles weigh more.
    * ``article_mean`` = mean of each article's own rate: every article counts once.

    Both resample articles (matches and words of an article stay together).
    Articles with no words or a missing count are left out.

    Columns: group, n, matches, words, pooled, pooled_low, pooled_high,
    article_mean, article_low, article_high.
    """
    columns = [
        "group", "n", "matches", "words",
        "pooled", "pooled_low", "pooled_high",
        "article_mean", "article_low", "article_high",
    ]  # fmt: skip
    data = frame[[group, count_col, words_col]].dropna()
    data = data[data[words_col] > 0]
    rows = []
    for name, part in data.groupby(group, sort=True):
        counts = part[count_col].to_numpy(dtype=float)
        words = part[words_col].to_numpy(dtype=float)
        n = len(counts)
        pooled = counts.sum() / words.sum() * per
        per_article = counts / words * per
        pooled_ci = article_ci = (math.nan, math.nan)
        if n >= 2:
            pooled_ci = _percentile_interval(
                _bootstrap_ratios(counts, words, n_boot, _rng(seed, count_col, "pooled", name))
                * per,
                ci,
            )
            article_ci = _percentile_interval(
                bootstrap_means(per_article, n_boot, _rng(seed, count_col, "article", name)), ci
            )
        rows.append(
            (
                name,
                n,
                counts.sum(),
                words.sum(),
                pooled,
                *pooled_ci,
                per_article.mean(),
                *article_ci,
            )
        )
    result = pd.DataFrame(rows, columns=columns)
    result["n"] = result["n"].astype("int64")
    return result


def category_shares(
    frame: pd.DataFrame,
    category: str,
    count: str = "n",
    unit: str = "article_id",
    group: str = "outlet",
    n_boot: int = 1000,
    seed: int = 0,
    ci: float = 0.95,
    normal_above: int = NORMAL_ABOVE,
) -> pd.DataFrame:
    """Each category's share of a group's items, pooled, with an interval over units.

    ``frame`` has one row per (group, unit, category) with ``count`` items: for example
    attributions per outlet, article and source type. The share is the group's items of
    the category over all its items (so long articles weigh more, as in any pooled share);
    the interval resamples units (articles), each unit's counts staying together: a
    percentile bootstrap up to ``normal_above`` units, above that the normal interval of a
    ratio estimator, share +- z * sd(count - share * total) / (mean(total) * sqrt(n)).
    A group with fewer than two units gets no interval (NaN).

    Columns: group, category, n (units), items (of the category), total (all items),
    share, ci_low, ci_high.
    """
    columns = ["group", "category", "n", "items", "total", "share", "ci_low", "ci_high"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    wide = frame.pivot_table(
        index=[group, unit], columns=category, values=count, aggfunc="sum", fill_value=0
    )
    rows = []
    for name, part in wide.groupby(level=0, sort=True):
        values = part.to_numpy(dtype=float)
        totals = values.sum(axis=1)
        n = len(part)
        for j, cat in enumerate(wide.columns):
            counts = values[:, j]
            share = counts.sum() / totals.sum() if totals.sum() else math.nan
            low = high = math.nan
            if n >= 2 and totals.sum():
                if n > normal_above:
                    spread = float(np.std(counts - share * totals, ddof=1)) / totals.mean()
                    low, high = _normal_interval(share, spread, n, ci)
                else:
                    draws = _bootstrap_ratios(
                        counts, totals, n_boot, _rng(seed, "share", category, name, cat)
                    )
                    low, high = _percentile_interval(draws, ci)
            rows.append((name, cat, n, counts.sum(), totals.sum(), share, low, high))
    result = pd.DataFrame(rows, columns=columns)
    result["n"] = result["n"].astype("int64")
    return result


# --------------------------------------------------------------------------- comparisons


def cliffs_delta(a, b) -> float:
    """Cliff's delta: P(a > b) - P(a < b) over all pairs, from midranks (O(n log n)).

    >>> cliffs_delta([3, 4], [1, 2])
    1.0
    >>> cliffs_delta([1, 2], [1, 2])
    0.0
    """
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if len(a) == 0 or len(b) == 0:
        return math.nan
    ranks = rankdata(np.concatenate([a, b]))
    u_a = ranks[: len(a)].sum() - len(a) * (len(a) + 1) / 2  # pairs a > b, ties count half
    return float(2 * u_a / (len(a) * len(b)) - 1)


def _permutation_p(a: np.ndarray, b: np.ndarray, n_perm: int, rng: np.random.Generator) -> float:
    """Two-sided permutation p-value for the difference of means, (k + 1) / (n_perm + 1)."""
    pooled = np.concatenate([a, b])
    n_a, total = len(a), len(pooled)
    observed = abs(a.mean() - b.mean())
    sum_all = pooled.sum()
    extreme = 0
    step = _block_rows(total, n_perm)
    for start in range(0, n_perm, step):
        rows = min(step, n_perm - start)
        shuffled = rng.permuted(np.broadcast_to(pooled, (rows, total)), axis=1)
        sum_a = shuffled[:, :n_a].sum(axis=1)
        diffs = sum_a / n_a - (sum_all - sum_a) / (total - n_a)
        # A small tolerance so permutations equal to the observed split count as extreme
        # despite floating-point noise in the sums.
        extreme += int(np.count_nonzero(np.abs(diffs) >= observed - 1e-12 * (1 + observed)))
    return (extreme + 1) / (n_perm + 1)


def compare_groups(
    a,
    b,
    n_perm: int = 5000,
    seed: int = 0,
    ci: float = 0.95,
    n_boot: int = 2000,
) -> dict:
    """Compare two samples of per-article values (NaNs dropped).

    Returns ``n_a, n_b, mean_a, mean_b, difference`` (mean_a - mean_b),
    ``ci_low, ci_high`` (percentile bootstrap of the difference, resampling each
    group on its own), ``cliffs_delta`` (positive when A tends to score higher),
    ``p_value`` (two-sided permutation test on the difference of means) and
    ``test`` (a short description of the test). With fewer than two values on
    either side the interval and p-value are NaN.
    """
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    a = a[~np.isnan(a)]
    b = b[~np.isnan(b)]
    result = {
        "n_a": len(a),
        "n_b": len(b),
        "mean_a": float(a.mean()) if len(a) else math.nan,
        "mean_b": float(b.mean()) if len(b) else math.nan,
        "difference": math.nan,
        "ci_low": math.nan,
        "ci_high": math.nan,
        "cliffs_delta": cliffs_delta(a, b),
        "p_value": math.nan,
        "test": "too few articles to test",
    }
    if len(a) and len(b):
        result["difference"] = result["mean_a"] - result["mean_b"]
    if len(a) < 2 or len(b) < 2:
        return result
    rng = np.random.default_rng(seed)
    boot = bootstrap_means(a, n_boot, rng) - bootstrap_means(b, n_boot, rng)
    result["ci_low"], result["ci_high"] = _percentile_interval(boot, ci)
    result["p_value"] = _permutation_p(a, b, n_perm, rng)
    result["test"] = (
        f"two-sided permutation test on the difference of means ({n_perm} permutations)"
    )
    return result


def bh_adjust(pvalues) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (false discovery rate); NaNs stay NaN.

    >>> bh_adjust([0.01, 0.04, 0.03, 0.005]).round(4).tolist()
    [0.02, 0.04, 0.04, 0.02]
    """
    p = np.asarray(pvalues, dtype=float)
    adjusted = np.full(p.shape, np.nan)
    valid = np.flatnonzero(~np.isnan(p))
    m = len(valid)
    if m == 0:
        return adjusted
    order = valid[np.argsort(p[valid], kind="stable")]
    scaled = p[order] * m / np.arange(1, m + 1)
    adjusted[order] = np.minimum(np.minimum.accumulate(scaled[::-1])[::-1], 1.0)
    return adjusted


def format_p(p: float) -> str:
    """``p`` as it should be printed after "p": "< 0.001", "= 0.023", "= 0.41".

    >>> format_p(0.0002), format_p(0.0234), format_p(0.41)
    ('< 0.001', '= 0.023', '= 0.41')
    """
    if p is None or math.isnan(p):
        return "not computed"
    if p < 0.001:
        return "< 0.001"
    if p < 0.01:
        return f"= {p:.3f}"
    return f"= {p:.3f}" if p < 0.1 else f"= {p:.2f}"


def format_number(x: float) -> str:
    """A measure value with sensible precision for prose."""
    if x is None or math.isnan(x):
        return "n/a"
    size = abs(x)
    if size >= 100:
        text = f"{x:.0f}"
    elif size >= 10:
        text = f"{x:.1f}"
    elif size >= 0.01 or size == 0:
        text = f"{x:.2f}"
    else:
        text = f"{x:.2g}"
    return "0.00" if text in ("-0.00", "-0") else text


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def describe_comparison(
    name_a: str,
    name_b: str,
    result: dict,
    measure: str | Measure,
    p_adjusted: float | None = None,
    alpha: float = 0.05,
    ci: float = 0.95,
) -> str:
    """One plain-language sentence for a comparison from :func:`compare_groups`.

    Claims a difference only when the (adjusted) p-value is below ``alpha``.
    """
    description = registry.measure(measure) if isinstance(measure, str) else measure
    p = result["p_value"] if p_adjusted is None else p_adjusted
    p_label = "p" if p_adjusted is None else "adjusted p"
    n_text = f"n = {result['n_a']} vs {result['n_b']}"
    if p is None or math.isnan(p):
        return (
            f"Too few articles to compare {name_a} and {name_b} on {description.phrase} ({n_text})."
        )
    details = (
        f"difference {format_number(result['difference'])} "
        f"({ci:.0%} CI {format_number(result['ci_low'])} to {format_number(result['ci_high'])}), "
        f"Cliff's delta {result['cliffs_delta']:.2f}, {p_label} {format_p(p)}, {n_text}."
    )
    if p >= alpha:
        return (
            f"No clear difference in {description.phrase} between {name_a} and {name_b}: {details}"
        )
    phrase = description.higher if result["difference"] > 0 else description.lower
    return f"{_possessive(name_a)} articles {phrase} than {_possessive(name_b)}: {details}"


def pairwise(
    frame: pd.DataFrame,
    measure: str,
    group: str = "outlet",
    groups: list[str] | None = None,
    n_perm: int = 2000,
    n_boot: int = 1000,
    seed: int = 0,
    ci: float = 0.95,
    alpha: float = 0.05,
    max_per_group: int | None = None,
) -> pd.DataFrame:
    """Every pair of ``groups`` (default: all present, sorted) compared on ``measure``.

    Columns: group_a, group_b, n_a, n_b, mean_a, mean_b, difference, ci_low,
    ci_high, cliffs_delta, p_value, p_adjusted (Benjamini-Hochberg over the
    pairs returned), significant, sentence.

    ``max_per_group`` tests a seeded random sample of at most that many articles
    per group (n in the result says so): permutations over hundreds of thousands
    of articles per outlet cost minutes and change nothing at that size.
    """
    data = frame[[group, measure]].dropna()
    if max_per_group is not None:
        data = data.groupby(group, group_keys=False, sort=False)[[group, measure]].apply(
            lambda part: part.sample(n=min(len(part), max_per_group), random_state=seed)
        )
    if groups is None:
        groups = sorted(data[group].unique().tolist())
    values = {
        name: part.to_numpy(dtype=float) for name, part in data.groupby(group, sort=False)[measure]
    }
    rows = []
    for name_a, name_b in itertools.combinations(groups, 2):
        pair_seed = int(_rng(seed, measure, name_a, name_b).integers(2**31))
        result = compare_groups(
            values.get(name_a, np.empty(0)),
            values.get(name_b, np.empty(0)),
            n_perm=n_perm,
            seed=pair_seed,
            ci=ci,
            n_boot=n_boot,
        )
        rows.append({"group_a": name_a, "group_b": name_b, **result})
    columns = [
        "group_a", "group_b", "n_a", "n_b", "mean_a", "mean_b", "difference",
        "ci_low", "ci_high", "cliffs_delta", "p_value", "p_adjusted", "significant", "sentence",
    ]  # fmt: skip
    if not rows:
        return pd.DataFrame(columns=columns)
    table = pd.DataFrame(rows)
    table["p_adjusted"] = bh_adjust(table["p_value"].to_numpy())
    table["significant"] = table["p_adjusted"] < alpha
    table["sentence"] = [
        describe_comparison(
            row["group_a"], row["group_b"], row, measure, row["p_adjusted"], alpha=alpha, ci=ci
        )
        for row in table.to_dict("records")
    ]
    return table[columns]


# --------------------------------------------------------------------------- groups


def assign_groups(
    frame: pd.DataFrame, mapping: dict[str, list[str]], column: str = "outlet"
) -> pd.Series:
    """Map each row's ``column`` value to a user-defined group name (NaN when in none).

    >>> frame = pd.DataFrame({"outlet": ["RIA", "Reuters", "Blog"]})
    >>> assign_groups(frame, {"state media": ["RIA"], "wire services": ["Reuters"]}).tolist()
    ['state media', 'wire services', nan]

    Raises ValueError when one outlet is listed in two groups.
    """
    lookup: dict[str, str] = {}
    for name, members in mapping.items():
        for member in members:
            if member in lookup and lookup[member] != name:
                raise ValueError(
                    f"'{member}' is listed in both '{lookup[member]}' and '{name}'; "
                    "put each outlet in one group only."
                )
            lookup[member] = name
    return frame[column].map(lookup).astype(object).rename("group")
