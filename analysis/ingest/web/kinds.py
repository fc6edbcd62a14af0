"""Which inputs are web inputs (URLs, URL lists, feeds, saved pages), told without fetching.

The command line sorts its inputs before reading any: a local CSV or JSONL file must not
load the web modules (feedparser, trafilatura, httpx: about half a second of start-up),
so this check imports only the standard library and :mod:`analysis.ingest.url_lists`.
"""

from __future__ import annotations

from pathlib import Path

from analysis.ingest.url_lists import is_url, is_url_list

HTML_SUFFIXES = {".html", ".htm"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}


def html_files(folder: Path) -> list[Path]:
    """The saved ``.html``/``.htm`` pages under ``folder``, in sorted order (hidden ones left out)."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in HTML_SUFFIXES and not p.name.startswith(".")
    )


def is_web_input(path_or_url: str | Path) -> bool:
    """Whether the CLI should hand this input to :func:`analysis.ingest.web.inputs.iter_web_inputs`.

    True for http(s) URLs, URL-list ``.txt`` files, ``.xml/.rss/.atom`` feed
    files, ``.html/.htm`` files and folders holding any ``.html/.htm`` file.

    >>> is_web_input("https://kestriaherald.example/feed.rss")
    True
    """
    value = str(path_or_url)
    if is_url(value):
        return True
    path = Path(value)
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES or suffix in FEED_SUFFIXES:
        return path.is_file()
    if suffix == ".txt":
        return is_url_list(path)
    if path.is_dir():
        return any(True for _ in html_files(path))
    return False
