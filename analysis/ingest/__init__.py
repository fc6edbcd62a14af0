"""Stage 3, ingest: turn the user's files into clean :class:`Article` records.

:func:`load_paths` dispatches each file to its reader by suffix (:mod:`.tabular`,
:mod:`.textfile`); web inputs (pages, feeds, URL lists) go through :mod:`.web`.

Formats: CSV, JSONL (or a JSON array), Parquet, and folders, in which every
such file and every ``.txt`` article (shaped like a page copied from a news
site, see :mod:`analysis.ingest.textfile`) is read. Bad rows never stop a run: each
becomes a :class:`Rejected` naming the file, the line and the fix, and the good
rows go on."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from analysis.ingest.articles import (
    IngestError,
    MissingTextFiller,
    article_file_too_large,
    read_text_file,
)
from analysis.ingest.tabular import read_csv, read_jsonl, read_parquet
from analysis.ingest.textfile import read_text_article
from analysis.ingest.url_lists import is_url_list
from analysis.records import Article, Rejected

TABULAR_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet"}
TEXT_SUFFIXES = {".txt"}


def discover(paths: Iterable[str | Path]) -> Iterator[tuple[Path, Path | None]]:
    """Files to read, as ``(file, folder_given)``; folders are walked in sorted order.

    A folder inside that cannot be listed (permission denied) is yielded itself, so
    :func:`load_paths` reports it (``Path.rglob`` skipped it without a word).
    """
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            yield path, None
            continue
        found: list[Path] = []
        unlisted: set[Path] = set()

        def not_listed(error: OSError, unlisted=unlisted) -> None:
            unlisted.add(Path(error.filename))

        for top, _folders, files in os.walk(path, onerror=not_listed):
            found.extend(Path(top) / name for name in files)
        for child in sorted([*found, *unlisted]):
            if child in unlisted:
                yield child, path
            elif child.is_file() and not child.name.startswith("."):
                suffix = child.suffix.lower()
                if suffix in TEXT_SUFFIXES and is_url_list(child):
                    continue  # a list of URLs is a web input, not an article
                if suffix in TABULAR_SUFFIXES or suffix in TEXT_SUFFIXES:
                    yield child, path


def load_paths(
    paths: Iterable[str | Path],
    outlet: str | None = None,
    published: str | None = None,
    warnings: list[str] | None = None,
    fill_missing_text: MissingTextFiller | None = None,
    outlet_map: dict[str, str] | None = None,
) -> Iterator[Article | Rejected]:
    """Every article in ``paths`` (files or folders), or a Rejected for each bad input.

    ``outlet`` overrides every row's outlet; ``outlet_map`` (``{domain: outlet}``)
    renames rows by their URL or domain; ``published`` is the date for text files
    that carry none. Decoding warnings are appended to ``warnings``.
    ``fill_missing_text`` fetches the text of rows that only have a URL.
    """
    warnings = warnings if warnings is not None else []
    for path, folder in discover(paths):
        source = str(path)
        if not path.exists():
            yield Rejected(source, None, "no such file or folder; check the path")
            continue
        if folder is not None and path.is_symlink():
            # A link inside a folder can point anywhere (/etc/shadow on a shared server).
            yield Rejected(
                source, None, "a symbolic link inside the folder is not followed; copy the file in"
            )
            continue
        if path.is_dir():  # discover yields a folder only when it cannot be listed
            yield Rejected(source, None, _unlisted_folder(path))
            continue
        suffix = path.suffix.lower()
        try:
            if suffix in {".csv", ".tsv"}:
                yield from read_csv(path, outlet, warnings, fill_missing_text, outlet_map)
            elif suffix in {".jsonl", ".ndjson", ".json"}:
                yield from read_jsonl(path, outlet, warnings, fill_missing_text, outlet_map)
            elif suffix == ".parquet":
                yield from read_parquet(path, outlet, fill_missing_text, outlet_map)
            elif suffix in TEXT_SUFFIXES:
                if too_large := article_file_too_large(path.stat().st_size):
                    yield Rejected(source, None, too_large)
                    continue
                raw = read_text_file(path, warnings)
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


def _unlisted_folder(path: Path) -> str:
    try:
        os.scandir(path).close()
        reason = "it could not be listed"
    except OSError as exc:
        reason = exc.strerror or str(exc)
    return (
        f"cannot open the folder ({reason}), so none of its files were read; give your user "
        f"read access (chmod -R u+rX '{path}') and ingest it again"
    )


def print_warnings(warnings: list[str]) -> None:
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
