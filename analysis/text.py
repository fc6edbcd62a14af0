"""Text primitives shared by every analyzer: normalisation, tokens, sentences.

All offsets are character offsets into the normalised string. Curly quotes and
apostrophes stay in the text (readers see what the outlet printed) but token
forms fold them to straight ones, so lexicons and rules see a single spelling.
"""

from __future__ import annotations

import re
import unicodedata
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
    parts = _TOKEN_SPLIT.split(lowered)
    ends = list(accumulate(map(len, parts)))
    return list(zip(ends[0::2], ends[1::2], parts[1::2], strict=False))  # one more separator


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

# Sentence-final punctuation, optional closing quotes/brackets, then whitespace, then
# something that can open a sentence (an opening quote or bracket, a capital or digit).
_BOUNDARY = re.compile(
    r"(?P<punct>[.!?\u2026]+)(?P<close>[\"'\u201d\u2019\u00bb)\]]*)(?P<space>\s+)"
    r"(?=[\"'\u201c\u2018\u00ab(\[]?[A-Z0-9\u00c0-\u00de])"
)
_PARAGRAPH = re.compile(r"\n\s*\n")
_WORD_BEFORE = re.compile(r"([^\s\"'(\[\u201c\u2018]+)$")
_NEXT_WORD = re.compile(r"[\"'\u201c\u2018\u00ab(\[]?([^\W_]+)")


def _is_abbreviation(text: str, punct_start: int, next_start: int) -> bool:
    """True when the period at ``punct_start`` belongs to an abbreviation, not a sentence end."""
    if text[punct_start] != ".":
        return False
    before = _WORD_BEFORE.search(text, max(0, punct_start - 20), punct_start)
    if not before:
        return False
    word = before.group(1).lower()
    bare = word.rstrip(".")
    if "." in bare:  # dotted acronym: U.S., a.m., U.N.
        following = _NEXT_WORD.match(text, next_start)
        return not (following and following.group(1).lower() in _SENTENCE_STARTERS)
    if len(bare) == 1 and bare.isalpha():  # an initial: "Jens J. Stoltenberg"
        return True
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
    paragraph_start = 0
    for paragraph_end in [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]:
        start = paragraph_start
        for match in _BOUNDARY.finditer(text, paragraph_start, paragraph_end):
            if _is_abbreviation(text, match.start("punct"), match.end()):
                continue
            _append_trimmed(text, start, match.start("space"), spans)
            start = match.end()
        _append_trimmed(text, start, paragraph_end, spans)
        paragraph_start = paragraph_end
        while paragraph_start < len(text) and text[paragraph_start].isspace():
            paragraph_start += 1
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


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
