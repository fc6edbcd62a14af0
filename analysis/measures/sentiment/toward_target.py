"""Sentiment toward a target: VADER scoped to the target's mention, and a small trained model.

The sentence score gives every person in a sentence the same number, so a victim
of a crime, a critic quoted against someone else and the person criticised all
get the sentence's negativity. Here each mention gets its own score from:

- **scoped VADER**: the per-word sentiments of VADER's rules (negation, boosters,
  "but"; the fast port's lexicon and rules, nothing re-tuned) in the target's own
  clause and in a window around the mention bounded by clause and quote
  boundaries; words nearer to another name or pronoun than to the target are kept
  apart from those nearest the target;
- **roles**: the target is the speaker (a cue verb next to it, "according to X"),
  the subject of its clause (sentiment after it) or its object (sentiment before
  it), the agent of a passive ("by X"); sentiment inside a quotation the target is
  not part of is counted apart from the writer's own words;
- **words**: a small bag of (crudely stemmed) words of the sentence, of the words
  on either side of the mention and of the words next to it.

A multinomial logistic regression over these features (``target_model.json``,
trained on NewsMTSC's train split by ``bench/train_target_sentiment.py``) gives
the probabilities of negative, neutral and positive; a mention's score is
P(positive) - P(negative), in [-1, 1]. The explaining features of a score are the
active features that pushed it most. The model file is plain JSON (coefficients,
no pickle) and its hash is part of the analysis version (see ``MODEL_HASH``).

Speed: the mentions are scored in batches (:meth:`TargetSentiment.score_batch`; the
pipeline scores all mentions of a batch of articles at once, one mention is a batch
of one). Each distinct token is looked up once per process (its word, stem, flags
and the model's ids of it as a word feature, rows of numpy tables); a batch lays the
tokens of all its sentences out in flat arrays and computes every mention's features,
logits and softmax with array operations (:class:`MentionBatch`), each sum added in
the order the rules state it, so the numbers are those of scoring each mention
alone, to the last bit. A model weight is kept as one complex number, (positive -
neutral) + (negative - neutral)j: the three logits up to a constant, which is all
the softmax needs; a batch keeps their real and imaginary parts as arrays.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from itertools import chain, compress, count, repeat
from math import exp
from operator import is_
from pathlib import Path

import numpy as np

from analysis.measures.sentiment.vader_fast import _BUT, _SLOW, FastSentimentAnalyzer

#: The shipped model: coefficients in JSON, with its licence and citation beside it.
MODEL_FILE = Path(__file__).with_name("target_model.json")
#: The format of ``target_model.json`` this module reads.
MODEL_FORMAT = "slant-target-sentiment/1"
LABELS = ("negative", "neutral", "positive")

# How much the numeric features were scaled in training when a model file does not say
# (its "numeric_weight"; bench/train_target_sentiment.py --numeric-weight). A larger scale
# lets the L2 penalty weigh them less against the thousands of word weights; 4-fold CV
# preferred 1 for the shipped model.
NUMERIC_WEIGHT = 1.0

#: The numeric features, in the order :meth:`TargetSentiment._mention` computes them.
NUMERIC = (
    "sentence",
    "clause",
    "left_positive",
    "left_negative",
    "right_positive",
    "right_negative",
    "distance_weighted",
    "others_quote",
    "in_quote",
    "near_own",
    "near_other",
    "near_own_positive",
    "near_own_negative",
    "window",
    "speaker",
    "subject",
    "passive_agent",
    "subject_of_sentiment",
    "object_of_sentiment",
    "sentence_start",
    "length",
    "pronoun",
    "sentence_if_speaker",
    "sentence_if_in_quote",
    "sentence_if_subject",
)
_DISTANCE_WEIGHTED = NUMERIC.index("distance_weighted")
# The numeric features as reasons, by the direction they push.
_NUMERIC_REASONS = {
    sign: [f"[{name.replace('_', ' ')}] ({sign})" for name in NUMERIC] for sign in "+-"
}
#: The kinds of word feature ("<kind>:<stem>"), in the order of a token's word ids.
WORD_KINDS = ("sentence", "left", "right", "next", "previous")

_STRIP = "\"'.,;:!?()[]"
# A clause ends before these words (and after , ; : ( ) and dashes).
_CLAUSE_OPENERS = frozenset(
    "but while although though whereas because who which after before when since and as if "
    "unless despite".split()
)
_PRONOUNS = frozenset("he she his her him they them their i we us".split())
_STOP = frozenset(
    "the a an of to in and for on at by with from that this is was be as it its".split()
)
# Words that may stand between a clause's start and its subject ("Former President X").
_SUBJECT_PREFIX = frozenset("the a former president sen rep mr ms mrs gov dr".split())
_DASHES = frozenset(("-", "--", "\u2014", "\u2013"))
# How many tokens a token cache keeps (a long run meets an ever-growing vocabulary).
_CACHE_LIMIT = 1 << 16

# What a mention's features need to know of a token, as bits of its flags.
_F_PUNCT_LEFT = 1 << 0  # it ends with , ; : ( or is a dash: a clause starts after it
_F_PUNCT_RIGHT = 1 << 1  # it ends with , ; : ): a clause ends with it
_F_DASH = 1 << 2
_F_OPENER = 1 << 3  # a clause starts with it (_CLAUSE_OPENERS)
_F_STOP = 1 << 4
_F_STEM = 1 << 5  # it has a stem (not a stop word, not punctuation alone)
_F_PRONOUN = 1 << 6
_F_CAPITALISED = 1 << 7  # capitalised, not a stop word: a name unless it starts a sentence
_F_SUBJECT_PREFIX = 1 << 8
_F_BY = 1 << 9
_F_ACCORDING = 1 << 10
_F_TO = 1 << 11
_F_SPEECH = 1 << 12  # a one-word speech cue
_F_QUOTE = 1 << 13  # it holds a quotation mark
_F_OPENS = 1 << 14  # it opens a quotation (starts with one)
_F_CLOSES = 1 << 15  # it closes a quotation it is in (see _quote_flags)
# A token's model ids as a word of each kind, in WORD_KINDS order (0: not in the model).
_SENTENCE, _LEFT, _RIGHT, _NEXT, _PREVIOUS = range(len(WORD_KINDS))
_NO_IDS = (0,) * len(WORD_KINDS)
_is_none = partial(is_, None)


def _norm_array(value: np.ndarray) -> np.ndarray:
    """VADER's normalisation of sums of valences into (-1, 1)."""
    return value / np.sqrt(value * value + 15)


