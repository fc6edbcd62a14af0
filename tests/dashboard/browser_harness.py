"""Run the dashboard for real and drive it with headless Chromium.

* :class:`StreamlitServer` starts ``streamlit run`` on a free port the way
  Streamlit's own browser tests do, polls ``/_stcore/health`` until it answers
  ``ok``, and stops the whole process group on :meth:`~StreamlitServer.stop`.
* :func:`browser_tools` imports Playwright and finds Chromium: under ``CI=true``
  a missing piece fails the test, elsewhere it skips it with the reason.
* :func:`launch_chromium` starts Debian's Chromium with the flags a root user on a
  machine without outside network needs; :func:`wait_for_app` waits until a page's
  script run has finished.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("SLANT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def unavailable(reason: str):
    """Fail under CI (a browser test that silently skips proves nothing), else skip."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: the browser test must run)")
    pytest.skip(reason)


def browser_tools():
    """``playwright.sync_api.sync_playwright`` once Playwright and Chromium are both present."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright for Python is not installed (pip install playwright)")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        unavailable(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    return sync_playwright


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StreamlitServer:
    """``streamlit run APP`` in its own process group, with its output in ``log``."""

    def __init__(self, app: Path, env: dict[str, str], log: Path, port: int | None = None):
        self.app = Path(app)
        self.env = {**os.environ, **env}
        self.log = Path(log)
        self.port = port or free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0) -> StreamlitServer:
        command = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(self.app),
            "--server.headless",
            "true",
            "--server.port",
            str(self.port),
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ]
        self._log_file = self.log.open("wb")
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=self.env,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stop() ends it and its children
        )
        self.wait_healthy(timeout)
        return self

    def wait_healthy(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited early:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as reply:
                    if reply.read().decode().strip() == "ok":
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.25)
        raise RuntimeError(f"streamlit not healthy after {timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        try:
            self._log_file.flush()
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
            except ProcessLookupError:
                pass
        self._log_file.close()
        self.process = None


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def wait_for_app(page, timeout: float = 60_000) -> None:
    """Wait until the page's script run has finished and drawn something.

    ``notRunning`` is also the state between connecting and the first run, so the
    wait ends only once the page shows a title or an exception as well.
    """
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout)
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-connection-state="CONNECTED"]',
        state="attached",
        timeout=timeout,
    )
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]',
        state="attached",
        timeout=timeout,
    )
    page.wait_for_selector(
        '[data-testid="stMain"] h1, [data-testid="stException"]', timeout=timeout
    )
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"]',
        state="attached",
        timeout=timeout,
    )


def full_page_screenshot(page, path: Path, width: int = 1280) -> None:
    """A screenshot of the whole page: Streamlit scrolls inside its own container,
    so the viewport is grown to the content's height first."""
    height = page.evaluate(
        """() => Math.max(
            document.body.scrollHeight,
            ...Array.from(document.querySelectorAll(
                '[data-testid="stMain"], [data-testid="stAppViewContainer"], section.main'
            )).map(e => e.scrollHeight))"""
    )
    page.set_viewport_size({"width": width, "height": max(720, min(int(height) + 40, 16000))})
    page.wait_for_timeout(300)  # let the layout settle after the resize
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": width, "height": 900})
