"""A faithful, faster port of VADER's sentence scorer (mirrors vaderSentiment 3.3.2).

Slant scores every sentence of every article with VADER, so VADER is the floor
of the whole pipeline's speed. :class:`FastSentimentAnalyzer` returns exactly
the scores of ``vaderSentiment.vaderSentiment.SentimentIntensityAnalyzer`` (same
floats, same rounding, same quirks) at several times its speed.

It reads the lexicon and emoji lexicon from the installed vaderSentiment
package's own data files and imports its rule tables (``BOOSTER_DICT``,
``NEGATE``, ``SPECIAL_CASES``, ``N_SCALAR``, ``C_INCR``) instead of copying them.
The rules are vaderSentiment 3.3.2's, kept in its order, including behaviour
that looks accidental but changes scores:

- tokens are whitespace-split and stripped of ``string.punctuation`` unless that
  leaves two characters or fewer (so ``:)`` and ``no.`` survive unstripped);
- the emoji pass inserts a space before an emoji's description unless the
  previous character is a space, but none after it (``"😁abc"`` becomes
  ``"beaming face with smiling eyesabc"``);
- "no" before another lexicon word is zeroed, yet re-scored as negated when a
  "no" precedes it;
- the booster, negation and idiom checks for a preceding word run only when
  that word is not itself in the lexicon; at three words back, "so" or "this"
  right before the word multiplies by 1.25 with or without "never";
- "least" negates unless preceded by "at" or "very";
- the "but" rule rescales each sentiment found by *value* (``list.index``) in
  the list it is rewriting, so equal values can be rescaled twice or not at all;
- "!" and "?" are counted over the emoji-rewritten text.

What was optimized (none of it changes a score):

- each token is lower-cased once per sentence (ASCII text in one ``lower()``
  call), not rebuilt as a lower-cased list inside the negation, idiom and "but"
  checks (up to three times per sentiment word);
- the per-character emoji loop is skipped for ASCII text (no emoji key is
  ASCII); other text is searched with one compiled regex, and only text that
  holds a candidate character is rewritten;
- alphanumeric tokens skip the punctuation ``strip()``;
- only lexicon words run the rules (a dict lookup mapped over the tokens);
  booster and "kind of" tokens score 0 up front, as in vaderSentiment;
- negation words live in a frozenset; the idiom check runs only when the first
  two words of a multi-word idiom or booster sit next to the word, and looks
  up word tuples instead of formatting n-gram strings;
- :meth:`FastSentimentAnalyzer.compound` skips the pos/neu/neg split and dict.

On ``bench/vader_speed.py``'s news-like sentences ``compound`` runs about six
to seven times as fast as vaderSentiment's ``polarity_scores``.
"""

from __future__ import annotations

import math
import re
import string
import warnings
from importlib import metadata
from pathlib import Path

import vaderSentiment.vaderSentiment as _vader
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
)

__all__ = ["MIRRORED_VADER_VERSION", "FastSentimentAnalyzer", "assert_vader_version"]

MIRRORED_VADER_VERSION = "3.3.2"

_VADER_DIR = Path(_vader.__file__).resolve().parent
_PUNCTUATION = string.punctuation
_NEGATIONS = frozenset(NEGATE)
_SO_THIS = ("so", "this")
_OR_NOR = ("or", "nor")

# The idiom check compares n-grams of consecutive tokens with the multi-word
# keys of these two tables; it can only match where a token starts such a key.
_SPECIAL_NGRAMS = {tuple(k.split(" ")): v for k, v in SPECIAL_CASES.items() if " " in k}
_BOOSTER_NGRAMS = {tuple(k.split(" ")): v for k, v in BOOSTER_DICT.items() if " " in k}
_IDIOM_FIRST_WORDS = frozenset(ngram[0] for ngram in (*_SPECIAL_NGRAMS, *_BOOSTER_NGRAMS))
_IDIOM_FIRST_PAIRS = frozenset(ngram[:2] for ngram in (*_SPECIAL_NGRAMS, *_BOOSTER_NGRAMS))


