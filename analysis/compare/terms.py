"""Distinctive terms: which words and phrases set one outlet (or group) apart from others.

The method is the weighted log-odds ratio with an informative Dirichlet prior
("Fightin' Words", Monroe, Colaresi & Quinn 2008). For a term w, group i with
count y_iw out of n_i tokens, and the other group j:

    delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w))
            - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
    var(delta_w) ~ 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
    z_w = delta_w / sqrt(var)

The prior a_w comes from the whole (filtered) corpus, so a rare term needs
more evidence than a common one before it is called distinctive, and a
term's z-score accounts for how often it could have appeared by chance.
Raw frequency ratios would instead crown every one-off word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

from analysis.text import TOKEN_RE, match_form, tokenize
from analysis.text.patterns import PatternSet

#: Words that never make a term on their own nor start or end a phrase.
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {
    "said", "says", "say", "told", "according", "mr", "mrs", "ms", "also", "would", "could",
    "just", "like", "s", "t", "don't", "it's", "that's", "he's", "she's", "they're", "i'm",
}  # fmt: skip


def _keep_term(term: str) -> bool:
    """A term is worth showing unless it starts or ends with a stop word or is only numbers."""
    words = term.split(" ")
    if words[0] in STOP_WORDS or words[-1] in STOP_WORDS:
        return False
    return not all(w.isdigit() for w in words)


def self_name_filter(names: Iterable[str]) -> Callable[[str], bool]:
    """``term -> True`` for the terms an outlet uses about itself, and initials.

    Outlets name themselves in bylines, credits and "told Fox News": such terms
    tell one outlet apart trivially. A term is left out when it holds an outlet's
    whole name ("fox news host"), when every word of it is part of some outlet's
    name ("fox", "new york"), or when it holds a one-letter word other than "a"
    and "i" ("donald j trump" with its initial, "u s").

    >>> drop = self_name_filter(["Fox News", "The New York Times"])
    >>> [t for t in ["fox", "fox news host", "new york", "j", "border", "news conference"] if drop(t)]
    ['fox', 'fox news host', 'new york', 'j']
    """
    phrases, parts = set(), set()
    for name in names:
        words = [match_form(w) for _, _, w in tokenize(str(name))]
        words = [w for w in words if w not in STOP_WORDS]
        if words:
            phrases.add(" " + " ".join(words) + " ")
            parts.update(words)

    def drop(term: str) -> bool:
        words = term.split(" ")
        if any(len(w) == 1 and w.isalpha() and w not in STOP_WORDS for w in words):
            return True
        if all(w in parts for w in words):
            return True
        padded = f" {term} "
        return any(phrase in padded for phrase in phrases)

    return drop


def _documents(frame: pd.DataFrame, text_columns: Sequence[str]) -> list[str]:
    parts = [frame[c].fillna("").astype(str) for c in text_columns if c in frame]
    if not parts:
        raise ValueError(f"none of the text columns {list(text_columns)} is in the frame")
    joined = parts[0]
    for part in parts[1:]:
        joined = joined + "\n" + part  # a line break: no phrase spans title and body
    return joined.tolist()


#: Where a phrase cannot continue: a line break (title and body, paragraphs) or the end of
#: a sentence or clause (".", "!", "?", ";", ":" before a space, a closing quote allowed).
_PHRASE_BREAK = re.compile(r"\n|[.!?;:]+[\"')\]]*\s+")


def _phrase_terms(ngram_range: tuple[int, int]) -> Callable[[str], list[str]]:
    """``document -> terms``: its words and phrases of ``ngram_range`` words that
    :func:`_keep_term` keeps, none across a :data:`_PHRASE_BREAK`.

    Only keepable phrases are formed (a phrase may not start or end with a stop word), so
    the vectoriser's vocabulary holds a fraction of all n-grams: the count's cost.
    """
    low, high = ngram_range
    stop = STOP_WORDS
    words_of = TOKEN_RE.findall
    split = _PHRASE_BREAK.split
    join = " ".join

    def terms(document: str) -> list[str]:
        out: list[str] = []
        for segment in split(match_form(document)):
            words = words_of(segment)
            n = len(words)
            for i, first in enumerate(words):
                if first in stop:
                    continue
                for size in range(low, min(high, n - i) + 1):
                    last = words[i + size - 1]
                    if last in stop:
                        continue
                    phrase = words[i : i + size]
                    if first.isdigit() and all(map(str.isdigit, phrase)):
                        continue  # only numbers
                    out.append(join(phrase) if size > 1 else first)
        return out

    return terms


def _members(frame: pd.DataFrame, column: str, which: str | Iterable[str]) -> np.ndarray:
    names = [which] if isinstance(which, str) else list(which)
    return frame[column].isin(names).to_numpy()


def _label(which: str | Iterable[str]) -> str:
    return which if isinstance(which, str) else " + ".join(which)


def term_counts(
    frame: pd.DataFrame,
    text_columns: Sequence[str] = ("title", "text"),
    ngram_range: tuple[int, int] = (1, 3),
    min_df: int = 2,
):
    """Document-term counts of the n-grams worth showing: ``(matrix, terms)``.

    Tokens follow :data:`analysis.text.TOKEN_RE` (inner hyphens and apostrophes
    stay, curly apostrophes fold to straight); an n-gram must occur in at least
    ``min_df`` documents and may not start or end with a stop word, so "breach
    of sovereignty" survives while "of the" and "said the" do not.
    """
    vectorizer = CountVectorizer(
        analyzer=_phrase_terms(ngram_range),
        min_df=min_df,
        dtype=np.int64,
    )
    documents = _documents(frame, text_columns)
    try:
        matrix = vectorizer.fit_transform(documents)
    except ValueError:  # empty vocabulary: no documents or none above min_df
        return None, np.array([], dtype=object)
    return matrix.tocsr(), vectorizer.get_feature_names_out()


def distinctive_terms(
    frame: pd.DataFrame,
    a: str | Iterable[str],
    b: str | Iterable[str] | None = None,
    column: str = "outlet",
    text_columns: Sequence[str] = ("title", "text"),
    ngram_range: tuple[int, int] = (1, 3),
    min_df: int = 2,
    prior_scale: float = 1.0,
    limit: int | None = None,
    drop_self_names: bool = True,
) -> pd.DataFrame:
    """Terms that distinguish group ``a`` from ``b`` (default: every other row of ``frame``).

    With ``drop_self_names`` (the default) the outlets' own names, their parts and
    one-letter words are left out before anything is counted (see
    :func:`self_name_filter`; the names are every value of ``column`` in ``frame``).

    ``a`` and ``b`` are values of ``column`` (or lists of them, e.g. several
    state outlets). The prior is the term counts of the whole ``frame`` times
    ``prior_scale`` (a_0 is their sum), so filter the frame to the corpus you
    mean before calling.

    Columns: term, count_a, count_b, frequency (count_a + count_b), delta
    (log-odds ratio, positive = more typical of ``a``), z, side (the label of
    the group the term leans to). Sorted by z, most typical of ``a`` first.
    With ``limit``, only the ``limit`` strongest terms of each side are kept.

    >>> frame = pd.DataFrame({"outlet": ["A", "A", "B", "B"],
    ...     "text": ["regime forces struck", "regime forces shelled",
    ...              "government troops struck", "government troops shelled"]})
    >>> result = distinctive_terms(frame, "A", min_df=1).set_index("term")
    >>> result.loc[["regime", "government troops"], "side"].tolist()
    ['A', 'the rest']
    """
    columns = ["term", "count_a", "count_b", "frequency", "delta", "z", "side"]
    in_a = _members(frame, column, a)
    in_b = _members(frame, column, b) if b is not None else ~in_a
    label_a, label_b = _label(a), (_label(b) if b is not None else "the rest")
    matrix, terms = term_counts(frame, text_columns, ngram_range, min_df)
    if matrix is not None and len(terms) and drop_self_names:
        drop = self_name_filter(frame[column].dropna().unique())
        keep = np.fromiter((not drop(t) for t in terms), dtype=bool, count=len(terms))
        matrix, terms = matrix[:, keep].tocsr(), terms[keep]
    if matrix is None or len(terms) == 0 or not in_a.any() or not in_b.any():
        return pd.DataFrame(columns=columns)

    prior = np.asarray(matrix.sum(axis=0)).ravel().astype(float) * prior_scale
    y_a = np.asarray(matrix[in_a].sum(axis=0)).ravel().astype(float)
    y_b = np.asarray(matrix[in_b].sum(axis=0)).ravel().astype(float)
    present = (y_a + y_b) > 0
    prior, y_a, y_b, terms = prior[present], y_a[present], y_b[present], terms[present]

    a_0 = prior.sum()
    n_a, n_b = y_a.sum(), y_b.sum()
    delta = np.log((y_a + prior) / (n_a + a_0 - y_a - prior)) - np.log(
        (y_b + prior) / (n_b + a_0 - y_b - prior)
    )
    z = delta / np.sqrt(1 / (y_a + prior) + 1 / (y_b + prior))
    result = pd.DataFrame(
        {
            "term": terms.astype(object),
            "count_a": y_a.astype(np.int64),
            "count_b": y_b.astype(np.int64),
            "frequency": (y_a + y_b).astype(np.int64),
            "delta": delta,
            "z": z,
            "side": np.where(z >= 0, label_a, label_b).astype(object),
        }
    )
    result = result.sort_values(["z", "frequency", "term"], ascending=[False, False, True])
    if limit is not None:
        result = pd.concat([result.head(limit), result[result.z < 0].tail(limit)])
        result = result.drop_duplicates("term")
    return result.reset_index(drop=True)[columns]


def in_lexicon(
    terms: Iterable[str], framing_patterns: Sequence[str] | Callable[[str], bool]
) -> pd.Series:
    """Whether the framing lexicon already matches (part of) each term.

    ``framing_patterns`` is a list of lexicon patterns (docs/ARCHITECTURE.md syntax) or a
    callable ``term -> bool``. A term counts as covered when any pattern
    matches anywhere inside it ("kyiv regime" is covered by "regime").

    >>> in_lexicon(["kyiv regime", "troops"], ["regime", "assassinat*"]).tolist()
    [True, False]
    """
    terms = list(terms)
    if callable(framing_patterns):
        return pd.Series([bool(framing_patterns(t)) for t in terms], index=terms, dtype=bool)
    matcher = PatternSet(list(framing_patterns))
    flags = [bool(matcher.find(tokenize(t), t)) for t in terms]
    return pd.Series(flags, index=terms, dtype=bool)


_WORD_CHAR = r"[^\W_]"
_WHITESPACE = re.compile(r"\s+")


def _squash(text: str) -> str:
    """Newlines and runs of spaces as one space, so a context fits on one line."""
    return _WHITESPACE.sub(" ", text)


def term_regex(term: str) -> re.Pattern:
    """A case-insensitive regex for ``term`` on token boundaries.

    Words may be separated by any run of non-word characters; apostrophes
    match straight or curly. Like the tokenizer, a hyphen or apostrophe
    joined to a word makes one token, so "regime" does not match inside
    "anti-regime" or "regime's".
    """
    words = [w for _, _, w in tokenize(term)]
    if not words:
        raise ValueError(f"'{term}' holds no words to search for")
    parts = [re.escape(w).replace("'", "['\u2019]") for w in words]
    body = r"[\W_]+".join(parts)
    before = rf"(?<!{_WORD_CHAR})(?<!{_WORD_CHAR}[-'\u2019])"
    after = rf"(?!{_WORD_CHAR})(?![-'\u2019]{_WORD_CHAR})"
    return re.compile(before + body + after, re.IGNORECASE)


# Letters Python's case-insensitive match pairs with a character outside ASCII that
# DuckDB's (RE2's) does not: dotless ı and dotted İ match "i" there.
_RE2_EXTRA_CASES = {"i": "[i\u0131\u0130]"}


def term_prefilter(term: str, count: int = 3) -> list[str]:
    """DuckDB (RE2) regexes, used case-insensitively, that a field :func:`term_regex`
    matches also matches: the term's ``count`` longest words, each on its own. A word
    outside ASCII is left out (the two engines' case rules may differ there), so the
    list may be empty (then nothing is filtered out).

    >>> term_prefilter("Kyiv's regime")
    ["ky[i\u0131\u0130]v['\u2019]s", 'reg[i\u0131\u0130]me']
    """
    words = [w.lower() for _, _, w in tokenize(term)]
    if not words:
        raise ValueError(f"'{term}' holds no words to search for")
    parts = {"'": "['\u2019]", "-": "\\-"}
    longest = sorted(dict.fromkeys(w for w in words if w.isascii()), key=len, reverse=True)
    return [
        "".join(parts.get(c) or _RE2_EXTRA_CASES.get(c, c) for c in word)
        for word in longest[:count]
    ]


def term_contexts(
    articles_frame: pd.DataFrame,
    term: str,
    width: int = 60,
    limit: int = 50,
    fields: Sequence[str] = ("title", "text"),
) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``term`` with ``width`` characters each side.

    Columns: article_id, outlet, published, title, left, match, right, field,
    start, end (offsets into that field of the stored article). Rows come in
    date order, at most ``limit`` of them.
    """
    columns = ["article_id", "outlet", "published", "title", "left", "match", "right"]
    columns += ["field", "start", "end"]
    pattern = term_regex(term)
    order = [c for c in ("published", "article_id") if c in articles_frame]
    frame = articles_frame.sort_values(order, na_position="last") if order else articles_frame
    rows = []
    for record in frame.to_dict("records"):
        for field in fields:
            text = record.get(field) or ""
            if not isinstance(text, str):
                continue
            for match in pattern.finditer(text):
                start, end = match.span()
                rows.append(
                    {
                        "article_id": record.get("article_id"),
                        "outlet": record.get("outlet"),
                        "published": record.get("published"),
                        "title": record.get("title"),
                        "left": _squash(text[max(0, start - width) : start]),
                        "match": text[start:end],
                        "right": _squash(text[end : end + width]),
                        "field": field,
                        "start": start,
                        "end": end,
                    }
                )
                if len(rows) >= limit:
                    return pd.DataFrame(rows, columns=columns)
    return pd.DataFrame(rows, columns=columns)
