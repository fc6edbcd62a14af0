"""Stage 6, store: the DuckDB file that keeps articles, scores and the evidence behind them.

Callers use the store as one namespace (``from analysis import store``;
``store.connect(...)``); its parts are :mod:`~analysis.store.schema` (tables),
:mod:`~analysis.store.connect` (opening, transactions, memory caps),
:mod:`~analysis.store.staging` (writing results), :mod:`~analysis.store.rollups`
(per outlet x section x day sums) and :mod:`~analysis.store.read`.
"""

from analysis.store.connect import (
    DEFAULT_DB,
    WRITE_MEMORY_BASE,
    WRITE_MEMORY_PER_ARTICLE,
    bounded_memory,
    cap_memory,
    connect,
    fingerprint,
    transaction,
)
from analysis.store.read import (
    article_count,
    iter_articles,
    missing_columns,
    new_article_ids,
    outlet_names,
    read_articles,
    stale_article_ids,
    stored_before_scoping,
)
from analysis.store.rollups import (
    ALL_CELLS,
    ROLLUP_CHUNK_ARTICLES,
    has_rollups,
    rebuild_rollups,
    refresh_rollups,
    refresh_rollups_of,
    rollup_select,
    rollups_current,
)
from analysis.store.schema import (
    RESULT_COLUMNS,
    ROLLUP_SCHEMA,
    ROLLUP_TABLES,
    SCHEMA,
    SCORE_COLUMNS,
    STAGED_TABLES,
)
from analysis.store.staging import (
    article_columns,
    articles_frame,
    load_staged,
    result_columns,
    result_frames,
    staging_schemas,
    write_batch,
    write_staged,
)

__all__ = [
    "SCORE_COLUMNS",
    "ROLLUP_TABLES",
    "ROLLUP_SCHEMA",
    "SCHEMA",
    "RESULT_COLUMNS",
    "STAGED_TABLES",
    "has_rollups",
    "rollups_current",
    "rebuild_rollups",
    "refresh_rollups",
    "ROLLUP_CHUNK_ARTICLES",
    "refresh_rollups_of",
    "rollup_select",
    "ALL_CELLS",
    "DEFAULT_DB",
    "connect",
    "fingerprint",
    "WRITE_MEMORY_BASE",
    "WRITE_MEMORY_PER_ARTICLE",
    "cap_memory",
    "bounded_memory",
    "transaction",
    "new_article_ids",
    "stale_article_ids",
    "missing_columns",
    "stored_before_scoping",
    "read_articles",
    "iter_articles",
    "article_count",
    "outlet_names",
    "article_columns",
    "articles_frame",
    "result_columns",
    "result_frames",
    "write_batch",
    "staging_schemas",
    "write_staged",
    "load_staged",
]
