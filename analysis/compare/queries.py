"""Aggregations over the store for the dashboard and reports, as DuckDB SQL.

Every function takes an open connection and a :class:`Filters` value; the
filters are pushed down into SQL (outlet, date range, section, text search)
and only small, aggregated frames come back, so the same queries run on a
store of a million articles. Nothing here imports Streamlit.

Rates are pooled (sum of matches / sum of words * 1000) unless a name says
otherwise; means of article scores are means over articles with a value.

The page-level aggregates are sums over cells of outlet x section x day (the
store's roll-ups, see :mod:`analysis.store.rollups`), and each is written once, over
the relations ``article_cells``, ``category_cells``, ``source_cells`` and
``target_cells`` that :func:`_cells` defines. Without a text search the other
filters select whole cells (dates are whole days), so the stored roll-ups answer
at a fraction of the cost. A text search needs the text, so the same cells are
then summed on the fly from the matching articles by the SELECT that builds the
roll-ups, as they are on a store whose roll-ups are missing or not current, or
when a caller passes ``rollups=False`` (tests and ``bench/dashboard.py`` compare
the two). Per-article queries (``measure_values``, quantiles, terms, evidence)
always read the base tables.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date, timedelta

import duckdb
import pandas as pd

from analysis import store
from analysis.store import SCORE_COLUMNS

#: Measures (columns of ``scores``) a caller may name; anything else is refused
#: because the name ends up inside SQL.
MEASURE_COLUMNS = tuple(SCORE_COLUMNS)

#: Time buckets for :func:`measure_over_time`, as DuckDB ``date_trunc`` parts.
BUCKETS = ("day", "week", "month")

#: The cell relations a page-level question may read, and the roll-up table of each.
CELL_TABLES = {
    "article_cells": "rollup_articles",
    "category_cells": "rollup_categories",
    "source_cells": "rollup_sources",
    "target_cells": "rollup_targets",
}


@dataclass(frozen=True)
class Filters:
    """What the user narrowed the corpus to. Empty tuples and ``None`` mean "no filter".

    ``start``/``end`` are inclusive calendar dates (UTC); articles without a
    date are left out only when a date bound is set. ``search`` matches title
    or text case-insensitively as a plain substring (``%`` and ``_`` are literal).
    """

    outlets: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    sections: tuple[str, ...] = ()
    search: str = ""

    def as_dict(self) -> dict:
        data = asdict(self)
        data["outlets"] = list(self.outlets)
        data["sections"] = list(self.sections)
        data["start"] = self.start.isoformat() if self.start else None
        data["end"] = self.end.isoformat() if self.end else None
        return data


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _membership(filters: Filters, alias: str) -> tuple[list[str], list]:
    """Conditions for the chosen outlets and sections (articles and roll-up cells alike)."""
    parts: list[str] = []
    params: list = []
    for column, chosen in (("outlet", filters.outlets), ("section", filters.sections)):
        if chosen:
            parts.append(f"{alias}.{column} IN ({', '.join('?' for _ in chosen)})")
            params.extend(chosen)
    return parts, params


def where(filters: Filters, alias: str = "a") -> tuple[str, list]:
    """The WHERE condition (with ``?`` parameters) selecting the filtered articles.

    >>> where(Filters(outlets=("X",)))
    ('a.outlet IN (?)', ['X'])
    """
    parts, params = _membership(filters, alias)
    if filters.start is not None:
        parts.append(f"{alias}.published >= ?")
        params.append(pd.Timestamp(filters.start).to_pydatetime())
    if filters.end is not None:
        parts.append(f"{alias}.published < ?")
        params.append(pd.Timestamp(filters.end + timedelta(days=1)).to_pydatetime())
    if filters.search.strip():
        pattern = f"%{_escape_like(filters.search.strip())}%"
        parts.append(f"({alias}.title ILIKE ? ESCAPE '\\' OR {alias}.text ILIKE ? ESCAPE '\\')")
        params.extend([pattern, pattern])
    return (" AND ".join(parts) or "TRUE"), params


def _chosen(filters: Filters) -> tuple[str, list]:
    """A CTE ``chosen(article_id, outlet, published, title)`` of the filtered articles."""
    condition, params = where(filters)
    return (
        "chosen AS (SELECT a.article_id, a.outlet, a.published, a.title FROM articles a "
        f"WHERE {condition})",
        params,
    )


def _query(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> pd.DataFrame:
    return con.execute(sql, params).df()


def _use_rollups(con: duckdb.DuckDBPyConnection, filters: Filters, rollups: bool = True) -> bool:
    """True when the stored roll-ups can answer exactly: wanted (``rollups``), no text
    search, and current."""
    return rollups and not filters.search.strip() and store.rollups_current(con)


def cell_where(filters: Filters, alias: str = "r") -> tuple[str, list]:
    """The WHERE condition on roll-up cells equivalent to :func:`where` without search.

    >>> cell_where(Filters(outlets=("X",), start=date(2025, 1, 2)))
    ('r.outlet IN (?) AND r.day >= ?', ['X', datetime.date(2025, 1, 2)])
    """
    parts, params = _membership(filters, alias)
    if filters.start is not None:
        parts.append(f"{alias}.day >= ?")
        params.append(filters.start)
    if filters.end is not None:
        parts.append(f"{alias}.day <= ?")
        params.append(filters.end)
    return (" AND ".join(parts) or "TRUE"), params


def _cells(
    con: duckdb.DuckDBPyConnection, filters: Filters, rollups: bool, *relations: str
) -> tuple[str, list]:
    """WITH-clause items defining the cell ``relations`` (names of :data:`CELL_TABLES`)
    for the filter, and their parameters.

    From the stored roll-ups when they can answer (:func:`_use_rollups`); otherwise the
    filtered articles summed into the same cells on the fly by
    :func:`analysis.store.rollup_select`. Either way a relation has its roll-up table's
    columns, so each question is one SQL text over them.
    """
    if _use_rollups(con, filters, rollups):
        condition, params = cell_where(filters)
        items = [
            f"{name} AS (SELECT * FROM {CELL_TABLES[name]} r WHERE {condition})"
            for name in relations
        ]
        return ", ".join(items), params * len(relations)
    condition, params = where(filters)
    items = [
        "chosen_cells AS (SELECT a.article_id, a.outlet, a.section, a.published::DATE AS day, "
        f"a.published FROM articles a WHERE {condition})"
    ]
    items += [
        f"{name} AS ({store.rollup_select(CELL_TABLES[name], 'chosen_cells')})"
        for name in relations
    ]
    return ", ".join(items), params


def _check_measure(measure: str) -> str:
    if measure not in MEASURE_COLUMNS:
        raise ValueError(f"unknown measure {measure!r}; choose one of {', '.join(MEASURE_COLUMNS)}")
    return measure


def _check_bucket(bucket: str) -> str:
    if bucket not in BUCKETS:
        raise ValueError(f"unknown time bucket {bucket!r}; choose one of {', '.join(BUCKETS)}")
    return bucket


# --------------------------------------------------------------------------- filter options


def is_empty(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the store holds no article."""
    return con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def outlet_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every outlet in the store, sorted (independent of filters, so labels stay stable)."""
    return [r[0] for r in con.execute("SELECT DISTINCT outlet FROM articles ORDER BY 1").fetchall()]


def section_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every non-empty section in the store, sorted."""
    rows = con.execute(
        "SELECT DISTINCT section FROM articles WHERE coalesce(section, '') <> '' ORDER BY 1"
    ).fetchall()
    return [r[0] for r in rows]


