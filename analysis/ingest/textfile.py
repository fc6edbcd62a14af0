"""Articles saved as text, the way a reader copies a page from a news site.

The shape (see ``shared/seeds/press-article-iraq-nato.txt``)::

    ---                       optional front matter: outlet, published, title, url, author, section
    outlet: Press TV
    ---
    News / Iraq               breadcrumb -> section
    NATO says plans ...       headline -> title
    NATO Secretary-General Jens Stoltenberg (Photo by AFP)   photo credit -> caption (not scored)
    Body paragraphs ...
    Press TV's website can also be accessed at ...           site boilerplate: dropped with all after it

Known boilerplate lines live in ``data/boilerplate.csv`` (outlet, regex, note),
so a new site is a new row, not new code.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from analysis.config import BOILERPLATE_FILE
from analysis.ingest.articles import MAX_TEXT_CHARS, make_article, text_too_long
from analysis.records import Article, Rejected
from analysis.text import normalize

_FRONT_MATTER = re.compile(r"\A---\s*\n(?P<body>.*?)\n---\s*\n", re.S)
_FRONT_KEYS = {"outlet", "published", "date", "title", "url", "author", "section", "event_id"}
# "News / Iraq", "World › Middle East", "Home > Politics": short parts joined by separators.
_BREADCRUMB = re.compile(r"^[^\n]{1,40}(?:\s+[/›>»|]\s+[^\n]{1,40}){1,5}$")
_CREDIT = re.compile(
    r"\((?:photo|image|picture|file photo|credit)s?\b[^)]*\)\s*$"
    r"|^(?:photo|image|picture|credit)s?\s*(?:by|:)"
    r"|\b(?:Getty Images|AFP|Reuters|AP Photo|EPA|Anadolu)\s*\)?\s*$",
    re.I,
)


@lru_cache(maxsize=4)
def load_boilerplate(path: Path = BOILERPLATE_FILE) -> tuple[tuple[str, re.Pattern], ...]:
    """``(outlet, compiled pattern)`` rows of the boilerplate table."""
    if not path.exists():
        return ()
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(
            (row["outlet"].strip(), re.compile(row["pattern"], re.I))
            for row in csv.DictReader(handle)
            if row.get("pattern")
        )


def split_front_matter(raw: str) -> tuple[dict[str, str], str]:
    """``key: value`` pairs of a leading ``---`` block, and the text after it."""
    match = _FRONT_MATTER.match(raw)
    if not match:
        return {}, raw
    fields = {}
    for line in match.group("body").splitlines():
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if sep and key in _FRONT_KEYS:
            fields["published" if key == "date" else key] = value.strip().strip("\"'")
    return fields, raw[match.end() :]


def strip_boilerplate(lines: list[str]) -> tuple[list[str], str]:
    """Drop trailing site boilerplate; return the kept lines and the outlet it names (or "")."""
    rules = load_boilerplate()
    for index, line in enumerate(lines):
        for outlet, pattern in rules:
            if pattern.search(line):
                return lines[:index], outlet
    return lines, ""


def parse_text_article(raw: str) -> dict[str, str]:
    """Split a copied page into its parts: section, title, caption, text, outlet hints."""
    fields, body = split_front_matter(raw)
    lines = [line.strip() for line in normalize(body).split("\n")]
    lines = [line for line in lines if line]
    lines, boilerplate_outlet = strip_boilerplate(lines)
    section = title = caption = ""
    if lines and _BREADCRUMB.match(lines[0]) and not lines[0].endswith("."):
        crumbs = [c.strip() for c in re.split(r"\s+[/›>»|]\s+", lines[0])]
        section = crumbs[-1]
        lines = lines[1:]
    if len(lines) > 1 and _looks_like_headline(lines[0]):
        title = lines[0]
        lines = lines[1:]
    if len(lines) > 1 and _CREDIT.search(lines[0]) and len(lines[0]) < 200:
        caption = lines[0]
        lines = lines[1:]
    return {
        "section": fields.get("section", section),
        "title": fields.get("title", title),
        "caption": caption,
        "text": "\n\n".join(lines),
        "outlet": fields.get("outlet", ""),
        "boilerplate_outlet": boilerplate_outlet,
        "published": fields.get("published", ""),
        "url": fields.get("url", ""),
        "author": fields.get("author", ""),
        "event_id": fields.get("event_id", ""),
    }


def _looks_like_headline(line: str) -> bool:
    # Headlines are short and rarely end with a full stop; body paragraphs are neither.
    return len(line) <= 200 and not line.endswith((".", ":", ";", ","))


def read_text_article(
    raw: str,
    path: Path,
    folder: Path | None,
    outlet: str | None = None,
    published: str | None = None,
) -> Article | Rejected:
    """One ``.txt`` file as an Article.

    Outlet: ``outlet`` argument, else front matter, else known boilerplate,
    else the sub-folder (below ``folder``) holding the file, else "unknown".
    Published: front matter or ``published``; never invented.
    """
    source = str(path)
    parts = parse_text_article(raw)
    if not parts["text"].strip():
        return Rejected(source, None, "no article text after removing the headline and boilerplate")
    if len(parts["text"]) > MAX_TEXT_CHARS:
        return Rejected(
            source, None, text_too_long(len(parts["text"]), "split it into one article per file")
        )
    chosen_outlet = outlet or parts["outlet"] or parts["boilerplate_outlet"]
    if not chosen_outlet and folder is not None:
        relative = path.parent.relative_to(folder)
        chosen_outlet = relative.parts[0] if relative.parts else ""
    try:
        return make_article(
            outlet=chosen_outlet or "unknown",
            text=parts["text"],
            title=parts["title"],
            published=parts["published"] or published or None,
            url=parts["url"],
            section=parts["section"],
            author=parts["author"],
            caption=parts["caption"],
            event_id=parts["event_id"],
            source_file=source,
        )
    except ValueError as exc:
        return Rejected(source, None, f"published: {exc}")
