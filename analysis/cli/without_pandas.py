"""Commands that never hand pyarrow a pandas object tell it so before its first array.

pyarrow looks for pandas once, the first time it builds an array, to recognise pandas
objects among its inputs (its lazy "pandas shim"), and imports it if it can: 0.15-0.3 s
of start-up, and ~30 MB, for `slant analyze` and `slant ingest`, which build their Arrow
tables from Python lists. When that one look fails, pyarrow carries on without pandas for
such checks and still imports it for whatever asks for pandas outright (``to_pandas``,
``Table.from_pandas``), so a later user of pandas in the same process loses nothing.
Arrays must then be built with explicit types: type inference imports pandas by another
route (pyarrow's C++ converter), whatever the shim knows.
"""

from __future__ import annotations

import sys


class _PandasRefused:
    """An import hook that refuses pandas (installed for one call only)."""

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] == "pandas":
            raise ImportError("pandas is not loaded for Arrow tables built from Python lists")
        return None


def arrow_without_pandas() -> None:
    """Make pyarrow's one look for pandas now, with pandas refused (unless it is loaded)."""
    if "pandas" in sys.modules:
        return
    import pyarrow as pa

    refused = _PandasRefused()
    sys.meta_path.insert(0, refused)
    try:
        pa.array([], pa.string())
    finally:
        sys.meta_path.remove(refused)
