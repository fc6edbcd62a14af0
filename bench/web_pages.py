"""Saved web pages as a new user ingests them: body text, dates, outlet names and titles.

Run: ``.venv/bin/python bench/web_pages.py --data DIR [--workers N] [--keep-store FILE]``

``DIR`` holds ``pages/NAME.html`` (saved article pages) and ``truth/NAME.txt`` (the
page's true body text); ``meta/NAME.json`` (``title``, ``siteName``,
``publishedTime``), when present, adds title and date checks. The folder
``DIR/pages`` is ingested exactly as a user would, ``slant ingest DIR/pages`` in a
subprocess into a temporary store, and the script prints:

* stored / rejected pages, with the rejections as ``slant ingest`` gave them;
* body token F1 against the truth, mean and median over every page (a rejected
  page counts 0): tokens are lower-cased ``\\w+`` runs, compared as multisets;
* dates: how many stored, none, before 1800 or after tomorrow, and (with meta)
  how many fall on the day the truth gives;
* every outlet name the run produced, with the suspicious ones flagged (a URL,
  a raw domain, a port, a copyright line, a tagline, a handle, a generic word);
* titles that still carry a site suffix or prefix naming the outlet.

The page set used in bench/README.md is Mozilla Readability's test pages
(``github:mozilla/readability``, ``test/test-pages``): build ``DIR`` from a
checkout or a bare git directory with ``--from-readability GIT_DIR`` (pages of
at least 20 kB whose expected metadata says ``readerable``; the truth is the
text of ``expected.html``). Never commit the pages or the truth: they are
third-party text.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import lxml.html

_TOKEN = re.compile(r"\w+")
_BLOCKS = (
    "p", "div", "section", "article", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "pre", "table", "tr", "figure", "figcaption", "br", "hr", "dd", "dt",
)  # fmt: skip
_SEPARATOR = re.compile(r"\s+[|–—\-:·»•]\s+|\s*\|\s*")

# What an outlet name should not look like (each a short reason).
_SUSPICIOUS = (
    ("URL", re.compile(r"://|^www\.", re.I)),
    ("port", re.compile(r":\d{2,5}\b")),
    # In one case only: "Salon.com" or "Factorio.com" is how those sites spell their name.
    (
        "raw domain",
        re.compile(
            r"^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$|^[A-Z0-9-]+(\.[A-Z0-9-]+)*\.[A-Z]{2,}$"
        ),
    ),
    ("copyright line", re.compile(r"©|\bcopyright\b|\(c\)|all rights reserved", re.I)),
    ("tagline", re.compile(r"\s[|–—-]\s|\s\|\S|\S\|\s|\|")),
    ("handle", re.compile(r"^@|^\w+_$|^[a-z0-9]+_[a-z0-9_]+$", re.I)),
    ("generic word", re.compile(r"^(hosted|home|unknown|index|untitled|news|pages?)$", re.I)),
)


def tokens(text: str) -> Counter:
    return Counter(_TOKEN.findall(text.lower()))


def token_f1(predicted: str, truth: str) -> float:
    """F1 of the multiset of lower-cased word tokens (1.0 when both are empty)."""
    guess, gold = tokens(predicted), tokens(truth)
    if not guess and not gold:
        return 1.0
    overlap = sum((guess & gold).values())
    if overlap == 0:
        return 0.0
    precision = overlap / sum(guess.values())
    recall = overlap / sum(gold.values())
    return 2 * precision * recall / (precision + recall)


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment, one block per paragraph."""
    tree = lxml.html.fromstring(html)
    for element in tree.iter(*_BLOCKS):
        element.tail = "\n\n" + (element.tail or "")
    lines = (re.sub(r"\s+", " ", line).strip() for line in tree.text_content().split("\n\n"))
    return "\n\n".join(line for line in lines if line)


def suspicious(outlet: str) -> list[str]:
    return [reason for reason, pattern in _SUSPICIOUS if pattern.search(outlet)]


