"""Writing results: rows as columns, Parquet staging files and their bulk load.

Long write runs (``slant ingest``) stage their rows as Parquet in the workers and
bulk-load them with :func:`load_staged` in one transaction; :func:`write_batch`
writes a small batch directly. Both refresh the roll-up cells they touch.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.parquet as pq

from analysis.records import (
    ARTICLE_COLUMNS,
    AnalysisResult,
    Article,
    evidence_row,
    sentence_row,
    target_row,
)
from analysis.store.rollups import refresh_rollups, refresh_rollups_of

if TYPE_CHECKING:
    import pandas as pd
from analysis.store.schema import (
    _ARROW_TYPES,
    _RESULT_TABLES,
    RESULT_COLUMNS,
    SCORE_COLUMNS,
    STAGED_TABLES,
)


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
    import pandas as pd  # here, not at the top: staging files and CSV tables need no pandas

    frame = pd.DataFrame(article_columns(articles), columns=[*ARTICLE_COLUMNS, "ingested_at"])
    frame["published"] = pd.to_datetime(frame["published"])
    return frame


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
    import pandas as pd  # here, not at the top (see articles_frame)

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
