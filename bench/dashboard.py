"""The dashboard's queries on a million-article store, against a naive pandas groupby.

Run: ``.venv/bin/python bench/dashboard.py [--db bench/out/million.duckdb] [--repeat 3]``
(build the store first: ``.venv/bin/python bench/store.py million``).

A child process plays the dashboard: for each page it calls the functions of
``analysis.compare.queries`` the page calls, each on a fresh read-only connection as
``dashboard/state.py`` does (the first, cold call, then the best of ``--repeat``),
and reports its own peak RSS. It runs twice: once on the base tables
(``rollups=False``, "before") and once as the store answers by
default, from the roll-ups ("after"); the store needs them (``store.rebuild_rollups``,
which ``bench/store.py million`` and any write connection run). This process then loads the full tables into pandas
and computes the same answers with merges and groupbys (the naive way), timed
the same way; every answer is checked against the SQL one. Ratios are
naive / SQL in the same run. Targets: every query >= 5x faster than naive and
under 1 s; the dashboard process under 1.5 GB peak RSS.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.measures import registry  # noqa: E402  (stdlib-only import: the bench stays light)

DB = ROOT / "bench" / "out" / "million.duckdb"
# The Overview page's key measures.
KEY_MEASURES = registry.KEY_MEASURES


def sql_queries(rollups: bool = True):
    """Page -> list of (label, callable(con)) as the dashboard calls them; ``rollups=False``
    makes the page-level aggregates sum the base tables instead of the stored roll-ups."""
    from analysis.compare import queries as q
    from analysis.compare.queries import Filters

    f = Filters()
    return {
        "Overview: corpus_summary": lambda con: q.corpus_summary(con, f, rollups=rollups),
        "Overview: outlet_counts": lambda con: q.outlet_counts(con, f, rollups=rollups),
        "Overview: outlet_means (4 measures)": lambda con: q.outlet_means(
            con, f, KEY_MEASURES, rollups=rollups
        ),
        "Overview: measure_values (sentiment)": lambda con: q.measure_values(con, f, "sentiment"),
        "Overview: measure_moments (sentiment)": lambda con: q.measure_moments(
            con, f, "sentiment", rollups=rollups
        ),
        "Over time: measure_over_time (week)": lambda con: q.measure_over_time(
            con, f, "sentiment", "week", 3, rollups=rollups
        ),
        "Framing: framing_rates": lambda con: q.framing_rates(con, f, rollups=rollups),
        "Attribution: top_sources": lambda con: q.top_sources(con, f, 8, rollups=rollups),
        "Attribution: attribution_summary": lambda con: q.attribution_summary(
            con, f, rollups=rollups
        ),
    }


def best(fn, repeat: int) -> tuple[float, float, object]:
    started = time.perf_counter()
    result = fn()
    cold = time.perf_counter() - started
    warm = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        warm.append(time.perf_counter() - started)
    return cold, min(warm), result


def child(db: Path, repeat: int, bootstrap: bool, base_tables: bool) -> int:
    """The dashboard's side: prints one JSON line per query, then peak RSS."""
    from analysis import store
    from analysis.compare import queries

    for label, query in sql_queries(rollups=not base_tables).items():

        def run(query=query):
            con = store.connect(db, read_only=True)
            try:
                return query(con)
            finally:
                con.close()

        cold, warm, result = best(run, repeat)
        rows = len(result) if hasattr(result, "__len__") else 1
        out = result if isinstance(result, dict) else None
        print(
            json.dumps(
                {"label": label, "cold": cold, "warm": warm, "rows": rows, "dict": out}, default=str
            )
        )
        if label == "Framing: framing_rates":
            result.to_parquet(ROOT / "bench" / "out" / "_framing_sql.parquet")
        if label == "Attribution: top_sources":
            result.to_parquet(ROOT / "bench" / "out" / "_top_sql.parquet")
    rss_queries = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"rss_mb": rss_queries}))
    if bootstrap:
        # The Overview's intervals for one measure. Before: measure_values (1M rows) and a
        # 1,000-draw bootstrap per outlet. After: measure_moments, the values of small
        # outlets only, the normal interval above stats.NORMAL_ABOVE articles.
        from analysis.compare import stats

        started = time.perf_counter()
        con = store.connect(db, read_only=True)
        f = queries.Filters()
        if base_tables:
            values = queries.measure_values(con, f, "sentiment")
            con.close()
            stats.group_estimates(values, "sentiment", group="outlet", normal_above=10**12)
        else:
            moments = queries.measure_moments(con, f, "sentiment")
            values = queries.measure_values(con, f, "sentiment", max_group_n=stats.NORMAL_ABOVE)
            con.close()
            stats.group_estimates(values, "sentiment", group="outlet", moments=moments)
        print(
            json.dumps(
                {
                    "bootstrap_s": time.perf_counter() - started,
                    "rss_after_bootstrap_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                    / 1024,
                }
            )
        )
    return 0


