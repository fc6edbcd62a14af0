"""Specification of analyze: scores and evidence of one article, and the offset invariant."""

import multiprocessing
import os

import pytest

from analysis.ingest import load_paths
from analysis.ingest.articles import make_article
from analysis.pipeline import ANALYSIS_VERSION, Analyzer, analyze_stream, map_batches
from tests.paths import ROOT, SEEDS

SEED = SEEDS / "press-article-iraq-nato.txt"


def kinds(result, kind):
    return [e for e in result.evidence if e.kind == kind]


def test_every_evidence_span_is_the_text_it_claims(analyzer, sample_articles):
    checked = 0
    for article in sample_articles:
        for row in analyzer.analyze(article).evidence:
            field = getattr(article, row.field)
            assert field[row.start : row.end] == row.text, (article.article_id, row)
            if row.kind == "attribution":
                assert field[row.source_start : row.source_end] == row.source
                assert field[row.cue_start : row.cue_end] == row.cue
            checked += 1
    assert checked > 1000


def test_results_are_stamped_with_version_and_lexicon_hash(analyzer, lexicons):
    result = analyzer.analyze(make_article(outlet="Wire", text="The vote passed."))
    assert (result.analysis_version, result.lexicon_hash) == (ANALYSIS_VERSION, lexicons.hash)


def test_framing_rate_is_per_thousand_words(analyzer):
    text = "The regime spoke. " + "Calm words here. " * 32  # 3 + 96 = 99 words
    result = analyzer.analyze(make_article(outlet="Wire", text=text))
    assert result.scores["words"] == 99
    assert result.scores["framing_per_1k"] == pytest.approx(1000 / 99)
    assert result.category_counts[("framing", "legitimacy_labels")] == 1


def test_headline_framing_is_evidence_but_not_part_of_the_body_rate(analyzer):
    result = analyzer.analyze(
        make_article(outlet="Wire", title="The regime falls", text="It fell.")
    )
    assert [(e.field, e.text) for e in kinds(result, "framing")] == [("title", "regime")]
    assert result.scores["framing_count"] == 0


def test_sentiment_is_the_mean_of_sentence_scores(analyzer):
    result = analyzer.analyze(
        make_article(outlet="Wire", text="A wonderful day. A horrible crime.")
    )
    body = [s.compound for s in result.sentences if s.field == "text"]
    assert len(body) == 2 and body[0] > 0 > body[1]
    assert result.scores["sentiment"] == pytest.approx(sum(body) / 2)
    assert (result.scores["negative_share"], result.scores["positive_share"]) == (0.5, 0.5)


def test_headline_sentiment_is_scored_apart(analyzer):
    result = analyzer.analyze(make_article(outlet="Wire", title="Great victory", text="It rained."))
    assert result.scores["headline_sentiment"] > 0.5 and result.scores["sentiment"] == 0


def test_curly_apostrophes_negate_like_straight_ones(analyzer):
    curly = analyzer.analyze(make_article(outlet="W", text="It isn\u2019t good.")).scores[
        "sentiment"
    ]
    straight = analyzer.analyze(make_article(outlet="W", text="It isn't good.")).scores["sentiment"]
    assert curly == straight < 0


def test_shares_are_empty_not_zero_when_nobody_is_quoted(analyzer):
    scores = analyzer.analyze(make_article(outlet="Wire", text="The bridge reopened.")).scores
    assert scores["attributions"] == 0 and scores["anonymous_share"] is None


def test_target_sentiment_averages_the_sentences_that_mention_the_target(analyzer):
    text = "Ilsa Maren gave a wonderful speech. The weather was awful. Maren lied terribly."
    result = analyzer.analyze(make_article(outlet="Wire", text=text))
    maren = [t for t in result.targets if t.target == "Kestrian government"]
    compounds = [s.compound for s in result.sentences if s.field == "text"]
    assert maren and maren[0].sentences == 2
    assert maren[0].sentiment == pytest.approx((compounds[0] + compounds[2]) / 2)


def test_hedges_are_counted_per_thousand_words(analyzer):
    result = analyzer.analyze(make_article(outlet="Wire", text="Troops reportedly left. " * 5))
    assert result.scores["hedges"] == 5
    assert result.scores["hedges_per_1k"] == pytest.approx(5 * 1000 / 15)


def test_analysis_is_deterministic(analyzer, sample_articles):
    article = sample_articles[0]
    assert analyzer.analyze(article) == analyzer.analyze(article)


def test_a_batch_gives_each_article_the_result_analyze_gives_it(lexicons, sample_articles):
    one_by_one = [Analyzer(lexicons).analyze(a) for a in sample_articles]
    assert Analyzer(lexicons).analyze_batch(sample_articles) == one_by_one


