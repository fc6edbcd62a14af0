"""The dashboard in a real browser: every page, a CSV download and a hostile article.

The store is built the way a user builds one, ``slant ingest data/sample
hostile.jsonl --db <tmp>/slant.duckdb``; the app runs under ``streamlit run``
and headless Chromium visits every page listed in the sidebar, writing a
full-page screenshot of each to ``artifacts/screenshots/<page>.png``.

Run with ``pytest -m browser``. Without Playwright or Chromium the tests skip,
except under ``CI=true`` where they fail.
"""

from __future__ import annotations

import contextlib
import csv
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest
from browser_harness import (
    ROOT,
    StreamlitServer,
    browser_tools,
    full_page_screenshot,
    launch_chromium,
    wait_for_app,
)

from analysis import store
from analysis.compare.article_reads import READER_EVIDENCE_COLUMNS
from analysis.ingest.articles import scoped_article_id

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "artifacts" / "screenshots"
HOSTILE_ID = "hostile-0001"
#: The id it is stored under: a given id is scoped by its outlet.
STORED_HOSTILE_ID = scoped_article_id("Continental Wire", HOSTILE_ID)
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
#: Pages whose point is a chart: each must draw at least one.
CHART_PAGES = {"overview", "sentiment", "framing", "attribution", "over-time"}
CHART = ".vega-embed svg, .vega-embed canvas"


def hostile_rows() -> list[dict]:
    return [
        {
            "id": HOSTILE_ID,
            "outlet": "Continental Wire",
            "published": "2026-01-20T10:00:00+00:00",
            "title": f"{HOSTILE_SCRIPT} Officials condemn the crackdown",
            "text": (
                f"Officials said the crackdown was brutal. {HOSTILE_SCRIPT} appeared in a post.\n\n"
                f"A second paragraph carries {HOSTILE_IMG} and the regime reportedly denied it."
            ),
        }
    ]


