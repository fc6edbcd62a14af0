"""No SQL is built from data: every value pasted into SQL text is named here with its reason.

Issue 17: a lexicon category name went into ``slant export``'s SQL as a column name and
read /etc/passwd. Data (a category, an outlet, a search, a URL parameter) reaches
DuckDB as a ``?`` parameter or is handled in pandas; only names written in the code
may be pasted into SQL text. This test reads every f-string and ``.format`` call of
``analysis/`` and ``dashboard/`` that holds SQL, and fails when one pastes in a name
that is not listed below: a new one must be shown to come from code, with the reason
written next to it. (``bench/`` scripts build synthetic stores from their own
constants and are left out.) An entry that no longer occurs fails too, so the list
stays the truth.

Always accepted without an entry: ``int(...)`` (a number cannot carry SQL) and a run
of ``?`` placeholders (``', '.join('?' for _ in values)``).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCANNED = ("analysis", "dashboard")

# Upper-case SQL words (English prose in messages is not in capitals), DuckDB's cast and a
# ? placeholder standing alone (not the question mark ending a sentence).
_SQL = re.compile(
    r"\b(SELECT|INSERT|DELETE|UPDATE|CREATE|COPY|ATTACH|DESCRIBE|PRAGMA|SET|DROP|ALTER|WITH"
    r"|FROM|WHERE|JOIN|CASE|WHEN|LIMIT|EXCLUDE|USING|VALUES|AND|OR|IN|AS)\b|::"
    r"|(?:^|(?<=[\s(,=]))\?(?=[\s,)]|$)"
)
_PLACEHOLDERS = re.compile(r"^', '\.join\(\('\?' for _ in \w+\)\)$")

CHECKED_MEASURE = "a score column: _check_measure refuses any name not in MEASURE_COLUMNS"
WHERE_CLAUSE = "queries.where/cell_where/_chosen: fixed SQL text, every value a ? parameter"
CODE_COLUMNS = "column names from the code's own tuples (records/schema), not from data"
PROSE = "a question for coders, not SQL (its '?' is a question mark)"

#: (file, interpolated expression) -> why it comes from code, not data.
FROM_CODE: dict[tuple[str, str], str] = {
    ("analysis/compare/article_reads.py", "ORDER"): "module constant ORDER",
    ("analysis/compare/article_reads.py", "article_cols"): CODE_COLUMNS + " (ARTICLE_COLUMNS)",
    ("analysis/compare/article_reads.py", "score_cols"): CODE_COLUMNS + " (SCORE_COLUMNS)",
    ("analysis/compare/article_reads.py", "columns"): CODE_COLUMNS + " (EVIDENCE_COLUMNS)",
    ("analysis/compare/article_reads.py", "condition"): WHERE_CLAUSE,
    ("analysis/compare/bias_types.py", "chosen"): WHERE_CLAUSE,
    ("analysis/compare/comparison_reads.py", "condition"): WHERE_CLAUSE,
    ("analysis/compare/comparison_reads.py", "count"): "RATE_COUNTS value: a score column",
    ("analysis/compare/comparison_reads.py", "measure"): "only used when in SCORE_COLUMNS",
    ("analysis/compare/comparison_reads.py", "extra"): "one of two literal strings",
    ("analysis/compare/comparison_reads.py", "value"): "literal SQL around `denominator`",
    ("analysis/compare/comparison_reads.py", "denominator"): "'s.words' or 's.attributions'",
    ("analysis/compare/comparison_reads.py", "marks"): "a run of ? placeholders (_ids_clause)",
    ("analysis/compare/comparison_reads.py", "kind_marks"): "a run of ? placeholders",
    ("analysis/compare/comparison_reads.py", "has"): "literal SQL with ? placeholders",
    ("analysis/compare/queries.py", "alias"): "table alias literal ('a', 'r') from the code",
    ("analysis/compare/queries.py", "column"): "'outlet' or 'section' (_membership)",
    ("analysis/compare/queries.py", "condition"): WHERE_CLAUSE,
    ("analysis/compare/queries.py", "chosen"): WHERE_CLAUSE,
    ("analysis/compare/queries.py", "cells"): WHERE_CLAUSE,
    ("analysis/compare/queries.py", "measure"): CHECKED_MEASURE,
    ("analysis/compare/queries.py", "m"): CHECKED_MEASURE,
    ("analysis/compare/queries.py", "columns"): "built from checked measures (outlet_means)",
    ("analysis/compare/queries.py", "bucket"): "_check_bucket: one of BUCKETS",
    ("analysis/compare/queries.py", "cap"): "'' or LIMIT with int(limit)",
    ("analysis/compare/queries.py", "kind_sql"): "'' or IN with ? placeholders",
    ("analysis/compare/queries.py", "name"): "a key of CELL_TABLES, named by the code (_cells)",
    ("analysis/compare/queries.py", "CELL_TABLES[name]"): "a roll-up table name (CELL_TABLES)",
    (
        "analysis/compare/queries.py",
        "store.rollup_select(CELL_TABLES[name], 'chosen_cells')",
    ): "roll-up SELECT of the store; cells are code SQL",
    ("analysis/compare/validation_sample.py", "columns"): CODE_COLUMNS + " (EVIDENCE_COLUMNS)",
    ("analysis/compare/validation_sample.py", "condition"): (
        "_outlet_clause: 'TRUE' or a.outlet IN (?, ...), the outlets as parameters"
    ),
    ("analysis/compare/validation_sample.py", "measure"): PROSE,
    ("analysis/store/validation.py", "names"): CODE_COLUMNS + " (ITEM_COLUMNS, CODE_COLUMNS)",
    ("analysis/store/validation.py", "name"): CODE_COLUMNS + " (the evidence table's DESCRIBE)",
    ("analysis/store/validation.py", "kind"): "a column type from the evidence table's DESCRIBE",
    ("analysis/report/tables.py", "info_sql"): CODE_COLUMNS + " (ARTICLE_INFO)",
    (
        "analysis/report/tables.py",
        "', '.join(('e.' + c for c in EVIDENCE_COLUMNS[8:]))",
    ): CODE_COLUMNS,
    ("analysis/runs/dask_engine.py", "quoted"): (
        "a Parquet path in the staging folder Slant made beside the store, quotes doubled"
    ),
    ("analysis/store/connect.py", "limit // 2 ** 20"): "an int (bytes to MiB)",
    ("analysis/store/rollups.py", "ROLLUP_CHUNK_ARTICLES"): "module int constant",
    ("analysis/store/rollups.py", "_SCORE_SUMS"): CODE_COLUMNS + " (SCORE_COLUMNS)",
    ("analysis/store/rollups.py", "c"): CODE_COLUMNS + " (SCORE_COLUMNS)",
    ("analysis/store/rollups.py", "chunk"): "an int chunk number from the code's loop",
    ("analysis/store/rollups.py", "names"): "ROLLUP_TABLES, quoted",
    ("analysis/store/rollups.py", "ids_relation"): "'_touched_ids' or '_staged_new' (callers)",
    ("analysis/store/rollups.py", "same_cell"): "literal SQL",
    ("analysis/store/rollups.py", "table"): "a roll-up table name from _ROLLUP_SELECTS",
    ("analysis/store/rollups.py", "rollup_select(table, ALL_CELLS)"): "_ROLLUP_SELECTS SQL",
    ("analysis/store/rollups.py", "rollup_select(table, cells)"): "_ROLLUP_SELECTS SQL",
    ("analysis/store/schema.py", "_CELL_COLUMNS"): "module constant SQL",
    (
        "analysis/store/schema.py",
        "', '.join((f'n_{c} BIGINT, sum_{c} DOUBLE, sq_{c} DOUBLE' for c in SCORE_COLUMNS))",
    ): CODE_COLUMNS,
    (
        "analysis/store/schema.py",
        "', '.join((f\"{c} {('INTEGER' if c in _INTEGER_SCORES else 'DOUBLE')}\" for c in "
        "SCORE_COLUMNS))",
    ): CODE_COLUMNS,
    ("analysis/store/staging.py", "table"): "a table name from _RESULT_TABLES/STAGED_TABLES",
    ("analysis/store/staging.py", "columns"): CODE_COLUMNS + " (the table's DESCRIBE)",
    ("analysis/store/staging.py", "names"): CODE_COLUMNS + " (the table's DESCRIBE)",
    ("analysis/store/staging.py", "picked"): CODE_COLUMNS + " (the table's DESCRIBE)",
    ("analysis/store/staging.py", "source(keys)"): (
        "read_parquet of the staging folder Slant made, quotes doubled"
    ),
    ("analysis/store/staging.py", "source(table)"): (
        "read_parquet of the staging folder Slant made, quotes doubled"
    ),
    ("dashboard/highlight.py", "format:'#{:02x}{:02x}{:02x}'"): "a colour, not SQL",
}


def _always_safe(source: str) -> bool:
    return source.startswith("int(") or bool(_PLACEHOLDERS.match(source))


def interpolations(root: Path = ROOT, packages=SCANNED) -> set[tuple[str, str]]:
    """(file, expression) for every name pasted into SQL text in the scanned packages."""
    found = set()
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            rel = path.relative_to(root).as_posix()
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.JoinedStr):
                    literal = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
                    if _SQL.search(literal):
                        for value in node.values:
                            if isinstance(value, ast.FormattedValue):
                                source = ast.unparse(value.value)
                                if not _always_safe(source):
                                    found.add((rel, source))
                elif (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "format"
                    and isinstance(node.func.value, ast.Constant | ast.Name)
                ):
                    found.add((rel, "format:" + ast.unparse(node.func.value)))
    return found


def test_every_name_pasted_into_sql_comes_from_code():
    unexplained = sorted(interpolations() - FROM_CODE.keys())
    assert not unexplained, (
        "SQL text built from these expressions: pass data as ? parameters (or pivot in "
        "pandas); if a name really comes from code, add it to FROM_CODE with the reason: "
        f"{unexplained}"
    )


def test_every_listed_name_still_occurs():
    assert not sorted(FROM_CODE.keys() - interpolations())


def test_the_scan_finds_a_category_pasted_into_sql(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "export.py").write_text(
        "def pivot(con, category):\n"
        "    con.execute(f'SELECT sum(x) AS \"framing_{category}\" FROM t')\n"
        "    con.execute('SELECT {} FROM t'.format(category))\n"
        "    con.execute(f'SELECT * FROM t LIMIT {int(category)}')\n"
    )
    assert interpolations(tmp_path, ("pkg",)) == {
        ("pkg/export.py", "category"),
        ("pkg/export.py", "format:'SELECT {} FROM t'"),
    }
