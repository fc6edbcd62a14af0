"""Another process holding the store's lock, as a running ``slant ingest`` or dashboard does."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Opens the store, says so, and keeps it open until told to let go (a line on stdin)
# or until its own timer runs out.
_HOLDER = """
import sys, threading, duckdb
con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == "read")
print("held", flush=True)
release_after = float(sys.argv[3])
done = threading.Event()
threading.Thread(target=lambda: (sys.stdin.readline(), done.set()), daemon=True).start()
done.wait(None if release_after < 0 else release_after)
con.close()
"""


@contextmanager
def lock_held(path: Path, mode: str = "write", release_after: float = -1) -> Iterator[None]:
    """Another process holds ``path`` open (``mode`` "write" or "read") until the block ends,
    or for ``release_after`` seconds when that is given."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path), mode, str(release_after)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        yield
    finally:
        if holder.poll() is None:
            holder.stdin.write("release\n")
            holder.stdin.flush()
        holder.wait(timeout=30)
