"""What every reader shares: column aliases, dates, ids, decoding, and Article records.

Cleaning happens here once (Unicode normalisation, whitespace); the cleaned text
is what every evidence offset refers to.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import sys
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TextIO

from analysis.errors import InputError, SlantError
from analysis.ingest.outlets import row_outlet, strip_site_affix
from analysis.records import Article, Rejected
from analysis.text import normalize

#: Longest text accepted in one cell; longer is almost always a broken export.
MAX_TEXT_CHARS = 2_000_000
#: A .txt file or saved page larger than this cannot hold an article under the cap
#: (UTF-8 takes at most 4 bytes a character), so it is refused before it is read.
MAX_ARTICLE_FILE_BYTES = 4 * MAX_TEXT_CHARS


def text_too_long(characters: int, fix: str) -> str:
    """The one message for a text over :data:`MAX_TEXT_CHARS`, with the input's own fix."""
    return f"text has {characters:,} characters (limit {MAX_TEXT_CHARS:,}); {fix}"


def article_file_too_large(size: int) -> str | None:
    """Why a .txt or .html file is refused unread, or None when its size is fine."""
    if size <= MAX_ARTICLE_FILE_BYTES:
        return None
    return (
        f"{size / 1e6:,.1f} MB is more than one article can hold (limit "
        f"{MAX_TEXT_CHARS:,} characters of text); split it into one article per file"
    )


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


#: The ISO 8601 shapes ``datetime.fromisoformat`` reads exactly as ``pandas.Timestamp`` does
#: (a date, then optionally a time with seconds, fraction and zone); anything else goes to
#: pandas, whose parser takes far more forms but costs ~0.3 s of import before the first row.
_PLAIN_ISO = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?)?"
)


class IngestError(SlantError):
    """A whole input could not be read; the message names the file and the fix."""


def parse_published(value) -> datetime | None:
    """Parse a date or datetime in any zone to aware UTC; ``None`` for empty values.

    A value without a zone is taken as UTC. Raises ``InputError`` (a ``ValueError``)
    with a readable message when the value is not a date, and :class:`ImplausibleDate`
    for a date before 1800 or after tomorrow (a placeholder such as 0001-01-01).

    >>> parse_published("2020-04-02T15:30:00+03:00").isoformat()
    '2020-04-02T12:30:00+00:00'
    """
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN from pandas
        return None
    pandas = sys.modules.get("pandas")  # a pandas value can only come from a loaded pandas
    if pandas is not None and (value is pandas.NaT or isinstance(value, pandas.Timestamp)):
        if pandas.isna(value):
            return None
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        when = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return _plausible(when, when.isoformat())
    if isinstance(value, date):
        return _plausible(datetime(value.year, value.month, value.day, tzinfo=UTC), str(value))
    text = str(value).strip()
    if not text:
        return None
    if not any(character.isdigit() for character in text):
        # pandas reads "now" and "today" as the moment of reading: a new date every run.
        raise InputError(
            f"'{text[:40]}' is not a date; use ISO 8601 such as 2024-03-01 or "
            "2024-03-01T09:30:00+02:00"
        )
    if _PLAIN_ISO.fullmatch(text):
        try:
            parsed = datetime.fromisoformat(text)
            when = parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
        except (ValueError, OverflowError):
            pass  # e.g. month 13, or year 1 east of UTC: pandas below words the error
        else:
            return _plausible(when, text)
    import pandas as pd  # the rarer date forms only (see _PLAIN_ISO)

    try:
        stamp = pd.Timestamp(text)
    except (ValueError, OverflowError) as exc:
        raise InputError(
            f"'{text[:40]}' is not a date; use ISO 8601 such as 2024-03-01 or "
            "2024-03-01T09:30:00+02:00"
        ) from exc
    if pd.isna(stamp):
        return None
    stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
    return _plausible(stamp.to_pydatetime(), text)


#: Dates before this are placeholders ("0001-01-01") or typos, not publication dates.
EARLIEST_PUBLISHED = datetime(1800, 1, 1, tzinfo=UTC)


class ImplausibleDate(InputError):
    """A real date that cannot be a publication date: before 1800 or after tomorrow."""


def _plausible(when: datetime, shown: str) -> datetime:
    """``when`` if it can be a publication date: from 1800 up to tomorrow (zones differ)."""
    if when < EARLIEST_PUBLISHED:
        raise ImplausibleDate(
            f"'{shown[:40]}' is before 1800 (a placeholder?); fix the date or leave it empty"
        )
    if when > datetime.now(UTC) + timedelta(days=1):
        raise ImplausibleDate(f"'{shown[:40]}' is in the future; fix the date or leave it empty")
    return when


