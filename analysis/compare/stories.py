"""Same-story alignment: which articles from different outlets cover the same event.

Comparing outlets is only fair story by story: one outlet may look "more
negative" simply because it covered the bombing and not the trade fair. So
articles are grouped into stories, and each story can be read side by side.

Method, chosen for being explainable and near-linear:

1. TF-IDF vectors (scikit-learn; sublinear tf, English stop words, unigrams
   and bigrams, terms in more than half of the articles dropped), with the
   title weighted up because a headline names the event.
2. Cosine similarity only between articles published within ``window_days``
   of each other: articles are sorted by date and compared block by block,
   so the cost grows with articles x articles-per-window, not articles².
3. Average-linkage agglomerative clustering on that sparse similarity graph
   (pairs never compared count as 0): two groups merge while the mean
   similarity between their articles is at least ``threshold``. Unlike
   connected components, one shared background paragraph cannot chain two
   different events together.

A story's label is the top TF-IDF terms of its centroid; its date is the
earliest publication date of its articles.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.preprocessing import normalize

from analysis.config import STORY_THRESHOLD, STORY_WINDOW_DAYS
from analysis.text import TOKEN_RE, match_form

#: Defaults chosen on the sample corpus and checked on the economy fixture (see bench/stories.py).
DEFAULT_THRESHOLD = STORY_THRESHOLD
DEFAULT_WINDOW_DAYS = STORY_WINDOW_DAYS
#: The title's TF-IDF vector is added to the body's at this weight (both unit length), so
#: the headline counts about a third: enough to name the event, not enough for one
#: eccentric headline ("Tear gas is not a policy") to pull its article out of the story.
TITLE_WEIGHT = 0.5
#: Only the start of each body is read: it names the event, and tokenizing is the
#: main cost of clustering (about 2,000 characters is 300-350 words).
BODY_CHARS = 2000
NGRAM_RANGE = (1, 2)
STORY_COLUMNS = ["article_id", "story_id", "story_label", "story_date"]
# Similarities below this fraction of the threshold are not stored (they count as 0).
_EDGE_FLOOR = 0.25
#: Each article keeps at most this many most-similar articles as edges: a story is a
#: handful to a few dozen articles, and the cap keeps memory linear in articles.
MAX_NEIGHBOURS = 50
# One similarity product holds at most this many cells (rows x reachable articles,
# 4 bytes each), at least _MIN_ROWS rows: memory stays flat however many share a day.
_BLOCK_CELLS = 4_000_000
_MIN_ROWS = 16

_STOP_WORDS = sorted(
    ENGLISH_STOP_WORDS
    | {"said", "says", "told", "according", "mr", "mrs", "ms", "also", "new", "year", "s"}
)


def _lead(text: str, chars: int | None) -> str:
    """The first ``chars`` characters, cut at a space: the lead names the event."""
    if chars is None or len(text) <= chars:
        return text
    cut = text.rfind(" ", 0, chars)
    return text[: cut if cut > 0 else chars]


def vectorize(
    frame: pd.DataFrame,
    title_weight: float = TITLE_WEIGHT,
    ngram_range: tuple[int, int] = NGRAM_RANGE,
    body_chars: int | None = BODY_CHARS,
):
    """Unit-length TF-IDF rows (title weighted up) and the vocabulary: ``(matrix, terms)``."""
    titles = (
        frame["title"].fillna("").astype(str).tolist() if "title" in frame else [""] * len(frame)
    )
    bodies = [_lead(t, body_chars) for t in frame["text"].fillna("").astype(str)]
    vectorizer = TfidfVectorizer(
        preprocessor=match_form,
        token_pattern=TOKEN_RE.pattern,
        stop_words=_STOP_WORDS,
        ngram_range=ngram_range,
        sublinear_tf=True,
        min_df=1 if len(frame) < 50 else 2,
        max_df=0.5 if len(frame) >= 20 else 1.0,
        dtype=np.float32,
    )
    try:
        # One pass over all text: titles are extra documents, so a word's IDF counts
        # headlines too, and the two halves are added after.
        both = vectorizer.fit_transform(bodies + titles)
    except ValueError:  # nothing but stop words, or no articles
        return sparse.csr_matrix((len(frame), 0), dtype=np.float32), np.array([], dtype=object)
    n = len(frame)
    matrix = normalize(both[:n] + title_weight * both[n:]).tocsr().astype(np.float32)
    return matrix, vectorizer.get_feature_names_out()


def _days(frame: pd.DataFrame) -> np.ndarray:
    """Publication time in days (float), NaN when unknown."""
    if "published" not in frame:
        return np.full(len(frame), np.nan)
    published = pd.to_datetime(frame["published"], utc=True, errors="coerce")
    seconds = (published - pd.Timestamp("1970-01-01", tz="UTC")).dt.total_seconds()
    return (seconds / 86400.0).to_numpy(dtype=float)


def similarity_edges(
    matrix,
    days: np.ndarray,
    window_days: float,
    floor: float,
    neighbours: int | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs ``(i, j, cosine)`` with i < j, cosine >= floor, published within ``window_days``.

    Each article keeps only its ``neighbours`` most similar articles (default
    :data:`MAX_NEIGHBOURS`); a pair stays when either side keeps it. Rows are
    compared a chunk at a time against every article they can reach
    (dated: within ``window_days``, in date order; undated: all), so memory grows
    with articles x neighbours, never with articles², however many share one day.
    """
    neighbours = neighbours or MAX_NEIGHBOURS
    n = matrix.shape[0]
    order = np.argsort(np.where(np.isnan(days), np.inf, days), kind="stable")
    n_dated = int(np.count_nonzero(~np.isnan(days)))
    ordered = matrix[order].tocsr()  # date order, so reachable articles are one slice
    sorted_days = days[order]
    dated_days = sorted_days[:n_dated]
    rows, cols, vals = [], [], []

    def collect(left: slice, right: slice, in_window: bool) -> None:
        if left.stop <= left.start or right.stop <= right.start:
            return
        # Dense is faster than sparse here: a TF-IDF product of news text is mostly non-zero.
        block = (ordered[left] @ ordered[right].T).toarray()
        i = np.arange(left.start, left.stop)[:, None]
        j = np.arange(right.start, right.stop)[None, :]
        reject = (block < floor) | (i == j)
        if in_window:
            reject |= np.abs(sorted_days[i] - sorted_days[j]) > window_days
        block[reject] = 0.0
        if block.shape[1] > neighbours:  # each row's most similar articles, in any order
            top = np.argpartition(-block, neighbours - 1, axis=1)[:, :neighbours]
        else:
            top = np.broadcast_to(np.arange(block.shape[1]), block.shape)
        values = np.take_along_axis(block, top, axis=1)
        r, c = np.nonzero(values)
        rows.append(order[r + left.start])
        cols.append(order[top[r, c] + right.start])
        vals.append(values[r, c])

    def reach(start: int, end: int) -> tuple[int, int]:
        low = int(np.searchsorted(dated_days, dated_days[start] - window_days, "left"))
        high = int(np.searchsorted(dated_days, dated_days[end - 1] + window_days, "right"))
        return low, high

    start = 0
    while start < n_dated:  # as many rows as keep one product under _BLOCK_CELLS cells
        low, high = reach(start, start + 1)
        step = max(_MIN_ROWS, _BLOCK_CELLS // (high - low + n - n_dated))
        end = min(start + step, n_dated)
        low, high = reach(start, end)
        collect(slice(start, end), slice(low, high), True)
        collect(slice(start, end), slice(n_dated, n), False)  # undated: compared with all
        start = end
    step = max(_MIN_ROWS, _BLOCK_CELLS // max(n, 1))
    for start in range(n_dated, n, step):
        collect(slice(start, min(start + step, n)), slice(0, n), False)
    if not rows:
        empty = np.array([], dtype=np.int64)
        return empty, empty, np.array([], dtype=np.float32)
    a, b, v = np.concatenate(rows), np.concatenate(cols), np.concatenate(vals)
    i, j = np.minimum(a, b), np.maximum(a, b)
    # A pair kept by both of its articles is found twice; keep one copy.
    key = i.astype(np.int64) * n + j
    _, first = np.unique(key, return_index=True)
    return i[first], j[first], v[first]


def average_linkage(n: int, i: np.ndarray, j: np.ndarray, sims: np.ndarray, threshold: float):
    """Cluster labels (0..k-1) from sparse average linkage; missing pairs count as 0.

    Merges the pair of clusters with the highest mean pairwise similarity
    while that mean is >= ``threshold``. Each cluster keeps the sums of its
    similarities to its neighbours; merging folds the smaller map into the larger.
    """
    parent = np.arange(n)
    size = [1] * n
    links: list[dict[int, float]] = [{} for _ in range(n)]
    for a, b, s in zip(i.tolist(), j.tolist(), sims.tolist(), strict=True):
        links[a][b] = links[a].get(b, 0.0) + s
        links[b][a] = links[b].get(a, 0.0) + s
    heap = [(-s, a, b) for a, b, s in zip(i.tolist(), j.tolist(), sims.tolist(), strict=True)]
    heap = [h for h in heap if -h[0] >= threshold]
    heapq.heapify(heap)
    alive = [True] * n
    while heap:
        negative, a, b = heapq.heappop(heap)
        if not (alive[a] and alive[b]):
            continue
        current = links[a].get(b, 0.0) / (size[a] * size[b])
        if not math.isclose(current, -negative, rel_tol=1e-9, abs_tol=1e-12):
            continue  # stale entry; an up-to-date one is (or was) in the heap
        if len(links[a]) < len(links[b]):
            a, b = b, a  # keep the cluster with more neighbours, fold the other into it
        alive[b] = False
        parent[b] = a
        for other, total in links[b].items():
            if other == a:
                continue
            links[other].pop(b, None)
            merged = links[a].get(other, 0.0) + total
            links[a][other] = merged
            links[other][a] = merged
        links[a].pop(b, None)
        links[b] = {}
        size[a] += size[b]
        for other, total in links[a].items():
            mean = total / (size[a] * size[other])
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(a, other), max(a, other)))
    # Resolve each article to its surviving cluster root.
    roots = parent.copy()
    while True:
        nxt = roots[roots]
        if np.array_equal(nxt, roots):
            break
        roots = nxt
    _, labels = np.unique(roots, return_inverse=True)
    return labels


