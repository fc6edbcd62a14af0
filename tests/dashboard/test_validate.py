"""The Validate and Methods pages, headless through AppTest: coding a sample one item at
a time, resuming, results with intervals, the validation line on measure pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis import store
from analysis.compare.validation_sample import SampleRequest, draw_sample
from analysis.store import validation as tables

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")


def open_page(page: str, params: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(params or {})
    at.run()
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def sampled_store(fixture_store, tmp_path, slant_db):
    """A copy of the fixture store holding a 6-item framing sample, framing-1."""
    path = tmp_path / "validate.duckdb"
    shutil.copy(fixture_store, path)
    con = store.connect(path)
    try:
        record, items = draw_sample(con, SampleRequest("framing", n=6, seed=2))
        tables.save_sample(
            con, {**record, "sample_id": "framing-1"}, tables.number_items(items, "framing-1")
        )
    finally:
        con.close()
    return slant_db(path)


def stored_codes(path) -> list[tuple]:
    con = store.connect(path, read_only=True)
    try:
        codes = tables.sample_codes(con, "framing-1")
    finally:
        con.close()
    codes = codes.astype(object).where(codes.notna(), None)
    return [tuple(r) for r in codes[["item_id", "coder", "code", "reason"]].values.tolist()]


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def texts(at: AppTest) -> str:
    kinds = ("markdown", "caption", "info", "success", "warning", "error")
    return "\n".join(str(e.value) for kind in kinds for e in at.get(kind))


def test_a_coder_codes_items_one_at_a_time_and_the_codes_are_stored(sampled_store):
    at = open_page("views/validate.py", {"sample": "framing-1", "coder": "ann"})
    assert "Item 1 of 6" in texts(at)
    button(at, "Correct").click().run()
    assert "Item 2 of 6" in texts(at)
    at.selectbox(key="v_reason_framing-1/002").set_value("wrong category").run()
    button(at, "Wrong").click().run()
    button(at, "Skip").click().run()
    assert not at.exception
    assert stored_codes(sampled_store) == [
        ("framing-1/001", "ann", "correct", None),
        ("framing-1/002", "ann", "wrong", "wrong category"),
        ("framing-1/003", "ann", "skip", None),
    ]


def test_a_coder_resumes_at_the_first_item_not_yet_coded(sampled_store):
    at = open_page("views/validate.py", {"sample": "framing-1", "coder": "ann"})
    button(at, "Correct").click().run()
    button(at, "Correct").click().run()
    again = open_page("views/validate.py", {"sample": "framing-1", "coder": "ann"})
    assert "Item 3 of 6" in texts(again)
    other = open_page("views/validate.py", {"sample": "framing-1", "coder": "bob"})
    assert "Item 1 of 6" in texts(other)


def test_results_show_precision_with_its_interval_and_agreement(sampled_store):
    for coder, answers in (
        ("ann", ["Correct"] * 5 + ["Wrong"]),
        ("bob", ["Correct"] * 4 + ["Wrong"] * 2),
    ):
        at = open_page("views/validate.py", {"sample": "framing-1", "coder": coder})
        for answer in answers:
            button(at, answer).click().run()
    at = open_page("views/validate.py", {"sample": "framing-1", "coder": "ann"})
    # Items 1-4 correct for both, 5 split, 6 wrong for both: 4.5 of 6 = 0.75.
    assert "validated on this corpus: precision 0.75" in texts(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Precision"] == "0.75"
    # p_o = 5/6; p_e = (5 * 4 + 1 * 2) / 36; kappa = (30 - 22) / (36 - 22) = 0.57.
    assert metrics["Cohen's kappa"] == "0.57"
    disagreements = [f for f in at.dataframe if "ann" in f.value.columns]
    assert disagreements and disagreements[0].value["item_id"].tolist() == ["framing-1/005"]


def test_the_measure_page_shows_its_validation_line_once_coded(sampled_store):
    page = open_page("views/framing.py")
    assert "not validated on this corpus yet" in texts(page)
    at = open_page("views/validate.py", {"sample": "framing-1", "coder": "ann"})
    button(at, "Correct").click().run()
    page = open_page("views/framing.py")
    assert "validated on this corpus: precision 1.00" in texts(page)


def test_a_new_sample_is_drawn_from_the_page(fixture_store, tmp_path, slant_db):
    path = slant_db(tmp_path / "fresh.duckdb")
    shutil.copy(fixture_store, path)
    at = open_page("views/validate.py")
    assert "No sample yet" in texts(at)
    at.selectbox(key="vs_measure").set_value("attribution")
    at.number_input(key="vs_n").set_value(8)
    at.button[0].click().run()
    assert not at.exception
    con = store.connect(path, read_only=True)
    try:
        sample = tables.samples(con).iloc[0]
    finally:
        con.close()
    assert (sample["sample_id"], sample["precision_items"], sample["recall_items"]) == (
        "attribution-1",
        8,
        20,
    )


def test_methods_page_shows_the_benchmark_document(fixture_store, slant_db):
    slant_db(fixture_store)
    at = open_page("views/methods.py")
    assert "Benchmark: Sentiment (VADER)" in texts(at)
    assert "0.881" in texts(at)


def test_methods_page_says_so_when_the_document_is_missing(fixture_store, slant_db, monkeypatch):
    from analysis.report import validity_doc

    slant_db(fixture_store)
    monkeypatch.setattr(validity_doc, "_candidates", lambda: [])
    at = open_page("views/methods.py")
    assert "not part of this installation" in texts(at)


def test_a_read_waits_for_a_code_being_written_in_this_process(fixture_store, tmp_path):
    import threading

    from dashboard import cache

    path = tmp_path / "busy.duckdb"
    shutil.copy(fixture_store, path)
    writer = store.connect(path)  # as the Validate page holds it while storing a code
    threading.Timer(0.3, writer.close).start()
    reader = cache.read_connection(str(path))
    try:
        assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 30
    finally:
        reader.close()


def test_a_write_waits_for_a_read_in_this_process(fixture_store, tmp_path):
    import threading

    path = tmp_path / "busy.duckdb"
    shutil.copy(fixture_store, path)
    reader = store.connect(path, read_only=True)
    threading.Timer(0.3, reader.close).start()
    writer = tables.connect_for_write(path)
    try:
        tables.ensure_tables(writer)
        assert tables.has_tables(writer)
    finally:
        writer.close()
