"""Sentence sentiment with VADER, scored per sentence and aggregated per article.

VADER is tuned for short social-media texts, so Slant scores each sentence and
aggregates (mean compound, share of negative and positive sentences) instead
of scoring a whole article at once. Curly quotes and apostrophes are folded to
straight ones first so "don’t" negates like "don't".
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.measures.sentiment.vader_fast import FastSentimentAnalyzer
from analysis.text import fold_quotes

#: VADER's conventional thresholds for a negative / positive sentence.
NEGATIVE_AT = -0.05
POSITIVE_AT = 0.05


class SentenceScorer:
    """Scores sentences with VADER; build one per process and reuse it."""

    def __init__(self) -> None:
        self._analyzer = FastSentimentAnalyzer()

    @property
    def analyzer(self) -> FastSentimentAnalyzer:
        """The VADER port it scores with, to share with other measures of the same text (its
        token caches then hold each token once, and the first use pays for both)."""
        return self._analyzer

    def compound(self, sentence: str) -> float:
        """VADER compound score of one sentence, in [-1, 1]."""
        return self._analyzer.compound(fold_quotes(sentence))

    def compounds(
        self, text: str, spans: Sequence[tuple[int, int]], split: list | None = None
    ) -> list[float]:
        """Compound scores of the sentences ``text[a:b]`` for ``(a, b)`` in ``spans``.

        ``split``: a list to receive each sentence's tokens and sentiments (see
        ``FastSentimentAnalyzer.compounds``), for the target stage to reuse.

        The same scores as :meth:`compound` on each sentence; the quotes of the whole
        text are folded once instead of once per sentence, and the emoji check is
        made once for an ASCII text (``FastSentimentAnalyzer.compounds``).
        """
        return self._analyzer.compounds(fold_quotes(text), spans, split)


def summarize(compounds: Sequence[float]) -> tuple[float | None, float | None, float | None]:
    """Mean compound, negative share and positive share of a list of sentence scores.

    >>> summarize([0.5, -0.5, 0.0, 0.6])
    (0.15, 0.25, 0.5)
    """
    if not compounds:
        return None, None, None
    n = len(compounds)
    # The comparisons counted in C: ``NEGATIVE_AT >= c`` is ``c <= NEGATIVE_AT``.
    return (
        sum(compounds) / n,
        sum(map(_AT_MOST_NEGATIVE, compounds)) / n,
        sum(map(_AT_LEAST_POSITIVE, compounds)) / n,
    )


_AT_MOST_NEGATIVE = NEGATIVE_AT.__ge__
_AT_LEAST_POSITIVE = POSITIVE_AT.__le__
