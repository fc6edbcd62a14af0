"""The Validate page's store access: cached reads of samples, items, codes and results,
and the two writes the dashboard makes (a new sample, a coder's code).

Reads go through ``dashboard.cache`` (keyed on the store's fingerprint), so a code written by one coder shows up in
every other coder's results on their next run. Writes open a short write connection
(``analysis.store.validation.connect_for_write`` waits while a read holds the file) and
never touch the measures.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis import store
from analysis.compare import validation_results as results
from analysis.compare.validation_sample import SampleRequest, draw_sample, measures_in_store
from analysis.store import validation as tables
from dashboard import cache


def _read(function, *args):
    return cache.run(function, *args)


def measures() -> list[str]:
    return _read(measures_in_store)


def samples() -> pd.DataFrame:
    return _read(tables.samples)


def items(sample_id: str) -> pd.DataFrame:
    return _read(tables.sample_items, sample_id)


def codes(sample_id: str) -> pd.DataFrame:
    return _read(tables.sample_codes, sample_id)


def report(sample_id: str) -> results.SampleReport:
    return _read(results.sample_report, sample_id)


def measure_summary(measure: str) -> dict | None:
    return _read(results.measure_summary, measure)


def texts(item_rows: pd.DataFrame) -> dict:
    return _read(_texts_of, tuple(sorted(set(item_rows["article_id"]))))


def _texts_of(con, article_ids: tuple[str, ...]) -> dict:
    return tables.article_texts(con, pd.DataFrame({"article_id": list(article_ids)}))


# --------------------------------------------------------------------------- writes


def _write(job):
    con = tables.connect_for_write(Path(cache.store_path()))
    try:
        with store.transaction(con):
            return job(con)
    finally:
        con.close()


def create_sample(request: SampleRequest) -> str:
    """Draw and store a sample; returns its id."""

    def job(con):
        record, drawn = draw_sample(con, request)
        sample_id = tables.new_sample_id(con, request.measure)
        tables.save_sample(
            con, {**record, "sample_id": sample_id}, tables.number_items(drawn, sample_id)
        )
        return sample_id

    return _write(job)


def save_code(item: dict, coder: str, code: str, reason=None, missed=None, spans=None, note=None):
    """Store (or replace) one coder's code of one item."""
    frame = pd.DataFrame(
        [
            {
                "sample_id": item["sample_id"],
                "item_id": item["item_id"],
                "coder": coder,
                "code": code,
                "reason": reason,
                "missed": missed,
                "missed_spans": spans,
                "note": note or None,
                "origin": "dashboard",
            }
        ]
    )
    _write(lambda con: tables.save_codes(con, frame))


def save_codes(frame: pd.DataFrame) -> int:
    return _write(lambda con: tables.save_codes(con, frame))


def all_items() -> pd.DataFrame:
    return _read(tables.all_items)
