"""Unattributed claims: sentences asserting in the outlet's own voice with no source."""

from analysis.records import Article


def claims(analyzer, text: str) -> list[tuple[str, str]]:
    result = analyzer.analyze(Article("a", "o", text))
    return [(e.text, e.label) for e in result.evidence if e.kind == "claim"]


def test_a_factive_cue_in_the_outlets_own_voice_is_an_unattributed_claim(analyzer):
    assert claims(analyzer, "In fact, the plan is working.") == [("In fact", "factive")]


def test_a_document_shown_as_the_source_is_an_attribution_not_a_claim(analyzer):
    assert claims(analyzer, "The report shows that the plan is working.") == []


def test_an_evaluative_cue_counts_too(analyzer):
    assert claims(analyzer, "The council failed to act on the warnings.") == [
        ("failed to", "evaluative")
    ]


def test_an_attributed_sentence_is_not_an_unattributed_claim(analyzer):
    assert claims(analyzer, "The mayor said the council failed to act on the warnings.") == []


def test_a_hedged_sentence_is_not_an_unattributed_claim(analyzer):
    assert claims(analyzer, "The council reportedly failed to act on the warnings.") == []


def test_a_sentence_with_a_quotation_is_left_out(analyzer):
    assert claims(analyzer, 'The council failed to act, "a scandal" in the words of many.') == []


def test_a_sentence_counts_once_whatever_its_cues(analyzer):
    text = "It is clear that the council failed to act. Rain fell."
    result = analyzer.analyze(Article("a", "o", text))
    assert [e.text for e in result.evidence if e.kind == "claim"] == ["clear that"]
    assert result.scores["unattributed_claims"] == 1
    assert result.category_counts[("claim", "factive")] == 1


def test_sentences_without_cues_are_not_claims(analyzer):
    assert claims(analyzer, "The council met on Monday. It adjourned at noon.") == []
