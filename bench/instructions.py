"""Instructions per article, floor against pipeline: a ratio that machine load cannot move.

Run: ``.venv/bin/python bench/instructions.py [--n 60] [--stages] [--unseen-share 0.05]``

``bench/analyze.py`` measures time, and on a shared machine its ratio drifts with
other people's jobs by ±20%. This script counts the CPU instructions each side
executes instead (Valgrind's ``cachegrind`` tool, ``--cache-sim=no``), which is
the same number on every run: for the floor (bare vaderSentiment
``polarity_scores`` on every sentence, as in ``bench/analyze.py``) and for
``Analyzer.analyze_batch`` by 100 articles (as ``slant analyze``'s workers run it),
over the same articles of the bench corpus. Each side runs
twice in a child process, over ``--base`` and over ``--base + --n`` articles, and
the difference divided by ``--n`` is its count per article, so Python start-up,
imports and loading the articles cancel out. ``--stages`` adds the attribution
and sentiment stages alone.

Instructions are not time: code that misses the caches or allocates much runs
at fewer instructions per cycle, so the time ratio of ``bench/analyze.py`` stays
the measure of the issue's target; this one says, free of noise, whether a change
made the pipeline do less work. Needs ``valgrind`` (``apt-get install valgrind``);
about 20 s per side under it.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.analyze import add_unseen_share_option  # noqa: E402

# The child: loads the pickled articles, runs one side over the first N of them.
CHILD = """
import pickle, sys
sys.path.insert(0, {root!r})
side, n = sys.argv[1], int(sys.argv[2])
# Everything but the measured work runs over all the articles, whatever n is, so it cancels.
articles = pickle.load(open({articles!r}, "rb"))
from analysis.text import split_sentences, tokenize
spans = [split_sentences(a.text) for a in articles]
if side == "floor":
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    polarity = SentimentIntensityAnalyzer().polarity_scores
    per_article = [[a.text[x:y] for x, y in s] + ([a.title] if a.title else [])
                   for a, s in zip(articles, spans)]
    for sentences in per_article[:n]:
        for sentence in sentences:
            polarity(sentence)
elif side == "pipeline":
    from analysis.text.lexicons import load_lexicons
    from analysis.pipeline import Analyzer
    # by 100 articles, as slant analyze's workers run it
    analyze_batch = Analyzer(load_lexicons()).analyze_batch
    for i in range(0, n, 100):
        analyze_batch(articles[i : min(n, i + 100)])
elif side == "attribution":
    from analysis.measures.attribution.finder import AttributionFinder
    from analysis.text.lexicons import load_lexicons
    from analysis.text import tokenize_columns
    # With the tokens and their starts as Analyzer.analyze passes them, built untimed.
    columns = [tokenize_columns(a.text) for a in articles]
    find = AttributionFinder(load_lexicons().cues).find
    for a, s, (t, starts, _forms) in list(zip(articles, spans, columns))[:n]:
        find(a.text, s, a.article_id, "text", t, starts)
elif side == "split":
    for a in articles[:n]:
        split_sentences(a.text)
elif side == "tokenize":
    for a in articles[:n]:
        tokenize(a.text)
        tokenize(a.title)
elif side == "lexicons":
    from analysis.text.lexicons import load_lexicons
    from analysis.pipeline import Analyzer
    from analysis.pipeline.analyzer import _sentence_of_tokens
    analyzer = Analyzer(load_lexicons())
    find = analyzer.lexicon_patterns.find
    tokens = [tokenize(a.text) for a in articles]
    sentence_of = [_sentence_of_tokens(t, s) for t, s in zip(tokens, spans)]
    for a, t, so in list(zip(articles, tokens, sentence_of))[:n]:
        find(t, a.text, so)
