"""The store's validation tables: samples drawn for human coding, their items, and the
coders' codes.

Codes are kept beside the measures and never change them: an item is a copy of the
evidence row (or, for recall, the sentence) as the machine produced it when the sample
was drawn, stamped with its analysis version and lexicon hash, so a later re-scoring
leaves a coded sample meaningful and its provenance exact.

The tables are created by the first write (:func:`ensure_tables`); every read works on a
store without them (read-only connections included) and returns empty frames.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from datetime import UTC, datetime

import duckdb
import pandas as pd

from analysis.records import EVIDENCE_COLUMNS
from analysis.store.connect import connect

VALIDATION_TABLES = ("validation_samples", "validation_items", "validation_codes")

#: Columns of an item: the sample, its place in coding order, what kind of question it
#: asks ("precision": is this evidence right? "recall": what did the machine miss in this
#: sentence?), the article's outlet, a copy of the evidence row (for a recall item: the
#: sentence, ``kind`` the measure), the machine's instances in a recall sentence
#: (``found``, ``found_spans`` as JSON [[start, end], ...]) and the stamps.
ITEM_COLUMNS = (
    "sample_id",
    "item_id",
    "position",
    "item_kind",
    "outlet",
    *EVIDENCE_COLUMNS,
    "found",
    "found_spans",
    "analysis_version",
    "lexicon_hash",
)

SAMPLE_COLUMNS = (
    "sample_id",
    "measure",
    "created_at",
    "seed",
    "stratify_by",
    "allocation",
    "precision_requested",
    "recall_requested",
    "precision_items",
    "recall_items",
    "population",
    "analysis_versions",
    "lexicon_hashes",
)

CODE_COLUMNS = (
    "sample_id",
    "item_id",
    "coder",
    "code",
    "reason",
    "missed",
    "missed_spans",
    "note",
    "coded_at",
    "origin",
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS validation_samples (
    sample_id VARCHAR PRIMARY KEY, measure VARCHAR NOT NULL, created_at TIMESTAMP,
    seed BIGINT, stratify_by VARCHAR, allocation VARCHAR,
    precision_requested INTEGER, recall_requested INTEGER,
    precision_items INTEGER, recall_items INTEGER,
    population VARCHAR,          -- JSON: evidence rows and sentences per stratum
    analysis_versions VARCHAR,   -- JSON list
    lexicon_hashes VARCHAR       -- JSON list
);
CREATE TABLE IF NOT EXISTS validation_items (
    sample_id VARCHAR NOT NULL, item_id VARCHAR PRIMARY KEY, position INTEGER,
    item_kind VARCHAR, outlet VARCHAR,
    article_id VARCHAR, field VARCHAR, kind VARCHAR, label VARCHAR,
    start INTEGER, "end" INTEGER, text VARCHAR, sentence INTEGER, pattern VARCHAR,
    score DOUBLE, source VARCHAR, speaker VARCHAR, cue VARCHAR, cue_class VARCHAR,
    quote_type VARCHAR, anonymous BOOLEAN, source_start INTEGER, source_end INTEGER,
    cue_start INTEGER, cue_end INTEGER, voice VARCHAR, source_type VARCHAR,
    found INTEGER, found_spans VARCHAR, analysis_version VARCHAR, lexicon_hash VARCHAR
);
-- One code per item and coder; coding an item again replaces the coder's code.
CREATE TABLE IF NOT EXISTS validation_codes (
    sample_id VARCHAR NOT NULL, item_id VARCHAR NOT NULL, coder VARCHAR NOT NULL,
    code VARCHAR NOT NULL, reason VARCHAR, missed INTEGER, missed_spans VARCHAR,
    note VARCHAR, coded_at TIMESTAMP, origin VARCHAR,
    PRIMARY KEY (item_id, coder)
);
"""


def ensure_tables(con) -> None:
    """Create the validation tables if the store has none, and give ``validation_items``
    every column the ``evidence`` table has and it lacks (a write connection).

    Items copy evidence rows, so when a measure's evidence grows a column (an attribution's
    voice, a source type) the items grow it too, with the evidence table's own type: a
    store whose samples predate the column keeps them, and new samples carry it.
    """
    con.execute(SCHEMA)
    have = {row[0] for row in con.execute("DESCRIBE validation_items").fetchall()}
    for name, kind, *_ in con.execute("DESCRIBE evidence").fetchall():
        if name not in have:
            con.execute(f'ALTER TABLE validation_items ADD COLUMN "{name}" {kind}')


def has_tables(con) -> bool:
    """True when the store holds the validation tables."""
    found = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = current_schema() AND table_name IN (?, ?, ?)",
        list(VALIDATION_TABLES),
    ).fetchone()[0]
    return found == len(VALIDATION_TABLES)


def _empty(columns) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})


def new_sample_id(con, measure: str) -> str:
    """``<measure>-<k>``, the first k not taken in this store."""
    taken = set(samples(con)["sample_id"]) if has_tables(con) else set()
    k = 1
    while f"{measure}-{k}" in taken:
        k += 1
    return f"{measure}-{k}"


def number_items(items: pd.DataFrame, sample_id: str) -> pd.DataFrame:
    """``items`` (in coding order) with their sample, place (1, 2, ...) and id
    ``<sample_id>/<place>``, zero-padded so ids sort in coding order."""
    width = max(3, len(str(len(items))))
    out = items.reset_index(drop=True).copy()
    out["sample_id"] = sample_id
    out["position"] = range(1, len(out) + 1)
    out["item_id"] = [f"{sample_id}/{p:0{width}d}" for p in out["position"]]
    return out


