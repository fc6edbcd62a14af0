"""Scoring runs: bring new articles into the store and keep stored results current.

One run is one transaction: new articles are scored and written in batches,
then every stored article whose results came from another lexicon or analysis
version is re-scored, so the store never mixes old and new results and a run
that fails half-way leaves it exactly as it was. ``slant ingest``,
``slant rescore`` and the dashboard's Data page all go through here.

Memory stays flat in the number of articles: the workers that score a batch write
its rows as Parquet to a staging folder (:class:`StageBatch`), bulk-loaded before
the commit (new and re-scored articles alike), the ids seen so far live in
a DuckDB temporary table, and DuckDB itself runs under a memory cap
(:func:`analysis.store.bounded_memory`), spilling what the open transaction holds.
"""

from __future__ import annotations

import errno
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from analysis import store
from analysis.errors import StoreWriteFailed
from analysis.pipeline import ANALYSIS_VERSION, map_batches
from analysis.records import Article
from analysis.runs.unique import RunSummary, unique_articles
from analysis.text.lexicons import Lexicons

#: Called after every scored batch with the run so far.
Progress = Callable[["RunSummary"], None]


@dataclass(frozen=True, slots=True)
class StageBatch:
    """Scores one batch and writes its rows to a staging folder
    (:func:`analysis.store.write_staged`, one file per batch and table), returning the
    batch's size. :func:`analysis.pipeline.map_batches` runs it in the pool's workers,
    so the parent process never receives, rebuilds or converts a result: it only hands
    out batches. The rows are loaded with one bulk statement per table before the
    commit (:func:`analysis.store.load_staged`); INSERTs of Python frames inside one
    long transaction grew the process by about 40 KB per article (4.4 GB at 100k).
    """

    staging: Path
    schemas: dict
    part: int = 0
    #: False for re-scoring: the articles are stored already, only their results change.
    with_articles: bool = True

    def __call__(self, analyzer, batch: list[Article], first: int, seqs=None) -> int:
        results = analyzer.analyze_batch(batch)  # the same as analyze, one article at a time
        store.write_staged(
            self.staging,
            self.schemas,
            batch,
            results,
            f"part-{self.part:06d}-{first:09d}",
            first_seq=first,
            part=self.part,
            seqs=seqs,
            with_articles=self.with_articles,
        )
        return len(batch)


def _score_and_stage(
    articles: Iterable[Article],
    work: StageBatch,
    lexicons: Lexicons,
    workers: int | None,
    summary: RunSummary,
    field: str,
    progress: Progress | None,
) -> None:
    for _batch, scored in map_batches(articles, lexicons, work, workers=workers):
        setattr(summary, field, getattr(summary, field) + scored)
        if progress:
            progress(summary)


def ingest_into_store(
    db_path: str | Path,
    articles: Iterable[Article],
    lexicons: Lexicons,
    workers: int | None = None,
    progress: Progress | None = None,
    rescore_all: bool = False,
) -> RunSummary:
    """Score and store the new ``articles``, then re-score stale stored ones; one transaction.

    ``rescore_all`` re-scores every stored article, not only stale ones. A write that
    fails (a full disk) raises :class:`StoreWriteFailed` saying so in plain words; the
    transaction leaves the store as it was.
    """
    try:
        return _ingest_into_store(db_path, articles, lexicons, workers, progress, rescore_all)
    except (OSError, duckdb.Error) as exc:
        reason = _write_failure(exc)
        if reason is None:
            raise
        raise StoreWriteFailed(_write_failed_message(db_path, reason)) from exc


