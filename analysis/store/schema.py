"""The store's tables: base tables, result tables and roll-up cells, and their columns.

Every score row is stamped with the analysis version and the lexicon hash that
produced it, so old and new results are never mixed (see docs/ARCHITECTURE.md).
"""

from __future__ import annotations

import re

import pyarrow as pa

from analysis.records import (
    EVIDENCE_COLUMNS,
    SCORE_COLUMNS,
)
from analysis.records import INTEGER_SCORES as _INTEGER_SCORES

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
    n_sentiment BIGINT, sum_sentiment DOUBLE, n_scoped BIGINT, sum_scoped DOUBLE
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
-- Counts per framing category (family 'framing'), of those in the outlet's own voice
-- (family 'framing_own': outside attributed content) and per cue class ('cue_class').
CREATE TABLE IF NOT EXISTS category_counts (
    article_id VARCHAR, family VARCHAR, category VARCHAR, count INTEGER
);
CREATE TABLE IF NOT EXISTS evidence (
    article_id VARCHAR, field VARCHAR, kind VARCHAR, label VARCHAR,
    start INTEGER, "end" INTEGER, text VARCHAR, sentence INTEGER, pattern VARCHAR,
    score DOUBLE, source VARCHAR, speaker VARCHAR, cue VARCHAR, cue_class VARCHAR,
    quote_type VARCHAR, anonymous BOOLEAN, source_start INTEGER, source_end INTEGER,
    cue_start INTEGER, cue_end INTEGER, voice VARCHAR,
    source_type VARCHAR
);
-- voice (framing rows: 'own' or 'attributed') came later: a store made before it gets it.
ALTER TABLE evidence ADD COLUMN IF NOT EXISTS voice VARCHAR;
-- source_type (attribution rows) likewise; the store's results are re-scored (lexicon hash).
ALTER TABLE evidence ADD COLUMN IF NOT EXISTS source_type VARCHAR;
CREATE TABLE IF NOT EXISTS sentences (
    article_id VARCHAR, field VARCHAR, idx INTEGER, start INTEGER, "end" INTEGER,
    compound DOUBLE
);
CREATE TABLE IF NOT EXISTS target_sentiment (
    article_id VARCHAR, target VARCHAR, mentions INTEGER, sentences INTEGER, sentiment DOUBLE,
    scoped_sentiment DOUBLE, because VARCHAR
);
-- Which lexicon files produced which numbers: one row per lexicon hash ever used.
CREATE TABLE IF NOT EXISTS lexicon_versions (
    lexicon_hash VARCHAR PRIMARY KEY, analysis_version VARCHAR, files VARCHAR,
    first_used TIMESTAMP
);
"""
    + ROLLUP_SCHEMA
)

#: Columns added after a store's tables were first created: a store made before them
#: gets them (empty; its results are stale by analysis version and re-scored).
MIGRATIONS = """
ALTER TABLE target_sentiment ADD COLUMN IF NOT EXISTS scoped_sentiment DOUBLE;
ALTER TABLE target_sentiment ADD COLUMN IF NOT EXISTS because VARCHAR;
ALTER TABLE rollup_targets ADD COLUMN IF NOT EXISTS n_scoped BIGINT;
ALTER TABLE rollup_targets ADD COLUMN IF NOT EXISTS sum_scoped DOUBLE;
"""

#: Columns added after a store's tables were first created, as ``(table, column)``: what a
#: store made by an earlier version lacks until a write connection adds them.
LATE_COLUMNS = tuple(
    re.findall(r"ALTER TABLE (\w+) ADD COLUMN IF NOT EXISTS (\w+)", SCHEMA + MIGRATIONS)
)

_RESULT_TABLES = ("scores", "category_counts", "evidence", "sentences", "target_sentiment")


#: Each result table's columns, in the table's order.
RESULT_COLUMNS = {
    "scores": ("article_id", *SCORE_COLUMNS, "analysis_version", "lexicon_hash"),
    "category_counts": ("article_id", "family", "category", "count"),
    "evidence": EVIDENCE_COLUMNS,
    "sentences": ("article_id", "field", "idx", "start", "end", "compound"),
    "target_sentiment": (
        "article_id",
        "target",
        "mentions",
        "sentences",
        "sentiment",
        "scoped_sentiment",
        "because",
    ),
}


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
