"""Ingest on a Dask cluster: the same pure ``Analyzer.analyze``, partitions scored in parallel.

:func:`ingest_with_dask` plans partitions of the input files on the client,
has the workers read them with :mod:`analysis.ingest`'s own functions (so the
cleaning, the ids and the reject messages are the local engine's), score them
with an :class:`~analysis.pipeline.Analyzer` built once per worker thread, and
write one Parquet file per partition and result table to a staging folder.
The client alone then loads the staging folder into the DuckDB store in one
transaction (``read_parquet``), keeping the first occurrence of an id and
skipping ids already stored. The store ends up exactly as the local engine
(``slant ingest``) leaves it.

Partitions: a Parquet file by groups of row groups, a JSON Lines file by
ranges of lines, any other input (CSV, JSON array, ``.txt``) as one partition
per file. On a real cluster the inputs and the staging folder must be on
storage both the workers and the client can read (see ``bench/README.md``).
"""

from __future__ import annotations

import json
import math
import shutil
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from analysis import ingest, store
from analysis.errors import SlantError
from analysis.ingest import articles
from analysis.ingest.textfile import read_text_article
from analysis.records import Article, Rejected
from analysis.runs.scoring import StageBatch
from analysis.text.lexicons import Lexicons

#: Default articles per partition: large enough to amortise a task, small enough
#: that a worker's results (about 40 evidence rows per article) fit in memory.
PARTITION_ROWS = 5000
#: Articles scored between two Parquet writes inside one partition.
_WRITE_EVERY = 1000


@dataclass(frozen=True)
class Partition:
    """One task: ``kind`` is "parquet" (row groups), "jsonl" (line slice ``part`` of ``parts``)
    or "file" (the whole file through the ingest reader)."""

    number: int
    path: str
    folder: str | None
    kind: str
    row_groups: tuple[int, ...] = ()
    first_row: int = 0
    part: int = 0
    parts: int = 1


# --------------------------------------------------------------------------- planning (client)


def plan_partitions(
    paths: Iterable[str | Path], partition_rows: int = PARTITION_ROWS
) -> list[Partition]:
    """Partitions of every input file, in the order the local engine reads them."""
    planned: list[Partition] = []
    for path, folder in ingest.discover(paths):
        suffix = path.suffix.lower()
        common = {"path": str(path), "folder": str(folder) if folder else None}
        if suffix == ".parquet" and path.exists():
            planned.extend(_parquet_partitions(len(planned), path, partition_rows, common))
        elif suffix in {".jsonl", ".ndjson"} and path.exists():
            lines = _count_lines(path)
            parts = max(1, math.ceil(lines / partition_rows))
            for part in range(parts):
                planned.append(
                    Partition(len(planned), kind="jsonl", part=part, parts=parts, **common)
                )
        else:
            planned.append(Partition(len(planned), kind="file", **common))
    return planned


def _parquet_partitions(start: int, path: Path, rows: int, common: dict) -> list[Partition]:
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(path).metadata
    except Exception:  # unreadable: the ingest reader reports it as one partition
        return [Partition(start, kind="file", **common)]
    found, groups, first, count = [], [], 0, 0
    for group in range(meta.num_row_groups):
        groups.append(group)
        count += meta.row_group(group).num_rows
        if count >= rows:
            found.append(
                Partition(
                    start + len(found),
                    kind="parquet",
                    row_groups=tuple(groups),
                    first_row=first,
                    **common,
                )
            )
            first += count
            groups, count = [], 0
    if groups or not found:
        found.append(
            Partition(
                start + len(found),
                kind="parquet",
                row_groups=tuple(groups),
                first_row=first,
                **common,
            )
        )
    return found


def _count_lines(path: Path) -> int:
    count = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 24):
            count += chunk.count(b"\n")
    return count + 1


# --------------------------------------------------------------------------- reading (workers)