def _squash(value: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", value.lower())


def site_affix(title: str, outlet: str, url: str) -> str | None:
    """The first or last separator-delimited part of ``title`` when it names the site."""
    parts = [p for p in _SEPARATOR.split(title) if p.strip()]
    if len(parts) < 2:
        return None
    names = {_squash(outlet)}
    host = re.sub(r"^www\.", "", (re.match(r"https?://([^/:]+)", url or "") or [None, ""])[1])
    if host:
        names.add(_squash(host.split(".")[-2] if host.count(".") else host))
    names.discard("")
    for part in (parts[-1], parts[0]):
        squashed = _squash(part)
        short = len(part.split()) <= 4  # a site name, not a clause that mentions the site
        if short and squashed and any(n in squashed or squashed in n for n in names if len(n) >= 3):
            return part.strip()
    return None


def prepare_readability(git_dir: Path, out: Path) -> int:
    """Write ``out/{pages,truth,meta}`` from Mozilla Readability's test pages; returns the count."""

    def show(path: str) -> bytes:
        return subprocess.run(
            ["git", f"--git-dir={git_dir}", "show", f"HEAD:{path}"], capture_output=True, check=True
        ).stdout

    listing = subprocess.run(
        ["git", f"--git-dir={git_dir}", "ls-tree", "-d", "--name-only", "HEAD", "test/test-pages/"],
        capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    for sub in ("pages", "truth", "meta"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    count = 0
    for folder in listing:
        name = folder.rsplit("/", 1)[-1]
        source = show(f"{folder}/source.html")
        meta = json.loads(show(f"{folder}/expected-metadata.json"))
        if len(source) < 20_000 or not meta.get("readerable"):
            continue
        (out / "pages" / f"{name}.html").write_bytes(source)
        expected = show(f"{folder}/expected.html").decode("utf-8")
        (out / "truth" / f"{name}.txt").write_text(html_to_text(expected), encoding="utf-8")
        (out / "meta" / f"{name}.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
        count += 1
    return count


def _canonical_url(page: Path) -> str:
    tree = lxml.html.fromstring(page.read_bytes())
    found = tree.xpath("//link[@rel='canonical']/@href | //meta[@property='og:url']/@content")
    return str(found[0]).strip() if found else ""


def run_ingest(pages: Path, db: Path, workers: int | None) -> subprocess.CompletedProcess:
    slant = Path(sys.executable).parent / "slant"
    command = [str(slant), "ingest", str(pages), "--db", str(db), "--cache-dir", str(db.parent)]
    if workers:
        command += ["--workers", str(workers)]
    return subprocess.run(command, capture_output=True, text=True)


def _truth_day(meta: dict) -> str | None:
    stamp = meta.get("publishedTime")
    if not stamp:
        return None
    try:
        when = datetime.fromisoformat(str(stamp).replace("Z", "+00:00").replace(" ", "T"))
    except ValueError:
        return None
    when = when.astimezone(UTC) if when.tzinfo else when
    return when.date().isoformat()


def report(data: Path, workers: int | None, keep_store: Path | None) -> None:
    pages = sorted((data / "pages").glob("*.htm*"))
    if not pages:
        sys.exit(f"{data / 'pages'}: no .html pages; see --from-readability")
    with tempfile.TemporaryDirectory(prefix="slant-web-pages-") as tmp:
        db = keep_store or Path(tmp) / "pages.duckdb"
        if db.exists():
            db.unlink()
        done = run_ingest(data / "pages", db, workers)
        print(f"$ slant ingest {data / 'pages'}  (exit {done.returncode})")
        for line in done.stdout.splitlines():
            print(f"  {line}")
        for line in done.stderr.splitlines():
            if line.startswith(("  ", "warning", "slant:")):
                print(f"  {line.strip()}")
        if done.returncode == 2:
            sys.exit(done.stderr)
        with duckdb.connect(str(db), read_only=True) as con:
            rows = con.execute(
                "SELECT source_file, outlet, title, published, text, url FROM articles"
            ).fetchall()
    stored = {Path(r[0]).stem: r for r in rows}
    names = [p.stem for p in pages]
    rejected = {
        Path(m.group(1)).stem for m in re.finditer(r"rejected: (\S+?\.html?)[:,]", done.stderr)
    }
    # A page with the same URL as a stored one is a duplicate: scored with that article.
    by_url = {r[5]: r for r in rows if r[5]}
    duplicates = {}
    for name in names:
        if name not in stored and name not in rejected:
            url = _canonical_url(data / "pages" / f"{name}.html")
            if url in by_url:
                duplicates[name] = by_url[url]
    silent = [n for n in names if n not in stored and n not in rejected and n not in duplicates]
    print(
        f"\npages: {len(names)}; stored {len(stored)}; rejected {len(rejected)}; "
        f"duplicates of a stored page (same URL): {len(duplicates)} {sorted(duplicates)}; "
        f"not accounted for: {silent}"
    )

    scores = []
    for name in names:
        truth_file = data / "truth" / f"{name}.txt"
        truth = truth_file.read_text(encoding="utf-8") if truth_file.exists() else ""
        row = stored.get(name) or duplicates.get(name)
        scores.append(token_f1(row[4], truth) if row else 0.0)
    print(
        f"body token F1 over all {len(names)} pages (rejected = 0): "
        f"mean {statistics.mean(scores):.3f}, median {statistics.median(scores):.3f}; "
        f"over stored pages only: mean "
        f"{statistics.mean([s for n, s in zip(names, scores, strict=True) if n in stored] or [0]):.3f}"
    )
    worst = sorted(zip(scores, names, strict=True))[:8]
    print("  lowest: " + ", ".join(f"{n} {s:.2f}" for s, n in worst))

    today = datetime.now(UTC).replace(tzinfo=None)
    dated = [r for r in stored.values() if r[3] is not None]
    early = [(n, r[3]) for n, r in stored.items() if r[3] is not None and r[3].year < 1800]
    future = [(n, r[3]) for n, r in stored.items() if r[3] is not None and r[3] > today + timedelta(days=1)]  # fmt: skip
    print(
        f"\ndates: {len(dated)} of {len(stored)} stored pages dated; "
        f"before 1800: {len(early)}; after tomorrow: {len(future)}"
    )
    for name, when in early + future:
        print(f"  implausible: {name} {when}")
    checked = right = 0
    for name, row in stored.items():
        meta_file = data / "meta" / f"{name}.json"
        day = _truth_day(json.loads(meta_file.read_text())) if meta_file.exists() else None
        if day and row[3] is not None:
            checked += 1
            right += row[3].date().isoformat() == day
    if checked:
        print(f"  same UTC day as the truth's publishedTime: {right} of {checked} with both")

    outlets = Counter(r[1] for r in stored.values())
    flagged = {o: suspicious(o) for o in outlets if suspicious(o)}
    print(
        f"\noutlet names: {len(outlets)} for {len(stored)} stored pages; "
        f"suspicious: {len(flagged)} ({sum(outlets[o] for o in flagged)} pages)"
    )
    for outlet, count in sorted(outlets.items(), key=lambda kv: kv[0].lower()):
        mark = f"   <- {', '.join(flagged[outlet])}" if outlet in flagged else ""
        print(f"  {count:3d}  {outlet}{mark}")

    with_affix = []
    for name, row in sorted(stored.items()):
        affix = site_affix(row[2] or "", row[1], row[5] or "")
        if affix:
            with_affix.append((name, row[2], affix))
    print(f"\ntitles naming the site: {len(with_affix)} of {len(stored)}")
    for name, title, affix in with_affix:
        print(f"  {name}: {title!r}  (site part: {affix!r})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with pages/ and truth/")
    parser.add_argument("--workers", type=int, help="passed to slant ingest")
    parser.add_argument("--keep-store", type=Path, help="keep the store at this path")
    parser.add_argument(
        "--from-readability",
        type=Path,
        metavar="GIT_DIR",
        help="first build --data from Mozilla Readability's test pages (a clone or bare git dir)",
    )
    args = parser.parse_args()
    if args.from_readability:
        count = prepare_readability(args.from_readability, args.data)
        print(f"prepared {count} pages under {args.data}")
    report(args.data, args.workers, args.keep_store)


if __name__ == "__main__":
    main()
