"""Sentence spans: a compiled, abbreviation-aware splitter."""

from __future__ import annotations

import re

# Words whose trailing period does not end a sentence.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "sgt",
        "capt",
        "cpt",
        "maj",
        "adm",
        "cmdr",
        "gov",
        "sen",
        "rep",
        "rev",
        "hon",
        "pres",
        "st",
        "mt",
        "ft",
        "jr",
        "sr",
        "messrs",
        "mme",
        "mlle",
        "no",
        "nos",
        "vol",
        "pp",
        "fig",
        "al",
        "approx",
        "est",
        "dept",
        "univ",
        "inc",
        "ltd",
        "corp",
        "co",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "vs",
        "cf",
        "ca",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
    ]
)
# Words that, after a dotted acronym such as "U.S.", mark the start of a new sentence.
_SENTENCE_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "this",
        "that",
        "these",
        "those",
        "but",
        "and",
        "in",
        "on",
        "at",
        "meanwhile",
        "however",
        "his",
        "her",
        "their",
        "its",
        "there",
        "after",
        "before",
        "when",
        "while",
        "officials",
    ]
)

# One scan finds both kinds of sentence end. A paragraph break: a newline, any space,
# another newline (and the space after it, so the next sentence starts on a word).
# Or sentence-final punctuation, optional closing quotes/brackets, then whitespace with
# at most one newline (more is a paragraph break), then something that can open a
# sentence (an opening quote or bracket, a capital or digit); group 1 is that whitespace.
# The pattern opens with a single character class so the engine skips in C to the next
# newline or stop; a paragraph break's whitespace is never a boundary's (the boundary
# needs a word after it), so the two never overlap.
_BREAK = re.compile(
    "[\n.!?\u2026](?:"
    r"(?<=\n)\s*\n\s*"
    "|(?<!\n)[.!?\u2026]*[\"'\u201d\u2019\u00bb)\\]]*((?:[^\\S\n]+\n?|\n)[^\\S\n]*)"
    "(?=[\"'\u201c\u2018\u00ab(\\[]?[A-Z0-9\u00c0-\u00de]))"
)
# The same pattern without the ellipsis, for a text that holds none (nearly every text):
# the same matches there, and its classes of stops are then all below U+0100, which the
# engine tests with one bitmap lookup a character (~10% of the split's instructions).
_BREAK_WITHOUT_ELLIPSIS = re.compile(_BREAK.pattern.replace("\u2026", ""))
# The word before a period: its longest run of characters that are not space, quotes
# or brackets ending at the end (or before a final newline) of the 20 characters before.
_WORD_BEFORE = re.compile(r"(?<![^\s\"'(\[\u201c\u2018])[^\s\"'(\[\u201c\u2018]++$")
_NEXT_WORD = re.compile(r"[\"'\u201c\u2018\u00ab(\[]?([^\W_]+)")


def _is_abbreviation(text: str, period: int, next_start: int) -> bool:
    """True when the period at ``period`` belongs to an abbreviation, not a sentence end."""
    before = _WORD_BEFORE.search(text[period - 20 if period > 20 else 0 : period])
    if before is None:
        return False
    bare = before.group().lower().rstrip(".")
    if "." in bare:  # dotted acronym: U.S., a.m., U.N.
        following = _NEXT_WORD.match(text, next_start)
        return not (following and following.group(1).lower() in _SENTENCE_STARTERS)
    if len(bare) == 1:  # an initial: "Jens J. Stoltenberg"
        return bare.isalpha()
    return bare in ABBREVIATIONS


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text``, trimmed of surrounding whitespace.

    Paragraph breaks always end a sentence; ``.``, ``!``, ``?`` end one when
    followed by space and a capital, digit or opening quote, unless the period
    belongs to an abbreviation (Gen., Dr., Jan., U.S. before a name), an
    initial, or a decimal number.

    >>> s = "Gen. Tarev spoke at 9 a.m. on Monday. “We agreed,” he said. Prices rose 3.2%."
    >>> [s[a:b] for a, b in split_sentences(s)]
    ['Gen. Tarev spoke at 9 a.m. on Monday.', '“We agreed,” he said.', 'Prices rose 3.2%.']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    while start < len(text) and text[start].isspace():
        start += 1
    # Every ``start`` is now on a non-space character (or at the end): the text's first,
    # one after a paragraph break's space, or the word after a boundary.
    breaks = _BREAK if "\u2026" in text else _BREAK_WITHOUT_ELLIPSIS
    for match in breaks.finditer(text):
        space = match.start(1)
        if space < 0:  # a paragraph break: the sentence ends before its space
            end = match.start()
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                spans.append((start, end))
            start = match.end()
        elif text[match.start()] != "." or not _is_abbreviation(text, match.start(), match.end()):
            spans.append((start, space))  # ends on the stop or a closing quote
            start = match.end()
    end = len(text)
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
    return spans


def sentence_index(spans: list[tuple[int, int]], offset: int) -> int:
    """Index of the sentence span holding ``offset`` (binary search); -1 if none."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid][1] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(spans) and spans[lo][0] <= offset else -1
