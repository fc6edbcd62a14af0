"""Store reads for the comparison pages (compare, distinctive terms, word choice, stories),
and the append to a user's own framing lexicon.

Every read takes an open connection and :class:`analysis.compare.queries.Filters`; the
filters are pushed down into DuckDB through :func:`analysis.compare.queries.where`.
Nothing here imports Streamlit and nothing here computes a statistic: the frames
go to ``analysis.compare.stats``, ``analysis.compare.terms``, ``analysis.compare.contrasts`` and
``analysis.compare.stories`` as they are.
"""

from __future__ import annotations

import csv
import io
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.compare import queries, terms
from analysis.compare.queries import Filters
from analysis.errors import InputError
from analysis.measures import registry
from analysis.store import SCORE_COLUMNS
from analysis.text.patterns import PatternError, compile_pattern

#: The most articles the text-based pages (terms, word choice, stories) read at once.
TEXT_CAP = 20_000
#: Articles holding a term's longest word read at a time for its contexts.
CONTEXT_BATCH = 200


# --------------------------------------------------------------------------- measures


def measure_names(con, filters: Filters | None = None) -> list[str]:
    """Every article-level measure the filtered articles can be compared on.

    The stored score columns, then ``framing_<category>_per_1k`` for each framing
    category and ``cue_<class>_share`` for each cue class that occurs in them.
    """
    condition, params = queries.where(filters or Filters())
    rows = con.execute(
        f"""SELECT DISTINCT k.family, k.category
        FROM category_counts k JOIN articles a USING (article_id)
        WHERE {condition} AND k.family IN ('framing', 'cue_class')
        ORDER BY k.family DESC, k.category""",
        params,
    ).fetchall()
    extra = [registry.category_column(family, category) for family, category in rows]
    return [*SCORE_COLUMNS, *extra]


def is_rate(measure: str) -> bool:
    """Whether ``measure`` is a rate per 1,000 words (so a pooled rate exists too)."""
    return registry.measure(measure).is_rate


def measure_frame(
    con, filters: Filters, measure: str, outlets: Sequence[str] | None = None
) -> pd.DataFrame:
    """Per-article values of ``measure`` for the filtered articles (only ``outlets`` if given).

    Columns: article_id, outlet, <measure>; for rates also ``matches`` and ``words``
    (so :func:`analysis.compare.stats.pooled_rate` can pool them). Articles without a value
    are left out: no words for a rate, no attributions for a share.

    ``framing_<category>_per_1k`` is that category's matches / words * 1000 (0 when
    the article has words but no match); ``cue_<class>_share`` is that class's
    attributions / all attributions of the article.
    """
    condition, params = queries.where(filters)
    if outlets is not None:
        outlets = list(outlets)
        if not outlets:
            return pd.DataFrame(columns=["article_id", "outlet", measure])
        condition += f" AND a.outlet IN ({', '.join('?' for _ in outlets)})"
        params = [*params, *outlets]
    if measure in SCORE_COLUMNS:
        count = registry.MEASURES[measure].count
        extra = f", s.{count}::DOUBLE AS matches, s.words::DOUBLE AS words" if count else ""
        sql = f"""SELECT a.article_id, a.outlet, s.{measure} AS {measure}{extra}
            FROM articles a JOIN scores s USING (article_id)
            WHERE {condition} AND s.{measure} IS NOT NULL
            ORDER BY a.outlet, a.article_id"""
        return con.execute(sql, params).df()
    if (category := registry.framing_category(measure)) is not None:
        family, denominator = "framing", "s.words"
        value = f"coalesce(k.count, 0) * 1000.0 / {denominator}"
        extra = ", coalesce(k.count, 0)::DOUBLE AS matches, s.words::DOUBLE AS words"
    elif (category := registry.cue_class(measure)) is not None:
        family, denominator = "cue_class", "s.attributions"
        value = f"coalesce(k.count, 0) * 1.0 / {denominator}"
        extra = ""
    else:
        raise ValueError(
            f"unknown measure {measure!r}; choose a score column, framing_<category>_per_1k "
            "or cue_<class>_share"
        )
    # The measure's name holds a category (data, from a URL parameter): it names the
    # column in pandas, never in SQL.
    sql = f"""SELECT a.article_id, a.outlet, {value} AS measure_value{extra}
        FROM articles a JOIN scores s USING (article_id)
        LEFT JOIN category_counts k ON k.article_id = a.article_id
             AND k.family = ? AND k.category = ?
        WHERE {condition} AND {denominator} > 0
        ORDER BY a.outlet, a.article_id"""
    frame = con.execute(sql, [family, category, *params]).df()
    return frame.rename(columns={"measure_value": measure})


# --------------------------------------------------------------------------- texts