def _labels_for(matrix, terms: np.ndarray, labels: np.ndarray, top: int) -> list[str]:
    """The ``top`` highest-weighted terms of each cluster's centroid, unigrams preferred."""
    k = int(labels.max()) + 1 if len(labels) else 0
    if k == 0 or matrix.shape[1] == 0:
        return [""] * k
    assignment = sparse.csr_matrix(
        (np.ones(len(labels), dtype=np.float32), (labels, np.arange(len(labels)))),
        shape=(k, len(labels)),
    )
    centroids = (assignment @ matrix).tocsr()
    result = []
    for row in range(k):
        start, end = centroids.indptr[row], centroids.indptr[row + 1]
        idx, weights = centroids.indices[start:end], centroids.data[start:end]
        chosen: list[str] = []
        for position in np.argsort(-weights, kind="stable"):
            term = str(terms[idx[position]])
            if any(word.isdigit() for word in term.split()):
                continue  # "6 1" from "6.1%" tells a reader nothing
            # Skip a term already covered by a chosen one ("voss" after "governor voss").
            if any(term in c.split() or c in term.split() for c in chosen):
                continue
            if any(set(term.split()) <= set(c.split()) for c in chosen):
                continue
            chosen.append(term)
            if len(chosen) == top:
                break
        result.append(", ".join(chosen))
    return result


