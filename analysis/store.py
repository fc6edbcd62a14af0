"""The DuckDB store: articles, their scores and the evidence behind every score.

One file holds everything (default ``data/slant.duckdb``). Every score row is
stamped with the analysis version and the lexicon hash that produced it; when
either changes, :func:`stale_article_ids` names the articles to re-score and
:func:`write_results` replaces their old rows in the same transaction, so old
and new results are never mixed.

Beside the base tables the store keeps *roll-ups*: sums per outlet x section x
day (``rollup_articles``, ``rollup_categories``, ``rollup_sources``,
``rollup_targets``), so the dashboard's aggregates on a million articles read a
few thousand cells instead of joining millions of rows. :func:`write_batch`
rebuilds the cells a batch touches in the same transaction, so they are exact
after new articles and after re-scoring; :func:`rebuild_rollups` rebuilds them
all (for stores written another way, or made before the roll-ups existed).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd

from analysis.records import ARTICLE_COLUMNS, EVIDENCE_COLUMNS, AnalysisResult, Article

DEFAULT_DB = Path("data") / "slant.duckdb"

#: Article-level measures stored in ``scores`` (besides article_id and the stamps).
SCORE_COLUMNS = (
    "words",
    "sentences",
    "sentiment",
    "headline_sentiment",
    "negative_share",
    "positive_share",
    "framing_count",
    "framing_per_1k",
    "attributions",
    "direct_share",
    "indirect_share",
    "mixed_share",
    "anonymous_share",
    "hedges",
    "hedges_per_1k",
)

_INTEGER_SCORES = {"words", "sentences", "framing_count", "attributions", "hedges"}

#: The roll-up tables, keyed by the dashboard's filter grain (outlet, section, day):
#: every filter but text search selects whole cells, so sums over cells are exact;
#: a distinct-article count is summable because each article lies in one cell.
#: ``section`` and ``day`` keep NULLs as the articles have them.
ROLLUP_TABLES = ("rollup_articles", "rollup_categories", "rollup_sources", "rollup_targets")

_CELL_COLUMNS = "outlet VARCHAR NOT NULL, section VARCHAR, day DATE"

ROLLUP_SCHEMA = f"""
-- Per cell: articles, scored articles, first/last timestamp, and for each score column
-- n_<m> (articles with a value), sum_<m> and sq_<m> (sum of squares, for intervals).
CREATE TABLE IF NOT EXISTS rollup_articles (
    {_CELL_COLUMNS}, articles BIGINT, scored BIGINT, first TIMESTAMP, last TIMESTAMP,
    {", ".join(f"n_{c} BIGINT, sum_{c} DOUBLE, sq_{c} DOUBLE" for c in SCORE_COLUMNS)}
);
CREATE TABLE IF NOT EXISTS rollup_categories (
    {_CELL_COLUMNS}, family VARCHAR, category VARCHAR, count BIGINT
);
-- source = speaker when resolved, else the source phrase, else '(unnamed)'.
CREATE TABLE IF NOT EXISTS rollup_sources (
    {_CELL_COLUMNS}, source VARCHAR, attributions BIGINT, articles BIGINT,
    anonymous BOOLEAN, anonymous_n BIGINT, direct BIGINT, indirect BIGINT, mixed BIGINT
);
CREATE TABLE IF NOT EXISTS rollup_targets (
    {_CELL_COLUMNS}, target VARCHAR, rows BIGINT, articles BIGINT, sentences BIGINT,
    n_sentiment BIGINT, sum_sentiment DOUBLE
);
"""


SCHEMA = (
    f"""