def _ingest_into_store(
    db_path: str | Path,
    articles: Iterable[Article],
    lexicons: Lexicons,
    workers: int | None,
    progress: Progress | None,
    rescore_all: bool,
) -> RunSummary:
    summary = RunSummary()
    con = store.connect(db_path)
    try:
        # The cap covers the commit too: that is where DuckDB's memory used to peak.
        with store.bounded_memory(con), store.transaction(con):
            schemas = store.staging_schemas(con)
            fresh = unique_articles(articles, summary, con)
            with _staging_folder(db_path) as staging:
                work = StageBatch(staging, schemas)
                _score_and_stage(fresh, work, lexicons, workers, summary, "added", progress)
                # Bulk load (and roll-up refresh) of the staged rows, inside this transaction,
                # with room for the primary-key index entries of the new rows.
                store.cap_memory(con, new_articles=summary.added)
                summary.added, _ = store.load_staged(
                    con, staging, lexicons.hash, ANALYSIS_VERSION, lexicons.files
                )
            if rescore_all:
                ids = [r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()]
            else:
                ids = store.stale_article_ids(con, lexicons.hash, ANALYSIS_VERSION)
            summary.stale = len(ids)
            if ids:
                with _staging_folder(db_path) as staging:
                    work = StageBatch(staging, schemas, with_articles=False)
                    stored = store.iter_articles(con, ids)
                    _score_and_stage(stored, work, lexicons, workers, summary, "rescored", progress)
                    store.load_staged(
                        con, staging, lexicons.hash, ANALYSIS_VERSION, lexicons.files, replace=True
                    )
        summary.total = store.article_count(con)
    finally:
        con.close()
    return summary


#: Operating-system errors of a write that found no room.
_DISK_FULL_ERRNOS = {errno.ENOSPC: "disk full", errno.EDQUOT: "disk full", errno.EFBIG: "too large"}
_DISK_FULL_WORDS = {
    "No space left on device": "disk full",
    "Disk quota exceeded": "disk full",
    "File too large": "too large",
}


def _write_failure(exc: BaseException) -> str | None:
    """Why a write failed, in a few words, or None when ``exc`` is not a failed write
    (then it is a bug and keeps its traceback)."""
    if isinstance(exc, OSError):
        return _DISK_FULL_ERRNOS.get(exc.errno)
    for words, reason in _DISK_FULL_WORDS.items():
        if words in str(exc):
            return reason
    if isinstance(exc, (duckdb.IOException, duckdb.FatalException)) or "Could not write" in str(
        exc
    ):
        return "write failed"
    return None


def _write_failed_message(db_path: str | Path, reason: str) -> str:
    """What happened, what the store holds now, and the fix."""
    try:
        with store.connect(db_path, read_only=True) as con:
            count = store.article_count(con)
        held = f"the store still holds its {count:,} article{'s' if count != 1 else ''}"
    except Exception:  # the disk may refuse even this: say what the transaction guarantees
        held = "the store keeps what it held before this run"
    if reason == "disk full":
        return (
            f"the disk holding the store {db_path} is full, so this run could not be written. "
            f"Nothing from it was added; {held}. Free some space on that disk (or use a "
            "store on another disk), then run it again."
        )
    if reason == "too large":
        return (
            f"the store {db_path} reached the largest file this system lets Slant write "
            f"(ulimit -f), so this run could not be written. Nothing from it was added; "
            f"{held}. Raise the limit (or use a store on another disk), then run it again."
        )
    return (
        f"writing to the store {db_path} failed, so nothing from this run was added; {held}. "
        "Check that the disk is healthy and the folder is writable, then run it again."
    )


@contextmanager
def _staging_folder(db_path: str | Path) -> Iterator[Path]:
    """A fresh staging folder beside the store (same disk, so loads read locally), removed after.

    Called with the store's write connection open, so no other run of this store is
    staging: folders left by one that was killed (``kill -9``, a power cut) are removed
    first. Folders of other stores in the same directory carry their own name and stay.
    """
    db_path = Path(db_path)
    prefix = f".{db_path.name}.staging-"
    for stale in db_path.parent.glob(prefix + "*"):
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=prefix, dir=db_path.parent))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def rescore_store(
    db_path: str | Path,
    lexicons: Lexicons,
    workers: int | None = None,
    progress: Progress | None = None,
    rescore_all: bool = False,
) -> RunSummary:
    """Re-score stored articles made with another lexicon or version (or all of them)."""
    return ingest_into_store(db_path, [], lexicons, workers, progress, rescore_all)