def cluster_stories(
    frame: pd.DataFrame,
    threshold: float = DEFAULT_THRESHOLD,
    window_days: float = DEFAULT_WINDOW_DAYS,
    title_weight: float = TITLE_WEIGHT,
    label_terms: int = 4,
) -> pd.DataFrame:
    """Assign every article to a story.

    ``frame`` needs article_id, title, text and published (undated articles
    are compared with all others). Two groups of articles join one story
    while their mean TF-IDF cosine similarity is at least ``threshold``;
    articles more than ``window_days`` apart are never compared directly.

    Returns article_id, story_id (``S0001``... numbered by date), story_label
    (the centroid's top terms) and story_date (the earliest publication),
    in the order of ``frame``.
    """
    if frame.empty:
        return pd.DataFrame(columns=STORY_COLUMNS)
    frame = frame.reset_index(drop=True)
    matrix, terms = vectorize(frame, title_weight)
    days = _days(frame)
    i, j, sims = similarity_edges(matrix, days, window_days, floor=threshold * _EDGE_FLOOR)
    labels = average_linkage(len(frame), i, j, sims, threshold)

    if "published" in frame:
        published = pd.to_datetime(frame["published"], utc=True, errors="coerce")
        published = published.dt.tz_localize(None)
    else:
        published = pd.Series(pd.NaT, index=frame.index, dtype="datetime64[ns]")
    first = published.groupby(labels).min()
    # Number stories by date (undated last), then by their first article's position.
    first_row = pd.Series(np.arange(len(labels))).groupby(labels).min()
    ranking = pd.DataFrame({"date": first, "row": first_row}).sort_values(
        ["date", "row"], na_position="last"
    )
    number = {label: rank for rank, label in enumerate(ranking.index)}
    names = _labels_for(matrix, terms, labels, label_terms)
    story_date = first.dt.normalize()
    return pd.DataFrame(
        {
            "article_id": frame["article_id"].to_numpy(),
            "story_id": [f"S{number[label] + 1:04d}" for label in labels],
            "story_label": [names[label] for label in labels],
            "story_date": story_date.reindex(labels).to_numpy(),
        }
    )


