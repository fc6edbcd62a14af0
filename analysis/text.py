"""Text primitives shared by every analyzer: normalisation, tokens, sentences.

All offsets are character offsets into the normalised string. Curly quotes and
apostrophes stay in the text (readers see what the outlet printed) but token
forms fold them to straight ones, so lexicons and rules see a single spelling.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from itertools import accumulate

# Characters that render as a space but are not one; news sites are full of them.
_SPACE_LIKE = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000\t"), " ")
# Invisible characters that break word matching and carry no meaning.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_TRANSLATION = {**_SPACE_LIKE, **_INVISIBLE}
# The same mapping as regexes: a character class scans in C, str.translate with a dict
# looks every character up in Python (it cost a third of ingest's cleaning).
_SPACE_LIKE_RE = re.compile("[" + "".join(map(chr, _SPACE_LIKE)) + "]")
_INVISIBLE_RE = re.compile("[" + "".join(map(chr, _INVISIBLE)) + "]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r" {2,}")
_SPACE_AROUND_NEWLINE = re.compile(r" *\n *")
_MANY_NEWLINES = re.compile(r"\n{3,}")

#: Curly quote and apostrophe forms, folded to straight ones for matching only.
QUOTE_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def normalize(text: str) -> str:
    """Clean text once, at ingest: NFC, space-like characters to spaces, tidy whitespace.

    Paragraphs stay separated by one blank line; curly quotes are kept.

    >>> normalize("News\\u00a0 /\\u00a0 Iraq\\r\\n\\r\\n\\r\\nNATO  says")
    'News / Iraq\\n\\nNATO says'
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    if not text.isascii():  # the same as .translate(_TRANSLATION), faster
        text = _INVISIBLE_RE.sub("", _SPACE_LIKE_RE.sub(" ", text))
    text = _CONTROL.sub("", text)
    # Each regex only where it can change something: a substring test is a C scan,
    # a regex that may match empty-prefixed at every position is not.
    if "  " in text:
        text = _SPACES.sub(" ", text)
    if " \n" in text or "\n " in text:
        text = _SPACE_AROUND_NEWLINE.sub("\n", text)
    if "\n\n\n" in text:
        text = _MANY_NEWLINES.sub("\n\n", text)
    return text.strip()


# A word: letters/digits, with inner apostrophes (straight or curly) and hyphens.
TOKEN_RE = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")


def fold_quotes(text: str) -> str:
    """``text.translate(QUOTE_FOLD)``, faster: four C-level replaces instead of a per-character
    table lookup, and nothing at all for ASCII text. Offsets are unchanged (one char for one).

    >>> print(fold_quotes("it’s “fine”"))
    it's "fine"
    """
    if text.isascii():
        return text
    return (
        text.replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
    )


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


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Word tokens as ``(start, end, form)``; ``form`` is lower-cased with straight apostrophes.

    >>> tokenize("Arab country’s US-led")
    [(0, 4, 'arab'), (5, 14, "country's"), (15, 21, 'us-led')]
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lower-case to two ("İ"): the slow way
        folded = fold_quotes(lowered)
        return [(a, b, folded[a:b]) for a, b in map(_SPAN, TOKEN_RE.finditer(text))]
    # Lower-casing keeps every character's word class (checked over all of Unicode), so
    # the tokens of the lower-cased text are the tokens of the text. Of the folded quotes
    # only the curly apostrophe can be inside a token; it and "'" are both inner apostrophes.
    if "\u2019" in lowered:
        lowered = lowered.replace("\u2019", "'")
    # Characters above U+FFFF take two UTF-16 units: the encoding is longer than 2 bytes
    # a character exactly when there are some (a C pass, ~1/50 of the split's time).
    if lowered.isascii() or len(lowered.encode("utf-16-le", "surrogatepass")) == 2 * len(lowered):
        parts = _bmp_token_split().split(lowered)
    else:
        parts = _TOKEN_SPLIT.split(lowered)
    # Separators and tokens alternate; their running lengths are each token's start and
    # end. zip takes two ends per token from the one iterator (the last separator's is left).
    ends = accumulate(map(len, parts))
    return [*zip(ends, ends, parts[1::2], strict=False)]


def count_words(text: str) -> int:
    """Number of word tokens, the denominator of every per-1,000-words rate."""
    return sum(1 for _ in TOKEN_RE.finditer(text))


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
    for match in _BREAK.finditer(text):
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