# --------------------------------------------------------------------------- naive pandas


def load_frames(db: Path) -> dict:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            # The full tables (article text and title left out: no page reads them here).
            "articles": con.execute("SELECT article_id, outlet, published FROM articles").df(),
            "scores": con.execute("SELECT * FROM scores").df(),
            "category_counts": con.execute("SELECT * FROM category_counts").df(),
            "evidence": con.execute("SELECT * EXCLUDE (text, pattern) FROM evidence").df(),
        }
    finally:
        con.close()


def naive_queries(t: dict):
    import pandas as pd

    a, s, k, e = t["articles"], t["scores"], t["category_counts"], t["evidence"]

    def corpus_summary():
        m = a.merge(s[["article_id", "words"]], on="article_id", how="left")
        return {
            "articles": len(m),
            "outlets": m["outlet"].nunique(),
            "first": m["published"].min(),
            "last": m["published"].max(),
            "words": int(m["words"].sum()),
            "scored": int(m["words"].notna().sum()),
        }

    def outlet_counts():
        m = a.merge(s[["article_id", "words"]], on="article_id", how="left")
        return m.groupby("outlet").agg(articles=("article_id", "size"), words=("words", "sum"))

    def outlet_means():
        m = a.merge(s, on="article_id")
        return m.groupby("outlet")[list(KEY_MEASURES)].agg(["count", "mean"])

    def measure_moments():
        m = a.merge(s[["article_id", "sentiment"]], on="article_id")
        return m.groupby("outlet")["sentiment"].agg(["count", "mean", "std"])

    def measure_values():
        m = a.merge(s[["article_id", "sentiment"]], on="article_id")
        return m.loc[m["sentiment"].notna(), ["outlet", "sentiment"]]

    def over_time():
        m = a.merge(s[["article_id", "sentiment"]], on="article_id", how="left")
        m = m[m["published"].notna()]
        m["bucket"] = m["published"].dt.to_period("W-SUN").dt.start_time
        b = (
            m.groupby(["outlet", "bucket"])
            .agg(
                articles=("article_id", "size"),
                n=("sentiment", "count"),
                mean=("sentiment", "mean"),
                total=("sentiment", "sum"),
            )
            .reset_index()
        )
        g = b.groupby("outlet")
        b["rolling"] = g["total"].transform(lambda x: x.rolling(3, min_periods=1).sum()) / g[
            "n"
        ].transform(lambda x: x.rolling(3, min_periods=1).sum())
        return b

    def framing_rates():
        m = a.merge(s[["article_id", "words"]], on="article_id")
        words = m.groupby("outlet").agg(words=("words", "sum"), articles=("article_id", "size"))
        f = k[k["family"] == "framing"].merge(a[["article_id", "outlet"]], on="article_id")
        counts = f.groupby(["outlet", "category"])["count"].sum().rename("matches").reset_index()
        grid = words.reset_index().merge(
            pd.DataFrame({"category": counts["category"].unique()}), how="cross"
        )
        out = grid.merge(counts, on=["outlet", "category"], how="left").fillna({"matches": 0})
        out["per_1k"] = out["matches"] * 1000.0 / out["words"]
        return out.sort_values(["outlet", "category"]).reset_index(drop=True)

    def top_sources():
        x = e[e["kind"] == "attribution"].merge(a[["article_id", "outlet"]], on="article_id")
        speaker = x["speaker"].replace("", pd.NA)
        source = x["source"].replace("", pd.NA)
        x = x.assign(src=speaker.fillna(source).fillna("(unnamed)"))
        c = (
            x.groupby(["outlet", "src"])
            .agg(
                attributions=("article_id", "size"),
                articles=("article_id", "nunique"),
                anonymous=("anonymous", "any"),
            )
            .reset_index()
            .sort_values(["outlet", "attributions", "src"], ascending=[True, False, True])
        )
        c["rank"] = c.groupby("outlet").cumcount() + 1
        return c[c["rank"] <= 8].reset_index(drop=True)

    def attribution_summary():
        x = e[e["kind"] == "attribution"].merge(a[["article_id", "outlet"]], on="article_id")
        per = a.groupby("outlet").size().rename("articles")
        g = x.groupby("outlet").agg(
            attributions=("article_id", "size"),
            anonymous=("anonymous", "sum"),
            direct=("quote_type", lambda q: (q == "direct").sum()),
        )
        return per.to_frame().join(g)

    return {
        "Overview: corpus_summary": corpus_summary,
        "Overview: outlet_counts": outlet_counts,
        "Overview: outlet_means (4 measures)": outlet_means,
        "Overview: measure_values (sentiment)": measure_values,
        "Overview: measure_moments (sentiment)": measure_moments,
        "Over time: measure_over_time (week)": over_time,
        "Framing: framing_rates": framing_rates,
        "Attribution: top_sources": top_sources,
        "Attribution: attribution_summary": attribution_summary,
    }


