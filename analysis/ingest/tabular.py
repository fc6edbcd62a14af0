"""Readers for tabular inputs: CSV/TSV, JSONL or a JSON array, Parquet.

Each yields an Article per good row and a Rejected (file, row, reason and fix)
per bad one, so one bad row never stops a run.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from analysis.ingest.articles import (
    MAX_TEXT_CHARS,
    MissingTextFiller,
    map_columns,
    missing_columns,
    missing_columns_message,
    open_text,
    row_to_article,
)
from analysis.records import Article, Rejected

#: What a JSON value nested deeper than Python's parser can follow is told.
_TOO_DEEP = (
    "JSON nested too deeply to read (thousands of levels); an article is one flat object "
    "of fields: export it again"
)


def read_csv(
    path: Path,
    outlet: str | None,
    warnings: list[str],
    filler: MissingTextFiller | None = None,
    outlet_map: dict[str, str] | None = None,
) -> Iterator[Article | Rejected]:
    """Rows of a CSV/TSV file, read as a stream (memory does not grow with the file);
    malformed rows are reported with their line number."""
    with open_text(path, warnings, newline="") as stream:
        yield from _csv_rows(path, stream, outlet, filler, outlet_map)


def _csv_rows(
    path: Path,
    stream: Iterable[str],
    outlet: str | None,
    filler: MissingTextFiller | None,
    outlet_map: dict[str, str] | None,
) -> Iterator[Article | Rejected]:
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    csv.field_size_limit(max(MAX_TEXT_CHARS * 2, 1 << 24))
    reader = csv.reader(stream, delimiter=delimiter)
    source = str(path)
    try:
        header = next(reader)
    except StopIteration:
        yield Rejected(source, None, "the file is empty; export it again with a header row")
        return
    except csv.Error as exc:
        yield Rejected(source, 1, f"unreadable header ({exc})")
        return
    mapping = map_columns(header)
    missing = missing_columns(mapping, outlet, filler)
    if missing:
        yield Rejected(source, None, missing_columns_message(path, missing, header))
        return
    width = len(header)
    record = 0  # records, not lines: a quoted text cell may hold line breaks
    while True:
        start = reader.line_num + 1  # the file line this record starts on
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # the reader goes on at the next line: so do we
            record += 1
            yield Rejected(source, record, f"malformed CSV ({exc}); check the quoting", start)
            continue
        if not fields or all(not f.strip() for f in fields):
            continue
        record += 1
        if len(fields) != width:
            yield Rejected(
                source,
                record,
                f"row has {len(fields)} fields but the header has {width}; "
                "a text cell with commas or line breaks must be in double quotes",
                start,
            )
            continue
        yield row_to_article(
            dict(zip(header, fields, strict=True)),
            mapping,
            source,
            record,
            outlet,
            filler,
            file_line=start,
            outlet_map=outlet_map,
        )


def read_jsonl(
    path: Path,
    outlet: str | None,
    warnings: list[str],
    filler: MissingTextFiller | None = None,
    outlet_map: dict[str, str] | None = None,
) -> Iterator[Article | Rejected]:
    """Objects of a JSON Lines file, read as a stream, or of a JSON array (read whole:
    an array cannot be parsed in parts); bad lines are reported and skipped."""
    with open_text(path, warnings) as stream:
        if path.suffix.lower() == ".json" and _first_character(stream) == "[":
            numbered, where = _array_items(path, stream.read()), "item"
        else:
            numbered, where = _numbered_lines(stream), "line"
        yield from _json_records(path, numbered, where, outlet, filler, outlet_map)


def _first_character(stream) -> str:
    """The first character after white space; ``stream`` is rewound to the start."""
    while chunk := stream.read(4096):
        stripped = chunk.lstrip()
        if stripped:
            stream.seek(0)
            return stripped[0]
    stream.seek(0)
    return ""


def _array_items(path: Path, text: str) -> Iterator[tuple[int, object]]:
    try:
        records = json.loads(text)
    except json.JSONDecodeError as exc:
        yield exc.lineno, ValueError(f"invalid JSON ({exc.msg}); fix it or save as JSONL")
        return
    except RecursionError:
        yield None, ValueError(_TOO_DEEP)
        return
    del text
    yield from enumerate(records, start=1)


def _numbered_lines(stream: Iterable[str]) -> Iterator[tuple[int, object]]:
    """``(line number, object or error)`` for each non-blank line, one line in memory at a time.

    Lines are numbered as ``str.splitlines`` numbers them (as the Dask engine's reader does).
    """
    number = 0
    for physical in stream:
        for line in physical.splitlines():
            number += 1
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, exc
            except RecursionError:
                yield number, ValueError(_TOO_DEEP)


def _json_records(
    path: Path,
    numbered: Iterable[tuple[int | None, object]],
    where: str,
    outlet: str | None,
    filler: MissingTextFiller | None,
    outlet_map: dict[str, str] | None,
) -> Iterator[Article | Rejected]:
    source = str(path)
    mapping_cache: dict[tuple, dict] = {}
    any_record = False
    for number, record in numbered:
        any_record = True
        if isinstance(record, json.JSONDecodeError):
            yield Rejected(source, number, f"invalid JSON ({record.msg}); one object per line")
            continue
        if isinstance(record, Exception):
            yield Rejected(source, number, str(record))
            continue
        if not isinstance(record, dict):
            yield Rejected(source, number, f"expected a JSON object on this {where}")
            continue
        keys = tuple(record)
        mapping = mapping_cache.get(keys)
        if mapping is None:
            mapping = mapping_cache[keys] = map_columns(keys)
        missing = missing_columns(mapping, outlet, filler)
        if missing:
            yield Rejected(source, number, missing_columns_message(path, missing, keys))
            continue
        yield row_to_article(record, mapping, source, number, outlet, filler, outlet_map=outlet_map)
    if not any_record:
        yield Rejected(source, None, "the file holds no records")


def read_parquet(
    path: Path,
    outlet: str | None,
    filler: MissingTextFiller | None = None,
    outlet_map: dict[str, str] | None = None,
) -> Iterator[Article | Rejected]:
    """Rows of a Parquet file, read in batches so memory stays flat."""
    import pyarrow.parquet as pq

    source = str(path)
    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a broken file
        yield Rejected(source, None, f"not a readable Parquet file ({exc})")
        return
    columns = parquet.schema_arrow.names
    mapping = map_columns(columns)
    missing = missing_columns(mapping, outlet, filler)
    if missing:
        yield Rejected(source, None, missing_columns_message(path, missing, columns))
        return
    row_number = 0
    for batch in parquet.iter_batches(batch_size=5000):
        for record in batch.to_pylist():
            row_number += 1
            yield row_to_article(
                record, mapping, source, row_number, outlet, filler, outlet_map=outlet_map
            )