@lru_cache(maxsize=_CACHE_LIMIT)
def stem(word: str) -> str:
    """A crude stem, so "accused", "accuses" and "accusing" share a weight.

    >>> stem("accused"), stem("talks"), stem("was")
    ('accus', 'talk', 'was')
    """
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def default_speech_verbs() -> frozenset[str]:
    """The one-word cues of the shipped cue lexicon (the ones the model was trained with)."""
    from analysis.config import LEXICON_DIR
    from analysis.text.lexicons import load_cues

    return frozenset(c for c in load_cues(LEXICON_DIR / "cues.csv") if " " not in c)


@dataclass(slots=True)
class MentionSentiment:
    """The sentiment toward one mention: the model's score and label, the scoped rule score,
    and the features (readable) that pushed the score most, strongest first."""

    score: float
    label: str
    rule_score: float
    because: tuple[str, ...]
    active: tuple[MentionBatch, int] | None = field(default=None, repr=False, compare=False)


class TargetSentimentModel:
    """The trained model of ``target_model.json``: feature weights per class.

    Load once per process (:func:`load_model`). Besides the weights by name
    (:meth:`probabilities`, for a dict of features), every weight is kept as a complex
    number (see the module's docstring), the numeric features' in ``NUMERIC`` order and
    the word features' by an integer id (0: a word the model does not know).
    """

    def __init__(self, data: dict, digest: str):
        if data.get("format") != MODEL_FORMAT:
            raise ValueError(
                f"target sentiment model: format {data.get('format')!r}, expected "
                f"{MODEL_FORMAT!r}; rebuild it with bench/train_target_sentiment.py"
            )
        self.classes: list[str] = data["classes"]
        if tuple(self.classes) != LABELS:
            raise ValueError(f"target sentiment model: expected the classes {LABELS}, in order")
        self.intercept: list[float] = data["intercept"]
        self.numeric_weight: float = data.get("numeric_weight", NUMERIC_WEIGHT)
        # The numeric features' scaling folded into their weights: features are used raw.
        scale = self.numeric_weight
        self.weights: dict[str, tuple[float, ...]] = {
            name: tuple(w if ":" in name else [x * scale for x in w])
            for name, w in data["weights"].items()
        }
        self.hash = digest
        self._pos = self.classes.index("positive")
        self._neg = self.classes.index("negative")
        self._neu = self.classes.index("neutral")
        self.z_intercept = self._z(self.intercept)
        zero = (0.0, 0.0, 0.0)
        self.z_numeric = [self._z(self.weights.get(name, zero)) for name in NUMERIC]
        self.push_numeric = [self._push(self.weights.get(name, zero)) for name in NUMERIC]
        words = [name for name in self.weights if ":" in name]
        self.word_id = {name: k for k, name in enumerate(words, start=1)}
        # Per stem, its ids as a word of each kind (WORD_KINDS order; 0: not in the model).
        self.stem_ids: dict[str, tuple[int, ...]] = {}
        kind_at = {kind: k for k, kind in enumerate(WORD_KINDS)}
        for name, k in self.word_id.items():
            kind, stem_ = name.split(":", 1)
            ids = list(self.stem_ids.get(stem_, (0,) * len(WORD_KINDS)))
            ids[kind_at[kind]] = k
            self.stem_ids[stem_] = tuple(ids)
        self.word_name = ["", *words]
        self.z_word = [0j, *(self._z(self.weights[name]) for name in words)]
        self.push_word = [0.0, *(self._push(self.weights[name]) for name in words)]
        # The same pushes toward negative (for explaining a negative score).
        self.pull_numeric = [-x for x in self.push_numeric]
        self.pull_word = [-x for x in self.push_word]
        # The ids of the words pushing toward positive, and toward negative.
        self.positive_words = frozenset(k for k, x in enumerate(self.push_word) if x > 0)
        self.negative_words = frozenset(k for k, x in enumerate(self.push_word) if x < 0)
        # The same as arrays, for a batch of mentions.
        self.z_word_real = np.array([z.real for z in self.z_word])
        self.z_word_imag = np.array([z.imag for z in self.z_word])
        self.z_numeric_parts = [(z.real, z.imag) for z in self.z_numeric]
        self.push_numeric_array = np.array(self.push_numeric)
        self.pull_numeric_array = np.array(self.pull_numeric)
        self.push_word_array = np.array(self.push_word)
        # Whether each word id is a sentence word ("sentence:<stem>").
        self.sentence_word = np.array([name.startswith("sentence:") for name in self.word_name])

    def _z(self, w) -> complex:
        neutral = w[self._neu]
        return complex(w[self._pos] - neutral, w[self._neg] - neutral)

    def _push(self, w) -> float:
        return w[self._pos] - w[self._neg]

    def logits(self, features: dict[str, float]) -> list[float]:
        """The three classes' logits for raw feature values (numeric ones unscaled)."""
        l0, l1, l2 = self.intercept
        get = self.weights.get
        for name, value in features.items():
            w = get(name)
            if w is not None:
                w0, w1, w2 = w
                l0 += w0 * value
                l1 += w1 * value
                l2 += w2 * value
        return [l0, l1, l2]

    def probabilities(self, features: dict[str, float]) -> list[float]:
        logits = self.logits(features)
        top = max(logits)
        exps = [math.exp(v - top) for v in logits]
        total = sum(exps)
        return [e / total for e in exps]

    def push(self, name: str, value: float) -> float:
        """How much a feature moves the score (positive minus negative logit)."""
        w = self.weights.get(name)
        return 0.0 if w is None else (w[self._pos] - w[self._neg]) * value


@cache
def load_model(path: Path = MODEL_FILE) -> TargetSentimentModel:
    """The model in ``path``, read once per process."""
    raw = Path(path).read_bytes()
    return TargetSentimentModel(json.loads(raw), hashlib.sha256(raw).hexdigest()[:12])


