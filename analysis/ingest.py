"""Ingest: turn the user's files into clean :class:`Article` records.

Formats: CSV, JSONL (or a JSON array), Parquet, and folders, in which every
such file and every ``.txt`` article (shaped like a page copied from a news
site, see :mod:`analysis.textfile`) is read. Bad rows never stop a run: each
becomes a :class:`Rejected` naming the file, the line and the fix, and the good
rows go on.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd

from analysis.records import Article, Rejected
from analysis.text import normalize

TABULAR_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet"}
TEXT_SUFFIXES = {".txt"}

#: Longest text accepted in one cell; longer is almost always a broken export.
MAX_TEXT_CHARS = 2_000_000
#: Biggest input file read; larger corpora are split or loaded through Dask.
MAX_FILE_BYTES = 4 * 1024**3

# Column names users bring, lower-cased, mapped to ours (first match wins).
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "outlet": (
        "outlet",
        "source",
        "media_name",
        "media",
        "publication",
        "publisher",
        "site_name",
        "sourcecommonname",
        "domain",
        "source_name",
    ),
    "text": ("text", "body", "content", "article_text", "full_text", "story_text"),
    "title": ("title", "headline", "heading"),
    "published": (
        "published",
        "date",
        "publish_date",
        "published_at",
        "pubdate",
        "publication_date",
        "datetime",
        "timestamp",
        "seendate",
    ),
    "url": ("url", "link", "documentidentifier", "article_url"),
    "author": ("author", "authors", "byline"),
    "section": ("section", "category", "desk"),
    "id": ("id", "article_id", "stories_id", "story_id", "guid"),
    "event_id": ("event_id", "event", "story_label"),
}
REQUIRED = ("outlet", "text")


class IngestError(Exception):
    """A whole input could not be read; the message names the file and the fix."""


def parse_published(value) -> datetime | None:
    """Parse a date or datetime in any zone to aware UTC; ``None`` for empty values.

    A value without a zone is taken as UTC. Raises ``ValueError`` with a
    readable message when the value is not a date.

    >>> parse_published("2020-04-02T15:30:00+03:00").isoformat()
    '2020-04-02T12:30:00+00:00'
    """
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN from pandas
        return None
    if isinstance(value, pd.Timestamp):
        if pd.isna(value):
            return None
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    text = str(value).strip()
    if not text:
        return None
    try:
        stamp = pd.Timestamp(text)
    except (ValueError, OverflowError) as exc:
        raise ValueError(
            f"'{text[:40]}' is not a date; use ISO 8601 such as 2024-03-01 or "
            "2024-03-01T09:30:00+02:00"
        ) from exc
    if pd.isna(stamp):
        return None
    stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
    return stamp.to_pydatetime()


def article_id_for(outlet: str, url: str, title: str, published: datetime | None, text: str) -> str:
    """Stable id: hash of outlet + url, or of outlet + title + published + text without a url."""
    if url:
        key = f"{outlet}\x1f{url}"
    else:
        stamp = published.isoformat() if published else ""
        key = f"{outlet}\x1f{title}\x1f{stamp}\x1f{text}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def make_article(
    *,
    outlet: str,
    text: str,
    title: str = "",
    published=None,
    url: str = "",
    section: str = "",
    author: str = "",
    caption: str = "",
    event_id: str = "",
    source_file: str = "",
    article_id: str = "",
) -> Article:
    """Build a cleaned :class:`Article`; every input path ends here.

    Text and title are normalised once (see :func:`analysis.text.normalize`);
    ``published`` becomes aware UTC. The id is stable across runs unless given.
    """
    outlet = normalize(_str(outlet))
    text = normalize(_str(text))
    title = normalize(_str(title)).replace("\n", " ")
    url = _str(url).strip()
    when = parse_published(published)
    if not article_id:
        article_id = article_id_for(outlet, url, title, when, text)
    return Article(
        article_id=_str(article_id).strip(),
        outlet=outlet,
        text=text,
        title=title,
        published=when,
        url=url,
        section=normalize(_str(section)),
        author=normalize(_str(author)),
        caption=normalize(_str(caption)),
        event_id=_str(event_id).strip(),
        source_file=source_file,
    )


def _str(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:
        return ""
    return str(value)


def map_columns(columns: Iterable[str]) -> dict[str, str]:
    """Map a file's column names to ours: ``{our_name: their_name}``.

    Case and surrounding spaces are ignored; the canonical name beats an alias.
    """
    by_lower = {}
    for column in columns:
        if column is None:
            continue
        by_lower.setdefault(str(column).strip().lower().lstrip("\ufeff"), column)
    mapping = {}
    for ours, aliases in COLUMN_ALIASES.items():
        for alias in aliases:
            if alias in by_lower:
                mapping[ours] = by_lower[alias]
                break
    return mapping


#: ``(canonical row, source file, line) -> Article | Rejected`` for rows with a URL but no text.
MissingTextFiller = Callable[[dict, str, "int | None"], "Article | Rejected"]


def row_to_article(
    row: dict,
    mapping: dict[str, str],
    source_file: str,
    line: int | None,
    outlet: str | None,
    fill_missing_text: MissingTextFiller | None = None,
) -> Article | Rejected:
    """One tabular row to an Article, or a Rejected saying what is wrong and how to fix it.

    A row with a URL but no text (Media Cloud and GDELT exports) goes to
    ``fill_missing_text`` when one is given (``slant ingest --fetch``).
    """

    def get(name: str) -> str:
        column = mapping.get(name)
        return _str(row.get(column)) if column is not None else ""

    chosen_outlet = outlet or get("outlet").strip()
    text = get("text")
    if not text.strip() and fill_missing_text is not None and get("url").strip():
        canonical = {name: get(name) for name in COLUMN_ALIASES}
        if outlet:
            canonical["outlet"] = outlet
        return fill_missing_text(canonical, source_file, line)
    if not chosen_outlet:
        return Rejected(
            source_file, line, "empty outlet; fill in the outlet column or pass --outlet"
        )
    if not text.strip():
        hint = " (or pass --fetch to fetch it from the row's url)" if get("url").strip() else ""
        return Rejected(
            source_file, line, f"empty text; fill in the text column or remove the row{hint}"
        )
    if len(text) > MAX_TEXT_CHARS:
        return Rejected(
            source_file,
            line,
            f"text has {len(text):,} characters (limit {MAX_TEXT_CHARS:,}); "
            "check the export for a broken quote that merged rows",
        )
    try:
        return make_article(
            outlet=chosen_outlet,
            text=text,
            title=get("title"),
            published=get("published") or None,
            url=get("url"),
            section=get("section"),
            author=get("author"),
            event_id=get("event_id"),
            source_file=source_file,
            article_id=get("id"),
        )
    except ValueError as exc:
        return Rejected(source_file, line, f"published: {exc}")


def _missing_columns(mapping: dict[str, str], outlet: str | None, filler=None) -> list[str]:
    # With --fetch a URL column can stand in for the text column.
    missing = [c for c in REQUIRED if c not in mapping and not (c == "outlet" and outlet)]
    if filler is not None and "text" in missing and "url" in mapping:
        missing.remove("text")
    return missing


def _missing_message(path: Path, missing: list[str], columns: Iterable[str]) -> str:
    found = ", ".join(str(c) for c in columns if c is not None) or "none"
    hints = {
        "outlet": "add an 'outlet' column (or source/media_name), or pass --outlet NAME",
        "text": "name the article body column 'text' (or body/content)",
    }
    fixes = "; ".join(hints[m] for m in missing)
    return (
        f"missing required column {', '.join(repr(m) for m in missing)} (found: {found}); {fixes}"
    )


def decode_bytes(raw: bytes, source_file: str) -> tuple[str, str | None]:
    """Decode file bytes: UTF-8 (with or without BOM), else cp1252 with a warning."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        warning = (
            f"{source_file}: not valid UTF-8 (byte {exc.start}); read as Windows-1252. "
            "If characters look wrong, re-save the file as UTF-8."
        )
        return raw.decode("cp1252", errors="replace"), warning