def date_bounds(con: duckdb.DuckDBPyConnection) -> tuple[date | None, date | None]:
    """First and last publication date in the store (``None`` when no article has one)."""
    first, last = con.execute("SELECT min(published), max(published) FROM articles").fetchone()
    return (first.date() if first else None, last.date() if last else None)


def target_names(
    con: duckdb.DuckDBPyConnection, filters: Filters = Filters(), *, rollups: bool = True
) -> pd.DataFrame:
    """Targets mentioned in the filtered articles: target, articles (most mentioned first)."""
    cells, params = _cells(con, filters, rollups, "target_cells")
    return _query(
        con,
        f"""WITH {cells}
        SELECT target, sum(articles)::BIGINT AS articles FROM target_cells
        GROUP BY target ORDER BY articles DESC, target""",
        params,
    )


# --------------------------------------------------------------------------- overview


def corpus_summary(
    con: duckdb.DuckDBPyConnection, filters: Filters = Filters(), *, rollups: bool = True
) -> dict:
    """Articles, outlets, first/last date, total words and scored articles for the filter."""
    cells, params = _cells(con, filters, rollups, "article_cells")
    row = con.execute(
        f"""WITH {cells}
        SELECT coalesce(sum(articles), 0), count(DISTINCT outlet), min(first), max(last),
               coalesce(sum(sum_words), 0)::BIGINT, coalesce(sum(scored), 0)
        FROM article_cells""",
        params,
    ).fetchall()[0]
    articles, outlets, first, last, words, scored = row
    return {
        "articles": int(articles),
        "outlets": int(outlets),
        "first": first,
        "last": last,
        "words": int(words),
        "scored": int(scored),
    }


