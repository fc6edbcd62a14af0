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
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from analysis.measures.sentiment.vader_fast import FastSentimentAnalyzer

#: The shipped model: coefficients in JSON, with its licence and citation beside it.
MODEL_FILE = Path(__file__).with_name("target_model.json")
#: The format of ``target_model.json`` this module reads.
MODEL_FORMAT = "slant-target-sentiment/1"
LABELS = ("negative", "neutral", "positive")

# Numeric features are multiplied by this before the model sees them, so the L2
# penalty that keeps the thousands of word weights small does not flatten them.
NUMERIC_WEIGHT = 3.0

_TOKEN = re.compile(r"\S+")
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


def _norm(value: float) -> float:
    """VADER's normalisation of a sum of valences into (-1, 1)."""
    return value / math.sqrt(value * value + 15)


@cache
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
    """One sentence, tokenised VADER's way, with per-token sentiments after VADER's rules."""

    starts: list[int]
    ends: list[int]
    tokens: list[str]
    forms: list[str]
    words: list[str]  # forms stripped of punctuation, for the word features
    sentiments: list[float]
    in_quote: list[bool]
    entities: list[int]  # token positions of capitalised words and pronouns
    compound: float
    stems: list[str]  # each word's stem for the word features, "" for stop words
    sentence_words: dict[str, tuple[int, ...]]  # "sentence:<stem>" -> its token positions
    sentence_surface: dict[str, str]  # "sentence:<stem>" -> the first word behind it
    scored: list[tuple[int, float]]  # (position, sentiment) of the words with a sentiment
    sentence_features: dict[str, float]  # every "sentence:<stem>" feature, set to 1.0


@dataclass(slots=True)
class MentionSentiment:
    """The sentiment toward one mention: the model's score and label, the scoped rule score,
    and the features (readable) that pushed the score most, strongest first."""

    score: float
    label: str
    rule_score: float
    because: tuple[str, ...]


class TargetSentimentModel:
    """The trained model of ``target_model.json``: feature weights per class.

    Load once per process (:func:`load_model`); :meth:`probabilities` is a sparse
    dot product over a dict of feature values.
    """

    def __init__(self, data: dict, digest: str):
        if data.get("format") != MODEL_FORMAT:
            raise ValueError(
                f"target sentiment model: format {data.get('format')!r}, expected "
                f"{MODEL_FORMAT!r}; rebuild it with bench/train_target_sentiment.py"
            )
        self.classes: list[str] = data["classes"]
        if len(self.classes) != 3:
            raise ValueError("target sentiment model: expected three classes")
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


