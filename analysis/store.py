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

Long write runs (``slant ingest``) stage their rows as Parquet and bulk-load them
with :func:`load_staged`, under :func:`bounded_memory`, and remember the ids they
have seen with :func:`new_article_ids`; all three keep the run's memory flat in
the number of articles (see ``bench/README.md``, "Ingest memory").
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from operator import attrgetter
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analysis.records import (
    ARTICLE_COLUMNS,
    EVIDENCE_COLUMNS,
    AnalysisResult,
    Article,
    evidence_row,
    sentence_row,
    target_row,
)

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
        refresh_rollups_of(con, "_touched_ids")
    finally:
        con.unregister("_touched_ids")


#: Articles whose roll-up cells one refresh statement re-sums (whole cells, so a chunk
#: may run over by one cell). A refresh of every cell a large run touched at once needs
#: memory in proportion to the run (its DISTINCT counts keep an entry per cell, source and
#: article) and ran out of memory under :func:`bounded_memory`'s cap; chunks keep it flat.
ROLLUP_CHUNK_ARTICLES = 50_000


def refresh_rollups_of(con, ids_relation: str) -> None:
    """:func:`refresh_rollups` for the articles whose ids are in ``ids_relation`` (a table or
    view with an ``article_id`` column): a bulk load refreshes from its table of new ids
    without bringing them into Python. Cells are re-summed in chunks of about
    :data:`ROLLUP_CHUNK_ARTICLES` articles."""
    same_cell = """a.outlet = c.outlet AND a.section IS NOT DISTINCT FROM c.section
                   AND a.published::DATE IS NOT DISTINCT FROM c.day"""
    try:
        # Each touched cell, with its article count, is given a chunk number by running total.
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE _touched_cells AS
            WITH cells AS (
                SELECT DISTINCT a.outlet, a.section, a.published::DATE AS day
                FROM articles a SEMI JOIN {ids_relation} t ON a.article_id = t.article_id),
            sized AS (
                SELECT c.outlet, c.section, c.day, count(*) AS articles
                FROM cells c JOIN articles a ON {same_cell} GROUP BY ALL)
            SELECT outlet, section, day,
                   (sum(articles) OVER (ORDER BY outlet, section, day ROWS UNBOUNDED PRECEDING)
                    - articles) // {ROLLUP_CHUNK_ARTICLES} AS chunk
            FROM sized"""
        )
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE _cell_articles AS
            SELECT a.article_id, a.outlet, a.section, a.published::DATE AS day, a.published,
                   c.chunk
            FROM articles a JOIN _touched_cells c ON {same_cell}"""
        )
        chunks = con.execute("SELECT coalesce(max(chunk) + 1, 0) FROM _touched_cells").fetchone()[0]
        for chunk in range(chunks):
            cells = f"(SELECT * FROM _cell_articles WHERE chunk = {chunk})"
            for table, select in _ROLLUP_SELECTS.items():
                con.execute(
                    f"""DELETE FROM {table} r WHERE EXISTS (
                        SELECT 1 FROM _touched_cells c WHERE c.chunk = {chunk}
                        AND c.outlet = r.outlet AND c.section IS NOT DISTINCT FROM r.section
                        AND c.day IS NOT DISTINCT FROM r.day)"""
                )
                con.execute(f"INSERT INTO {table} {select.format(cells=cells)}")
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