def assert_vader_version() -> bool:
    """Warn (``RuntimeWarning``) unless the installed vaderSentiment is the mirrored one.

    Returns True when the versions match. Called once at import.
    """
    try:
        installed = metadata.version("vaderSentiment")
    except metadata.PackageNotFoundError:
        installed = None
    if installed == MIRRORED_VADER_VERSION:
        return True
    warnings.warn(
        f"analysis.vader_fast mirrors vaderSentiment {MIRRORED_VADER_VERSION} but "
        f"{installed or 'an unknown version'} is installed; its scores may differ from "
        f"vaderSentiment's. Pin vaderSentiment=={MIRRORED_VADER_VERSION} or re-check the port.",
        RuntimeWarning,
        stacklevel=2,
    )
    return False


assert_vader_version()


def _read_vader_file(name: str) -> str:
    # vaderSentiment reads with codecs.open, which does no newline translation.
    with open(_VADER_DIR / name, encoding="utf-8", newline="") as f:
        return f.read()


def _parse_lexicon(raw: str) -> dict[str, float]:
    """Parse ``vader_lexicon.txt`` exactly as ``make_lex_dict`` does."""
    lexicon = {}
    for line in raw.rstrip("\n").split("\n"):
        if not line:
            continue
        word, measure = line.strip().split("\t")[0:2]
        lexicon[word] = float(measure)
    return lexicon


def _parse_emoji_lexicon(raw: str) -> dict[str, str]:
    """Parse ``emoji_utf8_lexicon.txt`` exactly as ``make_emoji_dict`` does."""
    emojis = {}
    for line in raw.rstrip("\n").split("\n"):
        emoji, description = line.strip().split("\t")[0:2]
        emojis[emoji] = description
    return emojis


def _candidate_pattern(emoji_chars: set[str]) -> re.Pattern[str]:
    """A character class matching every emoji character, and maybe a few others.

    A class listing all ~1,200 emoji characters scans that list for every
    character of the text (~150 us a sentence), because ``re`` only compiles
    classes of Basic Multilingual Plane characters into a bitmap. So this lists
    the BMP emoji and accepts every astral character; callers confirm each
    match against the emoji dict.
    """
    bmp = "".join(re.escape(c) for c in sorted(emoji_chars) if ord(c) <= 0xFFFF)
    return re.compile(f"[{bmp}\U00010000-\U0010ffff]")


def _strip_punctuation(tokens: list[str]) -> list[str]:
    """SentiText's ``_strip_punc_if_word`` over all tokens.

    Strips leading and trailing ``string.punctuation`` unless that leaves two
    characters or fewer (so emoticons such as ":)" survive). Most tokens are
    alphanumeric and would strip to themselves, and ``isalnum()`` is cheaper to
    ask than ``strip()`` with a 32-character set.
    """
    return [
        token
        if token.isalnum()
        else (stripped if len(stripped := token.strip(_PUNCTUATION)) > 2 else token)
        for token in tokens
    ]


def _normalize(score: float, alpha: float = 15) -> float:
    norm_score = score / math.sqrt((score * score) + alpha)
    if norm_score < -1.0:
        return -1.0
    if norm_score > 1.0:
        return 1.0
    return norm_score


def _punctuation_emphasis(text: str) -> float:
    ep_count = text.count("!")
    if ep_count > 4:
        ep_count = 4
    ep_amplifier = ep_count * 0.292
    qm_count = text.count("?")
    qm_amplifier = 0
    if qm_count > 1:
        qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
    return ep_amplifier + qm_amplifier


def _booster_scalar(booster: float, word: str, valence: float, is_cap_diff: bool) -> float:
    """vaderSentiment's ``scalar_inc_dec`` for a word known to be a booster."""
    scalar = booster
    if valence < 0:
        scalar *= -1
    if is_cap_diff and word.isupper():
        if valence > 0:
            scalar += C_INCR
        else:
            scalar -= C_INCR
    return scalar