def outlet_counts(
    con: duckdb.DuckDBPyConnection, filters: Filters = Filters(), *, rollups: bool = True
) -> pd.DataFrame:
    """Articles and words per outlet: outlet, articles, words."""
    cells, params = _cells(con, filters, rollups, "article_cells")
    return _query(
        con,
        f"""WITH {cells}
        SELECT outlet, sum(articles)::BIGINT AS articles,
               coalesce(sum(sum_words), 0)::BIGINT AS words
        FROM article_cells GROUP BY outlet ORDER BY outlet""",
        params,
    )


#: The most outlets a chart with one mark, row or column per outlet shows: the pages
#: plot these and leave the rest out with a note (:class:`OutletSelection`).
TOP_OUTLETS = 25


@dataclass(frozen=True)
class OutletSelection:
    """The outlets a per-outlet chart shows: at most :data:`TOP_OUTLETS`, the ones with
    the most articles under the filters (ties by name).

    ``filters`` are the given filters narrowed to ``shown`` when not every outlet fits,
    else unchanged; ``total`` is how many outlets match the filters.
    """

    filters: Filters
    shown: tuple[str, ...]
    total: int

    @property
    def capped(self) -> bool:
        return self.total > len(self.shown)

    def note(self) -> str:
        """A sentence for the page when outlets were left out, else ''."""
        if not self.capped:
            return ""
        return (
            f"Showing the {len(self.shown):,} outlets with the most articles, of the "
            f"{self.total:,} that match the filters; choose outlets in the sidebar to "
            "compare others."
        )


def largest_outlets(
    con: duckdb.DuckDBPyConnection, filters: Filters = Filters(), limit: int = TOP_OUTLETS
) -> OutletSelection:
    """The ``limit`` outlets with the most filtered articles, and the filters narrowed to them.

    Outlets chosen in ``filters`` are ranked the same way, so choosing 40 outlets still
    draws 25 marks; the note says how many were left out.
    """
    counts = outlet_counts(con, filters)
    ranked = counts.sort_values(["articles", "outlet"], ascending=[False, True])
    shown = tuple(sorted(ranked["outlet"].head(limit)))
    if len(counts) <= limit:
        return OutletSelection(filters, shown, len(counts))
    return OutletSelection(replace(filters, outlets=shown), shown, len(counts))


def measure_values(
    con: duckdb.DuckDBPyConnection, filters: Filters, measure: str, max_group_n: int | None = None
) -> pd.DataFrame:
    """One row per filtered, scored article with a value: outlet, <measure>.

    Two narrow columns, meant for :func:`analysis.compare.stats.group_estimates`. With
    ``max_group_n``, only outlets with at most that many values are returned (the
    larger ones are summarised by :func:`measure_moments` instead of pulled here).
    """
    measure = _check_measure(measure)
    if max_group_n is not None:
        moments = measure_moments(con, filters, measure)
        small = tuple(moments.loc[moments["n"] <= max_group_n, "outlet"])
        if not small:
            return pd.DataFrame(
                {"outlet": pd.Series(dtype=object), measure: pd.Series(dtype="float64")}
            )
        filters = replace(filters, outlets=small)
    chosen, params = _chosen(filters)
    return _query(
        con,
        f"""WITH {chosen}
        SELECT c.outlet, s.{measure} AS {measure}
        FROM chosen c JOIN scores s USING (article_id)
        WHERE s.{measure} IS NOT NULL""",
        params,
    )


def measure_moments(
    con: duckdb.DuckDBPyConnection, filters: Filters, measure: str, *, rollups: bool = True
) -> pd.DataFrame:
    """Per outlet with at least one value: outlet, n, mean, sd (sample standard deviation,
    NaN when n < 2), from the cells' sums and sums of squares.

    What :func:`analysis.compare.stats.group_estimates` needs (``moments=``) for the normal
    interval of a large group, without pulling its values into pandas.
    """
    measure = _check_measure(measure)
    cells, params = _cells(con, filters, rollups, "article_cells")
    frame = _query(
        con,
        f"""WITH {cells}
        SELECT outlet, sum(n_{measure})::BIGINT AS n,
               sum(sum_{measure}) AS total, sum(sq_{measure}) AS squares
        FROM article_cells GROUP BY outlet HAVING sum(n_{measure}) > 0 ORDER BY outlet""",
        params,
    )
    n = frame["n"].astype("float64")
    mean = frame["total"] / n
    # Sum of squared deviations; clipped at zero against rounding.
    deviations = (frame["squares"] - frame["total"] * mean).clip(lower=0)
    sd = (deviations / (n - 1).where(n > 1)).pow(0.5)
    return pd.DataFrame(
        {"outlet": frame["outlet"], "n": frame["n"], "mean": mean, "sd": sd.astype(float)}
    )


