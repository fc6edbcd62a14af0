"""A prototype of roll-up tables for the dashboard: outlet x section x day, exact for every filter
but text search.

Run: ``.venv/bin/python bench/rollups.py [--db bench/out/million.duckdb] [--repeat 3]``

The dashboard's filters are outlets, sections and a date range in whole days (plus
a text search). Every page-level aggregate the Overview, Over time, Framing and
Attribution pages show is a sum over articles, so it can be summed from cells of
outlet x section x day instead of joining 1M articles to their scores and 10M
evidence rows on a string key at every call. Distinct-article counts stay exact
because every article lies in exactly one cell. This script builds the roll-ups
(``bench/out/million-rollups.duckdb``, the store itself is left untouched), times
the roll-up versions of the queries in ``analysis.compare.queries`` on a fresh read-only
connection each, and checks each answer against the original query's.

This was the prototype; the store now keeps the roll-ups itself
(``analysis.store.ROLLUP_TABLES``, rebuilt cell by cell in ``write_batch``, all at
once by ``store.rebuild_rollups``) and ``analysis.compare.queries`` reads them whenever
``filters.search`` is empty, so the "original" side below is itself answered from
the store's roll-ups; ``bench/dashboard.py`` compares them with the base-table SQL
(``rollups=False``). Kept to time the bare roll-up SQL on its own; the roll-ups
are built by the store's own SQL (``store.rebuild_rollups``), not a copy of it.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.compare.queries import cell_where  # noqa: E402
from analysis.store import ROLLUP_TABLES  # noqa: E402

DB = ROOT / "bench" / "out" / "million.duckdb"
OUT = ROOT / "bench" / "out" / "million-rollups.duckdb"


def build(db: Path, out: Path) -> float:
    """Build the roll-ups of ``db`` in ``out`` with the store's own SQL
    (:func:`analysis.store.rebuild_rollups`): ``out`` comes first on the search path, so
    the roll-up tables are created there, and the base tables are read from ``db``."""
    import duckdb

    from analysis import store

    out.unlink(missing_ok=True)
    started = time.perf_counter()
    con = duckdb.connect(str(out))
    home = con.execute("SELECT current_database()").fetchone()[0]
    con.execute(f"ATTACH '{db}' AS src (READ_ONLY)")
    con.execute(f"""SET search_path = '"{home}".main,src.main'""")
    store.rebuild_rollups(con)
    con.execute("RESET search_path")
    con.execute("DETACH src")
    con.execute("CHECKPOINT")
    con.close()
    return time.perf_counter() - started


def rollup_queries(
    filters, measures=("sentiment", "framing_per_1k", "anonymous_share", "hedges_per_1k")
):
    w, p = cell_where(filters)
    means = " UNION ALL ".join(
        f"SELECT outlet, '{m}' AS measure, sum(n_{m}) AS n, sum(sum_{m}) / nullif(sum(n_{m}), 0) AS mean "
        f"FROM rollup_articles r WHERE {w} GROUP BY outlet"
        for m in measures
    )
    return {
        "Overview: corpus_summary": (
            f"""SELECT sum(articles), count(DISTINCT outlet), min(first), max(last),
                       sum(sum_words)::BIGINT, sum(scored) FROM rollup_articles r WHERE {w}""",
            p,
        ),
        "Overview: outlet_counts": (
            f"SELECT outlet, sum(articles) AS articles, sum(sum_words)::BIGINT AS words "
            f"FROM rollup_articles r WHERE {w} GROUP BY outlet ORDER BY outlet",
            p,
        ),
        "Overview: outlet_means (4 measures)": (
            f"{means} ORDER BY outlet, measure",
            p * len(measures),
        ),
        "Over time: measure_over_time (week)": (
            f"""WITH b AS (
                SELECT outlet, date_trunc('week', day::TIMESTAMP) AS bucket, sum(articles) AS articles,
                       sum(n_sentiment) AS n, sum(sum_sentiment) / nullif(sum(n_sentiment), 0) AS mean,
                       sum(sum_sentiment) AS total
                FROM rollup_articles r WHERE {w} AND day IS NOT NULL GROUP BY ALL)
            SELECT outlet, bucket, articles, n, mean,
                   sum(total) OVER w / nullif(sum(n) OVER w, 0) AS rolling
            FROM b WINDOW w AS (PARTITION BY outlet ORDER BY bucket
                                ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)
            ORDER BY outlet, bucket""",
            p,
        ),
        "Framing: framing_rates": (
            f"""WITH ow AS (SELECT outlet, sum(sum_words)::BIGINT AS words, sum(scored) AS articles
                           FROM rollup_articles r WHERE {w} GROUP BY outlet HAVING sum(scored) > 0),
                counts AS (SELECT outlet, category, sum(count)::BIGINT AS matches
                           FROM rollup_categories r WHERE {w} AND family = 'framing' GROUP BY ALL),
                cats AS (SELECT DISTINCT category FROM counts)
            SELECT ow.outlet, cats.category, coalesce(n.matches, 0) AS matches, ow.words, ow.articles,
                   CASE WHEN ow.words > 0 THEN coalesce(n.matches, 0) * 1000.0 / ow.words END AS per_1k
            FROM ow CROSS JOIN cats LEFT JOIN counts n ON n.outlet = ow.outlet AND n.category = cats.category
            ORDER BY ow.outlet, cats.category""",
            p + p,
        ),
        "Attribution: top_sources": (
            f"""WITH counted AS (
                SELECT outlet, source, sum(attributions) AS attributions,
                       sum(articles) AS articles, bool_or(anonymous) AS anonymous
                FROM rollup_sources r WHERE {w} GROUP BY outlet, source)
            SELECT *, row_number() OVER (PARTITION BY outlet ORDER BY attributions DESC, source) AS rank
            FROM counted QUALIFY rank <= 8 ORDER BY outlet, rank""",
            p,
        ),
    }


def main(argv: list[str] | None = None) -> int:
    import duckdb

    from analysis import store
    from analysis.compare import queries as q
    from analysis.compare.queries import Filters

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DB)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    seconds = build(args.db, args.out)
    con = duckdb.connect(str(args.out), read_only=True)
    sizes = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ROLLUP_TABLES}
    con.close()
    print(
        f"roll-ups built from {args.db.name} in {seconds:.0f} s ({args.out.stat().st_size / 1e6:.0f} MB): "
        + ", ".join(f"{t} {n:,} rows" for t, n in sizes.items())
    )
    originals = {
        "Overview: corpus_summary": lambda c, f: q.corpus_summary(c, f),
        "Overview: outlet_counts": lambda c, f: q.outlet_counts(c, f),
        "Overview: outlet_means (4 measures)": lambda c, f: q.outlet_means(
            c, f, ("sentiment", "framing_per_1k", "anonymous_share", "hedges_per_1k")
        ),
        "Over time: measure_over_time (week)": lambda c, f: q.measure_over_time(
            c, f, "sentiment", "week", 3
        ),
        "Framing: framing_rates": lambda c, f: q.framing_rates(c, f),
        "Attribution: top_sources": lambda c, f: q.top_sources(c, f, 8),
    }
    from datetime import date

    for filters in (
        Filters(),
        Filters(outlets=("Continental Wire", "Valley Post"), start=date(2025, 1, 1)),
    ):
        print(f"filters: {filters.as_dict()}")
        for label, (sql, params) in rollup_queries(filters).items():
            times = []
            for _ in range(args.repeat + 1):
                started = time.perf_counter()
                con = duckdb.connect(str(args.out), read_only=True)
                got = con.execute(sql, params).fetchall()
                con.close()
                times.append(time.perf_counter() - started)
            con = store.connect(args.db, read_only=True)
            started = time.perf_counter()
            expected = originals[label](con, filters)
            original_s = time.perf_counter() - started
            con.close()
            want = [expected] if isinstance(expected, dict) else expected
            same = _same(got, want)
            print(
                f"  {label:<38} roll-up cold {times[0]:.3f} s warm {min(times[1:]):.3f} s; "
                f"original {original_s:.3f} s ({original_s / min(times[1:]):.0f}x); "
                f"{'same answer' if same else 'DIFFERENT ANSWER'}"
            )
    print(
        f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    return 0


def _same(rows, expected) -> bool:
    import math

    import pandas as pd

    if isinstance(expected, list) and expected and isinstance(expected[0], dict):
        values = list(expected[0].values())
        got = list(rows[0])
        return len(got) == len(values) and all(
            str(a)[:10] == str(b)[:10] if not isinstance(b, int) else int(a) == b
            for a, b in zip(got, values, strict=True)
        )
    frame = expected if isinstance(expected, pd.DataFrame) else pd.DataFrame(expected)
    if len(rows) != len(frame):
        return False
    for got, want in zip(rows, frame.itertuples(index=False), strict=True):
        for a, b in zip(got, want, strict=True):
            if isinstance(b, float) or isinstance(a, float):
                if not (pd.isna(a) and pd.isna(b)) and not math.isclose(
                    float(a), float(b), rel_tol=1e-9, abs_tol=1e-12
                ):
                    return False
            elif str(a)[:19] != str(b)[:19]:
                return False
    return True


if __name__ == "__main__":
    sys.exit(main())
