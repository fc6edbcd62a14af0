"""Which installed packages differ from the pins in requirements.lock (run by the venv to check).

Run: ``VENV/bin/python .ci/newer_than_lock.py requirements.lock``

The upstream watch (``make test-latest``) installs the newest versions pyproject.toml
allows; this names the ones that moved past the lock, so a break in that run points
at its likely cause.
"""

from __future__ import annotations

import re
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)")


def main(lock: str) -> int:
    pins: dict[str, list[str]] = {}  # a package may have one pin per Python version range
    for line in Path(lock).read_text(encoding="utf-8").splitlines():
        pin = PIN.match(line)
        if pin:
            pins.setdefault(pin.group(1), []).append(pin.group(2))
    moved = []
    for name, locked in pins.items():
        try:
            installed = version(name)
        except PackageNotFoundError:
            continue  # a pin for another platform, or a tool (uv) not installed here
        if installed not in locked:
            moved.append(f"{name} {' or '.join(locked)} -> {installed}")
    if moved:
        print("newer than requirements.lock: " + ", ".join(moved))
    else:
        print("every installed package is at its requirements.lock version")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "requirements.lock"))
