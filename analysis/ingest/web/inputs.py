"""Turn web inputs into Articles: URLs, URL lists, feeds, saved HTML pages, rows without text.

What the CLI may be handed, and how each is read:

* an ``http(s)://`` URL: fetched; a feed (RSS/Atom, told apart by content type
  or by sniffing the body) has each entry's link fetched and extracted, a page
  is extracted directly;
* a ``.txt`` file whose non-empty, non-``#`` lines are all URLs: a URL list,
  each line fetched (a ``.txt`` article is *not* a URL list, see
  :func:`analysis.ingest.url_lists.is_url_list`);
* a ``.xml``/``.rss``/``.atom`` file: a saved feed, its entries' links fetched;
* ``.html``/``.htm`` files and folders of them: extracted without any fetching;
* Media Cloud / GDELT rows that carry a URL but no text: :func:`fill_missing_text`.

Every failure becomes a :class:`Rejected` (the URL or file, the line number for
URL lists, and a short reason), so one dead link never stops a run. A run that
was interrupted resumes cheaply: pages already fetched come from the
:class:`~analysis.ingest.web.fetch.Fetcher` cache and article ids are stable, so the store
skips what it already holds.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import feedparser

from analysis.config import MAX_FEED_ENTRIES
from analysis.ingest.articles import article_file_too_large, make_article, map_columns
from analysis.ingest.outlets import is_domain, row_outlet
from analysis.ingest.url_lists import is_url, url_lines
from analysis.ingest.web.extract import (
    MIN_WORDS,
    build_article,
    extract_article,
    extract_page,
    folder_note,
    fragment_text,
    resolve_outlet,
    strip_site_affix,
)
from analysis.ingest.web.fetch import Fetcher, FetchResult, decode_html
from analysis.ingest.web.kinds import FEED_SUFFIXES, HTML_SUFFIXES, html_files
from analysis.records import Article, Rejected
from analysis.text import count_words, normalize

_FEED_ROOT = re.compile(r"<(rss|feed|rdf:RDF)[\s>]", re.I)

#: ``progress(url, status)`` is told about every page: status is "cached", "fetched" or the error.
Progress = Callable[[str, str], None]

Item = Article | Rejected


def _folder_name(path: Path, given: Path | None) -> str:
    """The outlet of last resort for a saved page: the sub-folder of the folder given
    that holds it, else the folder's own name (as for ``.txt`` articles)."""
    if given is not None:
        relative = path.parent.relative_to(given)
        if relative.parts:
            return relative.parts[0]
    return path.resolve().parent.name


def looks_like_feed(text: str, content_type: str = "") -> bool:
    """RSS/Atom/RDF, told by the document's root element (servers often say text/xml or
    even text/html for feeds, so the content type alone decides nothing).
    """
    head = text[:2000]
    if "<html" in head.lower():
        return False
    return bool(_FEED_ROOT.search(head))


def _entry_published(entry) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return datetime(*parsed[:6], tzinfo=UTC)
    return None


def _report(progress: Progress | None, result: FetchResult) -> None:
    if progress is not None:
        status = result.error or ("cached" if result.from_cache else "fetched")
        progress(result.url, status)


