"""Roll-ups: sums per outlet x section x day, kept exact beside the base tables.

The dashboard's aggregates on a million articles read a few thousand cells
instead of joining millions of rows. Writes refresh the cells a batch touches in
the same transaction; :func:`rebuild_rollups` rebuilds them all.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa

from analysis.store.schema import ROLLUP_SCHEMA, ROLLUP_TABLES, SCORE_COLUMNS

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
               count(t.sentiment) AS n_sentiment, sum(t.sentiment)::DOUBLE AS sum_sentiment,
               count(t.scoped_sentiment) AS n_scoped,
               sum(t.scoped_sentiment)::DOUBLE AS sum_scoped
        FROM target_sentiment t JOIN {cells} a USING (article_id)
        GROUP BY a.outlet, a.section, a.day, t.target""",
}

#: Every stored article as the ``cells`` relation of :func:`rollup_select`.
ALL_CELLS = "(SELECT article_id, outlet, section, published::DATE AS day, published FROM articles)"


def rollup_select(table: str, cells: str) -> str:
    """The SELECT that sums roll-up ``table``'s cells from the articles in ``cells`` (a
    relation with article_id, outlet, section, day, published).

    One text for every use: :func:`rebuild_rollups` and :func:`refresh_rollups_of` store
    its rows, and :mod:`analysis.compare.queries` sums the filtered articles with it when
    the stored roll-ups cannot answer (a text search), so a question's SQL is the same
    over stored and on-the-fly cells.

    >>> "GROUP BY a.outlet, a.section, a.day, t.target" in rollup_select("rollup_targets", "x")
    True
    """
    return _ROLLUP_SELECTS[table].format(cells=cells)


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
    for table in _ROLLUP_SELECTS:
        con.execute(f"DELETE FROM {table}")
        con.execute(f"INSERT INTO {table} {rollup_select(table, ALL_CELLS)} ORDER BY outlet, day")


def refresh_rollups(con, article_ids: Iterable[str]) -> None:
    """Rebuild the roll-up cells holding ``article_ids`` from the base tables: deleting and
    re-summing whole cells keeps them exact under re-scoring. About 0.6 s for a batch of
    200 articles on random days of a million-article store (it re-reads the evidence)."""
    touched = list(dict.fromkeys(article_ids))
    if not touched:
        return
    con.register("_touched_ids", pa.table({"article_id": pa.array(touched, pa.string())}))
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
            for table in _ROLLUP_SELECTS:
                con.execute(
                    f"""DELETE FROM {table} r WHERE EXISTS (
                        SELECT 1 FROM _touched_cells c WHERE c.chunk = {chunk}
                        AND c.outlet = r.outlet AND c.section IS NOT DISTINCT FROM r.section
                        AND c.day IS NOT DISTINCT FROM r.day)"""
                )
                con.execute(f"INSERT INTO {table} {rollup_select(table, cells)}")
    finally:
        con.execute("DROP TABLE IF EXISTS _cell_articles; DROP TABLE IF EXISTS _touched_cells")
