"""Scoring runs: bring new articles into the store and keep stored results current.

One run is one transaction: new articles are scored and written in batches,
then every stored article whose results came from another lexicon or analysis
version is re-scored, so the store never mixes old and new results and a run
that fails half-way leaves it exactly as it was. ``slant ingest``,
``slant rescore`` and the dashboard's Data page all go through here.

Memory stays flat in the number of articles: new articles' rows are staged as
Parquet per batch and bulk-loaded before the commit, the ids seen so far live in
a DuckDB temporary table, and DuckDB itself runs under a memory cap
(:func:`analysis.store.bounded_memory`), spilling what the open transaction holds.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from analysis import store
from analysis.lexicons import Lexicons
from analysis.pipeline import ANALYSIS_VERSION, analyze_stream
from analysis.records import Article

#: Called after every written batch with the run so far.
Progress = Callable[["RunSummary"], None]

#: Evidence rows gathered before one write. DuckDB writes an append of at least one
#: row group (122,880 rows) straight to the file even inside an open transaction;
#: smaller appends stay in memory until commit, so a long run would grow without bound.
WRITE_ROWS = 122_880
#: ...or this many articles, whichever comes first (articles with little evidence).
WRITE_ARTICLES = 20_000


@dataclass(slots=True)
class RunSummary:
    added: int = 0
    duplicates: int = 0
    rescored: int = 0
    stale: int = 0
    total: int = 0


def unique_articles(
    articles: Iterable[Article], summary: RunSummary, con=None, batch: int = 1000
) -> Iterator[Article]:
    """Drop articles seen earlier in this stream or already in the store (counted as duplicates).

    With a store connection the ids seen so far are kept in DuckDB
    (:func:`analysis.store.new_article_ids`), so memory does not grow with the length
    of the stream; without one (``slant analyze``) they are kept in a set.
    """
    seen: set[str] = set()
    buffer: list[Article] = []

    def new_ids(ids: list[str]) -> set[str]:
        if con is not None:
            return store.new_article_ids(con, ids)
        new = set(ids) - seen
        seen.update(new)
        return new

    def flush():
        new = new_ids([a.article_id for a in buffer])
        for article in buffer:
            if article.article_id in new:
                new.discard(article.article_id)  # a second copy in this batch is a duplicate
                yield article
            else:
                summary.duplicates += 1
        buffer.clear()

    for article in articles:
        buffer.append(article)
        if len(buffer) >= batch:
            yield from flush()
    yield from flush()


class _BatchWriter:
    """Gathers analysed batches and writes them in row-group-sized appends (re-scoring)."""

    def __init__(self, con, lexicons: Lexicons, summary: RunSummary, progress, field: str):
        self.con, self.lexicons, self.summary = con, lexicons, summary
        self.progress, self.field = progress, field
        self.articles: list[Article] = []
        self.results: list = []
        self.rows = 0
        self.written: list[str] = []

    def add(self, batch: list[Article], results: list) -> None:
        self.articles.extend(batch)
        self.results.extend(results)
        self.rows += sum(len(r.evidence) for r in results)
        if self.rows >= WRITE_ROWS or len(self.results) >= WRITE_ARTICLES:
            self.flush()

    def flush(self) -> None:
        if not self.results:
            return
        new = self.articles if self.field == "added" else []
        # Roll-up cells are refreshed once, before the run commits, not per write.
        store.write_batch(self.con, new, self.results, self.lexicons.files, rollups=False)
        self.written.extend(r.article_id for r in self.results)
        setattr(self.summary, self.field, getattr(self.summary, self.field) + len(self.results))
        self.articles, self.results, self.rows = [], [], 0
        if self.progress:
            self.progress(self.summary)


class _StagedWriter:
    """New articles' rows go to Parquet files in a staging folder as they are scored
    (:func:`analysis.store.write_staged`, one file per batch and table) and are loaded
    with one bulk statement per table before the commit (:func:`analysis.store.load_staged`,
    as the Dask engine does). INSERTs of Python frames inside one long transaction grew
    the process by about 40 KB per article (4.4 GB at 100k)."""

    def __init__(self, staging: Path, schemas: dict, summary: RunSummary, progress):
        self.staging, self.schemas = staging, schemas
        self.summary, self.progress = summary, progress
        self.seq = 0
        self.chunk = 0

    def add(self, batch: list[Article], results: list) -> None:
        name = f"part-000000-{self.chunk:06d}"
        store.write_staged(self.staging, self.schemas, batch, results, name, first_seq=self.seq)
        self.seq += len(batch)
        self.chunk += 1
        self.summary.added += len(batch)
        if self.progress:
            self.progress(self.summary)


def ingest_into_store(
    db_path: str | Path,
    articles: Iterable[Article],
    lexicons: Lexicons,
    workers: int | None = None,
    progress: Progress | None = None,
    rescore_all: bool = False,
) -> RunSummary:
    """Score and store the new ``articles``, then re-score stale stored ones; one transaction.

    ``rescore_all`` re-scores every stored article, not only stale ones.
    """
    summary = RunSummary()
    con = store.connect(db_path)
    try:
        # The cap covers the commit too: that is where DuckDB's memory used to peak.
        with store.bounded_memory(con), store.transaction(con):
            fresh = unique_articles(articles, summary, con)
            staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=Path(db_path).parent))
            try:
                staged = _StagedWriter(staging, store.staging_schemas(con), summary, progress)
                for batch, results in analyze_stream(fresh, lexicons, workers=workers):
                    staged.add(batch, results)
                # Bulk load (and roll-up refresh) of the staged rows, inside this transaction,
                # with room for the primary-key index entries of the new rows.
                store.cap_memory(con, new_articles=summary.added)
                summary.added, _ = store.load_staged(
                    con, staging, lexicons.hash, ANALYSIS_VERSION, lexicons.files
                )
            finally:
                shutil.rmtree(staging, ignore_errors=True)
            if rescore_all:
                ids = [r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()]
            else:
                ids = store.stale_article_ids(con, lexicons.hash, ANALYSIS_VERSION)
            summary.stale = len(ids)
            writer = _BatchWriter(con, lexicons, summary, progress, "rescored")
            for batch, results in analyze_stream(
                store.iter_articles(con, ids), lexicons, workers=workers
            ):
                writer.add(batch, results)
            writer.flush()
            store.refresh_rollups(con, writer.written)
        summary.total = store.article_count(con)
    finally:
        con.close()
    return summary


def rescore_store(
    db_path: str | Path,
    lexicons: Lexicons,
    workers: int | None = None,
    progress: Progress | None = None,
    rescore_all: bool = False,
) -> RunSummary:
    """Re-score stored articles made with another lexicon or version (or all of them)."""
    return ingest_into_store(db_path, [], lexicons, workers, progress, rescore_all)
