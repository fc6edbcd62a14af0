"""Results of a coded validation sample: precision (overall, per outlet, per coder) and
recall with Wilson intervals, Cohen's kappa and Krippendorff's alpha between coders,
the items coders disagree on, and the provenance of it all.

Functions take the sample's items and codes as frames (``analysis.store.validation``'s
``sample_items`` and ``sample_codes``) and return plain frames and dicts; the statistics
themselves are in :mod:`analysis.compare.validation_stats`.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from itertools import combinations

import pandas as pd

from analysis.compare.validation_stats import (
    Proportion,
    cohens_kappa,
    krippendorff_alpha_nominal,
    precision,
    proportion,
    stratified_precision,
)
from analysis.store import validation as tables

_PROPORTION_COLUMNS = ["n", "correct", "precision", "ci_low", "ci_high"]


def _judged(items: pd.DataFrame, codes: pd.DataFrame) -> pd.DataFrame:
    """Precision codes that judge (correct / wrong), joined to their item's outlet."""
    precision_ids = items.loc[items["item_kind"] == "precision", ["item_id", "outlet"]]
    judged = codes[codes["code"].isin(["correct", "wrong"])]
    return judged.merge(precision_ids, on="item_id", how="inner")


def _item_judgements(judged: pd.DataFrame) -> list[list[bool]]:
    return [list(g["code"].eq("correct")) for _, g in judged.groupby("item_id", sort=True)]


def _row(p: Proportion) -> list:
    return [p.n, p.successes, p.estimate, p.low, p.high]


def precision_table(
    items: pd.DataFrame, codes: pd.DataFrame, by: str | None = None
) -> pd.DataFrame:
    """Precision with its Wilson 95% interval, overall (``by=None``), per ``"outlet"`` or
    per ``"coder"``. Columns: the group (when grouped), n (items judged), correct (items'
    shares of "correct" summed), precision, ci_low, ci_high.

    Overall and per outlet, an item counts once as the share of its coders who said
    "correct"; per coder, each coder's own items.
    """
    judged = _judged(items, codes)
    if by is None:
        return pd.DataFrame(
            [_row(precision(_item_judgements(judged)))], columns=_PROPORTION_COLUMNS
        )
    rows = [
        [name, *_row(precision(_item_judgements(part)))]
        for name, part in judged.groupby(by, sort=True)
    ]
    return pd.DataFrame(rows, columns=[by, *_PROPORTION_COLUMNS])


def weighted_precision(
    items: pd.DataFrame, codes: pd.DataFrame, population: dict[str, int]
) -> pd.DataFrame:
    """Precision of the whole corpus from a sample stratified by outlet, each outlet weighted
    by its share of the measure's evidence (``population``: evidence rows per outlet), as
    :func:`precision_table` frames it. With equal allocation the plain pooled figure
    weights outlets equally instead; this one estimates the corpus."""
    judged = _judged(items, codes)
    strata = [
        (population.get(name, 0), _item_judgements(part))
        for name, part in judged.groupby("outlet", sort=True)
        if population.get(name, 0) > 0
    ]
    return pd.DataFrame([_row(stratified_precision(strata))], columns=_PROPORTION_COLUMNS)


def recall_estimate(items: pd.DataFrame, codes: pd.DataFrame) -> dict:
    """Recall from the coded recall sentences: the machine's instances in them (found)
    over found plus the instances coders marked as missed (averaged over the coders of a
    sentence). Also the sentences coded, with and without machine evidence."""
    recall_items = items.loc[items["item_kind"] == "recall", ["item_id", "found"]]
    coded = codes[codes["code"].isin(["none_missed", "missed"])].merge(recall_items, on="item_id")
    if coded.empty:
        p = proportion(0, 0)
        return {"sentences": 0, "with_evidence": 0, "found": 0, "missed": 0.0, **_recall(p)}
    coded = coded.assign(missed=coded["missed"].fillna(0).astype(float))
    per_item = coded.groupby("item_id").agg(found=("found", "first"), missed=("missed", "mean"))
    found = int(per_item["found"].sum())
    missed = float(per_item["missed"].sum())
    total = found + missed
    p = proportion(found, total) if total else proportion(0, 0)
    return {
        "sentences": int(len(per_item)),
        "with_evidence": int((per_item["found"] > 0).sum()),
        "found": found,
        "missed": missed,
        **_recall(p),
    }


