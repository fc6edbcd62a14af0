"""The dashboard's first page on a million-article store, in headless Chromium.

Run: ``.venv/bin/python bench/first_page.py [--db bench/out/million.duckdb] [--warm 2]``
(build the store first: ``.venv/bin/python bench/store.py million``).

Starts ``streamlit run dashboard/app.py`` on the store with the browser test
harness (``tests/dashboard/browser_harness.py``), opens the app's first page
(Overview) and times from the request until the page's script run has finished
and at least one chart is drawn: once cold (a fresh server, nothing cached) and
``--warm`` times after reloading. Prints the server's peak RSS (process and its
children, sampled) and saves a screenshot to ``bench/out/first-page-1m.png`` so a
person can check that the charts are really there. Target: first page within 5 s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "dashboard"))

import psutil  # noqa: E402
from browser_harness import (  # noqa: E402
    StreamlitServer,
    browser_tools,
    full_page_screenshot,
    launch_chromium,
    wait_for_app,
)

CHART = ".vega-embed svg, .vega-embed canvas"


class TreePeak:
    """Peak RSS of a process and its children, sampled every 50 ms in a thread."""

    def __init__(self, pid: int) -> None:
        self.process = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            try:
                tree = [self.process, *self.process.children(recursive=True)]
                self.peak = max(self.peak, sum(p.memory_info().rss for p in tree))
            except psutil.Error:
                pass

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def load_seconds(page, url: str | None) -> float:
    started = time.perf_counter()
    if url:
        page.goto(url)
    else:
        page.reload()
    wait_for_app(page)
    page.wait_for_selector(CHART, timeout=60_000)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "million.duckdb")
    parser.add_argument("--warm", type=int, default=2, help="reloads timed after the cold load")
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"{args.db} does not exist: build it with bench/store.py million")
        return 1
    sync_playwright = browser_tools()
    log = Path(tempfile.mkdtemp(prefix="slant-first-page-")) / "streamlit.log"
    server = StreamlitServer(ROOT / "dashboard" / "app.py", {"SLANT_DB": str(args.db)}, log)
    server.start()
    peak = TreePeak(server.process.pid)
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            cold = load_seconds(page, server.url)
            warm = [load_seconds(page, None) for _ in range(args.warm)]
            charts = page.locator(CHART).count()
            heading = page.locator('[data-testid="stMain"] h1').first.inner_text()
            shot = ROOT / "bench" / "out" / "first-page-1m.png"
            full_page_screenshot(page, shot)
            browser.close()
    finally:
        rss = peak.stop()
        server.stop()
    warm_text = ", ".join(f"{s:.2f} s" for s in warm)
    print(f"store {args.db.name}; first page '{heading}', {charts} charts drawn")
    print(f"cold (fresh server): {cold:.2f} s (target < 5 s: {'met' if cold < 5 else 'MISSED'})")
    print(f"warm (reloads): {warm_text}")
    print(f"server peak RSS (streamlit and children, sampled): {rss / 2**20:.0f} MB")
    print(f"screenshot: {shot.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