class _Run:
    """One ingest run: the options every input shares."""

    def __init__(
        self, fetcher, outlet, outlet_map, progress, notes=None, max_feed_entries=MAX_FEED_ENTRIES
    ):
        self.fetcher: Fetcher = fetcher
        self.notes: list[str] | None = notes
        #: Saved pages named by their folder, per folder name, told once per input.
        self.named_by_folder: dict[str, list[str]] = {}
        self.max_feed_entries = max_feed_entries
        self.outlet = outlet
        self.outlet_map = outlet_map
        self.progress = progress

    def emit(self, item: Item) -> Iterator[Item]:
        # A page met twice (a feed and a URL list, a repeated entry) is yielded twice:
        # the store skips the second copy by its id and counts it as a duplicate.
        yield item

    def page(
        self, result: FetchResult, source: str, row: int | None, entry=None, expand_feeds=True
    ) -> Iterator[Item]:
        """A fetched page as an Article, or a feed's articles, or a Rejected."""
        _report(self.progress, result)
        if not result.ok:
            problem = result.error or "empty response"
            yield Rejected(
                source, row, problem if source == result.url else f"{problem} ({result.url})"
            )
            return
        if expand_feeds and looks_like_feed(result.text, result.content_type):
            if result.from_cache and not self.fetcher.offline:
                # A feed changes between runs: read it afresh (its pages still come from cache).
                fresh = self.fetcher.fetch(result.url, refresh=True)
                result = fresh if fresh.ok else result
            yield from self.feed(result.text, result.final_url)
            return
        title = (entry.get("title") or "") if entry is not None else ""
        published = _entry_published(entry) if entry is not None else None
        author = (entry.get("author") or "") if entry is not None else ""
        item = extract_article(
            result.text,
            url=result.final_url,
            outlet=self.outlet,
            outlet_map=self.outlet_map,
            source_file=source,
            fallback_title=title,
            fallback_published=published,
            fallback_author=author,
        )
        if isinstance(item, Rejected) and row is not None:
            item = Rejected(source, row, f"{item.problem} ({result.url})")
        yield from self.emit(item)

    def feed(self, content: str | bytes, feed_source: str) -> Iterator[Item]:
        """Fetch and extract every entry of a feed; entry title and date fill the page's gaps."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        headers = {"content-location": feed_source} if is_url(feed_source) else {}
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
        if not parsed.entries:
            reason = getattr(parsed, "bozo_exception", None)
            detail = f" ({str(reason)[:100]})" if parsed.get("bozo") and reason else ""
            yield Rejected(feed_source, None, f"feed has no entries{detail}")
            return
        feed_name = normalize(parsed.feed.get("title") or "")
        entries = parsed.entries
        if len(entries) > self.max_feed_entries:
            yield Rejected(
                feed_source,
                None,
                f"feed has {len(entries):,} entries; only the first {self.max_feed_entries:,} "
                "were read (raise --max-feed-entries to read more)",
            )
            entries = entries[: self.max_feed_entries]
        jobs = []
        for number, entry in enumerate(entries, start=1):
            link = (entry.get("link") or "").strip()
            own = self.entry_article(entry, link, feed_name, feed_source)
            if own is not None:  # a full-text feed: the entry is the article, nothing to fetch
                yield from self.emit(own)
                continue
            if not is_url(link):
                yield Rejected(feed_source, number, "feed entry has no http(s) link")
                continue
            jobs.append((link, entry))
        results = self.fetcher.fetch_many(link for link, _entry in jobs)
        for (link, entry), result in zip(jobs, results, strict=True):
            yield from self.page(result, link, None, entry=entry, expand_feeds=False)

    def entry_article(self, entry, link: str, feed_name: str, feed_source: str) -> Article | None:
        """The entry's own full text (RSS ``content:encoded``, Atom ``content``) as an
        Article, or ``None`` when the entry carries only a teaser (then its link is fetched)."""
        bodies = [c.get("value") or "" for c in entry.get("content") or [] if isinstance(c, dict)]
        text = max((fragment_text(body) for body in bodies), key=count_words, default="")
        if count_words(text) < MIN_WORDS:
            return None
        title = normalize(entry.get("title") or "").replace("\n", " ")
        chosen = resolve_outlet(
            given=self.outlet,
            outlet_map=self.outlet_map,
            url=link if is_url(link) else "",
            stated=[feed_name] if feed_name else [],
            title=title,
        )
        if not chosen.name:
            return None
        return build_article(
            None,
            published=_entry_published(entry),
            outlet=chosen.name,
            text=text,
            title=strip_site_affix(title, (chosen.name, feed_name), link),
            url=link if is_url(link) else "",
            author=normalize(entry.get("author") or ""),
            source_file=link if is_url(link) else feed_source,
        )

    def url_list(self, path: Path, lines: list[tuple[int, str]]) -> Iterator[Item]:
        results = self.fetcher.fetch_many(url for _number, url in lines)
        for (number, _url), result in zip(lines, results, strict=True):
            yield from self.page(result, str(path), number)

    def html_file(self, path: Path, given: Path | None = None) -> Iterator[Item]:
        try:
            if too_large := article_file_too_large(path.stat().st_size):
                yield Rejected(str(path), None, too_large)
                return
            raw = path.read_bytes()
        except OSError as exc:
            yield Rejected(str(path), None, f"cannot read the file ({exc.strerror or exc})")
            return
        item = extract_article(
            decode_html(raw),
            outlet=self.outlet,
            outlet_map=self.outlet_map,
            source_file=str(path),
            folder=(folder := _folder_name(path, given)),
            notes=self.notes,
            named_by_folder=self.named_by_folder.setdefault(folder, []),
        )
        yield from self.emit(item)

    def tell_folder_outlets(self) -> None:
        """One note per folder whose name became the outlet of pages that name none."""
        for folder, sources in self.named_by_folder.items():
            if sources and self.notes is not None:
                self.notes.append(folder_note(sources, folder))
        self.named_by_folder.clear()


def iter_web_inputs(
    inputs: Iterable[str | Path],
    *,
    fetcher: Fetcher,
    outlet: str | None = None,
    outlet_map: dict[str, str] | None = None,
    progress: Progress | None = None,
    notes: list[str] | None = None,
    max_feed_entries: int = MAX_FEED_ENTRIES,
) -> Iterator[Article | Rejected]:
    """Articles (or Rejected) from URLs, URL lists, feeds and saved HTML, in input order.

    A feed's entries past ``max_feed_entries`` are not fetched; one Rejected says so.

    ``outlet`` overrides every page's outlet; ``outlet_map`` (``{domain: outlet}``,
    see :func:`analysis.ingest.outlets.load_outlet_map`) beats the page's site name.
    The same article reached twice in one run (a feed and a URL list, a repeated
    entry) is yielded twice with one id, so the store counts the second as a
    duplicate. What the user should know (the folder named a page's outlet, a
    placeholder date was dropped) is appended to ``notes``.

    >>> with Fetcher("stores/web-cache") as fetcher:  # doctest: +SKIP
    ...     items = list(iter_web_inputs(["https://kestriaherald.example/rss"], fetcher=fetcher))
    """
    run = _Run(fetcher, outlet, outlet_map, progress, notes, max_feed_entries)
    for given in inputs:
        value = str(given).strip()
        if is_url(value):
            yield from run.page(fetcher.fetch(value), value, None)
            continue
        path = Path(value)
        suffix = path.suffix.lower()
        if not path.exists():
            yield Rejected(value, None, "no such file or folder, and not an http(s) URL")
        elif path.is_dir():
            files = html_files(path)
            if not files:
                yield Rejected(value, None, "folder has no .html or .htm files")
            for file in files:
                yield from run.html_file(file, path)
            run.tell_folder_outlets()
        elif suffix in HTML_SUFFIXES:
            yield from run.html_file(path)
            run.tell_folder_outlets()
        elif suffix in FEED_SUFFIXES:
            try:
                raw = path.read_bytes()
            except OSError as exc:
                yield Rejected(value, None, f"cannot read the file ({exc.strerror or exc})")
                continue
            yield from run.feed(raw, value)
        elif suffix == ".txt":
            lines = url_lines(path)
            if lines is None:
                yield Rejected(
                    value, None, "not a URL list (every non-empty line must be an http(s) URL)"
                )
            else:
                yield from run.url_list(path, lines)
        else:
            yield Rejected(
                value,
                None,
                f"not a web input ('{suffix or path.name}'); give a URL, a .txt list of URLs, "
                "a .xml/.rss/.atom feed or .html files",
            )


def _canonical(row: dict) -> dict:
    """Row keyed by our column names; already-canonical rows pass through unchanged."""
    mapping = map_columns(row.keys())
    canonical = {ours: row.get(theirs) for ours, theirs in mapping.items()}
    for key, value in row.items():  # keep canonical keys map_columns has no alias for
        canonical.setdefault(key, value)
    return canonical


def _cell(row: dict, key: str) -> str:
    value = row.get(key)
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def fill_missing_text(
    row: dict,
    *,
    fetcher: Fetcher,
    outlet_map: dict[str, str] | None = None,
    outlet: str | None = None,
    source_file: str = "",
    row_number: int | None = None,
    file_line: int | None = None,
) -> Article | Rejected:
    """An Article for a Media Cloud / GDELT row that has a URL but no text, by fetching the URL.

    The row's own title, date, author and URL are kept (the page fills only what
    the row lacks), so the id matches the one the row would get with its text.
    The outlet: ``outlet`` if given, else the row's outlet; a bare domain as
    outlet (GDELT, many Media Cloud sources) goes through the outlet map, then
    the page's site name. Rows that already have text are built without fetching.

    >>> fill_missing_text({"outlet": "Valley Post", "url": u}, fetcher=f)  # doctest: +SKIP
    Article(article_id=..., outlet='Valley Post', text='The Sallow Valley Front ...', ...)
    """
    row = _canonical(row)
    url = _cell(row, "url")
    source = source_file or url
    given = (outlet or "").strip()
    named = given or row_outlet(_cell(row, "outlet"), url, outlet_map)
    common = {
        "section": _cell(row, "section"),
        "event_id": _cell(row, "event_id"),
        "source_file": source,
        "article_id": _cell(row, "id"),
    }
    text = _cell(row, "text")
    if text:
        if not named:
            return Rejected(
                source,
                row_number,
                "empty outlet; fill in the outlet column or pass --outlet",
                file_line,
            )
        try:
            return make_article(
                outlet=named, text=text, title=_cell(row, "title"), url=url,
                published=_cell(row, "published") or None, author=_cell(row, "author"), **common,
            )  # fmt: skip
        except ValueError as exc:
            return Rejected(source, row_number, f"published: {exc}", file_line)
    if not is_url(url):
        return Rejected(
            source,
            row_number,
            "no text and no http(s) URL to fetch; fill in the text or url column",
            file_line,
        )
    result = fetcher.fetch(url)
    if not result.ok:
        return Rejected(
            source,
            row_number,
            f"{result.error} ({url})" if source != url else result.error,
            file_line,
        )
    page = extract_page(result.text, result.final_url, source)
    if isinstance(page, Rejected):
        return Rejected(
            source,
            row_number,
            f"{page.problem} ({url})" if source != url else page.problem,
            file_line,
        )
    if named and not is_domain(named):
        chosen = named
    else:  # a bare domain names no outlet: the page's own names, then the domain
        chosen = (
            resolve_outlet(
                outlet_map=outlet_map, url=url, stated=page.stated_names, title=page.title
            ).name
            or named
        )
    return build_article(
        page,
        published=_cell(row, "published") or page.published,
        fallback_published=page.published,
        outlet=chosen,
        text=page.text,
        title=strip_site_affix(
            _cell(row, "title") or page.title, (chosen, *page.stated_names), url
        ),
        url=url,
        author=_cell(row, "author") or page.author,
        section=common["section"] or page.section,
        event_id=common["event_id"],
        source_file=source,
        article_id=common["article_id"],
    )