def _recall(p: Proportion) -> dict:
    return {"recall": p.estimate, "ci_low": p.low, "ci_high": p.high}


@dataclass
class Agreement:
    """Agreement between coders on the precision items' judgements."""

    coders: list[str] = field(default_factory=list)
    shared_items: int = 0  # items judged by two coders or more
    alpha: float = math.nan  # Krippendorff's alpha, nominal, all coders
    kappa: float = math.nan  # Cohen's kappa when there are exactly two coders
    pairs: list[dict] = field(default_factory=list)  # kappa per pair of coders

    def as_dict(self) -> dict:
        return asdict(self)


def agreement(items: pd.DataFrame, codes: pd.DataFrame) -> Agreement:
    """Kappa (two coders; per pair when more) and alpha (any number, skips missing)."""
    judged = _judged(items, codes)
    coders = sorted(judged["coder"].unique().tolist())
    result = Agreement(coders=coders)
    if len(coders) < 2:
        return result
    wide = judged.pivot(index="item_id", columns="coder", values="code")
    result.shared_items = int((wide.notna().sum(axis=1) >= 2).sum())
    matrix = [[None if pd.isna(v) else v for v in wide[c]] for c in coders]
    result.alpha = krippendorff_alpha_nominal(matrix)
    for first, second in combinations(coders, 2):
        both = wide[[first, second]].dropna()
        kappa = cohens_kappa(list(both[first]), list(both[second]))
        result.pairs.append({"coders": [first, second], "items": len(both), "kappa": kappa})
    if len(coders) == 2:
        result.kappa = result.pairs[0]["kappa"]
    return result


#: Item columns shown beside the coders' codes in the disagreements table.
DISAGREEMENT_ITEM_COLUMNS = (
    "item_id", "item_kind", "outlet", "article_id", "text", "label", "source", "cue",
)  # fmt: skip


def _shown(row) -> str:
    """One coder's answer as the disagreements table shows it."""
    code = str(row["code"])
    if code == "missed":
        spans = json.loads(row["missed_spans"]) if isinstance(row.get("missed_spans"), str) else []
        return "missed: " + " | ".join(str(s[2]) for s in spans) if spans else "missed"
    reason = row.get("reason")
    return code.replace("_", " ") + (f" ({reason})" if isinstance(reason, str) and reason else "")


def disagreements(items: pd.DataFrame, codes: pd.DataFrame) -> pd.DataFrame:
    """Items coders answered differently (skips ignored), each coder's answer side by side:
    the table a class or a team discusses. ``disagreement`` says on what: the judgement
    (correct or wrong), the reason two "wrong"s give, or what a recall sentence missed."""
    columns = [c for c in DISAGREEMENT_ITEM_COLUMNS if c in items.columns]
    answered = codes[codes["code"] != "skip"].merge(
        items[["item_id", "item_kind"]], on="item_id", how="inner"
    )
    if answered.empty:
        return pd.DataFrame(columns=[*columns, "disagreement"])
    answered = answered.assign(shown=[_shown(r) for _, r in answered.iterrows()])
    found = []
    for item_id, part in answered.groupby("item_id", sort=True):
        if part["coder"].nunique() < 2 or part["shown"].nunique() < 2:
            continue
        if part["item_kind"].iloc[0] == "recall":
            on = "what the machine missed"
        elif part["code"].nunique() > 1:
            on = "judgement"
        else:
            on = "reason"
        found.append((item_id, on))
    if not found:
        return pd.DataFrame(columns=[*columns, "disagreement"])
    kinds = dict(found)
    chosen = answered[answered["item_id"].isin(kinds)]
    wide = chosen.pivot(index="item_id", columns="coder", values="shown").reset_index()
    wide.columns.name = None
    wide.insert(1, "disagreement", wide["item_id"].map(kinds))
    # The answers first, then what the item is: the table is read on a screen.
    table = wide.merge(items[columns], on="item_id", how="inner")
    return table.sort_values("item_id").reset_index(drop=True)