def _idiom_may_start_near(lower: list[str], i: int) -> bool:
    """Whether the first two words of a multi-word key start at i-3, ..., i (i > 2).

    Every n-gram the idiom check for the word at ``i`` compares starts there,
    so when this is False that check cannot change the valence.
    """
    return (
        (lower[i - 3], lower[i - 2]) in _IDIOM_FIRST_PAIRS
        or (lower[i - 2], lower[i - 1]) in _IDIOM_FIRST_PAIRS
        or (lower[i - 1], lower[i]) in _IDIOM_FIRST_PAIRS
        or (i + 1 < len(lower) and (lower[i], lower[i + 1]) in _IDIOM_FIRST_PAIRS)
    )


def _special_idioms_check(valence: float, lower: list[str], i: int) -> float:
    """vaderSentiment's ``_special_idioms_check`` (called only for i > 2).

    vaderSentiment joins n-grams with spaces and looks them up in
    ``SPECIAL_CASES`` and ``BOOSTER_DICT``; tokens hold no spaces, so looking
    up word tuples in the same tables split on spaces is the same test.
    """
    w0, w1, w2, w3 = lower[i], lower[i - 1], lower[i - 2], lower[i - 3]
    threetwoone, threetwo, twoone = (w3, w2, w1), (w3, w2), (w2, w1)
    for seq in ((w1, w0), (w2, w1, w0), twoone, threetwoone, threetwo):
        if seq in _SPECIAL_NGRAMS:
            valence = _SPECIAL_NGRAMS[seq]
            break
    n = len(lower)
    if n - 1 > i:
        zeroone = (w0, lower[i + 1])
        if zeroone in _SPECIAL_NGRAMS:
            valence = _SPECIAL_NGRAMS[zeroone]
    if n - 1 > i + 1:
        zeroonetwo = (w0, lower[i + 1], lower[i + 2])
        if zeroonetwo in _SPECIAL_NGRAMS:
            valence = _SPECIAL_NGRAMS[zeroonetwo]
    # Booster/dampener n-grams such as "sort of" or "kind of".
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in _BOOSTER_NGRAMS:
            valence = valence + _BOOSTER_NGRAMS[n_gram]
    return valence


def _but_check(lower: list[str], sentiments: list[float]) -> None:
    """vaderSentiment's ``_but_check``, in place, quirks included.

    vaderSentiment iterates over the list while rewriting it and finds each
    sentiment's position by value, so this loop does the same.
    """
    if "but" not in lower:
        return
    bi = lower.index("but")
    for k in range(len(sentiments)):
        sentiment = sentiments[k]
        si = sentiments.index(sentiment)
        if si < bi:
            sentiments[si] = sentiment * 0.5
        elif si > bi:
            sentiments[si] = sentiment * 1.5