def model_hash(path: Path = MODEL_FILE) -> str:
    """First 12 hex digits of the model file's SHA-256 (stamped into the analysis version)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def _quote_flags(token: str) -> int:
    """What a token does to quotations (straight quotes): ``_F_QUOTE`` if it holds a
    quotation mark, with ``_F_OPENS`` if it starts with one and ``_F_CLOSES`` if it ends
    with one (before closing punctuation) that is not the mark it opens with."""
    if '"' not in token:
        return 0
    opens = token.startswith('"')
    closes = token.rstrip(".,;:!?)").endswith('"') and (
        len(token) > 1 and (not opens or token.count('"') >= 2)
    )
    return _F_QUOTE | (_F_OPENS if opens else 0) | (_F_CLOSES if closes else 0)


def _runs_of_quotes(places, flags, sentences, sentence_end) -> list[tuple[int, int]]:
    """The runs of tokens inside a quotation, as ``(first, past the last)``, given the
    tokens holding a quotation mark (their ``places`` in order, their ``_quote_flags``
    and their sentence's index) and where each sentence's tokens end: only those tokens
    change whether the next ones are inside, and a quotation ends with its sentence."""
    runs = []
    inside = False
    start = current = -1
    for i, f, s in zip(places, flags, sentences, strict=True):
        if s != current:  # a new sentence: a quotation left open ends with the last one
            if inside:
                runs.append((start, sentence_end[current]))
            inside, current = False, s
        if f & _F_OPENS and not inside:  # it opens a quotation, and closes it too or not
            if f & _F_CLOSES:
                runs.append((i, i + 1))
            else:
                inside, start = True, i
        elif f & _F_CLOSES and inside:
            runs.append((start, i + 1))
            inside = False
    if inside:
        runs.append((start, sentence_end[current]))
    return runs


def _quoted_runs(tokens: list[str]) -> list[tuple[int, int]]:
    """:func:`_runs_of_quotes` of one sentence's tokens.

    >>> _quoted_runs('He said "no way" and "yes" then "more'.split())
    [(2, 4), (5, 6), (7, 8)]
    """
    holding = [i for i, t in enumerate(tokens) if '"' in t]
    flags = [_quote_flags(tokens[i]) for i in holding]
    return _runs_of_quotes(holding, flags, [0] * len(holding), [len(tokens)])


class TargetSentiment:
    """Scores mentions of targets in sentences. Build one per process and reuse it.

    >>> ts = TargetSentiment()
    >>> text = "Smith was arrested for fraud, while Jones was hailed as a hero."
    >>> ts.score(text, (0, len(text)), (0, 5)).because
    ('arrested (-)', 'fraud (-)', '[sentence] (-)')
    """

    def __init__(
        self,
        analyzer: FastSentimentAnalyzer | None = None,
        speech_verbs: frozenset[str] | None = None,
        model: TargetSentimentModel | None = None,
    ):
        self.vader = analyzer or FastSentimentAnalyzer()
        self.speech_verbs = default_speech_verbs() if speech_verbs is None else speech_verbs
        self._model = model
        # Every token met (up to _CACHE_LIMIT): its row in the tables below.
        self._token_row: dict[str, int] = {}
        self._token_words: list[str] = []  # its form stripped of punctuation
        self._token_stems: list[str] = []  # "" for stop words
        self._token_flags = np.zeros(1024, np.int32)  # the _F_* bits
        self._token_ids = np.zeros((1024, len(WORD_KINDS)), np.int32)  # WORD_KINDS order
        self._token_length = np.zeros(1024, np.intp)  # in characters

    @property
    def model(self) -> TargetSentimentModel:
        if self._model is None:
            self._model = load_model()
        return self._model

    # --- tokens, once per process -------------------------------------------------------

    def _rows(self, sentences: list[list[str]], n: int) -> np.ndarray:
        """The table rows of the ``n`` tokens of ``sentences``, one after the other, new
        tokens added."""
        get = self._token_row.get
        rows = np.fromiter(map(get, chain.from_iterable(sentences), repeat(-1)), np.intp, n)
        new = np.flatnonzero(rows < 0)
        if len(new):
            tokens = [*chain.from_iterable(sentences)]
            unseen = [*map(tokens.__getitem__, new.tolist())]
            # Each new token added once, then all looked up again: a fresh table meets
            # every place of its first batch as new, each token many times over.
            self._add_tokens([*dict.fromkeys(unseen)])
            rows[new] = [*map(self._token_row.__getitem__, unseen)]
        return rows

    def _add_tokens(self, tokens: list[str]) -> None:
        """Add tokens not in the table (each once): what a mention's features need of each
        (its word, stem, flags and the model's ids of it as a sentence / left / right /
        next / previous word), written to the arrays in one step for all of them."""
        forms, stem_ids = self.vader._forms, self.model.stem_ids
        speech_verbs = self.speech_verbs
        words, stems, row_of = self._token_words, self._token_stems, self._token_row
        first = len(words)
        flags: list[int] = []
        ids: list[tuple[int, ...]] = []
        for token in tokens:
            word = forms[token].strip(_STRIP)
            stop = word in _STOP
            stem_ = stem(word) if word and not stop else ""
            last = token[-1]
            dash = token in _DASHES
            flags.append(
                (_F_PUNCT_LEFT if last in ",;:(" or dash else 0)
                | (_F_PUNCT_RIGHT if last in ",;:)" else 0)
                | (_F_DASH if dash else 0)
                | (_F_OPENER if word in _CLAUSE_OPENERS else 0)
                | (_F_STOP if stop else 0)
                | (_F_STEM if stem_ else 0)
                | (_F_PRONOUN if word in _PRONOUNS else 0)
                | (_F_CAPITALISED if token[:1].isupper() and not stop else 0)
                | (_F_SUBJECT_PREFIX if word in _SUBJECT_PREFIX else 0)
                | (_F_BY if word == "by" else 0)
                | (_F_ACCORDING if word == "according" else 0)
                | (_F_TO if word == "to" else 0)
                | (_F_SPEECH if word in speech_verbs else 0)
                | _quote_flags(token)
            )
            ids.append(stem_ids.get(stem_, _NO_IDS))
            row_of[token] = len(words)
            words.append(word)
            stems.append(stem_)
        end = len(words)
        while end > len(self._token_flags):
            self._token_flags = np.concatenate([self._token_flags, self._token_flags])
            self._token_ids = np.concatenate([self._token_ids, self._token_ids])
            self._token_length = np.concatenate([self._token_length, self._token_length])
        self._token_flags[first:end] = flags
        self._token_length[first:end] = [*map(len, tokens)]
        self._token_ids[first:end] = ids

    def _sentiments(self, tokens: list[str], valences: list | None = None) -> list[float]:
        """VADER's per-token sentiments of a sentence after its rules (``_rule_sentiments``),
        the rules run only where one may apply, as ``FastSentimentAnalyzer.compounds`` does.
        ``valences``: the tokens' cached valences when the caller has them."""
        vader = self.vader
        if valences is None:
            valences = [*map(vader._valences.__getitem__, tokens)]
        if _BUT in valences:
            return vader._rule_sentiments(tokens, [*map(vader._forms.__getitem__, tokens)])
        if _SLOW not in valences:
            return valences  # no rule applies: each word's valence is its sentiment
        sentiments = valences[:]
        lower = [*map(vader._forms.__getitem__, tokens)]
        n = len(tokens)
        is_cap_diff = 0 < sum(map(str.isupper, tokens)) < n
        scoring, lexicon, rules = vader._scoring, vader.lexicon, vader._valence
        for i in compress(count(), valences):  # the words with a valence, and rule words
            valence = valences[i]
            if valence is not _SLOW and _SLOW not in valences[i - 3 if i > 2 else 0 : i + 2]:
                continue
            base = scoring.get(lower[i])
            if base is None or (i < n - 1 and lower[i] == "kind" and lower[i + 1] == "of"):
                sentiments[i] = 0.0
            else:
                sentiments[i] = rules(base, i, tokens, lower, is_cap_diff, lexicon)
        return sentiments

    @staticmethod
    def _token_span(text: str, a: int, n: int, mention: tuple[int, int]) -> tuple[int, int]:
        """The first and last token of the mention ``text[mention[0]:mention[1]]`` in the
        ``n`` tokens of the sentence starting at ``a`` whose tokens are not all separated by
        one whitespace character (:class:`MentionBatch` counts the others' from the tokens'
        lengths)."""
        ms, me = mention
        before = text[a:ms].split()
        t0 = len(before)
        if before and ms > a and not text[ms - 1].isspace():
            t0 -= 1
        t0 = min(t0, n - 1)
        return t0, max(t0, min(n, len(text[a:me].split())) - 1)

    # --- features and scores of a batch of mentions --------------------------------------

    def score_batch(self, mentions: Sequence[tuple]) -> MentionBatch:
        """The scores of many mentions at once, the same as :meth:`score` of each.

        ``mentions``: ``(text, sentence, mention, compound, split)`` tuples as
        :meth:`score` takes them (``compound`` and ``split`` may be None). Mentions of the
        same text object and sentence offsets share the sentence's work.
        """
        sentence_at: dict[tuple[int, int, int], int] = {}
        sentences: list[tuple] = []
        of_sentence: list[int] = []
        starts: list[int] = []
        ends: list[int] = []
        for text, (a, b), (ms, me), compound, split in mentions:
            key = (id(text), a, b)
            s = sentence_at.get(key)
            if s is None:
                s = sentence_at[key] = len(sentences)
                sentences.append((text, a, b, compound, split))
            of_sentence.append(s)
            starts.append(ms)
            ends.append(me)
        return self.score_sentences(sentences, of_sentence, starts, ends)

    def score_sentences(
        self,
        sentences: Sequence[tuple],
        mention_sentence: Sequence[int],
        mention_start: Sequence[int],
        mention_end: Sequence[int],
    ) -> MentionBatch:
        """:meth:`score_batch` given the distinct sentences apart from the mentions:
        ``sentences`` as ``(text, start, end, compound, split)`` (``compound`` and
        ``split`` may be None, as :meth:`score` takes them) and per mention its sentence's
        index in ``sentences`` and its offsets in that sentence's text."""
        if len(self._token_words) > _CACHE_LIMIT:  # a long run's vocabulary: start afresh
            self._token_row.clear()
            self._token_words.clear()
            self._token_stems.clear()
        return MentionBatch(self, sentences, mention_sentence, mention_start, mention_end)

    def score(
        self,
        text: str,
        sentence: tuple[int, int],
        mention: tuple[int, int],
        explain: int = 3,
        compound: float | None = None,
        split: tuple[list[str], list] | None = None,
    ) -> MentionSentiment:
        """The sentiment toward the mention ``text[mention[0]:mention[1]]`` in its sentence.

        ``explain``: how many reasons to give (0: none, the cheaper call; the reasons can be
        given later, over several mentions, by :meth:`reasons`); ``compound``: the
        sentence's VADER compound when the caller has it (it is computed otherwise);
        ``split``: the sentence's whitespace tokens and their sentiments after VADER's rules
        when the caller has them (``SentenceScorer.compounds`` gives them). One mention scored as a batch of one
        (:meth:`score_batch`).
        """
        batch = self.score_batch([(text, sentence, mention, compound, split)])
        result = batch.mention(0)
        if explain:
            result.because = batch.explain([[0]], explain)[0][1]
        return result

    def reasons(self, mentions: list[MentionSentiment], k: int = 3) -> tuple[str, ...]:
        """The ``k`` features that pushed the mean score of ``mentions`` most in its
        direction (each feature's push summed over the mentions), readable, strongest
        first: for one mention, its own reasons; for a target's mentions, the reasons of the
        target's mean score, not of one mention that may point the other way."""
        active = [m.active for m in mentions if m.active is not None]
        if not active or not k:
            return ()
        batch = active[0][0]
        if any(a[0] is not batch for a in active):  # scored apart: score them together
            batch = self.score_batch([a[0].input(a[1]) for a in active])
            return batch.explain([range(len(active))], k)[0][1]
        return batch.explain([[a[1] for a in active]], k)[0][1]

    @staticmethod
    def rule_score(features: dict[str, float]) -> float:
        """The scoped rules without the model: VADER's per-word sentiments of the sentence
        weighted by their distance to the mention (1 / (1 + words between / 3)), outside
        quotations the target is not part of; normalised like VADER's compound, in (-1, 1)."""
        return features.get("distance_weighted", 0.0)

    def features(
        self,
        text: str,
        sentence: tuple[int, int],
        mention: tuple[int, int],
        compound: float | None = None,
    ) -> tuple[dict[str, float], dict[str, str]]:
        """Feature values of one mention by name, and the surface word behind each word
        feature (what the model is trained on; :meth:`score` computes the same by the
        model's ids, for the words it knows).

        ``text`` has straight quotes (``analysis.text.fold_quotes``); ``sentence`` and
        ``mention`` are ``(start, end)`` offsets into it, the mention inside the sentence.
        """
        batch = self.score_batch([(text, sentence, mention, compound, None)])
        values = batch.values[0].tolist()
        if batch.empty[0]:
            return {"sentence": values[0]}, {}
        t0, t1 = batch.t0[0], batch.t1[0]
        rows = batch.rows.tolist()
        stems = [*map(self._token_stems.__getitem__, rows)]
        words = [*map(self._token_words.__getitem__, rows)]
        n = len(stems)
        f: dict[str, float] = dict(zip(NUMERIC, values, strict=True))
        surface: dict[str, str] = {}
        for i, st in enumerate(stems):
            if st:
                surface.setdefault("sentence:" + st, words[i])
        next_, previous = batch.next[0], batch.previous[0]
        if next_ >= 0:
            f[name := "next:" + stems[next_]] = 1.0
            surface[name] = words[next_]
        if previous >= 0:
            f[name := "previous:" + stems[previous]] = 1.0
            surface[name] = words[previous]
        for i in (*range(max(0, t0 - 6), t0), *range(t1 + 1, min(n, t1 + 9))):
            if stems[i]:
                f[name := ("left:" if i < t0 else "right:") + stems[i]] = 1.0
                surface.setdefault(name, words[i])
        # A word of the mention found nowhere else in the sentence is no sentence word.
        inside = stems[t0 : t1 + 1]
        for st in stems:
            if st and stems.count(st) != inside.count(st):
                f["sentence:" + st] = 1.0
        return f, surface


def _gather(values: np.ndarray, at: np.ndarray, valid: np.ndarray, default=0) -> np.ndarray:
    """``values[at]`` where ``valid``, ``default`` elsewhere (``at`` may be out of range
    where not valid)."""
    return np.where(valid, values[np.where(valid, at, 0)], default)


def _round4(values: np.ndarray) -> list[float]:
    """``[round(x, 4) for x in values]``: numpy's rounding (scale, round to even, scale
    back) where it is Python's, Python's near a tie (where the scaled value is not exact)."""
    scaled = values * 1e4
    out = np.rint(scaled) / 1e4
    near_tie = np.flatnonzero(np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6)
    if len(near_tie):
        out[near_tie] = [round(x, 4) for x in values[near_tie].tolist()]
    return out.tolist()


def _expand(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For groups of ``counts`` items: each item's group and its place in the group."""
    group = np.repeat(np.arange(len(counts)), counts)
    starts = np.cumsum(counts) - counts
    return group, np.arange(len(group)) - starts[group]


class MentionBatch:
    """The features and scores of a batch of mentions (:meth:`TargetSentiment.score_batch`),
    computed over flat arrays of the tokens of all their sentences.

    A mention's clause is found by searching the clause boundaries (a punctuation mark, a
    dash, a clause opener, a quotation mark's change) around it; its sums of per-word
    sentiments are sums over (mention, sentiment word) pairs, each added in the sentence's
    order as the one-mention rules added them (``np.bincount``), so every float is the same
    to the last bit. Its word ids are gathered from the tokens around it.
    """

    def __init__(
        self,
        scorer: TargetSentiment,
        sentences: Sequence[tuple],
        mention_sentence: Sequence[int],
        mention_start: Sequence[int],
        mention_end: Sequence[int],
    ):
        self.scorer = scorer
        self.sentences = sentences
        model = scorer.model
        vader = scorer.vader
        valence_of = vader._valences.__getitem__
        # The sentences' tokens and per-token sentiments.
        S = len(sentences)
        M = len(mention_sentence)
        tokens_of: list[list[str]] = []
        valences_of: list[list[float]] = []
        compounds: list[float] = []
        bounds: list[int] = []  # each sentence's start and end in its text
        for text, a, b, compound, split in sentences:
            if split is None:
                tokens, valences = text[a:b].split(), None
            else:  # the sentence stage's tokens and sentiments of the same sentence
                tokens, valences = split
            tokens_of.append(tokens)
            # the sentiments after the rules, or the valences with NaN markers where a
            # rule may apply (to run the rules over below)
            valences_of.append(valences or [*map(valence_of, tokens)])
            if compound is None:
                sentence = text[a:b]
                compound = vader.compounds(sentence, ((0, b - a),))[0] if tokens else 0.0
            compounds.append(compound)
            bounds.append(a)
            bounds.append(b)
        lengths = np.fromiter(map(len, tokens_of), np.intp, S)
        s_start = np.zeros(S, np.intp)
        np.cumsum(lengths[:-1], out=s_start[1:])
        N = int(lengths.sum())
        # Per token (one more, a blank one, past the end: N).
        rows = scorer._rows(tokens_of, N)
        self.rows = rows
        flags = np.zeros(N + 1, np.int32)
        flags[:N] = scorer._token_flags[rows]
        ids = np.zeros((N + 1, len(WORD_KINDS)), np.int32)
        ids[:N] = scorer._token_ids[rows]
        of_sentence = np.full(N + 1, -1, np.intp)
        of_sentence[:N] = np.repeat(np.arange(S), lengths)
        # VADER's per-token sentiments after its rules: the sentence stage's, or a token's
        # valence where no rule may apply in its sentence (no "but", no word a rule looks
        # for: no NaN marker)
        sentiment = np.zeros(N + 1)
        sentiment[:N] = np.fromiter(chain.from_iterable(valences_of), float, N)
        sentiments_of = scorer._sentiments
        starts = s_start.tolist()
        for s in np.unique(of_sentence[np.flatnonzero(np.isnan(sentiment))]).tolist():
            sentiment[starts[s] : starts[s] + len(tokens_of[s])] = sentiments_of(
                tokens_of[s], valences_of[s]
            )
        # The tokens inside quotations, from the tokens holding a quotation mark.
        quote = np.zeros(N + 1, bool)
        holding = np.flatnonzero(flags & _F_QUOTE)
        if len(holding):
            for i, j in _runs_of_quotes(
                holding.tolist(),
                flags[holding].tolist(),
                of_sentence[holding].tolist(),
                (s_start + lengths).tolist(),
            ):
                quote[i:j] = True
        nonempty = lengths > 0
        first = np.zeros(N + 1, bool)
        first[s_start[nonempty]] = True
        first[N] = True
        last = np.zeros(N + 1, bool)
        last[(s_start + lengths - 1)[nonempty]] = True
        last[N] = True

        # Each mention's first and last token in its sentence. In a sentence of tokens
        # joined by one whitespace character each, counted by the separators before its
        # start and its end (a mention starting inside a token, "anti-Morsi", is in the token
        # the separators say): from the tokens' offsets, one after the other over the batch
        # as if each sentence were followed by one separator.
        m_s = np.asarray(mention_sentence, dtype=np.intp).reshape(M)
        bounds_ = np.fromiter(bounds, np.intp, 2 * S)
        text_start = bounds_[0::2]
        width = bounds_[1::2] - text_start
        token_length = np.zeros(N + 1, np.intp)
        token_length[:N] = scorer._token_length[rows]
        offset = np.zeros(N + 1, np.intp)  # of each token's first character
        np.cumsum(token_length[:N] + 1, out=offset[1:])
        characters = np.bincount(of_sentence[:N], token_length[:N], S).astype(np.intp)
        # The split drops whitespace only, so a sentence as wide as its tokens and one
        # character between each two holds one separator in each gap and no other.
        single = characters + lengths - 1 == width
        origin = offset[s_start] - text_start  # a sentence's text offsets to the batch's
        at_start = np.asarray(mention_start, dtype=np.intp).reshape(M) + origin[m_s]
        at_end = np.asarray(mention_end, dtype=np.intp).reshape(M) + origin[m_s]
        m_start = s_start[m_s]
        m_n = lengths[m_s]
        spaces_before = np.searchsorted(offset[:N], at_start, "right") - 1 - m_start
        t0 = np.minimum(spaces_before, m_n - 1)
        k = np.searchsorted(offset[:N], at_end, "right") - 1
        # past a character that is not a space: the token it ends in counts
        t1 = k - m_start + ((at_end > offset[m_start]) & (offset[np.maximum(k, 0)] != at_end))
        t1 = np.maximum(np.minimum(t1, m_n) - 1, t0)
        t0[m_n == 0] = 0
        t1[m_n == 0] = 0
        token_span = scorer._token_span
        for m in np.flatnonzero(~single[m_s] & (m_n > 0)).tolist():
            text, a = sentences[m_s[m]][:2]
            t0[m], t1[m] = token_span(text, a, int(m_n[m]), (mention_start[m], mention_end[m]))
        self.mention_sentence = m_s
        self.mention_start, self.mention_end = mention_start, mention_end
        self.t0, self.t1 = t0.tolist(), t1.tolist()

        def flag(bit):
            return (flags & bit) != 0

        # Per mention.
        self.empty = (m_n == 0).tolist()
        m_last = m_start + m_n - 1
        g0 = np.where(m_n > 0, m_start + t0, N)
        g1 = np.where(m_n > 0, m_start + t1, N)
        quoted = quote[g0]

        # The target's clause: out from the mention to a clause or quote boundary.
        punct_left, opener, dash = flag(_F_PUNCT_LEFT), flag(_F_OPENER), flag(_F_DASH)
        quote_changes = np.zeros(N + 1, bool)  # the token before is on the quote's other side
        quote_changes[1:] = quote[1:] != quote[:-1]
        quote_changes &= ~first
        after_punct = np.zeros(N + 1, bool)  # the token before ends with , ; : ( or a dash
        after_punct[1:] = punct_left[:-1]
        after_punct &= ~first
        stops_left = np.flatnonzero(first | after_punct | quote_changes | opener)
        at_t0 = first[g0] | after_punct[g0] | quote_changes[g0]
        k = np.searchsorted(stops_left, g0 - 1, "right") - 1
        left = np.where(at_t0, g0, stops_left[np.maximum(k, 0)])
        next_is = np.zeros(N + 1, bool)  # the token after is a dash or a clause opener
        next_is[:-1] = dash[1:] | opener[1:]
        next_quote_changes = np.zeros(N + 1, bool)
        next_quote_changes[:-1] = quote_changes[1:]
        ends = flag(_F_PUNCT_RIGHT) | next_is
        stops_right = np.flatnonzero(last | ends | next_quote_changes)
        after_g1 = np.minimum(g1 + 1, N)
        at_t1 = last[g1] | ends[g1] | (quote[after_g1] != quoted)
        k = np.searchsorted(stops_right, g1 + 1, "left")
        right = np.where(at_t1, g1, stops_right[np.minimum(k, len(stops_right) - 1)])

        # Pairs of a mention and a sentiment word of its sentence, in the sentence's order.
        scored = np.flatnonzero(sentiment[:N])
        scored_sentence = of_sentence[scored]
        per_sentence = np.bincount(scored_sentence, minlength=S)
        scored_start = np.cumsum(per_sentence) - per_sentence
        # Each sentiment word's nearest name or pronoun (ties to the earlier; -1: none).
        names = np.append(np.flatnonzero(flag(_F_PRONOUN) | (flag(_F_CAPITALISED) & ~first)), N)
        k = np.searchsorted(names, scored, "left")
        before = names[k - 1]  # names[-1] is the blank token N: no name
        has_before = (k > 0) & (of_sentence[before] == scored_sentence)
        after = names[k]
        has_after = of_sentence[after] == scored_sentence
        nearest = np.where(has_before, before, -1)
        nearest_d = np.where(has_before, scored - before, lengths[scored_sentence] + 1)
        take_after = has_after & (after - scored < nearest_d)
        nearest = np.where(take_after, after, nearest)
        nearest_d = np.where(take_after, after - scored, nearest_d)

        pair_m, place = _expand(per_sentence[m_s])
        at = scored_start[m_s][pair_m] + place
        i = scored[at]
        x = sentiment[i]
        p0, p1 = g0[pair_m], g1[pair_m]
        outside = (i < p0) | (i > p1)
        d = np.where(i < p0, p0 - i, np.where(outside, i - p1, 0))  # 0: in the mention
        others_quote = quote[i] & ~quoted[pair_m]

        def total(mask, values=x):
            return np.bincount(pair_m, np.where(mask, values, 0.0), M)

        own = total(outside & ~others_quote, x / (1 + d / 3))
        in_others_quote = total(outside & others_quote)
        window = total(outside & (d <= 3))
        best = nearest[at]
        near = (best < 0) | ((p0 <= best) & (best <= p1)) | (d <= nearest_d[at])
        near_own = total(outside & near)
        near_other = total(outside & ~near)
        in_left = (i >= left[pair_m]) & (i < p0)
        in_right = (i > p1) & (i <= right[pair_m])
        positive, negative = x > 0, x < 0
        left_sum, right_sum = total(in_left), total(in_right)

        # Roles.
        speech = flag(_F_SPEECH)
        speaker = np.zeros(M, bool)
        for step in (1, 2, 3):
            speaker |= (g1 + step <= m_last) & speech[np.minimum(g1 + step, N)]
        has_1 = g0 > m_start
        has_2 = g0 - m_start > 1
        before_1, before_2 = np.maximum(g0 - 1, 0), np.maximum(g0 - 2, 0)
        speaker |= has_1 & speech[before_1]
        speaker |= has_2 & flag(_F_ACCORDING)[before_2] & flag(_F_TO)[before_1]
        not_prefix = np.zeros(N + 2, np.intp)
        np.cumsum(~flag(_F_SUBJECT_PREFIX), out=not_prefix[1:])
        subject = (not_prefix[g0] - not_prefix[left]) == 0
        subject_f = subject.astype(float)
        compound = np.fromiter(compounds, float, S)[m_s]
        log_length = np.fromiter(map(math.log1p, lengths.tolist()), float, S)
        values = np.column_stack(
            [
                compound,
                _norm_array(left_sum + right_sum),
                total(in_left & positive),
                total(in_left & negative),
                total(in_right & positive),
                total(in_right & negative),
                _norm_array(own),
                _norm_array(in_others_quote),
                quoted,
                _norm_array(near_own),
                _norm_array(near_other),
                near_own > 0.5,
                near_own < -0.5,
                window,
                speaker,
                subject,
                has_1 & flag(_F_BY)[before_1],
                subject_f * _norm_array(right_sum),
                (1.0 - subject_f) * _norm_array(left_sum),
                t0 == 0,
                log_length[m_s],
                (t0 == t1) & flag(_F_PRONOUN)[g0],
                # The sentence's tone means different things for a speaker, a quoted target
                # and a subject: let the model weigh it per role.
                compound * speaker,
                compound * quoted,
                compound * subject,
            ]
        ).reshape(M, len(NUMERIC))
        empty = m_n == 0
        values[empty, 1:] = 0.0
        self.values = values

        # The words next to the mention, stop words skipped, inside the clause.
        kept = np.append(np.flatnonzero(~flag(_F_STOP)[:N]), N)
        has_stem = flag(_F_STEM)
        j = kept[np.minimum(np.searchsorted(kept, g1 + 1, "left"), len(kept) - 1)]
        next_ = np.where((j <= right) & has_stem[j] & ~empty, j, -1)
        k = np.searchsorted(kept, g0 - 1, "right") - 1
        j = np.where(k >= 0, kept[np.maximum(k, 0)], -1)
        previous = np.where((j >= left) & has_stem[j] & ~empty, j, -1)
        self.next = np.where(next_ >= 0, next_ - m_start, -1).tolist()
        self.previous = np.where(previous >= 0, previous - m_start, -1).tolist()

        # Word features: the distinct words on either side and the words next to it (their
        # tokens' positions, -1: none), then their ids, as one mention sums them.
        where = np.full((M, 16), -1, np.intp)
        columns = [np.zeros(M, np.int32)] * 16
        for c in range(6):
            pos = g0 - 6 + c
            ok = (pos >= m_start) & ~empty
            where[:, c] = np.where(ok, pos, -1)
            columns[c] = _gather(ids[:, _LEFT], pos, ok)
        for c in range(8):
            pos = g1 + 1 + c
            ok = (pos <= m_last) & ~empty
            where[:, 6 + c] = np.where(ok, pos, -1)
            columns[6 + c] = _gather(ids[:, _RIGHT], pos, ok)
        for side in ((0, 6), (6, 14)):
            for c in range(*side):  # a word already counted in the window is not again
                for e in range(side[0], c):
                    columns[c] = np.where(columns[c] == columns[e], 0, columns[c])
        where[:, 14], where[:, 15] = next_, previous
        columns[14] = _gather(ids[:, _NEXT], next_, next_ >= 0)
        columns[15] = _gather(ids[:, _PREVIOUS], previous, previous >= 0)
        word_ids = np.column_stack(columns)
        where[word_ids == 0] = -1
        self.word_ids, self.where = word_ids, where

        # The sentence's words: each distinct model id once, in the sentence's order.
        sentence_id = ids[:, _SENTENCE]
        has_id = np.flatnonzero(sentence_id[:N])
        key = of_sentence[has_id] * (len(model.word_name) + 1) + sentence_id[has_id]
        _, first_at, inverse, counts = np.unique(
            key, return_index=True, return_inverse=True, return_counts=True
        )
        firsts = has_id[np.sort(first_at)]
        self.sentence_words = firsts  # their tokens' positions
        self.sentence_word_start = np.searchsorted(of_sentence[firsts], np.arange(S + 1))
        times_in_sentence = np.zeros(N + 1, np.intp)
        times_in_sentence[has_id] = counts[inverse.reshape(-1)]

        # A word of the mention found nowhere else in the sentence is no sentence word.
        width = int((g1 - g0).max()) + 1 if M else 0
        inside = [_gather(sentence_id, g0 + c, (g0 + c <= g1) & ~empty) for c in range(width)]
        not_sentence = []
        for c in range(width):
            word = inside[c]
            seen = np.zeros(M, bool)
            for e in range(c):
                seen |= inside[e] == word
            times = sum((inside[e] == word).astype(np.intp) for e in range(width))
            mine = (word != 0) & ~seen & (times == times_in_sentence[np.minimum(g0 + c, N)])
            not_sentence.append(np.where(mine, word, 0))
        self.not_sentence = np.column_stack(not_sentence) if width else np.zeros((M, 0), np.int32)

        # The logits, summed in the order one mention sums them: the intercept, the numeric
        # features', the sentence's words', the mention's words', less the words only in it.
        z_real, z_imag = model.z_word_real, model.z_word_imag
        sentence_real = np.bincount(of_sentence[firsts], z_real[sentence_id[firsts]], S)
        sentence_imag = np.bincount(of_sentence[firsts], z_imag[sentence_id[firsts]], S)
        numeric_real = np.zeros(M)
        numeric_imag = np.zeros(M)
        for f, (w_real, w_imag) in enumerate(model.z_numeric_parts):
            numeric_real = numeric_real + values[:, f] * w_real
            numeric_imag = numeric_imag + values[:, f] * w_imag
        words_real = np.zeros(M)
        words_imag = np.zeros(M)
        for c in range(16):
            words_real = words_real + z_real[word_ids[:, c]]
            words_imag = words_imag + z_imag[word_ids[:, c]]
        real = model.z_intercept.real + numeric_real + sentence_real[m_s] + words_real
        imag = model.z_intercept.imag + numeric_imag + sentence_imag[m_s] + words_imag
        for c in range(width):
            real = real - z_real[self.not_sentence[:, c]]
            imag = imag - z_imag[self.not_sentence[:, c]]
        self.sentence_of = m_s

        # The softmax of (negative, neutral, positive) logits (imag, 0, real).
        top = np.where(real > imag, real, imag)
        top = np.where(top < 0.0, 0.0, top)
        # Python's exp (numpy's may differ in the last bit), over the three at once
        e_all = np.fromiter(
            map(exp, np.concatenate([-top, real - top, imag - top]).tolist()), float, 3 * M
        )
        e_neutral, e_positive, e_negative = e_all[:M], e_all[M : 2 * M], e_all[2 * M :]
        total_e = e_neutral + e_positive + e_negative
        # ties go to the first class, as argmax does
        label = np.where(
            (e_negative >= e_neutral) & (e_negative >= e_positive),
            0,
            np.where(e_neutral >= e_positive, 1, 2),
        )
        self.labels = [*map(LABELS.__getitem__, label.tolist())]
        self.scores = _round4(e_positive / total_e - e_negative / total_e)
        self.rule_scores = _round4(values[:, _DISTANCE_WEIGHTED])
        self.g0, self.g1 = g0, g1
        self.sentence_end = s_start + lengths
        self.sentence_ids = sentence_id

    def input(self, i: int) -> tuple:
        """The ``i``-th mention as :meth:`TargetSentiment.score_batch` takes it."""
        text, a, b, compound, split = self.sentences[self.mention_sentence[i]]
        return text, (a, b), (self.mention_start[i], self.mention_end[i]), compound, split

    def mention(self, i: int) -> MentionSentiment:
        """The :class:`MentionSentiment` of the ``i``-th mention (no reasons)."""
        return MentionSentiment(self.scores[i], self.labels[i], self.rule_scores[i], (), (self, i))

    def explain(self, groups: Sequence[Sequence[int]], k: int = 3):
        """For each group of mentions (indices, repeats allowed), its mean score and the
        ``k`` features that pushed that mean most in its direction, readable, strongest
        first (:meth:`TargetSentiment.reasons`)."""
        model = self.scorer.model
        G = len(groups)
        sizes = np.fromiter(map(len, groups), np.intp, G)
        row_group = np.repeat(np.arange(G), sizes)
        row_m = np.fromiter(chain.from_iterable(groups), np.intp, int(sizes.sum()))
        scores = np.array(self.scores)
        mean = np.bincount(row_group, scores[row_m], G) / sizes
        positive = mean >= 0
        n_numeric = len(NUMERIC)
        totals = np.bincount(
            (row_group[:, None] * n_numeric + np.arange(n_numeric)).reshape(-1),
            self.values[row_m].reshape(-1),
            G * n_numeric,
        ).reshape(G, n_numeric)
        numeric_push = totals * np.where(
            positive[:, None], model.push_numeric_array, model.pull_numeric_array
        )
        # A reason pushes at least as much as its group's k-th numeric feature: each numeric
        # feature is a reason of its own (and comes first among equal pushes).
        floor = np.zeros(G)
        if n_numeric >= k:
            floor = np.maximum(np.partition(numeric_push, n_numeric - k, axis=1)[:, -k], 0.0)
        # Word events: each row's sentence words, then its own word features, numbered in
        # that order (``seq``); those pushing the group's way are counted per group.
        row_s = self.sentence_of[row_m]
        starts = self.sentence_word_start
        per_row = starts[row_s + 1] - starts[row_s]
        row_seq = np.cumsum(per_row + 16) - (per_row + 16)
        ev_row, place = _expand(per_row)
        ev_pos = self.sentence_words[starts[row_s][ev_row] + place]
        ev_seq = row_seq[ev_row] + place
        word_ids = self.word_ids[row_m]
        w_row, w_col = np.nonzero(word_ids)
        ev_row = np.concatenate([ev_row, w_row])
        ev_pos = np.concatenate([ev_pos, self.where[row_m[w_row], w_col]])
        ev_id = np.concatenate([self.sentence_ids[ev_pos[: len(place)]], word_ids[w_row, w_col]])
        ev_seq = np.concatenate([ev_seq, row_seq[w_row] + per_row[w_row] + w_col])
        push = model.push_word_array[ev_id]
        ev_group = row_group[ev_row]
        # A word is counted at most once a row, so one pushing less than its group's floor
        # times the group's rows can be no reason: not counted.
        pushing = np.flatnonzero(
            np.where(positive[ev_group], push > 0, push < 0)
            & (np.abs(push) * sizes[ev_group] >= floor[ev_group])
        )
        ev_row, ev_id, ev_pos, ev_seq = (
            ev_row[pushing],
            ev_id[pushing],
            ev_pos[pushing],
            ev_seq[pushing],
        )
        width = len(model.word_name) + 1
        key = row_group[ev_row] * width + ev_id
        # by key, then by sequence: one sort of unique integers (no stable sort needed)
        span = int(row_seq[-1] + per_row[-1]) + 16 if len(row_seq) else 1
        order = np.argsort(key * span + ev_seq)
        key = key[order]
        new_key = np.ones(len(key), bool)
        new_key[1:] = key[1:] != key[:-1]
        at_first = np.flatnonzero(new_key)
        keys = key[at_first]
        first = order[at_first]  # each word's first event
        counts = np.diff(np.append(at_first, len(key)))
        # the words only in a mention, counted once less where counted
        not_sentence = self.not_sentence[row_m]
        n_row, n_col = np.nonzero(not_sentence)
        less = row_group[n_row] * width + not_sentence[n_row, n_col]
        found = np.searchsorted(keys, less)
        hit = found < len(keys)
        hit[hit] = keys[found[hit]] == less[hit]
        counts = counts - np.bincount(found[hit], minlength=len(keys))
        # the words in the order they were first met (the sequence runs group by group)
        met = np.argsort(ev_seq[first])  # unique numbers
        keys, counts, first = keys[met], counts[met], first[met]
        word_group = keys // width
        word_id = keys % width
        push = model.push_word_array[word_id]
        word_push = np.where(positive[word_group], push, -push) * counts
        # Candidates: the numeric features first, then the words as met; a stable sort by
        # group and push keeps that order among equal pushes, as sorting a list does.
        numeric = np.arange(n_numeric)
        cand_group = np.concatenate([np.repeat(np.arange(G), n_numeric), word_group])
        cand_push = np.concatenate([numeric_push.reshape(-1), word_push])
        cand_key = np.concatenate([np.tile(numeric, G), -1 - np.arange(len(keys))])
        # Only those that may be among their group's first k: nothing pushing less than the
        # floor, nor a word pushing as much (numeric features come first among equal pushes).
        at_least = floor[cand_group]
        keep = np.flatnonzero(
            (cand_push > at_least) | ((cand_push == at_least) & (cand_key >= 0) & (cand_push > 0))
        )
        cand_group, cand_push, cand_key = cand_group[keep], cand_push[keep], cand_key[keep]
        order = np.lexsort((-cand_push, cand_group))
        group_end = np.searchsorted(cand_group[order], np.arange(1, G + 1)).tolist()
        ranked = cand_key[order].tolist()
        # Each word as the text spells it where first found (its token's row), but a
        # sentence word first found in the mention itself (see _readable).
        first_m = row_m[ev_row[first]]
        first_pos = ev_pos[first]
        in_mention = np.flatnonzero(
            model.sentence_word[word_id]
            & (self.g0[first_m] <= first_pos)
            & (first_pos <= self.g1[first_m])
        ).tolist()
        token_row = self.rows[first_pos].tolist()
        for w in in_mention:
            token_row[w] = -1 - w  # found by _readable
        token_words = self.scorer._token_words
        out = []
        start = 0
        for mean_, toward_positive, end in zip(
            mean.tolist(), positive.tolist(), group_end, strict=True
        ):
            reasons: dict[str, None] = {}
            sign = "+" if toward_positive else "-"
            numeric_reasons = _NUMERIC_REASONS[sign]
            suffix = f" ({sign})"
            for key_ in ranked[start:end]:
                if key_ >= 0:
                    reasons[numeric_reasons[key_]] = None
                else:
                    row = token_row[-1 - key_]
                    if row >= 0:
                        reasons[token_words[row] + suffix] = None
                    else:
                        w = -1 - row
                        reasons[
                            self._readable(
                                int(word_id[w]), int(first_m[w]), int(first_pos[w]), sign
                            )
                        ] = None
                if len(reasons) == k:
                    break
            start = end
            out.append((mean_, tuple(reasons)))
        return out

    def _readable(self, word_id: int, m: int, pos: int, sign: str) -> str:
        """A word feature as a reader sees it: the word as the text spells it where the
        feature was first found (token ``pos``, of mention ``m``), with its direction."""
        scorer = self.scorer
        if scorer.model.word_name[word_id].startswith("sentence:"):
            g0, g1 = int(self.g0[m]), int(self.g1[m])
            if g0 <= pos <= g1:  # in the mention: the word's next place after it, if any
                end = self.sentence_end[self.sentence_of[m]]
                later = np.flatnonzero(self.sentence_ids[g1 + 1 : end] == word_id)
                if len(later):
                    pos = g1 + 1 + int(later[0])
        return f"{scorer._token_words[self.rows[pos]]} ({sign})"
