"""Time vaderSentiment against analysis.measures.sentiment.vader_fast on ~20,000 news-like sentences.

Run: ``.venv/bin/python bench/vader_speed.py [--sentences N] [--repeat R]``

Prints sentences per second for vaderSentiment's ``polarity_scores``, for
``FastSentimentAnalyzer.polarity_scores``, for ``FastSentimentAnalyzer.compound``
(the call Slant's pipeline makes for a headline) and for
``FastSentimentAnalyzer.compounds`` (the call it makes for an article's
sentences; here the sentences are joined into texts of ``ARTICLE_SENTENCES``),
each the best of ``--repeat`` rounds in this one process (CPU time, rounds
interleaved), plus the speed-up ratios; then checks that every score is
identical. The sentences are recombined from fixed phrase lists with a seeded
RNG, so every run scores the same text. No network.

The phrase lists are small, so the analyzer's per-token caches are warm after
the first round: the figures are those of a long run over a settled
vocabulary.
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

from analysis.measures.sentiment.vader_fast import FastSentimentAnalyzer  # noqa: E402

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


#: Sentences per text given to ``FastSentimentAnalyzer.compounds`` (the bench
#: corpus averages ~37 per article).
ARTICLE_SENTENCES = 37


def as_articles(sentences: list[str]) -> list[tuple[str, list[tuple[int, int]]]]:
    """The sentences joined by spaces, ``ARTICLE_SENTENCES`` to a text, with their spans."""
    articles = []
    for k in range(0, len(sentences), ARTICLE_SENTENCES):
        text, spans = "", []
        for sentence in sentences[k : k + ARTICLE_SENTENCES]:
            if text:
                text += " "
            spans.append((len(text), len(text) + len(sentence)))
            text += sentence
        articles.append((text, spans))
    return articles


def each_sentence(score: Callable[[str], object], sentences: list[str]) -> Callable[[], None]:
    def run() -> None:
        for sentence in sentences:
            score(sentence)

    return run


def each_article(fast: FastSentimentAnalyzer, sentences: list[str]) -> Callable[[], None]:
    articles = as_articles(sentences)
    compounds = fast.compounds

    def run() -> None:
        for text, spans in articles:
            compounds(text, spans)

    return run


def cpu_seconds(run: Callable[[], None]) -> float:
    # CPU time, not wall time: the two cores are shared, and time spent
    # descheduled says nothing about either scorer.
    start = time.process_time()
    run()
    return time.process_time() - start


def best_rates(
    runs: dict[str, Callable[[], None]], sentences: int, repeat: int
) -> dict[str, float]:
    """Sentences per CPU second, best of ``repeat`` rounds; rounds interleave the runs."""
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for name, run in runs.items():
            best[name] = min(best[name], cpu_seconds(run))
    return {name: sentences / seconds for name, seconds in best.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    sentences = news_sentences(args.sentences)
    vader = SentimentIntensityAnalyzer()
    fast = FastSentimentAnalyzer()

    rates = best_rates(
        {
            "vader": each_sentence(vader.polarity_scores, sentences),
            "fast": each_sentence(fast.polarity_scores, sentences),
            "compound": each_sentence(fast.compound, sentences),
            "compounds": each_article(fast, sentences),
        },
        len(sentences),
        args.repeat,
    )
    vader_rate = rates["vader"]
    print(f"{len(sentences):,} sentences, best of {args.repeat} interleaved rounds, CPU time")
    print(f"vaderSentiment polarity_scores   {vader_rate:10,.0f} sentences/s")
    print(f"FastSentimentAnalyzer polarity   {rates['fast']:10,.0f} sentences/s")
    print(f"FastSentimentAnalyzer compound   {rates['compound']:10,.0f} sentences/s")
    print(f"FastSentimentAnalyzer compounds  {rates['compounds']:10,.0f} sentences/s")
    print(f"speed-up polarity_scores         {rates['fast'] / vader_rate:10.2f}x")
    print(f"speed-up compound                {rates['compound'] / vader_rate:10.2f}x")
    print(f"speed-up compounds               {rates['compounds'] / vader_rate:10.2f}x")

    mismatched: set[int] = set()  # sentences with any score unlike vaderSentiment's
    for k, sentence in enumerate(sentences):
        expected = vader.polarity_scores(sentence)
        if (
            repr(fast.polarity_scores(sentence)) != repr(expected)
            or fast.compound(sentence) != expected["compound"]
        ):
            mismatched.add(k)
            if len(mismatched) <= 5:
                print(f"MISMATCH {sentence!r}: {expected} vs {fast.polarity_scores(sentence)}")
    for n, (text, spans) in enumerate(as_articles(sentences)):
        got = fast.compounds(text, spans)
        for j, ((a, b), score) in enumerate(zip(spans, got, strict=True)):
            if score != vader.polarity_scores(text[a:b])["compound"]:
                mismatched.add(n * ARTICLE_SENTENCES + j)
                print(f"MISMATCH in compounds: {text[a:b]!r}: {score}")
    mismatches = len(mismatched)
    print(f"identical scores on {len(sentences) - mismatches:,}/{len(sentences):,} sentences")
    return 1 if mismatches else 0


if __name__ == "__main__":
    raise SystemExit(main())
