"""Store reads for the article reader and the "Compare two articles" page.

One article with its scores, its evidence rows and sentence scores; the filtered
list of articles and an article's neighbours in it; events covered by several
outlets; and a plain-language summary of how two articles differ. DuckDB SQL with
the dashboard's filters pushed down (:func:`analysis.compare.queries.where`); nothing
here imports Streamlit, so the dashboard only draws what these functions return.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from analysis.compare.queries import Filters, where
from analysis.records import ARTICLE_COLUMNS, EVIDENCE_COLUMNS
from analysis.store import SCORE_COLUMNS

#: The whole store.
NO_FILTER = Filters()

#: Reading order of articles everywhere in the reader (undated articles last).
ORDER = "a.published NULLS LAST, a.article_id"

#: Columns of the evidence table the reader shows (and offers as CSV), in order.
READER_EVIDENCE_COLUMNS = (
    "field",
    "kind",
    "label",
    "text",
    "start",
    "end",
    "sentence",
    "pattern",
    "source",
    "speaker",
    "cue",
    "cue_class",
    "quote_type",
    "anonymous",
    "score",
    "voice",
)


def article_list(con, filters: Filters = NO_FILTER, limit: int = 2000) -> pd.DataFrame:
    """The filtered articles in reading order (for a picker):
    article_id, outlet, published, title, event_id. At most ``limit`` rows."""
    condition, params = where(filters)
    return con.execute(
        f"""SELECT a.article_id, a.outlet, a.published, a.title, a.event_id
        FROM articles a WHERE {condition} ORDER BY {ORDER} LIMIT {int(limit)}""",
        params,
    ).df()


def article_detail(con, article_id: str) -> dict | None:
    """One article's stored columns and its scores as a dict (``None`` if not stored).

    Score keys are present with ``None`` when the article has not been scored;
    ``published`` is a naive UTC ``datetime`` or ``None``.
    """
    article_cols = ", ".join(f"a.{c}" for c in ARTICLE_COLUMNS)
    score_cols = ", ".join(f"s.{c}" for c in SCORE_COLUMNS)
    cursor = con.execute(
        f"""SELECT {article_cols}, {score_cols}, s.analysis_version, s.lexicon_hash
        FROM articles a LEFT JOIN scores s USING (article_id) WHERE a.article_id = ?""",
        [article_id],
    )
    row = cursor.fetchone()
    if row is None:
        return None
    names = [d[0] for d in cursor.description]
    detail = dict(zip(names, row, strict=True))
    for key in ("title", "text", "url", "section", "author", "caption", "event_id"):
        detail[key] = detail[key] or ""
    return detail


def article_evidence(con, article_id: str) -> pd.DataFrame:
    """Every evidence row of one article (all columns), title first, then in text order."""
    columns = ", ".join(f'"{c}"' for c in EVIDENCE_COLUMNS)
    return con.execute(
        f"""SELECT {columns} FROM evidence WHERE article_id = ?
        ORDER BY field = 'text', start, "end" DESC, kind""",
        [article_id],
    ).df()


def evidence_table(evidence: pd.DataFrame) -> pd.DataFrame:
    """The reader's view of evidence rows: the columns a reader needs, in reading order."""
    columns = [c for c in READER_EVIDENCE_COLUMNS if c in evidence.columns]
    return evidence.loc[:, columns].reset_index(drop=True)


def article_sentences(con, article_id: str) -> pd.DataFrame:
    """Sentence spans and VADER compounds of one article: field, idx, start, end, compound."""
    return con.execute(
        """SELECT field, idx, start, "end", compound FROM sentences
        WHERE article_id = ? ORDER BY field, idx""",
        [article_id],
    ).df()


def article_targets(con, article_id: str) -> pd.DataFrame:
    """Sentiment toward each target of one article: target, mentions, toward the target
    (target-scoped), sentence VADER (mean of the mentioning sentences), because (the
    words and features that moved its mean target-scoped score most, summed over its
    mentions)."""
    return con.execute(
        """SELECT target, mentions, round(scoped_sentiment, 3) AS "toward the target",
        round(sentiment, 3) AS "sentence VADER", because
        FROM target_sentiment WHERE article_id = ? ORDER BY mentions DESC, target""",
        [article_id],
    ).df()


@dataclass(frozen=True)
class Neighbours:
    """Where an article sits in the filtered list (reading order)."""

    previous: str | None
    next: str | None
    position: int | None  # 1-based; None when the article is outside the filter
    total: int


def neighbours(con, filters: Filters, article_id: str) -> Neighbours:
    """The previous and next article around ``article_id`` within the filter."""
    condition, params = where(filters)
    row = con.execute(
        f"""WITH ordered AS (
            SELECT a.article_id,
                   lag(a.article_id) OVER w AS previous,
                   lead(a.article_id) OVER w AS next,
                   row_number() OVER w AS position,
                   count(*) OVER () AS total
            FROM articles a WHERE {condition}
            WINDOW w AS (ORDER BY {ORDER}))
        SELECT previous, next, position, total FROM ordered WHERE article_id = ?""",
        [*params, article_id],
    ).fetchone()
    if row is None:
        total = con.execute(f"SELECT count(*) FROM articles a WHERE {condition}", params).fetchone()
        return Neighbours(None, None, None, int(total[0]))
    previous, nxt, position, total = row
    return Neighbours(previous, nxt, int(position), int(total))