def read_partition(
    partition: Partition,
    outlet: str | None = None,
    published: str | None = None,
    warnings: list[str] | None = None,
) -> Iterator[Article | Rejected]:
    """The articles (and rejects) of one partition, as :func:`analysis.ingest.load_paths` reads them."""
    warnings = warnings if warnings is not None else []
    path = Path(partition.path)
    if partition.kind == "parquet":
        yield from _read_parquet_groups(path, partition, outlet)
    elif partition.kind == "jsonl":
        yield from _read_jsonl_slice(path, partition, outlet, warnings)
    elif path.suffix.lower() in ingest.TEXT_SUFFIXES and path.exists():
        folder = Path(partition.folder) if partition.folder else None
        try:
            raw = articles.read_text_file(path, warnings)
            yield read_text_article(raw, path, folder, outlet=outlet, published=published)
        except articles.IngestError as exc:
            yield Rejected(str(path), None, str(exc).removeprefix(f"{path}: "))
        except OSError as exc:
            yield Rejected(str(path), None, f"cannot read the file ({exc.strerror or exc})")
    else:
        yield from ingest.load_paths([path], outlet=outlet, published=published, warnings=warnings)


def _read_parquet_groups(path: Path, partition: Partition, outlet: str | None):
    """Rows of some row groups, exactly as :func:`analysis.tabular.read_parquet` reads them."""
    import pyarrow.parquet as pq

    source = str(path)
    parquet = pq.ParquetFile(path)
    columns = parquet.schema_arrow.names
    mapping = articles.map_columns(columns)
    missing = articles.missing_columns(mapping, outlet)
    if missing:
        if partition.first_row == 0:  # reported once per file, as the local reader does
            yield Rejected(source, None, articles.missing_columns_message(path, missing, columns))
        return
    row_number = partition.first_row
    if not partition.row_groups:
        return
    for batch in parquet.iter_batches(batch_size=5000, row_groups=list(partition.row_groups)):
        for record in batch.to_pylist():
            row_number += 1
            yield articles.row_to_article(record, mapping, source, row_number, outlet)


def _read_jsonl_slice(path: Path, partition: Partition, outlet: str | None, warnings: list[str]):
    """Lines ``part`` of ``parts`` of a JSON Lines file, as :func:`analysis.tabular.read_jsonl`
    reads them (same line numbers, same reject messages). The file is streamed twice (its
    lines counted, then the slice read), never held whole: each partition read it whole."""
    source = str(path)
    first = partition.part == 0
    try:
        count, any_content = _count_jsonl_lines(path, warnings if first else [])
    except articles.IngestError as exc:
        if first:
            yield Rejected(source, None, str(exc).removeprefix(f"{source}: "))
        return
    except OSError as exc:
        if first:
            yield Rejected(source, None, f"cannot read the file ({exc.strerror or exc})")
        return
    if first and not any_content:
        yield Rejected(source, None, "the file holds no records")
        return
    size = math.ceil(count / partition.parts) if count else 0
    low, high = partition.part * size, min(count, (partition.part + 1) * size)
    mapping_cache: dict[tuple, dict] = {}
    for number, line in _jsonl_lines(path, low, high):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejected(source, number, f"invalid JSON ({exc.msg}); one object per line")
            continue
        if not isinstance(record, dict):
            yield Rejected(source, number, "expected a JSON object on this line")
            continue
        keys = tuple(record)
        mapping = mapping_cache.get(keys)
        if mapping is None:
            mapping = mapping_cache[keys] = articles.map_columns(keys)
        missing = articles.missing_columns(mapping, outlet)
        if missing:
            yield Rejected(source, number, articles.missing_columns_message(path, missing, keys))
            continue
        yield articles.row_to_article(record, mapping, source, number, outlet)


def _count_jsonl_lines(path: Path, warnings: list[str]) -> tuple[int, bool]:
    """The file's lines as ``str.splitlines`` counts them, and whether any is not blank."""
    count, any_content = 0, False
    with articles.open_text(path, warnings) as stream:
        for physical in stream:
            for line in physical.splitlines():
                count += 1
                any_content = any_content or bool(line.strip())
    return count, any_content


def _jsonl_lines(path: Path, low: int, high: int) -> Iterator[tuple[int, str]]:
    """``(number, line)`` for lines ``low + 1`` to ``high`` (numbered from 1)."""
    number = 0
    with articles.open_text(path, []) as stream:  # its warnings were given by the count
        for physical in stream:
            for line in physical.splitlines():
                number += 1
                if number > high:
                    return
                if number > low:
                    yield number, line


