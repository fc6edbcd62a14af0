"""Time vaderSentiment against analysis.vader_fast on ~20,000 news-like sentences.

Run: ``.venv/bin/python bench/vader_speed.py [--sentences N] [--repeat R]``

Prints sentences per second for vaderSentiment's ``polarity_scores``, for
``FastSentimentAnalyzer.polarity_scores`` and for ``FastSentimentAnalyzer.compound``
(the call Slant's pipeline makes), each the best of ``--repeat`` rounds in this
one process (CPU time, rounds interleaved), plus the speed-up ratios; then
checks that every score is identical. The sentences are recombined from fixed phrase lists with a seeded RNG, so every
run scores the same text. No network.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402

from analysis.vader_fast import FastSentimentAnalyzer  # noqa: E402

SUBJECTS = [
    "The prime minister",
    "NATO's secretary general",
    "Iraqi officials",
    "The foreign ministry",
    "Opposition lawmakers",
    "A senior US diplomat",
    "The central bank",
    "Protesters in Baghdad",
    "Local residents",
    "The defence ministry",
    "Human rights groups",
    "The company",
    "Analysts",
    "The coalition",
    "Witnesses",
]
VERBS = [
    "said",
    "warned",
    "claimed",
    "denied",
    "welcomed",
    "condemned",
    "slammed",
    "praised",
    "admitted",
    "rejected",
    "criticised",
    "hailed",
    "questioned",
    "announced",
    "insisted",
]
OBJECTS = [
    "the ceasefire agreement",
    "a breach of the country's sovereignty",
    "the deadly attack on the convoy",
    "the peaceful transfer of power",
    "the new security pact",
    "allegations of corruption",
    "the humanitarian crisis",
    "the successful vaccination campaign",
    "an assassination attempt",
    "the economic recovery",
    "the failed negotiations",
    "a brutal crackdown on dissent",
    "the historic trade deal",
    "rising unemployment",
    "the tragic loss of civilian lives",
]
MODIFIERS = [
    "",
    "",
    "very ",
    "deeply ",
    "extremely ",
    "somewhat ",
    "kind of ",
    "not ",
    "never ",
    "hardly ",
    "absolutely ",
    "no ",
]
ADJECTIVES = [
    "good",
    "bad",
    "unacceptable",
    "encouraging",
    "dangerous",
    "fair",
    "hostile",
    "helpful",
    "disappointing",
    "great",
    "terrible",
    "significant",
    "reckless",
    "important",
    "worrying",
]
TAILS = [
    ".",
    ".",
    ".",
    ", according to a statement.",
    ", officials said on Tuesday.",
    " in a televised address.",
    "!",
    "?",
    ", but critics were not convinced.",
    ", a claim the government rejected.",
    " at least for now.",
    ", sources told reporters.",
]
QUOTES = [
    "This is a dark day for our nation",
    "We will not stand by and do nothing",
    "The people deserve the truth",
    "It was a great success",
    "Nobody wins a war like this",
    "We are deeply grateful for the support",
    "This is completely unacceptable",
    "I have never seen anything so horrible",
]


def news_sentences(count: int, seed: int = 20240601) -> list[str]:
    """Deterministic news-like sentences: reported speech, evaluations, quotes."""
    rng = random.Random(seed)
    out = []
    for k in range(count):
        shape = k % 5
        if shape == 0:
            sentence = (
                f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
                f"{rng.choice(TAILS)}"
            )
        elif shape == 1:
            sentence = (
                f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} that {rng.choice(OBJECTS)} was "
                f"{rng.choice(MODIFIERS)}{rng.choice(ADJECTIVES)}{rng.choice(TAILS)}"
            )
        elif shape == 2:
            # Curly quotes, as raw feeds deliver them, in a minority of sentences.
            open_q, close_q = ("\u201c", "\u201d") if rng.random() < 0.3 else ('"', '"')
            sentence = (
                f"{open_q}{rng.choice(QUOTES)},{close_q} {rng.choice(SUBJECTS).lower()} "
                f"{rng.choice(VERBS)}{rng.choice(TAILS)}"
            )
        elif shape == 3:
            sentence = (
                f"In {rng.choice(['March', 'April', 'May'])} {rng.randint(2001, 2024)}, "
                f"{rng.randint(2, 900)} people were reported after {rng.choice(OBJECTS)}, "
                f"while {rng.choice(SUBJECTS).lower()} {rng.choice(VERBS)} "
                f"{rng.choice(OBJECTS)} as {rng.choice(MODIFIERS)}{rng.choice(ADJECTIVES)}"
                f"{rng.choice(TAILS)}"
            )
        else:
            sentence = (
                f"{rng.choice(OBJECTS).capitalize()} is {rng.choice(MODIFIERS)}"
                f"{rng.choice(ADJECTIVES)} and {rng.choice(MODIFIERS)}{rng.choice(ADJECTIVES)}"
                f"{rng.choice(TAILS)}"
            )
        if rng.random() < 0.03:
            sentence = sentence.upper()
        out.append(sentence)
    return out


def cpu_seconds(score: Callable[[str], object], sentences: list[str]) -> float:
    # CPU time, not wall time: the two cores are shared, and time spent
    # descheduled says nothing about either scorer.
    start = time.process_time()
    for sentence in sentences:
        score(sentence)
    return time.process_time() - start


def best_rates(
    scorers: dict[str, Callable[[str], object]], sentences: list[str], repeat: int
) -> dict[str, float]:
    """Sentences per CPU second, best of ``repeat`` rounds; rounds interleave the scorers."""
    best = dict.fromkeys(scorers, float("inf"))
    for _ in range(repeat):
        for name, score in scorers.items():
            best[name] = min(best[name], cpu_seconds(score, sentences))
    return {name: len(sentences) / seconds for name, seconds in best.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    sentences = news_sentences(args.sentences)
    vader = SentimentIntensityAnalyzer()
    fast = FastSentimentAnalyzer()

    rates = best_rates(
        {"vader": vader.polarity_scores, "fast": fast.polarity_scores, "compound": fast.compound},
        sentences,
        args.repeat,
    )
    vader_rate, fast_rate, compound_rate = rates["vader"], rates["fast"], rates["compound"]
    print(f"{len(sentences):,} sentences, best of {args.repeat} interleaved rounds, CPU time")
    print(f"vaderSentiment polarity_scores   {vader_rate:10,.0f} sentences/s")
    print(f"FastSentimentAnalyzer polarity   {fast_rate:10,.0f} sentences/s")
    print(f"FastSentimentAnalyzer compound   {compound_rate:10,.0f} sentences/s")
    print(f"speed-up polarity_scores         {fast_rate / vader_rate:10.2f}x")
    print(f"speed-up compound                {compound_rate / vader_rate:10.2f}x")

    mismatches = 0
    for sentence in sentences:
        expected = vader.polarity_scores(sentence)
        if (
            repr(fast.polarity_scores(sentence)) != repr(expected)
            or fast.compound(sentence) != expected["compound"]
        ):
            mismatches += 1
            if mismatches <= 5:
                print(f"MISMATCH {sentence!r}: {expected} vs {fast.polarity_scores(sentence)}")
    print(f"identical scores on {len(sentences) - mismatches:,}/{len(sentences):,} sentences")
    return 1 if mismatches else 0


if __name__ == "__main__":
    raise SystemExit(main())
