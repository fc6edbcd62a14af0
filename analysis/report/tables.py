"""The report tables: one row per article (wide scores), one row per evidence span, targets.

``slant analyze`` builds them from results in memory, batch by batch;
``slant export`` builds the same columns from the store with SQL, in chunks.
Both write through :mod:`analysis.report.export`, so every CSV is formula-injection safe.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.records import EVIDENCE_COLUMNS, AnalysisResult, Article
from analysis.report.export import metadata, metadata_json, neutralise
from analysis.store import SCORE_COLUMNS, articles_frame, result_frames

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
)


def article_columns(framing_categories: Sequence[str], cue_classes: Sequence[str]) -> list[str]:
    """Columns of articles.csv for the given lexicon categories and cue classes."""
    scores = list(SCORE_COLUMNS)
    at_framing = scores.index("framing_per_1k") + 1
    at_cues = scores.index("anonymous_share") + 1
    return [
        *ARTICLE_INFO,
        *scores[:at_framing],
        *(f"framing_{c}_per_1k" for c in framing_categories),
        *scores[at_framing:at_cues],
        *(f"cue_{c}_share" for c in cue_classes),
        *scores[at_cues:],
        "analysis_version",
        "lexicon_hash",
    ]


@dataclass(frozen=True, slots=True)
class BatchTables:
    """Scores one batch and returns its three tables (:func:`tables_for_results`).

    :func:`analysis.pipeline.map_batches` runs it in the pool's workers, so the
    evidence rows become columns where they were made and travel back as frames; the
    parent only appends them to the CSV files.
    """

    framing_categories: tuple[str, ...]
    cue_classes: tuple[str, ...]

    def __call__(self, analyzer, batch: list[Article], first: int):
        results = [analyzer.analyze(article) for article in batch]
        return tables_for_results(batch, results, self.framing_categories, self.cue_classes)


def tables_for_results(
    articles: Sequence[Article],
    results: Sequence[AnalysisResult],
    framing_categories: Sequence[str],
    cue_classes: Sequence[str],
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """articles, evidence and targets tables for one batch of analysed articles."""
    info = articles_frame(articles)
    frames = result_frames(results)
    wide = info[list(ARTICLE_INFO)].merge(frames["scores"], on="article_id", how="left")
    counts = frames["category_counts"]
    for category in framing_categories:
        wide[f"framing_{category}_per_1k"] = _rate(wide, counts, "framing", category)
    for cue_class in cue_classes:
        wide[f"cue_{cue_class}_share"] = _cue_share(wide, counts, cue_class)
    wide = wide[article_columns(framing_categories, cue_classes)]

    evidence = frames["evidence"].copy()
    by_id = {a.article_id: a for a in articles}
    sentence_spans = {
        (r.article_id, s.field, s.index): (s.start, s.end) for r in results for s in r.sentences
    }
    evidence["outlet"] = evidence["article_id"].map(lambda i: by_id[i].outlet)
    evidence["sentence_index"] = evidence["sentence"]
    evidence["sentence"] = [
        _sentence_text(by_id[aid], field, index, sentence_spans)
        for aid, field, index in zip(
            evidence["article_id"], evidence["field"], evidence["sentence_index"], strict=True
        )
    ]
    evidence = evidence[list(EVIDENCE_CSV_COLUMNS)]

    targets = frames["target_sentiment"].merge(
        info[["article_id", "outlet", "published"]], on="article_id", how="left"
    )[list(TARGET_CSV_COLUMNS)]
    return wide, evidence, targets


def _rate(wide: pd.DataFrame, counts: pd.DataFrame, family: str, category: str) -> pd.Series:
    chosen = counts[(counts["family"] == family) & (counts["category"] == category)]
    per_article = wide["article_id"].map(chosen.set_index("article_id")["count"]).fillna(0)
    words = wide["words"].where(wide["words"] > 0)
    return per_article * 1000.0 / words


def _cue_share(wide: pd.DataFrame, counts: pd.DataFrame, cue_class: str) -> pd.Series:
    chosen = counts[(counts["family"] == "cue_class") & (counts["category"] == cue_class)]
    per_article = wide["article_id"].map(chosen.set_index("article_id")["count"]).fillna(0)
    total = wide["attributions"].where(wide["attributions"] > 0)
    return per_article / total


def _sentence_text(article: Article, field: str, index, spans: dict) -> str:
    span = spans.get((article.article_id, field, int(index))) if pd.notna(index) else None
    if span is None:
        return ""
    return getattr(article, field)[span[0] : span[1]]


class CsvAppender:
    """Appends frames to one CSV (header once), neutralised; keeps a row count for the JSON."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.rows = 0
        self._started = False

    def append(self, frame: pd.DataFrame) -> None:
        safe = neutralise(frame)
        safe.to_csv(
            self.path, mode="a" if self._started else "w", header=not self._started, index=False
        )
        self._started = True
        self.rows += len(frame)

    def finish(self, columns: Sequence[str], kind: str, **meta) -> None:
        if not self._started:
            self.append(pd.DataFrame(columns=list(columns)))
        companion = self.path.with_suffix(".json")
        companion.write_bytes(
            metadata_json({**metadata(kind, **meta), "rows": self.rows, "file": self.path.name})
        )


