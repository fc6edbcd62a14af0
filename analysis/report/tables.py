"""The report tables: one row per article (wide scores), one row per evidence span, targets.

``slant analyze`` builds them from results in memory, batch by batch, in the pool's
workers; ``slant export`` reads the same columns from the store, in chunks. Both are
Arrow tables built column by column (no row objects, no pandas), and both are written by
:class:`CsvAppender`: formula-injection safe (:func:`analysis.report.export.neutralise_arrow`,
string columns only), by pyarrow's CSV writer (strings quoted, missing values empty).
Dates are written as ``YYYY-MM-DD HH:MM:SS`` (UTC).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from operator import attrgetter
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from analysis.measures import registry
from analysis.records import (
    EVIDENCE_COLUMNS,
    INTEGER_SCORES,
    SCORE_COLUMNS,
    AnalysisResult,
    Article,
    Evidence,
    target_row,
)
from analysis.report.export import metadata, metadata_json, neutralise_arrow

ARTICLE_INFO = (
    "article_id",
    "outlet",
    "published",
    "title",
    "url",
    "section",
    "author",
    "event_id",
)
EVIDENCE_CSV_COLUMNS = (
    "article_id",
    "outlet",
    *EVIDENCE_COLUMNS[1:7],
    "sentence",
    "sentence_index",
    *EVIDENCE_COLUMNS[8:],
)
TARGET_CSV_COLUMNS = (
    "article_id",
    "outlet",
    "published",
    "target",
    "mentions",
    "sentences",
    "sentiment",
    "scoped_sentiment",
    "because",
)


#: Framing terms per 1,000 words in the outlet's own voice and inside attributed content
#: (quotes and paraphrases), from the ``framing_own`` counts.
VOICE_COLUMNS = ("framing_own_per_1k", "framing_attributed_per_1k")
#: Sentences asserting in the outlet's own voice without a source, per 1,000 words
#: (the ``claim`` counts, all categories).
CLAIM_COLUMNS = ("unattributed_claims_per_1k",)


def article_columns(framing_categories: Sequence[str], cue_classes: Sequence[str]) -> list[str]:
    """Columns of articles.csv for the given lexicon categories and cue classes."""
    scores = list(SCORE_COLUMNS)
    at_framing = scores.index("framing_per_1k") + 1
    at_cues = scores.index("anonymous_share") + 1
    return [
        *ARTICLE_INFO,
        *scores[:at_framing],
        *VOICE_COLUMNS,
        *(registry.category_column("framing", c) for c in framing_categories),
        *scores[at_framing:at_cues],
        *(registry.category_column("cue_class", c) for c in cue_classes),
        *scores[at_cues:],
        *CLAIM_COLUMNS,
        "analysis_version",
        "lexicon_hash",
    ]


@dataclass(frozen=True, slots=True)
class BatchTables:
    """Scores one batch and returns its three tables (:func:`tables_for_results`) as CSV rows.

    :func:`analysis.pipeline.map_batches` runs it in the pool's workers, so the evidence
    rows become columns, neutralised and encoded where they were made, and travel back as
    bytes; the parent only appends them to the CSV files.
    """

    framing_categories: tuple[str, ...]
    cue_classes: tuple[str, ...]

    def __call__(self, analyzer, batch: list[Article], first: int) -> tuple[CsvRows, ...]:
        results = analyzer.analyze_batch(batch)
        tables = tables_for_results(batch, results, self.framing_categories, self.cue_classes)
        return tuple(map(csv_rows, tables))

    def prepare(self) -> None:
        """Encode one empty batch, so that a pool's parent loads what the first batch
        needs (pyarrow's compute functions; pandas too unless the command told pyarrow it
        is not needed, :mod:`analysis.cli.without_pandas`) once, before its workers fork,
        instead of every worker loading it again."""
        tables = tables_for_results([], [], self.framing_categories, self.cue_classes)
        for table in tables:
            csv_rows(table)


#: Arrow types of the evidence CSV's columns (every other column is text).
_EVIDENCE_TYPES = {
    "start": pa.int64(),
    "end": pa.int64(),
    "sentence_index": pa.int64(),
    "score": pa.float64(),
    "anonymous": pa.bool_(),
    "source_start": pa.int64(),
    "source_end": pa.int64(),
    "cue_start": pa.int64(),
    "cue_end": pa.int64(),
}
_TARGET_TYPES = {
    "mentions": pa.int64(),
    "sentences": pa.int64(),
    "sentiment": pa.float64(),
    "scoped_sentiment": pa.float64(),
}


def tables_for_results(
    articles: Sequence[Article],
    results: Sequence[AnalysisResult],
    framing_categories: Sequence[str],
    cue_classes: Sequence[str],
) -> tuple[pa.Table, pa.Table, pa.Table]:
    """articles, evidence and targets tables for one batch of analysed articles.

    ``results[i]`` is the result of ``articles[i]`` (as :class:`BatchTables` makes them).
    """
    published = [_published_text(a.published) for a in articles]
    wide = _wide_table(
        {
            "article_id": [a.article_id for a in articles],
            "outlet": [a.outlet for a in articles],
            "published": published,
            "title": [a.title for a in articles],
            "url": [a.url for a in articles],
            "section": [a.section for a in articles],
            "author": [a.author for a in articles],
            "event_id": [a.event_id for a in articles],
        },
        {c: [r.scores.get(c) for r in results] for c in SCORE_COLUMNS},
        lambda family, category: [r.category_counts.get((family, category), 0) for r in results],
        framing_categories,
        cue_classes,
        lambda family: [
            sum(n for (f, _), n in r.category_counts.items() if f == family) for r in results
        ],
        analysis_version=[r.analysis_version for r in results],
        lexicon_hash=[r.lexicon_hash for r in results],
    )

    items: list[Evidence] = []
    outlets: list[str] = []
    sentences: list[str] = []
    target_rows: list[tuple] = []
    for article, result, when in zip(articles, results, published, strict=True):
        evidence = result.evidence
        if evidence:
            items += evidence
            outlets += [article.outlet] * len(evidence)
            # Each sentence cut once (an article has fewer sentences than evidence rows).
            text_of = {
                (s.field, s.index): getattr(article, s.field)[s.start : s.end]
                for s in result.sentences
            }
            sentences += [text_of.get((item.field, item.sentence), "") for item in evidence]
        target_rows += [
            (article.article_id, article.outlet, when, *target_row(t)) for t in result.targets
        ]
    # One attribute of every row per column (cheaper than a tuple per row, then transposed),
    # read as pyarrow converts it, without a list in between.
    evidence_columns = {
        column: pa.array(map(get, items), kind, size=len(items))
        for column, get, kind in _EVIDENCE_FIELDS
    }
    evidence_columns["sentence"] = pa.array(sentences, pa.string())
    evidence_columns["outlet"] = pa.array(outlets, pa.string())
    evidence = pa.table({name: evidence_columns[name] for name in EVIDENCE_CSV_COLUMNS})
    targets = _typed_table(
        dict(
            zip(TARGET_CSV_COLUMNS, _transpose(target_rows, len(TARGET_CSV_COLUMNS)), strict=True)
        ),
        TARGET_CSV_COLUMNS,
        _TARGET_TYPES,
    )
    return wide, evidence, targets


#: ``(CSV column, getter, Arrow type)`` for each field of an evidence row, in order; the
#: row's ``sentence`` (its index) is the CSV's ``sentence_index``.
_EVIDENCE_FIELDS = tuple(
    (column, attrgetter(name), _EVIDENCE_TYPES.get(column, pa.string()))
    for name in EVIDENCE_COLUMNS
    for column in ["sentence_index" if name == "sentence" else name]
)


def _transpose(rows: list[tuple], width: int) -> list[tuple]:
    """Rows as columns, with one ``zip`` (in C)."""
    return [*zip(*rows, strict=True)] if rows else [()] * width


def _typed_table(columns: dict[str, list], order: Sequence[str], types: dict) -> pa.Table:
    return pa.table({name: pa.array(columns[name], types.get(name, pa.string())) for name in order})


def _published_text(when) -> str | None:
    """Aware UTC as the CSVs write it: ``2024-03-01 09:30:00`` (microseconds only when set)."""
    return str(when.replace(tzinfo=None)) if when is not None else None


def _wide_table(
    info: dict[str, list],
    scores: dict[str, list],
    count_of: Callable[[str, str], list],
    framing_categories: Sequence[str],
    cue_classes: Sequence[str],
    total_of: Callable[[str], list],
    **stamps: list,
) -> pa.Table:
    """articles.csv's columns: ``info``, the scores, the framing rates in the outlet's own
    voice and in attributed content, per framing category a rate per 1,000 words and per
    cue class a share of attributions (``count_of(family, category)`` gives one count per
    article), and unattributed claims per 1,000 words (``total_of(family)``: one count per
    article, all categories); empty where the article has no words or no attributions.
    """
    arrays = {name: _typed(values, pa.string()) for name, values in info.items()}
    for name in SCORE_COLUMNS:
        kind = pa.int64() if name in INTEGER_SCORES else pa.float64()
        arrays[name] = _typed(scores[name], kind)
    words = _positive(arrays["words"])
    attributions = _positive(arrays["attributions"])
    own = pa.array([0.0] * len(arrays["words"]), pa.float64())
    for category in framing_categories:
        counts = pa.array(count_of("framing", category), pa.float64())
        arrays[registry.category_column("framing", category)] = pc.divide(
            pc.multiply(counts, _float(1000.0)), words
        )
        own = pc.add(own, pa.array(count_of("framing_own", category), pa.float64()))
    attributed = pc.subtract(pc.cast(arrays["framing_count"], pa.float64()), own)
    arrays["framing_own_per_1k"] = pc.divide(pc.multiply(own, _float(1000.0)), words)
    arrays["framing_attributed_per_1k"] = pc.divide(pc.multiply(attributed, _float(1000.0)), words)
    for cue_class in cue_classes:
        counts = pa.array(count_of("cue_class", cue_class), pa.float64())
        arrays[registry.category_column("cue_class", cue_class)] = pc.divide(counts, attributions)
    claims = pa.array(total_of("claim"), pa.float64())
    arrays["unattributed_claims_per_1k"] = pc.divide(pc.multiply(claims, _float(1000.0)), words)
    for name, values in stamps.items():
        arrays[name] = _typed(values, pa.string())
    columns = article_columns(framing_categories, cue_classes)
    return pa.table({name: arrays[name] for name in columns})


def _typed(values, kind: pa.DataType):
    """A Python list or an Arrow column (from the store) as an Arrow column of ``kind``."""
    if isinstance(values, pa.Array | pa.ChunkedArray):
        return values if values.type == kind else pc.cast(values, kind)
    return pa.array(values, kind)


@cache
def _float(value: float | None) -> pa.Scalar:
    """``value`` as a typed Arrow scalar, made once: a bare Python float given to
    pyarrow.compute is converted with type inference, which imports pandas
    (:mod:`analysis.cli.without_pandas`); made on first use, not at import, for the same
    reason."""
    return pa.scalar(value, pa.float64())


def _positive(values: pa.Array) -> pa.Array:
    """``values`` as floats, null where not above zero (a rate over nothing is empty)."""
    floats = pc.cast(values, pa.float64())
    return pc.if_else(pc.greater(floats, _float(0.0)), floats, _float(None))


@dataclass(frozen=True, slots=True)
class CsvRows:
    """Rows of one CSV, neutralised and encoded, without the header: what a pool worker
    sends back, so the parent only appends bytes to the file."""

    data: bytes
    rows: int


def csv_rows(table: pa.Table | pa.RecordBatch) -> CsvRows:
    """``table``'s rows as CSV (pyarrow's writer), formula-injection safe, NaN as empty."""
    if isinstance(table, pa.RecordBatch):
        table = pa.Table.from_batches([table])
    safe = neutralise_arrow(_without_nan(table))
    sink = io.BytesIO()
    # The whole table as one batch of the writer (it defaults to 1,024 rows): each of its
    # batches converts every column to text anew, a fifth of the instructions of encoding
    # a pool batch's ~13,000 evidence rows. The bytes are the same.
    options = pa_csv.WriteOptions(include_header=False, batch_size=max(1, table.num_rows))
    pa_csv.write_csv(safe, sink, options)
    return CsvRows(sink.getvalue(), table.num_rows)


class CsvAppender:
    """One CSV file: the header (``columns``, neutralised) at once, then appended rows; at
    :meth:`finish` the JSON companion with the row count."""

    def __init__(self, path: Path, columns: Sequence[str]):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.columns = list(columns)
        self.rows = 0
        header = io.BytesIO()
        empty = pa.table({c: pa.array([], pa.string()) for c in self.columns})
        pa_csv.write_csv(neutralise_arrow(empty), header)
        self._file = self.path.open("wb")
        self._file.write(header.getvalue())

    def append(self, rows: CsvRows | pa.Table | pa.RecordBatch) -> None:
        if not isinstance(rows, CsvRows):
            if rows.schema.names != self.columns:
                raise ValueError(f"{self.path.name}: columns {rows.schema.names} != the header's")
            rows = csv_rows(rows)
        self._file.write(rows.data)
        self.rows += rows.rows

    def finish(self, kind: str, **meta) -> None:
        self._file.close()
        companion = self.path.with_suffix(".json")
        companion.write_bytes(
            metadata_json({**metadata(kind, **meta), "rows": self.rows, "file": self.path.name})
        )


def _without_nan(table: pa.Table) -> pa.Table:
    """NaN as a missing value (an empty cell), as in every other column."""
    for i, column in enumerate(table.columns):
        if pa.types.is_floating(column.type) and pc.any(pc.is_nan(column)).as_py():
            cleaned = pc.if_else(pc.is_nan(column), pa.scalar(None, column.type), column)
            table = table.set_column(i, table.field(i), cleaned)
    return table


def export_store(con, out_dir: Path, chunk_rows: int = 50_000) -> dict[str, int]:
    """Write articles.csv, evidence.csv and targets.csv (+ JSON companions) from the store.

    Category and cue-class names are data (any lexicon row can name one), so they never
    become SQL: the per-category columns are pivoted here, chunk by chunk, from a read of
    ``category_counts`` joined to the chunk's ids.
    """
    out_dir = Path(out_dir)
    framing_categories = _stored_categories(con, "framing")
    cue_classes = _stored_categories(con, "cue_class")
    stamps = con.execute(
        "SELECT list(DISTINCT lexicon_hash), list(DISTINCT analysis_version) FROM scores"
    ).fetchone()
    meta = {"lexicon_hash": stamps[0], "analysis_version": stamps[1], "filters": {}}
    columns = article_columns(framing_categories, cue_classes)
    info_sql = ", ".join(
        "CAST(a.published AS VARCHAR) AS published" if c == "published" else f"a.{c}"
        for c in ARTICLE_INFO
    )
    wide_sql = f"""
        SELECT {info_sql}, s.* EXCLUDE (article_id, analysis_version, lexicon_hash),
               s.analysis_version, s.lexicon_hash
        FROM articles a JOIN scores s USING (article_id)
        ORDER BY a.published, a.article_id
    """
    evidence_sql = f"""
        SELECT e.article_id, a.outlet, e.field, e.kind, e.label, e.start, e."end", e.text,
               CASE WHEN se.idx IS NULL THEN NULL
                    WHEN e.field = 'title' THEN a.title
                    ELSE substring(a.text, se.start + 1, se."end" - se.start) END AS sentence,
               e.sentence AS sentence_index,
               {", ".join("e." + c for c in EVIDENCE_COLUMNS[8:])}
        FROM evidence e JOIN articles a USING (article_id)
        LEFT JOIN sentences se ON se.article_id = e.article_id AND se.field = e.field
                               AND se.idx = e.sentence
        ORDER BY a.published, e.article_id, e.field, e.start
    """
    targets_sql = """
        SELECT t.article_id, a.outlet, CAST(a.published AS VARCHAR) AS published, t.target,
               t.mentions, t.sentences, t.sentiment, t.scoped_sentiment, t.because
        FROM target_sentiment t JOIN articles a USING (article_id)
        ORDER BY a.published, t.article_id, t.target
    """

    def with_categories(batch: pa.RecordBatch) -> pa.Table:
        scored = pa.Table.from_batches([batch])
        ids = scored.column("article_id")
        counts = _category_counts(con, ids)
        totals: dict[tuple[str, str], int] = {}
        for (aid, family, _), n in counts.items():
            totals[aid, family] = totals.get((aid, family), 0) + n
        return _wide_table(
            {c: scored.column(c) for c in ARTICLE_INFO},
            {c: scored.column(c) for c in SCORE_COLUMNS},
            lambda family, category: [
                counts.get((aid, family, category), 0) for aid in ids.to_pylist()
            ],
            framing_categories,
            cue_classes,
            lambda family: [totals.get((aid, family), 0) for aid in ids.to_pylist()],
            analysis_version=scored.column("analysis_version"),
            lexicon_hash=scored.column("lexicon_hash"),
        )

    counts = {}
    for name, sql, cols, shape in (
        ("articles", wide_sql, columns, with_categories),
        ("evidence", evidence_sql, EVIDENCE_CSV_COLUMNS, None),
        ("targets", targets_sql, TARGET_CSV_COLUMNS, None),
    ):
        appender = CsvAppender(out_dir / f"{name}.csv", cols)
        reader = con.cursor().sql(sql).to_arrow_reader(chunk_rows)
        for batch in reader:
            appender.append(shape(batch) if shape else batch)
        appender.finish(name, **meta)
        counts[name] = appender.rows
    return counts


def _stored_categories(con, family: str) -> list[str]:
    rows = con.execute(
        "SELECT DISTINCT category FROM category_counts WHERE family = ? ORDER BY 1", [family]
    ).fetchall()
    return [r[0] for r in rows]


def _category_counts(con, ids: pa.ChunkedArray) -> dict[tuple[str, str, str], int]:
    """``(article_id, family, category) -> count`` of framing categories (all and own
    voice), cue classes and claim cues."""
    cursor = con.cursor()
    cursor.register("_chunk_ids", pa.table({"article_id": ids}))
    try:
        rows = cursor.execute(
            "SELECT c.article_id, c.family, c.category, c.count FROM category_counts c "
            "JOIN _chunk_ids USING (article_id) "
            "WHERE c.family IN ('framing', 'framing_own', 'cue_class', 'claim')"
        ).fetchall()
    finally:
        cursor.unregister("_chunk_ids")
        cursor.close()
    return {(aid, family, category): count for aid, family, category, count in rows}
