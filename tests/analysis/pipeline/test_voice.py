"""Framing rows say whose words they are: the outlet's own voice or attributed content."""

import pytest

from analysis.records import Article


def framing_voices(analyzer, text: str, title: str = "") -> dict[str, str]:
    result = analyzer.analyze(Article("a", "o", text, title=title))
    return {e.text: e.voice for e in result.evidence if e.kind == "framing"}


def test_a_loaded_word_inside_a_quote_is_attributed(analyzer):
    text = 'The minister said: "The regime must fall." The talks resumed on Monday.'
    assert framing_voices(analyzer, text) == {"regime": "attributed"}


def test_a_loaded_word_in_a_paraphrase_is_attributed(analyzer):
    text = "The minister said that the regime was collapsing."
    assert framing_voices(analyzer, text) == {"regime": "attributed"}


def test_a_loaded_word_in_narration_is_the_outlets_own(analyzer):
    text = "The regime held elections on Sunday."
    assert framing_voices(analyzer, text) == {"regime": "own"}


def test_the_cue_verb_and_the_source_are_the_outlets_own_words(analyzer):
    text = 'The regime slammed the decision: "We will not accept it."'
    assert framing_voices(analyzer, text) == {"regime": "own", "slammed": "own"}


def test_headline_terms_are_the_outlets_own(analyzer):
    voices = framing_voices(analyzer, "Talks resumed.", title="Regime talks resume")
    assert voices == {"Regime": "own"}


def test_rows_of_other_kinds_carry_no_voice(analyzer):
    result = analyzer.analyze(Article("a", "o", "Officials reportedly said the talks failed."))
    assert {e.voice for e in result.evidence if e.kind != "framing"} == {""}


def test_own_voice_counts_and_rates_leave_out_attributed_terms(analyzer):
    text = 'The regime fell. The minister said: "The regime was tired."'
    result = analyzer.analyze(Article("a", "o", text))
    assert result.category_counts[("framing", "legitimacy_labels")] == 2
    assert result.category_counts[("framing_own", "legitimacy_labels")] == 1
    words = result.scores["words"]
    assert result.scores["framing_own_per_1k"] == pytest.approx(1000 / words)
    assert result.scores["framing_attributed_per_1k"] == pytest.approx(
        (result.scores["framing_count"] - 1) * 1000 / words
    )


def test_a_loaded_word_in_quotation_marks_without_a_speaker_is_attributed(analyzer):
    text = "The plan was a “disgrace to the nation”, the letter said in its second page."
    assert framing_voices(analyzer, text)["disgrace"] == "attributed"


def test_an_unclosed_quotation_mark_does_not_swallow_the_article(analyzer):
    text = "He wrote “we will go.\nThe regime held elections on Sunday."
    assert framing_voices(analyzer, text) == {"regime": "own"}


def test_each_loaded_word_is_judged_by_the_quotation_around_it_not_the_nearest_one(analyzer):
    text = (
        'The "plan" failed and the regime fell. Walls bore "the regime is finished" and "so be it".'
    )
    result = analyzer.analyze(Article("a", "o", text))
    voices = [(e.start, e.voice) for e in result.evidence if e.kind == "framing"]
    assert voices == [(text.index("regime"), "own"), (text.rindex("regime"), "attributed")]
