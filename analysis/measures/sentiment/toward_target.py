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

Speed: a sentence holding a mention is tokenised once, each distinct token is
looked up once per process (its word, stem, flags and the model's weights for it
as a word feature), and the sentence's own word features are summed once for all
its mentions. A model weight is kept as one complex number, (positive - neutral)
+ (negative - neutral)j: the three logits up to a constant, which is all the
softmax needs, so summing a mention's word weights is one C-level ``sum``.
"""

from __future__ import annotations

import hashlib
import json
import math
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from itertools import compress, count
from math import exp
from operator import is_, mul
from pathlib import Path

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

# The fields of a token's cached facts (:meth:`TargetSentiment._token_facts`).
_WORD, _STEM, _ENTITY = 0, 1, 2  # _ENTITY: 2 pronoun, 1 capitalised non-stop word, 0 other
# then its word-feature ids, in WORD_KINDS order (0: not in the model)
_SENTENCE_ID, _LEFT_ID, _RIGHT_ID, _NEXT_ID, _PREVIOUS_ID = range(3, 8)
_NO_IDS = (0,) * len(WORD_KINDS)
_COLUMNS = 3 + len(WORD_KINDS)
_is_none = partial(is_, None)
_POSITIVE, _NEGATIVE = (0.0).__lt__, (0.0).__gt__  # x > 0, x < 0


def _norm(value: float) -> float:
    """VADER's normalisation of a sum of valences into (-1, 1)."""
    return value / math.sqrt(value * value + 15)


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
class _Sentence:
    """One sentence, split on whitespace as VADER splits it, with per-token sentiments after
    VADER's rules and each token's cached facts; what all its mentions share."""

    start: int  # offset of the sentence in the text
    tokens: list[str]
    facts: list[tuple]  # per token, see _token_facts
    words: tuple[str, ...]  # forms stripped of punctuation
    stems: tuple[str, ...]  # "" for stop words
    sentiments: list[float]
    in_quote: list[bool] | None  # None: the sentence holds no quotation mark
    entities: list[int]  # token positions of capitalised words and pronouns
    compound: float
    # (position, sentiment, nearest name or pronoun or -1, its distance) of the words
    # with a sentiment
    scored: list[tuple[int, float, int, int]]
    sentence_ids: tuple[int, ...]  # the model's ids of its distinct "sentence:" words
    sentence_z: complex  # their summed weights
    single_spaced: bool  # its tokens joined by one space each are the sentence
    columns: list[tuple]  # the facts' columns: a fact of every token


@dataclass(slots=True)
class _Active:
    """The active features of one mention, kept to explain a score later."""

    sentence: _Sentence
    values: list[float]  # NUMERIC, raw
    word_ids: list[int]  # model ids of its word features besides the sentence's (0: none)
    not_sentence_ids: list[int]  # ids of the sentence's words that are not its features
    where: tuple[int, int, int, int] = (0, -1, -1, -1)  # t0, t1, next word, previous word


@dataclass(slots=True)
class MentionSentiment:
    """The sentiment toward one mention: the model's score and label, the scoped rule score,
    and the features (readable) that pushed the score most, strongest first."""

    score: float
    label: str
    rule_score: float
    because: tuple[str, ...]
    active: _Active | None = field(default=None, repr=False, compare=False)


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


def _quotes(tokens: list[str]) -> list[bool]:
    """Whether each token is inside a quotation (straight quotes, opened and closed by
    the tokens holding them)."""
    in_quote = []
    inside = False
    for t in tokens:
        if '"' not in t:
            in_quote.append(inside)
            continue
        opens = t.startswith('"')
        closes = t.rstrip(".,;:!?)").endswith('"') and (
            len(t) > 1 and (not opens or t.count('"') >= 2)
        )
        if opens and not inside:
            in_quote.append(True)
            inside = not closes
        else:
            in_quote.append(inside)
            if closes:
                inside = False
    return in_quote