def progress(items: pd.DataFrame, codes: pd.DataFrame) -> pd.DataFrame:
    """Per coder: items coded (skips included) of the sample's items."""
    counts = codes[codes["item_id"].isin(items["item_id"])].groupby("coder").size()
    return pd.DataFrame(
        {"coder": counts.index, "coded": counts.to_numpy(), "items": len(items)}
    ).reset_index(drop=True)


def provenance(sample: dict, items: pd.DataFrame, codes: pd.DataFrame) -> dict:
    """What a reader of the results needs to reproduce or judge them."""

    def listed(value):
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                return value
        return value

    return {
        "sample_id": sample.get("sample_id"),
        "measure": sample.get("measure"),
        "seed": None if sample.get("seed") is None else int(sample["seed"]),
        "stratify_by": sample.get("stratify_by"),
        "allocation": sample.get("allocation"),
        "created_at": str(sample.get("created_at")),
        "precision_items": int((items["item_kind"] == "precision").sum()),
        "recall_items": int((items["item_kind"] == "recall").sum()),
        "population": listed(sample.get("population")),
        "analysis_version": listed(sample.get("analysis_versions")),
        "lexicon_hash": listed(sample.get("lexicon_hashes")),
        "coders": sorted(codes["coder"].unique().tolist()),
        "codes": int(len(codes)),
    }


def summary(items: pd.DataFrame, codes: pd.DataFrame) -> dict | None:
    """The numbers of a measure page's validation line, or ``None`` if nothing is coded:
    precision, ci_low, ci_high, n (items judged), coders, alpha (NaN with one coder)."""
    overall = precision_table(items, codes).iloc[0]
    if overall["n"] == 0:
        return None
    agree = agreement(items, codes)
    return {
        "precision": float(overall["precision"]),
        "ci_low": float(overall["ci_low"]),
        "ci_high": float(overall["ci_high"]),
        "n": int(overall["n"]),
        "coders": len(agree.coders) or int(codes["coder"].nunique()),
        "alpha": agree.alpha,
    }


def format_summary(numbers: dict | None) -> str:
    """The validation line's words.

    >>> format_summary({"precision": 0.87, "ci_low": 0.8, "ci_high": 0.92, "n": 120,
    ...                 "coders": 2, "alpha": 0.81})
    'validated on this corpus: precision 0.87 [0.80, 0.92], n = 120, 2 coders, alpha 0.81'
    """
    if not numbers:
        return "not validated on this corpus yet"
    coders = numbers["coders"]
    text = (
        f"validated on this corpus: precision {numbers['precision']:.2f} "
        f"[{numbers['ci_low']:.2f}, {numbers['ci_high']:.2f}], n = {numbers['n']}, "
        f"{coders} coder{'s' if coders != 1 else ''}"
    )
    alpha = numbers.get("alpha")
    if alpha is not None and not math.isnan(alpha):
        text += f", alpha {alpha:.2f}"
    if numbers.get("current") is False:
        text += (
            f"; but the sample was drawn from analysis / lexicon {', '.join(numbers['sampled_with'])}"
            f" and the store is now scored with {', '.join(numbers['scored_with'])}: "
            "validate again"
        )
    return text


# --------------------------------------------------------------------------- from the store


@dataclass
class SampleReport:
    """Everything the report and the Validate page show for one sample."""

    table: pd.DataFrame  # long: metric, group, n, value, ci_low, ci_high
    precision_by_outlet: pd.DataFrame
    precision_by_coder: pd.DataFrame
    recall: dict
    agreement: dict
    disagreements: pd.DataFrame
    progress: pd.DataFrame
    summary: dict | None
    provenance: dict


