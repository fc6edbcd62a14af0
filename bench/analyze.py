"""Throughput of the analysis against its floor, bare vaderSentiment, on the same articles.

Run: ``.venv/bin/python bench/analyze.py [--n 1000] [--pool-n 10000] [--repeat 2]``

For the synthetic corpus of ``--n`` articles (``bench/corpus.py``) it prints, all
measured in this one run on the same articles:

(a) the floor: ``vaderSentiment.SentimentIntensityAnalyzer().polarity_scores`` on
    every sentence of every article (body split by ``analysis.text.split_sentences``,
    plus the headline), the splitting itself not timed;
(b) the full pipeline on one core, ``Analyzer.analyze_batch`` by 100 articles as ``slant analyze``'s
    workers run it (the cycle collector paused for each batch), a new Analyzer (empty
    caches) per pass, and again with a new Analyzer that first ran over the articles
    untimed (warm caches: the difference is its caches' first meeting of the words);
(c) each stage's time, timed separately over the same articles (collector paused
    too): clean (ingest's ``normalize`` of the raw text), split, tokenize, sentiment,
    framing, attribution, hedges, targets, target sentiment (each mention scored by
    ``analysis.measures.sentiment.toward_target`` and summed per target), the rest;
(d) peak RSS of this process;

With ``--unseen-share 0.05`` every article first has 5% of its words replaced by
words never seen before (``with_unseen_words``), for floor and pipeline alike: the
bench corpus's small vocabulary would otherwise keep the pipeline's per-word caches
warmer than real text does.

then the ratio pipeline/floor in throughput (>= 1.0 means the whole analysis is
at least as fast as bare vaderSentiment alone), and the process pool, 2 workers
against 1 on ``--pool-n`` articles, three ways: as ``slant ingest`` scores (each batch
written to Parquet staging files by the worker that scored it), as ``slant analyze``
does (each batch's CSV tables built by its worker) and through ``analyze_stream``
(every result sent back and rebuilt in the parent), with the
pool's peak RSS (parent + children) at two sizes to show memory flat in N.

Times are the best of ``--repeat`` (pool: ``--pool-repeat``) passes, the two sides of
each ratio alternated, because the machine is shared and its load drifts.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402

from analysis.pipeline.pool import _collector_paused  # noqa: E402
from bench import corpus  # noqa: E402

# Wall time by default; ``--clock cpu`` takes this process's CPU time instead, which a
# shared machine's other jobs move far less (they still share its caches).
clock = time.perf_counter


def best(fn, repeat: int, collector_paused: bool = False) -> float:
    """The shortest of ``repeat`` runs of ``fn``; with ``collector_paused`` each run has
    the cycle collector off, as ``slant analyze``'s and ``slant ingest``'s workers run
    every batch (``analysis.pipeline.pool``): timed with it on, the analysis would pay
    for the collector's walks over its many small objects, which the command never does."""
    times = []
    for _ in range(repeat):
        gc.collect()
        with _collector_paused() if collector_paused else contextlib.nullcontext():
            started = clock()
            fn()
            times.append(clock() - started)
    return min(times)


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class TreeRss:
    """Samples the RSS of this process plus its children every 50 ms; keeps the peak."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for proc in [me, *me.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += proc.memory_info().rss
            self.peak = max(self.peak, total)
            self._stop.wait(0.05)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        return False


def stage_times(articles, analyzer, raw_texts, repeat: int) -> dict[str, float]:
    """Seconds per stage over all ``articles``, each stage timed on its own."""
    from analysis.pipeline.analyzer import _sentence_of_tokens
    from analysis.text import normalize, split_sentences, tokenize

    spans = [split_sentences(a.text) for a in articles]
    tokens = [tokenize(a.text) for a in articles]
    title_tokens = [tokenize(a.title) for a in articles]
    sentence_of = [_sentence_of_tokens(t, s) for t, s in zip(tokens, spans, strict=True)]
    compounds = [
        [analyzer.scorer.compound(a.text[x:y]) for x, y in s]
        for a, s in zip(articles, spans, strict=True)
    ]
    items = list(zip(articles, spans, tokens, title_tokens, sentence_of, compounds, strict=True))
    # Each sentence's tokens and valences, as the sentence stage hands them to the target stage.
    splits = []
    for a, s in zip(articles, spans, strict=True):
        analyzer.scorer.compounds(a.text, s, split := [])
        splits.append(split)

    def clean():
        for raw in raw_texts:
            normalize(raw)

    def split():
        for a in articles:
            split_sentences(a.text)

    def tokenize_all():
        for a in articles:
            tokenize(a.text)
            tokenize(a.title)
            # the token -> sentence map belongs to tokenizing
        for t, s in zip(tokens, spans, strict=True):
            _sentence_of_tokens(t, s)

    def sentiment():
        # As the pipeline does it: all of an article's sentences in one call, then the headline.
        scorer = analyzer.scorer
        for a, s, *_ in items:
            scorer.compounds(a.text, s)
            if a.title:
                scorer.compound(a.title)

    def lexicons():
        # framing, hedges and targets share one pass (analysis.text.patterns.PatternGroups)
        find = analyzer.lexicon_patterns.find
        for a, _s, t, tt, so, c in items:
            framing, hedges, targets, *_ = find(t, a.text, so)
            analyzer._lexicon_evidence(
                "framing", framing, analyzer.framing_terms, a.article_id, "text", a.text, so
            )
            analyzer._lexicon_evidence(
                "hedge", hedges, analyzer.hedge_terms, a.article_id, "text", a.text, so
            )
            analyzer._target_evidence(targets, a.article_id, "text", a.text, so, c)
            if a.title:
                ts = [0] * len(tt)
                framing, _, targets, *_ = find(tt, a.title, ts)
                analyzer._lexicon_evidence(
                    "framing", framing, analyzer.framing_terms, a.article_id, "title", a.title, ts
                )
                analyzer._target_evidence(targets, a.article_id, "title", a.title, ts, [0.0])

    # The target mentions of each article, found as the pipeline finds them (untimed).
    find_patterns = analyzer.lexicon_patterns.find
    target_hits = []
    for a, _s, t, tt, so, c in items:
        hits = analyzer._target_evidence(
            find_patterns(t, a.text, so)[2], a.article_id, "text", a.text, so, c
        )
        title_hits = []
        if a.title:
            ts = [0] * len(tt)
            title_hits = analyzer._target_evidence(
                find_patterns(tt, a.title, ts)[2], a.article_id, "title", a.title, ts, [0.0]
            )
        target_hits.append((hits, title_hits))

    def target_sentiment():
        # Target-scoped sentiment of every mention and the per-target summary, as
        # analyze_batch runs it: the mentions of 100 articles at once.
        batch = [
            (a.text, s, hits, a.title, title_hits, c, split)
            for (a, s, *_, c), (hits, title_hits), split in zip(
                items, target_hits, splits, strict=True
            )
        ]
        for i in range(0, len(batch), 100):
            analyzer._target_scores_batch(batch[i : i + 100])

    # The tokens' starts, as Analyzer.analyze has them (tokenize_columns), untimed.
    token_starts = [[x[0] for x in t] for t in tokens]

    def attribution():
        find = analyzer.attribution.find
        # with the tokens and their starts, as the pipeline passes them
        for (a, s, t, *_), starts in zip(items, token_starts, strict=True):
            find(a.text, s, a.article_id, "text", t, starts)

    stages = {
        "clean": clean,
        "split": split,
        "tokenize": tokenize_all,
        "sentiment": sentiment,
        "framing+hedges+targets": lexicons,
        "attribution": attribution,
        "target sentiment": target_sentiment,
    }
    return {name: best(fn, repeat, collector_paused=True) for name, fn in stages.items()}


def with_unseen_words(articles, share: float, seed: int = 7):
    """The articles with ``share`` of their words (body and headline) replaced by words
    never seen before, keeping each word's capitalisation.

    The bench corpus recombines the sample corpus's paragraphs, so its whole vocabulary
    (~4,000 distinct words) is seen within the first few articles, and every per-word
    cache in the pipeline (the VADER port's token caches, the lexicon matcher's plans)
    is warm almost at once. A real feed keeps meeting new names, numbers and typos; this
    puts a stated share of such words into every article, for floor and pipeline alike.
    """
    import dataclasses
    import random
    import re

    rng = random.Random(seed)
    # Made-up words of three or more consonant-vowel syllables ("Kamilo", "sorevatu"):
    # the counter written in base len(syllables), so no two are the same; their letters
    # are ordinary, so matchers that key on a word's first letters do their usual work.
    syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
    counter = len(syllables) ** 2

    def fresh(match: re.Match) -> str:
        nonlocal counter
        word = match.group()
        if rng.random() >= share:
            return word
        counter += 1
        n, made = counter, ""
        while n:
            n, digit = divmod(n, len(syllables))
            made += syllables[digit]
        return made.capitalize() if word[0].isupper() else made

    word = re.compile(r"[A-Za-z]{3,}")
    return [
        dataclasses.replace(a, text=word.sub(fresh, a.text), title=word.sub(fresh, a.title))
        for a in articles
    ]


def add_unseen_share_option(parser: argparse.ArgumentParser) -> None:
    """``--unseen-share``, the same for every bench script that takes it (see :func:`with_unseen_words`)."""
    parser.add_argument(
        "--unseen-share",
        type=float,
        default=0.0,
        help="replace this share of words with words never seen before (e.g. 0.05)",
    )


def floor_inputs(articles):
    """The sentences vaderSentiment scores in the floor: every body sentence and the headline."""
    from analysis.text import split_sentences

    sentences = []
    for a in articles:
        sentences.extend(a.text[x:y] for x, y in split_sentences(a.text))
        if a.title:
            sentences.append(a.title)
    return sentences


def pool_run(articles, lexicons, workers: int, mode: str) -> tuple[float, float]:
    """Seconds and peak RSS (parent + workers) of scoring ``articles`` with ``workers``.

    ``mode`` "staged": what ``slant ingest`` runs before its bulk load, ``map_batches``
    with ``StageBatch``, each batch scored and written to a Parquet staging folder where
    it was scored; "tables": what ``slant analyze`` runs, ``BatchTables``, the batch's
    CSV tables built in the worker (the parent's CSV writing not included);
    "results": ``analyze_stream``, every result rebuilt in this process.
    """
    import shutil
    import tempfile

    from analysis import store
    from analysis.pipeline import analyze_stream, map_batches
    from analysis.report.tables import BatchTables
    from analysis.runs.scoring import StageBatch

    folder = Path(tempfile.mkdtemp(prefix="slant-bench-"))
    try:
        if mode in ("staged", "tables"):
            if mode == "staged":
                con = store.connect(folder / "schemas.duckdb")
                work = StageBatch(folder / "staging", store.staging_schemas(con))
                con.close()
            else:
                work = BatchTables(tuple(lexicons.framing_categories), tuple(lexicons.cue_classes))
            stream = lambda: map_batches(iter(articles), lexicons, work, workers=workers)  # noqa: E731
        else:
            stream = lambda: analyze_stream(iter(articles), lexicons, workers=workers)  # noqa: E731
        with TreeRss() as rss:
            started = time.perf_counter()
            n = sum(len(batch) for batch, _ in stream())
            seconds = time.perf_counter() - started
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert n == len(articles)
    return seconds, rss.peak / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="articles for (a)-(d)")
    parser.add_argument(
        "--pool-n", type=int, default=10_000, help="articles for the pool (0: skip)"
    )
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--pool-repeat", type=int, default=2)
    parser.add_argument("--no-stages", action="store_true")
    parser.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="time (a)-(c) by wall clock or by this process's CPU time (pool: always wall)",
    )
    add_unseen_share_option(parser)
    args = parser.parse_args(argv)
    global clock
    clock = time.process_time if args.clock == "cpu" else time.perf_counter

    import json

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analysis.pipeline import Analyzer
    from analysis.text.lexicons import load_lexicons

    articles = corpus.load(args.n)
    if args.unseen_share:
        articles = with_unseen_words(articles, args.unseen_share)
    raw_path = corpus.write(args.n)["jsonl"]
    with raw_path.open(encoding="utf-8") as handle:
        raw_texts = [json.loads(line)["text"] for line in handle]
    mb = sum(len(a.text.encode()) + len(a.title.encode()) for a in articles) / 1e6
    words = sum(len(a.text.split()) for a in articles)
    lexicons = load_lexicons()
    analyzer = Analyzer(lexicons)
    vader = SentimentIntensityAnalyzer()
    sentences = floor_inputs(articles)
    if args.unseen_share:
        print(f"{args.unseen_share:.0%} of words replaced by words never seen before")
    print(
        f"{len(articles)} articles, {len(sentences)} sentences (with headlines), "
        f"{words / len(articles):.0f} words/article, {mb:.1f} MB of text; best of {args.repeat}"
        f" ({args.clock} time)"
    )

    def floor():
        polarity = vader.polarity_scores
        for sentence in sentences:
            polarity(sentence)

    def pipeline_pass(warm: bool = False) -> float:
        # A new Analyzer (built untimed) per pass: its per-word caches start empty, as in a
        # fresh worker, so a repeat never profits from words the last pass already met.
        # ``warm``: it first runs over the articles untimed, as a worker some way into a
        # long run has met most words; the difference is the first meeting of its caches
        # (VADER's tokens, the lexicon plans, the target table, ...), which the stages of
        # (c), timed with warm caches, do not pay, and which 300 articles repay far less
        # than a run of thousands.
        analyze_batch = Analyzer(lexicons).analyze_batch
        if warm:
            for i in range(0, len(articles), 100):
                with _collector_paused():
                    analyze_batch(articles[i : i + 100])
        gc.collect()
        started = clock()
        for i in range(0, len(articles), 100):
            with _collector_paused():  # as the command's workers run each batch
                analyze_batch(articles[i : i + 100])
        return clock() - started

    # Interleaved, best of --repeat each: on a shared machine the load drifts, and a
    # ratio of two times taken minutes apart would measure the drift.
    t_floor = t_pipe = t_warm = float("inf")
    for _ in range(args.repeat):
        t_floor = min(t_floor, best(floor, 1))
        t_pipe = min(t_pipe, pipeline_pass())
        t_warm = min(t_warm, pipeline_pass(warm=True))
    n = len(articles)

    def line(name, seconds):
        print(
            f"  {name:<34} {n / seconds:>9.0f} articles/s {mb / seconds:>7.2f} MB/s "
            f"{len(sentences) / seconds:>9.0f} sentences/s"
        )

    print("(a) floor, vaderSentiment per sentence:")
    line("vaderSentiment.polarity_scores", t_floor)
    print("(b) full pipeline, one core:")
    line("Analyzer.analyze_batch by 100", t_pipe)
    line("the same, its caches warm", t_warm)
    if not args.no_stages:
        stages = stage_times(articles, analyzer, raw_texts, args.repeat)
        total = sum(stages.values())
        in_analyze = total - stages["clean"]
        rest = t_pipe - in_analyze
        print(
            "(c) stages, each timed on its own over the same articles "
            "(share of the analyze stages' sum; x floor = stage time / floor time):"
        )
        for name, seconds in stages.items():
            share = "" if name == "clean" else f"{seconds / in_analyze:6.1%}"
            note = "  (ingest's cleaning, before analyze)" if name == "clean" else ""
            print(
                f"  {name:<22} {seconds:7.3f} s  {share:>6}  {seconds / t_floor:5.2f}x floor{note}"
            )
        print(
            f"  sum of analyze stages  {in_analyze:7.3f} s  ({in_analyze / t_floor:.2f}x floor); "
            f"whole analyze {t_pipe:.3f} s: records, rates and targets' scores "
            f"{rest:+.3f} s (noise when negative), of which the caches' first meeting "
            f"{t_pipe - t_warm:+.3f} s ({(t_pipe - t_warm) / t_floor:.2f}x floor)"
        )
    print(f"(d) peak RSS of this process: {peak_rss_mb():.0f} MB")
    print(
        f"pipeline / floor throughput: {t_floor / t_pipe:.2f}x "
        f"(target >= 1.0x: {'met' if t_floor / t_pipe >= 1.0 else 'missed'})"
    )

    if args.pool_n:
        del articles, raw_texts, sentences
        gc.collect()
        big = corpus.load(args.pool_n)
        small = big[: max(1, args.pool_n // 10)]
        # Alternated, best of --pool-repeat each, for the same reason as above.
        for mode, what in (
            ("staged", "scored and staged as Parquet by the workers, as `slant ingest` does"),
            ("tables", "CSV tables built by the workers, as `slant analyze` does"),
            ("results", "analyze_stream, every result rebuilt in the parent"),
        ):
            t1 = t2 = float("inf")
            rss2 = 0.0
            for _ in range(args.pool_repeat):
                t1 = min(t1, pool_run(big, lexicons, 1, mode)[0])
                seconds, rss = pool_run(big, lexicons, 2, mode)
                t2, rss2 = min(t2, seconds), max(rss2, rss)
            _, rss2_small = pool_run(small, lexicons, 2, mode)
            print(f"process pool, {len(big)} articles, batches of 200 ({what}):")
            print(f"  workers=1  {len(big) / t1:8.0f} articles/s")
            print(
                f"  workers=2  {len(big) / t2:8.0f} articles/s   "
                f"speedup {t1 / t2:.2f}x (target 1.7x)"
            )
            print(
                f"  pool peak RSS (parent + workers, input list held in memory): "
                f"{rss2_small:.0f} MB at {len(small)} articles, {rss2:.0f} MB at {len(big)}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