def _melt_means(wide: pd.DataFrame, measures: tuple[str, ...]) -> pd.DataFrame:
    """outlet, n_<m>, mean_<m>... -> outlet, measure, n, mean sorted by outlet, measure."""
    parts = [
        pd.DataFrame(
            {
                "outlet": wide["outlet"],
                "measure": m,
                "n": wide[f"n_{m}"].astype("int64"),
                "mean": wide[f"mean_{m}"].astype("float64"),
            }
        )
        for m in dict.fromkeys(measures)
    ]
    if not parts:
        return pd.DataFrame(columns=["outlet", "measure", "n", "mean"])
    out = pd.concat(parts, ignore_index=True)
    return out.sort_values(["outlet", "measure"], kind="stable").reset_index(drop=True)


def outlet_means(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    measures: tuple[str, ...],
    *,
    rollups: bool = True,
) -> pd.DataFrame:
    """Mean and n (articles with a value) of each measure per outlet, long form:
    outlet, measure, n, mean. Outlets with a scored article; one pass for all measures."""
    for m in measures:
        _check_measure(m)
    measures = tuple(measures)
    if not measures:
        return _melt_means(pd.DataFrame(), measures)
    cells, params = _cells(con, filters, rollups, "article_cells")
    columns = ", ".join(
        f"sum(n_{m})::BIGINT AS n_{m}, sum(sum_{m}) / nullif(sum(n_{m}), 0) AS mean_{m}"
        for m in dict.fromkeys(measures)
    )
    wide = _query(
        con,
        f"""WITH {cells}
        SELECT outlet, {columns} FROM article_cells GROUP BY outlet HAVING sum(scored) > 0""",
        params,
    )
    return _melt_means(wide, measures)


# --------------------------------------------------------------------------- sentiment


def sentiment_boxes(
    con: duckdb.DuckDBPyConnection, filters: Filters, measure: str = "sentiment"
) -> pd.DataFrame:
    """Box-plot summary of a per-article score per outlet:
    outlet, n, low (5th pct), q1, median, q3, high (95th pct), mean."""
    measure = _check_measure(measure)
    chosen, params = _chosen(filters)
    return _query(
        con,
        f"""WITH {chosen}
        SELECT c.outlet, count(s.{measure}) AS n,
               quantile_cont(s.{measure}, 0.05) AS low,
               quantile_cont(s.{measure}, 0.25) AS q1,
               quantile_cont(s.{measure}, 0.5) AS median,
               quantile_cont(s.{measure}, 0.75) AS q3,
               quantile_cont(s.{measure}, 0.95) AS high,
               avg(s.{measure}) AS mean
        FROM chosen c JOIN scores s USING (article_id)
        WHERE s.{measure} IS NOT NULL
        GROUP BY c.outlet ORDER BY c.outlet""",
        params,
    )


def headline_vs_body(
    con: duckdb.DuckDBPyConnection, filters: Filters, *, rollups: bool = True
) -> pd.DataFrame:
    """Mean headline and body sentiment per outlet, long form: outlet, part, n, mean."""
    cells, params = _cells(con, filters, rollups, "article_cells")
    return _query(
        con,
        f"""WITH {cells}, o AS (
            SELECT outlet, sum(n_headline_sentiment)::BIGINT AS hn,
                   sum(sum_headline_sentiment) / nullif(sum(n_headline_sentiment), 0) AS hm,
                   sum(n_sentiment)::BIGINT AS bn,
                   sum(sum_sentiment) / nullif(sum(n_sentiment), 0) AS bm
            FROM article_cells GROUP BY outlet HAVING sum(scored) > 0)
        SELECT outlet, 'Headline' AS part, hn AS n, hm AS mean FROM o
        UNION ALL
        SELECT outlet, 'Body' AS part, bn AS n, bm AS mean FROM o
        ORDER BY outlet, part DESC""",
        params,
    )