def _read_text_file(path: Path, warnings: list[str]) -> str:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise IngestError(
            f"{path}: {size / 1024**3:.1f} GB is larger than the {MAX_FILE_BYTES // 1024**3} GB "
            "limit for one file; split it, or use `slant ingest --engine dask`"
        )
    text, warning = decode_bytes(path.read_bytes(), str(path))
    if warning:
        warnings.append(warning)
    return text


def read_csv(
    path: Path, outlet: str | None, warnings: list[str], filler: MissingTextFiller | None = None
) -> Iterator[Article | Rejected]:
    """Rows of a CSV/TSV file; malformed rows are reported with their line number."""
    text = _read_text_file(path, warnings)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    csv.field_size_limit(max(MAX_TEXT_CHARS * 2, 1 << 24))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
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
    missing = _missing_columns(mapping, outlet, filler)
    if missing:
        yield Rejected(source, None, _missing_message(path, missing, header))
        return
    width = len(header)
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Rejected(source, reader.line_num, f"malformed CSV ({exc}); check the quoting")
            return
        line = reader.line_num
        if not fields or all(not f.strip() for f in fields):
            continue
        if len(fields) != width:
            yield Rejected(
                source,
                line,
                f"row has {len(fields)} fields but the header has {width}; "
                "a text cell with commas or line breaks must be in double quotes",
            )
            continue
        yield row_to_article(
            dict(zip(header, fields, strict=True)), mapping, source, line, outlet, filler
        )