def new_article_ids(con, article_ids: Sequence[str]) -> set[str]:
    """The ``article_ids`` neither stored nor returned by an earlier call on this connection.

    A run remembers the ids it has taken in a temporary table (``_run_ids``), not in a
    Python set, so a run of millions of articles does not grow by its ids (DuckDB spills
    the table under :func:`bounded_memory`'s cap). The table lives as long as ``con``,
    and goes with the transaction if the run is rolled back.
    """
    con.execute("CREATE TEMP TABLE IF NOT EXISTS _run_ids (article_id VARCHAR)")
    ids = pd.DataFrame({"article_id": list(dict.fromkeys(article_ids))})
    if ids.empty:
        return set()
    con.register("_candidate_ids", ids)
    try:
        rows = con.execute(
            """INSERT INTO _run_ids
               SELECT c.article_id FROM _candidate_ids c
               ANTI JOIN articles a ON a.article_id = c.article_id
               ANTI JOIN _run_ids r ON r.article_id = c.article_id
               RETURNING article_id"""
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


def article_columns(articles: Sequence[Article]) -> dict[str, list]:
    """The articles table's rows for ``articles``, as a list per column (published as
    naive UTC, ``ingested_at`` now)."""
    columns = {c: [*map(attrgetter(c), articles)] for c in ARTICLE_COLUMNS}
    columns["published"] = [
        p.astimezone(UTC).replace(tzinfo=None) if p else None for p in columns["published"]
    ]
    columns["ingested_at"] = [datetime.now(UTC).replace(tzinfo=None)] * len(articles)
    return columns


def articles_frame(articles: Sequence[Article]) -> pd.DataFrame:
    """Articles as a frame with the store's columns (published as naive UTC)."""
    frame = pd.DataFrame(article_columns(articles), columns=[*ARTICLE_COLUMNS, "ingested_at"])
    frame["published"] = pd.to_datetime(frame["published"])
    return frame


#: Each result table's columns, in the table's order.
RESULT_COLUMNS = {
    "scores": ("article_id", *SCORE_COLUMNS, "analysis_version", "lexicon_hash"),
    "category_counts": ("article_id", "family", "category", "count"),
    "evidence": EVIDENCE_COLUMNS,
    "sentences": ("article_id", "field", "idx", "start", "end", "compound"),
    "target_sentiment": ("article_id", "target", "mentions", "sentences", "sentiment"),
}


def result_columns(results: Sequence[AnalysisResult]) -> dict[str, dict[str, list]]:
    """The rows each result table receives for ``results``, as a list per column.

    Rows are made as tuples and turned into columns with one ``zip`` (in C): the
    staging files and frames are built from these without a Python step per cell.
    """
    rows: dict[str, list[tuple]] = {table: [] for table in RESULT_COLUMNS}
    for result in results:
        aid, scores = result.article_id, result.scores
        rows["scores"].append(
            (
                aid,
                *[scores.get(c) for c in SCORE_COLUMNS],
                result.analysis_version,
                result.lexicon_hash,
            )
        )
        rows["category_counts"] += [
            (aid, family, category, count)
            for (family, category), count in result.category_counts.items()
        ]
        rows["evidence"] += map(evidence_row, result.evidence)
        rows["sentences"] += [(aid, *row) for row in map(sentence_row, result.sentences)]
        rows["target_sentiment"] += [(aid, *row) for row in map(target_row, result.targets)]
    return {
        table: dict(
            zip(RESULT_COLUMNS[table], map(list, zip(*rows[table], strict=True)), strict=True)
        )
        if rows[table]
        else {c: [] for c in RESULT_COLUMNS[table]}
        for table in RESULT_COLUMNS
    }


def result_frames(results: Sequence[AnalysisResult]) -> dict[str, pd.DataFrame]:
    """The rows each result table receives for ``results``, one frame per table."""
    frames = {
        table: pd.DataFrame(columns, columns=list(RESULT_COLUMNS[table]))
        for table, columns in result_columns(results).items()
    }
    evidence_frame = frames["evidence"]
    evidence_frame["score"] = evidence_frame["score"].astype("float64")
    for column in ("source_start", "source_end", "cue_start", "cue_end"):
        evidence_frame[column] = evidence_frame[column].astype("Int64")
    evidence_frame["anonymous"] = evidence_frame["anonymous"].astype("boolean")
    return frames


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


#: Tables a staging folder holds, one sub-folder of Parquet files each.
STAGED_TABLES = ("articles", *_RESULT_TABLES)

#: Arrow types of the store's column types, for the staging files.
_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "TIMESTAMP": pa.timestamp("us"),
}


def staging_schemas(con) -> dict[str, pa.Schema]:
    """The Arrow schema of each staged table's files: the table's columns, then ``_part``
    (the input partition) and ``_seq`` (the article's place in the input).

    Every file of a table gets the same schema, whatever a batch's values, so
    :func:`load_staged` reads them as one without ``union_by_name``, which merged the
    files' schemas up front and held about 40 KB per file through the load (a run's
    memory grew with its file count, one per batch and table).
    """
    schemas = {}
    for table in STAGED_TABLES:
        columns = con.execute(f"DESCRIBE {table}").fetchall()
        fields = [pa.field(name, _ARROW_TYPES[kind]) for name, kind, *_ in columns]
        schemas[table] = pa.schema([*fields, ("_part", pa.int64()), ("_seq", pa.int64())])
    return schemas


def write_staged(
    staging: Path,
    schemas: dict[str, pa.Schema],
    articles: Sequence[Article],
    results: Sequence[AnalysisResult],
    name: str,
    first_seq: int = 0,
    part: int = 0,
    seqs: Sequence[int] | None = None,
    with_articles: bool = True,
) -> None:
    """Write a scored batch to ``staging`` for :func:`load_staged`: ``<table>/<name>.parquet``
    for each table with rows (the ``articles`` table too unless ``with_articles`` is
    false: re-scored articles are stored already). Each article's place in the input
    (``_seq``) is ``first_seq`` plus its place in the batch, or ``seqs`` when given.

    Columns go from Python lists to Arrow arrays of the table's schema directly: through
    pandas frames this cost ~40% of the time of scoring the batch.
    """
    tables = result_columns(results)
    if with_articles:
        tables["articles"] = article_columns(articles)
    places = seqs if seqs is not None else range(first_seq, first_seq + len(articles))
    order = dict(zip((a.article_id for a in articles), places, strict=True))
    for table, columns in tables.items():
        ids = columns["article_id"]
        if not ids:
            continue
        columns["_part"] = [part] * len(ids)
        columns["_seq"] = [*map(order.__getitem__, ids)]
        schema = schemas[table]
        arrays = [pa.array(columns[f.name], type=f.type) for f in schema]
        folder = staging / table
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_arrays(arrays, schema=schema), folder / f"{name}.parquet")


