"""pyarrow told that pandas is not needed: CSV rows without pandas, pandas still usable after."""

import subprocess
import sys

from tests.paths import ROOT

#: In a fresh interpreter: pyarrow told pandas is not here, then a table written as CSV,
#: then pandas asked for outright.
AFTER_ARROW_WITHOUT_PANDAS = """
import sys
from analysis.cli.without_pandas import arrow_without_pandas
from analysis.report.tables import csv_rows
import pyarrow as pa
arrow_without_pandas()
rows = csv_rows(pa.table({"n": pa.array([1.5, None], pa.float64())}))
print(rows.data, "pandas" in sys.modules)
print(pa.table({"n": pa.array([2], pa.int64())}).to_pandas()["n"].tolist())
"""


def test_arrow_without_pandas_writes_csv_without_pandas_and_leaves_it_usable():
    done = subprocess.run(
        [sys.executable, "-c", AFTER_ARROW_WITHOUT_PANDAS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert done.stdout.splitlines() == ["b'1.5\\n\\n' False", "[2]"]