def article_id_for(outlet: str, url: str, title: str, published: datetime | None, text: str) -> str:
    """Stable id: hash of outlet + url, or of outlet + title + published + text without a url."""
    if url:
        key = f"{outlet}\x1f{url}"
    else:
        stamp = published.isoformat() if published else ""
        key = f"{outlet}\x1f{title}\x1f{stamp}\x1f{text}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def scoped_article_id(outlet: str, given: str) -> str:
    """The stored id of an article whose input named its id: outlet and id, since an id
    is only unique within its source (id "1" of two outlets is two articles, not a duplicate).

    >>> scoped_article_id("Valley Post", "1")
    'Valley Post:1'
    """
    return f"{outlet}:{given}"


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
    ``published`` becomes aware UTC. The id is stable across runs: a given id is scoped
    by the outlet (:func:`scoped_article_id`), else one is made from outlet and URL (or text).
    """
    outlet = normalize(_str(outlet))
    text = normalize(_str(text))
    title = normalize(_str(title)).replace("\n", " ")
    url = _str(url).strip()
    when = parse_published(published)
    given = _str(article_id).strip()
    if given:
        article_id = scoped_article_id(outlet, given)
    else:
        article_id = article_id_for(outlet, url, title, when, text)
    return Article(
        article_id=article_id,
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


#: ``(canonical row, source file, row number[, file line]) -> Article | Rejected`` for rows
#: with a URL but no text.
MissingTextFiller = Callable[..., "Article | Rejected"]


def row_to_article(
    row: dict,
    mapping: dict[str, str],
    source_file: str,
    line: int | None,
    outlet: str | None,
    fill_missing_text: MissingTextFiller | None = None,
    file_line: int | None = None,
    outlet_map: dict[str, str] | None = None,
) -> Article | Rejected:
    """One tabular row to an Article, or a Rejected saying what is wrong and how to fix it.

    ``line`` numbers the row in its file (the record for CSV); ``file_line`` is the
    line it starts on when records can span lines. A row with a URL but no text
    (Media Cloud and GDELT exports) goes to ``fill_missing_text`` when one is given
    (``slant ingest --fetch``).
    """

    def reject(problem: str) -> Rejected:
        return Rejected(source_file, line, problem, file_line)

    def get(name: str) -> str:
        column = mapping.get(name)
        return _str(row.get(column)) if column is not None else ""

    chosen_outlet = outlet or row_outlet(get("outlet"), get("url"), outlet_map)
    text = get("text")
    if not text.strip() and fill_missing_text is not None and get("url").strip():
        canonical = {name: get(name) for name in COLUMN_ALIASES}
        if outlet:
            canonical["outlet"] = outlet
        if file_line is not None:
            return fill_missing_text(canonical, source_file, line, file_line)
        return fill_missing_text(canonical, source_file, line)
    if not chosen_outlet:
        return reject("empty outlet; fill in the outlet column or pass --outlet")
    if not text.strip():
        hint = " (or pass --fetch to fetch it from the row's url)" if get("url").strip() else ""
        return reject(f"empty text; fill in the text column or remove the row{hint}")
    if len(text) > MAX_TEXT_CHARS:
        return reject(
            text_too_long(len(text), "check the export for a broken quote that merged rows")
        )
    try:
        return make_article(
            outlet=chosen_outlet,
            text=text,
            title=strip_site_affix(get("title"), (chosen_outlet,), get("url")),
            published=get("published") or None,
            url=get("url"),
            section=get("section"),
            author=get("author"),
            event_id=get("event_id"),
            source_file=source_file,
            article_id=get("id"),
        )
    except ValueError as exc:
        return reject(f"published: {exc}")


def missing_columns(mapping: dict[str, str], outlet: str | None, filler=None) -> list[str]:
    # With --fetch a URL column can stand in for the text column.
    missing = [c for c in REQUIRED if c not in mapping and not (c == "outlet" and outlet)]
    if filler is not None and "text" in missing and "url" in mapping:
        missing.remove("text")
    return missing


def missing_columns_message(path: Path, missing: list[str], columns: Iterable[str]) -> str:
    columns = [c for c in columns if c is not None]
    found = ", ".join(str(c) for c in columns) or "none"
    hints = {
        "outlet": "add an 'outlet' column (or source/media_name), or pass --outlet NAME",
        "text": "name the article body column 'text' (or body/content)",
    }
    if "url" in map_columns(columns):  # a GDELT or Media Cloud list of links without text
        hints["text"] += "; a list of URLs without text needs --fetch to fetch each page"
    fixes = "; ".join(hints[m] for m in missing)
    return (
        f"missing required column {', '.join(repr(m) for m in missing)} (found: {found}); {fixes}"
    )


#: Byte-order marks and the codec that reads past them; UTF-32 LE first, since its
#: mark starts with UTF-16 LE's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "UTF-32", "utf-32"),
    (codecs.BOM_UTF8, "UTF-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "UTF-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "UTF-16", "utf-16"),
)


def _marked_encoding(head: bytes, source_file: str) -> tuple[str, str] | None:
    """``(name, codec)`` of a file that starts with a byte-order mark, else None.

    A file without one whose first bytes are half NULs is UTF-16 (or UTF-32) with the
    mark left off: it cannot be told apart safely, so the user is asked to re-save it
    (before, its header reached the message as garbled bytes).
    """
    for mark, name, codec in _BOMS:
        if head.startswith(mark):
            return name, codec
    sample = head[:200]
    if len(sample) >= 4 and sample.count(0) * 4 >= len(sample):
        raise IngestError(
            f"{source_file}: the file looks like UTF-16 or UTF-32 text without a byte-order "
            "mark; save it as UTF-8 (in Excel: Save As, CSV UTF-8) and ingest it again"
        )
    return None


def decode_bytes(raw: bytes, source_file: str) -> tuple[str, str | None]:
    """Decode file bytes: UTF-8 (with or without BOM), UTF-16/32 with a BOM, else cp1252
    with a warning. Raises :class:`IngestError` for UTF-16 without a BOM."""
    marked = _marked_encoding(raw[:200], source_file)
    if marked and marked[0] != "UTF-8":
        name, codec = marked
        try:
            return raw.decode(codec), None
        except UnicodeDecodeError as exc:
            warning = _damaged_warning(source_file, name, exc.start)
            return raw.decode(codec, errors="replace"), warning
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        return raw.decode("cp1252", errors="replace"), _cp1252_warning(source_file, exc.start)


def _cp1252_warning(source_file: str, byte: int) -> str:
    return (
        f"{source_file}: not valid UTF-8 (byte {byte}); read as Windows-1252. "
        "If characters look wrong, re-save the file as UTF-8."
    )


def _damaged_warning(source_file: str, name: str, byte: int) -> str:
    return (
        f"{source_file}: marked {name} but not valid {name} (byte {byte}); the unreadable "
        "characters read as \ufffd. Re-save the file as UTF-8."
    )


def _check_size(path: Path) -> None:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise IngestError(
            f"{path}: {size / 1024**3:.1f} GB is larger than the {MAX_FILE_BYTES // 1024**3} GB "
            "limit for one file; split it, or use `slant ingest --engine dask`"
        )


def read_text_file(path: Path, warnings: list[str]) -> str:
    _check_size(path)
    text, warning = decode_bytes(path.read_bytes(), str(path))
    if warning:
        warnings.append(warning)
    return text


def _first_invalid_byte(path: Path, codec: str) -> int | None:
    """Offset of the first byte ``codec`` cannot decode, or None; reads 1 MB at a time."""
    decoder = codecs.getincrementaldecoder(codec)()
    offset = 0
    with open(path, "rb") as handle:
        while True:
            chunk = handle.read(1 << 20)
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                return offset + exc.start
            if not chunk:
                return None
            offset += len(chunk)


def open_text(path: Path, warnings: list[str], newline: str | None = None) -> TextIO:
    """The file as a text stream, decoded as :func:`decode_bytes` would, without holding it
    whole: a 100 MB CSV was read into one string (and its rows into a list) before.

    The encoding is checked first, 1 MB at a time, so a damaged file is known before its
    first row: one not in UTF-8 is read as Windows-1252 with a warning (as before); one
    with a UTF-16 or UTF-32 byte-order mark is decoded as such, any undecodable bytes
    replaced, with a warning. ``newline`` is passed to :func:`open` (``""`` for csv).
    """
    _check_size(path)
    with open(path, "rb") as handle:
        head = handle.read(200)
    marked = _marked_encoding(head, str(path))
    if marked and marked[0] != "UTF-8":
        name, codec = marked
        bad = _first_invalid_byte(path, codec)
        if bad is not None:
            warnings.append(_damaged_warning(str(path), name, bad))
        return open(path, encoding=codec, errors="replace", newline=newline)
    bad = _first_invalid_byte(path, "utf-8")
    if bad is None:
        return open(path, encoding="utf-8-sig", newline=newline)
    warnings.append(_cp1252_warning(str(path), bad))
    return open(path, encoding="cp1252", errors="replace", newline=newline)
