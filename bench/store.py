"""The store at scale: end-to-end ingest throughput, and a million-article store for the dashboard.

Run:
  ``.venv/bin/python bench/store.py ingest [--n 100000] [--workers 2] [--engine local|dask]``
      reads ``bench/out/corpus-N.parquet`` (``bench/corpus.py``), analyzes and stores it
      in ``bench/out/ingest-N.duckdb`` through the same code as ``slant ingest`` (a fresh
      store each run), and prints articles/s next to the floor (bare vaderSentiment per
      sentence, one core) measured in the same run on the first ``--floor-n`` articles.
  ``.venv/bin/python bench/store.py million [--n 1000000] [--evidence 10]``
      builds ``bench/out/million.duckdb`` with ``analysis.store.SCHEMA`` directly in DuckDB
      SQL (no VADER): N scored articles over 12 outlets and two years, about
      ``--evidence`` evidence rows per article (framing, attribution, target, hedge;
      real scoring gives about 40, 10 keeps disk and build time sane), per-category
      counts, target sentiment. Values come from a hash of the row number, so every
      build is the same. Article text is a 600-character lede from a pool of real
      corpus texts (``--text full`` stores whole articles: ~4 GB more disk, the same
      queries); the ``sentences`` table is filled only with ``--sentences`` (~35
      rows per article; only the Sentiment page's sentence drill-down reads it).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import corpus  # noqa: E402

OUT = ROOT / "bench" / "out"
MILLION = OUT / "million.duckdb"


def floor_rate(articles) -> float:
    """Articles per second of bare vaderSentiment on each sentence (and headline), one core."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from bench.analyze import floor_inputs

    vader = SentimentIntensityAnalyzer()
    sentences = floor_inputs(articles)
    started = time.perf_counter()
    for sentence in sentences:
        vader.polarity_scores(sentence)
    return len(articles) / (time.perf_counter() - started)