def test_a_process_pool_gives_the_same_results_as_one_process(lexicons, sample_articles):
    articles = sample_articles[:12]
    one = [r for _, rs in analyze_stream(articles, lexicons, workers=1, batch_size=5) for r in rs]
    two = [r for _, rs in analyze_stream(articles, lexicons, workers=2, batch_size=5) for r in rs]
    assert one == two and [r.article_id for r in one] == [a.article_id for a in articles]


def ids_first_and_process(analyzer, batch, first):
    """A batch's work for map_batches: module-level, so a pool's workers can unpickle it."""
    return [a.article_id for a in batch], first, os.getpid(), analyzer.analyze(batch[0])


@pytest.mark.parametrize("workers", [1, 2])
def test_map_batches_runs_the_work_where_the_analyzer_is_in_input_order(
    lexicons, sample_articles, workers
):
    articles = sample_articles[:12]
    out = list(
        map_batches(articles, lexicons, ids_first_and_process, workers=workers, batch_size=5)
    )
    assert [len(batch) for batch, _ in out] == [5, 5, 2]
    assert [ids for _, (ids, *_) in out] == [[a.article_id for a in b] for b, _ in out]
    assert [first for _, (_, first, *_) in out] == [0, 5, 10]  # place of the batch's first
    assert (os.getpid() in {pid for _, (_, _, pid, _) in out}) == (workers == 1)
    assert out[1][1][3].article_id == articles[5].article_id


@pytest.fixture(scope="module")
def seed_result(analyzer):
    if not SEED.exists():
        pytest.skip(f"{SEED} not present")
    [article] = list(load_paths([SEED.parent]))
    return article, analyzer.analyze(article)


def test_the_seed_reads_as_a_press_tv_article_without_boilerplate(seed_result):
    article, _ = seed_result
    assert article.outlet == "Press TV"
    assert article.title == "NATO says plans to expand mission in Iraq"
    assert "alternate addresses" not in article.text


def test_the_seed_has_the_sovereignty_and_assassination_framing(seed_result):
    _, result = seed_result
    framed = [e.text for e in kinds(result, "framing")]
    assert "breach of the Arab country\u2019s sovereignty" in framed
    assert "assassination" in framed


def test_the_seed_attributions_name_the_expected_sources(seed_result):
    _, result = seed_result
    rows = {(e.pattern, e.cue_class): e for e in kinds(result, "attribution")}
    assert rows[("says", "neutral")].speaker == "Jens Stoltenberg"
    assert rows[("condemned", "emotive")].anonymous is True
    coalition = [e for e in kinds(result, "attribution") if e.source == "The coalition"]
    assert coalition and coalition[0].cue == "has already said" and coalition[0].anonymous is False
    he = [e for e in kinds(result, "attribution") if e.source == "he"]
    assert he and he[0].speaker == "Jens Stoltenberg" and he[0].quote_type == "direct"


def test_results_do_not_depend_on_the_hash_seed(tmp_path):
    """Two processes with different PYTHONHASHSEED give identical evidence (Dask relies on it)."""
    import os
    import subprocess
    import sys

    script = (
        "from analysis.ingest import load_paths\n"
        "from analysis.text.lexicons import load_lexicons\n"
        "from analysis.pipeline import Analyzer\n"
        "an = Analyzer(load_lexicons())\n"
        "for a in load_paths(['data/sample']):\n"
        "    for e in an.analyze(a).evidence:\n"
        "        print(e.article_id, e.kind, e.start, e.speaker)\n"
    )
    root = ROOT
    outputs = [
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=root,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            timeout=300,
        ).stdout
        for seed in ("1", "2")
    ]
    assert outputs[0] and outputs[0] == outputs[1]


def the_batch(analyzer, batch, first):
    """A batch's work for map_batches: the articles as the worker received them."""
    return batch


def test_pool_workers_receive_every_field_of_every_article(lexicons, sample_articles):
    articles = sample_articles[:7]
    out = list(map_batches(articles, lexicons, the_batch, workers=2, batch_size=3))
    assert [a for _, received in out for a in received] == articles
    assert [batch for batch, _ in out] == [articles[:3], articles[3:6], articles[6:]]


#: Set by PreparedWork.prepare; a forked worker sees the value the parent had at fork.
_prepared_by: list[int] = []


class PreparedWork:
    """A batch's work with a ``prepare`` step: it records the preparing process."""

    def prepare(self):
        _prepared_by.append(os.getpid())

    def __call__(self, analyzer, batch, first):
        return list(_prepared_by)


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="workers fork only on POSIX"
)
def test_map_batches_prepares_the_work_once_in_the_parent_before_workers_fork(
    lexicons, sample_articles
):
    _prepared_by.clear()
    out = list(map_batches(sample_articles[:6], lexicons, PreparedWork(), workers=2, batch_size=3))
    assert _prepared_by == [os.getpid()]
    assert [seen for _, seen in out] == [[os.getpid()], [os.getpid()]]
