"""Word tokens with their offsets; forms are lower-cased with straight apostrophes."""

from __future__ import annotations

import re
from functools import cache
from itertools import accumulate
from operator import itemgetter
from typing import NamedTuple

from analysis.text.normalize import fold_quotes

# A word: letters/digits, with inner apostrophes (straight or curly) and hyphens.
TOKEN_RE = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")


_SPAN = re.Match.span
# The token pattern as one capturing group: ``split`` then returns separators and tokens
# alternately, with no Match object per token.
_TOKEN_SPLIT = re.compile(f"({TOKEN_RE.pattern})")


@cache
def _bmp_token_split() -> re.Pattern[str]:
    """``_TOKEN_SPLIT`` for text without characters above U+FFFF (all but a few articles).

    The same tokens, ~30% faster: ``[^\\W_]`` (letter or digit) spelled out as ranges,
    which the regex engine tests with one table lookup per character instead of Unicode
    database calls. The ranges come from the engine's own ``[^\\W_]`` over the whole
    plane, so the two agree on every character. A single leading class (not a repeat)
    lets the engine skip ahead to a possible first character in C, and the possessive
    ``*+`` (nothing follows it to backtrack for) saves its backtracking bookkeeping.
    Built on first use (~25 ms), not at import.
    """
    plane = "".join(map(chr, range(0x10000)))
    runs = [m.span() for m in re.finditer(r"[^\W_]+", plane)]
    w = "[" + "".join(f"\\u{a:04x}-\\u{b - 1:04x}" for a, b in runs) + "]"
    return re.compile(f"({w}{w}*(?:['\u2019\\-]{w}+)*+)")


def _parts(text: str) -> list[str] | None:
    """Separators and token forms of ``text``, alternately (``_TOKEN_SPLIT.split`` of the
    lower-cased text with straight apostrophes), or None for a text with a character that
    lower-cases to two ("İ"), whose offsets the lower-cased text would not keep."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return None
    # Lower-casing keeps every character's word class (checked over all of Unicode), so
    # the tokens of the lower-cased text are the tokens of the text. Of the folded quotes
    # only the curly apostrophe can be inside a token; it and "'" are both inner apostrophes.
    if "\u2019" in lowered:
        lowered = lowered.replace("\u2019", "'")
    # Characters above U+FFFF take two UTF-16 units: the encoding is longer than 2 bytes
    # a character exactly when there are some (a C pass, ~1/50 of the split's time).
    if lowered.isascii() or len(lowered.encode("utf-16-le", "surrogatepass")) == 2 * len(lowered):
        return _bmp_token_split().split(lowered)
    return _TOKEN_SPLIT.split(lowered)


def _tokenize_slowly(text: str) -> list[tuple[int, int, str]]:
    # Each token's offsets from a Match: the text's own, whatever lower-casing does to it.
    folded = fold_quotes(text.lower())
    return [(a, b, folded[a:b]) for a, b in map(_SPAN, TOKEN_RE.finditer(text))]


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Word tokens as ``(start, end, form)``; ``form`` is lower-cased with straight apostrophes.

    >>> tokenize("Arab country’s US-led")
    [(0, 4, 'arab'), (5, 14, "country's"), (15, 21, 'us-led')]
    """
    parts = _parts(text)
    if parts is None:
        return _tokenize_slowly(text)
    # Separators and tokens alternate; their running lengths are each token's start and
    # end. zip takes two ends per token from the one iterator (the last separator's is left).
    ends = accumulate(map(len, parts))
    return [*zip(ends, ends, parts[1::2], strict=False)]


class Tokens(NamedTuple):
    """:func:`tokenize`'s tokens, and their starts and forms as lists of their own."""

    tokens: list[tuple[int, int, str]]
    starts: list[int]
    forms: list[str]


_START, _FORM = itemgetter(0), itemgetter(2)


def tokenize_columns(text: str) -> Tokens:
    """``tokenize(text)`` with the tokens' starts and forms, for callers that need those
    lists too (the analyzer: the sentence of each token, the lexicon search): cut from
    the split's own lists in C instead of read back out of every token.

    >>> tokens, starts, forms = tokenize_columns("Arab country’s US-led")
    >>> tokens == tokenize("Arab country’s US-led"), starts, forms
    (True, [0, 5, 15], ['arab', "country's", 'us-led'])
    """
    parts = _parts(text)
    if parts is None:
        tokens = _tokenize_slowly(text)
        return Tokens(tokens, [*map(_START, tokens)], [*map(_FORM, tokens)])
    # The running lengths: token i starts at offsets[2i] and ends at offsets[2i + 1].
    offsets = [*accumulate(map(len, parts))]
    starts = offsets[:-1:2]
    forms = parts[1::2]
    return Tokens([*zip(starts, offsets[1::2], forms, strict=True)], starts, forms)


def count_words(text: str) -> int:
    """Number of word tokens, the denominator of every per-1,000-words rate."""
    return sum(1 for _ in TOKEN_RE.finditer(text))
