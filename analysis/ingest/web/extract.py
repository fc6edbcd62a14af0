"""Extract the article from a news web page: title, date, author, outlet and body text.

trafilatura finds the main text and drops the page furniture (navigation,
related links, cookie banners, comments, footers); scripts, styles and event
attributes never reach the text because only text nodes are kept. Nothing
half-extracted is stored: a page without a real body (a section front, a
paywall stub, a one-line brief) is :class:`Rejected` as "not an article".

The outlet is chosen, first match wins: the ``outlet`` the user passed, the
outlet map (``domain,outlet`` CSV; ``www.`` and other subdomains fold onto the
mapped domain), the page's site name, then the bare domain.
"""

from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import trafilatura

from analysis.errors import InputError
from analysis.ingest.articles import make_article, parse_published
from analysis.records import Article, Rejected
from analysis.text import count_words, normalize

#: Bodies shorter than this are teasers, stubs or section fronts, not articles.
MIN_WORDS = 50

# Where pages state their publication time with full precision (trafilatura's own
# date finder keeps only the day), in order of trust.
_DATE_XPATHS = (
    "//meta[@property='article:published_time' or @name='article:published_time'"
    " or @property='og:published_time' or @itemprop='datePublished'"
    " or @name='pubdate' or @name='publishdate' or @name='parsely-pub-date'"
    " or @name='dc.date.issued' or @name='DC.date.issued']/@content",
    "//*[@itemprop='datePublished']/@datetime",
    "//article//time[@datetime]/@datetime",
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_SUBDOMAIN_PREFIXES = ("www.", "m.", "amp.", "mobile.")


def domain_of(url: str) -> str:
    """The host of ``url`` in lower case, without port and without a ``www.``-like prefix.

    >>> domain_of("https://www.Kestriaherald.example:8443/politics/x")
    'kestriaherald.example'
    """
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    for prefix in _SUBDOMAIN_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            return host[len(prefix) :]
    return host


def load_outlet_map(path: str | os.PathLike) -> dict[str, str]:
    """Read a ``domain,outlet`` CSV (header optional) into ``{domain: outlet}``.

    Domains may be written as URLs or with ``www.``; both fold to the bare host.
    Raises ``ValueError`` naming the file and row for a row that is not two cells.
    """
    path = Path(path)
    mapping: dict[str, str] = {}
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(f"{path}: cannot read the outlet map ({exc.strerror or exc})") from exc
    with handle:
        for line_number, row in enumerate(csv.reader(handle), start=1):
            cells = [c.strip() for c in row]
            if not cells or not any(cells) or cells[0].startswith("#"):
                continue
            if line_number == 1 and [c.lower() for c in cells[:2]] == ["domain", "outlet"]:
                continue
            if len(cells) < 2 or not cells[0] or not cells[1]:
                raise InputError(
                    f"{path}, row {line_number}: expected 'domain,outlet' "
                    f"(e.g. kestriaherald.example,The Kestria Herald), got {','.join(row)!r}"
                )
            domain = cells[0] if "://" in cells[0] else f"http://{cells[0]}"
            mapping[domain_of(domain)] = cells[1]
    return mapping


def lookup_outlet(url_or_domain: str, outlet_map: dict[str, str] | None) -> str | None:
    """The mapped outlet for a URL or domain: the most specific mapped parent domain wins.

    >>> lookup_outlet("https://news.kestriaherald.example/a", {"kestriaherald.example": "KH"})
    'KH'
    """
    if not outlet_map or not url_or_domain:
        return None
    target = url_or_domain if "://" in url_or_domain else f"http://{url_or_domain}"
    host = (urlsplit(target).hostname or "").lower().rstrip(".")
    labels = host.split(".")
    for i in range(len(labels)):
        candidate = ".".join(labels[i:])
        if candidate in outlet_map:
            return outlet_map[candidate]
    return None


def choose_outlet(
    url: str, outlet: str | None, outlet_map: dict[str, str] | None, sitename: str | None
) -> str:
    """Explicit outlet, else the outlet map, else the page's site name, else the domain."""
    if outlet and outlet.strip():
        return outlet.strip()
    mapped = lookup_outlet(url, outlet_map)
    if mapped:
        return mapped
    if sitename and sitename.strip():
        return sitename.strip()
    return domain_of(url)


def _precise_date(tree) -> str | None:
    """A full publication timestamp stated by the page itself, if any (parseable ones only)."""
    for xpath in _DATE_XPATHS:
        for value in tree.xpath(xpath):
            if _parses(value):
                return str(value).strip()
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and _parses(item.get("datePublished")):
                return str(item["datePublished"]).strip()
    return None


def _parses(value) -> bool:
    if not isinstance(value, str) or not value.strip():
        return False
    try:
        return parse_published(value) is not None
    except ValueError:
        return False


def _body_paragraphs(text: str, title: str) -> str:
    """trafilatura's text with one blank line between paragraphs and a repeated headline dropped."""
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    if lines and title and normalize(lines[0]) == normalize(title):
        lines = lines[1:]
    return "\n\n".join(lines)


@dataclass(slots=True)
class Page:
    """What a page says about itself, before an outlet is chosen (text already cleaned)."""

    title: str
    text: str
    url: str
    published: str | None
    author: str
    sitename: str
    section: str


def extract_page(
    html: str | bytes, url: str = "", source_file: str = "", *, min_words: int = MIN_WORDS
) -> Page | Rejected:
    """The main text and metadata of a page, or a Rejected "not an article"."""
    source = source_file or url
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    if not html or not html.strip():
        return Rejected(source, None, "not an article (empty page)")
    try:  # the XML declaration of XHTML pages upsets lxml when given a str
        tree = lxml.html.fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (lxml.etree.ParserError, ValueError):
        return Rejected(source, None, "not an article (unreadable HTML)")
    stated_date = _precise_date(tree)
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            favor_precision=True,
        )
    except Exception as exc:  # trafilatura/lxml can fail on pathological markup
        return Rejected(source, None, f"not an article (extraction failed: {type(exc).__name__})")
    if document is None or not (document.text or "").strip():
        return Rejected(source, None, "not an article (no main text found)")
    title = normalize(document.title or "").replace("\n", " ")
    text = _body_paragraphs(document.text, title)
    words = count_words(text)
    if words == 0:
        return Rejected(source, None, "not an article (no main text found)")
    if words < min_words:
        return Rejected(
            source, None, f"not an article (only {words} words of main text; need {min_words})"
        )
    return Page(
        title=title,
        text=text,
        url=url or document.url or "",
        published=stated_date or document.date or None,
        author=normalize(document.author or ""),
        sitename=normalize(document.sitename or ""),
        section=", ".join(document.categories or [])[:200],
    )