# --------------------------------------------------------------------------- tables


def story_table(frame: pd.DataFrame, stories: pd.DataFrame, outlets: Sequence[str] | None = None):
    """Stories ranked by coverage, with the outlets that covered each and those that did not.

    ``frame`` holds article_id and outlet; ``stories`` comes from
    :func:`cluster_stories`. ``outlets`` is the set to check coverage against
    (default: every outlet in ``frame``). Columns: story_id, story_label,
    story_date, articles, outlets_covering (count), covering (sorted list),
    missing (sorted list: the blind spots). Most outlets first, then most
    articles, then date.
    """
    columns = [
        "story_id", "story_label", "story_date", "articles", "outlets_covering", "covering",
        "missing",
    ]  # fmt: skip
    merged = stories.merge(frame[["article_id", "outlet"]], on="article_id", how="inner")
    if merged.empty:
        return pd.DataFrame(columns=columns)
    universe = sorted(set(outlets) if outlets is not None else set(frame["outlet"].dropna()))
    rows = []
    for (story_id, label, date), part in merged.groupby(
        ["story_id", "story_label", "story_date"], sort=False, dropna=False
    ):
        covered = set(part["outlet"].dropna())
        covering = sorted(covered)
        rows.append(
            {
                "story_id": story_id,
                "story_label": label,
                "story_date": date,
                "articles": len(part),
                "outlets_covering": len(covering),
                "covering": covering,
                "missing": [o for o in universe if o not in covered],
            }
        )
    table = pd.DataFrame(rows, columns=columns)
    table = table.sort_values(
        ["outlets_covering", "articles", "story_date", "story_id"],
        ascending=[False, False, True, True],
        na_position="last",
    )
    return table.reset_index(drop=True)


def _version_terms(matrix, terms: np.ndarray, rows: np.ndarray, top: int) -> list[list[str]]:
    """Per row: the terms it uses that no other row of the story uses, strongest first."""
    sub = matrix[rows].tocsr()
    present = (sub > 0).astype(np.int32)
    users = np.asarray(present.sum(axis=0)).ravel()
    result = []
    for r in range(sub.shape[0]):
        start, end = sub.indptr[r], sub.indptr[r + 1]
        idx, weights = sub.indices[start:end], sub.data[start:end]
        own = users[idx] == 1
        idx, weights = idx[own], weights[own]
        order = np.argsort(-weights, kind="stable")[:top]
        result.append([str(terms[i]) for i in idx[order]])
    return result