CREATE TABLE IF NOT EXISTS articles (
    article_id VARCHAR PRIMARY KEY,
    outlet VARCHAR NOT NULL,
    published TIMESTAMP,          -- UTC, NULL when the source gave no date
    title VARCHAR,
    text VARCHAR,
    url VARCHAR,
    section VARCHAR,
    author VARCHAR,
    caption VARCHAR,
    event_id VARCHAR,
    source_file VARCHAR,
    ingested_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS scores (
    article_id VARCHAR PRIMARY KEY,
    {", ".join(f"{c} {'INTEGER' if c in _INTEGER_SCORES else 'DOUBLE'}" for c in SCORE_COLUMNS)},
    analysis_version VARCHAR,
    lexicon_hash VARCHAR
);
-- Counts per framing category (family 'framing') and per cue class (family 'cue_class').
CREATE TABLE IF NOT EXISTS category_counts (
    article_id VARCHAR, family VARCHAR, category VARCHAR, count INTEGER
);
CREATE TABLE IF NOT EXISTS evidence (
    article_id VARCHAR, field VARCHAR, kind VARCHAR, label VARCHAR,
    start INTEGER, "end" INTEGER, text VARCHAR, sentence INTEGER, pattern VARCHAR,
    score DOUBLE, source VARCHAR, speaker VARCHAR, cue VARCHAR, cue_class VARCHAR,
    quote_type VARCHAR, anonymous BOOLEAN, source_start INTEGER, source_end INTEGER,
    cue_start INTEGER, cue_end INTEGER
);
CREATE TABLE IF NOT EXISTS sentences (
    article_id VARCHAR, field VARCHAR, idx INTEGER, start INTEGER, "end" INTEGER,
    compound DOUBLE
);
CREATE TABLE IF NOT EXISTS target_sentiment (
    article_id VARCHAR, target VARCHAR, mentions INTEGER, sentences INTEGER, sentiment DOUBLE
);
-- Which lexicon files produced which numbers: one row per lexicon hash ever used.
CREATE TABLE IF NOT EXISTS lexicon_versions (
    lexicon_hash VARCHAR PRIMARY KEY, analysis_version VARCHAR, files VARCHAR,
    first_used TIMESTAMP
);
"""
    + ROLLUP_SCHEMA
)

_RESULT_TABLES = ("scores", "category_counts", "evidence", "sentences", "target_sentiment")

# --------------------------------------------------------------------------- roll-ups

_SCORE_SUMS = ", ".join(
    f"count(s.{c}) AS n_{c}, sum(s.{c})::DOUBLE AS sum_{c}, "
    f"sum(s.{c}::DOUBLE * s.{c}::DOUBLE) AS sq_{c}"
    for c in SCORE_COLUMNS
)

# Each SELECT reads the articles of the cells to build from ``{cells}``, a relation
# with article_id, outlet, section, day, published.
_ROLLUP_SELECTS = {
    "rollup_articles": f"""
        SELECT a.outlet, a.section, a.day, count(*) AS articles,
               count(s.article_id) AS scored, min(a.published) AS first,
               max(a.published) AS last, {_SCORE_SUMS}
        FROM {{cells}} a LEFT JOIN scores s USING (article_id)
        GROUP BY a.outlet, a.section, a.day""",
    "rollup_categories": """
        SELECT a.outlet, a.section, a.day, k.family, k.category, sum(k.count)::BIGINT AS count
        FROM category_counts k JOIN {cells} a USING (article_id)
        GROUP BY a.outlet, a.section, a.day, k.family, k.category""",
    "rollup_sources": """
        SELECT a.outlet, a.section, a.day,
               coalesce(nullif(e.speaker, ''), nullif(e.source, ''), '(unnamed)') AS source,
               count(*) AS attributions, count(DISTINCT e.article_id) AS articles,
               bool_or(e.anonymous) AS anonymous,
               count(*) FILTER (WHERE e.anonymous) AS anonymous_n,
               count(*) FILTER (WHERE e.quote_type = 'direct') AS direct,
               count(*) FILTER (WHERE e.quote_type = 'indirect') AS indirect,
               count(*) FILTER (WHERE e.quote_type = 'mixed') AS mixed
        FROM evidence e JOIN {cells} a USING (article_id)
        WHERE e.kind = 'attribution' GROUP BY ALL""",
    "rollup_targets": """
        SELECT a.outlet, a.section, a.day, t.target, count(*) AS rows,
               count(DISTINCT t.article_id) AS articles, sum(t.sentences)::BIGINT AS sentences,
               count(t.sentiment) AS n_sentiment, sum(t.sentiment)::DOUBLE AS sum_sentiment
        FROM target_sentiment t JOIN {cells} a USING (article_id)
        GROUP BY a.outlet, a.section, a.day, t.target""",
}

_ALL_CELLS = "(SELECT article_id, outlet, section, published::DATE AS day, published FROM articles)"


def has_rollups(con) -> bool:
    """True when every roll-up table exists (a store made before them has none)."""
    names = ", ".join(f"'{t}'" for t in ROLLUP_TABLES)
    found = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() "
        f"AND schema_name = current_schema() AND table_name IN ({names})"
    ).fetchall()[0][0]
    return found == len(ROLLUP_TABLES)


def rollups_current(con) -> bool:
    """True when the roll-ups exist and cover exactly the stored articles and scores.

    A cheap guard (two counts) against stores written without :func:`write_batch`,
    e.g. rows loaded in bulk: queries fall back to the base tables then, and the next
    write connection (:func:`connect`) rebuilds the roll-ups.
    """
    if not has_rollups(con):
        return False
    return bool(
        con.execute(
            """SELECT (SELECT count(*) FROM articles)
                      = (SELECT coalesce(sum(articles), 0) FROM rollup_articles)
                  AND (SELECT count(*) FROM scores)
                      = (SELECT coalesce(sum(scored), 0) FROM rollup_articles)"""
        ).fetchall()[0][0]
    )


def rebuild_rollups(con) -> None:
    """Rebuild every roll-up table from the base tables (about 10 s at a million articles).

    Runs inside the caller's transaction when one is open.
    """
    con.execute(ROLLUP_SCHEMA)
    for table, select in _ROLLUP_SELECTS.items():
        con.execute(f"DELETE FROM {table}")
        con.execute(f"INSERT INTO {table} {select.format(cells=_ALL_CELLS)} ORDER BY outlet, day")


def refresh_rollups(con, article_ids: Iterable[str]) -> None:
    """Rebuild the roll-up cells holding ``article_ids`` from the base tables: deleting and
    re-summing whole cells keeps them exact under re-scoring. About 0.6 s for a batch of
    200 articles on random days of a million-article store (it re-reads the evidence)."""
    ids = pd.DataFrame({"article_id": list(dict.fromkeys(article_ids))})
    if ids.empty:
        return
    con.register("_touched_ids", ids)
    try:
        con.execute(
            """CREATE OR REPLACE TEMP TABLE _touched_cells AS
            SELECT DISTINCT a.outlet, a.section, a.published::DATE AS day
            FROM articles a JOIN _touched_ids USING (article_id)"""
        )
    finally:
        con.unregister("_touched_ids")
    try:
        con.execute(
            """CREATE OR REPLACE TEMP TABLE _cell_articles AS
            SELECT a.article_id, a.outlet, a.section, a.published::DATE AS day, a.published
            FROM articles a SEMI JOIN _touched_cells c
              ON a.outlet = c.outlet AND a.section IS NOT DISTINCT FROM c.section
             AND a.published::DATE IS NOT DISTINCT FROM c.day"""
        )
        for table, select in _ROLLUP_SELECTS.items():
            con.execute(
                f"""DELETE FROM {table} r WHERE EXISTS (
                    SELECT 1 FROM _touched_cells c WHERE c.outlet = r.outlet
                    AND c.section IS NOT DISTINCT FROM r.section
                    AND c.day IS NOT DISTINCT FROM r.day)"""
            )
            con.execute(f"INSERT INTO {table} {select.format(cells='_cell_articles')}")
    finally:
        con.execute("DROP TABLE IF EXISTS _cell_articles; DROP TABLE IF EXISTS _touched_cells")


def connect(path: str | os.PathLike = DEFAULT_DB, read_only: bool = False):
    """Open (and if needed create) the store at ``path``.

    A write connection first brings the roll-ups up to date when they are missing or
    do not cover the stored articles (:func:`rollups_current`); a read-only one never
    writes, and the queries fall back to the base tables on such a store.
    """
    path = Path(path)
    if read_only:
        if not path.exists():
            raise FileNotFoundError(
                f"{path}: no store here yet. Create one with `slant ingest FILES --db {path}`."
            )
        return duckdb.connect(str(path), read_only=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    con.execute(SCHEMA)
    if not rollups_current(con):
        # A store from before the roll-ups, or written in bulk without them.
        with transaction(con):
            rebuild_rollups(con)
    return con


def fingerprint(path: str | os.PathLike) -> str:
    """A cheap token that changes whenever the store file changes (for cache keys)."""
    path = Path(path)
    parts = []
    for candidate in (path, path.with_name(path.name + ".wal")):
        if candidate.exists():
            stat = candidate.stat()
            parts.append(f"{stat.st_mtime_ns}:{stat.st_size}")
    return "|".join(parts) or "missing"


def existing_article_ids(con, article_ids: Iterable[str]) -> set[str]:
    """The subset of ``article_ids`` already stored."""
    ids = pd.DataFrame({"article_id": list(dict.fromkeys(article_ids))})
    if ids.empty:
        return set()
    con.register("_candidate_ids", ids)
    try:
        rows = con.execute(
            "SELECT a.article_id FROM articles a JOIN _candidate_ids c USING (article_id)"
        ).fetchall()
    finally:
        con.unregister("_candidate_ids")
    return {r[0] for r in rows}


def stale_article_ids(con, lexicon_hash: str, analysis_version: str) -> list[str]:
    """Articles whose scores are missing or were made by another lexicon or analysis version."""
    rows = con.execute(
        """SELECT a.article_id FROM articles a LEFT JOIN scores s USING (article_id)
           WHERE s.article_id IS NULL OR s.lexicon_hash IS DISTINCT FROM ?
                 OR s.analysis_version IS DISTINCT FROM ?
           ORDER BY a.article_id""",
        [lexicon_hash, analysis_version],
    ).fetchall()
    return [r[0] for r in rows]


def articles_frame(articles: Sequence[Article]) -> pd.DataFrame:
    """Articles as a frame with the store's columns (published as naive UTC)."""
    now = datetime.now(UTC).replace(tzinfo=None)
    frame = pd.DataFrame(
        [{c: getattr(a, c) for c in ARTICLE_COLUMNS} for a in articles],
        columns=list(ARTICLE_COLUMNS),
    )
    frame["published"] = pd.to_datetime(
        [
            a.published.astimezone(UTC).replace(tzinfo=None) if a.published else None
            for a in articles
        ],
    )
    frame["ingested_at"] = now
    return frame


def result_frames(results: Sequence[AnalysisResult]) -> dict[str, pd.DataFrame]:
    """The rows each result table receives for ``results``, one frame per table."""
    scores, categories, evidence, sentences, targets = [], [], [], [], []
    for result in results:
        aid = result.article_id
        scores.append(
            {
                "article_id": aid,
                **{c: result.scores.get(c) for c in SCORE_COLUMNS},
                "analysis_version": result.analysis_version,
                "lexicon_hash": result.lexicon_hash,
            }
        )
        categories.extend(
            (aid, family, category, count)
            for (family, category), count in result.category_counts.items()
        )
        evidence.extend(tuple(getattr(e, c) for c in EVIDENCE_COLUMNS) for e in result.evidence)
        sentences.extend(
            (aid, s.field, s.index, s.start, s.end, s.compound) for s in result.sentences
        )
        targets.extend(
            (aid, t.target, t.mentions, t.sentences, t.sentiment) for t in result.targets
        )
    score_frame = pd.DataFrame(
        scores, columns=["article_id", *SCORE_COLUMNS, "analysis_version", "lexicon_hash"]
    )
    evidence_frame = pd.DataFrame(evidence, columns=list(EVIDENCE_COLUMNS))
    for column in ("score",):
        evidence_frame[column] = evidence_frame[column].astype("float64")
    for column in ("source_start", "source_end", "cue_start", "cue_end"):
        evidence_frame[column] = evidence_frame[column].astype("Int64")
    evidence_frame["anonymous"] = evidence_frame["anonymous"].astype("boolean")
    return {
        "scores": score_frame,
        "category_counts": pd.DataFrame(
            categories, columns=["article_id", "family", "category", "count"]
        ),
        "evidence": evidence_frame,
        "sentences": pd.DataFrame(
            sentences, columns=["article_id", "field", "idx", "start", "end", "compound"]
        ),
        "target_sentiment": pd.DataFrame(
            targets, columns=["article_id", "target", "mentions", "sentences", "sentiment"]
        ),
    }


def write_batch(
    con,
    articles: Sequence[Article],
    results: Sequence[AnalysisResult],
    lexicon_files: dict | None = None,
    rollups: bool = True,
) -> None:
    """Insert new ``articles`` (if any) and replace the result rows of every article in ``results``.

    Runs inside the caller's transaction when one is open (see :func:`transaction`);
    a batch is written with one bulk insert per table, never row by row. The roll-up
    cells (outlet x section x day) of every article in the batch are rebuilt from the
    base tables afterwards, so the roll-ups stay exact, re-scoring included. A caller
    writing many batches in one transaction may pass ``rollups=False`` and call
    :func:`refresh_rollups` once with every id it wrote before committing.
    """
    touched = [a.article_id for a in articles] + [r.article_id for r in results]
    if articles:
        frame = articles_frame(articles)
        con.register("_new_articles", frame)
        try:
            con.execute(
                "INSERT INTO articles SELECT * FROM _new_articles "
                "ON CONFLICT (article_id) DO NOTHING"
            )
        finally:
            con.unregister("_new_articles")
    if not results:
        if rollups:
            refresh_rollups(con, touched)
        return
    frames = result_frames(results)
    ids = frames["scores"][["article_id"]]
    con.register("_batch_ids", ids)
    try:
        for table in _RESULT_TABLES:
            con.execute(
                f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM _batch_ids)"
            )
            con.register("_rows", frames[table])
            try:
                columns = ", ".join(f'"{c}"' for c in frames[table].columns)
                con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _rows")
            finally:
                con.unregister("_rows")
    finally:
        con.unregister("_batch_ids")
    if rollups:
        refresh_rollups(con, touched)
    first = results[0]
    con.execute(
        "INSERT INTO lexicon_versions VALUES (?, ?, ?, ?) ON CONFLICT (lexicon_hash) DO NOTHING",
        [
            first.lexicon_hash,
            first.analysis_version,
            json.dumps(lexicon_files or {}),
            datetime.now(UTC).replace(tzinfo=None),
        ],
    )