def read_jsonl(
    path: Path, outlet: str | None, warnings: list[str], filler: MissingTextFiller | None = None
) -> Iterator[Article | Rejected]:
    """Objects of a JSON Lines file (or a JSON array); bad lines are reported and skipped."""
    text = _read_text_file(path, warnings)
    source = str(path)
    stripped = text.lstrip()
    if path.suffix.lower() == ".json" and stripped.startswith("["):
        try:
            records = json.loads(stripped)
        except json.JSONDecodeError as exc:
            yield Rejected(source, exc.lineno, f"invalid JSON ({exc.msg}); fix it or save as JSONL")
            return
        numbered = [(i + 1, r) for i, r in enumerate(records)]
        where = "item"
    else:
        numbered = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                numbered.append((number, json.loads(line)))
            except json.JSONDecodeError as exc:
                numbered.append((number, exc))
        where = "line"
    mapping_cache: dict[tuple, dict] = {}
    seen_any = False
    for number, record in numbered:
        if isinstance(record, Exception):
            yield Rejected(source, number, f"invalid JSON ({record.msg}); one object per line")
            continue
        if not isinstance(record, dict):
            yield Rejected(source, number, f"expected a JSON object on this {where}")
            continue
        keys = tuple(record)
        mapping = mapping_cache.get(keys)
        if mapping is None:
            mapping = mapping_cache[keys] = map_columns(keys)
        missing = _missing_columns(mapping, outlet, filler)
        if missing:
            yield Rejected(source, number, _missing_message(path, missing, keys))
            continue
        seen_any = True
        yield row_to_article(record, mapping, source, number, outlet, filler)
    if not numbered and not seen_any:
        yield Rejected(source, None, "the file holds no records")


def read_parquet(
    path: Path, outlet: str | None, filler: MissingTextFiller | None = None
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
    missing = _missing_columns(mapping, outlet, filler)
    if missing:
        yield Rejected(source, None, _missing_message(path, missing, columns))
        return
    row_number = 0
    for batch in parquet.iter_batches(batch_size=5000):
        for record in batch.to_pylist():
            row_number += 1
            yield row_to_article(record, mapping, source, row_number, outlet, filler)


def discover(paths: Iterable[str | Path]) -> Iterator[tuple[Path, Path | None]]:
    """Files to read, as ``(file, folder_given)``; folders are walked in sorted order."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith("."):
                    suffix = child.suffix.lower()
                    if suffix in TEXT_SUFFIXES and _is_url_list(child):
                        continue  # a list of URLs is a web input, not an article
                    if suffix in TABULAR_SUFFIXES or suffix in TEXT_SUFFIXES:
                        yield child, path
        else:
            yield path, None


def _is_url_list(path: Path) -> bool:
    from analysis.web_ingest import is_url_list

    return is_url_list(path)


def load_paths(
    paths: Iterable[str | Path],
    outlet: str | None = None,
    published: str | None = None,
    warnings: list[str] | None = None,
    fill_missing_text: MissingTextFiller | None = None,
) -> Iterator[Article | Rejected]:
    """Every article in ``paths`` (files or folders), or a Rejected for each bad input.

    ``outlet`` overrides every row's outlet; ``published`` is the date for text
    files that carry none. Decoding warnings are appended to ``warnings``.
    ``fill_missing_text`` fetches the text of rows that only have a URL.
    """
    from analysis.textfile import read_text_article

    warnings = warnings if warnings is not None else []
    for path, folder in discover(paths):
        source = str(path)
        if not path.exists():
            yield Rejected(source, None, "no such file or folder; check the path")
            continue
        suffix = path.suffix.lower()
        try:
            if suffix in {".csv", ".tsv"}:
                yield from read_csv(path, outlet, warnings, fill_missing_text)
            elif suffix in {".jsonl", ".ndjson", ".json"}:
                yield from read_jsonl(path, outlet, warnings, fill_missing_text)
            elif suffix == ".parquet":
                yield from read_parquet(path, outlet, fill_missing_text)
            elif suffix in TEXT_SUFFIXES:
                raw = _read_text_file(path, warnings)
                yield read_text_article(raw, path, folder, outlet=outlet, published=published)
            else:
                yield Rejected(
                    source,
                    None,
                    f"unsupported file type '{suffix or path.name}'; use CSV, JSONL, Parquet or .txt",
                )
        except IngestError as exc:
            yield Rejected(source, None, str(exc).removeprefix(f"{source}: "))
        except OSError as exc:
            yield Rejected(source, None, f"cannot read the file ({exc.strerror or exc})")


def print_warnings(warnings: list[str]) -> None:
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
