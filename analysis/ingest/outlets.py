"""One answer to "which outlet published this?", for every kind of input.

First match wins:

1. the outlet the user gave (``--outlet``);
2. the user's outlet map (``--outlet-map``: ``domain,outlet``), by the URL's domain
   or by a domain given as the outlet (GDELT, Media Cloud);
3. the bundled table of well-known news sites (``data/outlets.csv``), so every
   page of a site gets one label whatever each page calls itself, and a wire
   story on a newspaper's site keeps the newspaper's name;
4. the names the page states (``og:site_name``, the JSON-LD publisher, the
   WebSite name, ``application-name``), each cleaned (see :func:`clean_name`),
   the first that survives cleaning;
5. a title part naming the site ("... | Live Science" on livescience.com);
6. the page's domain, without port and ``www.``;
7. the folder the file was found in (saved pages that name no site), said so.

An empty answer means nothing named the outlet; the caller decides what to do.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from analysis.config import OUTLETS_FILE
from analysis.errors import InputError
from analysis.text import normalize

_SUBDOMAIN_PREFIXES = ("www.", "m.", "amp.", "mobile.")
_DOMAIN = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$", re.I)
_URLISH = re.compile(r"^(?:https?://|www\.)", re.I)
_IS_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b|\ball rights reserved\b", re.I)
# A tagline or second name follows a spaced dash or a bar: "Aktuálně.cz - Víte, co se děje".
_TAGLINE = re.compile(r"\s+[|–—\-:·»•>]\s+|\s*\|\s*")
_HANDLE = re.compile(r"^@|^[A-Za-z0-9]+_[A-Za-z0-9_]*$|^[A-Za-z0-9_]+_$")
_NOT_A_NAME = frozenset(
    "hosted home homepage index untitled news article default website blog wordpress "
    "unknown null none undefined site page".split()
)
# Wire services name themselves publisher of the stories newspapers run; on another
# site they are not the outlet.
_WIRES = {
    "associated press": ("apnews.com", "ap.org"),
    "the associated press": ("apnews.com", "ap.org"),
    "ap": ("apnews.com", "ap.org"),
    "reuters": ("reuters.com",),
    "thomson reuters": ("reuters.com",),
    "afp": ("afp.com",),
    "agence france-presse": ("afp.com",),
    "agence france presse": ("afp.com",),
    "upi": ("upi.com",),
}
#: Longest site name kept; longer "names" are headlines or descriptions.
MAX_NAME_CHARS = 60


def domain_of(url: str) -> str:
    """The host of ``url`` in lower case, without port and without a ``www.``-like prefix.

    >>> domain_of("https://www.Kestriaherald.example:8443/politics/x")
    'kestriaherald.example'
    """
    target = url if "://" in url else f"http://{url}"
    try:
        host = (urlsplit(target.strip()).hostname or "").lower().rstrip(".")
    except ValueError:  # a malformed port or bracket
        return ""
    for prefix in _SUBDOMAIN_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            return host[len(prefix) :]
    return host


def load_outlet_map(path: str | os.PathLike) -> dict[str, str]:
    """Read a ``domain,outlet`` CSV (header and ``#`` lines optional) into ``{domain: outlet}``.

    Domains may be written as URLs or with ``www.``; both fold to the bare host.
    Raises :class:`InputError` naming the file and row for a row that is not two cells.
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
            if [c.lower() for c in cells[:2]] == ["domain", "outlet"]:
                continue
            if len(cells) < 2 or not cells[0] or not cells[1]:
                raise InputError(
                    f"{path}, row {line_number}: expected 'domain,outlet' "
                    f"(e.g. kestriaherald.example,The Kestria Herald), got {','.join(row)!r}"
                )
            mapping[domain_of(cells[0])] = cells[1]
    return mapping


@lru_cache(maxsize=2)
def known_outlets(path: Path = OUTLETS_FILE) -> dict[str, str]:
    """The bundled ``domain -> outlet`` table of well-known news sites."""
    return load_outlet_map(path) if path.exists() else {}


def lookup_outlet(url_or_domain: str, outlet_map: dict[str, str] | None) -> str | None:
    """The mapped outlet for a URL or domain: the most specific mapped parent domain wins.

    >>> lookup_outlet("https://news.kestriaherald.example/a", {"kestriaherald.example": "KH"})
    'KH'
    """
    if not outlet_map or not url_or_domain:
        return None
    labels = domain_of(url_or_domain).split(".")
    for i in range(len(labels) - 1):
        candidate = ".".join(labels[i:])
        if candidate in outlet_map:
            return outlet_map[candidate]
    return None


def is_domain(value: str) -> bool:
    """``example.com`` or ``www.example.com``: a host name, not a name for people."""
    return bool(_DOMAIN.match(value.strip()))


def _squash(value: str) -> str:
    return re.sub(r"[\W_]+", "", value.lower())


def clean_name(name: str, *, title: str = "") -> str:
    """A stated site name made fit for a label, or ``""`` when it names no outlet.

    A tagline after ``|`` or a spaced dash goes ("Mozilla Hacks – the Web
    developer blog" -> "Mozilla Hacks"). No name at all: a copyright line (it
    names the company that owns the site, "© 2014 Gray Television", not the
    outlet), a URL, a raw domain in one case ("livescience.com",
    "SIMPLYFOUND.COM"), a handle ("@KestriaNews", "Wday_"), a generic word
    ("Hosted", "Home"), the page's own title, anything longer than a name.

    >>> clean_name("Copyright 2014"), clean_name("Aktuálně.cz - Víte, co se děje")
    ('', 'Aktuálně.cz')
    """
    name = normalize(name or "").replace("\n", " ").strip().strip("\"'")
    if not name or _URLISH.match(name):
        return ""
    if _IS_COPYRIGHT.search(name):
        return ""
    parts = [p.strip() for p in _TAGLINE.split(name) if p.strip()]
    name = parts[0] if parts else ""
    name = name.strip(" .,;:-–—|")
    if not name or len(name) > MAX_NAME_CHARS or _HANDLE.match(name):
        return ""
    if name.lower() in _NOT_A_NAME or not re.search(r"[^\W\d_]", name):
        return ""
    if is_domain(name) and (name == name.lower() or name == name.upper()):
        return ""
    if title and _squash(name) == _squash(title):
        return ""
    return name


def _wire_elsewhere(name: str, domain: str) -> bool:
    homes = _WIRES.get(name.lower())
    return bool(homes and domain and not any(domain.endswith(h) for h in homes))


def title_site_part(title: str, domain: str) -> str:
    """The first or last part of a title (split at ``|`` or a spaced dash) that names the site.

    It must be short (at most four words) and match the domain's name, so a
    headline that merely mentions the site is not taken for its name.

    >>> title_site_part("Why volcanoes erupt | Live Science", "livescience.com")
    'Live Science'
    """
    parts = [p.strip() for p in _TAGLINE.split(title or "") if p.strip()]
    label = domain.split(".")[-2] if domain.count(".") >= 1 else domain
    key = _squash(label)
    if len(parts) < 2 or len(key) < 3:
        return ""
    for part in (parts[-1], parts[0]):
        squashed = _squash(part)
        if len(part.split()) <= 4 and squashed and (key in squashed or squashed in key):
            return clean_name(part)
    return ""


def strip_site_affix(title: str, names: list[str] | tuple[str, ...], url: str = "") -> str:
    """``title`` without a leading or trailing part that repeats the outlet's name.

    The part is split off at ``|`` or a spaced dash, must be short (four words at
    most) and name one of ``names`` or the domain of ``url``; the rest of the title is
    kept whole, and a headline that merely mentions the outlet is left alone.

    >>> strip_site_affix("Apple ships a phone – TechCrunch", ["TechCrunch"])
    'Apple ships a phone'
    """
    # Most titles have no separator: one search tells, before any name is squashed or
    # the URL parsed.
    if not title or not _TAGLINE.search(title):
        return title
    domain = domain_of(url)
    pieces = _TAGLINE.split(title)
    keys = {_squash(n) for n in names if n} | (
        {_squash(domain.split(".")[-2])} if domain.count(".") >= 1 else set()
    )
    keys = {k for k in keys if len(k) >= 3}
    if not keys:
        return title
    separators = _TAGLINE.findall(title)

    def names_site(part: str) -> bool:
        squashed = _squash(part)
        return (
            bool(squashed)
            and len(part.split()) <= 4
            and any(k == squashed or k in squashed or squashed in k for k in keys)
        )

    if names_site(pieces[-1]) and "".join(pieces[:-1]).strip():
        return _join(pieces[:-1], separators[:-1])
    if names_site(pieces[0]) and "".join(pieces[1:]).strip():
        return _join(pieces[1:], separators[1:])
    return title


def _join(pieces: list[str], separators: list[str]) -> str:
    out = pieces[0]
    for separator, piece in zip(separators, pieces[1:], strict=True):
        out += separator + piece
    return out.strip()


def row_outlet(named: str, url: str, outlet_map: dict[str, str] | None) -> str:
    """A table row's outlet: the outlet map by the row's URL or by a domain given as its
    outlet; else the outlet column as it is, a bare domain there (GDELT) named by the
    table of known sites.

    >>> row_outlet("nytimes.com", "", None)
    'The New York Times'
    """
    named = (named or "").strip()
    domain_given = is_domain(named)
    mapped = lookup_outlet(url, outlet_map) or (
        lookup_outlet(named, outlet_map) if domain_given else None
    )
    if mapped:
        return mapped
    if domain_given:
        return lookup_outlet(named, known_outlets()) or named
    return named


@dataclass(frozen=True, slots=True)
class Outlet:
    """The chosen outlet name and where it came from (``given``, ``map``, ``known``,
    ``page``, ``title``, ``domain``, ``folder`` or ``""`` when nothing named one)."""

    name: str
    how: str


def resolve_outlet(
    *,
    given: str | None = None,
    outlet_map: dict[str, str] | None = None,
    url: str = "",
    stated: tuple[str, ...] | list[str] = (),
    title: str = "",
    folder: str = "",
) -> Outlet:
    """The outlet for one article; see the module docstring for the order.

    ``stated`` are the names the page gives, most trusted first; a URL or raw
    domain among them stands in for the page's URL when it has none.

    >>> resolve_outlet(url="http://www.tmz.com:80/x", stated=["http://www.tmz.com"])
    Outlet(name='TMZ', how='known')
    """
    if given and given.strip():
        return Outlet(given.strip(), "given")
    domain = domain_of(url) if url else ""
    if not domain:  # a page without a URL may still state its address as its name
        for name in stated:
            value = (name or "").strip()
            if _URLISH.match(value) or is_domain(value):
                domain = domain_of(value)
                break
    if domain:
        for table, how in ((outlet_map, "map"), (known_outlets(), "known")):
            mapped = lookup_outlet(domain, table)
            if mapped:
                return Outlet(mapped, how)
    for name in stated:
        cleaned = clean_name(name, title=title)
        if cleaned and not _wire_elsewhere(cleaned, domain):
            return Outlet(cleaned, "page")
    if domain:
        from_title = title_site_part(title, domain)
        if from_title:
            return Outlet(from_title, "title")
        return Outlet(domain, "domain")
    if folder:
        return Outlet(folder, "folder")
    return Outlet("", "")
