"""`slant dashboard` started away from the checkout, in a real browser: the project's settings
hold (no Deploy button for users) and no page asks anything of a host other than the server
(a classroom behind a firewall or offline gets the whole dashboard).

Run with ``pytest -m browser``; without Playwright or Chromium the tests skip (fail under CI).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
from browser_harness import (
    ROOT,
    StreamlitServer,
    browser_tools,
    launch_chromium,
    wait_for_app,
)

pytestmark = pytest.mark.browser

#: A page of each kind: the default page, charts, a data table and the Data page.
PAGES = ["/", "/sentiment", "/reader", "/data"]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


class SlantDashboard(StreamlitServer):
    """``slant dashboard --db DB --port PORT`` run from ``cwd`` (not the checkout)."""

    def __init__(self, db: Path, cwd: Path, log: Path):
        super().__init__(ROOT / "dashboard" / "app.py", {}, log)
        self.db, self.cwd = db, cwd

    def start(self, timeout: float = 60.0) -> SlantDashboard:
        command = [sys.executable, "-m", "analysis.cli.main", "dashboard"]
        command += ["--db", str(self.db), "--port", str(self.port)]
        self._log_file = self.log.open("wb")
        self.process = subprocess.Popen(
            command,
            cwd=self.cwd,
            env={**self.env, "PYTHONPATH": str(ROOT)},
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.wait_healthy(timeout)
        return self


@pytest.fixture(scope="module")
def dashboard(sample_store, tmp_path_factory, request) -> SlantDashboard:
    browser_tools()  # skips (or fails under CI) before any server starts
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    server = SlantDashboard(sample_store, elsewhere, elsewhere / "dashboard.log")
    request.addfinalizer(server.stop)
    return server.start()


@pytest.fixture(scope="module")
def visited(dashboard) -> dict:
    """Every page of PAGES opened once: the hosts asked and the Deploy buttons seen."""
    requested, deploy_buttons = [], {}
    with browser_tools()() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("request", lambda r: requested.append(r.url))
            for path in PAGES:
                page.goto(dashboard.url + path)
                wait_for_app(page)
                page.wait_for_timeout(1000)  # late requests (favicon, fonts, images)
                deploy_buttons[path] = page.locator('[data-testid="stAppDeployButton"]').count()
        finally:
            browser.close()
    return {"requested": requested, "deploy_buttons": deploy_buttons}


def test_no_page_asks_a_host_other_than_the_dashboard_server(visited):
    outside = sorted(
        {
            url
            for url in visited["requested"]
            if not url.startswith("data:") and urlparse(url).hostname not in LOCAL_HOSTS
        }
    )
    assert visited["requested"]
    assert outside == []


def test_the_dashboard_started_elsewhere_shows_no_deploy_button(visited):
    assert visited["deploy_buttons"] == dict.fromkeys(PAGES, 0)
