"""Stage 2, text: normalisation, tokens, sentences, the lexicon pattern engine, lexicon files.

The names below are the text primitives every later stage uses; they live in
:mod:`~analysis.text.normalize`, :mod:`~analysis.text.tokens` and
:mod:`~analysis.text.sentences`.
"""

from analysis.text.normalize import QUOTE_FOLD, QUOTE_PAIRS, fold_quotes, match_form, normalize
from analysis.text.sentences import ABBREVIATIONS, sentence_index, split_sentences
from analysis.text.tokens import (
    TOKEN_RE,
    Tokens,
    count_words,
    tokenize,
    tokenize_columns,
    tokenize_each,
)

__all__ = [
    "ABBREVIATIONS",
    "QUOTE_FOLD",
    "QUOTE_PAIRS",
    "TOKEN_RE",
    "Tokens",
    "count_words",
    "fold_quotes",
    "match_form",
    "normalize",
    "sentence_index",
    "split_sentences",
    "tokenize",
    "tokenize_columns",
    "tokenize_each",
]