def check(naive_results: dict, sql_dicts: dict) -> list[str]:
    """Answers of the naive side compared with the SQL side's (the ones written to disk)."""
    import pandas as pd

    problems = []
    summary = naive_results["Overview: corpus_summary"]
    got = sql_dicts.get("Overview: corpus_summary") or {}
    for key in ("articles", "outlets", "words", "scored"):
        if int(got.get(key, -1)) != int(summary[key]):
            problems.append(f"corpus_summary {key}: sql {got.get(key)} naive {summary[key]}")
    framing = pd.read_parquet(ROOT / "bench" / "out" / "_framing_sql.parquet")
    mine = naive_results["Framing: framing_rates"]
    if framing["matches"].astype(int).tolist() != mine["matches"].astype(int).tolist():
        problems.append("framing_rates: matches differ")
    top = pd.read_parquet(ROOT / "bench" / "out" / "_top_sql.parquet")
    mine = naive_results["Attribution: top_sources"]
    if top["attributions"].tolist() != mine["attributions"].tolist():
        problems.append("top_sources: attribution counts differ")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DB)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--base-tables", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--no-bootstrap", action="store_true", help="skip timing the Overview bootstrap"
    )
    args = parser.parse_args(argv)
    if args.child:
        return child(args.db, args.repeat, not args.no_bootstrap, args.base_tables)
    if not args.db.exists():
        print(f"{args.db}: build it first with `.venv/bin/python bench/store.py million`")
        return 2

    runs = {}
    for mode in ("before", "after"):
        command = [sys.executable, __file__, "--child", "--db", str(args.db)]
        command += ["--repeat", str(args.repeat)]
        if args.no_bootstrap:
            command.append("--no-bootstrap")
        if mode == "before":
            command.append("--base-tables")
        lines = subprocess.run(
            command, check=True, capture_output=True, text=True
        ).stdout.splitlines()
        records = [json.loads(line) for line in lines if line.startswith("{")]
        runs[mode] = {
            "sql": {r["label"]: r for r in records if "label" in r},
            "rss": next(r["rss_mb"] for r in records if "rss_mb" in r),
            "boot": next((r for r in records if "bootstrap_s" in r), None),
        }
    sql = runs["after"]["sql"]

    started = time.perf_counter()
    frames = load_frames(args.db)
    load_s = time.perf_counter() - started
    naive, results = {}, {}
    for label, fn in naive_queries(frames).items():
        cold, warm, results[label] = best(fn, max(1, args.repeat - 1))
        naive[label] = warm
    pandas_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    problems = check(results, {k: v.get("dict") for k, v in sql.items()})

    import duckdb

    con = duckdb.connect(str(args.db), read_only=True)
    n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    ev = con.execute("SELECT count(*) FROM evidence").fetchone()[0]
    con.close()
    print(
        f"store {args.db.name}: {n:,} articles, {ev:,} evidence rows, {args.db.stat().st_size / 1e9:.2f} GB"
    )
    print(
        f"{'query (as the page calls it)':<40} {'before':>8} {'after cold':>10} {'after warm':>10}"
        f" {'naive':>8} {'naive/after':>11}  target"
    )
    met_all = True
    before = runs["before"]["sql"]
    for label, r in sql.items():
        ratio = naive[label] / r["warm"]
        met = ratio >= 5 and r["warm"] < 1.0
        met_all &= met
        print(
            f"{label:<40} {before[label]['warm']:7.3f}s {r['cold']:9.3f}s {r['warm']:9.3f}s"
            f" {naive[label]:7.3f}s {ratio:10.1f}x  {'met' if met else 'MISSED'} ({r['rows']} rows)"
        )
    print(
        f"naive side: loading the tables into pandas {load_s:.1f} s (not in the ratios); peak RSS {pandas_rss:.0f} MB"
    )
    for mode in ("before", "after"):
        rss = runs[mode]["rss"]
        print(
            f"dashboard process ({mode}, all queries above) peak RSS: {rss:.0f} MB "
            f"(target < 1536 MB: {'met' if rss < 1536 else 'MISSED'})"
        )
    for mode, how in (
        ("before", "measure_values + 1,000-draw bootstrap per outlet"),
        ("after", "measure_moments + normal interval above 20,000 articles"),
    ):
        boot = runs[mode]["boot"]
        if boot:
            print(
                f"Overview intervals, one measure ({mode}: {how}): {boot['bootstrap_s']:.2f} s, "
                f"process peak RSS after it {boot['rss_after_bootstrap_mb']:.0f} MB"
            )
    print("answers: " + ("naive and SQL agree" if not problems else "; ".join(problems)))
    print("all query targets met" if met_all else "some query targets missed (see above)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