def slant_command() -> list[str]:
    found = shutil.which("slant") or (
        str(Path(sys.executable).with_name("slant"))
        if Path(sys.executable).with_name("slant").exists()
        else None
    )
    return [found] if found else [sys.executable, "-m", "analysis.cli.main"]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    """The bundled demo corpus plus one hostile article, ingested through the CLI."""
    folder = tmp_path_factory.mktemp("browser")
    hostile = folder / "hostile.jsonl"
    hostile.write_text("\n".join(json.dumps(r) for r in hostile_rows()) + "\n", encoding="utf-8")
    db = folder / "slant.duckdb"
    done = subprocess.run(
        [*slant_command(), "ingest", str(ROOT / "data" / "sample"), str(hostile), "--db", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return db


@pytest.fixture(scope="module")
def sync_playwright():
    return browser_tools()  # skips (or fails under CI) before any server starts


@pytest.fixture(scope="module")
def server(sync_playwright, sample_db, tmp_path_factory, request) -> StreamlitServer:
    log = tmp_path_factory.mktemp("server") / "streamlit.log"
    app = StreamlitServer(ROOT / "dashboard" / "app.py", {"SLANT_DB": str(sample_db)}, log)
    request.addfinalizer(app.stop)  # registered first: the server stops even if start fails
    return app.start()


@pytest.fixture(scope="module")
def browser(sync_playwright, server):
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class Tab:
    page: object
    dialogs: list = field(default_factory=list)


@pytest.fixture(scope="module")
def tab(browser) -> Tab:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    opened = Tab(page)

    def on_dialog(dialog):
        opened.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield opened
    context.close()


def open_page(tab: Tab, url: str) -> None:
    tab.page.goto(url)
    wait_for_app(tab.page)


def page_name(href: str, text: str) -> str:
    # The link text starts with the icon's ligature ("dashboard"); the label is the last line.
    label = text.strip().splitlines()[-1] if text.strip() else ""
    path = urlparse(href).path.strip("/")
    return path or re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-") or "home"


def nav_links(tab: Tab, base: str) -> dict[str, str]:
    """Every page in the sidebar navigation: name -> absolute URL."""
    open_page(tab, base)
    page = tab.page
    more = page.locator('[data-testid="stSidebarNavViewButton"]')
    if more.count() and "more" in more.inner_text().lower():
        more.click()
    links = page.locator('[data-testid="stSidebarNav"] a[data-testid="stSidebarNavLink"]')
    found = {}
    for i in range(links.count()):
        link = links.nth(i)
        href = link.get_attribute("href") or ""
        found[page_name(href, link.inner_text())] = base + urlparse(href).path
    return found


@dataclass
class Visit:
    exceptions: list[str]
    chart_containers: int
    charts_drawn: int
    screenshot: Path


@pytest.fixture(scope="module")
def visits(tab, server) -> dict[str, Visit]:
    """Visit every page once: exceptions, charts and a full-page screenshot of each."""
    from playwright.sync_api import Error as PlaywrightError

    results = {}
    for name, url in nav_links(tab, server.url).items():
        open_page(tab, url)
        page = tab.page
        containers = page.locator('[data-testid="stVegaLiteChart"]').count()
        if containers or name in CHART_PAGES:
            # A chart that never draws is recorded here and asserted in its own test.
            with contextlib.suppress(PlaywrightError):
                page.wait_for_selector(CHART, timeout=20_000)
        shot = SCREENSHOTS / f"{name}.png"
        full_page_screenshot(page, shot)
        # Checked after the screenshot (and its resize), so they describe what it shows.
        wait_for_app(page)
        drawn = page.evaluate(
            """() => Array.from(document.querySelectorAll('[data-testid="stVegaLiteChart"]'))
                 .filter(c => c.querySelector('.vega-embed svg, .vega-embed canvas')).length"""
        )
        containers = page.locator('[data-testid="stVegaLiteChart"]').count()
        exceptions = page.locator('[data-testid="stException"]').all_inner_texts()
        results[name] = Visit(exceptions, containers, drawn, shot)
    return results


def test_sidebar_lists_the_reader_and_compare_pages(visits):
    assert {"reader", "compare-articles"} <= set(visits)
    assert len(visits) >= 3


def test_every_page_renders_without_an_exception(visits):
    failing = {name: v.exceptions for name, v in visits.items() if v.exceptions}
    assert not failing


def test_chart_pages_draw_their_charts(visits):
    missing = [n for n in CHART_PAGES & set(visits) if visits[n].charts_drawn == 0]
    assert not missing, f"no vega-embed svg/canvas on {missing}"


def test_every_drawn_chart_container_has_a_chart(visits):
    undrawn = {n: v for n, v in visits.items() if v.charts_drawn < v.chart_containers}
    assert not undrawn


def test_every_page_has_a_full_page_screenshot(visits):
    for visit in visits.values():
        assert visit.screenshot.stat().st_size > 10_000


def test_every_page_opens_at_its_own_url_when_pasted(tab, server):
    from dashboard.app import PAGE_TABLE, PAGES

    not_found = []
    for _section, file, _title, _icon, url_path in PAGE_TABLE:
        if not (PAGES / file).exists():
            continue
        open_page(tab, f"{server.url}/{url_path}")
        if "Page not found" in tab.page.inner_text("body"):
            not_found.append(url_path)
    assert not not_found
    open_page(tab, f"{server.url}/overview")
    assert tab.page.locator("h1").first.inner_text() == "Overview"


def evidence_rich_article(db: Path) -> tuple[str, int]:
    con = store.connect(db, read_only=True)
    try:
        return con.execute(
            """SELECT article_id, count(*) FROM evidence WHERE article_id <> ?
            GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1""",
            [STORED_HOSTILE_ID],
        ).fetchone()
    finally:
        con.close()


def test_reader_evidence_csv_downloads_with_header_and_every_row(tab, server, sample_db, tmp_path):
    article_id, rows = evidence_rich_article(sample_db)
    open_page(tab, f"{server.url}/reader?article={article_id}")
    with tab.page.expect_download() as download:
        tab.page.get_by_role("button", name=re.compile("Download evidence")).click()
    saved = tmp_path / "evidence.csv"
    download.value.save_as(saved)
    with saved.open(encoding="utf-8", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == list(READER_EVIDENCE_COLUMNS)
    assert len(table) - 1 == rows


def test_hostile_article_shows_its_markup_as_text_and_runs_no_script(tab, server):
    open_page(tab, f"{server.url}/reader?article={quote(STORED_HOSTILE_ID)}")
    page = tab.page
    assert page.get_by_text(HOSTILE_SCRIPT).first.is_visible()
    assert page.get_by_text(HOSTILE_IMG).first.is_visible()
    assert page.locator('[data-testid="stMain"] img[src="x"]').count() == 0
    full_page_screenshot(page, SCREENSHOTS / "reader-hostile.png")
    assert tab.dialogs == []


PICKER_TEXTS = """() => Array.from(document.querySelectorAll('[data-testid="stSelectbox"] input'))
    .map(e => e.value)"""


def picker_texts(page) -> list[str]:
    return page.evaluate(PICKER_TEXTS)


def wait_for_pickers(page, predicate_js: str, timeout: float = 30_000) -> list[str]:
    """Wait until the selectboxes' texts satisfy ``predicate_js`` (pickers are drawn
    after the page title, and a loaded machine draws them later), then return them."""
    # On a time-out the caller's assertion reports what was on screen.
    with contextlib.suppress(Exception):
        page.wait_for_function(f"() => ({predicate_js})(({PICKER_TEXTS})())", timeout=timeout)
    return picker_texts(page)


def test_compare_reveal_puts_outlet_names_into_the_pickers(tab, server):
    open_page(tab, f"{server.url}/compare-articles?classroom=1")
    page = tab.page
    texts = wait_for_pickers(page, "texts => texts.some(t => t.includes('Outlet A'))")
    assert any("Outlet A" in text for text in texts), texts
    page.get_by_role("button", name="Reveal outlet names").first.click()
    page.get_by_role("button", name="Hide outlet names").first.wait_for()
    wait_for_app(page)
    texts = wait_for_pickers(
        page, "texts => texts.length > 0 && !texts.some(t => /— Outlet [A-Z]+ —/.test(t))"
    )
    assert not any(re.search(r"— Outlet [A-Z]+ —", text) for text in texts), texts
