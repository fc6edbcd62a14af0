"""The lexicon stage's cost per article with two lexicon folders, timed in the same run.

Run: ``.venv/bin/python -m bench.lexicon_cost --before DIR [--after data/lexicons]
[--n 1000] [--repeat 5] [--unseen-share 0.05]``

The stage is ``framing+hedges+targets`` of ``bench/analyze.py``: one
``PatternGroups.find`` pass over an article's body and headline plus the evidence
rows it yields, on tokens and sentence maps prepared untimed. Each pass builds a
new ``Analyzer`` (untimed), so the matcher's per-word caches start empty as in a
fresh worker. Times are this process's CPU time (``time.process_time``: on a shared
machine wall-clock time counts the waits for a core), the two sides alternated, best
of ``--repeat`` each, because the load drifts. ``--before`` is typically a copy of the
lexicon folder as it was before a change (``git show main:data/lexicons/...``).
"""

from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path

from analysis.pipeline import Analyzer
from analysis.pipeline.analyzer import _sentence_of_tokens
from analysis.text import split_sentences, tokenize
from analysis.text.lexicons import load_lexicons
from bench import corpus
from bench.analyze import add_unseen_share_option, with_unseen_words


def prepared(articles):
    items = []
    for a in articles:
        spans = split_sentences(a.text)
        tokens = tokenize(a.text)
        items.append((a, tokens, tokenize(a.title), _sentence_of_tokens(tokens, spans), spans))
    return items


def lexicon_pass(lexicons, items) -> tuple[float, int]:
    """Seconds for the stage over ``items`` with a new Analyzer, and the framing rows made."""
    analyzer = Analyzer(lexicons)
    find = analyzer.lexicon_patterns.find
    evidence = analyzer._lexicon_evidence
    targets_of = analyzer._target_evidence
    rows = 0
    gc.collect()
    started = time.process_time()
    for a, t, tt, so, spans in items:
        framing, hedges, targets, *_ = find(t, a.text, so)
        rows += len(evidence("framing", framing, analyzer.framing_terms, "x", "text", a.text, so))
        evidence("hedge", hedges, analyzer.hedge_terms, "x", "text", a.text, so)
        targets_of(targets, "x", "text", a.text, so, [0.0] * len(spans))
        if a.title:
            ts = [0] * len(tt)
            framing, _, targets, *_ = find(tt, a.title, ts)
            evidence("framing", framing, analyzer.framing_terms, "x", "title", a.title, ts)
            targets_of(targets, "x", "title", a.title, ts, [0.0])
    return time.process_time() - started, rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, required=True, help="the baseline lexicon folder")
    parser.add_argument("--after", type=Path, default=None, help="default: data/lexicons")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    add_unseen_share_option(parser)
    args = parser.parse_args(argv)
    before = load_lexicons(args.before)
    after = load_lexicons(args.after) if args.after else load_lexicons()
    articles = corpus.load(args.n)
    if args.unseen_share:
        articles = with_unseen_words(articles, args.unseen_share)
    items = prepared(articles)
    best = {"before": float("inf"), "after": float("inf")}
    rows = {}
    for _ in range(args.repeat):
        for side, lexicons in (("before", before), ("after", after)):
            seconds, rows[side] = lexicon_pass(lexicons, items)
            best[side] = min(best[side], seconds)
    n = len(items)
    print(f"{n} articles; best of {args.repeat}, sides alternated; new Analyzer per pass")
    for side, lexicons in (("before", before), ("after", after)):
        print(
            f"  {side:6} lexicon {lexicons.hash}: {len(lexicons.framing):5d} framing patterns, "
            f"{best[side] / n * 1e6:7.1f} us/article, {rows[side] / n:5.1f} framing rows/article"
        )
    print(f"after / before: {best['after'] / best['before']:.2f}x (target <= 1.10x)")


if __name__ == "__main__":
    main()
