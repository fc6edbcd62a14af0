"""Duplicates dropped from a stream of articles, and the counts of one scoring run.

Apart from :mod:`analysis.runs.scoring` so that ``slant analyze``, which writes CSV
files and no store, uses the same de-duplication without loading DuckDB.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from analysis.records import Article


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

    def new_ids(batch: list[Article]) -> set[str]:
        ids = [a.article_id for a in batch]
        if con is not None:
            # Imported here: slant analyze (no store) does not load DuckDB.
            from analysis import store

            new = store.new_article_ids(con, ids)
            # A store made before ids were scoped by outlet holds some under the bare id.
            return new - store.stored_before_scoping(
                con, [(a.article_id, a.outlet) for a in batch if a.article_id in new]
            )
        new = set(ids) - seen
        seen.update(new)
        return new

    def flush():
        new = new_ids(buffer)
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