class FastSentimentAnalyzer:
    """Drop-in, score-identical replacement for vaderSentiment's analyzer.

    Build one per process and reuse it: loading the lexicons is the slow part.
    Text must be a ``str`` (other types raise ``TypeError``, where vaderSentiment
    would fail or score their iteration).

    >>> FastSentimentAnalyzer().polarity_scores("The book was good.")
    {'neg': 0.0, 'neu': 0.508, 'pos': 0.492, 'compound': 0.4404}
    """

    def __init__(
        self,
        lexicon_file: str = "vader_lexicon.txt",
        emoji_lexicon: str = "emoji_utf8_lexicon.txt",
    ) -> None:
        self.lexicon = _parse_lexicon(_read_vader_file(lexicon_file))
        self.emojis = _parse_emoji_lexicon(_read_vader_file(emoji_lexicon))
        # Boosters score 0 before the lexicon is consulted, so drop them here.
        self._scoring = {w: v for w, v in self.lexicon.items() if w not in BOOSTER_DICT}
        self._least_negates = "least" not in self.lexicon
        # vaderSentiment walks the text one character at a time, so only
        # single-character keys can ever match.
        emoji_chars = {k for k in self.emojis if len(k) == 1}
        # No stock emoji key is ASCII, which lets ASCII text skip the emoji pass.
        self._ascii_may_hold_emoji = any(c.isascii() for c in emoji_chars)
        self._emoji_candidate_re = _candidate_pattern(emoji_chars)

    def polarity_scores(self, text: str) -> dict[str, float]:
        """Return ``{"neg", "neu", "pos", "compound"}`` exactly as vaderSentiment does."""
        sentiments, text = self._sentiments(text)
        if not sentiments:
            return {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
        sum_s = float(sum(sentiments))
        punct_emph_amplifier = _punctuation_emphasis(text)
        if sum_s > 0:
            sum_s += punct_emph_amplifier
        elif sum_s < 0:
            sum_s -= punct_emph_amplifier
        compound = _normalize(sum_s)

        # Separate positive and negative sums, adding in vaderSentiment's order;
        # zeros only count as neutral, so the loop skips them.
        pos_sum = 0.0
        neg_sum = 0.0
        neu_count = sentiments.count(0)
        for sentiment_score in filter(None, sentiments):
            if sentiment_score > 0:
                pos_sum += float(sentiment_score) + 1
            elif sentiment_score < 0:
                neg_sum += float(sentiment_score) - 1
        if pos_sum > math.fabs(neg_sum):
            pos_sum += punct_emph_amplifier
        elif pos_sum < math.fabs(neg_sum):
            neg_sum -= punct_emph_amplifier
        total = pos_sum + math.fabs(neg_sum) + neu_count
        return {
            "neg": round(math.fabs(neg_sum / total), 3),
            "neu": round(math.fabs(neu_count / total), 3),
            "pos": round(math.fabs(pos_sum / total), 3),
            "compound": round(compound, 4),
        }

    def compound(self, text: str) -> float:
        """Return ``polarity_scores(text)["compound"]`` without building the rest.

        >>> FastSentimentAnalyzer().compound("VADER is not smart, handsome, nor funny.")
        -0.7424
        """
        sentiments, text = self._sentiments(text)
        if not sentiments:
            return 0.0
        sum_s = float(sum(sentiments))
        if sum_s > 0:
            sum_s += _punctuation_emphasis(text)
        elif sum_s < 0:
            sum_s -= _punctuation_emphasis(text)
        return round(_normalize(sum_s), 4)

    def _replace_emoji(self, text: str) -> str:
        """Swap each emoji for its description, spaced as vaderSentiment spaces it."""
        emojis = self.emojis

        def describe(match: re.Match[str]) -> str:
            char = match.group()
            description = emojis.get(char)
            if description is None:  # a candidate that is no emoji
                return char
            start = match.start()
            if start == 0 or text[start - 1] == " ":
                return description
            return " " + description

        return self._emoji_candidate_re.sub(describe, text)

    def _sentiments(self, text: str) -> tuple[list[float], str]:
        """Per-token sentiments after the "but" rule, and the text they came from."""
        if not isinstance(text, str):
            raise TypeError(f"expected a str to score, got {type(text).__name__}")
        ascii_only = text.isascii()
        if (self._ascii_may_hold_emoji or not ascii_only) and self._emoji_candidate_re.search(text):
            text = self._replace_emoji(text)
            ascii_only = text.isascii()
        text = text.strip()

        # vaderSentiment's SentiText tokens, lower-cased. ASCII lower-casing
        # keeps each character's length and leaves punctuation alone, so there
        # stripping the lower-cased text's tokens is the same as lower-casing
        # the stripped tokens, one token at a time.
        tokens = text.split()
        n = len(tokens)
        if not n:
            return [], text
        if ascii_only:
            lower = _strip_punctuation(text.lower().split())
        else:
            lower = [word.lower() for word in _strip_punctuation(tokens)]
        # Stripping removes only uncased characters, so str.isupper() gives
        # the same answer on the raw token as on vaderSentiment's stripped one.
        all_caps = sum(map(str.isupper, tokens))
        is_cap_diff = 0 < all_caps < n

        sentiments: list[float] = [0] * n
        lexicon = self.lexicon
        for i, valence in enumerate(map(self._scoring.get, lower)):
            if valence is None:
                continue
            if i < n - 1 and lower[i] == "kind" and lower[i + 1] == "of":
                continue
            sentiments[i] = self._valence(valence, i, tokens, lower, is_cap_diff, lexicon)

        _but_check(lower, sentiments)
        return sentiments, text

    def _valence(
        self,
        base: float,
        i: int,
        tokens: list[str],
        lower: list[str],
        is_cap_diff: bool,
        lexicon: dict[str, float],
    ) -> float:
        """vaderSentiment's ``sentiment_valence`` for the lexicon word at ``i``.

        ``tokens`` are the unstripped tokens, used only for ``isupper()``.
        """
        valence = base
        # "no" before another lexicon word is a negation, not a sentiment.
        if lower[i] == "no" and i != len(lower) - 1 and lower[i + 1] in lexicon:
            valence = 0.0
        if (
            (i > 0 and lower[i - 1] == "no")
            or (i > 1 and lower[i - 2] == "no")
            or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in _OR_NOR)
        ):
            valence = base * N_SCALAR

        if is_cap_diff and tokens[i].isupper():
            if valence > 0:
                valence += C_INCR
            else:
                valence -= C_INCR

        # Up to three preceding words that are not lexicon words themselves.
        if i > 0:
            w1 = lower[i - 1]
            if w1 not in lexicon:
                booster = BOOSTER_DICT.get(w1)
                if booster is not None:
                    valence = valence + _booster_scalar(
                        booster, tokens[i - 1], valence, is_cap_diff
                    )
                if w1 in _NEGATIONS or "n't" in w1:
                    valence = valence * N_SCALAR
            if i > 1:
                w2 = lower[i - 2]
                if w2 not in lexicon:
                    booster = BOOSTER_DICT.get(w2)
                    if booster is not None:
                        s = _booster_scalar(booster, tokens[i - 2], valence, is_cap_diff)
                        valence = valence + s * 0.95
                    if w2 == "never" and w1 in _SO_THIS:
                        valence = valence * 1.25
                    elif w2 == "without" and w1 == "doubt":
                        pass
                    elif w2 in _NEGATIONS or "n't" in w2:
                        valence = valence * N_SCALAR
                if i > 2:
                    w3 = lower[i - 3]
                    if w3 not in lexicon:
                        booster = BOOSTER_DICT.get(w3)
                        if booster is not None:
                            s = _booster_scalar(booster, tokens[i - 3], valence, is_cap_diff)
                            valence = valence + s * 0.9
                        if (w3 == "never" and w2 in _SO_THIS) or w1 in _SO_THIS:
                            valence = valence * 1.25
                        elif w3 == "without" and (w2 == "doubt" or w1 == "doubt"):
                            pass
                        elif w3 in _NEGATIONS or "n't" in w3:
                            valence = valence * N_SCALAR
                        if (
                            w3 in _IDIOM_FIRST_WORDS
                            or w2 in _IDIOM_FIRST_WORDS
                            or w1 in _IDIOM_FIRST_WORDS
                            or lower[i] in _IDIOM_FIRST_WORDS
                        ) and _idiom_may_start_near(lower, i):
                            valence = _special_idioms_check(valence, lower, i)

        # "least" negates, except in "at least" and "very least".
        if (
            i > 0
            and self._least_negates
            and lower[i - 1] == "least"
            and (i == 1 or (lower[i - 2] != "at" and lower[i - 2] != "very"))
        ):
            valence = valence * N_SCALAR
        return valence