class TargetSentiment:
    """Scores mentions of targets in sentences. Build one per process and reuse it.

    >>> ts = TargetSentiment()
    >>> text = "Smith was arrested for fraud, while Jones was hailed as a hero."
    >>> ts.score(text, (0, len(text)), (0, 5)).because
    ('[distance weighted] (-)', '[clause] (-)', 'arrested (-)')
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
        self._sentences: dict[tuple[int, str], _Sentence] = {}

    @property
    def model(self) -> TargetSentimentModel:
        if self._model is None:
            self._model = load_model()
        return self._model

    # --- the sentence, once -------------------------------------------------------------

    def _sentence(self, text: str, a: int, b: int, compound: float | None = None) -> _Sentence:
        """Tokens, VADER sentiments, quotes and name positions of ``text[a:b]``; offsets
        are absolute. Cached for the sentence's other mentions (the cache holds one text)."""
        key = (a, text[a:b])
        found = self._sentences.get(key)
        if found is not None:
            return found
        if len(self._sentences) > 64:
            self._sentences.clear()
        sentence = text[a:b]
        starts, ends, tokens = [], [], []
        for m in _TOKEN.finditer(sentence):
            starts.append(a + m.start())
            ends.append(a + m.end())
            tokens.append(m.group())
        vader = self.vader
        forms = [*map(vader._forms.__getitem__, tokens)]
        sentiments = vader._rule_sentiments(tokens, forms) if tokens else []
        words = [f.strip(_STRIP) for f in forms]
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
        entities = [
            i
            for i, (t, w) in enumerate(zip(tokens, words, strict=True))
            if (i and t[:1].isupper() and w not in _STOP) or w in _PRONOUNS
        ]
        if compound is None:
            compound = vader.compounds(sentence, ((0, len(sentence)),))[0] if tokens else 0.0
        stems = [stem(w) if w and w not in _STOP else "" for w in words]
        positions: dict[str, list[int]] = {}
        surface: dict[str, str] = {}
        for i, st in enumerate(stems):
            if st:
                name = "sentence:" + st
                if name in positions:
                    positions[name].append(i)
                else:
                    positions[name] = [i]
                    surface[name] = words[i]
        found = _Sentence(
            starts,
            ends,
            tokens,
            forms,
            words,
            sentiments,
            in_quote,
            entities,
            compound,
            stems,
            {name: tuple(at) for name, at in positions.items()},
            surface,
            [(i, x) for i, x in enumerate(sentiments) if x],
            dict.fromkeys(positions, 1.0),
        )
        self._sentences[key] = found
        return found

    # --- features -----------------------------------------------------------------------

    def features(
        self,
        text: str,
        sentence: tuple[int, int],
        mention: tuple[int, int],
        compound: float | None = None,
    ) -> tuple[dict[str, float], dict[str, str]]:
        """Feature values of one mention, and the surface word behind each word feature.

        ``text`` has straight quotes (``analysis.text.fold_quotes``); ``sentence`` and
        ``mention`` are ``(start, end)`` offsets into it, the mention inside the sentence.
        """
        s = self._sentence(text, *sentence, compound)
        n = len(s.tokens)
        f: dict[str, float] = {"sentence": s.compound}
        if not n:
            return f, {}
        ms, me = mention
        t0 = min(bisect_left(s.ends, ms + 1), n - 1)
        t1 = max(t0, bisect_left(s.starts, me) - 1)
        tokens, words, sents, in_quote = s.tokens, s.words, s.sentiments, s.in_quote
        quoted = in_quote[t0]

        # The target's clause: out from the mention to a clause or quote boundary.
        left = t0
        while left > 0:
            before = tokens[left - 1]
            if before[-1] in ",;:(" or before in _DASHES or in_quote[left - 1] != quoted:
                break
            if left != t0 and words[left] in _CLAUSE_OPENERS:
                break
            left -= 1
        right = t1
        while right < n - 1:
            if tokens[right][-1] in ",;:)" or tokens[right + 1] in _DASHES:
                break
            if words[right + 1] in _CLAUSE_OPENERS or in_quote[right + 1] != quoted:
                break
            right += 1
        left_part = sents[left:t0]
        right_part = sents[t1 + 1 : right + 1]
        left_sum, right_sum = sum(left_part), sum(right_part)
        f["clause"] = _norm(left_sum + right_sum)
        f["left_positive"] = sum(x for x in left_part if x > 0)
        f["left_negative"] = sum(x for x in left_part if x < 0)
        f["right_positive"] = sum(x for x in right_part if x > 0)
        f["right_negative"] = sum(x for x in right_part if x < 0)

        # Every sentiment word of the sentence: distance-weighted own voice, others' quotes,
        # and whether the target or another name is the nearest to it.
        own = quote = near_own = near_other = window = 0.0
        entities = s.entities
        for i, x in s.scored:
            if t0 <= i <= t1:
                continue
            d = t0 - i if i < t0 else i - t1
            if in_quote[i] and not quoted:
                quote += x
            else:
                own += x / (1 + d / 3)
            if d <= 3:
                window += x
            # The nearest name or pronoun to word i (ties go to the earlier one).
            k = bisect_left(entities, i)
            best, best_d = -1, n + 1
            for j in (entities[k - 1] if k else -1, entities[k] if k < len(entities) else -1):
                if j >= 0 and abs(j - i) < best_d:
                    best, best_d = j, abs(j - i)
            if best < 0 or t0 <= best <= t1 or d <= best_d:
                near_own += x
            else:
                near_other += x
        f["distance_weighted"] = _norm(own)
        f["others_quote"] = _norm(quote)
        f["in_quote"] = float(quoted)
        f["near_own"] = _norm(near_own)
        f["near_other"] = _norm(near_other)
        f["near_own_positive"] = float(near_own > 0.5)
        f["near_own_negative"] = float(near_own < -0.5)
        f["window"] = window

        # Roles.
        after = words[t1 + 1 : t1 + 4]
        before = words[max(0, t0 - 2) : t0]
        verbs = self.speech_verbs
        speaker = any(w in verbs for w in after) or before[-2:] == ["according", "to"]
        speaker = speaker or (bool(before) and before[-1] in verbs)
        subject = all(words[i] in _SUBJECT_PREFIX for i in range(left, t0))
        f["speaker"] = float(speaker)
        f["subject"] = float(subject)
        f["passive_agent"] = float(t0 > 0 and words[t0 - 1] == "by")
        f["subject_of_sentiment"] = float(subject) * _norm(right_sum)
        f["object_of_sentiment"] = (1.0 - subject) * _norm(left_sum)
        f["sentence_start"] = float(t0 == 0)
        f["length"] = math.log1p(n)
        f["pronoun"] = float(t0 == t1 and words[t0] in _PRONOUNS)
        # The sentence's tone means different things for a speaker, a quoted target and a
        # subject: let the model weigh it per role.
        f["sentence_if_speaker"] = s.compound * speaker
        f["sentence_if_in_quote"] = s.compound * quoted
        f["sentence_if_subject"] = s.compound * subject

        # Words: next to the mention, on either side of it, in the sentence (a word counts
        # for the sentence when it occurs outside the mention).
        stems = s.stems
        surface = dict(s.sentence_surface)
        j = t1 + 1
        while j < n and words[j] in _STOP:
            j += 1
        if j <= right and j < n and stems[j]:
            f[name := "next:" + stems[j]] = 1.0
            surface[name] = words[j]
        j = t0 - 1
        while j >= 0 and words[j] in _STOP:
            j -= 1
        if j >= left and j >= 0 and stems[j]:
            f[name := "previous:" + stems[j]] = 1.0
            surface[name] = words[j]
        for i in (*range(max(0, t0 - 6), t0), *range(t1 + 1, min(n, t1 + 9))):
            if stems[i]:
                f[name := ("left:" if i < t0 else "right:") + stems[i]] = 1.0
                surface.setdefault(name, words[i])
        f.update(s.sentence_features)
        sentence_words = s.sentence_words
        for i in range(t0, t1 + 1):
            if stems[i]:
                name = "sentence:" + stems[i]
                at = sentence_words[name]
                if at[0] >= t0 and at[-1] <= t1:
                    f.pop(name, None)
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
    ) -> MentionSentiment:
        """The sentiment toward the mention ``text[mention[0]:mention[1]]`` in its sentence.

        ``explain``: how many reasons to give (0: none, the cheaper call); ``compound``: the
        sentence's VADER compound when the caller has it (it is computed otherwise).
        """
        features, surface = self.features(text, sentence, mention, compound)
        model = self.model
        p = model.probabilities(features)
        label = model.classes[max(range(3), key=p.__getitem__)]
        score = p[model._pos] - p[model._neg]
        rule = round(self.rule_score(features), 4)
        if not explain:
            return MentionSentiment(round(score, 4), label, rule, ())
        pushes = sorted(
            ((model.push(k, v), k) for k, v in features.items() if v),
            key=lambda kv: -abs(kv[0]),
        )
        sign = 1 if score >= 0 else -1
        # One reason per word: "accused" may push as the next word and as a sentence word.
        because = tuple(
            dict.fromkeys(
                _readable(name, surface, push)
                for push, name in pushes[: explain * 4]
                if push * sign > 0
            )
        )[:explain]
        return MentionSentiment(round(score, 4), label, rule, because)


def _readable(name: str, surface: dict[str, str], push: float) -> str:
    """A feature as a reader sees it: the word itself, or the role, with its direction."""
    sign = "+" if push > 0 else "-"
    if ":" in name:
        return f"{surface.get(name, name.split(':', 1)[1])} ({sign})"
    return f"[{name.replace('_', ' ')}] ({sign})"
