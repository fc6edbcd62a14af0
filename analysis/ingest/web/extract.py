"""Extract the article from a news web page: title, date, author, outlet and body text.

trafilatura finds the main text and drops the page furniture (navigation,
related links, cookie banners, comments, footers); scripts, styles and event
attributes never reach the text because only text nodes are kept. Nothing
half-extracted is stored: a page without a real body (a section front, a
paywall stub, a one-line brief) is :class:`Rejected` as "not an article".

The outlet is chosen by :func:`analysis.ingest.outlets.resolve_outlet` from what the
page states about itself: its ``og:site_name``, JSON-LD publisher and
``application-name`` (read anywhere in the page, since broken markup can push them
out of ``<head>``), its canonical URL, its title.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import trafilatura

from analysis.ingest.articles import (
    MAX_TEXT_CHARS,
    ImplausibleDate,
    make_article,
    parse_published,
    text_too_long,
)
from analysis.ingest.outlets import (  # noqa: F401  (re-exported: the web modules import them from here)
    domain_of,
    load_outlet_map,
    lookup_outlet,
    resolve_outlet,
    strip_site_affix,
)
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


def choose_outlet(
    url: str, outlet: str | None, outlet_map: dict[str, str] | None, sitename: str | None
) -> str:
    """The outlet of a page at ``url`` stating ``sitename`` (see :func:`resolve_outlet`)."""
    return resolve_outlet(
        given=outlet, outlet_map=outlet_map, url=url, stated=[sitename] if sitename else []
    ).name


def _json_ld_items(tree) -> list[dict]:
    """Every JSON-LD object of the page, ``@graph`` members included (broken scripts skipped)."""
    items: list[dict] = []
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict):
                items.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    items.extend(g for g in graph if isinstance(g, dict))
    return items


def _stated_dates(tree, items: list[dict]) -> tuple[list[str], list[str]]:
    """The page's own publication timestamps, most trusted first: ``(usable, implausible)``.

    A placeholder such as ``0001-01-01T00:00:00Z`` in the JSON-LD (or a date in
    the future) is set aside so the next candidate can win.
    """
    values = [str(v) for xpath in _DATE_XPATHS for v in tree.xpath(xpath)]
    values += [str(i["datePublished"]) for i in items if isinstance(i.get("datePublished"), str)]
    usable, implausible = [], []
    for value in values:
        value = value.strip()
        if not value:
            continue
        verdict = _date_verdict(value)
        if verdict == "ok":
            usable.append(value)
        elif verdict == "implausible":
            implausible.append(value)
    return usable, implausible


def _date_verdict(value) -> str:
    """ "ok", "implausible" (a date, but before 1800 or after tomorrow) or "unreadable"."""
    try:
        return "ok" if parse_published(value) is not None else "unreadable"
    except ImplausibleDate:
        return "implausible"
    except ValueError:
        return "unreadable"


def _names_stated(tree, items: list[dict]) -> list[str]:
    """Site names the page states, most trusted first; read anywhere in the tree, since
    broken markup can push ``<meta>`` tags out of ``<head>``."""
    names = [str(v) for v in tree.xpath("//meta[@property='og:site_name']/@content")]
    for item in items:
        publisher = item.get("publisher")
        for entry in publisher if isinstance(publisher, list) else [publisher]:
            if isinstance(entry, dict) and isinstance(entry.get("name"), str):
                names.append(entry["name"])
            elif isinstance(entry, str):
                names.append(entry)
    names += [
        i["name"] for i in items if i.get("@type") == "WebSite" and isinstance(i.get("name"), str)
    ]
    names += [str(v) for v in tree.xpath("//meta[@name='application-name']/@content")]
    return [n.strip() for n in names if n and n.strip()]


def _url_stated(tree) -> str:
    """The page's canonical address (``<link rel=canonical>`` or ``og:url``), if absolute."""
    for xpath in ("//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content"):
        for value in tree.xpath(xpath):
            value = str(value).strip()
            if value.lower().startswith(("http://", "https://")):
                return value
    return ""


def _body_paragraphs(text: str, title: str) -> str:
    """trafilatura's text with one blank line between paragraphs and a repeated headline dropped."""
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    if lines and title and normalize(lines[0]) == normalize(title):
        lines = lines[1:]
    return "\n\n".join(lines)


_BLOCK_TAGS = (
    "p", "div", "section", "article", "li", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "tr", "figure", "br", "hr", "dd", "dt", "ul", "ol", "table",
)  # fmt: skip
_NO_TEXT_TAGS = ("script", "style", "noscript", "iframe", "figcaption", "svg", "template")