@dataclass(frozen=True)
class Texts:
    """The filtered articles' texts, at most ``cap`` of them (the most recent)."""

    frame: pd.DataFrame
    total: int
    cap: int

    @property
    def capped(self) -> bool:
        return self.total > len(self.frame)

    def note(self) -> str:
        """A sentence for the page when not every article was read, else ''."""
        if not self.capped:
            return ""
        return (
            f"Only the {len(self.frame):,} most recent of the {self.total:,} matching articles "
            "were read, to keep the page responsive. Narrow the filters to include the rest."
        )


def article_texts(con, filters: Filters, cap: int = TEXT_CAP) -> Texts:
    """Title and text of the filtered articles for the term, contrast and story pages.

    Columns: article_id, outlet, published, title, text. Capped at ``cap`` articles
    (the most recent; undated ones last); ``total`` says how many matched.
    """
    condition, params = queries.where(filters)
    total = con.execute(f"SELECT count(*) FROM articles a WHERE {condition}", params).fetchone()[0]
    frame = con.execute(
        f"""SELECT a.article_id, a.outlet, a.published, a.title, a.text
        FROM articles a WHERE {condition}
        ORDER BY a.published DESC NULLS LAST, a.article_id
        LIMIT {int(cap)}""",
        params,
    ).df()
    frame = frame.sort_values(["published", "article_id"], na_position="last")
    return Texts(frame.reset_index(drop=True), int(total), int(cap))


def term_context_lines(
    con,
    filters: Filters,
    term: str,
    outlets: Sequence[str] | None = None,
    width: int = 45,
    limit: int = 50,
    cap: int = TEXT_CAP,
) -> pd.DataFrame:
    """:func:`analysis.compare.terms.term_contexts` over the articles :func:`article_texts`
    reads (only ``outlets`` if given), searched in DuckDB first: only the articles whose
    title or text holds the term's longest word come back to Python to be scanned, not
    every text read (a term in few articles: 2.3 s of CPU on 20,000 articles).
    """
    condition, params = queries.where(filters)
    patterns = terms.term_prefilter(term, count=3)
    has = "(? OR regexp_matches(title, ?, 'i') OR regexp_matches(text, ?, 'i'))"
    sql = f"""WITH read AS (
            SELECT a.article_id, a.outlet, a.published, a.title, a.text
            FROM articles a WHERE {condition}
            ORDER BY a.published DESC NULLS LAST, a.article_id
            LIMIT ?)
        SELECT * FROM read
        WHERE (? OR list_contains(?::VARCHAR[], outlet)) AND {has} AND {has} AND {has}
        ORDER BY published NULLS LAST, article_id LIMIT ? OFFSET ?"""
    wanted: list = [int(cap), outlets is None, list(outlets or [])]
    for k in range(3):  # a word's three parameters: no word (always true), the regex twice
        pattern = patterns[k] if k < len(patterns) else None
        wanted += [pattern is None, pattern or "", pattern or ""]
    # Candidates in the order term_contexts reads them, in growing batches until enough
    # lines are found: a common word stops after the first batch.
    found, offset, batch_size = [], 0, CONTEXT_BATCH
    while True:
        batch = con.execute(sql, [*params, *wanted, batch_size, offset]).df()
        lines = terms.term_contexts(
            batch, term, width=width, limit=limit - sum(len(f) for f in found)
        )
        found.append(lines)
        offset += batch_size
        if len(batch) < batch_size or sum(len(f) for f in found) >= limit:
            return pd.concat(found, ignore_index=True) if len(found) > 1 else lines
        batch_size *= 2


def _ids_clause(ids: Iterable[str]) -> tuple[str, list[str]]:
    ids = list(dict.fromkeys(ids))
    return ", ".join("?" for _ in ids) or "NULL", ids


def story_scores(con, article_ids: Iterable[str]) -> pd.DataFrame:
    """The stored scores of the given articles (article_id and every score column)."""
    marks, ids = _ids_clause(article_ids)
    return con.execute(
        f"SELECT * EXCLUDE (analysis_version, lexicon_hash) FROM scores "
        f"WHERE article_id IN ({marks}) ORDER BY article_id",
        ids,
    ).df()


def story_evidence(
    con, article_ids: Iterable[str], kinds: Sequence[str] = ("framing", "attribution")
) -> pd.DataFrame:
    """Evidence rows of the given articles, of the given kinds, in reading order."""
    marks, ids = _ids_clause(article_ids)
    kind_marks = ", ".join("?" for _ in kinds) or "NULL"
    return con.execute(
        f"""SELECT * FROM evidence WHERE article_id IN ({marks}) AND kind IN ({kind_marks})
        ORDER BY article_id, field, start""",
        [*ids, *kinds],
    ).df()


# --------------------------------------------------------------------------- user lexicon


