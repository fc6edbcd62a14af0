"""Target mentions: found inside hyphenated words too, each with a target-scoped score."""

import pytest

from analysis.pipeline import Analyzer
from analysis.records import Article
from analysis.text.lexicons import load_lexicons


@pytest.fixture(scope="module")
def analyzer(tmp_path_factory):
    targets = tmp_path_factory.mktemp("lexicon") / "targets.csv"
    targets.write_text("target,aliases,note\nMohamed Morsi,Morsi|Iraq*|US,test\n", encoding="utf-8")
    return Analyzer(load_lexicons(targets=targets))


def mentions(analyzer, text):
    result = analyzer.analyze(Article("a", "Wire", text))
    return [row.text for row in result.evidence if row.kind == "target"]


def test_an_alias_inside_a_hyphenated_word_is_a_mention(analyzer):
    assert mentions(analyzer, "Thousands joined anti-Morsi protests.") == ["Morsi"]


def test_a_prefix_alias_inside_a_hyphenated_word_is_a_mention(analyzer):
    assert mentions(analyzer, "The pro-Iraqi militia moved.") == ["Iraqi"]


def test_an_all_caps_alias_inside_a_hyphenated_word_keeps_its_case(analyzer):
    assert mentions(analyzer, "A get-us-out clause and a US-led force.") == ["US"]


def test_every_target_gets_a_scoped_score_and_its_reasons(analyzer):
    result = analyzer.analyze(Article("a", "Wire", "Morsi was accused of fraud and corruption."))
    [target] = result.targets
    assert target.scoped_sentiment < 0 and target.because


def test_a_targets_reasons_point_the_way_of_its_mean_score_not_of_its_strongest_mention(
    analyzer,
):
    text = (
        "Morsi was hailed as a brilliant, wonderful hero. "
        "Morsi was accused of fraud. Morsi was accused of corruption. "
        "Morsi was accused of lying. Morsi was accused of theft."
    )
    [target] = analyzer.analyze(Article("a", "Wire", text)).targets
    assert target.scoped_sentiment < 0
    assert target.because and all(r.endswith("(-)") for r in target.because.split("; "))


def test_a_part_of_a_hyphenated_word_met_again_is_found_again(analyzer):
    text = "Anti-Morsi crowds met pro-Morsi crowds; anti-war groups joined."
    assert mentions(analyzer, text) == ["Morsi", "Morsi"]
    assert mentions(analyzer, text) == ["Morsi", "Morsi"]
