"""New searches on the Terms and Stories pages: seconds and server memory, before/after.

Run: ``.venv/bin/python bench/dashboard_search.py --db STORE [--before DIR]``

Starts ``slant dashboard`` on ``--db`` (this tree's, then ``--before DIR``'s, a checkout
with its own ``.venv``), opens each page in headless Chromium once per search word
(``?q=WORD``: every search is a new filter, so nothing is served from the cache) and
prints, per search, the wall seconds until the page's run ends, the server's CPU
seconds for it (steadier than wall time on shared cores) and the server's RSS after
it. With ``--before`` it ends with the after/before ratios of the CPU seconds and of
the RSS the searches added. Build a store with ``bench/corpus.py --n 20000`` and
``slant ingest bench/out/corpus-20000.jsonl --db bench/out/s20k.duckdb``.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.dashboard.browser_harness import CHROMIUM, CHROMIUM_ARGS, wait_for_app  # noqa: E402

WORDS = ("election", "protest", "army", "sanctions")
PAGES = ("terms", "stories")
TICKS = os.sysconf("SC_CLK_TCK")


def group_pids(pgid: int) -> list[int]:
    pids = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                if os.getpgid(int(name)) == pgid:
                    pids.append(int(name))
            except ProcessLookupError:
                pass
    return pids


def rss_mb(pgid: int) -> float:
    total = 0
    for pid in group_pids(pgid):
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def cpu_seconds(pgid: int) -> float:
    total = 0
    for pid in group_pids(pgid):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, IndexError):
            pass
    return total / TICKS


def run_tree(tree: Path, db: Path, port: int, words, pages, log: Path) -> list[dict]:
    server = subprocess.Popen(
        [str(tree / ".venv" / "bin" / "slant"), "dashboard", "--db", str(db), "--port", str(port)],
        cwd=tree,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    rows = []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                url = f"http://127.0.0.1:{port}/_stcore/health"
                if urllib.request.urlopen(url, timeout=2).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.5)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(f"http://127.0.0.1:{port}/overview")
            wait_for_app(page, 900_000)
            rows.append({"page": "overview", "word": "", "rss": rss_mb(server.pid)})
            for name in pages:
                for word in words:
                    cpu, wall = cpu_seconds(server.pid), time.monotonic()
                    page.goto(f"http://127.0.0.1:{port}/{name}?q={word}")
                    wait_for_app(page, 900_000)
                    rows.append(
                        {
                            "page": name,
                            "word": word,
                            "wall": time.monotonic() - wall,
                            "cpu": cpu_seconds(server.pid) - cpu,
                            "rss": rss_mb(server.pid),
                            "errors": page.locator('[data-testid="stException"]').count(),
                        }
                    )
                    print(f"  {tree.name:>12} {name:8} q={word:10} {rows[-1]['wall']:6.1f} s wall "
                          f"{rows[-1]['cpu']:6.1f} s CPU  RSS {rows[-1]['rss']:5.0f} MB  "
                          f"errors {rows[-1]['errors']}", flush=True)  # fmt: skip
            browser.close()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    return rows


def summary(rows: list[dict], page: str) -> tuple[float, float]:
    """Mean CPU seconds per search on ``page``, and the RSS its searches added."""
    part = [r for r in rows if r["page"] == page]
    before = rows[rows.index(part[0]) - 1]["rss"]
    return sum(r["cpu"] for r in part) / len(part), part[-1]["rss"] - before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--before", type=Path, help="another checkout (with .venv) to compare")
    parser.add_argument("--port", type=int, default=8675)
    parser.add_argument("--words", nargs="+", default=list(WORDS))
    parser.add_argument("--pages", nargs="+", default=list(PAGES))
    args = parser.parse_args()
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    trees = [("after", ROOT)] + ([("before", args.before.resolve())] if args.before else [])
    results = {}
    for label, tree in trees:
        print(f"{label}: {tree}", flush=True)
        log = out / f"dashboard_search_{label}.log"
        results[label] = run_tree(tree, args.db.resolve(), args.port, args.words, args.pages, log)
    for page in args.pages:
        for label in results:
            cpu, added = summary(results[label], page)
            print(f"{page:8} {label:6}: {cpu:6.1f} s CPU per search, RSS +{added:5.0f} MB "
                  f"over {len(args.words)} searches")  # fmt: skip
        if "before" in results:
            cpu_a, add_a = summary(results["after"], page)
            cpu_b, add_b = summary(results["before"], page)
            print(f"{page:8} after/before: CPU {cpu_a / cpu_b:.2f}x, RSS added "
                  f"{add_a / add_b if add_b else float('nan'):.2f}x")  # fmt: skip


if __name__ == "__main__":
    main()
