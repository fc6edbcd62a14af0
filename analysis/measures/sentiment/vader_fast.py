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

- each token's form (stripped, lower-cased) and what the rules need to know of
  it are looked up in two per-analyzer dicts keyed by the raw token and filled
  on first use (``CACHE_LIMIT`` tokens each, about 10 MB), so a sentence costs
  one C-level ``map`` over its tokens; a sentence without a lexicon word (a
  quarter to a third of news sentences) then scores 0.0 with nothing else done;
- the cache marks the tokens a rule may apply to or around (negations,
  boosters, "no", "this", "least", idiom words, forms holding "n't", upper-case
  or zero-valence lexicon words) and "but"; a lexicon word with no marked token
  among the three before it and the one after it keeps its valence, so the
  rules run only for the others, and a sentence without a marked token just
  sums its valences;
- the ALLCAP differential (a count over all tokens) is computed only when a
  rule runs;
- :meth:`FastSentimentAnalyzer.compounds` scores all sentences of a text in one
  loop, checks the text for emoji and for "!"/"?" once, and maps each sum to
  its rounded compound score through a dict;
- the per-character emoji loop is skipped for ASCII text (no emoji key is
  ASCII); other text is searched with one compiled regex, and only text that
  holds a candidate character is rewritten;
- booster and "kind of" tokens score 0 up front, as in vaderSentiment;
  negation words live in a frozenset; the idiom check runs only when the first
  two words of a multi-word idiom or booster sit next to the word, and looks
  up word tuples instead of formatting n-gram strings;
- :meth:`FastSentimentAnalyzer.compound` skips the pos/neu/neg split and dict.