def save_sample(con, sample: Mapping, items: pd.DataFrame) -> None:
    """Store a drawn sample (``sample``: the :data:`SAMPLE_COLUMNS` values; JSON-able
    values are serialised) and its items, in the caller's transaction if one is open."""
    ensure_tables(con)
    row = []
    for column in SAMPLE_COLUMNS:
        value = sample.get(column)
        if column == "created_at" and value is None:
            value = datetime.now(UTC).replace(tzinfo=None)
        if isinstance(value, dict | list | tuple):
            value = json.dumps(value, sort_keys=True)
        row.append(value)
    con.execute(
        "INSERT INTO validation_samples VALUES (" + ", ".join("?" * len(SAMPLE_COLUMNS)) + ")",
        row,
    )
    frame = items.reindex(columns=list(ITEM_COLUMNS))
    con.register("_validation_items", frame)
    try:
        names = ", ".join(f'"{c}"' for c in ITEM_COLUMNS)
        con.execute(f"INSERT INTO validation_items ({names}) SELECT {names} FROM _validation_items")
    finally:
        con.unregister("_validation_items")


def save_codes(con, codes: pd.DataFrame) -> int:
    """Insert or replace codes (columns :data:`CODE_COLUMNS`; ``coded_at`` defaults to now).
    Returns the number of codes written."""
    if codes.empty:
        return 0
    ensure_tables(con)
    frame = codes.reindex(columns=list(CODE_COLUMNS)).copy()
    now = datetime.now(UTC).replace(tzinfo=None)
    frame["coded_at"] = [now if pd.isna(v) else v for v in frame["coded_at"]]
    frame["missed"] = frame["missed"].astype("Int64")
    con.register("_validation_codes", frame)
    try:
        names = ", ".join(f'"{c}"' for c in CODE_COLUMNS)
        con.execute(
            f"""INSERT OR REPLACE INTO validation_codes ({names})
            SELECT {names} FROM _validation_codes"""
        )
    finally:
        con.unregister("_validation_codes")
    return len(frame)


def delete_code(con, item_id: str, coder: str) -> None:
    """Forget one coder's code of one item (an "undo")."""
    if has_tables(con):
        con.execute(
            "DELETE FROM validation_codes WHERE item_id = ? AND coder = ?", [item_id, coder]
        )


def samples(con, measure: str | None = None) -> pd.DataFrame:
    """Stored samples, newest first (all, or of one measure), with their number of coders
    and codes."""
    if not has_tables(con):
        return _empty([*SAMPLE_COLUMNS, "coders", "codes"])
    return con.execute(
        """SELECT s.*, coalesce(c.coders, 0) AS coders, coalesce(c.codes, 0) AS codes
        FROM validation_samples s LEFT JOIN (
            SELECT sample_id, count(DISTINCT coder) AS coders, count(*) AS codes
            FROM validation_codes GROUP BY sample_id) c USING (sample_id)
        WHERE ? IS NULL OR s.measure = ?
        ORDER BY s.created_at DESC, s.sample_id""",
        [measure, measure],
    ).df()


def sample_items(con, sample_id: str) -> pd.DataFrame:
    """A sample's items in coding order."""
    if not has_tables(con):
        return _empty(ITEM_COLUMNS)
    return con.execute(
        "SELECT * FROM validation_items WHERE sample_id = ? ORDER BY position", [sample_id]
    ).df()


def all_items(con) -> pd.DataFrame:
    """Every sample's items (what a coding sheet's item ids are checked against)."""
    if not has_tables(con):
        return _empty(ITEM_COLUMNS)
    return con.execute("SELECT * FROM validation_items ORDER BY sample_id, position").df()


def article_texts(con, items: pd.DataFrame) -> dict[tuple[str, str], str]:
    """The text (or title) of each (article_id, field) the items point into."""
    keys = items[["article_id"]].drop_duplicates()
    if keys.empty:
        return {}
    con.register("_item_articles", keys)
    try:
        rows = con.execute(
            """SELECT a.article_id, coalesce(a.text, ''), coalesce(a.title, '')
            FROM articles a JOIN _item_articles USING (article_id)"""
        ).fetchall()
    finally:
        con.unregister("_item_articles")
    texts = {}
    for article_id, text, title in rows:
        texts[article_id, "text"] = text
        texts[article_id, "title"] = title
    return texts


def sample_record(con, sample_id: str) -> dict | None:
    """One sample's row as a dict (``None`` if there is no such sample)."""
    if not has_tables(con):
        return None
    cursor = con.execute("SELECT * FROM validation_samples WHERE sample_id = ?", [sample_id])
    row = cursor.fetchone()
    if row is None:
        return None
    return dict(zip([d[0] for d in cursor.description], row, strict=True))


def sample_codes(con, sample_id: str | None = None, measure: str | None = None) -> pd.DataFrame:
    """Codes of one sample, or of every sample of ``measure``, or all codes."""
    if not has_tables(con):
        return _empty(CODE_COLUMNS)
    return con.execute(
        """SELECT c.* FROM validation_codes c JOIN validation_samples s USING (sample_id)
        WHERE (? IS NULL OR c.sample_id = ?) AND (? IS NULL OR s.measure = ?)
        ORDER BY c.sample_id, c.item_id, c.coder""",
        [sample_id, sample_id, measure, measure],
    ).df()


#: How long a write waits for the store while another connection of this process has it
#: open in another mode (DuckDB refuses a read-write and a read-only connection to one
#: file at once in one process; the dashboard's reads are short).
WRITE_WAIT_SECONDS = 5.0


def connect_for_write(path, wait_seconds: float = WRITE_WAIT_SECONDS):
    """A write connection to the store at ``path``, retried for up to ``wait_seconds``
    while the dashboard's short read-only connections hold the file."""
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            return connect(path)
        except duckdb.ConnectionException:
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.05)