def target_matrix(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    limit_targets: int = 30,
    *,
    rollups: bool = True,
) -> pd.DataFrame:
    """Sentiment toward each target per outlet: outlet, target, articles, sentences,
    mean (the target-scoped sentiment, ``TargetScore.scoped_sentiment``, averaged over
    the articles mentioning the target) and sentence_mean (the older measure: the mean
    VADER compound of the sentences mentioning it, averaged the same way). Only the
    ``limit_targets`` most mentioned targets (by articles) are kept."""
    cells, params = _cells(con, filters, rollups, "target_cells")
    return _query(
        con,
        f"""WITH {cells},
        top AS (SELECT target FROM target_cells GROUP BY target
                ORDER BY sum(articles) DESC, target LIMIT {int(limit_targets)})
        SELECT outlet, target, sum(articles)::BIGINT AS articles,
               sum(sentences)::BIGINT AS sentences,
               sum(sum_scoped) / nullif(sum(n_scoped), 0) AS mean,
               sum(sum_sentiment) / nullif(sum(n_sentiment), 0) AS sentence_mean
        FROM target_cells WHERE target IN (SELECT target FROM top)
        GROUP BY outlet, target ORDER BY outlet, target""",
        params,
    )


def target_sentences(
    con: duckdb.DuckDBPyConnection, filters: Filters, outlet: str, target: str, limit: int = 200
) -> pd.DataFrame:
    """The sentences behind one outlet x target cell: article_id, published, title,
    field, sentence, score (VADER compound of that sentence), toward (the article's
    target-scoped sentiment toward the target) and because (its reasons). One row per
    sentence."""
    chosen, params = _chosen(filters)
    return _query(
        con,
        f"""WITH {chosen}, hits AS (
            SELECT DISTINCT e.article_id, e.field, e.sentence, e.score
            FROM evidence e JOIN chosen c USING (article_id)
            WHERE e.kind = 'target' AND e.label = ? AND c.outlet = ?)
        SELECT h.article_id, a.published, a.title, h.field,
               substring(CASE WHEN h.field = 'title' THEN a.title ELSE a.text END,
                         st.start + 1, st."end" - st.start) AS sentence,
               h.score, t.scoped_sentiment AS toward, t.because
        FROM hits h JOIN articles a USING (article_id)
        LEFT JOIN sentences st ON st.article_id = h.article_id AND st.field = h.field
                               AND st.idx = h.sentence
        LEFT JOIN target_sentiment t ON t.article_id = h.article_id AND t.target = ?
        ORDER BY a.published, h.article_id, h.field DESC, h.sentence
        LIMIT {int(limit)}""",
        [*params, target, outlet, target],
    )


# --------------------------------------------------------------------------- framing


def framing_rates(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    own_voice: bool = False,
    *,
    rollups: bool = True,
) -> pd.DataFrame:
    """Framing matches per 1,000 words per outlet per category (pooled):
    outlet, category, matches, words, articles, per_1k. Every outlet x category
    that occurs anywhere in the filter is present (zero when unmatched).

    ``own_voice`` counts only the matches in the outlet's own words, not those inside
    attributed content (quotes and paraphrases of sources)."""
    family = "framing_own" if own_voice else "framing"
    cells, params = _cells(con, filters, rollups, "article_cells", "category_cells")
    return _query(
        con,
        f"""WITH {cells},
        outlet_words AS (
            SELECT outlet, sum(sum_words)::BIGINT AS words, sum(scored)::BIGINT AS articles
            FROM article_cells GROUP BY outlet HAVING sum(scored) > 0),
        counts AS (
            SELECT outlet, category, sum(count)::BIGINT AS matches
            FROM category_cells WHERE family = ? GROUP BY outlet, category),
        cats AS (SELECT DISTINCT category FROM counts)
        SELECT w.outlet, cats.category, coalesce(n.matches, 0) AS matches, w.words,
               w.articles,
               CASE WHEN w.words > 0 THEN coalesce(n.matches, 0) * 1000.0 / w.words END
                   AS per_1k
        FROM outlet_words w CROSS JOIN cats
        LEFT JOIN counts n ON n.outlet = w.outlet AND n.category = cats.category
        ORDER BY w.outlet, cats.category""",
        [*params, family],
    )


def framing_terms(
    con: duckdb.DuckDBPyConnection, filters: Filters, per_outlet: int = 10
) -> pd.DataFrame:
    """The most frequent framing terms (matched text, lower-cased) per outlet:
    outlet, term, category, matches, articles, rank."""
    chosen, params = _chosen(filters)
    return _query(
        con,
        f"""WITH {chosen}, terms AS (
            SELECT c.outlet, lower(e.text) AS term, min(e.label) AS category,
                   count(*) AS matches, count(DISTINCT e.article_id) AS articles
            FROM evidence e JOIN chosen c USING (article_id)
            WHERE e.kind = 'framing' GROUP BY c.outlet, lower(e.text))
        SELECT *, row_number() OVER (PARTITION BY outlet ORDER BY matches DESC, term) AS rank
        FROM terms QUALIFY rank <= {int(per_outlet)}
        ORDER BY outlet, rank""",
        params,
    )