def export_store(con, out_dir: Path, chunk_rows: int = 50_000) -> dict[str, int]:
    """Write articles.csv, evidence.csv and targets.csv (+ JSON companions) from the store.

    Category and cue-class names are data (any lexicon row can name one), so they
    never become SQL: the per-category columns are pivoted in pandas, chunk by chunk,
    from parameterised reads of ``category_counts``.
    """
    out_dir = Path(out_dir)
    framing_categories = _stored_categories(con, "framing")
    cue_classes = _stored_categories(con, "cue_class")
    stamps = con.execute(
        "SELECT list(DISTINCT lexicon_hash), list(DISTINCT analysis_version) FROM scores"
    ).fetchone()
    meta = {"lexicon_hash": stamps[0], "analysis_version": stamps[1], "filters": {}}
    columns = article_columns(framing_categories, cue_classes)
    info_sql = ", ".join(f"a.{c}" for c in ARTICLE_INFO)
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
        SELECT t.article_id, a.outlet, a.published, t.target, t.mentions, t.sentences, t.sentiment
        FROM target_sentiment t JOIN articles a USING (article_id)
        ORDER BY a.published, t.article_id, t.target
    """

    def with_categories(wide: pd.DataFrame) -> pd.DataFrame:
        counts = con.execute(
            "SELECT article_id, family, category, count FROM category_counts "
            "WHERE family IN ('framing', 'cue_class') AND list_contains(?, article_id)",
            [wide["article_id"].tolist()],
        ).df()
        for category in framing_categories:
            wide[f"framing_{category}_per_1k"] = _rate(wide, counts, "framing", category)
        for cue_class in cue_classes:
            wide[f"cue_{cue_class}_share"] = _cue_share(wide, counts, cue_class)
        return wide[columns]

    counts = {}
    for name, sql, cols, shape in (
        ("articles", wide_sql, columns, with_categories),
        ("evidence", evidence_sql, EVIDENCE_CSV_COLUMNS, None),
        ("targets", targets_sql, TARGET_CSV_COLUMNS, None),
    ):
        appender = CsvAppender(out_dir / f"{name}.csv")
        reader = con.cursor().sql(sql).to_arrow_reader(chunk_rows)
        for batch in reader:
            frame = batch.to_pandas()
            appender.append(shape(frame) if shape else frame)
        appender.finish(cols, name, **meta)
        counts[name] = appender.rows
    return counts


def _stored_categories(con, family: str) -> list[str]:
    rows = con.execute(
        "SELECT DISTINCT category FROM category_counts WHERE family = ? ORDER BY 1", [family]
    ).fetchall()
    return [r[0] for r in rows]
