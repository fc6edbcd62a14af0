"""`slant validate`: sample, import filled sheets, report — as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from tests import fixture_stores as fx
from tests.paths import ROOT


def slant(*args):
    return subprocess.run(
        [sys.executable, "-m", "analysis.cli.main", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def sampled(tmp_path):
    db = fx.build_fixture_store(tmp_path / "fixture.duckdb")
    sheet = tmp_path / "sheet.csv"
    done = slant("validate", "sample", "--db", db, "--measure", "framing", "--n", 10,
                 "--seed", 0, "--out", sheet)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return db, sheet


def fill(sheet, path, coder, codes):
    frame = pd.read_csv(sheet, dtype=str, keep_default_na=False)
    frame["code"] = codes
    frame["reason"] = ["not loaded in this context" if c == "wrong" else "" for c in codes]
    frame["coder"] = coder
    frame.to_csv(path, index=False)
    return path


def test_sample_import_report_gives_the_hand_computed_figures(sampled, tmp_path):
    db, sheet = sampled
    ann = fill(sheet, tmp_path / "ann.csv", "ann", ["correct"] * 8 + ["wrong"] * 2)
    bob = fill(sheet, tmp_path / "bob.csv", "bob", ["correct"] * 7 + ["wrong"] * 3)
    for filled in (ann, bob):
        done = slant("validate", "import", filled, "--db", db)
        assert done.returncode == 0, done.stderr
        assert "imported 10 codes" in done.stdout
    out = tmp_path / "report" / "results.csv"
    done = slant("validate", "report", "--db", db, "--out", out)
    assert done.returncode == 0, done.stderr
    table = pd.read_csv(out).set_index(["metric", "group"])["value"]
    # Items 1-7 correct for both, 8 split, 9-10 wrong for both: 7.5 of 10.
    assert table["precision", "all items"] == pytest.approx(0.75)
    # p_o = 0.9, p_e = (8 * 7 + 2 * 3) / 100 = 0.62.
    assert table["cohen_kappa", "ann vs bob"] == pytest.approx(0.28 / 0.38)
    # o_CC = 14, o_CW = o_WC = 1, o_WW = 4; n_C = 15, n_W = 5: 1 - 19 * 2 / (2 * 15 * 5).
    assert table["krippendorff_alpha", "ann, bob"] == pytest.approx(1 - 38 / 150)
    meta = json.loads(out.with_suffix(".json").read_text())
    assert (meta["seed"], meta["coders"], meta["lexicon_hash"]) == (
        0,
        ["ann", "bob"],
        [fx.LEXICON_HASH],
    )
    assert meta["analysis_version"] == [fx.VERSION]
    disagreements = pd.read_csv(tmp_path / "report" / "results-disagreements.csv")
    assert len(disagreements) == 1
    assert "validated on this corpus: precision 0.75" in done.stdout


def test_a_bad_sheet_is_refused_with_its_row_and_nothing_is_stored(sampled, tmp_path):
    db, sheet = sampled
    bad = fill(sheet, tmp_path / "bad.csv", "ann", ["correct"] * 9 + ["perhaps"])
    done = slant("validate", "import", bad, "--db", db)
    assert done.returncode == 2
    assert "bad.csv, row 11: code 'perhaps' is not possible for a precision item" in done.stderr
    assert "Traceback" not in done.stderr
    report = slant("validate", "report", "--db", db, "--out", tmp_path / "r.csv")
    assert "not validated on this corpus yet" in report.stdout


def test_the_same_seed_writes_the_same_sheet(sampled, tmp_path):
    db, sheet = sampled
    again = tmp_path / "again.csv"
    done = slant("validate", "sheet", "--db", db, "--sample", "framing-1", "--out", again)
    assert done.returncode == 0, done.stderr
    assert again.read_bytes() == sheet.read_bytes()
    second = tmp_path / "second.csv"
    slant("validate", "sample", "--db", db, "--measure", "framing", "--n", 10, "--seed", 0,
          "--out", second)  # fmt: skip
    columns = ["article", "highlighted"]
    assert pd.read_csv(second)[columns].equals(pd.read_csv(sheet)[columns])


def test_an_unknown_measure_names_the_measures_there_are(tmp_path):
    db = fx.build_fixture_store(tmp_path / "fixture.duckdb")
    done = slant(
        "validate", "sample", "--db", db, "--measure", "irony", "--out", tmp_path / "s.csv"
    )
    assert done.returncode == 2
    assert "measures here: attribution, framing, hedge, target" in done.stderr
