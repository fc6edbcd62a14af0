"""The report tables: built from columns, written by pyarrow, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime

import pyarrow as pa
import pytest

from analysis.ingest.articles import make_article
from analysis.report.tables import (
    EVIDENCE_CSV_COLUMNS,
    TARGET_CSV_COLUMNS,
    CsvAppender,
    article_columns,
    csv_rows,
    tables_for_results,
)


def read_rows(path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


@pytest.fixture
def scored(analyzer, lexicons):
    articles = [
        make_article(
            outlet="=Evil Outlet",
            title="@SUM(A1) talks",
            published=datetime(2026, 1, 5, 9, 30, tzinfo=UTC),
            text="The minister said the so-called reforms were a breach of sovereignty. "
            "\u201cWe will not accept it,\u201d the spokesman said.",
        ),
        make_article(outlet="Wire", title="", text="Nothing happened on Monday."),
    ]
    results = [analyzer.analyze(a) for a in articles]
    return articles, results, lexicons


def test_tables_have_the_csv_columns_and_one_row_per_article(scored):
    articles, results, lexicons = scored
    wide, evidence, targets = tables_for_results(
        articles, results, lexicons.framing_categories, lexicons.cue_classes
    )
    assert wide.column_names == article_columns(lexicons.framing_categories, lexicons.cue_classes)
    assert evidence.column_names == list(EVIDENCE_CSV_COLUMNS)
    assert targets.column_names == list(TARGET_CSV_COLUMNS)
    assert wide.column("article_id").to_pylist() == [a.article_id for a in articles]
    assert evidence.num_rows == sum(len(r.evidence) for r in results)


def test_evidence_rows_carry_their_outlet_and_sentence_text(scored):
    articles, results, lexicons = scored
    _, evidence, _ = tables_for_results(
        articles, results, lexicons.framing_categories, lexicons.cue_classes
    )
    first = articles[0]
    rows = [row for row in evidence.to_pylist() if row["article_id"] == first.article_id]
    assert rows
    for row in rows:
        assert row["outlet"] == first.outlet
        field = getattr(first, row["field"])
        assert field[row["start"] : row["end"]] == row["text"]
        assert row["text"] in row["sentence"]


def test_a_rate_over_an_article_without_words_is_empty_not_zero(scored, analyzer):
    articles, results, lexicons = scored
    empty = make_article(outlet="Wire", title="Headline only", text="")
    wide, _, _ = tables_for_results(
        [empty], [analyzer.analyze(empty)], lexicons.framing_categories, lexicons.cue_classes
    )
    category = lexicons.framing_categories[0]
    assert wide.column(f"framing_{category}_per_1k").to_pylist() == [None]


def test_csv_appender_writes_the_header_once_and_neutralises_text(tmp_path, scored):
    articles, results, lexicons = scored
    path = tmp_path / "articles.csv"
    columns = article_columns(lexicons.framing_categories, lexicons.cue_classes)
    appender = CsvAppender(path, columns)
    for i in range(2):
        wide, _, _ = tables_for_results(
            articles[i : i + 1],
            results[i : i + 1],
            lexicons.framing_categories,
            lexicons.cue_classes,
        )
        appender.append(csv_rows(wide) if i else wide)  # encoded as a worker does, or a table
    appender.finish("articles", lexicon_hash=lexicons.hash, analysis_version="v")
    rows = read_rows(path)
    assert rows[0] == columns and len(rows) == 3
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["outlet"] == "'=Evil Outlet" and record["title"] == "'@SUM(A1) talks"
    assert record["published"] == "2026-01-05 09:30:00"
    assert float(record["sentiment"]) == pytest.approx(results[0].scores["sentiment"])
    assert json.loads(path.with_suffix(".json").read_text())["rows"] == 2


def test_an_empty_table_is_written_as_its_header(tmp_path):
    path = tmp_path / "targets.csv"
    CsvAppender(path, TARGET_CSV_COLUMNS).finish("targets")
    assert read_rows(path) == [list(TARGET_CSV_COLUMNS)]


def test_missing_and_not_a_number_values_are_empty_cells(tmp_path):
    path = tmp_path / "t.csv"
    appender = CsvAppender(path, ["x", "s"])
    appender.append(pa.table({"x": [1.5, None, float("nan")], "s": ["a", None, "-1"]}))
    appender.finish("t")
    assert read_rows(path) == [["x", "s"], ["1.5", "a"], ["", ""], ["", "'-1"]]