def fragment_text(html: str) -> str:
    r"""The text of an HTML fragment (a feed entry's content), one paragraph per block.

    >>> fragment_text("<p>One <b>bold</b> move.</p><p>Two.</p>")
    'One bold move.\n\nTwo.'
    """
    if not html or not html.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    for element in list(root.iter(*_NO_TEXT_TAGS)):
        element.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n\n" + (element.text or "")
    paragraphs = (" ".join(p.split()) for p in root.text_content().split("\n\n"))
    return normalize("\n\n".join(p for p in paragraphs if p))


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
    #: Site names the page states (og:site_name, JSON-LD publisher, ...), most trusted first.
    stated_names: tuple[str, ...] = ()
    #: Dates the page states that cannot be publication dates (placeholders, the future).
    implausible_dates: tuple[str, ...] = ()


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
    items = _json_ld_items(tree)
    dates, implausible = _stated_dates(tree, items)
    # Precision first (no furniture in the text); a page that leaves too little that way
    # is tried again with trafilatura's defaults before it is called "not an article".
    document, words, text, title = None, 0, "", ""
    for favor_precision in (True, False):
        try:
            attempt = trafilatura.bare_extraction(
                html,
                url=url or None,
                with_metadata=True,
                include_comments=False,
                include_images=False,
                include_links=False,
                favor_precision=favor_precision,
            )
        except Exception as exc:  # trafilatura/lxml can fail on pathological markup
            if document is None:
                return Rejected(
                    source, None, f"not an article (extraction failed: {type(exc).__name__})"
                )
            break
        if attempt is None or not (attempt.text or "").strip():
            continue
        attempt_title = normalize(attempt.title or "").replace("\n", " ")
        attempt_text = _body_paragraphs(attempt.text, attempt_title)
        attempt_words = count_words(attempt_text)
        if document is None or attempt_words > words:
            document, words, text, title = attempt, attempt_words, attempt_text, attempt_title
        if words >= min_words:
            break
    if document is None or words == 0:
        return Rejected(source, None, "not an article (no main text found)")
    if len(text) > MAX_TEXT_CHARS:
        return Rejected(source, None, text_too_long(len(text), "save each article on its own"))
    if words < min_words:
        return Rejected(
            source, None, f"not an article (only {words} words of main text; need {min_words})"
        )
    found_date = document.date if document.date and _date_verdict(document.date) == "ok" else None
    stated = _names_stated(tree, items) + ([document.sitename] if document.sitename else [])
    return Page(
        title=title,
        text=text,
        url=url or document.url or _url_stated(tree),
        published=(dates[0] if dates else None) or found_date,
        author=normalize(document.author or ""),
        sitename=normalize(document.sitename or ""),
        section=", ".join(document.categories or [])[:200],
        stated_names=tuple(normalize(n) for n in stated),
        implausible_dates=tuple(implausible),
    )


def folder_note(sources: list[str], folder: str) -> str:
    """What to tell the user about saved pages whose outlet is their folder's name."""
    if len(sources) == 1:
        return (
            f"{sources[0]}: the page names no site and has no URL; outlet '{folder}' "
            "from its folder (set it with --outlet NAME)"
        )
    listed = ", ".join(Path(s).name for s in sources[:3]) + (", ..." if len(sources) > 3 else "")
    return (
        f"{len(sources)} saved pages name no site and have no URL ({listed}); outlet "
        f"'{folder}' from their folder (set it with --outlet NAME, or put each site's "
        "pages in a folder named after it)"
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
    folder: str = "",
    notes: list[str] | None = None,
    named_by_folder: list[str] | None = None,
    min_words: int = MIN_WORDS,
) -> Article | Rejected:
    """The article in ``html`` as an :class:`Article`, or a :class:`Rejected` saying why not.

    ``url`` is where the page came from (for a saved file, leave it empty and the
    page's canonical URL is used). ``fallback_*`` fill gaps the page leaves, e.g.
    a feed entry's title and date. ``source_file`` defaults to the URL. ``folder``
    is the outlet of last resort (a saved page that names no site). What the
    reader should know (a placeholder date dropped, the folder used as outlet) is
    appended to ``notes``; a caller reading many pages passes ``named_by_folder``
    to collect the pages named by their folder and say so once.

    >>> extract_article(page, url="https://kestriaherald.example/a").outlet  # doctest: +SKIP
    'The Kestria Herald'
    """
    source = source_file or url
    page = extract_page(html, url, source, min_words=min_words)
    if isinstance(page, Rejected):
        return page
    chosen = resolve_outlet(
        given=outlet,
        outlet_map=outlet_map,
        url=page.url,
        stated=page.stated_names,
        title=page.title,
        folder=folder,
    )
    if not chosen.name:
        return Rejected(source, None, "no outlet: the page names no site; pass --outlet NAME")
    if chosen.how == "folder":
        if named_by_folder is not None:
            named_by_folder.append(source)
        elif notes is not None:
            notes.append(folder_note([source], chosen.name))
    published = page.published or fallback_published
    if notes is not None and page.implausible_dates and not published:
        notes.append(
            f"{source}: the page's date {page.implausible_dates[0]} cannot be a publication "
            "date; stored without one"
        )
    title = page.title or fallback_title
    return build_article(
        page,
        published=published,
        fallback_published=fallback_published,
        outlet=chosen.name,
        text=page.text,
        title=strip_site_affix(title, (chosen.name, *page.stated_names), page.url),
        url=page.url,
        author=page.author or fallback_author,
        section=page.section,
        source_file=source,
    )