def load_staged(
    con,
    staging: Path,
    lexicon_hash: str,
    analysis_version: str,
    lexicon_files: dict | None = None,
    union_by_name: bool = False,
    replace: bool = False,
) -> tuple[int, int]:
    """Bulk-load a staging folder of scored articles, in the caller's transaction.

    ``staging/<table>/*.parquet`` hold each table's rows plus ``_part`` and ``_seq``
    (the input partition and the article's place in it), all with the table's
    :func:`staging_schemas` schema (:func:`write_staged`). The first occurrence of an
    article id wins and ids already stored are skipped, so a re-run adds nothing. The
    roll-up cells of the loaded articles are refreshed from a temporary table of their
    ids, which never come into Python. Returns ``(loaded, skipped)``.

    ``replace`` loads re-scored articles instead: the staged results of stored articles
    (no ``articles`` files) replace every result row those articles had.

    ``union_by_name`` reads files whose schemas differ; it holds ~40 KB per file
    through the load.
    """
    keys = "scores" if replace else "articles"
    if not any((staging / keys).glob("*.parquet")):
        return 0, 0

    def source(table: str) -> str:
        folder = (staging / table).as_posix().replace("'", "''")
        options = ", union_by_name = true" if union_by_name else ""
        return f"read_parquet('{folder}/*.parquet'{options})"

    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _staged_new AS
        SELECT article_id, _part FROM {source(keys)}
        QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY _part, _seq) = 1"""
    )
    staged = con.execute(f"SELECT count(*) FROM {source(keys)}").fetchone()[0]
    if replace:
        for table in _RESULT_TABLES:
            con.execute(
                f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM _staged_new)"
            )
    else:
        con.execute("DELETE FROM _staged_new WHERE article_id IN (SELECT article_id FROM articles)")
    loaded = con.execute("SELECT count(*) FROM _staged_new").fetchone()[0]
    for table in _RESULT_TABLES if replace else STAGED_TABLES:
        if not any((staging / table).glob("*.parquet")):
            continue
        columns = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
        names = ", ".join(f'"{c}"' for c in columns)
        picked = ", ".join(f's."{c}"' for c in columns)
        con.execute(
            f"""INSERT INTO {table} ({names})
            SELECT {picked} FROM {source(table)} s
            JOIN _staged_new n ON n.article_id = s.article_id AND n._part = s._part"""
        )
    if loaded:
        refresh_rollups_of(con, "_staged_new")
        con.execute(
            "INSERT INTO lexicon_versions VALUES (?, ?, ?, now()::TIMESTAMP) "
            "ON CONFLICT (lexicon_hash) DO NOTHING",
            [lexicon_hash, analysis_version, json.dumps(lexicon_files or {})],
        )
    con.execute("DROP TABLE _staged_new")
    return loaded, staged - loaded


#: DuckDB's memory for a write run's spillable work: the open transaction's pending rows,
#: sorts, joins, aggregates. Beyond it DuckDB spills to ``<store>.tmp`` (its default
#: temp_directory, removed when the connection closes).
WRITE_MEMORY_BASE = 128 * 2**20
#: ...plus this much per new article for what it keeps in memory until the commit: the
#: primary-key indexes (articles, scores) of the new rows, about 80 bytes per article.
WRITE_MEMORY_PER_ARTICLE = 128


def cap_memory(con, new_articles: int = 0) -> None:
    """Cap DuckDB's memory for a write run adding ``new_articles`` (see :func:`bounded_memory`)."""
    limit = WRITE_MEMORY_BASE + new_articles * WRITE_MEMORY_PER_ARTICLE
    con.execute(f"SET memory_limit = '{limit // 2**20}MiB'")


@contextmanager
def bounded_memory(con) -> Iterator[None]:
    """``with bounded_memory(con):`` caps DuckDB's memory for a long write run
    (:func:`cap_memory`; a run raises the cap by its article count before its bulk load).

    Why: DuckDB keeps the rows an open transaction appends in its buffer pool until the
    commit (a table's rows go to the file early only in full row groups of 122,880
    rows, so below that every article text of a run stays in memory), and it caches the
    blocks it has written. Its default cap is 80 % of RAM, so nothing was evicted and an
    ingest grew by ~13 KB per article (1.79 GB at 100k, the peak at the commit). Under
    the cap it spills the pending rows to disk and reads them back at the commit.
    ``memory_limit`` is global to the database instance, so it is reset afterwards (the
    store's connections never set it otherwise).
    """
    cap_memory(con)
    try:
        yield
    finally:
        con.execute("RESET memory_limit")


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