# --------------------------------------------------------------------------- scoring (workers)

_analyzers: dict[tuple[str, int], object] = {}
_analyzers_lock = threading.Lock()


def _analyzer(lexicons: Lexicons):
    """The worker thread's Analyzer for these lexicons, built once (compiling per task costs ~4.5x).

    Keyed by thread too: the pattern sets' memo tables are not shared between threads.
    """
    from analysis.pipeline import Analyzer

    key = (lexicons.hash, threading.get_ident())
    with _analyzers_lock:
        analyzer = _analyzers.get(key)
    if analyzer is None:
        analyzer = Analyzer(lexicons)
        with _analyzers_lock:
            _analyzers[key] = analyzer
    return analyzer


def score_partition(
    partition: Partition,
    lexicons: Lexicons,
    staging: str,
    schemas: dict,
    outlet: str | None = None,
    published: str | None = None,
    stored_ids: str | None = None,
) -> dict:
    """Read, score and stage one partition; returns its tally (small: sent back to the client).

    ``stored_ids``: a Parquet file of the ids the store already holds (written by the
    client in the staging folder); this partition's articles among them are counted as
    duplicates and not scored. Only the partition's own ids are looked up in it, so a
    worker's memory does not grow with the store.

    Writes ``staging/<table>/part-<partition>-<first seq>.parquet`` for the articles and
    every result table, in the store's ``schemas`` (:func:`analysis.store.staging_schemas`);
    each row carries ``_part`` and ``_seq`` (order of reading) so the client keeps the
    first occurrence of an id exactly as the local engine does.
    """
    analyzer = _analyzer(lexicons)
    warnings: list[str] = []
    rejected: list[Rejected] = []
    seen: set[str] = set()
    read = duplicates = scored = 0
    batch: list[Article] = []
    seqs: list[int] = []

    stage = StageBatch(Path(staging), schemas, part=partition.number)

    def flush() -> None:
        if batch:
            stage(analyzer, batch, seqs[0], seqs)
        batch.clear()
        seqs.clear()

    # A partition is at most ``partition_rows`` articles: read whole, its stored ids
    # are found with one lookup.
    items = list(enumerate(read_partition(partition, outlet, published, warnings)))
    skip_ids = _stored_among(
        stored_ids, [item.article_id for _, item in items if not isinstance(item, Rejected)]
    )
    for seq, item in items:
        if isinstance(item, Rejected):
            rejected.append(item)
            continue
        read += 1
        if item.article_id in seen or item.article_id in skip_ids:
            duplicates += 1
            continue
        seen.add(item.article_id)
        batch.append(item)
        seqs.append(seq)
        scored += 1
        if len(batch) >= _WRITE_EVERY:
            flush()
    flush()
    return {
        "partition": partition.number,
        "read": read,
        "scored": scored,
        "duplicates": duplicates,
        "rejected": rejected,
        "warnings": warnings,
    }


# --------------------------------------------------------------------------- loading (client)


def load_staging(con, staging: Path, lexicons: Lexicons) -> tuple[int, int]:
    """Load staged partitions into the store in the caller's transaction
    (:func:`analysis.store.load_staged`).

    Returns ``(added, skipped)``: articles inserted, and staged articles left out
    because an earlier partition had the id or the store already held it.
    """
    from analysis.pipeline import ANALYSIS_VERSION

    return store.load_staged(con, staging, lexicons.hash, ANALYSIS_VERSION, lexicons.files)


def _write_stored_ids(con, staging: Path) -> str | None:
    """The store's article ids as a Parquet file in the staging folder, for the workers
    (:func:`score_partition`); ``None`` for an empty store. DuckDB writes it: the ids
    never come into Python (a set of a million ids is ~100 MB, once per worker)."""
    if not con.execute("SELECT count(*) FROM articles").fetchone()[0]:
        return None
    path = staging / "_stored_ids.parquet"
    quoted = path.as_posix().replace("'", "''")
    # A store made before ids were scoped by outlet holds a given id bare: its scoped
    # form ("Outlet:id") is listed too, so re-ingesting the file finds it a duplicate.
    con.execute(
        f"""COPY (SELECT article_id FROM articles
                  UNION ALL SELECT outlet || ':' || article_id FROM articles
                  WHERE NOT regexp_full_match(article_id, '[0-9a-f]{{16}}'))
            TO '{quoted}' (FORMAT parquet)"""
    )
    return str(path)


