"""Start-up: what `slant` imports before its first article, checked in a fresh interpreter.

Libraries a command does not need stay unimported: scikit-learn (stories), pandas
(dashboard reads, stories), Streamlit (dashboard), Dask (`--engine dask`), trafilatura
and httpx (web inputs), DuckDB (the store: `slant analyze` writes CSV files only). Each
costs a tenth of a second to a second before any work.

pyarrow would import pandas the first time it builds an array from Python values (its
shim checks whether a value is a pandas type); `slant analyze` tells it beforehand that
pandas is not here (`analysis.cli.without_pandas`), so its CSV rows are
written without pandas too.
"""

import json
import subprocess
import sys

import pytest

from tests.paths import ROOT

#: Top-level packages that a command loads only when it needs them.
HEAVY = (
    "sklearn",
    "scipy",
    "pandas",
    "streamlit",
    "dask",
    "distributed",
    "trafilatura",
    "httpx",
    "duckdb",
)

#: Runs the command in this interpreter, then prints which HEAVY packages it imported.
PROBE = """
import json, sys
from analysis.cli.main import main
try:
    main(sys.argv[2:])
except SystemExit:
    pass
heavy = json.loads(sys.argv[1])
print(json.dumps(sorted(name for name in heavy if name in sys.modules)))
"""


def imported_heavy(*args, heavy=HEAVY, cwd=ROOT) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(heavy), *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("command", [["--help"], ["analyze", "--help"], ["ingest", "--help"]])
def test_help_imports_no_heavy_library(command):
    assert imported_heavy(*command) == []


def one_article_file(tmp_path, **fields):
    """A JSONL file of one article (the fields given added to a plain one)."""
    articles = tmp_path / "articles.jsonl"
    article = {
        "outlet": "Kestria Herald",
        "title": "Talks resume",
        "published": "2026-01-05T09:30:00+02:00",
        "text": "The minister said the talks were a breach of sovereignty.",
        **fields,
    }
    articles.write_text(json.dumps(article) + "\n", encoding="utf-8")
    return articles


def test_analyze_of_a_local_file_imports_no_heavy_library(tmp_path):
    articles = one_article_file(tmp_path)
    out = tmp_path / "out"
    assert imported_heavy("analyze", articles, "--out", out, "--workers", "1") == []
    assert (out / "articles.csv").read_text(encoding="utf-8").count("\n") == 2
    assert (out / "evidence.csv").read_text(encoding="utf-8").count("\n") >= 2


def test_ingest_of_a_local_file_into_a_new_store_imports_no_pandas(tmp_path):
    articles = one_article_file(tmp_path, id="7")
    store = tmp_path / "new.duckdb"
    not_duckdb = tuple(name for name in HEAVY if name != "duckdb")
    assert (
        imported_heavy("ingest", articles, "--db", store, "--workers", "1", heavy=not_duckdb) == []
    )
    assert store.exists()


def test_analyze_without_a_terminal_does_not_import_the_progress_bar(tmp_path):
    articles = one_article_file(tmp_path)
    out = tmp_path / "out"
    # The probe's stderr is a pipe, where tqdm would draw nothing.
    assert imported_heavy("analyze", articles, "--out", out, heavy=("tqdm",)) == []
    assert (out / "articles.csv").exists()
