"""Per-article state for attribution: the text, its folded twin, quotations, tokens.

A word is ``analysis.text.tokenize``'s tuple ``(start, end, form)``; the helpers here
(``_joinable``, ``_first_chunk``, ``_head``) are shared by the cue, source, content and
speaker rules.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import itemgetter

from analysis.measures.attribution.vocabulary import (
    HEAD_BREAK,
)
from analysis.text import ABBREVIATIONS, TOKEN_RE

_SPAN = re.Match.span

# (cheap substring hints checked before ANONYMITY_RE: "anonym", "named", "identified", "authori")
# Quotations: curly doubles (may span sentences), straight doubles within a
# paragraph, curly singles whose closing mark is not an apostrophe. Three
# patterns with literal first characters scan far faster than one alternation.
_QUOTE_PATTERNS = (
    ("“", re.compile(r"“[^“”]*”")),
    ('"', re.compile(r'"[^"\n]*"')),
    ("‘", re.compile(r"(?<![^\W_])‘(?:[^‘’\n]|’(?=[^\W_]))*’(?![^\W_])")),
    # Two apostrophes for a double quotation mark, as some wire and newspaper text has it.
    ("''", re.compile(r"(?<![\w'])''(?:[^'\n]|'(?!'))*''(?!')")),
)

_CLOSING = "”\"’'"
# What may follow a cue when the content came before it ("he said on Thursday.").
_TRIVIAL_REST = re.compile(
    r"\s*(?:(?:on|in|at|during|late|early|last|this|yesterday|today|tonight|earlier|later"
    r"|after|before|from|via|to|through|monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday)\b[^,;:“”\"‘]{0,60})?[\s.!?…”\"’]*$",
    re.IGNORECASE,
)
# The characters that join two letters inside a ``TOKEN_RE`` word ("O’Brien", "US-led").
_JOINERS = "'\u2019-"

# A party and state after a politician's name: "(D-Ore.)", "(R-N.Y.)", "(I-Vt.)", "(R-OH)",
# or the party alone: "(D)".
# The bracket is part of the noun phrase ("Sen. Ann Lee (D-Ore.) said"), as in PARC.
_PARTY_BRACKET = re.compile(
    r"\((?:[DRI]|Dem|Rep|Ind)\.?(?:\s?[-–]\s?(?:[A-Z][A-Za-z]*\.?\s?){1,3})?\)"
)

_AGE_RE = re.compile(r"\d+-year-old")
# Characters around a cue worth tokenising: a 12-word source plus an
# interruption before it, a listener and an inverted source after it.
_WINDOW_BEFORE = 60

_WINDOW_AFTER = 40

# A word is ``analysis.text.tokenize``'s tuple ``(start, end, form)``, ``form`` lower-cased
# with straight apostrophes: the article's own tuples, sliced per sentence, with nothing
# built per word (a named tuple per word cost a fifth of this module's time). Whether a
# word is capitalised is read off the text when a rule asks: ``text[tok[_START]].isupper()``.
_Tok = tuple[int, int, str]

_START, _END, _FORM = 0, 1, 2

_token_start = itemgetter(_START)

_token_end = itemgetter(_END)

_token_form = itemgetter(_FORM)


class _Widen(Exception):
    """A phrase ran into the edge of the tokenising window: retry on the whole sentence."""


def quotation_holding(
    quotes: list[tuple[int, int]], quote_starts: list[int], pos: int
) -> tuple[int, int] | None:
    """The quotation of ``quotes`` (sorted, with their ``quote_starts``) that ``pos`` is
    strictly inside, or None."""
    i = bisect_right(quote_starts, pos) - 1
    if i >= 0 and quotes[i][0] < pos < quotes[i][1]:
        return quotes[i]
    return None


class _Article:
    """Per-call state: the text, its folded twin, quotations and tokens (the sources and
    people seen so far are ``speakers._Speakers``, made beside it)."""

    def __init__(
        self,
        text: str,
        folded: str,
        sentences: list[tuple[int, int]],
        tokens: list[tuple[int, int, str]] | None = None,
        folded_is_lower: bool | None = None,
        token_starts: list[int] | None = None,
    ):
        self.text = text
        self.folded = folded
        # ``folded`` is ``text.lower()`` but for quotes and newlines (no character
        # lower-cased to two): its slices can stand for lower-cased slices of ``text``.
        if folded_is_lower is None:
            folded_is_lower = folded.isascii() or len(text.lower()) == len(text)
        self.folded_is_lower = folded_is_lower
        self.sentences = sentences
        # The article's word tokens (``analysis.text.tokenize``, whose forms equal
        # ``folded``'s slices), or None: then each sentence is tokenised on its own.
        self.tokens = tokens
        # The tokens' starts, when the caller has them: bisecting a list of offsets is
        # faster than bisecting the tuples with a key (one tuple visited per probe).
        if tokens is not None and token_starts is None:
            token_starts = [t[_START] for t in tokens]
        self._token_starts = token_starts
        self._sentence_toks: dict[int, list[_Tok]] = {}
        self._sentence_spans: dict[int, tuple[int, int] | None] = {}
        self.quotes = sorted(
            (m.start(), m.end())
            for mark, pattern in _QUOTE_PATTERNS
            if mark in text
            for m in pattern.finditer(text)
        )
        self.quote_starts = [q[0] for q in self.quotes]
        # (sentence, start, end, words) of the last attribution's source, for "..., adding".
        self.last_source: tuple | None = None
        self.clipped_start = self.clipped_end = False
        self._sentence_starts = [a for a, _ in sentences]
        self._sentence_ends = [b for _, b in sentences]

    def lowered(self, start: int, end: int) -> str:
        """``text[start:end].lower()`` for a search for ASCII letters (quotes and newlines
        may differ): a slice of ``folded``, which spares lower-casing on the Unicode path."""
        if self.folded_is_lower:
            return self.folded[start:end]
        return self.text[start:end].lower()

    def holds(self, lowered: str, start: int, end: int) -> bool:
        """``lowered in self.lowered(start, end)``, without the slice when ``folded`` will do."""
        if self.folded_is_lower:
            return self.folded.find(lowered, start, end) >= 0
        return lowered in self.text[start:end].lower()

    def sentence_of(self, pos: int) -> int:
        """``sentence_index(self.sentences, pos)``, bisecting in C: the first sentence ending
        after ``pos`` holds it if it starts at or before it; -1 if none does."""
        i = bisect_right(self._sentence_ends, pos)
        return i if i < len(self.sentences) and self._sentence_starts[i] <= pos else -1

    def window(self, index: int, cue_start: int, cue_end: int, whole: bool) -> list[_Tok]:
        """Tokens of sentence ``index`` near a cue (all of them if ``whole``).

        Sets ``clipped_start``/``clipped_end`` when the window cut the sentence, so that a phrase
        running into its edge asks for the whole sentence (:class:`_Widen`).

        The same tokens as ``TOKEN_RE.finditer(text, lo, hi)``: the sentence's tokens
        that lie inside the window, plus the pieces of the at most two words the
        window's edges cut, scanned with that regex.
        """
        start, end = self.sentences[index]
        # (Comparisons rather than max() and min() here and in ``_evidence``: in CPython 3.11
        # those builtins cost about 1,000 instructions a call, 2% of this module's time.)
        if whole:
            lo, hi = start, end
        else:
            lo = cue_start - _WINDOW_BEFORE if cue_start - _WINDOW_BEFORE > start else start
            hi = cue_end + _WINDOW_AFTER if cue_end + _WINDOW_AFTER < end else end
        self.clipped_start = lo > start
        self.clipped_end = hi < end
        if lo == start and hi == end:
            # (the rules only read the list: the memoised one will do)
            return self._sentence_tokens(index)
        # The sentence's words as a range of the article's (or, when the sentence has
        # words of its own, its own list): the window is sliced from it directly.
        span = self._sentence_spans.get(index, False)
        if span is False:
            span = self._sentence_span(index)
        if span is None:
            sent_toks = self._sentence_tokens(index)
            first, last = 0, len(sent_toks)
            a = bisect_left(sent_toks, lo, key=_token_start)  # first token starting inside
            b = bisect_right(sent_toks, hi, key=_token_end)  # tokens ending inside the window
        else:
            sent_toks = self.tokens
            first, last = span
            starts = self._token_starts
            a = bisect_left(starts, lo, first, last)  # first token starting inside
            # tokens ending inside the window: those starting before ``hi`` but one cut by it
            b = bisect_left(starts, hi, a, last)
            if b > first and sent_toks[b - 1][_END] > hi:
                b -= 1
        if a >= b:
            toks = self._scan(lo, hi)
        else:
            toks = sent_toks[a:b]
            text = self.text
            # A word cut by the window's start: its piece is scanned, unless the cut fell
            # between two letters, where the piece is a word cut in half, dropped below.
            if (
                a > first
                and sent_toks[a - 1][_END] > lo
                and not (text[lo].isalnum() and text[lo - 1].isalnum())
            ):
                toks[:0] = self._scan(lo, sent_toks[a][_START])
            if b < last and sent_toks[b][_START] < hi:  # a word cut by its end
                # What ``_scan`` finds there: the word's piece before ``hi``, less an
                # apostrophe or hyphen ending it (one joins two letters in a word).
                cut = sent_toks[b][_START]
                piece_end = hi - 1 if text[hi - 1] in _JOINERS else hi
                toks.append((cut, piece_end, self.folded[cut:piece_end]))
        text = self.text
        if self.clipped_start and toks and toks[0][_START] == lo and text[lo - 1].isalnum():
            toks.pop(0)  # a word cut in half by the window
        return toks

    def _scan(self, lo: int, hi: int) -> list[_Tok]:
        folded = self.folded
        return [(a, b, folded[a:b]) for a, b in map(_SPAN, TOKEN_RE.finditer(self.text, lo, hi))]

    def _sentence_tokens(self, index: int) -> list[_Tok]:
        """Tokens of sentence ``index`` (``TOKEN_RE.finditer(text, start, end)``), memoised."""
        cached = self._sentence_toks.get(index)
        if cached is not None:
            return cached
        span = self._sentence_span(index)
        if span is not None:
            toks = self.tokens[span[0] : span[1]]
        else:
            toks = self._scan(*self.sentences[index])
        self._sentence_toks[index] = toks
        return toks

    def _sentence_span(self, index: int) -> tuple[int, int] | None:
        """``(i, j)``: sentence ``index``'s words are ``tokens[i:j]``, memoised; None when the
        article's words are not the sentence's (a word crosses an edge, no tokens, no word,
        or no starts given to bisect)."""
        span = self._sentence_spans.get(index, False)
        if span is not False:
            return span
        span = None
        starts = self._token_starts
        if starts is not None:
            tokens = self.tokens
            start, end = self.sentences[index]
            i = bisect_left(starts, start)
            j = bisect_left(starts, end, i)
            # The article's tokens are the sentence's unless a word crosses an edge.
            if i < j and (i == 0 or tokens[i - 1][_END] <= start) and tokens[j - 1][_END] <= end:
                span = (i, j)
        self._sentence_spans[index] = span
        return span

    def quote_holding(self, pos: int) -> tuple[int, int] | None:
        return quotation_holding(self.quotes, self.quote_starts, pos)

    def quote_ending_at(self, end: int) -> tuple[int, int] | None:
        i = bisect_right(self.quote_starts, end) - 1
        while i >= 0:
            q = self.quotes[i]
            if q[1] == end:
                return q
            if q[1] < end:
                return None
            i -= 1
        return None

    def quotes_starting_in(self, start: int, end: int) -> list[tuple[int, int]]:
        i = bisect_right(self.quote_starts, start - 1)
        out = []
        while i < len(self.quotes) and self.quotes[i][0] < end:
            out.append(self.quotes[i])
            i += 1
        return out

    def sentence_end_of(self, pos: int) -> int:
        i = self.sentence_of(pos)
        return self.sentences[i][1] if i >= 0 else pos


_FOLD_PAIRS = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\n", " "))


def _fold(text: str) -> str:
    """Lower-cased, quote-folded, newline-free copy of ``text`` with the same offsets."""
    # Quotes first, then lower(): most articles are ASCII but for their curly quotes, and
    # once those are straight the string is stored as ASCII and lower() takes CPython's
    # ASCII path (a fifth of the cost of the Unicode one). The order does not change the
    # result: quotes and newlines have no case and are the same kind of neighbour for a
    # final sigma (’ and ' are both case-ignorable, “ ” " newline and space are not).
    # Chained replace: str.translate with a dict costs a Python lookup per character.
    quote_folded = text
    for curly, straight in _FOLD_PAIRS:
        if curly in quote_folded:
            quote_folded = quote_folded.replace(curly, straight)
    folded = quote_folded.lower()
    if len(folded) != len(text):  # a few characters lower-case to two ("İ")
        folded = "".join(c if len(c.lower()) != 1 else c.lower() for c in quote_folded)
    return folded


def _joinable(text: str, left: _Tok, right: _Tok) -> bool:
    """True when nothing but space (or a possessive, an abbreviation dot) separates two words."""
    gap = text[left[_END] : right[_START]]
    if gap == " ":  # by far the most common gap
        return True
    g = gap.strip()
    if not g:
        return "\n" not in gap  # a line break ends a phrase (a headline above the text)
    if g in ("’", "'") and left[_FORM].endswith("s"):
        return True
    if g == "%":
        return True  # "42% say": a share of people
    if g == "(":
        return _PARTY_BRACKET.match(text, left[_END] + gap.index("(")) is not None
    if g == ")" or g == ".)":
        close = left[_END] + gap.index(")") + 1
        opening = text.rfind("(", close - 16 if close > 16 else 0, close)
        return opening >= 0 and _PARTY_BRACKET.fullmatch(text, opening, close) is not None
    if g == "." and (
        left[_FORM] in ABBREVIATIONS
        or (len(left[_FORM]) == 1 and left[_FORM].isalpha())
        or left[_FORM][-2:-1] == "-"  # "R-N.Y.": a party and an abbreviated state
    ):
        return True
    return g == "&"


def _first_chunk(src_toks: list) -> list[_Tok]:
    """The source up to an apposition marker (``None``)."""
    if None in src_toks:
        return src_toks[: src_toks.index(None)]
    return src_toks


def _head(chunk: list[_Tok], text: str) -> _Tok:
    for i in range(1, len(chunk)):
        t = chunk[i]
        if t[_FORM] in HEAD_BREAK:
            # "of" between capitalised words belongs to a name ("Concord of Nations
            # official", "Minister of Foreign Affairs Yaros Dallin"): keep looking.
            if (
                t[_FORM] == "of"
                and text[chunk[i - 1][_START]].isupper()
                and i + 1 < len(chunk)
                and text[chunk[i + 1][_START]].isupper()
            ):
                continue
            return chunk[i - 1]
    return chunk[-1]
