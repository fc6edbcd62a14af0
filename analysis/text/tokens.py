"""Word tokens with their offsets; forms are lower-cased with straight apostrophes."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from itertools import accumulate, compress
from operator import add, itemgetter
from typing import NamedTuple

from analysis.text.normalize import fold_quotes

# A word: letters/digits, with inner apostrophes (straight or curly) and hyphens.
TOKEN_RE = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")


_SPAN = re.Match.span
# The token pattern as one capturing group: ``split`` then returns separators and tokens
# alternately, with no Match object per token.
_TOKEN_SPLIT = re.compile(f"({TOKEN_RE.pattern})")


@cache
def _word_runs() -> list[tuple[int, int]]:
    """The runs of ``[^\\W_]`` (letter or digit) over the basic plane, by the regex
    engine's own class, so that every route below agrees with ``TOKEN_RE``."""
    plane = "".join(map(chr, range(0x10000)))
    return [m.span() for m in re.finditer(r"[^\W_]+", plane)]


@cache
def _bmp_token_split() -> re.Pattern[str]:
    """``_TOKEN_SPLIT`` for text without characters above U+FFFF (all but a few articles).

    The same tokens, ~30% faster: ``[^\\W_]`` (letter or digit) spelled out as ranges,
    which the regex engine tests with one table lookup per character instead of Unicode
    database calls. A single leading class (not a repeat) lets the engine skip ahead to
    a possible first character in C, and the possessive ``*+`` (nothing follows it to
    backtrack for) saves its backtracking bookkeeping. Built on first use (~25 ms), not
    at import.
    """
    w = "[" + "".join(f"\\u{a:04x}-\\u{b - 1:04x}" for a, b in _word_runs()) + "]"
    return re.compile(f"({w}{w}*(?:['\u2019\\-]{w}+)*+)")


@cache
def _unit_classes():
    """NumPy, and two tables over the UTF-16 code units: letter or digit (``[^\\W_]``), and
    inner mark (an apostrophe or hyphen, which joins the letters on either side). Built on
    first use (~25 ms); NumPy is imported here, not when the module is."""
    import numpy as np

    word = np.zeros(0x10000, np.bool_)
    for a, b in _word_runs():
        word[a:b] = True
    mark = np.zeros(0x10000, np.bool_)
    mark[[ord("'"), ord("\u2019"), ord("-")]] = True
    return np, word, mark


def prepare_tokenizer() -> None:
    """Build the tokenizer's tables now (~50 ms), not on the first text: a process pool's
    parent calls it (through the analyzer's constructor) so that its workers inherit them."""
    _bmp_token_split()
    _unit_classes()


#: From this length on, a text is tokenised with NumPy over its code units: a fixed cost
#: of ~8 us, then about half the regex split's time a character (the two even at ~400
#: characters); shorter ones (headlines) by the regex split.
VECTOR_FROM = 500


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Word tokens as ``(start, end, form)``; ``form`` is lower-cased with straight apostrophes.

    >>> tokenize("Arab country’s US-led")
    [(0, 4, 'arab'), (5, 14, "country's"), (15, 21, 'us-led')]
    """
    return tokenize_columns(text).tokens


class Tokens(NamedTuple):
    """:func:`tokenize`'s tokens, and their starts and forms as lists of their own."""

    tokens: list[tuple[int, int, str]]
    starts: list[int]
    forms: list[str]


_START, _FORM = itemgetter(0), itemgetter(2)


def tokenize_columns(text: str) -> Tokens:
    """``tokenize(text)`` with the tokens' starts and forms, for callers that need those
    lists too (the analyzer: the sentence of each token, the lexicon search).

    >>> tokens, starts, forms = tokenize_columns("Arab country’s US-led")
    >>> tokens == tokenize("Arab country’s US-led"), starts, forms
    (True, [0, 5, 15], ['arab', "country's", 'us-led'])
    """
    lowered = text.lower()
    if len(lowered) != len(text):
        # A character lower-cases to two ("İ"): offsets from the text itself.
        folded = fold_quotes(lowered)
        tokens = [(a, b, folded[a:b]) for a, b in map(_SPAN, TOKEN_RE.finditer(text))]
        return Tokens(tokens, [*map(_START, tokens)], [*map(_FORM, tokens)])
    # Lower-casing keeps every character's word class (checked over all of Unicode), so
    # the tokens of the lower-cased text are the tokens of the text. Of the folded quotes
    # only the curly apostrophe can be inside a token; it and "'" are both inner apostrophes.
    if "\u2019" in lowered:
        lowered = lowered.replace("\u2019", "'")
    if lowered.isascii():
        units, codec = lowered.encode("ascii"), "ascii"
    else:
        units, codec = lowered.encode("utf-16-le", "surrogatepass"), "utf-16-le"
        # Characters above U+FFFF take two UTF-16 units: the regex, on code points.
        if len(units) != 2 * len(lowered):
            return _split_columns(_TOKEN_SPLIT.split(lowered))
    if len(lowered) < VECTOR_FROM:
        return _split_columns(_bmp_token_split().split(lowered))
    return _vector_columns(units, codec)