def framing_term_table(
    con: duckdb.DuckDBPyConnection, filters: Filters, limit: int = 500
) -> pd.DataFrame:
    """Every framing term across the filter with counts per outlet, long form:
    term, category, outlet, matches, articles (most frequent terms first)."""
    chosen, params = _chosen(filters)
    return _query(
        con,
        f"""WITH {chosen}, terms AS (
            SELECT lower(e.text) AS term, min(e.label) OVER (PARTITION BY lower(e.text))
                   AS category, c.outlet, e.article_id
            FROM evidence e JOIN chosen c USING (article_id) WHERE e.kind = 'framing'),
        top AS (SELECT term FROM terms GROUP BY term ORDER BY count(*) DESC, term
                LIMIT {int(limit)})
        SELECT term, category, outlet, count(*) AS matches,
               count(DISTINCT article_id) AS articles
        FROM terms WHERE term IN (SELECT term FROM top)
        GROUP BY term, category, outlet ORDER BY term, outlet""",
        params,
    )


def keyword_in_context(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    term: str,
    kind: str = "framing",
    width: int = 60,
    limit: int = 200,
) -> pd.DataFrame:
    """Lines showing each match of ``term`` (case-insensitive, as matched) in context:
    article_id, outlet, published, title, field, left, match, right."""
    chosen, params = _chosen(filters)
    return _query(
        con,
        f"""WITH {chosen}
        SELECT e.article_id, c.outlet, c.published, c.title, e.field,
               substring(CASE WHEN e.field = 'title' THEN a.title ELSE a.text END,
                         greatest(e.start - {int(width)}, 0) + 1,
                         e.start - greatest(e.start - {int(width)}, 0)) AS "left",
               e.text AS match,
               substring(CASE WHEN e.field = 'title' THEN a.title ELSE a.text END,
                         e."end" + 1, {int(width)}) AS "right"
        FROM evidence e JOIN chosen c USING (article_id) JOIN articles a USING (article_id)
        WHERE e.kind = ? AND lower(e.text) = lower(?)
        ORDER BY c.published, e.article_id, e.start
        LIMIT {int(limit)}""",
        [*params, kind, term],
    )


# --------------------------------------------------------------------------- attribution


def attribution_summary(
    con: duckdb.DuckDBPyConnection, filters: Filters, *, rollups: bool = True
) -> pd.DataFrame:
    """Attributions per outlet: outlet, articles, attributions, anonymous,
    anonymous_share, direct, indirect, mixed, direct_share, indirect_share, mixed_share.
    Shares are over attributions (pooled)."""
    cells, params = _cells(con, filters, rollups, "article_cells", "source_cells")
    return _query(
        con,
        f"""WITH {cells},
        per_outlet AS (
            SELECT outlet, sum(articles)::BIGINT AS articles FROM article_cells GROUP BY outlet),
        attr AS (
            SELECT outlet, sum(attributions)::BIGINT AS attributions,
                   sum(anonymous_n)::BIGINT AS anonymous, sum(direct)::BIGINT AS direct,
                   sum(indirect)::BIGINT AS indirect, sum(mixed)::BIGINT AS mixed
            FROM source_cells GROUP BY outlet)
        SELECT p.outlet, p.articles, coalesce(t.attributions, 0) AS attributions,
               coalesce(t.anonymous, 0) AS anonymous,
               t.anonymous / nullif(t.attributions, 0) AS anonymous_share,
               coalesce(t.direct, 0) AS direct, coalesce(t.indirect, 0) AS indirect,
               coalesce(t.mixed, 0) AS mixed,
               t.direct / nullif(t.attributions, 0) AS direct_share,
               t.indirect / nullif(t.attributions, 0) AS indirect_share,
               t.mixed / nullif(t.attributions, 0) AS mixed_share
        FROM per_outlet p LEFT JOIN attr t USING (outlet) ORDER BY p.outlet""",
        params,
    )


