"""CSV exports that are safe to open in a spreadsheet, each with a JSON companion.

Article text, titles, outlet names and source phrases come from the outside
world. A spreadsheet treats a cell starting with ``=``, ``+``, ``-``, ``@``,
tab, carriage return or line feed as a formula (OWASP "CSV injection"), also
after leading spaces, so such *text* cells get a leading ``'``: :func:`neutralise`
for pandas frames (:func:`to_csv`, the dashboard's downloads), :func:`neutralise_arrow`
for the Arrow tables of ``slant analyze`` and ``slant export``, vectorised, on string
columns only. Numeric columns are left alone, so a column of negative sentiment scores
stays numeric.

The companion JSON states what the CSV holds: the filters, the lexicon hash,
the analysis version and the time of export.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas and pyarrow load with the function that needs them (start-up)
    import pandas as pd
    import pyarrow as pa

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
#: A cell a spreadsheet would run: a formula character first, or after leading spaces.
#: The same pattern in Python's ``re`` and in RE2 (Arrow's regex engine).
FORMULA_START = r"^ *[=+@\-\t\r\n]"
_FORMULA_START = re.compile(FORMULA_START)


def neutralise_cell(value):
    """``value`` with a leading ``'`` when it is text a spreadsheet would run as a formula.

    >>> neutralise_cell("=HYPERLINK(\\"x\\")")
    '\\'=HYPERLINK("x")'
    >>> neutralise_cell(-0.5)
    -0.5
    """
    if isinstance(value, str) and _FORMULA_START.match(value):
        return "'" + value
    return value


def neutralise_arrow(table: pa.Table) -> pa.Table:
    """``table`` with every string cell a spreadsheet would run prefixed with ``'``, and its
    column names too; other columns untouched. One RE2 pass per string column, in C++.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    columns = []
    for column in table.columns:
        is_text = pa.types.is_string(column.type) or pa.types.is_large_string(column.type)
        # Matching is cheaper than replacing (no new column): replace only where needed;
        # and a look at first bytes cheaper still than matching (a column of ordinary text
        # is done with there).
        if (
            is_text
            and _may_start_formula(column)
            and pc.any(pc.match_substring_regex(column, FORMULA_START)).as_py()
        ):
            column = pc.replace_substring_regex(
                column, pattern=f"({FORMULA_START})", replacement="'\\1", max_replacements=1
            )
        columns.append(column)
    names = [neutralise_cell(str(name)) for name in table.column_names]
    return pa.Table.from_arrays(columns, names=names)


#: Bytes a cell matching :data:`FORMULA_START` can start with (its spaces, or a formula
#: character; all ASCII, so one UTF-8 byte each).
_FORMULA_FIRST_BYTES = b" =+@-\t\r\n"


def _may_start_formula(column: pa.ChunkedArray | pa.Array) -> bool:
    """False when no cell of a string column starts with a byte of ``_FORMULA_FIRST_BYTES``,
    so none matches :data:`FORMULA_START`; True when some cell may (then matched exactly).

    Reads the first byte of every non-empty slot (null slots too: a false alarm costs only
    the exact match) from the Arrow buffers with NumPy, ~5x cheaper than the RE2 pass.
    """
    import numpy as np
    import pyarrow as pa

    chunks = column.chunks if isinstance(column, pa.ChunkedArray) else [column]
    wanted = np.zeros(256, dtype=bool)
    wanted[list(_FORMULA_FIRST_BYTES)] = True
    for chunk in chunks:
        _, offsets, data = chunk.buffers()
        if not len(chunk) or data is None:
            continue
        kind = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
        ends = np.frombuffer(offsets, dtype=kind)[chunk.offset : chunk.offset + len(chunk) + 1]
        starts = ends[:-1][ends[1:] > ends[:-1]]
        if wanted[np.frombuffer(data, dtype=np.uint8)[starts]].any():
            return True
    return False


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell neutralised; numeric columns untouched."""
    import pandas as pd

    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if pd.api.types.is_numeric_dtype(series) or pd.api.types.is_datetime64_any_dtype(series):
            continue
        out[column] = series.map(neutralise_cell, na_action="ignore")
    # Column names are cells too.
    out.columns = [neutralise_cell(str(c)) for c in out.columns]
    return out


def to_csv(frame: pd.DataFrame) -> bytes:
    """``frame`` as UTF-8 CSV bytes, formula-injection safe, without the index."""
    return neutralise(frame).to_csv(index=False).encode("utf-8")


def metadata(
    kind: str,
    filters: Mapping | None = None,
    lexicon_hash: str | list[str] | None = None,
    analysis_version: str | list[str] | None = None,
    rows: int | None = None,
    exported_at: datetime | None = None,
) -> dict:
    """The companion record for an export: what it holds and what produced it."""
    return {
        "export": kind,
        "rows": rows,
        "filters": dict(filters or {}),
        "lexicon_hash": lexicon_hash,
        "analysis_version": analysis_version,
        "exported_at": (exported_at or datetime.now(UTC)).isoformat(timespec="seconds"),
    }


def metadata_json(meta: Mapping) -> bytes:
    """The companion record as pretty, UTF-8 JSON bytes."""
    return json.dumps(meta, indent=2, ensure_ascii=False, default=str).encode("utf-8")


def write_export(frame: pd.DataFrame, path: str | os.PathLike, meta: Mapping) -> tuple[Path, Path]:
    """Write ``frame`` to ``path`` (CSV) and ``meta`` beside it as ``<name>.json``.

    Returns both paths; the JSON records the row count of the CSV.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(to_csv(frame))
    companion = path.with_suffix(".json")
    companion.write_bytes(metadata_json({**meta, "rows": len(frame), "file": path.name}))
    return path, companion
