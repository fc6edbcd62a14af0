"""Outlets compared on one measure: per-outlet intervals, every pair, and two chosen sides.

Each function takes an open store connection and :class:`~analysis.compare.queries.Filters`,
reads what it needs through :mod:`analysis.compare.queries` and
:mod:`analysis.compare.comparison_reads`, and returns plain frames from
:mod:`analysis.compare.stats`, so the dashboard only caches and draws them.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import pandas as pd

from analysis.compare import comparison_reads, queries, stats
from analysis.compare.queries import Filters
from analysis.measures import registry

#: Articles per outlet the pairwise tests use at most (a seeded sample above that).
PAIRWISE_SAMPLE = 5_000
#: The most outlets :func:`outlet_pairs` is asked to test on a page (66 pairs); every pair of
#: 25 outlets (300) takes minutes of permutation tests on a 20,000-article store.
PAIRWISE_OUTLETS = 12


def outlet_estimates(
    con: duckdb.DuckDBPyConnection, filters: Filters, measure: str
) -> pd.DataFrame:
    """Per-outlet mean of ``measure`` with its 95% interval: group, n, estimate, ci_low, ci_high.

    Large outlets get a normal interval from moments summed in SQL; only the values of
    outlets small enough to bootstrap are fetched (a million rows never reach pandas).
    """
    moments = queries.measure_moments(con, filters, measure)
    values = queries.measure_values(con, filters, measure, stats.NORMAL_ABOVE)
    return stats.group_estimates(values, measure, group="outlet", moments=moments)


def outlet_estimates_long(
    con: duckdb.DuckDBPyConnection, filters: Filters, measures: Sequence[str]
) -> pd.DataFrame:
    """:func:`outlet_estimates` for several measures: outlet, measure, n, estimate, ci_low, ci_high."""
    parts = []
    for measure in measures:
        estimates = outlet_estimates(con, filters, measure).rename(columns={"group": "outlet"})
        estimates.insert(1, "measure", measure)
        parts.append(estimates)
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def key_measures_by_outlet(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """The key measures' per-outlet estimates with each outlet's article count, for reports."""
    counts = queries.outlet_counts(con, filters)
    long = outlet_estimates_long(con, filters, registry.KEY_MEASURES)
    return long.merge(counts, on="outlet", how="left")


def outlet_pairs(con: duckdb.DuckDBPyConnection, filters: Filters, measure: str) -> pd.DataFrame:
    """Every pair of outlets compared on ``measure`` (:func:`analysis.compare.stats.pairwise`)."""
    values = queries.measure_values(con, filters, measure)
    return stats.pairwise(values, measure, n_perm=2000, n_boot=500, max_per_group=PAIRWISE_SAMPLE)


def two_sides(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    measure: str,
    sides: tuple[tuple[str, tuple[str, ...]], tuple[str, tuple[str, ...]]],
) -> dict:
    """Two sides (each a label and its outlets) compared on ``measure``.

    Returns ``estimates`` (side, n, estimate, ci_low, ci_high in the sides' order),
    ``pair`` (:func:`analysis.compare.stats.pairwise`'s row as a dict) and, for rates,
    ``pooled`` (:func:`analysis.compare.stats.pooled_rate`), else None.
    """
    values = comparison_reads.measure_frame(con, filters, measure)
    mapping = {label: list(members) for label, members in sides}
    frame = values.assign(side=stats.assign_groups(values, mapping)).dropna(subset=["side"])
    labels = [label for label, _ in sides]
    estimates = stats.group_estimates(frame, measure, group="side")
    estimates = estimates.set_index("group").reindex(labels).reset_index(names="side")
    estimates["n"] = estimates["n"].fillna(0).astype("int64")
    pair = stats.pairwise(frame, measure, group="side", groups=labels)
    pooled = None
    if comparison_reads.is_rate(measure) and "matches" in frame:
        pooled = stats.pooled_rate(frame, "matches", "words", group="side")
    return {"estimates": estimates, "pair": pair.iloc[0].to_dict(), "pooled": pooled}


def pairs_among(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    measure: str,
    labels: tuple[tuple[str, str], ...],
) -> pd.DataFrame:
    """Every pair among the given outlets (``labels``: ((outlet, shown label), ...))."""
    values = comparison_reads.measure_frame(con, filters, measure)
    shown = dict(labels)
    frame = values[values["outlet"].isin(shown)].assign(outlet=lambda f: f["outlet"].map(shown))
    return stats.pairwise(frame, measure, group="outlet", groups=sorted(shown.values()))


#: Source types as the pages name them (``unknown``: the rules could not tell).
SOURCE_TYPE_LABELS = {
    "named_person": "Named person, no role stated",
    "official": "Official / government",
    "politician": "Politician / party",
    "expert": "Expert / academic",
    "organisation": "Organisation / company",
    "document": "Document / poll / study",
    "ordinary": "Ordinary people",
    "anonymous": "Anonymous",
    "unknown": "Unknown",
}
#: Attribution kinds as the pages name them.
ATTRIBUTION_KIND_LABELS = {
    "speech": "Speech",
    "belief": "Belief / intention",
    "evidence": "Evidence (poll, study, data)",
}


def source_type_mix(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Who gets a voice: each source type's share of an outlet's attributions, with a 95%
    interval over articles: outlet, source_type, n (articles), attributions, total, share,
    ci_low, ci_high."""
    counts = queries.source_type_counts(con, filters)
    return _shares(counts, "source_type")


def attribution_kind_mix(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Speech, belief and evidence attributions as shares of an outlet's attributions, with
    a 95% interval over articles: outlet, kind, n (articles), attributions, total, share,
    ci_low, ci_high."""
    counts = queries.attribution_kind_counts(con, filters)
    return _shares(counts, "kind")


def _shares(counts: pd.DataFrame, category: str) -> pd.DataFrame:
    shares = stats.category_shares(counts, category)
    return shares.rename(columns={"group": "outlet", "category": category, "items": "attributions"})