On ``bench/vader_speed.py``'s news-like sentences (rule-heavy, small
vocabulary) ``compound`` and ``compounds`` run about eight times as fast as
vaderSentiment's ``polarity_scores``; on the bench corpus ``compounds`` takes
about half the time the port's per-sentence ``compound`` took before the token
caches (bench/README.md, "Sentiment stage").
"""

from __future__ import annotations

import math
import re
import string
import warnings
from collections.abc import Iterable
from itertools import compress, count
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

# The words ``sentiment_valence``'s rules look for in a lexicon word's window (the
# word and the three before it), besides the idiom words and forms holding "n't":
# "no" (zeroing and negation), boosters ("so" among them), negations ("never" and
# "without" among them), "this" (after "so"/"this" the valence grows by 1.25) and
# "least". The other words the rules compare ("or", "nor", "doubt", "at", "very")
# only count next to one of these.
_RULE_WORDS = frozenset(BOOSTER_DICT) | _NEGATIONS | {"no", "so", "this", "least"}
# Every idiom or booster n-gram starts with one of ``_IDIOM_FIRST_PAIRS``; each of
# those pairs holds a word other than "the", "to" and "of", so words holding none
# of these hold no such pair. (The idiom check for the word at i compares n-grams
# starting from i-3 to i, so their first pairs lie between i-3 and i+1.)
_IDIOM_KEY_WORDS = frozenset(w for pair in _IDIOM_FIRST_PAIRS for w in pair) - {"the", "to", "of"}
assert all(not _IDIOM_KEY_WORDS.isdisjoint(pair) for pair in _IDIOM_FIRST_PAIRS)
# A lexicon word none of whose window (itself, the three words before it and
# the one after it) is one of these, holds "n't" or is an upper-case lexicon word
# keeps its lexicon valence: no rule of sentiment_valence applies ("kind", for
# the "kind of" rule, is an idiom key word).
_SLOW_WORDS = _RULE_WORDS | _IDIOM_KEY_WORDS
assert "kind" in _SLOW_WORDS
# What the token cache of ``FastSentimentAnalyzer.compounds`` holds for a token
# that a rule may apply to or around (see ``_ValenceCache``), and for "but" (the
# "but" rule rescales the whole sentence): NaNs, truthy, found in a list by
# identity and equal to no valence.
_SLOW = float("nan")
_BUT = float("nan")

#: Compound score of a sentence by its sentiments' sum (after punctuation
#: emphasis): ``round(_normalize(sum_s), 4)``, shared by all analyzers. The sum
#: is never -0.0 (``sum`` starts from the int 0, and 0 + -0.0 is 0.0), so a float
#: key, which equates 0.0 and -0.0, gives the computed score.
_SCORE_OF_SUM: dict[float, float] = {}

#: Tokens each per-token cache of :class:`FastSentimentAnalyzer` keeps (a long
#: run meets an ever-growing vocabulary); a cached answer is the computed one.
CACHE_LIMIT = 1 << 16


def assert_vader_version() -> bool:
    """Warn (``RuntimeWarning``) unless the installed vaderSentiment is the mirrored one.

    Returns True when the versions match. Called once at import: the mirrored version's
    metadata directory beside the package answers with one ``stat``; only without it is
    ``importlib.metadata`` imported (~13 ms of every process's start-up) to ask.
    """
    if (_VADER_DIR.parent / f"vaderSentiment-{MIRRORED_VADER_VERSION}.dist-info").is_dir():
        return True
    from importlib import metadata

    try:
        installed = metadata.version("vaderSentiment")
    except metadata.PackageNotFoundError:
        installed = None
    if installed == MIRRORED_VADER_VERSION:
        return True
    warnings.warn(
        f"analysis.measures.sentiment.vader_fast mirrors vaderSentiment {MIRRORED_VADER_VERSION} but "
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


def _form(token: str) -> str:
    """A token as vaderSentiment's rules see it: stripped of punctuation, lower-cased.

    SentiText's ``_strip_punc_if_word`` strips leading and trailing
    ``string.punctuation`` unless that leaves two characters or fewer (so
    emoticons such as ":)" and "no." survive); the rules then lower-case the
    stripped token. Alphanumeric tokens would strip to themselves, and
    ``isalnum()`` is cheaper to ask than ``strip()`` with a 32-character set.
    """
    if token.isalnum():
        form = token.lower()
    else:
        stripped = token.strip(_PUNCTUATION)
        form = (stripped if len(stripped) > 2 else token).lower()
    # Most tokens are their own form: keep one string, not two equal ones.
    return token if form == token else form


class _FormCache(dict):
    """Token -> :func:`_form` of it, filled on first use (up to ``CACHE_LIMIT`` tokens)."""

    __slots__ = ()

    def __missing__(self, token: str) -> str:
        form = _form(token)
        if len(self) < CACHE_LIMIT:
            self[token] = form
        return form


class _ValenceCache(dict):
    """Token -> what :meth:`FastSentimentAnalyzer.compounds` needs to know of it.

    ``_SLOW`` when its form is a word a rule looks for (``_SLOW_WORDS``) or
    holds "n't", or when it is a lexicon word that is upper-case (the ALLCAP
    differential) or has valence 0 in the scoring lexicon; ``_BUT`` for "but";
    otherwise its valence in the scoring lexicon, or 0.0 off it.

    Filled on first use; filling it fills ``forms`` too. Both stop growing at
    ``CACHE_LIMIT`` tokens (the first ones seen, so mostly the frequent ones); a
    token past that is looked up afresh each time, with the same result.
    """

    __slots__ = ("forms", "scoring")

    def __init__(self, forms: _FormCache, scoring: dict[str, float]) -> None:
        super().__init__()
        self.forms = forms
        self.scoring = scoring

    def __missing__(self, token: str) -> float:
        forms = self.forms
        form = forms.get(token)
        if form is None:
            # _form(token), inline: a miss is one Python call.
            if token.isalnum():
                form = token.lower()
            else:
                stripped = token.strip(_PUNCTUATION)
                form = (stripped if len(stripped) > 2 else token).lower()
            if form == token:
                form = token
            if len(forms) < CACHE_LIMIT:
                forms[token] = form
        valence = self.scoring.get(form)
        if valence is None:
            if form in _SLOW_WORDS or "n't" in form:
                value = _SLOW
            else:
                value = _BUT if form == "but" else 0.0
        elif valence == 0 or token.isupper() or form in _SLOW_WORDS or "n't" in form:
            value = _SLOW
        else:
            value = valence
        if len(self) < CACHE_LIMIT:
            self[token] = value
        return value


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
        self._new_caches()

    def _new_caches(self) -> None:
        self._forms = _FormCache()
        self._valences = _ValenceCache(self._forms, self._scoring)

    def __getstate__(self) -> dict:
        # The token caches are rebuilt empty: smaller pickles for pool workers.
        state = self.__dict__.copy()
        del state["_forms"], state["_valences"]
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._new_caches()

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
        if not isinstance(text, str):
            raise TypeError(f"expected a str to score, got {type(text).__name__}")
        return self.compounds(text, ((0, len(text)),))[0]

    def compounds(
        self,
        text: str,
        spans: Iterable[tuple[int, int]],
        split: list | None = None,
    ) -> list[float]:
        """``[self.compound(text[a:b]) for a, b in spans]``, with per-text work done once.

        ``split``: a list to append each sentence's ``(tokens, sentiments)`` to (its
        whitespace tokens and their sentiments after VADER's rules, as
        ``_rule_sentiments`` gives them, for another measure of the same sentences to
        reuse), or None for a sentence whose emoji were rewritten first.

        One cached lookup per token tells each token's valence and whether a rule
        may apply to or around it. A sentence without a lexicon word scores 0.0;
        a sentence without a word any rule looks for (no negation, booster,
        "but", idiom, upper-case lexicon word, ...) sums its lexicon words'
        valences; the others run the rules, for the lexicon words a rule can
        apply to.

        >>> FastSentimentAnalyzer().compounds("Good. Not good!", [(0, 5), (6, 15)])
        [0.4404, -0.4015]
        """
        if not isinstance(text, str):
            raise TypeError(f"expected a str to score, got {type(text).__name__}")
        ascii_may_hold_emoji = self._ascii_may_hold_emoji
        # One emoji check for the whole text when it is ASCII.
        may_hold_emoji = ascii_may_hold_emoji or not text.isascii()
        # "!" and "?" amplify; a text holding neither needs no count per sentence.
        text_emphasizes = "!" in text or "?" in text
        valence_of = self._valences.__getitem__
        form_of = self._forms.__getitem__
        rule_sentiments = self._rule_sentiments
        valence_rules = self._valence
        scoring_get = self._scoring.get
        lexicon = self.lexicon
        scores = _SCORE_OF_SUM
        out: list[float] = []
        append = out.append
        for a, b in spans:
            sentence = text[a:b]
            emphasizes = text_emphasizes
            if (
                may_hold_emoji
                and (ascii_may_hold_emoji or not sentence.isascii())
                and self._emoji_candidate_re.search(sentence)
            ):
                sentence = self._replace_emoji(sentence)
                emphasizes = True
                rewritten = True
            else:
                rewritten = False
            tokens = sentence.split()
            valences = list(map(valence_of, tokens))
            # per token, its sentiment after the rules (for ``split``)
            per_token = valences
            if split is not None:
                split.append(None if rewritten else (tokens, per_token))
            if not any(valences):
                # No lexicon word (or no token): every sentiment is 0.
                append(0.0)
                continue
            if _BUT in valences:
                sentiments = rule_sentiments(tokens, list(map(form_of, tokens)))
                if split is not None and not rewritten:
                    split[-1] = (tokens, sentiments)
            elif _SLOW not in valences:
                # No rule applies: the sentiments are the lexicon words' valences
                # (zeros left out, which changes no sum).
                sentiments = list(compress(valences, valences))
            else:
                # The rules run for the lexicon words with a _SLOW token in their
                # window; the others keep their valences.
                sentiments = []
                lower = None
                per_token = valences[:]
                if split is not None and not rewritten:
                    split[-1] = (tokens, per_token)
                for i in compress(count(), valences):
                    if _SLOW not in valences[i - 3 if i > 2 else 0 : i + 2]:
                        sentiments.append(valences[i])
                        continue
                    if lower is None:
                        lower = list(map(form_of, tokens))
                        n = len(tokens)
                        is_cap_diff = 0 < sum(map(str.isupper, tokens)) < n
                    valence = scoring_get(lower[i])
                    # a word off the lexicon, or "kind" of "kind of": no sentiment
                    if valence is None or (
                        i < n - 1 and lower[i] == "kind" and lower[i + 1] == "of"
                    ):
                        per_token[i] = 0.0
                        continue
                    per_token[i] = valence = valence_rules(
                        valence, i, tokens, lower, is_cap_diff, lexicon
                    )
                    sentiments.append(valence)

            sum_s = float(sum(sentiments))
            if emphasizes:
                if sum_s > 0:
                    sum_s += _punctuation_emphasis(sentence)
                elif sum_s < 0:
                    sum_s -= _punctuation_emphasis(sentence)
            score = scores.get(sum_s)
            if score is None:
                score = round(_normalize(sum_s), 4)
                if len(scores) < CACHE_LIMIT:
                    scores[sum_s] = score
            append(score)
        return out

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
        if (self._ascii_may_hold_emoji or not text.isascii()) and self._emoji_candidate_re.search(
            text
        ):
            text = self._replace_emoji(text)
        # vaderSentiment strips the text; only "!" and "?" are counted in it later.
        tokens = text.split()
        if not tokens:
            return [], text
        return self._rule_sentiments(tokens, list(map(self._forms.__getitem__, tokens))), text

    def _rule_sentiments(self, tokens: list[str], lower: list[str]) -> list[float]:
        """vaderSentiment's per-token sentiments of a sentence, after the "but" rule.

        ``tokens`` are the whitespace-split tokens, ``lower`` their forms. The
        rules run for every lexicon word (here for sentences holding "but" and
        for :meth:`polarity_scores`; :meth:`compounds` skips them where none can
        apply).
        """
        n = len(tokens)
        scoring = self._scoring
        sentiments: list[float] = [0] * n
        hits = list(compress(count(), map(scoring.__contains__, lower)))
        if not hits:
            return sentiments
        # str.isupper() answers the same for the raw token as for vaderSentiment's
        # stripped one (stripping removes only uncased characters).
        is_cap_diff = 0 < sum(map(str.isupper, tokens)) < n
        lexicon = self.lexicon
        for i in hits:
            if i < n - 1 and lower[i] == "kind" and lower[i + 1] == "of":
                continue
            sentiments[i] = self._valence(scoring[lower[i]], i, tokens, lower, is_cap_diff, lexicon)
        _but_check(lower, sentiments)
        return sentiments

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