def cue_classes(
    con: duckdb.DuckDBPyConnection, filters: Filters, *, rollups: bool = True
) -> pd.DataFrame:
    """Attribution cue verbs by stance class per outlet:
    outlet, cue_class, attributions, share (of the outlet's speech attributions: the
    belief and evidence classes are left out, so the stance shares stay comparable with
    stores from before those classes; :func:`attribution_kind_counts` counts them)."""
    cells, params = _cells(con, filters, rollups, "category_cells")
    return _query(
        con,
        f"""WITH {cells}, counts AS (
            SELECT outlet, category AS cue_class, sum(count)::BIGINT AS attributions
            FROM category_cells WHERE family = 'cue_class'
                AND category NOT IN ('belief', 'evidence')
            GROUP BY outlet, category)
        SELECT outlet, cue_class, attributions,
               attributions / sum(attributions) OVER (PARTITION BY outlet) AS share
        FROM counts ORDER BY outlet, cue_class""",
        params,
    )


def top_sources(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    per_outlet: int = 10,
    *,
    rollups: bool = True,
) -> pd.DataFrame:
    """Most quoted sources per outlet (speaker when resolved, else the source phrase):
    outlet, source, attributions, articles, anonymous, rank."""
    cells, params = _cells(con, filters, rollups, "source_cells")
    return _query(
        con,
        f"""WITH {cells}, counted AS (
            SELECT outlet, source, sum(attributions)::BIGINT AS attributions,
                   sum(articles)::BIGINT AS articles, bool_or(anonymous) AS anonymous
            FROM source_cells GROUP BY outlet, source)
        SELECT *, row_number() OVER (PARTITION BY outlet ORDER BY attributions DESC, source)
                  AS rank
        FROM counted QUALIFY rank <= {int(per_outlet)} ORDER BY outlet, rank""",
        params,
    )


def quoted_sources(
    con: duckdb.DuckDBPyConnection, filters: Filters, limit: int = 1000
) -> pd.DataFrame:
    """A table of quoted sources across outlets: outlet, source, speaker, source_type, cue,
    cue_class, quote_type, anonymous, attributions, articles."""
    chosen, params = _chosen(filters)
    return _query(
        con,
        f"""WITH {chosen}
        SELECT c.outlet, e.source, e.speaker, e.source_type, lower(e.cue) AS cue, e.cue_class,
               e.quote_type, e.anonymous, count(*) AS attributions, count(DISTINCT e.article_id) AS articles
        FROM evidence e JOIN chosen c USING (article_id) WHERE e.kind = 'attribution'
        GROUP BY ALL ORDER BY attributions DESC, c.outlet, e.source
        LIMIT {int(limit)}""",
        params,
    )