def user_lexicon_path(db: str | Path) -> Path:
    """Where "Add to my lexicon" writes for the store ``db``: beside it, in the ``lexicons``
    folder where the Data page keeps uploaded lexicons. Never in the installed package
    (data/lexicons), which an upgrade replaces and every user of a shared install shares.

    >>> user_lexicon_path("/srv/class/slant.duckdb").as_posix()
    '/srv/class/lexicons/user_framing.csv'
    """
    return Path(db).parent / "lexicons" / "user_framing.csv"


LEXICON_HEADER = ("pattern", "category", "note")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_CATEGORY_CLEAN = re.compile(r"[^a-z0-9_]+")
# Words of letters/digits (inner apostrophes and hyphens), trailing *, lone * gaps.
_PATTERN_CHARS = re.compile(r"^[^\W_][\w'\-* ]*$")
_append_lock = threading.Lock()


class UserLexiconError(InputError):
    """A term, category or note that cannot go into the user lexicon; says what to fix."""


@dataclass(frozen=True)
class Appended:
    """What :func:`append_user_term` did: ``added`` False means the term was already there."""

    path: Path
    pattern: str
    category: str
    added: bool
    created: bool

    def message(self) -> str:
        if not self.added:
            return f"'{self.pattern}' is already in {self.path}; nothing was added."
        made = " (new file)" if self.created else ""
        return f"Added '{self.pattern}' ({self.category}) to {self.path}{made}."


def clean_category(category: str) -> str:
    """A category as lexicons write them: lower case, words joined by underscores.

    >>> clean_category(" Moral Outrage! ")
    'moral_outrage'
    """
    return _CATEGORY_CLEAN.sub("_", category.strip().lower()).strip("_")


def _safe_cell(text: str) -> str:
    """One line, and not a spreadsheet formula (OWASP CSV injection)."""
    text = " ".join(str(text).split())
    return "'" + text if text.startswith(_FORMULA_START) else text


def _pattern_key(pattern: str) -> str:
    return " ".join(pattern.lower().replace("\u2019", "'").split())


def _existing_patterns(path: Path) -> set[str]:
    text = path.read_text(encoding="utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if [h.strip().lower() for h in (reader.fieldnames or [])][:1] != ["pattern"]:
        raise UserLexiconError(
            f"{path}: the first column is not 'pattern'; a framing lexicon starts with the "
            "header pattern,category,note"
        )
    return {_pattern_key(row.get("pattern") or "") for row in reader}


def append_user_term(
    term: str,
    category: str,
    note: str,
    path: str | Path,
    seed_from: str | Path | None = None,
) -> Appended:
    """Append ``term`` as a framing pattern to the user lexicon CSV (pattern,category,note).

    The file is created with its header when missing; with ``seed_from`` (e.g.
    data/lexicons/framing.csv) the new file starts as a copy of that lexicon, since
    ``slant rescore --lexicon FILE`` uses FILE *instead of* framing.csv. A pattern
    already in the file (same words, any case) is not added again. The term must be
    a valid lexicon pattern; the note becomes one line and never starts like a
    spreadsheet formula.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "mine.csv"
    >>> append_user_term("kyiv regime", "Legitimacy labels", "Delegitimises.", target).added
    True
    >>> append_user_term("Kyiv  Regime", "other", "", target).added
    False
    """
    pattern = _pattern_key(term)
    if not pattern:
        raise UserLexiconError("the term is empty; choose a term first")
    if not _PATTERN_CHARS.match(pattern):
        raise UserLexiconError(
            f"'{pattern}' holds characters a lexicon pattern cannot use; write words of "
            "letters and digits (apostrophes, hyphens and * allowed), starting with a letter"
        )
    try:
        compile_pattern(pattern)
    except PatternError as exc:
        raise UserLexiconError(f"'{pattern}' is not a usable lexicon pattern: {exc}") from exc
    category = clean_category(category)
    if not category:
        raise UserLexiconError("the category is empty; pick one or type a new one (letters)")
    path = Path(path)
    with _append_lock:
        created = not path.exists()
        if created:
            path.parent.mkdir(parents=True, exist_ok=True)
            if seed_from is not None and Path(seed_from).exists():
                seed = Path(seed_from).read_text(encoding="utf-8-sig")
                path.write_text(seed if seed.endswith("\n") else seed + "\n", encoding="utf-8")
            else:
                with path.open("w", encoding="utf-8", newline="") as handle:
                    csv.writer(handle, lineterminator="\n").writerow(LEXICON_HEADER)
        if pattern in _existing_patterns(path):
            return Appended(path, pattern, category, added=False, created=created)
        with path.open("a+b") as handle:  # end on a newline before appending
            handle.seek(0, 2)
            if handle.tell():
                handle.seek(-1, 2)
                if handle.read(1) not in (b"\n", b"\r"):
                    handle.write(b"\n")
        with path.open("a", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerow([pattern, category, _safe_cell(note)])
    return Appended(path, pattern, category, added=True, created=created)
