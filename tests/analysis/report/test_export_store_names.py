"""slant export: framing-category and cue-class names from the store are data, never SQL.

Both hostile names below reproduced issue 17 before the export pivoted in pandas: the
first put a file's content into articles.csv, the second wrote a file of the
attacker's choosing over the read-only connection.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import store
from analysis.report.tables import export_store


@pytest.fixture
def store_path(tmp_path, analyzer, sample_articles):
    path = tmp_path / "slant.duckdb"
    articles = sample_articles[:5]
    con = store.connect(path)
    store.write_batch(con, articles, [analyzer.analyze(a) for a in articles])
    con.close()
    return path


def _rename_category(path, category):
    con = store.connect(path)
    con.execute(
        "UPDATE category_counts SET category = ? WHERE family = 'framing' "
        "AND category = (SELECT min(category) FROM category_counts WHERE family = 'framing')",
        [category],
    )
    con.close()


def test_a_category_name_that_reads_a_file_is_exported_as_a_plain_column(tmp_path, store_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER\n")
    category = f"x\" , (SELECT string_agg(content, chr(10)) FROM read_text('{secret}')) AS \"leak"
    _rename_category(store_path, category)
    con = store.connect(store_path, read_only=True)
    export_store(con, tmp_path / "out")
    con.close()
    written = (tmp_path / "out" / "articles.csv").read_text()
    assert "TOP-SECRET-MARKER" not in written
    header = pd.read_csv(tmp_path / "out" / "articles.csv", nrows=0).columns
    assert f"framing_{category}_per_1k" in header


def test_a_category_name_with_a_second_statement_writes_no_file(tmp_path, store_path):
    target = tmp_path / "planted.pth"
    category = f"x\" FROM scores) SELECT 1; COPY (SELECT 42) TO '{target}'; SELECT (\"y"
    _rename_category(store_path, category)
    con = store.connect(store_path, read_only=True)
    export_store(con, tmp_path / "out")
    con.close()
    assert not target.exists()
    header = pd.read_csv(tmp_path / "out" / "articles.csv", nrows=0).columns
    assert f"framing_{category}_per_1k" in header


def test_a_cue_class_name_is_exported_as_a_plain_column(tmp_path, store_path):
    cue_class = 'x" , 1 AS "y'
    con = store.connect(store_path)
    con.execute(
        "UPDATE category_counts SET category = ? WHERE family = 'cue_class' "
        "AND category = (SELECT min(category) FROM category_counts WHERE family = 'cue_class')",
        [cue_class],
    )
    con.close()
    con = store.connect(store_path, read_only=True)
    export_store(con, tmp_path / "out")
    con.close()
    header = pd.read_csv(tmp_path / "out" / "articles.csv", nrows=0).columns
    assert f"cue_{cue_class}_share" in header
    assert "y" not in header
