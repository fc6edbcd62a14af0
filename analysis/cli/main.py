"""The ``slant`` command: ingest, analyze, export, rescore, stories, validate, dashboard.

Exit codes: 0 ok; 1 some inputs rejected (the rest done); 2 usage or fatal error.
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import os
import subprocess
import sys
import time
import traceback
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from analysis.cli import validate
from analysis.cli.without_pandas import arrow_without_pandas
from analysis.config import ALLOW_PRIVATE_ENV, MAX_FEED_ENTRIES
from analysis.errors import SlantError
from analysis.records import Article, Rejected

EXIT_OK, EXIT_REJECTED, EXIT_FATAL = 0, 1, 2
#: As a shell reports a command whose output pipe closed (128 + SIGPIPE).
EXIT_OUTPUT_CLOSED = 141
MAX_LISTED_REJECTS = 50


MAX_LISTED_OUTLETS = 30


class Tally:
    """What happened to the inputs of one run, for the closing summary.

    ``known_outlets``: the outlet names the store held before the run; the articles of
    every other outlet are counted, with their sites, for :meth:`print_new_outlets`.
    None (``slant analyze``, no store): no outlet is new, none is counted.
    """

    def __init__(self, known_outlets: set[str] | None = None) -> None:
        self.read = 0
        self.rejected: list[Rejected] = []
        self.warnings: list[str] = []
        self.known_outlets = known_outlets
        self.outlets: Counter[str] = Counter()
        self.outlet_domains: dict[str, set[str]] = {}

    def count_outlet(self, article: Article) -> None:
        if self.known_outlets is None or article.outlet in self.known_outlets:
            return
        self.outlets[article.outlet] += 1
        host = urlsplit(article.url).hostname if article.url else None
        if host:
            self.outlet_domains.setdefault(article.outlet, set()).add(host.removeprefix("www."))

    def print_new_outlets(self) -> None:
        """The outlet names this run brought in, so a wrong one can be fixed with a map."""
        new = sorted(self.outlets, key=str.lower)
        if not new:
            return
        print(f"New outlet names ({len(new)}); rename any with --outlet-map FILE (domain,outlet):")
        for name in new[:MAX_LISTED_OUTLETS]:
            domains = sorted(self.outlet_domains.get(name, ()))
            where = f", from {', '.join(domains[:3])}" if domains else ""
            print(f"  {name} ({self.outlets[name]} articles{where})")
        if len(new) > MAX_LISTED_OUTLETS:
            print(f"  ... and {len(new) - MAX_LISTED_OUTLETS} more")

    def print_rejects(self) -> None:
        for reject in self.rejected[:MAX_LISTED_REJECTS]:
            print(f"  rejected: {reject.message()}", file=sys.stderr)
        if len(self.rejected) > MAX_LISTED_REJECTS:
            print(f"  ... and {len(self.rejected) - MAX_LISTED_REJECTS} more", file=sys.stderr)


def _fail(message: str) -> int:
    print(f"slant: error: {message}", file=sys.stderr)
    return EXIT_FATAL


def _load_lexicons(args):
    from analysis.text.lexicons import load_lexicons

    return load_lexicons(
        args.lexicons,
        framing=getattr(args, "lexicon", None),
        targets=getattr(args, "targets", None),
    )


def _inputs(args, tally: Tally) -> Iterator[Article]:
    """Articles from every input (files, folders, and web inputs), rejects tallied.

    A folder goes to both readers: the file reader takes its CSV/JSONL/Parquet/
    .txt articles, the web reader its saved .html pages and URL lists.
    """
    from analysis.ingest import load_paths
    from analysis.ingest.web.kinds import is_web_input

    local = [p for p in args.paths if Path(p).is_dir() or not is_web_input(p)]
    web = [p for p in args.paths if is_web_input(p)]
    with _WebTools(
        args, needed=bool(web) or args.fetch or args.offline, notes=tally.warnings
    ) as tools:
        sources: list[Iterable] = [
            load_paths(
                local,
                outlet=args.outlet,
                published=args.published,
                warnings=tally.warnings,
                fill_missing_text=tools.fill_missing_text if args.fetch or args.offline else None,
                outlet_map=tools.outlet_map,
            )
        ]
        if web:
            sources.append(tools.web_articles(web))
        for source in sources:
            for item in source:
                if isinstance(item, Rejected):
                    tally.rejected.append(item)
                else:
                    tally.read += 1
                    tally.count_outlet(item)
                    yield item


class _WebTools:
    """One fetcher (one cache, one politeness budget) shared by every web input of a run."""

    def __init__(self, args, needed: bool, notes: list[str] | None = None):
        self.args = args
        self.notes = notes
        self.fetcher = None
        # imported here: slant --help loads no stage it does not need
        from analysis.ingest.outlets import load_outlet_map

        self.outlet_map = load_outlet_map(args.outlet_map) if args.outlet_map else None
        if needed:
            from analysis.ingest.web.fetch import Fetcher

            self.fetcher = Fetcher(
                cache_dir=_cache_dir(args),
                max_cache_bytes=args.cache_max_mb * 1_000_000,
                offline=args.offline,
                concurrency=args.concurrency,
                allow_private_addresses=args.allow_private_addresses,
            )

    def __enter__(self):
        if self.fetcher is not None:
            self.fetcher.__enter__()
        return self

    def __exit__(self, *exc):
        if self.fetcher is not None:
            self.fetcher.__exit__(*exc)
        return False

    def web_articles(self, inputs: list[str]) -> Iterator[Article | Rejected]:
        from analysis.ingest.web.inputs import iter_web_inputs

        bar = _progress(None, "page")
        try:
            yield from iter_web_inputs(
                inputs,
                fetcher=self.fetcher,
                outlet=self.args.outlet,
                outlet_map=self.outlet_map,
                progress=lambda url, status: bar.update(1),
                notes=self.notes,
                max_feed_entries=self.args.max_feed_entries,
            )
        finally:
            bar.close()

    def fill_missing_text(
        self, row: dict, source_file: str, line: int | None, file_line: int | None = None
    ):
        """Fetches the page of a row that has a URL but no text (Media Cloud, GDELT)."""
        from analysis.ingest.web.inputs import fill_missing_text

        return fill_missing_text(
            row,
            fetcher=self.fetcher,
            outlet_map=self.outlet_map,
            outlet=self.args.outlet,
            source_file=source_file,
            row_number=line,
            file_line=file_line,
        )


def _cache_dir(args) -> Path:
    """``--cache-dir``, else ``web-cache`` beside the store (ingest) or in the output folder
    (analyze): not in whatever folder the command was started from."""
    if args.cache_dir:
        return Path(args.cache_dir)
    from analysis.ingest.web.fetch import CACHE_DIR_NAME

    beside = Path(args.out) if getattr(args, "db", None) is None else Path(args.db).parent
    return beside / CACHE_DIR_NAME


def _progress(iterable, unit: str):
    """A progress bar on a terminal; where tqdm would draw none (logs, pipes: stderr is no
    terminal) a silent stand-in, without importing tqdm (~15 ms of start-up)."""
    isatty = getattr(sys.stderr, "isatty", None)
    if isatty is not None and not isatty():  # tqdm's own test for disable=None
        return _NoBar(iterable)
    from tqdm import tqdm

    # disable=None: a bar on a terminal, silence in logs and pipes.
    return tqdm(iterable, unit=unit, disable=None, file=sys.stderr, mininterval=0.5, leave=False)


class _NoBar:
    """The part of a tqdm bar the commands use, drawing nothing: iterate, update, n, close."""

    def __init__(self, iterable=None):
        self.iterable = iterable
        self.n = 0

    def __iter__(self):
        return iter(self.iterable)

    def update(self, n: int = 1) -> None:
        self.n += n

    def close(self) -> None:
        pass


def cmd_ingest(args) -> int:
    from analysis.runs.scoring import ingest_into_store

    lexicons = _load_lexicons(args)
    if args.engine == "dask":
        return _ingest_dask(args, lexicons)
    arrow_without_pandas()  # the local engine stages Python lists, never pandas objects
    tally = Tally(known_outlets=_stored_outlets(args.db))
    started = time.perf_counter()
    bar = _progress(None, "article")

    def progress(summary) -> None:
        bar.update(summary.added + summary.rescored - bar.n)

    try:
        run = ingest_into_store(
            args.db, _inputs(args, tally), lexicons, workers=args.workers, progress=progress
        )
    finally:
        bar.close()
    seconds = time.perf_counter() - started
    for warning in tally.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(
        f"Added {run.added} articles ({run.duplicates} duplicates skipped, "
        f"{len(tally.rejected)} rejected) in {seconds:.1f} s; "
        + (
            f"re-scored {run.rescored} stored articles with lexicon {lexicons.hash}; "
            if run.rescored
            else ""
        )
        + f"the store {args.db} now holds {run.total} articles."
    )
    tally.print_new_outlets()
    tally.print_rejects()
    return EXIT_REJECTED if tally.rejected else EXIT_OK


def _stored_outlets(db) -> set[str]:
    """The outlet names a store already holds (none for a store not made yet)."""
    if not Path(db).exists():
        return set()
    from analysis import store

    with store.connect(db, read_only=True) as con:
        return store.outlet_names(con)


def _ingest_dask(args, lexicons) -> int:
    """`slant ingest --engine dask`: partitions scored on a Dask cluster, stored from here."""
    from analysis.ingest.web.kinds import is_web_input
    from analysis.pipeline import default_workers
    from analysis.runs.dask_engine import ingest_with_dask
    from analysis.runs.scoring import rescore_store

    web = [p for p in args.paths if not Path(p).is_dir() and is_web_input(p)]
    if web or args.fetch or args.offline:
        return _fail(
            "--engine dask reads files and folders; ingest web inputs with the local engine"
        )
    summary = ingest_with_dask(
        args.paths,
        args.db,
        lexicons,
        scheduler=args.scheduler,
        partition_rows=args.partition_rows,
        workers=args.workers or default_workers(),
        outlet=args.outlet,
        published=args.published,
        staging=args.staging,
    )
    # Stored articles made with another lexicon are re-scored here, as the local engine does.
    run = rescore_store(args.db, lexicons, workers=args.workers)
    for warning in summary["warnings"]:
        print(f"warning: {warning}", file=sys.stderr)
    print(
        f"Added {summary['added']} articles ({summary['duplicates']} duplicates skipped, "
        f"{len(summary['rejected'])} rejected) in {summary['seconds']:.1f} s on "
        f"{summary['partitions']} Dask partitions; "
        + (
            f"re-scored {run.rescored} stored articles with lexicon {lexicons.hash}; "
            if run.rescored
            else ""
        )
        + f"the store {args.db} now holds {run.total} articles."
    )
    tally = Tally()
    tally.rejected = list(summary["rejected"])
    tally.print_rejects()
    return EXIT_REJECTED if tally.rejected else EXIT_OK


def cmd_analyze(args) -> int:
    from analysis.pipeline import map_batches
    from analysis.report.tables import (
        EVIDENCE_CSV_COLUMNS,
        TARGET_CSV_COLUMNS,
        BatchTables,
        CsvAppender,
        article_columns,
    )

    arrow_without_pandas()  # before the first table: this process never needs pandas
    lexicons = _load_lexicons(args)
    tally = Tally()
    started = time.perf_counter()
    out = Path(args.out)
    categories, classes = lexicons.framing_categories, lexicons.cue_classes
    columns = {
        "articles": article_columns(categories, classes),
        "evidence": EVIDENCE_CSV_COLUMNS,
        "targets": TARGET_CSV_COLUMNS,
    }
    writers = {name: CsvAppender(out / f"{name}.csv", columns[name]) for name in columns}
    from analysis.runs.unique import RunSummary, unique_articles

    seen = RunSummary()
    fresh = unique_articles(_inputs(args, tally), seen)
    work = BatchTables(tuple(categories), tuple(classes))
    for _batch, tables in _progress(
        map_batches(fresh, lexicons, work, workers=args.workers), "batch"
    ):
        for name, table in zip(writers, tables, strict=True):
            writers[name].append(table)
    meta = {"lexicon_hash": lexicons.hash, "analysis_version": _version(), "filters": {}}
    for name, writer in writers.items():
        writer.finish(name, **meta)
    seconds = time.perf_counter() - started
    for warning in tally.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(
        f"Analyzed {writers['articles'].rows} articles in {seconds:.1f} s "
        f"({seen.duplicates} duplicates skipped, {len(tally.rejected)} rejected): "
        f"{out / 'articles.csv'}, {out / 'evidence.csv'} ({writers['evidence'].rows} evidence rows), "
        f"{out / 'targets.csv'}."
    )
    tally.print_rejects()
    return EXIT_REJECTED if tally.rejected else EXIT_OK


def _version() -> str:
    from analysis.pipeline import ANALYSIS_VERSION

    return ANALYSIS_VERSION


def cmd_export(args) -> int:
    from analysis import store
    from analysis.report.tables import export_store

    con = store.connect(args.db, read_only=True)
    try:
        counts = export_store(con, Path(args.out))
    finally:
        con.close()
    print(
        f"Exported {counts['articles']} articles, {counts['evidence']} evidence rows and "
        f"{counts['targets']} target rows to {args.out}/ (each CSV with a .json companion)."
    )
    return EXIT_OK


def cmd_targets_suggest(args) -> int:
    from analysis import store
    from analysis.compare.target_suggestions import (
        distinct_aliases,
        suggestions_from_store,
        targets_csv,
    )

    con = store.connect(args.db, read_only=True)
    try:
        candidates = suggestions_from_store(con, limit=args.limit, min_articles=args.min_articles)
    finally:
        con.close()
    if not candidates:
        print(f"No name is mentioned in {args.min_articles} or more articles of {args.db}.")
        return EXIT_OK
    width = max(len(c.name) for c in candidates)
    print(f"{'target':<{width}}  articles  mentions  aliases")
    for c in candidates:
        aliases = ", ".join(distinct_aliases(c)[:4])
        print(f"{c.name:<{width}}  {c.articles:>8}  {c.mentions:>8}  {aliases}")
    if args.out:
        Path(args.out).write_text(targets_csv(candidates), encoding="utf-8")
        print(f"Wrote {len(candidates)} targets to {args.out}: edit it, then --targets {args.out}")
    return EXIT_OK


def cmd_rescore(args) -> int:
    from analysis.pipeline import ANALYSIS_VERSION
    from analysis.runs.scoring import rescore_store

    lexicons = _load_lexicons(args)
    run = rescore_store(args.db, lexicons, workers=args.workers, rescore_all=args.all)
    print(
        f"Re-scored {run.rescored} articles with lexicon {lexicons.hash} "
        f"(analysis {ANALYSIS_VERSION}); the store holds {run.total} articles."
    )
    return EXIT_OK


def cmd_stories(args) -> int:
    from analysis.cli.stories import run_stories

    return run_stories(args.db, args.out, args.threshold, args.window_days)


def streamlit_flags(settings: dict) -> list[str]:
    """Streamlit command-line flags for the settings of a config.toml:
    ``{"client": {"toolbarMode": "viewer"}}`` -> ``["--client.toolbarMode=viewer"]``.

    >>> streamlit_flags({"server": {"headless": True, "maxUploadSize": 200}})
    ['--server.headless=true', '--server.maxUploadSize=200']
    """
    flags = []
    for section, options in settings.items():
        for name, value in options.items():
            text = str(value).lower() if isinstance(value, bool) else str(value)
            flags.append(f"--{section}.{name}={text}")
    return flags


def _bring_store_up_to_date(db: Path) -> None:
    """Add the columns a store made by an earlier Slant lacks: the dashboard reads it
    read-only and could not. When the store cannot be written now (another program writes
    to it, a read-only file), the dashboard says what to do instead."""
    import duckdb

    from analysis import store
    from analysis.errors import StoreBusy, StoreUnavailable

    try:
        store.connect(db, wait=2.0).close()
    except (StoreBusy, StoreUnavailable, duckdb.Error) as error:
        print(f"note: {db}: its tables were not checked for this version ({error})")


def cmd_dashboard(args) -> int:
    import tomllib

    # The dashboard runs in its own Streamlit process: find its file without importing it
    # (the library sits below the dashboard and never imports it).
    app = Path(importlib.util.find_spec("dashboard").origin).resolve().parent / "app.py"
    db = Path(args.db).resolve()
    if not db.exists():
        return _fail(
            f"{db}: no store here yet; create one with `slant ingest FILES --db {args.db}`"
        )
    _bring_store_up_to_date(db)
    env = {**os.environ, "SLANT_DB": str(db)}
    env.pop(ALLOW_PRIVATE_ENV, None)  # only the flag turns it on, never an inherited variable
    if args.allow_private_addresses:
        env[ALLOW_PRIVATE_ENV] = "1"
    # Streamlit reads .streamlit/config.toml only from the working directory: the project's
    # settings (no Deploy button, no tracebacks for users, uploads cap) travel as flags.
    settings = tomllib.loads((app.parent / "streamlit.toml").read_text(encoding="utf-8"))
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app),
        *streamlit_flags(settings),
        "--server.port",
        str(args.port),
    ]
    print(f"Slant dashboard on http://localhost:{args.port} (store {db}); Ctrl+C stops it.")
    try:
        return subprocess.call(command, env=env)
    except KeyboardInterrupt:
        return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    from analysis.config import DEFAULT_DB
    from analysis.config import STORY_THRESHOLD as DEFAULT_THRESHOLD
    from analysis.config import STORY_WINDOW_DAYS as DEFAULT_WINDOW_DAYS

    parser = argparse.ArgumentParser(
        prog="slant",
        description="Score news articles for sentiment, framing and attribution; compare outlets.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def lexicon_options(p):
        p.add_argument("--lexicons", metavar="DIR", help="lexicon folder (default: data/lexicons)")
        p.add_argument(
            "--lexicon",
            "--framing",
            dest="lexicon",
            metavar="FILE",
            help="a framing lexicon CSV (pattern,category,note) replacing framing.csv",
        )
        p.add_argument(
            "--targets",
            metavar="FILE",
            help="a targets CSV (target,aliases,note; aliases |-separated) replacing "
            "targets.csv; `slant targets suggest` lists candidates from a store",
        )
        p.add_argument(
            "--workers",
            type=int,
            default=None,
            metavar="N",
            help="processes scoring articles (default: all cores; 1 = in this process)",
        )

    def input_options(p):
        p.add_argument(
            "paths",
            nargs="+",
            metavar="PATH",
            help="CSV, JSONL, Parquet or .txt files, folders of them, or web inputs",
        )
        p.add_argument("--outlet", help="outlet name for every article read")
        p.add_argument(
            "--published", metavar="DATE", help="publication date for .txt articles without one"
        )
        p.add_argument(
            "--fetch",
            action="store_true",
            help="fetch the text of rows that only have a URL (Media Cloud, GDELT)",
        )
        p.add_argument(
            "--offline", action="store_true", help="use only the page cache; fetch nothing"
        )
        p.add_argument("--outlet-map", metavar="FILE", help="CSV of domain,outlet for web pages")
        p.add_argument(
            "--cache-dir",
            metavar="DIR",
            help="where fetched pages are kept (default: web-cache beside the store, or in "
            "the --out folder of analyze)",
        )
        p.add_argument(
            "--cache-max-mb",
            type=int,
            default=1000,
            metavar="MB",
            help="most the page cache keeps; the oldest pages go past it (default 1000)",
        )
        p.add_argument(
            "--concurrency",
            type=int,
            default=4,
            metavar="N",
            help="web requests at once (default 4)",
        )
        p.add_argument(
            "--allow-private-addresses",
            action="store_true",
            help="also fetch from loopback, private and link-local addresses (your own "
            "network); refused by default",
        )
        p.add_argument(
            "--max-feed-entries",
            type=int,
            default=MAX_FEED_ENTRIES,
            metavar="N",
            help=f"read at most N entries of each feed (default {MAX_FEED_ENTRIES:,})",
        )

    p = sub.add_parser("ingest", help="load, analyze and store articles")
    input_options(p)
    lexicon_options(p)
    p.add_argument(
        "--db", default=str(DEFAULT_DB), metavar="FILE", help=f"store (default {DEFAULT_DB})"
    )
    p.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: a process pool on this machine (default); dask: a Dask cluster",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler (tcp://host:8786); default: a local cluster of --workers processes",
    )
    p.add_argument(
        "--partition-rows",
        type=int,
        default=5000,
        metavar="N",
        help="articles per Dask task (default 5000)",
    )
    p.add_argument(
        "--staging",
        metavar="DIR",
        help="folder the Dask workers write scored Parquet to and this machine reads "
        "(shared storage on a cluster; default: next to the store)",
    )
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("analyze", help="score files once and write CSVs, without a store")
    input_options(p)
    lexicon_options(p)
    p.add_argument(
        "--out", required=True, metavar="DIR", help="folder for articles.csv and evidence.csv"
    )
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("export", help="write the store's articles, evidence and targets as CSV")
    p.add_argument("--db", default=str(DEFAULT_DB), metavar="FILE")
    p.add_argument("--out", required=True, metavar="DIR")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("rescore", help="re-score stored articles after a lexicon change")
    lexicon_options(p)
    p.add_argument("--db", default=str(DEFAULT_DB), metavar="FILE")
    p.add_argument("--all", action="store_true", help="re-score every article, not only stale ones")
    p.set_defaults(func=cmd_rescore)

    p = sub.add_parser("stories", help="group articles about the same event across outlets")
    p.add_argument("--db", default=str(DEFAULT_DB), metavar="FILE")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        help=f"mean TF-IDF similarity that joins two groups, 0-1 (default {DEFAULT_THRESHOLD})",
    )
    p.add_argument(
        "--window-days",
        type=float,
        default=DEFAULT_WINDOW_DAYS,
        metavar="N",
        help=f"articles further apart are never compared (default {DEFAULT_WINDOW_DAYS:g})",
    )
    p.set_defaults(func=cmd_stories)

    validate.add_parser(sub, str(DEFAULT_DB))

    p = sub.add_parser("targets", help="targets for target sentiment: suggest from a store")
    targets_sub = p.add_subparsers(dest="targets_command", required=True)
    p = targets_sub.add_parser(
        "suggest", help="the most mentioned people and organisations, aliases merged"
    )
    p.add_argument("--db", default=str(DEFAULT_DB), metavar="FILE")
    p.add_argument("--limit", type=int, default=30, metavar="N", help="names listed (default 30)")
    p.add_argument(
        "--min-articles",
        type=int,
        default=2,
        metavar="N",
        help="leave out names in fewer articles (default 2)",
    )
    p.add_argument("--out", metavar="FILE", help="also write them as a targets CSV for --targets")
    p.set_defaults(func=cmd_targets_suggest)

    p = sub.add_parser("dashboard", help="start the dashboard on a store")
    p.add_argument("--db", default=str(DEFAULT_DB), metavar="FILE")
    p.add_argument("--port", type=int, default=8501)
    p.add_argument(
        "--allow-private-addresses",
        action="store_true",
        help="let the Data page fetch from loopback, private and link-local addresses "
        "(refused by default: anyone using the dashboard could reach the server's network)",
    )
    p.set_defaults(func=cmd_dashboard)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # The library's warnings (waiting for a store another program holds) on stderr.
    logging.basicConfig(format="slant: %(message)s", level=logging.WARNING)
    if getattr(args, "workers", None) is not None and args.workers < 1:
        return _fail("--workers must be 1 or more")
    try:
        code = args.func(args)
        sys.stdout.flush()  # here, so that a closed output pipe is met below, not at exit
        return code
    except SlantError as exc:  # the user's input or set-up; the message names the fix
        return _fail(str(exc))
    except KeyboardInterrupt:
        print("slant: interrupted; the store is unchanged by the unfinished run.", file=sys.stderr)
        return EXIT_FATAL
    except BrokenPipeError:
        # The reader of the output went away (`slant ingest ... | head -1`): not a bug, and
        # nothing more can be said there. Standard output goes to devnull so that Python's
        # own flush at exit does not fail the same way (Python docs, "Note on SIGPIPE").
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OUTPUT_CLOSED
    except Exception:
        # Anything else is a bug in Slant: show where, so it can be reported and fixed.
        traceback.print_exc()
        print(
            "slant: this is a bug in Slant, not a problem with your input; please report it "
            "with the traceback above and the command you ran.",
            file=sys.stderr,
        )
        return EXIT_FATAL


if __name__ == "__main__":
    sys.exit(main())