def _nearest_names(
    at: list[int], sentiments: list[float], entities: list[int], n: int
) -> list[tuple[int, float, int, int]]:
    """For each sentiment word (positions ``at``): its position, its sentiment, the nearest
    name or pronoun in ``entities`` (ties go to the earlier one; -1: none) and how far."""
    out = []
    n_entities = len(entities)
    for i in at:
        k = bisect_left(entities, i)
        best, best_d = -1, n + 1
        if k:
            best, best_d = entities[k - 1], i - entities[k - 1]
        if k < n_entities and entities[k] - i < best_d:
            best, best_d = entities[k], entities[k] - i
        out.append((i, sentiments[i], best, best_d))
    return out


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
        self._sentences: dict[tuple[int, int], _Sentence] = {}  # by offsets into _text
        self._text: str | None = None
        self._facts: dict[str, tuple] = {}

    @property
    def model(self) -> TargetSentimentModel:
        if self._model is None:
            self._model = load_model()
        return self._model

    # --- tokens and sentences, once ------------------------------------------------------

    def _token_facts(self, token: str) -> tuple:
        """What a mention's features need of a token: (word, stem, entity kind, and the
        model's ids of it as a sentence / left / right / next / previous word)."""
        facts = self._facts.get(token)
        if facts is not None:
            return facts
        word = self.vader._forms[token].strip(_STRIP)
        stem_ = stem(word) if word and word not in _STOP else ""
        capitalised = token[:1].isupper() and word not in _STOP
        entity = 2 if word in _PRONOUNS else 1 if capitalised else 0
        facts = (word, stem_, entity, *self.model.stem_ids.get(stem_, _NO_IDS))
        if len(self._facts) < _CACHE_LIMIT:
            self._facts[token] = facts
        return facts

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

    def _sentence(
        self, text: str, a: int, b: int, compound: float | None = None, split=None
    ) -> _Sentence:
        """Tokens, VADER sentiments, quotes and name positions of ``text[a:b]``. Cached for
        the sentence's other mentions (the cache holds one text, kept to be told by identity:
        a mention's sentence is then found by its offsets, without copying and hashing it)."""
        key = (a, b)
        if text is self._text:
            found = self._sentences.get(key)
            if found is not None:
                return found
            if len(self._sentences) > 64:
                self._sentences.clear()
        else:
            self._sentences.clear()
            self._text = text
        sentence = text[a:b]
        if split is None:
            tokens, valences = sentence.split(), None
        else:  # the sentence stage's tokens and valences of the same sentence
            tokens, valences = split
        facts = [*map(self._facts.get, tokens)]
        if None in facts:  # the tokens met for the first time
            token_facts = self._token_facts
            for i in compress(count(), map(_is_none, facts)):
                facts[i] = token_facts(tokens[i])
        vader = self.vader
        sentiments = self._sentiments(tokens, valences)
        in_quote = _quotes(tokens) if '"' in sentence else None
        # The facts' columns in one transposition (one map per column costs more).
        columns = [*zip(*facts, strict=True)] if facts else [()] * _COLUMNS
        entity = columns[_ENTITY]
        entities = [*compress(count(), entity)]
        if entities and entities[0] == 0 and entity[0] == 1:
            del entities[0]  # a capitalised first word is no name: every sentence has one
        if compound is None:
            compound = vader.compounds(sentence, ((0, len(sentence)),))[0] if tokens else 0.0
        sentence_ids = dict.fromkeys(columns[_SENTENCE_ID])
        sentence_ids.pop(0, None)
        z_word = self.model.z_word
        found = _Sentence(
            a,
            tokens,
            facts,
            columns[_WORD],
            columns[_STEM],
            sentiments,
            in_quote,
            entities,
            compound,
            _nearest_names([*compress(count(), sentiments)], sentiments, entities, len(tokens)),
            tuple(sentence_ids),
            sum(map(z_word.__getitem__, sentence_ids)),
            " ".join(tokens) == sentence,
            columns,
        )
        self._sentences[key] = found
        return found

    @staticmethod
    def _token_span(text: str, s: _Sentence, mention: tuple[int, int]) -> tuple[int, int]:
        """The first and last token of the mention ``text[mention[0]:mention[1]]`` (a
        mention may start inside a token: "anti-Morsi")."""
        ms, me = mention
        a = s.start
        n = len(s.tokens)
        if s.single_spaced:
            # Tokens are counted by the spaces before the mention's start and end (a
            # mention starting inside a token is in the token the spaces say), without
            # splitting the text before them.
            t0 = text.count(" ", a, ms)
            t0 = t0 if t0 < n else n - 1
            last = text.count(" ", a, me)
            if me > a and text[me - 1] != " ":
                last += 1
            last = (last if last < n else n) - 1
            return t0, last if last > t0 else t0
        before = text[a:ms].split()
        t0 = len(before)
        if before and ms > a and not text[ms - 1].isspace():
            t0 -= 1
        t0 = min(t0, n - 1)
        return t0, max(t0, min(n, len(text[a:me].split())) - 1)

    # --- features -----------------------------------------------------------------------

    def _mention(self, s: _Sentence, t0: int, t1: int):
        """The numeric features (``NUMERIC`` order) of the mention of tokens ``t0..t1``, and
        where its word features lie: its clause's first and last token and the tokens next
        to it (-1: none)."""
        n = len(s.tokens)
        tokens, words, sents, in_quote = s.tokens, s.words, s.sentiments, s.in_quote
        quoted = in_quote[t0] if in_quote is not None else False

        # The target's clause: out from the mention to a clause or quote boundary.
        left = t0
        while left > 0:
            before = tokens[left - 1]
            if before[-1] in ",;:(" or before in _DASHES:
                break
            if in_quote is not None and in_quote[left - 1] != quoted:
                break
            if left != t0 and words[left] in _CLAUSE_OPENERS:
                break
            left -= 1
        right = t1
        while right < n - 1:
            if tokens[right][-1] in ",;:)" or tokens[right + 1] in _DASHES:
                break
            if words[right + 1] in _CLAUSE_OPENERS:
                break
            if in_quote is not None and in_quote[right + 1] != quoted:
                break
            right += 1
        left_part = sents[left:t0]
        right_part = sents[t1 + 1 : right + 1]
        left_sum, right_sum = sum(left_part), sum(right_part)
        left_positive = left_negative = right_positive = right_negative = 0.0
        if left_sum or any(left_part):
            left_positive = sum(filter(_POSITIVE, left_part), 0)
            left_negative = sum(filter(_NEGATIVE, left_part), 0)
        if right_sum or any(right_part):
            right_positive = sum(filter(_POSITIVE, right_part), 0)
            right_negative = sum(filter(_NEGATIVE, right_part), 0)

        # Every sentiment word of the sentence: distance-weighted own voice, others' quotes,
        # and whether the target or another name is the nearest to it.
        own = quote = near_own = near_other = window = 0.0
        for i, x, best, best_d in s.scored:
            if t0 <= i <= t1:
                continue
            d = t0 - i if i < t0 else i - t1
            if in_quote is not None and in_quote[i] and not quoted:
                quote += x
            else:
                own += x / (1 + d / 3)
            if d <= 3:
                window += x
            if best < 0 or t0 <= best <= t1 or d <= best_d:
                near_own += x
            else:
                near_other += x

        # Roles.
        after = words[t1 + 1 : t1 + 4]
        verbs = self.speech_verbs
        speaker = (
            not verbs.isdisjoint(after)
            or (t0 > 0 and words[t0 - 1] in verbs)
            or (t0 > 1 and words[t0 - 2] == "according" and words[t0 - 1] == "to")
        )
        subject = _SUBJECT_PREFIX.issuperset(words[left:t0])
        compound = s.compound
        values = [
            compound,
            _norm(left_sum + right_sum),
            left_positive,
            left_negative,
            right_positive,
            right_negative,
            _norm(own),
            _norm(quote),
            1.0 if quoted else 0.0,
            _norm(near_own),
            _norm(near_other),
            1.0 if near_own > 0.5 else 0.0,
            1.0 if near_own < -0.5 else 0.0,
            window,
            1.0 if speaker else 0.0,
            1.0 if subject else 0.0,
            1.0 if t0 > 0 and words[t0 - 1] == "by" else 0.0,
            float(subject) * _norm(right_sum),
            (1.0 - subject) * _norm(left_sum),
            1.0 if t0 == 0 else 0.0,
            math.log1p(n),
            1.0 if t0 == t1 and words[t0] in _PRONOUNS else 0.0,
            # The sentence's tone means different things for a speaker, a quoted target
            # and a subject: let the model weigh it per role.
            compound * speaker,
            compound * quoted,
            compound * subject,
        ]
        # The words next to the mention, stop words skipped, inside the clause.
        j = t1 + 1
        while j < n and words[j] in _STOP:
            j += 1
        next_ = j if j <= right and j < n and s.stems[j] else -1
        j = t0 - 1
        while j >= 0 and words[j] in _STOP:
            j -= 1
        previous = j if j >= left and j >= 0 and s.stems[j] else -1
        return values, next_, previous

    def _only_in_mention(self, s: _Sentence, t0: int, t1: int) -> list[str]:
        """Stems of the mention's words that occur nowhere else in the sentence (they are
        no "sentence:" word of this mention)."""
        stems = s.stems
        inside = stems[t0 : t1 + 1]
        return [st for st in dict.fromkeys(inside) if st and stems.count(st) == inside.count(st)]

    def features(
        self,
        text: str,
        sentence: tuple[int, int],
        mention: tuple[int, int],
        compound: float | None = None,
    ) -> tuple[dict[str, float], dict[str, str]]:
        """Feature values of one mention by name, and the surface word behind each word
        feature (what the model is trained on; :meth:`score` computes the same faster).

        ``text`` has straight quotes (``analysis.text.fold_quotes``); ``sentence`` and
        ``mention`` are ``(start, end)`` offsets into it, the mention inside the sentence.
        """
        s = self._sentence(text, *sentence, compound)
        n = len(s.tokens)
        if not n:
            return {"sentence": s.compound}, {}
        t0, t1 = self._token_span(text, s, mention)
        values, next_, previous = self._mention(s, t0, t1)
        f: dict[str, float] = dict(zip(NUMERIC, values, strict=True))
        stems, words = s.stems, s.words
        surface: dict[str, str] = {}
        for i, st in enumerate(stems):
            if st:
                surface.setdefault("sentence:" + st, words[i])
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
        only_in_mention = set(self._only_in_mention(s, t0, t1))
        for st in stems:
            if st and st not in only_in_mention:
                f["sentence:" + st] = 1.0
        return f, surface

    # --- scores -------------------------------------------------------------------------

    @staticmethod
    def rule_score(features: dict[str, float]) -> float:
        """The scoped rules without the model: VADER's per-word sentiments of the sentence
        weighted by their distance to the mention (1 / (1 + words between / 3)), outside
        quotations the target is not part of; normalised like VADER's compound, in (-1, 1)."""
        return features.get("distance_weighted", 0.0)

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
        ``split``: the sentence's whitespace tokens and their valences when the caller has
        them (``SentenceScorer.compounds`` gives them).
        """
        model = self._model or self.model
        s = self._sentence(text, *sentence, compound, split)
        if not s.tokens:
            values = [s.compound] + [0.0] * (len(NUMERIC) - 1)
            active = _Active(s, values, [], [])
            z = model.z_intercept + values[0] * model.z_numeric[0]
        else:
            t0, t1 = self._token_span(text, s, mention)
            values, next_, previous = self._mention(s, t0, t1)
            facts = s.facts
            # Word features: the sentence's (less those only in the mention), the distinct
            # words on either side and the words next to it.
            columns = s.columns
            word_ids = [
                *dict.fromkeys(columns[_LEFT_ID][t0 - 6 if t0 > 6 else 0 : t0]),
                *dict.fromkeys(columns[_RIGHT_ID][t1 + 1 : t1 + 9]),
            ]
            if next_ >= 0:
                word_ids.append(facts[next_][_NEXT_ID])
            if previous >= 0:
                word_ids.append(facts[previous][_PREVIOUS_ID])
            z_word = model.z_word
            z = (
                model.z_intercept
                # the features that are not zero (most are, for a mention)
                + sum(map(mul, compress(values, values), compress(model.z_numeric, values)))
                + s.sentence_z
                + sum(map(z_word.__getitem__, word_ids))
            )
            not_sentence = []
            stems = s.stems
            for i in range(t0, t1 + 1):
                word_id = facts[i][_SENTENCE_ID]
                # a word of the mention found nowhere else in the sentence is no sentence word
                if word_id and word_id not in not_sentence:
                    st = stems[i]
                    if stems.count(st) == stems[t0 : t1 + 1].count(st):
                        z -= z_word[word_id]
                        not_sentence.append(word_id)
            active = _Active(s, values, word_ids, not_sentence, (t0, t1, next_, previous))
        # The softmax of (negative, neutral, positive) logits (z.imag, 0, z.real).
        positive, negative = z.real, z.imag
        top = positive if positive > negative else negative
        if top < 0.0:
            top = 0.0
        e_neutral, e_positive, e_negative = exp(-top), exp(positive - top), exp(negative - top)
        total = e_neutral + e_positive + e_negative
        if e_negative >= e_neutral and e_negative >= e_positive:
            label = "negative"  # ties go to the first class, as argmax does
        else:
            label = "neutral" if e_neutral >= e_positive else "positive"
        result = MentionSentiment(
            round(e_positive / total - e_negative / total, 4),
            label,
            round(values[_DISTANCE_WEIGHTED], 4),
            (),
            active,
        )
        if explain:
            result.because = self.reasons([result], explain)
        return result

    def reasons(self, mentions: list[MentionSentiment], k: int = 3) -> tuple[str, ...]:
        """The ``k`` features that pushed the mean score of ``mentions`` most in its
        direction (each feature's push summed over the mentions), readable, strongest
        first: for one mention, its own reasons; for a target's mentions, the reasons of the
        target's mean score, not of one mention that may point the other way."""
        active = [m.active for m in mentions if m.active is not None]
        if not active or not k:
            return ()
        model = self.model
        mean = sum(m.score for m in mentions) / len(mentions)
        toward_positive = mean >= 0
        # Pushes toward the mean's side are positive (the larger the stronger).
        side = model.push_numeric if toward_positive else model.pull_numeric
        if len(active) == 1:
            totals = active[0].values
        else:
            totals = map(sum, zip(*(a.values for a in active), strict=True))
        keys: list[object] = [*NUMERIC]
        pushes = [*map(mul, totals, side)]
        # A word's count is never negative, so only the words whose weight pushes the mean's
        # way can be reasons: the others are left out before counting.
        pushing = model.positive_words if toward_positive else model.negative_words
        ids: list[int] = []
        for a in active:
            ids += a.sentence.sentence_ids
            ids += a.word_ids
        counts = Counter(filter(pushing.__contains__, ids))
        for a in active:
            for word_id in a.not_sentence_ids:
                if word_id in counts:
                    counts[word_id] -= 1
        side = model.push_word if toward_positive else model.pull_word
        keys += counts
        pushes += map(mul, map(side.__getitem__, counts), counts.values())
        order = sorted(range(len(keys)), key=pushes.__getitem__, reverse=True)
        # One reason per word: "accused" may push as the next word and as a sentence word.
        out: dict[str, None] = {}
        sign = "+" if toward_positive else "-"
        for i in order:
            if pushes[i] <= 0:
                break
            out[self._readable(keys[i], sign, active)] = None
            if len(out) == k:
                break
        return tuple(out)

    def _readable(self, key, sign: str, active: list[_Active]) -> str:
        """A feature as a reader sees it: the word itself (as the text spells it where the
        feature found it), or the role, with its direction."""
        if isinstance(key, str):
            return f"[{key.replace('_', ' ')}] ({sign})"
        kind, stem_ = self.model.word_name[key].split(":", 1)
        for a in active:
            t0, t1, next_, previous = a.where
            stems = a.sentence.stems
            if kind == "next" or kind == "previous":
                i = next_ if kind == "next" else previous
                if i >= 0 and stems[i] == stem_:
                    return f"{a.sentence.words[i]} ({sign})"
                continue
            if kind == "left":
                start, end = max(0, t0 - 6), t0
            elif kind == "right":
                start, end = t1 + 1, t1 + 9
            else:
                start, end = 0, len(stems)
            if stem_ in stems[start:end]:
                i = stems.index(stem_, start, end)
                if kind == "sentence" and t0 <= i <= t1 and stem_ in stems[t1 + 1 :]:
                    i = stems.index(stem_, t1 + 1)
                return f"{a.sentence.words[i]} ({sign})"
        return f"{stem_} ({sign})"