def framing_categories(con) -> list[str]:
    """Every framing category in the store, sorted (for a palette stable across pages)."""
    rows = con.execute(
        """SELECT DISTINCT category FROM category_counts WHERE family = 'framing'
        UNION SELECT DISTINCT label FROM evidence WHERE kind = 'framing'
        ORDER BY 1"""
    ).fetchall()
    return [r[0] for r in rows if r[0]]


# --------------------------------------------------------------------------- compare


def shared_events(con, filters: Filters = NO_FILTER) -> pd.DataFrame:
    """Events (``event_id``) covered by at least two outlets within the filter:
    event_id, outlets, articles, first (published), title (of the earliest article).
    Most widely covered first."""
    condition, params = where(filters)
    return con.execute(
        f"""SELECT a.event_id, count(DISTINCT a.outlet) AS outlets, count(*) AS articles,
               min(a.published) AS first, arg_min(a.title, a.published) AS title
        FROM articles a
        WHERE {condition} AND coalesce(a.event_id, '') <> ''
        GROUP BY a.event_id HAVING count(DISTINCT a.outlet) >= 2
        ORDER BY outlets DESC, first, a.event_id""",
        params,
    ).df()


def event_articles(con, filters: Filters, event_id: str) -> pd.DataFrame:
    """The filtered articles of one event in reading order:
    article_id, outlet, published, title."""
    condition, params = where(filters)
    return con.execute(
        f"""SELECT a.article_id, a.outlet, a.published, a.title FROM articles a
        WHERE {condition} AND a.event_id = ? ORDER BY a.outlet, {ORDER}""",
        [*params, event_id],
    ).df()


def pair_from(listing: pd.DataFrame) -> tuple[str, str] | None:
    """The first articles of the first two outlets in ``listing`` (columns article_id,
    outlet), else its first two articles, else ``None``."""
    firsts = listing.drop_duplicates("outlet")
    chosen = firsts if len(firsts) >= 2 else listing
    if len(chosen) < 2:
        return None
    return str(chosen.iloc[0]["article_id"]), str(chosen.iloc[1]["article_id"])


def default_pair(con, filters: Filters = NO_FILTER) -> tuple[str, str] | None:
    """Two articles worth comparing: the first pieces of two outlets on the most widely
    covered event, else the first articles of two different outlets, else ``None``."""
    events = shared_events(con, filters)
    if not events.empty:
        return pair_from(event_articles(con, filters, events.iloc[0]["event_id"]))
    return pair_from(article_list(con, filters))


@dataclass
class ArticleProfile:
    """What the difference summary compares, for one article."""

    attributions: int = 0
    anonymous: int = 0
    cue_classes: Counter = field(default_factory=Counter)  # cue class -> attributions
    cues: dict = field(default_factory=dict)  # cue class -> Counter of cue words
    framing: dict = field(default_factory=dict)  # category -> Counter of terms
    hedges: Counter = field(default_factory=Counter)  # hedge term -> count
    words: int | None = None
    sentiment: float | None = None
    headline_sentiment: float | None = None
    framing_per_1k: float | None = None


def article_profile(con, article_id: str) -> ArticleProfile:
    """Counts of one article's evidence (body and title) for :func:`describe_differences`."""
    rows = con.execute(
        """SELECT kind, coalesce(label, '') AS label, lower(text) AS term,
                  coalesce(cue_class, '') AS cue_class, lower(coalesce(cue, '')) AS cue,
                  coalesce(anonymous, false) AS anonymous, count(*) AS n
        FROM evidence WHERE article_id = ? AND kind IN ('framing', 'hedge', 'attribution')
        GROUP BY ALL""",
        [article_id],
    ).fetchall()
    profile = ArticleProfile()
    for kind, label, term, cue_class, cue, anonymous, n in rows:
        if kind == "framing":
            profile.framing.setdefault(label, Counter())[term] += n
        elif kind == "hedge":
            profile.hedges[term] += n
        else:
            profile.attributions += n
            profile.anonymous += n if anonymous else 0
            stance = cue_class or label
            if stance:
                profile.cue_classes[stance] += n
                if cue:
                    profile.cues.setdefault(stance, Counter())[cue] += n
    scores = con.execute(
        """SELECT words, sentiment, headline_sentiment, framing_per_1k
        FROM scores WHERE article_id = ?""",
        [article_id],
    ).fetchone()
    if scores is not None:
        (profile.words, profile.sentiment, profile.headline_sentiment, profile.framing_per_1k) = (
            scores
        )
    return profile