class transaction:
    """``with transaction(con):`` commits on success and rolls back on any error,
    so a run that fails half-way leaves the store exactly as it was."""

    def __init__(self, con):
        self.con = con

    def __enter__(self):
        self.con.execute("BEGIN TRANSACTION")
        return self.con

    def __exit__(self, exc_type, exc, tb):
        self.con.execute("ROLLBACK" if exc_type else "COMMIT")
        return False


def read_articles(con, article_ids: Sequence[str] | None = None) -> pd.DataFrame:
    """Articles (all, or the given ids) as a frame."""
    if article_ids is None:
        return con.execute("SELECT * FROM articles ORDER BY published, article_id").df()
    ids = pd.DataFrame({"article_id": list(article_ids)})
    con.register("_wanted", ids)
    try:
        return con.execute(
            "SELECT a.* FROM articles a JOIN _wanted USING (article_id) ORDER BY published, article_id"
        ).df()
    finally:
        con.unregister("_wanted")


def iter_articles(con, article_ids: Sequence[str] | None = None, batch_size: int = 2000):
    """Stream stored articles as :class:`Article` records, ``batch_size`` at a time."""
    ids = (
        list(article_ids)
        if article_ids is not None
        else [
            r[0]
            for r in con.execute("SELECT article_id FROM articles ORDER BY article_id").fetchall()
        ]
    )
    for offset in range(0, len(ids), batch_size):
        frame = read_articles(con, ids[offset : offset + batch_size])
        for row in frame.itertuples(index=False):
            published = row.published
            yield Article(
                article_id=row.article_id,
                outlet=row.outlet,
                text=row.text or "",
                title=row.title or "",
                published=None
                if pd.isna(published)
                else published.to_pydatetime().replace(tzinfo=UTC),
                url=row.url or "",
                section=row.section or "",
                author=row.author or "",
                caption=row.caption or "",
                event_id=row.event_id or "",
                source_file=row.source_file or "",
            )


def article_count(con) -> int:
    return con.execute("SELECT count(*) FROM articles").fetchone()[0]