elif side == "target sentiment":
    # As bench/analyze.py's stage: the mentions found untimed, then every mention scored
    # and summed per target with its reasons.
    from analysis.text.lexicons import load_lexicons
    from analysis.pipeline import Analyzer
    from analysis.pipeline.analyzer import _sentence_of_tokens
    analyzer = Analyzer(load_lexicons())
    find = analyzer.lexicon_patterns.find
    work = []
    for a, s in zip(articles, spans):
        t = tokenize(a.text)
        so = _sentence_of_tokens(t, s)
        sp = []
        c = analyzer.scorer.compounds(a.text, s, sp)
        hits = analyzer._target_evidence(find(t, a.text, so)[2], a.article_id, "text", a.text, so, c)
        title_hits = []
        if a.title:
            tt = tokenize(a.title)
            ts = [0] * len(tt)
            title_hits = analyzer._target_evidence(
                find(tt, a.title, ts)[2], a.article_id, "title", a.title, ts, [0.0]
            )
        work.append((a, s, c, hits, title_hits, sp))
    # as analyze_batch runs it: the mentions of up to 100 articles at once
    batch = [(a.text, s, hits, a.title, title_hits, c, sp) for a, s, c, hits, title_hits, sp in work[:n]]
    for i in range(0, len(batch), 100):
        analyzer._target_scores_batch(batch[i : i + 100])
elif side == "sentiment":
    from analysis.measures.sentiment.sentences import SentenceScorer
    scorer = SentenceScorer()
    for a, s in list(zip(articles, spans))[:n]:
        scorer.compounds(a.text, s)
        if a.title:
            scorer.compound(a.title)
"""


#: The child's environment. One BLAS thread: NumPy (which the tokenizer and pyarrow
#: import) starts OpenBLAS worker threads that sleep in a real run, but under Valgrind,
#: which runs one thread at a time, their waiting loops are counted too (+0.3-1.8 M
#: instructions an article, varying run to run). A fixed hash seed makes set and dict
#: layouts, and so the counts, the same from run to run.
CHILD_ENV = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "PYTHONHASHSEED": "0"}


def instructions(script: Path, side: str, n: int) -> int:
    completed = subprocess.run(
        [
            "valgrind",
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
            sys.executable,
            str(script),
            side,
            str(n),
        ],
        capture_output=True,
        text=True,
        check=True,
        env=CHILD_ENV,
    )
    match = re.search(r"I\s+refs:\s+([\d,]+)", completed.stderr)
    if match is None:
        raise RuntimeError(
            f"no instruction count in valgrind's output:\n{completed.stderr[-2000:]}"
        )
    return int(match.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=60, help="articles counted (after --base)")
    parser.add_argument("--base", type=int, default=10, help="articles in the baseline run")
    parser.add_argument("--stages", action="store_true", help="also each stage alone")
    parser.add_argument(
        "--only", nargs="+", metavar="SIDE", help="count only these sides (and the floor)"
    )
    add_unseen_share_option(parser)
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind); nothing measured")
        return 0

    import pickle

    from bench import corpus

    articles = corpus.load(max(1000, args.base + args.n))[: args.base + args.n]
    if args.unseen_share:
        from bench.analyze import with_unseen_words

        articles = with_unseen_words(articles, args.unseen_share)
    with tempfile.TemporaryDirectory() as folder:
        pickled = Path(folder) / "articles.pkl"
        pickled.write_bytes(pickle.dumps(articles))
        script = Path(folder) / "child.py"
        script.write_text(CHILD.format(root=str(ROOT), articles=str(pickled)))
        sides = ["floor", "pipeline"]
        if args.stages:
            sides += [
                "split",
                "tokenize",
                "sentiment",
                "lexicons",
                "attribution",
                "target sentiment",
            ]
        if args.only:
            sides = ["floor", *args.only]
        per_article = {}
        for side in sides:
            small = instructions(script, side, args.base)
            large = instructions(script, side, args.base + args.n)
            per_article[side] = (large - small) / args.n
    unseen = f", {args.unseen_share:.0%} of words never seen before" if args.unseen_share else ""
    print(
        f"{args.n} articles of the bench corpus (after {args.base}){unseen}, "
        "CPU instructions per article (valgrind cachegrind):"
    )
    floor = per_article["floor"]
    pipeline = per_article.get("pipeline")
    for side, count in per_article.items():
        share = ""
        if side != "floor":
            share = f"  {count / floor:5.2f}x floor"
            if pipeline and side != "pipeline":
                share += f", {count / pipeline:.0%} of the pipeline"
        print(f"  {side:<16} {count / 1e6:8.2f} million{share}")
    if pipeline:
        print(
            f"floor / pipeline in instructions: {floor / pipeline:.2f}x "
            "(time, not instructions, is the target: see bench/analyze.py)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