def side_by_side(
    frame: pd.DataFrame,
    scores: pd.DataFrame | None,
    evidence: pd.DataFrame | None,
    story_id: str,
    stories: pd.DataFrame | None = None,
    unique_terms: int = 8,
) -> pd.DataFrame:
    """One story as each outlet told it: one row per article, ready to show in columns.

    ``frame`` holds the articles (article_id, outlet, published, title, text
    and ``story_id`` unless ``stories`` is given); ``scores`` the stored
    per-article scores (article_id, sentiment, headline_sentiment,
    framing_per_1k, anonymous_share, ...); ``evidence`` the evidence rows.
    Either may be None.

    Columns: article_id, outlet, published, headline, sentiment,
    headline_sentiment, framing_per_1k, framing_terms (matched texts, in
    order), named_sources, anonymous_sources (source phrases of attributions),
    cue_verbs, own_terms (terms this version uses that the story's other
    articles do not).
    """
    columns = [
        "article_id", "outlet", "published", "headline", "sentiment", "headline_sentiment",
        "framing_per_1k", "framing_terms", "named_sources", "anonymous_sources", "cue_verbs",
        "own_terms",
    ]  # fmt: skip
    if stories is not None:
        frame = frame.drop(columns=["story_id"], errors="ignore").merge(
            stories[["article_id", "story_id"]], on="article_id", how="inner"
        )
    story = frame[frame["story_id"] == story_id].copy()
    if story.empty:
        return pd.DataFrame(columns=columns)
    story = story.sort_values([c for c in ("outlet", "published", "article_id") if c in story])
    story = story.reset_index(drop=True)
    story["headline"] = story.get("title", pd.Series("", index=story.index))

    if scores is not None and not scores.empty:
        wanted = ["article_id"] + [
            c for c in ("sentiment", "headline_sentiment", "framing_per_1k") if c in scores
        ]
        story = story.merge(scores[wanted], on="article_id", how="left")
    for column in ("sentiment", "headline_sentiment", "framing_per_1k"):
        if column not in story:
            story[column] = np.nan

    lists = {c: [[] for _ in range(len(story))] for c in ("framing_terms", "named_sources",
                                                           "anonymous_sources", "cue_verbs")}  # fmt: skip
    if evidence is not None and not evidence.empty:
        position = {aid: k for k, aid in enumerate(story["article_id"])}
        ev = evidence[evidence["article_id"].isin(position)]
        ev = ev.sort_values([c for c in ("article_id", "field", "start") if c in ev])
        for row in ev.to_dict("records"):
            k = position[row["article_id"]]
            if row.get("kind") == "framing":
                lists["framing_terms"][k].append(row.get("text", ""))
            elif row.get("kind") == "attribution":
                source = row.get("source") or ""
                anonymous = row.get("anonymous")
                if source:
                    target = "anonymous_sources" if anonymous is True else "named_sources"
                    if source not in lists[target][k]:
                        lists[target][k].append(source)
                cue = row.get("cue") or ""
                if cue:
                    lists["cue_verbs"][k].append(cue)
    for column, values in lists.items():
        story[column] = values

    matrix, terms = vectorize(story, title_weight=1.0)
    if matrix.shape[1] and len(story) > 1:
        story["own_terms"] = _version_terms(matrix, terms, np.arange(len(story)), unique_terms)
    else:
        story["own_terms"] = [[] for _ in range(len(story))]
    for column in ("published",):
        if column not in story:
            story[column] = pd.NaT
    return story[columns]


# --------------------------------------------------------------------------- validity


def adjusted_rand_index(truth: Sequence, predicted: Sequence) -> float:
    """Adjusted Rand index between two labelings (1 = identical, ~0 = chance)."""
    from sklearn.metrics import adjusted_rand_score

    return float(adjusted_rand_score(list(truth), list(predicted)))


def purity(truth: Sequence, predicted: Sequence) -> float:
    """Share of articles whose story's most common true event is their own event."""
    table = pd.crosstab(pd.Series(list(predicted), name="p"), pd.Series(list(truth), name="t"))
    return float(table.max(axis=1).sum() / table.to_numpy().sum()) if len(table) else math.nan