def report_from(sample: dict, items: pd.DataFrame, codes: pd.DataFrame) -> SampleReport:
    """:class:`SampleReport` of a sample's record, items and codes."""
    overall = precision_table(items, codes)
    by_outlet = precision_table(items, codes, "outlet")
    by_coder = precision_table(items, codes, "coder")
    recall = recall_estimate(items, codes)
    agree = agreement(items, codes)
    rows = [("precision", "all items", *overall.iloc[0][["n", "precision", "ci_low", "ci_high"]])]
    population = _population(sample)
    if sample.get("stratify_by") == "outlet" and population:
        weighted = weighted_precision(items, codes, population).iloc[0]
        if weighted["n"]:
            rows.append(
                ("precision", "all items, outlets weighted by their share of the evidence",
                 weighted["n"], weighted["precision"], weighted["ci_low"], weighted["ci_high"])
            )  # fmt: skip
    rows += [
        ("precision", f"outlet: {r.outlet}", r.n, r.precision, r.ci_low, r.ci_high)
        for r in by_outlet.itertuples(index=False)
    ]
    rows += [
        ("precision", f"coder: {r.coder}", r.n, r.precision, r.ci_low, r.ci_high)
        for r in by_coder.itertuples(index=False)
    ]
    if recall["sentences"]:
        rows.append(
            ("recall", "recall sentences", recall["found"] + recall["missed"], recall["recall"],
             recall["ci_low"], recall["ci_high"])
        )  # fmt: skip
    if len(agree.coders) >= 2:
        rows.append(
            ("krippendorff_alpha", ", ".join(agree.coders), agree.shared_items, agree.alpha,
             math.nan, math.nan)
        )  # fmt: skip
        rows += [
            ("cohen_kappa", " vs ".join(p["coders"]), p["items"], p["kappa"], math.nan, math.nan)
            for p in agree.pairs
        ]
    table = pd.DataFrame(rows, columns=["metric", "group", "n", "value", "ci_low", "ci_high"])
    # Items and codes are counts; only recall's averaged misses can make n fractional.
    table["n"] = pd.Series(
        [int(n) if float(n).is_integer() else float(n) for n in table["n"]], dtype=object
    )
    return SampleReport(
        table=table,
        precision_by_outlet=by_outlet,
        precision_by_coder=by_coder,
        recall=recall,
        agreement=agree.as_dict(),
        disagreements=disagreements(items, codes),
        progress=progress(items, codes),
        summary=summary(items, codes),
        provenance=provenance(sample, items, codes),
    )


def _population(sample: dict) -> dict[str, int]:
    """Evidence rows per outlet when the sample was drawn (from its stored record)."""
    population = sample.get("population")
    if isinstance(population, str):
        try:
            population = json.loads(population)
        except ValueError:
            return {}
    if not isinstance(population, dict):
        return {}
    return {str(k): int(v) for k, v in (population.get("evidence_rows") or {}).items()}


def sample_report(con, sample_id: str) -> SampleReport:
    """:class:`SampleReport` of a stored sample."""
    sample = tables.sample_record(con, sample_id) or {"sample_id": sample_id}
    return report_from(
        sample, tables.sample_items(con, sample_id), tables.sample_codes(con, sample_id)
    )


def measure_summary(con, measure: str) -> dict | None:
    """The validation line's numbers for ``measure``: its newest sample with codes
    (:func:`summary`, plus ``sample_id``), or ``None`` when none is coded."""
    coded = tables.samples(con, measure)
    coded = coded[coded["codes"] > 0]
    for sample_id in coded["sample_id"]:
        items = tables.sample_items(con, sample_id)
        numbers = summary(items, tables.sample_codes(con, sample_id))
        if numbers:
            return {**numbers, "sample_id": sample_id, **_stamps_then_and_now(con, items)}
    return None


def _stamps_then_and_now(con, items: pd.DataFrame) -> dict:
    """The analysis versions and lexicon hashes the sample's evidence came from, those the
    store's articles are scored with now, and whether the validation still applies (every
    current stamp was sampled)."""

    def pairs(frame) -> list[str]:
        rows = frame[["analysis_version", "lexicon_hash"]].dropna().drop_duplicates()
        return sorted(f"{v} / {h}" for v, h in rows.itertuples(index=False))

    now = con.execute("SELECT DISTINCT analysis_version, lexicon_hash FROM scores").df()
    sampled, current = pairs(items), pairs(now)
    return {
        "sampled_with": sampled,
        "scored_with": current,
        "current": set(current) <= set(sampled),
    }
