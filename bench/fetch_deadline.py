"""How long one URL from a dripping server takes, at the fetcher's default deadline.

Run: ``.venv/bin/python bench/fetch_deadline.py [--timeout 15] [--gap 1.0]``

Issue 17 found a server dripping its headers never cut off (still running at 420 s)
and a body sent at one byte a second taking 248 s per URL (4 tries x 60 s) while the
message said "timeout after 15 s". The tests check the cut-off at a 0.5 s deadline;
this script measures it at the default (15 s, 3 retries, robots.txt asked first) on
local servers that send one byte every ``--gap`` seconds, and prints each case's wall
time, the ratio to the deadline, the connections the server saw and the reason given.
robots.txt is asked of the same dripping server, so the default case is two requests:
two deadlines at most.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from tempfile import TemporaryDirectory

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.ingest.web.fetch import Fetcher  # noqa: E402
from tests.drip_server import DripServer  # noqa: E402


def measure(headers_only: bool, robots: bool, timeout: float, gap: float) -> dict:
    server = DripServer(headers_only, gap, seconds=3600)  # drips until stop(), not a deadline
    try:
        with TemporaryDirectory() as cache:
            fetcher = Fetcher(
                cache,
                timeout=timeout,
                respect_robots=robots,
                allow_private_addresses=True,  # the dripping server is on 127.0.0.1
            )
            started = time.monotonic()
            with fetcher:
                result = fetcher.fetch(f"{server.base}/slow")
            seconds = time.monotonic() - started
    finally:
        server.stop()
    return {
        "case": ("headers" if headers_only else "body") + (" + robots.txt" if robots else ""),
        "seconds": seconds,
        "connections": server.connections,
        "error": result.error,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=15.0)
    parser.add_argument("--gap", type=float, default=1.0, help="seconds between bytes")
    args = parser.parse_args(argv)
    print(f"deadline {args.timeout:g} s, one byte every {args.gap:g} s, retries 3 (defaults)")
    print(f"{'case':<24} {'seconds':>8} {'x deadline':>10} {'conns':>6}  reason")
    for headers_only in (True, False):
        for robots in (False, True):
            row = measure(headers_only, robots, args.timeout, args.gap)
            print(
                f"{row['case']:<24} {row['seconds']:>8.1f} "
                f"{row['seconds'] / args.timeout:>10.2f} {row['connections']:>6}  {row['error']}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