def _split_columns(parts: list[str]) -> Tokens:
    # Separators and tokens alternate; their running lengths are the offsets: token i
    # starts at offsets[2i] and ends at offsets[2i + 1].
    offsets = [*accumulate(map(len, parts))]
    starts = offsets[:-1:2]
    forms = parts[1::2]
    return Tokens([*zip(starts, offsets[1::2], forms, strict=True)], starts, forms)


def _vector_columns(encoded: bytes, codec: str) -> Tokens:
    """The tokens of a text of basic-plane characters from its code units ``encoded`` (ASCII
    or UTF-16): each unit's class by table lookup, a mark between two letters joined to them,
    the tokens' edges where the class changes, and their forms by ``str.split`` of the text
    with every other character made a space: NumPy and C, no step per token in Python."""
    np = _unit_classes()[0]
    units = np.frombuffer(encoded, np.uint8 if codec == "ascii" else np.uint16)
    edges, spaced = _edges_and_spaced(units)
    starts = edges[0::2].tolist()
    forms = spaced.tobytes().decode(codec).split()
    return Tokens([*zip(starts, edges[1::2].tolist(), forms, strict=True)], starts, forms)


def _edges_and_spaced(units):
    """The tokens' edges in ``units`` (a NumPy array of code units: each token's start and
    end, alternately) and the units with every unit outside a token made a space."""
    np, word_units, mark_units = _unit_classes()
    # Each unit's class, with a non-letter either side: word[i + 1] is unit i's.
    word = np.zeros(len(units) + 2, np.bool_)
    word[1:-1] = word_units[units]
    inner = mark_units[units]
    inner &= word[:-2]
    inner &= word[2:]
    word[1:-1] |= inner
    edges = (word[1:] != word[:-1]).nonzero()[0]
    return edges, np.where(word[1:-1], units, units.dtype.type(ord(" ")))


def tokenize_each(texts: Sequence[str]) -> Iterator[Tokens]:
    """``tokenize_columns`` of each text, in order, for a batch of texts.

    The NumPy work is done once for all the texts (joined by line breaks, which no token
    crosses) when the first one is asked for: its fixed cost of ~8 us a call is then paid
    per batch, not per text, and its code stays in the CPU's caches. Each text's token
    lists are built only when it is reached, so a batch's tokens are never all held at
    once. Texts that lower-case to another length or hold characters above U+FFFF take
    ``tokenize_columns``.

    >>> [forms for _, _, forms in tokenize_each(["Arab country’s", "", "US-led"])]
    [['arab', "country's"], [], ['us-led']]
    """
    for at in range(0, len(texts), _EACH_CHUNK):
        yield from _tokenize_chunk(texts[at : at + _EACH_CHUNK])


#: Texts joined into one NumPy pass by ``tokenize_each``.
_EACH_CHUNK = 24


def _tokenize_chunk(texts: Sequence[str]) -> Iterator[Tokens]:
    lowered = [text.lower() for text in texts]
    # The texts whose code units are their characters, lower-cased in place.
    vector = [len(low) == len(text) for low, text in zip(lowered, texts, strict=True)]
    joined = "\n".join(compress(lowered, vector))
    encoded = joined.encode("utf-16-le", "surrogatepass")
    if len(encoded) != 2 * len(joined):  # characters above U+FFFF: those texts apart
        vector = [
            v and (low.isascii() or max(low) <= "\uffff")
            for low, v in zip(lowered, vector, strict=True)
        ]
        joined = "\n".join(compress(lowered, vector))
        encoded = joined.encode("utf-16-le", "surrogatepass")
    np = _unit_classes()[0]
    edges, spaced_units = _edges_and_spaced(np.frombuffer(encoded, np.uint16))
    # Of the folded quotes only the curly apostrophe can be inside a token (as in
    # tokenize_columns); the spaced text keeps each text's offsets.
    spaced = spaced_units.tobytes().decode("utf-16-le").replace("\u2019", "'")
    lengths = [len(low) for low in compress(lowered, vector)]
    offsets = [*accumulate(lengths, lambda at, length: at + length + 1, initial=0)][:-1]
    firsts = np.searchsorted(edges, offsets).tolist()
    lasts = np.searchsorted(edges, [*map(add, offsets, lengths)], side="right").tolist()
    places = iter(zip(offsets, lengths, firsts, lasts, strict=True))
    for text, in_vector in zip(texts, vector, strict=True):
        if not in_vector:
            yield tokenize_columns(text)
            continue
        at, length, first, last = next(places)
        bounds = (edges[first:last] - at).tolist()
        starts = bounds[0::2]
        forms = spaced[at : at + length].split()
        yield Tokens([*zip(starts, bounds[1::2], forms, strict=True)], starts, forms)


def count_words(text: str) -> int:
    """Number of word tokens, the denominator of every per-1,000-words rate."""
    return sum(1 for _ in TOKEN_RE.finditer(text))