def cmd_ingest(args) -> int:
    from analysis.cli.main import main as slant
    from analysis.text.lexicons import load_lexicons

    path = corpus.write(args.n)["parquet"]
    db = OUT / f"ingest-{args.n}-{args.engine}.duckdb"
    for stale in (db, db.with_name(db.name + ".wal")):
        stale.unlink(missing_ok=True)
    floor = floor_rate(corpus.load(1000)[: args.floor_n])
    mb = path.stat().st_size / 1e6
    started = time.perf_counter()
    if args.engine == "local":
        code = slant(["ingest", str(path), "--db", str(db), "--workers", str(args.workers)])
        assert code == 0, code
    else:
        from analysis.runs.dask_engine import ingest_with_dask

        summary = ingest_with_dask([path], db, load_lexicons(), workers=args.workers)
        assert summary["added"] == args.n, summary
    seconds = time.perf_counter() - started
    rate = args.n / seconds
    print(
        f"ingest {args.n} articles ({args.engine}, {args.workers} workers; read + analyze + store), "
        f"Parquet input {mb:.0f} MB, store {db.stat().st_size / 1e6:.0f} MB: {seconds:.0f} s, "
        f"{rate:.0f} articles/s"
    )
    print(
        f"floor (vaderSentiment per sentence, one core, first {args.floor_n} articles): "
        f"{floor:.0f} articles/s; ingest / floor = {rate / floor:.2f}x "
        f"({rate / args.workers / floor:.2f}x per worker)"
    )
    print(
        f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    return 0


# --------------------------------------------------------------------------- the million store

FIRST = ["Anna", "Tomas", "Irena", "Yaros", "Vadim", "Lena", "Marek", "Sofia", "Pavel", "Nadia",
         "Oskar", "Hana", "Emil", "Rosa", "Karol", "Vera", "Lukas", "Mira", "Jonas", "Alma"]  # fmt: skip
LAST = ["Ekwall", "Kosk", "Dallin", "Hesk", "Bastel", "Varn", "Tarev", "Orlov", "Brenn", "Sallow",
        "Marek", "Kestin", "Dravik", "Holm", "Fenn", "Lisk", "Ostrel", "Corin", "Tesca", "Arden"]  # fmt: skip
ROLES = ["spokesman", "minister", "official", "analyst", "commander", "lawmaker", "resident"]
ANONYMOUS = ["a senior official", "sources close to the talks", "a diplomat", "officials",
             "a person familiar with the matter", "security sources"]  # fmt: skip
CUES = {"said": "neutral", "told": "neutral", "claimed": "distancing", "alleged": "distancing",
        "slammed": "emotive", "blasted": "emotive", "admitted": "conceding",
        "conceded": "conceding", "insisted": "asserting", "stressed": "asserting"}  # fmt: skip
HEDGES = {"reportedly": "evidential", "apparently": "evidential", "it is believed": "impersonal",
          "may": "epistemic", "allegedly": "evidential"}  # fmt: skip


def _list(values) -> str:
    return "[" + ", ".join("'" + v.replace("'", "''") + "'" for v in values) + "]"


def build_million(path: Path, n: int, evidence: int, text: str, sentences: bool) -> None:
    import duckdb

    from analysis.pipeline import ANALYSIS_VERSION
    from analysis.store import SCHEMA, rebuild_rollups
    from analysis.text.lexicons import load_lexicons

    lex = load_lexicons()
    outlets = sorted({r["outlet"] for r in corpus._sample_rows()}) + list(corpus.EXTRA_OUTLETS)
    pool = corpus.load(1000)
    path.unlink(missing_ok=True)
    path.with_name(path.name + ".wal").unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    con.execute(SCHEMA)
    con.execute("CREATE MACRO u(i, s) AS (hash(i, s) % 1000003) / 1000003.0")
    texts = [a.text if text == "full" else a.text[:600] for a in pool]
    titles = [a.title for a in pool]
    con.execute(
        "CREATE TEMP TABLE pool AS SELECT unnest(?) AS text, unnest(?) AS title, "
        "generate_subscripts(?, 1) - 1 AS k",
        [texts, titles, texts],
    )
    # Outlets get different sizes (a few large wires, many small sites) and a slant of their own.
    con.execute(
        f"""CREATE TEMP TABLE base AS
        SELECT i,
               {_list(outlets)}[1 + (floor(pow(u(i, 'o'), 1.6) * {len(outlets)}))::INT] AS outlet,
               TIMESTAMP '2024-01-01' + to_seconds((u(i, 'd') * 730 * 86400)::BIGINT) AS published,
               greatest(150, least(2000, round(exp(ln(550) + 0.6 * sqrt(-2 * ln(u(i, 'w1') + 1e-9))
                        * cos(2 * pi() * u(i, 'w2'))))))::INT AS words
        FROM range({n}) t(i)"""
    )
    con.execute(
        f"""INSERT INTO articles
        SELECT 'm' || lpad(i::VARCHAR, 7, '0'), b.outlet, b.published, p.title, p.text,
               'https://bench.example/' || i, 'News', '', '', '', 'million', now()::TIMESTAMP
        FROM base b JOIN pool p ON p.k = i % {len(pool)}"""
    )
    con.execute(
        f"""INSERT INTO scores
        SELECT 'm' || lpad(i::VARCHAR, 7, '0'), words, (words / 17)::INT AS sentences,
               (u(i, 's') - 0.5) * 0.6 - 0.03 * (hash(outlet) % 5) AS sentiment,
               CASE WHEN u(i, 'h0') < 0.97 THEN (u(i, 'h') - 0.5) * 1.2 END,
               u(i, 'neg') * 0.6, u(i, 'pos') * 0.5,
               fc, fc * 1000.0 / words,
               att, CASE WHEN att > 0 THEN 0.5 END, CASE WHEN att > 0 THEN 0.4 END,
               CASE WHEN att > 0 THEN 0.1 END, CASE WHEN att > 0 THEN u(i, 'an') * 0.3 END,
               hg, hg * 1000.0 / words, '{ANALYSIS_VERSION}', '{lex.hash}'
        FROM (SELECT *, (words / 250 + u(i, 'fc') * 4)::INT AS fc,
                        (words / 120 + u(i, 'at') * 3)::INT AS att,
                        (u(i, 'hg') * 4)::INT AS hg FROM base)"""
    )
    # Evidence: ~`evidence` rows per article; kinds in real proportions (attributions most).
    slots = max(1, round(evidence / 0.8))
    cats, classes = lex.framing_categories, sorted(set(CUES.values()))
    targets = [t.name for t in lex.targets]
    cue_names = list(CUES)
    hedge_names = list(HEDGES)
    con.execute(
        f"""CREATE TEMP TABLE ev AS
        SELECT i, j, u(i * 64 + j, 'k') AS r, u(i * 64 + j, 'x') AS x,
               u(i * 64 + j, 'y') AS y, 40 + j * 90 AS st
        FROM range({n}) t(i), range({slots}) s(j)
        WHERE u(i * 64 + j, 'keep') < 0.8"""
    )
    con.execute(
        f"""INSERT INTO evidence
        SELECT 'm' || lpad(i::VARCHAR, 7, '0') AS article_id, 'text', kind, label, st,
               st + length(txt), txt, j, pattern, score, source, speaker, cue, cue_class,
               quote_type, anonymous, source_start, source_end, cue_start, cue_end
        FROM (
          SELECT i, j, st,
            CASE WHEN r < 0.3 THEN 'framing' WHEN r < 0.7 THEN 'attribution'
                 WHEN r < 0.9 THEN 'target' ELSE 'hedge' END AS kind,
            CASE WHEN r < 0.3 THEN {_list(cats)}[1 + (x * {len(cats)})::INT % {len(cats)}]
                 WHEN r < 0.7 THEN {_list(CUES.values())}[1 + (y * {len(CUES)})::INT % {len(CUES)}]
                 WHEN r < 0.9 THEN {_list(targets)}[1 + (pow(x, 2) * {len(targets)})::INT % {len(targets)}]
                 ELSE {_list(HEDGES.values())}[1 + (x * {len(HEDGES)})::INT % {len(HEDGES)}] END AS label,
            CASE WHEN r < 0.3 THEN 'framing term ' || (x * 400)::INT
                 WHEN r < 0.7 THEN '"We will not accept it," ' || nm || ' ' || cu
                 WHEN r < 0.9 THEN label
                 ELSE {_list(hedge_names)}[1 + (x * {len(HEDGES)})::INT % {len(HEDGES)}] END AS txt,
            CASE WHEN r < 0.3 THEN 'term ' || (x * 400)::INT
                 WHEN r >= 0.9 THEN {_list(hedge_names)}[1 + (x * {len(HEDGES)})::INT % {len(HEDGES)}]
                 WHEN r >= 0.7 THEN label ELSE '' END AS pattern,
            CASE WHEN r >= 0.7 AND r < 0.9 THEN (y - 0.5) * 1.4 END AS score,
            CASE WHEN r >= 0.3 AND r < 0.7 THEN nm ELSE '' END AS source,
            CASE WHEN r >= 0.3 AND r < 0.7 AND NOT anon THEN nm ELSE '' END AS speaker,
            CASE WHEN r >= 0.3 AND r < 0.7 THEN cu ELSE '' END AS cue,
            CASE WHEN r >= 0.3 AND r < 0.7 THEN {_list(CUES.values())}[1 + (y * {len(CUES)})::INT % {len(CUES)}] ELSE '' END AS cue_class,
            CASE WHEN r >= 0.3 AND r < 0.7 THEN ['direct', 'direct', 'indirect', 'mixed'][1 + (x * 4)::INT % 4] ELSE '' END AS quote_type,
            CASE WHEN r >= 0.3 AND r < 0.7 THEN anon END AS anonymous,
            CASE WHEN r >= 0.3 AND r < 0.7 THEN st + 25 END AS source_start,
            CASE WHEN r >= 0.3 AND r < 0.7 THEN st + 25 + length(nm) END AS source_end,
            CASE WHEN r >= 0.3 AND r < 0.7 THEN st + 26 + length(nm) END AS cue_start,
            CASE WHEN r >= 0.3 AND r < 0.7 THEN st + 26 + length(nm) + length(cu) END AS cue_end
          FROM (SELECT *, u(i * 64 + j, 'a') < 0.15 AS anon,
                  CASE WHEN u(i * 64 + j, 'a') < 0.15
                       THEN {_list(ANONYMOUS)}[1 + (x * {len(ANONYMOUS)})::INT % {len(ANONYMOUS)}]
                       ELSE {_list(FIRST)}[1 + (pow(x, 3) * {len(FIRST)})::INT % {len(FIRST)}] || ' ' ||
                            {_list(LAST)}[1 + (pow(y, 2) * {len(LAST)})::INT % {len(LAST)}] END AS nm,
                  {_list(cue_names)}[1 + (y * {len(CUES)})::INT % {len(CUES)}] AS cu
                FROM ev))"""
    )
    _ = classes
    # Counts per framing category and cue class are the evidence rows, counted.
    con.execute(
        """INSERT INTO category_counts
        SELECT article_id, CASE kind WHEN 'framing' THEN 'framing' ELSE 'cue_class' END,
               label, count(*)::INT
        FROM evidence WHERE kind IN ('framing', 'attribution') GROUP BY ALL"""
    )
    con.execute(
        """INSERT INTO target_sentiment
        SELECT article_id, label, count(*)::INT, count(DISTINCT sentence)::INT, avg(score)
        FROM evidence WHERE kind = 'target' GROUP BY ALL"""
    )
    if sentences:
        con.execute(
            """INSERT INTO sentences
            SELECT s.article_id, 'text', k, k * 100, k * 100 + 95, u(hash(s.article_id), k) - 0.5
            FROM scores s, range(s.sentences) r(k)"""
        )
    con.execute(
        "INSERT INTO lexicon_versions VALUES (?, ?, '{}', now()::TIMESTAMP)",
        [lex.hash, ANALYSIS_VERSION],
    )
    # The dashboard's roll-ups, as a write connection would build them (analysis.store).
    rebuild_rollups(con)
    con.execute("DROP TABLE base; DROP TABLE ev; DROP TABLE pool; CHECKPOINT")
    con.close()


def cmd_million(args) -> int:
    import duckdb

    started = time.perf_counter()
    build_million(args.out, args.n, args.evidence, args.text, args.sentences)
    seconds = time.perf_counter() - started
    con = duckdb.connect(str(args.out), read_only=True)
    counts = {
        t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in (
            "articles",
            "scores",
            "evidence",
            "category_counts",
            "target_sentiment",
            "sentences",
            "rollup_articles",
            "rollup_sources",
        )
    }
    con.close()
    print(
        f"built {args.out} in {seconds:.0f} s, {args.out.stat().st_size / 1e9:.2f} GB: "
        + ", ".join(f"{t} {c:,}" for t, c in counts.items())
        + f" ({counts['evidence'] / counts['articles']:.1f} evidence rows/article)"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ingest")
    p.add_argument("--n", type=int, default=100_000)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--engine", choices=("local", "dask"), default="local")
    p.add_argument("--floor-n", type=int, default=1000)
    p.set_defaults(func=cmd_ingest)
    p = sub.add_parser("million")
    p.add_argument("--n", type=int, default=1_000_000)
    p.add_argument("--evidence", type=int, default=10)
    p.add_argument("--text", choices=("lede", "full"), default="lede")
    p.add_argument("--sentences", action="store_true")
    p.add_argument("--out", type=Path, default=MILLION)
    p.set_defaults(func=cmd_million)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
