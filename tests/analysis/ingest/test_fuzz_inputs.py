"""Random input never ends in a traceback: random bytes, CSV and JSON shapes, lexicon rows.

`slant ingest` exits 0 (all read) or 1 (some inputs rejected, the rest stored), as the
README documents, and prints no traceback; every well-formed row among random ones is
kept; the lexicon loader either loads or raises LexiconError naming the file and line.
Example counts are small so the suite stays fast.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.ingest import load_paths
from analysis.records import Article, Rejected
from analysis.text.lexicons import DEFAULT_DIR, LexiconError, load_lexicons

SUFFIXES = [".csv", ".tsv", ".json", ".jsonl", ".txt", ".parquet"]
GOOD = [
    {"outlet": "Valley Post", "title": f"Good row {k}", "text": f"The assembly met, item {k}."}
    for k in range(3)
]
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

cells = st.one_of(
    st.text(max_size=40),
    st.integers(),
    st.floats(allow_nan=True),
    st.none(),
    st.booleans(),
)
json_values = st.recursive(
    cells,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@FAST
@given(content=st.binary(max_size=2_000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_in_any_input_file_give_articles_or_rejects(content, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(content)
        for item in load_paths([path], outlet="Fuzz"):
            assert isinstance(item, Article | Rejected)


@FAST
@given(
    extra_columns=st.lists(st.text(min_size=1, max_size=10), max_size=3, unique=True),
    junk=st.lists(st.lists(cells, max_size=6), max_size=8),
    positions=st.lists(st.integers(min_value=0, max_value=8), min_size=3, max_size=3),
)
def test_good_csv_rows_among_random_rows_are_all_kept(extra_columns, junk, positions):
    header = [
        "outlet",
        "title",
        "text",
        *(c for c in extra_columns if c.lower() not in {"outlet", "title", "text"}),
    ]
    rows = [[str(v) if v is not None else "" for v in row] for row in junk]
    for position, good in zip(positions, GOOD, strict=True):
        rows.insert(
            min(position, len(rows)),
            [good["outlet"], good["title"], good["text"]] + [""] * (len(header) - 3),
        )
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rows.csv"
        path.write_text(buffer.getvalue(), encoding="utf-8")
        titles = [a.title for a in load_paths([path]) if isinstance(a, Article)]
    for good in GOOD:
        assert good["title"] in titles


@FAST
@given(junk=st.lists(json_values, max_size=8), position=st.integers(min_value=0, max_value=8))
def test_good_jsonl_objects_among_random_json_values_are_all_kept(junk, position):
    lines = [json.dumps(v) for v in junk]
    for k, good in enumerate(GOOD):
        lines.insert(min(position + k, len(lines)), json.dumps(good))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rows.jsonl"
        path.write_text("\n".join(lines), encoding="utf-8")
        titles = [a.title for a in load_paths([path]) if isinstance(a, Article)]
    for good in GOOD:
        assert good["title"] in titles


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(
        st.tuples(st.text(max_size=30), st.text(max_size=50), st.text(max_size=20)),
        min_size=1,
        max_size=4,
    )
)
def test_random_lexicon_rows_load_or_are_refused_with_file_and_line(rows):
    with tempfile.TemporaryDirectory() as folder:
        lexicons = Path(folder) / "lexicons"
        shutil.copytree(DEFAULT_DIR, lexicons)
        with (lexicons / "framing.csv").open("a", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
        try:
            load_lexicons(lexicons)
        except LexiconError as error:
            assert "framing.csv" in str(error)


@settings(max_examples=8, deadline=None)
@given(
    files=st.lists(
        st.tuples(st.sampled_from(SUFFIXES), st.binary(max_size=1_000)), min_size=1, max_size=3
    )
)
def test_slant_ingest_of_random_files_beside_a_good_one_exits_0_or_1_without_a_traceback(files):
    import contextlib

    from analysis.cli.main import main

    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder) / "in"
        inputs.mkdir()
        for k, (suffix, content) in enumerate(files):
            (inputs / f"random{k}{suffix}").write_bytes(content)
        (inputs / "good.csv").write_text(
            "outlet,title,text\n"
            + "".join(f"{g['outlet']},{g['title']},{g['text']}\n" for g in GOOD)
        )
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
            code = main(
                ["ingest", str(inputs), "--db", str(Path(folder) / "s.duckdb"), "--workers", "1"]
            )
        output = buffer.getvalue()
    assert code in (0, 1), output
    assert "Traceback" not in output
    assert "the store" in output and "Added" in output
