"""Plain-text lists of URLs: a ``.txt`` file whose content lines are all http(s) URLs.

The dispatcher needs to tell such a list from a ``.txt`` article without loading the
web modules (feedparser, trafilatura, httpx), so the check lives here.
"""

from __future__ import annotations

import re
from pathlib import Path

from analysis.ingest.articles import IngestError, decode_bytes

_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.I)
#: A URL list bigger than this is not read in one go (it is almost surely not a list).
_MAX_LIST_BYTES = 50_000_000


def is_url(value: str) -> bool:
    return bool(_URL.match(value.strip()))


def url_lines(path: Path) -> list[tuple[int, str]] | None:
    """``[(line_number, url)]`` when every content line of ``path`` is a URL, else ``None``."""
    try:
        if path.stat().st_size > _MAX_LIST_BYTES:
            return None
        text, _warning = decode_bytes(path.read_bytes(), str(path))
    except (OSError, IngestError):
        # Not readable as text (UTF-16 without its mark, say): not a list. The article
        # reader meets the same file next and rejects it alone, with the reason, so one
        # bad file in a folder does not stop the others being read.
        return None
    urls = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not is_url(line):
            return None
        urls.append((number, line))
    return urls or None


def is_url_list(path: str | Path) -> bool:
    """True for a ``.txt`` file whose non-empty, non-comment lines are all http(s) URLs.

    A saved article that starts with its URL and then has prose is not a list.
    """
    path = Path(path)
    return path.suffix.lower() == ".txt" and path.is_file() and url_lines(path) is not None