def _stored_among(stored_ids: str | None, ids: list[str]) -> set[str]:
    """Those of ``ids`` that are in the ``stored_ids`` Parquet file."""
    if not stored_ids or not ids:
        return set()
    con = duckdb.connect()
    try:
        con.register("_ids", pa.table({"article_id": ids}))
        quoted = stored_ids.replace("'", "''")
        rows = con.execute(
            f"SELECT article_id FROM read_parquet('{quoted}') SEMI JOIN _ids USING (article_id)"
        ).fetchall()
    finally:
        con.close()
    return {r[0] for r in rows}


def ingest_with_dask(
    paths: Iterable[str | Path],
    db_path: str | Path,
    lexicons: Lexicons,
    scheduler: str | None = None,
    partition_rows: int = PARTITION_ROWS,
    workers: int = 2,
    outlet: str | None = None,
    published: str | None = None,
    staging: str | Path | None = None,
    processes: bool = True,
    keep_staging: bool = False,
    progress=None,
) -> dict:
    """Read, score and store ``paths`` on a Dask cluster; returns the run's summary.

    ``scheduler``: address of a running scheduler (``tcp://host:8786``) or a
    :class:`distributed.Client`; ``None`` starts a ``LocalCluster`` of ``workers``
    single-threaded workers (``processes=False`` runs them as threads of this process,
    for tests). ``staging``: a folder the workers write and the client reads (default
    next to the store). Returns ``{"added", "duplicates", "rejected", "warnings",
    "partitions", "seconds", "total"}``; ``rejected`` holds :class:`Rejected` records.
    """
    from dask.distributed import Client, LocalCluster, as_completed

    started = time.perf_counter()
    db_path = Path(db_path)
    staging_dir = (
        Path(staging)
        if staging
        else db_path.parent / f".{db_path.name}.staging-{uuid.uuid4().hex[:8]}"
    )
    staging_dir.mkdir(parents=True, exist_ok=True)
    partitions = plan_partitions(paths, partition_rows)

    con = store.connect(db_path)
    stored_ids = _write_stored_ids(con, staging_dir)
    schemas = store.staging_schemas(con)
    cluster = None
    if isinstance(scheduler, Client):
        client, own_client = scheduler, False
    else:
        if scheduler is None:
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=processes,
                dashboard_address=None,
            )
        try:
            client, own_client = Client(scheduler or cluster), True
        except (OSError, TimeoutError) as exc:
            if cluster is not None:
                cluster.close()
            raise SlantError(
                f"cannot reach the Dask scheduler {scheduler or 'of the local cluster'} ({exc}); "
                "check --scheduler and that the scheduler is running"
            ) from exc
    tallies: list[dict] = []
    try:
        lexicons_future = client.scatter(lexicons, broadcast=True)
        futures = [
            client.submit(
                score_partition,
                part,
                lexicons_future,
                str(staging_dir),
                schemas,
                outlet,
                published,
                stored_ids,
                key=f"slant-score-{staging_dir.name}-{part.number}",
                pure=False,
            )
            for part in partitions
        ]
        for future in as_completed(futures):
            tallies.append(future.result())
            if progress:
                progress(tallies[-1])
        tallies.sort(key=lambda t: t["partition"])
        staged = sum(t["scored"] for t in tallies)
        with store.bounded_memory(con), store.transaction(con):
            store.cap_memory(con, new_articles=staged)
            added, skipped_at_load = load_staging(con, staging_dir, lexicons)
        total = store.article_count(con)
    finally:
        con.close()
        if own_client:
            client.close()
        if cluster is not None:
            cluster.close()
        if not keep_staging:
            shutil.rmtree(staging_dir, ignore_errors=True)
    return {
        "added": added,
        "duplicates": sum(t["duplicates"] for t in tallies) + skipped_at_load,
        "rejected": [r for t in tallies for r in t["rejected"]],
        "warnings": [w for t in tallies for w in t["warnings"]],
        "partitions": len(partitions),
        "seconds": time.perf_counter() - started,
        "total": total,
    }