def source_type_counts(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Attributions per outlet, article and source type: outlet, article_id, source_type, n.

    An attribution whose type the rules could not tell ("", or a store from before source
    types) counts as ``unknown``, so every attribution is in the denominator.
    """
    chosen, params = _chosen(filters)
    return _query(
        con,
        f"""WITH {chosen}
        SELECT c.outlet, e.article_id,
               coalesce(nullif(e.source_type, ''), 'unknown') AS source_type, count(*) AS n
        FROM evidence e JOIN chosen c USING (article_id)
        WHERE e.kind = 'attribution' GROUP BY ALL ORDER BY ALL""",
        params,
    )


def attribution_kind_counts(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Attributions per outlet, article and kind (speech, belief, evidence):
    outlet, article_id, kind, n. Belief and evidence are the cue classes of that name."""
    chosen, params = _chosen(filters)
    return _query(
        con,
        f"""WITH {chosen}
        SELECT c.outlet, e.article_id,
               CASE WHEN e.cue_class IN ('belief', 'evidence') THEN e.cue_class
                    ELSE 'speech' END AS kind,
               count(*) AS n
        FROM evidence e JOIN chosen c USING (article_id)
        WHERE e.kind = 'attribution' GROUP BY ALL ORDER BY ALL""",
        params,
    )


# --------------------------------------------------------------------------- over time


def measure_over_time(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    measure: str,
    bucket: str = "month",
    window: int = 3,
    *,
    rollups: bool = True,
) -> pd.DataFrame:
    """Mean of a per-article measure per outlet per time bucket, with a rolling mean
    over the last ``window`` buckets that have articles (weighted by articles):
    outlet, bucket, articles, n (with a value), mean, rolling."""
    measure = _check_measure(measure)
    bucket = _check_bucket(bucket)
    cells, params = _cells(con, filters, rollups, "article_cells")
    return _query(
        con,
        f"""WITH {cells}, b AS (
            SELECT outlet, date_trunc('{bucket}', day::TIMESTAMP) AS bucket,
                   sum(articles)::BIGINT AS articles, sum(n_{measure})::BIGINT AS n,
                   sum(sum_{measure}) / nullif(sum(n_{measure}), 0) AS mean,
                   sum(sum_{measure}) AS total
            FROM article_cells WHERE day IS NOT NULL GROUP BY ALL)
        SELECT outlet, bucket, articles, n, mean,
               sum(total) OVER w / nullif(sum(n) OVER w, 0) AS rolling
        FROM b
        WINDOW w AS (PARTITION BY outlet ORDER BY bucket
                     ROWS BETWEEN {int(window) - 1} PRECEDING AND CURRENT ROW)
        ORDER BY outlet, bucket""",
        params,
    )


def target_over_time(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    target: str,
    bucket: str = "month",
    window: int = 3,
    *,
    rollups: bool = True,
) -> pd.DataFrame:
    """Sentiment toward ``target`` per outlet per time bucket (mean of the per-article
    target-scoped sentiment, ``TargetScore.scoped_sentiment``) with a rolling mean:
    outlet, bucket, articles, mean, rolling."""
    bucket = _check_bucket(bucket)
    cells, params = _cells(con, filters, rollups, "target_cells")
    return _query(
        con,
        f"""WITH {cells}, b AS (
            SELECT outlet, date_trunc('{bucket}', day::TIMESTAMP) AS bucket,
                   sum(rows)::BIGINT AS articles,
                   sum(sum_scoped) / nullif(sum(n_scoped), 0) AS mean,
                   sum(sum_scoped) AS total, sum(n_scoped) AS n
            FROM target_cells WHERE day IS NOT NULL AND target = ? GROUP BY ALL)
        SELECT outlet, bucket, articles, mean,
               sum(total) OVER w / nullif(sum(n) OVER w, 0) AS rolling
        FROM b
        WINDOW w AS (PARTITION BY outlet ORDER BY bucket
                     ROWS BETWEEN {int(window) - 1} PRECEDING AND CURRENT ROW)
        ORDER BY outlet, bucket""",
        [*params, target],
    )


# --------------------------------------------------------------------------- exports


def article_scores(
    con: duckdb.DuckDBPyConnection, filters: Filters, limit: int | None = None
) -> pd.DataFrame:
    """Article metadata and every score for the filtered articles (for CSV export)."""
    chosen, params = _chosen(filters)
    cap = f"LIMIT {int(limit)}" if limit else ""
    return _query(
        con,
        f"""WITH {chosen}
        SELECT a.article_id, a.outlet, a.published, a.title, a.url, a.section, a.author,
               s.* EXCLUDE (article_id)
        FROM chosen c JOIN articles a USING (article_id) LEFT JOIN scores s USING (article_id)
        ORDER BY a.outlet, a.published, a.article_id {cap}""",
        params,
    )


def evidence_rows(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    kinds: tuple[str, ...] = (),
    limit: int | None = None,
) -> pd.DataFrame:
    """Evidence rows (every column) for the filtered articles, with the outlet."""
    chosen, params = _chosen(filters)
    kind_sql = ""
    if kinds:
        kind_sql = f"WHERE e.kind IN ({', '.join('?' for _ in kinds)})"
        params = [*params, *kinds]
    cap = f"LIMIT {int(limit)}" if limit else ""
    return _query(
        con,
        f"""WITH {chosen}
        SELECT c.outlet, e.* FROM evidence e JOIN chosen c USING (article_id) {kind_sql}
        ORDER BY c.outlet, e.article_id, e.field, e.start {cap}""",
        params,
    )


def target_sentiment_rows(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Per-article target sentiment for the filtered articles:
    article_id, outlet, published, title, target, mentions, sentences, sentiment
    (sentence VADER), scoped_sentiment (target-scoped), because (its main reasons)."""
    chosen, params = _chosen(filters)
    return _query(
        con,
        f"""WITH {chosen}
        SELECT t.article_id, c.outlet, c.published, c.title, t.target, t.mentions,
               t.sentences, t.sentiment, t.scoped_sentiment, t.because
        FROM target_sentiment t JOIN chosen c USING (article_id)
        ORDER BY c.outlet, c.published, t.article_id, t.target""",
        params,
    )


def score_stamps(con: duckdb.DuckDBPyConnection, filters: Filters = Filters()) -> pd.DataFrame:
    """Which lexicon hash and analysis version scored the filtered articles:
    lexicon_hash, analysis_version, articles."""
    chosen, params = _chosen(filters)
    return _query(
        con,
        f"""WITH {chosen}
        SELECT s.lexicon_hash, s.analysis_version, count(*) AS articles
        FROM scores s JOIN chosen c USING (article_id) GROUP BY ALL ORDER BY articles DESC""",
        params,
    )
