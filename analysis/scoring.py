"""Scoring runs: bring new articles into the store and keep stored results current.

One run is one transaction: new articles are scored and written in batches,
then every stored article whose results came from another lexicon or analysis
version is re-scored, so the store never mixes old and new results and a run
that fails half-way leaves it exactly as it was. ``slant ingest``,
``slant rescore`` and the dashboard's Data page all go through here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from analysis import store
from analysis.lexicons import Lexicons
from analysis.pipeline import ANALYSIS_VERSION, analyze_stream
from analysis.records import Article

#: Called after every written batch with the run so far.
Progress = Callable[["RunSummary"], None]


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
    """Drop articles seen earlier in this stream or already in the store (counted as duplicates)."""
    seen: set[str] = set()
    buffer: list[Article] = []

    def flush():
        stored = store.existing_article_ids(con, [a.article_id for a in buffer]) if con else set()
        for article in buffer:
            if article.article_id in stored:
                summary.duplicates += 1
            else:
                yield article
        buffer.clear()

    for article in articles:
        if article.article_id in seen:
            summary.duplicates += 1
            continue
        seen.add(article.article_id)
        buffer.append(article)
        if len(buffer) >= batch:
            yield from flush()
    yield from flush()


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
        with store.transaction(con):
            fresh = unique_articles(articles, summary, con)
            for batch, results in analyze_stream(fresh, lexicons, workers=workers):
                store.write_batch(con, batch, results, lexicons.files)
                summary.added += len(batch)
                if progress:
                    progress(summary)
            if rescore_all:
                ids = [r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()]
            else:
                ids = store.stale_article_ids(con, lexicons.hash, ANALYSIS_VERSION)
            summary.stale = len(ids)
            for batch, results in analyze_stream(
                store.iter_articles(con, ids), lexicons, workers=workers
            ):
                store.write_batch(con, [], results, lexicons.files)
                summary.rescored += len(batch)
                if progress:
                    progress(summary)
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
