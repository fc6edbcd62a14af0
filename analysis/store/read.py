"""Reading articles back from the store, the ids a run still has to score, and whether the
store's tables are this version's."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC
from typing import TYPE_CHECKING

import pyarrow as pa

from analysis.records import (
    Article,
)
from analysis.store.schema import LATE_COLUMNS

if TYPE_CHECKING:
    import pandas as pd


def new_article_ids(con, article_ids: Sequence[str]) -> set[str]:
    """The ``article_ids`` neither stored nor returned by an earlier call on this connection.

    A run remembers the ids it has taken in a temporary table (``_run_ids``), not in a
    Python set, so a run of millions of articles does not grow by its ids (DuckDB spills
    the table under :func:`bounded_memory`'s cap). The table lives as long as ``con``,
    and goes with the transaction if the run is rolled back.
    """
    con.execute("CREATE TEMP TABLE IF NOT EXISTS _run_ids (article_id VARCHAR)")
    candidates = list(dict.fromkeys(article_ids))
    if not candidates:
        return set()
    con.register("_candidate_ids", pa.table({"article_id": pa.array(candidates, pa.string())}))
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


def missing_columns(con) -> list[str]:
    """The columns (``"table.column"``) this version reads that the store's tables lack: a
    store made by an earlier version, opened read-only, which cannot add them itself (a
    write connection does, :func:`~analysis.store.connect.connect`)."""
    present = set(
        con.execute(
            """SELECT table_name, column_name FROM duckdb_columns()
               WHERE database_name = current_database()"""
        ).fetchall()
    )
    tables = {table for table, _ in present}
    return [
        f"{table}.{column}"
        for table, column in LATE_COLUMNS
        if table in tables and (table, column) not in present
    ]


def stored_before_scoping(con, candidates: Sequence[tuple[str, str]]) -> set[str]:
    """Those of ``candidates`` (``(article_id, outlet)``, ids scoped as ``"Outlet:given"``)
    stored under the bare given id, with the same outlet, by a store made before ids were
    scoped by outlet: re-ingesting the file into that store finds them as duplicates.
    """
    rows = [
        (article_id, outlet, article_id[len(outlet) + 1 :])
        for article_id, outlet in candidates
        if article_id.startswith(f"{outlet}:")
    ]
    if not rows:
        return set()
    scoped, outlets, given = (list(column) for column in zip(*rows, strict=True))
    con.register(
        "_scoped_ids",
        pa.table(
            {
                "article_id": pa.array(scoped, pa.string()),
                "outlet": pa.array(outlets, pa.string()),
                "given": pa.array(given, pa.string()),
            }
        ),
    )
    try:
        found = con.execute(
            """SELECT c.article_id FROM _scoped_ids c
               JOIN articles a ON a.article_id = c.given AND a.outlet = c.outlet"""
        ).fetchall()
    finally:
        con.unregister("_scoped_ids")
    return {r[0] for r in found}


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


def read_articles(con, article_ids: Sequence[str] | None = None) -> pd.DataFrame:
    """Articles (all, or the given ids) as a frame."""
    if article_ids is None:
        return con.execute("SELECT * FROM articles ORDER BY published, article_id").df()
    con.register("_wanted", pa.table({"article_id": pa.array(list(article_ids), pa.string())}))
    try:
        return con.execute(
            "SELECT a.* FROM articles a JOIN _wanted USING (article_id) ORDER BY published, article_id"
        ).df()
    finally:
        con.unregister("_wanted")


def iter_articles(con, article_ids: Sequence[str] | None = None, batch_size: int = 2000):
    """Stream stored articles as :class:`Article` records, ``batch_size`` at a time."""
    import pandas as pd  # here, not at the top: a store opened to write needs no pandas

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


def outlet_names(con) -> set[str]:
    """Every outlet name the store holds (for telling a run's new names apart)."""
    return {row[0] for row in con.execute("SELECT DISTINCT outlet FROM articles").fetchall()}