def build_article(page: Page, *, published=None, fallback_published=None, **fields) -> Article:
    """``make_article`` that drops an unreadable date instead of failing (never invents one)."""
    for when in (published, fallback_published):
        try:
            return make_article(published=when, **fields)
        except ValueError:
            continue
    return make_article(published=None, **fields)


def extract_article(
    html: str | bytes,
    url: str = "",
    outlet: str | None = None,
    outlet_map: dict[str, str] | None = None,
    source_file: str = "",
    *,
    fallback_title: str = "",
    fallback_published=None,
    fallback_author: str = "",
    min_words: int = MIN_WORDS,
) -> Article | Rejected:
    """The article in ``html`` as an :class:`Article`, or a :class:`Rejected` saying why not.

    ``url`` is where the page came from (for a saved file, leave it empty and the
    page's canonical URL is used). ``fallback_*`` fill gaps the page leaves, e.g.
    a feed entry's title and date. ``source_file`` defaults to the URL.

    >>> extract_article(page, url="https://kestriaherald.example/a").outlet  # doctest: +SKIP
    'The Kestria Herald'
    """
    source = source_file or url
    page = extract_page(html, url, source, min_words=min_words)
    if isinstance(page, Rejected):
        return page
    chosen = choose_outlet(page.url, outlet, outlet_map, page.sitename)
    if not chosen:
        return Rejected(source, None, "no outlet: the page names no site; pass --outlet NAME")
    return build_article(
        page,
        published=page.published or fallback_published,
        fallback_published=fallback_published,
        outlet=chosen,
        text=page.text,
        title=page.title or fallback_title,
        url=page.url,
        author=page.author or fallback_author,
        section=page.section,
        source_file=source,
    )