_SMALL = {0: "none", 1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


def _count(n: int, singular: str, plural: str | None = None) -> str:
    """'none', 'one anonymous source', '3 anonymous sources'."""
    if n == 0:
        return "none"
    noun = singular if n == 1 else (plural or singular + "s")
    return f"{_SMALL.get(n, n)} {noun}"


def _quoted(terms, limit: int = 3) -> str:
    ranked = [t for t, _ in sorted(Counter(terms).items(), key=lambda kv: (-kv[1], kv[0]))]
    shown = ", ".join(f"'{t}'" for t in ranked[:limit])
    return shown + (", …" if len(ranked) > limit else "")


def _times(n: int) -> str:
    return {0: "never", 1: "once", 2: "twice"}.get(n, f"{n} times")


def describe_differences(
    a: ArticleProfile, b: ArticleProfile, names: tuple[str, str] = ("Article A", "Article B")
) -> list[str]:
    """Plain-language sentences on how two articles differ, most telling first.

    >>> a, b = ArticleProfile(), ArticleProfile(attributions=3, anonymous=3)
    >>> describe_differences(a, b)[0]
    'Article B quotes three anonymous sources, Article A none.'
    """
    na, nb = names
    lines: list[str] = []

    # Anonymous sourcing.
    if a.anonymous == b.anonymous and a.anonymous:
        lines.append(f"Both quote {_count(a.anonymous, 'anonymous source')}.")
    elif a.anonymous or b.anonymous:
        (more, pm), (fewer, pf) = sorted(((na, a), (nb, b)), key=lambda x: -x[1].anonymous)
        lines.append(
            f"{more} quotes {_count(pm.anonymous, 'anonymous source')}, "
            f"{fewer} {_count(pf.anonymous, 'anonymous source')}."
        )
    elif a.attributions or b.attributions:
        lines.append("Neither article quotes an anonymous source.")

    # Attribution volume.
    if a.attributions != b.attributions:
        lines.append(
            f"{na} attributes {_count(a.attributions, 'statement')} to a source, "
            f"{nb} {_count(b.attributions, 'statement')}."
        )

    # Stance of cue verbs (neutral "said" is the baseline, so only loaded classes).
    for stance in sorted((set(a.cue_classes) | set(b.cue_classes)) - {"neutral"}):
        ca, cb = a.cue_classes.get(stance, 0), b.cue_classes.get(stance, 0)
        if ca == cb:
            continue
        more, fewer = ((na, a, ca), (nb, b, cb)) if ca > cb else ((nb, b, cb), (na, a, ca))
        words = _quoted(more[1].cues.get(stance, {}))
        example = f" ({words})" if words else ""
        lines.append(
            f"{more[0]} uses {stance} cue verbs{example} {_times(more[2])}, "
            f"{fewer[0]} {_times(fewer[2])}."
        )

    # Word choice within each framing category.
    for category_id in sorted(set(a.framing) | set(b.framing)):
        ta, tb = a.framing.get(category_id, Counter()), b.framing.get(category_id, Counter())
        category = category_id.replace("_", " ")  # plain words: "legitimacy labels"
        only_a, only_b = set(ta) - set(tb), set(tb) - set(ta)
        if only_a and only_b:
            lines.append(
                f"{na} uses {_quoted({t: ta[t] for t in only_a})} where {nb} says "
                f"{_quoted({t: tb[t] for t in only_b})} ({category})."
            )
        elif ta and not tb:
            lines.append(f"{na} uses {category} terms ({_quoted(ta)}); {nb} none.")
        elif tb and not ta:
            lines.append(f"{nb} uses {category} terms ({_quoted(tb)}); {na} none.")

    # Hedging.
    ha, hb = sum(a.hedges.values()), sum(b.hedges.values())
    if ha != hb:
        (more, hm, cm), (fewer, _, cf) = sorted(
            ((na, a.hedges, ha), (nb, b.hedges, hb)), key=lambda x: -x[2]
        )
        lines.append(f"{more} hedges {_times(cm)} ({_quoted(hm)}), {fewer} {_times(cf)}.")

    # Overall tone.
    if a.sentiment is not None and b.sentiment is not None:
        diff = a.sentiment - b.sentiment
        if abs(diff) >= 0.05:
            darker = na if diff < 0 else nb
            lines.append(
                f"{darker}'s sentences are more negative on average "
                f"(mean VADER compound {a.sentiment:+.2f} for {na}, {b.sentiment:+.2f} for {nb})."
            )
        else:
            lines.append(
                f"The average sentence tone is similar ({a.sentiment:+.2f} for {na}, "
                f"{b.sentiment:+.2f} for {nb})."
            )
    if a.framing_per_1k is not None and b.framing_per_1k is not None:
        lines.append(
            f"Framing terms per 1,000 words: {na} {a.framing_per_1k:.1f}, "
            f"{nb} {b.framing_per_1k:.1f}."
        )
    return lines


def compare_summary(
    con, article_a: str, article_b: str, names: tuple[str, str] = ("Article A", "Article B")
) -> list[str]:
    """:func:`describe_differences` of two stored articles."""
    return describe_differences(
        article_profile(con, article_a), article_profile(con, article_b), names
    )
