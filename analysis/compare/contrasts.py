"""Word-choice contrasts: which of several names for the same thing each outlet uses.

``data/lexicons/contrasts.csv`` lists, per contrast group ("the 2022 war"),
the alternatives ("invasion", "special military operation", "conflict") and
one pattern per row (several rows may share an alternative). Counting which
alternative an outlet picks is often more telling than any sentiment score,
and every count is a list of matches a reader can check.

Patterns use the lexicon syntax (docs/ARCHITECTURE.md): case-insensitive words on word
boundaries, a lone ``*`` is a gap of zero to four words, a trailing ``*`` any
ending, curly apostrophes read as straight. All patterns are compiled once
per call into one :class:`analysis.text.patterns.PatternSet`; where patterns
overlap, the longest match wins ("special military operation" is not also
counted as "operation").

A row may name a ``context``: patterns separated by ``|``, one of which must match
within :data:`CONTEXT_WINDOW` words before or after the match (in the same field), so
a wording counts only on its home ground: "killed" for the killing of a commander
only near "commander", "general", "leader"...; left empty, every match counts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from analysis.text import tokenize
from analysis.text.lexicons import DEFAULT_DIR, LexiconError, _rows
from analysis.text.patterns import PatternError, PatternSet, compile_pattern

_WHITESPACE = re.compile(r"\s+")
DEFAULT_CONTRASTS = DEFAULT_DIR / "contrasts.csv"
CONTRAST_COLUMNS = ("group", "alternative", "pattern", "note", "context")
#: How many words before or after a match a context pattern may start or end.
CONTEXT_WINDOW = 6
MATCH_COLUMNS = [
    "article_id", "field", "contrast_group", "alternative", "pattern", "start", "end", "text",
]  # fmt: skip


def load_contrasts(path: str | Path = DEFAULT_CONTRASTS) -> pd.DataFrame:
    """Read and check a contrasts file (``group,alternative,pattern,note``).

    Raises :class:`analysis.text.lexicons.LexiconError` naming the file, the line
    and the fix for an empty cell or a pattern that does not compile.
    """
    path = Path(path)
    rows = []
    for line, row in _rows(path, ("group", "alternative", "pattern")):
        for column in ("group", "alternative", "pattern"):
            if not row.get(column):
                raise LexiconError(f"{path}, line {line}: empty {column}; fill it in")
        try:
            compile_pattern(row["pattern"])
            for pattern in context_patterns(row.get("context", "")):
                compile_pattern(pattern)
        except PatternError as exc:
            raise LexiconError(f"{path}, line {line}: {exc}") from exc
        rows.append({c: row.get(c, "") or "" for c in CONTRAST_COLUMNS})
    if not rows:
        raise LexiconError(f"{path}: no contrasts; add rows of group,alternative,pattern,note")
    return pd.DataFrame(rows, columns=list(CONTRAST_COLUMNS))


def context_patterns(context: str) -> list[str]:
    """The patterns of a ``context`` cell: ``commander*|general|head of`` -> three."""
    return [p.strip() for p in (context or "").split("|") if p.strip()]


def _as_frame(contrasts: pd.DataFrame | str | Path) -> pd.DataFrame:
    if isinstance(contrasts, str | Path):
        return load_contrasts(contrasts)
    missing = [c for c in ("group", "alternative", "pattern") if c not in contrasts]
    if missing:
        raise ValueError(f"contrasts frame lacks column(s) {', '.join(missing)}")
    return contrasts.reset_index(drop=True)


def contrast_matches(
    articles_frame: pd.DataFrame,
    contrasts: pd.DataFrame | str | Path,
    fields: Sequence[str] = ("title", "text"),
) -> pd.DataFrame:
    """Every contrast match in the articles, one row each.

    Columns: article_id, field, contrast_group, alternative, pattern, start,
    end, text, where ``article[field][start:end] == text``.
    """
    table = _as_frame(contrasts)
    matcher = PatternSet(table["pattern"].tolist())
    groups = table["group"].tolist()
    alternatives = table["alternative"].tolist()
    patterns = table["pattern"].tolist()
    contexts = table["context"].tolist() if "context" in table else [""] * len(table)
    needs = [context_patterns(c) for c in contexts]
    context_list = sorted({p for ps in needs for p in ps})
    context_set = PatternSet(context_list) if context_list else None
    context_ids = [{context_list.index(p) for p in ps} for ps in needs]
    rows = []
    for record in articles_frame[["article_id", *fields]].itertuples(index=False):
        article_id = record[0]
        for field, text in zip(fields, record[1:], strict=True):
            if not isinstance(text, str) or not text:
                continue
            tokens = tokenize(text)
            found = matcher.find(tokens, text)
            near = context_set.find(tokens, text) if context_set and found else []
            for match in found:
                pid = match.pattern_id
                if context_ids[pid] and not any(
                    c.pattern_id in context_ids[pid]
                    and c.first <= match.last + CONTEXT_WINDOW
                    and c.last >= match.first - CONTEXT_WINDOW
                    and not (c.first >= match.first and c.last <= match.last)
                    for c in near
                ):
                    continue
                rows.append(
                    (
                        article_id,
                        field,
                        groups[pid],
                        alternatives[pid],
                        patterns[pid],
                        match.start,
                        match.end,
                        text[match.start : match.end],
                    )
                )
    matches = pd.DataFrame(rows, columns=MATCH_COLUMNS)
    matches["start"] = matches["start"].astype("int64")
    matches["end"] = matches["end"].astype("int64")
    return matches


def contrast_table(
    articles_frame: pd.DataFrame,
    contrasts: pd.DataFrame | str | Path,
    group: str = "outlet",
    fields: Sequence[str] = ("title", "text"),
    matches: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """How often each ``group`` (outlet) uses each alternative of each contrast group.

    Columns: group, contrast_group, alternative, count (matches), share (of
    the group's matches within that contrast group; NaN when it used none of
    them), articles (articles with at least one match). Every group in
    ``articles_frame`` gets a row for every alternative, zeros included, in
    the order the contrasts file lists them. Pass ``matches`` from
    :func:`contrast_matches` to avoid matching twice.

    >>> articles = pd.DataFrame({"article_id": ["1", "2"], "outlet": ["A", "B"],
    ...     "title": ["", ""], "text": ["The invasion began.", "The special operation began."]})
    >>> contrasts = pd.DataFrame({"group": ["war", "war"],
    ...     "alternative": ["invasion", "special operation"],
    ...     "pattern": ["invasion", "special * operation"]})
    >>> table = contrast_table(articles, contrasts)
    >>> table[["group", "alternative", "count", "share"]].values.tolist()[:2]
    [['A', 'invasion', 1, 1.0], ['A', 'special operation', 0, 0.0]]
    """
    columns = ["group", "contrast_group", "alternative", "count", "share", "articles"]
    table = _as_frame(contrasts)
    if matches is None:
        matches = contrast_matches(articles_frame, table, fields)
    alternatives = table[["group", "alternative"]].drop_duplicates()
    alternatives = alternatives.rename(columns={"group": "contrast_group"})
    alternatives["_order"] = range(len(alternatives))
    group_values = articles_frame[group].dropna().unique().tolist()
    grid = pd.DataFrame({"group": sorted(group_values)}).merge(alternatives, how="cross")

    owners = articles_frame[["article_id", group]].rename(columns={group: "group"})
    located = matches.merge(owners, on="article_id", how="inner")
    counts = (
        located.groupby(["group", "contrast_group", "alternative"], sort=False)
        .agg(count=("article_id", "size"), articles=("article_id", "nunique"))
        .reset_index()
    )
    result = grid.merge(counts, on=["group", "contrast_group", "alternative"], how="left")
    result[["count", "articles"]] = result[["count", "articles"]].fillna(0).astype("int64")
    totals = result.groupby(["group", "contrast_group"])["count"].transform("sum")
    result["share"] = (result["count"] / totals.where(totals > 0)).astype(float)
    result = result.sort_values(["group", "_order"], kind="stable").reset_index(drop=True)
    return result[columns]


def contrast_contexts(
    articles_frame: pd.DataFrame,
    contrasts: pd.DataFrame | str | Path,
    contrast_group: str | None = None,
    alternative: str | None = None,
    width: int = 60,
    limit: int = 50,
    fields: Sequence[str] = ("title", "text"),
    matches: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The sentences behind the counts: each match with ``width`` characters each side.

    Filter by ``contrast_group`` and/or ``alternative``. Columns: article_id,
    outlet, published, title, contrast_group, alternative, pattern, field,
    start, end, left, match, right. Date order, at most ``limit`` rows.
    """
    columns = [
        "article_id", "outlet", "published", "title", "contrast_group", "alternative",
        "pattern", "field", "start", "end", "left", "match", "right",
    ]  # fmt: skip
    if matches is None:
        matches = contrast_matches(articles_frame, contrasts, fields)
    if contrast_group is not None:
        matches = matches[matches["contrast_group"] == contrast_group]
    if alternative is not None:
        matches = matches[matches["alternative"] == alternative]
    info = [
        c for c in ("article_id", "outlet", "published", "title", *fields) if c in articles_frame
    ]
    info = list(dict.fromkeys(info))
    located = matches.rename(columns={"text": "match_text"}).merge(
        articles_frame[info], on="article_id", how="inner"
    )
    # Headline before body within an article, then by position.
    located["_field_rank"] = (located["field"] != "title").astype(int)
    order = [c for c in ("published", "article_id", "_field_rank", "start") if c in located]
    located = located.sort_values(order, na_position="last").head(limit)
    rows = []
    for record in located.to_dict("records"):
        text = record[record["field"]]
        start, end = record["start"], record["end"]
        rows.append(
            {
                **{c: record.get(c) for c in columns[:10]},
                "left": _WHITESPACE.sub(" ", text[max(0, start - width) : start]),
                "match": text[start:end],
                "right": _WHITESPACE.sub(" ", text[end : end + width]),
            }
        )
    return pd.DataFrame(rows, columns=columns)
