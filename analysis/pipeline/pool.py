"""The process pool: :class:`~analysis.pipeline.analyzer.Analyzer` mapped over batches of articles.

Each worker has one analyzer; :func:`map_batches` hands out batches and runs a
picklable ``work(analyzer, batch, first)`` in the worker (``--workers 1`` runs it in
this process), so workers can also write what they scored and the parent only hands
out work. :func:`analyze_stream` is the plain "results in input order" use of it.

Where processes fork (Linux), the parent builds the analyzer and runs ``work.prepare()``
(when ``work`` has one) before starting the workers, so they inherit the compiled
lexicons, the target model and every module a batch imports the first time instead of
each building and importing them again.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import fields
from itertools import starmap
from operator import attrgetter
from typing import TypeVar

from analysis.pipeline.analyzer import Analyzer
from analysis.records import (
    AnalysisResult,
    Article,
    Evidence,
    SentenceScore,
    TargetScore,
    evidence_row,
    sentence_row,
    target_row,
)
from analysis.text.lexicons import Lexicons

# --- process pool -----------------------------------------------------------------------------

_worker_analyzer: Analyzer | None = None

T = TypeVar("T")
#: What :func:`map_batches` runs on each batch: ``work(analyzer, batch, first)``.
BatchWork = Callable[[Analyzer, list[Article], int], T]


def _init_worker(lexicons: Lexicons) -> None:
    # Built once per worker process: compiling lexicons per article costs ~4.5x (docs/ARCHITECTURE.md, "Speed budget").
    global _worker_analyzer
    _worker_analyzer = Analyzer(lexicons)


def _use_analyzer(analyzer: Analyzer) -> None:
    # A forked worker's copy of the parent's analyzer (fork passes it without pickling).
    global _worker_analyzer
    _worker_analyzer = analyzer


def _fork_context():
    """The fork start method where the platform has it, else None (spawn: no sharing)."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


def _pack(result: AnalysisResult) -> tuple:
    """An AnalysisResult as plain tuples: a slots dataclass pickles through Python-level
    ``__getstate__``/``__setstate__`` (one ``setattr`` per field, ~60 evidence rows per
    article), a tuple of its fields in C."""
    return (
        result.article_id,
        result.scores,
        result.category_counts,
        [*map(evidence_row, result.evidence)],
        [*map(sentence_row, result.sentences)],
        [*map(target_row, result.targets)],
        result.analysis_version,
        result.lexicon_hash,
    )


def _unpack(packed: tuple) -> AnalysisResult:
    aid, scores, counts, evidence, sentences, targets, version, lexicon_hash = packed
    return AnalysisResult(
        aid,
        scores,
        counts,
        [*starmap(Evidence, evidence)],
        [*starmap(SentenceScore, sentences)],
        [*starmap(TargetScore, targets)],
        version,
        lexicon_hash,
    )


@contextmanager
def _collector_paused():
    """Python's cycle collector off for one batch, back on (as it was) after it.

    A batch allocates hundreds of thousands of small objects (tokens, evidence rows,
    unpickled results) that hold no reference cycles and are freed by reference counts;
    every 700 allocations the collector would still walk the young objects, and now and
    then every object of the process (a 10,000-article input list included): ~250 µs
    per article in the pool's parent, half its CPU. Re-enabled after each batch, so
    anything cyclic is still collected.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _analyze_all(analyzer: Analyzer, batch: list[Article], first: int) -> list[AnalysisResult]:
    return analyzer.analyze_batch(batch)


def _analyze_batch(analyzer: Analyzer, batch: list[Article], first: int) -> bytes:
    """The packed results (:func:`_pack`) of one batch, pickled here: the parent then
    unpickles them itself, with the collector paused (:func:`_unpack_all`), not in the
    executor's result thread, where the collector runs every 700 new objects."""
    packed = [*map(_pack, _analyze_all(analyzer, batch, first))]
    return pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL)


def _unpack_all(pickled: bytes) -> list[AnalysisResult]:
    with _collector_paused():
        return [*map(_unpack, pickle.loads(pickled))]


#: An Article's fields as a plain tuple, read in C: how a batch travels to a pool worker
#: (a slots dataclass pickles through Python-level ``__getstate__``/``__setstate__``).
_article_fields = attrgetter(*(f.name for f in fields(Article)))


def _run_in_worker(work: BatchWork, rows: list[tuple], first: int):
    assert _worker_analyzer is not None
    with _collector_paused():
        batch = [*starmap(Article, rows)]
        return work(_worker_analyzer, batch, first)


def default_workers() -> int:
    return max(
        1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    )


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def map_batches(
    articles: Iterable[Article],
    lexicons: Lexicons,
    work: BatchWork[T],
    workers: int | None = None,
    batch_size: int = 200,
) -> Iterator[tuple[list[Article], T]]:
    """``work(analyzer, batch, first)`` for each batch of ``articles``, yielding
    ``(batch, what work returned)`` in input order; ``first`` is the place of the
    batch's first article in ``articles``.

    ``work`` runs where the analyzer is: in this process when ``workers == 1``, else in
    a process pool whose workers compile the lexicons once (``work`` must then pickle:
    a module-level function or an instance of a module-level class). Whatever ``work``
    turns the results into (Parquet files, table frames) is built in the workers, so the
    parent does not rebuild every evidence row it would only write out again. At most
    ``2 * workers`` batches are in flight, so memory stays flat however long the input is.
    ``work.prepare()``, when ``work`` has it, runs in the parent before workers fork
    (loading what every batch needs, e.g. the modules a table writer imports on first use).
    """
    workers = workers or default_workers()
    batches = _batches(articles, batch_size)
    if workers == 1:
        analyzer = Analyzer(lexicons)
        first = 0
        for batch in batches:
            with _collector_paused():
                done = work(analyzer, batch, first)
            yield batch, done
            first += len(batch)
        return
    context = _fork_context()
    if context is None:
        setup = {"initializer": _init_worker, "initargs": (lexicons,)}
    else:
        prepare = getattr(work, "prepare", None)
        if prepare is not None:
            prepare()
        setup = {"initializer": _use_analyzer, "initargs": (Analyzer(lexicons),)}
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, **setup) as pool:
        pending: deque = deque()
        first = 0
        for batch in batches:
            rows = [*map(_article_fields, batch)]
            pending.append((batch, pool.submit(_run_in_worker, work, rows, first)))
            first += len(batch)
            if len(pending) >= 2 * workers:
                done_batch, future = pending.popleft()
                yield done_batch, future.result()
        while pending:
            done_batch, future = pending.popleft()
            yield done_batch, future.result()


def analyze_stream(
    articles: Iterable[Article],
    lexicons: Lexicons,
    workers: int | None = None,
    batch_size: int = 200,
) -> Iterator[tuple[list[Article], list[AnalysisResult]]]:
    """Analyze ``articles`` in batches, yielding ``(batch, results)`` in input order.

    ``workers == 1`` runs in this process; more uses :func:`map_batches`' process pool,
    the results travelling back as one pickled blob of plain tuples per batch.
    """
    workers = workers or default_workers()
    if workers == 1:
        yield from map_batches(articles, lexicons, _analyze_all, 1, batch_size)
        return
    for batch, pickled in map_batches(articles, lexicons, _analyze_batch, workers, batch_size):
        yield batch, _unpack_all(pickled)
